"""Opening the warehouse as users do: many readers at once, a reader while a writer holds the file,
a --db that does not exist, a folder that cannot be made, a damaged file, and Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cli_helpers import run

CLI = [sys.executable, "-c", "from openpace.cli import main; main()"]


def env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "OPENPACE_HOME": str(tmp_path / "home"), **extra}


def hold_for_writing(path: Path, seconds: float, release: Path | None = None) -> subprocess.Popen:
    """Another process holding the warehouse open for writing (as a refresh does), for `seconds`
    or, with `release`, until that file appears."""
    wait = (f"while not os.path.exists({str(release)!r}): time.sleep(0.05)" if release
            else f"time.sleep({seconds})")
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, os, time; con = duckdb.connect({str(path)!r}); "
                                                     f"print('held', flush=True)\n{wait}"],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def holds_open(pid: int, path: Path) -> bool:
    """Whether process `pid` has `path` open (the command got as far as opening the warehouse)."""
    try:
        return any(os.readlink(f"/proc/{pid}/fd/{fd}") == str(path) for fd in os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return False


def test_four_readers_at_once_all_succeed(mirror_db_path: Path, tmp_path: Path) -> None:
    commands = [[*CLI, "parity", "--benchmark", "MMLU", "--json", "--db", str(mirror_db_path)] for _ in range(4)]
    running = [subprocess.Popen(c, env=env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for c in commands]
    results = [(p.wait(timeout=240), p.stderr.read()) for p in running]
    assert [code for code, _ in results] == [0, 0, 0, 0], [err for _, err in results]


def test_a_reader_waits_for_a_writer_and_says_so(mirror_db_path: Path, tmp_path: Path) -> None:
    release = tmp_path / "release"
    holder = hold_for_writing(mirror_db_path, 0, release)
    try:
        reader = subprocess.Popen([*CLI, "sources", "--json", "--db", str(mirror_db_path)], env=env(tmp_path),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        notice = reader.stderr.readline()  # blocks until the reader says it waits (the test's timeout guards)
    finally:
        release.touch()
        holder.wait(timeout=60)
    out, err = reader.communicate(timeout=120)
    assert "waiting for another openpace process" in notice
    assert reader.returncode == 0, err
    assert json.loads(out)


def test_a_reader_gives_up_with_a_clear_error(mirror_db_path: Path, tmp_path: Path) -> None:
    release = tmp_path / "release"
    holder = hold_for_writing(mirror_db_path, 0, release)  # held however long the CLI takes to start
    try:
        done = subprocess.run([*CLI, "sources", "--db", str(mirror_db_path)], capture_output=True, text=True,
                              env=env(tmp_path, OPENPACE_LOCK_TIMEOUT="1.5"), timeout=60)
    finally:
        release.touch()
        holder.wait(timeout=60)
    assert done.returncode == 1
    assert "is in use by another openpace process" in done.stderr and "Traceback" not in done.stderr


def test_a_missing_db_is_an_error_and_creates_nothing(tmp_path: Path, monkeypatch, capsys) -> None:
    target = tmp_path / "nowhere" / "x.duckdb"
    code, out, err = run(["sources", "--db", str(target)], monkeypatch, capsys)
    assert code == 1
    assert "no warehouse there" in err
    assert not target.parent.exists()


def test_an_uncreatable_path_is_one_line(tmp_path: Path, monkeypatch, capsys, mirror: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, _, err = run(["refresh", "--offline", str(mirror), "--source", "git", "--db", str(blocker / "x.duckdb")],
                       monkeypatch, capsys)
    assert code == 1
    assert err.count("\n") == 1 and "cannot create the folder" in err


@pytest.mark.parametrize("damage", ["garbage", "half"])
def test_a_damaged_warehouse_says_how_to_recover(damage: str, mirror_db_path: Path, tmp_path: Path) -> None:
    data = mirror_db_path.read_bytes()
    mirror_db_path.write_bytes(b"\x00garbage" * 1000 if damage == "garbage" else data[: len(data) // 2])
    done = subprocess.run([*CLI, "models", "--db", str(mirror_db_path)], env=env(tmp_path), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "move it aside" in done.stderr and str(mirror_db_path) in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_ctrl_c_says_the_warehouse_keeps_its_state(mirror: Path, mirror_db_path: Path, tmp_path: Path) -> None:
    before = subprocess.run([*CLI, "sources", "--json", "--db", str(mirror_db_path)], env=env(tmp_path),
                            capture_output=True, text=True, check=True).stdout
    refreshing = subprocess.Popen([*CLI, "refresh", "--offline", str(mirror), "--db", str(mirror_db_path)],
                                  env=env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    started = time.monotonic()
    while not holds_open(refreshing.pid, mirror_db_path):  # past start-up: the refresh has the warehouse
        assert refreshing.poll() is None and time.monotonic() - started < 120
        time.sleep(0.05)
    time.sleep(0.5)  # in the middle of the sources
    refreshing.send_signal(signal.SIGINT)
    _, err = refreshing.communicate(timeout=60)
    assert refreshing.returncode == 130, err
    assert "interrupted; the warehouse keeps its last complete state" in err
    assert "Traceback" not in err
    after = subprocess.run([*CLI, "sources", "--json", "--db", str(mirror_db_path)], env=env(tmp_path),
                           capture_output=True, text=True, check=True).stdout
    rows = lambda text: {s["name"]: s["rows"] for s in json.loads(text)}  # noqa: E731
    assert rows(after) == rows(before)
