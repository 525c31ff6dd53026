"""Price ratios in words (docs/claims.md, `price_ratio`): "twice / half / a third as much as Y", "double the price
of Y", and percentages with a bound word ("more than N% cheaper than Y": the ratio at most 1 - N/100). The subject's
price over the compared model's, each by the price rule. On a warehouse of invented models and figures (no source
holds these names), so each verdict follows from the rows loaded here: Osprey 3 costs 6 / 24, Osprey 2 costs 2 / 8,
Osprey 1 costs 1 / 4 per million input / output tokens at their maker."""

from __future__ import annotations

from datetime import date

import pytest

from identity_helpers import load
from openpace.claims import check_text
from openpace.sources.base import ModelFact, Price

DAY = date(2025, 3, 1)
PRICES = {"osprey-3": (6.0, 24.0), "osprey-2": (2.0, 8.0), "osprey-1": (1.0, 4.0)}
ROWS = [r for name, (inp, out) in PRICES.items() for r in (
    ModelFact(name=name.replace("-", " ").title(), key=name, source="epoch_trends", organization="Osprey",
              open_weights=False, release_date=date(2024, 1, 1), origin="test:constructed", observed=None,
              license="test"),
    Price(model_name=name, provider="osprey", input_usd_per_mtok=inp, output_usd_per_mtok=out, source="litellm",
          origin="test:constructed", observed=DAY, license="test"))]


@pytest.fixture
def con(fresh_db):
    load(fresh_db, ROWS)
    return fresh_db


def ratios(con, text: str) -> list[dict]:
    return [c for c in check_text(con, text)["claims"] if c["kind"] == "price_ratio"]


@pytest.mark.parametrize("text, verdict", [
    ("Osprey 3 costs 3 times as much as Osprey 2.", "supported"),
    ("Osprey 3 costs twice as much as Osprey 2.", "contradicted"),  # 6 / 2 = 3
    ("Osprey 2 costs twice as much as Osprey 1.", "supported"),
    ("Osprey 2 is twice as expensive as Osprey 1.", "supported"),
    ("Osprey 2 is double the price of Osprey 1.", "supported"),
    ("Osprey 3 is double the price of Osprey 2.", "contradicted"),
    ("Osprey 2 costs a third as much as Osprey 3.", "supported"),
    ("Osprey 1 costs half as much as Osprey 3.", "contradicted"),  # 1 / 6
    ("Osprey 1 charges a sixth as much as Osprey 3.", "supported"),
])
def test_multiples_and_fractions_in_words(con, text: str, verdict: str):
    [c] = ratios(con, text)
    assert c["verdict"] == verdict, c["explanation"]
    # the subject is the numerator, the compared model the denominator
    assert c["explanation"].startswith(text.split(" c")[0].split(" is")[0]), c["explanation"]


@pytest.mark.parametrize("text, verdict", [
    ("Osprey 1 is more than 80% cheaper than Osprey 3.", "supported"),  # 1 - 1/6 = 83.3%
    ("Osprey 1 is more than 90% cheaper than Osprey 3.", "contradicted"),
    ("Osprey 1 is less than 80% cheaper than Osprey 3.", "contradicted"),
    ("Osprey 1 is less than 90% cheaper than Osprey 3.", "supported"),
    ("Osprey 2 is about 67% cheaper than Osprey 3.", "supported"),
    ("Osprey 2 is 67% cheaper than Osprey 3.", "supported"),  # 66.7% written to the nearest point
    ("Osprey 2 is 60% cheaper than Osprey 3.", "contradicted"),
    ("Osprey 3 is more than 150% more expensive than Osprey 2.", "supported"),  # 200% more
    ("Osprey 3 is more than 250% more expensive than Osprey 2.", "contradicted"),
])
def test_a_percentage_cheaper_with_a_bound_word_is_a_bound_on_the_saving(con, text: str, verdict: str):
    [c] = ratios(con, text)
    assert c["verdict"] == verdict, c["explanation"]


@pytest.mark.parametrize("text", [
    "Osprey 3 has twice as many parameters as Osprey 2.",
    "Osprey 3 is twice as fast as Osprey 2.",
    "Osprey 3 scores twice as much as Osprey 2 on the reading test.",
])
def test_multiples_of_other_things_are_no_price_ratios(con, text: str):
    assert ratios(con, text) == []


@pytest.mark.parametrize("text, verdict", [
    ("Osprey 1 costs $1 per million input tokens and Osprey 2 costs $2 per million input tokens, doubling the price.",
     "supported"),
    ("Osprey 1 costs $1 per million input tokens and Osprey 2 costs $2 per million input tokens, tripling the price.",
     "contradicted"),
    ("Osprey 2 costs $2 per million input tokens and Osprey 1 costs $1 per million input tokens, halving the price.",
     "supported"),
    ("Osprey 3 costs $6 per million input tokens and Osprey 2 costs $2 per million input tokens, cutting it in half.",
     "contradicted"),
])
def test_a_change_in_words_after_two_prices(con, text: str, verdict: str):
    [c] = [c for c in check_text(con, text)["claims"] if c["kind"] == "change"]
    assert c["verdict"] == verdict, c["explanation"]
    # the change is the sources' second price over their first (both checked), not the text's figures
    assert all(p["verdict"] == "supported" for p in check_text(con, text)["claims"] if p["kind"] == "price")


def test_a_change_word_needs_two_figures_of_one_kind(con):
    text = "Osprey 2 costs $2 per million input tokens, after its maker doubled the context window."
    assert [c for c in check_text(con, text)["claims"] if c["kind"] == "change"] == []


@pytest.mark.parametrize("text, verdict", [
    ("Osprey 3 costs 3 times more than Osprey 2.", "supported"),
    ("Osprey 2 costs 3x less than Osprey 3.", "supported"),
    ("Osprey 3 costs 2 times more than Osprey 2.", "contradicted"),
    ("Osprey 1 costs 50% less than Osprey 2.", "supported"),
    ("Osprey 1 is priced 80% lower than Osprey 3.", "contradicted"),  # 83.3% lower
    ("Osprey 1 costs more than 80% less than Osprey 3.", "supported"),
    ("Osprey 2 costs 100% more than Osprey 1.", "supported"),
])
def test_less_and_more_after_a_price_verb(con, text: str, verdict: str):
    [c] = ratios(con, text)
    assert c["verdict"] == verdict, c["explanation"]


@pytest.mark.parametrize("text", [
    "Osprey 3 scores 20% more than Osprey 2 on the reading test.",
    "Osprey 3 is 3 times more accurate than Osprey 2.",
    "Osprey 3 answers 3 times more questions than Osprey 2.",
])
def test_less_and_more_without_a_price_verb_compare_no_prices(con, text: str):
    assert ratios(con, text) == []
