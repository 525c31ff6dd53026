"""Identity data quality: inference settings (reasoning effort, thinking budget), moving aliases, and
which open/closed signal wins. Names are spelled as the mirror (../shared/data) spells them."""

from __future__ import annotations

from datetime import date

import pytest

from openpace.identity import parse_name
from openpace.metrics.parity_data import parity_for, select_points
from openpace.metrics.prices import model_scores
from openpace.sources.base import ModelFact, Price, Score

from identity_helpers import PROV, load, model_of  # noqa: E402  (shared with the other identity tests)


# ------------------------------------------------------------------------------- settings: rules
SETTINGS = [
    # (name as the mirror spells it, canonical key, the key of the model it is a setting of, setting)
    ("GPT-5 (high)", "gpt-5-high", "gpt-5", "high"),  # epoch model_versions.csv display name
    ("gpt-5-2025-08-07_high", "gpt-5-2025-08-07-high", "gpt-5-2025-08-07", "high"),  # its id
    ("gpt-5.1_high", "gpt-5.1-high", "gpt-5.1", "high"),
    ("o3-preview (Low)*", "o3-preview-low", "o3-preview", "low"),
    ("grok-3-mini-beta_low", "grok-3-mini-beta-low", "grok-3-mini-beta", "low"),
    # the size stays next to its family (was `gpt-oss-high-120b`)
    ("gpt-oss-120b_high", "gpt-oss-120b-high", "gpt-oss-120b", "high"),
    ("Claude Sonnet 4.5 (32k thinking)", "claude-sonnet-4.5-thinking-32k", "claude-sonnet-4.5", "thinking-32k"),
    ("QwQ-32B (16K thinking)", "qwq-32b-thinking-16k", "qwq-32b", "thinking-16k"),
    ("Claude Sonnet 4.5 (no thinking)", "claude-sonnet-4.5-no-thinking", "claude-sonnet-4.5", "no-thinking"),
    ("Gemini 2.5 Flash-Lite (Jun 2025, 16k thinking)", "gemini-2.5-flash-lite-2025-06-thinking-16k",
     "gemini-2.5-flash-lite-2025-06", "thinking-16k"),
]


@pytest.mark.parametrize(("name", "key", "base", "setting"), SETTINGS, ids=[s[0] for s in SETTINGS])
def test_reasoning_effort_and_thinking_budget_are_settings(name: str, key: str, base: str, setting: str) -> None:
    parsed = parse_name(name)
    assert (parsed.key, parsed.base_key, parsed.setting) == (key, base, setting)
    assert "setting" in parsed.rule


@pytest.mark.parametrize(("name", "key"), [
    ("Mistral Medium", "mistral-medium"),  # a model size name, not an effort
    ("Phi-3-medium-128k-instruct", "phi-3-medium-128k-instruct"),
    ("mistral-medium-2505", "mistral-medium-2505"),
    ("kimi-k2-thinking", "kimi-k2-thinking"),  # a bare `thinking` names its own weights
    ("Qwen3-235B-A22B-Thinking-2507", "qwen-3-thinking-235b-a22b-2507"),
    ("LSTM(medium)+Sememe+cell", "lstm-medium-sememe-cell"),  # not at the end: a size word
])
def test_names_that_only_look_like_settings_keep_their_words(name: str, key: str) -> None:
    parsed = parse_name(name)
    assert (parsed.key, parsed.setting) == (key, None)


@pytest.mark.parametrize(("name", "moving"), [
    ("Mistral Medium (latest)", True), ("mistral-large-latest", True), ("chatgpt-4o-latest", True),
    ("Mistral Medium 3.5", False), ("mistral-medium-2505", False),
    ("ChatGPT-4o-latest (2024-08-08)", False)])  # LMArena: a dated pointer names one release
def test_moving_pointers_are_flagged(name: str, moving: bool) -> None:
    assert parse_name(name).moving is moving


