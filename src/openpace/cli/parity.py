"""`openpace parity`: how many months open models trail the closed frontier, per benchmark."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from ..domain import formatting
from ..errors import UsageError
from ..domain.basis import CHOICES as BASIS_CHOICES
from ..metrics.parity import METHODS
from ..metrics.parity_data import parity_for, parity_overview
from .common import AsOfOption, DbOption, JsonOption, app, err_console, out_console, parse_date_option, print_json, warehouse


def basis_label(choice: str | None) -> str:
    """The overview's basis: per benchmark (independent first) unless one was chosen."""
    return "per benchmark" if choice is None else ("mixed" if choice == "any" else choice)


def _num(value: float | None, digits: int = 1) -> str:
    return formatting.number(value, digits)


def _ci(ci: list[float] | None) -> str:
    return "–" if not ci else f"{formatting.number(ci[0])}–{formatting.number(ci[1])}"


def headline_line(result: dict) -> str:
    """One sentence: the headline lag with its interval, method and window."""
    h = result["headline"]
    evaluator = (result.get("data") or {}).get("evaluator")
    basis = f"{result['basis']} scores" + (f" by {evaluator}" if evaluator else "")
    where = f"{result['benchmark']} ({result['source'] or 'all sources'}, {basis}, as of {result['as_of']})"
    if result.get("status") == "insufficient_data":
        return f"{where}: {result['reason']}"
    if h["lag_months"] is None:
        text = f"{where}: no lag measurable ({result['method']}, {h['window_months']}-month window)"
    else:
        text = (f"{where}: open models trail the closed frontier by {'at least ' if h['at_least'] else ''}"
                f"{formatting.months(h['lag_months'])} (90% CI {_ci(h['ci90'])}; {result['method']}, "
                f"{h['window_months']}-month window)")
    if h["open_leads_days"]:
        text += f"; open models led on {h['open_leads_days']} days"
    return text


def gap_line(result: dict) -> str:
    g = result["gap"]
    if g["points"] is None:
        return "gap: needs at least 3 open and 3 closed models on one basis"
    return (f"gap: best closed {g['closed_best']:g} ({g['closed_model']}) - best open {g['open_best']:g} "
            f"({g['open_model']}) = {g['points']:g} points")


def render_one(result: dict) -> None:
    data = result["data"]
    if result["points"]:
        table = Table(title=Text(f"Closed frontier points on {result['benchmark']}"), title_justify="left")
        for name in ("closed model", "released", "score", "first open match", "released", "score", "lag (months)"):
            table.add_column(name, justify="right" if name in ("score", "lag (months)") else "left")
        for p in result["points"]:
            lag = ("≥ " if p["censored"] else "") + _num(p["lag_months"])
            table.add_row(Text(p["closed_model"]), p["closed_date"], _num(p["closed_score"], 2),
                          Text(p["open_model"] or "(none yet)"), p["open_date"] or "", _num(p["open_score"], 2),
                          lag + ("" if p["in_window"] else " *"))
        out_console.print(table)
        if not all(p["in_window"] for p in result["points"]):
            note = " (the match median counts only points inside it)" if result["method"] == "match" else ""
            out_console.print(f"* closed model released before the {result['headline']['window_months']}-month "
                              f"window{note}", markup=False, soft_wrap=True)
    out_console.print(headline_line(result), markup=False, soft_wrap=True)
    out_console.print(gap_line(result), markup=False, soft_wrap=True)
    if not data["open_models"] and not data["closed_models"]:
        out_console.print(f"no scored model released by {result['as_of']}", markup=False)
        return
    out_console.print(f"{data['open_models']} open and {data['closed_models']} closed models, "
                      f"{data['first_date']} to {data['last_date']}; sources: "
                      f"{', '.join(dict.fromkeys(s['source'] for s in data['sources']))}", markup=False, soft_wrap=True)
    stale = data["staleness"]
    if stale["stale_side"]:
        err_console.print(f"note: the {stale['stale_side']} side has no model after "
                          f"{stale['last_' + stale['stale_side']]} while the other side has models up to "
                          f"{stale['last_open' if stale['stale_side'] == 'closed' else 'last_closed']}: "
                          "its frontier is unmeasured since, not overtaken", markup=False, soft_wrap=True)
    if data.get("models_in_window") == 0:
        err_console.print(f"note: no model released in the {result['headline']['window_months']}-month window; "
                          "the lag there grows with the calendar, not with the data", markup=False, soft_wrap=True)


