"""Attribute kinds, series, release lists, product variants and tables read both ways, end to end on
the whole mirror's warehouse. Every sentence is written for the test; each expected verdict names the
mirror file and row it rests on."""

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


def claims(con, text: str, kind: str) -> list[dict]:
    return [c for c in check_text(con, text)["claims"] if c["kind"] == kind]


@pytest.mark.parametrize("text, verdict", [
    # epoch/open-model-trends/all_ml_systems_2024-09-25.csv: Falcon-180B Parameters 180000000000
    ("Falcon 180B has 180 billion parameters.", "supported"),
    ("Falcon 180B has 150 billion parameters.", "contradicted"),
])
def test_parameters_of_a_named_model(con, text: str, verdict: str):
    [claim] = claims(con, text, "parameters")
    assert claim["verdict"] == verdict
    assert any("Falcon" in (row.get("model") or "") for row in claim["evidence"])


def test_sizes_of_a_series_are_its_models(con):
    # epoch/open-model-trends/all_ml_systems_2024-09-25.csv: Gemma 2 9B Parameters 9e9, Gemma 2 27B 2.7e10
    got = claims(con, "Gemma 2 ships in two sizes: 9B and 27B.", "parameters")
    assert [(c["span"], c["verdict"]) for c in got] == [("9B", "supported"), ("27B", "supported")]
    assert "gemma-2-27b" in got[1]["entities"][0]["resolved"]


def test_a_size_the_series_lacks_names_no_model(con):
    # all_ml_systems_2024-09-25.csv has Falcon-7B, Falcon-40B and Falcon-180B, no 30B Falcon
    [claim] = claims(con, "Falcon also came as a 30B model.", "parameters")
    assert claim["verdict"] == "unverifiable"
    assert "30B" in claim["explanation"]


def test_training_tokens_bound_by_for_size(con):
    # all_ml_systems_2024-09-25.csv: Gemma 2 27B Training dataset size 1.3e13 tokens (its notes), Gemma 2 9B 8e12
    got = claims(con, "Gemma 2 saw 8 trillion tokens for the 27B version.", "training_tokens")
    assert [c["verdict"] for c in got] == ["contradicted"]
    got = claims(con, "Gemma 2 saw 8 trillion tokens for the 9B version.", "training_tokens")
    assert [c["verdict"] for c in got] == ["supported"]


def test_release_list_with_the_sentence_year(con):
    # all_ml_systems_2024-09-25.csv: Falcon-40B 2023-03-15, Falcon-7B 2023-04-24; Phi-2 2023-12-12
    text = "The year 2023 was busy: Falcon (by TII) in June, Phi-2 (by Microsoft) in December."
    got = {c["entities"][0]["text"]: c["verdict"] for c in claims(con, text, "release_date")}
    assert got == {"Falcon": "contradicted", "Phi-2": "supported"}


def test_a_product_word_names_another_model_than_the_base(con):
    # litellm/model_prices_2025-04-13_litellm-1.66.0.json: gpt-4o-realtime-preview input_cost_per_token 5e-06
    # (gpt-4o itself is 2.5e-06 in the same map)
    [claim] = claims(con, "GPT-4o Realtime costs $5.00 per million input tokens.", "price")
    assert claim["verdict"] == "supported"
    assert all("realtime" in (row.get("model") or "").lower() for row in claim["evidence"])


def test_models_in_columns_benchmarks_in_rows(con):
    # epoch/open-model-trends/benchmarks_with_model_accessibility.csv: Falcon 180B MMLU 0.705
    text = "| Benchmark | Falcon 180B |\n|---|---|\n| MMLU | 70.5 |\n"
    [claim] = claims(con, text, "score")
    assert claim["verdict"] == "supported"
    assert [e["type"] for e in claim["entities"]] == ["model", "benchmark"]


def test_an_unnamed_openness_statement_claims_nothing(con):
    assert claims(con, "All of these were released publicly with their weights.", "open_weights") == []


