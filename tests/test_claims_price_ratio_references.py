"""Price ratios whose compared model stands outside a "than <model>" (`MarketRules._model_price_ratios`): written as its
possessive price right after the multiple ("X is / costs N× Y's price", "N times Y's input price":
`patterns.PRICE_TIMES_BEFORE`, `PRICE_POSSESSIVE_AFTER`), or through an explicit reference to the previous sentence's
subject ("Y is pricier. X is Nx cheaper than it / that model": `PRICE_AGAINST_PRONOUN`). Never a model merely named
nearby, never "than it was" (the subject's own earlier price), and a bare "rate" only after a price verb. Model names
and figures are invented."""

from __future__ import annotations

import pytest

from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Heron-3", "heron-3")])


def ratios(text: str) -> list[tuple[str | None, str | None, float, bool, str]]:
    """(subject key, compared key, factor, more, side) of every price ratio."""
    out = []
    for c in walk(text, LEX):
        if c.kind == "price_ratio":
            p = c.params
            out.append((p["subject"].key if p["subject"] else None, p["against"].key if p["against"] else None,
                        p["factor"], p["more"], p["part"]))
    return out


@pytest.mark.parametrize("text, side", [
    ("Wren 2 is 4× Heron-3's price.", "both"),
    ("Wren 2 costs 4x Heron-3's input price.", "input"),
    ("Wren 2 costs 4 times Heron-3's rate.", "both"),
    ("At launch, Wren 2 was priced at 4x the Heron-3's cost.", "both"),
])
def test_a_multiple_of_another_models_possessive_price(text, side):
    assert ratios(text) == [("wren 2", "heron 3", 4.0, True, side)]


@pytest.mark.parametrize("text", [
    "Heron-3 is pricier. Wren 2 is 4x cheaper than it.",
    "Heron-3 is pricier. Wren 2 is 4 times cheaper than that model.",
])
def test_the_compared_model_through_an_explicit_reference(text):
    assert ratios(text) == [("wren 2", "heron 3", 4.0, False, "both")]


@pytest.mark.parametrize("text", [
    "Heron-3 is pricier. Wren 2 is 4x cheaper than it was at launch.",  # its own earlier price
    "Wren 2 is pricier. Wren 2 is now 4x cheaper than it.",  # the reference is the subject itself
    "Wren 2 runs at 4 times Heron-3's rate.",  # a rate with no price verb: a speed, perhaps
    "Wren 2 beats Heron-3 on quality, and is 4x cheaper.",  # no compared model written: none guessed
])
def test_no_ratio_without_an_explicit_compared_price(text):
    assert ratios(text) == []


UNIT = "All prices are per 1 million tokens.\n\n"


@pytest.mark.parametrize("text", [
    UNIT + "The spread between the cheapest (Wren 2 at $1 input) and the most expensive (Heron-3 at $4 input) is 4×.",
    UNIT + "The gap between Heron-3 ($4 input) and Wren 2 ($1 input) is about 4 times.",
])
def test_a_spread_between_two_priced_models_is_their_price_ratio(text):
    assert ratios(text) == [("heron 3", "wren 2", 4.0, True, "input")]


@pytest.mark.parametrize("text", [
    UNIT + "The gap between Heron-3 ($4 input) and Wren 2 ($1 output) is 4×.",  # two sides: no one ratio
    UNIT + "The spread between Wren 2 and Heron-3 is 4×.",  # no prices given: which is dearer is not written
    UNIT + "The spread between the cheapest (Wren 2 at $1 input) and Heron-3 ($4 input) is 4× cheaper.",  # a direction
])
def test_no_spread_ratio_without_two_prices_on_one_side(text):
    assert ratios(text) == []
