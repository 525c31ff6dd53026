"""Opening the warehouse: the file, its migrations, and its open modes (the first-use snapshot load
is `openpace.bundle.open_warehouse`).

Read-only commands open the file read-only, so any number can run at once. DuckDB lets one
process write or many read: a command that finds the file locked waits for it (saying so after a
second) and gives up with a clear error after `$OPENPACE_LOCK_TIMEOUT` seconds (default 120).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from ..config import default_db_path
from ..errors import OpenpaceError
from .migrations import MIGRATIONS, apply_migrations
from .tx import transaction, utc_now  # noqa: F401  (re-exported)

FACT_TABLES = ("model_facts", "scores", "prices", "hub_statements", "repo_activity", "arena_tops")
WAIT_NOTICE_SECONDS = 1.0
Waiting = Callable[[Path], None]

last_opened: Path | None = None  # the file the top-level error handler names


class WarehouseError(OpenpaceError):
    """The warehouse file cannot be used: locked too long, damaged, or its folder unusable."""


def recovery_hint(path: Path | str) -> str:
    return (f"if it is damaged, move it aside (mv '{path}' '{path}.broken'); "
            "the next command then starts again from the bundled snapshot")


def lock_timeout_seconds() -> float:
    try:
        value = float(os.environ.get("OPENPACE_LOCK_TIMEOUT", ""))
    except ValueError:
        value = 0.0
    return value if 0 < value < float("inf") else 120.0


def _is_lock_conflict(exc: duckdb.Error) -> bool:
    text = str(exc).lower()
    return "lock" in text and ("conflicting" in text or "could not set" in text)


def _open_file(db_path: Path, read_only: bool, waiting: Waiting | None) -> duckdb.DuckDBPyConnection:
    started = time.monotonic()
    noticed = False
    while True:
        try:
            return duckdb.connect(str(db_path), read_only=read_only)
        except duckdb.Error as exc:
            if read_only and "different configuration" in str(exc):
                # this process already holds the file open for writing (a test, a library caller):
                # share that instance; other processes are locked out by it either way
                read_only = False
                continue
            if not _is_lock_conflict(exc):
                raise WarehouseError(f"cannot open warehouse {db_path}: {str(exc).splitlines()[0]}; "
                                     f"{recovery_hint(db_path)}") from None
            waited = time.monotonic() - started
            if waited > lock_timeout_seconds():
                raise WarehouseError(f"warehouse {db_path} is in use by another openpace process (a refresh?); "
                                     f"waited {waited:.0f} s; try again when it has finished") from None
            if waiting and not noticed and waited >= WAIT_NOTICE_SECONDS:
                waiting(db_path)
                noticed = True
            time.sleep(0.1)


def connect(path: Path | str | None = None, *, read_only: bool = False,
            waiting: Waiting | None = None) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed, unless read-only) the DuckDB file and bring its schema up to date."""
    global last_opened
    db_path = Path(path) if path else default_db_path()
    if str(db_path) != ":memory:":
        last_opened = db_path
        if not read_only:
            try:
                db_path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise WarehouseError(f"cannot create the folder for warehouse {db_path}: "
                                     f"{exc.strerror or exc}") from None
    con = _open_file(db_path, read_only, waiting)
    if not read_only:
        apply_migrations(con)
    return con


def is_empty(con: duckdb.DuckDBPyConnection) -> bool:
    return all(con.execute(f"SELECT count(*) = 0 FROM {t}").fetchone() == (True,) for t in FACT_TABLES)


def is_ready(con: duckdb.DuckDBPyConnection) -> bool:
    """Every migration applied and some facts loaded: nothing left to write before reading."""
    try:
        done = {row[0] for row in con.execute("SELECT number FROM schema_migrations").fetchall()}
    except duckdb.CatalogException:
        return False
    return set(MIGRATIONS) <= done and not is_empty(con)