@pytest.mark.parametrize("text, verdict", [
    # lmarena/leaderboard_table_20240730.csv: Meta-Llama-3.1-405b-Instruct, knowledge cutoff 2023/12
    ("Llama 3.1 405B Instruct has a knowledge cutoff of December 2023.", "supported"),
    ("Llama 3.1 405B Instruct has a knowledge cutoff of June 2022.", "contradicted"),
    # the same row, in running text: the date before the words, "knowledge up to", "trained on data up to"
    ("Llama 3.1 405B Instruct has a December 2023 cut-off date.", "supported"),
    ("Llama 3.1 405B Instruct has knowledge up to June 2022.", "contradicted"),
    ("Llama 3.1 405B Instruct was trained on data up to December 2023.", "supported"),
])
def test_knowledge_cutoff_at_the_month_written(con, text: str, verdict: str):
    [claim] = claims(con, text, "knowledge_cutoff")
    assert claim["verdict"] == verdict


def test_a_series_dated_after_every_member_it_is_known_by_is_not_settled(con):
    # all_ml_systems_2024-09-25.csv: DeciLM 6B 2023-09-13 is the only DeciLM row; a later DeciLM the
    # mirror lacks may be meant, so December is neither supported nor contradicted
    text = "In 2023 the releases kept coming: DeciLM (by Deci) in December."
    [claim] = claims(con, text, "release_date")
    assert claim["verdict"] == "unverifiable"
    assert "DeciLM 6B" in claim["explanation"] and "2023-09-13" in claim["explanation"]
    # the same series dated before its first member is contradicted by it
    [claim] = claims(con, "In 2023 the releases kept coming: DeciLM (by Deci) in March.", "release_date")
    assert claim["verdict"] == "contradicted"


def test_a_modality_after_the_name_picks_which_price(con):
    # litellm/model_prices_2025-04-13_litellm-1.66.0.json: gpt-4o-realtime-preview input_cost_per_token 5e-06
    # (the text price; its audio tokens are priced in input_cost_per_audio_token, which openpace does not hold)
    [claim] = claims(con, "GPT-4o Realtime (Text) costs $5.00 per million input tokens.", "price")
    assert claim["verdict"] == "supported"
    assert {row.get("modality") for row in claim["evidence"]} == {"text tokens"}
    # each row names the model as its source spells it (provenance), the modality beside it
    assert all("realtime-preview" in row["model"] and "text" not in row["model"] for row in claim["evidence"])
    [claim] = claims(con, "GPT-4o Realtime (Audio) costs $5.00 per million input tokens.", "price")
    assert claim["verdict"] == "unverifiable" and "audio" in claim["explanation"]


@pytest.mark.parametrize("text, as_of, verdict", [
    # litellm/model_prices_2025-06-13_litellm-1.72.2.post1.json: gpt-3.5-turbo input_cost_per_token 1.5e-06
    ("In June 2025, GPT-3.5 Turbo cost $1.50 per million input tokens.", None, "supported"),
    # litellm/model_prices_2025-12-14_litellm-1.80.10.json: gpt-3.5-turbo input_cost_per_token 5e-07 (and
    # models.dev/api-2025-12-01.json openai gpt-3.5-turbo input 0.5): the June price no longer holds
    ("In December 2025, GPT-3.5 Turbo cost $1.50 per million input tokens.", None, "contradicted"),
    # the text's date (check --as-of) when the sentence names none
    ("GPT-3.5 Turbo costs $1.50 per million input tokens.", "2025-06-30", "supported"),
    ("GPT-3.5 Turbo costs $1.50 per million input tokens.", "2025-12-31", "contradicted"),
])
def test_a_price_is_read_at_the_date_of_the_text(con, text: str, as_of: str | None, verdict: str):
    from datetime import date

    [claim] = [c for c in check_text(con, text, as_of=date.fromisoformat(as_of) if as_of else None)["claims"]
               if c["kind"] == "price"]
    assert claim["verdict"] == verdict, claim["explanation"]
    # the explanation names the catalogues the prices come from (by source id, as the evidence does)
    import re
    named = re.search(r"\(from ([a-z_, ]+)\)", claim["explanation"])
    assert named, claim["explanation"]
    assert set(named.group(1).split(", ")) <= {e["source"] for e in claim["evidence"]} <= {"litellm", "models_dev"}
