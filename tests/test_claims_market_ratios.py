"""Market claims as real pricing articles write them: a currency sign after the amount ("0.15$"), a
ratio glued to its sign ("17x"), "X is N times cheaper / more expensive than Y" between two models,
two ratios joined by "and" that share their models, and a price at a past date that only an undated
genai-prices row covers. Sentences written for these tests; every expected verdict names the fixture
file (tests/fixtures/mirror/...) it rests on."""

from __future__ import annotations

from datetime import date

import pytest

from openpace.claims import check_text
from openpace.claims.numbers import find_damage, find_quantities


# ------------------------------------------------------------------ figures (no warehouse)
def test_a_currency_sign_after_the_amount_is_an_amount_not_damage():
    s = "The small model is billed 0.15$ per million input tokens and 2.50 € per million output tokens."
    got = [(q.text, q.value, q.currency) for q in find_quantities(s, [])]
    assert ("0.15$", 0.15, True) in got and ("2.50 €", 2.5, True) in got
    assert find_damage(s) == []
    # a sign with no amount before it is still damage
    assert [d.text for d in find_damage("It costs $ per million tokens.")] == ["$"]


def test_a_ratio_glued_to_its_sign_is_a_figure_but_a_name_stays_a_name():
    got = [(q.text, q.value) for q in find_quantities("It is 4.5x cheaper and 400x smaller.", [])]
    assert got == [("4.5", 4.5), ("400", 400.0)]
    # a digit after the x, or letters, make a name: a mixture-of-experts size, a size label
    assert find_quantities("the 8x7B model and a 3xl shirt", []) == []


def test_the_noun_cost_per_million_tokens_is_a_unit_not_a_missing_amount():
    assert find_damage("We normalised each model to one blended cost per million tokens.") == []
    assert find_damage("A single charge per million tokens applies.") == []
    assert [d.reason for d in find_damage("The model costs per million tokens.")] == ["a price with its amount missing"]


# ------------------------------------------------------------------ against the fixture warehouse
def claims(con, text: str, as_of: date | None = None) -> list[dict]:
    return check_text(con, text, as_of=as_of)["claims"]


def one(con, text: str, kind: str, as_of: date | None = None) -> dict:
    [c] = [c for c in claims(con, text, as_of) if c["kind"] == kind]
    return c


def test_a_price_ratio_between_two_models_is_checked_on_both_prices(con):
    # tests/fixtures/mirror/litellm/model_prices_2026-11-20_litellm-1.110.2.json: gpt-4o 2.5/10,
    # gpt-4o-mini 0.15/0.6 per million tokens (genai-prices/data.json openai: the same) -> 16.7 on each side
    c = one(con, "At list prices GPT-4o mini is about 17x cheaper than GPT-4o.", "price_ratio")
    assert c["verdict"] == "supported" and c["span"].startswith("about 17")
    assert abs(c["found"] - 2.5 / 0.15) < 0.01
    c = one(con, "GPT-4o is 30 times more expensive than GPT-4o mini.", "price_ratio")
    assert c["verdict"] == "contradicted" and [e["model"] for e in c["evidence"]] == ["GPT-4o", "GPT-4o mini"]


def test_a_ratio_after_a_price_in_the_same_sentence_binds_to_that_price_s_model(con):
    # "it" is the model priced before the figure, not the one compared after it (same files as above)
    text = "GPT-4o lists 2.50$ per million input tokens, meaning it is 16.7x more expensive than GPT-4o mini."
    got = {c["kind"]: c for c in claims(con, text)}
    assert got["price"]["verdict"] == "supported"
    assert got["price_ratio"]["verdict"] == "supported"
    assert "input 2.5 vs 0.15" in got["price_ratio"]["explanation"]


def test_lower_needs_a_sentence_about_prices(con):
    # without a price word "N times lower than Y" is not read as a price ratio
    assert not [c for c in claims(con, "Its error rate is 3 times lower than GPT-4o.") if c["kind"] == "price_ratio"]
    # with a price word it is one; "its" with no model named before it leaves the first side unknown
    c = one(con, "Its price is 16.7 times lower than GPT-4o.", "price_ratio")
    assert c["verdict"] == "unverifiable" and "no model is named" in c["explanation"]
    # named in the sentence before, "its" is that model (prices as in the first test)
    c = one(con, "Consider GPT-4o mini. Its price is 16.7 times lower than GPT-4o.", "price_ratio")
    assert c["verdict"] == "supported"


