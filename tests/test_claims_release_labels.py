"""Release dates a launch post or a model card states without a date in the sentence: "X is released today",
"today we release X", "we're excited to release X today" (the text's date, `check --as-of`; without one no
claim) and a release label: "Release Date: <date>", a "Release date" column, a two-cell row "Release date |
<date>". Extraction runs on invented names (`Lexicon.from_names`); the verdicts on the fixture mirror, each
naming its file and row."""

from __future__ import annotations

from datetime import date

import pytest

from openpace.claims import check_text
from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Owlet-7B", "owlet-7b")])
TEXT_DAY = date(2031, 3, 3)  # an invented date for the text


def releases(text: str, as_of: date | None = TEXT_DAY) -> list[tuple[str, str, date | None]]:
    """(span, model key, first day) of every release-date claim, the text walked as the checker walks it (no day:
    a relative day in a text that gives no date of its own)."""
    return [(c.span, c.entities[0].key, c.params["date"].low if c.params["date"] else None)
            for c in walk(text, LEX, as_of) if c.kind == "release_date"]


@pytest.mark.parametrize("text, span, key", [
    ("Wren 2 is released today.", "Wren 2 is released today", "wren 2"),
    ("Today we release Wren 2.", "Today we release Wren 2", "wren 2"),
    ("We're excited to release Wren 2 today!", "release Wren 2 today", "wren 2"),
    ("Today, Acme releases the new Wren 2 model.", "Today, Acme releases the new Wren 2", "wren 2"),
    ("Wren 2 came out last year; today we release Owlet-7B.", "today we release Owlet-7B", "owlet 7b"),
])
def test_released_today_is_the_texts_date(text: str, span: str, key: str):
    assert releases(text) == [(span, key, TEXT_DAY)]


def test_today_without_the_texts_date_has_no_day():
    assert releases("Wren 2 is released today.", as_of=None) == [("Wren 2 is released today", "wren 2", None)]
    assert releases("We're excited to release Wren 2 today!", as_of=None) == [
        ("release Wren 2 today", "wren 2", None)]


@pytest.mark.parametrize("text, span, key, day", [
    ("Yesterday we released Wren 2.", "Yesterday we released Wren 2", "wren 2", date(2031, 3, 2)),
    ("This morning we launched Owlet-7B.", "This morning we launched Owlet-7B", "owlet 7b", TEXT_DAY),
    # the day the writer spells out in parentheses wins over counting (and needs no text date)
    ("Yesterday (2/27/2031) we released Wren 2.", "Yesterday (2/27/2031) we released Wren 2", "wren 2",
     date(2031, 2, 27)),
])
def test_a_relative_day_counts_from_the_texts_date(text: str, span: str, key: str, day: date):
    assert releases(text) == [(span, key, day)]
    if "(" in text:
        assert releases(text, as_of=None) == [(span, key, day)]


@pytest.mark.parametrize("top", [
    "Published: March 3, 2031", "Posted on 2031-03-03", "By Jane Roe · Mar 3, 2031 · 6 min read", "3 March 2031",
])
def test_a_dateline_at_the_top_dates_the_text(top: str):
    text = f"{top}\n\n# Launch notes\n\nToday we release Wren 2. Yesterday we released Owlet-7B."
    assert releases(text, as_of=None) == [("Today we release Wren 2", "wren 2", TEXT_DAY),
                                          ("Yesterday we released Owlet-7B", "owlet 7b", date(2031, 3, 2))]
    assert [c.kind for c in walk(text, LEX)] == ["release_date", "release_date"]  # the byline claims nothing


def test_a_date_inside_the_prose_is_no_dateline():
    text = ("# Notes\n\nWe looked back at a long year of work on small models, from data to evals, and one day "
            "stood out: March 3, 2031.\n\nToday we release Wren 2.")
    assert releases(text, as_of=None) == [("Today we release Wren 2", "wren 2", None)]


@pytest.mark.parametrize("text, expected", [
    ("- 2031-02-11: we released Wren 2 and Owlet-7B.",
     [("2031-02-11: we released Wren 2", "wren 2", date(2031, 2, 11)),
      ("2031-02-11: we released Wren 2 and Owlet-7B", "owlet 7b", date(2031, 2, 11))]),
    ("- **Feb 2031** Wren 2 is open-sourced.", [("Feb 2031 Wren 2 is open-sourced", "wren 2", date(2031, 2, 1))]),
    ("[2031.02.11] We published the new Owlet-7B, which beats Wren 2.",
     [("2031.02.11] We published the new Owlet-7B", "owlet 7b", date(2031, 2, 11))]),
])
def test_a_news_line_opening_with_its_date(text: str, expected: list):
    assert releases(text, as_of=None) == expected


@pytest.mark.parametrize("text", [
    "- 2031-02-11: we compared Wren 2 and Owlet-7B.",  # no release
    "On 2031-02-11 the team met; Wren 2 came up.",  # a date opening a paragraph with no ":" or bracket
    "- 2031-02-11: we released the evaluation code for Wren 2.",  # the code, not the model
])
def test_a_dated_line_releasing_no_model(text: str):
    assert releases(text, as_of=None) == []


@pytest.mark.parametrize("heading, claims", [("Model date", True), ("Release date", True), ("Released", True),
                                             ("Training data", False)])
def test_a_date_alone_under_a_release_heading(heading: str, claims: bool):
    text = f"# Wren 2\n\nWren 2 is a small model.\n\n## {heading}\n\nFebruary 2031\n"
    assert releases(text, as_of=None) == ([("February 2031", "wren 2", date(2031, 2, 1))] if claims else [])


