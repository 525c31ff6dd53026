"""A model card's wordings: cut-offs said another way ("the cut-off is the end of <Month YYYY>", "its data goes up to
<date>", a second cut-off coordinated after a first), a release "since" a season, a card's run-in headings
("**Data Freshness** The pretraining data ...": the section is about the card's model), and figures that are no
claim (a footnote marker after a date or opening a note, a shot count, a list's length). Invented names and figures
only (`Lexicon.from_names`), no warehouse."""

from __future__ import annotations

from datetime import date

import pytest

from openpace.claims.numbers import find_dates
from openpace.claims.resolve import Lexicon
from openpace.text import split_blocks

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Owlet-7B", "owlet-7b"),
                                 ("src_a", "Kestrel 3", "kestrel-3")], benchmarks=["BenchQA"])


def model(c) -> str | None:
    """The claim's model as one spelling: its key (an attribute's entity carries the name as written)."""
    return c.entities[0].key.lower().removesuffix("'s") if c.entities and c.entities[0] is not None else None


def claims(text: str, kind: str | None = None) -> list[tuple[str, str, str | None]]:
    """(kind, span, model) of every claim (of `kind`), the text walked as the checker walks it."""
    return [(c.kind, c.span, model(c)) for c in walk(text, LEX) if kind is None or c.kind == kind]


def cutoffs(text: str) -> list[tuple[str | None, date, date]]:
    """(model key, first and last day) of every knowledge cut-off claim."""
    return [(model(c), c.params["date"].low, c.params["date"].high)
            for c in walk(text, LEX) if c.kind == "knowledge_cutoff"]


# --- cut-offs ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Wren 2's knowledge cut-off is the end of June 2030.", [("wren 2", date(2030, 6, 1), date(2030, 6, 30))]),
    ("Kestrel 3 has a training data cutoff of the end of March 2029.",
     [("kestrel 3", date(2029, 3, 1), date(2029, 3, 31))]),
    ("Wren 2 is new. Its data goes up to June 2030.", [("wren 2", date(2030, 6, 1), date(2030, 6, 30))]),
    ("Kestrel 3 is new. Their training data runs through May 2029.",
     [("kestrel 3", date(2029, 5, 1), date(2029, 5, 31))]),
    # a second cut-off coordinated after the first, in one sentence: both are the model's
    ("Wren 2 has a knowledge cutoff of September 2030, but some tuning data is more recent, up to July 2031.",
     [("wren 2", date(2030, 9, 1), date(2030, 9, 30)), ("wren 2", date(2031, 7, 1), date(2031, 7, 31))]),
    ("Owlet-7B has a cut-off of April 2028, and its fine-tuning data extends until January 2029.",
     [("owlet-7b", date(2028, 4, 1), date(2028, 4, 30)), ("owlet-7b", date(2029, 1, 1), date(2029, 1, 31))]),
    ("Wren 2 was trained with public data up to the end of May 2030.", [("wren 2", date(2030, 5, 1), date(2030, 5, 31))]),
    ("Kestrel 3 is based on data through June 2029.", [("kestrel 3", date(2029, 6, 1), date(2029, 6, 30))]),
])
def test_cutoff_wordings(text: str, expected: list):
    assert cutoffs(text) == expected


@pytest.mark.parametrize("text", [
    "Wren 2 is new. We collected benchmark results up to July 2031.",
    "Wren 2 is new. The survey data goes up to July 2031.",
    "Wren 2 was trained between January 2031 and July 2031.",  # a training period: no cut-off, no release
])
def test_no_cutoff(text: str):
    assert cutoffs(text) == []
    assert claims(text, "release_date") == []


# --- a release "since" a date ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, span, key, low, high", [
    ("Wren 2, since late 2030, is a popular model.", "Wren 2, since late 2030", "wren 2",
     date(2030, 9, 1), date(2030, 12, 31)),
    ("Owlet-7B (since mid-2029) is small.", "Owlet-7B (since mid-2029", "owlet 7b", date(2029, 5, 1), date(2029, 8, 31)),
    ("Kestrel 3 has been available since early 2031.", "Kestrel 3 has been available since early 2031", "kestrel 3",
     date(2031, 1, 1), date(2031, 4, 30)),
    ("Wren 2, publicly available since May 2031, is cheap.", "Wren 2, publicly available since May 2031", "wren 2",
     date(2031, 5, 1), date(2031, 5, 31)),
])
def test_available_since_is_a_release(text: str, span: str, key: str, low: date, high: date):
    assert [(c.span, c.entities[0].key, c.params["date"].low, c.params["date"].high)
            for c in walk(text, LEX) if c.kind == "release_date"] == [(span, key, low, high)]


