"""Untrusted text on its way to a terminal or a chart: names with control, bidi and zero-width
characters from a mirror reach every command's output shown as escapes, `report` draws them, and
`check` takes random bytes and control characters without a traceback (a seeded property test)."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from cli_helpers import run
from openpace.domain.text import chart_safe, visible
from openpace.refresh import refresh
from openpace.warehouse import connect

# test inputs, not facts: a window-title sequence, an OSC 8 hyperlink, clear-screen, NUL, bidi, zero-width
EVIL_OPEN = "Evil\x1b]0;pwned\x07Open\x00 \u202eLM"
EVIL_CLOSED = "GPT\u200b-4o\x1b[2J\x1b]8;;http://x.example/\x1b\\link\x1b]8;;\x1b\\"
EVIL_REPO = "evil/\x1b]0;title\x07repo"
RAW = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
TRENDS = "epoch/open-model-trends/benchmarks_with_model_accessibility.csv"


def no_raw_control(text: str) -> bool:
    return RAW.search(text) is None


# --------------------------------------------------------------------------- the rule itself
def random_text(rng: random.Random, length: int) -> str:
    alphabet = [chr(c) for c in range(0, 0x250)] + ["\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\U000e0041",
                                                    "\ud800", "é", "%", "$", " ", "GPT-4o", "MMLU", "88.7"]
    return "".join(rng.choice(alphabet) for _ in range(length))


def test_visible_leaves_no_control_or_format_character() -> None:
    rng = random.Random(14)
    for _ in range(500):
        shown = visible(random_text(rng, rng.randrange(0, 60)))
        assert all(unicodedata.category(c) not in ("Cc", "Cf", "Cs") for c in shown), repr(shown)


def test_visible_changes_nothing_printable() -> None:
    for text in ("GPT-4o", "Llama 3.1 405B", "Qwen2.5-72B-Instruct", "Mistral «Large» — 2", "中文模型", ""):
        assert visible(text) == text


def test_chart_safe_reaches_every_string_of_a_spec() -> None:
    spec = {"data": {"values": [{"model": "a\x00b", "score": 1.5}]}, "title": ["x\x1by"]}
    assert chart_safe(spec) == {"data": {"values": [{"model": "a\\x00b", "score": 1.5}]}, "title": ["x\\x1by"]}


# --------------------------------------------------------------------------- names from a mirror
def hostile_mirror(mirror: Path, target: Path) -> Path:
    """epoch_trends plus two hostile-named MMLU models (the best of each side, so they reach the
    headline and the charts), git with a hostile repository name, and a small Hub listing."""
    shutil.copytree(mirror / "epoch/open-model-trends", target / "epoch/open-model-trends")
    shutil.copy(mirror / "MANIFEST.json", target)
    path = target / TRENDS
    text = path.read_text(encoding="utf-8-sig")
    header = next(csv.reader([text.splitlines()[0]]))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    for name, day, kind, mmlu in ((EVIL_OPEN, "2024-09-01", "Open", "0.99"), (EVIL_CLOSED, "2024-08-01", "Closed", "0.995")):
        writer.writerow({"System": name, "Date": day, "Open/Closed": kind, "MMLU": mmlu,
                         "MMLU Notes": "Epoch evaluation", "Trust in benchmark results": "0"})
    path.write_text(text.rstrip("\n") + "\n" + out.getvalue(), encoding="utf-8")
    git = target / "git"
    git.mkdir()
    lines = (mirror / "git/monthly_contributors.csv").read_text(encoding="utf-8").splitlines()
    extra = [f'"{EVIL_REPO}",2024-0{m},3,2,1,{"a" * 40}' for m in range(1, 4)]
    (git / "monthly_contributors.csv").write_text("\n".join([*lines, *extra]) + "\n", encoding="utf-8")
    hub = target / "huggingface"
    hub.mkdir()
    models = [{"id": f"{EVIL_REPO}-{i}", "author": EVIL_REPO, "createdAt": f"2024-0{i + 1}-01T00:00:00.000Z",
               "tags": ["license:mit"], "downloads": 0, "likes": 0, "pipeline_tag": "text-generation",
               "library_name": "transformers"} for i in range(3)]
    (hub / "models-2026-07-01.jsonl").write_text("\n".join(json.dumps(m) for m in models) + "\n", encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def hostile_db(mirror_db_file: Path, mirror: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    db = root / "hostile.duckdb"
    shutil.copy(mirror_db_file, db)
    con = connect(db)
    results = refresh(con, ["epoch_trends", "git", "hf_hub"], hostile_mirror(mirror, root / "mirror"))
    names = con.execute("SELECT count(*) FROM scores WHERE model_name IN (?, ?)", [EVIL_OPEN, EVIL_CLOSED]).fetchone()[0]
    con.close()
    assert [r.status for r in results] == ["ok", "ok", "ok"], [r.error for r in results]
    assert names == 2  # stored as written: the data keeps what the source said
    return db


COMMANDS = [
    ["models"], ["models", "--json"], ["prices"], ["contributors"], ["hub"], ["trend", "--benchmark", "MMLU", "--min-score", "50"],
    ["parity", "--benchmark", "MMLU", "--as-of", "2024-09-30"], ["sources"], ["lineage"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_no_command_prints_a_raw_control_character(args: list[str], hostile_db: Path, monkeypatch, capsys) -> None:
    code, out, err = run([*args, "--db", str(hostile_db)], monkeypatch, capsys)
    assert code in (0, 1), err
    assert "Traceback" not in err
    assert no_raw_control(out), [m.group(0) for m in RAW.finditer(out)][:5]
    assert no_raw_control(err), [m.group(0) for m in RAW.finditer(err)][:5]


def test_a_terminal_sees_escapes_not_sequences(hostile_db: Path, monkeypatch, capsys) -> None:
    code, out, _ = run(["models", "--db", str(hostile_db)], monkeypatch, capsys)
    assert code == 0
    assert "GPT\\u200b-4o\\x1b[2J" in out.replace("\n", "") or "GPT\\u200b-4o" in out


def test_report_draws_names_with_nul_and_esc(hostile_db: Path, tmp_path: Path) -> None:
    # in a subprocess: a renderer panic aborts the whole process, which must not be pytest's
    done = subprocess.run([sys.executable, "-c", "from openpace.cli import main; main()", "report", "--out",
                           str(tmp_path / "out"), "--as-of", "2024-09-30", "--db", str(hostile_db)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert no_raw_control(done.stdout) and no_raw_control(done.stderr)
    page = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    assert "\x00" not in page and "\x1b" not in page


# --------------------------------------------------------------------------- check: random input
def test_check_text_survives_random_control_characters(mirror_db) -> None:
    from openpace.claims import check_text

    rng = random.Random(1414)
    seeds = ["N\x01/:2", "GPT-4o scored 88.7% on MMLU.", "Llama 3 costs $0.20 per million tokens", "\x00\x1b[2J",
             "Open models trail by 16 months."]
    for i in range(120):
        text = rng.choice(seeds) + random_text(rng, rng.randrange(0, 80)) + rng.choice(seeds)
        result = check_text(mirror_db, text)
        assert set(result["summary"]) >= {"supported", "contradicted"}, (i, text)


def test_check_cli_takes_random_bytes(mirror_db_path: Path, monkeypatch, capsys) -> None:
    rng = random.Random(2626)
    for i in range(12):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
        if i % 2:  # valid UTF-8 with control characters
            data = random_text(rng, 80).encode("utf-8", "replace") + b"\x01/:2 GPT-4o 88.7% MMLU"
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8",
                                                           errors="surrogateescape"))
        code, out, err = run(["check", "-", "--db", str(mirror_db_path)], monkeypatch, capsys)
        assert code in (0, 1), (data, err)
        assert "Traceback" not in err
        assert no_raw_control(out), (data, out)
        if code == 1:
            assert "not UTF-8" in err, err
