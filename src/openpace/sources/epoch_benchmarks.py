"""Epoch AI's benchmarking hub data (benchmark stitching): Epoch-run evaluations, ~40 externally
reported benchmark tables, and the model versions they refer to.

Live, it is one zip (https://epoch.ai/data/benchmark_data.zip) holding the same CSVs as the
mirror folder `epoch/benchmark-stitching/`; both paths hand `{file name: text}` to one parser.
Licence MIT (github.com/epoch-research/benchmark-stitching).

Open weights: a version counts as open when its weights are public, which Epoch records as a
Hugging Face developer id; without one openness is unknown (None), not closed, so the identity
layer can resolve it from another source (e.g. models.dev `open_weights`).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import SourceError
from ..http import get_bytes
from .base import (
    ModelFact,
    Record,
    Score,
    SourceSpec,
    csv_rows,
    max_file_bytes,
    mirror_origin,
    raw_json,
    read_text,
    register_source,
    to_date,
    to_float,
)

NAME = "epoch_benchmarks"
LICENSE = "MIT (Epoch AI benchmarking data)"
LIVE_URL = "https://epoch.ai/data/benchmark_data.zip"
ZIP_NAME = "benchmark_data.zip"
MIRROR_DIR = "epoch/benchmark-stitching"
URL_ENV = "OPENPACE_EPOCH_BENCHMARKS_URL"  # a base URL serving benchmark_data.zip (tests, proxies)

VERSIONS_FILE = "model_versions.csv"
RUNS_FILE = "benchmarks_runs.csv"
EXTERNAL_PREFIX = "external_benchmark_"

# Epoch's own task names -> readable benchmark names. FrontierMath comes as a large private set
# and a small public sample, for tiers 1-3 and tier 4: four different problem sets, so four names.
TASK_NAMES: tuple[tuple[str, str], ...] = (
    (r"^FrontierMath-Tier-4-.*-Public$", "FrontierMath Tier 4 (public sample)"),
    (r"^FrontierMath-Tier-4-", "FrontierMath Tier 4"),
    (r"^FrontierMath-.*-Public$", "FrontierMath (public sample)"),
    (r"^FrontierMath-", "FrontierMath"),
    (r"^OTIS Mock AIME", "OTIS Mock AIME"),
    (r"^SWE-Bench verified$", "SWE-bench verified"),
)


@dataclass(frozen=True)
class Column:
    """Which column of an external table holds the headline score, and what it is called."""

    benchmark: str
    column: str
    unit: str = "percent"


# The headline column of each known external table (names of columns, not facts about models).
# Where a leaderboard reports several settings, the name says which one was taken.
EXTERNAL: dict[str, tuple[Column, ...]] = {
    "aider_polyglot": (Column("Aider Polyglot", "Percent correct"),),
    "anli": (Column("ANLI", "Score"),),
    "arc_agi": (Column("ARC-AGI", "Score"),),
    "arc_ai2": (Column("ARC-Challenge", "Challenge score"), Column("ARC-Easy", "Easy score")),
    "balrog": (Column("BALROG", "Average progress"),),
    "bbh": (Column("BBH", "Average"),),
    "boolq": (Column("BoolQ", "Score"),),
    "cadeval": (Column("CadEval", "Overall pass (%)"),),
    "csqa2": (Column("CommonsenseQA 2.0", "Score"),),
    "cybench": (Column("Cybench (unguided)", "Unguided % Solved"),),
    "deepresearch": (Column("DeepResearch Bench", "Average score"),),
    "factorio_learning_environment": (Column("Factorio Learning Environment (lab success)", "Lab Success %"),),
    "fictionlivebench": (Column("Fiction.LiveBench (16k)", "16k token score"),),
    "geobench": (Column("GeoBench (ACW country)", "ACW Country %"),),
    "gsm8k": (Column("GSM8K", "EM"),),
    "gso_bench": (Column("GSO", "Score OPT@1"),),
    "hellaswag": (Column("HellaSwag", "Overall accuracy"),),
    "lambada": (Column("LAMBADA", "Score"),),
    "lech_mazur_writing": (Column("Lech Mazur Writing", "Mean score", "other"),),
    "livebench": (Column("LiveBench", "Global average"),),
    "mcbench": (Column("MC-Bench", "ELO", "elo"),),
    "metr": (Column("METR time horizon (minutes)", "Time horizon", "other"),),
    "mmlu": (Column("MMLU", "EM"),),
    "openbookqa": (Column("OpenBookQA", "Accuracy"),),
    "os_world": (Column("OSWorld", "Score"),),
    "osuniverse": (Column("OSUniverse", "Weighted Score"),),
    "piqa": (Column("PIQA", "Score"),),
    "scienceqa": (Column("ScienceQA", "Score"),),
    "simple_bench": (Column("SimpleBench", "Score (AVG@5)"),),
    "superglue": (Column("SuperGLUE", "Score"),),
    "terminal_bench": (Column("Terminal-Bench", "Accuracy mean"),),
    "the_agent_company": (Column("TheAgentCompany (resolved)", "% Resolved"),),
    "triviaqa": (Column("TriviaQA", "EM"),),
    "videomme": (Column("Video-MME (no subtitles)", "Overall (no subtitles)"),),
    "vpct": (Column("VPCT", "Correct"),),
    "weirdml": (Column("WeirdML", "Accuracy"),),
    "winogrande": (Column("WinoGrande", "Accuracy"),),
}
# Columns that describe a row rather than score it; never chosen as the score of an unknown table.
META_WORDS = ("id", "uuid", "name", "model", "agent", "shots", "notes", "source", "date", "cost",
              "link", "version", "trajector", "tools", "scaffold", "paper", "duration", "steps", "error",
              "ci_", "prompt", "frames")
SCORE_WORDS = ("score", "accuracy", "em", "average", "correct", "%", "progress", "pass")
AIRTABLE_ID = re.compile(r"^rec[A-Za-z0-9]{14}$")


@dataclass
class Version:
    """One row of model_versions.csv, as the other tables need it."""

    key: str
    name: str
    release_date: date | None
    open_weights: bool | None


def benchmark_for_task(task: str) -> str:
    """Epoch's task id -> a readable benchmark name (unknown tasks keep their own name)."""
    for pattern, name in TASK_NAMES:
        if re.search(pattern, task):
            return name
    return task


