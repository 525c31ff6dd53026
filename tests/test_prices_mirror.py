"""Prices, trend and coverage on the warehouse refreshed from the real mirror (../shared/data)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from openpace.metrics.prices import blended_price, price_coverage, price_performance
from openpace.metrics.trend import cost_trend


def test_gpt4o_blended_from_its_first_party_price(mirror_db):
    # models.dev/api-2026-07-02.json: openai gpt-4o input 2.5, output 10 -> (3 x 2.5 + 10) / 4 = 4.375
    got = blended_price(mirror_db, "gpt-4o")
    assert got["blended_usd_per_mtok"] == pytest.approx(4.375)
    assert (got["provider"], got["price_basis"]) == ("openai", "first-party")
    assert (got["input_usd_per_mtok"], got["output_usd_per_mtok"]) == (2.5, 10.0)
    # models.dev/api-2025-07-01.json: the same price in the first monthly snapshot
    early = blended_price(mirror_db, "gpt-4o", date(2025, 7, 15))
    assert early["blended_usd_per_mtok"] == pytest.approx(4.375)


def test_at_least_15_models_with_score_and_price_at_mmlu_80(mirror_db):
    # every score row (mixed basis); the default independent basis has fewer (HELM's MMLU runs)
    result = price_performance(mirror_db, "MMLU", 80, basis="any").to_json()
    assert result["score_basis"] == "mixed"
    assert price_performance(mirror_db, "MMLU", 80).score_basis == "independent"
    assert len(result["models"]) >= 15
    assert all(m["score"] >= 80 and m["blended_usd_per_mtok"] > 0 for m in result["models"])
    assert result["ratio"] == pytest.approx(result["cheapest_closed"]["blended_usd_per_mtok"]
                                           / result["cheapest_open"]["blended_usd_per_mtok"])
    # every price says which catalogue it came from
    for m in result["models"]:
        assert m["catalogues"] and all(p["source"] and p["origin"] for p in m["providers"])


def test_coverage_report_on_the_mirror(mirror_db):
    report = price_coverage(mirror_db)
    mmlu = next(b for b in report["benchmarks"] if b["benchmark"] == "MMLU")
    assert mmlu["priced"] >= 15 and mmlu["priced"] <= mmlu["scored_models"]


def test_trend_on_the_mirror_has_a_fit(mirror_db):
    result = cost_trend(mirror_db, "MMLU", 80)
    assert result.fit.n >= 3 and result.fit.decline_factor_per_year is not None
    lo, hi = result.fit.interval
    assert lo < result.fit.decline_factor_per_year < hi
    months = [p.month for p in result.series]
    assert months == sorted(months) and len(set(months)) == len(months)


def test_cli_prices_json(mirror_db_path):
    done = subprocess.run([sys.executable, "-c", "from openpace.cli import main; main()", "prices", "--db",
                           str(mirror_db_path), "--benchmark", "MMLU", "--min-score", "80", "--basis", "any", "--json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) >= {"benchmark", "min_score", "as_of", "blend", "models", "cheapest_open", "cheapest_closed",
                         "ratio", "pareto"}
    gpt4o = next(m for m in data["models"] if m["model"] == "gpt-4o")
    assert gpt4o["blended_usd_per_mtok"] == 4.375 and gpt4o["open_weights"] is False
    assert set(gpt4o) >= {"model", "open_weights", "score", "blended_usd_per_mtok", "input_usd_per_mtok",
                          "output_usd_per_mtok", "provider", "providers"}


def test_cli_trend_json_on_the_mirror(mirror_db_path, monkeypatch, capsys):
    from cli_helpers import run

    code, out, err = run(["trend", "--benchmark", "MMLU", "--min-score", "80", "--json", "--basis", "any",
                          "--db", str(mirror_db_path)], monkeypatch, capsys)
    assert code == 0, err
    data = json.loads(out)
    assert set(data["fit"]) >= {"decline_factor_per_year", "interval", "n", "verdict"}
    lo, hi = data["fit"]["interval"]
    assert data["fit"]["verdict"] == ("falling" if lo > 1 else "rising" if hi < 1 else "no clear trend")
    # issue 11's done-when (on every score row): >= 20 observed months starting by 2023-11; open observed by 2024-12
    assert data["score_basis"] == "mixed"
    observed = [p["month"] for p in data["series"] if p["observed"]]
    assert len(observed) >= 20 and observed[0] <= "2023-11"
    assert [p["month"] for p in data["open"] if p["observed"]][0] <= "2024-12"
