"""A second model's figure that borrows its sentence's measure (docs/claims.md, "A second model's figure by
its possessive"): "A scores N on B, while C's is M". The vocabulary is invented (`Lexicon.from_names`: no
source holds these names), so nothing here is a fact; the tests check the kind, model and benchmark only."""

from __future__ import annotations

import pytest

from openpace.claims.resolve import Lexicon, norm_name

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Corvo 3 Rook", None), ("src_a", "Pica-4q", None)],
                         benchmarks=["BenchQA"])


def claims(text: str) -> list[tuple[str, str, list[str]]]:
    return [(c.kind, c.sentence[c.figures[0][0]:c.figures[0][1]] if c.figures else "", [e.key for e in c.entities])
            for c in walk(text, LEX)]


@pytest.mark.parametrize("text", [
    "Pica-4q scores 61.5 on BenchQA, while Corvo 3 Rook's is 58.2.",
    "Pica-4q scores 61.5 on BenchQA against Corvo 3 Rook's 58.2.",
])
def test_the_second_models_figure_is_its_score_on_the_sentences_benchmark(text: str):
    assert claims(text)[-1] == ("score", "58.2", ["corvo 3 rook", "benchqa"])


def test_the_second_models_price_is_the_same_price():
    [first, second] = claims("Pica-4q costs $2.50 per million input tokens, while Corvo 3 Rook's is $1.")
    assert first[0] == second[0] == "price" and second[1:] == ("$1", ["corvo 3 rook"])


def test_a_figure_in_another_form_borrows_nothing():
    # a price sign after a score: no measure to borrow, the figure stays untyped
    assert claims("Pica-4q scores 61.5 on BenchQA, while Corvo 3 Rook's is $3.")[-1][0] == "other"


def model_of(text: str) -> list[tuple[str, str, str]]:
    """(kind, figure, model name) of each claim, the model's possessive dropped."""
    return [(c.kind, c.sentence[c.figures[0][0]:c.figures[0][1]] if c.figures else "",
             norm_name(next((e.text for e in c.entities if e.type == "model"), ""))) for c in walk(text, LEX)]


@pytest.mark.parametrize("text, kind", [
    ("Pica-4q's 61.5% versus Corvo 3 Rook's 58.2% on BenchQA.", "score"),
    ("Pica-4q scores 61.5% on BenchQA versus Corvo 3 Rook's 58.2%.", "score"),
    ("Pica-4q offers a 128K context window against Corvo 3 Rook's 200K.", "context_window"),
    ("Pica-4q offers a 128K window against Corvo 3 Rook's 200K.", "context_window"),  # "NK window": a context window
    ("Pica-4q costs $3 per million input tokens, compared with Corvo 3 Rook's $15.", "price"),
])
def test_the_figure_after_a_possessive_in_a_comparison_is_the_possessors_not_the_subjects(text: str, kind: str):
    first, second = model_of(text)
    assert first[0] == second[0] == kind
    assert first[2] == "pica 4q" and second[2] == "corvo 3 rook"
