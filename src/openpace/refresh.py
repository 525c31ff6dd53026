"""Refresh: run sources and load their records, one source at a time, each all-or-nothing.

Nothing replaces a source's rows before it passes three checks: every record's fields
(`sources/validate.py`), at least one row, and no unexplained loss: the new rows must be at least
half the source's previous count, and, from a mirror, every file that gave rows last time must
give rows again (a removed or emptied file is an error, not a quiet deletion). `--allow-shrink`
accepts a deliberate drop. Any exception inside a source is that source's failed run, recorded in
`ingest_runs`; the other sources still run.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from types import FrameType

import duckdb

from .errors import OpenpaceError, SourceError, UsageError
from .http_guard import source_deadline
from .sources import SOURCES
from .sources.base import BadDate, SourceSpec
from .sources.validate import checked
from .warehouse.hub import ingest as ingest_hub_listing
from .warehouse.loader import group_by_table, record_run, replace_source
from .warehouse.tx import utc_now

MIN_FRACTION = 0.5  # a refresh keeping less than half a source's rows needs --allow-shrink
SOURCE_DEADLINE_SECONDS = 3600.0  # one source's live fetches, all requests together ($OPENPACE_SOURCE_DEADLINE)
HUB_DEADLINE_SECONDS = 6 * 3600.0  # the Hub crawl resumes where a deadline stops it
# streamed sources, loaded by the warehouse layer itself: (con, offline root or None, progress) -> rows
STREAM_LOADERS: dict[str, Callable[[duckdb.DuckDBPyConnection, Path | None, Callable[[int], None] | None], int]] = {
    "hf_hub": ingest_hub_listing,
}


@dataclass
class RefreshResult:
    source: str
    status: str  # ok | failed
    rows: int | None
    origin: str
    error: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


Progress = Callable[[str, int | None], None]  # (source, rows read so far)


def select_sources(names: Iterable[str] | None, offline: Path | None) -> list[str]:
    chosen = list(names or [])
    unknown = [n for n in chosen if n not in SOURCES]
    if unknown:
        raise UsageError(f"unknown source {', '.join(unknown)}; known: {', '.join(SOURCES)}")
    if chosen:
        return chosen
    if offline is None:
        return [name for name, spec in SOURCES.items() if spec.live is not None]
    # offline: every source whose mirror files exist (hf_hub has no shipped mirror)
    return [name for name, spec in SOURCES.items() if any(offline.glob(spec.mirror_glob))]


def preload(names: Iterable[str]) -> None:
    """Import what loading record sources needs (pandas, the identity rebuild) before the warehouse
    is opened, as every refresh did before a Hub-only one stopped paying for it: a Ctrl-C that lands
    in a first import made from inside a DuckDB call surfaces as a DuckDB error, not an interruption."""
    if any(not SOURCES[name].streamed for name in names):
        import pandas  # noqa: F401

        from . import identity  # noqa: F401


def rebuild_identity(con: duckdb.DuckDBPyConnection) -> None:
    """`identity.rebuild_identity`, imported when a record source loads: it needs pandas, which a
    refresh of the Hub listing alone never loads (start-up)."""
    from .identity import rebuild_identity as rebuild

    rebuild(con)


def deadline_for(spec: SourceSpec) -> float:
    try:
        value = float(os.environ.get("OPENPACE_SOURCE_DEADLINE", ""))
    except ValueError:
        value = 0.0
    if value > 0 and value < float("inf"):
        return value
    return HUB_DEADLINE_SECONDS if spec.streamed else SOURCE_DEADLINE_SECONDS


def file_of(origin: str | None) -> str:
    return (origin or "").split(" <- ", 1)[0]


def replaced_rows(spec: SourceSpec, table: str, grouped: dict[str, list[dict]]) -> tuple[str, list]:
    """SQL condition (and parameters) for the rows of `table` this load would delete.

    A history table keeps the observation dates the load does not bring (see `replace_source`).
    """
    if table not in spec.history:
        return "source = ?", [spec.name]
    dates = sorted({row["observed"] for row in grouped.get(table, [])}, key=lambda d: (d is None, d))
    if not dates:
        return "false", []
    marks = " OR ".join("observed IS NOT DISTINCT FROM ?" for _ in dates)
    return f"source = ? AND ({marks})", [spec.name, *dates]


def check_no_loss(con: duckdb.DuckDBPyConnection, spec: SourceSpec, grouped: dict[str, list[dict]],
                  offline: Path | None, allow_shrink: bool) -> None:
    """Refuse a load that would silently lose rows: none at all, under half, or a vanished file."""
    where = str(offline) if offline else spec.live_url
    new = sum(len(rows) for rows in grouped.values())
    if new == 0:
        raise SourceError(spec.name, where, "no rows read; the old rows are kept")
    if allow_shrink:
        return
    conditions = {t: replaced_rows(spec, t, grouped) for t in sorted(set(spec.tables) | set(grouped))}
    old = sum((con.execute(f"SELECT count(*) FROM {t} WHERE {cond}", params).fetchone() or (0,))[0]
              for t, (cond, params) in conditions.items())
    if offline is not None:  # a named file is the most useful message, so it comes first
        before: set[str] = set()
        for t, (cond, params) in conditions.items():
            before |= {file_of(o) for (o,) in con.execute(
                f"SELECT DISTINCT origin FROM {t} WHERE {cond} AND origin LIKE 'mirror:%'", params).fetchall()}
        now = {file_of(row.get("origin")) for rows in grouped.values() for row in rows}
        vanished = sorted(before - now)
        if vanished:
            shown = ", ".join(f.removeprefix("mirror:") for f in vanished[:5]) + (" ..." if len(vanished) > 5 else "")
            raise SourceError(spec.name, where, f"no rows from {shown} (missing or emptied?), which gave rows last "
                                                "time; the old rows are kept (--allow-shrink accepts the drop)")
    if old and new < old * MIN_FRACTION:
        raise SourceError(spec.name, where, f"would shrink from {old:,} to {new:,} rows (under {MIN_FRACTION:.0%} of "
                                            "the rows it replaces); the old rows are kept (--allow-shrink accepts the drop)")


def refresh_source(con: duckdb.DuckDBPyConnection, name: str, offline: Path | None,
                   progress: Progress | None = None, *, allow_shrink: bool = False) -> RefreshResult:
    spec = SOURCES[name]
    started = utc_now()
    origin = f"mirror:{offline}" if offline else spec.live_url
    try:
        with source_deadline(deadline_for(spec)):
            if spec.streamed:  # the Hub listing: the warehouse layer loads it, in its own transactions
                if name not in STREAM_LOADERS:
                    raise SourceError(name, origin, "a streamed source with no loader in refresh.STREAM_LOADERS")
                rows = STREAM_LOADERS[name](con, offline, (lambda n: progress(name, n)) if progress else None)
            else:
                if offline is not None:
                    records = checked(spec.offline(offline))
                elif spec.live is not None:
                    records = checked(spec.live())
                else:
                    raise SourceError(name, spec.live_url, "this source has no live origin; use --offline DIR")
                grouped = group_by_table(records, (lambda n: progress(name, n)) if progress else None)
                check_no_loss(con, spec, grouped, offline, allow_shrink)
                rows = replace_source(con, name, grouped, spec.tables, after=rebuild_identity, history=spec.history)
    except (KeyboardInterrupt, duckdb.InterruptException):  # DuckDB turns Ctrl-C inside a query into its own
        record_quietly(con, name, started, "interrupted", origin, spec.license, "interrupted")
        raise KeyboardInterrupt from None
    except Exception as exc:  # noqa: BLE001 - whatever one source does wrong is that source's failure
        if interrupted(exc):  # Ctrl-C inside DuckDB, surfacing as a later statement's error
            record_quietly(con, name, started, "interrupted", origin, spec.license, "interrupted")
            raise KeyboardInterrupt from None
        error = describe_failure(name, origin, exc)
        record_quietly(con, name, started, "failed", origin, spec.license, error)
        return RefreshResult(name, "failed", None, origin, error)
    record_run(con, name, started, "ok", rows, origin, spec.license)
    if progress:
        progress(name, rows)
    return RefreshResult(name, "ok", rows, origin)


# set by Ctrl-C during a refresh: DuckDB may swallow the interrupt and leave only an aborted transaction behind
# ("Current transaction is aborted"), with no trace of the Ctrl-C in the exception's chain
_SIGINT_SEEN = threading.Event()


@contextmanager
def sigint_noted() -> Iterator[None]:
    """Note Ctrl-C (then raise KeyboardInterrupt as Python does) while the block runs, in the main thread only."""
    _SIGINT_SEEN.clear()
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def note(signum: int, frame: FrameType | None) -> None:
        _SIGINT_SEEN.set()
        signal.default_int_handler(signum, frame)

    previous = signal.signal(signal.SIGINT, note)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def interrupted(exc: BaseException | None) -> bool:
    """Whether Ctrl-C is somewhere in the exception's chain (DuckDB may report it as the aborted
    transaction a clean-up statement then meets)."""
    if _SIGINT_SEEN.is_set():
        return True
    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, (KeyboardInterrupt, duckdb.InterruptException)):
            return True
        if isinstance(exc, RuntimeError) and str(exc).strip() == "Query interrupted":  # DuckDB, via pandas
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def record_quietly(con: duckdb.DuckDBPyConnection, name: str, started: datetime, status: str, origin: str,
                   license: str, error: str) -> None:
    """Record a failed or interrupted run; a warehouse that cannot even take that (a full disk, a
    transaction left aborted) must not hide the source's own error."""
    try:
        con.execute("ROLLBACK")  # whatever the source left open is already undone or must be
    except duckdb.Error:
        pass
    try:
        record_run(con, name, started, status, None, origin, license, error)
    except duckdb.Error:
        pass


