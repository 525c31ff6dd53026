"""LMArena (Chatbot Arena) leaderboard tables, top-Elo history and Arena-Hard-Auto.

Live: the `leaderboard_table_YYYYMMDD.csv` and `arena_hard_auto_leaderboard_v0.1.csv` files of the
Hub space lmarena-ai/chatbot-arena-leaderboard (listed with huggingface_hub, downloaded through
openpace.http), and `elo_data.json`, which is not in the space: it is computed from the space's
`elo_results_*.pkl` by github.com/utterstep/chatbot-arena-leaderbord-vis, the mirror's origin.
Licence Apache-2.0. Mirror: `lmarena/`.

Open weights: a model is closed when its licence says "Proprietary" (or the tables' own typo
"Propretary"), open under any other named licence (Apache, Llama, "Non-commercial", ...: the
weights are published, whatever the terms), unknown when blank, "-" or "N/A".

The 111 tables repeat most rows from one date to the next. One row is kept per model and value,
observed on the FIRST table it appears in: that is when the arena first reported it, and later
copies add no information (a changed value is a new row with its own first date).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..config import hf_endpoint, hf_token
from ..errors import SourceError
from ..http import fetch as http_fetch
from ..http import guard_huggingface_hub
from .base import (
    Provenance,
    ArenaTop,
    ModelFact,
    Record,
    Score,
    SourceSpec,
    csv_rows,
    mirror_origin,
    parse_json,
    raw_json,
    read_text,
    register_source,
    to_date,
    to_float,
)

NAME = "lmarena"
LICENSE = "Apache-2.0 (LMArena leaderboard data)"
SPACE = "lmarena-ai/chatbot-arena-leaderboard"
ELO_URL = "https://raw.githubusercontent.com/utterstep/chatbot-arena-leaderbord-vis/main/elo_data.json"
ELO_URL_ENV = "OPENPACE_LMARENA_ELO_URL"  # overrides ELO_URL (tests, proxies); the Hub follows $HF_ENDPOINT
MIRROR_DIR = "lmarena"
TABLE_RE = re.compile(r"^leaderboard_table_(\d{8})\.csv$")
ELO_FILE = "elo_data.json"
HARD_FILE = "arena_hard_auto_leaderboard_v0.1.csv"
UNKNOWN_LICENSES = {"", "-", "n/a"}


@dataclass
class Table:
    """One input file: its text, where it is (for errors) and its provenance."""

    text: str
    where: str
    origin: str
    day: date | None = None


def license_open(value: str | None) -> bool | None:
    """Proprietary -> False; blank/"-"/"N/A" -> None; any other licence -> True (weights public)."""
    text = (value or "").strip().lower()
    if text in UNKNOWN_LICENSES:
        return None
    return False if text.startswith("propr") else True


CUTOFF_RE = re.compile(r"^(\d{4})/(\d{1,2})$")


def cutoff_month(value: str | None) -> str | None:
    """`Knowledge cutoff date` "2023/4" -> "2023-04"; "Unknown", "Online", "-" -> None (kept in raw)."""
    match = CUTOFF_RE.match((value or "").strip())
    if match is None or not 1 <= int(match[2]) <= 12:
        return None
    return f"{match[1]}-{int(match[2]):02d}"


def table_date(filename: str) -> date | None:
    """The date in a table's name; a name whose date is no real date (00000000) is an error."""
    match = TABLE_RE.match(filename)
    if not match:
        return None
    try:
        return to_date(f"{match[1][:4]}-{match[1][4:6]}-{match[1][6:]}", strict=True)
    except ValueError:
        raise SourceError(NAME, filename, f"{match[1]} in the file name is not a real date") from None


def mmlu_percent(value: str, where: str) -> float | None:
    """The tables give MMLU as a fraction (0.864); a value above 1 would be ambiguous, so it fails."""
    number = to_float(value, where, NAME)
    if number is None:
        return None
    if not 0.0 <= number <= 1.0:
        raise SourceError(NAME, where, f"MMLU {value!r} is not a fraction between 0 and 1")
    return round(number * 100, 6)


