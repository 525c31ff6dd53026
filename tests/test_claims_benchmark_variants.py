"""A benchmark's variant is another benchmark (docs/claims.md, `resolve.py`; the rule's words in
`domain.benchmarks`: VARIANT_WORDS, VARIANT_AFTER, VARIANT_PRECEDING): "<B> Redux", "<B>-Pro", "<B> v2",
"<B>+", "Global <B>", "the STEM subset of <B>" match only rows a source names so, never the plain
benchmark's rows; a word naming how the score was taken ("(5-shot)", "(CoT)", "(EM)") changes nothing.

Benchmark names are invented (in memory: `Lexicon.from_names`), except the verdicts on the fixture mirror:
epoch/benchmark-stitching/external_benchmark_mmlu.csv, 'Claude 3.5 Sonnet (20241022)' claude-3-5-sonnet-20241022
MMLU 87.3% (Stanford CRFM Leaderboard)."""

from __future__ import annotations


import pytest

from openpace.claims import check_text
from openpace.claims.resolve import Lexicon
from openpace.domain.benchmarks import preceding_variant, qualified_key, variant_of

LEX = Lexicon.from_names(benchmarks=["QKBench", "QKBench Diamond", "Zeta-Eval", "Arena Quill"])


def _benchmarks(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.key) for m in LEX.find_others(text, []) if m.type == "benchmark"]


@pytest.mark.parametrize("text, written, key", [
    ("It scored 70 on Zeta-Eval Redux.", "Zeta-Eval Redux", "zeta eval redux"),
    ("It scored 70 on Zeta-Eval-Pro.", "Zeta-Eval-Pro", "zeta eval pro"),
    ("It scored 70 on Zeta-Eval-pro.", "Zeta-Eval-pro", "zeta eval pro"),  # any case after a hyphen
    ("It scored 70 on Zeta-Eval v2.", "Zeta-Eval v2", "zeta eval v2"),
    ("It scored 70 on Zeta-Eval+.", "Zeta-Eval+", "zeta eval+"),
    ("It scored 70 on Zeta-Eval (Lite).", "Zeta-Eval (Lite)", "zeta eval lite"),
    ("It scored 70 on Zeta-Eval Tier 1-3.", "Zeta-Eval Tier 1-3", "zeta eval tier 1 3"),
    ("It scored 70 on Global Zeta-Eval.", "Global Zeta-Eval", "global zeta eval"),
    ("It scored 70 on the Hard subset of Zeta-Eval.", "Hard subset of Zeta-Eval", "zeta eval hard subset"),
    ("It scored 70 on a subset of Zeta-Eval.", "subset of Zeta-Eval", "zeta eval subset"),
    # the vocabulary's own variant: the longest name wins, and a qualifier in parentheses finds it too
    ("It scored 70 on QKBench Diamond.", "QKBench Diamond", "qkbench diamond"),
    ("It scored 70 on QKBench (Diamond).", "QKBench (Diamond)", "qkbench diamond"),
])
def test_a_variant_is_its_own_benchmark(text: str, written: str, key: str):
    assert _benchmarks(text) == [(written, key)]


@pytest.mark.parametrize("text, written", [
    ("It scored 70 on Zeta-Eval (5-shot).", "Zeta-Eval (5-shot)"),
    ("It scored 70 on Zeta-Eval (5-shot, CoT).", "Zeta-Eval (5-shot, CoT)"),
    ("It scored 70 on Zeta-Eval (CoT).", "Zeta-Eval (CoT)"),
    ("It scored 70 on Zeta-Eval (EM).", "Zeta-Eval (EM)"),
    ("On Zeta-Eval plus QKBench, it scored 70.", "Zeta-Eval"),  # a lower-case "plus" joins two benchmarks
    ("Zeta-Eval Pro-level reasoning", "Zeta-Eval"),  # not a word of its own
])
def test_words_that_name_how_the_score_was_taken_change_nothing(text: str, written: str):
    assert _benchmarks(text)[0] == (written, "zeta eval")


def test_a_version_or_score_after_the_variant_is_no_part_of_it():
    # "Zeta-Eval Pro 71": the 71 is a score on Zeta-Eval Pro, not a name
    assert _benchmarks("Zeta-Eval Pro 71, QKBench 60") == [("Zeta-Eval Pro", "zeta eval pro"), ("QKBench", "qkbench")]


def test_a_variant_word_that_belongs_to_a_model_name_stays_the_models():
    # "Pro" after the benchmark is the start of a model's name the sentence already holds
    text = "On Zeta-Eval Pro Max 9 scored 70."
    start = text.index("Pro Max 9")
    assert [(m.text, m.key) for m in LEX.find_others(text, [(start, start + len("Pro Max 9"))])
            if m.type == "benchmark"] == [("Zeta-Eval", "zeta eval")]


def test_the_rule_in_the_domain_layer():
    assert variant_of("(Diamond)") == "diamond" and variant_of("(Lite, Pass@1)") == "lite"
    assert variant_of("(5-shot, CoT)") is None and variant_of("(EM)") is None
    assert qualified_key("Zeta Eval", "Verified") == "zeta eval verified"
    assert qualified_key("Zeta Eval", "Resolved") == "zeta eval"
    assert preceding_variant("On Global ") == (3, "global")
    assert preceding_variant("On global ") is None  # a capital: an adjective in prose is no name
    assert preceding_variant("On the STEM subset of ") == (7, "stem subset")
    assert preceding_variant("We ran ") is None


# ------------------------------------------------------------------ verdicts on the fixture mirror
def test_a_variant_row_in_a_table_is_never_checked_against_the_plain_benchmark(con):
    # the same figure under MMLU and under two variants: only the plain row is the plain benchmark's
    text = ("| Benchmark | Claude 3.5 Sonnet (20241022) |\n|---|---|\n"
            "| MMLU | 87.3 |\n| MMLU Redux | 60.0 |\n| MMLU-Pro | 60.0 |\n| MMLU (5-shot) | 87.3 |\n")
    claims = [c for c in check_text(con, text)["claims"] if c["kind"] == "score"]
    verdicts = [(next(e["text"] for e in c["entities"] if e["type"] == "benchmark"), c["verdict"]) for c in claims]
    assert verdicts == [("MMLU", "supported"), ("MMLU Redux", "unverifiable"), ("MMLU-Pro", "unverifiable"),
                        ("MMLU (5-shot)", "supported")], verdicts
    redux = claims[1]
    assert redux["evidence"] == [] and "MMLU's own rows are not its rows" in redux["explanation"], redux


def test_a_variant_in_prose_is_unverifiable_with_its_name(con):
    [claim] = [c for c in check_text(con, "Claude 3.5 Sonnet (20241022) scored 60% on MMLU Redux.")["claims"]
               if c["kind"] == "score"]
    assert claim["verdict"] == "unverifiable" and "no source has a MMLU Redux score" in claim["explanation"], claim