def describe_failure(name: str, origin: str, exc: BaseException) -> str:
    """One line for a source's failure: the SourceError's own, or the exception's type and first line."""
    if isinstance(exc, OpenpaceError):
        text = str(exc)
        return text if text.startswith(f"{name}:") else f"{name}: {text}"
    first = (str(exc).strip().splitlines() or [""])[0][:300]
    if isinstance(exc, BadDate):
        return f"{name}: {file_of(origin)}: {first}"
    return f"{name}: {file_of(origin)}: unexpected {type(exc).__name__}" + (f": {first}" if first else "")


def plan(names: Iterable[str] | None = None, offline: Path | None = None) -> list[str]:
    """The sources a refresh would run, or a UsageError saying why none can."""
    if offline is not None and not offline.is_dir():
        raise UsageError(f"--offline {offline}: not a directory")
    chosen = select_sources(names, offline)
    if not chosen:
        raise UsageError(f"--offline {offline}: no mirror files for any source (expected a layout like shared/data)")
    return chosen


def refresh(con: duckdb.DuckDBPyConnection, names: Iterable[str] | None = None, offline: Path | None = None,
            progress: Progress | None = None, on_done: Callable[[RefreshResult], None] | None = None,
            *, allow_shrink: bool = False) -> list[RefreshResult]:
    """Refresh the chosen sources (all by default); a failure stops only its own source."""
    results = []
    with sigint_noted():
        for name in plan(names, offline):
            result = refresh_source(con, name, offline, progress, allow_shrink=allow_shrink)
            results.append(result)
            if on_done:
                on_done(result)
    return results
