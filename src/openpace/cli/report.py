"""`openpace report`: write the self-contained HTML report and print its headline numbers."""

from __future__ import annotations

import json
import webbrowser
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from ..errors import InputError
from ..report import build_report
from .common import AsOfOption, DbOption, JsonOption, app, err_console, out_console, parse_date_option, print_json, \
    warehouse


def read_tco(path: Path | None) -> dict[str, Any] | None:
    """The `--tco` file: a JSON object of `openpace tco` inputs."""
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"--tco {path}: cannot read ({exc.__class__.__name__})") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"--tco {path}: line {exc.lineno}: not JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise InputError(f"--tco {path}: expected a JSON object of tco inputs")
    return data


@app.command("report")
def report_command(
    out: Annotated[Path, typer.Option("--out", help="Folder for index.html.")] = Path("report"),
    as_of: AsOfOption = None,
    check: Annotated[Path | None, typer.Option("--check", help="An article to check and embed ('-' for stdin).")] = None,
    tco: Annotated[Path | None, typer.Option("--tco", help="JSON object of `openpace tco` inputs for the TCO "
                                                           "example.")] = None,
    open_page: Annotated[bool, typer.Option("--open", help="Open the page in the browser.")] = False,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Write the report (one self-contained HTML page with charts) and print its headline numbers."""
    day = parse_date_option(as_of)
    result = build_report(warehouse(db), out, as_of=day, check_file=check, tco_inputs=read_tco(tco))
    if json_out:
        print_json({**result.summary, "seconds": round(result.seconds, 3)})
    else:
        missing = [key for key, has in result.sections.items() if not has]
        if missing:
            err_console.print(f"sections without data (the page says how to get it): {', '.join(missing)}")
        for sentence in result.summary.get("answer") or []:
            out_console.print(Text(sentence), soft_wrap=True)  # Text, not markup: names are shown as written
        table = Table("headline", "value", "data to", "sources", title="openpace report", title_justify="left")
        for row in result.headline:
            value = row["value"] if row["value"] is not None else row["status"]
            if row.get("interval"):
                value += f" ({row['interval']})"
            table.add_row(Text(row["label"]), Text(value), Text(row["data_date"] or "–"),
                          Text(", ".join(row["sources"]) or "–"))
        if result.headline:
            out_console.print(table)
        checked = result.summary.get("claims")
        if checked is not None:
            counts = ", ".join(f"{n} {verdict}" for verdict, n in checked["summary"].items() if n) or "no claims found"
            out_console.print(Text(f"checked article: {checked['total']} claims: {counts}"), soft_wrap=True)
        out_console.print(Text(f"{result.charts} charts; written {result.path} in {result.seconds:.1f} s"),
                          soft_wrap=True)
    if open_page:
        webbrowser.open(result.path.resolve().as_uri())
