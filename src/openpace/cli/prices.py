"""`openpace prices`, `openpace trend`, `openpace tco`: price-performance, cost to reach a score, TCO."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from ..domain import formatting
from ..domain.basis import CHOICES as BASIS_CHOICES
from ..errors import UsageError
from ..domain.prices import DEFAULT_BLEND, parse_blend
from ..metrics.prices import price_coverage, price_performance
from ..metrics.tco import DEFAULT_MONTHS, TcoResult, tco
from ..metrics.decline import DeclineFit
from ..metrics.trend import cost_trend
from .common import (AsOfOption, DbOption, JsonOption, app, err_console, out_console, parse_date_option, print_json,
                     warehouse)

BenchmarkOption = Annotated[str | None, typer.Option("--benchmark", help="Benchmark name, e.g. MMLU.")]
MinScoreOption = Annotated[float | None, typer.Option("--min-score", help="Keep models scoring at least this.")]
BlendOption = Annotated[str, typer.Option("--blend", help="Input:output weights of the blended price.")]
SourceOption = Annotated[str | None, typer.Option("--source", help="Take scores from this source only.")]
ReleaseDatedOption = Annotated[bool, typer.Option(
    "--release-dated", help="Also date undated genai-prices prices from the model's release (see docs/prices.md).")]
BasisOption = Annotated[str | None, typer.Option("--basis", help=(
    "Score basis: independent, self_reported or any (labelled mixed). Default: independent when each side "
    "has 3 models, else self_reported."))]
DECIMALS = 4


def check_basis(basis: str | None) -> None:
    if basis is not None and basis not in BASIS_CHOICES:
        raise UsageError(f"--basis {basis!r}: expected one of {', '.join(BASIS_CHOICES)}")


def basis_line(basis: str | None, status: str | None) -> str | None:
    """Which scores the comparison rests on, and a warning when a side has too few models on it."""
    if basis is None:
        return None
    line = f"scores: {basis.replace('_', '-')} basis"
    if status == "insufficient_data":
        line += " (fewer than 3 open or closed models on any one basis: read with care)"
    return line


def rounded(value: Any) -> Any:
    """Presentation only: floats to 4 decimals (USD per million tokens as 0.5556), recursively."""
    if isinstance(value, float):
        return round(value, DECIMALS)
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value


def usd(value: float | None) -> str:
    """A USD-per-million-tokens figure, by the one rule of `openpace.domain.formatting` (4.375, 37.50, 0.2625)."""
    return formatting.usd_per_mtok(value)


def money(value: float) -> str:
    return formatting.usd(value)


def priced_at(m: dict[str, Any]) -> str:
    if m["price_basis"] == "first-party":
        return f"{m['provider']} (first party)"
    return m["provider"] + (" †" if "no first-party" in m["price_basis"] else "")


def openness(flag: bool | None) -> str:
    return "open" if flag else "closed" if flag is False else "?"


@app.command("prices")
def prices_command(
    benchmark: BenchmarkOption = None,
    min_score: MinScoreOption = None,
    as_of: AsOfOption = None,
    blend: BlendOption = "3:1",
    source: SourceOption = None,
    coverage: Annotated[bool, typer.Option(
        "--coverage", help="Per benchmark: scored models with a price, and the misses.")] = False,
    release_dated: ReleaseDatedOption = False,
    basis: BasisOption = None,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Price-performance: blended prices of models at a score, cheapest open vs closed, Pareto fronts.

    --benchmark and --min-score go together: the cheapest open and closed models are compared at
    the same score, never at whatever each happens to score.
    """
    if not coverage:
        check_score_options(benchmark, min_score)
    check_basis(basis)
    con = warehouse(db)
    if coverage:
        report = price_coverage(con)
        if json_out:
            print_json(rounded(report))
            return
        table = Table("benchmark", "scored", "priced", "share", "most-scored models without a price")
        for b in report["benchmarks"]:
            misses = ", ".join(m["display_name"] or m["model"] for m in b["frequent_unpriced"][:5])
            table.add_row(Text(b["benchmark"]), formatting.count(b["scored_models"]), formatting.count(b["priced"]),
                          formatting.percent(b["share"]), Text(misses))
        out_console.print(table)
        names = ", ".join(f"{n['name']} ({n['providers']})" for n in report["unjoined_price_names"])
        out_console.print(f"price names joining no model (providers): {names or 'none'}", soft_wrap=True,
                          markup=False)
        return
    weights = parse_blend(blend) if blend else DEFAULT_BLEND
    result = price_performance(con, benchmark, min_score, parse_date_option(as_of), weights, source, release_dated,
                               basis).to_json()
    if json_out:
        print_json(rounded(result))
        return
    title = f"{benchmark} >= {min_score:g}" if benchmark and min_score is not None else "all priced models"
    table = Table("model", "open", "score", f"blended {result['blend']}", "input", "output", "priced at", "from",
                  title=Text(f"{title}: USD per million tokens"))
    for m in result["models"]:
        flag = " ⚠" if m["disagreement"] else ""
        table.add_row(Text(m["display_name"] or m["model"]), openness(m["open_weights"]),
                      "" if m["score"] is None else f"{m['score']:g}",
                      usd(m["blended_usd_per_mtok"]) + flag, usd(m["input_usd_per_mtok"]),
                      usd(m["output_usd_per_mtok"]), Text(priced_at(m)), Text(", ".join(m["price_sources"])))
    out_console.print(table)
    for label, key in (("cheapest open", "cheapest_open"), ("cheapest closed", "cheapest_closed")):
        c = result[key]
        out_console.print(f"{label}: " + (f"{c['display_name'] or c['model']} {usd(c['blended_usd_per_mtok'])} "
                                          f"USD/Mtok ({c['provider']}, {', '.join(c['price_sources'])})"
                                          if c else "none"), markup=False, soft_wrap=True)
    if result["ratio"] is not None:
        side = "open is cheaper" if result["ratio"] > 1 else "closed is as cheap or cheaper"
        out_console.print(f"closed / open cheapest ratio at this score: {formatting.ratio(result['ratio'])} ({side})",
                          markup=False)
    if result.get("curve"):
        print_curve(result["curve"])
    said = basis_line(result["score_basis"], result["score_basis_status"])
    if said:
        out_console.print(said, markup=False)
    err_console.print("⚠ = catalogues disagree by more than 10% at one provider (--json lists them); "
                      "† = closed model without a first-party price: median of hosts", markup=False)


