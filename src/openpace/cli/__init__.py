"""The `openpace` command line: thin commands, one module per noun, registered on one app.

Command modules are imported when their command runs (cli/lazy.py), so `openpace --help` and
`openpace --version` do not load DuckDB, pandas or Altair.
"""

from __future__ import annotations

import errno
import os
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


INTERRUPTED = "interrupted; the warehouse keeps its last complete state"


def command_name(argv: list[str]) -> str:
    words = [a for a in argv[1:] if not a.startswith("-")][:2]
    return " ".join(["openpace", *words[:1]])


def unexpected(exc: BaseException) -> str:
    """One line for an error no command foresaw: what failed, where, and what to do next."""
    import duckdb

    from ..warehouse import db

    first = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]
    where = db.last_opened
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC or "no space left" in first.lower():
        return f"the disk is full ({first}); free some space and run the command again (the warehouse is unchanged)"
    if isinstance(exc, duckdb.Error) and where is not None:
        return f"warehouse {where}: {type(exc).__name__}: {first}; {db.recovery_hint(where)}"
    if isinstance(exc, OSError):
        return f"{exc.filename or 'a file'}: {exc.strerror or first}"
    return f"unexpected {type(exc).__name__}: {first} (set OPENPACE_DEBUG=1 to see the traceback)"


def main() -> None:
    """Entry point: run the app; every error becomes one line on stderr and an exit code.

    No traceback reaches the user unless OPENPACE_DEBUG=1. Typer turns Ctrl-C into exit 130
    silently, so the app runs in non-standalone mode and the code is looked at here.
    """
    import typer

    name = command_name(sys.argv)
    try:
        code = app(standalone_mode=False)
    except OpenpaceError as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        err_console.print(INTERRUPTED)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, a next step
        show, code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
        if callable(show) and isinstance(code, int):
            show()  # a usage error from (typer's copy of) click: its own message, exit 2
            sys.exit(code)
        if os.environ.get("OPENPACE_DEBUG") == "1":
            raise
        err_console.print(f"[red]error:[/red] {escape(name)}: {escape(unexpected(exc))}", highlight=False,
                          soft_wrap=True)
        sys.exit(1)
    if code == 130:
        err_console.print(INTERRUPTED)
    sys.exit(code if isinstance(code, int) else 0)