def version_name(row: Mapping[str, str]) -> str:
    """The version's display name: Epoch's unique display name, else display name, else its id."""
    for column in ("Unique display name", "Display name", "id"):
        value = (row.get(column) or "").strip()
        if value:
            return value
    return ""


def parse_versions(text: str, where: str, prov: dict) -> tuple[dict[str, Version], list[Record]]:
    """model_versions.csv -> the version index and one ModelFact per version.

    Epoch's "Unique display name" is not always unique (the base and instruct Qwen2.5-72B share
    one): a display name shared by several version ids would merge their scores, so those
    versions are named by their id instead.
    """
    rows = [row for _line, row in csv_rows(text, where, NAME, ("id", "Model", "Version release date",
                                                                 "Hugging Face developer id"))
            if row["id"].strip()]
    ids_per_name: dict[str, set[str]] = {}
    for row in rows:
        ids_per_name.setdefault(version_name(row), set()).add(row["id"].strip())
    versions: dict[str, Version] = {}
    facts: list[Record] = []
    for row in rows:
        key = row["id"].strip()  # some ids carry a trailing space
        name = version_name(row)
        if len(ids_per_name[name]) > 1:
            name = key
        hf_dev = row["Hugging Face developer id"].strip() or None
        version = Version(key=key, name=name, release_date=to_date(row["Version release date"]),
                          open_weights=True if hf_dev else None)
        versions[key] = version
        keep = {k: v for k, v in row.items() if v and k != "benchmarks/runs"}  # run ids add nothing
        facts.append(ModelFact(
            name=version.name, key=key, release_date=version.release_date, open_weights=version.open_weights,
            accessibility="Hugging Face developer id" if hf_dev else None, hf_id=hf_dev, raw=raw_json(keep), **prov,
        ))
    return versions, facts


