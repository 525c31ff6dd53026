"""The `openpace` command line: thin commands, one module per noun, registered on one app."""

from __future__ import annotations

import sys

from rich.markup import escape

from ..errors import OpenpaceError
from .common import app, err_console

# Importing a command module registers its commands on `app`, in this order (the order of `--help`).
# Plain imports: a missing or broken module is an ImportError, never a command that silently vanishes.
from . import refresh  # noqa: F401
from . import sources  # noqa: F401
from . import snapshot  # noqa: F401
from . import models  # noqa: F401
from . import facts  # noqa: F401
from . import parity  # noqa: F401
from . import capability  # noqa: F401
from . import prices  # noqa: F401
from . import ecosystem  # noqa: F401
from . import check  # noqa: F401
from . import report  # noqa: F401


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
