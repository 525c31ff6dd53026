"""Launch-post phrasings read as general rules, and figures that are no claims, on invented names
(`Lexicon.from_names`); the verdicts of a text's own date on the fixture mirror, naming the file and row.

- a release date in running text: "<Org> released the <Family> models in <month>", "In <month>, <Org> released X";
- "today" and "this week" dated by `--as-of`, else by the date the text states at its top ("Published <date>", a
  news dateline opening its first paragraph: `releases.dateline`), else a claim with no date, unverifiable;
- open weights: "with open weights", "an open-weight release", "the weights of X are available";
- the training hardware: a chip's generation glued to its name ("TPUv5e"), in parentheses; a count that looks
  like a year before a chip ("NNNN <chip> GPUs");
- no claim: a family's version the sources do not name ("<Family> N"), a package's version constraint, a sample an
  experiment draws ("we sampled N user profiles") or how often it was run ("averaged over N runs")."""

from __future__ import annotations

from datetime import date

import pytest

from openpace.claims import check_text
from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Wren 2.5", "wren-2.5"),
                                 ("src_a", "Owlet-7B", "owlet-7b")],
                         benchmarks=["MMLU"], hardware=["Acme TPU v9e", "NVIDIA Z900 SXM 80GB"])
DAY = date(2031, 3, 3)  # an invented date


def kinds(text: str, kind: str, as_of: date | None = None) -> list:
    return [c for c in walk(text, LEX, as_of) if c.kind == kind]


# ---------------------------------------------------------------- release dates in running text
@pytest.mark.parametrize("text, span, low, high", [
    ("Acme released the Wren 2 models in March 2031.", "released the Wren 2 models in March 2031",
     date(2031, 3, 1), date(2031, 3, 31)),
    ("Acme launched the Wren 2 family on March 3, 2031.", "launched the Wren 2 family on March 3, 2031", DAY, DAY),
    ("In March 2031, Acme released Wren 2.", "March 2031, Acme released Wren 2", date(2031, 3, 1), date(2031, 3, 31)),
    ("On March 3, 2031, Wren 2 was released.", "March 3, 2031, Wren 2 was released", DAY, DAY),
    ("Wren 2, launched on March 3, 2031, is small.", "Wren 2, launched on March 3, 2031", DAY, DAY),
])
def test_a_release_date_in_running_text(text: str, span: str, low: date, high: date):
    [claim] = kinds(text, "release_date")
    assert (claim.span, claim.entities[0].key, claim.params["date"].low, claim.params["date"].high) == \
        (span, "wren 2", low, high)


@pytest.mark.parametrize("text", [
    "In March 2031, Acme released a new dataset.",  # no model released
    "In March 2031, Acme released its report on Wren 2.",  # the report, not the model
])
def test_a_fronted_date_with_no_model_released(text: str):
    assert not kinds(text, "release_date")


# ---------------------------------------------------------------- the historic present of news
@pytest.mark.parametrize("text, span, low, high", [
    ("In March 2031, Acme releases Wren 2.", "March 2031, Acme releases Wren 2", date(2031, 3, 1), date(2031, 3, 31)),
    ("On March 3, 2031, Acme launches Wren 2, a small model.", "March 3, 2031, Acme launches Wren 2", DAY, DAY),
    ("In March 2031, Acme open-sources the compact Wren 2.", "March 2031, Acme open-sources the compact Wren 2",
     date(2031, 3, 1), date(2031, 3, 31)),
    ("Acme ships Wren 2 on March 3, 2031.", "ships Wren 2 on March 3, 2031", DAY, DAY),
    ("Wren 2 debuts on March 3, 2031, with a small sibling.", "Wren 2 debuts on March 3, 2031", DAY, DAY),
    ("Published March 9, 2031\n\nIn March 2031, Acme releases Wren 2.", "March 2031, Acme releases Wren 2",
     date(2031, 3, 1), date(2031, 3, 31)),
])
def test_a_present_release_verb_with_a_written_date_is_a_release(text: str, span: str, low: date, high: date):
    [claim] = kinds(text, "release_date")
    assert (claim.span, claim.entities[0].key, claim.params["date"].low, claim.params["date"].high) == \
        (span, "wren 2", low, high)


