"""Shared fixtures and the three test tiers.

Mirrors: `mirror` is the fixture mirror committed in the repository (tests/fixtures/mirror, excerpts
of ../shared/data laid out the same way, rebuilt by `make fixtures`); `full_mirror` is the whole
mirror (`OPENPACE_MIRROR`, else ../shared/data), present on a developer's machine and in CI but not
in a plain clone. Warehouses: `fresh_db` (empty, migrated), `mirror_db*` (refreshed once per session
from the fixture mirror), `full_mirror_db*` (refreshed from the whole mirror).

Tiers (markers, given here from the fixtures a test uses, so a test file needs no bookkeeping):
- `mirror`: reads the whole mirror; skipped when it is absent (`make test-mirror` runs only these);
- `warehouse`: builds a warehouse from mirror files (fixture or whole);
- `browser`: drives headless Chromium;
- `subprocess` (marked by hand): spawns a process (the CLI, git, a lock holder); a test of the fast
  tier that spawns one fails, naming the marker;
- `realtime` (marked by hand): waits on the clock (deadlines, Retry-After, backoff, trickling servers).
`make test-fast` is everything that is none of these; `make test` is all but `mirror`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from openpace.warehouse import connect

REPO = Path(__file__).resolve().parent.parent
FIXTURE_MIRROR = REPO / "tests" / "fixtures" / "mirror"
FULL_MIRROR = Path(os.environ.get("OPENPACE_MIRROR", REPO.parent / "shared" / "data")).resolve()
FULL_MIRROR_PRESENT = (FULL_MIRROR / "MANIFEST.json").is_file()

# fixtures that build a warehouse from files / need the whole mirror / start a browser
WAREHOUSE_FIXTURES = {"mirror_db_file", "mirror_db", "mirror_db_path",
                      "full_mirror_db_file", "full_mirror_db", "full_mirror_db_path",
                      "snapshot_db",  # tests/test_report_headline.py: the bundled snapshot, loaded
                      "hub_db"}  # tests/test_lineage.py: a generated Hub listing file, refreshed
MIRROR_FIXTURES = {"full_mirror", "full_mirror_db_file", "full_mirror_db", "full_mirror_db_path"}
BROWSER_FIXTURES = {"page", "browser_page"}  # tests/test_report_page.py names its Chromium page `page`
SLOW_TIERS = ("mirror", "warehouse", "browser", "subprocess")  # the tiers a process may be spawned in


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip_mirror = pytest.mark.skip(reason=f"the whole mirror is absent ({FULL_MIRROR}); set OPENPACE_MIRROR")
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & MIRROR_FIXTURES:
            item.add_marker(pytest.mark.mirror)
        if used & WAREHOUSE_FIXTURES:
            item.add_marker(pytest.mark.warehouse)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if item.get_closest_marker("mirror") and not FULL_MIRROR_PRESENT:
            item.add_marker(skip_mirror)


@pytest.fixture(autouse=True)
def _no_process_in_the_fast_tier(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A spawned process costs ~1 s of start-up: a fast-tier test that spawns one is a tier mistake."""
    if any(request.node.get_closest_marker(tier) for tier in SLOW_TIERS):
        return

    class Refused(subprocess.Popen):
        def __init__(self, args, *rest, **kwargs):
            raise AssertionError(f"{request.node.nodeid} spawns {args!r}: mark it @pytest.mark.subprocess")

    monkeypatch.setattr(subprocess, "Popen", Refused)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the user's warehouse or a real token."""
    monkeypatch.setenv("OPENPACE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("HF_TOKEN", raising=False)
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)


@pytest.fixture(scope="session")
def mirror() -> Path:
    """The fixture mirror committed under tests/fixtures/mirror (see its MANIFEST.json)."""
    assert (FIXTURE_MIRROR / "MANIFEST.json").is_file(), f"the fixture mirror is missing: {FIXTURE_MIRROR}"
    return FIXTURE_MIRROR


@pytest.fixture(scope="session")
def full_mirror() -> Path:
    """The whole mirror (../shared/data or OPENPACE_MIRROR); tests using it are marked `mirror`."""
    if not FULL_MIRROR_PRESENT:
        pytest.skip(f"the whole mirror is absent: {FULL_MIRROR}")
    return FULL_MIRROR


@pytest.fixture
def fresh_db(tmp_path: Path):
    """An empty, migrated warehouse file."""
    con = connect(tmp_path / "fresh.duckdb")
    yield con
    con.close()


def _refreshed(path: Path, root: Path) -> Path:
    from openpace.refresh import refresh

    con = connect(path)
    results = refresh(con, None, root)
    con.close()
    failed = [r.error for r in results if r.status != "ok"]
    assert not failed, failed
    return path


def _copy(src: Path, dst: Path) -> Path:
    shutil.copy(src, dst)
    return dst


@pytest.fixture(scope="session")
def mirror_db_file(tmp_path_factory: pytest.TempPathFactory, mirror: Path) -> Path:
    """A warehouse refreshed once from the fixture mirror (read it through `mirror_db`)."""
    return _refreshed(tmp_path_factory.mktemp("mirror") / "mirror.duckdb", mirror)


@pytest.fixture(scope="module")
def con(mirror_db_file: Path):
    """The fixture-mirror warehouse, read-only, one connection per test module (a module that needs another
    warehouse defines its own `con`)."""
    c = connect(mirror_db_file, read_only=True)
    yield c
    c.close()


@pytest.fixture
def mirror_db(mirror_db_file: Path, tmp_path: Path):
    """A private copy of the fixture-mirror warehouse, safe to write."""
    con = connect(_copy(mirror_db_file, tmp_path / "copy.duckdb"))
    yield con
    con.close()


@pytest.fixture
def mirror_db_path(mirror_db_file: Path, tmp_path: Path) -> Path:
    """A path to a private copy of the fixture-mirror warehouse (for CLI tests with --db)."""
    return _copy(mirror_db_file, tmp_path / "cli.duckdb")


@pytest.fixture(scope="session")
def full_mirror_db_file(tmp_path_factory: pytest.TempPathFactory, full_mirror: Path) -> Path:
    """A warehouse refreshed once from the whole mirror."""
    return _refreshed(tmp_path_factory.mktemp("full") / "full.duckdb", full_mirror)


@pytest.fixture
def full_mirror_db(full_mirror_db_file: Path, tmp_path: Path):
    """A private copy of the whole-mirror warehouse, safe to write."""
    con = connect(_copy(full_mirror_db_file, tmp_path / "full-copy.duckdb"))
    yield con
    con.close()


@pytest.fixture
def full_mirror_db_path(full_mirror_db_file: Path, tmp_path: Path) -> Path:
    """A path to a private copy of the whole-mirror warehouse (for CLI tests with --db)."""
    return _copy(full_mirror_db_file, tmp_path / "full-cli.duckdb")
