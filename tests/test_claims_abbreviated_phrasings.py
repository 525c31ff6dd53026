"""Abbreviated price sides, output and input limits in prose, and number words for quantities, on invented
names (`Lexicon.from_names`) and invented figures.

- "in"/"out" after a per-unit price name its side ("$A/M in · $B/M out", "$A in / $B out per million tokens",
  "in: $A, out: $B per MTok"); "<model>: $A/$B" with no unit is an input/output pair only where the line or its
  section names per-million prices;
- a generation word ("max output", "output limit", "can generate up to") makes an output limit, never a context
  window; "the input limit for X is N" a context window;
- "a million", "two million", "half a million" are quantities (`numbers.WORD_SCALE_RE`)."""

from __future__ import annotations

import pytest

from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Wren 2.5", "wren-2.5")])


def claims(text: str, kind: str) -> list[tuple[str, str, float, str]]:
    return [(c.span, c.entities[0].key if c.entities and c.entities[0] else "", c.params.get("value"),
             c.params.get("part") or c.params.get("attribute"))
            for c in walk(text, LEX) if c.kind == kind]


# ---------------------------------------------------------------- price sides written "in" / "out"
@pytest.mark.parametrize("text, expected", [
    ("Wren 2 costs $2.50/M in · $10.00/M out.", [("$2.50/M", 2.5, "input"), ("$10.00/M", 10.0, "output")]),
    ("Wren 2: $2.50 in / $10.00 out per million tokens.",
     [("$2.50", 2.5, "input"), ("$10.00 out per million tokens", 10.0, "output")]),
    ("Wren 2 is $2.50 in per million tokens and $10 out per million tokens.",
     [("$2.50 in per million tokens", 2.5, "input"), ("$10 out per million tokens", 10.0, "output")]),
    ("Wren 2 pricing: in: $2.50, out: $10.00 per million tokens.",
     [("$2.50", 2.5, "input"), ("$10.00 per million tokens", 10.0, "output")]),
    ("Wren 2 pricing — input: $2.50 / output: $10.00 per MTok.",
     [("$2.50", 2.5, "input"), ("$10.00 per MTok", 10.0, "output")]),
])
def test_in_and_out_name_a_prices_side(text: str, expected: list):
    assert [(s, v, p) for s, _, v, p in claims(text, "price")] == expected
    assert {k for _, k, _, _ in claims(text, "price")} == {"wren 2"}


def test_a_bare_pair_under_a_per_million_heading_is_input_and_output():
    text = "## Pricing per million tokens\n\n- Wren 2: $2.50/$10.00\n- Wren 2.5: $3/$15\n"
    assert claims(text, "price") == [("$2.50", "wren 2", 2.5, "input"), ("$10.00", "wren 2", 10.0, "output"),
                                     ("$3", "wren 2.5", 3.0, "input"), ("$15", "wren 2.5", 15.0, "output")]


@pytest.mark.parametrize("text", [
    "## Pricing\n\n- Wren 2: $2.50/$10.00\n",  # no per-million unit anywhere: no price per token
    "## Pricing\n\n- Wren 2: $2.50/$10.00 for the team plan\n",
    "Wren 2 was $2.50 in March.",  # "in" before a month is no side
])
def test_a_pair_or_side_word_without_a_per_million_context_is_no_price(text: str):
    assert not claims(text, "price")


# ---------------------------------------------------------------- output and input limits in prose
@pytest.mark.parametrize("text, span, value", [
    ("Wren 2 has a max output of 8,192 tokens.", "8,192", 8192.0),
    ("Wren 2 max output tokens: 8192.", "8192", 8192.0),
    ("Wren 2 can generate up to 8K tokens.", "up to 8K", 8000.0),
    ("The output limit for Wren 2 is 16K tokens.", "16K", 16000.0),
    ("Wren 2 can produce as many as 32,768 tokens in one response.", "32,768", 32768.0),
])
def test_an_output_limit_in_prose(text: str, span: str, value: float):
    assert claims(text, "output_limit") == [(span, "Wren 2", value, "output_limit")]
    assert not claims(text, "context_window")


