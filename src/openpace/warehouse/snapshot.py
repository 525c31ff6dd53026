"""The bundled snapshot: fact tables built from the mirror by `openpace snapshot build`,
shipped inside the package as Parquet with provenance and licence notices, and loaded
automatically into an empty warehouse so every command works offline with no flags."""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from ..errors import InputError, OpenpaceError
from ..identity import rebuild_identity
from .db import FACT_TABLES, connect
from .tx import transaction, utc_now
from .loader import record_run

SNAPSHOT_DIR = Path(__file__).resolve().parent.parent / "snapshot"
PROVENANCE_FILE = "PROVENANCE.json"
EPOCH_ATTRIBUTION = "Epoch AI, {dataset}, {url}, accessed {date}"


def build_snapshot(mirror: Path, out_dir: Path = SNAPSHOT_DIR, progress=None) -> dict:
    """Refresh every mirror source into a scratch warehouse and export its fact tables."""
    from ..refresh import refresh
    from ..sources import SOURCES

    if not mirror.is_dir():
        raise InputError(f"--from {mirror}: not a directory")
    # every table-loading source must be in the snapshot; the Hub listing is never bundled
    wanted = [name for name, spec in SOURCES.items() if spec.ingest is None]
    missing = [name for name in wanted if not any(mirror.glob(SOURCES[name].mirror_glob))]
    if missing:
        raise InputError(f"--from {mirror}: no mirror files for {', '.join(missing)} "
                         f"(expected {', '.join(SOURCES[n].mirror_glob for n in missing)})")
    with tempfile.TemporaryDirectory() as scratch:
        con = connect(Path(scratch) / "build.duckdb")
        results = refresh(con, wanted, mirror, progress=progress)
        failed = [r for r in results if r.status != "ok"]
        if failed:
            raise OpenpaceError("snapshot not built: " + "; ".join(r.error or r.source for r in failed))
        staging = Path(scratch) / "out"
        staging.mkdir()
        for table in FACT_TABLES:
            con.execute(f"COPY (SELECT * FROM {table} ORDER BY ALL) TO '{staging / (table + '.parquet')}' "
                        "(FORMAT parquet, COMPRESSION zstd)")
        manifest = json.loads((mirror / "MANIFEST.json").read_text(encoding="utf-8")) if (mirror / "MANIFEST.json").exists() else []
        built = datetime.now(timezone.utc).date().isoformat()
        sources = []
        for result in results:
            spec = SOURCES[result.source]
            origins = sorted({row[0] for table in FACT_TABLES for row in con.execute(
                f"SELECT DISTINCT origin FROM {table} WHERE source = ?", [result.source]).fetchall()})
            sources.append({"name": result.source, "rows": result.rows, "license": spec.license,
                            "live_url": spec.live_url, "origins": origins})
        provenance = {
            "built": built,
            "built_from": "the offline mirror (shared/data) by `openpace snapshot build`",
            "sources": sources,
            "manifest": manifest,
            "attribution": [
                EPOCH_ATTRIBUTION.format(dataset=name, url=url, date=built) for name, url in (
                    ("Open model trends (How far behind are open models?)", "https://github.com/epoch-research/open-model-trends"),
                    ("AI Models / benchmark data", "https://epoch.ai/data"))
            ],
        }
        (staging / PROVENANCE_FILE).write_text(json.dumps(provenance, indent=1, default=str), encoding="utf-8")
        (staging / "NOTICE.md").write_text(notice_text(provenance), encoding="utf-8")
        con.close()
        try:
            if out_dir.exists():
                shutil.rmtree(out_dir)
            shutil.copytree(staging, out_dir)
        except OSError as exc:
            raise InputError(f"--out {out_dir}: cannot write ({exc.strerror or exc})") from None
    return provenance


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


def load_bundled_snapshot(con: duckdb.DuckDBPyConnection, snapshot_dir: Path = SNAPSHOT_DIR) -> bool:
    """Load the shipped snapshot into an (empty) warehouse in one transaction."""
    provenance = snapshot_provenance(snapshot_dir)
    if provenance is None:
        return False
    with transaction(con):
        for table in FACT_TABLES:
            path = snapshot_dir / f"{table}.parquet"
            if path.exists():
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet('{path}')")
        rebuild_identity(con)
        now = utc_now()
        for source in provenance["sources"]:
            record_run(con, source["name"], now, "ok", source["rows"],
                       f"bundled snapshot built {provenance['built']}", source["license"])
    return True
