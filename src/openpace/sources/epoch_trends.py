"""Epoch AI's open-model-trends data: benchmark scores with open/closed accessibility, and the
All ML Systems table (release dates, accessibility, training hardware, quantity and time).

Licence CC-BY 4.0: "Epoch AI, <dataset>, <url>, accessed <date>".
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from ..errors import SourceError
from ..http import fetch
from . import epoch_notes
from .base import (
    Provenance,
    ModelFact,
    Record,
    Score,
    SourceSpec,
    csv_rows,
    mirror_origin,
    raw_json,
    read_text,
    register_source,
    to_date,
    to_float,
)

NAME = "epoch_trends"
LICENSE = "CC-BY-4.0 (Epoch AI data)"
REPO_RAW = "https://raw.githubusercontent.com/epoch-research/open-model-trends/main/data/"
LIVE_FILES = {
    "benchmarks_with_model_accessibility.csv": REPO_RAW + "benchmarks_with_model_accessibility.csv",
    "gsm1k_with_model_accessibility.csv": REPO_RAW + "gsm1k_with_model_accessibility.csv",
    "all_ml_systems.csv": "https://epoch.ai/data/all_ai_models.csv",
}
MIRROR_DIR = "epoch/open-model-trends"
URL_ENV = "OPENPACE_EPOCH_TRENDS_URL"  # a base URL serving the files under their live names (tests, proxies)

# Column -> (benchmark name, unit). "LMSys Elo" is the Chatbot Arena Elo, named "Arena Elo" here.
BENCHMARK_COLUMNS = {
    "BBH": ("BBH", "percent"),
    "GPQA": ("GPQA", "percent"),
    "MMLU": ("MMLU", "percent"),
    "HELM MMLU": ("HELM MMLU", "percent"),
    "SEAL Coding": ("SEAL Coding", "other"),
    "SEAL Instruction Following": ("SEAL Instruction Following", "other"),
    "SEAL Math": ("SEAL Math", "other"),
    "LMSys Elo": ("Arena Elo", "elo"),
}
GSM_COLUMNS = {"GSM8k": ("GSM8K", "percent"), "GSM1k": ("GSM1k", "percent")}


def open_closed(value: str | None) -> bool | None:
    text = (value or "").strip().lower()
    return True if text == "open" else False if text == "closed" else None


def accessibility_open(value: str | None) -> bool | None:
    """Epoch's `Model accessibility`: open weights of any licence are open; API/hosted/unreleased closed."""
    text = (value or "").strip().lower()
    if not text:
        return None
    if text.startswith("open weights"):
        return True
    return False


SIX_ND_NOTE = "read as tokens: Epoch's training compute is 6 x parameters x this figure"
NO_UNIT_NOTE = "unit not stated"
ACTIVE_NOTE = "'Active Parameters' column (for a dense model, all its parameters)"


def to_percent(value: float) -> float:
    """Epoch stores percent benchmarks as fractions (0.778); openpace uses 0-100."""
    return round(value * 100, 6) if value <= 1.0 else value


