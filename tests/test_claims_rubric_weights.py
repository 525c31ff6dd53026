"""A rubric's weights are no claims (`patterns.RUBRIC_WEIGHT`, `rubric_weight_spans`): a percentage in parentheses
right after a criterion of plain words — in a list of two or more, or a capitalised criterion opening its line —
says how much the criterion counts in a scoring method. A criterion that is a benchmark, a model named in the
sentence, or a score verb keeps the figure. Invented names only (`Lexicon.from_names`)."""

from __future__ import annotations

import pytest

from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Owlet-7B", "owlet-7b")],
                         benchmarks=["MMLU", "Winogrande"])


def figures(text: str) -> list[str]:
    return [c.sentence[c.start:c.end] for c in walk(text, LEX)]


@pytest.mark.parametrize("text", [
    "We weigh each model on four criteria: Quality (40%), Speed (30%), Cost (20%) and Ease of use (10%).",
    "Our method weights accuracy (50%), latency (25%) and price (25%).",
    "The overall grade mixes Helpfulness (60%) and Safety (40%).",
    "- Quality (40%): how good the answers are",
    "1. **Value for money (20%)** — what a task costs",
])
def test_a_rubrics_weights_are_no_claims(text: str):
    assert figures(text) == []


@pytest.mark.parametrize("text", [
    "On Winogrande (85%), it leads.",  # a benchmark before the parentheses: a score
    "Wren 2 scores well on Reasoning (85%).",  # a model and a score verb in the sentence
    "Scores: Owlet-7B hits Math (60%), Code (70%).",
    "Adoption grew (40%) last year.",  # one capitalised word that opens no line of a list
    "The discount is large (40%).",
])
def test_a_percentage_after_a_benchmark_a_model_or_in_running_text_is_kept(text: str):
    assert any("%" in f for f in figures(text))
