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
OPEN_PRIORITY = ("epoch_trends", "epoch_benchmarks", "lmarena", "openrouter", "hub-link", "models_dev",
                 "genai_prices", "litellm")
# `hub-link`: not a source but a kind of evidence, the fact rows of any source that link the model's
# weights on the Hugging Face Hub (models.dev's registry `weights` links, Epoch's developer ids,
# OpenRouter's `hugging_face_id`) and do not say closed. A published repo is an explicit open
# signal; a models.dev provider's `open_weights: false` is often just the field left at false
# (providers disagree on 331 models on the mirror), so the link outranks those flags.
HUB_LINK = "hub-link"
# Sources whose closed vote is only a catalogue flag: such a verdict gives way to an explicit open
# signal on the same name without its size tag (docs/identity.md, "Open weights").
WEAK_CLOSED = frozenset({"models_dev", "genai_prices", "litellm"})
# A readable display name: the sources that spell names for people first.
DISPLAY_PRIORITY = {name: i for i, name in enumerate(
    ("epoch_trends", "lmarena", "epoch_benchmarks", "models_dev", "openrouter", "genai_prices", "litellm"))}


def priority_sorted(sources: Iterable[str], order: tuple[str, ...] = OPEN_PRIORITY) -> list[str]:
    """Sources in priority order; sources not listed come after, alphabetically."""
    rank = {name: i for i, name in enumerate(order)}
    return sorted(sources, key=lambda s: (rank.get(s, len(rank)), s))
