"""Model-side claims as launch posts and model cards write them: a token column in a table, a size in
parentheses after a model's name, typographic hyphens inside names, rivals' scores in parentheses, a
family's first word standing for the one model of it the text named, "up to" before a context window,
open weights as launch posts state them. Every sentence is written for the test; each expected
verdict names the mirror file and row it rests on."""

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
    # epoch/benchmark-stitching/external_benchmark_mmlu.csv: gemma-7b 64.3% (Gemma report), 66.1% (HELM), 63.6%;
    # external_benchmark_hellaswag.csv: gemma-7b 82.2%, 81.2%. Gemma has no 8.5B model: the size only describes
    text = "| Benchmark | Gemma 7B (8.5B) |\n|---|---|\n| MMLU | 64.3% |\n| HellaSwag | 90.0% |\n"
    got = claims(con, text, "score")
    assert [(c["span"], c["verdict"]) for c in got] == [("64.3%", "supported"), ("90.0%", "contradicted")]
    assert all(c["entities"][0]["text"] == "Gemma 7B (8.5B)" for c in got)


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
    [params] = [c for c in got if c["kind"] == "parameters" and not c["span"].startswith("70.21")]
    assert (params["span"], params["verdict"]) == ("72.71 B", "supported")
    assert params["sentence"] == text  # the claim keeps the sentence as written
    # non-embedding: a parameter count no source records, never checked against the total
    assert [(c["kind"], c["verdict"]) for c in got if c["span"].startswith("70.21")] == [("parameters", "unverifiable")]
    # the digits of hyphenated names are no figures
    assert claims(con, "It surpasses Llama\u20113\u201170B and Qwen1.5\u2011110B.") == []


def test_a_score_in_parentheses_after_a_rival(con):
    # epoch/open-model-trends/benchmarks_with_model_accessibility.csv: Mistral 7B MMLU 0.601, Falcon 180B 0.705;
    # the benchmark is the previous sentence's only one
    text = "Gemma 7B scored 64.3% on MMLU. That beats Mistral 7B (60.1%) and Falcon 180B (60.0%)."
    got = {c["span"]: c for c in claims(con, text, "score")}
    assert got["Mistral 7B (60.1%)"]["verdict"] == "supported"
    assert got["Falcon 180B (60.0%)"]["verdict"] == "contradicted"
    assert got["Mistral 7B (60.1%)"]["entities"][1]["text"] == "MMLU"
    # with no benchmark in reach, a parenthesised percentage is no score
    assert claims(con, "Its share grew, like Mistral 7B (60.1%).", "score") == []


def test_a_family_word_alone_is_the_one_model_the_text_named(con):
    # epoch/open-model-trends/all_ml_systems_2024-09-25.csv: Mixtral 8x7B Parameters 4.67e10, its notes
    # "12.9B params used on average" (the parameters a token uses: the active count)
    text = ("Mixtral 8x7B came out in December. Mixtral has 45 billion parameters but uses only 12.9 billion "
            "parameters per token.")
    got = claims(con, text, "parameters")
    assert [(c["verdict"], c["entities"][0]["resolved"]) for c in got] == [
        ("contradicted", "mixtral-8x7b"), ("supported", "mixtral-8x7b")]
    assert "active" in got[1]["explanation"]
    # two models of the family named: the word alone means neither
    text = "Mixtral 8x7B and Mixtral 8x22B came out. Mixtral has 45 billion parameters."
    assert [c["entities"] for c in claims(con, text, "parameters")] == [[]]
    # a name token right after it: another model the text has not named, not a short name
    text = "Mixtral 8x7B came out. Mixtral 8x15B has 45 billion parameters."
    assert all(c["entities"] == [] or c["entities"][0]["resolved"] != "mixtral-8x7b"
               for c in claims(con, text, "parameters"))