@pytest.mark.parametrize("text", [
    "Acme releases Wren 2.",  # no date: a statement of now
    "Acme releases Wren 2 in March.",  # a month with no year may be the next one
    "Acme releases Wren 2 next month, after a beta in March 2031.",  # a word of the future in the clause
    "In March 2031, Acme plans and releases Wren 2.",
    "Published March 1, 2031\n\nIn May 2031, Acme releases Wren 2.",  # after the text's own date: a plan
    "In March 2031, Acme releases its report on Wren 2.",  # the report, not the model
    "Acme, founded in 2029, releases Wren 2.",  # the date is the maker's, not the release's
])
def test_a_present_release_verb_without_a_past_date_is_no_release(text: str):
    assert not kinds(text, "release_date")


# ---------------------------------------------------------------- "today" and the text's own date
@pytest.mark.parametrize("text, stated", [
    ("# Wren 2\n\nPublished March 3, 2031\n\nToday we release Wren 2.", "March 3, 2031"),
    ("# Wren 2\n\nPosted on 2031-03-03 by A. Writer\n\nToday we release Wren 2.", "2031-03-03"),
    ("ACME CITY, March 3, 2031 — Acme today released Wren 2, its newest model.", "March 3, 2031"),
])
def test_today_is_the_date_the_text_states_at_its_top(text: str, stated: str):
    [claim] = kinds(text, "release_date")
    assert (claim.params["date"].low, claim.params["date"].high) == (DAY, DAY)
    assert "2031-03-03" in claim.params["date"].text and "dateline" in claim.params["date"].text


@pytest.mark.parametrize("text", [
    "Published March 3, 2031\n\nThis week we released Wren 2.",
    "Published March 3, 2031\n\nAcme launched Wren 2 this week.",
])
def test_this_week_is_the_week_of_the_texts_date(text: str):
    # 2031-03-03 is a Monday: its week runs to Sunday 2031-03-09
    [claim] = kinds(text, "release_date")
    assert (claim.params["date"].low, claim.params["date"].high) == (DAY, date(2031, 3, 9))


def test_as_of_comes_before_the_texts_own_date():
    [claim] = kinds("Published March 3, 2031\n\nToday we release Wren 2.", "release_date", as_of=date(2031, 4, 1))
    assert claim.params["date"].low == date(2031, 4, 1)


@pytest.mark.parametrize("text", [
    "Today we release Wren 2.",
    "# Wren 2\n\nUpdated March 3, 2031\n\nToday we release Wren 2.",  # an update is no publication date
    "Wren 2 is small.\n\nIt was shown on March 3, 2031 at a meeting.\n\nToday we release Wren 2.",  # prose, no date line
])
def test_today_with_no_date_of_the_text_has_no_date(text: str):
    [claim] = kinds(text, "release_date")
    assert claim.params["date"] is None


@pytest.mark.parametrize("top, when, verdict", [
    ("Published February 26, 2024", "today", "supported"), ("Published June 3, 2024", "today", "contradicted"),
    ("", "today", "unverifiable"),
    ("Published February 29, 2024", "this week", "supported"),  # the week of Monday 26 February
    ("Published March 4, 2024", "this week", "contradicted"),  # the next week
])
def test_today_verdicts(con, top: str, when: str, verdict: str):
    # tests/fixtures/mirror/epoch/open-model-trends/benchmarks_with_model_accessibility.csv: Mistral Large 2024-02-26
    [claim] = [c for c in check_text(con, f"{top}\n\nMistral Large is released {when}.")["claims"]
               if c["kind"] == "release_date"]
    assert claim["verdict"] == verdict, claim["explanation"]
    if verdict == "unverifiable":
        assert "dateline" in claim["explanation"] and "--as-of" in claim["explanation"]