def parse_runs(text: str, where: str, prov: dict, versions: Mapping[str, Version]) -> Iterator[Record]:
    """benchmarks_runs.csv -> Epoch-run scores (successful runs only), on 0-100."""
    required = ("task", "model", "Best score (across scorers)", "started_at", "Status")
    for line, row in csv_rows(text, where, NAME, required):
        if row["Status"].strip() != "Success":
            continue
        key = row["model"].strip()
        version = versions.get(key)
        if version is None:
            raise SourceError(NAME, f"{where}:{line}", f"model {key!r} is not in {VERSIONS_FILE}")
        value = to_float(row["Best score (across scorers)"], f"{where}:{line}", NAME)
        if value is None:
            continue
        yield Score(
            model_name=version.name, model_key=key, benchmark=benchmark_for_task(row["task"].strip()),
            score=round(value * 100, 6), unit="percent", release_date=version.release_date,
            evaluated_date=to_date(row["started_at"]), open_weights=version.open_weights,
            raw=raw_json({k: row[k] for k in ("id", "task", "model", "Best score (across scorers)", "Scores",
                                              "started_at", "task version") if row.get(k)}), **prov,
        )


def pick_columns(stem: str, header: list[str], rows: list[dict[str, str]]) -> tuple[Column, ...]:
    """The known headline column(s), or for an unknown table the documented rule: among columns
    that are not row metadata and whose non-blank values are all numbers, the first whose name
    says score/accuracy/EM/average/correct/%/progress/pass, else the first; none -> no scores."""
    if stem in EXTERNAL:
        return EXTERNAL[stem]
    numeric = []
    for column in header:
        lowered = column.lower()
        if any(word in lowered.split() or lowered.startswith(word) for word in META_WORDS):
            continue
        values = [(r.get(column) or "").strip() for r in rows]
        filled = [v for v in values if v]
        if filled and all(to_float(v) is not None for v in filled):
            numeric.append((column, any(v.endswith("%") for v in filled)))
    if not numeric:
        return ()
    preferred = [c for c in numeric if any(word in c[0].lower() for word in SCORE_WORDS)]
    column, percent = (preferred or numeric)[0]
    return (Column(stem.replace("_", " ").title(), column, "percent" if percent else "other"),)


def row_model(row: Mapping[str, str], versions: Mapping[str, Version], where: str) -> tuple[str, str | None, Version | None]:
    """`(model_name, model_key, version)`: the Epoch version when named, else the row's own name."""
    key = (row.get("Model version") or "").strip()
    if key:
        version = versions.get(key)
        if version is None:
            raise SourceError(NAME, where, f"model version {key!r} is not in {VERSIONS_FILE}")
        return version.name, key, version
    for column in ("Name", "Model", "Agent"):
        value = (row.get(column) or "").strip()
        if value:
            return value, None, None
    own_id = (row.get("id") or "").strip()
    if own_id and not AIRTABLE_ID.match(own_id):  # LiveBench keys its rows by model name
        return own_id, None, None
    return "", None, None


def parse_external(stem: str, text: str, where: str, prov: dict, versions: Mapping[str, Version]) -> Iterator[Record]:
    """One external_benchmark_*.csv -> Score rows for its headline column(s)."""
    rows = list(csv_rows(text, where, NAME, ()))
    header = list(rows[0][1]) if rows else []
    columns = pick_columns(stem, header, [r for _, r in rows])
    missing = [c.column for c in columns if rows and c.column not in header]
    if missing:
        raise SourceError(NAME, where, f"missing column(s) {', '.join(missing)}")
    for line, row in rows:
        here = f"{where}:{line}"
        name, key, version = row_model(row, versions, here)
        if not name:
            continue  # Epoch left the model out on purpose (e.g. a mix of models); nothing to attribute
        raw = raw_json({k: v for k, v in row.items() if v and k in ("Name", "Model", "Agent", "Model version", "Shots",
                                                                     "Source", "Source link", "Notes", "id")})
        for col in columns:
            value = to_float(row[col.column], f"{here} column {col.column}", NAME)
            if value is None:
                continue
            yield Score(
                model_name=name, model_key=key, benchmark=col.benchmark, score=value, unit=col.unit,
                shots=(row.get("Shots") or "").strip() or None,
                release_date=version.release_date if version else None,
                open_weights=version.open_weights if version else None, raw=raw, **prov,
            )


