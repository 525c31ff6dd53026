"""The report: one self-contained HTML page (inline SVG charts, no JavaScript) and its summary.

`build_report` gathers every metric (`build`), turns each section into tables and figures with their
charts (`sections`, `ecosystem`, `provenance`, `charts`), picks the answer and headline figures
(`summary`) and renders the page through Jinja2 templates with autoescaping (`templating`).
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import duckdb

from .. import __version__
from ..errors import InputError
from .build import gather
from .charts import warm_up
from .ecosystem import ecosystem_section, tco_section
from .provenance import claims_section, data_as_of_section, sources_section
from .sections import parity_section, prices_section
from .summary import headline, summary
from .templating import render

__all__ = ["ReportResult", "build_report"]


@dataclass
class ReportResult:
    """Where the page went, what it holds, and how long it took."""

    path: Path
    charts: int
    sections: dict[str, bool]  # section key -> whether it had data
    headline: list[dict[str, Any]]
    seconds: float
    summary: dict[str, Any]


def read_article(check_file: Path | str | None) -> str | None:
    """The article to check: a file, '-' for stdin, or None."""
    if check_file is None:
        return None
    if str(check_file) == "-":
        import sys

        return sys.stdin.read()
    path = Path(check_file)
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"--check {path}: cannot read the article ({exc.__class__.__name__}: {exc})") from None


def build_report(con: duckdb.DuckDBPyConnection, out_dir: Path | str, as_of: date | None = None,
                 check_file: Path | str | None = None, article: str | None = None,
                 tco_inputs: dict[str, Any] | None = None) -> ReportResult:
    """Write `out_dir/index.html` from the warehouse and return what it holds.

    Args:
        con: the warehouse.
        out_dir: the folder for `index.html` (created if needed).
        as_of: only models released on or before this date.
        check_file: an article (file path, or '-' for stdin) to check and embed.
        article: the article's text, instead of `check_file`.
        tco_inputs: keyword arguments of `metrics.tco.tco` for the TCO example (none: a how-to).
    """
    started = time.perf_counter()
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out}: exists and is not a directory")
    text = article if article is not None else read_article(check_file)
    renderer = warm_up()
    g = gather(con, as_of, text, tco_inputs)
    renderer.join()
    head = headline(g)
    parts = [parity_section(g), prices_section(g), ecosystem_section(g), tco_section(g)]
    checked = claims_section(g)
    if checked is not None:
        parts.append(checked)
    parts += [data_as_of_section(g), sources_section(g)]
    charts = sum(p.charts for p in parts)
    sections = {"headline": bool(head.figures), **{p.key: p.has_data for p in parts}}
    path = out / "index.html"
    data = summary(g, head, sections, charts, str(path))
    generated = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    html = render("page.html.j2", headline=head, sections=parts, summary=data, generated=generated,
                  version=__version__, as_of=g.as_of.isoformat() if g.as_of else None)
    write_page(out, path, html)
    return ReportResult(path, charts, sections, data["headline"], time.perf_counter() - started, data)


def write_page(out: Path, path: Path, html: str) -> None:
    """Write the page atomically; an unwritable folder is the reader's to fix: one line naming it."""
    tmp = path.with_suffix(".html.tmp")
    try:
        out.mkdir(parents=True, exist_ok=True)
        tmp.write_text(html, encoding="utf-8")
        tmp.replace(path)  # a reader never sees half a page
    except OSError as exc:
        with contextlib.suppress(OSError):  # no half-written temporary left behind
            tmp.unlink(missing_ok=True)
        raise InputError(f"--out {out}: {exc.strerror or exc.__class__.__name__}") from None
