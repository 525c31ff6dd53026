"""Price-performance on constructed warehouse rows: blending, first-party vs median of hosts,
catalogue priority and disagreement, dated observations and as-of. Expected values are computed by
hand from the rows each test inserts."""

from __future__ import annotations

from datetime import date

import pytest

from openpace.domain.prices import blend_price, parse_blend
from openpace.domain.providers import provider_key
from openpace.errors import UsageError
from openpace.metrics.prices import blended_price, price_coverage, price_performance


def add_model(con, model_id, *, open_weights, org=None, released=date(2024, 1, 1), name=None):
    con.execute("INSERT INTO models (model_id, display_name, organization, open_weights, open_basis, release_date, "
                "release_source) VALUES (?, ?, ?, ?, 'test', ?, 'test')",
                [model_id, name or model_id, org, open_weights, released])


def alias(con, name, model_id, source):
    con.execute("INSERT INTO model_aliases (alias, normalized, model_id, source, rule) "
                "VALUES (?, lower(?), ?, ?, 'test')",
                [name, name, model_id, source])


def price(con, name, provider, inp, out, *, source="models_dev", observed=date(2025, 7, 1), model_id=None,
          valid_from=None, valid_to=None):
    con.execute("INSERT INTO prices (model_name, provider, input_usd_per_mtok, output_usd_per_mtok, valid_from, "
                "valid_to, source, origin, observed, license) VALUES (?, ?, ?, ?, ?, ?, ?, 'test-origin', ?, 'MIT')",
                [name, provider, inp, out, valid_from, valid_to, source, observed])
    if model_id and not con.execute("SELECT 1 FROM model_aliases WHERE alias = ? AND source = ?",
                                    [name, source]).fetchone():
        alias(con, name, model_id, source)


def score(con, name, model_id, value, *, benchmark="MMLU", source="epoch_trends", released=date(2024, 1, 1),
          open_weights=None):
    con.execute("INSERT INTO scores (model_name, benchmark, score, unit, release_date, open_weights, source, origin, "
                "license) VALUES (?, ?, ?, 'percent', ?, ?, ?, 'test-origin', 'CC')",
                [name, benchmark, value, released, open_weights, source])
    if not con.execute("SELECT 1 FROM model_aliases WHERE alias = ? AND source = ?", [name, source]).fetchone():
        alias(con, name, model_id, source)


def test_blend_3_to_1():
    # (3 x 2.5 + 1 x 10) / 4 = 4.375
    assert blend_price(2.5, 10.0) == pytest.approx(4.375)
    # 1:1 is the plain mean
    assert blend_price(2.0, 6.0, (1, 1)) == pytest.approx(4.0)


@pytest.mark.parametrize("text", ["3", "a:b", "-1:2", "0:0", ""])
def test_bad_blend_is_usage_error(text):
    with pytest.raises(UsageError, match="--blend"):
        parse_blend(text)


def test_parse_blend():
    assert parse_blend("3:1") == (3.0, 1.0)
    assert parse_blend("1:2") == (1.0, 2.0)


def test_provider_keys_ignore_punctuation_and_the_company_suffix():
    assert provider_key("fireworks-ai") == provider_key("fireworks_ai") == provider_key("fireworks") == "fireworks"
    assert provider_key("together") == provider_key("togetherai") == provider_key("Together AI") == "together"


@pytest.mark.parametrize("name", ["openai", "xai", "x-ai", "nearai", "fal_ai"])
def test_provider_key_keeps_ai_when_too_little_name_is_left(name):
    assert provider_key(name).endswith("ai")
    assert provider_key("openai") != provider_key("open")


def test_closed_model_priced_at_first_party_by_organization(fresh_db):
    add_model(fresh_db, "acme/x", open_weights=False, org="Acme Labs")
    price(fresh_db, "x", "acme", 2.0, 8.0, model_id="acme/x")      # first party: (6 + 8) / 4 = 3.5
    price(fresh_db, "x", "azure", 1.0, 1.0, model_id="acme/x")     # a reseller, cheaper: 1.0
    got = blended_price(fresh_db, "acme/x")
    assert got["blended_usd_per_mtok"] == pytest.approx(3.5)
    assert (got["provider"], got["price_basis"]) == ("acme", "first-party")
    assert got["cheapest_host"]["provider"] == "azure"


