"""The bundled snapshot: shipped with provenance, loaded by itself into an empty warehouse,
and in step with the mirror it was built from."""

import json

import duckdb
import pytest

from openpace.bundle import open_warehouse
from openpace.warehouse.db import FACT_TABLES
from openpace.warehouse.snapshot import SNAPSHOT_DIR, snapshot_provenance


def test_snapshot_ships_provenance_and_epoch_attribution():
    provenance = snapshot_provenance()
    assert provenance is not None, "run `make snapshot` to build the bundled snapshot"
    notice = (SNAPSHOT_DIR / "NOTICE.md").read_text(encoding="utf-8")
    assert "CC-BY 4.0" in notice and "Epoch AI, " in notice
    for source in provenance["sources"]:
        assert source["license"] and source["origins"], source["name"]


@pytest.mark.warehouse
def test_empty_warehouse_loads_the_snapshot(tmp_path):
    con = open_warehouse(tmp_path / "first.duckdb")
    provenance = snapshot_provenance()
    assert len(provenance["sources"]) >= 9
    for source in provenance["sources"]:
        assert source["rows"] > 0, source["name"]
        rows = sum(con.execute(f"SELECT count(*) FROM {t} WHERE source = ?", [source["name"]]).fetchone()[0]
                   for t in FACT_TABLES)
        assert rows == source["rows"], source["name"]
    assert con.execute("SELECT count(*) FROM models").fetchone()[0] > 0  # identity rebuilt on load


@pytest.mark.warehouse
def test_a_loaded_warehouse_is_not_reloaded(tmp_path):
    path = tmp_path / "twice.duckdb"
    open_warehouse(path).close()
    before = duckdb.connect(str(path)).execute("SELECT count(*) FROM scores").fetchone()[0]
    open_warehouse(path).close()
    after = duckdb.connect(str(path)).execute("SELECT count(*) FROM scores").fetchone()[0]
    assert before == after


def test_snapshot_matches_the_mirror(full_mirror_db_file):
    """A stale snapshot (the sources changed, `make snapshot` not rerun) fails here."""
    con = duckdb.connect(str(full_mirror_db_file), read_only=True)
    shipped = {s["name"]: s["rows"] for s in snapshot_provenance()["sources"]}
    for name, rows in shipped.items():
        mirror_rows = sum(con.execute(f"SELECT count(*) FROM {t} WHERE source = ?", [name]).fetchone()[0]
                          for t in FACT_TABLES)
        assert mirror_rows == rows, f"{name}: snapshot {rows}, mirror {mirror_rows}; rebuild with `make snapshot`"
    assert json.loads((SNAPSHOT_DIR / "PROVENANCE.json").read_text())["built_from"]


def test_build_refuses_a_mirror_missing_sources(tmp_path):
    """An empty or partial mirror must not silently become the bundled default."""
    from openpace.errors import InputError
    from openpace.bundle import build_snapshot

    (tmp_path / "mirror" / "git").mkdir(parents=True)
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("untouched")
    try:
        build_snapshot(tmp_path / "mirror", out)
    except InputError as exc:
        assert "no mirror files for" in str(exc) and "epoch_trends" in str(exc)
    else:
        raise AssertionError("a partial mirror was accepted")
    assert (out / "keep.txt").read_text() == "untouched"
