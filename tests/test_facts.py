"""Claim facts: what the sources read (parameters, tokens, chip-hours, limits, cut-offs, licences)
and `metrics.facts.attribute_evidence` on the mirror. Every expected value names its file."""

from __future__ import annotations

import json
from datetime import date

import pytest

from cli_helpers import run
from openpace.identity.resolve import resolve_name
from openpace.metrics.facts import FactEvidence, attribute_coverage, attribute_evidence, attributes
from openpace.sources import epoch_notes
from openpace.sources.base import ModelFact
from openpace.sources.lmarena import cutoff_month

SYSTEMS = "epoch/open-model-trends/all_ml_systems_2024-09-25.csv"
TRENDS = "epoch/open-model-trends/benchmarks_with_model_accessibility.csv"


def values(evidence: list[FactEvidence], source: str | None = None, unit: str | None = None) -> set:
    return {e.value for e in evidence if (source is None or e.source == source) and (unit is None or e.unit == unit)}


def only(con, name: str) -> str:
    ids = resolve_name(con, name)
    assert len(ids) == 1, ids
    return ids[0]


# ------------------------------------------------------------------ notes readers (own sentences)
@pytest.mark.parametrize(("text", "expected"), [
    ("trained on 2 trillion tokens ~= 1.5 trillion words", [2e12]),
    ("15.6T tokens", [15.6e12]),
    ("1,500B tokens of text", [1.5e12]),
    ("~3 words per 4 tokens", []),  # a ratio, not a count
    ("1,170B code-related tokens", []),  # one part of a mixture, qualified
    ("8.1T unique tokens, then 1.4T tokens again", [8.1e12, 1.4e12]),
], ids=["trillion-words", "T", "comma-B", "ratio", "qualified", "two"])
def test_token_figures(text, expected):
    assert [s.value for s in epoch_notes.training_tokens(text)] == pytest.approx(expected)


def test_dataset_unit_from_notes():
    assert epoch_notes.dataset_unit(1.5e12, "2 trillion tokens ~= 1.5 trillion words")[0] == "words"
    assert epoch_notes.dataset_unit(1e12, "1000B tokens ~= 750B words")[0] == "tokens"
    assert epoch_notes.dataset_unit(6e9, "6B (image, text) pairs")[0] == "datapoints"
    assert epoch_notes.dataset_unit(None, "whatever") == (None, None)


def test_chip_hours_and_active_parameters():
    assert [s.value for s in epoch_notes.chip_hours("about 1.2M GPU hours in all")] == [1.2e6]
    assert [s.value for s in epoch_notes.chip_hours("two stages: 100K H100 hours and 90K H100 hours")] == [1e5, 9e4]
    assert [s.value for s in epoch_notes.active_parameters("a 100B MoE, 10B active", 1e11)] == [1e10]
    assert epoch_notes.active_parameters("dense, 100B parameters used", 1e11) == []  # equals the total


def test_six_nd():
    assert epoch_notes.six_nd(6 * 7e9 * 2e12, 7e9, 2e12)
    assert not epoch_notes.six_nd(6 * 7e9 * 2e12, 7e9, 1.5e12)


def test_cutoff_month():
    # lmarena/leaderboard_table_*.csv spell cut-offs "2023/4", and "Unknown", "Online", "-"
    assert cutoff_month("2023/4") == "2023-04"
    assert cutoff_month("2024/07") == "2024-07"
    assert cutoff_month("Unknown") is None and cutoff_month("-") is None and cutoff_month(None) is None


# ------------------------------------------------------------------ sources on the mirror files
@pytest.fixture(scope="module")
def trends_facts(mirror):
    from openpace.sources import SOURCES
    return [r for r in SOURCES["epoch_trends"].offline(mirror) if isinstance(r, ModelFact)]


def test_systems_llama2_dataset_is_words_notes_state_tokens(trends_facts):
    # all_ml_systems_2024-09-25.csv, Llama 2-70B: datapoints 1.5e12, notes "2 trillion tokens ~= 1.5 trillion words"
    row = next(r for r in trends_facts if r.name == "Llama 2-70B" and r.origin.startswith(f"mirror:{SYSTEMS}"))
    assert (row.dataset_size, row.dataset_size_unit, row.training_tokens) == (1.5e12, "words", 2e12)
    assert "2 trillion tokens" in json.loads(row.fact_notes)["training_tokens"][0]["note"]


def test_systems_gpu_hours_from_training_time_notes(trends_facts):
    # all_ml_systems_2024-09-25.csv, Llama 3.1-405B: Training time notes "Trained on 30.84M GPU hours"
    row = next(r for r in trends_facts if r.name == "Llama 3.1-405B")
    assert row.chip_hours_stated == pytest.approx(30.84e6)
    assert row.chip_hours is None  # the 'Training chip-hours' column is blank for this row