def test_first_party_from_lab_prefix_of_a_models_dev_key(fresh_db):
    # no organization: the lab comes from the `lab/model` alias in models.dev
    add_model(fresh_db, "m1", open_weights=False)
    alias(fresh_db, "acme/x-1", "m1", "models_dev")
    price(fresh_db, "x-1", "acme", 4.0, 4.0, model_id="m1")
    price(fresh_db, "x-1", "other", 1.0, 1.0, model_id="m1")
    assert blended_price(fresh_db, "m1")["provider"] == "acme"


def test_closed_model_without_first_party_falls_back_to_median(fresh_db):
    add_model(fresh_db, "c", open_weights=False, org="Nobody")
    price(fresh_db, "c", "h1", 1.0, 1.0, model_id="c")
    price(fresh_db, "c", "h2", 3.0, 3.0, model_id="c")
    got = blended_price(fresh_db, "c")
    assert got["blended_usd_per_mtok"] == pytest.approx(2.0)
    assert got["price_basis"] == "median of hosts (no first-party price)"


def test_open_model_median_of_hosts_with_cheapest_beside(fresh_db):
    add_model(fresh_db, "o", open_weights=True, org="Acme")
    # blended: h1 (3+2)/4 = 1.25, h2 (6+4)/4 = 2.5, acme (9+6)/4 = 3.75 -> median 2.5 even at the lab
    price(fresh_db, "o", "h1", 1.0, 2.0, model_id="o")
    price(fresh_db, "o", "h2", 2.0, 4.0, model_id="o")
    price(fresh_db, "o", "acme", 3.0, 6.0, model_id="o")
    got = blended_price(fresh_db, "o")
    assert got["blended_usd_per_mtok"] == pytest.approx(2.5)
    assert got["provider"] == "median of 3 hosts"
    assert got["cheapest_host"]["provider"] == "h1"
    assert got["cheapest_host"]["blended_usd_per_mtok"] == pytest.approx(1.25)


def test_free_tiers_are_not_prices(fresh_db):
    add_model(fresh_db, "o", open_weights=True)
    price(fresh_db, "o", "h1", 0.0, 0.0, model_id="o")
    price(fresh_db, "o", "h2", 2.0, 2.0, model_id="o")
    got = blended_price(fresh_db, "o")
    assert got["blended_usd_per_mtok"] == pytest.approx(2.0) and len(got["providers"]) == 1


def test_catalogue_priority_and_disagreement_flag(fresh_db):
    add_model(fresh_db, "acme/x", open_weights=False, org="Acme")
    price(fresh_db, "x", "acme", 2.0, 8.0, model_id="acme/x")                       # models_dev: 3.5
    price(fresh_db, "acme-x", "acme", 2.0, 10.0, source="litellm", model_id="acme/x")  # 4.0: 14% off
    price(fresh_db, "acme/x", "acme", 2.0, 8.4, source="genai_prices", model_id="acme/x",
          observed=None)                                                            # 3.6: 2.9% off
    got = blended_price(fresh_db, "acme/x")
    assert got["blended_usd_per_mtok"] == pytest.approx(3.5)
    entry = got["providers"][0]
    assert entry["source"] == "models_dev" and entry["disagreement"] is True
    others = {o["source"]: o["blended_usd_per_mtok"] for o in entry["other_catalogues"]}
    assert others == {"genai_prices": pytest.approx(3.6), "litellm": pytest.approx(4.0)}
    assert got["price_sources"] == ["models_dev"]
    assert got["catalogues"] == ["genai_prices", "litellm", "models_dev"]
    assert got["disagreement"] is True


def test_small_disagreement_is_not_flagged(fresh_db):
    add_model(fresh_db, "acme/x", open_weights=False, org="Acme")
    price(fresh_db, "x", "acme", 2.0, 8.0, model_id="acme/x")
    price(fresh_db, "acme-x", "acme", 2.0, 8.4, source="litellm", model_id="acme/x")  # 3.6 vs 3.5
    assert blended_price(fresh_db, "acme/x")["disagreement"] is False


