"""`openpace models`: the canonical model table, its aliases, and the names that joined nothing."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from ..domain import formatting
from ..errors import UsageError
from ..identity import resolve_name_explained
from ..identity.report import date_conflicts, list_models, unmatched_names
from .common import DbOption, JsonOption, app, err_console, out_console, print_json, warehouse

OpenOption = Annotated[bool, typer.Option("--open", help="Only open-weight models (as the sources say).")]
ClosedOption = Annotated[bool, typer.Option("--closed", help="Only closed models (as the sources say).")]
NameArgument = Annotated[
    str | None,
    typer.Argument(help="Show only the models a loose name resolves to (e.g. \"Llama 3 405B\"), and the rule used.",
                   show_default=False),
]
ConflictsOption = Annotated[
    bool, typer.Option("--conflicts", help="Models whose sources date the release more than 30 days apart, "
                                           "with every source's dates.")
]
UnmatchedOption = Annotated[
    bool, typer.Option("--unmatched", help="List fact names whose model no other source names, per source.")
]


def _flag(value: bool | None) -> str:
    return "open" if value is True else "closed" if value is False else "?"


def check_filters(name: str | None, only_open: bool, only_closed: bool, unmatched: bool) -> bool | None:
    """The openness filter (True, False or None for all); contradictory or ignored flags are usage errors."""
    if only_open and only_closed:
        raise UsageError("--open and --closed exclude each other; give one, or neither for every model")
    if unmatched and (only_open or only_closed or name is not None):
        given = "--open" if only_open else "--closed" if only_closed else "NAME"
        raise UsageError(f"--unmatched lists fact names that join no model, so {given} does not apply to it")
    return True if only_open else False if only_closed else None


@app.command("models")
def models_command(name: NameArgument = None, only_open: OpenOption = False, only_closed: ClosedOption = False,
                   unmatched: UnmatchedOption = False, conflicts: ConflictsOption = False, db: DbOption = None,
                   json_out: JsonOption = False) -> None:
    """Canonical models: aliases, open/closed and its basis, release date and its source.

    NAME: only the models a loose name resolves to. --unmatched: names no other source joins (it
    lists fact names, not models, so it takes neither NAME nor --open/--closed).
    """
    open_weights = check_filters(name, only_open, only_closed, unmatched)
    if conflicts and (unmatched or name is not None or only_open or only_closed):
        raise UsageError("--conflicts lists every model with a release-date conflict; it takes no other filter")
    con = warehouse(db)
    if conflicts:
        listed = date_conflicts(con)
        if json_out:
            print_json({"count": len(listed), "min_days": 30, "models": listed})
            return
        table = Table("model id", "release date (source)", "days apart", "every source's dates")
        for c in listed:
            dates = "; ".join(f"{s['source']} {s['release_date']} ({s['rows']})" for s in c["sources"])
            table.add_row(escape(c["model_id"]), f"{c['release_date']} ({escape(c['release_source'] or '')})",
                          str(c["max_days_apart"]), escape(dates))
        out_console.print(table)
        err_console.print(f"{len(listed):,} models with sources more than 30 days apart (details: --json)", markup=False)
        return
    if unmatched:
        rows = unmatched_names(con)
        per_source = Counter(r["source"] for r in rows)
        per_source_rows: Counter[str] = Counter()
        for r in rows:
            per_source_rows[r["source"]] += r["rows"]
        if json_out:
            print_json({"by_source": {s: {"names": per_source[s], "rows": per_source_rows[s]} for s in sorted(per_source)},
                        "names": rows})
            return
        table = Table("source", "name", "tables", "rows", "model id")
        for r in rows:
            table.add_row(escape(r["source"]), escape(r["name"]), ", ".join(r["tables"]), formatting.count(r["rows"]),
                          escape(r["model_id"] or "(no alias)"))
        out_console.print(table)
        for source in sorted(per_source):
            err_console.print(f"{source}: {formatting.count(per_source[source])} unmatched names, {formatting.count(per_source_rows[source])} rows",
                              markup=False)
        return
    models = list_models(con, open_weights)
    rule = None
    if name is not None:
        ids, rule = resolve_name_explained(con, name)
        wanted = set(ids)
        models = [m for m in models if m["model_id"] in wanted]
    if json_out:
        print_json({"count": len(models), "models": models} if name is None else
                   {"query": name, "rule": rule, "count": len(models), "models": models})
        return
    table = Table("model id", "name", "weights", "basis", "released", "date from", "aliases")
    for m in models:
        table.add_row(escape(m["model_id"]), escape(m["display_name"]), _flag(m["open_weights"]),
                      escape(m["open_basis"] or ""), str(m["release_date"] or ""), escape(m["release_source"] or ""),
                      str(len(m["aliases"])))
    out_console.print(table)
    conflict_count = sum(len(m["conflicts"]) for m in models)
    if rule is not None:
        err_console.print(escape(rule))
    err_console.print(f"{formatting.count(len(models))} models; {formatting.count(conflict_count)} source conflicts (see --json)")