def test_a_generation_word_never_makes_a_context_window():
    # the sentence says "context" for its first figure; the second is what the model generates
    text = "Wren 2 has a 128K context and can generate up to 8K tokens."
    assert claims(text, "context_window") == [("128K", "Wren 2", 128000.0, "context_window")]
    assert claims(text, "output_limit") == [("up to 8K", "Wren 2", 8000.0, "output_limit")]


@pytest.mark.parametrize("text", [
    "Wren 2 generates 50 tokens per second.",
    "Wren 2 writes up to 4,000 tokens per second.",  # a rate, not a limit
])
def test_a_generation_rate_is_no_output_limit(text: str):
    assert not claims(text, "output_limit") and not claims(text, "context_window")


def test_the_input_limit_is_a_context_window():
    assert claims("The input limit for Wren 2 is 128K tokens.", "context_window") == \
        [("128K", "Wren 2", 128000.0, "context_window")]


# ---------------------------------------------------------------- number words for quantities
@pytest.mark.parametrize("text, span, value", [
    ("Wren 2 has a context window of a million tokens.", "a million", 1e6),
    ("Wren 2 handles one million tokens of context.", "one million", 1e6),
    ("Wren 2 supports half a million tokens of context.", "half a million", 5e5),
    ("Wren 2 handles two million tokens of context.", "two million", 2e6),
])
def test_a_number_word_before_a_scale_word(text: str, span: str, value: float):
    assert claims(text, "context_window") == [(span, "Wren 2", value, "context_window")]



# ---------------------------------------------------------------- a model card's key-value lines and rows
CARD_ROWS = "# Wren 2\n\nWren 2 is a small model.\n\n| Key | Value |\n|---|---|\n" \
            "| Parameters | 1.1B |\n| Training tokens | 3T |\n| GPUs | 16 |\n| GPU hours | 120,000 |\n"
CARD_LINES = "# Wren 2\n\nWren 2 is a small model.\n\n" \
             "- Parameters: 1.1B\n- Training tokens: 3T\n- GPUs: 16\n- GPU hours: 120,000\n"


@pytest.mark.parametrize("text", [CARD_ROWS, CARD_LINES])
def test_a_label_types_the_value_after_it_for_the_texts_model(text: str):
    got = [(c.kind, c.span, c.params.get("attribute"), c.params.get("value"), c.entities[0].text)
           for c in walk(text, LEX) if c.kind in ("parameters", "training_tokens", "training_hardware")]
    assert got == [("parameters", "1.1B", "parameters_total", 1.1e9, "Wren 2"),
                   ("training_tokens", "3T", "training_tokens", 3e12, "Wren 2"),
                   ("training_hardware", "16", "hardware_quantity", 16.0, "Wren 2"),
                   ("training_hardware", "120,000", "gpu_hours", 120000.0, "Wren 2")]


@pytest.mark.parametrize("text", [
    "# Wren 2\n\nWren 2 is a small model.\n\n- Parameters: see the paper, about 40 of them\n",  # not right after it
    "# Wren 2\n\nWren 2 is a small model.\n\n- Parameters: 1,500\n",  # too small to be a parameter count
])
def test_a_label_types_only_a_plausible_value_right_after_it(text: str):
    assert not [c for c in walk(text, LEX) if c.kind == "parameters"]


@pytest.mark.parametrize("text", [
    "Wren 2 is a small model. We release an intermediate checkpoint at 105B tokens.",
    "Wren 2 is a small model. Its learning-rate warm-up runs over 20B tokens.",
    "Wren 2 is a small model. We save a snapshot every 50B tokens.",
])
def test_a_point_of_the_training_schedule_is_no_training_set(text: str):
    assert not [c for c in walk(text, LEX) if c.kind == "training_tokens"]
    # the training set itself still is one
    assert [c.params["value"] for c in walk("Wren 2 was trained on 3T tokens.", LEX)
            if c.kind == "training_tokens"] == [3e12]
