"""Model identity: the name rules, the canonical tables built from the sources, resolve_name, and
`openpace models`. Names in the rule tests are spelled as the mirror (../shared/data) spells them."""

from __future__ import annotations

import json
from datetime import date

import pytest

from openpace.identity import normalize, parse_name, rebuild_identity, resolve_name, resolve_name_explained
from openpace.sources.base import ModelFact, Price, Score

# ----------------------------------------------------------------------------------------- rules
# The 405B Llama as the mirror spells it (epoch trends/benchmarks CSVs, models.dev, LiteLLM,
# genai-prices, LMArena, OpenRouter); expected: (family, variant).
LLAMA_405B = [
    ("Llama 3.1 405B", None),  # epoch trends: the model as released, base/instruct unsaid
    ("Llama 3.1-405B", None),  # epoch model_versions `Model` column
    ("LLaMA-3.1 405B Base", "base"),  # external_benchmark_mmlu.csv `Name`
    ("Meta: Llama 3.1 405B (base)", "base"),  # openrouter-models: `name`
    ("Llama 3.1 405B Instruct Turbo", "instruct"),  # Together's fp8 serving of the instruct model
    ("meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo", "instruct"),
    ("Meta-Llama-3.1-405B-Instruct-fp8", "instruct"),  # LMArena
    ("meta/llama-3.1-405b-instruct", "instruct"),
    ("Llama 3.1 Instruct Turbo (405B)", "instruct"),
    ("llama3.1:405b-instruct-q4_K_M", "instruct"),  # ollama tag in model_versions.csv
    ("us.meta.llama3-1-405b-instruct-v1:0", "instruct"),  # Bedrock in LiteLLM
    ("vertex_ai/meta/llama-3.1-405b-instruct-maas", "instruct"),
    ("hf:meta-llama/Llama-3.1-405B-Instruct", "instruct"),
    ("Meta Llama 3.1 - 405b - Instruct", "instruct"),
    ("llama-3.1-405b:free", None),
]


@pytest.mark.parametrize(("name", "variant"), LLAMA_405B, ids=[n for n, _ in LLAMA_405B])
def test_llama_405b_spellings_share_one_family(name: str, variant: str | None) -> None:
    parsed = parse_name(name)
    assert (parsed.family, parsed.variant, parsed.snapshot) == ("llama-3.1-405b", variant, None)


FALSE_FRIENDS = [
    ("gpt-4", "gpt-4o"),
    ("gpt-4", "gpt-4-turbo"),
    ("gpt-4o", "gpt-4o-mini"),
    ("gpt-4-turbo", "gpt-4o-mini"),
    ("gpt-3.5-turbo", "gpt-3.5-turbo-instruct"),
    ("o1-mini", "o1"),
    ("Claude 3.5 Sonnet (20240620)", "claude-3-5-sonnet-20241022"),
    ("LLaMA-3.1 405B Base", "Llama-3.1-405B-Instruct"),
    ("Llama 3.1 405B", "Llama 3.1 405B Instruct"),
    ("Qwen2-72B", "Qwen2-72B-Instruct"),
    ("Hermes 3 Llama 3.1 405b", "Llama 3.1 405B"),  # a fine-tune is not its base
    ("Llama-3.1-Nemotron-70B-Instruct", "Llama-3.1-70B-Instruct"),
    ("GLaM (MoE) 8B/64E", "GLaM (MoE) 64B/64E"),  # a slash in a display name is not a path
    ("GPT-4 (8-shot)", "gpt-4.8"),  # `4 (8` is not the version 4.8
    ("qwen-2-7b", "qwen-2.7b"),  # `2-7b` is version 2, size 7B
    ("mistral-large-2407", "mistral-large-2411"),
    ("anthropic.claude-v2:1", "anthropic.claude-v2"),  # Bedrock: Claude 2.1 vs Claude 2
    ("anthropic.claude-v2:1", "claude"),
    ("gpt-5-chat-latest", "gpt-5"),
    ("claude-3-opus-latest", "Claude 3 Opus"),  # a moving pointer is not the release
    ("deepseek-chat", "deepseek"),
    ("Gemini 1.5 Pro (April 2024)", "Gemini 1.5 Pro (May 2024)"),
]


@pytest.mark.parametrize(("a", "b"), FALSE_FRIENDS, ids=[f"{a} vs {b}" for a, b in FALSE_FRIENDS])
def test_false_friends_stay_apart(a: str, b: str) -> None:
    assert normalize(a) != normalize(b)


