"""A sentence that only states the per-token unit of a text's prices ("All prices are per 1 million tokens.", "Prices in
USD per million tokens.", `patterns.UNIT_STATEMENT`, `carry.section_unit` / `document_unit`): the amounts after it that
name a side but no unit ("(<model> at $A input)", "$B output") are prices in that unit — in its section, or in the
whole text when the statement comes before the first section or says "All prices ..." (a section's own unit wins). The
count it is per is no figure. A sentence saying something of prices, or with no unit, states none. Model names and
figures are invented."""

from __future__ import annotations

import pytest

from openpace.claims.carry import document_unit, section_unit
from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Heron-3", "heron-3")])


def prices(text: str) -> list[tuple[str | None, float, str]]:
    return [(c.entities[0].text if c.entities else None, round(c.params["value"], 6), c.params["part"])
            for c in walk(text, LEX) if c.kind == "price"]


def others(text: str) -> list[str]:
    return [c.sentence[c.start:c.end] for c in walk(text, LEX) if c.kind == "other"]


@pytest.mark.parametrize("sentence, per", [
    ("All prices are per 1 million tokens.", 1.0),
    ("Prices in USD per million tokens.", 1.0),
    ("Pricing is per 1M tokens (input/output).", 1.0),
    ("(All prices per 1M tokens.)", 1.0),
    ("Prices are in USD per million tokens, unless noted.", 1.0),
    ("Prices are in USD per 1K tokens.", 1000.0),
])
def test_a_sentence_stating_only_the_unit_states_it(sentence, per):
    unit = section_unit(sentence)
    assert unit is not None and unit.per == per


@pytest.mark.parametrize("sentence", [
    "Prices per million tokens have fallen sharply.",
    "The price per 1M tokens can mislead.",
    "Wren 2 costs $2 per million tokens.",
    "Prices vary.",
])
def test_a_sentence_saying_something_of_prices_states_no_unit(sentence):
    assert section_unit(sentence) is None


def test_a_unit_for_the_text_or_for_its_section():
    assert document_unit("All prices are per 1 million tokens.", opened=True) is not None
    assert document_unit("Prices are per 1 million tokens.", opened=False) is not None
    assert document_unit("Prices are per 1 million tokens.", opened=True) is None  # within a section: its own
    assert document_unit("All prices in this section are per 1M tokens.", opened=False) is None
    assert document_unit("Prices per million tokens:", opened=False) is None  # a colon lead: its section


@pytest.mark.parametrize("text", [
    "All prices are per 1 million tokens.\n\nThe range is wide (Wren 2 at $7 input) while Heron-3 sits at $0.45 input.\n",
    "# Two models\n\nPrices in USD per million tokens.\n\n## Costs\n\nThe range is wide (Wren 2 at $7 input) "
    "while Heron-3 sits at $0.45 input.\n",
    "# Two models\n\nIntro.\n\n## Method\n\nAll prices are per 1 million tokens.\n\n## Costs\n\n"
    "The range is wide (Wren 2 at $7 input) while Heron-3 sits at $0.45 input.\n",
], ids=["same-section", "before-first-section", "all-prices-in-a-section"])
def test_an_amount_naming_its_side_takes_the_stated_unit(text):
    assert prices(text) == [("Wren 2", 7.0, "input"), ("Heron-3", 0.45, "input")]


def test_a_section_statement_ends_with_its_section():
    text = "# Two models\n\nIntro.\n\n## Method\n\nPrices are per 1 million tokens.\n\n## Costs\n\nWren 2 at $7 input.\n"
    assert prices(text) == []


def test_a_sections_own_unit_wins_over_the_texts():
    text = "All prices are per 1 million tokens.\n\n## Price (per 1K tokens)\n\nWren 2 sits at $0.007 input.\n"
    assert prices(text) == [("Wren 2", 7.0, "input")]


def test_the_count_a_unit_statement_names_is_no_figure():
    assert others("All prices are per 1 million tokens.\n\nWren 2 sits at $7 input.\n") == []


def test_without_a_unit_statement_an_amount_naming_its_side_stays_no_price():
    assert prices("Prices vary.\n\nThe range is wide (Wren 2 at $7 input).\n") == []
