"""A bare size standing for the one model of that size the text named (docs/claims.md, "A size as a name"):
"NB beats …", "providers offering NB" after "<Family> NB" name that model and are no figure
(`carry.size_names`); never with a unit, a range, a list or a measure's word around the size, never in a table row,
and never when the text named no model, or two, of that size. The names are invented (`Lexicon.from_names`: no
source holds them), so nothing here is a fact."""

from __future__ import annotations

import pytest

from claims_helpers import walk
from openpace.claims.resolve import Lexicon

LEX = Lexicon.from_names(
    models=[("src_a", "Kestrel 40B", "kestrel-40b"), ("src_a", "Kestrel 300B", "kestrel-300b"),
            ("src_a", "Owl 7B", "owl-7b"), ("src_a", "Heron 40B", "heron-40b")],
    benchmarks=["BenchQA"],
)


def claims(text: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(kind, span, [(entity text, key)]) of every claim."""
    return [(c.kind, c.span, [(e.text, e.key) for e in c.entities]) for c in walk(text, LEX)]


@pytest.mark.parametrize("sentence, kind", [
    ("300B scores 81 on BenchQA.", "score"),
    ("Several providers offering 300B charge $2 per million input tokens.", "price"),
])
def test_a_bare_size_names_the_one_model_of_that_size(sentence: str, kind: str):
    found = claims(f"Kestrel 300B is out. {sentence}")
    assert [k for k, _, _ in found] == [kind]  # and no figure of its own
    assert ("300B", "kestrel 300b") in found[0][2]


@pytest.mark.parametrize("sentence", [
    "A 300B model scores 81 on BenchQA.",
    "Models over 300B score 81 on BenchQA.",
    "Its 300B parameters score 81 on BenchQA.",
    "The 300B model scores 81 on BenchQA.",  # a size label (`labels.py`), read as before
    "The family spans 40B and 300B, with 81 on BenchQA.",
    "| Size | BenchQA |\n|---|---|\n| 300B | 81 |\n",
])
def test_a_size_with_a_measure_word_a_list_or_in_a_row_is_no_name(sentence: str):
    found = claims(f"Kestrel 300B is out.\n\n{sentence}")
    assert all(text != "300B" or key != "kestrel 300b" for _, _, es in found for text, key in es)


@pytest.mark.parametrize("text", [
    "Kestrel 40B and Heron 40B are out. 40B scores 70 on BenchQA.",  # two models of that size
    "Owl 7B is out. 300B scores 81 on BenchQA.",  # none of that size
])
def test_a_size_of_no_one_model_named_is_no_name(text: str):
    assert all(key not in ("kestrel 40b", "heron 40b", "kestrel 300b") or t not in ("40B", "300B")
               for _, _, es in claims(text) for t, key in es)


# a size labelling a line under a heading that names one generation (`carry.size_label`)
GEN_LEX = Lexicon.from_names(
    models=[("src_a", "Plover 2.5 12B", "plover-2.5-12b"), ("src_a", "Plover 2.5 90B", "plover-2.5-90b"),
            ("src_a", "Plover 3 90B", "plover-3-90b"), ("src_a", "Tern 4 90B", "tern-4-90b")],
    benchmarks=["BenchQA", "MathSet"],
)


def labelled(text: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    return [(c.kind, c.span, [(e.text, e.key) for e in c.entities]) for c in walk(text, GEN_LEX)]


@pytest.mark.parametrize("line", ["90B: BenchQA 81.5, MathSet 60", "- 90B: BenchQA 81.5, MathSet 60",
                                  "**90B**: BenchQA 81.5, MathSet 60"])
def test_a_size_labelling_a_line_under_a_generation_heading_names_that_member(line: str):
    found = labelled(f"## How Plover 2.5 scores\n\n{line}\n\n- 12B: BenchQA 70\n")
    owners = [[key for text, key in es if text.strip("*") in ("90B", "12B")] for _, _, es in found]
    assert [k for k, _, _ in found] == ["score", "score", "score"]
    assert owners == [["plover 2.5 90b"], ["plover 2.5 90b"], ["plover 2.5 12b"]]


@pytest.mark.parametrize("heading", [
    "## Scores",  # no generation above the line
    "## Plover 2.5 against Tern 4",  # two generations: the size names neither
    "## Plover 3",  # a generation with no member of another size: only its own 90B
])
def test_a_size_label_under_no_one_generation_names_nothing(heading: str):
    found = labelled(f"{heading}\n\n12B: BenchQA 81.5\n")
    assert all(text != "12B" for _, _, es in found for text, _ in es)


def test_a_size_label_in_prose_is_no_label():
    found = labelled("## Plover 2.5\n\nThe model has 90B: more than before, with BenchQA 81.5.\n")
    assert all(key != "plover 2.5 90b" for _, _, es in found for _, key in es)


# --- a size label the text uses as a name: "our NB model", "(NB, then <Family> MB)" -----------------------------
@pytest.mark.parametrize("text", [
    "# Notes\n\nWe reach a high throughput per GPU for our 13B model.",  # no model of that size in scope
    "# Notes\n\nOur 13B model is fast.",
    "# Notes\n\nTheir 13B version came out first.",
])
def test_a_possessive_size_label_naming_no_model_is_no_claim(text: str):
    assert [k for k, _, _ in claims(text) if k in ("parameters", "other")] == []


@pytest.mark.parametrize("text", [
    "The Heron line sits beside the smaller models (7B, then Heron 40B).",
    "The first releases (300B, followed by Owl 7B) came out together.",
])
def test_a_size_opening_a_sequence_of_models_is_a_name(text: str):
    assert [k for k, _, _ in claims(text) if k in ("parameters", "other")] == []


@pytest.mark.parametrize("text, n", [
    ("Quorra uses only 31B of its 220B parameters per token.", 2),  # a possessive before a count, no label
    ("Heron 40B has 40B parameters. Their other models (7B, 13B) are small.", 3),  # a size list, no sequence
])
def test_a_possessive_count_and_a_size_list_stay_figures(text: str, n: int):
    assert len([k for k, _, _ in claims(text) if k in ("parameters", "other")]) == n
