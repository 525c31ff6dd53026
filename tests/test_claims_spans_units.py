"""Spans, unit words and noise forms (docs/claims.md, "Unit words" and "Figures that are no claims"): a word between
a figure and its unit noun ("NB dense parameters"), an appositive restatement ("N billion (NB) parameter"), an
input window, a claim span ending at its own unit (a second figure with its own unit is a figure of its own),
sizes that describe other models, and training-recipe figures.

Every name and figure here is invented: extraction runs on an in-memory vocabulary (`Lexicon.from_names`)."""

from __future__ import annotations

import pytest

from openpace.claims.numbers import find_quantities
from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(
    models=[("src_a", "Quillon-7", None), ("src_a", "Varnix-2", None)],
    benchmarks=["Zorbench"],
    hardware=["Z900"],
)


def claims(text: str) -> list[tuple[str, str, dict]]:
    """(kind, span, params) of every claim in the text, as the checker walks it."""
    return [(c.kind, c.sentence[c.start:c.end], c.params) for c in walk(text, LEX)]


def holding(text: str, figure: str) -> list[tuple[str, str, dict]]:
    return [c for c in claims(text) if figure in c[1]]


# ------------------------------------------------------------------ a word between the figure and its unit
@pytest.mark.parametrize("text, figure, attribute, value", [
    ("Quillon-7 has 70B dense parameters.", "70B", "parameters_total", 70e9),
    ("Quillon-7 has 70B total parameters.", "70B", "parameters_total", 70e9),
    ("Quillon-7 has 70B trainable parameters.", "70B", "parameters_total", 70e9),
    ("Quillon-7 has 9B active parameters.", "9B", "parameters_active", 9e9),
    ("Quillon-7 is a 12 billion (12B) parameter language model.", "12 billion", "parameters_total", 12e9),
    ("Quillon-7 is a 12 billion-parameter large language model (LLM) with a 32K context window.", "12 billion",
     "parameters_total", 12e9),
    ("Quillon-7 is a 12B dense model, trained on 3T tokens.", "12B", "parameters_total", 12e9),
])
def test_a_named_modifier_between_figure_and_unit_keeps_the_unit(text: str, figure: str, attribute: str, value: float):
    held = holding(text, figure)
    assert [(k, p["attribute"], p["value"]) for k, _, p in held] == [("parameters", attribute, value)]


def test_a_non_embedding_count_is_a_parameter_claim_no_source_records():
    held = holding("Quillon-7 has 11.5B non-embedding parameters.", "11.5B")
    assert [(k, span, p["attribute"]) for k, span, p in held] == \
        [("parameters", "11.5B non-embedding parameters", "parameters_non_embedding")]


def test_an_appositive_restatement_is_one_figure():
    sentence = "Quillon-7 saw 2 trillion (2T) tokens in pre-training."
    quantities = find_quantities(sentence, [])
    assert [(q.text, q.value) for q in quantities] == [("2 trillion", 2e12)]
    assert sentence[quantities[0].start:quantities[0].end] == "2 trillion (2T)"
    held = holding(sentence, "2T")
    assert [(k, p["value"]) for k, _, p in held] == [("training_tokens", 2e12)]


@pytest.mark.parametrize("sentence", [
    "Quillon-7 scored 12 (out of 40) on Zorbench.",  # another value in parentheses: two figures
    "Quillon-7 has 12B (9B active) parameters.",
])
def test_a_parenthesis_holding_another_value_is_no_restatement(sentence: str):
    assert len(find_quantities(sentence, [])) == 2


# ------------------------------------------------------------------ an input window is a context window
@pytest.mark.parametrize("text, value", [
    ("Quillon-7 has a 32K token input window.", 32e3),
    ("Quillon-7 has a 32K-token input window.", 32e3),
    ("Quillon-7 has an input window of 32,000 tokens.", 32e3),
])
def test_an_input_window_is_a_context_window(text: str, value: float):
    held = [(k, p["value"]) for k, _, p in claims(text)]
    assert held == [("context_window", value)]
