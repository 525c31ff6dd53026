"""The warehouse tables and the record types the sources yield are declared apart (migrations and
`sources/base.py`); this test holds them to one shape: every fact table's columns, from DESCRIBE,
are exactly its record type's fields, each with the DuckDB type of the field's Python type."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime

import pytest

from openpace.sources.base import RECORD_TYPES
from openpace.warehouse.db import FACT_TABLES

# Python type of a record field -> the DuckDB column types that store it without loss
DUCKDB_TYPES: dict[type, set[str]] = {
    str: {"VARCHAR"}, int: {"BIGINT", "INTEGER", "HUGEINT"}, float: {"DOUBLE"}, bool: {"BOOLEAN"},
    date: {"DATE"}, datetime: {"TIMESTAMP", "TIMESTAMP WITH TIME ZONE"},
}

# text fields the sources fill with `raw_json(...)`: stored as DuckDB JSON
JSON_FIELDS = {"raw", "fact_notes"}


def base_type(hint: object) -> type:
    """`float | None` -> float."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        (only,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return typing.cast(type, only)
    return typing.cast(type, hint)


def test_every_fact_table_has_a_record_type():
    assert sorted(rt.TABLE for rt in RECORD_TYPES) == sorted(FACT_TABLES)


@pytest.mark.parametrize("record_type", RECORD_TYPES, ids=[rt.TABLE for rt in RECORD_TYPES])
def test_table_columns_match_the_record_type(fresh_db, record_type):
    described = {name: kind for name, kind, *_ in fresh_db.execute(f"DESCRIBE {record_type.TABLE}").fetchall()}
    hints = typing.get_type_hints(record_type)
    fields = {f.name: base_type(hints[f.name]) for f in dataclasses.fields(record_type)}
    assert set(described) == set(fields), (record_type.TABLE, set(described) ^ set(fields))
    wrong = {name: (described[name], py.__name__) for name, py in fields.items()
             if described[name] not in (DUCKDB_TYPES[py] | ({"JSON"} if name in JSON_FIELDS else set()))}
    assert all(described[name] == "JSON" for name in JSON_FIELDS & set(fields)), record_type.TABLE
    assert not wrong, (record_type.TABLE, wrong)
