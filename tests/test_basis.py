"""Score basis rules (domain/basis.py) on real rows, and parity on one basis.

Rows are quoted from the mirror (../shared/data); the tests marked `mirror_data` read it directly
and move to committed fixtures when tests/ has them."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest

from openpace.domain.basis import INDEPENDENT, RULES, SELF_REPORTED, UNKNOWN, rule_for, score_basis
from openpace.metrics.parity_data import parity_for, parity_overview

STITCHING = "epoch/benchmark-stitching"
RUNS_ORIGIN = "mirror:epoch/benchmark-stitching/benchmarks_runs.csv <- github.com/epoch-research/benchmark-stitching"

pytestmark = pytest.mark.mirror_data


def external_rows(mirror, stem: str) -> list[dict]:
    with open(mirror / STITCHING / f"external_benchmark_{stem}.csv", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def raw_of(row: dict) -> str:
    """The raw JSON the epoch_benchmarks source keeps for an external row (its Source columns)."""
    return json.dumps({k: row[k] for k in ("Source", "Source link") if row.get(k)})


@pytest.mark.parametrize(("stem", "source_text", "expected"), [
    ("mmlu", "Stanford CRFM Leaderboard", INDEPENDENT),
    ("aider_polyglot", "Aider LLM Leaderboards", INDEPENDENT),
    ("arc_agi", "ARC Prize Leaderboard", INDEPENDENT),
    ("anli", "Adversarial NLI: A New Benchmark for Natural Language Understanding", INDEPENDENT),
    ("mmlu", "DeepSeek-V3 Technical Report", SELF_REPORTED),
    ("bbh", "Qwen Technical Report", SELF_REPORTED),
    ("triviaqa", "Model Card and Evaluations for Claude Models", SELF_REPORTED),
], ids=lambda v: v if isinstance(v, str) else None)
def test_epoch_external_rows_by_their_source_column(mirror, stem, source_text, expected):
    rows = [r for r in external_rows(mirror, stem) if r["Source"] == source_text]
    assert rows, f"external_benchmark_{stem}.csv has no row with Source {source_text!r}"
    assert {score_basis("epoch_benchmarks", "X", f"{STITCHING}/external_benchmark_{stem}.csv", raw_of(r))
            for r in rows} == {expected}


def test_epoch_runs_are_independent_and_a_blank_source_is_unknown(mirror):
    assert score_basis("epoch_benchmarks", "GPQA diamond", RUNS_ORIGIN, '{"task": "GPQA diamond"}') == INDEPENDENT
    # external_benchmark_winogrande.csv: the gpt2-xl row has no Source and no Source link
    blank = [r for r in external_rows(mirror, "winogrande") if not r["Source"].strip()]
    assert [r["Model version"] for r in blank] == ["gpt2-xl"]
    assert rule_for("epoch_benchmarks", "WinoGrande", "x/external_benchmark_winogrande.csv", raw_of(blank[0])) is None


def test_models_dev_claims_by_their_url(mirror):
    data = json.loads((mirror / "models.dev/canonical-models.json").read_text(encoding="utf-8"))
    claims = {(rec.get("name"), b["name"]): b for rec in data.values() for b in rec.get("benchmarks") or []}
    expected = {
        ("Ornith 1.0 397B", "SWE-Bench Verified"): SELF_REPORTED,  # huggingface.co/deepreinforce-ai (its developer)
        ("MiniMax-M2.5", "SWE-Bench Verified"): INDEPENDENT,  # www.swebench.com
        ("Fugu", "GPQA Diamond"): SELF_REPORTED,  # console.sakana.ai: Sakana's own model
        ("Step 3.5 Flash", "SWE-Bench Verified"): SELF_REPORTED,  # arxiv.org: the developer's paper
    }
    for (model, bench), basis in expected.items():
        claim = claims[(model, bench)]
        assert score_basis("models_dev", bench, "canonical-models.json", json.dumps(claim)) == basis, (model, claim)
    # an OpenRouter benchmarks page shows Artificial Analysis' runs
    page = next(b for (m, _), b in claims.items() if "openrouter.ai/" in b.get("source", "") and m)
    assert score_basis("models_dev", page["name"], "canonical-models.json", json.dumps(page)) == INDEPENDENT


def test_trends_and_arena_rules():
    assert score_basis("epoch_trends", "GPQA", "x", '{"notes": "Epoch evaluation"}') == INDEPENDENT
    assert score_basis("epoch_trends", "GPQA", "x", None) == SELF_REPORTED
    assert score_basis("epoch_trends", "MMLU", "x", '{"notes": "https://artificialanalysis.ai/models/command-r-plus"}') \
        == INDEPENDENT
    assert score_basis("epoch_trends", "HELM MMLU", "x", None) == INDEPENDENT
    assert score_basis("lmarena", "MMLU", "x", None) == SELF_REPORTED
    assert score_basis("lmarena", "Arena Elo", "x", None) == INDEPENDENT
    assert score_basis("some_new_source", "MMLU", "x", None) == UNKNOWN


def test_rules_are_data_with_reasons():
    assert len({r.name for r in RULES}) == len(RULES)
    assert all(r.basis in (INDEPENDENT, SELF_REPORTED) and r.why for r in RULES)


def test_every_mirror_score_row_has_a_basis_but_blank_sources(mirror_db):
    unknown = mirror_db.execute("SELECT source, benchmark, origin, raw FROM scores").fetchall()
    unknown = [r for r in unknown if score_basis(*r) == UNKNOWN]
    # the three external rows whose Source column is blank (csqa2 x2, winogrande x1)
    assert len(unknown) == 3 and {r[0] for r in unknown} == {"epoch_benchmarks"}


def test_swe_bench_verified_one_basis(mirror_db, mirror):
    # as of 2025-11-30 the independent rows (Epoch's runs) hold 2 open models: no number, the counts
    late_2025 = parity_for(mirror_db, "SWE-bench verified", as_of=date(2025, 11, 30)).to_json()
    assert late_2025["basis"] == INDEPENDENT and late_2025["status"] == "insufficient_data"
    assert late_2025["gap"]["points"] is None and late_2025["headline"]["lag_months"] is None
    assert late_2025["data"]["basis_counts"][INDEPENDENT]["open"] == 2
    # the self-reported rows have one closed model (Devstral Medium, mistral.ai): also insufficient
    assert late_2025["data"]["basis_counts"][SELF_REPORTED]["closed"] == 1
    forced = parity_for(mirror_db, "SWE-bench verified", as_of=date(2025, 11, 30), basis=SELF_REPORTED).to_json()
    assert forced["basis"] == SELF_REPORTED and forced["status"] == "insufficient_data"
    # by default, as of the last date its data covers: the independent rows come from two harnesses,
    # Epoch's runs (every closed model) and swebench.com's leaderboard (via models.dev: open models
    # only); one evaluator per comparison, so Epoch's runs alone: still 2 open models, no number
    latest = parity_for(mirror_db, "SWE-bench verified").to_json()
    assert latest["basis"] == INDEPENDENT and latest["status"] == "insufficient_data"
    assert latest["data"]["evaluator"] == "Epoch AI" and latest["gap"]["points"] is None
    assert "one evaluator: Epoch AI" in latest["reason"]
    data = json.loads((mirror / "models.dev/canonical-models.json").read_text(encoding="utf-8"))
    leaderboard = {key for key, rec in data.items() for b in rec.get("benchmarks") or []
                   if b["name"] == "SWE-Bench Verified" and "swebench.com" in b.get("source", "")}
    by_evaluator = latest["data"]["evaluator_counts"]
    assert by_evaluator["SWE-bench leaderboard"] == {"open": len(leaderboard), "closed": 0}
    runs = list(csv.DictReader(open(mirror / STITCHING / "benchmarks_runs.csv", encoding="utf-8-sig")))
    assert any(r["task"] == "SWE-Bench verified" and r["model"].startswith("claude-sonnet-4-5") for r in runs)
    assert by_evaluator["Epoch AI"]["closed"] >= 3 and by_evaluator["Epoch AI"]["open"] == 2
    mixed = parity_for(mirror_db, "SWE-bench verified", as_of=date(2025, 11, 30), basis="any").to_json()
    assert mixed["basis"] == "mixed"


def test_overview_rows_each_have_one_basis_and_staleness(mirror_db):
    rows = parity_overview(mirror_db).to_json()
    assert rows and all(r["basis"] in (INDEPENDENT, SELF_REPORTED) for r in rows)
    assert all(r["open_models"] >= 3 and r["closed_models"] >= 3 for r in rows)
    for r in rows:  # each as of the last date its data covers; stale side by the 6-month rule
        assert r["as_of"] == r["last_date"]
        if r["stale_side"] == "closed":
            assert r["last_closed"] < r["last_open"]


def test_arena_elo_closed_side_is_stale_on_the_whole_mirror(full_mirror_db):
    # Arena Elo: LMArena's tables run to 2025 with open models, the last closed model is from 2024-08
    # (open/closed comes from every source's facts, so this needs the whole mirror)
    arena = next(r for r in parity_overview(full_mirror_db).to_json() if r["benchmark"] == "Arena Elo")
    assert arena["stale_side"] == "closed" and arena["last_closed"] < "2024-11"


def test_an_independent_row_names_its_evaluator_across_spellings(mirror):
    from openpace.domain.basis import evaluator_of
    mmlu = [r for r in external_rows(mirror, "mmlu") if r["Source"] == "Stanford CRFM Leaderboard"]
    boolq = [r for r in external_rows(mirror, "boolq") if r["Source"] == "Stanford HELM"]
    assert mmlu and boolq
    # external_benchmark_mmlu.csv "Stanford CRFM Leaderboard", external_benchmark_boolq.csv "Stanford HELM"
    # and Epoch trends' HELM MMLU table: one evaluator
    assert evaluator_of("epoch_benchmarks", "MMLU", "x", raw_of(mmlu[0])) == "Stanford HELM"
    assert evaluator_of("epoch_benchmarks", "BoolQ", "x", raw_of(boolq[0])) == "Stanford HELM"
    assert evaluator_of("epoch_trends", "HELM MMLU", "x", None) == "Stanford HELM"
    assert evaluator_of("epoch_benchmarks", "SWE-bench verified", RUNS_ORIGIN, None) == "Epoch AI"
    # models.dev/canonical-models.json: SWE-Bench Verified claims with source https://www.swebench.com/
    assert evaluator_of("models_dev", "SWE-bench verified", "x", '{"source": "https://www.swebench.com/"}') \
        == "SWE-bench leaderboard"
    # a leaderboard no spelling table covers is its own evaluator (its Source text)
    aider = [r for r in external_rows(mirror, "aider_polyglot") if "Aider" in r["Source"]]
    assert evaluator_of("epoch_benchmarks", "Aider polyglot", "x", raw_of(aider[0])) == "Aider"
    # a self-reported row has no evaluator
    paper = [r for r in external_rows(mirror, "mmlu") if r["Source"] == "GPT-4 Technical Report"]
    assert evaluator_of("epoch_benchmarks", "MMLU", "x", raw_of(paper[0])) is None


def test_mmlu_independent_basis_is_helm_alone(mirror_db):
    result = parity_for(mirror_db, "MMLU").to_json()
    assert result["basis"] == INDEPENDENT and result["data"]["evaluator"] == "Stanford HELM"


def test_a_trends_note_citing_helms_leaderboard_is_helm():
    # epoch/open-model-trends/benchmarks_with_model_accessibility.csv: an MMLU note "Actually CoT, so probably
    # an overestimate. HELM gives 73.5%." is a comment on a reported score, not HELM's run: self-reported
    comment = '{"notes": "Actually CoT, so probably an overestimate. HELM gives 73.5%."}'
    assert score_basis("epoch_trends", "MMLU", "x", comment) == SELF_REPORTED
    cited = '{"notes": "https://crfm.stanford.edu/helm/mmlu/latest/"}'
    assert score_basis("epoch_trends", "MMLU", "x", cited) == INDEPENDENT
    from openpace.domain.basis import evaluator_of
    assert evaluator_of("epoch_trends", "MMLU", "x", cited) == "Stanford HELM"
