"""The evidence rule for score claims (docs/claims.md, "Evidence"): every source's rows for the claim's
model and variant, weighed by who measured them; supported when a row that may support agrees,
contradicted only when none does.

Sentences are written for this test. The facts are rows of the committed fixture mirror
(tests/fixtures/mirror), each named where it is used:
- MMLU_CSV = epoch/benchmark-stitching/external_benchmark_mmlu.csv: 'Llama 3 (70B)'
  Meta-Llama-3-70B-Instruct 79.3% (Stanford CRFM Leaderboard); 'Claude 3.5 Sonnet (20241022)'
  claude-3-5-sonnet-20241022 87.3% (Stanford CRFM Leaderboard); 'Qwen2 Instruct (72B)' 82.4% (same).
- TRENDS_CSV = epoch/open-model-trends/benchmarks_with_model_accessibility.csv: 'Llama 3 70B' MMLU 0.82
  (trust 1); 'Qwen2-72B' MMLU 0.842 (trust -1); 'Claude 3.5 Sonnet' (2024-06-20) MMLU 0.887.
- ARENA_CSV = lmarena/leaderboard_table_20241028.csv: 'Claude 3.5 Sonnet (20241022)' MMLU 0.887,
  'Qwen2-72B-Instruct' MMLU 0.842.
- WINO_CSV = epoch/benchmark-stitching/external_benchmark_winogrande.csv: 'LLaMA 3 70B' Meta-Llama-3-70B
  83.5% (the base model, from the model's paper).
- ARC_CSV = epoch/benchmark-stitching/external_benchmark_arc_ai2.csv: only Meta-Llama-3-8B-Instruct 82.8%.
"""

from __future__ import annotations


import pytest

from openpace.claims import check_claims, check_text, lexicon
from openpace.claims.verify_scores import decide, verify_score
from openpace.domain import basis as B
from openpace.domain.qualifiers import within
from openpace.domain.variants import BASE, INSTRUCT, Variant, covered, support_only, variant_in_text
from openpace.metrics.evidence import ScoreRow
from openpace.warehouse import connect


def score(con, text: str) -> dict:
    return next(c for c in check_text(con, text)["claims"] if c["kind"] == "score")


# ----------------------------------------------------------------- end to end, fixture mirror
def test_a_name_without_variant_is_supported_by_its_instruct_models_independent_row(con):
    # MMLU_CSV: HELM 79.3 for the instruct model agrees; TRENDS_CSV's 'Llama 3 70B' 0.82 does not
    claim = score(con, "Llama 3 70B posted 79.3% on MMLU in our notes.")
    assert claim["verdict"] == "supported" and claim["found"] == pytest.approx(79.3)
    assert "llama-3-70b-instruct" in claim["explanation"] and "names no variant" in claim["explanation"]
    # every source's row is shown, the disagreeing trends row too, with its basis
    assert "epoch_trends Llama 3 70B 82 (undated; self-reported) disagrees" in claim["explanation"]
    assert {e["source"] for e in claim["evidence"]} >= {"epoch_trends", "epoch_benchmarks"}
    assert all("basis" in e and "authority" in e for e in claim["evidence"])


def test_another_variants_row_never_contradicts_a_name_without_variant(con):
    # ARC_CSV: only the instruct model's 82.8; the text says no variant
    claim = score(con, "Llama 3 8B posted 70% on ARC-Challenge.")
    assert claim["verdict"] == "unverifiable"
    assert "only its instruct model has one" in claim["explanation"] and "82.8" in claim["explanation"]


def test_the_base_models_row_contradicts_a_name_without_variant(con):
    # WINO_CSV: the base model's 83.5 (a name without suffix is the pre-trained model)
    claim = score(con, "Llama 3 70B posted 86% on WinoGrande.")
    assert claim["verdict"] == "contradicted" and claim["found"] == pytest.approx(83.5)
    assert "llama-3-70b-base" in claim["explanation"]


def test_an_instruct_name_does_not_use_the_base_models_row(con):
    # WINO_CSV has the base model only: a claim about the instruct model has no row of its own
    claim = score(con, "Llama 3 70B Instruct posted 86% on WinoGrande.")
    assert claim["verdict"] == "unverifiable" and not claim["evidence"]


