"""The price-catalogue sources (models_dev, openrouter, genai_prices, litellm) on the real mirror
files, their date logic, their errors, and one live path against a real local HTTP server."""

from __future__ import annotations

import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from openpace.errors import SourceError
from openpace.sources import SOURCES
from openpace.sources.base import ModelFact, Price, Record, Score
from openpace.sources.genai_prices import periods
from openpace.sources.price_common import date_in_name, per_token_to_mtok


def _prices(records: list[Record], **match: object) -> list[Price]:
    return [r for r in records if isinstance(r, Price) and all(getattr(r, k) == v for k, v in match.items())]


def _facts(records: list[Record], **match: object) -> list[ModelFact]:
    return [r for r in records if isinstance(r, ModelFact) and all(getattr(r, k) == v for k, v in match.items())]


@pytest.fixture(scope="module")
def models_dev(mirror: Path) -> list[Record]:
    return list(SOURCES["models_dev"].offline(mirror))


@pytest.fixture(scope="module")
def openrouter(mirror: Path) -> list[Record]:
    return list(SOURCES["openrouter"].offline(mirror))


@pytest.fixture(scope="module")
def genai(mirror: Path) -> list[Record]:
    return list(SOURCES["genai_prices"].offline(mirror))


@pytest.fixture(scope="module")
def litellm(mirror: Path) -> list[Record]:
    return list(SOURCES["litellm"].offline(mirror))


def _copy(mirror: Path, rel: str, tmp: Path) -> Path:
    target = tmp / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(mirror / rel, target)
    return target


# --------------------------------------------------------------------------- helpers
@pytest.mark.parametrize(("name", "expected"), [
    ("api-2026-07-02.json", date(2026, 7, 2)),
    ("model_prices_2023-11-14_litellm-1.0.0.json", date(2023, 11, 14)),
    ("canonical-models.json", None),
    ("api-2026-13-01.json", None),
], ids=["models.dev", "litellm", "undated", "impossible-month"])
def test_date_in_name(name: str, expected: date | None) -> None:
    assert date_in_name(name) == expected


def test_per_token_conversion_drops_float_noise() -> None:
    assert 8e-07 * 1e6 != 0.8  # the float noise the rounding exists for (0.7999999999999999)
    assert per_token_to_mtok(8e-07) == 0.8
    assert per_token_to_mtok(None) is None


# --------------------------------------------------------------------------- models.dev
def test_models_dev_every_snapshot_is_its_own_observation(models_dev: list[Record], mirror: Path) -> None:
    observed = {r.observed for r in _prices(models_dev)}
    expected = {date_in_name(p.name) for p in (mirror / "models.dev").glob("api-*.json")}
    assert observed == expected and len(expected) == 14


@pytest.mark.parametrize(("observed", "price_in", "price_out"), [
    (date(2025, 8, 1), 0.27, 1.1),    # models.dev/api-2025-08-01.json: deepseek deepseek-chat 0.27 / 1.1
    (date(2025, 9, 1), 0.57, 1.68),   # models.dev/api-2025-09-01.json: 0.57 / 1.68
    (date(2026, 5, 1), 0.14, 0.28),   # models.dev/api-2026-05-01.json: 0.14 / 0.28
], ids=["2025-08", "2025-09", "2026-05"])
def test_models_dev_price_changes_follow_the_files(models_dev: list[Record], observed: date,
                                                   price_in: float, price_out: float) -> None:
    rows = _prices(models_dev, model_key="deepseek/deepseek-chat", observed=observed)
    assert [(r.input_usd_per_mtok, r.output_usd_per_mtok) for r in rows] == [(price_in, price_out)]
    assert rows[0].provider == "deepseek" and rows[0].model_name == "deepseek-chat"
    assert rows[0].origin.startswith(f"mirror:models.dev/api-{observed.isoformat()}.json <- github.com/")


