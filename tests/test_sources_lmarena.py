"""lmarena parser on the real mirror files (lmarena/)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from openpace.errors import SourceError
from openpace.sources import SOURCES
from openpace.sources.base import ArenaTop, ModelFact, Record, Score
from openpace.sources.lmarena import license_open


@pytest.fixture(scope="module")
def records(mirror: Path) -> list[Record]:
    return list(SOURCES["lmarena"].offline(mirror))


def facts(records: list[Record], key: str) -> list[ModelFact]:
    return [r for r in records if isinstance(r, ModelFact) and r.key == key]


def scores(records: list[Record], **match: object) -> list[Score]:
    return [r for r in records if isinstance(r, Score) and all(getattr(r, k) == v for k, v in match.items())]


def test_repeated_rows_kept_once_with_first_date(records: list[Record]) -> None:
    # gpt-4-0314 is in 101 tables with MT-bench 8.96 and MMLU 0.864; the first is leaderboard_table_20240109.csv
    mmlu = scores(records, model_key="gpt-4-0314", benchmark="MMLU")
    assert [(s.score, s.observed) for s in mmlu] == [(pytest.approx(86.4), date(2024, 1, 9))]
    assert mmlu[0].origin.startswith("mirror:lmarena/leaderboard_table_20240109.csv")
    [mt] = scores(records, model_key="gpt-4-0314", benchmark="MT-bench")
    assert (mt.score, mt.unit) == (8.96, "other")
    assert len(facts(records, "gpt-4-0314")) == 1


def test_proprietary_typo_is_closed(records: list[Record]) -> None:
    # leaderboard_table_20241210.csv (first of 37): claude-3-5-haiku-20241022, License "Propretary", Anthropic
    [haiku] = facts(records, "claude-3-5-haiku-20241022")
    assert (haiku.open_weights, haiku.accessibility, haiku.organization, haiku.observed) == (
        False, "Propretary", "Anthropic", date(2024, 12, 10))


def test_non_commercial_licence_is_open_weights(records: list[Record]) -> None:
    # leaderboard_table_20240109.csv: wizardlm-30b, WizardLM-30B, License Non-commercial, Microsoft
    [wizard] = facts(records, "wizardlm-30b")
    assert (wizard.name, wizard.open_weights, wizard.accessibility) == ("WizardLM-30B", True, "Non-commercial")


def test_unknown_licence_is_none(records: list[Record]) -> None:
    # leaderboard_table_20250405.csv: llama-4-maverick-03-26-experimental, License "N/A"
    [maverick] = facts(records, "llama-4-maverick-03-26-experimental")
    assert maverick.open_weights is None


@pytest.mark.parametrize(("licence", "expected"), [
    ("Proprietary", False), ("Propretary", False), ("Apache 2.0", True), ("Llama 2 Community", True),
    ("CC-BY-NC-4.0", True), ("-", None), ("N/A", None), ("", None),
])
def test_licence_rule(licence: str, expected: bool | None) -> None:
    assert license_open(licence) is expected


def test_early_tables_without_key_carry_elo(records: list[Record]) -> None:
    # leaderboard_table_20230619.csv line 2: GPT-4, MT-bench 8.99, Arena Elo rating 1227, MMLU 0.864, Proprietary
    first = [s for s in scores(records, model_name="GPT-4") if s.observed == date(2023, 6, 19)]
    assert sorted((s.benchmark, s.score, s.unit) for s in first) == [
        ("Arena Elo", 1227.0, "elo"), ("MMLU", pytest.approx(86.4), "percent"), ("MT-bench", 8.99, "other")]
    assert all(s.model_key is None and s.open_weights is False for s in first)


def test_elo_tops(records: list[Record]) -> None:
    # elo_data.json: 2,050 rows; the first 2024-06-29 text_hard_english_6 1280.8322184706535 gpt-4o-2024-05-13
    tops = [r for r in records if isinstance(r, ArenaTop)]
    assert len(tops) == 2050
    first = [t for t in tops if t.date == date(2024, 6, 29) and t.category == "text_hard_english_6"]
    assert [(t.max_elo, t.max_model) for t in first] == [(pytest.approx(1280.8322184706535), "gpt-4o-2024-05-13")]


def test_arena_hard_with_openness_from_tables(records: list[Record]) -> None:
    # arena_hard_auto_leaderboard_v0.1.csv line 2: gpt-4-turbo-2024-04-09, 82.63, 2024-07-31;
    # the leaderboard tables list gpt-4-turbo-2024-04-09 as Proprietary (89 tables)
    [hard] = scores(records, model_key="gpt-4-turbo-2024-04-09", benchmark="Arena-Hard-Auto")
    assert (hard.score, hard.evaluated_date, hard.open_weights) == (82.63, date(2024, 7, 31), False)


def test_mmlu_above_one_fails_naming_file_and_line(mirror: Path, tmp_path: Path) -> None:
    folder = tmp_path / "lmarena"
    folder.mkdir()
    (folder / "leaderboard_table_20240101.csv").write_text(
        "key,Model,MT-bench (score),MMLU,License,Organization,Link\n"
        "a,A,7.0,0.5,MIT,Org,http://a\n"
        "b,B,7.0,86.4,MIT,Org,http://b\n", encoding="utf-8")
    with pytest.raises(SourceError) as err:
        list(SOURCES["lmarena"].offline(tmp_path))
    assert "leaderboard_table_20240101.csv:3 column MMLU" in str(err.value)


def test_bad_elo_json_names_the_file(mirror: Path, tmp_path: Path) -> None:
    folder = tmp_path / "lmarena"
    folder.mkdir()
    shutil.copy(mirror / "lmarena/leaderboard_table_20230619.csv", folder)
    (folder / "elo_data.json").write_text('[{"date": "2024-06-29", "category": "x"}]', encoding="utf-8")
    with pytest.raises(SourceError) as err:
        list(SOURCES["lmarena"].offline(tmp_path))
    assert "elo_data.json[0]" in str(err.value)
