"""Column headers written as prose writes a name (case, separators, a variant word, a dated snapshot id, a
mode in parentheses) and benchmark names split by a space. Invented names (`Lexicon.from_names`); no figure
here is a fact."""

from __future__ import annotations

import pytest

from openpace.claims.resolve import Lexicon
from openpace.claims.tables import header_model

LEX = Lexicon.from_names(
    models=[("src_a", "Kestrel-3.7-8B-Instruct", None), ("src_a", "Kestrel-3.7-8B", None),
            ("src_b", "wren-2-9b-it", None), ("src_b", "wren-2-9b", None),
            ("src_c", "pica-4q-mini-2031-02-03", None), ("src_c", "pica-4q-mini", None)],
    benchmarks=["HellaSwag", "TriviaQA", "WinoGrande", "HumanEval", "MMLU-Pro", "MMLU"],
)


@pytest.mark.parametrize("header, key", [
    ("Kestrel-3.7-8B-instruct", "kestrel 3.7 8b instruct"),
    ("Wren-2-9b-It", "wren 2 9b instruct"),
    ("Pica-4q-mini-2031-02-03 (Chat)", "pica 4q mini 2031-02-03"),
    ("Pica-4q-mini (Chat)", "pica 4q mini"),
])
def test_a_header_names_its_model_as_prose_does(header: str, key: str):
    m = header_model(LEX, LEX.series, None, header)
    assert m is not None and m.key == key and m.names


def test_a_header_with_a_version_no_model_has_names_none():
    m = header_model(LEX, LEX.series, None, "Kestrel-3.9-8B-instruct")
    assert m is None or not m.names


@pytest.mark.parametrize("written, key", [("Hella Swag", "hellaswag"), ("Trivia QA", "triviaqa"),
                                          ("Wino Grande", "winogrande"), ("Human Eval", "humaneval")])
def test_a_benchmark_split_by_a_space_is_that_benchmark(written: str, key: str):
    [m] = LEX.find_others(f"Kestrel-3.7-8B scores 61.5 on {written}.", [])
    assert (m.text, m.key) == (written, key)


def test_a_split_never_joins_a_variant_word():
    [m] = LEX.find_others("Kestrel-3.7-8B scores 61.5 on MMLU Pro.", [])
    assert m.key == "mmlu pro"
