"""Pydantic's genai-prices: a curated price database, providers -> models -> prices in USD per
million tokens, with dated price changes (`constraint.start_date`) that become valid_from/valid_to.

Mirror: `genai-prices/data.json`; live: the repository's `prices/data.json`. Licence MIT.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..errors import SourceError
from .base import Provenance, ModelFact, Price, Record, SourceSpec, raw_json, register_source
from .price_common import (
    expect_dict,
    expect_list,
    is_generation_price,
    non_negative,
    number,
    read_live_json,
    read_mirror_json,
)

NAME = "genai_prices"
LICENSE = "MIT"
LIVE_URL = "https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/data.json"  # $OPENPACE_GENAI_PRICES_URL
MIRROR_FILE = "genai-prices/data.json"
MINUTES_PER_DAY = 24 * 60

Period = tuple[int, date | None, date | None]  # (index into the price list, valid_from, valid_to inclusive)


def per_mtok(value: Any, where: str) -> float | None:
    """A price in USD per Mtok. A tiered price `{base, tiers: [{start, price}]}` gives its base
    tier: the tiers are surcharges for prompts above `start` tokens (e.g. >200k context)."""
    if isinstance(value, dict):
        if "base" not in value:
            raise SourceError(NAME, where, "tiered price without a `base`")
        value = value["base"]
        where = f"{where}.base"
    return non_negative(number(value, where, NAME))


def context_tiers(raw: Any) -> list[tuple[int, float | None, float | None]]:
    """The long-prompt prices a row keeps in `raw` (`per_mtok` reads only the base): one (start, input, output)
    per threshold of its tiered prices (`{base, tiers: [{start, price}]}`: the price for prompts above `start`
    tokens), a side None where it has no tier there; [] for a flat price."""
    prices = raw.get("prices") if isinstance(raw, dict) else None
    found: dict[int, dict[str, float]] = {}
    for side in ("input", "output"):
        value = prices.get(f"{side}_mtok") if isinstance(prices, dict) else None
        tiers = value.get("tiers") if isinstance(value, dict) else None
        for tier in tiers if isinstance(tiers, list) else []:
            start, price = (tier.get("start"), tier.get("price")) if isinstance(tier, dict) else (None, None)
            if isinstance(start, (int, float)) and isinstance(price, (int, float)) and start > 0 and price >= 0:
                found.setdefault(int(start), {})[side] = float(price)
    return [(start, sides.get("input"), sides.get("output")) for start, sides in sorted(found.items())]


def _minutes(clock: Any, where: str) -> int:
    """'16:30:00Z' -> 990."""
    try:
        hours, minutes = str(clock).rstrip("Z").split(":")[:2]
        return int(hours) * 60 + int(minutes)
    except ValueError:
        raise SourceError(NAME, where, f"not a time of day: {clock!r}") from None


def _constraint(entry: dict[str, Any], where: str) -> tuple[str, Any]:
    """Classify one conditional price: ('none', None) | ('date', start) | ('time', minutes per day)."""
    constraint = entry.get("constraint")
    if constraint is None:
        return "none", None
    constraint = expect_dict(constraint, f"{where}.constraint", NAME)
    if "start_date" in constraint:
        try:
            return "date", date.fromisoformat(str(constraint["start_date"]))
        except ValueError:
            raise SourceError(NAME, f"{where}.constraint.start_date",
                              f"not a date: {constraint['start_date']!r}") from None
    if "start_time" in constraint and "end_time" in constraint:
        start = _minutes(constraint["start_time"], f"{where}.constraint.start_time")
        end = _minutes(constraint["end_time"], f"{where}.constraint.end_time")
        return "time", (end - start) % MINUTES_PER_DAY
    # an unknown condition could change which price applies; guessing would risk a wrong number
    raise SourceError(NAME, f"{where}.constraint", f"unknown constraint {sorted(constraint)}")


def periods(entries: list[Any], where: str) -> list[Period]:
    """Which entry of a conditional price list applies when, following genai-prices' own rule:
    the *last* entry whose constraint holds wins, and an entry without constraint always holds.

    Date constraints split time into periods (valid_to is the day before the next change).
    Time-of-day constraints (DeepSeek's off-peak discount) cannot be a row per period: the
    entry in force for the most minutes of the day is taken, as the list price.
    """
    kinds = [_constraint(expect_dict(e, f"{where}[{j}]", NAME), f"{where}[{j}]") for j, e in enumerate(entries)]
    used = {kind for kind, _ in kinds}
    if {"date", "time"} <= used:
        raise SourceError(NAME, where, "date and time-of-day constraints in one list are not supported")
    if "time" in used:
        timed = sum(value for kind, value in kinds if kind == "time")
        minutes = [value if kind == "time" else MINUTES_PER_DAY - timed for kind, value in kinds]
        best = max(range(len(entries)), key=lambda j: (minutes[j], kinds[j][0] == "none"))
        return [(best, None, None)]

    def active(day: date | None) -> int | None:  # day None = before every start date
        for j in reversed(range(len(kinds))):
            kind, start = kinds[j]
            if kind == "none" or (day is not None and day >= start):
                return j
        return None

    starts: list[date | None] = [None, *sorted({start for kind, start in kinds if kind == "date"})]
    result: list[Period] = []
    for k, start in enumerate(starts):
        j = active(start)
        following = starts[k + 1] if k + 1 < len(starts) else None  # only the first start is None
        end = following - timedelta(days=1) if following is not None else None
        if j is None:
            continue
        if result and result[-1][0] == j:
            result[-1] = (j, result[-1][1], end)  # the same entry still applies: one longer period
        else:
            result.append((j, start, end))
    return result


def parse_prices(data: Any, where: str, origin: str, observed: date | None, license: str) -> Iterator[Record]:
    """The whole database -> one Price row per provider, model and price period."""
    prov = Provenance(source=NAME, origin=origin, observed=observed, license=license)
    if isinstance(data, dict) and "providers" in data:
        data = data["providers"]  # tolerate a wrapped shape; the published file is a bare list
    for i, provider in enumerate(expect_list(data, where, NAME)):
        phere = f"{where}: providers[{i}]"
        provider = expect_dict(provider, phere, NAME)
        provider_id = provider.get("id")
        if not isinstance(provider_id, str) or not provider_id:
            raise SourceError(NAME, f"{phere}.id", "missing provider id")
        for j, model in enumerate(expect_list(provider.get("models"), f"{phere}.models", NAME)):
            mhere = f"{phere}.models[{j}]"
            model = expect_dict(model, mhere, NAME)
            model_id = model.get("id")
            if not isinstance(model_id, str) or not model_id:
                raise SourceError(NAME, f"{mhere}.id", "missing model id")
            prices, where_prices = model.get("prices"), f"{mhere}.prices"
            if isinstance(prices, dict):  # one unconditional price
                entries: list[Any] = [{"prices": prices}]
                spans: list[Period] = [(0, None, None)]
            elif isinstance(prices, list):  # conditional prices
                entries, spans = prices, periods(prices, where_prices)
            else:
                raise SourceError(NAME, where_prices, f"expected an object or an array, got {type(prices).__name__}")
            priced = False
            for k, valid_from, valid_to in spans:
                here = f"{where_prices}[{k}].prices" if isinstance(prices, list) else where_prices
                values = expect_dict(entries[k].get("prices"), here, NAME)
                price_in = per_mtok(values.get("input_mtok"), f"{here}.input_mtok")
                price_out = per_mtok(values.get("output_mtok"), f"{here}.output_mtok")
                if not is_generation_price(price_in, price_out):
                    continue  # e.g. priced per request only
                keep: dict[str, Any] = {"prices": values}
                if entries[k].get("constraint"):
                    keep["constraint"] = entries[k]["constraint"]
                if model.get("deprecated"):
                    keep["deprecated"] = model["deprecated"]
                priced = True
                cache_read = per_mtok(values.get("cache_read_mtok"), f"{here}.cache_read_mtok")
                cache_write = per_mtok(values.get("cache_write_mtok"), f"{here}.cache_write_mtok")
                yield Price(model_name=model_id, provider=provider_id, model_key=f"{provider_id}/{model_id}",
                            input_usd_per_mtok=price_in, output_usd_per_mtok=price_out,
                            cache_read_usd_per_mtok=cache_read or None, cache_write_usd_per_mtok=cache_write or None,
                            valid_from=valid_from, valid_to=valid_to, raw=raw_json(keep), **prov)
            context = number(model.get("context_window"), f"{mhere}.context_window", NAME)
            if priced and context and context > 0:
                # the model's context window (docs/facts.md), named like its price rows so it joins them
                yield ModelFact(name=model_id, key=f"{provider_id}/{model_id}", context_window=int(context),
                                raw=raw_json({"context_window": model["context_window"]}), **prov)


def read_offline(root: Path) -> Iterator[Record]:
    """The mirrored data.json. It carries no date of its own (its commit is in MANIFEST.json), so
    `observed` is None; the prices' own validity is in valid_from/valid_to."""
    yield from read_mirror_json(root, MIRROR_FILE, NAME, parse_prices, LICENSE, dated=False)


def read_live() -> Iterator[Record]:
    """Today's prices/data.json from the genai-prices repository."""
    yield from read_live_json(NAME, LIVE_URL, parse_prices, LICENSE)


register_source(SourceSpec(
    name=NAME, license=LICENSE,
    description="Pydantic genai-prices: curated provider prices with dated price changes; context windows",
    live_url=LIVE_URL, mirror_glob=MIRROR_FILE, offline=read_offline, live=read_live, tables=("prices", "model_facts"),
    history=("prices",),
))
