"""Prices written as a slash pair in prose whose unit a lead states once (`carry.section_unit`, `patterns.PAIR_SECOND`):
"Costs for 1M input / output tokens:" then lines "<model> is $A/B" — the first amount input, the second output (the
currency written once), in the order the lead names ("(output/input)") and in the lead's unit; the same pair in a
sentence naming its own unit and order; side words at each amount win. A slash between figures with no currency
("3/4", "1/15", "8/10") is never a price, a lead naming no unit gives none, and a new heading ends it. Model names and
figures are invented."""

from __future__ import annotations

import pytest

from openpace.claims.numbers import find_quantities
from openpace.claims.patterns import pair_sides
from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Heron-3", "heron-3"),
                                 ("src_a", "Kite-70B", "kite-70b")])


def prices(text: str) -> list[tuple[str | None, float, str]]:
    """(model written, value per million tokens, side) of every price claim."""
    return [(c.entities[0].text if c.entities else None, round(c.params["value"], 6), c.params["part"])
            for c in walk(text, LEX) if c.kind == "price"]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(c.sentence[c.start:c.end], c.kind) for c in walk(text, LEX)]


# ------------------------------------------------------------------ the patterns
@pytest.mark.parametrize("words, sides", [
    ("Price per million tokens (input/output):", ("input", "output")),
    ("Costs for 1M input / output tokens:", ("input", "output")),
    ("Per 1M tokens, input and output:", ("input", "output")),
    ("Price per million tokens (output/input):", ("output", "input")),
    ("prompt/completion", ("input", "output")),
    ("in/out", ("input", "output")),
    ("Prices per million tokens:", None),  # names no order
    ("input/input", None),  # one side twice: no order
])
def test_the_order_a_lead_names_a_pairs_sides_in(words, sides):
    assert pair_sides(words) == sides


@pytest.mark.parametrize("sentence, amounts", [
    ("Wren 2 is $7/19", [(7.0, True), (19.0, True)]),
    ("Wren 2 is $0.45 / 1.25 per million tokens", [(0.45, True), (1.25, True)]),
    ("Wren 2 is $7/13, Heron-3 is $2/5", [(7.0, True), (13.0, True), (2.0, True), (5.0, True)]),
    ("Wren 2 is $7/1M tokens", [(7.0, True)]),  # the count the amount is per, no second amount
    ("Wren 2 costs $7/1000 words", [(7.0, True)]),
    ("about $9/4 of the budget", [(9.0, True)]),  # a fraction after the amount
    ("Wren 2 scored 8/10", [(8.0, False)]),  # no currency: no pair of amounts
])
def test_a_bare_second_amount_takes_the_first_ones_currency(sentence, amounts):
    got = [(q.value, q.currency) for q in find_quantities(sentence, [(0, 6)])]
    assert got == amounts


# ------------------------------------------------------------------ each form, in its lead's unit
@pytest.mark.parametrize("text", [
    "Costs for 1M input / output tokens:\n\n- Wren 2 is $7/19\n- Heron-3 is $0.45/1.25\n",
    "Price per million tokens (input/output):\n\n- Wren 2: $7 / $19\n- Heron-3: $0.45 / $1.25\n",
    "Per 1M tokens, input and output:\n\n- Wren 2 costs $7 in and $19 out\n- Heron-3 — $0.45 input, $1.25 output\n",
    "Costs for 1M input / output tokens:\n\nWren 2 is $7/19. Heron-3 is $0.45/1.25.\n",  # sentences, not bullets
    "Costs for 1M input / output tokens:\nWren 2 is $7/19\nHeron-3 is $0.45/1.25\n",  # lines of one paragraph
], ids=["bare-second", "both-currency", "in-out-words", "sentences", "soft-lines"])
def test_a_pair_under_a_lead_stating_the_unit_is_the_input_and_the_output_price(text):
    assert prices(text) == [("Wren 2", 7.0, "input"), ("Wren 2", 19.0, "output"),
                            ("Heron-3", 0.45, "input"), ("Heron-3", 1.25, "output")]


