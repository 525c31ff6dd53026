"""models.dev: the open catalogue of AI models and the providers that serve them.

Every dated snapshot `models.dev/api-YYYY-MM-DD.json` (live: `https://models.dev/api.json`,
dated by retrieval) is one observation: a `Price` row per provider-model with a cost. The
latest snapshot also gives one `ModelFact` per provider-model, and `canonical-models.json`
(the models.dev model registry, keyed `lab/model`) gives a `ModelFact` per record and a
`Score` per benchmark result it carries. Licence MIT.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ..errors import SourceError
from .base import (
    Provenance,
    ModelFact,
    Price,
    Record,
    Score,
    SourceSpec,
    mirror_files,
    mirror_origin,
    raw_json,
    register_source,
    to_date,
)
from .price_common import (
    dated_file,
    expect_dict,
    expect_list,
    fetch_document,
    is_generation_price,
    is_text_generation,
    live_url,
    load_json,
    non_negative,
    number,
    optional_bool,
)

NAME = "models_dev"
LICENSE = "MIT"
LIVE_URL = "https://models.dev/api.json"  # override with $OPENPACE_MODELS_DEV_URL
MIRROR_DIR = "models.dev"
API_GLOB = f"{MIRROR_DIR}/api-*.json"
CANONICAL_FILE = "canonical-models.json"

# Benchmark `metric` wordings that mean "share of tasks solved, on 0-100". Anything else
# ("index", "score", or no metric at all) is kept with unit "other": we cannot tell its scale.
PERCENT_METRICS = frozenset({
    "percent", "percent correct", "percent resolved", "pass@1", "average pass@1",
    "resolve rate", "resolved", "success rate",
})
# Fields an `extends` record (2026-05/06 snapshots) may omit and inherits from the model it extends.
INHERITED = ("name", "release_date", "open_weights", "family", "weights")


def _providers(data: Any, where: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield `(provider_id, model_id, record)`, failing on a wrong shape with the key path named."""
    for provider_id, provider in expect_dict(data, where, NAME).items():
        provider = expect_dict(provider, f"{where}: {provider_id}", NAME)
        models = expect_dict(provider.get("models"), f"{where}: {provider_id}.models", NAME)
        for model_id, record in models.items():
            yield provider_id, model_id, expect_dict(record, f"{where}: {provider_id}.models.{model_id}", NAME)


def _inherit(record: dict[str, Any], canonical: dict[str, Any] | None) -> dict[str, Any]:
    """Fill the fields an `extends: {from: lab/model}` record leaves out from the canonical record.

    The live api.json resolves `extends` itself; the 2026-05 and 2026-06 mirror snapshots were
    rebuilt without resolving it, so those records lack name/open_weights/release_date.
    """
    parent_key = (record.get("extends") or {}).get("from") if isinstance(record.get("extends"), dict) else None
    parent = (canonical or {}).get(parent_key) if isinstance(parent_key, str) else None
    if not isinstance(parent, dict):
        return record
    merged = dict(record)
    for field in INHERITED:
        if merged.get(field) is None and parent.get(field) is not None:
            merged[field] = parent[field]
    return merged


def _organization(provider_id: str, model_id: str, record: dict[str, Any],
                  canonical: dict[str, Any] | None) -> str | None:
    """The lab: from `base_model`/`extends.from` (`lab/model`), or the provider when it is the
    canonical home of this model id. A host (nvidia, togetherai, ...) is never taken as the lab."""
    ref = record.get("base_model")
    if not isinstance(ref, str):
        extends = record.get("extends")
        ref = extends.get("from") if isinstance(extends, dict) else None
    if isinstance(ref, str) and "/" in ref:
        return ref.split("/", 1)[0]
    if canonical is not None and f"{provider_id}/{model_id}" in canonical:
        return provider_id
    return None