# ----------------------------------------------------------------------- settings: constructed
def test_medium_alone_is_a_size_word_and_beside_another_effort_a_setting(fresh_db) -> None:
    load(fresh_db, [ModelFact(source="epoch_trends", name=n, **PROV) for n in
                    ("Pointer Sentinel-LSTM (medium)", "Reasoner 5 (medium)", "Reasoner 5 (high)", "Reasoner 5")])
    lone = model_of(fresh_db, "epoch_trends", "Pointer Sentinel-LSTM (medium)")
    assert (lone["model_id"], lone["setting"], lone["setting_of"]) == ("pointer-sentinel-lstm-medium", None, None)
    effort = model_of(fresh_db, "epoch_trends", "Reasoner 5 (medium)")
    assert (effort["model_id"], effort["setting"], effort["setting_of"]) == ("reasoner-5-medium", "medium", "reasoner-5")


def test_a_setting_inherits_openness_and_a_missing_date_from_its_model(fresh_db) -> None:
    load(fresh_db, [
        ModelFact(source="models_dev", name="Sonnetoid 4.5", open_weights=False, release_date=date(2025, 9, 29), **PROV),
        Score(source="epoch_benchmarks", model_name="Sonnetoid 4.5 (32k thinking)", benchmark="B", score=80.0,
              unit="percent", **PROV),
        Score(source="epoch_benchmarks", model_name="Sonnetoid 4.5 (16k thinking)", benchmark="B", score=78.0,
              unit="percent", release_date=date(2025, 10, 1), **PROV),
        ModelFact(source="epoch_benchmarks", name="openish-120b", open_weights=True, **PROV),
        Score(source="epoch_benchmarks", model_name="openish-120b_high", benchmark="B", score=70.0, unit="percent",
              release_date=date(2025, 8, 5), **PROV),
    ])
    thinking = model_of(fresh_db, "epoch_benchmarks", "Sonnetoid 4.5 (32k thinking)")
    assert (thinking["model_id"], thinking["setting"], thinking["setting_of"]) == (
        "sonnetoid-4.5-thinking-32k", "thinking-32k", "sonnetoid-4.5")
    assert (thinking["open_weights"], thinking["open_basis"]) == (False, "inherited from sonnetoid-4.5")
    assert (thinking["release_date"], thinking["release_source"]) == (date(2025, 9, 29), "inherited from sonnetoid-4.5")
    own_date = model_of(fresh_db, "epoch_benchmarks", "Sonnetoid 4.5 (16k thinking)")
    assert (own_date["release_date"], own_date["release_source"]) == (date(2025, 10, 1), "epoch_benchmarks")
    high = model_of(fresh_db, "epoch_benchmarks", "openish-120b_high")
    assert (high["model_id"], high["family"], high["open_weights"], high["open_basis"]) == (
        "openish-120b-high", "openish-120b", True, "inherited from openish-120b")
    # parity counts the settings of one model as one model, at the best of its settings
    points = select_points(fresh_db, "B", as_of=date(2026, 1, 1)).points
    assert sorted((p.key, p.score) for p in points) == [("openish-120b", 70.0), ("sonnetoid-4.5", 80.0)]


def test_a_moving_alias_is_left_out_of_parity_and_counted(fresh_db) -> None:
    load(fresh_db, [
        Score(source="models_dev", model_name="Mediumo (latest)", benchmark="B", score=77.6, unit="percent",
              release_date=date(2025, 8, 12), open_weights=False, **PROV),
        Score(source="models_dev", model_name="Mediumo 3.5", benchmark="B", score=77.6, unit="percent",
              release_date=date(2026, 4, 29), open_weights=True, **PROV),
    ])
    assert model_of(fresh_db, "models_dev", "Mediumo (latest)")["moving"] is True
    assert model_of(fresh_db, "models_dev", "Mediumo 3.5")["moving"] is False
    selection = select_points(fresh_db, "B", as_of=date(2026, 6, 1))
    assert [p.model for p in selection.points] == ["Mediumo 3.5"]
    assert selection.excluded == {"moving_alias": 1}
    # trend and price-performance take their scores from the same selection (on every basis, as here)
    assert list(model_scores(fresh_db, "B", as_of=date(2026, 6, 1), basis="any")) == ["mediumo-3.5"]


