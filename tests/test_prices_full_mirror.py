"""Issue 11's price history on the whole mirror (../shared/data; `make test-mirror`): the done-when
of `openpace trend --benchmark MMLU --min-score 80`, and values read from the named files."""

from __future__ import annotations

import json
from datetime import date

import pytest

from openpace.metrics.prices import find_model, price_performance, prices_at
from openpace.metrics.trend import cost_trend


def test_trend_done_when_on_the_whole_mirror(full_mirror_db) -> None:
    # the default basis (independent): GPT-4 (Jun 2023)'s Stanford CRFM row joins the priced gpt-4-0613
    default = cost_trend(full_mirror_db, "MMLU", 80)
    assert default.score_basis == "independent"
    assert len(default.observed_months()) >= 20 and default.observed_months()[0] <= "2023-11"
    assert default.observed_months("open")[0] <= "2024-12"
    result = cost_trend(full_mirror_db, "MMLU", 80, basis="any")
    observed = result.observed_months()
    assert len(observed) >= 20 and observed[0] <= "2023-11"
    assert result.observed_months("open")[0] <= "2024-12"
    first = result.closed[0]
    # litellm/model_prices_2023-10-20_litellm-0.11.1.json: gpt-4-0314 (openai) 3e-05 / 6e-05 per token
    # -> 30 / 60 per Mtok, (3 x 30 + 60) / 4 = 37.5
    assert (first.month, first.model, first.cheapest_usd_per_mtok) == ("2023-10", "gpt-4-0314", pytest.approx(37.5))
    closed = {p.month: p for p in result.closed}
    # litellm/model_prices_2024-11-28_litellm-1.53.1.json: gpt-4o-mini 1.5e-07 / 6e-07 -> 0.2625
    assert closed["2024-11"].model == find_model(full_mirror_db, "gpt-4o-mini")
    assert closed["2024-11"].cheapest_usd_per_mtok == pytest.approx(0.2625)
    # same file: Llama 3.1 70B Instruct at perplexity 1e-06 / 1e-06 (1.0) and azure_ai 2.68e-06 / 3.54e-06
    # ((3 x 2.68 + 3.54) / 4 = 2.895): not the cheapest open model that month, but on the open side
    assert result.open[0].month == "2024-11"


def test_the_unit_slip_never_reaches_a_result(full_mirror_db) -> None:
    # litellm maps 2024-11-28 .. 2026-02-03: gemini-1.5-pro-preview-0409 at 7.8125e-08 per token, below
    # its 3.125e-07 per character; dropped, so no host prices that model from LiteLLM
    model = find_model(full_mirror_db, "gemini-1.5-pro-preview-0409")
    assert [p for p in prices_at(full_mirror_db, model, on=date(2025, 6, 1)) if p.source == "litellm"] == []


def test_curve_on_the_whole_mirror_says_where_it_is_undefined(full_mirror_db) -> None:
    result = price_performance(full_mirror_db, "MMLU", basis="any").to_json()
    curve = result["curve"]
    head = curve["headline"]
    assert head["quartiles"][0] <= head["median_ratio"] <= head["quartiles"][1]
    assert head["range"][0] <= head["quartiles"][0] and head["quartiles"][1] <= head["range"][1]
    top_open = max(m["score"] for m in result["models"] if m["open_weights"] is True)
    assert all(u["missing"] == "open" and u["from"] > top_open for u in curve["undefined"])
    json.dumps(curve)  # JSON-ready