def parse_table(table: Table, license: str) -> Iterator[Record]:
    """One leaderboard table -> a ModelFact per row, and Score rows for MMLU, MT-bench, Arena Elo."""
    prov = Provenance(source=NAME, origin=table.origin, observed=table.day, license=license)
    for line, row in csv_rows(table.text, table.where, NAME, ("Model", "MMLU", "License")):
        name = row["Model"].strip()
        if not name:
            continue
        here = f"{table.where}:{line}"
        key = (row.get("key") or "").strip() or None  # the earliest tables have no key column
        licence = row["License"].strip()
        is_open = license_open(licence)
        raw = raw_json({k: v for k, v in row.items() if v and k in ("key", "Model", "License", "Organization",
                                                                     "Knowledge cutoff date", "Link")})
        yield ModelFact(name=name, key=key, organization=(row.get("Organization") or "").strip() or None,
                        open_weights=is_open, accessibility=licence or None, raw=raw,
                        model_license=None if licence.lower() in UNKNOWN_LICENSES else licence,
                        knowledge_cutoff=cutoff_month(row.get("Knowledge cutoff date")), **prov)
        scores = [("MMLU", mmlu_percent(row["MMLU"], f"{here} column MMLU"), "percent")]
        if "MT-bench (score)" in row:
            scores.append(("MT-bench", to_float(row["MT-bench (score)"], f"{here} column MT-bench (score)", NAME), "other"))
        if "Arena Elo rating" in row:  # only the 2023 tables carry Elo
            scores.append(("Arena Elo", to_float(row["Arena Elo rating"], f"{here} column Arena Elo rating", NAME), "elo"))
        for benchmark, value, unit in scores:
            if value is not None:
                yield Score(model_name=name, model_key=key, benchmark=benchmark, score=value, unit=unit,
                            open_weights=is_open, **prov)


def first_seen(records: Iterable[Record]) -> Iterator[Record]:
    """Drop repeats: one record per model and value, the first one met (tables come in date order).

    The knowledge cut-off is not part of a fact's identity: the tables before 2024-01-25 have no
    such column, so a cut-off first stated later completes the model's first fact; only a cut-off
    that differs from one already stated makes a new fact, observed on its own first table.
    """
    seen: set[tuple] = set()
    facts: dict[tuple, list[ModelFact]] = {}
    out: list[Record] = []  # materialised: a later table may still complete a kept fact
    for record in records:
        if isinstance(record, ModelFact):
            fact_id = ("fact", record.key or record.name, record.name, record.organization, record.accessibility)
            kept = facts.get(fact_id)
            if kept is None:
                facts[fact_id] = [record]
                out.append(record)
            elif record.knowledge_cutoff is not None and all(k.knowledge_cutoff != record.knowledge_cutoff for k in kept):
                if all(k.knowledge_cutoff is None for k in kept):
                    kept[0].knowledge_cutoff = record.knowledge_cutoff
                else:
                    kept.append(record)
                    out.append(record)
            continue
        ident: tuple[object, ...]
        if isinstance(record, Score):
            ident = ("score", record.model_key or record.model_name, record.model_name, record.benchmark, record.score)
        else:
            ident = ("other", id(record))
        if ident not in seen:
            seen.add(ident)
            out.append(record)
    yield from out


def parse_elo(table: Table, license: str) -> Iterator[Record]:
    """elo_data.json: `[{date, category, max_elo, max_model}]` -> ArenaTop rows."""
    data = parse_json(table.text, table.where, NAME)
    if not isinstance(data, list):
        raise SourceError(NAME, table.where, "expected a JSON list of {date, category, max_elo, max_model}")
    for index, item in enumerate(data):
        here = f"{table.where}[{index}]"
        if not isinstance(item, dict) or not {"date", "category", "max_elo", "max_model"} <= item.keys():
            raise SourceError(NAME, here, "expected {date, category, max_elo, max_model}")
        day = to_date(str(item["date"]))
        elo = to_float(str(item["max_elo"]), here, NAME)
        if day is None or elo is None:
            raise SourceError(NAME, here, f"bad date or Elo: {item['date']!r}, {item['max_elo']!r}")
        yield ArenaTop(date=day, category=str(item["category"]), max_elo=elo, max_model=str(item["max_model"]),
                       source=NAME, origin=table.origin, observed=day, license=license)


