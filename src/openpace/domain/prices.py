"""The blended price: one number for a model whose input and output tokens are priced apart.

blended = (w_in x input + w_out x output) / (w_in + w_out), USD per million tokens, with the
spec's default weights 3:1 (three input tokens per output token).
"""

from __future__ import annotations

import re

from ..errors import UsageError

DEFAULT_BLEND: tuple[float, float] = (3.0, 1.0)
_BLEND = re.compile(r"\s*([0-9.]+)\s*:\s*([0-9.]+)\s*")


def blend_price(input_usd: float, output_usd: float, blend: tuple[float, float] = DEFAULT_BLEND) -> float:
    """The blended price: (w_in x input + w_out x output) / (w_in + w_out)."""
    w_in, w_out = blend
    return (w_in * input_usd + w_out * output_usd) / (w_in + w_out)


def parse_blend(text: str) -> tuple[float, float]:
    """`"3:1"` -> (3.0, 1.0); a clear UsageError otherwise."""
    match = _BLEND.fullmatch(text or "")
    try:
        weights = (float(match.group(1)), float(match.group(2))) if match else None
    except ValueError:
        weights = None
    if not weights or min(weights) < 0 or sum(weights) <= 0:
        raise UsageError(f"--blend {text!r}: expected INPUT:OUTPUT weights such as 3:1")
    return weights


# The price tiers a catalogue row can carry beside its ordinary price, and what each is called in an
# explanation: the batch API's input and output; prompt caching's read (a cache hit) and write (cache
# creation at the default lifetime), both prices of input tokens.
# `long_context`, the price for prompts above a context-length threshold, is kept apart from a row's columns:
# the catalogues that give it keep it in the row's raw entry (metrics.price_observations.context_tier_prices).
TIER_LABELS: dict[str, str] = {"batch": "batch", "cache_read": "cache-read", "cache_write": "cache-write",
                               "cache_write_1h": "one-hour cache-write", "long_context": "long-prompt"}
CACHE_TIERS = frozenset({"cache_read", "cache_write", "cache_write_1h"})


def tier_price(tier: str | None, input_usd: float | None, output_usd: float | None, batch_input: float | None,
               batch_output: float | None, cache_read: float | None, cache_write: float | None,
               cache_write_1h: float | None = None) -> tuple[float | None, float | None]:
    """A row's (input, output) price in one tier: the ordinary pair for None; the batch pair for
    `batch`; the cache read or write as the input price (no output side) for `cache_read`/`cache_write`
    (the default lifetime) and `cache_write_1h` (a write kept for an hour).
    (None, None) when the row has no price in that tier: it is never the ordinary price instead."""
    if tier is None:
        return input_usd, output_usd
    if tier == "batch":
        return batch_input, batch_output
    if tier == "cache_read":
        return cache_read, None
    if tier == "cache_write":
        return cache_write, None
    if tier == "cache_write_1h":
        return cache_write_1h, None
    return None, None