def test_up_to_before_a_context_window_states_the_window(con):
    # litellm/model_prices_*.json: the Qwen2 instruct models served by deepinfra, fireworks_ai and together_ai at
    # 32768 in every map, none 128K. Third-party hosts' caps never contradict a model's window (docs/claims.md,
    # "A context window is the model's"), so the claim is unverifiable; read as an upper bound ("at most 128K")
    # every host would serve it and it would be supported: "0 of the 3 hosts" shows "up to" states the window
    [claim] = claims(con, "Qwen2 supports up to 128K context tokens.", "context_window")
    assert claim["verdict"] == "unverifiable"
    assert "0 of the 3 hosts serve the claimed window" in claim["explanation"]
    # litellm/model_prices_2024-11-28_litellm-1.53.1.json mistral/open-mixtral-8x7b max_input_tokens 32000: the
    # maker's own id (identity rule vendor-word) states the window, and it decides; the one third-party host's
    # cap (fireworks_ai .../mixtral-8x7b 32768) is shown but decides nothing
    [claim] = claims(con, "Mixtral 8x7B handles up to 32,000 token contexts.", "context_window")
    assert claim["verdict"] == "supported" and "mistral/open-mixtral-8x7b: 32,000" in claim["explanation"]
    assert "decide nothing" in claim["explanation"]


@pytest.mark.parametrize("text", [
    # all_ml_systems_2024-09-25.csv: Mixtral 8x7B 'Open weights (unrestricted)'; Qwen2-72B 'Open weights (unrestricted)'
    "Mixtral 8x7B is a sparse model with open weights.",
    "Qwen2-72B came out in June, and its checkpoints are publicly available on Hugging Face.",
])
def test_open_weights_as_launch_posts_say_it(con, text: str):
    [claim] = claims(con, text, "open_weights")
    assert claim["verdict"] == "supported"



def test_according_to_names_a_source_not_the_subject(con):
    # all_ml_systems_2024-09-25.csv: Mixtral 8x7B 'Open weights (unrestricted)'. "Mistral" also names a series of
    # models (Mistral 7B ...): after "according to" it is the statement's source, and "it" is the text's subject
    text = ("Mixtral 8x7B came out in December. According to Mistral, this makes it the strongest open-weight "
            "model with a permissive license.")
    [claim] = claims(con, text, "open_weights")
    assert claim["verdict"] == "supported"
    assert [e["text"] for e in claim["entities"]] == ["Mixtral 8x7B"]


@pytest.mark.parametrize("text, verdict", [
    # epoch/benchmark-stitching/model_versions.csv: Mistral-7B-v0.1 2023-09-27 (models.dev dates Mistral 7B the same
    # day); all_ml_systems_2024-09-25.csv dates the paper 2023-10-10: the earliest date is the release
    ("The start-up released the relatively powerful Mistral 7B in September 2023.", "supported"),
    ("Our first post came on December 11, 2023. The start-up released Mistral 7B in September.", "supported"),
    ("Our first post came on December 11, 2023. The start-up released Mistral 7B in November.", "contradicted"),
])
def test_release_verb_before_a_described_name_and_a_month_alone(con, text: str, verdict: str):
    [claim] = claims(con, text, "release_date")
    assert claim["verdict"] == verdict


def test_a_release_verb_without_a_model_after_it_claims_nothing(con):
    assert claims(con, "The team released the first results in March 2024.", "release_date") == []
    assert claims(con, "Mistral 7B is small. The team released the first results in March.", "release_date") == []


@pytest.mark.parametrize("text", [
    "Gemma 7B scored 55.1% on BIG-Bench Hard.",
    "| Benchmark | Gemma 7B |\n|---|---|\n| BIG-Bench-Hard | 55.1% |\n",
])
def test_big_bench_hard_is_bbh(con, text: str):
    # epoch/benchmark-stitching/external_benchmark_bbh.csv: gemma-7b Average 55.1% (the Gemma report); the
    # warehouse names the benchmark "BBH"
    [claim] = claims(con, text, "score")
    assert claim["verdict"] == "supported"
    assert claim["entities"][1]["resolved"] == "bbh"
