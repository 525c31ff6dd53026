"""Typed parity results: what `parity_for` and `parity_overview` return (frozen dataclasses with
`to_json()`, the JSON of `openpace parity --json`). The report and the CLI read these; the nested
frontier points, statistics and data summary stay JSON-shaped mappings (their keys are listed in
docs/parity.md)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Headline:
    """The lag in months with its 90% interval (None: no number, e.g. insufficient data)."""

    lag_months: float | None
    ci90: tuple[float | None, float | None] | None
    at_least: bool
    window_months: int
    open_leads_days: int | None

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Headline:
        ci = d.get("ci90")
        return cls(d.get("lag_months"), tuple(ci) if ci else None, bool(d.get("at_least")), d["window_months"],
                   d.get("open_leads_days"))

    def to_json(self) -> dict:
        return {"lag_months": self.lag_months, "ci90": list(self.ci90) if self.ci90 else None,
                "at_least": self.at_least, "window_months": self.window_months,
                "open_leads_days": self.open_leads_days}


@dataclass(frozen=True)
class GapResult:
    """Best closed minus best open score, both models named (None: no number)."""

    closed_best: float | None
    closed_model: str | None
    open_best: float | None
    open_model: str | None
    points: float | None

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> GapResult:
        return cls(d.get("closed_best"), d.get("closed_model"), d.get("open_best"), d.get("open_model"),
                   d.get("points"))

    def to_json(self) -> dict:
        return {"closed_best": self.closed_best, "closed_model": self.closed_model, "open_best": self.open_best,
                "open_model": self.open_model, "points": self.points}


@dataclass(frozen=True)
class ParityResult:
    """One benchmark (or the capability index): `openpace parity --benchmark B --json`."""

    benchmark: str
    source: str | None
    as_of: date
    method: str
    basis: str  # independent | self_reported | mixed
    status: str  # ok | insufficient_data
    headline: Headline
    gap: GapResult
    points: tuple[Mapping[str, Any], ...]
    data: Mapping[str, Any]
    stats: Mapping[str, Any] | None = None
    timeline: tuple[Mapping[str, Any], ...] | None = None
    reason: str | None = None  # why there is no number

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> ParityResult:
        timeline = d.get("timeline")
        return cls(benchmark=d["benchmark"], source=d.get("source"), as_of=date.fromisoformat(d["as_of"]),
                   method=d["method"], basis=d["basis"], status=d["status"],
                   headline=Headline.from_json(d["headline"]), gap=GapResult.from_json(d["gap"]),
                   points=tuple(d.get("points") or ()), data=d.get("data") or {}, stats=d.get("stats"),
                   timeline=tuple(timeline) if timeline is not None else None, reason=d.get("reason"))

    def to_json(self) -> dict:
        out: dict[str, Any] = {"benchmark": self.benchmark, "source": self.source, "as_of": self.as_of.isoformat(),
                               "method": self.method, "basis": self.basis, "status": self.status}
        if self.reason is not None:
            out["reason"] = self.reason
        out.update({"headline": self.headline.to_json(), "points": [dict(p) for p in self.points],
                    "gap": self.gap.to_json()})
        if self.stats is not None:
            out["stats"] = dict(self.stats)
        out["data"] = dict(self.data)
        if self.timeline is not None:
            out["timeline"] = [dict(t) for t in self.timeline]
        return out


@dataclass(frozen=True)
class OverviewRow:
    """One benchmark of `openpace parity` (no --benchmark): keys in docs/parity.md."""

    benchmark: str
    unit: str | None
    basis: str
    as_of: date
    sources: tuple[str, ...]
    lag_months: float | None
    ci90: tuple[float, float] | None
    window_months: int
    open_leads_days: int
    days_measured: int
    gap_points: float | None
    closed_best: float | None
    closed_model: str | None
    open_best: float | None
    open_model: str | None
    open_models: int
    closed_models: int
    first_date: str | None
    last_date: str | None
    last_open: str | None
    last_closed: str | None
    stale_side: str | None
    models_in_window: int
    evaluator: str | None = None  # the one evaluator of an independent row (domain.basis.evaluator_of)

    def to_json(self) -> dict:
        out = {k: getattr(self, k) for k in self.__dataclass_fields__}
        out["as_of"] = self.as_of.isoformat()
        out["sources"] = list(self.sources)
        out["ci90"] = list(self.ci90) if self.ci90 else None
        return out


@dataclass(frozen=True)
class ParityOverview:
    """Every benchmark with enough models on its basis, sorted by lag; `to_json()` is the list of
    rows (the `benchmarks` of `openpace parity --json`)."""

    rows: tuple[OverviewRow, ...]

    def __len__(self) -> int:
        return len(self.rows)

    def to_json(self) -> list[dict]:
        return [r.to_json() for r in self.rows]


def overview(rows: Sequence[OverviewRow]) -> ParityOverview:
    return ParityOverview(tuple(rows))
