"""`openpace snapshot build`: make the bundled default from a mirror."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..domain import formatting
from ..bundle import build_snapshot
from ..warehouse.snapshot import SNAPSHOT_DIR
from .common import JsonOption, app, err_console, print_json

snapshot_app = typer.Typer(help="Build the snapshot shipped inside the package.", no_args_is_help=True)
app.add_typer(snapshot_app, name="snapshot")


@snapshot_app.command("build")
def build_command(
    mirror: Annotated[Path, typer.Option("--from", help="The mirror folder (laid out like shared/data).")],
    out: Annotated[Path, typer.Option("--out", help="Where to write the snapshot.")] = SNAPSHOT_DIR,
    json_out: JsonOption = False,
) -> None:
    """Refresh every source from the mirror into a scratch warehouse and export it as the snapshot."""
    provenance = build_snapshot(mirror, out)
    summary = {"out": str(out), "built": provenance["built"],
               "sources": [{"name": s["name"], "rows": s["rows"]} for s in provenance["sources"]]}
    if json_out:
        print_json(summary)
    else:
        for s in summary["sources"]:
            err_console.print(f"{s['name']}: {formatting.count(s['rows'])} rows")
        err_console.print(f"snapshot written to {out}")