def _hf_id(record: dict[str, Any]) -> str | None:
    """`org/name` of the first Hugging Face link in the record's `weights` list, if any."""
    weights = record.get("weights")
    if not isinstance(weights, list):
        return None
    for link in weights:
        url = link.get("url") if isinstance(link, dict) else None
        if not isinstance(url, str):
            continue
        parsed = urlparse(url)
        parts = [p for p in parsed.path.split("/") if p]
        if parsed.netloc in ("huggingface.co", "www.huggingface.co") and len(parts) >= 2:
            return f"{parts[0]}/{parts[1]}"
    return None


def _generates_text(record: dict[str, Any]) -> bool:
    """A text generator by its `modalities` (text in and out, see `is_text_generation`) and not an
    embedding model (models.dev's `family` `text-embedding`: text in, vectors out, listed as text)."""
    modalities = record.get("modalities")
    modalities = modalities if isinstance(modalities, dict) else {}
    family = record.get("family")
    if isinstance(family, str) and family.lower().endswith("embedding"):
        return False
    return is_text_generation(modalities.get("input"), modalities.get("output"))


# Unix time 0: models.dev writes it for a model it has no date for (frogbot's gpt-oss-120b, kimi-k2.5,
# kimi-k2-6 ... in the snapshots from api-2026-02-01.json on); a missing value, not a release in 1970
PLACEHOLDER_DATE = date(1970, 1, 1)


def _release(record: dict[str, Any]) -> date | None:
    value = record.get("release_date")
    day = to_date(value) if isinstance(value, str) else None  # "2026-01" becomes 2026-01-01
    return None if day == PLACEHOLDER_DATE else day


def context_tiers(raw: Any) -> list[tuple[int, float | None, float | None]]:
    """The long-prompt prices a row keeps in `raw` (its price is the base tier): one (size, input, output) per
    context tier, the price for prompts above `size` tokens (`cost.tiers[].tier.size`, a tier of another
    type left out; `cost.context_over_200k` above 200,000), a side None where the tier gives none."""
    cost = raw.get("cost") if isinstance(raw, dict) else None
    if not isinstance(cost, dict):
        return []
    found: dict[int, tuple[float | None, float | None]] = {}

    def price(entry: dict[str, Any], side: str) -> float | None:
        value = entry.get(side)
        return float(value) if isinstance(value, (int, float)) and value >= 0 else None

    over = cost.get("context_over_200k")
    if isinstance(over, dict):
        found[200_000] = (price(over, "input"), price(over, "output"))
    tiers = cost.get("tiers")
    for entry in tiers if isinstance(tiers, list) else []:
        tier = entry.get("tier") if isinstance(entry, dict) else None
        if not isinstance(tier, dict) or tier.get("type", "context") != "context":
            continue
        size = tier.get("size")
        if isinstance(size, (int, float)) and size > 0:
            found[int(size)] = (price(entry, "input"), price(entry, "output"))
    return [(size, i, o) for size, (i, o) in sorted(found.items()) if i is not None or o is not None]


