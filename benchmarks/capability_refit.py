"""The capability lag's 90% interval WITH the index refitted on each draw, beside the interval
`openpace parity --benchmark capability` reports (models resampled, index not refitted).

Each draw resamples the indexed models with a date and a side, within each side, with
replacement (the CLI's draws); a model drawn k times enters the fit as k separate models with the
same scores (a cluster bootstrap); models of unknown side stay in the fit once. The index is
refitted on the draw's observations (same filters' result, same anchor, seed and bounds), and
the horizon lag is computed on the draw's refitted capabilities. CPU and wall seconds are printed
beside the interval: the reason the CLI does not refit (docs/parity.md).

    python benchmarks/capability_refit.py WAREHOUSE [--as-of 2025-11-30] [--draws 200]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from datetime import date

import duckdb
import numpy as np

from openpace.metrics.capability import ANCHOR, capability_index, filter_observations, fit_sigmoid, observations
from openpace.metrics.parity import BOOTSTRAP_SEED, HORIZON_WINDOW_MONTHS, Point, horizon
from openpace.metrics.parity_bootstrap import interval
from openpace.metrics.parity_capability import capability_parity, index_points


def refit_lag(obs_by_model: dict, drawn: list[tuple[str, Point]], fixed: list[str], day: date) -> float | None:
    names, rows = [], []
    for copy, (model, _) in enumerate(drawn):
        names.append(f"{model}#{copy}")
        rows += [(len(names) - 1, o.benchmark, o.score) for o in obs_by_model[model]]
    for model in fixed:
        names.append(model)
        rows += [(len(names) - 1, o.benchmark, o.score) for o in obs_by_model[model]]
    benchmarks = sorted({b for _, b, _ in rows})
    b_index = {b: i for i, b in enumerate(benchmarks)}
    model_idx = np.array([m for m, _, _ in rows], dtype=np.int64)
    bench_idx = np.array([b_index[b] for _, b, _ in rows], dtype=np.int64)
    y = np.array([s for _, _, s in rows], dtype=float)
    fit = fit_sigmoid(model_idx, bench_idx, y, len(names), len(benchmarks), b_index[ANCHOR])
    points = [Point(model=f"{p.model}#{i}", date=p.date, score=float(fit.capability[i]), is_open=p.is_open,
                    key=f"{p.key}#{i}", source=p.source) for i, (_, p) in enumerate(drawn)]
    return horizon(points, day, HORIZON_WINDOW_MONTHS).lag_months


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("warehouse")
    parser.add_argument("--as-of", type=date.fromisoformat, default=None)
    parser.add_argument("--draws", type=int, default=200)
    args = parser.parse_args()
    con = duckdb.connect(args.warehouse, read_only=True)
    reported = capability_parity(con, args.as_of)
    index = capability_index(con, as_of=args.as_of)
    points, _ = index_points(index)
    day = args.as_of or max(p.date for p in points)
    obs_by_model: dict = defaultdict(list)
    for o in filter_observations(observations(con, args.as_of)[0]):
        obs_by_model[o.model].append(o)
    sided = {p.model for p in points}
    fixed = [m for m in obs_by_model if m not in sided]
    closed = [p for p in points if not p.is_open]
    opened = [p for p in points if p.is_open]
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    lags = []
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(args.draws):
        drawn = [(closed[i].model, closed[i]) for i in rng.integers(0, len(closed), len(closed))]
        drawn += [(opened[i].model, opened[i]) for i in rng.integers(0, len(opened), len(opened))]
        lag = refit_lag(obs_by_model, drawn, fixed, day)
        if lag is not None:
            lags.append(lag)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    refit = interval(lags)
    print(f"as of {day}: lag {reported['headline']['lag_months']} months; reported 90% interval (no refit) "
          f"{reported['headline']['ci90']}")
    print(f"refitted on each of {args.draws} draws ({len(lags)} defined): 90% interval "
          f"{[round(v, 2) for v in refit] if refit else None}, median {np.median(lags):.2f}")
    print(f"{wall:.1f} s wall, {cpu:.1f} s CPU ({wall / args.draws:.2f} s wall per refit)")


if __name__ == "__main__":
    main()
