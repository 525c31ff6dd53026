"""A price written as the modifier of "model" ("the $A/M token model", "a $B-per-million model",
`extract_market.PRICE_DESCRIPTOR_BEFORE` / `PRICE_DESCRIPTOR_AFTER`) describes a model by its price — one the text
priced, or a class —, it prices no model of the sentence: no claim, no `other`. As a predicate ("X is a $A/M token
model") it is X's price. Model names and figures are invented."""

from __future__ import annotations

import pytest

from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Heron-3", "heron-3")])
LEAD = "Wren 2 costs $15 per million output tokens. Heron-3 costs $3 per million output tokens.\n\n"


def claims(text: str) -> list[tuple[str, str, list[str]]]:
    return [(c.sentence[c.start:c.end], c.kind, [e.key for e in c.entities]) for c in walk(LEAD + text, LEX)][2:]


@pytest.mark.parametrize("text", [
    "The $15/M token model should not lose to the $3/M token model.",
    "Nobody picks the $15 model for this.",
    "A $3-per-million model now beats it.",
    "That $15 per million tokens model is overkill.",
])
def test_a_price_describing_a_model_is_no_claim(text):
    assert claims(text) == []


def test_a_price_as_the_predicates_model_is_its_price():
    assert claims("Heron-3 is a $3/M token model.") == [("$3/M token", "price", ["heron 3"])]