def parse_api(data: Any, where: str, origin: str, observed: date | None, license: str, *,
              facts: bool, canonical: dict[str, Any] | None = None) -> Iterator[Record]:
    """One api.json snapshot: Price rows for every provider-model with a text-generation cost
    (see `is_generation_price`, `_generates_text`); ModelFacts (for every provider-model) if `facts`.

    The price is the base (first) context tier: `cost.tiers` / `cost.context_over_200k` are
    surcharges for long prompts and are kept only in `raw`.
    """
    prov = Provenance(source=NAME, origin=origin, observed=observed, license=license)
    for provider_id, model_id, record in _providers(data, where):
        here = f"{where}: {provider_id}.models.{model_id}"
        merged = _inherit(record, canonical)
        open_weights = optional_bool(merged.get("open_weights"), f"{here}.open_weights", NAME)
        released = _release(merged)
        key = f"{provider_id}/{model_id}"
        cost = record.get("cost")
        if cost is not None:
            cost = expect_dict(cost, f"{here}.cost", NAME)
            price_in = non_negative(number(cost.get("input"), f"{here}.cost.input", NAME))
            price_out = non_negative(number(cost.get("output"), f"{here}.cost.output", NAME))
            if is_generation_price(price_in, price_out) and _generates_text(merged):
                keep = {k: record[k] for k in ("cost", "base_model", "extends", "status") if k in record}
                cache_read = non_negative(number(cost.get("cache_read"), f"{here}.cost.cache_read", NAME))
                cache_write = non_negative(number(cost.get("cache_write"), f"{here}.cost.cache_write", NAME))
                yield Price(model_name=model_id, provider=provider_id, model_key=key,
                            input_usd_per_mtok=price_in, output_usd_per_mtok=price_out,
                            cache_read_usd_per_mtok=cache_read or None, cache_write_usd_per_mtok=cache_write or None,
                            open_weights=open_weights, release_date=released, raw=raw_json(keep), **prov)
        if _generates_text(merged):
            yield limits_fact(model_id, key, merged, here, prov)
        if facts:
            name = merged.get("name")
            yield ModelFact(name=name if isinstance(name, str) and name.strip() else model_id, key=key,
                            organization=_organization(provider_id, model_id, record, canonical),
                            release_date=released, open_weights=open_weights, hf_id=_hf_id(merged),
                            raw=raw_json(record), **prov)


def _limits(record: dict[str, Any], here: str) -> dict[str, Any]:
    """`limit.context`, `limit.output` (tokens; 0 means not stated) and `knowledge` ("2024-04")."""
    limit = record.get("limit")
    limit = expect_dict(limit, f"{here}.limit", NAME) if limit is not None else {}
    counts: dict[str, Any] = {}
    for field, column in (("context", "context_window"), ("output", "output_limit")):
        value = number(limit.get(field), f"{here}.limit.{field}", NAME)
        counts[column] = int(value) if value and value > 0 else None
    knowledge = record.get("knowledge")
    counts["knowledge_cutoff"] = knowledge.strip() if isinstance(knowledge, str) and knowledge.strip() else None
    return counts


def limits_fact(model_id: str, key: str, record: dict[str, Any], here: str, prov: Provenance) -> ModelFact:
    """One provider-model's context window, output limit and knowledge cut-off, named by its id like
    its Price row (so it joins the same canonical model) and carrying no openness or date: those
    votes come once per model from the latest snapshot's facts, not once per snapshot."""
    raw = {k: record[k] for k in ("limit", "knowledge") if k in record}
    return ModelFact(name=model_id, key=key, raw=raw_json(raw), **_limits(record, here), **prov)


def first_limits(records: Iterator[Record]) -> Iterator[Record]:
    """Drop a provider-model's limits when an earlier snapshot gave the same ones: one row per
    model and values, observed on the first snapshot that has them (snapshots come in date order)."""
    seen: set[tuple] = set()
    for record in records:
        if isinstance(record, ModelFact) and record.open_weights is None and record.release_date is None \
                and record.organization is None and record.hf_id is None:
            ident = (record.key, record.name, record.context_window, record.output_limit, record.knowledge_cutoff)
            if ident in seen:
                continue
            seen.add(ident)
        yield record


def _benchmark_name(bench: dict[str, Any]) -> str:
    """The benchmark's name as given, qualified by `version` and `dataset` when the record has them,
    so that e.g. SWE-Bench Pro's `hard-aa` subset never mixes with the `public` set."""
    name = str(bench["name"]).strip()
    version = bench.get("version")
    if version is not None and str(version) not in name:
        name = f"{name} {version}"
    dataset = bench.get("dataset")
    if dataset:
        name = f"{name} ({dataset})"
    return name


