"""Where a chart's text labels go: every scale explicit, every label placed in pixels so that no
two labels overlap, none leaves the plot, and each covers as few data marks as it can.

Vega-Lite draws the charts, but it does not keep labels apart. So the report fixes each scale's
domain itself (`LinearScale`, `LogScale`, `TimeScale`: the drawing's axes are these domains),
knows where every point and line lands in the plot, and tries a fixed list of positions around
each label's point (beside it, then further up or down, with a leader line back to the point),
keeping the one that collides with no label placed before it and costs least (marks covered,
distance). Text widths are estimated from the glyph widths of Helvetica-metric fonts (Arial,
Liberation Sans) with a margin for wider ones; a label no position fits is left out (the chart's
table names every model).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Literal

# Glyph advance widths (em) of Helvetica-metric sans-serif fonts, bold and regular, by character
_BOLD = {0.278: "ijlI .,/'|", 0.333: "ft:;()-![]", 0.389: "r*", 0.5: "z", 0.556: "aceksvxyJ0123456789_$#",
         0.611: "bdghnopquFLTZ?", 0.667: "EPSVXY", 0.722: "ABCDHKNRU&", 0.778: "wGOQ", 0.889: "Mm%",
         0.944: "W", 1.0: "@"}
_REGULAR = {0.222: "ijl'|", 0.278: "ftI .,:;/![]", 0.333: "r()-*", 0.5: "cksvxyzJ",
            0.556: "abdeghnopquL0123456789_$?#", 0.611: "FTZ", 0.667: "ABEKPSVXY&", 0.722: "wCDHNRU",
            0.778: "GOQ", 0.833: "mM", 0.889: "%", 0.944: "W", 1.0: "@"}
WIDTHS = {bold: {c: w for w, chars in table.items() for c in chars} for bold, table in ((True, _BOLD), (False, _REGULAR))}
WIDER_FONT = 1.12  # DejaVu Sans and similar run ~10% wider than Helvetica metrics
LINE = 1.25  # a label's box height, in font sizes (ascent plus descent)
GAP = 5.0  # pixels between a point and its label
PAD = 2.0  # pixels kept free around each label


def text_width(text: str, size: float, bold: bool = True) -> float:
    """An upper estimate of `text`'s rendered width in pixels at font size `size`."""
    table = WIDTHS[bold]
    # a character outside the table (accents, CJK) counts as a wide glyph
    return sum(table.get(c, 0.6 if c.isascii() else 1.0) for c in text) * size * WIDER_FONT


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def hits(self, other: Box, pad: float = 0.0) -> bool:
        return (self.x0 - pad < other.x1 and other.x0 < self.x1 + pad
                and self.y0 - pad < other.y1 and other.y0 < self.y1 + pad)


# --------------------------------------------------------------------------- scales
def _ms(day: str) -> float:
    """A date (YYYY-MM-DD...) as Vega reads it: milliseconds since the epoch, UTC."""
    d = date.fromisoformat(str(day)[:10])
    return datetime(d.year, d.month, d.day, tzinfo=timezone.utc).timestamp() * 1000


def nice_step(span: float, ticks: int = 5) -> float:
    """A 1-2-5 step that cuts `span` into about `ticks` parts."""
    raw = span / max(ticks, 1) or 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


@dataclass(frozen=True)
class LinearScale:
    """A linear axis over [lo, hi] drawn on `pixels` (y: 0 at the top, so values are flipped)."""

    lo: float
    hi: float
    pixels: float
    flip: bool = True

    @classmethod
    def around(cls, values: list[float], pixels: float, flip: bool = True, zero: bool = False) -> LinearScale:
        """The values' range widened to whole steps (a readable axis)."""
        lo, hi = min(values), max(values)
        if zero:
            lo = min(lo, 0.0)
        step = nice_step((hi - lo) or abs(hi) or 1.0)
        return cls(math.floor(lo / step) * step, math.ceil(hi / step) * step, pixels, flip)

    def __call__(self, value: float) -> float:
        share = (value - self.lo) / ((self.hi - self.lo) or 1.0)
        return self.pixels * (1 - share) if self.flip else self.pixels * share

    @property
    def domain(self) -> list[float]:
        return [self.lo, self.hi]


