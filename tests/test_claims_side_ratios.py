"""Price ratios and price pairs in the shapes pricing pages write them: one model's output over its input price
("Input/output ratio: 4:1 (output is 4x more expensive)", "output is ~4x input"), a fraction in digits between two
models on each side ("1/16th the cost of Y on input, 1/16th on output"), a pair with its sides after each amount and
the unit once ("$A input, $B output per million tokens"), a long context as a context window, and "K times fewer
than Y" in words. Sentences written for these tests; every verdict names the fixture file it rests on:
tests/fixtures/mirror/litellm/model_prices_2026-11-20_litellm-1.110.2.json (gpt-4o 2.5 / 10 per million tokens,
gpt-4o-mini 0.15 / 0.6, the same in genai-prices/data.json; gpt-4o context 128,000) and
tests/fixtures/mirror/epoch/open-model-trends/benchmarks_with_model_accessibility.csv (Falcon 7B 7e9 parameters,
Falcon 40B 4e10)."""

from __future__ import annotations

import pytest

from openpace.claims import check_text


def claims(con, text: str) -> list[dict]:
    return check_text(con, text)["claims"]


def of(con, text: str, kind: str) -> list[dict]:
    return [c for c in claims(con, text) if c["kind"] == kind]


# ------------------------------------------------------------------ one model's two sides
@pytest.mark.parametrize("text, verdict", [
    # 10 / 2.5 = 4
    ("## GPT-4o pricing\n\n- Input/output ratio: 4:1 (output is 4x more expensive)\n", "supported"),
    ("## GPT-4o pricing\n\n- Input/output ratio: 1:4\n", "supported"),  # the larger figure is the output side
    ("## GPT-4o pricing\n\n- Output-to-input price ratio of 3:1\n", "contradicted"),
    ("For GPT-4o, output is ~4x input.", "supported"),
    ("For GPT-4o, output costs 3 times as much as input.", "contradicted"),
    ("For GPT-4o, input is 4 times cheaper than output.", "supported"),
])
def test_one_model_s_output_over_its_input_price(con, text: str, verdict: str):
    [c] = of(con, text, "price_ratio")
    assert c["verdict"] == verdict, c["explanation"]
    assert [e["text"] for e in c["entities"] if e["type"] == "model"] == ["GPT-4o"]
    assert "output / input" in c["explanation"]


def test_the_restated_multiple_is_no_second_claim(con):
    got = claims(con, "## GPT-4o pricing\n\n- Input/output ratio: 4:1 (output is 4x more expensive)\n")
    assert [(c["kind"], c["span"]) for c in got] == [("price_ratio", "4:1 (output is 4x more expensive)")]


def test_a_multiple_with_no_comparison_or_other_side_is_no_side_ratio(con):
    assert not of(con, "For GPT-4o, output is 4x.", "price_ratio")
    # the same side on both ends compares nothing
    assert not of(con, "For GPT-4o, output is 4x output.", "price_ratio")


def test_no_model_leaves_the_side_ratio_unverifiable(con):
    [c] = of(con, "Output is 4x more expensive than input.", "price_ratio")
    assert c["verdict"] == "unverifiable" and "no model is named" in c["explanation"]


# ------------------------------------------------------------------ fractions in digits, per side
def test_a_digit_fraction_on_each_side_is_two_claims_and_the_one_is_no_figure(con):
    # input 0.15 / 2.5 = 0.06, output 0.6 / 10 = 0.06; 1/16 = 0.0625 within the "about" tolerance
    got = claims(con, "GPT-4o mini pricing is 1/16th the cost of GPT-4o on input, 1/16th on output.")
    assert [c["kind"] for c in got] == ["price_ratio", "price_ratio"]
    assert [c["verdict"] for c in got] == ["supported", "supported"]
    assert ["input" in got[0]["explanation"], "output" in got[1]["explanation"]] == [True, True]
    assert [[e["text"] for e in c["entities"]] for c in got] == [["GPT-4o mini", "GPT-4o"]] * 2


@pytest.mark.parametrize("text, verdict", [
    ("GPT-4o mini is 1/16th the price of GPT-4o.", "supported"),
    ("GPT-4o mini is 1/4 the price of GPT-4o.", "contradicted"),
    ("GPT-4o mini costs 1/3rd the cost of GPT-4o on output, and a half on input.", "contradicted"),
])
def test_a_digit_fraction_between_two_models(con, text: str, verdict: str):
    got = of(con, text, "price_ratio")
    assert got and all(c["verdict"] == verdict for c in got)
    assert not of(con, text, "other")


# ------------------------------------------------------------------ a pair with the unit written once
@pytest.mark.parametrize("text, verdicts", [
    ("GPT-4o: $2.50 input, $10 output per million tokens.", ["supported", "supported"]),
    ("GPT-4o: $2.50 input / $10 output (per 1M).", ["supported", "supported"]),
    ("GPT-4o: $10 input, $2.50 output per million tokens.", ["contradicted", "contradicted"]),
    ("## Pricing per million tokens\n\nGPT-4o: $2.50 input, $10 output.", ["supported", "supported"]),
])
def test_a_pair_with_its_sides_after_the_amounts_shares_the_unit(con, text: str, verdicts: list[str]):
    got = claims(con, text)
    assert [c["kind"] for c in got] == ["price", "price"]
    assert [c["verdict"] for c in got] == verdicts
    assert [c["expected"].split()[-1] for c in got] == ["input", "output"]


def test_a_lone_amount_with_a_side_and_no_unit_is_no_price(con):
    assert not of(con, "GPT-4o: $2.50 input, and more later.", "price")


# ------------------------------------------------------------------ long context
@pytest.mark.parametrize("text, verdict", [
    ("GPT-4o offers 128K-token long-context understanding.", "supported"),
    ("GPT-4o has 128K long-context support.", "supported"),
    ("GPT-4o supports a long context of up to 128K tokens.", "supported"),
    ("GPT-4o offers 32K-token long-context understanding.", "contradicted"),
])
def test_a_long_context_is_the_context_window(con, text: str, verdict: str):
    [c] = of(con, text, "context_window")
    assert c["verdict"] == verdict


# ------------------------------------------------------------------ K times fewer
@pytest.mark.parametrize("text, verdict", [
    # 40B / 7B = 5.71
    ("Falcon 7B has 7 billion parameters, more than five times fewer than Falcon 40B.", "supported"),
    ("Falcon 7B has 7 billion parameters, more than six times fewer than Falcon 40B.", "contradicted"),
    ("Falcon 7B has about 5.7 times fewer parameters than Falcon 40B.", "supported"),
])
def test_k_times_fewer_is_the_compared_model_over_the_subject(con, text: str, verdict: str):
    [c] = [c for c in of(con, text, "parameters") if "fewer" in c["span"]]
    assert c["verdict"] == verdict, c["explanation"]


def test_fewer_than_without_a_parameter_word_is_no_parameter_ratio(con):
    assert not [c for c in of(con, "Falcon 7B made five times fewer errors than Falcon 40B.", "parameters")]
    assert not [c for c in of(con, "Falcon 7B is five times fewer than Falcon 40B.", "parameters")]