def test_trends_active_parameters_kept_apart_from_total(trends_facts):
    # benchmarks_with_model_accessibility.csv, Mixtral 8x22B: Model size blank, Active Parameters 39,000,000,000
    row = next(r for r in trends_facts if r.name == "Mixtral 8x22B" and r.origin.startswith(f"mirror:{TRENDS}"))
    assert row.parameters is None and row.parameters_active == 39e9


def test_litellm_limits_first_observed(mirror):
    from openpace.sources import SOURCES
    facts = [r for r in SOURCES["litellm"].offline(mirror) if isinstance(r, ModelFact) and r.name == "gpt-4"]
    # litellm/model_prices_2023-10-20_litellm-0.11.1.json: gpt-4 max_tokens 8192 and no other limit field
    first = facts[0]
    assert (first.observed, first.context_window, first.output_limit) == (date(2023, 10, 20), 8192, None)
    assert "legacy max_tokens" in first.fact_notes
    # litellm/model_prices_2024-11-28_litellm-1.53.1.json: max_input_tokens 8192, max_output_tokens 4096
    assert any(f.observed == date(2024, 11, 28) and (f.context_window, f.output_limit) == (8192, 4096) for f in facts)
    assert len({(f.context_window, f.output_limit) for f in facts}) == len(facts)  # one row per first observation


def test_lmarena_cutoff_first_stated_later_completes_the_fact(mirror):
    from openpace.sources import SOURCES
    facts = [r for r in SOURCES["lmarena"].offline(mirror) if isinstance(r, ModelFact) and r.key == "wizardlm-30b"]
    # lmarena/leaderboard_table_20240109.csv: wizardlm-30b, no cut-off column yet;
    # lmarena/leaderboard_table_20240125.csv: Knowledge cutoff date 2023/6
    assert [(f.observed, f.knowledge_cutoff, f.model_license) for f in facts] == [
        (date(2024, 1, 9), "2023-06", "Non-commercial")]


def test_genai_prices_context_window(mirror):
    from openpace.sources import SOURCES
    facts = [r for r in SOURCES["genai_prices"].offline(mirror) if isinstance(r, ModelFact)]
    # genai-prices/data.json: provider openai, model gpt-4.1, context_window 1000000
    [gpt41] = [f for f in facts if f.key == "openai/gpt-4.1"]
    assert (gpt41.name, gpt41.context_window, gpt41.open_weights) == ("gpt-4.1", 1_000_000, None)


# ------------------------------------------------------------------ attribute_evidence on the warehouse
def test_training_tokens_every_source_side_by_side(mirror_db):
    ev = attribute_evidence(mirror_db, only(mirror_db, "Falcon-180B"), "training_tokens")
    # all_ml_systems: datapoints 2.625e12 words; notes "3.5 trillion tokens"; trends 'Dataset size' 3.5e12
    assert values(ev, unit="words") == {2.625e12}
    assert values(ev, unit="tokens") == {3.5e12}
    assert {e.source_name for e in ev} == {"Falcon-180B", "Falcon 180B"}
    assert all(e.source == "epoch_trends" and e.license and e.origin.startswith("mirror:epoch/") for e in ev)


def test_gpu_hours_stated_and_derived(mirror_db):
    ev = attribute_evidence(mirror_db, only(mirror_db, "Llama 3.1-405B"), "gpu_hours")
    # all_ml_systems: notes "30.84M GPU hours"; Hardware quantity 16000 x Training time 2142.0 h
    assert sorted(values(ev)) == pytest.approx([30.84e6, 16000 * 2142.0])
    derived = next(e for e in ev if e.value == 16000 * 2142.0)
    assert derived.note.startswith("derived")


def test_context_window_from_litellm_and_models_dev(mirror_db):
    ev = attribute_evidence(mirror_db, only(mirror_db, "gemma2-9b-it"), "context_window")
    # litellm/model_prices_2024-11-28_litellm-1.53.1.json groq/gemma2-9b-it max_input_tokens 8192;
    # models.dev/api-2025-07-01.json groq.models.gemma2-9b-it limit.context 8192
    assert values(ev, "litellm") == {8192} and values(ev, "models_dev") == {8192}
    groq = next(e for e in ev if e.source == "litellm" and e.source_name == "groq/gemma2-9b-it")
    assert groq.observed == date(2024, 11, 28)


def test_as_of_keeps_what_was_known_then(mirror_db):
    model = only(mirror_db, "gpt-4")
    early = attribute_evidence(mirror_db, model, "context_window", as_of=date(2023, 12, 1))
    # litellm/model_prices_2023-10-20_litellm-0.11.1.json: gpt-4 max_tokens 8192 (read as the context window)
    plain = [e for e in early if e.source == "litellm" and e.source_name == "gpt-4"]
    assert [(e.value, e.observed) for e in plain] == [(8192, date(2023, 10, 20))]
    # models.dev's first snapshot is models.dev/api-2025-07-01.json: after the date, so flagged
    # (canonical-models.json has no date of its own: undated rows always count)
    dated = [e for e in early if e.source == "models_dev" and e.observed is not None]
    assert dated and all("after the as-of date" in (e.note or "") for e in dated)


