"""The second and third model's figures of one sentence, their measure named once (docs/claims.md, "A second
model's figure by its possessive" and "Score verbs across clauses"): "A at N Elo, B at M, and C at K", "A scores N on
B, against M for C", "A scores N% on B, whereas C has a reported score of M%". Each later figure is a claim of the
first one's measure about its own model. The models, benchmarks and figures are invented (`Lexicon.from_names`,
`identity_helpers.load`): no source holds them, nothing here is a fact."""

from __future__ import annotations

import pytest

from claims_helpers import walk
from identity_helpers import PROV, load
from openpace.claims import check_text
from openpace.claims.resolve import Lexicon, norm_name
from openpace.sources.base import Score

LEX = Lexicon.from_names(models=[("src_a", "Corvo 3 Rook", None), ("src_a", "Pica-4q", None),
                                 ("src_a", "Strix 9", None)],
                         benchmarks=["BenchQA", "Duel Elo"])


def typed(text: str) -> dict[str, tuple[str, str, str]]:
    """figure -> (kind, model, benchmark key) of each claim."""
    out = {}
    for c in walk(text, LEX):
        if not c.figures:
            continue
        model = norm_name(next((e.text for e in c.entities if e.type == "model"), ""))
        bench = next((e.key for e in c.entities if e.type == "benchmark"), "")
        out[c.sentence[c.figures[0][0]:c.figures[0][1]].split()[-1]] = (c.kind, model, bench)
    return out


@pytest.mark.parametrize("text", [
    "The Duel board of May 2031 puts Pica-4q at 1312 Elo, Corvo 3 Rook at 1288, and Strix 9 at 1250.",
    "Pica-4q sits at 1312 Elo, Corvo 3 Rook at 1288 and Strix 9 at 1250.",
    "In the latest ranking Pica-4q reached 1312 Elo, Corvo 3 Rook at about 1288, and Strix 9 at 1250.",
])
def test_each_item_of_a_list_is_its_own_models_score_on_the_first_items_measure(text: str):
    got = typed(text)
    assert got["1312"] == ("score", "pica 4q", "elo")
    assert got["1288"] == ("score", "corvo 3 rook", "elo")
    assert got["1250"] == ("score", "strix 9", "elo")


@pytest.mark.parametrize("text", [
    "Pica-4q scores 61.5 on BenchQA, Corvo 3 Rook at 58.2, and Strix 9 at 40.1.",
    "Pica-4q scores 61.5 on BenchQA, against 58.2 for Corvo 3 Rook and 40.1 for Strix 9.",
])
def test_a_plain_score_list_gives_each_model_the_benchmark(text: str):
    got = typed(text)
    assert got["61.5"] == ("score", "pica 4q", "benchqa")
    assert got["58.2"] == ("score", "corvo 3 rook", "benchqa")
    assert got["40.1"] == ("score", "strix 9", "benchqa")


def test_an_attribute_list_item_takes_the_attribute():
    got = typed("Pica-4q offers a 128K context window, Corvo 3 Rook at 200K.")
    assert got["128K"][:2] == ("context_window", "pica 4q")
    assert got["200K"][:2] == ("context_window", "corvo 3 rook")


@pytest.mark.parametrize("text", [
    "Pica-4q scores 61.5% on BenchQA, whereas Corvo 3 Rook has a reported score of 58.2%.",
    "On BenchQA, Pica-4q scored 61.5% whereas Corvo 3 Rook had an average score of 58.2%.",
    "On BenchQA, Pica-4q has a score of 61.5%, while Corvo 3 Rook has a published score of 58.2%.",
])
def test_has_a_score_of_is_a_score_verb(text: str):
    got = typed(text)
    assert got["61.5%"] == ("score", "pica 4q", "benchqa")
    assert got["58.2%"] == ("score", "corvo 3 rook", "benchqa")


def test_is_rated_is_a_score_verb():
    got = typed("On the Duel Elo board, Pica-4q is rated 1312, while Corvo 3 Rook is rated at 1288.")
    assert got["1312"] == ("score", "pica 4q", "duel elo") and got["1288"] == ("score", "corvo 3 rook", "duel elo")


@pytest.mark.parametrize("text, figure", [
    ("Pica-4q scores 61.5 on BenchQA, ranking Corvo 3 Rook at 3.", "3"),  # a rank, not a list item
    ("Pica-4q scores 61.5% on BenchQA, Corvo 3 Rook at $3.", "$3"),  # another form: a price sign
    ("Pica-4q scores 61.5 on BenchQA, Corvo 3 Rook at 12 tasks.", "12"),  # a unit of its own
    ("Pica-4q scores 61.5% on BenchQA, Corvo 3 Rook at 58.2.", "58.2"),  # a percentage list goes on in percent
])
def test_a_figure_that_is_no_list_item_borrows_nothing(text: str, figure: str):
    got = typed(text)
    assert got.get(figure, ("other",))[0] != "score"


# end to end: each later item is judged against its own model's rows
ROWS = [Score(source="epoch_benchmarks", model_name=model, benchmark="Duel Elo", score=value, unit="elo", **PROV)
        for model, value in [("Pica-4q", 1312.0), ("Corvo 3 Rook", 1288.0), ("Strix 9", 1250.0)]] + \
    [Score(source="epoch_benchmarks", model_name=model, benchmark="BenchQA", score=value, **PROV)
     for model, value in [("Pica-4q", 61.5), ("Corvo 3 Rook", 58.2)]]


@pytest.fixture
def wh(fresh_db):
    load(fresh_db, ROWS)
    return fresh_db


def verdicts(con, text: str) -> dict[str, tuple[str, str, str]]:
    out = {}
    for c in check_text(con, text)["claims"]:
        model = next((e["text"] for e in c["entities"] if e["type"] == "model"), "")
        out[c["span"].split()[-1].rstrip("%.,")] = (c["kind"], model, c["verdict"])
    return out


def test_list_items_are_checked_against_their_own_models(wh):
    got = verdicts(wh, "The Duel board puts Pica-4q at 1312 Elo, Corvo 3 Rook at 1288, and Strix 9 at 1190.")
    assert got["1288"] == ("score", "Corvo 3 Rook", "supported")
    assert got["1190"] == ("score", "Strix 9", "contradicted")


def test_a_reported_score_is_checked_on_the_sentences_benchmark(wh):
    got = verdicts(wh, "Pica-4q scores 61.5% on BenchQA, whereas Corvo 3 Rook has a reported score of 58.2%.")
    assert got["58.2"] == ("score", "Corvo 3 Rook", "supported")
    got = verdicts(wh, "Pica-4q scores 61.5% on BenchQA, whereas Corvo 3 Rook has a reported score of 66.0%.")
    assert got["66.0"] == ("score", "Corvo 3 Rook", "contradicted")
