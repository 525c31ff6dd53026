"""The claim checker's view of the tolerances and source priorities it uses.

No figure is defined here: every tolerance is in `openpace.domain` (`qualifiers` for the score and price
bands, `tolerances` for the rest) and every priority in `domain.priority`'s one table, shared with
identity, parity and prices. docs/claims.md explains each constant.
"""

from __future__ import annotations

from ..domain.priority import FactKind, order
from ..domain.qualifiers import (  # noqa: F401 (re-exported for the verifiers)
    ELO_ABOUT_POINTS,
    ELO_EXACT_POINTS,
    PRICE_ABSOLUTE,
    PRICE_RELATIVE,
    SCORE_ABOUT_POINTS,
    SCORE_EXACT_POINTS,
    SCORE_NEARLY_POINTS,
)
from ..domain.tolerances import (  # noqa: F401 (re-exported for the verifiers)
    ATTRIBUTE_ABOUT_RELATIVE,
    COMPARE_SLACK_POINTS,
    CONTEXT_TIER_SLACK,
    COUNT_ABOUT_RELATIVE,
    COUNT_EXACT,
    DATE_DAY_TOLERANCE,
    FACT_RATIO_ABOUT_RELATIVE,
    FACT_RATIO_RELATIVE,
    GPU_COUNT_RELATIVE,
    HUB_CLOSE_FACTOR,
    HUB_FAR_FACTOR,
    HUB_GROWTH_FACTOR,
    HUB_NEAR_DAYS,
    HUB_ROUNDING,
    ORDERS_HALF_WIDTH,
    PRICE_NEAREST_DAYS,
    PRICE_RATIO_RELATIVE,
    TRAINING_COMPUTE_RELATIVE,
    TRAINING_TIME_RELATIVE,
)

# --- source priorities (first wins; disagreements are named in the explanation): the one table in
# openpace.domain.priority, shared with identity, parity and prices
SCORE_PRIORITY = order(FactKind.SCORE)
RELEASE_PRIORITY = order(FactKind.RELEASE_DATE)
OPENNESS_PRIORITY = order(FactKind.OPEN_WEIGHTS)
TRAINING_PRIORITY = order(FactKind.TRAINING)
PRICE_PRIORITY = order(FactKind.PRICE)


def rank(priority: tuple[str, ...], source: str) -> int:
    """Position of a source in a priority list; unknown sources come last."""
    return priority.index(source) if source in priority else len(priority)