@dataclass(frozen=True)
class LogScale:
    """A base-10 log axis over [lo, hi] (both > 0), widened to 1-2-5 values at its ends."""

    lo: float
    hi: float
    pixels: float
    flip: bool = True

    @classmethod
    def around(cls, values: list[float], pixels: float, flip: bool = True) -> LogScale:
        positive = [v for v in values if v > 0] or [1.0]
        lo, hi = min(positive), max(positive)
        e_lo, e_hi = math.floor(math.log10(lo)), math.floor(math.log10(hi))
        below = [m * 10.0 ** e for e in (e_lo - 1, e_lo) for m in (1, 2, 5)]
        above = [m * 10.0 ** e for e in (e_hi, e_hi + 1) for m in (1, 2, 5)]
        return cls(max(b for b in below if b <= lo * 0.95), min(a for a in above if a >= hi * 1.3), pixels, flip)

    def __call__(self, value: float) -> float:
        share = (math.log10(max(value, 1e-12)) - math.log10(self.lo)) / (math.log10(self.hi) - math.log10(self.lo))
        return self.pixels * (1 - share) if self.flip else self.pixels * share

    @property
    def domain(self) -> list[float]:
        return [self.lo, self.hi]

    def ticks(self, min_gap: float) -> list[float]:
        """1-2-5 values inside the domain at least `min_gap` pixels apart (decades first)."""
        chosen: list[float] = []
        for multipliers in ((1,), (5,), (2,)):
            for e in range(math.floor(math.log10(self.lo)), math.ceil(math.log10(self.hi)) + 1):
                for m in multipliers:
                    v = m * 10.0 ** e
                    if self.lo <= v <= self.hi and all(abs(self(v) - self(c)) >= min_gap for c in chosen):
                        chosen.append(v)
        return sorted(chosen)


@dataclass(frozen=True)
class TimeScale:
    """A time axis from the first to the last date, padded by a share of the span on each side."""

    lo: float  # ms since the epoch
    hi: float
    pixels: float

    @classmethod
    def around(cls, days: list[str], pixels: float, pad: float = 0.03) -> TimeScale:
        ms = [_ms(d) for d in days]
        span = (max(ms) - min(ms)) or 86_400_000.0 * 30
        return cls(min(ms) - span * pad, max(ms) + span * pad, pixels)

    def __call__(self, day: str) -> float:
        return self.pixels * (_ms(day) - self.lo) / ((self.hi - self.lo) or 1.0)

    @property
    def domain(self) -> list[float]:
        return [self.lo, self.hi]


# --------------------------------------------------------------------------- placement
Align = Literal["left", "right", "center"]
Baseline = Literal["top", "middle", "bottom"]


@dataclass(frozen=True)
class Placed:
    """A label's position relative to its point, as Vega's text mark takes it, and where a leader
    line from the point ends (pixels in the plot) when the label sits away from its point."""

    align: Align
    baseline: Baseline
    dx: float
    dy: float
    box: Box
    leader: tuple[float, float] | None = None


Candidate = tuple[Align, Baseline, float, float, int]  # align, baseline, dx, dy, distance rank (0 = beside)


def _candidates(x: float, width: float, size: float) -> list[Candidate]:
    """Positions around a point, nearest first: beside it (above, below, level), over and under
    it; then further up and down in steps of one line, beside the point or against either edge of
    the plot (a long name near an edge), each of these with a leader line to its point."""
    near: list[Candidate] = [
        ("right", "bottom", -GAP, -GAP, 0), ("left", "bottom", GAP, -GAP, 0), ("right", "top", -GAP, GAP, 0),
        ("left", "top", GAP, GAP, 0), ("right", "middle", -GAP - 2, 0, 0), ("left", "middle", GAP + 2, 0, 0),
        ("center", "bottom", 0, -GAP - 3, 0), ("center", "top", 0, GAP + 3, 0)]
    far: list[Candidate] = []
    for k in range(1, 9):
        step = GAP + k * size * LINE
        for dy, b in ((-step, "bottom"), (step, "top")):
            baseline: Baseline = "bottom" if b == "bottom" else "top"
            far += [("right", baseline, -GAP, dy, k), ("left", baseline, GAP, dy, k),
                    ("right", baseline, width - x, dy, k), ("left", baseline, -x, dy, k)]
    return near + far