def parse_benchmarks(text: str, where: str, origin: str, observed: date | None, license: str) -> Iterator[Record]:
    prov = Provenance(source=NAME, origin=origin, observed=observed, license=license)
    required = ("System", "Date", "Open/Closed", "Trust in benchmark results", *BENCHMARK_COLUMNS)
    for line, row in csv_rows(text, where, NAME, required):
        name = row["System"].strip()
        released = to_date(row["Date"])
        if not name or (released is None and not row["Open/Closed"].strip()):
            continue  # an undated, unclassified row is a reference baseline (e.g. random chance), not a model
        is_open = open_closed(row["Open/Closed"])
        trust = int(to_float(row["Trust in benchmark results"], f"{where}:{line}", NAME) or 0)
        raw = raw_json(row)
        total, compute = to_float(row.get("Model size (parameters)")), to_float(row.get("Training compute (FLOP)"))
        active, size = to_float(row.get("Active Parameters")), to_float(row.get("Dataset size"))
        # the file names no unit for `Dataset size`; it is tokens where Epoch's own compute estimate
        # is 6 x parameters x it (the estimate counts tokens), else the unit stays unstated
        unit = None if size is None else "tokens" if epoch_notes.six_nd(compute, total or active, size) else "datapoints"
        notes = {"dataset_size": f"'Dataset size' column; {SIX_ND_NOTE if unit == 'tokens' else NO_UNIT_NOTE}"} if size else {}
        if active is not None:
            notes["parameters_active"] = ACTIVE_NOTE
        yield ModelFact(
            name=name, release_date=released, open_weights=is_open, accessibility=row["Open/Closed"] or None,
            parameters=total, parameters_active=active, dataset_size=size, dataset_size_unit=unit,
            training_compute_flop=compute, fact_notes=raw_json(notes) if notes else None, raw=raw, **prov,
        )
        for column, (benchmark, unit) in BENCHMARK_COLUMNS.items():
            value = to_float(row[column], f"{where}:{line} column {column}", NAME)
            if value is None:
                continue
            ci = to_float(row.get("LMSys Elo 95% CI")) if unit == "elo" else None
            yield Score(
                model_name=name, benchmark=benchmark, unit=unit,
                score=to_percent(value) if unit == "percent" else value,
                release_date=released, open_weights=is_open, trust=trust, ci95=ci,
                # the column's notes say who measured it (e.g. "Epoch evaluation"): the score's basis
                raw=raw_json({"notes": basis}) if (basis := (row.get(f"{column} Notes") or "").strip()) else None,
                **prov,
            )


def parse_gsm(text: str, where: str, origin: str, observed: date | None, license: str) -> Iterator[Record]:
    prov = Provenance(source=NAME, origin=origin, observed=observed, license=license)
    for line, row in csv_rows(text, where, NAME, ("System", "Date", "Open/Closed", *GSM_COLUMNS)):
        name = row["System"].strip()
        released = to_date(row["Date"])
        for column, (benchmark, unit) in GSM_COLUMNS.items():
            value = to_float(row[column], f"{where}:{line} column {column}", NAME)
            if value is not None:
                yield Score(model_name=name, benchmark=benchmark, unit=unit, score=to_percent(value),
                            release_date=released, open_weights=open_closed(row["Open/Closed"]), **prov)


def parse_systems(text: str, where: str, origin: str, observed: date | None, license: str) -> Iterator[Record]:
    """All ML Systems: one ModelFact per language system, with its training facts."""
    prov = Provenance(source=NAME, origin=origin, observed=observed, license=license)
    required = ("System", "Organization", "Publication date", "Model accessibility", "Parameters",
                "Training hardware", "Hardware quantity", "Training time (hours)")
    for line, row in csv_rows(text, where, NAME, required):
        name = row["System"].strip()
        if not name:
            continue
        here = f"{where}:{line}"
        keep = {k: v for k, v in row.items() if v and k in (*required, *SYSTEM_EXTRA)}
        parameters = to_float(row["Parameters"], here, NAME)
        compute = to_float(row.get("Training compute (FLOP)"))
        yield ModelFact(
            name=name, organization=row["Organization"] or None, release_date=to_date(row["Publication date"]),
            open_weights=accessibility_open(row["Model accessibility"]), accessibility=row["Model accessibility"] or None,
            parameters=parameters, training_compute_flop=compute,
            hardware=row["Training hardware"] or None,
            hardware_quantity=to_float(row["Hardware quantity"], here, NAME),
            training_time_hours=to_float(row["Training time (hours)"], here, NAME),
            base_model=row.get("Base model") or None, raw=raw_json(keep),
            **system_claim_facts(row, here, parameters, compute), **prov,
        )


# notes columns kept in `raw`: the prose some claim facts are read from (sources/epoch_notes.py)
SYSTEM_EXTRA = ("Domain", "Base model", "Training compute (FLOP)", "Parameters notes",
                "Training dataset size (datapoints)", "Dataset size notes", "Training time notes",
                "Training chip-hours")


def _stated(found: list[epoch_notes.Stated]) -> list[dict]:
    return [{"value": s.value, "note": s.excerpt} for s in found]


