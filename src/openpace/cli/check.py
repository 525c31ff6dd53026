"""`openpace check FILE|-`: every quantitative claim in an article, one verdict each, with evidence."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..claims import check_text, render_html_fragment, render_table
from ..errors import InputError
from .common import DbOption, JsonOption, app, err_console, out_console, print_json, warehouse


def read_article(source: str) -> str:
    """The article's text from a file, or stdin for '-'."""
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if path.is_dir():
        raise InputError(f"{source}: is a directory, not an article file")
    if not path.exists():
        raise InputError(f"{source}: no such file")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:  # unreadable: permissions, a special file
        raise InputError(f"{source}: cannot read ({exc.strerror or exc.__class__.__name__})") from None


@app.command("check")
def check_command(
    file: Annotated[str, typer.Argument(help="Article to check (Markdown or plain text), or '-' for stdin.")],
    html: Annotated[Path | None, typer.Option("--html", help="Also write the HTML fragment (article with claims "
                                                             "highlighted) to this file.")] = None,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Check every quantitative claim in an article: supported, contradicted, unverifiable or unreadable,
    each with the evidence rows compared."""
    text = read_article(file)
    result = check_text(warehouse(db), text)
    if html is not None:
        try:
            html.write_text(render_html_fragment(result), encoding="utf-8")
        except OSError as exc:
            raise InputError(f"--html {html}: {exc.strerror or exc.__class__.__name__}") from None
        err_console.print(f"wrote {html}", highlight=False, markup=False)
    if json_out:
        print_json({"claims": result["claims"], "summary": result["summary"]})
        return
    out_console.print(render_table(result))
    out_console.print(", ".join(f"{k} {v}" for k, v in result["summary"].items()), highlight=False, markup=False)