def test_models_dev_gpt4o_row(models_dev: list[Record]) -> None:
    # models.dev/api-2026-07-02.json: openai gpt-4o input 2.5 output 10.0, released 2024-05-13, closed
    [row] = _prices(models_dev, model_key="openai/gpt-4o", observed=date(2026, 7, 2))
    assert (row.input_usd_per_mtok, row.output_usd_per_mtok) == (2.5, 10.0)
    assert row.release_date == date(2024, 5, 13) and row.open_weights is False
    assert row.license == "MIT"


def test_models_dev_1970_placeholder_is_no_release_date(models_dev: list[Record]) -> None:
    # models.dev/api-2026-07-01.json: frogbot gpt-oss-120b "release_date": "1970-01-01" (Unix time 0,
    # models.dev's placeholder); the same file's cerebras gpt-oss-120b says 2025-08-05
    rows = [r for r in models_dev if isinstance(r, (Price, ModelFact)) and r.observed == date(2026, 7, 1)]
    frogbot = [r for r in rows if getattr(r, "model_key", getattr(r, "key", None)) == "frogbot/gpt-oss-120b"]
    assert frogbot and all(r.release_date is None for r in frogbot)
    assert all(r.release_date is None or r.release_date.year > 1970 for r in models_dev
               if isinstance(r, (Price, ModelFact)))
    [cerebras] = _prices(models_dev, model_key="cerebras/gpt-oss-120b", observed=date(2026, 7, 1))
    assert cerebras.release_date == date(2025, 8, 5)


def test_models_dev_extends_inherits_from_canonical_and_takes_base_tier(models_dev: list[Record]) -> None:
    # models.dev/api-2026-06-01.json: aihubmix coding-xiaomi-mimo-v2.5 extends xiaomi/mimo-v2.5, cost input
    # 0.08 output 0.4 (tier above 256000 tokens: 0.16 / 0.8); canonical-models.json: xiaomi/mimo-v2.5 open
    # weights, released 2026-04-22
    [row] = _prices(models_dev, model_key="aihubmix/coding-xiaomi-mimo-v2.5", observed=date(2026, 6, 1))
    assert (row.input_usd_per_mtok, row.output_usd_per_mtok) == (0.08, 0.4)
    assert row.open_weights is True and row.release_date == date(2026, 4, 22)


def test_models_dev_zero_prices_are_not_prices(models_dev: list[Record]) -> None:
    # models.dev/api-2026-07-02.json: lmstudio openai/gpt-oss-20b cost input 0 output 0 (runs locally)
    assert not _prices(models_dev, model_key="lmstudio/openai/gpt-oss-20b")
    assert _facts(models_dev, key="lmstudio/openai/gpt-oss-20b")  # the model is still a fact
    assert all(r.output_usd_per_mtok != 0 for r in _prices(models_dev))


def _manifest(root: Path, rel: str) -> dict:
    return next(e for e in json.loads((root / "MANIFEST.json").read_text()) if e["file"] == rel)


def test_models_dev_facts_only_from_latest_snapshot(models_dev: list[Record], mirror: Path) -> None:
    api_facts = [r for r in _facts(models_dev) if "api-" in r.origin]
    # every record has `open_weights`; the limits rows (below) carry none, so they never vote
    voting = [r for r in api_facts if r.open_weights is not None]
    assert {r.observed for r in voting} == {date(2026, 7, 2)}
    # tests/fixtures/mirror/MANIFEST.json: the provider-models the excerpt of models.dev/api-2026-07-02.json kept
    assert len(voting) == _manifest(mirror, "models.dev/api-2026-07-02.json")["provider_models"]


def test_models_dev_facts_of_the_whole_latest_snapshot(full_mirror: Path) -> None:
    api_facts = [r for r in SOURCES["models_dev"].offline(full_mirror) if isinstance(r, ModelFact) and "api-" in r.origin]
    voting = [r for r in api_facts if r.open_weights is not None]
    # models.dev/api-2026-07-02.json: 5,276 provider-models (MANIFEST.json provider_models)
    assert len(voting) == 5276