# ------------------------------------------------------------------- open/closed: constructed
def test_a_hub_link_beats_catalogue_flags_that_say_closed(fresh_db) -> None:
    load(fresh_db, [
        ModelFact(source="models_dev", name="Mediumo 3.5", open_weights=True, hf_id="lab/Mediumo-3.5-128B", **PROV),
        *[Price(source="models_dev", model_name="mediumo-3.5", provider=f"host{i}", input_usd_per_mtok=1.0,
                output_usd_per_mtok=2.0, open_weights=False, **PROV) for i in range(3)],
    ])
    model = model_of(fresh_db, "models_dev", "Mediumo 3.5")
    assert (model["open_weights"], model["open_basis"]) == (True, "hub-link")
    flags = fresh_db.execute("SELECT source, open_rows, closed_rows FROM model_open_flags ORDER BY source").fetchall()
    assert flags == [("hub-link", 1, 0), ("models_dev", 1, 3)]


def test_a_catalogue_closed_flag_gives_way_to_the_open_name_without_its_size(fresh_db) -> None:
    load(fresh_db, [
        ModelFact(source="epoch_benchmarks", name="Nemoid-Instruct-2407", open_weights=True, **PROV),
        Price(source="models_dev", model_name="Nemoid-12B-Instruct-2407", provider="host", input_usd_per_mtok=0.01,
              output_usd_per_mtok=0.01, open_weights=False, **PROV),
        # a twin that is itself only catalogue-open is not an explicit signal: nothing changes
        Price(source="models_dev", model_name="Weakling-Instruct", provider="host", input_usd_per_mtok=1.0,
              output_usd_per_mtok=1.0, open_weights=True, **PROV),
        Price(source="models_dev", model_name="Weakling-8B-Instruct", provider="host", input_usd_per_mtok=1.0,
              output_usd_per_mtok=1.0, open_weights=False, **PROV),
    ])
    model = model_of(fresh_db, "models_dev", "Nemoid-12B-Instruct-2407")
    assert (model["model_id"], model["open_weights"], model["open_basis"]) == (
        "nemoid-12b-instruct-2407", True, "inherited from nemoid-instruct-2407")
    detail = fresh_db.execute("SELECT detail FROM identity_conflicts WHERE model_id = 'nemoid-12b-instruct-2407'").fetchone()
    assert detail is not None and "without the size tag" in detail[0]
    assert model_of(fresh_db, "models_dev", "Weakling-8B-Instruct")["open_weights"] is False


# ----------------------------------------------------------------------------------- the mirror
def test_mirror_effort_variants_inherit_from_their_model(mirror_db) -> None:
    # epoch/benchmark-stitching/model_versions.csv: `gpt-oss-120b_high` (model gpt-oss-120b) and
    # `claude-sonnet-4-5-20250929_59K` "Claude Sonnet 4.5 (59k thinking)" with no release date;
    # models.dev api-*.json: claude-sonnet-4-5 open_weights false, release_date 2025-09-29 (most providers);
    # openrouter in models.dev/openrouter-models-2026-05-15.json: openai/gpt-oss-120b has a hugging_face_id
    oss = model_of(mirror_db, "epoch_benchmarks", "gpt-oss-120b_high")
    assert (oss["model_id"], oss["setting_of"], oss["open_weights"], oss["open_basis"]) == (
        "gpt-oss-120b-high", "gpt-oss-120b", True, "inherited from gpt-oss-120b")
    sonnet = model_of(mirror_db, "epoch_benchmarks", "Claude Sonnet 4.5 (59k thinking)")
    assert (sonnet["setting_of"], sonnet["open_weights"], sonnet["release_date"]) == (
        "claude-sonnet-4.5", False, date(2025, 9, 29))
    # epoch/open-model-trends/all_ml_systems_2024-09-25.csv: "Pointer Sentinel-LSTM (medium)", a model size
    assert model_of(mirror_db, "epoch_trends", "Pointer Sentinel-LSTM (medium)")["setting"] is None
    unknown = mirror_db.execute("""
        SELECT count(*) FROM scores s JOIN model_aliases a ON a.source = s.source AND a.alias = s.model_name
        JOIN models m USING (model_id)
        WHERE s.benchmark = 'GPQA diamond' AND m.setting IS NOT NULL
          AND coalesce(s.open_weights, m.open_weights) IS NULL""").fetchone()[0]
    assert unknown == 0


