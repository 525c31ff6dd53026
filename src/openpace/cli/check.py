"""`openpace check FILE|-`: every quantitative claim in an article, one verdict each, with evidence."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, BinaryIO

import typer

from ..claims import check_text, render_html_fragment, render_table
from ..errors import InputError
from .common import DbOption, JsonOption, app, err_console, out_console, parse_date_option, print_json, warehouse


MAX_ARTICLE_BYTES = 1_000_000  # about 150,000 words; docs/claims.md says so


def read_article(source: str) -> str:
    """The article's text from a file, or stdin for '-': UTF-8, at most MAX_ARTICLE_BYTES, either way."""
    if source == "-":
        data = _read_limited(sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None, source)
    else:
        path = Path(source)
        if path.is_dir():
            raise InputError(f"{source}: is a directory, not an article file")
        if not path.exists():
            raise InputError(f"{source}: no such file")
        if not path.is_file():  # a FIFO or a device would block or never end
            raise InputError(f"{source}: not a regular file")
        try:
            with path.open("rb") as stream:
                data = _read_limited(stream, source)
        except OSError as exc:  # unreadable: permissions
            raise InputError(f"{source}: cannot read ({exc.strerror or exc.__class__.__name__})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not UTF-8 text (byte {exc.start})") from None


def _read_limited(stream: BinaryIO | None, source: str) -> bytes:
    """At most MAX_ARTICLE_BYTES (+1 to tell a longer article), as bytes, decoded by the caller."""
    if stream is None:  # a text-only stdin (an embedding caller): the same limit on its text
        data = sys.stdin.read(MAX_ARTICLE_BYTES + 1).encode("utf-8", "surrogateescape")
    else:
        data = stream.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(f"{source}: longer than {MAX_ARTICLE_BYTES:,} bytes; check it in parts")
    return data


@app.command("check")
def check_command(
    file: Annotated[str, typer.Argument(help="Article to check (Markdown or plain text), or '-' for stdin.")],
    html: Annotated[Path | None, typer.Option("--html", help="Also write the HTML fragment (article with claims "
                                                             "highlighted) to this file.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="The article's date (YYYY-MM-DD): prices and openpace's "
                                                     "own metrics are read as of it (default: the latest data).")] = None,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Check every quantitative claim in an article: supported, contradicted, unverifiable or unreadable,
    each with the evidence rows compared."""
    day = parse_date_option(as_of)
    text = read_article(file)
    con = warehouse(db)
    if err_console.is_terminal and len(text) > 20_000:  # a long article takes a while: say so
        with err_console.status(f"checking {len(text):,} characters ..."):
            result = check_text(con, text, as_of=day)
    else:
        result = check_text(con, text, as_of=day)
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
