"""Damaged mirrors, generated from the real mirror into tmp dirs: every case fails its own source
with one line naming the file (and field), and leaves that source's rows exactly as they were.
A removed or emptied file is a failure, never a quiet deletion; exact duplicates count once."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from cli_helpers import run
from openpace.refresh import refresh

FACT_TABLES = ("model_facts", "scores", "prices", "hub_statements", "repo_activity", "arena_tops")


def digest(con, source: str) -> list[tuple]:
    """Per fact table: this source's row count and an order-free hash of its rows."""
    return [con.execute(f"SELECT count(*), sum(hash(t)) FROM {table} t WHERE source = ?", [source]).fetchone()
            for table in FACT_TABLES]


def copy_parts(mirror: Path, root: Path, *parts: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(mirror / "MANIFEST.json", root)
    for part in parts:
        shutil.copytree(mirror / part, root / part)
    return root


def rewrite(path: Path, change: Callable[[str], str]) -> None:
    path.write_text(change(path.read_text(encoding="utf-8-sig")), encoding="utf-8")


def git_lines(root: Path) -> list[str]:
    return (root / "git/monthly_contributors.csv").read_text(encoding="utf-8").splitlines()


def set_git(root: Path, lines: list[str]) -> None:
    (root / "git/monthly_contributors.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def cell(line: str, column: int, value: str) -> str:
    fields = line.split(",")
    fields[column] = value
    return ",".join(fields)


# each case: (source, mirror folder it needs, damage(root), what the error must say)
CASES: dict[str, tuple[str, str, Callable[[Path], None], str]] = {
    "systems table removed": ("epoch_trends", "epoch/open-model-trends",
                              lambda r: [p.unlink() for p in (r / "epoch/open-model-trends").glob("all_ml_systems_*")],
                              "all_ml_systems_2024-09-25.csv"),
    "elo file emptied": ("lmarena", "lmarena", lambda r: (r / "lmarena/elo_data.json").write_bytes(b""),
                         "elo_data.json: the file is empty"),
    "benchmark runs removed": ("epoch_benchmarks", "epoch/benchmark-stitching",
                               lambda r: (r / "epoch/benchmark-stitching/benchmarks_runs.csv").unlink(),
                               "benchmarks_runs.csv"),
    "prices an empty list": ("genai_prices", "genai-prices", lambda r: (r / "genai-prices/data.json").write_text("[]"),
                             "genai_prices"),
    "count of 20 digits": ("git", "git", lambda r: set_git(r, [git_lines(r)[0], cell(git_lines(r)[1], 2, "9" * 20),
                                                               *git_lines(r)[2:]]),
                           "repo_activity.commits"),
    "last field cut": ("git", "git", lambda r: (r / "git/monthly_contributors.csv").write_bytes(
        (r / "git/monthly_contributors.csv").read_bytes().rstrip(b"\n")[:-23]), "head_commit"),
    "10 MB field": ("git", "git", lambda r: set_git(r, [*git_lines(r), 'huggingface/peft,2020-01,1,1,1,"' + "a" * 10_000_000
                                                         + '"']), "unreadable CSV"),
    "symlink to /dev/zero": ("git", "git", lambda r: ((r / "git/monthly_contributors.csv").unlink(),
                                                      os.symlink("/dev/zero", r / "git/monthly_contributors.csv")),
                             "not a regular file"),
    "a FIFO": ("git", "git", lambda r: ((r / "git/monthly_contributors.csv").unlink(),
                                        os.mkfifo(r / "git/monthly_contributors.csv")), "not a regular file"),
    "JSON nested 100k deep": ("lmarena", "lmarena",
                              lambda r: (r / "lmarena/elo_data.json").write_text("[" * 100_000 + "]" * 100_000),
                              "elo_data.json: JSON nested too deeply"),
    "NaN in JSON": ("lmarena", "lmarena", lambda r: rewrite(r / "lmarena/elo_data.json", lambda t: t.replace(
        '"max_elo": 1280.8322184706535', '"max_elo": NaN', 1)), "NaN is not a JSON number"),
    "MANIFEST of the wrong shape": ("git", "git", lambda r: (r / "MANIFEST.json").write_text('{"file": 1}'),
                                    "MANIFEST.json: expected a JSON array"),
    "score inf": ("epoch_trends", "epoch/open-model-trends", lambda r: rewrite(
        r / "epoch/open-model-trends/benchmarks_with_model_accessibility.csv",
        lambda t: t.replace(",0.4491,,0.3913,", ",inf,,0.3913,", 1)), "not a finite number: 'inf'"),
    "score -77%": ("epoch_trends", "epoch/open-model-trends", lambda r: rewrite(
        r / "epoch/open-model-trends/benchmarks_with_model_accessibility.csv",
        lambda t: t.replace(",0.4491,,0.3913,", ",-0.77,,0.3913,", 1)), "a percentage must lie between 0 and 100"),
    "date 9999-12-31": ("epoch_trends", "epoch/open-model-trends", lambda r: rewrite(
        r / "epoch/open-model-trends/benchmarks_with_model_accessibility.csv",
        lambda t: t.replace("2022-07-11,Open", "9999-12-31,Open", 1)), "not a plausible date"),
    "date 00000000 in a file name": ("lmarena", "lmarena", lambda r: shutil.copy(
        r / "lmarena/leaderboard_table_20240109.csv", r / "lmarena/leaderboard_table_00000000.csv"),
        "leaderboard_table_00000000.csv: 00000000 in the file name is not a real date"),
}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("case", list(CASES))
def test_a_damaged_mirror_fails_its_source_alone_and_keeps_its_rows(case: str, mirror: Path, mirror_db,
                                                                    tmp_path: Path) -> None:
    source, folder, damage, expected = CASES[case]
    root = copy_parts(mirror, tmp_path / "mirror", folder)
    damage(root)
    before = digest(mirror_db, source)
    [result] = refresh(mirror_db, [source], root)
    assert result.status == "failed"
    assert expected in result.error
    assert "\n" not in result.error and len(result.error) < 400
    assert digest(mirror_db, source) == before
    status, error = mirror_db.execute("SELECT status, error FROM ingest_runs WHERE source = ? "
                                      "ORDER BY finished_at DESC LIMIT 1", [source]).fetchone()
    assert (status, error) == ("failed", result.error)


def test_duplicated_rows_count_once(mirror: Path, mirror_db, tmp_path: Path) -> None:
    root = copy_parts(mirror, tmp_path / "mirror", "git")
    lines = git_lines(root)
    set_git(root, [*lines, *lines[1:]])  # every row twice
    before = digest(mirror_db, "git")
    [result] = refresh(mirror_db, ["git"], root)
    assert result.status == "ok", result.error
    assert digest(mirror_db, "git") == before


def test_a_conflicting_duplicate_is_refused(mirror: Path, mirror_db, tmp_path: Path) -> None:
    root = copy_parts(mirror, tmp_path / "mirror", "git")
    lines = git_lines(root)
    set_git(root, [*lines, cell(lines[1], 2, "999")])  # same repo and month, other commit count
    [result] = refresh(mirror_db, ["git"], root)
    assert result.status == "failed"
    assert "two different repo_activity rows for repo=huggingface/peft, month=" in result.error


def test_allow_shrink_accepts_a_deliberate_drop(mirror: Path, mirror_db, tmp_path: Path) -> None:
    root = copy_parts(mirror, tmp_path / "mirror", "epoch/open-model-trends")
    for path in (root / "epoch/open-model-trends").glob("all_ml_systems_*"):
        path.unlink()
    [result] = refresh(mirror_db, ["epoch_trends"], root, allow_shrink=True)
    assert result.status == "ok", result.error


def test_one_file_removed_another_emptied_names_both_and_keeps_every_row(mirror: Path, mirror_db_path: Path,
                                                                          tmp_path: Path, monkeypatch,
                                                                          capsys) -> None:
    root = copy_parts(mirror, tmp_path / "mirror", "epoch/open-model-trends", "lmarena")
    (root / "epoch/open-model-trends/gsm1k_with_model_accessibility.csv").unlink()
    (root / "lmarena/elo_data.json").write_bytes(b"")
    before = run(["sources", "--json", "--db", str(mirror_db_path)], monkeypatch, capsys)[1]
    code, _, err = run(["refresh", "--offline", str(root), "--db", str(mirror_db_path)], monkeypatch, capsys)
    assert code == 1
    assert "gsm1k_with_model_accessibility.csv" in err and "elo_data.json" in err
    assert "Traceback" not in err
    after = run(["sources", "--json", "--db", str(mirror_db_path)], monkeypatch, capsys)[1]
    rows = lambda text: {s["name"]: s["rows"] for s in json.loads(text)}  # noqa: E731
    assert rows(after) == rows(before)
