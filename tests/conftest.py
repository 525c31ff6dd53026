"""Shared fixtures: the mirror (../shared/data), a fresh warehouse per test, and a warehouse
refreshed once per session from the whole mirror (copied per test that writes)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from openpace.warehouse import connect

REPO = Path(__file__).resolve().parent.parent
MIRROR = Path(os.environ.get("OPENPACE_MIRROR", REPO.parent / "shared" / "data")).resolve()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the user's warehouse or a real token."""
    monkeypatch.setenv("OPENPACE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("HF_TOKEN", raising=False)
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)


@pytest.fixture(scope="session")
def mirror() -> Path:
    assert MIRROR.is_dir(), f"the mirror is missing: {MIRROR}"
    return MIRROR


@pytest.fixture
def fresh_db(tmp_path: Path):
    """An empty, migrated warehouse file."""
    con = connect(tmp_path / "fresh.duckdb")
    yield con
    con.close()


@pytest.fixture(scope="session")
def mirror_db_file(tmp_path_factory: pytest.TempPathFactory, mirror: Path) -> Path:
    """A warehouse refreshed once from the whole mirror (read it through `mirror_db`)."""
    from openpace.refresh import refresh

    path = tmp_path_factory.mktemp("mirror") / "mirror.duckdb"
    con = connect(path)
    results = refresh(con, None, mirror)
    con.close()
    failed = [r.error for r in results if r.status != "ok"]
    assert not failed, failed
    return path


@pytest.fixture
def mirror_db(mirror_db_file: Path, tmp_path: Path):
    """A private copy of the mirror-refreshed warehouse, safe to write."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(mirror_db_file, path)
    con = connect(path)
    yield con
    con.close()


@pytest.fixture
def mirror_db_path(mirror_db_file: Path, tmp_path: Path) -> Path:
    """A path to a private copy of the mirror-refreshed warehouse (for CLI tests with --db)."""
    path = tmp_path / "cli.duckdb"
    shutil.copy(mirror_db_file, path)
    return path
