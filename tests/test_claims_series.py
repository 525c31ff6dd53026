"""The text-level pieces of the attribute kinds, with no warehouse: the series lexicon built in
memory, digits inside names, figures with shared scales and their written precision. Every
sentence here is written for the test (no article text)."""

from __future__ import annotations

import pytest

from openpace.claims.attributes import figures, partners
from openpace.claims.numbers import find_quantities
from openpace.claims.patterns import name_digit_spans
from openpace.claims.series import Series

ROWS = [("kestrel-9b", "9b", None), ("kestrel-40b-base", "40b", "base"), ("kestrel-40b-instruct", "40b", "instruct"),
        ("kestrel-2-11b", "11b", None), ("kestrel-2-47b-instruct", "47b", "instruct"), ("qnet-7b", "7b", None),
        ("phi-mini-128k-instruct", "128k", "instruct")]


@pytest.fixture
def series() -> Series:
    return Series.from_rows(ROWS)


def test_series_from_names(series: Series):
    assert set(series.members) == {"kestrel", "kestrel 2", "qnet"}  # "128k" is no parameter size
    assert series.sizes("kestrel")[40e9] == {"kestrel-40b-base", "kestrel-40b-instruct"}


def test_series_mentions_longest_and_spelled_loosely(series: Series):
    text = "KESTREL-2 beat Kestrel, and Q-NET trailed; a kestrel flew by."
    found = [(m.text, m.key) for m in series.find(text)]
    # the lower-case English word is no name; "Q-NET" is the series qnet, spaces and hyphens aside
    assert found == [("KESTREL-2", "kestrel 2"), ("Kestrel", "kestrel"), ("Q-NET", "qnet")]


def test_first_version_is_the_bare_series(series: Series):
    assert series.keys("kestrel 1") == ["kestrel"]
    assert series.at("kestrel 1", 40e9, 1e9)[1] == {"kestrel-40b-base", "kestrel-40b-instruct"}
    assert series.at("kestrel", 30e9, 3e9) is None


@pytest.mark.parametrize("text, inside", [
    ("See Table 3 for details.", "3"), ("Loaded in 4-bit mode.", "4"), ("Needs library version 4.21 or later.", "4.21"),
    ("Shipped as v2.1 today.", "2.1"), ("Released under Apache-2.0 terms.", "2.0"), ("Scores at Pass@1 only.", "1"),
    ("The org 07-labs made it.", "07"), ("Under the Acme License 2.0 terms.", "2.0"),
    ("Trained with TP=8 and DP=128.", "128"), ("Sampled at k=5 draws.", "5"),
])
def test_digits_inside_names_are_no_figures(text: str, inside: str):
    start = text.index(inside)
    assert any(a <= start < b for a, b in name_digit_spans(text))


def test_a_score_written_with_an_equals_sign_stays_a_figure():
    assert name_digit_spans("MMLU=70.2 and GSM8K = 80.") == []


def test_date_digits_are_not_names():
    assert name_digit_spans("It shipped on 2031-04-09.") == []


def test_shared_scale_and_precision():
    s = "The sizes are 4 and 11B parameters, trained on 2.2T tokens, with 60B for chat."
    figs = figures(s, find_quantities(s, []))
    assert [f.value for f in figs] == [4e9, 11e9, 2.2e12, 60e9]
    assert partners(s, figs) == {0: 1}
    assert figs[2].precision == pytest.approx(0.05e12)  # "2.2T": half a unit of its last digit
    assert figs[3].precision == pytest.approx(5e9)  # "60B": a round figure, precise to the ten


@pytest.mark.parametrize("sentence", [
    "The family spans 4 billion, 11 billion, and 300 billion parameters.",  # a serial comma before "and"
    "The family spans 4 billion, 11 billion and 300 billion parameters.",
    "The family spans 4 billion, 11 billion, & 300 billion parameters.",
])
def test_a_list_sharing_its_unit_links_every_member_to_the_next(sentence: str):
    figs = figures(sentence, find_quantities(sentence, []))
    assert partners(sentence, figs) == {0: 1, 1: 2}
