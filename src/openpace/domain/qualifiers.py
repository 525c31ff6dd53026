"""Qualifiers on a figure ("over 80", "about 61%", "nearly 60") and the tolerances they carry.

A qualifier is one of `exact | lower | upper | about | nearly | range`. The word lists say which
words set it; `within` says whether a found value satisfies a claimed figure with its qualifier.
docs/claims.md explains each tolerance.
"""

from __future__ import annotations

LOWER = ("more than", "over", "above", "just over", "well over", "a tad over", "slightly over", "just above",
         "at least", "exceeding", "beyond", "north of", "upwards of", "in excess of",
         "exceeded", "exceeds", "surpassed", "surpasses", "topped", "tops", "passed", "crossed", "broke",
         ">=", ">")
UPPER = ("less than", "under", "below", "at most", "up to", "no more than", "fewer than", "<=", "<")
ABOUT = ("about", "around", "roughly", "approximately", "some", "circa", "ca.", "~", "an estimated", "close to")
NEARLY = ("nearly", "almost", "just under", "just shy of", "just below", "a tad below", "a tad under", "a bit below",
          "a bit under", "a little under", "a little below", "slightly under", "slightly below", "just short of")
# words that only mark a figure as exact ("just N", "a mere N"): part of the span, no bound
EXACT = ("just", "a mere", "merely", "only", "exactly", "precisely")
# the order in which the word lists are tried ("just under" is NEARLY before "just" is EXACT)
WORD_LISTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (NEARLY, "nearly"), (LOWER, "lower"), (UPPER, "upper"), (ABOUT, "about"), (EXACT, "exact"))

# --- tolerances: benchmark scores (0-100 scale for percent benchmarks, Elo as Elo) ------------
SCORE_EXACT_POINTS = 0.5  # "scored 61.3%": supported when |claimed - found| <= 0.5 points
SCORE_ABOUT_POINTS = 1.5  # "about/around/roughly 61%": a wider band
SCORE_NEARLY_POINTS = 3.0  # "nearly/almost 60%": found in [57, 60.5]
ELO_EXACT_POINTS = 5.0  # Elo figures are rounded and drift between leaderboard tables
ELO_ABOUT_POINTS = 15.0
# --- tolerances: prices (USD per million tokens) ----------------------------------------------
PRICE_RELATIVE = 0.01  # 1% (rounding of per-token prices to per-million ones)
PRICE_ABSOLUTE = 0.005  # half a cent per million tokens
PRICE_ABOUT_FACTOR = 5  # "about $X": five times the exact slack


# figures are written to a few decimals: a difference of exactly the tolerance ("75.7" against "75.2" with
# +/-0.5) is within it, whatever binary floating point makes of the subtraction
EDGE = 1e-9


def within(found: float, value: float, qualifier: str, exact: float, about: float, nearly: float,
           high: float | None = None) -> bool:
    """Does `found` satisfy the claimed `value` with its qualifier, given the band of each qualifier?
    A value on the band's edge is inside it."""
    if qualifier == "lower":
        return found >= value - EDGE
    if qualifier == "upper":
        return found <= value + EDGE
    if qualifier == "about":
        return abs(found - value) <= about + EDGE
    if qualifier == "nearly":
        return value - nearly - EDGE <= found <= value + exact + EDGE
    if qualifier == "range" and high is not None:
        return value - exact - EDGE <= found <= high + exact + EDGE
    return abs(found - value) <= exact + EDGE


def price_slack(value: float, qualifier: str) -> float:
    """How far a found price may be from a claimed one and still match it."""
    slack = max(PRICE_ABSOLUTE, PRICE_RELATIVE * value)
    return slack * PRICE_ABOUT_FACTOR if qualifier == "about" else slack