def parse_canonical(data: Any, where: str, origin: str, observed: date | None, license: str) -> Iterator[Record]:
    """canonical-models.json: one ModelFact per `lab/model` record, one Score per benchmark result."""
    prov = Provenance(source=NAME, origin=origin, observed=observed, license=license)
    for key, record in expect_dict(data, where, NAME).items():
        here = f"{where}: {key}"
        record = expect_dict(record, here, NAME)
        raw_name = record.get("name")
        name = raw_name.strip() if isinstance(raw_name, str) and raw_name.strip() else key
        open_weights = optional_bool(record.get("open_weights"), f"{here}.open_weights", NAME)
        released = _release(record)
        licence = record.get("license")
        yield ModelFact(name=name, key=key, organization=key.split("/", 1)[0] if "/" in key else None,
                        release_date=released, open_weights=open_weights, hf_id=_hf_id(record),
                        raw=raw_json({k: v for k, v in record.items() if k != "benchmarks"}),
                        model_license=licence.strip() if isinstance(licence, str) and licence.strip() else None,
                        **_limits(record, here), **prov)
        for i, bench in enumerate(expect_list(record.get("benchmarks") or [], f"{here}.benchmarks", NAME)):
            bhere = f"{here}.benchmarks[{i}]"
            bench = expect_dict(bench, bhere, NAME)
            if not isinstance(bench.get("name"), str) or not bench["name"].strip():
                raise SourceError(NAME, f"{bhere}.name", "missing benchmark name")
            score = number(bench.get("score"), f"{bhere}.score", NAME)
            if score is None:
                raise SourceError(NAME, f"{bhere}.score", "missing score")
            metric = str(bench.get("metric") or "").strip().lower()
            # every percent-metric score in the file is already on 0-100 (none is a 0-1 fraction);
            # a value outside 0-100 under a percent wording cannot be a percent, so it stays "other"
            unit = "percent" if metric in PERCENT_METRICS and 0 <= score <= 100 else "other"
            evaluated = bench.get("date")
            yield Score(model_name=name, model_key=key, benchmark=_benchmark_name(bench), score=score, unit=unit,
                        release_date=released, open_weights=open_weights,
                        evaluated_date=to_date(evaluated) if isinstance(evaluated, str) else None,
                        raw=raw_json(bench), **prov)


def read_offline(root: Path) -> Iterator[Record]:
    """Every mirror snapshot (dated by its file name), then the canonical model records."""
    snapshots = sorted((dated_file(path, NAME), path) for path in mirror_files(root, API_GLOB, NAME))
    canonical_path = root / MIRROR_DIR / CANONICAL_FILE
    canonical = None
    if canonical_path.exists():
        canonical = expect_dict(load_json(canonical_path, NAME), str(canonical_path), NAME)
    latest = snapshots[-1][1]

    def every_snapshot() -> Iterator[Record]:
        for observed, path in snapshots:
            origin, license = mirror_origin(root, path)
            # ModelFacts only from the latest snapshot: the older ones would repeat ~35k near-identical
            # facts; limits from all, each first observation once (`first_limits`)
            yield from parse_api(load_json(path, NAME), str(path), origin, observed, license or LICENSE,
                                 facts=path == latest, canonical=canonical)

    yield from first_limits(every_snapshot())
    if canonical is not None:
        origin, license = mirror_origin(root, canonical_path)
        # the registry file has no date of its own; its date is the upstream commit in the manifest
        yield from parse_canonical(canonical, str(canonical_path), origin, None, license or LICENSE)


def read_live() -> Iterator[Record]:
    """Today's https://models.dev/api.json (which resolves `extends` itself)."""
    url = live_url(NAME, LIVE_URL)
    document, origin = fetch_document(url, NAME)
    yield from parse_api(document, url, origin, date.today(), LICENSE, facts=True)


register_source(SourceSpec(
    name=NAME, license=LICENSE,
    description="models.dev catalogue: provider prices per dated snapshot, model facts, canonical benchmarks",
    live_url=LIVE_URL, mirror_glob=API_GLOB, offline=read_offline, live=read_live,
    tables=("prices", "model_facts", "scores"), history=("prices",),
))
