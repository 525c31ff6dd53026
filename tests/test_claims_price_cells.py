"""Price cells and sentences holding several prices: each figure takes its side (input / output) and its tier
from the nearest label before it ("Input: $A / Output: $B"; a side written after the figure, "$A input, $B
output", still wins), and a context-length tier label ("≤NK tokens:", ">NK tokens:", "prompts up to NK", "for
prompts over NK") holds for the figures after it: the at-most tier is the ordinary price, the above tier a
long-prompt price checked against the catalogues that keep one (genai-prices' tiered prices, models.dev's
context tiers), and the threshold itself is no claim. Model names and figures in the extraction tests are
invented; the verdict tests name the fixture file each expectation rests on."""

from __future__ import annotations

import pytest

from openpace.claims import check_text
from openpace.claims.patterns import context_labels, context_threshold, price_tier
from openpace.claims.resolve import Lexicon
from openpace.sources import genai_prices, models_dev

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Heron-3", "heron-3"),
                                 ("src_a", "Kite-70B", "kite-70b")])


def prices(text: str) -> list[tuple[str, float, str, str | None, int | None]]:
    return [(c.entities[0].text if c.entities and c.entities[0] is not None else None, c.params["value"], c.params["part"],
             c.params.get("tier"), c.params.get("threshold")) for c in walk(text, LEX) if c.kind == "price"]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(c.sentence[c.start:c.end], c.kind) for c in walk(text, LEX)]


# ------------------------------------------------------------------ the labels themselves
@pytest.mark.parametrize("words, above, threshold", [
    ("> 200K tokens", True, 200_000), ("≥128K", True, 128_000), ("prompts longer than 128k", True, 128_000),
    ("for inputs over 1M tokens", True, 1_000_000), ("over 272K tokens: $9", True, 272_000),
    ("≤ 200K tokens", False, None), ("<=128k", False, None), ("for prompts up to 200K tokens", False, None),
    ("prompts up to 64K tokens cost $1", False, None), ("up to 32K tokens: $1", False, None),
])
def test_a_context_tier_label_and_its_threshold(words, above, threshold):
    [label] = context_labels(words)
    assert bool(label.group("above")) is above
    assert context_threshold(words) == threshold
    assert (price_tier(words) == "long_context") is above


@pytest.mark.parametrize("words", [
    "a context window of up to 200K tokens", "accepts prompts up to 200K tokens and", "supports over 100K tokens and",
    "Wren 2 (up to 128K tokens)", "a 1M context",
])
def test_a_context_window_wording_is_no_tier_label(words):
    assert context_labels(words) == [] and price_tier(words) is None


# ------------------------------------------------------------------ extraction (invented names and figures)
def test_one_cell_with_both_context_tiers_gives_the_ordinary_and_the_long_prompt_prices():
    text = ("| Model | Price |\n|---|---|\n"
            "| Wren 2 | ≤300K tokens: $7 / $19 per MTok; >300K tokens: $14 / $29 per MTok |\n")
    assert prices(text) == [("Wren 2", 7.0, "input", None, None), ("Wren 2", 19.0, "output", None, None),
                            ("Wren 2", 14.0, "input", "long_context", 300_000),
                            ("Wren 2", 29.0, "output", "long_context", 300_000)]
    # the thresholds are no claims of their own
    assert [k for _, k in kinds(text)] == ["price"] * 4


def test_labelled_sides_in_one_cell_take_the_label_before_each_figure():
    text = "| Model | Price |\n|---|---|\n| Heron-3 | Input: $1.70/MTok, Output: $6.80/MTok |\n"
    assert [(v, p) for _, v, p, _, _ in prices(text)] == [(1.7, "input"), (6.8, "output")]
    # a side written after each figure still wins over the label before it
    text = "| Model | Price |\n|---|---|\n| Heron-3 | $1.70/MTok input, $6.80/MTok output |\n"
    assert [(v, p) for _, v, p, _, _ in prices(text)] == [(1.7, "input"), (6.8, "output")]


