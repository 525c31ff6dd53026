"""What a table's column or row header means (docs/claims.md, "Column headers"): a header about a maximum,
a context, a window or a sequence length types its cells as a context window, one about an output as an output
limit, and only one about training ("Training tokens", "Tokens (trained)", "Dataset size") as training tokens;
an architecture hyperparameter ("Hidden size", "Layers", "Heads", "Vocab size") is no claim; a "Size" cell
repeating the size its row's model name holds states nothing new; a table with no model column under a
heading naming a model is about that model.

Every name and figure is invented (no source holds them): extraction runs on an in-memory vocabulary
(`Lexicon.from_names`), no warehouse."""

from __future__ import annotations

import pytest

from claims_helpers import walk
from openpace.claims.patterns import column_kind
from openpace.claims.resolve import Lexicon

ALIASES = {
    "vessel-2-2b": [("src_a", "Vessel 2 2B")], "vessel-2-9b": [("src_a", "Vessel 2 9B")],
    "orvo-3": [("src_a", "Orvo 3")], "orvo-3-mini": [("src_a", "Orvo 3 Mini")],
}
LEX = Lexicon.from_names(
    models=[(s, n, None) for rows in ALIASES.values() for s, n in rows],
    benchmarks=["Zorbench", "Quizmark"],
    sized=[("vessel-2-2b", "2b", None), ("vessel-2-9b", "9b", None)],
    aliases=ALIASES)


