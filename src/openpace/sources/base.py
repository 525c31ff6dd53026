"""Typed records with provenance, the source registry, and mirror/manifest helpers.

A source is a pair of generators, one reading the live origin and one reading the offline
mirror, sharing one parser. A source never writes storage and never prints.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from fnmatch import fnmatch
from pathlib import Path
from typing import Any, ClassVar, TypedDict

from ..errors import SourceError


# --------------------------------------------------------------------------- records
class Provenance(TypedDict):
    """The provenance fields every record carries, passed as `**prov` to a record's constructor."""

    source: str
    origin: str
    observed: date | None
    license: str


@dataclass(kw_only=True)
class Record:
    """Every fact row carries provenance: source, origin, observed date, licence."""

    TABLE: ClassVar[str] = ""
    source: str
    origin: str
    observed: date | None
    license: str
    raw: str | None = None  # the source's own record as JSON, so an API change loses nothing

    def row(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


@dataclass(kw_only=True)
class ModelFact(Record):
    """What one source says about one model: dates, openness, size, training facts."""

    TABLE: ClassVar[str] = "model_facts"
    name: str
    key: str | None = None  # the source's own id for the model, when it has one
    organization: str | None = None
    release_date: date | None = None
    open_weights: bool | None = None
    accessibility: str | None = None  # the source's own wording, e.g. "Open weights (unrestricted)"
    parameters: float | None = None
    training_compute_flop: float | None = None
    hardware: str | None = None
    hardware_quantity: float | None = None
    training_time_hours: float | None = None
    base_model: str | None = None
    hf_id: str | None = None
    # claim facts (migration 6): each as the source states it, never reconciled here
    parameters_active: float | None = None  # parameters used per token (a mixture of experts)
    training_tokens: float | None = None  # a token count the source states for the training data
    dataset_size: float | None = None  # the source's own dataset-size figure, in `dataset_size_unit`
    dataset_size_unit: str | None = None  # tokens | words | datapoints (unit not stated)
    chip_hours: float | None = None  # the source's accelerator-hours figure (Epoch "Training chip-hours")
    chip_hours_stated: float | None = None  # GPU/TPU hours stated in the source's notes
    context_window: int | None = None  # tokens
    output_limit: int | None = None  # tokens
    knowledge_cutoff: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source
    model_license: str | None = None  # the model's licence as the source words it (not the data's)
    fact_notes: str | None = None  # JSON {column: why/where}, e.g. the note a figure was read from


@dataclass(kw_only=True)
class Score(Record):
    """One benchmark score for one model, on 0-100 for percent benchmarks, Elo as Elo."""

    TABLE: ClassVar[str] = "scores"
    model_name: str
    benchmark: str
    score: float
    unit: str = "percent"  # percent | elo | other
    model_key: str | None = None
    shots: str | None = None
    release_date: date | None = None  # as this source gives it
    evaluated_date: date | None = None
    open_weights: bool | None = None  # as this source gives it
    trust: int | None = None  # Epoch's "Trust in benchmark results"; -1 is low trust
    ci95: float | None = None


@dataclass(kw_only=True)
class Price(Record):
    """One provider's price for one model as observed on a date, USD per million tokens."""

    TABLE: ClassVar[str] = "prices"
    model_name: str
    provider: str
    input_usd_per_mtok: float | None
    output_usd_per_mtok: float | None
    model_key: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    open_weights: bool | None = None
    release_date: date | None = None
    # the other prices of the same offering, USD per million tokens: the batch API's (asynchronous,
    # discounted) input and output, and prompt caching's read (a cache hit) and write (cache creation,
    # the default lifetime) of input tokens; None where the catalogue gives none
    batch_input_usd_per_mtok: float | None = None
    batch_output_usd_per_mtok: float | None = None
    cache_read_usd_per_mtok: float | None = None
    cache_write_usd_per_mtok: float | None = None
    cache_write_1h_usd_per_mtok: float | None = None  # a cache write kept for an hour (Anthropic's longer lifetime)


@dataclass(kw_only=True)
class HubStatement(Record):
    """A model-count statement in the Hub's own docs, and the first date it appeared."""

    TABLE: ClassVar[str] = "hub_statements"
    date: date
    statement: str
    models_count: int
    commit: str | None = None


@dataclass(kw_only=True)
class RepoActivity(Record):
    """Commits and (anonymous) author counts for one repository in one month."""

    TABLE: ClassVar[str] = "repo_activity"
    repo: str
    month: str  # YYYY-MM
    commits: int
    distinct_authors: int
    first_time_authors: int
    head_commit: str | None = None


@dataclass(kw_only=True)
class ArenaTop(Record):
    """The top Elo in one LMArena category on one date."""

    TABLE: ClassVar[str] = "arena_tops"
    date: date
    category: str
    max_elo: float
    max_model: str


RECORD_TYPES: tuple[type[Record], ...] = (ModelFact, Score, Price, HubStatement, RepoActivity, ArenaTop)


# --------------------------------------------------------------------------- registry
@dataclass
class SourceSpec:
    """A registered source. `offline(root)` reads the mirror; `live()` the live origin.

    A record source's readers yield Records; a streamed source's (`streamed`) yield its rows as dicts."""

    name: str
    license: str
    description: str
    live_url: str
    mirror_glob: str
    offline: Callable[[Path], Iterable[Record]] | Callable[[Path], Iterable[dict[str, Any]]]
    live: Callable[[], Iterable[Record]] | Callable[[], Iterable[dict[str, Any]]] | None = None
    tables: tuple[str, ...] = field(default_factory=tuple)
    # A streaming source (the Hub listing, ~2M models) is too large to pass through Python as records:
    # `offline`/`live` only read it, and refresh loads it through the warehouse layer (warehouse/hub.py).
    streamed: bool = False
    # Tables whose rows are dated observations kept as history: a refresh replaces only the rows
    # of the observation dates it brings (a price catalogue seen today adds today's prices).
    history: tuple[str, ...] = field(default_factory=tuple)


SOURCES: dict[str, SourceSpec] = {}


def register_source(spec: SourceSpec) -> SourceSpec:
    """Add a source to the registry; built-ins register exactly as a plugin would."""
    SOURCES[spec.name] = spec
    return spec


# --------------------------------------------------------------------------- mirror helpers
def manifest_entry(root: Path, rel_path: str) -> dict[str, Any]:
    """The MANIFEST.json entry (origin, licence) for a mirror file, matching globs too."""
    manifest = root / "MANIFEST.json"
    if not manifest.exists():
        return {}
    entries = parse_json(read_text(manifest, "mirror"), str(manifest), "mirror")
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("file", ""), str)
                                                for e in entries):
        raise SourceError("mirror", str(manifest), "expected a JSON array of {\"file\": ..., \"origin\": ...} objects")
    for entry in entries:
        if entry.get("file") == rel_path:
            return entry
    for entry in entries:
        if fnmatch(rel_path, entry.get("file", "")):
            return entry
    return {}


