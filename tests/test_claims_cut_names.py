"""Names cut short or qualified as model cards write them: an instruct word cut to "Ins"/"Inst" after a size or
context tag, a setting left out in parentheses ("(w/o extended thinking)"), a benchmark's long name written with a
space left out ("BigBench Hard"), and a common word in lower case that a host appends after a model's size. The
vocabulary is invented (`Lexicon.from_names`): no figure or name here is a fact."""

from __future__ import annotations

import pytest

from openpace.claims.resolve import Lexicon
from openpace.claims.tables import header_model
from openpace.domain.model_names import normalize, parse_name

from claims_helpers import walk

LEX = Lexicon.from_names(
    models=[("src_a", "Kestrel-3.7-8B-Instruct", None), ("src_a", "Kestrel-3.7-8B", None),
            ("src_b", "Pica-2-mini-4k-instruct", None),
            ("src_a", "Wren 5", None), ("src_a", "Wren 5 (32k thinking)", None), ("src_b", "Wren 6 (no thinking)", None),
            ("src_b", "Wren 6 (16k thinking)", None),
            ("src_a", "Corvo 3 70B", None), ("src_c", "corvo-3-70b-reasoning", None),
            ("src_a", "Corvo 4 Rook 70B", None), ("src_a", "Corvo 4 70B", None)],
    benchmarks=["BenchQA", "BBH"],
)


@pytest.mark.parametrize("cut, full", [
    ("Nimbus-8B-Ins", "Nimbus-8B-Instruct"),
    ("Nimbus-8b-Inst", "nimbus-8b-instruct"),
    ("Nimbus-mini-4K-Ins", "Nimbus-mini-4k-instruct"),
    ("Nimbus 2 70B Inst", "Nimbus-2-70B-Instruct"),
])
def test_an_instruct_word_cut_short_after_a_size_is_the_instruct_variant(cut: str, full: str):
    assert parse_name(cut).variant == "instruct"
    assert normalize(cut) == normalize(full)


@pytest.mark.parametrize("name", ["Nimbus-Ins", "Insight-7B", "Nimbus Inst 7B"])
def test_ins_elsewhere_is_part_of_the_name(name: str):
    assert parse_name(name).variant is None


@pytest.mark.parametrize("header, key", [
    ("Kestrel-3.7-8B-Ins", "kestrel 3.7 8b instruct"),
    ("Pica-2-mini-4K-Ins", "pica 2 mini 4k instruct"),
])
def test_a_header_with_a_cut_instruct_word_names_the_instruct_model(header: str, key: str):
    m = header_model(LEX, LEX.series, None, header)
    assert m is not None and m.key == key and m.names


def test_a_table_of_cut_headers_binds_each_cell_to_its_model():
    text = "| Benchmark | Kestrel-3.7-8B-Ins | Pica-2-mini-4K-Inst |\n|---|---|---|\n| BenchQA | 61.2 | 55.4 |\n"
    got = [(c.entities[0].key, c.params.get("value")) for c in walk(text, LEX) if c.kind == "score"]
    assert got == [("kestrel 3.7 8b instruct", 61.2), ("pica 2 mini 4k instruct", 55.4)]


@pytest.mark.parametrize("header", ["Wren 5 (w/o extended thinking)", "Wren 5 (without thinking)",
                                    "Wren 5 (non-thinking)", "Wren 5 (no reasoning)"])
def test_a_header_without_thinking_names_the_model_run_without_a_thinking_setting(header: str):
    m = header_model(LEX, LEX.series, None, header)
    assert m is not None and m.key == "wren 5 no-thinking"
    assert ("src_a", "Wren 5") in m.names and ("src_a", "Wren 5 (32k thinking)") not in m.names


def test_a_header_without_thinking_takes_a_sources_no_thinking_run():
    m = header_model(LEX, LEX.series, None, "Wren 6 (w/o extended thinking)")
    assert m is not None and m.names == [("src_b", "Wren 6 (no thinking)")]


def test_a_header_without_another_setting_names_the_model():
    m = header_model(LEX, LEX.series, None, "Kestrel-3.7-8B (w/o tools)")
    assert m is not None and m.key == "kestrel 3.7 8b"


def test_a_table_column_without_thinking_keeps_its_model():
    text = "| Benchmark | Wren 5 (w/o extended thinking) | Wren 5 |\n|---|---|---|\n| BenchQA | 48.5 | 52.5 |\n"
    got = [(c.entities[0].key, c.params.get("value")) for c in walk(text, LEX) if c.kind == "score"]
    assert got == [("wren 5 no-thinking", 48.5), ("wren 5", 52.5)]


@pytest.mark.parametrize("written", ["BigBench Hard", "Big-Bench Hard", "BIG-Bench Hard", "BigBench-Hard",
                                     "Big Bench Hard"])
def test_big_bench_hard_written_any_way_is_bbh(written: str):
    [m] = [o for o in LEX.find_others(f"Kestrel-3.7-8B scores 44.1 on {written}.", []) if o.type == "benchmark"]
    assert (m.text, m.key) == (written, "bbh")


def test_a_common_word_after_a_models_size_is_no_tier():
    text = "Corvo 3 70B scores 60.5 on BenchQA. Closed models lead on complex reasoning (BenchQA: 61.0%)."
    keys = [[e.key for e in c.entities if e.type == "model"] for c in walk(text, LEX) if c.kind == "score"]
    assert keys[0] == ["corvo 3 70b"]
    assert "corvo 3 reasoning 70b" not in [k for ks in keys for k in ks]


def test_a_lower_case_tier_in_the_tier_place_still_names_its_member():
    text = "Corvo 4 70B scores 60.5 on BenchQA, while rook scores 58.0 on BenchQA."
    keys = [[e.key for e in c.entities if e.type == "model"] for c in walk(text, LEX) if c.kind == "score"]
    assert keys == [["corvo 4 70b"], ["corvo 4 rook 70b"]]


def test_a_capitalised_common_word_after_a_models_size_is_no_tier_either():
    text = "Corvo 3 70B scores 60.5 on BenchQA.\n\nReasoning (BenchQA): 61.0%.\n\nReasoning is strong: 61.0% on BenchQA."
    keys = [e.key for c in walk(text, LEX) for e in c.entities if e.type == "model"]
    assert "corvo 3 reasoning 70b" not in keys


def test_a_capitalised_tier_in_the_tier_place_still_names_its_member():
    text = "Corvo 4 70B scores 60.5 on BenchQA. Rook scores 58.0 on BenchQA."
    keys = [[e.key for e in c.entities if e.type == "model"] for c in walk(text, LEX) if c.kind == "score"]
    assert keys == [["corvo 4 70b"], ["corvo 4 rook 70b"]]


@pytest.mark.parametrize("written", ["Wren 5 (w/o extended thinking)", "Wren 5 (non-thinking)", "Wren 5 (no thinking)"])
def test_prose_without_thinking_names_the_model_run_without_a_thinking_setting(written: str):
    [m] = LEX.find_models(f"{written} scores 48.5 on BenchQA.", [])
    assert m.key == "wren 5 no-thinking"
    assert ("src_a", "Wren 5") in m.names and ("src_a", "Wren 5 (32k thinking)") not in m.names


def test_prose_without_another_setting_keeps_the_model():
    [m] = LEX.find_models("Wren 5 (without tools) scores 48.5 on BenchQA.", [])
    assert m.key == "wren 5"
