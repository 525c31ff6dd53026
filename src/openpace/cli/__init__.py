"""The `openpace` command line: thin commands, one module per noun, registered on one app."""

from __future__ import annotations

import sys
from importlib import import_module

from rich.markup import escape

from ..errors import OpenpaceError
from .common import app, err_console

COMMAND_MODULES = ("refresh", "sources", "snapshot", "models", "facts", "parity", "capability", "prices", "ecosystem",
                   "check", "report")

for _module in COMMAND_MODULES:
    try:
        import_module(f"{__name__}.{_module}")
    except ModuleNotFoundError as exc:  # a command module still being written must not break the rest
        if exc.name != f"{__name__}.{_module}":
            raise


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
