"""A table row whose model is written over two label cells (docs/claims.md, "Short labels"): a family cell
("<Family> N") and a size cell ("NB"), in either order, or a family cell and a variant cell ("Chat") name one
model together, the model of every cell of the row; the size cell only identifies the row and states no
parameter count in a table of scores (it stays one in a table of the models' facts); a family (or a whole model
name) written once and left blank, '"' or "–" in the rows below carries down to them when they name no model.

Every name and figure is invented (no source holds them): extraction runs on an in-memory vocabulary
(`Lexicon.from_names`), verdicts on a warehouse holding only the rows written below."""

from __future__ import annotations

from datetime import date

import pytest

from claims_helpers import walk
from identity_helpers import load
from openpace.claims import check_text
from openpace.claims.resolve import Lexicon
from openpace.sources.base import ModelFact, Score

ALIASES = {
    "tarn-4-3b": [("src_a", "Tarn 4 3B")], "tarn-4-12b": [("src_a", "Tarn 4 12B")],
    "tarn-4-12b-instruct": [("src_a", "Tarn-4-12B-it")],
    "tarn-5-20b": [("src_a", "Tarn 5 20B")],
    "quill-2": [("src_a", "Quill 2")], "quill-2-chat": [("src_a", "Quill 2 Chat")],
    "quill-2-mini": [("src_a", "Quill 2 Mini")],
}
LEX = Lexicon.from_names(
    models=[(s, n, None) for rows in ALIASES.values() for s, n in rows],
    benchmarks=["Zorbench", "Quizmark"],
    sized=[("tarn-4-3b", "3b", None), ("tarn-4-12b", "12b", None), ("tarn-4-12b-instruct", "12b", "instruct"),
           ("tarn-5-20b", "20b", None)],
    aliases=ALIASES)


