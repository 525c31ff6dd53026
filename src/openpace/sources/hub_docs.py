"""The model-count statements of the Hugging Face Hub's own documentation ("50K models",
"2M models"), each with the first date and commit it appeared in docs/hub/index.md.

The statements are rounded floors written by people and lag the real count; they are the Hub's
own words, kept as such. There is no live origin to fetch: the mirror file was built from the git
history of github.com/huggingface/hub-docs (facts, no licence needed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import SourceError
from .base import HubStatement, Record, SourceSpec, csv_rows, mirror_origin, raw_json, read_text, register_source, to_date

NAME = "hub_docs"
LICENSE = "facts"
MIRROR_FILE = "huggingface/hub_docs_model_count_statements.csv"
LIVE_URL = "https://github.com/huggingface/hub-docs/commits/main/docs/hub/index.md"
COUNT_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s*([kKmM]?)\b")
MULTIPLIERS = {"": 1, "k": 1_000, "m": 1_000_000}


def parse_count(statement: str, where: str = "") -> int:
    """"50K models" -> 50000, "1.7M models" -> 1700000, "120k" -> 120000 (K = 1e3, M = 1e6)."""
    match = COUNT_RE.search(statement)
    if match is None:
        raise SourceError(NAME, where, f"no model count in {statement!r}")
    number = float(match[1].replace(",", ""))  # "1,000" is a thousand; the docs write decimals with "."
    return round(number * MULTIPLIERS[match[2].lower()])


def parse_statements(text: str, where: str, origin: str, license: str) -> Iterator[Record]:
    """`date,statement,hub_docs_commit` -> HubStatement rows, observed on the statement's date."""
    for line, row in csv_rows(text, where, NAME, ("date", "statement", "hub_docs_commit")):
        here = f"{where}:{line}"
        day = to_date(row["date"])
        if day is None:
            raise SourceError(NAME, here, f"bad date {row['date']!r}")
        statement = row["statement"].strip()
        yield HubStatement(date=day, statement=statement, models_count=parse_count(statement, here),
                           commit=row["hub_docs_commit"].strip() or None, raw=raw_json(row),
                           source=NAME, origin=origin, observed=day, license=license)


def read_offline(root: Path) -> Iterator[Record]:
    path = root / MIRROR_FILE
    origin, licence = mirror_origin(root, path)
    yield from parse_statements(read_text(path, NAME), str(path), origin, licence or LICENSE)


register_source(SourceSpec(
    name=NAME, license=LICENSE,
    description="Model-count statements in the Hugging Face Hub docs, with the first date each appeared",
    live_url=LIVE_URL, mirror_glob=MIRROR_FILE, offline=read_offline, live=None, tables=("hub_statements",),
))