def print_curve(curve: dict[str, Any]) -> None:
    """The closed/open ratio over every score level: its steps, the headline and where it is undefined."""
    table = Table("levels", "cheapest open", "cheapest closed", "closed / open",
                  title=Text(f"cheapest open vs closed at every {curve['benchmark']} level (USD per million tokens)"))

    def side(c: dict[str, Any] | None) -> Text:
        return Text(f"{c['display_name']} ({c['score']:g}) {usd(c['blended_usd_per_mtok'])}" if c else "none")

    for step in curve["steps"]:
        span = f"{step['from']:g}" if step["from"] == step["to"] else f"{step['from']:g}–{step['to']:g}"
        table.add_row(span, side(step["open"]), side(step["closed"]),
                      formatting.ratio(step["ratio"]) if step["ratio"] is not None else "undefined")
    out_console.print(table)
    head = curve["headline"]
    if head:
        lo, hi = head["quartiles"]
        out_console.print(
            f"across {head['levels']} levels ({head['levels_from']:g}–{head['levels_to']:g}): closed / open median "
            f"{formatting.ratio(head['median_ratio'])} (quartiles {formatting.ratio(lo)}–{formatting.ratio(hi)}, range "
            f"{formatting.ratio(head['range'][0])}–{formatting.ratio(head['range'][1])}); open is cheaper at "
            f"{formatting.percent(head['open_cheaper_share'])} of them", markup=False, soft_wrap=True)
    for u in curve["undefined"]:
        span = f"{u['from']:g}" if u["from"] == u["to"] else f"{u['from']:g}–{u['to']:g}"
        out_console.print(f"undefined at {span} ({u['levels']} level(s)): no {u['missing']} model scores that high",
                          markup=False, soft_wrap=True)


def check_score_options(benchmark: str | None, min_score: float | None) -> None:
    """--min-score needs --benchmark; --benchmark alone compares open and closed at every score level
    (the curve) and gives no single-threshold ratio."""
    if min_score is not None and not benchmark:
        raise UsageError("--min-score needs --benchmark B: the score is on one benchmark")


def fit_line(label: str, fit: DeclineFit) -> str:
    """One line per fit: the factor with its interval, and the verdict the interval allows."""
    if fit.decline_factor_per_year is None or fit.interval is None:
        return f"{label}: no fit ({fit.reason})"
    lo, hi = fit.interval
    said = {"falling": "cheaper each year", "rising": "dearer each year"}.get(fit.verdict, fit.verdict)
    return (f"{label}: {said}: {formatting.ratio(fit.decline_factor_per_year)} per year "
            f"(90% interval {formatting.ratio(lo)}-{formatting.ratio(hi)}; {fit.n} observed months "
            f"{fit.start}..{fit.end})")


