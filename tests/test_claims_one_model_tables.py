"""A table with no model column ("| Benchmark | Score |", "| Metric | Value |", "| Parameter | Value |", "| Provider |
Input ($/1M) | ...") under a heading, or right after a sentence, naming one model: its rows are that model's figures
(binding rule 1, `tables.one_model_table`). A context naming several models, or another one, binds nothing; a table
whose rows are models (a "Model" column, known names or not) is never the heading model's. Every name and figure is
invented for the tests (no source holds them), so nothing here is a fact."""

from __future__ import annotations

import pytest

from openpace.claims.resolve import Lexicon, norm_name

from claims_helpers import walk

LEX = Lexicon.from_names(
    models=[("src_a", "Orvo 3 Mini", "orvo-3-mini"), ("src_a", "Vessel 2 9B", None), ("src_b", "Tarn-5", None)],
    benchmarks=["Zorbench", "Quizmark"], providers=["Acme Cloud"],
)
TABLE = "| Benchmark | Score |\n|---|---|\n| Zorbench | 61.5 |\n| Quizmark (5-shot) | 72.3 |\n"


def claims(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, span, model key normalised or None) of every claim."""
    out = []
    for c in walk(text, LEX):
        model = next((norm_name(e.key) for e in c.entities if e.type == "model"), None)
        out.append((c.kind, c.sentence[c.start:c.end], model))
    return out


@pytest.mark.parametrize("context", [
    "## Orvo 3 Mini\n\n",                                          # a heading naming the model
    "# Launch notes\n\nSome words.\n\n## Orvo 3 Mini\n\n",          # a later section's heading
    "Orvo 3 Mini was tested on these:\n\n",                         # the sentence right before the table
    "# Orvo 3 Mini\n\nA small model.\n\n## Evaluation\n\n",         # the title; the section names no model
], ids=["heading", "section heading", "lead sentence", "title"])
def test_a_benchmark_score_table_is_the_model_its_context_names(context):
    assert claims(context + TABLE) == [("score", "61.5", "orvo 3 mini"), ("score", "72.3", "orvo 3 mini")]


def test_a_metric_value_table_gives_each_row_its_kind_and_the_model():
    text = ("## Orvo 3 Mini\n\n| Metric | Value |\n|---|---|\n| Zorbench | 41.5 |\n| Max tokens | 32K |\n"
            "| Parameters | 3B |\n| Input price | $0.50 |\n")
    got = claims(text)
    assert [(kind, span) for kind, span, _ in got] == [("score", "41.5"), ("context_window", "32K"),
                                                       ("parameters", "3B"), ("price", "$0.50")]
    assert {model for _, _, model in got} == {"orvo 3 mini"}


def test_a_provider_table_of_one_models_prices_under_typed_columns():
    text = ("## Orvo 3 Mini pricing\n\n| Provider | Input ($/1M) | Output ($/1M) |\n|---|---|---|\n"
            "| Acme Cloud | $0.50 | $1.50 |\n")
    assert claims(text) == [("price", "$0.50", "orvo 3 mini"), ("price", "$1.50", "orvo 3 mini")]


def test_a_shots_column_is_no_second_figure():
    text = "## Orvo 3 Mini\n\n| Benchmark | Shots | Score |\n|---|---|---|\n| Zorbench | 5 | 61.5 |\n"
    assert ("score", "61.5", "orvo 3 mini") in claims(text)


@pytest.mark.parametrize("text", [
    "## Orvo 3 Mini and Vessel 2 9B\n\n" + TABLE,                    # a heading naming two models
    "Orvo 3 Mini and Tarn-5 were tested on these:\n\n" + TABLE,      # a lead naming two
    "## Orvo 3 Mini\n\nCompared with Vessel 2 9B:\n\n" + TABLE,      # a lead naming another model
    "Some words about nothing.\n\n" + TABLE,                          # no model at all
], ids=["two in the heading", "two in the lead", "another in the lead", "no model"])
def test_a_context_naming_several_models_or_none_binds_no_row(text):
    assert [model for _, _, model in claims(text)] == [None, None]


@pytest.mark.parametrize("table", [
    "| Model | Zorbench |\n|---|---|\n| Foo-X | 61.5 |\n",               # a model column of unknown names
    "| | Zorbench |\n|---|---|\n| Foo-X | 61.5 |\n",                    # unnamed, its labels no benchmark or kind
    "| Quantization | Zorbench |\n|---|---|\n| 4-bit | 61.5 |\n",        # rows of settings
    "| Benchmark | Ours | Baseline |\n|---|---|---|\n| Zorbench | 61.5 | 50.2 |\n",  # two value columns
], ids=["model column", "unknown row names", "settings", "two value columns"])
def test_rows_that_are_not_the_heading_models_figures_bind_nothing(table):
    assert all(model is None for _, _, model in claims("## Orvo 3 Mini\n\n" + table))


def test_a_column_counting_another_thing_is_no_score():
    text = "## Orvo 3 Mini\n\n| Benchmark | # Questions | Score |\n|---|---|---|\n| Zorbench | 8,500 | 61.5 |\n"
    got = claims(text)
    assert ("score", "61.5", "orvo 3 mini") in got
    assert not any(kind == "score" and span == "8,500" for kind, span, _ in got)


HW_LEX = Lexicon.from_names(models=[("src_a", "Orvo 3 Mini", "orvo-3-mini"), ("src_b", "Tarn-5", None)],
                            hardware=["Q700", "Z900"])


def hardware_claims(text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, span, model key normalised or None, chip key) of the compute and hardware claims."""
    return [(c.kind, c.sentence[c.start:c.end], next((norm_name(e.key) for e in c.entities if e.type == "model"), None),
             c.params.get("hardware")) for c in walk(text, HW_LEX) if c.kind in ("training_compute", "training_hardware")]