@pytest.mark.parametrize("text", [
    "Since late 2030, Wren 2 has led the ranking.",  # a time since which something else holds
    "Wren 2 has been the leader since March 2031.",
    "Acme, since late 2030, has shipped many models.",  # the appositive's head is no model
    "Wren 2, which has been around since 2029, is old.",
])
def test_since_without_release(text: str):
    assert claims(text, "release_date") == []


# --- a card's run-in headings: the section is about the card's model ------------------------------------------------
def test_a_bold_label_opening_a_paragraph_is_a_run_in_heading():
    blocks = split_blocks("# Wren 2\n\n**Data Freshness** The data is fresh.\n\n**Training Factors.**\nWe used it.\n\n"
                          "**License:** Open\n\n**Wren 2** is a model.\n\n**Note** this goes on.\n\n- **Item** Text.\n")
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Wren 2"), ("heading", "Data Freshness"), ("paragraph", "The data is fresh."),
        ("heading", "Training Factors"), ("paragraph", "We used it."),
        ("paragraph", "License: Open"),  # a label with a colon: a key-value line, no heading
        ("paragraph", "Wren 2 is a model."),  # bold words the sentence goes on from
        ("paragraph", "Note this goes on."), ("item", "Item Text.")]


CARD = ("# Wren 2 model card\n\nAcme compares Wren 2 with Kestrel 3 and Owlet-7B in this card.\n\n"
        "**Carbon Footprint** Pretraining utilized a cumulative 1.5M GPU hours of computation.\n\n"
        "**Data Freshness** The pretraining data has a cutoff of May 2030, but some tuning data is more recent, "
        "up to January 2031.\n")


def test_a_run_in_section_of_a_card_is_about_its_model():
    assert [(k, key) for k, _, key in claims(CARD) if k in ("training_hardware", "knowledge_cutoff")] == [
        ("training_hardware", "wren 2"), ("knowledge_cutoff", "wren 2"), ("knowledge_cutoff", "wren 2")]


def test_a_run_in_section_of_a_text_about_several_models_names_none():
    text = CARD.replace("# Wren 2 model card", "# Wren 2 and Kestrel 3").replace(
        "Acme compares Wren 2 with Kestrel 3 and Owlet-7B in this card.", "Acme built both.")
    assert [(k, key) for k, _, key in claims(text) if k in ("training_hardware", "knowledge_cutoff")] == [
        ("training_hardware", None), ("knowledge_cutoff", None), ("knowledge_cutoff", None)]


# --- figures that are no claim -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, low", [
    ("Cutoff; September 20301", date(2030, 9, 1)),  # a footnote marker glued to the date's year
    ("Released; March 5, 2031², in beta", date(2031, 3, 5)),
    ("It shipped in July 20302.", date(2030, 7, 1)),
])
def test_a_footnote_marker_after_a_date(text: str, low: date):
    assert [d.low for d in find_dates(text)] == [low]
    assert [c for c in claims(text) if c[0] == "other"] == []


@pytest.mark.parametrize("text", [
    "1 - the cutoff is approximate.",
    "2) Scores are self-reported.",
    "Wren 2 scores 71 on BenchQA (5 shot).",
    "Wren 2 scores 71 on BenchQA, 5 shot.",
    "The 5 most popular models are listed below.",
    "We compare the 3 largest labs.",
    "The top 10 models all come from two labs.",
    "Wren 2 has 3 key features.",
    "Here are 7 lessons from the launch.",
])
def test_no_figure(text: str):
    assert [c for c in claims(text) if c[0] == "other"] == []


@pytest.mark.parametrize("text", [
    "Wren 2 is among the top 10 models on BenchQA.",  # a rank, which stays a figure
    "Wren 2 supports 30 languages.",
])
def test_still_a_figure(text: str):
    assert [c[0] for c in claims(text)] == ["other"]


# --- a standfirst under the title ------------------------------------------------------------------------------------
def test_a_standfirst_describes_the_titles_model():
    assert claims("# Wren 2\n\nA 70 billion parameter model for chat and code.\n", "parameters") == [
        ("parameters", "70 billion parameter", "wren 2")]


@pytest.mark.parametrize("text", [
    "# Wren 2 and Kestrel 3\n\nA 70 billion parameter model for chat and code.\n",  # a title naming two
    "# Why size matters\n\nA 70 billion parameter model for chat and code.\n",  # a title naming none
    "# Wren 2\n\nWren 2 is new.\n\nA 70 billion parameter model for chat and code.\n",  # not the first sentence
])
def test_no_standfirst(text: str):
    assert claims(text, "parameters") == [("parameters", "70 billion parameter", None)]
