"""Price observations over time: which catalogue price is in force for a model at a provider on a day.

Every row of `prices` is one catalogue's price for one model at one provider, observed on a date
(a catalogue snapshot: a models.dev `api-YYYY-MM-DD.json`, a LiteLLM map, an OpenRouter listing,
a live refresh) or valid over a period (genai-prices' dated price changes). Live refreshes append
observations (`SourceSpec.history`), so the table is a history, and these rules read it:

- **In force from** its start: genai-prices' `valid_from` when it has one, else the observation
  date (or, opt-in, the model's release for undated genai-prices rows: `SINCE_RELEASE_SOURCES`).
- **In force until** genai-prices' `valid_to` (inclusive) when it has one; otherwise a snapshot
  observation holds until the same catalogue's next snapshot (exclusive): a catalogue speaks
  through its latest snapshot on or before the day, so a model it no longer lists has no price
  from it. The latest snapshot of each catalogue holds on.
- **Latest** (no date): the open-ended observations of each catalogue's latest snapshot.
"""

from __future__ import annotations

import bisect
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from ..sources import genai_prices, models_dev

# Catalogues whose undated price can be read as holding since the model's release (opt-in,
# `release_dating=True`): genai-prices adds a date constraint when a price changes (it is built to
# cost historical usage), so a row without `valid_from` claims the time from release to `valid_to`.
# Off by default: its model entries often stand for a moving alias (`mistral-large` = the latest
# Mistral Large), so the claim can put today's price on a launch month that paid more.
SINCE_RELEASE_SOURCES: tuple[str, ...] = ("genai_prices",)


@dataclass(frozen=True)
class TierPrices:
    """An offering's other prices beside its ordinary input/output (USD per million tokens, None where
    the catalogue gives none): the batch API's input and output, prompt caching's read and write."""

    batch_input: float | None = None
    batch_output: float | None = None
    cache_read: float | None = None
    cache_write: float | None = None
    cache_write_1h: float | None = None


@dataclass(frozen=True)
class Observation:
    """One catalogue's price for one canonical model at one provider, with its dates and provenance."""

    model_id: str
    model_name: str
    source: str
    provider: str
    input: float
    output: float
    observed: date | None
    valid_from: date | None
    valid_to: date | None
    origin: str
    license: str
    released: date | None = None  # the canonical model's release date (release dating only)
    until: date | None = None  # the catalogue's next snapshot after `observed` (exclusive end)
    tiers: TierPrices = TierPrices()  # the same offering's batch and prompt-caching prices
    # read on a day before its first observation because its dated id fixes its price (prices._current)
    fixed_by_id: bool = False
    # read although not in force on the day, as the observation nearest to it (prices._nearest): `last_seen`,
    # `first_after` or `nearest`
    read_as: str | None = None

    @property
    def start(self) -> date | None:
        """When this price is known to hold from: the constraint's start; for genai-prices rows
        without one the model's release (release dating); else the observation date."""
        if self.valid_from is not None:
            return self.valid_from
        if self.source in SINCE_RELEASE_SOURCES and self.released is not None:
            return self.released
        return self.observed

    @property
    def start_basis(self) -> str:
        if self.read_as is not None:
            return self.read_as
        if self.fixed_by_id:
            return "dated_id"
        if self.valid_from is not None:
            return "valid_from"
        if self.source in SINCE_RELEASE_SOURCES and self.released is not None:
            return "release_date"
        return "observed"

    def in_force(self, as_of: date | None) -> bool:
        if as_of is None:  # "latest": the open-ended rows of each catalogue's latest snapshot
            return self.valid_to is None and self.until is None
        start = self.start
        if start is None or start > as_of:
            return False
        if self.valid_to is not None:  # genai-prices' valid_to is the day before the next change
            return as_of <= self.valid_to
        return self.until is None or as_of < self.until


# the catalogues whose rows keep their long-prompt (context-length tier) prices in `raw`, and the reader of each;
# LiteLLM's `*_above_128k_tokens` / `*_above_200k_tokens` fields are not kept in its rows' `raw`
CONTEXT_TIER_READERS: dict[str, Callable[[Any], list[tuple[int, float | None, float | None]]]] = {
    "genai_prices": genai_prices.context_tiers, "models_dev": models_dev.context_tiers}