SAME_MODEL = [
    ("claude-3-5-sonnet-20240620", "Claude 3.5 Sonnet (20240620)", "us.anthropic.claude-3-5-sonnet-20240620-v1:0"),
    ("gpt-4o-2024-05-13", "openai/gpt-4o-2024-05-13", "GPT-4o (2024-05-13)"),
    ("gemma-2-9b-it", "Gemma-2-9B-it", "google/gemma-2-9b-it:free"),
    ("Llama-2-70b-chat", "together_ai/meta-llama/Llama-2-70b-chat-hf", "replicate/llama-2-70b-chat:"
     "2c1608e18606fad2812020dc541930f2d0495ce32eee50074220b87300bc16e1"),
    ("Qwen2.5-72b-Instruct", "qwen/qwen-2.5-72b-instruct", "Qwen/Qwen2.5-72B-Instruct"),
    ("Claude 2.1", "claude-2.1", "anthropic/claude-2.1"),
    ("DeepSeek-V3", "deepseek-ai/DeepSeek-V3", "DeepSeek V3"),
    ("Kimi K2.6", "moonshotai/kimi-k2.6", "MoonshotAI: Kimi K2.6"),
]


@pytest.mark.parametrize("names", SAME_MODEL, ids=[n[0] for n in SAME_MODEL])
def test_spellings_of_one_model_share_a_key(names: tuple[str, ...]) -> None:
    keys = {normalize(n) for n in names}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(("name", "key"), [
    ("together_ai/meta-llama/Llama-3-70b-chat-hf", "llama-3-70b-instruct"),
    ("fireworks_ai/accounts/fireworks/models/deepseek-v3-0324", "deepseek-v3-0324"),
    ("openrouter/openai/gpt-4o", "gpt-4o"),
    ("azure/eu/gpt-4o-mini", "gpt-4o-mini"),
    ("Anthropic: Claude 3.5 Sonnet", "claude-3.5-sonnet"),
    ("oci/meta.llama-3.1-405b-instruct", "llama-3.1-405b-instruct"),
    ("~anthropic/claude-sonnet-latest", "claude-sonnet-latest"),
    ("amazon.nova-lite-v1:0", "nova-lite"),
    # models.dev/api-2026-07-02.json: groq's llama-3.3-70b-versatile, "Llama 3.3 70B"
    ("groq/llama-3.3-70b-versatile", "llama-3.3-70b"),
    ("llama-3.3-70b-specdec", "llama-3.3-70b"),
], ids=lambda v: v if "/" in str(v) or ":" in str(v) or "." in str(v) else None)
def test_organisation_and_host_prefixes_are_dropped(name: str, key: str) -> None:
    assert normalize(name) == key


@pytest.mark.parametrize(("name", "variant"), [
    ("gemma-2-9b-it", "instruct"), ("Llama-2-70b-chat-hf", "instruct"), ("Qwen1.5-14B-Chat", "instruct"),
    ("gpt-5-chat-latest", None), ("DeepSeek Chat", None), ("Flan-T5-Base", "base"), ("DBRX-Instruct", "instruct"),
])
def test_variant_markers(name: str, variant: str | None) -> None:
    assert parse_name(name).variant == variant


@pytest.mark.parametrize(("name", "family", "snapshot"), [
    # a release revision after the size is a snapshot of the sized model (models.dev/litellm hosts
    # write `Mixtral-8x7B-Instruct-v0.1`; Mistral 7B Instruct has v0.1, v0.2, v0.3 apart)
    ("mistralai/Mixtral-8x7B-Instruct-v0.1", "mixtral-8x7b", "v0.1"),
    ("mistral-7b-instruct-v0.2", "mistral-7b", "v0.2"),
    ("claude-v2.1", "claude-v2.1", None),  # no size: the revision is the name's own version
    ("gpt-4o-2024-05-13", "gpt-4o", "2024-05-13"),
    ("gpt-4o-2024-08-06", "gpt-4o", "2024-08-06"),
    ("GPT-4o", "gpt-4o", None),
    ("GPT-4o (May 2024)", "gpt-4o", "2024-05"),
    ("claude-3-5-sonnet-20241022", "claude-3.5-sonnet", "2024-10-22"),
    ("Claude 3.5 Sonnet", "claude-3.5-sonnet", None),
    ("gpt-4-0613", "gpt-4", "0613"),
    ("chatgpt-4o-11-25-2024", "chatgpt-4o", "2024-11-25"),
    ("text-bison@001", "text-bison", "001"),
    ("command-r7b-arabic-02-2025", "command-r7b-arabic", "2025-02"),
], ids=lambda v: v if isinstance(v, str) and v[:1].isalpha() else None)
def test_dated_snapshots_are_own_models_in_one_family(name: str, family: str, snapshot: str | None) -> None:
    parsed = parse_name(name)
    assert (parsed.family, parsed.snapshot) == (family, snapshot)


# ------------------------------------------------------------------------ constructed warehouses
from identity_helpers import PROV, load, model_of  # noqa: E402  (shared with the other identity tests)


