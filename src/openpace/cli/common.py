"""What every command shares: the app, the consoles, `--db`/`--json` options, output helpers."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from .lazy import LazyGroup

if TYPE_CHECKING:  # DuckDB is imported by the commands that open the warehouse, not by `--help`
    import duckdb

app = typer.Typer(
    cls=LazyGroup,
    name="openpace",
    help="Is open-weight AI outpacing closed AI? Reproducible answers from public data.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out_console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="Warehouse file (default: $OPENPACE_HOME/openpace.duckdb).", show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON on stdout.")]
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="Only models released on or before this date (YYYY-MM-DD).")
]


def warehouse(db: Path | None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse, loading the bundled snapshot on first use."""
    from ..bundle import open_warehouse

    return open_warehouse(db)


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def to_json(data: Any) -> str:
    return json.dumps(data, indent=2, default=_default, ensure_ascii=False, allow_nan=False)


def print_json(data: Any) -> None:
    """JSON to stdout, nothing else."""
    typer.echo(to_json(data))


def parse_date_option(value: str | None, flag: str = "--as-of") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        from ..errors import UsageError

        raise UsageError(f"{flag} {value!r}: expected a date as YYYY-MM-DD") from None
