"""Forms real articles use for attribute and price claims in running text: knowledge cut-offs written in
prose, price multiples and fractions, token counts listed for several models, and figures that are no claim
(a training-data mix table, shot counts, a per-unit denominator, a page count). Extraction runs on invented
names (`Lexicon.from_names`); no figure here is a fact about any real model."""

from __future__ import annotations

from datetime import date

import pytest

from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Owlet-7B", "owlet-7b"),
                                 ("src_a", "Heron-3", "heron-3"), ("src_a", "Kite-70B", "kite-70b")])


def of_kind(text: str, kind: str) -> list:
    return [c for c in walk(text, LEX) if c.kind == kind]


@pytest.mark.parametrize("text, span, key, first", [
    ("Wren 2 has a March 2031 cut-off date.", "March 2031 cut-off date", "Wren 2", date(2031, 3, 1)),
    ("Wren 2, with its Jan 2031 knowledge cutoff, is small.", "Jan 2031 knowledge cutoff", "Wren 2", date(2031, 1, 1)),
    ("Kite-70B has a cutoff of April 2031.", "cutoff of April 2031", "Kite-70B", date(2031, 4, 1)),
    ("Owlet-7B has knowledge up to June 2031.", "knowledge up to June 2031", "Owlet-7B", date(2031, 6, 1)),
    ("Heron-3 was trained on data up to May 2031.", "trained on data up to May 2031", "Heron-3", date(2031, 5, 1)),
    ("Heron-3 was trained on public web data through 2030.", "trained on public web data through 2030", "Heron-3",
     date(2030, 1, 1)),
])
def test_a_knowledge_cutoff_in_running_text(text: str, span: str, key: str, first: date):
    [claim] = of_kind(text, "knowledge_cutoff")
    assert (claim.span, claim.entities[0].text, claim.params["date"].low) == (span, key, first)


@pytest.mark.parametrize("text", [
    "The cut-off for entries was May 2031, and Wren 2 made it.",  # a deadline of something else
    "Wren 2 was released in March 2031.",
    "Wren 2 was trained on 2T tokens in May 2031.",
])
def test_a_date_that_is_no_cutoff(text: str):
    assert of_kind(text, "knowledge_cutoff") == []