@app.command("trend")
def trend_command(
    benchmark: Annotated[str, typer.Option("--benchmark", help="Benchmark name, e.g. MMLU.")],
    min_score: Annotated[float, typer.Option("--min-score", help="The score to reach.")],
    as_of: AsOfOption = None,
    blend: BlendOption = "3:1",
    source: SourceOption = None,
    release_dated: ReleaseDatedOption = False,
    basis: BasisOption = None,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Cost to reach a score: the cheapest qualifying blended price month by month and its decline per year."""
    check_basis(basis)
    result = cost_trend(warehouse(db), benchmark, min_score, parse_date_option(as_of), parse_blend(blend), source,
                        release_dating=release_dated, basis=basis)
    if json_out:
        print_json(rounded(result.to_json()))
        return
    open_by_month = {p.month: p for p in result.open}
    closed_by_month = {p.month: p for p in result.closed}
    table = Table("month", "cheapest", "model", "open cheapest", "closed cheapest", "new data",
                  title=Text(f"cost to reach {benchmark} >= {min_score:g}, USD per million tokens ({result.blend})"))
    for p in result.series:
        o, c = open_by_month.get(p.month), closed_by_month.get(p.month)
        table.add_row(p.month, usd(p.cheapest_usd_per_mtok), Text(f"{p.display_name} ({openness(p.open_weights)})"),
                      usd(o.cheapest_usd_per_mtok) if o else "–", usd(c.cheapest_usd_per_mtok) if c else "–",
                      "yes" if p.observed else "")
    out_console.print(table)
    for label, fit in (("all", result.fit), ("open only", result.fit_open), ("closed only", result.fit_closed)):
        out_console.print(fit_line(label, fit), markup=False, soft_wrap=True)
    said = basis_line(result.score_basis, result.score_basis_status)
    if said:
        out_console.print(said, markup=False)


@app.command("tco")
def tco_command(
    model: Annotated[str | None, typer.Option(
        "--model", help="The open model to self-host (its hosted price is shown).")] = None,
    gpu_hour_usd: Annotated[float | None, typer.Option("--gpu-hour-usd", help="USD per GPU-hour.")] = None,
    gpus: Annotated[float | None, typer.Option("--gpus", help="GPUs in one deployment.")] = None,
    tokens_per_second: Annotated[float | None, typer.Option(
        "--tokens-per-second", help="Throughput of one deployment.")] = None,
    utilization: Annotated[float | None, typer.Option("--utilization", help="Share of time busy, in (0, 1].")] = None,
    monthly_tokens: Annotated[float | None, typer.Option("--monthly-tokens", help="Tokens per month.")] = None,
    compare_to: Annotated[str | None, typer.Option("--compare-to", help="The API model to compare with.")] = None,
    fixed_monthly_usd: Annotated[float | None, typer.Option("--fixed-monthly-usd", help="Fixed USD per month.")] = None,
    migrate_share: Annotated[float | None, typer.Option(
        "--migrate-share", help="Share of the volume moved, in [0, 1].")] = None,
    months: Annotated[int, typer.Option("--months", help="Months over which savings add up.")] = DEFAULT_MONTHS,
    as_of: AsOfOption = None,
    blend: BlendOption = "3:1",
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Self-hosting cost per million tokens vs an API's blended price: monthly costs, break-even, savings."""
    needs_db = compare_to is not None or model is not None
    result = tco(warehouse(db) if needs_db else None, model=model, compare_to=compare_to, gpu_hour_usd=gpu_hour_usd,
                 gpus=gpus, tokens_per_second=tokens_per_second, utilization=utilization,
                 monthly_tokens=monthly_tokens, fixed_monthly_usd=fixed_monthly_usd, migrate_share=migrate_share,
                 months=months, as_of=parse_date_option(as_of), blend=parse_blend(blend))
    if json_out:
        print_json(rounded(result.to_json()))
        return
    for line in tco_lines(result):
        out_console.print(line, soft_wrap=True, markup=False)


def tco_lines(r: TcoResult) -> list[str]:
    """The TCO in words: unit cost at capacity, then what the volume needs, costs and saves."""
    lines = [f"self-hosting: {usd(r.self_host_usd_per_mtok)} USD per million tokens at capacity "
             f"(one deployment: {formatting.number(r.capacity_tokens_per_month, 0)} tokens/month at "
             f"{formatting.percent(r.inputs.utilization)} utilisation, {money(r.deployment_monthly_usd)} USD/month)"]
    for label, m in (("self-hosted model at hosts", r.model), ("API", r.compare_to)):
        if m:
            lines.append(f"{label}: {m['display_name'] or m['asked']} {usd(m['blended_usd_per_mtok'])} USD/Mtok "
                         f"({m['provider']}, {m['price_basis']}, {', '.join(m['price_sources'])})")
    if r.monthly_self_host_usd is not None and r.inputs.monthly_tokens is not None:
        lines.append(f"at {formatting.number(r.inputs.monthly_tokens, 0)} tokens/month: {r.deployments_needed} deployment(s), "
                     f"{formatting.percent(r.utilization_at_volume)} of their full-time throughput used; "
                     f"self-hosting {money(r.monthly_self_host_usd)} USD"
                     + (f" ({usd(r.effective_usd_per_mtok)} USD/Mtok)" if r.effective_usd_per_mtok is not None else "")
                     + (f", API {money(r.monthly_api_usd)} USD" if r.monthly_api_usd is not None else ""))
    if r.break_even_note:
        be = r.break_even_monthly_tokens
        lines.append(f"break-even: {formatting.number(be, 0)} tokens/month ({r.break_even_note})" if be is not None
                     else f"break-even: none ({r.break_even_note})")
    if r.savings_usd is not None and r.inputs.migrate_share is not None:
        lines.append(f"savings over {r.inputs.months} months moving {r.inputs.migrate_share:.0%} of the volume "
                     f"({r.migrated_deployments} deployment(s)): {formatting.usd(r.savings_usd)} USD"
                     + (" (a loss)" if r.savings_usd < 0 else ""))
    return lines