def test_as_of_takes_latest_observation_on_or_before(fresh_db):
    add_model(fresh_db, "acme/x", open_weights=False, org="Acme")
    price(fresh_db, "x", "acme", 4.0, 16.0, model_id="acme/x", observed=date(2025, 7, 1))  # 7.0
    price(fresh_db, "x", "acme", 2.0, 8.0, model_id="acme/x", observed=date(2025, 9, 1))   # 3.5
    assert blended_price(fresh_db, "acme/x", date(2025, 8, 15))["blended_usd_per_mtok"] == pytest.approx(7.0)
    assert blended_price(fresh_db, "acme/x", date(2025, 9, 1))["blended_usd_per_mtok"] == pytest.approx(3.5)
    assert blended_price(fresh_db, "acme/x")["blended_usd_per_mtok"] == pytest.approx(3.5)
    assert blended_price(fresh_db, "acme/x", date(2025, 6, 30)) is None


def test_genai_price_periods_with_inclusive_end(fresh_db):
    add_model(fresh_db, "acme/x", open_weights=False, org="Acme")
    kw = dict(source="genai_prices", observed=None, model_id="acme/x")
    price(fresh_db, "x", "acme", 8.0, 8.0, valid_from=None, valid_to=date(2023, 12, 31), **kw)   # start unknown
    price(fresh_db, "x", "acme", 4.0, 4.0, valid_from=date(2024, 1, 1), valid_to=date(2024, 5, 31), **kw)
    price(fresh_db, "x", "acme", 2.0, 2.0, valid_from=date(2024, 6, 1), **kw)
    assert blended_price(fresh_db, "acme/x", date(2023, 6, 1)) is None
    assert blended_price(fresh_db, "acme/x", date(2024, 5, 31))["blended_usd_per_mtok"] == pytest.approx(4.0)
    assert blended_price(fresh_db, "acme/x", date(2024, 6, 1))["blended_usd_per_mtok"] == pytest.approx(2.0)
    assert blended_price(fresh_db, "acme/x")["blended_usd_per_mtok"] == pytest.approx(2.0)


@pytest.fixture
def market(fresh_db):
    """Two closed and two open models with MMLU scores and prices."""
    con = fresh_db
    add_model(con, "acme/big", open_weights=False, org="Acme", name="Big")
    add_model(con, "acme/small", open_weights=False, org="Acme", name="Small")
    add_model(con, "free/llama", open_weights=True, org="Free", name="Llama")
    add_model(con, "free/tiny", open_weights=True, org="Free", name="Tiny")
    score(con, "Big", "acme/big", 90.0, open_weights=False)
    score(con, "Small", "acme/small", 82.0, open_weights=False)
    score(con, "Llama", "free/llama", 85.0, open_weights=True)
    score(con, "Tiny", "free/tiny", 70.0, open_weights=True)
    price(con, "big", "acme", 10.0, 30.0, model_id="acme/big")       # 15.0
    price(con, "small", "acme", 1.0, 5.0, model_id="acme/small")     # 2.0
    price(con, "llama", "h1", 0.4, 0.8, model_id="free/llama")       # 0.5
    price(con, "llama", "h2", 0.8, 1.6, model_id="free/llama")       # 1.0
    price(con, "tiny", "h1", 0.1, 0.1, model_id="free/tiny")         # 0.1
    return con


def test_cheapest_open_vs_closed_at_a_score(market):
    result = price_performance(market, "MMLU", 80).to_json()
    assert [m["model"] for m in result["models"]] == ["free/llama", "acme/small", "acme/big"]
    assert result["cheapest_open"]["model"] == "free/llama"
    assert result["cheapest_open"]["blended_usd_per_mtok"] == pytest.approx(0.75)  # median of 0.5 and 1.0
    assert result["cheapest_closed"]["model"] == "acme/small"
    assert result["ratio"] == pytest.approx(2.0 / 0.75)
    assert result["pareto"] == {"open": ["free/llama"], "closed": ["acme/small", "acme/big"]}


def test_no_threshold_keeps_every_scored_model(market):
    result = price_performance(market, "MMLU").to_json()
    assert result["cheapest_open"]["model"] == "free/tiny"
    assert result["pareto"]["open"] == ["free/tiny", "free/llama"]