def context_tier_prices(con: duckdb.DuckDBPyConnection, source: str, model_name: str, provider: str, input_usd: float,
                        output_usd: float, observed: date | None,
                        valid_to: date | None) -> list[tuple[int, float | None, float | None]]:
    """The long-prompt prices of one catalogue row (the row with this ordinary price, observation and period):
    (threshold in tokens, input, output) per context tier its catalogue keeps; [] when it keeps none."""
    read = CONTEXT_TIER_READERS.get(source)
    if read is None:
        return []
    rows = con.execute("""
        SELECT DISTINCT raw FROM prices WHERE source = ? AND model_name = ? AND provider = ?
          AND input_usd_per_mtok = ? AND output_usd_per_mtok = ?
          AND observed IS NOT DISTINCT FROM ? AND valid_to IS NOT DISTINCT FROM ?""",
                       [source, model_name, provider, input_usd, output_usd, observed, valid_to]).fetchall()
    for (raw,) in rows:
        tiers = read(json.loads(raw) if isinstance(raw, str) else raw)
        if tiers:
            return tiers
    return []


def snapshot_dates(con: duckdb.DuckDBPyConnection) -> dict[str, list[date]]:
    """Per catalogue, its snapshot dates (the distinct observation dates of rows without a period)."""
    dates: dict[str, list[date]] = defaultdict(list)
    for source, observed in con.execute("""
            SELECT DISTINCT source, observed FROM prices
            WHERE observed IS NOT NULL AND valid_from IS NULL AND valid_to IS NULL ORDER BY 1, 2""").fetchall():
        dates[source].append(observed)
    return dict(dates)


def next_snapshot(dates: dict[str, list[date]], source: str, observed: date | None) -> date | None:
    """The catalogue's first snapshot after `observed`, None for its latest (or an undated row)."""
    if observed is None:
        return None
    found = dates.get(source, [])
    i = bisect.bisect_right(found, observed)
    return found[i] if i < len(found) else None


def load_observations(con: duckdb.DuckDBPyConnection, model_ids: list[str] | None = None,
                      release_dating: bool = False) -> list[Observation]:
    """Every price row joined to its canonical model. Rows without both prices, and free tiers
    (input and output both 0: subscriptions, `:free` routes), carry no per-token price and are left out.
    `release_dating` dates undated genai-prices rows from the model's release (SINCE_RELEASE_SOURCES)."""
    where = ""
    params: list[Any] = []
    if model_ids is not None:
        if not model_ids:
            return []
        where = "AND a.model_id IN (SELECT unnest(?))"
        params = [list(model_ids)]
    rows = con.execute(f"""
        SELECT DISTINCT a.model_id, p.model_name, p.source, p.provider, p.input_usd_per_mtok,
               p.output_usd_per_mtok, p.observed, p.valid_from, p.valid_to, p.origin, p.license, m.release_date,
               p.batch_input_usd_per_mtok, p.batch_output_usd_per_mtok, p.cache_read_usd_per_mtok,
               p.cache_write_usd_per_mtok, p.cache_write_1h_usd_per_mtok
        FROM prices p JOIN model_aliases a ON a.source = p.source AND a.alias = p.model_name
        LEFT JOIN models m ON m.model_id = a.model_id
        WHERE p.input_usd_per_mtok IS NOT NULL AND p.output_usd_per_mtok IS NOT NULL
          AND p.input_usd_per_mtok >= 0 AND p.output_usd_per_mtok >= 0
          AND (p.input_usd_per_mtok > 0 OR p.output_usd_per_mtok > 0) {where}""", params).fetchall()
    dates = snapshot_dates(con)
    out = []
    for row in rows:
        periodic = row[7] is not None or row[8] is not None
        until = None if periodic else next_snapshot(dates, row[2], row[6])
        model_id, name, source, provider, inp, out_, observed, valid_from, valid_to, origin, licence, released = row[:12]
        out.append(Observation(model_id, name, source, provider, inp, out_, observed, valid_from, valid_to, origin,
                               licence, released=released if release_dating else None, until=until,
                               tiers=TierPrices(*row[12:])))
    return out