def test_sides_after_each_figure_and_tier_labels_before_them_in_one_cell():
    text = ("| Model | Price |\n|---|---|\n"
            "| Kite-70B | ≤64K: $0.40/MTok input, $1.60/MTok output; >64K: $0.80/MTok input, $3.20/MTok output |\n")
    assert [(v, p, t, n) for _, v, p, t, n in prices(text)] == [
        (0.4, "input", None, None), (1.6, "output", None, None),
        (0.8, "input", "long_context", 64_000), (3.2, "output", "long_context", 64_000)]


def test_a_long_prompt_column_header_types_its_cells():
    text = ("| Model | Input ($/MTok) | Input, prompts > 96K tokens ($/MTok) |\n|---|---|---|\n"
            "| Wren 2 | $2 | $4 |\n")
    assert [(v, t) for _, v, _, t, _ in prices(text)] == [(2.0, None), (4.0, "long_context")]


def test_context_tiers_in_prose():
    text = ("For Kite-70B, prompts up to 64K tokens cost $0.40 per million input tokens and $1.60 per million output "
            "tokens; over 64K tokens: $0.80 input / $3.20 output per million tokens.")
    assert prices(text) == [("Kite-70B", 0.4, "input", None, None), ("Kite-70B", 1.6, "output", None, None),
                            ("Kite-70B", 0.8, "input", "long_context", 64_000),
                            ("Kite-70B", 3.2, "output", "long_context", 64_000)]
    assert [k for _, k in kinds(text)] == ["price"] * 4
    text = ("Heron-3 costs $1.70 per million input tokens for prompts up to 96K tokens and $3.40 per million input "
            "tokens for prompts longer than 96K tokens.")
    assert [(v, t, n) for _, v, _, t, n in prices(text)] == [(1.7, None, None), (3.4, "long_context", 96_000)]
    assert [k for _, k in kinds(text)] == ["price"] * 2


def test_a_context_window_beside_a_price_is_not_taken_for_a_threshold():
    text = "Wren 2 accepts prompts up to 96K tokens and costs $2 per million input tokens."
    assert prices(text) == [("Wren 2", 2.0, "input", None, None)]
    assert any("96K" in span and kind != "price" for span, kind in kinds(text))  # the 96K stays a figure of its own


# ------------------------------------------------------------------ loaders (invented entries)
def test_genai_prices_keeps_its_tiered_prices_in_raw():
    raw = {"prices": {"input_mtok": {"base": 4, "tiers": [{"start": 300000, "price": 8}]},
                      "output_mtok": {"base": 16, "tiers": [{"start": 300000, "price": 24}]}, "cache_read_mtok": 0.4}}
    assert genai_prices.context_tiers(raw) == [(300_000, 8.0, 24.0)]
    assert genai_prices.context_tiers({"prices": {"input_mtok": 4, "output_mtok": 16}}) == []


def test_models_dev_keeps_its_context_tiers_in_raw():
    raw = {"cost": {"input": 4, "output": 16, "tiers": [{"input": 8, "output": 24, "tier": {"size": 300000, "type": "context"}},
                                                         {"input": 1, "output": 1, "tier": {"size": 5, "type": "other"}}]}}
    assert models_dev.context_tiers(raw) == [(300_000, 8.0, 24.0)]
    assert models_dev.context_tiers({"cost": {"input": 4, "output": 16, "context_over_200k": {"input": 8, "output": 24}}}) \
        == [(200_000, 8.0, 24.0)]


# ------------------------------------------------------------------ against the fixture warehouse
def by_span(con, text: str) -> dict[str, dict]:
    return {c["span"]: c for c in check_text(con, text)["claims"]}


def test_both_context_tiers_of_one_cell_are_checked(con):
    # genai-prices/data.json google gemini-2.5-pro: input_mtok {base 1.25, tiers [{start 200000, price 2.5}]},
    # output_mtok {base 10, tiers [{start 200000, price 15}]}
    text = ("| Model | Price |\n|---|---|\n"
            "| Gemini 2.5 Pro | ≤200K tokens: $1.25 / $10 per MTok; >200K tokens: $2.50 / $15 per MTok |\n")
    got = check_text(con, text)["claims"]
    assert [(c["span"], c["verdict"]) for c in got] == [
        ("$1.25", "supported"), ("$10 per MTok", "supported"), ("$2.50", "supported"), ("$15 per MTok", "supported")], got
    assert "long-prompt (above 200,000 tokens) input price 2.5" in got[2]["explanation"], got[2]
    # the ordinary output price (10) is no long-prompt price
    c = by_span(con, "| Model | Price |\n|---|---|\n| Gemini 2.5 Pro | >200K tokens: $2.50 / $10 per MTok |\n")["$10 per MTok"]
    assert c["verdict"] == "contradicted" and "long-prompt" in c["explanation"], c


