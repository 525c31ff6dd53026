"""Price-performance without a knife edge: cheapest open vs cheapest closed at every score level.

One threshold on a saturated benchmark can swing the closed/open ratio several-fold (a model just
above or below it), so the comparison is made at every level instead:

- **Levels**: every distinct score of a priced, scored model of known openness on the benchmark.
- **At level s**: the cheapest open model scoring >= s and the cheapest closed model scoring >= s
  (blended prices by `metrics.prices.price_model`); `ratio` = closed / open (above 1: open is
  cheaper). Undefined where a side has no model that scores s or more.
- **Headline**: the median of the ratio over the levels where it is defined, with its quartiles
  and range, and the share of those levels at which open is cheaper; the levels where it is
  undefined are named with the side that is missing.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Cheapest:
    """The cheapest model of one side that reaches a level."""

    model: str
    display_name: str
    score: float
    blended_usd_per_mtok: float

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class CurvePoint:
    level: float
    open: Cheapest | None
    closed: Cheapest | None

    @property
    def ratio(self) -> float | None:
        if self.open is None or self.closed is None or self.open.blended_usd_per_mtok <= 0:
            return None
        return self.closed.blended_usd_per_mtok / self.open.blended_usd_per_mtok

    def to_json(self) -> dict[str, Any]:
        return {"level": self.level, "open": self.open.to_json() if self.open else None,
                "closed": self.closed.to_json() if self.closed else None, "ratio": self.ratio}


@dataclass(frozen=True)
class Undefined:
    """A stretch of levels where the ratio is undefined, and which side has no model there."""

    from_level: float
    to_level: float
    missing: str  # "open" | "closed"
    levels: int

    def to_json(self) -> dict[str, Any]:
        return {"from": self.from_level, "to": self.to_level, "missing": self.missing, "levels": self.levels}


@dataclass(frozen=True)
class PriceCurve:
    """The closed/open price ratio across score levels, and its headline summary."""

    benchmark: str
    unit: str | None
    points: tuple[CurvePoint, ...]
    undefined: tuple[Undefined, ...]
    score_basis: str | None = None

    @property
    def ratios(self) -> list[float]:
        return [r for r in (p.ratio for p in self.points) if r is not None]

    def headline(self) -> dict[str, Any] | None:
        """Median ratio over the defined levels, quartiles, range and share where open is cheaper."""
        ratios = self.ratios
        if not ratios:
            return None
        defined = [p.level for p in self.points if p.ratio is not None]
        quartiles = statistics.quantiles(ratios, n=4, method="inclusive") if len(ratios) > 1 else [ratios[0]] * 3
        return {"median_ratio": statistics.median(ratios), "quartiles": [quartiles[0], quartiles[2]],
                "range": [min(ratios), max(ratios)], "levels": len(ratios),
                "levels_from": min(defined), "levels_to": max(defined),
                "open_cheaper_share": sum(r > 1 for r in ratios) / len(ratios)}

    def steps(self) -> list[dict[str, Any]]:
        """The curve as stretches of levels over which the cheapest open and closed models stay the same."""
        out: list[dict[str, Any]] = []
        for p in self.points:
            pair = (p.open.model if p.open else None, p.closed.model if p.closed else None)
            if out and out[-1]["pair"] == pair:
                out[-1]["to"] = p.level
                continue
            out.append({"pair": pair, "from": p.level, "to": p.level, "open": p.open.to_json() if p.open else None,
                        "closed": p.closed.to_json() if p.closed else None, "ratio": p.ratio})
        return [{k: v for k, v in step.items() if k != "pair"} for step in out]

    def to_json(self) -> dict[str, Any]:
        return {"benchmark": self.benchmark, "unit": self.unit, "score_basis": self.score_basis,
                "rule": "at each level: cheapest closed / cheapest open among models scoring at least that level",
                "headline": self.headline(), "undefined": [u.to_json() for u in self.undefined],
                "steps": self.steps(), "points": [p.to_json() for p in self.points]}


def price_curve(benchmark: str, unit: str | None, models: list[dict[str, Any]],
                score_basis: str | None = None) -> PriceCurve:
    """The curve from priced, scored models (`model`, `display_name`, `score`, `open_weights`,
    `blended_usd_per_mtok`, as `metrics.prices.price_performance` lists them); unknown openness is left out."""
    known = [m for m in models if m.get("score") is not None and m.get("open_weights") is not None
             and m.get("blended_usd_per_mtok") is not None]
    levels = sorted({m["score"] for m in known})

    def cheapest(is_open: bool, level: float) -> Cheapest | None:
        group = [m for m in known if m["open_weights"] is is_open and m["score"] >= level]
        if not group:
            return None
        m = min(group, key=lambda m: (m["blended_usd_per_mtok"], m["model"]))
        return Cheapest(m["model"], m.get("display_name") or m["model"], m["score"], m["blended_usd_per_mtok"])

    points = tuple(CurvePoint(level, cheapest(True, level), cheapest(False, level)) for level in levels)
    return PriceCurve(benchmark, unit, points, undefined_stretches(points), score_basis)


def undefined_stretches(points: tuple[CurvePoint, ...]) -> tuple[Undefined, ...]:
    """Consecutive levels where one side (or both) has no model, grouped by the missing side."""
    out: list[Undefined] = []
    for p in points:
        missing = "open and closed" if p.open is None and p.closed is None else \
            "open" if p.open is None else "closed" if p.closed is None else None
        if missing is None:
            continue
        last = out[-1] if out else None
        if last and last.missing == missing and _adjacent(points, last.to_level, p.level):
            out[-1] = Undefined(last.from_level, p.level, missing, last.levels + 1)
        else:
            out.append(Undefined(p.level, p.level, missing, 1))
    return tuple(out)


def _adjacent(points: tuple[CurvePoint, ...], a: float, b: float) -> bool:
    levels = [p.level for p in points]
    return levels.index(b) == levels.index(a) + 1
