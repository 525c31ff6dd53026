"""Every source's value for one fact about one model: the evidence a claim about parameters,
training tokens, GPU-hours, context window, knowledge cut-off, licence, release date or training
compute is checked against.

A pure function over warehouse tables: the fact rows (`model_facts`, and for openness and release
dates also `scores` and `prices`) are joined to the canonical model through `model_aliases`, exactly
as docs/identity.md prescribes, and returned side by side. Nothing is reconciled or chosen here
(that is the claim checker's documented rule); rows of one source, name and value are counted
together. docs/facts.md describes every attribute, where its values come from and their units.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

import duckdb


@dataclass(frozen=True)
class FactEvidence:
    """One source's value for a model's attribute (one row, or several identical rows counted).

    `source_name` is the model as the source names it (the row a reader can look up); `model_id` the
    canonical model the row belongs to (differs from the asked id only with `scope="family"`);
    `field` the warehouse column read; `observed` the earliest observation among the rows; `keys`
    the source's own ids of those rows (a provider-model, a LiteLLM key).
    """

    source: str
    value: Any
    unit: str
    observed: date | None
    origin: str
    license: str
    note: str | None
    source_name: str
    model_id: str
    field: str
    rows: int = 1
    keys: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()  # the providers serving the model whose catalogue entries these rows are

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["observed"] = self.observed.isoformat() if self.observed else None
        out["value"] = self.value.isoformat() if isinstance(self.value, date) else self.value
        out["keys"] = list(self.keys)
        out["hosts"] = list(self.hosts)
        return out


@dataclass(frozen=True)
class Field:
    """Where an attribute's values are: a column (or SQL expression over `f`), its unit (fixed, or
    the name of a unit column), and the `fact_notes` key that explains or lists its values."""

    column: str
    unit: str
    tables: tuple[str, ...] = ("model_facts",)
    unit_column: bool = False
    note_key: str | None = None
    sources: tuple[str, ...] = ()  # only these sources' rows (empty: every source)
    note: str | None = None  # a fixed note for every value of this field


ATTRIBUTES: dict[str, tuple[Field, ...]] = {
    "parameters_total": (Field("parameters", "parameters"),),
    "parameters_active": (Field("parameters_active", "parameters", note_key="parameters_active"),),
    "training_tokens": (Field("training_tokens", "tokens", note_key="training_tokens"),
                        Field("dataset_size", "dataset_size_unit", unit_column=True, note_key="dataset_size")),
    "context_window": (Field("context_window", "tokens", note_key="context_window"),),
    "output_limit": (Field("output_limit", "tokens", note_key="output_limit"),),
    "knowledge_cutoff": (Field("knowledge_cutoff", "date"),),
    "license": (Field("model_license", "licence"),
                Field("accessibility", "accessibility", sources=("epoch_trends",),
                      note="Epoch's accessibility wording ('Open/Closed' or 'Model accessibility')")),
    "open_weights": (Field("open_weights", "boolean", tables=("model_facts", "scores", "prices")),),
    "release_date": (Field("release_date", "date", tables=("model_facts", "scores", "prices")),),
    "training_hardware": (Field("hardware", "hardware"),),
    "hardware_quantity": (Field("hardware_quantity", "chips"),),
    "gpu_hours": (Field("chip_hours", "chip-hours", note_key="chip_hours"),
                  Field("chip_hours_stated", "chip-hours", note_key="chip_hours_stated"),
                  Field("hardware_quantity * training_time_hours", "chip-hours",
                        note="derived: Hardware quantity x Training time (hours), an upper estimate")),
    "training_compute": (Field("training_compute_flop", "FLOP"),),
}
# the name and key columns of each fact table
NAME_COLUMNS = {"model_facts": ("name", "key", "fact_notes"), "scores": ("model_name", "model_key", "NULL"),
                "prices": ("model_name", "model_key", "NULL")}
# the provider a catalogue row is an entry of (a limit is that provider's serving cap): LiteLLM names it in the
# entry (`litellm_provider`), models.dev and genai-prices key their entries `provider/model`, OpenRouter routes to
# hosts of its own; Epoch's rows are about the model, served by no one (NULL)
HOST_SQL = ("CASE WHEN f.source = 'litellm' THEN json_extract_string(f.raw, '$.litellm_provider') "
            "WHEN f.source IN ('models_dev', 'genai_prices') AND f.key LIKE '%/%' THEN split_part(f.key, '/', 1) "
            "WHEN f.source = 'openrouter' THEN 'openrouter' END")
AFTER_AS_OF = "first observed after the as-of date"

Scope = Literal["model", "family"]


def attributes() -> list[str]:
    """The attribute names `attribute_evidence` knows."""
    return list(ATTRIBUTES)


def model_ids_in_scope(con: duckdb.DuckDBPyConnection, model_id: str, scope: Scope) -> list[str]:
    """The model itself, or every model of its family (base, instruct, snapshots, settings)."""
    if scope == "model":
        return [model_id]
    rows = con.execute("SELECT model_id FROM models WHERE family = (SELECT family FROM models WHERE model_id = ?) "
                       "ORDER BY model_id", [model_id]).fetchall()
    return [r[0] for r in rows] or [model_id]


def _query(field: Field, table: str, count: int) -> str:
    name, key, notes = NAME_COLUMNS[table]
    unit = f"f.{field.unit}" if field.unit_column else "?"
    value = " ".join(f"f.{w}" if w.isidentifier() and w != "NULL" else w for w in field.column.split())
    only = f" AND f.source IN ({', '.join('?' * len(field.sources))})" if field.sources else ""
    marks = ", ".join("?" * count)
    host = HOST_SQL if table == "model_facts" else "NULL"
    return (f"SELECT a.model_id, f.source, f.{name}, f.{key}, {value}, {unit}, {notes}, f.origin, f.observed, f.license, "
            f"{host} "
            f"FROM {table} f JOIN model_aliases a ON a.source = f.source AND a.alias = f.{name} "
            f"WHERE a.model_id IN ({marks}) AND ({value}) IS NOT NULL{only}")


def _rows(con: duckdb.DuckDBPyConnection, field: Field, ids: list[str]) -> Iterable[tuple]:
    for table in field.tables:
        params: list[Any] = ([] if field.unit_column else [field.unit]) + ids + list(field.sources)
        yield from con.execute(_query(field, table, len(ids)), params).fetchall()


def _stated(notes: str | None, key: str | None) -> Any:
    if not notes or not key:
        return None
    return json.loads(notes).get(key)


def _values(field: Field, row: tuple) -> list[tuple[Any, str | None]]:
    """`(value, note)` pairs of one row: the column's value, or every figure its notes state."""
    value, notes = row[4], _stated(row[6], field.note_key)
    if isinstance(notes, list):  # figures read from a source's prose: each is evidence
        return [(item["value"], item.get("note")) for item in notes]
    note = notes if isinstance(notes, str) else field.note
    return [(value, note)]