def render_overview(rows: list[dict], as_of: str | None) -> None:
    when = f"as of {as_of}" if as_of else "each as of the last date its data covers"
    table = Table(title=f"Open vs closed frontier lag per benchmark (horizon, {when})", title_justify="left")
    for name in ("benchmark", "basis", "lag (months)", "90% CI", "open-led days", "gap", "open", "closed", "span",
                 "stale side", "sources"):
        table.add_column(name, justify="right" if name in ("lag (months)", "open-led days", "gap", "open", "closed") else "left")
    for r in rows:
        stale = "†" if r["models_in_window"] == 0 else ""
        basis = r["basis"] + (f" ({r['evaluator']})" if r.get("evaluator") else "")
        table.add_row(Text(r["benchmark"]), Text(basis), _num(r["lag_months"]) + stale, _ci(r["ci90"]),
                      str(r["open_leads_days"]), _num(r["gap_points"], 2), str(r["open_models"]), str(r["closed_models"]),
                      f"{r['first_date'][:7]}…{r['last_date'][:7]}", r["stale_side"] or "",
                      Text(", ".join(r["sources"])))
    out_console.print(table)
    if any(r["models_in_window"] == 0 for r in rows):
        out_console.print("† no model released in the window: the lag there grows with the calendar, not with the "
                          "data (pick an earlier --as-of)", markup=False, soft_wrap=True)


@app.command("parity")
def parity_command(
    benchmark: Annotated[str | None, typer.Option("--benchmark", help="One benchmark (default: every benchmark with enough data).")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Only scores from this source.")] = None,
    as_of: AsOfOption = None,
    method: Annotated[str, typer.Option("--method", help="Headline method: horizon (Epoch's horizontal gap) or match.")] = "horizon",
    window_months: Annotated[int | None, typer.Option("--window-months", help="Headline window in months (default 12 for horizon, 24 for match).")] = None,
    all_rows: Annotated[bool, typer.Option("--all-rows", help="Keep rows Epoch flags as low trust.")] = False,
    timeline: Annotated[bool, typer.Option("--timeline", help="Add both frontiers and lag(t) at each month end.")] = False,
    basis: Annotated[str | None, typer.Option("--basis", help="Score basis: independent, self_reported or any (labelled mixed). Default: independent when each side has 3 models, else self_reported.")] = None,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """How many months open models trail the closed frontier, per benchmark, with a 90% interval.

    Without --benchmark: every benchmark with at least 3 open and 3 closed scored models.
    """
    if method not in METHODS:
        raise UsageError(f"--method {method!r}: expected one of {', '.join(METHODS)}")
    if window_months is not None and not 1 <= window_months <= 1200:
        raise UsageError(f"--window-months {window_months}: expected a whole number of months from 1 to 1200")
    if basis is not None and basis not in BASIS_CHOICES:
        raise UsageError(f"--basis {basis!r}: expected one of {', '.join(BASIS_CHOICES)}")
    day = parse_date_option(as_of)
    con = warehouse(db)
    try:
        if benchmark is None:
            if timeline or method != "horizon":
                err_console.print("note: --timeline and --method apply with --benchmark only", markup=False)
            rows = parity_overview(con, day, source, all_rows, window_months, basis).to_json()
            if json_out:
                print_json({"as_of": day.isoformat() if day else None, "source": source, "method": "horizon",
                            "basis": basis_label(basis), "benchmarks": rows})
            elif not rows:
                err_console.print("no benchmark has at least 3 open and 3 closed scored models on one basis", markup=False)
            else:
                render_overview(rows, day.isoformat() if day else None)
            return
        result = parity_for(con, benchmark, source, day, method, window_months, all_rows, timeline, basis).to_json()
    finally:
        con.close()
    if json_out:
        print_json(result)
    else:
        render_one(result)
