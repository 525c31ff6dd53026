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