def _as_of(rows: list[tuple], as_of: date | None) -> list[tuple[tuple, bool]]:
    """Per source and name: the rows observed on or before `as_of` (or undated); when there are
    none, the first observation after it, flagged. No `as_of`: every row."""
    if as_of is None:
        return [(r, False) for r in rows]
    groups: dict[tuple, list[tuple]] = defaultdict(list)
    for r in rows:
        groups[(r[0], r[1], r[2])].append(r)
    kept = []
    for group in groups.values():
        before = [r for r in group if r[8] is None or r[8] <= as_of]
        if before:
            kept += [(r, False) for r in before]
        else:
            first = min(r[8] for r in group)
            kept += [(r, True) for r in group if r[8] == first]
    return kept


def attribute_evidence(con: duckdb.DuckDBPyConnection, model_id: str, attribute: str, *,
                       as_of: date | None = None, scope: Scope = "model") -> list[FactEvidence]:
    """Every source's value of `attribute` for the canonical model `model_id`.

    Args:
        con: an open warehouse.
        model_id: a `models.model_id` (resolve names first with `identity.resolve_name`).
        attribute: one of `attributes()`.
        as_of: keep, per source and name, the rows observed on or before this date (undated rows
            always); a source with none keeps its first later observation, noted as such.
        scope: "model" (this model's rows) or "family" (every model sharing its `family`: base,
            instruct, dated snapshots; `model_id` on each evidence says whose row it is).

    Returns:
        One FactEvidence per (canonical model, source, source name, field, value, unit, note),
        sorted by source, model, name and value; identical rows are counted in `rows`.
    """
    fields = ATTRIBUTES.get(attribute)
    if fields is None:
        raise ValueError(f"unknown attribute {attribute!r}; known: {', '.join(ATTRIBUTES)}")
    ids = model_ids_in_scope(con, model_id, scope)
    grouped: dict[tuple, list] = {}
    for field in fields:
        for row, late in _as_of(list(_rows(con, field, ids)), as_of):
            for value, note in _values(field, row):
                if late:
                    note = f"{note}; {AFTER_AS_OF}" if note else AFTER_AS_OF
                ident = (row[1], row[0], row[2], field.column, value, row[5], note)
                entry = grouped.get(ident)
                if entry is None:
                    grouped[ident] = [row, 1, {row[3]} - {None}, {row[10]} - {None}]
                else:
                    entry[1] += 1
                    entry[2].update({row[3]} - {None})
                    entry[3].update({row[10]} - {None})
                    if row[8] is not None and (entry[0][8] is None or row[8] < entry[0][8]):
                        entry[0] = row  # the earliest observation gives the date and origin
    out = [FactEvidence(source=src, value=value, unit=unit, observed=row[8], origin=row[7], license=row[9],
                        note=note, source_name=name, model_id=mid, field=column, rows=n, keys=tuple(sorted(keys)),
                        hosts=tuple(sorted(hosts)))
           for (src, mid, name, column, value, unit, note), (row, n, keys, hosts) in grouped.items()]
    return sorted(out, key=lambda e: (e.source, e.model_id, e.source_name, e.field, str(e.value)))


def attribute_coverage(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many canonical models have at least one value of each attribute (any source)."""
    coverage = {}
    for attribute, fields in ATTRIBUTES.items():
        parts = []
        for field in fields:
            value = " ".join(f"f.{w}" if w.isidentifier() else w for w in field.column.split())
            only = f" AND f.source IN ({', '.join(repr(s) for s in field.sources)})" if field.sources else ""
            for table in field.tables:
                name = NAME_COLUMNS[table][0]
                parts.append(f"SELECT a.model_id FROM {table} f JOIN model_aliases a "
                             f"ON a.source = f.source AND a.alias = f.{name} WHERE ({value}) IS NOT NULL{only}")
        query = f"SELECT count(DISTINCT model_id) FROM ({' UNION '.join(parts)})"
        coverage[attribute] = con.execute(query).fetchall()[0][0]
    return coverage