def test_knowledge_cutoff_and_licence(mirror_db):
    ev = attribute_evidence(mirror_db, only(mirror_db, "gemma2-9b-it"), "knowledge_cutoff")
    # models.dev/api-2025-07-01.json groq.models.gemma2-9b-it knowledge "2024-06"
    assert "2024-06" in values(ev, "models_dev")
    lic = attribute_evidence(mirror_db, only(mirror_db, "Falcon-180B"), "license")
    # all_ml_systems: Falcon-180B Model accessibility "Open weights (restricted use)"
    assert "Open weights (restricted use)" in values(lic, "epoch_trends")


def test_family_scope_names_each_rows_model(mirror_db):
    model = only(mirror_db, "Llama 3.1-405B")
    ev = attribute_evidence(mirror_db, model, "parameters_total", scope="family")
    assert model in {e.model_id for e in ev}
    assert all(e.value == 405e9 for e in ev)  # all_ml_systems and trends: 405,000,000,000


def test_unknown_attribute_is_an_error(mirror_db):
    with pytest.raises(ValueError, match="unknown attribute"):
        attribute_evidence(mirror_db, "gpt-4", "colour")


def test_every_attribute_answers_and_coverage_counts(mirror_db):
    coverage = attribute_coverage(mirror_db)
    assert set(coverage) == set(attributes())
    assert all(n > 0 for n in coverage.values()), coverage
    for attribute in attributes():
        for e in attribute_evidence(mirror_db, only(mirror_db, "Llama 3.1-405B"), attribute):
            assert e.to_dict()["source"] == e.source and e.value is not None


# ------------------------------------------------------------------ openpace facts
def test_cli_facts_json(mirror_db_path, monkeypatch, capsys):
    code, out, _ = run(["facts", "Llama 3.1-405B", "-a", "gpu_hours", "--db", str(mirror_db_path), "--json"],
                       monkeypatch, capsys)
    data = json.loads(out)
    assert code == 0 and data["resolved"] == ["llama-3.1-405b"]
    evidence = data["models"]["llama-3.1-405b"]["gpu_hours"]
    # all_ml_systems_2024-09-25.csv: Llama 3.1-405B Training time notes "Trained on 30.84M GPU hours"
    assert any(e["value"] == pytest.approx(30.84e6) and e["observed"] == "2024-09-25" for e in evidence)
    assert set(data["models"]["llama-3.1-405b"]) == {"gpu_hours"}


def test_cli_facts_coverage_and_errors(mirror_db_path, monkeypatch, capsys):
    code, out, _ = run(["facts", "--coverage", "--db", str(mirror_db_path), "--json"], monkeypatch, capsys)
    data = json.loads(out)
    assert code == 0 and set(data["coverage"]) == set(attributes()) and data["models"] > 0
    code, _, err = run(["facts", "gpt-4", "-a", "colour", "--db", str(mirror_db_path)], monkeypatch, capsys)
    assert code == 2 and "colour" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(["facts", "no-such-model-xyz", "--db", str(mirror_db_path)], monkeypatch, capsys)
    assert code == 1 and "no model" in err
    code, _, err = run(["facts", "--db", str(mirror_db_path)], monkeypatch, capsys)
    assert code == 2


# ------------------------------------------------------------------ more All ML Systems rows (whole mirror)
@pytest.fixture(scope="module")
def systems_rows(full_mirror):
    from openpace.sources import SOURCES
    return {r.name: r for r in SOURCES["epoch_trends"].offline(full_mirror)
            if isinstance(r, ModelFact) and r.origin.startswith(f"mirror:{SYSTEMS}")}


@pytest.mark.parametrize(("system", "field", "expected"), [
    # all_ml_systems_2024-09-25.csv, each row's own columns and notes:
    ("XGen-7B", "training_tokens", 1.484e12),  # Dataset size notes "1484B tokens per Table 2"
    ("Gemma 2 27B", "training_tokens", 13e12),  # "We train Gemma 2 27B on 13 trillion tokens ..."
    ("Gemma 2 27B", "hardware", "Google TPU v5p"),
    ("Gemma 2 27B", "hardware_quantity", 6144),
    ("DeepSeek-V2", "parameters_active", 21e9),  # Parameters notes "21B active params, 236B total"
    ("DeepSeek-V2", "chip_hours_stated", 172.8e3),  # Training time notes "172.8K GPU hours, wall time not stated"
    ("Falcon-40B", "dataset_size_unit", "tokens"),  # datapoints 1e12, notes "1000B tokens ~= 750B words"
    ("Falcon-180B", "dataset_size_unit", "words"),  # datapoints 2.625e12, notes "... ~= 2.625 trillion words"
    ("Mixtral 8x7B", "parameters_active", 12.9e9),  # Parameters notes "12.9B params used on average"
], ids=lambda v: str(v))
def test_systems_rows_whole_mirror(systems_rows, system, field, expected):
    value = getattr(systems_rows[system], field)
    assert value == (pytest.approx(expected) if isinstance(expected, float) else expected)
