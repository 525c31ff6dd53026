"""Lists paired by "respectively" (binding rule 1a, docs/claims.md "Which model a figure belongs to"): the i-th figure
of a list belongs to the i-th model of the sentence's list of models (or is on the i-th benchmark, or the i-th side of
a price), each claim verified on its own; lists of different lengths bind nothing, never a guess. The names are
invented (`Lexicon.from_names`: no source holds them, so nothing here is a fact) except in the last test, whose rows
are named by file."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from openpace.claims import check_text
from openpace.claims.binding import Binder
from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(
    models=[("src_a", "Wren 2", None), ("src_a", "Owlet-7B", None), ("src_b", "Zephyrus-9", None)],
    benchmarks=["BenchQA", "MathX"],
)


@dataclass
class Named:
    """A stand-in for a model mention: the binder only reads where a name is."""

    text: str
    start: int
    end: int


def bound(sentence: str, names: tuple[str, ...], figure: str) -> str | None:
    named, pos = [], 0
    for name in names:
        at = sentence.index(name, pos)
        named.append(Named(name, at, at + len(name)))
        pos = at + len(name)
    at = sentence.index(figure)
    got = Binder(sentence, named).bind(at, at + len(figure))
    return got.text if got is not None else None


@pytest.mark.parametrize("sentence, names, pairs", [
    ("Kestrel Pro, Heron 5 and Ibis-2 score 70.1, 65.2 and 60.3 on BenchQA, respectively.",
     ("Kestrel Pro", "Heron 5", "Ibis-2"), [("70.1", "Kestrel Pro"), ("65.2", "Heron 5"), ("60.3", "Ibis-2")]),
    # the owners' list after the figures ("for A and B respectively"), not the first owner for both
    ("Scores of 70.1 and 65.2 on BenchQA for Kestrel Pro and Heron 5 respectively.", ("Kestrel Pro", "Heron 5"),
     [("70.1", "Kestrel Pro"), ("65.2", "Heron 5")]),
    # figures apart, each with its unit: still paired in order; a unit's own count ("per 1M") is no figure
    ("Kestrel Pro and Heron 5 cost $1 per 1M input tokens and $3 per 1M output tokens, respectively.",
     ("Kestrel Pro", "Heron 5"), [("$1", "Kestrel Pro"), ("$3", "Heron 5")]),
    # lists of different lengths: nothing is bound
    ("Kestrel Pro and Heron 5 score 70.1, 65.2 and 60.3 on BenchQA, respectively.", ("Kestrel Pro", "Heron 5"),
     [("70.1", None), ("65.2", None), ("60.3", None)]),
    # one model: "respectively" pairs the figures with something else, and the model is the subject's
    ("Kestrel Pro scores 70.1 and 65.2 on BenchQA and MathX, respectively.", ("Kestrel Pro",),
     [("70.1", "Kestrel Pro"), ("65.2", "Kestrel Pro")]),
])
def test_respectively_pairs_the_ith_figure_with_the_ith_model(sentence: str, names: tuple[str, ...], pairs: list):
    assert [(figure, bound(sentence, names, figure)) for figure, _ in pairs] == pairs


def claims(text: str) -> list[tuple[str, str, list[str]]]:
    """(kind, figure, entity keys) of every claim with a figure, as the checker walks the text."""
    return [(c.kind, c.sentence[c.figures[0][0]:c.figures[0][1]], [e.key for e in c.entities])
            for c in walk(text, LEX) if c.figures]


def test_a_list_of_scores_is_each_models_score_on_the_benchmark():
    assert claims("Wren 2, Owlet-7B and Zephyrus-9 score 70.1, 65.2 and 60.3 on BenchQA, respectively.") == [
        ("score", "70.1", ["wren 2", "benchqa"]), ("score", "65.2", ["owlet 7b", "benchqa"]),
        ("score", "60.3", ["zephyrus 9", "benchqa"])]


def test_a_list_of_context_windows_and_sizes_is_each_models():
    got = [(c.kind, c.entities[0].text) for c in walk(
        "Wren 2 and Owlet-7B have context windows of 8K and 32K respectively.", LEX)]
    assert got == [("context_window", "Wren 2"), ("context_window", "Owlet-7B")]
    got = [(c.kind, c.entities[0].text) for c in walk("Wren 2 and Owlet-7B have 7B and 40B parameters, respectively.", LEX)]
    assert got == [("parameters", "Wren 2"), ("parameters", "Owlet-7B")]


def test_a_list_of_prices_is_each_models_on_the_side_written():
    got = [(c.sentence[c.figures[0][0]:c.figures[0][1]], c.entities[0].key, c.params["part"])
           for c in walk("Wren 2 and Owlet-7B are priced at $1 and $3 per million input tokens, respectively.", LEX)]
    assert got == [("$1", "wren 2", "input"), ("$3", "owlet 7b", "input")]


def test_one_model_with_a_list_of_benchmarks_or_sides():
    assert claims("Wren 2 scores 70.1 and 65.2 on BenchQA and MathX, respectively.") == [
        ("score", "70.1", ["wren 2", "benchqa"]), ("score", "65.2", ["wren 2", "mathx"])]
    got = [(c.sentence[c.figures[0][0]:c.figures[0][1]], c.params["part"])
           for c in walk("Wren 2 costs $1 and $3 per million input and output tokens, respectively.", LEX)]
    assert got == [("$1", "input"), ("$3", "output")]


def test_lists_of_different_lengths_bind_no_model():
    got = claims("Wren 2 and Owlet-7B score 70.1, 65.2 and 60.3 on BenchQA, respectively.")
    assert [figure for _, figure, _ in got] == ["70.1", "65.2", "60.3"]
    assert not any(key in ("wren 2", "owlet 7b") for _, _, keys in got for key in keys)


def test_each_claim_of_a_list_is_verified_on_its_own(con):
    # tests/fixtures/mirror/lmarena/leaderboard_table_20231206.csv: MMLU 0.587 for WizardLM-30B, 0.581 for Tulu-30B
    result = check_text(con, "WizardLM-30B and Tulu-30B score 58.7% and 58.1% on MMLU, respectively.")
    got = [(c["span"], c["verdict"]) for c in result["claims"] if c["kind"] == "score"]
    assert [v for _, v in got] == ["supported", "supported"]
    models = [next(e["text"] for e in c["entities"] if e["type"] == "model") for c in result["claims"]
              if c["kind"] == "score"]
    assert models == ["WizardLM-30B", "Tulu-30B"]


def test_a_release_date_of_a_list_is_the_ith_models():
    # the first date of the list is the first model's, never the model named last before the verb
    got = [(c.kind, c.entities[0].key) for c in walk(
        "Wren 2 and Owlet-7B were released in March 2031 and June 2031, respectively.", LEX) if c.kind == "release_date"]
    assert got[:1] == [("release_date", "wren 2")]
