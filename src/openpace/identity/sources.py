"""Source priorities for the facts identity settles: which source's release date and open/closed
flag a canonical model takes when sources disagree. Every disagreement is still reported in
`identity_conflicts`, and every source's own value is kept (`model_release_dates`,
`model_open_flags`). The orders are argued in docs/identity.md."""

from __future__ import annotations

from collections.abc import Iterable

# Release dates: Epoch's curated trends table first (the dates Epoch's own open-vs-closed analysis
# uses: public announcement), then Epoch's per-version table (API snapshot dates), then the
# catalogues; OpenRouter's `created` is a listing date, so it comes late.
RELEASE_PRIORITY = ("epoch_trends", "epoch_benchmarks", "models_dev", "lmarena", "genai_prices", "litellm",
                    "openrouter")
# Open weights: Epoch's curated Open/Closed and accessibility first, then presence on the Hub in
# Epoch's model versions, LMArena's licence column, a Hub id on OpenRouter, and only then models.dev's
# per-provider `open_weights` flags, which often disagree among themselves (docs/identity.md gives
# the count on the mirror): a published repo is firmer evidence than a catalogue entry's flag.
OPEN_PRIORITY = ("epoch_trends", "epoch_benchmarks", "lmarena", "openrouter", "models_dev", "genai_prices",
                 "litellm")
# A readable display name: the sources that spell names for people first.
DISPLAY_PRIORITY = {name: i for i, name in enumerate(
    ("epoch_trends", "lmarena", "epoch_benchmarks", "models_dev", "openrouter", "genai_prices", "litellm"))}


def priority_sorted(sources: Iterable[str], order: tuple[str, ...] = OPEN_PRIORITY) -> list[str]:
    """Sources in priority order; sources not listed come after, alphabetically."""
    rank = {name: i for i, name in enumerate(order)}
    return sorted(sources, key=lambda s: (rank.get(s, len(rank)), s))