def test_open_weights_follow_source_priority_and_conflicts_are_reported(fresh_db) -> None:
    load(fresh_db, [
        ModelFact(source="epoch_trends", name="Examplar 7B", open_weights=True, **PROV),
        ModelFact(source="models_dev", name="examplar-7b", open_weights=False, **PROV),
        ModelFact(source="models_dev", name="examplar-7b", open_weights=False, **PROV),
        ModelFact(source="lmarena", name="Closedex Pro", open_weights=False, **PROV),
        ModelFact(source="models_dev", name="closedex-pro", open_weights=False, **PROV),
    ])
    model = model_of(fresh_db, "models_dev", "examplar-7b")
    assert (model["model_id"], model["open_weights"], model["open_basis"]) == ("examplar-7b", True, "epoch_trends")
    conflicts = fresh_db.execute("SELECT field, detail FROM identity_conflicts WHERE model_id = 'examplar-7b'").fetchall()
    assert [c[0] for c in conflicts] == ["open_weights"]
    assert "epoch_trends says open (1 row)" in conflicts[0][1] and "models_dev says closed (2 rows)" in conflicts[0][1]
    closed = model_of(fresh_db, "lmarena", "Closedex Pro")
    assert (closed["open_weights"], closed["open_basis"]) == (False, "lmarena+models_dev")
    assert fresh_db.execute("SELECT count(*) FROM identity_conflicts WHERE model_id = 'closedex-pro'").fetchone()[0] == 0
    flags = fresh_db.execute("SELECT source, open_rows, closed_rows FROM model_open_flags "
                             "WHERE model_id = 'examplar-7b' ORDER BY source").fetchall()
    assert flags == [("epoch_trends", 1, 0), ("models_dev", 0, 2)]


def test_a_source_split_within_itself_is_a_conflict_and_casts_no_vote(fresh_db) -> None:
    load(fresh_db, [
        ModelFact(source="models_dev", name="Splitter 3B", open_weights=True, **PROV),
        ModelFact(source="models_dev", name="splitter-3b", open_weights=False, **PROV),
    ])
    model = model_of(fresh_db, "models_dev", "Splitter 3B")
    assert (model["open_weights"], model["open_basis"]) == (None, None)
    details = [r[0] for r in fresh_db.execute("SELECT detail FROM identity_conflicts").fetchall()]
    assert details == ["models_dev is split: 1 row open, 1 row closed"]


def test_a_model_no_source_flags_inherits_its_familys_agreed_openness(fresh_db) -> None:
    load(fresh_db, [
        ModelFact(source="epoch_trends", name="Famly 2 9B", open_weights=True, **PROV),
        Price(source="litellm", model_name="famly-2-9b-it", provider="x", input_usd_per_mtok=1.0,
              output_usd_per_mtok=2.0, **PROV),
    ])
    model = model_of(fresh_db, "litellm", "famly-2-9b-it")
    assert (model["model_id"], model["family"], model["variant"]) == ("famly-2-9b-instruct", "famly-2-9b", "instruct")
    assert (model["open_weights"], model["open_basis"]) == (True, "family:epoch_trends")


def test_release_dates_keep_every_source_and_say_which_was_used(fresh_db) -> None:
    load(fresh_db, [
        ModelFact(source="epoch_benchmarks", name="Opusoid 3", release_date=date(2024, 2, 29), **PROV),
        ModelFact(source="epoch_trends", name="Opusoid 3", release_date=date(2024, 3, 4), **PROV),
        Score(source="lmarena", model_name="opusoid-3", benchmark="MMLU", score=50.0,
              release_date=date(2024, 3, 1), **PROV),
    ])
    model = model_of(fresh_db, "lmarena", "opusoid-3")
    assert (model["release_date"], model["release_source"]) == (date(2024, 3, 4), "epoch_trends")
    kept = fresh_db.execute("SELECT source, release_date FROM model_release_dates ORDER BY source").fetchall()
    assert kept == [("epoch_benchmarks", date(2024, 2, 29)), ("epoch_trends", date(2024, 3, 4)),
                    ("lmarena", date(2024, 3, 1))]
    detail = fresh_db.execute("SELECT detail FROM identity_conflicts WHERE field = 'release_date'").fetchone()[0]
    assert detail.startswith("epoch_trends 2024-03-04 (1 row); epoch_benchmarks 2024-02-29 (1 row)")
    assert detail.endswith("used epoch_trends (source priority)")


def test_hub_repo_without_suffix_is_base_only_when_its_instruct_repo_exists(fresh_db) -> None:
    load(fresh_db, [
        ModelFact(source="epoch_benchmarks", name="Lamina-2-70B", hf_id="lamina-org", **PROV),
        ModelFact(source="epoch_benchmarks", name="Lamina-2-70B-Instruct", hf_id="lamina-org", **PROV),
        ModelFact(source="epoch_benchmarks", name="Solo-V3", hf_id="solo-org", **PROV),
        ModelFact(source="epoch_trends", name="Lamina 2 70B", **PROV),
    ])
    assert model_of(fresh_db, "epoch_benchmarks", "Lamina-2-70B")["model_id"] == "lamina-2-70b-base"
    assert model_of(fresh_db, "epoch_benchmarks", "Lamina-2-70B-Instruct")["model_id"] == "lamina-2-70b-instruct"
    assert model_of(fresh_db, "epoch_trends", "Lamina 2 70B")["model_id"] == "lamina-2-70b"  # as released
    assert model_of(fresh_db, "epoch_benchmarks", "Solo-V3")["model_id"] == "solo-v3"  # no instruct repo