def test_a_sentence_under_a_release_heading_is_no_label():
    text = "# Wren 2\n\nWren 2 is small.\n\n## Model date\n\nWren 2 was trained between January 2031 and May 2031.\n"
    assert releases(text, as_of=None) == []


@pytest.mark.parametrize("text", [
    "Today we release the evaluation results of Wren 2.",  # the results are released, not the model
    "Wren 2 is available today on a new host.",  # availability somewhere is no release
    "Today we compare Wren 2 with Owlet-7B.",
    "Wren 2 is the best openly released LLM today.",  # a participle before a noun; "today" means "now"
])
def test_today_with_no_release_of_a_model(text: str):
    assert releases(text) == []


@pytest.mark.parametrize("text, span, key, day", [
    ("# Wren 2\n\nRelease Date: March 1, 2031", "Release Date: March 1, 2031", "wren 2", date(2031, 3, 1)),
    ("Wren 2 release date: March 1, 2031.", "release date: March 1, 2031", "wren 2", date(2031, 3, 1)),
    ("Wren 2 is small.\n\n| Key | Value |\n|---|---|\n| Release date | March 1, 2031 |",
     "Release date; March 1, 2031", "wren 2", date(2031, 3, 1)),
    ("| Model | Release date |\n|---|---|\n| Wren 2 | 2031-03-01 |\n| Owlet-7B | 2031-02-01 |",
     "2031-03-01", "wren 2", date(2031, 3, 1)),
])
def test_a_release_label(text: str, span: str, key: str, day: date):
    assert releases(text, as_of=None)[0] == (span, key, day)


def test_a_release_label_about_no_model_claims_nothing():
    assert releases("Release Date: March 1, 2031", as_of=None) == []  # no model named before, no topic
    assert releases("| Model | Release date |\n|---|---|\n| Unknown-X | 2031-03-01 |", as_of=None) == []
    assert releases("| Model | Release notes |\n|---|---|\n| Wren 2 | 2031-03-01 |", as_of=None) == []


@pytest.mark.parametrize("as_of, verdict", [(date(2024, 2, 26), "supported"), (date(2024, 6, 3), "contradicted")])
def test_released_today_verdict(con, as_of: date, verdict: str):
    # tests/fixtures/mirror/epoch/open-model-trends/benchmarks_with_model_accessibility.csv: Mistral Large 2024-02-26
    [claim] = [c for c in check_text(con, "Mistral Large is released today.", as_of=as_of)["claims"]
               if c["kind"] == "release_date"]
    assert claim["verdict"] == verdict


def test_release_label_verdicts(con):
    # the same row: Mistral Large 2024-02-26
    text = "# Mistral Large\n\nRelease Date: February 26, 2024\n\n| Model | Release date |\n|---|---|\n" \
           "| Mistral Large | 2024-05-26 |\n"
    got = [(c["span"], c["verdict"]) for c in check_text(con, text)["claims"] if c["kind"] == "release_date"]
    assert got == [("Release Date: February 26, 2024", "supported"), ("2024-05-26", "contradicted")]


def test_relative_day_verdicts(con):
    # the same row: Mistral Large 2024-02-26; a dateline dates the text, no --as-of
    text = "Published: February 27, 2024\n\n# Notes\n\nYesterday we released Mistral Large.\n"
    [claim] = [c for c in check_text(con, text)["claims"] if c["kind"] == "release_date"]
    assert claim["verdict"] == "supported"
    [claim] = [c for c in check_text(con, "Yesterday we released Mistral Large.")["claims"]
               if c["kind"] == "release_date"]
    assert claim["verdict"] == "unverifiable" and "dateline" in claim["explanation"]
    text = "## Release date\n\nMistral Large is a model.\n\n## Model date\n\nMay 2024\n"
    [claim] = [c for c in check_text(con, text)["claims"] if c["kind"] == "release_date"]
    assert claim["verdict"] == "contradicted"


SIZED = {"vessel-2-2b": [("src_a", "Vessel 2 2B")], "vessel-2-2b-instruct": [("src_a", "Vessel-2-2B-it")],
         "vessel-2-9b": [("src_a", "Vessel 2 9B")], "vessel-2-9b-instruct": [("src_a", "Vessel-2-9B-it")]}
SIZED_LEX = Lexicon.from_names(models=[(s, n, None) for rows in SIZED.values() for s, n in rows],
                               sized=[("vessel-2-2b", "2b", None), ("vessel-2-2b-instruct", "2b", "instruct"),
                                      ("vessel-2-9b", "9b", None), ("vessel-2-9b-instruct", "9b", "instruct")],
                               aliases=SIZED)


def test_a_list_of_releases_by_size_and_variant():
    text = ("# Vessel 2\n\nVessel 2 comes in two sizes.\n\nRelease dates:\n\n- 2B: 2031-03-01\n- 9B Instruct: April 2031\n"
            "- Vessel 2 9B: 2031-02-01\n- 30B: 2031-05-01\n")
    got = [(c.span, c.entities[0].key, c.params["date"].low) for c in walk(text, SIZED_LEX) if c.kind == "release_date"]
    assert got == [("2B: 2031-03-01", "vessel-2-2b, vessel-2-2b-instruct", date(2031, 3, 1)),
                   ("9B Instruct: April 2031", "vessel-2-9b-instruct", date(2031, 4, 1)),
                   ("Vessel 2 9B: 2031-02-01", "vessel 2 9b", date(2031, 2, 1))]  # no 30B model: no claim


def test_a_sized_line_outside_a_list_of_releases_is_no_release():
    text = "# Vessel 2\n\nVessel 2 comes in two sizes.\n\nTraining runs:\n\n- 9B: 2031-02-01\n"
    assert [c for c in walk(text, SIZED_LEX) if c.kind == "release_date"] == []