def claims(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, span, the model's text) of every claim, as the checker walks the text."""
    return [(c.kind, c.span, next((e.text for e in c.entities if e.type == "model"), None)) for c in walk(text, LEX)]


def table(header: str, *rows: str) -> str:
    cols = header.count("|") - 1
    return "\n".join([header, "|" + "---|" * cols, *rows]) + "\n"


# ------------------------------------------------------------------ the two cells name the row's model
@pytest.mark.parametrize("text", [
    table("| Model | Size | Zorbench | Quizmark |", "| Tarn 4 | 3B | 41.5 | 30.1 |", "| Tarn 4 | 12B | 61.5 | 50.2 |"),
    table("| Family | Params | Zorbench | Quizmark |", "| **Tarn 4** | 3B | 41.5 | 30.1 |",
          "| **Tarn 4** | 12B | 61.5 | 50.2 |"),
    table("| Size | Model | Zorbench | Quizmark |", "| 3B | Tarn 4 | 41.5 | 30.1 |", "| 12B | Tarn 4 | 61.5 | 50.2 |"),
    # the family written once: the rows below leave it blank, or repeat it with a ditto mark or a dash
    table("| Model | Size | Zorbench | Quizmark |", "| Tarn 4 | 3B | 41.5 | 30.1 |", "| | 12B | 61.5 | 50.2 |"),
    table("| Model | Size | Zorbench | Quizmark |", "| Tarn 4 | 3B | 41.5 | 30.1 |", '| " | 12B | 61.5 | 50.2 |'),
    table("| Model | Size | Zorbench | Quizmark |", "| Tarn 4 | 3B | 41.5 | 30.1 |", "| – | 12B | 61.5 | 50.2 |"),
    table("| Model | Size | Zorbench | Quizmark |", "| Tarn 4 | 3B | 41.5 | 30.1 |", "| '' | 12B | 61.5 | 50.2 |"),
], ids=["series-size", "bold-series-params", "size-series", "blank-below", "ditto-below", "dash-below",
        "quotes-below"])
def test_a_row_label_over_two_cells_names_the_model_of_every_cell(text: str):
    assert claims(text) == [("score", "41.5", "Tarn 4 3B"), ("score", "30.1", "Tarn 4 3B"),
                            ("score", "61.5", "Tarn 4 12B"), ("score", "50.2", "Tarn 4 12B")]


def test_a_variant_cell_names_the_variant_of_the_family_cells_model():
    text = table("| Model | Variant | Zorbench |", "| Quill 2 | Chat | 41.5 |", "| Quill 2 | Mini | 38.0 |",
                 "| Tarn-4-12B | it | 61.5 |")
    assert claims(text) == [("score", "41.5", "Quill 2 Chat"), ("score", "38.0", "Quill 2 Mini"),
                            ("score", "61.5", "Tarn-4-12B it")]
    [claim] = [c for c in walk(text, LEX) if c.span == "61.5"]
    assert claim.entities[0].key == "tarn-4-12b-instruct"


def test_a_tuning_word_after_the_size_names_the_tuned_model_of_that_size():
    text = table("| Model | Size | Type | Zorbench |", "| Tarn 4 | 12B | Instruct | 61.5 |", "| Tarn 4 | 12B | Base | 58.0 |")
    found = [(c.span, c.entities[0].key) for c in walk(text, LEX)]
    assert found[0] == ("61.5", "tarn-4-12b-instruct"), found
    assert found[1][0] == "58.0" and "instruct" not in found[1][1], found


def test_a_size_shaped_cell_under_another_kind_is_no_size_label():
    # a figure shaped like a size ("1M", "3B") under "Context" or "Training tokens" is that column's figure, never a
    # size completing the family's name, even one the series has
    for header in ("Context", "Training tokens"):
        found = claims(table(f"| Model | {header} | Zorbench |", "| Tarn 4 | 3B | 41.5 |"))
        assert [c[2] for c in found if c[1] == "41.5"] != ["Tarn 4 3B"], (header, found)


def test_a_tier_word_is_a_variant_only_under_a_column_of_variants():
    # "Mini" under a "Notes" column is a note, not a tier: the row is the family cell's model
    text = table("| Model | Notes | Zorbench |", "| Quill 2 | Mini | 38.0 |")
    assert claims(text) == [("score", "38.0", "Quill 2")]


def test_a_benchmark_in_the_second_cell_is_what_the_row_measures():
    text = table("| Model | Benchmark | Score |", "| Quill 2 | Zorbench | 71.0 |")
    found = claims(text)
    assert [c[2] for c in found if c[1] == "71.0"] == ["Quill 2"], found


# ------------------------------------------------------------------ the size cell states no count of its own
def test_a_size_cell_identifying_a_row_of_scores_is_no_claim():
    text = table("| Model | Size | Zorbench |", "| Tarn 4 | 3B | 41.5 |", "| | 12B | 61.5 |", "| Tarn 5 | 20B | 70.5 |")
    found = claims(text)
    assert not [c for c in found if c[0] != "score"], found  # no parameter claim, no `other`
    assert [c[2] for c in found] == ["Tarn 4 3B", "Tarn 4 12B", "Tarn 5 20B"]


def test_a_size_cell_in_a_table_of_the_models_facts_stays_a_parameter_claim():
    text = table("| Model | Size | Zorbench | Context | Training tokens |", "| Tarn 4 | 3B | 41.5 | 8K | 2T |",
                 "| – | 12B | 61.5 | 32K | 6T |")
    found = claims(text)
    assert [(k, s) for k, s, _ in found if k == "parameters"] == [("parameters", "3B"), ("parameters", "12B")], found
    # every cell is the row's model: the series and its size
    assert {(s, m) for k, s, m in found} == {
        ("3B", "Tarn 4 3B"), ("41.5", "Tarn 4 3B"), ("8K", "Tarn 4 3B"), ("2T", "Tarn 4 3B"),
        ("12B", "Tarn 4 12B"), ("61.5", "Tarn 4 12B"), ("32K", "Tarn 4 12B"), ("6T", "Tarn 4 12B")}, found


@pytest.mark.parametrize("text", [
    # a column of exact counts beside the size cell: the size only identifies the row (its model named in a header,
    # in the heading, in the cell beside it, or nowhere the sources know)
    "## Tarn 4\n\n" + table("| Size | Tarn-Base-Alpha | Training Tokens | Parameters |",
                             "| 3B | checkpoint | 1.1T | 2,796,431,360 |", "| 12B | checkpoint | 1.1T | 6,890,209,280 |"),
    "## Tarn 4\n\n" + table("| Size | Training Tokens | # Params |", "| 3B | 1.1T | 2,796,431,360 |"),
    table("| Model | Size | Training Tokens | Parameters |", "| Tarn 4 | 3B | 1.1T | 2,796,431,360 |"),
    table("| Size | Vorlok-Base | Parameters |", "| 5B | weights | 5,012,004,864 |"),
    # a first cell of a size in a benchmark table, whatever model it names
    table("| Size | Zorbench | Quizmark |", "| 5B | 41.5 | 30.1 |"),
], ids=["header-model", "heading-model", "two-cell-label", "unknown-model", "scores-only"])
def test_a_size_cell_beside_a_column_of_exact_counts_states_no_count(text: str):
    found = claims(text)
    sizes = [c for c in found if c[1] in ("3B", "12B", "5B")]
    assert not sizes, found
    assert [c[1] for c in found if c[0] == "parameters"] == \
        [x for x in ("2,796,431,360", "6,890,209,280", "5,012,004,864") if x in text], found


def test_a_size_cell_with_no_column_of_counts_still_states_one():
    text = "## Tarn 4\n\n" + table("| Size | Training Tokens | Context |", "| 3B | 1.1T | 4K |")
    assert ("parameters", "3B", "3B") in claims(text)


# ------------------------------------------------------------------ what does not carry or compose
def test_a_family_carries_only_down_its_own_table():
    text = (table("| Model | Size | Zorbench |", "| Tarn 4 | 3B | 41.5 |") + "\nMore results.\n\n" +
            table("| Model | Size | Quizmark |", "| | 12B | 61.5 |"))
    found = claims(text)
    assert [c[2] for c in found if c[1] == "61.5"] == [None], found


def test_a_family_cell_that_composes_nothing_stops_the_carry():
    # "Quill 2" has no 12B model: its row names no two-cell model, and the blank row below carries no "Tarn 4"
    text = table("| Model | Size | Zorbench |", "| Tarn 4 | 3B | 41.5 |", "| Quill 2 | 12B | 50.5 |", "| | 12B | 61.5 |")
    found = claims(text)
    assert [c[2] for c in found if c[1] == "61.5"] == [None], found


def test_a_size_the_series_lacks_names_no_model():
    text = table("| Model | Size | Zorbench |", "| Tarn 4 | 7B | 41.5 |")
    found = claims(text)
    assert [c[2] for c in found if c[1] == "41.5"] != ["Tarn 4 7B"], found


def test_a_name_holding_its_size_keeps_its_own_row_rule():
    text = table("| Model | Size | Zorbench |", "| Tarn 4 12B | 12B | 61.5 |")
    assert claims(text) == [("score", "61.5", "Tarn 4 12B")]


# ------------------------------------------------------------------ a model written once, its cell merged below
@pytest.mark.parametrize("below", ["| | 5-shot | 63.5 |", '| " | 5-shot | 63.5 |', "| – | 5-shot | 63.5 |"],
                         ids=["blank", "ditto", "dash"])
def test_a_model_written_once_carries_down_to_rows_naming_none(below: str):
    text = table("| Model | Setting | Zorbench |", "| Quill 2 Chat | 0-shot | 61.5 |", below)
    assert claims(text) == [("score", "61.5", "Quill 2 Chat"), ("score", "63.5", "Quill 2 Chat")]


def test_a_model_carries_down_under_a_family_and_size_too():
    text = table("| Model | Size | Setting | Zorbench |", "| Tarn 4 | 12B | 0-shot | 61.5 |", "| | | 5-shot | 63.5 |")
    assert claims(text) == [("score", "61.5", "Tarn 4 12B"), ("score", "63.5", "Tarn 4 12B")]


def test_a_row_naming_its_own_model_under_a_blank_first_cell_is_its_own():
    # a merged category column: each row names its model in the second column; nothing carries past it
    text = table("| Category | Model | Zorbench |", "| Chat | Quill 2 Chat | 61.5 |", "| | Quill 2 | 50.5 |",
                 "| | Unknown thing | 44.0 |")
    assert claims(text) == [("score", "61.5", "Quill 2 Chat"), ("score", "50.5", "Quill 2"), ("score", "44.0", None)]


def test_a_first_cell_that_is_no_model_name_carries_nothing():
    text = table("| Model | Setting | Zorbench |", "| Quill 2 Chat (ours) | 0-shot | 61.5 |", "| | 5-shot | 63.5 |")
    assert [c[2] for c in claims(text) if c[1] == "63.5"] == [None]


# ------------------------------------------------------------------ verdicts
@pytest.fixture
def tarn_db(fresh_db):
    prov = dict(origin="test:constructed", observed=date(2026, 1, 1), license="test")
    load(fresh_db, [
        ModelFact(source="epoch_trends", name="Tarn 4 3B", parameters=3.1e9, **prov),
        ModelFact(source="epoch_trends", name="Tarn 4 12B", parameters=12.2e9, **prov),
        Score(source="epoch_benchmarks", model_name="Tarn 4 3B", benchmark="Zorbench", score=41.5, unit="percent",
              **prov),
        Score(source="epoch_benchmarks", model_name="Tarn 4 12B", benchmark="Zorbench", score=61.5, unit="percent",
              **prov),
    ])
    return fresh_db


def test_each_score_cell_is_checked_as_its_rows_model(tarn_db):
    text = "Results:\n\n" + table("| Model | Size | Zorbench |", "| Tarn 4 | 3B | 41.5 |", "| | 12B | 55.0 |")
    found = [(c["kind"], c["span"], c["verdict"]) for c in check_text(tarn_db, text)["claims"]]
    assert found == [("score", "41.5", "supported"), ("score", "55.0", "contradicted")], found