def test_an_undated_genai_prices_row_supports_a_past_price_but_never_contradicts_one(con):
    # no LiteLLM map of the fixture mirror between 2023-12-14 (no gpt-4o-mini) and 2024-11-28: on
    # 2024-09-30 (more than PRICE_NEAREST_DAYS before that map) only genai-prices/data.json (openai gpt-4o-mini
    # 0.15/0.6, no date constraint) prices it, read as holding since the model's release (2024-07-18), beside the
    # 2024-11-28 map's observation as a hint: both may support, neither contradicts
    day = date(2024, 9, 30)
    c = one(con, "GPT-4o mini cost $0.15 per million input tokens.", "price", as_of=day)
    assert c["verdict"] == "supported" and "since the model's release" in c["explanation"]
    c = one(con, "GPT-4o mini cost $0.30 per million input tokens.", "price", as_of=day)
    assert c["verdict"] == "unverifiable" and "does not contradict" in c["explanation"]


def test_the_first_map_within_a_month_after_the_day_decides(con):
    # litellm/model_prices_2024-11-28_litellm-1.53.1.json: gpt-4o-mini (openai) 1.5e-07 / 6e-07 per token, the first
    # map after 2024-10-31 (28 days, within PRICE_NEAREST_DAYS): read as the price on that day, both ways
    day = date(2024, 10, 31)
    c = one(con, "GPT-4o mini cost $0.15 per million input tokens.", "price", as_of=day)
    assert c["verdict"] == "supported" and "first observation after it" in c["explanation"], c["explanation"]
    c = one(con, "GPT-4o mini cost $0.30 per million input tokens.", "price", as_of=day)
    assert c["verdict"] == "contradicted" and "2024-11-28" in c["explanation"], c["explanation"]


def test_two_ratios_joined_by_and_share_their_models(con):
    # tests/fixtures/mirror/epoch/open-model-trends/all_ml_systems_2024-09-25.csv: Falcon-180B 1.8e11
    # parameters, 3.76e24 FLOP; Llama 2-70B 7e10, 8.1e23 FLOP (trends file: 3.78e24 / 8.4e23) -> 2.57x, ~4.6x
    text = "Falcon 180B holds 2.6 times the parameters of Llama 2 70B and used 4.5x more training compute."
    got = {c["kind"]: c for c in claims(con, text)}
    assert got["parameters"]["verdict"] == "supported"
    tc = got["training_compute"]
    assert tc["span"] == "4.5x more training compute" and tc["verdict"] == "supported"
    # with a model between them the second ratio does not borrow the first one's models
    text = "Falcon 180B holds 2.6 times the parameters of Llama 2 70B and Falcon 40B used 4.5x more training compute."
    assert not [c for c in claims(con, text) if c["kind"] == "training_compute"]


def test_n_times_smaller_is_the_compared_model_over_the_subject(con):
    # tests/fixtures/mirror/epoch/open-model-trends/benchmarks_with_model_accessibility.csv: Falcon 7B
    # 7e9 parameters, Falcon 40B 4e10 -> 40B / 7B = 5.71
    c = one(con, "Falcon 7B is roughly 5.7 times smaller than Falcon 40B.", "parameters")
    assert c["verdict"] == "supported" and abs(float(c["found"]) - 40 / 7) < 0.01
    assert one(con, "Falcon 7B is 3 times smaller than Falcon 40B.", "parameters")["verdict"] == "contradicted"


