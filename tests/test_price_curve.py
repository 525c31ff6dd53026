"""Price-performance as a curve: cheapest open vs closed at every score level, its headline and
where it is undefined (constructed models, worked out by hand; then the mirror)."""

from __future__ import annotations

import json
import statistics

import pytest

from openpace.metrics.price_curve import price_curve
from openpace.metrics.prices import price_performance


def model(mid: str, score: float, price: float, is_open: bool | None) -> dict:
    return {"model": mid, "display_name": mid.upper(), "score": score, "blended_usd_per_mtok": price,
            "open_weights": is_open}


MODELS = [model("o1", 60, 1.0, True), model("o2", 80, 2.0, True), model("c1", 70, 4.0, False),
          model("c2", 90, 10.0, False), model("u", 95, 0.01, None)]  # unknown openness: never a side


def test_the_ratio_at_every_level():
    curve = price_curve("B", "percent", MODELS)
    got = [(p.level, p.open.model if p.open else None, p.closed.model if p.closed else None, p.ratio)
           for p in curve.points]
    # 60: O1 1 vs C1 4; 70: O2 2 (O1 is below) vs C1 4; 80: O2 2 vs C2 10 (C1 is below); 90: no open model
    assert got == [(60, "o1", "c1", 4.0), (70, "o2", "c1", 2.0), (80, "o2", "c2", 5.0), (90, None, "c2", None)]


def test_headline_is_the_median_over_defined_levels_with_its_spread():
    head = price_curve("B", "percent", MODELS).headline()
    # ratios 4, 2, 5: median 4, inclusive quartiles 3 and 4.5, range 2..5, open cheaper at all three
    assert head == {"median_ratio": 4.0, "quartiles": [3.0, 4.5], "range": [2.0, 5.0], "levels": 3,
                    "levels_from": 60, "levels_to": 80, "open_cheaper_share": 1.0}


def test_where_the_ratio_is_undefined_is_named():
    curve = price_curve("B", "percent", MODELS + [model("c3", 97, 20.0, False)])
    assert [u.to_json() for u in curve.undefined] == [{"from": 90, "to": 97, "missing": "open", "levels": 2}]
    only_open = price_curve("B", "percent", [model("o1", 60, 1.0, True)])
    assert only_open.headline() is None
    assert [u.missing for u in only_open.undefined] == ["closed"]


def test_steps_merge_levels_with_the_same_pair():
    steps = price_curve("B", "percent", MODELS + [model("o3", 65, 5.0, True)]).steps()
    # O3 (65, 5.0) adds a level but is never the cheapest: at 65 O2 (80, 2.0) is, so 65 joins 70's stretch
    assert [(s["from"], s["to"], s["open"]["model"] if s["open"] else None, s["closed"]["model"]) for s in steps] == [
        (60, 60, "o1", "c1"), (65, 70, "o2", "c1"), (80, 80, "o2", "c2"), (90, 90, None, "c2")]


def test_curve_on_the_mirror_recomputed_from_the_model_list(mirror_db):
    result = price_performance(mirror_db, "MMLU").to_json()
    curve = result["curve"]
    assert result["ratio"] is None  # no threshold: the curve is the comparison
    known = [m for m in result["models"] if m["open_weights"] is not None and m["score"] is not None]
    levels = sorted({m["score"] for m in known})
    assert [p["level"] for p in curve["points"]] == levels
    ratios = []
    for level in levels:
        cheapest = {side: min((m["blended_usd_per_mtok"] for m in known
                               if m["open_weights"] is side and m["score"] >= level), default=None)
                    for side in (True, False)}
        if cheapest[True] and cheapest[False]:
            ratios.append(cheapest[False] / cheapest[True])
    assert curve["headline"]["median_ratio"] == pytest.approx(statistics.median(ratios))
    assert curve["headline"]["levels"] == len(ratios)
    # the closed side goes higher than any open model on MMLU in the mirror: that stretch is undefined
    assert curve["undefined"] and curve["undefined"][-1]["missing"] == "open"
    # models.dev/api-2026-07-02.json: openai gpt-4o-2024-08-06 2.5 / 10 -> 4.375, the cheapest closed
    # model at some level of the (default, independent) MMLU rows
    assert curve["score_basis"] == "independent"
    assert any(p["closed"] and p["closed"]["model"] == "gpt-4o-2024-08-06"
               and p["closed"]["blended_usd_per_mtok"] == pytest.approx(4.375) for p in curve["points"])


