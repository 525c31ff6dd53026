"""`openpace refresh`: ingest sources, each all-or-nothing, with a progress bar on stderr."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

from ..domain import formatting
from ..refresh import RefreshResult, plan, preload, refresh
from .common import DbOption, JsonOption, app, err_console, print_json, writable_warehouse


@app.command("refresh")
def refresh_command(
    source: Annotated[list[str] | None, typer.Option("--source", help="Only this source (repeatable).")] = None,
    offline: Annotated[Path | None, typer.Option("--offline", help="Read a mirror laid out like shared/data.")] = None,
    allow_shrink: Annotated[bool, typer.Option(
        "--allow-shrink", help="Accept a load with far fewer rows than the last one, or a mirror file gone.")] = False,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Pull sources into the warehouse (live, or from a mirror with --offline). Exit 1 if any failed."""
    chosen = plan(source, offline)  # usage errors before any progress bar or file is opened
    preload(chosen)
    con = writable_warehouse(db)
    results: list[RefreshResult] = []
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[rows]}"),
                  TimeElapsedColumn(), console=err_console, transient=False) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(name: str, rows: int | None) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(name, total=None, rows="")
            bar.update(tasks[name], rows=f"{formatting.count(rows)} rows" if rows else "")

        def done(result: RefreshResult) -> None:
            progress(result.source, result.rows)
            status = "[green]ok[/green]" if result.status == "ok" else "[red]failed[/red]"
            bar.update(tasks[result.source], total=1, completed=1, description=f"{result.source} {status}")

        try:
            results = refresh(con, chosen, offline, progress=progress, on_done=done, allow_shrink=allow_shrink)
        finally:
            con.close()
    failed = [r for r in results if r.status != "ok"]
    if json_out:
        print_json([r.to_dict() for r in results])
    for result in failed:
        err_console.print(f"[red]error:[/red] {escape(result.error or result.source)}", soft_wrap=True)
    if failed:
        raise typer.Exit(1)