def test_models_dev_limits_from_every_snapshot_first_observation(models_dev: list[Record]) -> None:
    limits = [r for r in _facts(models_dev) if "api-" in r.origin and r.open_weights is None]
    assert all(r.release_date is None and r.organization is None and r.hf_id is None for r in limits)
    assert len({r.observed for r in limits}) > 1  # older snapshots give limits too
    idents = [(r.key, r.context_window, r.output_limit, r.knowledge_cutoff) for r in limits]
    assert len(idents) == len(set(idents))  # each key's values once, at their first snapshot
    # models.dev/api-2025-07-01.json: groq gemma2-9b-it limit.context 8192, limit.output 8192, knowledge 2024-06
    [first] = [r for r in limits if r.key == "groq/gemma2-9b-it" and r.observed == date(2025, 7, 1)]
    assert (first.name, first.context_window, first.output_limit, first.knowledge_cutoff) == ("gemma2-9b-it", 8192, 8192, "2024-06")


@pytest.mark.parametrize(("key", "organization", "hf_id"), [
    ("aihubmix/glm-5.2", "zhipuai", "zai-org/GLM-5.2"),  # base_model zhipuai/glm-5.2, weights on the Hub
    ("nvidia/deepseek-ai/deepseek-v4-flash", "deepseek", "deepseek-ai/DeepSeek-V4-Flash"),  # host is not the lab
    ("openai/gpt-4o", "openai", None),  # first-party: openai/gpt-4o is a canonical record
], ids=["reseller", "nvidia-host", "first-party"])
def test_models_dev_fact_organization(models_dev: list[Record], key: str, organization: str, hf_id: str | None) -> None:
    # models.dev/api-2026-07-02.json
    [fact] = [f for f in _facts(models_dev, key=key) if "api-2026-07-02" in f.origin]
    assert fact.organization == organization and fact.hf_id == hf_id


def test_models_dev_canonical_scores(models_dev: list[Record]) -> None:
    scores = [r for r in models_dev if isinstance(r, Score)]
    # models.dev/canonical-models.json: openai/gpt-4o Aider Polyglot 23.1 "percent correct", 2024-12-30
    [aider] = [s for s in scores if s.model_key == "openai/gpt-4o" and s.benchmark == "Aider Polyglot"]
    assert (aider.score, aider.unit, aider.evaluated_date) == (23.1, "percent", date(2024, 12, 30))
    assert aider.model_name == "GPT-4o" and aider.open_weights is False
    # alibaba/qwen3-coder-30b-a3b-instruct: Artificial Analysis Coding Index 19.4, metric "index"
    [index] = [s for s in scores if s.model_key == "alibaba/qwen3-coder-30b-a3b-instruct"
               and s.benchmark == "Artificial Analysis Coding Index"]
    assert (index.score, index.unit) == (19.4, "other")


def test_models_dev_benchmark_dataset_is_kept_apart(models_dev: list[Record]) -> None:
    # models.dev/canonical-models.json: anthropic/claude-opus-4-6 SWE-Bench Pro 51.9 (dataset public)
    # and 11.8 (dataset hard-aa): two different test sets, never one benchmark
    pro = {s.benchmark: s.score for s in models_dev if isinstance(s, Score)
           and s.model_key == "anthropic/claude-opus-4-6" and s.benchmark.startswith("SWE-Bench Pro")}
    assert pro == {"SWE-Bench Pro (public)": 51.9, "SWE-Bench Pro (hard-aa)": 11.8}