def test_an_uncited_copy_alone_never_supports_against_a_cited_row(con):
    # MMLU_CSV: HELM 87.3 for the October snapshot; ARENA_CSV copies 88.7 for it (as for the June one)
    claim = score(con, "Claude 3.5 Sonnet (20241022) posted 88.5% on MMLU.")
    assert claim["verdict"] == "contradicted" and claim["found"] == pytest.approx(87.3)
    assert "never supports a claim alone" in claim["explanation"]
    assert "an uncited copy" in claim["explanation"]
    # the dated snapshot uses its own rows only: no row of the June model or of the undated name
    assert {e.get("model_id") for e in claim["evidence"]} == {None}
    assert all("20240620" not in e["model"] and e["model"] != "Claude 3.5 Sonnet" for e in claim["evidence"])


def test_weak_rows_decide_when_no_cited_row_of_the_model_disagrees(con):
    # TRENDS_CSV 'Qwen2-72B' 0.842 (trust -1) and ARENA_CSV's copy for the instruct model agree; HELM's 82.4
    # is the instruct model's, which never contradicts a name without variant
    claim = score(con, "Qwen2-72B posted 84% on MMLU.")
    assert claim["verdict"] == "supported"
    assert "marked low trust" in claim["explanation"]


def test_a_variant_stated_by_the_context_keeps_to_that_variant(con):
    # the `variant` claim parameter (a table or section heading saying pre-trained / base): MMLU_CSV and
    # TRENDS_CSV have no base-model MMLU row for it, so the instruct model's agreeing 79.3 is not used
    _, claims = check_claims(con, "Llama 3 70B posted 79.3% on MMLU in our notes.")
    claim = next(c for c in claims if c.kind == "score")
    claim.params["variant"] = BASE
    verify_score(con, lexicon(con), claim)
    assert claim.verdict == "unverifiable" and "(base model)" in claim.explanation


# ----------------------------------------------------------------- the rules themselves, in memory
HELM = ('{"Name":"Llama 3 (70B)","Model version":"Meta-Llama-3-70B-Instruct","Shots":"5",'
        '"Source":"Stanford CRFM Leaderboard"}')
MMLU_ORIGIN = "mirror:epoch/benchmark-stitching/external_benchmark_mmlu.csv"
ARENA_ORIGIN = "mirror:lmarena/leaderboard_table_20241028.csv"
TRENDS_ORIGIN = "mirror:epoch/open-model-trends/benchmarks_with_model_accessibility.csv"


def row(source: str, value: float, origin: str, raw: str | None = None, trust: int | None = None,
        name: str = "m") -> ScoreRow:
    return ScoreRow(source, name, "MMLU", value, "percent", origin, None, None, trust, raw)


def test_authority_of_rows():
    assert B.authority("epoch_benchmarks", "MMLU", MMLU_ORIGIN, HELM, None) == B.AUTHORITATIVE
    assert B.authority("lmarena", "MMLU", ARENA_ORIGIN, None, None) == B.SECONDARY  # an uncited copy
    assert B.authority("lmarena", "MT-bench", ARENA_ORIGIN, None, None) == B.AUTHORITATIVE  # its own judges
    assert B.authority("epoch_trends", "MMLU", TRENDS_ORIGIN, None, -1) == B.LOW_TRUST
    assert B.authority("epoch_trends", "MMLU", TRENDS_ORIGIN, None, 0) == B.AUTHORITATIVE


def test_decide_weighs_rows_by_who_measured_them():
    agrees = lambda r: abs(r[3] - 88.5) <= 0.5  # noqa: E731
    everything = lambda r: True  # noqa: E731
    cited = row("epoch_benchmarks", 87.3, MMLU_ORIGIN, HELM)
    copy = row("lmarena", 88.7, ARENA_ORIGIN)
    low = row("epoch_trends", 88.7, TRENDS_ORIGIN, trust=-1)
    # a cited row that agrees decides
    assert decide([copy, row("epoch_benchmarks", 88.4, MMLU_ORIGIN, HELM)], agrees, everything)[0][3] == 88.4
    # a copy alone against a cited row: contradicted by the cited row
    chosen, why = decide([cited, copy], agrees, everything)
    assert chosen is cited and "never supports" in why
    # a copy and a low-trust row of two sources corroborate each other
    chosen, why = decide([cited, copy, low], agrees, everything)
    assert chosen[3] == 88.7 and "2 sources" in why
    # a cited row that may not contradict (another variant) leaves the copy to decide
    chosen, _ = decide([cited, copy], agrees, lambda r: r is not cited)
    assert chosen is copy
    # nothing agrees and only another variant's row exists: no verdict
    assert decide([cited], agrees, lambda r: False)[0] is None


