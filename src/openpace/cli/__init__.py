"""The `openpace` command line: thin commands, one module per noun, registered on one app.

Command modules are imported when their command runs (cli/lazy.py), so `openpace --help` and
`openpace --version` do not load DuckDB, pandas or Altair.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.markup import escape

from ..errors import OpenpaceError
from .common import app, err_console
from .lazy import COMMAND_MODULES, load_all_commands

__all__ = ["COMMAND_MODULES", "app", "load_all_commands", "main"]


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"openpace {version('openpace')}")
        except PackageNotFoundError:  # running from a source tree that was never installed
            from .. import __version__

            typer.echo(f"openpace {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    show_version: Annotated[bool, typer.Option("--version", help="Print the version and exit.", is_eager=True,
                                               callback=_print_version)] = False,
) -> None:
    """Is open-weight AI outpacing closed AI? Reproducible answers from public data."""


def main() -> None:
    """Entry point: run the app; user errors become one line on stderr and an exit code."""
    try:
        app()
    except OpenpaceError as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print("interrupted; the warehouse keeps its last complete state")
        sys.exit(130)
