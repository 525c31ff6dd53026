"""Which source wins, per kind of fact, and why: the one table of source priorities.

Every feature that must pick one source's value (model identity, parity, prices, the claim
checker) ranks sources with `rank(kind, source)`. The losing values are never thrown away: identity
keeps every source's own date and open flag, prices keep the other catalogues beside the winner,
and the checker names a disagreeing source in its explanation. Sources a table does not list come
after the listed ones, alphabetically.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class FactKind(str, Enum):
    """A kind of fact several sources state."""

    RELEASE_DATE = "release_date"
    OPEN_WEIGHTS = "open_weights"
    DISPLAY_NAME = "display_name"
    SCORE = "score"
    PRICE = "price"
    TRAINING = "training"


@dataclass(frozen=True)
class SourcePriority:
    order: tuple[str, ...]
    reason: str


# `hub-link`: not a source but a kind of evidence: the fact rows of any source that link the model's
# weights on the Hugging Face Hub (models.dev's registry `weights` links, Epoch's developer ids,
# OpenRouter's `hugging_face_id`) and do not say closed.
HUB_LINK = "hub-link"
# `models-dev-registry`: models.dev's own record of a model under its lab (canonical-models.json,
# `mistral/devstral-medium-2507`), apart from the flags each provider listing carries.
REGISTRY = "models-dev-registry"

PRIORITY: dict[FactKind, SourcePriority] = {
    FactKind.RELEASE_DATE: SourcePriority(
        ("epoch_trends", "epoch_benchmarks", "models_dev", "lmarena", "genai_prices", "litellm", "openrouter"),
        "Epoch's curated trends table first (the public-announcement dates Epoch's own open-vs-closed "
        "analysis uses), then Epoch's per-version table (API snapshot dates), then the catalogues; "
        "OpenRouter's `created` is the date it listed the model, so it comes last."),
    FactKind.OPEN_WEIGHTS: SourcePriority(
        ("epoch_trends", "epoch_benchmarks", "lmarena", "openrouter", HUB_LINK, REGISTRY, "models_dev", "genai_prices",
         "litellm"),
        "Epoch's curated Open/Closed and accessibility first, then LMArena's licence column, a Hub id on "
        "OpenRouter and a link to published weights; then models.dev's record of the model under its lab; "
        "models.dev's per-provider `open_weights` flags come late because providers disagree among themselves "
        "(the flag is often just left at false)."),
    FactKind.DISPLAY_NAME: SourcePriority(
        ("epoch_trends", "lmarena", "epoch_benchmarks", "models_dev", "openrouter", "genai_prices", "litellm"),
        "The sources that spell names for people (tables for readers) before the catalogues' ids."),
    FactKind.SCORE: SourcePriority(
        ("epoch_trends", "epoch_benchmarks", "lmarena", "models_dev"),
        "Curated, one-protocol sources first: Epoch's open-model-trends table was built for the "
        "open-vs-closed question (with trust flags); Epoch-run evaluations and its external tables next; "
        "then LMArena's leaderboard and models.dev's collected benchmark claims."),
    FactKind.PRICE: SourcePriority(
        ("models_dev", "genai_prices", "openrouter", "litellm"),
        "Among the current prices of one model at one provider: models.dev is curated per provider "
        "and dated monthly; genai-prices is curated with explicit price-change dates; OpenRouter is "
        "one router's own list; LiteLLM's map is community-edited and known to go stale."),
    FactKind.TRAINING: SourcePriority(
        ("epoch_trends",),
        "Only Epoch records training hardware, time and compute with their sources."),
}


def order(kind: FactKind) -> tuple[str, ...]:
    """The sources of a kind of fact, first wins."""
    return PRIORITY[kind].order


def rank(kind: FactKind | tuple[str, ...], source: str) -> tuple[int, str]:
    """Sort key of a source: its place in the table; unlisted sources after, alphabetically."""
    listed = PRIORITY[kind].order if isinstance(kind, FactKind) else kind
    return (listed.index(source), "") if source in listed else (len(listed), source)


def priority_sorted(sources: Iterable[str], kind: FactKind | tuple[str, ...]) -> list[str]:
    """Sources in priority order (see `rank`)."""
    return sorted(sources, key=lambda s: rank(kind, s))
