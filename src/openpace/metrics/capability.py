"""A capability index across benchmarks, after Epoch AI's benchmark stitching.

Method of "A Rosetta Stone for AI Benchmarks" (github.com/epoch-research/benchmark-stitching,
MIT; read for the method, written anew here). docs/parity.md, "Capability index":

- Observations: every `epoch_benchmarks` score that is a share of tasks solved (unit percent,
  stored on 0-100, read as a fraction), except EXCLUDED_BENCHMARKS. Only rows that name an Epoch
  model version count; a version belongs to its `Model` (model_versions.csv), so settings
  (`o3-2025-04-16_high`) and hosts (`chutes/QwQ-32B`) fold into one model, which keeps its best
  score per benchmark.
- Filter: benchmarks with >= MIN_MODELS_PER_BENCHMARK models, then models with >=
  MIN_BENCHMARKS_PER_MODEL benchmarks, then both once more.
- Fit score = sigmoid(alpha_b * (C_m - D_b)) by bounded least squares (C, D in [-10, 10], alpha
  in [0.1, 10]) with an L2 penalty of 0.1 on every free parameter (one extra residual, as
  Epoch's code does), anchored on WinoGrande: its slope is fixed at 1 and, after the fit, every
  C and D is shifted so that its difficulty is 0. Initial C and D from a seeded normal(0, 0.1).
  C is the index.
- Release date and openness: the reconciled identity (`models`), through each version's alias;
  a model's date is the earliest of its versions' dates (when the model was first available).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import duckdb
import numpy as np
from scipy.optimize import least_squares

from ..errors import DataError

SOURCE = "epoch_benchmarks"
# Not a share of tasks solved, a duplicate, or a public sample of a private set (Epoch's loader
# leaves out the same): Elo, METR time horizons (minutes), MC-Bench (Elo), Lech Mazur's 0-10
# grades, BoolQ (part of SuperGLUE), FrontierMath's public samples, ARC-Easy (Epoch uses the
# Challenge column of the AI2 ARC table).
EXCLUDED_BENCHMARKS = frozenset({
    "BoolQ", "FrontierMath (public sample)", "FrontierMath Tier 4 (public sample)", "ARC-Easy",
    "METR time horizon (minutes)", "MC-Bench", "Lech Mazur Writing",
})
MIN_MODELS_PER_BENCHMARK = 5
MIN_BENCHMARKS_PER_MODEL = 3
FILTER_PASSES = 2  # the filter pair is applied, then once more
ANCHOR = "WinoGrande"  # difficulty 0, slope 1
REGULARIZATION = 0.1
BOUND_CD = 10.0
BOUND_SLOPE = (0.1, 10.0)
SEED = 20241101
TR_SOLVER = "lsmr"  # iterative: unlike the dense SVD ("exact", Epoch's default) no BLAS threads to fight over


@dataclass(frozen=True)
class Observation:
    model: str  # Epoch's `Model` (or the version id when it has none)
    benchmark: str
    score: float  # share of tasks solved, 0-1
    version: str  # the version whose score is the model's best


@dataclass(frozen=True)
class IndexedModel:
    model_id: str | None  # canonical id of the model's earliest version
    model: str
    capability: float
    release_date: date | None
    open: bool | None
    benchmarks: tuple[tuple[str, float], ...]  # (benchmark, score 0-1) observations used
    versions: tuple[str, ...]

    def to_json(self) -> dict:
        return {"model_id": self.model_id, "model": self.model, "capability": round(self.capability, 4),
                "release_date": self.release_date.isoformat() if self.release_date else None, "open": self.open,
                "benchmarks": [{"benchmark": b, "score": round(s, 6)} for b, s in self.benchmarks],
                "versions": list(self.versions)}


@dataclass(frozen=True)
class IndexedBenchmark:
    benchmark: str
    difficulty: float
    slope: float
    models: int

    def to_json(self) -> dict:
        return {"benchmark": self.benchmark, "difficulty": round(self.difficulty, 4), "slope": round(self.slope, 4),
                "models": self.models}


@dataclass(frozen=True)
class CapabilityIndex:
    models: tuple[IndexedModel, ...]
    benchmarks: tuple[IndexedBenchmark, ...]
    fit: dict = field(default_factory=dict)
    as_of: date | None = None

    def to_json(self) -> dict:
        return {"as_of": self.as_of.isoformat() if self.as_of else None,
                "models": [m.to_json() for m in self.models],
                "benchmarks": [b.to_json() for b in self.benchmarks], "fit": self.fit}


# --------------------------------------------------------------------------- observations
ROWS = """
WITH alias AS (
    SELECT alias, min(model_id) AS model_id FROM model_aliases WHERE source = ? GROUP BY alias
), version AS (
    SELECT key, any_value(raw->>'Model') AS model FROM model_facts WHERE source = ? AND key IS NOT NULL GROUP BY key
)
SELECT s.model_key, nullif(trim(v.model), ''), s.benchmark, s.score, s.release_date,
       coalesce(m.setting_of, a.model_id), coalesce(p.release_date, m.release_date),
       coalesce(p.open_weights, m.open_weights)
