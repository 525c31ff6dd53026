"""What a section hands to the templates: tables, figures, notices and prose as plain data.

Sections build these from what the metrics returned; the Jinja2 templates (autoescaping on) turn
them into markup, so no string from a source is ever concatenated into HTML. Every table and
figure carries its own data as a CSV `data:` URI, downloadable from the page itself.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from ..sources import SOURCES


@dataclass(frozen=True)
class Csv:
    """A downloadable copy of a table's or chart's data."""

    filename: str
    href: str  # data:text/csv;charset=utf-8,<percent-encoded CSV>
    rows: int


def csv_text(head: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """RFC 4180 CSV (CRLF line ends, quoted where needed); None becomes an empty field."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(head)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buf.getvalue()


def slug(text: str) -> str:
    """A file-name-safe slug of `text` (letters, digits, dashes)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "data"


def make_csv(name: str, head: Sequence[str], rows: Sequence[Sequence[Any]]) -> Csv:
    text = csv_text(head, rows)
    return Csv(f"openpace-{slug(name)}.csv", "data:text/csv;charset=utf-8," + quote(text, safe=""), len(rows))


def records_csv(name: str, records: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> Csv:
    """A CSV of dict rows (a chart's data), in `columns` order (default: the first row's keys)."""
    cols = list(columns or (records[0].keys() if records else []))
    return make_csv(name, cols, [[r.get(c) for c in cols] for r in records])


@dataclass
class Table:
    """A data table: headers carry the units; cells are plain strings (escaped by the template)."""

    name: str
    head: list[str]
    rows: list[list[str]]
    csv: Csv | None = None
    caption: str | None = None  # sources and data date, shown under the table

    def __post_init__(self) -> None:
        if self.csv is None:
            self.csv = make_csv(self.name, self.head, self.rows)


@dataclass
class Figure:
    """A chart: its drawing (checked SVG), a title and a caption naming the sources and data date."""

    title: str
    svg: Markup
    sources: list[str]
    data_end: str | None
    csv: Csv
    note: str | None = None


@dataclass
class Notice:
    """A section (or part of one) without data: what is missing and how to get it."""

    what: str
    how: str


@dataclass
class Block:
    """One piece of a section, rendered by the `block` macro: kind is one of
    'prose', 'note', 'h3', 'table', 'figure', 'notice', 'pre'."""

    kind: str
    value: Any


@dataclass
class Section:
    """One section of the page: its blocks and the number of charts drawn in it."""

    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    charts: int = 0
    has_data: bool = True
    template: str = "section.html.j2"
    context: dict[str, Any] = field(default_factory=dict)

    def add(self, kind: str, value: Any) -> Section:
        self.blocks.append(Block(kind, value))
        if kind == "figure":
            self.charts += 1
        return self


# Sources by the names their publishers use (the registry's description up to its colon otherwise)
SOURCE_TITLES = {
    "epoch_trends": "Epoch AI open-model-trends",
    "epoch_benchmarks": "Epoch AI Benchmarking Hub",
    "models_dev": "models.dev",
    "openrouter": "OpenRouter",
    "genai_prices": "Pydantic genai-prices",
    "litellm": "LiteLLM price map",
    "lmarena": "LMArena leaderboard",
    "hub_docs": "Hugging Face Hub docs",
    "git": "git history of the repositories",
    "hf_hub": "Hugging Face Hub listing",
}


def source_title(name: str) -> str:
    """A source's name as a reader knows it ("Epoch AI Benchmarking Hub", not `epoch_benchmarks`)."""
    if name in SOURCE_TITLES:
        return SOURCE_TITLES[name]
    spec = SOURCES.get(name)
    return spec.description.split(":")[0] if spec else name


def source_titles(names: Sequence[str | None]) -> list[str]:
    """Several sources by title, each once, in the order given."""
    return list(dict.fromkeys(source_title(n) for n in names if n))