def test_variant_words_in_headings():
    assert variant_in_text("Pre-trained models") == BASE
    assert variant_in_text("Chat Model") == INSTRUCT
    assert variant_in_text("Instruction-tuned models") == INSTRUCT
    assert variant_in_text("Base and chat models") is None
    assert variant_in_text("Technical report results") is None


def test_which_models_a_claim_covers():
    plain = Variant("x-7b", "x-7b", None, None)
    base = Variant("x-7b-base", "x-7b", BASE, None)
    chat = Variant("x-7b-instruct", "x-7b", INSTRUCT, None)
    dated = Variant("x-7b-2024-05-13", "x-7b", None, "2024-05-13")
    family = [plain, base, chat, dated]
    assert set(covered(plain, family)) == {plain, base, chat}
    assert support_only(plain, chat) and not support_only(plain, base) and not support_only(chat, chat)
    assert covered(chat, family) == [chat]
    assert covered(dated, family) == [dated]
    assert covered(plain, family, stated=BASE) == [base]
    # a stated variant the family lacks: the name's own rows are its only reading
    assert covered(plain, [plain, chat], stated=BASE) == [plain]


def test_a_figure_exactly_on_the_tolerance_edge_is_within_it():
    # MMLU_CSV gemma-2-27b-it 75.7% against TRENDS_CSV Gemma 2 27B 0.752 with +/-0.5: binary floating point
    # makes the difference 0.5000000000000071
    assert within(75.7, 75.2, "exact", 0.5, 1.5, 3.0)
    assert not within(75.8, 75.2, "exact", 0.5, 1.5, 3.0)


@pytest.mark.parametrize("heading, verdict", [
    ("Pre-trained models", "unverifiable"),  # no base-model MMLU row in MMLU_CSV or TRENDS_CSV
    ("Instruction-tuned models", "supported"),  # MMLU_CSV: HELM 79.3 for the instruct model
    ("Results", "supported"),  # no variant named: the instruct model's row may support
])
def test_a_tables_section_heading_states_its_variant(con, heading, verdict):
    text = f"## {heading}\n\n| Benchmark | Llama 3 70B |\n|---|---|\n| MMLU | 79.3 |\n"
    claim = score(con, text)
    assert claim["verdict"] == verdict, claim["explanation"]


def test_a_heading_names_the_variant_only_for_the_tables_under_its_own_run(con):
    # a later heading naming no variant ends the section: its table reads the name without variant
    text = ("## Pre-trained models\n\nSome words.\n\n## Results\n\n| Benchmark | Llama 3 70B |\n|---|---|\n"
            "| MMLU | 79.3 |\n")
    assert score(con, text)["verdict"] == "supported"


@pytest.mark.parametrize("text, verdict", [
    # models.dev/api-*.json and openrouter-models-2026-05-15.json: google/gemma-2-27b-it, gemma-2-9b-it
    # limit.context 8192; the canonical 'gemma-2' (the family named without a size) has no value of its own
    ("Gemma 2 offers an 8,192-token context window.", "supported"),
    # no model of the series is served at 32K, but every value is a third-party host's cap: hosts never contradict
    # a model's window (docs/claims.md, "A context window is the model's"), and most of them serve 8,192
    ("Gemma 2 offers a 32K context window.", "unverifiable"),
])
def test_a_family_name_reads_its_sized_models(con, text, verdict):
    claim = next(c for c in check_text(con, text)["claims"] if c["kind"] == "context_window")
    assert claim["verdict"] == verdict, claim["explanation"]
    assert "every model of it" in claim["explanation"]
    assert all(e["model_id"].startswith("gemma-2-") for e in claim["evidence"])