def test_a_sources_own_keys_make_its_display_name_specific(fresh_db) -> None:
    load(fresh_db, [
        ModelFact(source="lmarena", name="Claudish 3.7 Sonnet", key="claudish-3-7-sonnet-20250219", **PROV),
        ModelFact(source="models_dev", name="claudish-3-7-sonnet-20250219", **PROV),
        ModelFact(source="epoch_benchmarks", name="Claudish 3.7 Sonnet (mixed)", key="claudish-3-7-sonnet-20250219", **PROV),
        ModelFact(source="epoch_benchmarks", name="Claudish 3.7 Sonnet (mixed)", key="claudish-3-7-sonnet-20250514", **PROV),
    ])
    lm = model_of(fresh_db, "lmarena", "Claudish 3.7 Sonnet")
    assert lm["model_id"] == model_of(fresh_db, "models_dev", "claudish-3-7-sonnet-20250219")["model_id"]
    rule, normalized = fresh_db.execute(
        "SELECT rule, normalized FROM model_aliases WHERE alias = 'Claudish 3.7 Sonnet'").fetchone()
    assert rule.endswith("source-key") and normalized == "claudish-3.7-sonnet"  # the name's own key
    # two keys that disagree: no guess, the name keeps its own key
    assert model_of(fresh_db, "epoch_benchmarks", "Claudish 3.7 Sonnet (mixed)")["snapshot"] is None


def test_partial_snapshot_links_to_the_one_full_date_it_can_mean(fresh_db) -> None:
    load(fresh_db, [
        ModelFact(source="litellm", name="gpx-4o-2024-05-13", **PROV),
        ModelFact(source="litellm", name="gpx-4o-2024-08-06", **PROV),
        ModelFact(source="epoch_benchmarks", name="GPX-4o (May 2024)", **PROV),
        ModelFact(source="epoch_trends", name="GPX-4o-0806", **PROV),
        ModelFact(source="epoch_trends", name="GPX-4o (Nov 2024)", **PROV),
    ])
    assert model_of(fresh_db, "epoch_benchmarks", "GPX-4o (May 2024)")["model_id"] == "gpx-4o-2024-05-13"
    assert model_of(fresh_db, "epoch_trends", "GPX-4o-0806")["model_id"] == "gpx-4o-2024-08-06"
    assert model_of(fresh_db, "epoch_trends", "GPX-4o (Nov 2024)")["model_id"] == "gpx-4o-2024-11"


def test_a_month_snapshot_links_to_the_one_mmdd_snapshot_of_that_month_and_year(fresh_db) -> None:
    """`GPX-4 (Jun 2023)` names the June 2023 model; `gpx-4-0613` is June 13 of a year its stamp leaves
    unsaid, which a source's date of that model fixes."""
    load(fresh_db, [
        ModelFact(source="litellm", name="gpx-4-0613", **PROV),
        ModelFact(source="epoch_trends", name="gpx-4-0613", release_date=date(2023, 6, 13), **PROV),
        ModelFact(source="epoch_benchmarks", name="GPX-4 (Jun 2023)", release_date=date(2023, 6, 13), **PROV),
        # the same month of another year: no link (its MMDD model is dated 2023, not 2024)
        ModelFact(source="epoch_benchmarks", name="GPX-4 (Jun 2024)", **PROV),
        # a month with two MMDD snapshots: which one is unsaid, so no link
        ModelFact(source="litellm", name="gpx-4-0301", release_date=date(2023, 3, 1), **PROV),
        ModelFact(source="litellm", name="gpx-4-0314", release_date=date(2023, 3, 14), **PROV),
        ModelFact(source="epoch_benchmarks", name="GPX-4 (Mar 2023)", **PROV),
        # an MMDD snapshot no source dates: its year is unknown, so no link
        ModelFact(source="litellm", name="gpx-4-1106", **PROV),
        ModelFact(source="epoch_benchmarks", name="GPX-4 (Nov 2023)", **PROV),
    ])
    june = model_of(fresh_db, "epoch_benchmarks", "GPX-4 (Jun 2023)")
    assert june["model_id"] == model_of(fresh_db, "litellm", "gpx-4-0613")["model_id"] == "gpx-4-0613"
    assert june["release_date"] == date(2023, 6, 13)
    rule = fresh_db.execute("SELECT rule FROM model_aliases WHERE alias = 'GPX-4 (Jun 2023)'").fetchone()[0]
    assert "snapshot-link" in rule.split("+")
    assert model_of(fresh_db, "epoch_benchmarks", "GPX-4 (Jun 2024)")["model_id"] == "gpx-4-2024-06"
    assert model_of(fresh_db, "epoch_benchmarks", "GPX-4 (Mar 2023)")["model_id"] == "gpx-4-2023-03"
    assert model_of(fresh_db, "epoch_benchmarks", "GPX-4 (Nov 2023)")["model_id"] == "gpx-4-2023-11"


