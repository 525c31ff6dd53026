"""Opening the warehouse: the file, its migrations, and the first-use snapshot load."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..config import default_db_path
from ..errors import OpenpaceError
from .migrations import apply_migrations
from .tx import transaction, utc_now  # noqa: F401  (re-exported)

FACT_TABLES = ("model_facts", "scores", "prices", "hub_statements", "repo_activity", "arena_tops")


def connect(path: Path | str | None = None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the DuckDB file and bring its schema up to date."""
    db_path = Path(path) if path else default_db_path()
    if str(db_path) != ":memory:":
        db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(db_path), read_only=read_only)
    except duckdb.Error as exc:
        raise OpenpaceError(f"cannot open warehouse {db_path}: {str(exc).splitlines()[0]}") from None
    if not read_only:
        apply_migrations(con)
    return con


def is_empty(con: duckdb.DuckDBPyConnection) -> bool:
    return all(con.execute(f"SELECT count(*) = 0 FROM {t}").fetchone() == (True,) for t in FACT_TABLES)