def test_models_dev_models_not_an_object_names_the_key(mirror: Path, tmp_path: Path) -> None:
    data = json.loads((mirror / "models.dev/api-2025-07-01.json").read_text())
    data["openai"]["models"] = ["gpt-4o"]
    (tmp_path / "models.dev").mkdir()
    (tmp_path / "models.dev/api-2025-07-01.json").write_text(json.dumps(data))
    with pytest.raises(SourceError) as err:
        list(SOURCES["models_dev"].offline(tmp_path))
    assert "api-2025-07-01.json: openai.models" in str(err.value) and "expected an object" in str(err.value)


def test_models_dev_cost_not_a_number_names_the_key(mirror: Path, tmp_path: Path) -> None:
    data = json.loads((mirror / "models.dev/api-2025-07-01.json").read_text())
    data["openai"]["models"]["gpt-4o"]["cost"]["input"] = "2.5 USD"
    (tmp_path / "models.dev").mkdir()
    (tmp_path / "models.dev/api-2025-07-01.json").write_text(json.dumps(data))
    with pytest.raises(SourceError, match=r"api-2025-07-01\.json: openai\.models\.gpt-4o\.cost\.input: not a number"):
        list(SOURCES["models_dev"].offline(tmp_path))


# --------------------------------------------------------------------------- openrouter
def test_openrouter_per_token_strings(openrouter: list[Record]) -> None:
    # models.dev/openrouter-models-2026-05-15.json: openai/gpt-4o prompt "0.0000025", completion "0.00001",
    # created 1715558400 (2024-05-13), no hugging_face_id
    [row] = _prices(openrouter, model_name="openai/gpt-4o")
    assert (row.input_usd_per_mtok, row.output_usd_per_mtok) == (2.5, 10.0)
    assert row.provider == "openrouter" and row.observed == date(2026, 5, 15)
    assert row.release_date == date(2024, 5, 13)
    assert row.open_weights is None  # no Hub id is "unknown", not "closed"


def test_openrouter_hf_id_means_open(openrouter: list[Record]) -> None:
    # models.dev/openrouter-models-2026-05-15.json: deepseek/deepseek-v4-flash prompt "0.000000126",
    # completion "0.000000252", hugging_face_id deepseek-ai/DeepSeek-V4-Flash
    [row] = _prices(openrouter, model_name="deepseek/deepseek-v4-flash")
    assert (row.input_usd_per_mtok, row.output_usd_per_mtok, row.open_weights) == (0.126, 0.252, True)
    [fact] = _facts(openrouter, name="deepseek/deepseek-v4-flash")
    assert (fact.hf_id, fact.organization, fact.key) == (
        "deepseek-ai/DeepSeek-V4-Flash", "deepseek", "deepseek/deepseek-v4-flash-20260423")


def test_openrouter_skips_variable_free_and_moving_aliases(openrouter: list[Record]) -> None:
    # models.dev/openrouter-models-2026-05-15.json: openrouter/auto prices "-1"; the ":free" variant "0";
    # "~openai/gpt-latest" is a moving alias
    assert not _prices(openrouter, model_name="openrouter/auto")
    assert _facts(openrouter, name="openrouter/auto")
    assert not _prices(openrouter, model_name="deepseek/deepseek-v4-flash:free")
    assert not [r for r in openrouter if getattr(r, "name", getattr(r, "model_name", "")).startswith("~")]


def test_openrouter_price_not_a_number_names_the_key(mirror: Path, tmp_path: Path) -> None:
    path = _copy(mirror, "models.dev/openrouter-models-2026-05-15.json", tmp_path)
    data = json.loads(path.read_text())
    data["data"][2]["pricing"]["completion"] = "free"
    path.write_text(json.dumps(data))
    with pytest.raises(SourceError, match=r"openrouter-models-2026-05-15\.json: data\[2\]\.pricing\.completion"):
        list(SOURCES["openrouter"].offline(tmp_path))


