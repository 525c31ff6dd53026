"""hub_docs and git parsers on the real mirror files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from openpace.errors import SourceError
from openpace.sources import SOURCES
from openpace.sources.base import HubStatement, RepoActivity
from openpace.sources.hub_docs import parse_count


def test_hub_statements(mirror: Path) -> None:
    rows = list(SOURCES["hub_docs"].offline(mirror))
    assert all(isinstance(r, HubStatement) for r in rows)
    # huggingface/hub_docs_model_count_statements.csv: 7 statements, 50K models (2022-06-01) to 2M models (2025-10-07)
    assert [(r.statement, r.models_count) for r in rows] == [
        ("50K models", 50_000), ("60K models", 60_000), ("120k models", 120_000), ("350k models", 350_000),
        ("900k models", 900_000), ("1.7M models", 1_700_000), ("2M models", 2_000_000)]
    # same file: 2023-01-24,120k models,7df3cd73486ed3e609f12c5d65c4e5fd7172f167
    assert (rows[2].date, rows[2].commit, rows[2].observed) == (
        date(2023, 1, 24), "7df3cd73486ed3e609f12c5d65c4e5fd7172f167", date(2023, 1, 24))


@pytest.mark.parametrize(("text", "expected"), [
    ("50K models", 50_000), ("120k models", 120_000), ("2M models", 2_000_000), ("1.5M", 1_500_000),
    ("over 1,000 models", 1_000), ("350 models", 350),
])
def test_parse_count(text: str, expected: int) -> None:
    assert parse_count(text) == expected


def test_statement_without_number_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "huggingface/hub_docs_model_count_statements.csv"
    path.parent.mkdir(parents=True)
    path.write_text("date,statement,hub_docs_commit\n2022-06-01,lots of models,abc\n", encoding="utf-8")
    with pytest.raises(SourceError) as err:
        list(SOURCES["hub_docs"].offline(tmp_path))
    assert "hub_docs_model_count_statements.csv:2" in str(err.value)


def test_repo_activity(mirror: Path) -> None:
    rows = list(SOURCES["git"].offline(mirror))
    assert all(isinstance(r, RepoActivity) for r in rows)
    # git/monthly_contributors.csv: 115 data rows
    assert len(rows) == 115
    # same file: huggingface/peft,2023-02,116,12,9,5d602fdbff04c33c1c4de55cda9d4ae1d7cb7e40
    [feb] = [r for r in rows if r.repo == "huggingface/peft" and r.month == "2023-02"]
    assert (feb.commits, feb.distinct_authors, feb.first_time_authors, feb.head_commit) == (
        116, 12, 9, "5d602fdbff04c33c1c4de55cda9d4ae1d7cb7e40")


@pytest.mark.parametrize(("row", "expected"), [
    ("huggingface/peft,2023-13,1,1,0,abc", "monthly_contributors.csv:2: month '2023-13'"),
    ("huggingface/peft,2023-02,many,1,0,abc", "monthly_contributors.csv:2 column commits"),
    ("huggingface/peft,2023-02,-3,1,0,abc", "monthly_contributors.csv:2 column commits"),
])
def test_bad_activity_row_names_file_and_line(tmp_path: Path, row: str, expected: str) -> None:
    path = tmp_path / "git/monthly_contributors.csv"
    path.parent.mkdir(parents=True)
    path.write_text("repo,month,commits,distinct_authors,first_time_authors,head_commit\n" + row + "\n", encoding="utf-8")
    with pytest.raises(SourceError) as err:
        list(SOURCES["git"].offline(tmp_path))
    assert expected in str(err.value)