def test_mirror_gpqa_diamond_counts_the_strongest_closed_settings(mirror_db) -> None:
    # epoch/benchmark-stitching/benchmarks_runs.csv: GPQA diamond, gpt-5.1_high 0.876 (the best
    # row of the benchmark), version released 2025-11-13 (model_versions.csv)
    result = parity_for(mirror_db, "GPQA diamond", source="epoch_benchmarks", as_of=date(2025, 11, 30)).to_json()
    assert (result["gap"]["closed_model"], result["gap"]["closed_best"]) == ("gpt-5.1_high", 87.6)
    # GPT-5 (low/medium/high/minimal) are one model: gpt-5-2025-08-07 once among the points
    keys = [p.key for p in select_points(mirror_db, "GPQA diamond", "epoch_benchmarks", date(2025, 11, 30)).points]
    assert keys.count("gpt-5-2025-08-07") == 1 and not any(k.startswith("gpt-5-2025-08-07-") for k in keys)


def test_mirror_moving_alias_is_no_frontier_point(mirror_db) -> None:
    # models.dev/canonical-models.json: mistral/mistral-medium-latest "Mistral Medium (latest)",
    # SWE-Bench Verified 77.6, open_weights false, release_date 2025-08-12 (a copy of
    # mistral/mistral-medium-2604 "Mistral Medium 3.5", open, 2026-04-29)
    model = model_of(mirror_db, "models_dev", "Mistral Medium (latest)")
    assert model["moving"] is True
    selection = select_points(mirror_db, "SWE-bench verified", as_of=date(2026, 11, 29))
    assert "Mistral Medium (latest)" not in [p.model for p in selection.points]
    assert selection.excluded["moving_alias"] == 1


def test_mirror_open_signals_beat_catalogue_closed_flags(mirror_db) -> None:
    # models.dev/canonical-models.json: mistral/mistral-medium-2604 "Mistral Medium 3.5" links
    # huggingface.co/mistralai/Mistral-Medium-3.5-128B; models.dev/api-2026-0[4-6]-01.json: nano-gpt
    # "Mistral-Nemo-12B-Instruct-2407" open_weights false; epoch model_versions.csv:
    # Mistral-Nemo-Instruct-2407 has Hugging Face developer id mistralai
    medium = model_of(mirror_db, "models_dev", "Mistral Medium 3.5")
    # canonical-models.json (the registry record) says open too
    assert (medium["open_weights"], medium["open_basis"]) == (True, "hub-link+models-dev-registry")
    nemo = model_of(mirror_db, "models_dev", "Mistral-Nemo-12B-Instruct-2407")
    assert (nemo["open_weights"], nemo["open_basis"]) == (True, "inherited from mistral-nemo-instruct-2407")


def test_models_json_shows_setting_and_moving(mirror_db_path, monkeypatch, capsys) -> None:
    import json
    import sys

    from openpace.cli import main

    # epoch/benchmark-stitching/model_versions.csv: `o3-2025-04-16_high`, "o3 (high)"
    monkeypatch.setattr(sys, "argv", ["openpace", "models", "o3 (high)", "--json", "--db", str(mirror_db_path)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code in (0, None)
    model = json.loads(capsys.readouterr().out)["models"][0]
    assert (model["model_id"], model["setting"], model["setting_of"], model["moving"]) == (
        "o3-2025-04-16-high", "high", "o3-2025-04-16", False)
