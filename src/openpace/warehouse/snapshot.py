"""The bundled snapshot's files: fact tables as Parquet with provenance and licence notices, shipped
inside the package. Building it from the mirror and loading it on first use run sources and rebuild
identity, so they live a layer up, in `openpace.bundle`."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from .db import FACT_TABLES

SNAPSHOT_DIR = Path(__file__).resolve().parent.parent / "snapshot"
PROVENANCE_FILE = "PROVENANCE.json"
EPOCH_ATTRIBUTION = "Epoch AI, {dataset}, {url}, accessed {date}"


def notice_text(provenance: dict) -> str:
    lines = ["# Data notices for the bundled snapshot", "",
             "This snapshot was built from public data; each source keeps its own licence.", ""]
    for source in provenance["sources"]:
        lines.append(f"- **{source['name']}** ({source['license']}): {source['live_url']}")
    lines += ["", "Epoch AI data is licensed CC-BY 4.0. Attribution:", ""]
    lines += [f"- {a}" for a in provenance["attribution"]]
    return "\n".join(lines) + "\n"


def snapshot_provenance(snapshot_dir: Path = SNAPSHOT_DIR) -> dict | None:
    path = snapshot_dir / PROVENANCE_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def insert_snapshot_tables(con: duckdb.DuckDBPyConnection, snapshot_dir: Path = SNAPSHOT_DIR) -> None:
    """Append the snapshot's fact tables (inside the caller's transaction)."""
    for table in FACT_TABLES:
        path = snapshot_dir / f"{table}.parquet"
        if path.exists():
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet($path)", {"path": str(path)})
