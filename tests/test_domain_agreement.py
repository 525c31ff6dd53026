"""Two features, one rule: `openpace prices` and `openpace check` see the same hosts and choose the
same price for a model; `openpace parity` and `openpace check` key a benchmark's name the same way.

Every figure asserted is read from a file of the mirror (../shared/data), named beside it.
"""

from __future__ import annotations



from openpace.claims import check_text
from openpace.claims.resolve import Lexicon
from openpace.domain.benchmarks import benchmark_key
from openpace.domain.providers import provider_key
from openpace.metrics.parity_data import benchmark_names, select_points
from openpace.metrics.prices import blended_price

# models.dev/api-2026-07-02.json: togetherai meta-llama/Llama-3.3-70B-Instruct-Turbo input 0.88, output 0.88
# litellm/model_prices_2026-11-20_litellm-1.110.2.json: together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo 1.04e-06
MODELS_DEV_TOGETHER_LLAMA_33_70B = 0.88
# models.dev/api-2026-07-02.json: openai gpt-4o input 2.5
MODELS_DEV_OPENAI_GPT_4O_INPUT = 2.5


def price_claim(con, text: str) -> dict:
    return next(c for c in check_text(con, text)["claims"] if c["kind"] == "price")


def test_prices_and_check_see_one_together_host_with_the_same_catalogues(con):
    priced = blended_price(con, "llama-3.3-70b-instruct")
    keys = [provider_key(p["provider"]) for p in priced["providers"]]
    assert len(keys) == len(set(keys)), "a host counted twice in the median of hosts"
    together = [p for p in priced["providers"] if provider_key(p["provider"]) == "together"]
    assert len(together) == 1  # `togetherai` (models.dev), `together` (genai-prices), `together_ai` (litellm)
    host = together[0]
    metric_sources = {host["source"]} | {o["source"] for o in host["other_catalogues"]}

    claim = price_claim(con, "Together AI charges $0.88 per million tokens for Llama 3.3 70B Instruct Turbo.")
    assert {provider_key(e["provider"]) for e in claim["evidence"]} == {"together"}
    assert {e["source"] for e in claim["evidence"]} == metric_sources

    # the same catalogue decides, with the same figure
    assert host["source"] == "models_dev"
    assert host["input_usd_per_mtok"] == claim["found"]["input"] == MODELS_DEV_TOGETHER_LLAMA_33_70B
    assert claim["verdict"] == "supported"


def test_prices_and_check_choose_the_same_first_party_price(con):
    priced = blended_price(con, "gpt-4o")
    assert priced["price_basis"] == "first-party"
    claim = price_claim(con, "GPT-4o costs $2.50 per million input tokens.")
    assert claim["explanation"].startswith(f"first-party provider {priced['provider']}")
    assert priced["input_usd_per_mtok"] == claim["found"] == MODELS_DEV_OPENAI_GPT_4O_INPUT
    assert claim["verdict"] == "supported"


def test_parity_and_check_key_lmsys_elo_as_arena_elo(con):
    # epoch/open-model-trends/benchmarks_with_model_accessibility.csv names the column "LMSys Elo";
    # lmarena/leaderboard_table_20231206.csv names it "Arena Elo"
    key = benchmark_key("LMSys Elo")
    assert key == benchmark_key("Arena Elo")
    parity_names = benchmark_names(con)[key]
    assert set(parity_names) == Lexicon(con).benchmarks[key] == {"Arena Elo"}
    assert select_points(con, "LMSys Elo").benchmark == select_points(con, "Arena Elo").benchmark

    # lmarena/leaderboard_table_20231206.csv: GPT-4-Turbo, Arena Elo 1217
    result = check_text(con, "GPT-4-Turbo has an LMSys Elo of 1217.")
    mentions = [e for c in result["claims"] for e in c.get("entities", []) if e.get("type") == "benchmark"]
    claim = next(c for c in result["claims"] if c["kind"] == "score")
    assert claim["verdict"] == "supported", claim["explanation"]
    assert mentions and all(m["resolved"] == key for m in mentions)
