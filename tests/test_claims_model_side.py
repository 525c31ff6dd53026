"""Model-side claims as launch posts and model cards write them: a token column in a table, a size in
parentheses after a model's name, typographic hyphens inside names, rivals' scores in parentheses, a
name written without the release version the sources record. Every sentence is written for the
test; each expected verdict names the mirror file and row it rests on."""

from __future__ import annotations

from pathlib import Path

import pytest

from openpace.claims import check_text
from openpace.warehouse import connect


@pytest.fixture(scope="module")
def con(full_mirror_db_file: Path):
    c = connect(full_mirror_db_file, read_only=True)
    yield c
    c.close()


def claims(con, text: str, kind: str | None = None) -> list[dict]:
    return [c for c in check_text(con, text)["claims"] if kind is None or c["kind"] == kind]


def test_a_token_column_is_a_training_token_count(con):
    # epoch/open-model-trends/all_ml_systems_2024-09-25.csv: Gemma 7B Training dataset size 6e12 (tokens,
    # its notes). "Pretraining size [tokens]" names a size *and* tokens: the unit decides, not "size"
    text = "| Model | Pretraining size [tokens] |\n|---|---|\n| Gemma 7B | 6T |\n| Gemma 7B | 9T |\n"
    got = claims(con, text)
    assert [(c["span"], c["kind"], c["verdict"]) for c in got] == [
        ("6T", "training_tokens", "supported"), ("9T", "training_tokens", "contradicted")]


def test_a_size_in_parentheses_describes_the_header_model(con):
    # epoch/benchmark-stitching/external_benchmark_mmlu.csv: Mixtral-8x7B-v0.1 70.6% and 70.5% (5-shot);
    # external_benchmark_gsm8k.csv: Mixtral-8x7B-v0.1 74.4%
    text = "| Benchmark | Mixtral 8x7B (46.7B) |\n|---|---|\n| MMLU | 70.6% |\n| GSM8K | 58.4% |\n"
    got = claims(con, text, "score")
    assert [(c["span"], c["verdict"]) for c in got] == [("70.6%", "supported"), ("58.4%", "contradicted")]
    assert all(c["entities"][0]["text"] == "Mixtral 8x7B (46.7B)" for c in got)


def test_a_size_in_parentheses_still_selects_a_series_model(con):
    # epoch/open-model-trends/benchmarks_with_model_accessibility.csv: Gemma 2 27B MMLU 0.752
    text = "| Benchmark | Gemma 2 (27B) |\n|---|---|\n| MMLU | 75.2 |\n"
    [claim] = claims(con, text, "score")
    assert claim["verdict"] == "supported"


def test_typographic_hyphens_inside_names(con):
    # epoch/open-model-trends/all_ml_systems_2024-09-25.csv: Qwen2-72B Parameters 72,710,000,000. The
    # names are written with non-breaking hyphens (U+2011), as some sites typeset them
    text = "Qwen2\u201172B (72.71 B total, 70.21 B non\u2011embedding)"
    got = claims(con, text)
    [params] = [c for c in got if c["kind"] == "parameters"]
    assert (params["span"], params["verdict"]) == ("72.71 B", "supported")
    assert params["sentence"] == text  # the claim keeps the sentence as written
    assert [c["kind"] for c in got if c["span"].startswith("70.21")] == ["other"]  # non-embedding: no total
    # the digits of hyphenated names are no figures
    assert claims(con, "It surpasses Llama\u20113\u201170B and Qwen1.5\u2011110B.") == []


def test_a_score_in_parentheses_after_a_rival(con):
    # epoch/open-model-trends/benchmarks_with_model_accessibility.csv: Mistral 7B MMLU 0.601, Llama 3 8B 0.684;
    # the benchmark is the previous sentence's only one
    text = "Gemma 7B scored 64.3% on MMLU. That beats Mistral 7B (60.1%) and trails Llama 3 8B (66.6%)."
    got = {c["span"]: c for c in claims(con, text, "score")}
    assert got["Mistral 7B (60.1%)"]["verdict"] == "supported"
    assert got["Llama 3 8B (66.6%)"]["verdict"] == "contradicted"
    assert got["Mistral 7B (60.1%)"]["entities"][1]["text"] == "MMLU"
    # with no benchmark in reach, a parenthesised percentage is no score
    assert claims(con, "Its share grew, like Mistral 7B (60.1%).", "score") == []


def test_a_name_without_its_one_release(con):
    # lmarena/leaderboard_table_20240109.csv ..: mixtral-8x7b-instruct-v0.1 MT-bench 8.30 — the only release
    # of Mixtral 8x7B Instruct the sources know
    [claim] = claims(con, "Mixtral 8x7B Instruct scored 8.30 on MT-Bench.", "score")
    assert claim["verdict"] == "supported"
    assert "one release" in claim["explanation"]
    # epoch/benchmark-stitching/model_versions.csv: Mistral-7B-v0.1 and Mistral-7B-v0.3 are both "Mistral 7B":
    # two releases, so the unversioned name stays as written (no GSM8K row is spelled "Mistral 7B")
    [claim] = claims(con, "Mistral 7B scored 35.4% on GSM8K.", "score")
    assert claim["verdict"] == "unverifiable"
