"""`openpace hub`, `openpace lineage`, `openpace contributors`: ecosystem momentum."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import duckdb
import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..domain import formatting
from ..errors import DataError
from ..metrics.contributors import RepoSummary, rows_from_table
from ..metrics.contributors import velocity as contributor_velocity
from ..metrics.hub import hub_growth
from ..metrics.lineage import LineageQuery, lineage_report
from ..sources.git_log import clone_activity
from ..sources.github import github_activity
from .common import DbOption, JsonOption, app, err_console, out_console, parse_date_option, print_json, warehouse


def quiet(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """No DuckDB progress bar: stdout is for data, and JSON mode must stay clean."""
    con.execute("SET enable_progress_bar = false")
    return con


def num(value: Any) -> str:
    """Counts with separators, measured values to one decimal (openpace.domain.formatting)."""
    return formatting.number(value, 1)


@app.command("hub")
def hub_command(db: DbOption = None, json_out: JsonOption = False) -> None:
    """Hub growth: models created per month and cumulative, by pipeline, library and licence, top
    authors, and the Hub docs' own model-count statements beside the listing's counts."""
    report = hub_growth(quiet(warehouse(db)))
    if json_out:
        print_json(report.to_json())
        return
    if report.listing is None:
        err_console.print(escape(report.message or ""), soft_wrap=True)
    else:
        first, last = report.created_range or ("?", "?")
        out_console.print(f"Hub listing: {formatting.count(report.models)} models ({formatting.count(report.undated)} "
                          f"undated), created {first[:10]} .. {last[:10]}; observed {report.listing.observed or '?'}; "
                          f"{escape('; '.join(report.listing.origins))}", soft_wrap=True)
        months = Table("month", "created", "cumulative", title="Models created per month (last 12)")
        for month in report.monthly[-12:]:
            months.add_row(Text(month.month), num(month.created), num(month.cumulative))
        out_console.print(months)
        for name, shares in report.by.items():
            table = Table(name, "models", "share", title=f"By {name}")
            for share in shares:
                table.add_row(escape(share.name), num(share.models), formatting.percent(share.share, 1))
            out_console.print(table)
        authors = Table("author", "models", title="Top authors")
        for author in report.top_authors:
            authors.add_row(escape(author.author), num(author.models))
        out_console.print(authors)
    statements = Table("date", "Hub docs say", "listing: created by then", "ratio", "hub-docs commit",
                       title="The Hub docs' own statements (rounded floors) beside the listing")
    for said in report.statements:
        statements.add_row(said.date, escape(said.statement), num(said.listing_created_by_then),
                           formatting.number(said.listing_to_statement, 2), escape((said.commit or "")[:12]))
    if report.statements:
        out_console.print(statements)
    else:
        err_console.print("no Hub docs statements in the warehouse (source hub_docs)")


@app.command("lineage")
def lineage_command(
    base: Annotated[str | None, typer.Option("--base", help="Only this base model (Hub id).")] = None,
    top: Annotated[int, typer.Option("--top", help="How many bases, by total derivatives.")] = 20,
    since: Annotated[str | None, typer.Option("--since", help="Only bases created on or after this date.")] = None,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Fine-tune lineage velocity: derivatives of each base model within 7/30/90 days, by relation
    (from base_model tags), time to its 10th derivative, chain depths and the share of leaves."""
    query = LineageQuery(base=base, top=top, since=parse_date_option(since, "--since"))
    report = lineage_report(quiet(warehouse(db)), query)
    if json_out:
        print_json(report.to_json())
        return
    table = Table("base model", "created", "total", "7d", "30d", "90d", "30d excl. quantized", "quantized",
                  "days to 10th", title="Derivatives per base (headline: 30d excl. quantized; --json for all)")
    for row in report.bases:
        d = row.derivatives
        table.add_row(escape(row.model), (row.created or "not listed")[:10], num(d.total), num(d.within_7d),
                      num(d.within_30d), num(d.within_90d), num(d.within_30d_excl_quantized),
                      num(d.by_relation["quantized"]), num(row.time_to_10_days))
    out_console.print(table)
    chains = report.chains
    if chains is not None:
        depth = ", ".join(f"{k}: {formatting.count(v)}" for k, v in chains.by_depth.items())
        leaves = formatting.percent(chains.leaf_share or 0, 1)
        cycles = f"; {formatting.count(chains.in_cycles)} in cycles" if chains.in_cycles else ""
        out_console.print(f"Chains: {formatting.count(chains.derivatives)} derivatives, {leaves} leaves; "
                          f"depth {depth}{cycles}", soft_wrap=True)
    listing = report.listing
    err_console.print(f"listing: {formatting.count(listing.models)} models, {formatting.count(listing.edges)} edges; "
                      f"{escape('; '.join(listing.origins))}", soft_wrap=True)


def is_clone(target: str) -> bool:
    path = Path(target)
    return path.is_dir()


def contributor_line(s: RepoSummary) -> str:
    """Totals, then the last 12 complete months against the 12 before: commits by commits, newcomers by newcomers."""
    recent, prior = s.last_12m, s.prior_12m

    def versus(growth: float | None) -> str:
        return f" ({formatting.ratio(growth)} the 12 before)" if growth is not None else " (none the 12 before)"

    count = formatting.count
    line = (f"{s.first_month} .. {s.last_month}: {count(s.commits)} commits by {count(s.authors)} authors; "
            f"{recent.start} .. {recent.end}: {count(recent.commits)} commits{versus(s.commits_growth)}, "
            f"{count(recent.first_time_authors)} newcomers{versus(s.first_time_authors_growth)}"
            f" [prior {count(prior.commits)} commits, {count(prior.first_time_authors)} newcomers]")
    if s.partial_months:
        line += f"; left out as not yet complete when counted: {', '.join(s.partial_months)}"
    return line


@app.command("contributors")
def contributors_command(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Local git clones, or GitHub repositories as owner/name (read through the API).",
        show_default=False)] = None,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Contributor velocity per repository and month: commits, distinct authors, first-time authors
    (no names kept). With no PATH, the warehouse's table (the mirror's monthly CSV)."""
    if paths:
        records: list[dict[str, Any]] = []
        for target in paths:
            found = clone_activity(Path(target)) if is_clone(target) else github_activity(target)
            if not found:
                raise DataError(f"{target}: no commits")
            records.extend(r.row() for r in found)
        result = contributor_velocity(records)
    else:
        result = contributor_velocity(rows_from_table(warehouse(db)))
        if not result.repos:
            raise DataError("no contributor table in the warehouse; run `openpace refresh --source git --offline DIR` "
                            "or give a clone: `openpace contributors PATH`")
    if json_out:
        print_json(result.to_json())
        return
    for repo in result.repos:
        s = repo.summary
        table = Table("month", "commits", "distinct authors", "first-time authors",
                      title=f"{escape(repo.repo)} (last 12 months of {s.months})")
        for m in repo.months[-12:]:
            table.add_row(Text(m["month"]), num(m["commits"]), num(m["distinct_authors"]),
                          num(m["first_time_authors"]))
        out_console.print(table)
        out_console.print(contributor_line(s), soft_wrap=True, markup=False)
        err_console.print(f"source {repo.source}: {escape(repo.origin or '')}", soft_wrap=True)