FROM scores s
LEFT JOIN version v ON v.key = s.model_key
LEFT JOIN alias a ON a.alias = s.model_name
LEFT JOIN models m ON m.model_id = a.model_id
LEFT JOIN models p ON p.model_id = m.setting_of
WHERE s.source = ? AND s.unit = 'percent' AND s.model_key IS NOT NULL
"""


@dataclass
class _ModelFacts:
    versions: set[str] = field(default_factory=set)
    dates: list[tuple[date, str | None]] = field(default_factory=list)  # (date, canonical id)
    open_votes: list[bool] = field(default_factory=list)


def observations(con: duckdb.DuckDBPyConnection, as_of: date | None = None
                 ) -> tuple[list[Observation], dict[str, _ModelFacts]]:
    """Each model's best score per benchmark (0-1), and what identity says of its versions.
    Versions released after `as_of` are left out."""
    best: dict[tuple[str, str], Observation] = {}
    facts: dict[str, _ModelFacts] = defaultdict(_ModelFacts)
    for key, model, bench, score, row_date, model_id, canon_date, is_open in con.execute(
            ROWS, [SOURCE, SOURCE, SOURCE]).fetchall():
        if bench in EXCLUDED_BENCHMARKS:
            continue
        released = canon_date or row_date
        if as_of is not None and (released is None or released > as_of):
            continue
        name = model or key
        value = score / 100.0
        if not 0.0 <= value <= 1.0:
            continue
        seen = best.get((name, bench))
        if seen is None or (value, seen.version) > (seen.score, key):
            best[(name, bench)] = Observation(name, bench, value, key)
        f = facts[name]
        f.versions.add(key)
        if released is not None:
            f.dates.append((released, model_id))
        if is_open is not None:
            f.open_votes.append(bool(is_open))
    return sorted(best.values(), key=lambda o: (o.model, o.benchmark)), facts


def filter_observations(obs: list[Observation]) -> list[Observation]:
    """Benchmarks with >= 5 models, then models with >= 3 benchmarks; the pair twice."""
    for _ in range(FILTER_PASSES):
        per_bench: dict[str, int] = defaultdict(int)
        for o in obs:
            per_bench[o.benchmark] += 1
        obs = [o for o in obs if per_bench[o.benchmark] >= MIN_MODELS_PER_BENCHMARK]
        per_model: dict[str, int] = defaultdict(int)
        for o in obs:
            per_model[o.model] += 1
        obs = [o for o in obs if per_model[o.model] >= MIN_BENCHMARKS_PER_MODEL]
    return obs


# --------------------------------------------------------------------------- the fit
@dataclass(frozen=True)
class Fit:
    capability: np.ndarray
    difficulty: np.ndarray
    slope: np.ndarray
    cost: float
    rmse: float
    nfev: int
    status: int


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -500, 500)))


def fit_sigmoid(model_idx: np.ndarray, bench_idx: np.ndarray, y: np.ndarray, n_models: int, n_bench: int,
                anchor: int, seed: int = SEED, regularization: float = REGULARIZATION) -> Fit:
    """score = sigmoid(alpha_b (C_m - D_b)) by bounded least squares; alpha of `anchor` fixed at 1
    and C, D shifted afterwards so that D[anchor] = 0. One extra residual carries the L2 penalty:
    sqrt(reg * (|C|^2 + |D|^2 + |alpha_free|^2) / n_free)."""
    n_free = n_models + 2 * n_bench - 1
    free_alpha = np.array([b for b in range(n_bench) if b != anchor], dtype=np.int64)

    def unpack(theta: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        alpha = np.ones(n_bench)
        alpha[free_alpha] = theta[n_models + n_bench:]
        return theta[:n_models], theta[n_models:n_models + n_bench], alpha

    def residuals(theta: np.ndarray) -> np.ndarray:
        c, d, alpha = unpack(theta)
        pred = sigmoid(alpha[bench_idx] * (c[model_idx] - d[bench_idx]))
        penalty = regularization * float(np.sum(theta ** 2)) / n_free
        return np.append(pred - y, np.sqrt(penalty))

    def jacobian(theta: np.ndarray) -> np.ndarray:
        c, d, alpha = unpack(theta)
        z = c[model_idx] - d[bench_idx]
        p = sigmoid(alpha[bench_idx] * z)
        dp = p * (1.0 - p)
        rows = np.arange(len(y))
        jac = np.zeros((len(y) + 1, len(theta)))
        jac[rows, model_idx] = dp * alpha[bench_idx]
        jac[rows, n_models + bench_idx] = -dp * alpha[bench_idx]
        position = np.full(n_bench, -1, dtype=np.int64)
        position[free_alpha] = n_models + n_bench + np.arange(len(free_alpha))
        has = position[bench_idx] >= 0
        jac[rows[has], position[bench_idx][has]] = dp[has] * z[has]
        total = regularization * float(np.sum(theta ** 2)) / n_free
        if total > 0:
            jac[-1] = regularization * theta / n_free / np.sqrt(total)
        return jac

    rng = np.random.default_rng(seed)
    theta0 = np.concatenate([rng.normal(0.0, 0.1, n_models), rng.normal(0.0, 0.1, n_bench), np.ones(n_bench - 1)])
    lower = np.concatenate([np.full(n_models + n_bench, -BOUND_CD), np.full(n_bench - 1, BOUND_SLOPE[0])])
    upper = np.concatenate([np.full(n_models + n_bench, BOUND_CD), np.full(n_bench - 1, BOUND_SLOPE[1])])
    result = least_squares(residuals, theta0, jac=jacobian, bounds=(lower, upper), method="trf", tr_solver=TR_SOLVER)
    c, d, alpha = unpack(result.x)
    shift = d[anchor]
    pred = sigmoid(alpha[bench_idx] * (c[model_idx] - d[bench_idx]))
    return Fit(c - shift, d - shift, alpha, float(result.cost), float(np.sqrt(np.mean((pred - y) ** 2))),
               int(result.nfev), int(result.status))


# --------------------------------------------------------------------------- the index
def _open_verdict(votes: list[bool]) -> bool | None:
    """The versions' resolved openness: their majority; an even split is unknown."""
    n_open = sum(votes)
    if not votes or n_open * 2 == len(votes):
        return None
    return n_open * 2 > len(votes)