def mirror_origin(root: Path, path: Path) -> tuple[str, str | None]:
    """`(origin, licence)` for a mirror file: its path plus the upstream commit from the manifest."""
    rel = path.relative_to(root).as_posix()
    entry = manifest_entry(root, rel)
    upstream = entry.get("origin")
    origin = f"mirror:{rel}" + (f" <- {upstream}" if upstream else "")
    return origin, entry.get("license")


def mirror_files(root: Path, pattern: str, source: str) -> list[Path]:
    """The mirror files for a source, sorted; a missing folder is a clear error."""
    files = sorted(root.glob(pattern))
    if not files:
        raise SourceError(source, str(root / pattern), "no mirror file matches")
    for path in files:
        check_file(path, source)
    return files


def max_file_bytes() -> int:
    """The largest input file read whole: `$OPENPACE_MAX_FILE_BYTES` (default 2 GiB)."""
    try:
        value = int(os.environ.get("OPENPACE_MAX_FILE_BYTES", ""))
    except ValueError:
        value = 0
    return value if value > 0 else 2 << 30


def check_file(path: Path, source: str) -> None:
    """A mirror input must be a regular, non-empty file under the size cap.

    Checked with stat, which never blocks: a FIFO would hang a read forever and a link to
    /dev/zero would read until memory runs out.
    """
    try:
        info = path.stat()
    except OSError as exc:
        raise SourceError(source, str(path), exc.strerror or str(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(source, str(path), "not a regular file (a folder, FIFO or device); refused")
    if info.st_size == 0:
        raise SourceError(source, str(path), "the file is empty")
    if info.st_size > max_file_bytes():
        raise SourceError(source, str(path), f"{info.st_size:,} bytes is over the {max_file_bytes():,}-byte limit "
                                             "(OPENPACE_MAX_FILE_BYTES)")


def read_text(path: Path, source: str) -> str:
    check_file(path, source)
    try:
        return path.read_bytes().decode("utf-8-sig")  # some Epoch headers carry a BOM
    except UnicodeDecodeError as exc:
        raise SourceError(source, str(path), f"not UTF-8 at byte {exc.start}") from None
    except OSError as exc:
        raise SourceError(source, str(path), exc.strerror or str(exc)) from None


def parse_json(text: str, where: str, source: str) -> Any:
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise SourceError(source, where, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise SourceError(source, where, "JSON nested too deeply to be data; refused") from None
    except ValueError as exc:  # NaN/Infinity, or an integer too long to convert
        raise SourceError(source, where, f"invalid JSON: {exc}") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def csv_rows(text: str, where: str, source: str, required: Iterable[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield `(line_number, row)`; fail naming the file and line on a wrong shape."""
    text = text.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise SourceError(source, f"{where}:1", f"unreadable CSV header ({exc})") from None
    missing = [c for c in required if c not in header]
    if missing:
        raise SourceError(source, where, f"missing column(s) {', '.join(missing)}")
    width = len(header)
    rows = iter(reader)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:  # e.g. a field over the csv module's size limit
            raise SourceError(source, f"{where}:{reader.line_num}", f"unreadable CSV ({exc})") from None
        line = reader.line_num
        if None in row or len([v for v in row.values() if v is not None]) < width:
            # a short row means a truncated or damaged file; a long one, a broken quote
            raise SourceError(source, f"{where}:{line}", f"expected {width} fields, row is damaged or truncated")
        yield line, row


def to_float(value: str | None, where: str = "", source: str = "") -> float | None:
    """Parse numbers like "176,000,000,000", "77.0%", "4.12E+23"; blank is None."""
    if value is None:
        return None
    text = str(value).strip().replace(",", "").replace("\u202f", "")
    if text in ("", "-", "—", "N/A", "n/a", "NA", "nan", "?"):
        return None
    if text.endswith("%"):
        text = text[:-1]
    try:
        number = float(text)
    except ValueError:
        if source:
            raise SourceError(source, where, f"not a number: {value!r}") from None
        return None
    if not math.isfinite(number):  # "inf", "NaN" spelled out, or 1e999
        if source:
            raise SourceError(source, where, f"not a finite number: {value!r}")
        return None
    return number


ISO_LIKE = re.compile(r"^\d{4}-?\d{2}-?\d{2}\b")


class BadDate(ValueError):
    """A value written as a date that is no real date (0000-00-00, 2023-02-30)."""


def to_date(value: str | None, *, strict: bool = False) -> date | None:
    """Parse the date formats the sources use; None when blank or in no known format.

    A value written as a year-month-day that is no real date (`0000-00-00`, upstream's own
    `2025-16-09`) is unknown, never a guess; with `strict` (a date the caller cannot do without,
    such as the one in a file name) it raises BadDate instead. A real but implausible date
    (`9999-12-31`) is refused later, by `sources/validate.py`.
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y %I:%M%p", "%d %B %Y", "%Y-%m", "%Y/%m", "%B %Y", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        if strict and ISO_LIKE.match(text):
            raise BadDate(f"not a real date: {text!r}") from None
        return None


def raw_json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str, separators=(",", ":"))