def test_a_family_name_that_is_one_canonical_model_without_a_value_reads_its_sized_models(full_mirror_db_file):
    # the whole mirror's identity holds a canonical 'gemma-2' (the family without a size, no context window),
    # which "It" refers to;
    # models.dev/openrouter-models-2026-05-15.json: google/gemma-2-27b-it context_length 8192
    full = connect(full_mirror_db_file, read_only=True)
    try:
        text = "We tried Gemma 2 on our laptops. It offers a context window of 8,192 tokens."
        claim = next(c for c in check_text(full, text)["claims"]
                     if c["kind"] == "context_window")
    finally:
        full.close()
    assert claim["verdict"] == "supported", claim["explanation"]
    assert "has no value of its own; as a series" in claim["explanation"]


def test_a_stamp_after_a_name_in_prose_names_its_dated_snapshot(con):
    # MMLU_CSV: 'GPT-4o (2024-05-13)' gpt-4o-2024-05-13 84.2% (HELM); TRENDS_CSV's undated 'GPT-4o' MMLU 0.872
    # is the moving name's, not the snapshot's
    claim = score(con, "In May, GPT-4o 0513 posted 84.2% on MMLU.")
    assert claim["verdict"] == "supported" and claim["found"] == pytest.approx(84.2)
    assert "dated snapshot" in claim["explanation"]
    assert all(e["model"] != "GPT-4o" for e in claim["evidence"])
    assert any(e["text"] == "GPT-4o 0513" for e in claim["entities"])
    # the trends row would support 87.2 for the undated name; the snapshot does not take it
    assert score(con, "In May, GPT-4o 0513 posted 87.2% on MMLU.")["verdict"] == "contradicted"


def test_a_stamp_no_source_names_apart_leaves_the_claim_unverifiable(con):
    # no source names a GPT-4o snapshot of 1 January: the undated name's rows are not used
    claim = score(con, "GPT-4o 0101 posted 87.2% on MMLU.")
    assert claim["verdict"] == "unverifiable" and "no source names apart" in claim["explanation"]


def test_a_release_version_is_the_name_when_it_is_the_only_one():
    plain = Variant("x-8b", "x-8b", None, None)
    v01 = Variant("x-8b-v0.1", "x-8b", None, "v0.1")
    chat01 = Variant("x-8b-instruct-v0.1", "x-8b", INSTRUCT, "v0.1")
    dated = Variant("x-8b-2024-05-13", "x-8b", None, "2024-05-13")
    assert set(covered(plain, [plain, v01, chat01, dated])) == {plain, v01, chat01}
    # two versions of one variant: the name without a version names neither
    v03 = Variant("x-8b-v0.3", "x-8b", None, "v0.3")
    assert set(covered(plain, [plain, v01, v03, chat01])) == {plain, chat01}


def test_a_name_without_version_is_the_one_release_version_with_the_needed_rows():
    plain = Variant("x-8b", "x-8b", None, None)
    v01 = Variant("x-8b-v0.1", "x-8b", None, "v0.1")
    v03 = Variant("x-8b-v0.3", "x-8b", None, "v0.3")
    chat01 = Variant("x-8b-instruct-v0.1", "x-8b", INSTRUCT, "v0.1")
    chat02 = Variant("x-8b-instruct-v0.2", "x-8b", INSTRUCT, "v0.2")
    family = [plain, v01, v03, chat01, chat02]
    # two base versions, only one with a row on the claim's benchmark: that one; so for the instruct versions
    assert set(covered(plain, family, measured={"x-8b-v0.1", "x-8b-instruct-v0.2"})) == {plain, v01, chat02}
    # two versions of one variant with rows: the name names neither (ambiguous, never a guess)
    assert set(covered(plain, family, measured={"x-8b-v0.1", "x-8b-v0.3"})) == {plain}
    # a written version is never changed: a versioned name covers its own version only
    assert set(covered(v03, family, measured={"x-8b-v0.1"})) == {v03}


