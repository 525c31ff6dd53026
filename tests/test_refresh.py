"""Refresh through the CLI: idempotent, all-or-nothing per source, safe under Ctrl-C; and every
command has --help and --json."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from openpace import refresh as refresh_module
from openpace.cli import app, load_all_commands
from openpace.refresh import refresh
from openpace.sources import SOURCES
from openpace.sources.base import HubStatement, Record, SourceSpec
from openpace.warehouse import connect

runner = CliRunner()


def source_rows(db: Path) -> dict[str, int]:
    result = runner.invoke(app, ["sources", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return {row["name"]: row["rows"] for row in json.loads(result.stdout)}


def content_digest(db: Path) -> list[tuple]:
    """Per table and source: row count and an order-free hash of whole rows (identity tables too)."""
    con = connect(db)
    try:
        out = []
        for table in ("model_facts", "scores", "prices", "hub_statements", "repo_activity", "arena_tops"):
            out += con.execute(f"SELECT '{table}', source, count(*), sum(hash(t)) FROM {table} t "
                               "GROUP BY source ORDER BY source").fetchall()
        for table in ("models", "model_aliases"):
            out += con.execute(f"SELECT '{table}', count(*), sum(hash(t)) FROM {table} t").fetchall()
        return out
    finally:
        con.close()


def test_refresh_twice_is_idempotent(mirror: Path, mirror_db_path: Path) -> None:
    # mirror_db_path was refreshed once from the whole mirror; refresh it again through the CLI
    before, digest_before = source_rows(mirror_db_path), content_digest(mirror_db_path)
    assert before["epoch_benchmarks"] > 0 and before["lmarena"] > 0
    result = runner.invoke(app, ["refresh", "--offline", str(mirror), "--db", str(mirror_db_path), "--json"])
    assert result.exit_code == 0, result.output
    statuses = {r["source"]: r["status"] for r in json.loads(result.stdout)}
    assert set(statuses.values()) == {"ok"} and "epoch_benchmarks" in statuses and "genai_prices" in statuses
    assert source_rows(mirror_db_path) == before
    assert content_digest(mirror_db_path) == digest_before


@pytest.fixture
def broken_mirror(mirror: Path, tmp_path: Path) -> Path:
    """A copy of the parts of the mirror three sources read, with an Epoch CSV cut in the middle
    and genai-prices/data.json corrupted; hub_docs stays healthy."""
    root = tmp_path / "broken"
    shutil.copytree(mirror / "epoch/benchmark-stitching", root / "epoch/benchmark-stitching")
    shutil.copytree(mirror / "huggingface", root / "huggingface")
    shutil.copy(mirror / "MANIFEST.json", root)
    runs = root / "epoch/benchmark-stitching/benchmarks_runs.csv"
    data = runs.read_bytes()
    runs.write_bytes(data[: len(data) // 2])
    prices = mirror / "genai-prices/data.json"
    (root / "genai-prices").mkdir()
    text = prices.read_text(encoding="utf-8")
    (root / "genai-prices/data.json").write_text(text[: len(text) // 3] + "\n<<<garbage", encoding="utf-8")
    return root


def test_failed_sources_leave_their_rows_and_name_both_files(broken_mirror: Path, mirror_db_path: Path) -> None:
    before = source_rows(mirror_db_path)
    result = runner.invoke(app, ["refresh", "--offline", str(broken_mirror), "--db", str(mirror_db_path), "--json",
                                 "--source", "epoch_benchmarks", "--source", "genai_prices", "--source", "hub_docs"])
    assert result.exit_code == 1
    assert "benchmarks_runs.csv:" in result.stderr
    assert "genai-prices/data.json" in result.stderr
    statuses = {r["source"]: r["status"] for r in json.loads(result.stdout)}
    assert statuses == {"epoch_benchmarks": "failed", "genai_prices": "failed", "hub_docs": "ok"}
    assert source_rows(mirror_db_path) == before


class Interrupting:
    """A source generator that yields real records, then is interrupted (Ctrl-C)."""

    def __init__(self, records: list[Record], after: int) -> None:
        self.records, self.after = records, after

    def __call__(self, root: Path) -> Iterator[Record]:
        yield from self.records[: self.after]
        raise KeyboardInterrupt


def table_counts(con) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("model_facts", "scores", "prices", "hub_statements", "models", "model_aliases")}


def test_interrupt_while_reading_leaves_warehouse_as_before(mirror: Path, mirror_db, monkeypatch) -> None:
    real = list(SOURCES["hub_docs"].offline(mirror))
    spec = SourceSpec(name="hub_docs", license="facts", description="interrupted", live_url="-",
                      mirror_glob=SOURCES["hub_docs"].mirror_glob, offline=Interrupting(real, 3),
                      tables=("hub_statements",))
    monkeypatch.setitem(SOURCES, "hub_docs", spec)
    before = table_counts(mirror_db)
    with pytest.raises(KeyboardInterrupt):
        refresh(mirror_db, ["hub_docs"], mirror)
    assert table_counts(mirror_db) == before
    # huggingface/hub_docs_model_count_statements.csv: 7 statements, still all there
    assert mirror_db.execute("SELECT count(*) FROM hub_statements WHERE source = 'hub_docs'").fetchone()[0] == 7
    status = mirror_db.execute("SELECT status FROM ingest_runs WHERE source = 'hub_docs' "
                               "ORDER BY finished_at DESC LIMIT 1").fetchone()[0]
    assert status == "interrupted"


def test_interrupt_mid_transaction_rolls_back(mirror: Path, mirror_db, monkeypatch) -> None:
    """Ctrl-C after the deletes and inserts ran, during the identity rebuild: all rolled back."""
    seen: dict[str, int] = {}

    def interrupted_rebuild(con) -> None:
        # inside the transaction the new rows are in place and the old ones deleted
        seen["rows"] = con.execute("SELECT count(*) FROM hub_statements WHERE source = 'hub_docs'").fetchone()[0]
        con.execute("DELETE FROM models")  # half-way through a rebuild
        raise KeyboardInterrupt

    monkeypatch.setattr(refresh_module, "rebuild_identity", interrupted_rebuild)
    real = [r for r in SOURCES["hub_docs"].offline(mirror) if isinstance(r, HubStatement)]
    monkeypatch.setitem(SOURCES, "hub_docs", SourceSpec(
        name="hub_docs", license="facts", description="two rows", live_url="-",
        mirror_glob=SOURCES["hub_docs"].mirror_glob, offline=lambda root: iter(real[:2]), tables=("hub_statements",)))
    before = table_counts(mirror_db)
    with pytest.raises(KeyboardInterrupt):  # two rows of seven: a deliberate shrink
        refresh(mirror_db, ["hub_docs"], mirror, allow_shrink=True)
    assert seen == {"rows": 2}
    assert table_counts(mirror_db) == before


# --------------------------------------------------------------------------- every command
def leaf_commands() -> list[tuple[list[str], Callable]]:
    """Every command registered on the typer app, sub-apps (`openpace hub ...`) included, as
    (argv path, callback). Typer's own registry, not click's: typer vendors its click."""
    found: list[tuple[list[str], Callable]] = []

    def walk(typer_app: typer.Typer, path: list[str]) -> None:
        for info in typer_app.registered_commands:
            name = info.name or info.callback.__name__.replace("_", "-")
            found.append(([*path, name], info.callback))
        for group in typer_app.registered_groups:
            walk(group.typer_instance, [*path, group.name or group.typer_instance.info.name])

    load_all_commands()  # command modules load lazily (cli/lazy.py); register every one first
    walk(app, [])
    return found


COMMANDS = leaf_commands()


def test_the_core_commands_are_registered() -> None:
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"refresh", "sources"} <= names


@pytest.mark.parametrize(("path", "callback"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_has_help_and_json(path: list[str], callback: Callable) -> None:
    assert (callback.__doc__ or "").strip(), f"{' '.join(path)} has no docstring"
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "--json" in result.stdout