def test_mirror_gpt4_month_names_join_the_priced_mmdd_snapshots(mirror_db) -> None:
    """epoch/benchmark-stitching/model_versions.csv: `GPT-4 (Jun 2023)` (gpt-4-0613, 2023-06-13) and
    `GPT-4 (Mar 2023)` (2023-03-14); litellm/model_prices_2023-10-20_litellm-0.11.1.json prices
    `gpt-4-0613` and `gpt-4-0314`. One model each, dated by the day the stamp names."""
    june = model_of(mirror_db, "epoch_benchmarks", "GPT-4 (Jun 2023)")
    assert june["model_id"] == model_of(mirror_db, "litellm", "gpt-4-0613")["model_id"] == "gpt-4-0613"
    assert june["release_date"] == date(2023, 6, 13)
    march = model_of(mirror_db, "epoch_benchmarks", "GPT-4 (Mar 2023)")
    assert march["model_id"] == model_of(mirror_db, "litellm", "gpt-4-0314")["model_id"] == "gpt-4-0314"
    # models_dev / openrouter say 2023-05-28 for gpt-4-0314, 75 days from the 0314 stamp: a conflict
    assert march["release_date"] == date(2023, 3, 14)


@pytest.mark.parametrize(("name", "key"), [("405B", "405b"), ("2024-05-13", "2024-05-13"), ("Instruct", "instruct"),
                                         ("   ", "")], ids=["size only", "date only", "marker only", "blank"])
def test_degenerate_names_never_yield_an_empty_family_by_accident(name: str, key: str) -> None:
    assert normalize(name) == key


def test_a_blank_name_gets_no_alias_and_is_listed_unmatched(fresh_db) -> None:
    from openpace.identity.report import unmatched_names

    load(fresh_db, [Score(source="lmarena", model_name=" ", benchmark="B", score=1.0, **PROV)])
    assert fresh_db.execute("SELECT count(*) FROM model_aliases").fetchone()[0] == 0
    assert unmatched_names(fresh_db) == [{"source": "lmarena", "name": " ", "tables": ["scores"], "rows": 1,
                                          "model_id": None}]


def test_rebuild_is_complete_and_repeatable(fresh_db) -> None:
    records = [ModelFact(source="epoch_trends", name="Alpha 7B", open_weights=True, **PROV),
               Score(source="lmarena", model_name="alpha-7b", benchmark="B", score=1.0, **PROV)]
    load(fresh_db, records)
    first = fresh_db.execute("SELECT * FROM model_aliases ORDER BY ALL").fetchall()
    fresh_db.execute("BEGIN TRANSACTION")
    rebuild_identity(fresh_db)
    fresh_db.execute("COMMIT")
    assert fresh_db.execute("SELECT * FROM model_aliases ORDER BY ALL").fetchall() == first
    assert fresh_db.execute("SELECT count(*) FROM models").fetchone()[0] == 1


# -------------------------------------------------------------------------------- resolve_name
@pytest.fixture
def resolver_db(fresh_db):
    load(fresh_db, [
        ModelFact(source="epoch_trends", name="Lamina 3.1 405B", **PROV),
        ModelFact(source="models_dev", name="lamina-3.1-405b-instruct", **PROV),
        ModelFact(source="litellm", name="sonnetto-3-5-20240620", **PROV),
        ModelFact(source="litellm", name="sonnetto-3-5-20241022", **PROV),
        ModelFact(source="lmarena", name="Twin", key="twin-a", **PROV),
        ModelFact(source="models_dev", name="Twin", key="twin-b", **PROV),
        ModelFact(source="epoch_trends", name="Sonnetto 4 (Jun 2023)", **PROV),
    ])
    return fresh_db


@pytest.mark.parametrize(("text", "ids", "rule"), [
    ("Lamina 3.1 405B", ["lamina-3.1-405b"], "exact alias"),
    ("LAMINA-3.1-405B-Instruct-Turbo", ["lamina-3.1-405b-instruct"], "normalized"),
    ("Lamina 3 405B", ["lamina-3.1-405b"], "version prefix"),
    ("Sonnetto 3.5", ["sonnetto-3.5-2024-06-20", "sonnetto-3.5-2024-10-22"], "family"),
    ("Sonnetto 3.5 (Oct 2024)", ["sonnetto-3.5-2024-10-22"], "family"),
    ("Lamina 4 405B", [], "no match"),
    ("sonnetto-4-2023-06", ["sonnetto-4-2023-06"], "model id"),  # an id openpace itself prints
], ids=lambda v: v if isinstance(v, str) and " " in v or isinstance(v, str) and "-" in v else None)
def test_resolve_name(resolver_db, text: str, ids: list[str], rule: str) -> None:
    found, explained = resolve_name_explained(resolver_db, text)
    assert found == ids
    assert explained.startswith(rule)
    assert resolve_name(resolver_db, text) == ids


