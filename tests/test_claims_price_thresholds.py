"""A price bound that no model is bound to defines a set of models, it prices none ("under $A/M", "at or below $A/M input
tokens", "the under-$A/M tier", "a ceiling of $A per million tokens", "$A per million input tokens was the floor":
`patterns.PRICE_THRESHOLD_BEFORE` / `PRICE_THRESHOLD_AFTER`): no claim, not even an `other`. The same bound said of a
model is that model's price claim, and a model-less price with no bound word stays a claim. Model names and figures are
invented."""

from __future__ import annotations

import pytest

from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Heron-3", "heron-3")])


def claims(text: str) -> list[tuple[str, str, list[str]]]:
    return [(c.sentence[c.start:c.end], c.kind, [e.key for e in c.entities]) for c in walk(text, LEX)
            if c.kind in ("price", "other")]


@pytest.mark.parametrize("sentence", [
    "Back then, $7 per million input tokens was the budget floor.",
    "The list covers models priced at or below $7/M input tokens.",
    "Anything under $7/M looks cheap now.",
    "The under-$7/M tier is crowded.",
    "Teams set a ceiling of $7 per million tokens.",
    "Most buyers want something below $7 per million output tokens.",
    "The $7/M input tokens threshold splits the field.",
])
def test_a_bound_no_model_is_priced_by_is_no_claim(sentence):
    assert claims(sentence) == []


@pytest.mark.parametrize("sentence, span", [
    ("Wren 2 costs under $7 per million input tokens.", "under $7 per million input tokens"),
    ("Heron-3 is priced below $7/M input tokens.", "below $7/M input tokens"),
])
def test_the_same_bound_said_of_a_model_is_its_price(sentence, span):
    [(got, kind, keys)] = claims(sentence)
    assert (got, kind) == (span, "price") and len(keys) == 1


def test_a_model_less_price_with_no_bound_word_stays_a_claim():
    assert [k for _, k, _ in claims("Input costs $7 per million tokens.")] == ["price"]
