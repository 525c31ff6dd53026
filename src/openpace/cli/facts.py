"""`openpace facts`: every source's value of a model's facts (parameters, tokens, limits, ...)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from ..errors import InputError, UsageError
from ..identity import resolve_name_explained
from ..metrics.facts import attribute_coverage, attribute_evidence, attributes
from .common import DbOption, JsonOption, app, out_console, parse_date_option, print_json, warehouse

NameArgument = Annotated[str | None, typer.Argument(help="A model name as any source spells it (e.g. \"Llama 3.1-405B\").",
                                                    show_default=False)]
AttributeOption = Annotated[list[str] | None, typer.Option(
    "--attribute", "-a", help="Only this attribute (repeatable); default: every one.", show_default=False)]
AsOfFactsOption = Annotated[str | None, typer.Option(
    "--as-of", help="What each source said on this date (YYYY-MM-DD); later-only sources are flagged.")]
FamilyOption = Annotated[bool, typer.Option("--family", help="Include the rows of the model's whole family.")]
CoverageOption = Annotated[bool, typer.Option("--coverage", help="Count the canonical models that have each attribute.")]


def _value(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    return str(value)


@app.command("facts")
def facts_command(name: NameArgument = None, attribute: AttributeOption = None, as_of: AsOfFactsOption = None,
                  family: FamilyOption = False, coverage: CoverageOption = False, db: DbOption = None,
                  json_out: JsonOption = False) -> None:
    """Every source's value of a model's facts, side by side, with where each came from.

    Attributes: parameters, training tokens, GPU-hours, hardware, training compute, context window,
    output limit, knowledge cut-off, licence, open weights, release date (docs/facts.md).
    """
    unknown = [a for a in attribute or [] if a not in attributes()]
    if unknown:
        raise UsageError(f"--attribute {unknown[0]!r}: expected one of {', '.join(attributes())}")
    if coverage == (name is not None):
        raise UsageError("give a model NAME, or --coverage (not both)")
    con = warehouse(db)
    if coverage:
        total = con.execute("SELECT count(*) FROM models").fetchall()[0][0]
        counts = attribute_coverage(con)
        if json_out:
            print_json({"models": total, "coverage": counts})
            return
        table = Table("attribute", "models", "share")
        for key, n in counts.items():
            table.add_row(key, f"{n:,}", f"{100 * n / total:.1f} %" if total else "-")
        out_console.print(table)
        return
    day = parse_date_option(as_of)
    assert name is not None  # checked with --coverage above
    ids, rule = resolve_name_explained(con, name)
    if not ids:
        raise InputError(f"{name!r}: no model of that name ({rule})")
    wanted = attribute or attributes()
    result = {model_id: {a: [e.to_dict() for e in attribute_evidence(con, model_id, a, as_of=day,
                                                                     scope="family" if family else "model")]
                         for a in wanted} for model_id in ids}
    if json_out:
        print_json({"name": name, "resolved": ids, "rule": rule, "as_of": day, "models": result})
        return
    for model_id, per_attribute in result.items():
        table = Table("attribute", "value", "source: as named there", "observed", "note",
                      title=f"{model_id} ({rule})", title_justify="left")
        for key, evidence in per_attribute.items():
            for e in evidence:
                table.add_row(key, f"{_value(e['value'])} {e['unit']}", f"{e['source']}: {e['source_name']}",
                              e["observed"] or "-", (e["note"] or "")[:60])
        out_console.print(table if table.row_count else f"{model_id}: no facts", markup=False)