def test_as_of_drops_models_released_later(market):
    # prices are observed 2025-07-01; Small is released after that
    market.execute("UPDATE scores SET release_date = DATE '2025-08-01' WHERE model_name = 'Small'")
    result = price_performance(market, "MMLU", 80, as_of=date(2025, 12, 31)).to_json()
    assert result["cheapest_closed"]["model"] == "acme/small"
    result = price_performance(market, "MMLU", 80, as_of=date(2025, 7, 15)).to_json()
    assert result["cheapest_closed"]["model"] == "acme/big"
    # before any observation nothing is priced
    assert price_performance(market, "MMLU", 80, as_of=date(2025, 6, 30)).models == ()


def test_min_score_needs_benchmark(market):
    with pytest.raises(UsageError, match="--benchmark"):
        price_performance(market, None, 80)


def test_coverage_counts_scored_models_with_a_price(market):
    add_model(market, "acme/old", open_weights=False, org="Acme", name="Old")
    score(market, "Old", "acme/old", 60.0, open_weights=False)
    score(market, "Mystery", "nobody", 50.0)  # an alias to a model id the models table lacks
    market.execute("DELETE FROM model_aliases WHERE alias = 'Mystery'")
    report = price_coverage(market)
    (mmlu,) = report["benchmarks"]
    assert (mmlu["scored_models"], mmlu["priced"]) == (5, 4)
    assert [m["model"] for m in mmlu["frequent_unpriced"]] == ["acme/old"]
    assert mmlu["unjoined_score_names"] == [{"name": "Mystery", "rows": 1}]


def test_undated_genai_price_holds_since_release_only_when_asked(fresh_db):
    # genai-prices adds a date constraint only when a price changes: opt-in, an undated row holds from release
    add_model(fresh_db, "acme/x", open_weights=False, org="Acme", released=date(2024, 5, 13))
    price(fresh_db, "x", "acme", 2.0, 2.0, source="genai_prices", observed=None, model_id="acme/x")
    assert blended_price(fresh_db, "acme/x", date(2024, 6, 1)) is None  # default: no recorded date
    assert blended_price(fresh_db, "acme/x", date(2024, 5, 12), release_dating=True) is None
    got = blended_price(fresh_db, "acme/x", date(2024, 5, 13), release_dating=True)
    assert got["blended_usd_per_mtok"] == pytest.approx(2.0)
    assert got["providers"][0]["date_basis"] == "release_date"
    # the latest price needs no date
    assert blended_price(fresh_db, "acme/x")["blended_usd_per_mtok"] == pytest.approx(2.0)


def test_recorded_price_beats_a_release_dated_one(fresh_db):
    add_model(fresh_db, "acme/x", open_weights=False, org="Acme", released=date(2023, 3, 1))
    price(fresh_db, "x", "acme", 1.0, 1.0, source="genai_prices", observed=None, model_id="acme/x")
    price(fresh_db, "acme-x", "acme", 3.0, 3.0, source="litellm", observed=date(2023, 11, 14), model_id="acme/x")
    got = blended_price(fresh_db, "acme/x", date(2023, 12, 1), release_dating=True)
    assert got["blended_usd_per_mtok"] == pytest.approx(3.0) and got["price_sources"] == ["litellm"]
    assert got["disagreement"] is True


def test_undated_row_of_another_catalogue_is_not_backdated(fresh_db):
    add_model(fresh_db, "acme/x", open_weights=False, org="Acme", released=date(2024, 5, 13))
    price(fresh_db, "x", "acme", 2.0, 2.0, source="litellm", observed=None, model_id="acme/x")
    assert blended_price(fresh_db, "acme/x", date(2025, 1, 1)) is None
    assert blended_price(fresh_db, "acme/x")["blended_usd_per_mtok"] == pytest.approx(2.0)


def test_lab_platform_is_first_party_after_the_lab_itself(fresh_db):
    add_model(fresh_db, "amazon/nova", open_weights=False, org="Amazon")
    price(fresh_db, "nova", "amazon-bedrock", 1.0, 1.0, model_id="amazon/nova")
    price(fresh_db, "nova", "h1", 9.0, 9.0, model_id="amazon/nova")
    got = blended_price(fresh_db, "amazon/nova")
    assert (got["provider"], got["price_basis"]) == ("amazon-bedrock", "first-party")
    price(fresh_db, "nova", "amazon", 2.0, 2.0, model_id="amazon/nova")
    assert blended_price(fresh_db, "amazon/nova")["provider"] == "amazon"