def test_resolve_name_returns_every_model_an_alias_names(resolver_db) -> None:
    # `Twin` is one model to nobody: LMArena and models.dev key it differently, so it stays one
    # unmarked model and both sources' aliases point there
    assert resolve_name(resolver_db, "Twin") == ["twin"]


# ---------------------------------------------------------------------------- the mirror warehouse
def test_real_names_from_different_sources_join_one_model(mirror_db) -> None:
    # names as they appear in: epoch model_versions.csv, lmarena leaderboard tables, models.dev api,
    # LiteLLM 1.110.2 and genai-prices data.json
    instruct = {model_of(mirror_db, s, n)["model_id"] for s, n in [
        ("epoch_benchmarks", "Llama-3.1-405B-Instruct"),
        ("lmarena", "Meta-Llama-3.1-405B-Instruct-fp8"),
        ("models_dev", "Llama 3.1 405B Instruct Turbo"),
        ("litellm", "us.meta.llama3-1-405b-instruct-v1:0"),
        ("genai_prices", "meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo"),
    ]}
    assert instruct == {"llama-3.1-405b-instruct"}
    # model_versions.csv: `Llama-3.1-405B` links huggingface.co/meta-llama/Llama-3.1-405B, the base
    assert model_of(mirror_db, "epoch_benchmarks", "Llama-3.1-405B")["model_id"] == "llama-3.1-405b-base"
    trends = model_of(mirror_db, "epoch_trends", "Llama 3.1 405B")
    assert (trends["model_id"], trends["family"], trends["variant"]) == ("llama-3.1-405b", "llama-3.1-405b", None)
    # LMArena's elo_data.json, Epoch's model_versions.csv (`Display name`) and models.dev name the May GPT-4o
    may = {model_of(mirror_db, s, n)["model_id"] for s, n in [
        ("lmarena", "gpt-4o-2024-05-13"), ("epoch_benchmarks", "GPT-4o (May 2024)"),
        ("models_dev", "OpenAI: GPT-4o (2024-05-13)")]}
    assert may == {"gpt-4o-2024-05-13"}
    assert model_of(mirror_db, "litellm", "gpt-4o-2024-08-06")["family"] == "gpt-4o"
    assert model_of(mirror_db, "epoch_trends", "GPT-4o mini")["model_id"] == "gpt-4o-mini"


def test_mirror_claude_3_opus_dates_are_kept_with_their_sources(mirror_db) -> None:
    # gsm1k_with_model_accessibility.csv: claude-3-opus-20240229, 2024-03-04 (Epoch trends);
    # model_versions.csv: claude-3-opus-20240229, Claude 3 Opus, 2024-02-29 (Epoch benchmarks)
    opus = model_of(mirror_db, "epoch_benchmarks", "Claude 3 Opus")
    assert opus["model_id"] == model_of(mirror_db, "epoch_trends", "claude-3-opus-20240229")["model_id"]
    assert (opus["release_date"], opus["release_source"]) == (date(2024, 3, 4), "epoch_trends")
    kept = dict(mirror_db.execute("SELECT source, release_date FROM model_release_dates WHERE model_id = ? "
                                  "AND source LIKE 'epoch%'", [opus["model_id"]]).fetchall())
    assert kept == {"epoch_trends": date(2024, 3, 4), "epoch_benchmarks": date(2024, 2, 29)}
    detail = mirror_db.execute("SELECT detail FROM identity_conflicts WHERE model_id = ? AND field = 'release_date'",
                               [opus["model_id"]]).fetchone()[0]
    assert "epoch_trends 2024-03-04" in detail and "epoch_benchmarks 2024-02-29" in detail
    # benchmarks_with_model_accessibility.csv: `Claude 3 Opus` (no snapshot) stays the family's own model
    assert model_of(mirror_db, "epoch_trends", "Claude 3 Opus")["model_id"] == "claude-3-opus"


def test_mirror_open_and_closed_come_from_the_sources(mirror_db) -> None:
    # benchmarks_with_model_accessibility.csv: Llama 3.1 405B Open, GPT-4o Closed
    llama = model_of(mirror_db, "epoch_trends", "Llama 3.1 405B")
    assert llama["open_weights"] is True and llama["open_basis"].startswith("epoch_trends")
    gpt = model_of(mirror_db, "epoch_trends", "GPT-4o")
    assert gpt["open_weights"] is False and gpt["open_basis"].startswith("epoch_trends")