# --------------------------------------------------------------------------- genai-prices
def test_genai_prices_date_constraints_give_validity(genai: list[Record]) -> None:
    # genai-prices/data.json: openai o3 prices [{input 10, output 40}, {constraint start_date 2025-06-10,
    # input 2, output 8}]
    rows = sorted(_prices(genai, model_key="openai/o3"), key=lambda r: r.valid_from or date.min)
    assert [(r.input_usd_per_mtok, r.output_usd_per_mtok, r.valid_from, r.valid_to) for r in rows] == [
        (10.0, 40.0, None, date(2025, 6, 9)),
        (2.0, 8.0, date(2025, 6, 10), None),
    ]
    assert all(r.observed is None and r.origin.startswith("mirror:genai-prices/data.json <- ") for r in rows)


def test_genai_prices_tiered_price_takes_base(genai: list[Record]) -> None:
    # genai-prices/data.json: anthropic claude-opus-4-6 input_mtok {base 5, tiers [{start 200000, price 10}]},
    # output_mtok {base 25, ...}; from 2026-03-13 a flat 5 / 25
    rows = _prices(genai, model_key="anthropic/claude-opus-4-6")
    assert {(r.input_usd_per_mtok, r.output_usd_per_mtok) for r in rows} == {(5.0, 25.0)}
    assert {(r.valid_from, r.valid_to) for r in rows} == {(None, date(2026, 3, 12)), (date(2026, 3, 13), None)}


def test_genai_prices_time_of_day_takes_the_longest_window(genai: list[Record]) -> None:
    # genai-prices/data.json: deepseek deepseek-chat: 0.135 / 0.55 off-peak, 0.27 / 1.1 from 00:30 to 16:30 UTC
    [row] = _prices(genai, model_key="deepseek/deepseek-chat")
    assert (row.input_usd_per_mtok, row.output_usd_per_mtok) == (0.27, 1.1)
    assert row.valid_from is None and row.valid_to is None


def test_periods_last_matching_entry_wins() -> None:
    entries = [{"prices": {}}, {"constraint": {"start_date": "2025-03-01"}, "prices": {}},
               {"constraint": {"start_date": "2025-01-01"}, "prices": {}}]
    # from 2025-01-01 the last entry holds and, being last, wins even after 2025-03-01
    assert periods(entries, "x") == [(0, None, date(2024, 12, 31)), (2, date(2025, 1, 1), None)]


def test_genai_prices_truncated_file_names_it(mirror: Path, tmp_path: Path) -> None:
    path = _copy(mirror, "genai-prices/data.json", tmp_path)
    path.write_bytes(path.read_bytes()[:50_000])
    with pytest.raises(SourceError) as err:
        list(SOURCES["genai_prices"].offline(tmp_path))
    assert "genai-prices/data.json" in str(err.value) and "invalid JSON at line" in str(err.value)


def test_genai_prices_wrong_shape_names_the_key(mirror: Path, tmp_path: Path) -> None:
    path = _copy(mirror, "genai-prices/data.json", tmp_path)
    data = json.loads(path.read_text())
    data[3]["models"] = {"not": "a list"}
    path.write_text(json.dumps(data))
    with pytest.raises(SourceError, match=r"genai-prices/data\.json: providers\[3\]\.models: expected an array"):
        list(SOURCES["genai_prices"].offline(tmp_path))


def test_genai_prices_bad_price_and_unknown_constraint(mirror: Path, tmp_path: Path) -> None:
    path = _copy(mirror, "genai-prices/data.json", tmp_path)
    original = json.loads(path.read_text())
    i = next(i for i, p in enumerate(original) if p["id"] == "openai")
    j = next(j for j, m in enumerate(original[i]["models"]) if m["id"] == "o3")
    data = json.loads(json.dumps(original))
    data[i]["models"][j]["prices"][1]["prices"]["input_mtok"] = "two"
    path.write_text(json.dumps(data))
    with pytest.raises(SourceError, match=rf"providers\[{i}\]\.models\[{j}\]\.prices\[1\]\.prices\.input_mtok: not a number"):
        list(SOURCES["genai_prices"].offline(tmp_path))
    data = json.loads(json.dumps(original))
    data[i]["models"][j]["prices"][1]["constraint"] = {"region": "eu"}
    path.write_text(json.dumps(data))
    with pytest.raises(SourceError, match=r"unknown constraint"):
        list(SOURCES["genai_prices"].offline(tmp_path))


