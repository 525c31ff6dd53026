"""Benchmark names as real tables and prose write them: a shot count after the name ("MMLU-5",
"HellaSwag (10-shot)"), a space or hyphen left out ("ArcChallenge"). The sentences and tables are
written for this test; expected verdicts rest on epoch/benchmark-stitching/external_benchmark_hellaswag.csv
(falcon-40b HellaSwag 85.3 and 82.8) and external_benchmark_winogrande.csv (falcon-40b WinoGrande 76.4, 76.9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from openpace.claims import check_text
from openpace.claims.resolve import benchmark_pattern
from openpace.claims.resolve import Lexicon
from openpace.domain.benchmarks import benchmark_key, measure_of, qualified_key
from openpace.warehouse import connect

NAMES = ["ARC-Challenge", "HellaSwag", "MMLU", "MMLU-Pro", "GSM8K", "Arena Elo"]


@pytest.mark.parametrize("text, written, key", [
    ("| Model | HellaSwag-10 |", "HellaSwag-10", "hellaswag"),
    ("It reached 70 on ArcChallenge today.", "ArcChallenge", "arc challenge"),
    ("MMLU (5-shot) is 70.", "MMLU (5-shot)", "mmlu"),
    ("MMLU (5-shot, CoT) is 70.", "MMLU (5-shot, CoT)", "mmlu"),
    ("GSM8K-8shot: 50", "GSM8K-8shot", "gsm8k"),
    ("MMLU-Pro rose.", "MMLU-Pro", "mmlu pro"),
])
def test_shot_counts_and_glued_words_are_part_of_the_name(text: str, written: str, key: str):
    pattern = benchmark_pattern(NAMES)
    assert pattern is not None
    [m] = list(pattern.finditer(text))
    assert m.group(0) == written
    # the glued spelling reaches its benchmark through the key without spaces (Lexicon.benchmark_key)
    assert benchmark_key(m.group("name")).replace(" ", "") == key.replace(" ", "")


@pytest.mark.parametrize("text", ["The MMLU-2024 split.", "MMLUX is another test.", "An Arena-Elo-like scale."])
def test_no_benchmark_inside_longer_words(text: str):
    pattern = benchmark_pattern(NAMES)
    assert pattern is not None and not list(pattern.finditer(text))


@pytest.fixture(scope="module")
def con(full_mirror_db_file: Path):
    c = connect(full_mirror_db_file, read_only=True)
    yield c
    c.close()


def test_a_glued_name_reaches_its_benchmark(con):
    [claim] = [c for c in check_text(con, "Falcon-40B scored 54.7 on ArcChallenge.")["claims"] if c["kind"] == "score"]
    assert claim["verdict"] == "supported", claim  # external_benchmark_arc_ai2.csv: falcon-40b ARC-Challenge 54.7


def test_table_headers_with_shot_counts_are_read_as_benchmarks(con):
    text = ("Results of our own runs:\n\n"
            "| Checkpoint | HellaSwag-10 | WinoGrande-5 |\n|---|---|---|\n| Falcon-40B | 85.3 | 70.0 |\n")
    claims = {c["span"]: c for c in check_text(con, text)["claims"]}
    assert {e["text"] for c in claims.values() for e in c["entities"] if e["type"] == "benchmark"} == \
        {"HellaSwag-10", "WinoGrande-5"}
    assert claims["85.3"]["kind"] == "score" and claims["85.3"]["verdict"] == "supported", claims["85.3"]
    assert claims["70.0"]["kind"] == "score" and claims["70.0"]["verdict"] == "contradicted", claims["70.0"]
    # the shot count is part of the header's name, never a figure of its own
    assert not [c for c in check_text(con, text)["claims"] if c["span"] in ("10", "5")]


# --------------------------------------------------------------- qualifiers after a benchmark's name
QUALIFIED = Lexicon.from_names(benchmarks=["QR8K", "Duelbench", "Duelbench (percentile)", "Codecraft",
                                           "SWE-bench Verified"])


@pytest.mark.parametrize("text, written, key", [
    ("| QR-8K (8-shot, CoT) | 70 |", "QR-8K (8-shot, CoT)", "qr8k"),  # a hyphen added between letters and digits
    ("| QR 8K (Pass@1) | 70 |", "QR 8K (Pass@1)", "qr8k"),  # a metric naming how it was taken: same benchmark
    ("| Codecraft (Resolved) | 70 |", "Codecraft (Resolved)", "codecraft"),
    ("| Codecraft (EM) | 70 |", "Codecraft (EM)", "codecraft"),
    ("| SWE Verified (Resolved) | 70 |", "SWE Verified (Resolved)", "swe bench verified"),  # the short name
    # a measure other than the score: its own key, never the plain benchmark's rows
    ("| Codecraft (Percentile) | 70 |", "Codecraft (Percentile)", "codecraft percentile"),
    ("| Codecraft (Rating) | 1700 |", "Codecraft (Rating)", "codecraft rating"),
    # a source's own name for the measure is that benchmark
    ("| Duelbench (Percentile) | 70 |", "Duelbench (Percentile)", "duelbench percentile"),
])
def test_a_qualifier_after_the_name_is_part_of_the_mention(text: str, written: str, key: str):
    [m] = [x for x in QUALIFIED.find_others(text, []) if x.type == "benchmark"]
    assert (m.text, m.key) == (written, key)


def test_a_parenthesised_figure_is_no_qualifier():
    [m] = [x for x in QUALIFIED.find_others("Codecraft (79.3) leads.", []) if x.type == "benchmark"]
    assert m.text == "Codecraft"


def test_a_measure_qualifier_matches_only_rows_of_that_measure():
    assert measure_of("Percentile") == "percentile" and measure_of("Rating") == "rating"
    assert measure_of("Pass@1") is None and measure_of("8-shot, CoT") is None and measure_of(None) is None
    assert qualified_key("Codecraft", "Percentile") != qualified_key("Codecraft", "Rating")
    assert qualified_key("Codecraft", "Resolved") == benchmark_key("Codecraft")


# --------------------------------------------------------------- an evaluation harness's task ids
# "<name>_<words>/<metric>": "_" where the name has a space or hyphen, the metric after a slash (invented names)
HARNESS = Lexicon.from_names(benchmarks=["Quill-Challenge", "Quill Easy", "Brindle", "Code Gauntlet", "QR8K", "Quill"])


@pytest.mark.parametrize("text, written, key", [
    ("| quill_challenge/acc | 0.41 |", "quill_challenge/acc", "quill challenge"),
    ("| quill_easy/acc_norm | 0.68 |", "quill_easy/acc_norm", "quill easy"),
    ("| brindle/acc | 0.77 |", "brindle/acc", "brindle"),
    ("| code_gauntlet/pass@1 | 0.33 |", "code_gauntlet/pass@1", "code gauntlet"),
    ("| qr_8k/exact_match | 0.52 |", "qr_8k/exact_match", "qr8k"),  # "_" where letters meet digits
    ("| brindle/em | 0.5 |", "brindle/em", "brindle"),
    ("| brindle/f1 | 0.5 |", "brindle/f1", "brindle"),
    ("On quill_challenge the run reached 0.41.", "quill_challenge", "quill challenge"),
    # a variant after "_" is the variant, never the plain benchmark
    ("| quill_hard/acc | 0.2 |", "quill_hard/acc", "quill hard"),
    # a metric that is no score of the benchmark stays in the key: it matches none of the score's rows
    ("| brindle/acc_stderr | 0.01 |", "brindle/acc_stderr", "brindle stderr"),
])
def test_a_harness_task_id_names_its_benchmark(text: str, written: str, key: str):
    [m] = [x for x in HARNESS.find_others(text, []) if x.type == "benchmark"]
    assert (m.text, m.key) == (written, key)


@pytest.mark.parametrize("text", ["See eval_brindle for details.", "The brindle_runs folder.",
                                  "The file brindle_v2_data.json."])
def test_an_underscore_word_around_a_name_is_no_benchmark(text: str):
    assert not [x for x in HARNESS.find_others(text, []) if x.type == "benchmark"]


def _harness_rows():
    from openpace.sources.base import Score
    from identity_helpers import PROV

    return [Score(source="epoch_benchmarks", model_name=model, benchmark=bench, score=value, **PROV)
            for model, bench, value in [("Tarrow-7", "Quill-Challenge", 41.0), ("Vosk-13", "Quill-Challenge", 45.0),
                                        ("Tarrow-7", "Quill Easy", 68.0), ("Vosk-13", "Quill Easy", 71.0),
                                        ("Tarrow-7", "Code Gauntlet", 33.0), ("Vosk-13", "Code Gauntlet", 29.0)]]


@pytest.fixture
def harness_wh(fresh_db):
    from identity_helpers import load

    load(fresh_db, _harness_rows())
    return fresh_db


def _scores(con, text: str) -> dict[str, tuple[str, str, str]]:
    """figure -> (kind, model, verdict) of every claim of the text."""
    return {c["span"]: (c["kind"], next((e["text"] for e in c["entities"] if e["type"] == "model"), ""), c["verdict"])
            for c in check_text(con, text)["claims"]}


def test_task_id_rows_under_model_columns_are_scores(harness_wh):
    text = ("| Task | Tarrow-7 | Vosk-13 |\n|---|---|---|\n| quill_challenge/acc | 0.41 | 0.48 |\n"
            "| quill_easy/acc_norm | 0.68 | 0.71 |\n| code_gauntlet/pass@1 | 0.33 | 0.29 |\n")
    got = _scores(harness_wh, text)
    assert got["0.41"] == ("score", "Tarrow-7", "supported")
    assert got["0.48"] == ("score", "Vosk-13", "contradicted")  # the source gives 45
    assert got["0.68"] == ("score", "Tarrow-7", "supported") and got["0.71"] == ("score", "Vosk-13", "supported")
    assert got["0.33"] == ("score", "Tarrow-7", "supported") and got["0.29"] == ("score", "Vosk-13", "supported")


def test_task_id_columns_beside_model_rows_are_scores(harness_wh):
    text = ("| Model | quill_challenge/acc_norm | quill_easy/acc |\n|---|---|---|\n| Tarrow-7 | 41.0 | 68.0 |\n"
            "| Vosk-13 | 45.0 | 60.0 |\n")
    got = _scores(harness_wh, text)
    assert got["41.0"] == ("score", "Tarrow-7", "supported") and got["45.0"] == ("score", "Vosk-13", "supported")
    assert got["68.0"] == ("score", "Tarrow-7", "supported") and got["60.0"] == ("score", "Vosk-13", "contradicted")


def test_a_standard_error_row_is_never_judged_as_the_score(harness_wh):
    text = "| Task | Tarrow-7 |\n|---|---|\n| quill_challenge/acc | 0.41 |\n| quill_challenge/acc_stderr | 0.02 |\n"
    got = _scores(harness_wh, text)
    assert got["0.41"] == ("score", "Tarrow-7", "supported")
    assert got["0.02"][2] == "unverifiable"