# ------------------------------------------------------------------ which model a price is about
def test_an_api_id_in_parentheses_names_the_exact_model_priced(con):
    # tests/fixtures/mirror/litellm/model_prices_2026-11-20_litellm-1.110.2.json: gpt-4o-2024-05-13
    # 5/15 per million tokens, gpt-4o 2.5/10
    header = "| Model | Input ($/1M tokens) | Output ($/1M tokens) |\n|---|---|---|\n"
    got = [(c["span"], c["verdict"]) for c in claims(con, header + "| GPT-4o (gpt-4o-2024-05-13) | $5.00 | $15.00 |\n")
           if c["kind"] == "price"]
    assert got == [("$5.00", "supported"), ("$15.00", "supported")]
    # without the id the row is about GPT-4o, whose price is another
    got = [c["verdict"] for c in claims(con, header + "| GPT-4o | $5.00 | $15.00 |\n") if c["kind"] == "price"]
    assert got == ["contradicted", "contradicted"]


def test_a_slash_pair_of_prices_is_input_then_output(con):
    # tests/fixtures/mirror/genai-prices/data.json anthropic claude-3-opus-latest: 15 in / 75 out
    got = [(c["span"], c["verdict"]) for c in claims(con, "Claude 3 Opus lists $15/$75 per million tokens.")
           if c["kind"] == "price"]
    assert got == [("$15", "supported"), ("$75 per million tokens", "supported")]
    # swapped, each side is compared with its own price
    got = [c["verdict"] for c in claims(con, "Claude 3 Opus lists $75/$15 per million tokens.") if c["kind"] == "price"]
    assert got == ["contradicted", "contradicted"]


def test_a_comparison_s_object_does_not_take_the_next_price(con):
    # binding only (which model each price is read for), no verdict asserted
    text = ("Claude 3.5 Haiku lists $0.80 per million input tokens, a steep cut over the original Claude 3 Opus, "
            "and $4.00 per million output tokens.")
    models = [[e["text"] for e in c["entities"] if e["type"] == "model"] for c in claims(con, text) if c["kind"] == "price"]
    assert models == [["Claude 3.5 Haiku"], ["Claude 3.5 Haiku"]]
    # "it" with only a comparison's object named before the figure: the text's subject
    text = ("Claude 3.5 Haiku is a small model. It matched or exceeded the earlier flagship, Claude 3 Opus, "
            "at a price of $0.80 per million input tokens.")
    [price] = [c for c in claims(con, text) if c["kind"] == "price"]
    assert [e["text"] for e in price["entities"] if e["type"] == "model"] == ["Claude 3.5 Haiku"]


def test_citation_markers_are_no_figures(con):
    text = "Claude 3 Opus lists $15 per million input tokens.[1][2][3] It was widely covered.[4]"
    assert [c["span"] for c in claims(con, text)] == ["$15 per million input tokens"]


@pytest.mark.parametrize("text, expected, verdict", [
    # the same files as above: gpt-4o-mini 0.15/0.6 over gpt-4o 2.5/10 is 0.06 on each side
    ("GPT-4o mini is 94% cheaper than GPT-4o.", "94% cheaper", "supported"),  # the claim's own words
    ("GPT-4o mini is 50% cheaper than GPT-4o.", "50% cheaper", "contradicted"),
    # model_prices_2024-11-28_litellm-1.53.1.json: gpt-4-turbo 10/30, gpt-4 30/60 -> a third on input, half on output
    # (a fraction in words is read as "about")
    ("GPT-4 Turbo is a third of the price of GPT-4.", "x0.333333 (about)", "supported"),
    ("GPT-4 Turbo is a tenth as expensive as GPT-4.", "x0.1 (about)", "contradicted"),
])
def test_a_price_ratio_as_a_percentage_or_a_fraction(con, text: str, expected: str, verdict: str):
    c = one(con, text, "price_ratio")
    assert (c["expected"], c["verdict"]) == (expected, verdict), c["explanation"]
    assert [e["text"] for e in c["entities"]] == [text.split(" is ")[0], text.rstrip(".").split(" ")[-1]]


def test_the_compared_model_fronted(con):
    # "Compared to Y, X is N times more expensive": X over Y (the same files as the first test: 16.7)
    c = one(con, "Compared to GPT-4o mini, GPT-4o is about 17 times more expensive.", "price_ratio")
    assert c["verdict"] == "supported"
    assert [e["text"] for e in c["entities"]] == ["GPT-4o", "GPT-4o mini"]