def _box(x: float, y: float, width: float, height: float, align: Align, baseline: Baseline,
         dx: float, dy: float) -> Box:
    left = {"left": x + dx, "right": x + dx - width, "center": x + dx - width / 2}[align]
    top = {"top": y + dy, "bottom": y + dy - height, "middle": y + dy - height / 2}[baseline]
    return Box(left, top, left + width, top + height)


def _leader_end(x: float, y: float, box: Box) -> tuple[float, float]:
    """Where a line from (x, y) meets the label: the nearest point of its box's top or bottom edge."""
    edge_y = box.y1 if y > box.y1 else box.y0
    return min(max(x, box.x0), box.x1), edge_y


Obstacle = tuple[Box, float]  # a mark's box and what covering it costs (a point 1, 4 px of line 0.05)


def place(anchors: list[tuple[str, float, float]], width: float, height: float, obstacles: list[Obstacle],
          size: float, bold: bool = True) -> list[Placed | None]:
    """A position for each (text, x, y) in order (the first gets the best spot): inside the plot,
    clear of every label placed before it and of its own point, near its point and over as few
    `obstacles` (marks) as possible: three points covered cost as much as one line further away,
    a label against the plot's edge three more, and a leader line one per 100 pixels."""
    placed: list[Box] = []
    out: list[Placed | None] = []
    for text, x, y in anchors:
        w, h = text_width(text, size, bold), size * LINE
        best: tuple[float, int, Placed] | None = None
        for order, (align, baseline, dx, dy, far) in enumerate(_candidates(x, width, size)):
            box = _box(x, y, w, h, align, baseline, dx, dy)
            if box.x0 < 0 or box.y0 < 0 or box.x1 > width or box.y1 > height:
                continue
            if any(box.hits(other, PAD) for other in [*placed, Box(x - 3, y - 3, x + 3, y + 3)]):
                continue
            leader = _leader_end(x, y, box) if far else None
            cost = (sum(weight for o, weight in obstacles if box.hits(o)) + 3 * far + 3 * (dx not in (GAP, -GAP, 0))
                    + (math.hypot(leader[0] - x, leader[1] - y) / 100 if leader else 0))
            if best is None or (cost, order) < best[:2]:
                best = (cost, order, Placed(align, baseline, dx, dy, box, leader))
        out.append(best[2] if best else None)
        if best:
            placed.append(best[2].box)
    return out


def point_boxes(points: list[tuple[float, float]], radius: float = 4.0) -> list[Obstacle]:
    """Drawn points: a label over one hides a data point."""
    return [(Box(x - radius, y - radius, x + radius, y + radius), 1.0) for x, y in points]


def path_boxes(points: list[tuple[float, float]], step: str = "linear", every: float = 4.0) -> list[Obstacle]:
    """Small boxes along a line through `points` (in order), drawn straight or as steps
    (`step-after`: level to the next x, then up or down), so labels keep off lines where they can
    (crossing a line costs less than hiding a point: a line stays readable on both sides)."""
    out: list[Obstacle] = []
    corners: list[tuple[float, float]] = []
    for i, (x, y) in enumerate(points):
        if step == "step-after" and i:
            corners.append((x, points[i - 1][1]))
        corners.append((x, y))
    for (x0, y0), (x1, y1) in zip(corners, corners[1:]):
        n = max(1, int(math.hypot(x1 - x0, y1 - y0) / every))
        out += [(Box(x0 + (x1 - x0) * i / n - 1.5, y0 + (y1 - y0) * i / n - 1.5,
                     x0 + (x1 - x0) * i / n + 1.5, y0 + (y1 - y0) * i / n + 1.5), 0.05) for i in range(n + 1)]
    return out
