"""The capability index (metrics/capability.py) and the lag on it (parity --benchmark capability)."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta

import numpy as np
import pytest

from cli_helpers import run
from openpace.metrics.capability import (
    EXCLUDED_BENCHMARKS,
    MIN_BENCHMARKS_PER_MODEL,
    MIN_MODELS_PER_BENCHMARK,
    Observation,
    capability_index,
    filter_observations,
    fit_sigmoid,
    sigmoid,
)
from openpace.metrics.parity_data import parity_for

RUNS = "epoch/benchmark-stitching/benchmarks_runs.csv"


def test_filter_drops_thin_benchmarks_then_thin_models_twice():
    def on(bench, *models):
        return [Observation(m, bench, 0.5, m) for m in models]

    five = ("m1", "m2", "m3", "m4", "m5")
    obs = on("X1", *five) + on("X2", *five) + on("X4", *five)
    obs += on("X3", "m1", "m2", "m3", "m4", "m6")  # 5 models, one of them m6
    obs += on("Y", "m6", "m1", "m2", "m3")  # 4 models: dropped on the first pass
    # pass 1: Y goes, then m6 (X3 only) goes; pass 2: X3 is down to 4 models and goes
    kept = filter_observations(obs)
    assert {o.benchmark for o in kept} == {"X1", "X2", "X4"} and {o.model for o in kept} == set(five)
    assert (MIN_MODELS_PER_BENCHMARK, MIN_BENCHMARKS_PER_MODEL) == (5, 3)


def test_fit_recovers_a_known_stitching():
    rng = np.random.default_rng(7)
    n_models, n_bench = 40, 6
    cap = rng.normal(0, 1.5, n_models)
    diff = np.array([0.0, -1.0, 0.5, 1.0, 2.0, -0.5])  # benchmark 0 is the anchor (difficulty 0, slope 1)
    slope = np.array([1.0, 0.7, 1.5, 2.0, 1.2, 0.9])
    m_idx = np.repeat(np.arange(n_models), n_bench)
    b_idx = np.tile(np.arange(n_bench), n_models)
    y = sigmoid(slope[b_idx] * (cap[m_idx] - diff[b_idx]))
    fit = fit_sigmoid(m_idx, b_idx, y, n_models, n_bench, anchor=0, regularization=0.0)
    assert fit.difficulty[0] == 0.0 and fit.slope[0] == 1.0
    assert np.corrcoef(fit.capability, cap)[0, 1] > 0.99
    assert np.allclose(fit.difficulty, diff, atol=0.15) and np.allclose(fit.slope, slope, atol=0.25)
    assert fit.rmse < 0.01


@pytest.mark.mirror_data
def test_index_on_the_mirror(mirror_db, mirror):
    index = capability_index(mirror_db)
    models = {m.model: m for m in index.models}
    benches = {b.benchmark: b for b in index.benchmarks}
    assert not EXCLUDED_BENCHMARKS & set(benches)
    assert benches["WinoGrande"].difficulty == 0.0 and benches["WinoGrande"].slope == 1.0
    assert all(b.models >= MIN_MODELS_PER_BENCHMARK for b in index.benchmarks)
    assert all(len(m.benchmarks) >= MIN_BENCHMARKS_PER_MODEL for m in index.models)
    # benchmarks_runs.csv: Claude Sonnet 4.5's thinking budgets (claude-sonnet-4-5-20250929, _16K, _32K,
    # _59K; model_versions.csv Model "Claude Sonnet 4.5") fold into one model, at their best
    with open(mirror / RUNS, encoding="utf-8-sig") as fh:
        runs = [r for r in csv.DictReader(fh) if r["Status"] == "Success" and r["task"] == "GPQA diamond"
                and r["model"].startswith("claude-sonnet-4-5-20250929")]
    assert len({r["model"] for r in runs}) == 4
    best = max(float(r["Best score (across scorers)"]) for r in runs)
    assert dict(models["Claude Sonnet 4.5"].benchmarks)["GPQA diamond"] == pytest.approx(best)
    # openness and dates from the reconciled identity
    assert models["gpt-oss-120b"].open is True  # (gpt-oss-20b has fewer than 3 benchmarks)
    assert models["GPT-5"].open is False
    assert json.loads(json.dumps(index.to_json()))["fit"]["anchor"]["benchmark"] == "WinoGrande"


def naive_horizon(models: list[dict], as_of: date, window_months: int = 12) -> float:
    """The horizon lag recomputed from the listed models by the definition, day by day."""
    start = date(as_of.year - 1, as_of.month, as_of.day) if window_months == 12 else None
    lags = []
    day = start + timedelta(days=1)
    while day <= as_of:
        opens = [m["capability"] for m in models if m["open"] and m["release_date"] <= day.isoformat()]
        if opens:
            reached = [m["release_date"] for m in models if not m["open"] and m["capability"] >= max(opens)
                       and m["release_date"] <= day.isoformat()]
            if reached:
                lags.append((day - date.fromisoformat(min(reached))).days / 30.44)
        day += timedelta(days=1)
    return sum(lags) / len(lags)


@pytest.mark.mirror_data
def test_capability_lag_recomputes_from_the_listed_models(mirror_db):
    result = parity_for(mirror_db, "capability", as_of=date(2025, 11, 30)).to_json()
    assert result["benchmark"] == "capability" and result["basis"] == "mixed" and result["status"] == "ok"
    models = result["data"]["models"]
    # the JSON rounds capabilities to 4 decimals; the recomputed lag agrees to the 2 decimals shown
    assert result["headline"]["lag_months"] == pytest.approx(naive_horizon(models, date(2025, 11, 30)), abs=0.01)
    lo, hi = result["headline"]["ci90"]
    assert lo <= result["headline"]["lag_months"] <= hi
    assert result["data"]["bootstrap_refit"] is False


@pytest.mark.mirror_data
def test_capability_cli_json(mirror_db_path, monkeypatch, capsys):
    code, out, err = run(["capability", "--as-of", "2025-06-30", "--json", "--db", str(mirror_db_path)],
                         monkeypatch, capsys)
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"as_of", "models", "benchmarks", "fit"} and data["as_of"] == "2025-06-30"
    assert all(m["release_date"] <= "2025-06-30" for m in data["models"])
    assert set(data["models"][0]) >= {"model", "capability", "release_date", "open", "benchmarks"}
    assert set(data["benchmarks"][0]) == {"benchmark", "difficulty", "slope", "models"}