def system_claim_facts(row: dict[str, str], here: str, parameters: float | None,
                       compute: float | None) -> dict:
    """Training tokens, dataset size and its unit, chip-hours and active parameters of one All ML
    Systems row: the columns as given, plus the figures its notes state (every distinct one in
    `fact_notes`, the typed column only when one figure is unambiguous; see epoch_notes)."""
    datapoints = to_float(row.get("Training dataset size (datapoints)"), here, NAME)
    chips = to_float(row.get("Training chip-hours"), here, NAME)
    unit, by_note = epoch_notes.dataset_unit(datapoints, row.get("Dataset size notes"))
    notes: dict = {}
    if unit == "datapoints" and epoch_notes.six_nd(compute, parameters, datapoints):
        unit = "tokens"
        notes["dataset_size"] = f"'Training dataset size (datapoints)'; {SIX_ND_NOTE}"
    elif unit is not None:
        notes["dataset_size"] = ("'Training dataset size (datapoints)'; " +
                                 (f"the notes state it as {unit}: {by_note.excerpt}" if by_note else NO_UNIT_NOTE))
    tokens = epoch_notes.training_tokens(row.get("Dataset size notes"))
    hours = epoch_notes.chip_hours(row.get("Training time notes"))
    active = epoch_notes.active_parameters(row.get("Parameters notes"), parameters)
    for column, found in (("training_tokens", tokens), ("chip_hours_stated", hours), ("parameters_active", active)):
        if found:
            notes[column] = _stated(found)
    if chips is not None:
        notes["chip_hours"] = "'Training chip-hours' column"
    one = epoch_notes.one_figure
    chosen_tokens, chosen_hours, chosen_active = one(tokens, datapoints), one(hours, chips), one(active, None)
    return dict(
        dataset_size=datapoints, dataset_size_unit=unit, chip_hours=chips,
        training_tokens=chosen_tokens.value if chosen_tokens else None,
        chip_hours_stated=chosen_hours.value if chosen_hours else None,
        parameters_active=chosen_active.value if chosen_active else None,
        fact_notes=raw_json(notes) if notes else None,
    )


Parser = Callable[[str, str, str, date | None, str], Iterator[Record]]  # (text, where, origin, observed, license)
PARSERS: dict[str, Parser] = {
    "benchmarks_with_model_accessibility": parse_benchmarks,
    "gsm1k_with_model_accessibility": parse_gsm,
    "all_ml_systems": parse_systems,
}


def parser_for(filename: str) -> Parser | None:
    for prefix, parser in PARSERS.items():
        if filename.startswith(prefix):
            return parser
    return None


def read_offline(root: Path) -> Iterator[Record]:
    for path in sorted((root / MIRROR_DIR).glob("*.csv")):
        parser = parser_for(path.name)
        if parser is None:
            continue
        origin, license = mirror_origin(root, path)
        # the systems table is dated by its file name; the others by the manifest's commit
        yield from parser(read_text(path, NAME), str(path), origin, to_date(path.stem[-10:]), license or LICENSE)


def live_urls() -> dict[str, str]:
    """The live URLs; `$OPENPACE_EPOCH_TRENDS_URL` replaces each host and folder, keeping the file name."""
    base = os.environ.get(URL_ENV, "").strip().rstrip("/")
    if not base:
        return dict(LIVE_FILES)
    return {filename: f"{base}/{url.rsplit('/', 1)[-1]}" for filename, url in LIVE_FILES.items()}


def read_live() -> Iterator[Record]:
    today = date.today()
    for filename, url in live_urls().items():
        fetched = fetch(url, source=NAME)  # after a redirect, the final URL is the origin stored
        try:
            text = fetched.content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SourceError(NAME, url, f"not UTF-8 at byte {exc.start}") from None
        parser = parser_for(filename)
        if parser is None:  # LIVE_FILES names only files PARSERS reads
            raise SourceError(NAME, url, f"no parser for {filename}")
        yield from parser(text, url, fetched.url, today, LICENSE)


register_source(SourceSpec(
    name=NAME, license=LICENSE,
    description="Epoch AI open-model-trends: benchmarks with open/closed accessibility; All ML Systems",
    live_url=LIVE_FILES["benchmarks_with_model_accessibility.csv"], mirror_glob=f"{MIRROR_DIR}/*.csv",
    offline=read_offline, live=read_live, tables=("model_facts", "scores"),
))
