"""The bundled snapshot end to end: `openpace snapshot build` refreshes every mirror source into a
scratch warehouse and exports its fact tables; the first command run against an empty warehouse
loads them (with model identity rebuilt in the same transaction), so everything works offline with
no flags. It sits above `refresh` and `identity` because it runs both; the snapshot's files and
their provenance are `warehouse.snapshot`."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb

from .errors import InputError, OpenpaceError
from .refresh import refresh
from .sources import SOURCES
from .config import default_db_path
from .warehouse.db import FACT_TABLES, Waiting, connect, is_empty, is_ready
from .warehouse.loader import record_run
from .warehouse.snapshot import (
    EPOCH_ATTRIBUTION,
    PROVENANCE_FILE,
    SNAPSHOT_DIR,
    insert_snapshot_tables,
    notice_text,
    snapshot_provenance,
)
from .warehouse.tx import transaction, utc_now


def open_warehouse(path: Path | str | None = None, *, load_default: bool = True, read_only: bool = False,
                   waiting: Waiting | None = None) -> duckdb.DuckDBPyConnection:
    """Connect; on first use with an empty warehouse, load the bundled snapshot.

    `read_only`: the connection cannot write, so readers never lock each other out. A `path` given
    explicitly must exist (a read never creates a warehouse where the user pointed by mistake);
    the default warehouse is created and loaded on first use, then reopened read-only.
    """
    db_path = Path(path) if path else default_db_path()
    if read_only:
        if path is not None and not db_path.exists():
            raise InputError(f"--db {db_path}: no warehouse there (nothing was created); "
                             f"make one with `openpace refresh --db {db_path}`, or leave out --db")
        if db_path.exists():
            con = connect(db_path, read_only=True, waiting=waiting)
            if is_ready(con) or not load_default:
                return con
            con.close()
        open_warehouse(db_path, load_default=load_default, waiting=waiting).close()  # migrate / first load
        return connect(db_path, read_only=True, waiting=waiting)
    con = connect(db_path, waiting=waiting)
    if load_default and is_empty(con):
        load_bundled_snapshot(con)
    return con


def load_bundled_snapshot(con: duckdb.DuckDBPyConnection, snapshot_dir: Path = SNAPSHOT_DIR) -> bool:
    """Load the shipped snapshot into an (empty) warehouse in one transaction."""
    provenance = snapshot_provenance(snapshot_dir)
    if provenance is None:
        return False
    from .identity import rebuild_identity  # pandas: loaded only when a snapshot is (commands start faster)

    with transaction(con):
        insert_snapshot_tables(con, snapshot_dir)
        rebuild_identity(con)
        now = utc_now()
        for source in provenance["sources"]:
            record_run(con, source["name"], now, "ok", source["rows"],
                       f"bundled snapshot built {provenance['built']}", source["license"])
    return True


def build_snapshot(mirror: Path, out_dir: Path = SNAPSHOT_DIR,
                   progress: Callable[..., Any] | None = None) -> dict[str, Any]:
    """Refresh every mirror source into a scratch warehouse and export its fact tables."""
    if not mirror.is_dir():
        raise InputError(f"--from {mirror}: not a directory")
    # every table-loading source must be in the snapshot; the Hub listing is never bundled
    wanted = [name for name, spec in SOURCES.items() if not spec.streamed]
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
