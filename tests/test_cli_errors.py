"""The command line's behaviour at its edges: source names printed literally (never read as rich
markup), unwritable output paths, contradictory or incomplete options, and messages that name the
right thing. Each runs the real entry point (`openpace.cli.main`) on a copy of the mirror warehouse."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

from openpace.cli import main

# test inputs, not facts: names shaped like real ones with brackets (the mirror's models.dev has
# "Flux.1 [dev]"), one that is valid rich markup, and one that would make rich raise MarkupError
BRACKETED = "Flux.1 [dev]"
MARKUP = "[bold]x[/bold]"
CLOSING = "[/x]"
HOSTILE = f"{BRACKETED} {MARKUP} {CLOSING}"


@pytest.fixture
def run(monkeypatch, capsys):
    """Run `openpace ARGS...`: (exit code, stdout, stderr), with wide consoles so no cell wraps."""
    # rich reads COLUMNS when it measures; setting the consoles' width instead would outlive the test
    monkeypatch.setenv("COLUMNS", "400")

    def invoke(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["openpace", *args])
        with pytest.raises(SystemExit) as done:
            main()
        out = capsys.readouterr()
        return done.value.code or 0, out.out, out.err

    return invoke


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


def edit(path: Path, *statements: str) -> None:
    con = duckdb.connect(str(path))
    for sql in statements:
        con.execute(sql)
    con.close()


# --------------------------------------------------------------------------- #3 names are text
def test_prices_prints_a_bracketed_model_name_as_written(mirror_db_path, run):
    # models.dev/api-2026-07-02.json: openai gpt-4o input 2.5, output 10 (blended 3:1 = 4.375); renamed here
    edit(mirror_db_path, f"UPDATE models SET display_name = '{HOSTILE}' WHERE model_id = 'gpt-4o'")
    code, out, err = run("prices", "--benchmark", "MMLU", "--min-score", "80", "--basis", "any",
                         "--db", str(mirror_db_path))
    assert code == 0, err
    row = next(line for line in out.splitlines() if HOSTILE in line)
    assert "4.375" in row and "2.50" in row and "10.00" in row


def test_prices_coverage_prints_names_as_written(mirror_db_path, run):
    edit(mirror_db_path, f"UPDATE scores SET benchmark = '{MARKUP} MMLU' WHERE benchmark = 'MMLU'")
    code, out, err = run("prices", "--coverage", "--db", str(mirror_db_path))
    assert code == 0, err
    assert f"{MARKUP} MMLU" in out


def test_sources_prints_an_origin_as_written(mirror_db_path, run):
    origin = f"/mirror/{MARKUP}/{BRACKETED} {CLOSING}.json"
    edit(mirror_db_path, f"UPDATE ingest_runs SET origin = '{origin}' WHERE source = 'models_dev'")
    code, out, err = run("sources", "--db", str(mirror_db_path))
    assert code == 0, err
    row = next(line for line in out.splitlines() if "models_dev" in line)
    assert origin in row


def test_parity_prints_a_bracketed_benchmark_as_written(mirror_db_path, run):
    name = f"{MARKUP} BBH {BRACKETED}"
    edit(mirror_db_path, f"UPDATE scores SET benchmark = '{name}' WHERE benchmark = 'BBH'")
    # renamed, the trends rows no longer match a basis rule by benchmark name: every basis (`any`)
    code, out, err = run("parity", "--benchmark", name, "--as-of", "2024-09-30", "--basis", "any",
                         "--db", str(mirror_db_path))
    assert code == 0, err
    assert f"Closed frontier points on {name}" in out and f"{name} (" in out
    code, out, err = run("parity", "--as-of", "2024-09-30", "--basis", "any", "--db", str(mirror_db_path))
    assert code == 0, err
    assert name in out


# --------------------------------------------------------------------------- #5 unwritable outputs
@pytest.mark.parametrize("json_flag", [[], ["--json"]], ids=["text", "json"])
def test_report_to_an_unwritable_folder_is_one_line(mirror_db_path, run, json_flag):
    code, out, err = run("report", "--out", "/proc/openpace-nope", *json_flag, "--db", str(mirror_db_path))
    assert code == 1 and out == ""
    assert one_error_line(err).startswith("error: --out /proc/openpace-nope: ")


def test_report_into_a_file_is_one_line(mirror_db_path, run, tmp_path):
    taken = tmp_path / "file"
    taken.write_text("x", encoding="utf-8")
    code, _, err = run("report", "--out", str(taken), "--db", str(mirror_db_path))
    assert code == 1 and one_error_line(err) == f"error: --out {taken}: exists and is not a directory"


def test_check_html_to_an_unwritable_path_is_one_line(mirror_db_path, run, tmp_path):
    article = tmp_path / "a.md"
    article.write_text("Nothing to check here.\n", encoding="utf-8")
    code, out, err = run("check", str(article), "--html", "/proc/openpace-nope/y.html", "--db", str(mirror_db_path))
    assert code == 1 and out == ""
    assert one_error_line(err).startswith("error: --html /proc/openpace-nope/y.html: ")


# --------------------------------------------------------------------------- #6 prices options pair
def test_prices_min_score_needs_a_benchmark(mirror_db_path, run):
    code, out, err = run("prices", "--min-score", "80", "--db", str(mirror_db_path))
    assert code == 2 and out == "" and "ratio" not in err
    assert "needs --benchmark" in one_error_line(err)


def test_prices_benchmark_alone_compares_at_every_level_not_at_one(mirror_db_path, run):
    # without a threshold the cheapest open and closed models sit at different scores: no single
    # ratio is printed, only the curve (cheapest open vs closed at every level)
    code, out, err = run("prices", "--benchmark", "MMLU", "--db", str(mirror_db_path))
    assert code == 0, err
    assert "cheapest ratio at this score" not in out and "closed / open median" in out


def test_prices_without_either_option_still_lists(mirror_db_path, run):
    code, out, err = run("prices", "--db", str(mirror_db_path))
    assert code == 0, err
    assert "all priced models: USD per million tokens" in out


# --------------------------------------------------------------------------- #9 models flags
@pytest.mark.parametrize("args, needle", [
    (["--open", "--closed"], "--open and --closed exclude each other"),
    (["--unmatched", "--open"], "--unmatched lists fact names that join no model, so --open"),
    (["--unmatched", "--closed"], "so --closed does not apply"),
    (["--unmatched", "Llama"], "so NAME does not apply"),
], ids=["open-and-closed", "unmatched-open", "unmatched-closed", "unmatched-name"])
def test_models_rejects_contradictory_flags(mirror_db_path, run, args, needle):
    code, out, err = run("models", *args, "--db", str(mirror_db_path))
    assert code == 2 and out == ""
    assert needle in one_error_line(err)


def test_models_open_and_closed_each_filter(mirror_db_path, run):
    import json

    lists = {}
    for flag in ("--open", "--closed"):
        code, out, err = run("models", flag, "--json", "--db", str(mirror_db_path))
        assert code == 0, err
        lists[flag] = json.loads(out)["models"]
    assert lists["--open"] and all(m["open_weights"] is True for m in lists["--open"])
    assert lists["--closed"] and all(m["open_weights"] is False for m in lists["--closed"])


# --------------------------------------------------------------------------- #10 the right name
def test_check_a_directory_says_so(run, tmp_path):
    code, out, err = run("check", str(tmp_path))
    assert code == 1 and out == ""
    assert one_error_line(err) == f"error: {tmp_path}: is a directory, not an article file"


def test_check_a_missing_file_names_it(run, tmp_path):
    missing = tmp_path / "no-such-article.md"
    code, _, err = run("check", str(missing))
    assert code == 1 and one_error_line(err) == f"error: {missing}: no such file"