# --------------------------------------------------------------------------- litellm
def test_litellm_per_token_conversion(litellm: list[Record]) -> None:
    # litellm/model_prices_2026-11-20_litellm-1.110.2.json: gpt-4o input_cost_per_token 2.5e-06, output 1e-05
    [row] = [r for r in _prices(litellm, model_name="gpt-4o") if r.observed == date(2026, 11, 20)]
    assert (row.input_usd_per_mtok, row.output_usd_per_mtok) == (2.5, 10.0)
    assert row.provider == "openai"
    # same file: amazon.nova-pro-v1:0 (bedrock_converse) 8e-07 / 3.2e-06 per token, no float noise left
    [nova] = [r for r in _prices(litellm, model_name="amazon.nova-pro-v1:0") if r.observed == date(2026, 11, 20)]
    assert (nova.provider, nova.input_usd_per_mtok, nova.output_usd_per_mtok) == ("bedrock_converse", 0.8, 3.2)


def test_litellm_each_file_is_an_observation(mirror: Path, litellm: list[Record]) -> None:
    # every litellm/model_prices_YYYY-MM-DD_*.json (21 maps, 2023-10-20 .. 2026-11-20) lists gpt-4 at
    # 3e-05 / 6e-05 per token: one observation per map, dated by the file name
    dates = sorted(date.fromisoformat(p.name.split("_")[2]) for p in (mirror / "litellm").glob("model_prices_*.json"))
    assert len(dates) == 21 and dates[0] == date(2023, 10, 20) and dates[-1] == date(2026, 11, 20)
    rows = sorted(_prices(litellm, model_name="gpt-4"), key=lambda r: r.observed)
    files = sorted((mirror / "litellm").glob("model_prices_*.json"))
    assert len(files) == 21
    assert [(r.observed, r.input_usd_per_mtok, r.output_usd_per_mtok) for r in rows] == [
        (d, 30.0, 60.0) for d in dates]


def test_litellm_drops_a_per_token_price_below_its_per_character_price(litellm: list[Record]) -> None:
    # litellm/model_prices_2024-11-28_litellm-1.53.1.json: gemini-1.5-pro-preview-0409 has
    # input_cost_per_token 7.8125e-08 but input_cost_per_character 3.125e-07 (a token is several
    # characters): a unit slip, dropped; gemini-1.5-pro-002 (1.25e-06 per token, 3.125e-07 per
    # character) is consistent and kept
    assert not _prices(litellm, model_name="gemini-1.5-pro-preview-0409")
    kept = [r for r in _prices(litellm, model_name="gemini-1.5-pro-002") if r.observed == date(2024, 11, 28)]
    assert [(r.input_usd_per_mtok, r.output_usd_per_mtok) for r in kept] == [(1.25, 5.0)]


def test_litellm_keeps_full_key_and_skips_non_chat(litellm: list[Record]) -> None:
    # litellm/model_prices_2026-11-20_litellm-1.110.2.json: together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo
    # 1.04e-06 / 1.04e-06; text-embedding-3-small is mode "embedding"; sample_spec documents the fields
    [row] = [r for r in _prices(litellm, model_name="together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo")
             if r.observed == date(2026, 11, 20)]
    assert (row.provider, row.input_usd_per_mtok, row.output_usd_per_mtok) == ("together_ai", 1.04, 1.04)
    assert not _prices(litellm, model_name="text-embedding-3-small")
    assert not _prices(litellm, model_name="sample_spec")


