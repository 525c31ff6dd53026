"""Changelogs and news lists: a date standing alone on a line (a paragraph, a bold line, a heading, a list item
closed by ":") and the list under it — each item saying a model is released takes that date, at its precision
(`releases.dated_list_items`); an item saying anything else claims nothing from it. And one release verb listing
several names before its date ("released A and B on <date>", "<Family> 9B and 70B": a size is the family's model
of that size, `resolve.Lexicon._name_tails`), one claim per name (`releases.release_group`). Every name and date is invented for the tests (no
source holds them), so nothing here is a fact."""

from __future__ import annotations

from datetime import date

import pytest

from openpace.claims.resolve import Lexicon

from claims_helpers import walk

ALIASES = {"vessel-2-9b": [("src_a", "Vessel 2 9B")], "vessel-2-70b": [("src_a", "Vessel 2 70B")],
           "orvo-3-mini": [("src_a", "Orvo 3 Mini")], "tarn-5": [("src_b", "Tarn-5")]}
LEX = Lexicon.from_names(models=[(s, n, None) for rows in ALIASES.values() for s, n in rows],
                         sized=[("vessel-2-9b", "9b", None), ("vessel-2-70b", "70b", None)], aliases=ALIASES,
                         benchmarks=["Zorbench"])
PROSE = "A text about the models of a lab, long enough to be prose and not the dateline at the top of a page.\n\n"
ITEMS = "- Released Orvo 3 Mini with a new tokenizer.\n- Tarn-5 released for everyone.\n- Fixed a bug in the API.\n"


def releases(text: str) -> list[tuple[str, str, date, date]]:
    """(span, model key, first and last day of the date) of every release-date claim."""
    return [(c.sentence[c.start:c.end], c.entities[0].key if c.entities else "", c.params["date"].low,
             c.params["date"].high) for c in walk(text, LEX) if c.kind == "release_date"]


@pytest.mark.parametrize("lead", [
    "March 3, 2031\n\n", "**March 3, 2031**\n\n", "### 2031-03-03\n\n", "Monday, March 3, 2031\n\n",
], ids=["plain line", "bold line", "heading", "weekday"])
def test_each_release_item_under_a_date_alone_takes_that_date(lead):
    day = date(2031, 3, 3)
    assert [(span, day_a) for span, _, day_a, _ in releases(PROSE + lead + ITEMS)] == [
        ("Released Orvo 3 Mini", day), ("Tarn-5 released", day)]


def test_a_month_alone_dates_its_nested_items_at_month_precision():
    text = PROSE + "* March 2031:\n  * We released Orvo 3 Mini.\n  * Tarn-5 is now open-sourced.\n* April 2031:\n" \
        "  * Improved the docs.\n"
    got = releases(text)
    assert [(key, low, high) for _, key, low, high in got] == [
        ("orvo 3 mini", date(2031, 3, 1), date(2031, 3, 31)), ("tarn 5", date(2031, 3, 1), date(2031, 3, 31))]


@pytest.mark.parametrize("items", [
    "- Orvo 3 Mini now scores 61.5 on Zorbench.\n",          # a score, no release
    "- Introduced Orvo 3 Mini support in the SDK.\n",        # the SDK's news, not the model's release
    "- Tarn-5 beats the model released last year.\n",        # another model released, unnamed
], ids=["a score", "support for a model", "another release"])
def test_an_item_that_releases_no_named_model_takes_no_date(items):
    assert releases(PROSE + "March 3, 2031\n\n" + items) == []


def test_a_line_with_more_than_a_date_dates_no_list():
    assert releases(PROSE + "Notes from our team meeting of March 3, 2031:\n\n" + ITEMS) == []


def test_a_release_verb_listing_two_names_dates_both():
    got = releases("Acme released Vessel 2 9B and Tarn-5 on March 3, 2031.")
    assert [(key, low) for _, key, low, _ in got] == [("vessel 2 9b", date(2031, 3, 3)), ("tarn 5", date(2031, 3, 3))]


def named(text: str) -> list[tuple[str, str, str, list]]:
    """(kind, model key, how it was read, its fact rows) of every claim of the text."""
    return [(c.kind, c.entities[0].key, c.entities[0].how, c.entities[0].names) for c in walk(text, LEX)]


def test_a_size_after_a_released_name_is_its_sibling():
    # the size names the model the name written in full names ('resolve.Lexicon._name_tails', the one rule)
    got = releases("Acme released Vessel 2 9B and 70B on March 3, 2031.")
    assert [(key, low) for _, key, low, _ in got] == [("vessel 2 9b", date(2031, 3, 3)),
                                                      ("vessel 2 70b", date(2031, 3, 3))]
    short, full = (named(f"Acme released Vessel 2 9B and {x} on March 3, 2031.") for x in ("70B", "Vessel 2 70B"))
    assert [rows for *_, rows in short] == [rows for *_, rows in full] == [[("src_a", "Vessel 2 9B")],
                                                                          [("src_a", "Vessel 2 70B")]]


@pytest.mark.parametrize("sizes", ["9B and 30B", "9B, 70B and 30B"])
def test_a_size_the_family_lacks_is_a_name_no_source_has(sizes):
    # as "Vessel 2 30B" written in full: a release of a name no source has (nothing to check it by), never a figure
    got = named(f"Acme released Vessel 2 {sizes} on March 3, 2031.")
    assert ("release_date", "vessel 2 30b", "unknown", []) in got
    assert [kind for kind, *_ in got] == ["release_date"] * len(got)
    assert [key for _, key, *_ in got if key != "vessel 2 30b"] == ["vessel 2 9b", "vessel 2 70b"][:len(got) - 1]
