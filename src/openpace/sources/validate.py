"""Field checks every record passes before it may replace a source's rows.

One rule per field, whatever the source: numbers finite, prices and counts non-negative,
percentages within 0-100, dates plausible, commit hashes whole. A record that breaks one fails
its source with one line naming the file (the record's origin), the field and the value; exact
duplicate records are dropped, and a key seen twice with different values is refused (a
duplicated file would otherwise be counted twice).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from ..errors import SourceError
from .base import ArenaTop, HubStatement, Price, Record, RepoActivity, Score

EARLIEST = date(1900, 1, 1)  # Epoch's systems table starts in the 1950s
FUTURE_SLACK = timedelta(days=2 * 366)  # announced releases, scheduled price changes
LATEST_VALID_TO = date(2100, 1, 1)  # a price's end of validity may lie far ahead, not at 9999
BIGINT_MAX = 2**63 - 1
ELO_RANGE = (0.0, 10_000.0)
HASH_RE = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")
MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")

NON_NEGATIVE = frozenset({
    "input_usd_per_mtok", "output_usd_per_mtok", "parameters", "training_compute_flop", "hardware_quantity",
    "training_time_hours", "ci95", "models_count", "commits", "distinct_authors", "first_time_authors",
})
# a unique key per table: one row per key, whatever the source
KEYS: dict[type[Record], tuple[str, ...]] = {
    RepoActivity: ("repo", "month"),
    ArenaTop: ("date", "category"),
    HubStatement: ("date", "statement"),
}


def where(record: Record) -> str:
    """The record's file (a mirror path or URL), without the upstream part of the origin."""
    return record.origin.split(" <- ", 1)[0]


def fail(record: Record, field: str, value: Any, reason: str) -> SourceError:
    label = getattr(record, "name", None) or getattr(record, "model_name", None) or getattr(record, "repo", None)
    about = f" ({label!r})" if label else ""
    return SourceError(record.source, where(record), f"{record.TABLE}.{field} = {value!r}{about}: {reason}")


def check_number(record: Record, field: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return
    if isinstance(value, float) and not math.isfinite(value):
        raise fail(record, field, value, "not a finite number")
    if isinstance(value, int) and not -BIGINT_MAX <= value <= BIGINT_MAX:
        raise fail(record, field, value, "out of range for a count")
    if field in NON_NEGATIVE and value < 0:
        raise fail(record, field, value, "cannot be negative")


def check_date(record: Record, field: str, value: date, today: date) -> None:
    latest = LATEST_VALID_TO if field == "valid_to" else today + FUTURE_SLACK
    if not EARLIEST <= value <= latest:
        raise fail(record, field, value.isoformat(), f"not a plausible date (expected {EARLIEST} to {latest})")


def check_record(record: Record, today: date | None = None) -> None:
    """Raise SourceError for the first field that breaks a rule."""
    today = today or date.today()
    for field, value in record.row().items():
        if value is None or field == "raw":
            continue
        if isinstance(value, date):
            check_date(record, field, value, today)
        else:
            check_number(record, field, value)
    if isinstance(record, Score):
        if record.unit == "percent" and not 0.0 <= record.score <= 100.0:
            raise fail(record, "score", record.score, "a percentage must lie between 0 and 100")
        if record.unit == "elo" and not ELO_RANGE[0] < record.score < ELO_RANGE[1]:
            raise fail(record, "score", record.score, "not a plausible Elo rating")
    elif isinstance(record, ArenaTop) and not ELO_RANGE[0] < record.max_elo < ELO_RANGE[1]:
        raise fail(record, "max_elo", record.max_elo, "not a plausible Elo rating")
    elif isinstance(record, RepoActivity):
        match = MONTH_RE.match(record.month)
        if not match or not EARLIEST.year <= int(match[1]) <= (today + FUTURE_SLACK).year:
            raise fail(record, "month", record.month, "not a plausible YYYY-MM month")
        if record.head_commit is not None and not HASH_RE.match(record.head_commit):
            raise fail(record, "head_commit", record.head_commit, "not a whole commit hash (truncated?)")
    elif isinstance(record, Price) and record.valid_from and record.valid_to and record.valid_to < record.valid_from:
        raise fail(record, "valid_to", record.valid_to.isoformat(), "ends before valid_from")


def checked(records: Iterable[object]) -> Iterator[Record]:
    """Records that pass `check_record`, exact duplicates dropped, conflicting keys refused."""
    today = date.today()
    seen: set[tuple] = set()
    keyed: dict[tuple, tuple] = {}
    for record in records:
        if not isinstance(record, Record):  # a streamed source's rows are loaded by the warehouse layer
            raise TypeError(f"expected a source record, got {type(record).__name__}")
        check_record(record, today)
        row = tuple(sorted((k, repr(v)) for k, v in record.row().items()))
        identity = (type(record).__name__, row)
        if identity in seen:
            continue  # the same record twice, raw line included (a repeated line) counts once
        seen.add(identity)
        key_fields = KEYS.get(type(record))
        if key_fields:
            key = (type(record).__name__, *(getattr(record, f) for f in key_fields))
            facts = tuple(kv for kv in row if kv[0] != "raw")
            if key in keyed and keyed[key] != facts:
                shown = ", ".join(f"{f}={getattr(record, f)!s}" for f in key_fields)
                raise SourceError(record.source, where(record),
                                  f"two different {record.TABLE} rows for {shown}; refusing to guess which is right")
            keyed[key] = facts
        yield record
