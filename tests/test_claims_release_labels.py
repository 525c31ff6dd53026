"""Release dates a launch post or a model card states without a date in the sentence: "X is released today",
"today we release X", "we're excited to release X today" (the text's date, `check --as-of`; without one no
claim) and a release label: "Release Date: <date>", a "Release date" column, a two-cell row "Release date |
<date>". Extraction runs on invented names (`Lexicon.from_names`); the verdicts on the fixture mirror, each
naming its file and row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from openpace.claims import check_text
from openpace.claims.resolve import Lexicon
from openpace.warehouse import connect

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Owlet-7B", "owlet-7b")])
TEXT_DAY = date(2031, 3, 3)  # an invented date for the text


def releases(text: str, as_of: date | None = TEXT_DAY) -> list[tuple[str, str, date]]:
    """(span, model key, first day) of every release-date claim, the text walked as the checker walks it."""
    return [(c.span, c.entities[0].key, c.params["date"].low) for c in walk(text, LEX, as_of)
            if c.kind == "release_date"]


@pytest.mark.parametrize("text, span, key", [
    ("Wren 2 is released today.", "Wren 2 is released today", "wren 2"),
    ("Today we release Wren 2.", "Today we release Wren 2", "wren 2"),
    ("We're excited to release Wren 2 today!", "release Wren 2 today", "wren 2"),
    ("Today, Acme releases the new Wren 2 model.", "Today, Acme releases the new Wren 2", "wren 2"),
    ("Wren 2 came out last year; today we release Owlet-7B.", "today we release Owlet-7B", "owlet 7b"),
])
def test_released_today_is_the_texts_date(text: str, span: str, key: str):
    assert releases(text) == [(span, key, TEXT_DAY)]


def test_today_without_the_texts_date_is_a_claim_with_no_date():
    # no --as-of and no date at the text's top: the release is claimed, and left unverifiable (verify_release)
    for text in ("Wren 2 is released today.", "We're excited to release Wren 2 today!"):
        [claim] = [c for c in walk(text, LEX, None) if c.kind == "release_date"]
        assert claim.params["date"] is None and "does not state" in claim.params["undated"]


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


@pytest.fixture(scope="module")
def con(mirror_db_file: Path):
    c = connect(mirror_db_file, read_only=True)
    yield c
    c.close()


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
