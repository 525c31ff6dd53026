"""Refresh: run sources and load their records, one source at a time, each all-or-nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from .errors import SourceError, UsageError
from .identity import rebuild_identity
from .sources import SOURCES
from .warehouse.loader import group_by_table, record_run, replace_source
from .warehouse.tx import utc_now


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


def refresh_source(con: duckdb.DuckDBPyConnection, name: str, offline: Path | None,
                   progress: Progress | None = None) -> RefreshResult:
    spec = SOURCES[name]
    started = utc_now()
    origin = f"mirror:{offline}" if offline else spec.live_url
    try:
        ingest = spec.ingest
        if ingest is not None:  # streaming sources (the Hub) manage their own transactions
            rows = ingest(con, offline, (lambda n: progress(name, n)) if progress else None)
        else:
            live = spec.live
            if offline:
                records = spec.offline(offline)
            elif live is not None:
                records = live()
            else:
                raise SourceError(name, spec.live_url, "this source has no live origin; use --offline DIR")
            grouped = group_by_table(records, (lambda n: progress(name, n)) if progress else None)
            rows = replace_source(con, name, grouped, spec.tables, after=rebuild_identity, history=spec.history)
    except SourceError as exc:
        record_run(con, name, started, "failed", None, origin, spec.license, str(exc))
        return RefreshResult(name, "failed", None, origin, str(exc))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        # an unforeseen shape in a source is still that source's failure, not the others'
        error = f"{name}: unexpected {type(exc).__name__}: {exc}"
        record_run(con, name, started, "failed", None, origin, spec.license, error)
        return RefreshResult(name, "failed", None, origin, error)
    except KeyboardInterrupt:
        record_run(con, name, started, "interrupted", None, origin, spec.license, "interrupted")
        raise
    record_run(con, name, started, "ok", rows, origin, spec.license)
    if progress:
        progress(name, rows)
    return RefreshResult(name, "ok", rows, origin)


def plan(names: Iterable[str] | None = None, offline: Path | None = None) -> list[str]:
    """The sources a refresh would run, or a UsageError saying why none can."""
    if offline is not None and not offline.is_dir():
        raise UsageError(f"--offline {offline}: not a directory")
    chosen = select_sources(names, offline)
    if not chosen:
        raise UsageError(f"--offline {offline}: no mirror files for any source (expected a layout like shared/data)")
    return chosen


def refresh(con: duckdb.DuckDBPyConnection, names: Iterable[str] | None = None, offline: Path | None = None,
            progress: Progress | None = None, on_done: Callable[[RefreshResult], None] | None = None) -> list[RefreshResult]:
    """Refresh the chosen sources (all by default); a failure stops only its own source."""
    results = []
    for name in plan(names, offline):
        result = refresh_source(con, name, offline, progress)
        results.append(result)
        if on_done:
            on_done(result)
    return results
