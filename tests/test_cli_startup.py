"""`openpace --help` and `--version` start without the heavy libraries: the command modules are
imported when their command runs (cli/lazy.py). Timings live in benchmarks/cli_startup.py."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from importlib.metadata import version

import pytest

from openpace.cli import app, load_all_commands
from openpace.cli.lazy import command_entries

pytestmark = pytest.mark.subprocess  # each test starts a fresh interpreter: start-up is what it checks

# what a command needs and `--help` must not load (each costs 30-800 ms to import)
HEAVY = ("duckdb", "pandas", "numpy", "altair", "vl_convert", "httpx", "huggingface_hub", "jinja2", "pyarrow",
         "openpace.warehouse", "openpace.refresh", "openpace.report", "openpace.claims", "openpace.metrics",
         "openpace.identity", "openpace.sources")

PROBE = """
import json, sys
from openpace.cli import main
sys.argv = ["openpace", *ARGS]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in HEAVY_ROOTS or m in HEAVY)), file=sys.stderr)
"""


def loaded_after(args: list[str]) -> tuple[str, list[str]]:
    """Run `openpace ARGS` in a fresh interpreter: (stdout, the heavy modules it had imported)."""
    roots = sorted({m.split(".")[0] for m in HEAVY if not m.startswith("openpace")})
    code = PROBE.replace("ARGS", repr(args)).replace("HEAVY_ROOTS", repr(roots)).replace("HEAVY", repr(HEAVY))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    modules = json.loads(done.stderr.strip().splitlines()[-1])
    return done.stdout, [m for m in modules if m in HEAVY or m.split(".")[0] in HEAVY]


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"]], ids=["bare", "help", "version"])
def test_help_and_version_import_no_heavy_library(args: list[str]) -> None:
    out, heavy = loaded_after(args)
    assert heavy == []
    assert out.strip()


def test_version_is_the_installed_package_version() -> None:
    out, _ = loaded_after(["--version"])
    assert out.strip() == f"openpace {version('openpace')}"


def test_a_command_loads_its_module_when_it_runs() -> None:
    out, heavy = loaded_after(["parity", "--help"])
    assert "--benchmark" in out and "openpace.metrics" in heavy


def test_a_command_loads_only_its_own_module() -> None:
    out, heavy = loaded_after(["lineage", "--help"])
    assert "--top" in out and "openpace.metrics" in heavy
    assert "altair" not in heavy and "openpace.report" not in heavy  # the report's modules are not the lineage's
    assert "pandas" not in heavy  # the identity rebuild and the record loader import it when they run


def test_the_listing_read_from_source_is_what_typer_registers() -> None:
    """The top-level help reads names and docstrings with `ast`; loading every module must agree."""
    load_all_commands()
    registered = [(c.name or c.callback.__name__.replace("_", "-"), (c.help or c.callback.__doc__ or ""))
                  for c in app.registered_commands]
    registered += [(g.name, g.typer_instance.info.help) for g in app.registered_groups]
    assert [(e.name, e.help) for e in command_entries()] == [(n, inspect.cleandoc(h)) for n, h in registered]