def test_litellm_cost_not_a_number_names_the_key(mirror: Path, tmp_path: Path) -> None:
    path = _copy(mirror, "litellm/model_prices_2023-11-14_litellm-1.0.0.json", tmp_path)
    data = json.loads(path.read_text())
    data["gpt-4"]["output_cost_per_token"] = "6e-05"
    path.write_text(json.dumps(data))
    with pytest.raises(SourceError, match=r"1\.0\.0\.json: gpt-4\.output_cost_per_token: not a number"):
        list(SOURCES["litellm"].offline(tmp_path))


# --------------------------------------------------------------------------- warehouse
def test_catalogues_in_the_mirror_warehouse(mirror_db) -> None:
    rows = dict(mirror_db.execute(
        "SELECT source, count(*) FROM prices WHERE source IN ('models_dev', 'openrouter', 'genai_prices', 'litellm') "
        "GROUP BY source").fetchall())
    assert set(rows) == {"models_dev", "openrouter", "genai_prices", "litellm"}
    # models.dev/api-2026-07-02.json: openai gpt-4o 2.5 / 10.0; litellm 2026-11-20 file: the same
    got = mirror_db.execute(
        "SELECT source, input_usd_per_mtok, output_usd_per_mtok FROM prices WHERE model_key IN ('openai/gpt-4o', 'gpt-4o') "
        "AND observed IN ('2026-07-02', '2026-11-20') ORDER BY source").fetchall()
    assert got == [("litellm", 2.5, 10.0), ("models_dev", 2.5, 10.0)]


# --------------------------------------------------------------------------- live path
class _Server:
    def __init__(self, root: Path) -> None:
        self.requests: list[str] = []
        requests = self.requests

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs) -> None:
                super().__init__(*args, directory=str(root), **kwargs)

            def do_GET(self) -> None:
                requests.append(self.path)
                super().do_GET()

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(mirror: Path) -> Iterator[_Server]:
    srv = _Server(mirror)
    yield srv
    srv.close()


@pytest.mark.parametrize(("source", "env", "rel"), [
    ("litellm", "OPENPACE_LITELLM_URL", "litellm/model_prices_2026-11-20_litellm-1.110.2.json"),
    ("openrouter", "OPENPACE_OPENROUTER_URL", "models.dev/openrouter-models-2026-05-15.json"),
    ("genai_prices", "OPENPACE_GENAI_PRICES_URL", "genai-prices/data.json"),
    ("models_dev", "OPENPACE_MODELS_DEV_URL", "models.dev/api-2026-07-02.json"),
])
def test_live_path_reads_the_served_file(server: _Server, monkeypatch: pytest.MonkeyPatch,
                                         source: str, env: str, rel: str) -> None:
    url = f"{server.url}/{rel}"
    monkeypatch.setenv(env, url)
    records = SOURCES[source].live()
    assert server.requests == []  # nothing is fetched before the generator is iterated
    records = list(records)
    assert server.requests == [f"/{rel}"]
    prices = _prices(records)
    assert prices and all(r.origin == url and r.observed == date.today() for r in prices)


def test_live_litellm_matches_the_mirror_price(server: _Server, monkeypatch: pytest.MonkeyPatch) -> None:
    # litellm/model_prices_2026-11-20_litellm-1.110.2.json: gpt-4o 2.5e-06 / 1e-05 per token
    monkeypatch.setenv("OPENPACE_LITELLM_URL", f"{server.url}/litellm/model_prices_2026-11-20_litellm-1.110.2.json")
    [row] = _prices(list(SOURCES["litellm"].live()), model_name="gpt-4o")
    assert (row.input_usd_per_mtok, row.output_usd_per_mtok, row.license) == (2.5, 10.0, "MIT")


def test_live_missing_file_names_the_url(server: _Server, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"{server.url}/genai-prices/missing.json"
    monkeypatch.setenv("OPENPACE_GENAI_PRICES_URL", url)
    with pytest.raises(SourceError) as err:
        list(SOURCES["genai_prices"].live())
    assert url in str(err.value) and "HTTP 404" in str(err.value)