def test_a_name_reads_the_rows_of_the_one_release_version_scored_on_the_benchmark(con):
    # the fixture's 'mistral-7b' family has base versions v0.1 and v0.3; only v0.1 has a HellaSwag row:
    # epoch/benchmark-stitching/external_benchmark_hellaswag.csv: 'Mistral 7B' Mistral-7B-v0.1 81.0% (Mixtral of Experts)
    claim = score(con, "Mistral 7B posted 81.0% on HellaSwag.")
    assert claim["verdict"] == "supported" and "mistral-7b-v0.1" in claim["explanation"]
    assert "another version" not in claim["explanation"]
    assert score(con, "Mistral 7B posted 70% on HellaSwag.")["verdict"] == "contradicted"
    # the version written is kept: v0.3 has no HellaSwag row, and v0.1's is not its
    assert score(con, "Mistral-7B-v0.3 posted 81.0% on HellaSwag.")["verdict"] == "unverifiable"


def test_a_name_reads_its_one_release_versions_rows(con):
    # EXTERNAL_GSM8K = epoch/benchmark-stitching/external_benchmark_gsm8k.csv: 'Mixtral 8x7B' Mixtral-8x7B-v0.1
    # 74.4% (the model's paper); MMLU_CSV: Mixtral-8x7B-v0.1 70.6% (the paper) and 70.5% (Phi-3 report)
    claim = score(con, "Mixtral 8x7B posted 70.6% on MMLU.")
    assert claim["verdict"] == "supported" and "one release version" in claim["explanation"]
    claim = score(con, "Mixtral 8x7B posted 60% on GSM8K.")
    assert claim["verdict"] == "contradicted" and claim["found"] == pytest.approx(74.4)


# ------------------------------------------------------------------ reasoning settings (invented rows)
def test_a_name_without_setting_covers_its_settings():
    plain = Variant("x-5", "x-5", None, None)
    high = Variant("x-5-high", "x-5", None, None, "high")
    low = Variant("x-5-low", "x-5", None, None, "low")
    dated_high = Variant("x-5-2025-01-01-high", "x-5", None, "2025-01-01", "high")
    family = [plain, high, low, dated_high]
    # the name covers each setting of itself, never a dated snapshot's setting
    assert set(covered(plain, family)) == {plain, high, low}
    # a named setting is its own model
    assert covered(high, family) == [high]
    # a setting's rows may contradict: it is a run of the same model, not another variant
    assert not support_only(plain, high)


@pytest.fixture
def settings_db(fresh_db):
    from datetime import date

    from openpace.sources.base import ModelFact, Score

    from identity_helpers import load

    prov = dict(origin="test:constructed", observed=date(2026, 1, 1), license="test")
    load(fresh_db, [
        ModelFact(source="models_dev", name="Quillon 7", **prov),
        Score(source="epoch_benchmarks", model_name="quillon-7_high", benchmark="Zorbench", score=71.0,
              unit="percent", **prov),
        Score(source="epoch_benchmarks", model_name="quillon-7_medium", benchmark="Zorbench", score=64.0,
              unit="percent", **prov),
        Score(source="epoch_benchmarks", model_name="quillon-7_low", benchmark="Zorbench", score=52.0,
              unit="percent", **prov),
    ])
    return fresh_db


@pytest.mark.parametrize("text, verdict, found", [
    ("Quillon 7 scored 64% on Zorbench.", "supported", 64.0),  # the medium setting's row agrees
    ("Quillon 7 scored 71% on Zorbench.", "supported", 71.0),  # the high setting's row agrees
    ("Quillon 7 scored 90% on Zorbench.", "contradicted", None),  # no setting's row agrees
])
def test_a_name_without_setting_reads_each_settings_rows(settings_db, text, verdict, found):
    claim = score(settings_db, text)
    assert claim["verdict"] == verdict, claim["explanation"]
    if found is not None:
        assert claim["found"] == pytest.approx(found)
        assert "names no reasoning setting" in claim["explanation"]
        assert "Sources disagree." in claim["explanation"]  # the other settings' rows disagree
    assert {e["model"] for e in claim["evidence"]} == {"quillon-7_high", "quillon-7_medium", "quillon-7_low"}


def test_a_named_setting_reads_only_its_own_rows(settings_db):
    claim = score(settings_db, "Quillon 7 (low) scored 64% on Zorbench.")
    assert claim["verdict"] == "contradicted" and claim["found"] == pytest.approx(52.0), claim["explanation"]
