"""OpenRouter's model list (`GET https://openrouter.ai/api/v1/models`): one price per model as
OpenRouter resells it, plus a ModelFact with the Hugging Face id when OpenRouter gives one.

Mirror: `models.dev/openrouter-models-YYYY-MM-DD.json`, dated by its file name. Licence: MIT, as
shipped in the models.dev repository.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import SourceError
from .base import Provenance, ModelFact, Price, Record, SourceSpec, raw_json, register_source
from .price_common import (
    expect_dict,
    expect_list,
    is_generation_price,
    is_text_generation,
    number,
    per_token_to_mtok,
    read_live_json,
    read_mirror_json,
)

NAME = "openrouter"
LICENSE = "MIT (as shipped in models.dev)"
LIVE_URL = "https://openrouter.ai/api/v1/models"  # override with $OPENPACE_OPENROUTER_URL
MIRROR_GLOB = "models.dev/openrouter-models-*.json"
PROVIDER = "openrouter"  # the seller of every price here; the id prefix is the model's lab, not the host
# Small, stable fields kept as `raw` (the `description` is long prose and is left out).
RAW_FIELDS = ("id", "canonical_slug", "hugging_face_id", "name", "created", "context_length",
              "knowledge_cutoff", "expiration_date", "top_provider")


def per_token(value: Any, where: str) -> float | None:
    """OpenRouter prices are decimal strings in USD per token ("0.0000025"); returns USD per Mtok.

    Negative values ("-1") mark variable pricing (routers such as `openrouter/auto` that bill
    whatever model they pick): they are not a price, so they come back as None.
    """
    if value is None:
        return None
    parsed: float | None
    if isinstance(value, str):
        try:
            parsed = float(value.strip())
        except ValueError:
            raise SourceError(NAME, where, f"not a number: {value!r}") from None
    else:
        parsed = number(value, where, NAME)
    if parsed is None or parsed < 0:
        return None
    return per_token_to_mtok(parsed)


def token_count(value: Any, where: str) -> int | None:
    """A token limit: a positive whole number, or None when absent (0 means "not stated")."""
    count = number(value, where, NAME)
    return int(count) if count and count > 0 else None


def _created(value: Any, where: str) -> date | None:
    """`created` is unix seconds: the day OpenRouter listed the model (it can lag the lab's release)."""
    seconds = number(value, where, NAME)
    return None if seconds is None else datetime.fromtimestamp(seconds, tz=timezone.utc).date()


def parse_models(data: Any, where: str, origin: str, observed: date | None, license: str) -> Iterator[Record]:
    """`{data: [...]}` -> a ModelFact per model and a Price per model with a fixed per-token price."""
    prov = Provenance(source=NAME, origin=origin, observed=observed, license=license)
    items = expect_list(expect_dict(data, where, NAME).get("data"), f"{where}: data", NAME)
    for i, record in enumerate(items):
        here = f"{where}: data[{i}]"
        record = expect_dict(record, here, NAME)
        model_id = record.get("id")
        if not isinstance(model_id, str) or not model_id.strip():
            raise SourceError(NAME, f"{here}.id", "missing model id")
        if model_id.startswith("~"):
            continue  # "~openai/gpt-latest" is a moving alias that re-lists a dated model's price
        hf = record.get("hugging_face_id")
        hf_id = hf.strip() if isinstance(hf, str) and hf.strip() else None
        # Published weights on the Hub mean open weights. No id proves nothing (several open models
        # lack one here), so the absence of an id is "unknown", never "closed".
        open_weights = True if hf_id else None
        released = _created(record.get("created"), f"{here}.created")
        slug = record.get("canonical_slug")
        raw = raw_json({k: record[k] for k in RAW_FIELDS if k in record})
        top = record.get("top_provider")
        top = expect_dict(top, f"{here}.top_provider", NAME) if top is not None else {}
        cutoff = record.get("knowledge_cutoff")
        yield ModelFact(name=model_id, key=slug if isinstance(slug, str) and slug else None,
                        organization=model_id.split("/", 1)[0] if "/" in model_id else None,
                        release_date=released, open_weights=open_weights, hf_id=hf_id, raw=raw,
                        context_window=token_count(record.get("context_length"), f"{here}.context_length"),
                        output_limit=token_count(top.get("max_completion_tokens"), f"{here}.top_provider.max_completion_tokens"),
                        knowledge_cutoff=cutoff.strip() if isinstance(cutoff, str) and cutoff.strip() else None,
                        **prov)
        pricing = record.get("pricing")
        if pricing is None:
            continue
        pricing = expect_dict(pricing, f"{here}.pricing", NAME)
        price_in = per_token(pricing.get("prompt"), f"{here}.pricing.prompt")
        price_out = per_token(pricing.get("completion"), f"{here}.pricing.completion")
        if not is_generation_price(price_in, price_out):
            continue  # variable ("-1"), absent, or free (":free" variants, 0/0): no per-token price
        arch = record.get("architecture")
        arch = arch if isinstance(arch, dict) else {}
        if not is_text_generation(arch.get("input_modalities"), arch.get("output_modalities")):
            continue  # an image/audio generator or a transcriber: its per-token price is not an LLM's
        yield Price(model_name=model_id, provider=PROVIDER, model_key=model_id,
                    input_usd_per_mtok=price_in, output_usd_per_mtok=price_out,
                    open_weights=open_weights, release_date=released, raw=raw_json(pricing), **prov)


def read_offline(root: Path) -> Iterator[Record]:
    """Every mirrored snapshot of the model list, each observed on the date in its file name."""
    yield from read_mirror_json(root, MIRROR_GLOB, NAME, parse_models, LICENSE)


def read_live() -> Iterator[Record]:
    """Today's model list from the OpenRouter API (public, no key needed)."""
    yield from read_live_json(NAME, LIVE_URL, parse_models, LICENSE)


register_source(SourceSpec(
    name=NAME, license=LICENSE,
    description="OpenRouter model list: prices as OpenRouter sells them, Hugging Face ids, listing dates",
    live_url=LIVE_URL, mirror_glob=MIRROR_GLOB, offline=read_offline, live=read_live,
    tables=("prices", "model_facts"), history=("prices",),
))