@pytest.mark.parametrize("label", ["Total compute", "Training compute", "Total Compute", "Compute", "Training FLOPs",
                                   "Pre-training compute"])
@pytest.mark.parametrize("context", ["## Orvo 3 Mini\n\n", "# Orvo 3 Mini: training facts\n\n"])
def test_a_compute_row_of_a_one_model_table_is_the_models(context: str, label: str):
    text = context + f"| Metric | Value |\n|---|---|\n| {label} | 2.1 x 10^23 FLOPs |\n"
    assert hardware_claims(text) == [("training_compute", "2.1 x 10^23 FLOPs", "orvo 3 mini", None)]


@pytest.mark.parametrize("cell, span", [
    ("Q700-80GB GPUs (450W TDP)", "Q700-80GB GPUs"),
    ("Q700 GPUs", "Q700 GPUs"),
    ("NVIDIA Z900", "Z900"),
])
def test_a_hardware_row_of_a_one_model_table_is_its_training_hardware(cell: str, span: str):
    text = f"## Orvo 3 Mini\n\n| Spec | Detail |\n|---|---|\n| Model | Orvo 3 Mini |\n| Hardware | {cell} |\n"
    got = hardware_claims(text)
    assert [(k, s, m) for k, s, m, _ in got] == [("training_hardware", span, "orvo 3 mini")]
    assert got[0][3] in ("q700", "z900")


@pytest.mark.parametrize("table", [
    # a serving requirement, not the training run
    "| Spec | Detail |\n|---|---|\n| Minimum hardware | Q700 GPUs |\n",
    "| Spec | Detail |\n|---|---|\n| Inference hardware | Q700 GPUs |\n",
    # a row of several cells: the label types no cell of another header
    "| Spec | Small | Large |\n|---|---|---|\n| Hardware | Q700 | Z900 |\n",
])
def test_other_hardware_rows_claim_no_training_hardware(table: str):
    assert hardware_claims("## Orvo 3 Mini\n\n" + table) == []