def test_mirror_every_fact_row_has_exactly_one_alias(mirror_db) -> None:
    missing = mirror_db.execute("""
        SELECT count(*) FROM (SELECT source, model_name AS name FROM scores UNION ALL
                              SELECT source, model_name FROM prices UNION ALL
                              SELECT source, name FROM model_facts UNION ALL
                              SELECT source, max_model FROM arena_tops) f
        LEFT JOIN model_aliases a ON a.source = f.source AND a.alias = f.name WHERE a.model_id IS NULL""").fetchone()[0]
    assert missing == 0
    duplicated = mirror_db.execute(
        "SELECT count(*) FROM (SELECT source, alias FROM model_aliases GROUP BY ALL HAVING count(*) > 1)").fetchone()[0]
    assert duplicated == 0
    orphans = mirror_db.execute("SELECT count(*) FROM model_aliases WHERE model_id NOT IN (SELECT model_id FROM models)")
    assert orphans.fetchone()[0] == 0


# ---------------------------------------------------------------------------------------- CLI
from cli_helpers import run  # noqa: E402  (shared by the CLI tests)


def test_models_json(mirror_db_path, monkeypatch, capsys) -> None:
    code, out, err = run(["models", "--json", "--db", str(mirror_db_path)], monkeypatch, capsys)
    assert code == 0, err
    data = json.loads(out)
    by_id = {m["model_id"]: m for m in data["models"]}
    assert data["count"] == len(data["models"]) == len(by_id)
    llama = by_id["llama-3.1-405b-instruct"]
    assert {"alias": "Meta-Llama-3.1-405B-Instruct-fp8", "source": "lmarena",
            "rule": "precision+separators+org-word+variant"} in llama["aliases"]
    assert llama["open_weights"] is True and llama["family"] == "llama-3.1-405b"


def test_models_open_closed_and_unmatched(mirror_db_path, monkeypatch, capsys) -> None:
    code, out, _ = run(["models", "--open", "--json", "--db", str(mirror_db_path)], monkeypatch, capsys)
    opened = json.loads(out)["models"]
    assert code == 0 and opened and all(m["open_weights"] is True for m in opened)
    code, out, _ = run(["models", "--closed", "--json", "--db", str(mirror_db_path)], monkeypatch, capsys)
    closed = json.loads(out)["models"]
    assert code == 0 and closed and all(m["open_weights"] is False for m in closed)
    assert not {m["model_id"] for m in opened} & {m["model_id"] for m in closed}
    code, out, _ = run(["models", "--unmatched", "--json", "--db", str(mirror_db_path)], monkeypatch, capsys)
    unmatched = json.loads(out)
    assert code == 0
    names = {(n["source"], n["name"]) for n in unmatched["names"]}
    # the Hermes 3 fine-tune on OpenRouter is named by OpenRouter and models.dev: it joins, not unmatched
    assert ("openrouter", "nousresearch/hermes-3-llama-3.1-405b") not in names
    assert ("epoch_trends", "BloombergGPT") in names  # only Epoch names it
    assert unmatched["by_source"]["epoch_trends"]["names"] == sum(1 for s, _ in names if s == "epoch_trends")


def test_models_name_argument_resolves(mirror_db_path, monkeypatch, capsys) -> None:
    code, out, _ = run(["models", "Llama 3 405B", "--json", "--db", str(mirror_db_path)], monkeypatch, capsys)
    data = json.loads(out)
    assert code == 0 and data["query"] == "Llama 3 405B" and data["rule"].startswith("version prefix")
    # benchmarks_with_model_accessibility.csv: Llama 3.1 405B, 2024-07-23, Open
    assert [(m["model_id"], m["release_date"], m["open_weights"]) for m in data["models"]] == [
        ("llama-3.1-405b", "2024-07-23", True)]