def parse_arena_hard(table: Table, license: str, licences: dict[str, bool | None]) -> Iterator[Record]:
    """Arena-Hard-Auto v0.1: win rate (0-100) against the baseline; openness from the tables' licence."""
    for line, row in csv_rows(table.text, table.where, NAME, ("model", "score", "date")):
        key = row["model"].strip()
        score = to_float(row["score"], f"{table.where}:{line} column score", NAME)
        if not key or score is None:
            continue
        day = to_date(row["date"])
        yield Score(model_name=key, model_key=key, benchmark="Arena-Hard-Auto", score=score, unit="percent",
                    evaluated_date=day, open_weights=licences.get(key),
                    raw=raw_json({k: v for k, v in row.items() if v}),
                    source=NAME, origin=table.origin, observed=day, license=license)


def parse_all(tables: list[Table], elo: Table | None, hard: Table | None, license: str) -> Iterator[Record]:
    """The shared parser for both paths: tables in date order, then Elo tops, then Arena-Hard."""
    licences: dict[str, bool | None] = {}
    records: list[Record] = []
    for table in sorted(tables, key=lambda t: (t.day or date.min, t.where)):
        for record in parse_table(table, license):
            if isinstance(record, ModelFact) and record.key and record.accessibility:
                licences[record.key] = record.open_weights  # the latest named licence wins
            records.append(record)
    yield from first_seen(records)
    if elo is not None:
        yield from parse_elo(elo, license)
    if hard is not None:
        yield from parse_arena_hard(hard, license, licences)


def read_offline(root: Path) -> Iterator[Record]:
    """The mirror folder `lmarena/`."""
    folder = root / MIRROR_DIR
    tables: list[Table] = []
    elo = hard = None
    licence = LICENSE
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if not (TABLE_RE.match(path.name) or path.name in (ELO_FILE, HARD_FILE)):
            continue
        origin, manifest_licence = mirror_origin(root, path)
        licence = manifest_licence or licence
        table = Table(read_text(path, NAME), str(path), origin, table_date(path.name))
        if path.name == ELO_FILE:
            elo = table
        elif path.name == HARD_FILE:
            hard = table
        else:
            tables.append(table)
    if not tables:
        raise SourceError(NAME, str(folder), "no leaderboard_table_YYYYMMDD.csv")
    yield from parse_all(tables, elo, hard, licence)


def space_files() -> list[str]:
    """The space's file names (huggingface_hub; the token, if any, is sent and never shown)."""
    from huggingface_hub import HfApi

    guard_huggingface_hub()  # its client: this origin only, retries on 5xx, deadline, size cap
    try:
        return HfApi(endpoint=hf_endpoint(), token=hf_token() or False).list_repo_files(SPACE, repo_type="space")
    except Exception as exc:  # huggingface_hub's own HTTP errors, the guard's refusals, transport errors
        status = getattr(getattr(exc, "response", None), "status_code", None)
        reason = f"HTTP {status}" if status else (str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        reason = reason.replace(hf_token() or "\0", "***")
        raise SourceError(NAME, f"{hf_endpoint()}/spaces/{SPACE}", f"cannot list files ({reason})") from None


def fetch(url: str, day: date | None = None) -> Table:
    fetched = http_fetch(url, source=NAME)  # a redirect's final URL is the origin stored
    try:
        text = fetched.content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(NAME, url, f"not UTF-8 at byte {exc.start}") from None
    return Table(text, url, fetched.url, day)


def read_live() -> Iterator[Record]:
    """Download every leaderboard table of the space, Arena-Hard-Auto, and the Elo history."""
    base = f"{hf_endpoint()}/spaces/{SPACE}/resolve/main/"
    names = space_files()
    tables = [fetch(base + n, table_date(n)) for n in sorted(names) if TABLE_RE.match(n)]
    if not tables:
        raise SourceError(NAME, base, "no leaderboard_table_YYYYMMDD.csv in the space")
    hard = fetch(base + HARD_FILE) if HARD_FILE in names else None
    yield from parse_all(tables, fetch(os.environ.get(ELO_URL_ENV, "").strip() or ELO_URL), hard, LICENSE)


register_source(SourceSpec(
    name=NAME, license=LICENSE,
    description="LMArena leaderboard tables (MMLU, MT-bench, licences), top Elo per category, Arena-Hard-Auto",
    live_url=f"https://huggingface.co/spaces/{SPACE}", mirror_glob=f"{MIRROR_DIR}/leaderboard_table_*.csv",
    offline=read_offline, live=read_live, tables=("model_facts", "scores", "arena_tops"),
))