def test_a_per_thousand_lead_gives_its_unit_to_the_pair():
    assert prices("Price per 1K tokens (input/output):\n\n- Wren 2 is $0.007/0.019\n") == [
        ("Wren 2", 7.0, "input"), ("Wren 2", 19.0, "output")]


@pytest.mark.parametrize("sentence", [
    "Wren 2 is priced at $7/$19 per million input/output tokens.",
    "Wren 2 is priced at $7/19 per million input/output tokens.",
])
def test_a_pair_in_a_sentence_naming_its_own_unit(sentence):
    assert prices(sentence) == [("Wren 2", 7.0, "input"), ("Wren 2", 19.0, "output")]


def test_the_lead_unit_count_is_no_figure_of_its_own():
    assert kinds("Costs for 1M input / output tokens:\n\n- Wren 2 is $7/19\n") == [("$7", "price"), ("19", "price")]


# ------------------------------------------------------------------ the order of the sides
@pytest.mark.parametrize("text", [
    "Price per million tokens (output/input):\n\n- Wren 2: $19 / $7\n",  # the lead's order
    "Price per million tokens (output/input):\n\n- Wren 2 is $19/7\n",
    "Wren 2 is priced at $19/7 per million output/input tokens.",  # the sentence's own order
    "Per 1M tokens, output/input: Wren 2 $19/7.",  # the sentence's own lead
    "Price per million tokens (output/input):\n\n- Wren 2: $19 out / $7 in\n",  # side words at each amount
    "Price per million tokens (input/output):\n\n- Wren 2: $19 out / $7 in\n",  # ... win over the lead's order
])
def test_the_pair_takes_its_side_order_from_its_words_else_its_lead(text):
    assert sorted(prices(text)) == [("Wren 2", 7.0, "input"), ("Wren 2", 19.0, "output")]


# ------------------------------------------------------------------ noise: no price
@pytest.mark.parametrize("line", [
    "Wren 2 scored 8/10 in the review",  # a score
    "Wren 2 shipped 1/15",  # a date
    "Wren 2 wins 3/4 of its matches",  # a ratio
    "Wren 2 solved 12/20 tasks",
])
def test_a_slash_between_figures_with_no_currency_is_no_price_under_a_unit_lead(line):
    text = f"Costs for 1M input / output tokens:\n\n- {line}\n- Heron-3 is $0.45/1.25\n"
    assert [p for p in prices(text) if p[0] == "Wren 2"] == []
    assert prices(text) == [("Heron-3", 0.45, "input"), ("Heron-3", 1.25, "output")]  # the lead still holds


@pytest.mark.parametrize("lead", [
    "Prices vary by provider:\n\n",  # talks about prices, states no unit
    "We compared what each model costs:\n\n",
    "Costs for 1M input / output tokens:\n\n## Another section\n\n",  # a new heading ends the lead's unit
])
def test_a_bare_pair_without_a_stated_unit_is_no_price(lead):
    assert prices(lead + "- Wren 2 is $7/19\n") == []


def test_an_amount_per_a_count_is_one_price_not_a_pair():
    assert prices("Price per million tokens (input/output):\n\n- Wren 2 is $7/1M tokens\n") == [("Wren 2", 7.0, "both")]


def test_a_bare_second_amount_in_a_price_cell_is_the_output_price():
    text = "| Model | Price (per 1M tokens) |\n|---|---|\n| Wren 2 | $7/19 |\n"
    assert prices(text) == [("Wren 2", 7.0, "input"), ("Wren 2", 19.0, "output")]


@pytest.mark.parametrize("sentence", ["Wren 2 costs $7/1 Mtok.", "Wren 2 costs $7/1 Million tokens."])
def test_a_count_written_apart_from_its_unit_is_no_second_amount(sentence):
    assert prices(sentence) == [("Wren 2", 7.0, "both")]
