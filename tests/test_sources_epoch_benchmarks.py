"""epoch_benchmarks parser on the real mirror files (epoch/benchmark-stitching/)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from openpace.errors import SourceError
from openpace.sources import SOURCES
from openpace.sources.base import ModelFact, Record, Score
from openpace.sources.epoch_benchmarks import benchmark_for_task

DIR = "epoch/benchmark-stitching"


@pytest.fixture(scope="module")
def records(mirror: Path) -> list[Record]:
    return list(SOURCES["epoch_benchmarks"].offline(mirror))


def scores(records: list[Record], **match: object) -> list[Score]:
    return [r for r in records if isinstance(r, Score) and all(getattr(r, k) == v for k, v in match.items())]


def fact(records: list[Record], key: str) -> ModelFact:
    [found] = [r for r in records if isinstance(r, ModelFact) and r.key == key]
    return found


def test_one_fact_per_model_version(records: list[Record]) -> None:
    # model_versions.csv: 574 data rows, every one with an id
    assert sum(isinstance(r, ModelFact) for r in records) == 574


def test_a_shared_display_name_does_not_merge_versions(records: list[Record]) -> None:
    # epoch/benchmark-stitching/model_versions.csv: ids `qwen2.5-72b-instruct` and `Qwen2.5-72B` both
    # have the "Unique display name" Qwen2.5-72B; the instruct id has a HF developer id, the base none
    names = [r.name for r in records if isinstance(r, ModelFact)]
    assert len(names) == len(set(names))
    assert fact(records, "qwen2.5-72b-instruct").name == "qwen2.5-72b-instruct"
    assert {s.model_name for s in records if isinstance(s, Score) and s.model_key == "qwen2.5-72b-instruct"} \
        == {"qwen2.5-72b-instruct"}


def test_version_with_hugging_face_id_is_open(records: list[Record]) -> None:
    # model_versions.csv: Llama-3.1-405B-Instruct, 2024-07-23, Hugging Face developer id meta-llama, no display name
    llama = fact(records, "Llama-3.1-405B-Instruct")
    assert (llama.name, llama.release_date, llama.hf_id, llama.open_weights) == (
        "Llama-3.1-405B-Instruct", date(2024, 7, 23), "meta-llama", True)


def test_version_without_hugging_face_id_is_unknown_not_closed(records: list[Record]) -> None:
    # model_versions.csv: claude-3-5-sonnet-20240620, no HF id, Unique display name "Claude 3.5 Sonnet (Jun 2024)"
    claude = fact(records, "claude-3-5-sonnet-20240620")
    assert claude.open_weights is None
    assert claude.name == "Claude 3.5 Sonnet (Jun 2024)"
    assert claude.release_date == date(2024, 6, 20)


def test_version_id_trailing_space_is_stripped(records: list[Record]) -> None:
    # model_versions.csv line 235: "Chat-UniVi-7B-v1.5 " (with a trailing space), HF id Chat-UniVi
    assert fact(records, "Chat-UniVi-7B-v1.5").hf_id == "Chat-UniVi"


def test_epoch_run_score_as_percent_with_dates(records: list[Record]) -> None:
    # benchmarks_runs.csv: o3-2025-04-16_high, FrontierMath-2025-02-28-Private, 0.187, 16 November 2025 3:35pm
    # model_versions.csv: o3-2025-04-16_high, Version release date 2025-04-16, Display name "o3 (high)"
    [run] = scores(records, model_key="o3-2025-04-16_high", benchmark="FrontierMath")
    assert run.score == pytest.approx(18.7)
    assert (run.model_name, run.release_date, run.evaluated_date) == ("o3 (high)", date(2025, 4, 16), date(2025, 11, 16))
    assert '"task":"FrontierMath-2025-02-28-Private"' in (run.raw or "")


def test_version_without_display_name_is_named_by_its_id(records: list[Record]) -> None:
    # benchmarks_runs.csv line 2: gpt-5.1_medium, GPQA diamond, 0.850; model_versions.csv has no display name for it
    [run] = scores(records, model_key="gpt-5.1_medium", benchmark="GPQA diamond")
    assert (run.model_name, run.score, run.evaluated_date) == ("gpt-5.1_medium", pytest.approx(85.0), date(2025, 11, 17))
    assert fact(records, "gpt-5.1_medium").name == run.model_name  # the identity layer links them by name


@pytest.mark.parametrize(("task", "expected"), [
    ("FrontierMath-2025-02-28-Private", "FrontierMath"),
    ("FrontierMath-2025-02-28-Public", "FrontierMath (public sample)"),
    ("FrontierMath-Tier-4-2025-07-01-Private", "FrontierMath Tier 4"),
    ("FrontierMath-Tier-4-2025-07-01-Public", "FrontierMath Tier 4 (public sample)"),
    ("OTIS Mock AIME 2024-2025", "OTIS Mock AIME"),
    ("SWE-Bench verified", "SWE-bench verified"),
    ("GPQA diamond", "GPQA diamond"),
    ("MATH level 5", "MATH level 5"),
])
def test_task_names(task: str, expected: str) -> None:
    # benchmarks_runs.csv: the eight task names it holds
    assert benchmark_for_task(task) == expected


def test_epoch_runs_keep_every_task(records: list[Record]) -> None:
    # benchmarks_runs.csv: 541 runs, all Status Success, all with a score
    assert len([r for r in records if isinstance(r, Score) and r.origin.startswith(f"mirror:{DIR}/benchmarks_runs.csv")]) == 541


def test_external_mmlu_row(records: list[Record]) -> None:
    # external_benchmark_mmlu.csv line 2: Amazon Nova Lite, EM 77.0%, amazon.nova-lite-v1:0, 5 shots, Stanford CRFM
    # model_versions.csv: amazon.nova-lite-v1:0 released 2024-12-03, no display name
    [row] = scores(records, model_key="amazon.nova-lite-v1:0", benchmark="MMLU")
    assert (row.score, row.unit, row.shots, row.release_date) == (77.0, "percent", "5", date(2024, 12, 3))
    assert '"Source":"Stanford CRFM Leaderboard"' in (row.raw or "")
    assert row.origin.startswith(f"mirror:{DIR}/external_benchmark_mmlu.csv")


def test_external_row_without_version_uses_its_own_name(records: list[Record]) -> None:
    # external_benchmark_mcbench.csv line 2: Claude 3.7 Sonnet (2025-02-19), no Model version, ELO 1312
    [row] = scores(records, model_name="Claude 3.7 Sonnet (2025-02-19)", benchmark="MC-Bench")
    assert (row.score, row.unit, row.model_key) == (1312.0, "elo", None)


def test_livebench_row_keyed_by_model_name(records: list[Record]) -> None:
    # external_benchmark_livebench.csv line 14: id chatgpt-4o-latest-2025-03-27, no Model version, Global average 64.75
    [row] = scores(records, model_name="chatgpt-4o-latest-2025-03-27", benchmark="LiveBench")
    assert row.score == pytest.approx(64.75)


def test_metr_time_horizon_is_not_a_percent(records: list[Record]) -> None:
    # external_benchmark_metr.csv line 2: claude-3-5-sonnet-20240620, Time horizon 18.21683000
    [row] = scores(records, model_key="claude-3-5-sonnet-20240620", benchmark="METR time horizon (minutes)")
    assert (row.score, row.unit) == (pytest.approx(18.21683), "other")


def test_rows_without_a_model_are_left_out(records: list[Record]) -> None:
    # external_benchmark_aider_polyglot.csv: 68 rows, 5 without a Model version ("deliberately omitted"), no Name column
    assert len(scores(records, benchmark="Aider Polyglot")) == 63


# --------------------------------------------------------------------------- bad and unknown input
@pytest.fixture
def small_mirror(mirror: Path, tmp_path: Path) -> Path:
    """A mirror holding only model_versions.csv, for synthetic external tables."""
    folder = tmp_path / DIR
    folder.mkdir(parents=True)
    shutil.copy(mirror / DIR / "model_versions.csv", folder)
    return tmp_path


def test_unknown_table_picks_score_column_by_rule(small_mirror: Path) -> None:
    (small_mirror / DIR / "external_benchmark_new_bench.csv").write_text(
        "id,Model version,Cost,Tokens,Accuracy,Source\n"
        "recAAAAAAAAAAAAAA,gpt-5.1_medium,$1.20,500,61.5%,Somewhere\n"
        "recBBBBBBBBBBBBBB,Llama-3.1-405B-Instruct,$0.10,800,40%,Somewhere\n", encoding="utf-8")
    rows = [r for r in SOURCES["epoch_benchmarks"].offline(small_mirror) if isinstance(r, Score)]
    # "Cost" is row metadata; "Accuracy" beats "Tokens" because its name says it is a score
    assert [(r.benchmark, r.model_key, r.score, r.unit) for r in rows] == [
        ("New Bench", "gpt-5.1_medium", 61.5, "percent"), ("New Bench", "Llama-3.1-405B-Instruct", 40.0, "percent")]
    assert rows[1].open_weights is True


def test_table_without_numeric_column_is_skipped(small_mirror: Path) -> None:
    (small_mirror / DIR / "external_benchmark_words.csv").write_text(
        "id,Model version,Verdict,Source\nrecAAAAAAAAAAAAAA,gpt-5.1_medium,good,Somewhere\n", encoding="utf-8")
    assert not [r for r in SOURCES["epoch_benchmarks"].offline(small_mirror) if isinstance(r, Score)]


def test_bad_score_names_file_and_line(small_mirror: Path) -> None:
    (small_mirror / DIR / "external_benchmark_mmlu.csv").write_text(
        "id,Name,EM,Model version,Shots,Source,Source link,Notes\n"
        "recAAAAAAAAAAAAAA,A,50%,gpt-5.1_medium,5,S,L,\n"
        "recBBBBBBBBBBBBBB,B,about half,gpt-5.1_medium,5,S,L,\n", encoding="utf-8")
    with pytest.raises(SourceError) as err:
        list(SOURCES["epoch_benchmarks"].offline(small_mirror))
    assert "external_benchmark_mmlu.csv:3 column EM" in str(err.value)


def test_unknown_model_version_names_file_and_line(small_mirror: Path) -> None:
    (small_mirror / DIR / "external_benchmark_mmlu.csv").write_text(
        "id,Name,EM,Model version,Shots,Source,Source link,Notes\n"
        "recAAAAAAAAAAAAAA,A,50%,no-such-version,5,S,L,\n", encoding="utf-8")
    with pytest.raises(SourceError) as err:
        list(SOURCES["epoch_benchmarks"].offline(small_mirror))
    assert "external_benchmark_mmlu.csv:2" in str(err.value) and "no-such-version" in str(err.value)


def test_truncated_runs_file_names_file_and_line(mirror: Path, small_mirror: Path) -> None:
    data = (mirror / DIR / "benchmarks_runs.csv").read_bytes()
    (small_mirror / DIR / "benchmarks_runs.csv").write_bytes(data[: len(data) // 2])
    with pytest.raises(SourceError) as err:
        list(SOURCES["epoch_benchmarks"].offline(small_mirror))
    assert "benchmarks_runs.csv:" in str(err.value)