def test_models_table_output(mirror_db_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    code, out, err = run(["models", "--closed", "--db", str(mirror_db_path)], monkeypatch, capsys)
    assert code == 0
    assert "gpt-4o-mini" in out and "GPT-4o mini" in out and "models;" in err


def test_host_deployments_of_an_open_model_inherit_openness_and_its_first_release(fresh_db) -> None:
    load(fresh_db, [
        ModelFact(source="epoch_trends", name="Opn-9 120B", open_weights=True, release_date=date(2025, 8, 5), **PROV),
        # a catalogue lists a host's deployment closed, dated before the open model existed
        ModelFact(source="models_dev", name="Opn-9-120B-CS", open_weights=False, release_date=date(2024, 12, 1), **PROV),
        ModelFact(source="models_dev", name="Opn-9-120B-CS", open_weights=False, release_date=date(2025, 8, 6), **PROV),
        ModelFact(source="models_dev", name="Opn-9 120B TEE", **PROV),
        # a word that is no host's (`Safeguard`): another model, left alone
        ModelFact(source="models_dev", name="Opn-9 Safeguard 120B", open_weights=False, **PROV),
        # a closed model's host deployment stays closed
        ModelFact(source="epoch_trends", name="Clsd-9", open_weights=False, release_date=date(2025, 1, 1), **PROV),
        ModelFact(source="models_dev", name="Clsd-9-TEE", **PROV),
    ])
    cs = model_of(fresh_db, "models_dev", "Opn-9-120B-CS")
    assert (cs["model_id"], cs["open_weights"], cs["setting_of"]) == ("opn-9-cs-120b", True, "opn-9-120b")
    assert cs["open_basis"] == "inherited from opn-9-120b (host deployment)"
    assert cs["release_date"] == date(2025, 8, 6)  # 2024-12-01 is before the family's first release
    details = [d for (d,) in fresh_db.execute("SELECT detail FROM identity_conflicts WHERE model_id = 'opn-9-cs-120b'").fetchall()]
    assert any("host's deployment of opn-9-120b" in d for d in details)
    assert any("2024-12-01" in d and "before the family's first release" in d for d in details)
    assert model_of(fresh_db, "models_dev", "Opn-9 120B TEE")["open_weights"] is True
    assert model_of(fresh_db, "models_dev", "Opn-9 Safeguard 120B")["open_weights"] is False
    assert model_of(fresh_db, "models_dev", "Clsd-9-TEE")["open_weights"] is not True


def test_mirror_gpt_oss_host_listings_are_open_and_not_before_gpt_oss(mirror_db) -> None:
    # models.dev/api-2026-01-01.json: amazon-bedrock openai.gpt-oss-120b-1:0, open_weights false, 2024-12-01
    # (Bedrock's `-1:0` is its API revision: the same model); api-2026-07-02.json: poe
    # cerebras/gpt-oss-120b-cs "GPT-OSS-120B-CS" and nano-gpt TEE/gpt-oss-20b "GPT-OSS 20B TEE", both
    # open_weights false
    bedrock = model_of(mirror_db, "models_dev", "openai.gpt-oss-120b-1:0")
    assert bedrock["model_id"] == "gpt-oss-120b" and bedrock["open_weights"] is True
    assert bedrock["release_date"] == date(2025, 8, 5)
    for name in ("GPT-OSS-120B-CS", "GPT-OSS 20B TEE"):
        host = model_of(mirror_db, "models_dev", name)
        assert host["open_weights"] is True and host["setting_of"] in ("gpt-oss-120b", "gpt-oss-20b"), host
        assert host["release_date"] >= date(2025, 8, 5)


def test_models_dev_registry_record_outranks_its_provider_flags(fresh_db) -> None:
    # the shape of models.dev: canonical-models.json (the lab's record) says closed, provider listings open
    registry = dict(PROV, origin="mirror:models.dev/canonical-models.json <- github.com/x/models.dev")
    load(fresh_db, [
        ModelFact(source="models_dev", name="Devstrel Medium", key="mistrel/devstrel-medium-2507", open_weights=False,
                  **registry),
        *[ModelFact(source="models_dev", name="Devstrel Medium", key=f"host{i}/devstrel-medium-2507", open_weights=True,
                    **PROV) for i in range(3)],
    ])
    model = model_of(fresh_db, "models_dev", "Devstrel Medium")
    assert (model["open_weights"], model["open_basis"]) == (False, "models-dev-registry")


def test_a_catalogue_contradicting_itself_is_no_closed_verdict(fresh_db) -> None:
    load(fresh_db, [
        *[ModelFact(source="models_dev", name="Gard 2 22M", key=f"h{i}/gard-2-22m", open_weights=i < 2, **PROV)
          for i in range(5)],  # 2 rows open, 3 closed
        *[ModelFact(source="models_dev", name="Shut 1", key=f"h{i}/shut-1", open_weights=False, **PROV) for i in range(3)],
    ])
    assert model_of(fresh_db, "models_dev", "Gard 2 22M")["open_weights"] is None
    detail = fresh_db.execute("SELECT detail FROM identity_conflicts WHERE model_id = 'gard-2-22m' "
                              "AND detail LIKE '%unknown%'").fetchone()[0]
    assert "models_dev 2 of 5 rows" in detail
    assert model_of(fresh_db, "models_dev", "Shut 1")["open_weights"] is False  # unanimous: closed


def test_mirror_devstral_medium_and_prompt_guard_openness(mirror_db) -> None:
    # models.dev/canonical-models.json: mistral/devstral-medium-2507 open_weights false (Mistral's own
    # record); api-2026-07-02.json: the mistral provider lists it open, merge-gateway closed
    devstral = model_of(mirror_db, "models_dev", "mistral/devstral-medium-2507")
    assert devstral["open_weights"] is False and devstral["open_basis"].startswith("models-dev-registry")
    # api-2026-07-02.json: groq meta-llama/llama-prompt-guard-2-22m open, helicone closed: the catalogue
    # says both, so the model's openness is unknown (not the cheapest *closed* model of `prices`)
    assert model_of(mirror_db, "models_dev", "meta-llama/llama-prompt-guard-2-22m")["open_weights"] is None
