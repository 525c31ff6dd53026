"""LiteLLM's price map (`model_prices_and_context_window.json`): `{model_key: {litellm_provider,
mode, input_cost_per_token, output_cost_per_token, ...}}` in USD per token.

Mirror: `litellm/model_prices_YYYY-MM-DD_litellm-X.json`, each observed on the date in its name.
Community-edited and sometimes stale. Licence MIT.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from .base import Provenance, ModelFact, Price, Record, SourceSpec, raw_json, register_source
from .price_common import (
    expect_dict,
    is_generation_price,
    is_text_generation,
    non_negative,
    number,
    per_token_to_mtok,
    read_live_json,
    read_mirror_json,
)

NAME = "litellm"
LICENSE = "MIT"
# override with $OPENPACE_LITELLM_URL
LIVE_URL = "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"
MIRROR_GLOB = "litellm/model_prices_*.json"
DOC_KEY = "sample_spec"  # documents the fields; not a model
LEGACY_NOTE = "legacy max_tokens (the entry has no max_input_tokens or max_output_tokens)"
# Text-generation modes. "responses" entries are LLMs served only through OpenAI's Responses API
# (o3-pro, gpt-5-pro, codex models): their per-token prices are as real as a chat model's.
PRICED_MODES = frozenset({"chat", "completion", "responses"})
RAW_FIELDS = ("litellm_provider", "mode", "supported_modalities", "supported_output_modalities", "input_cost_per_token", "output_cost_per_token",
              "input_cost_per_character", "output_cost_per_character",
              "max_input_tokens", "max_output_tokens", "deprecation_date", "source",
              "input_cost_per_token_batches", "output_cost_per_token_batches", "cache_read_input_token_cost",
              "input_cost_per_token_cache_hit", "cache_creation_input_token_cost",
              "cache_creation_input_token_cost_above_1hr")
# the other prices of an entry (per token), by the Price field they fill; the first field present wins
# (`input_cost_per_token_cache_hit` is the older name of a cache read, DeepSeek's entries)
TIER_FIELDS: dict[str, tuple[str, ...]] = {
    "batch_input_usd_per_mtok": ("input_cost_per_token_batches",),
    "batch_output_usd_per_mtok": ("output_cost_per_token_batches",),
    "cache_read_usd_per_mtok": ("cache_read_input_token_cost", "input_cost_per_token_cache_hit"),
    "cache_write_usd_per_mtok": ("cache_creation_input_token_cost",),
    "cache_write_1h_usd_per_mtok": ("cache_creation_input_token_cost_above_1hr",),
}


def tier_price(entry: dict[str, Any], here: str, field: str) -> float | None:
    """One of an entry's batch and prompt-caching prices (`TIER_FIELDS`) per million tokens; a 0 is no
    price (an entry's placeholder for a host that does not bill the step apart), a missing field None."""
    values = [non_negative(number(entry.get(n), f"{here}.{n}", NAME)) for n in TIER_FIELDS[field] if n in entry]
    return per_token_to_mtok(next((v for v in values if v), None))


def contradicts_per_character(entry: dict[str, Any], here: str) -> bool:
    """Whether an entry's per-token price is below its own per-character price on either side.

    A token is several characters long, so it cannot cost less than one character. Vertex AI's
    PaLM and early Gemini 1.5 entries (`gemini-1.5-pro-preview-0409`: 7.8125e-08 per token,
    3.125e-07 per character) carry such a pair in the maps of 2024-11-28 to 2026-02-03: the
    per-token figure is the per-character one divided by 4 instead of multiplied, which made a
    closed frontier model look like the cheapest at MMLU >= 80 for two years.
    """
    for side in ("input", "output"):
        per_token = number(entry.get(f"{side}_cost_per_token"), f"{here}.{side}_cost_per_token", NAME)
        per_char = number(entry.get(f"{side}_cost_per_character"), f"{here}.{side}_cost_per_character", NAME)
        if per_token is not None and per_char is not None and per_char > 0 and per_token < per_char:
            return True
    return False


def parse_prices(data: Any, where: str, origin: str, observed: date | None, license: str) -> Iterator[Record]:
    """One Price row per text-generation entry with a per-token price; the key is kept whole."""
    prov = Provenance(source=NAME, origin=origin, observed=observed, license=license)
    for key, entry in expect_dict(data, where, NAME).items():
        if key == DOC_KEY:
            continue
        here = f"{where}: {key}"
        entry = expect_dict(entry, here, NAME)
        if entry.get("mode") not in PRICED_MODES:
            continue  # embeddings, images, audio, rerank...; also `{alias_of: ...}` entries, which have no mode
        if not is_text_generation(entry.get("supported_modalities"), entry.get("supported_output_modalities")):
            continue  # a `chat`-mode speech generator (text in, audio out)
        provider = entry.get("litellm_provider")
        if not isinstance(provider, str) or not provider.strip():
            continue  # a price nobody can be said to charge
        price_in = non_negative(number(entry.get("input_cost_per_token"), f"{here}.input_cost_per_token", NAME))
        price_out = non_negative(number(entry.get("output_cost_per_token"), f"{here}.output_cost_per_token", NAME))
        if not is_generation_price(price_in, price_out):
            continue  # no price, or a 0 output price (free, embedding-like, router)
        if contradicts_per_character(entry, here):
            continue  # a per-token price below the per-character one is a unit slip, not a price
        yield Price(model_name=key, provider=provider, model_key=key,
                    input_usd_per_mtok=per_token_to_mtok(price_in), output_usd_per_mtok=per_token_to_mtok(price_out),
                    batch_input_usd_per_mtok=tier_price(entry, here, "batch_input_usd_per_mtok"),
                    batch_output_usd_per_mtok=tier_price(entry, here, "batch_output_usd_per_mtok"),
                    cache_read_usd_per_mtok=tier_price(entry, here, "cache_read_usd_per_mtok"),
                    cache_write_usd_per_mtok=tier_price(entry, here, "cache_write_usd_per_mtok"),
                    cache_write_1h_usd_per_mtok=tier_price(entry, here, "cache_write_1h_usd_per_mtok"), raw=raw_json({k: entry[k] for k in RAW_FIELDS if k in entry}), **prov)
        limits = limits_fact(key, entry, here, prov)
        if limits is not None:
            yield limits


def _tokens(entry: dict[str, Any], field: str, here: str) -> int | None:
    value = number(entry.get(field), f"{here}.{field}", NAME)
    return int(value) if value and value > 0 else None


def limits_fact(key: str, entry: dict[str, Any], here: str, prov: Provenance) -> ModelFact | None:
    """The entry's context window (`max_input_tokens`) and output limit (`max_output_tokens`), named
    by its key like its Price row. `max_tokens` is LiteLLM's legacy field: the output limit when the
    entry also has `max_input_tokens`, and in the early maps (2023, no other limit field) the whole
    context window, so it is read as the context window only in an entry with neither new field."""
    context, output = _tokens(entry, "max_input_tokens", here), _tokens(entry, "max_output_tokens", here)
    notes = None
    if context is None and output is None:
        context = _tokens(entry, "max_tokens", here)
        notes = raw_json({"context_window": LEGACY_NOTE}) if context else None
    if context is None and output is None:
        return None
    raw = {k: entry[k] for k in ("max_input_tokens", "max_output_tokens", "max_tokens", "litellm_provider") if k in entry}
    return ModelFact(name=key, key=key, context_window=context, output_limit=output, fact_notes=notes,
                     raw=raw_json(raw), **prov)


def first_limits(records: Iterable[Record]) -> Iterator[Record]:
    """One limits row per key and values, observed on the first map that has them (maps come in
    date order; each repeats most of the previous one)."""
    seen: set[tuple] = set()
    for record in records:
        if isinstance(record, ModelFact):
            ident = (record.name, record.context_window, record.output_limit)
            if ident in seen:
                continue
            seen.add(ident)
        yield record


def read_offline(root: Path) -> Iterator[Record]:
    """Every mirrored price map, observed on the date in its file name."""
    yield from first_limits(read_mirror_json(root, MIRROR_GLOB, NAME, parse_prices, LICENSE))


def read_live() -> Iterator[Record]:
    """Today's price map from LiteLLM's main branch."""
    yield from read_live_json(NAME, LIVE_URL, parse_prices, LICENSE)


register_source(SourceSpec(
    name=NAME, license=LICENSE,
    description="LiteLLM price map: per-token prices and token limits for chat/completion models by provider",
    live_url=LIVE_URL, mirror_glob=MIRROR_GLOB, offline=read_offline, live=read_live, tables=("prices", "model_facts"),
    history=("prices",),
))
