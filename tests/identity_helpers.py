"""Helpers shared by the identity tests: load constructed fact rows as a refresh would."""

from __future__ import annotations

from datetime import date

from openpace.identity import rebuild_identity
from openpace.sources.base import Record
from openpace.warehouse.loader import insert_rows
from openpace.warehouse.tx import transaction

PROV = dict(origin="test:constructed", observed=date(2026, 1, 1), license="test")


def load(con, records: list[Record]) -> None:
    """Insert constructed fact rows and rebuild identity, as a refresh does, in one transaction."""
    with transaction(con):
        for table in {r.TABLE for r in records}:
            insert_rows(con, table, [r.row() for r in records if r.TABLE == table])
        rebuild_identity(con)


def model_of(con, source: str, alias: str) -> dict:
    """The canonical model row a source's name joins."""
    row = con.execute(
        "SELECT m.* FROM model_aliases a JOIN models m USING (model_id) WHERE a.source = ? AND a.alias = ?",
        [source, alias]).fetchone()
    assert row is not None, (source, alias)
    return dict(zip([d[0] for d in con.description], row))