def test_a_long_prompt_price_at_a_threshold_no_source_gives_is_unverifiable(con):
    # same file: gemini-2.5-pro's tier starts at 200000; none at 128K
    c = by_span(con, "| Model | Price |\n|---|---|\n| Gemini 2.5 Pro | >128K tokens: $2.50 / $15 per MTok |\n")["$2.50"]
    assert c["verdict"] == "unverifiable" and "above 128,000 tokens" in c["explanation"] \
        and "ordinary price is not compared" in c["explanation"], c


def test_labelled_sides_in_one_cell_are_checked_on_their_own_side(con):
    # litellm/model_prices_2026-11-20_litellm-1.110.2.json gpt-4o: input 2.5e-06, output 1e-05 per token
    got = by_span(con, "| Model | Price |\n|---|---|\n| GPT-4o | Input: $2.50/MTok, Output: $10/MTok |\n")
    assert [(s, c["verdict"]) for s, c in got.items()] == [("$2.50/MTok", "supported"), ("$10/MTok", "supported")], got


@pytest.mark.parametrize("gap", [" ", "; ", ", "])
def test_a_tier_label_opening_the_next_figures_is_not_the_previous_figures(gap: str):
    # "... Output $B / 1M >NK tokens: Input $C": the label ends in a colon, so it is the tier of what follows it
    # (`patterns.opening_label_cut`); $B stays the ordinary output price
    text = ("| Model | Price |\n|---|---|\n"
            f"| Wren 2 | ≤300K tokens: Input $7 / 1M, Output $19 / 1M{gap}>300K tokens: Input $14 / 1M, "
            "Output $29 / 1M |\n")
    assert [(v, p, t) for _, v, p, t, _ in prices(text)] == [
        (7.0, "input", None), (19.0, "output", None), (14.0, "input", "long_context"), (29.0, "output", "long_context")]


def test_a_tier_label_after_a_figure_without_a_colon_is_still_its_own():
    text = "| Model | Price |\n|---|---|\n| Wren 2 | $14 / 1M input (>300K tokens) |\n"
    assert [(v, t) for _, v, _, t, _ in prices(text)] == [(14.0, "long_context")]


# ------------------------------------------------------------------ a unit a section's lead states (carry.section_unit)
SIDES_TABLE = "| Model | Input | Output |\n|---|---|---|\n| Wren 2 | $7 | $19 |\n| Heron-3 | $0.40 | $1.60 |\n"


@pytest.mark.parametrize("lead", [
    "Prices in USD per million tokens (input/output):\n\nLarge models:\n\n",  # a sub-label between lead and table
    "## Pricing (per 1M tokens)\n\nLarge models:\n\n",  # a heading stating the unit
])
def test_a_unit_the_section_states_holds_for_its_tables_past_a_sub_label(lead: str):
    assert [(m, v, p) for m, v, p, _, _ in prices(lead + SIDES_TABLE)] == [
        ("Wren 2", 7.0, "input"), ("Wren 2", 19.0, "output"), ("Heron-3", 0.4, "input"), ("Heron-3", 1.6, "output")]


@pytest.mark.parametrize("lead", [
    "The price per million tokens can mislead.\n\nLarge models:\n\n",  # talks about the unit, states none for a table
    "Wren 2 costs $7 per million input tokens.\n\nLarge models:\n\n",  # a price, not the section's unit
    "Prices in USD per million tokens (input/output):\n\n## Another section\n\nLarge models:\n\n",  # a new section
])
def test_no_unit_carries_from_a_sentence_that_states_none_or_from_another_section(lead: str):
    table = [p for p in prices(lead + SIDES_TABLE) if p[0] in ("Heron-3",)]
    assert table == [], table