def claims(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, span, the model's key) of every claim, as the checker walks the text."""
    return [(c.kind, c.span, c.entities[0].key if c.entities and c.entities[0].type == "model" else None)
            for c in walk(text, LEX)]


# ------------------------------------------------------------------ the header decides the cell's kind
@pytest.mark.parametrize("header, kind", [
    ("Max Tokens", "context"), ("Max tokens", "context"), ("Context", "context"), ("Context length", "context"),
    ("Sequence length", "context"), ("Max context", "context"), ("Input window", "context"),
    ("Max input tokens", "context"), ("Context window (tokens)", "context"),
    ("Max output", "output"), ("Output tokens", "output"), ("Max completion tokens", "output"),
    ("Max output (tokens)", "output"),
    ("Training tokens", "tokens"), ("Tokens (trained)", "tokens"), ("Pretraining tokens", "tokens"),
    ("Dataset size", "tokens"), ("Pretraining length", "tokens"),
    ("# of Pretrained Tokens", "tokens"), ("Token count", "tokens"), ("Number of tokens", "tokens"),
    ("Size", "params"), ("Params", "params"), ("Model size", "params"), ("Parameters (B)", "params"),
    ("GPU hours", "gpu_hours"), ("Active params", "active"), ("Active experts", "architecture"),
    ("Hidden size", "architecture"), ("Layers", "architecture"), ("Attention heads", "architecture"),
    ("Vocab size", "architecture"), ("d_model", "architecture"), ("KV heads", "architecture"),
    ("Sliding window", "architecture"), ("Batch size", "architecture"),
    ("Model", None), ("Zorbench", None), ("Notes", None),
])
def test_what_a_header_says_its_cells_are(header: str, kind: str | None):
    assert column_kind(header) == kind


def test_a_limit_column_is_no_training_set():
    text = ("| Model | Max Tokens | Sequence length | Input window | Max output | Training tokens |\n"
            "|---|---|---|---|---|---|\n"
            "| Orvo 3 | 32k | 8,192 | 64K | 4,096 | 2T |\n")
    assert claims(text) == [("context_window", "32k", "orvo-3"), ("context_window", "8,192", "orvo-3"),
                            ("context_window", "64K", "orvo-3"), ("output_limit", "4,096", "orvo-3"),
                            ("training_tokens", "2T", "orvo-3")]


def test_a_bare_tokens_column_is_a_training_set_only_at_its_scale():
    text = "| Model | Tokens |\n|---|---|\n| Orvo 3 | 2T |\n| Orvo 3 Mini | 32K |\n"
    found = claims(text)
    assert ("training_tokens", "2T", "orvo-3") in found, found
    assert not [c for c in found if c[1] == "32K" and c[0] == "training_tokens"], found


def test_a_row_label_types_the_cells_of_a_table_whose_columns_are_models():
    text = ("| | Vessel 2 2B | Vessel 2 9B |\n|---|---|---|\n"
            "| Max tokens | 8K | 32K |\n| Training tokens | 2T | 8T |\n")
    found = [(k, s) for k, s, _ in claims(text)]
    assert found == [("context_window", "8K"), ("context_window", "32K"),
                     ("training_tokens", "2T"), ("training_tokens", "8T")], found


def test_a_row_label_in_a_metric_value_table():
    text = "# Orvo 3\n\n| Metric | Value |\n|---|---|\n| Max tokens | 32K |\n| Max output | 4,096 |\n"
    assert [(k, s) for k, s, _ in claims(text)] == [("context_window", "32K"), ("output_limit", "4,096")]


def test_a_model_whose_name_holds_a_header_word_is_no_row_label():
    # "Mini" is no header word, but a model's name is never read as a row label: its cells keep their own header
    text = "| Model | Zorbench |\n|---|---|\n| Orvo 3 Mini | 61.5 |\n"
    assert claims(text) == [("score", "61.5", "orvo 3 mini")]


# ------------------------------------------------------------------ architecture hyperparameters claim nothing
def test_an_architecture_table_without_a_header_row_claims_only_what_the_sources_hold():
    text = ("# Orvo 3\n\nThe architecture of Orvo 3:\n\n| Hidden size | 4096 |\n| Layers | 32 |\n"
            "| Attention heads | 32 |\n| Vocab size | 32,000 |\n| Sequence length | 8,192 |\n| Parameters | 7B |\n")
    assert claims(text) == [("context_window", "8,192", "orvo-3"), ("parameters", "7B", "orvo-3")]


def test_architecture_rows_under_a_header_row_claim_nothing():
    text = ("# Orvo 3\n\n| Hyperparameter | Value |\n|---|---|\n| hidden size | 4096 |\n| layers | 32 |\n"
            "| heads | 32 |\n| vocab size | 32,000 |\n| training tokens | 2T |\n")
    assert claims(text) == [("training_tokens", "2T", "orvo-3")]


def test_architecture_rows_of_a_table_whose_columns_are_models_claim_nothing():
    text = ("| | Vessel 2 2B | Vessel 2 9B |\n|---|---|---|\n| d_model | 2304 | 3584 |\n| Layers | 26 | 42 |\n"
            "| Num heads | 8 | 16 |\n| Vocab size | 256128 | 256128 |\n| Training tokens | 2T | 8T |\n")
    assert [(k, s) for k, s, _ in claims(text)] == [("training_tokens", "2T"), ("training_tokens", "8T")]


def test_architecture_columns_claim_nothing():
    text = ("| Model | Params | Layers | Hidden size | Heads | Context |\n|---|---|---|---|---|---|\n"
            "| Orvo 3 | 7B | 32 | 4096 | 32 | 8K |\n")
    assert claims(text) == [("parameters", "7B", "orvo-3"), ("context_window", "8K", "orvo-3")]


# ------------------------------------------------------------------ a size column repeating the row's name
def test_a_size_cell_repeating_the_row_name_is_no_claim():
    text = ("| Model | Size | Zorbench |\n|---|---|---|\n| Vessel 2 9B | 9B | 61.5 |\n| Vessel-2-2B | 2B | 41.5 |\n"
            "| Orvo 3 | 7B | 50.1 |\n")
    found = claims(text)
    assert [c for c in found if c[0] == "parameters"] == [("parameters", "7B", "orvo-3")], found
    assert [c[1] for c in found if c[0] == "score"] == ["61.5", "41.5", "50.1"], found
    assert not [c for c in found if c[1] in ("9B", "2B")], found  # no `other` either


def test_a_size_cell_more_precise_than_the_name_is_a_claim():
    text = "| Model | Params |\n|---|---|\n| Vessel 2 9B | 9.24B |\n"
    assert claims(text) == [("parameters", "9.24B", "vessel-2-9b")]