def parse_tables(files: Mapping[str, str], where: Mapping[str, str], origin: Mapping[str, str],
                 observed: date | None, license: str) -> Iterator[Record]:
    """The shared parser: `{file name: CSV text}` (from the zip or the mirror) -> records.

    `where` names each file for errors (path, or URL!member); `origin` is each file's provenance.
    """
    if VERSIONS_FILE not in files:
        raise SourceError(NAME, ", ".join(sorted(where.values()))[:200] or "(no files)", f"{VERSIONS_FILE} is missing")

    def prov(name: str) -> dict:
        return dict(source=NAME, origin=origin[name], observed=observed, license=license)

    versions, facts = parse_versions(files[VERSIONS_FILE], where[VERSIONS_FILE], prov(VERSIONS_FILE))
    yield from facts
    if RUNS_FILE in files:
        yield from parse_runs(files[RUNS_FILE], where[RUNS_FILE], prov(RUNS_FILE), versions)
    for name in sorted(files):
        if name.startswith(EXTERNAL_PREFIX) and name.endswith(".csv"):
            stem = name[len(EXTERNAL_PREFIX):-4]
            yield from parse_external(stem, files[name], where[name], prov(name), versions)
    # benchmark_optim.csv (Epoch's fitted stitching parameters) and distilled_models.csv are
    # derived from the tables above, not observations; they are not read.


def read_offline(root: Path) -> Iterator[Record]:
    """The mirror folder `epoch/benchmark-stitching/`."""
    folder = root / MIRROR_DIR
    files, where, origin = {}, {}, {}
    licence = LICENSE
    for path in sorted(folder.glob("*.csv")):
        files[path.name] = read_text(path, NAME)
        where[path.name] = str(path)
        origin[path.name], manifest_licence = mirror_origin(root, path)
        licence = manifest_licence or licence
    yield from parse_tables(files, where, origin, None, licence)


def live_url() -> str:
    """The zip's URL; `$OPENPACE_EPOCH_BENCHMARKS_URL` (a base URL) overrides the host."""
    base = os.environ.get(URL_ENV, "").strip()
    return f"{base.rstrip('/')}/{ZIP_NAME}" if base else LIVE_URL


def unzip_csvs(data: bytes, url: str) -> tuple[dict[str, str], dict[str, str]]:
    """`({file name: text}, {file name: where})` for every CSV in the zip, whatever its folder."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise SourceError(NAME, url, "not a zip file") from None
    files, where = {}, {}
    with archive:
        for info in archive.infolist():
            base = info.filename.rsplit("/", 1)[-1]
            if info.is_dir() or not base.endswith(".csv") or base.startswith("._"):
                continue
            member = f"{url}!{info.filename}"
            try:
                files[base] = read_member(archive, info, member).decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise SourceError(NAME, member, f"not UTF-8 at byte {exc.start}") from None
            except (zipfile.BadZipFile, OSError) as exc:
                raise SourceError(NAME, member, f"damaged zip member ({exc})") from None
            where[base] = member
    return files, where


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, where: str) -> bytes:
    """A zip member's bytes, read in steps and stopped at the size cap (a zip bomb declares any size)."""
    limit = max_file_bytes()
    parts, total = [], 0
    with archive.open(info) as stream:
        while chunk := stream.read(1 << 20):
            total += len(chunk)
            if total > limit:
                raise SourceError(NAME, where, f"unpacks to over {limit:,} bytes (OPENPACE_MAX_FILE_BYTES); refused")
            parts.append(chunk)
    return b"".join(parts)


def read_live() -> Iterator[Record]:
    """Download the zip and parse its CSVs with the mirror's parser."""
    url = live_url()
    files, where = unzip_csvs(get_bytes(url, source=NAME), url)
    yield from parse_tables(files, where, dict(where), date.today(), LICENSE)


register_source(SourceSpec(
    name=NAME, license=LICENSE,
    description="Epoch AI benchmarking hub: Epoch-run evaluations, external benchmark tables, model versions",
    live_url=LIVE_URL, mirror_glob=f"{MIRROR_DIR}/*.csv",
    offline=read_offline, live=read_live, tables=("model_facts", "scores"),
))