def test_the_headline_does_not_move_with_the_threshold(mirror_db):
    # the knife edge: at MMLU >= 87.2 and >= 87.3 the single-threshold ratios differ; the curve does not
    a, b = (price_performance(mirror_db, "MMLU", s).to_json() for s in (87.2, 87.3))
    assert a["curve"] == b["curve"]


def test_cli_prices_benchmark_alone_prints_the_curve(mirror_db_path, monkeypatch, capsys):
    from cli_helpers import run

    code, out, err = run(["prices", "--benchmark", "MMLU", "--db", str(mirror_db_path), "--json"], monkeypatch, capsys)
    assert code == 0, err
    data = json.loads(out)
    assert set(data["curve"]) >= {"headline", "undefined", "steps", "points", "rule"}
    code, out, err = run(["prices", "--benchmark", "MMLU", "--db", str(mirror_db_path)], monkeypatch, capsys)
    assert code == 0 and "closed / open median" in out and "no open model scores that high" in out


def test_capability_index_models_become_scores():
    # the agreed shape of metrics.capability's IndexedModel: model_id, model, capability, release_date, open
    from datetime import date
    from types import SimpleNamespace

    from openpace.metrics.prices import index_scores

    index = SimpleNamespace(models=(
        SimpleNamespace(model_id="acme/a", model="A", capability=1.5, release_date=date(2024, 1, 1), open=False),
        SimpleNamespace(model_id="free/b", model="B", capability=0.7, release_date=date(2024, 6, 1), open=True),
        SimpleNamespace(model_id=None, model="C", capability=2.0, release_date=date(2024, 6, 1), open=True),
        SimpleNamespace(model_id="free/d", model="D", capability=0.1, release_date=None, open=True),
        SimpleNamespace(model_id="x/e", model="E", capability=0.2, release_date=date(2024, 6, 1), open=None),
    ))
    got = index_scores(index)
    # no canonical id, no release date or unknown openness: not a point on either side
    assert sorted(got) == ["acme/a", "free/b"]
    assert (got["acme/a"]["score"], got["acme/a"]["open_weights"], got["acme/a"]["basis"]) == (1.5, False, "mixed")
    curve = price_curve("capability", "capability", [
        model("acme/a", got["acme/a"]["score"], 4.0, False), model("free/b", got["free/b"]["score"], 1.0, True)])
    assert [(p.level, p.ratio) for p in curve.points] == [(0.7, 4.0), (1.5, None)]


def test_prices_and_trend_on_the_capability_index(mirror_db):
    from openpace.metrics.capability import capability_index
    from openpace.metrics.trend import cost_trend

    index = {m.model_id: m for m in capability_index(mirror_db).models if m.model_id}
    result = price_performance(mirror_db, "capability").to_json()
    curve = result["curve"]
    assert curve["benchmark"] == "capability" and result["score_basis"] == "mixed"
    # every level is an indexed model's capability, and each side's cheapest model is on that side
    levels = {p["level"] for p in curve["points"]}
    assert levels <= {m.capability for m in index.values()} and levels
    for p in curve["points"]:
        for side, flag in (("open", True), ("closed", False)):
            if p[side]:
                assert index[p[side]["model"]].open is flag and index[p[side]["model"]].capability >= p["level"]
    lowest_priced = min(levels)
    trend = cost_trend(mirror_db, "capability", lowest_priced)
    assert trend.series and trend.score_basis == "mixed"
    assert all(index[p.model].capability >= lowest_priced for p in trend.series)


def test_price_performance_is_typed_and_its_json_carries_the_curve(mirror_db):
    typed = price_performance(mirror_db, "MMLU", 80)
    assert typed.curve is not None and typed.curve.benchmark == "MMLU"
    data = typed.to_json()
    assert data["curve"] == typed.curve.to_json() and data["pareto"]["open"] == list(typed.pareto_open)
    assert data["ratio"] == typed.ratio and len(data["models"]) == len(typed.models)
