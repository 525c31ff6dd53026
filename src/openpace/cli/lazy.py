"""Commands loaded when they run, so `openpace --help` and `--version` start fast.

A command module imports what its command needs (DuckDB, pandas, Altair, the report...), which
takes about a second. The top-level help only needs each command's name and first docstring
paragraph, so those are read from the command modules' source (`ast`, a few milliseconds); the
modules are imported only when a command is resolved to run (or for its own `--help`).
`tests/test_cli_startup.py` checks the listing equals what typer registers once everything is loaded.
"""

from __future__ import annotations

import ast
import inspect
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from typer.core import TyperCommand, TyperGroup

if TYPE_CHECKING:
    from typer import _click as click  # typer's own click, the one its groups and contexts are built on

# The command modules, in the order their commands are listed (cli/<module>.py).
COMMAND_MODULES = ("refresh", "sources", "snapshot", "models", "facts", "parity", "capability", "prices", "ecosystem",
                   "check", "report")
HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class CommandEntry:
    """A command as its module's source declares it: `openpace <name>`, its help, its module."""

    name: str
    help: str
    module: str
    group: bool  # a sub-app (`app.add_typer`), listed after the plain commands as typer lists them


def _constant(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _keyword(call: ast.Call, name: str) -> str | None:
    return next((_constant(k.value) for k in call.keywords if k.arg == name), None)


def _module_entries(module: str) -> list[CommandEntry]:
    tree = ast.parse((HERE / f"{module}.py").read_text(encoding="utf-8"))
    sub_apps: dict[str, str] = {}  # variable -> help of `x = typer.Typer(help=...)`
    entries: list[CommandEntry] = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name):
            sub_apps[node.targets[0].id] = _keyword(node.value, "help") or ""
        call = node.value if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) else None
        if call is not None and isinstance(call.func, ast.Attribute) and call.func.attr == "add_typer" \
                and isinstance(call.func.value, ast.Name) and call.func.value.id == "app" and call.args:
            variable = call.args[0].id if isinstance(call.args[0], ast.Name) else ""
            name = _keyword(call, "name") or variable
            entries.append(CommandEntry(name, _keyword(call, "help") or sub_apps.get(variable, ""), module, True))
        if isinstance(node, ast.FunctionDef):
            for deco in node.decorator_list:
                if isinstance(deco, ast.Call) and isinstance(deco.func, ast.Attribute) and deco.func.attr == "command" \
                        and isinstance(deco.func.value, ast.Name) and deco.func.value.id == "app":
                    name = (_constant(deco.args[0]) if deco.args else None) or _keyword(deco, "name") \
                        or node.name.replace("_", "-")
                    help_text = _keyword(deco, "help") or inspect.cleandoc(ast.get_docstring(node, clean=False) or "")
                    entries.append(CommandEntry(name, help_text, module, False))
    return entries


@cache
def command_entries() -> tuple[CommandEntry, ...]:
    """Every command and sub-app, in typer's listing order: plain commands, then groups."""
    entries = [e for module in COMMAND_MODULES for e in _module_entries(module)]
    return tuple([e for e in entries if not e.group] + [e for e in entries if e.group])


def load_all_commands() -> None:
    """Import every command module: each registers its commands on the typer app. Plain imports,
    so a missing or broken module is an ImportError, never a command that silently vanishes."""
    # in COMMAND_MODULES order: typer lists commands in the order they register
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


class _Listed(TyperCommand):
    """A stand-in with a command's name and help, enough for the top-level help listing."""


class LazyGroup(TyperGroup):
    """The `openpace` group: lists commands from their source, imports a module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        names = [e.name for e in command_entries()]
        return names + [n for n in super().list_commands(ctx) if n not in names]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = super().get_command(ctx, cmd_name)
        if found is not None:
            return found
        entry = next((e for e in command_entries() if e.name == cmd_name), None)
        return None if entry is None else _Listed(cmd_name, help=entry.help)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        name, cmd, rest = super().resolve_command(ctx, args)
        if isinstance(cmd, _Listed) and name is not None:
            cmd = self._load(name)
        return name, cmd, rest

    def _load(self, name: str) -> click.Command:
        """Import the command's own module and build the command the way typer builds the app's.

        Only that module: the others' imports (the report's Altair, the capability index's SciPy...)
        cost about a second, which `openpace lineage --top 20` would otherwise pay on every run."""
        import importlib

        import typer.main

        from .common import app

        entry = next(e for e in command_entries() if e.name == name)
        importlib.import_module(f"{__package__}.{entry.module}")
        real: Any = typer.main.get_command(app)
        command = real.commands[name]
        self.add_command(command, name)
        return command
