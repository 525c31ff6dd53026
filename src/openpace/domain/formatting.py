"""How a number looks, everywhere: the report, the terminal and the headline cards share these.

Presentation only (a metric never rounds for show; `--json` keeps the metric's values). One rule
per kind of number, so the same figure reads the same on the page and in the terminal:

- `usd_per_mtok` (a price, USD per million tokens): at or above 1, three decimals with trailing
  zeros dropped down to two (4.375, 37.50, 10.00); below 1, four significant digits with trailing
  zeros dropped down to two decimals (0.2625, 0.07875, 0.14). A price is never shown as 0.00 when
  it is not zero.
- `usd` (a money amount: a monthly bill, savings): two decimals with thousands separators.
- `count`: a whole number with thousands separators.
- `number`: a measured value to fixed decimals; a value too small for them gets three
  significant digits instead of reading as zero.
- `percent`, `ratio`, `months`: a share, a multiple (2.04x), a duration in months.
- `figure`: a figure in a claim's verdict, where exactness matters more than a fixed width.
- `score_decimals` (two best scores and their gap): the unit's usual decimals, more when the gap is
  smaller than they show, until the shown closed score minus the shown open score is the shown gap
  (0.9045 vs 0.9000, gap 0.0045; never 0.9 vs 0.9 with a gap of 0.0045).

Absent values (None) print as an en dash.
"""

from __future__ import annotations

import math
from typing import Any

MISSING = "–"
PRICE_SIGNIFICANT = 4  # digits of a price below 1 USD per million tokens
PRICE_MAX_DECIMALS = 3  # of a price at or above 1
PRICE_MIN_DECIMALS = 2


def _trim(text: str, min_decimals: int) -> str:
    """Drop trailing zeros after the decimal point, keeping at least `min_decimals`."""
    if "." not in text:
        return text
    whole, frac = text.split(".")
    frac = frac.rstrip("0").ljust(min_decimals, "0")
    return f"{whole}.{frac}" if frac else whole


def usd_per_mtok(value: Any, symbol: bool = False) -> str:
    """A price in USD per million tokens by the module's one rule; `symbol` prefixes '$'."""
    if value is None:
        return MISSING
    value = float(value)
    if not math.isfinite(value):
        return str(value)
    size = abs(value)
    if size == 0 or size >= 1:
        decimals = PRICE_MAX_DECIMALS
    else:  # four significant digits: 0.2625, 0.07875
        decimals = PRICE_SIGNIFICANT - 1 - math.floor(math.log10(size))
    text = _trim(f"{size:,.{decimals}f}", PRICE_MIN_DECIMALS)  # significant digits: never 0.00 for a price
    sign = "-" if value < 0 else ""
    return f"{sign}{'$' if symbol else ''}{text}"


def usd(value: Any, symbol: bool = False) -> str:
    """A money amount: two decimals, thousands separators (1,234.50); `symbol` prefixes '$'."""
    if value is None:
        return MISSING
    value = float(value)
    sign = "-" if value < 0 else ""
    return f"{sign}{'$' if symbol else ''}{abs(value):,.2f}"


def count(value: Any) -> str:
    """A whole number with thousands separators (12,345)."""
    if value is None:
        return MISSING
    return f"{int(value):,}"


def number(value: Any, digits: int = 1) -> str:
    """An int as a count; a float to `digits` decimals, or three significant digits when it is
    too small to show at that precision (0.00042, not 0.0)."""
    if value is None:
        return MISSING
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    value = float(value)
    if 0 < abs(value) < 10 ** -digits * 5:
        return f"{value:.3g}"
    return f"{value:,.{digits}f}"


SCORE_MAX_DECIMALS = 6  # beyond this a gap is float noise, not a difference a source measured


def score_decimals(closed: float | None, open_: float | None, base: int = 1, gap: float | None = None) -> int:
    """Decimals to show two scores and their gap (closed − open) with: at least `base` (the unit's own:
    Elo 0, percent 1, index 2), at least the gap's first significant digit, and then as many more as
    it takes for the two shown scores to differ by exactly the shown gap. A rule by the gap's scale,
    the same for every benchmark. `gap`: the gap as the metric reports it (it may be rounded), when
    that is what is shown; else closed − open."""
    if closed is None or open_ is None:
        return base
    gap = float(closed) - float(open_) if gap is None else float(gap)
    if gap == 0 or not math.isfinite(gap):
        return base
    # the gap's first significant digit; the nudge keeps float noise (87.3 - 87.2 = 0.09999...) at 0.1
    decimals = max(base, -math.floor(math.log10(abs(gap)) + 1e-9))
    while decimals < SCORE_MAX_DECIMALS and not _reads_consistently(float(closed), float(open_), gap, decimals):
        decimals += 1
    return min(decimals, SCORE_MAX_DECIMALS)


def score(value: Any, decimals: int) -> str:
    """A score or a score gap at exactly `decimals` (from `score_decimals`), thousands separated: no
    switch to significant digits, so two scores and their gap share one precision."""
    if value is None:
        return MISSING
    return f"{float(value):,.{decimals}f}"


def _reads_consistently(closed: float, open_: float, gap: float, decimals: int) -> bool:
    """The shown scores differ by the shown gap, digit for digit, at `decimals`."""
    from decimal import Decimal

    shown = Decimal(f"{closed:.{decimals}f}") - Decimal(f"{open_:.{decimals}f}")
    return shown == Decimal(f"{gap:.{decimals}f}")


def figure(value: float | None) -> str:
    """A figure as the claim checker's explanations print it: from 1,000 up, thousands separated and
    whole (1,217); below, as short as exact (61.35, 0.479, 8e-05); '?' when the figure is absent."""
    if value is None:
        return "?"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}"


def percent(share: Any, digits: int = 0) -> str:
    """A share in [0, 1] as a percentage (0.42 -> 42%)."""
    if share is None:
        return MISSING
    return f"{float(share):.{digits}%}"


def ratio(value: Any, digits: int = 2) -> str:
    """A multiple (2.04x)."""
    if value is None:
        return MISSING
    return f"{float(value):,.{digits}f}x"


def months(value: Any, digits: int = 1) -> str:
    """A duration in months (3.5 months)."""
    if value is None:
        return MISSING
    return f"{number(value, digits)} months"