# ---------------------------------------------------------------- open weights
@pytest.mark.parametrize("text, span", [
    ("Wren 2 is released today with open weights.", "with open weights"),
    ("We are releasing Wren 2 with open weights under a new licence.", "with open weights"),
    ("Today we release Wren 2, our first open-weight release.", "our first open-weight release"),
    ("The weights of Wren 2 are available on the Hub.", "The weights of Wren 2 are available"),
    ("Wren 2 is out. Weights are available on the Hub.", "Weights are available"),
])
def test_open_weights_phrasings(text: str, span: str):
    [claim] = kinds(text, "open_weights")
    assert (claim.span, claim.entities[0].key, claim.params["open"]) == (span, "wren 2", True)


@pytest.mark.parametrize("text", [
    "We compare Wren 2 with open weights baselines.",  # a kind of baseline, not Wren 2's weights
    "The weights of the tokenizer are available.",  # no model named
])
def test_no_open_weights(text: str):
    assert not kinds(text, "open_weights")


# ---------------------------------------------------------------- training hardware
@pytest.mark.parametrize("text, key, count", [
    ("Wren 2 was trained on the latest generation of TPUs (TPUv9e).", "tpu v9e", None),
    ("Wren 2 was trained on TPUv9e chips.", "tpu v9e", None),
    ("Wren 2 was trained using 2048 Z900 GPUs.", "z900", 2048),  # a count, though it reads like a year
    ("Wren 2 was trained on 2,048 TPU v9e chips.", "tpu v9e", 2048),
])
def test_training_hardware_named(text: str, key: str, count: int | None):
    [claim] = kinds(text, "training_hardware")
    assert [e.key for e in claim.entities if e.type == "gpu"] == [key]
    assert claim.params.get("count") == count


def test_a_year_before_a_chip_after_a_preposition_stays_a_year():
    assert not [c for c in walk("In 2030 GPUs got cheaper.", LEX) if c.kind != "release_date"]


# ---------------------------------------------------------------- no claims
@pytest.mark.parametrize("text", [
    "Wren 3 is the newest model.",  # a version of the family no source names yet
    "Wren-4 will follow.",
    "Install it with pip install wren-tools==4.1.2 and pkg>=3.5.1.",
    "It needs torch>=2.6,<3 and numpy==2.",
    "To build the set we sampled 431 user profiles and averaged over 7 runs.",
    "They randomly selected 1,234 prompts; we run each model 6 times and report the mean of 9 samples.",
])
def test_figures_that_are_no_claims(text: str):
    assert [c.span for c in walk(text, LEX)] == []


@pytest.mark.parametrize("text, spans", [
    ("Wren 3 scored 61.5% on MMLU.", ["scored 61.5% on MMLU"]),  # the figure after the name stays a score
    ("Wren 2 has 40B parameters.", ["40B parameters"]),
    ("Our accuracy > 61 on MMLU.", ["> 61 on MMLU"]),  # a bound written with ">", no package
    ("We wrote 37 questions per category.", ["37 questions"]),  # a benchmark's own size stays a figure
])
def test_figures_next_to_those_stay_figures(text: str, spans: list[str]):
    assert [c.span for c in walk(text, LEX)] == spans


@pytest.mark.parametrize("text, verdict", [
    ("Meta released the Llama 3 models in April 2024.", "supported"),
    ("In April 2024, Meta released Llama 3.", "supported"),
    ("Llama 3, launched on April 18, 2024, is a family of models.", "supported"),
    ("In March 2024, Meta released Llama 3.", "contradicted"),
])
def test_a_familys_launch_date_in_running_text(con, text: str, verdict: str):
    # tests/fixtures/mirror/epoch/open-model-trends/benchmarks_with_model_accessibility.csv: Llama 3 70B 2024-04-18
    # (the series 'Llama 3' is dated by its first member)
    [claim] = [c for c in check_text(con, text)["claims"] if c["kind"] == "release_date"]
    assert (claim["entities"][0]["match"], claim["verdict"]) == ("series", verdict), claim["explanation"]