def capability_index(con: duckdb.DuckDBPyConnection, *, as_of: date | None = None) -> CapabilityIndex:
    """The index over models released by `as_of` (None: every model). Raises DataError when the
    warehouse holds too little (no anchor benchmark after filtering)."""
    raw_obs, facts = observations(con, as_of)
    obs = filter_observations(raw_obs)
    benchmarks = sorted({o.benchmark for o in obs})
    models = sorted({o.model for o in obs})
    if ANCHOR not in benchmarks:
        raise DataError(f"capability index: no {ANCHOR} scores from {SOURCE} with enough models"
                        f"{f' released by {as_of}' if as_of else ''}; run `openpace refresh --source {SOURCE}`")
    m_index = {m: i for i, m in enumerate(models)}
    b_index = {b: i for i, b in enumerate(benchmarks)}
    model_idx = np.array([m_index[o.model] for o in obs], dtype=np.int64)
    bench_idx = np.array([b_index[o.benchmark] for o in obs], dtype=np.int64)
    y = np.array([o.score for o in obs], dtype=float)
    fit = fit_sigmoid(model_idx, bench_idx, y, len(models), len(benchmarks), b_index[ANCHOR])
    per_model: dict[str, list[Observation]] = defaultdict(list)
    for o in obs:
        per_model[o.model].append(o)
    indexed = []
    for name in models:
        f = facts[name]
        first = min(f.dates, key=lambda d: (d[0], d[1] or "")) if f.dates else None
        indexed.append(IndexedModel(
            model_id=first[1] if first else None, model=name, capability=float(fit.capability[m_index[name]]),
            release_date=first[0] if first else None, open=_open_verdict(f.open_votes),
            benchmarks=tuple((o.benchmark, o.score) for o in per_model[name]),
            versions=tuple(sorted({o.version for o in per_model[name]})),
        ))
    indexed.sort(key=lambda m: (-m.capability, m.model))
    counts = {b: int(np.sum(bench_idx == i)) for b, i in b_index.items()}
    bench = tuple(sorted((IndexedBenchmark(b, float(fit.difficulty[i]), float(fit.slope[i]), counts[b])
                          for b, i in b_index.items()), key=lambda b: (b.difficulty, b.benchmark)))
    return CapabilityIndex(models=tuple(indexed), benchmarks=bench, as_of=as_of, fit={
        "method": "score = sigmoid(slope_b * (capability_m - difficulty_b)), scipy least_squares (trf), bounded",
        "anchor": {"benchmark": ANCHOR, "difficulty": 0.0, "slope": 1.0},
        "regularization": REGULARIZATION, "seed": SEED,
        "bounds": {"capability_difficulty": [-BOUND_CD, BOUND_CD], "slope": list(BOUND_SLOPE)},
        "filters": {"min_models_per_benchmark": MIN_MODELS_PER_BENCHMARK,
                    "min_benchmarks_per_model": MIN_BENCHMARKS_PER_MODEL, "passes": FILTER_PASSES},
        "excluded_benchmarks": sorted(EXCLUDED_BENCHMARKS),
        "observations": len(obs), "observations_before_filter": len(raw_obs),
        "models": len(models), "benchmarks": len(benchmarks),
        "rmse": round(fit.rmse, 4), "cost": round(fit.cost, 6), "evaluations": fit.nfev, "status": fit.status,
        "source": SOURCE,
    })
