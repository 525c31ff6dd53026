"""What every command shares: the app, the consoles, `--db`/`--json` options, output helpers."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.segment import Segment

from ..domain.text import visible
from ..errors import OpenpaceError, UsageError
from .lazy import LazyGroup

if TYPE_CHECKING:  # DuckDB is imported by the commands that open the warehouse, not by `--help`
    import duckdb

EARLIEST_DAY = date(1900, 1, 1)  # --as-of / --since outside these are typing slips, and overflow date arithmetic
LATEST_DAY = date(2200, 12, 31)


class SafeConsole(Console):
    """A console that never lets text from the data drive the terminal.

    Every text segment has its control and invisible format characters shown as escapes
    (`domain/text.py`), whatever the command built (tables, markup, Text); rich's own control
    segments (cursor moves of a progress bar) and line breaks pass unchanged.
    """

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            segment if segment.control else Segment(visible(segment.text, keep_newlines=True), segment.style)
            for segment in buffer)


app = typer.Typer(
    cls=LazyGroup,
    name="openpace",
    help="Is open-weight AI outpacing closed AI? Reproducible answers from public data.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out_console = SafeConsole(highlight=False)
err_console = SafeConsole(stderr=True, highlight=False)

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="Warehouse file (default: $OPENPACE_HOME/openpace.duckdb).", show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON on stdout.")]
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="Only models released on or before this date (YYYY-MM-DD).")
]


def waiting_notice(path: Path) -> None:
    """Said once when the warehouse has been locked by a writer for a second."""
    err_console.print(f"waiting for another openpace process to finish writing {escape(str(path))} ...")


def warehouse(db: Path | None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse read-only (loading the bundled snapshot on first use): readers never block each other."""
    from ..bundle import open_warehouse

    return open_warehouse(db, read_only=True, waiting=waiting_notice)


def writable_warehouse(db: Path | None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse for writing (refresh), waiting while others hold it."""
    from ..warehouse import connect

    return connect(db, waiting=waiting_notice)


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


# JSON escapes C0 controls itself; these it would print raw, and a terminal may act on them (C1 CSI)
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


def to_json(data: Any) -> str:
    """Indented JSON; a non-finite number is an error, invisible characters are \\u escapes (same data)."""
    try:
        text = json.dumps(data, indent=2, default=_default, ensure_ascii=False, allow_nan=False)
    except ValueError as exc:
        raise OpenpaceError(f"the result holds a number that is not finite ({exc}); check the inputs' ranges") from None
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def print_json(data: Any) -> None:
    """JSON to stdout, nothing else."""
    typer.echo(to_json(data))


def parse_date_option(value: str | None, flag: str = "--as-of") -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{flag} {value!r}: expected a date as YYYY-MM-DD") from None
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise UsageError(f"{flag} {value}: expected a date between {EARLIEST_DAY} and {LATEST_DAY}")
    return day


def bounded(value: float | int | None, flag: str, low: float, high: float) -> Any:
    """`value` when it is a finite number from `low` to `high` (None passes); else a usage error."""
    if value is None:
        return None
    if not math.isfinite(value) or not low <= value <= high:
        raise UsageError(f"{flag} {value}: expected a number from {low:g} to {high:g}")
    return value
