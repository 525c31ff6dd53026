"""The warehouse rows the claim checker weighs, as named, parameterised queries with typed rows.

The checker's verifiers read the warehouse only through this module and the other metrics
(`metrics.facts`, `metrics.hub`, `metrics.prices`): the SQL lives in the metrics layer, once. Rows
are selected by the names a source uses (`names`: model names as written in the fact tables) and
come back as named tuples, in the column order the verifiers' evidence lists show. Nothing is
chosen or reconciled here; that is the checker's documented rule (docs/claims.md).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import duckdb


class ScoreRow(NamedTuple):
    source: str
    model_name: str
    benchmark: str
    score: float
    unit: str
    origin: str
    observed: date | None
    evaluated_date: date | None
    trust: int | None
    raw: str | None  # the source's own record (JSON): who measured the score, in its notes


class FactRow(NamedTuple):
    source: str
    name: str
    release_date: date | None
    open_weights: bool | None
    accessibility: str | None
    hardware: str | None
    hardware_quantity: float | None
    training_time_hours: float | None
    origin: str
    observed: date | None
    organization: str | None


class ComputeRow(NamedTuple):
    source: str
    name: str
    training_compute_flop: float
    origin: str
    observed: date | None


class PriceRow(NamedTuple):
    source: str
    model_name: str
    provider: str
    input_usd_per_mtok: float | None
    output_usd_per_mtok: float | None
    origin: str
    seen: date | None  # the observation day, else the start of the price's validity
    valid_to: date | None
    batch_input: float | None = None  # the batch API's and prompt caching's prices (sources.base.Price)
    batch_output: float | None = None
    cache_read: float | None = None
    cache_write: float | None = None
    cache_write_1h: float | None = None


class OrgRow(NamedTuple):
    source: str
    name: str
    organization: str


class IdentityOpenness(NamedTuple):
    model_id: str
    display_name: str | None
    open_weights: bool
    open_basis: str | None


class FamilyScore(NamedTuple):
    model_id: str
    source: str
    model_name: str
    score: float


SCORES_SQL = """SELECT source, model_name, benchmark, score, unit, origin, observed, evaluated_date, trust, raw
                FROM scores WHERE model_name IN (SELECT unnest($names)) AND benchmark IN (SELECT unnest($benchmarks))"""
FACTS_SQL = """SELECT source, name, release_date, open_weights, accessibility, hardware, hardware_quantity,
                      training_time_hours, origin, observed, organization
               FROM model_facts WHERE name IN (SELECT unnest($names))"""
COMPUTE_SQL = """SELECT source, name, training_compute_flop, origin, observed FROM model_facts
                 WHERE name IN (SELECT unnest($names)) AND training_compute_flop IS NOT NULL"""
PRICES_SQL = """SELECT source, model_name, provider, input_usd_per_mtok, output_usd_per_mtok, origin,
                       coalesce(observed, valid_from) AS seen, valid_to, batch_input_usd_per_mtok AS batch_input,
                       batch_output_usd_per_mtok AS batch_output, cache_read_usd_per_mtok AS cache_read,
                       cache_write_usd_per_mtok AS cache_write, cache_write_1h_usd_per_mtok AS cache_write_1h
                FROM prices WHERE model_name IN (SELECT unnest($names))"""
ORGS_SQL = """SELECT source, name, organization FROM model_facts
              WHERE name IN (SELECT unnest($names)) AND organization IS NOT NULL"""
OPEN_FLAGS_SQL = "SELECT source, open_rows, closed_rows FROM model_open_flags WHERE model_id = $model_id"
IDENTITY_OPEN_SQL = """SELECT model_id, display_name, open_weights, open_basis FROM models
                       WHERE model_id IN (SELECT unnest($ids)) AND open_weights IS NOT NULL ORDER BY model_id"""
# scores of the other models of the named models' families (dated snapshots, base/instruct variants)
FAMILY_SCORES_SQL = """SELECT a.model_id, s.source, s.model_name, s.score FROM scores s
                       JOIN model_aliases a ON a.source = s.source AND a.alias = s.model_name
                       JOIN models m ON m.model_id = a.model_id
                       WHERE m.family IN (SELECT family FROM models WHERE model_id IN (SELECT unnest($ids)))
                         AND a.model_id NOT IN (SELECT unnest($ids)) AND s.benchmark IN (SELECT unnest($benchmarks))
                       ORDER BY a.model_id, s.source"""


def score_rows(con: duckdb.DuckDBPyConnection, names: list[str], benchmarks: list[str]) -> list[ScoreRow]:
    """Every score row of these model names on these benchmark names (as the sources write both)."""
    return [ScoreRow(*r) for r in con.execute(SCORES_SQL, {"names": names, "benchmarks": benchmarks}).fetchall()]


def score_top(con: duckdb.DuckDBPyConnection, benchmarks: list[str], unit: str) -> float | None:
    """The highest score any model has on these benchmark names in this unit (the top of its scale), or None."""
    row = con.execute("SELECT max(score) FROM scores WHERE benchmark IN (SELECT unnest($benchmarks)) AND unit = $unit",
                      {"benchmarks": benchmarks, "unit": unit}).fetchone()
    return row[0] if row else None


def fact_rows(con: duckdb.DuckDBPyConnection, names: list[str]) -> list[FactRow]:
    """Every `model_facts` row of these model names: release, openness, training hardware and time."""
    return [FactRow(*r) for r in con.execute(FACTS_SQL, {"names": names}).fetchall()]


def compute_rows(con: duckdb.DuckDBPyConnection, names: list[str]) -> list[ComputeRow]:
    """The `model_facts` rows of these names that state a training compute."""
    return [ComputeRow(*r) for r in con.execute(COMPUTE_SQL, {"names": names}).fetchall()]


def price_rows(con: duckdb.DuckDBPyConnection, names: list[str]) -> list[PriceRow]:
    """Every price row of these model names, with the day it was seen (observed, else valid_from)."""
    return [PriceRow(*r) for r in con.execute(PRICES_SQL, {"names": names}).fetchall()]


def org_rows(con: duckdb.DuckDBPyConnection, names: list[str]) -> list[OrgRow]:
    """The organisations the fact rows of these names state."""
    return [OrgRow(*r) for r in con.execute(ORGS_SQL, {"names": names}).fetchall()]


def open_flags(con: duckdb.DuckDBPyConnection, model_id: str) -> dict[str, tuple[int, int]]:
    """(open rows, closed rows) per source for a canonical model (model identity's `model_open_flags`)."""
    rows = con.execute(OPEN_FLAGS_SQL, {"model_id": model_id}).fetchall()
    return {source: (n_open, n_closed) for source, n_open, n_closed in rows}


def identity_openness(con: duckdb.DuckDBPyConnection, model_ids: list[str]) -> list[IdentityOpenness]:
    """Model identity's open-weights verdict for each of these canonical models that has one."""
    if not model_ids:
        return []
    return [IdentityOpenness(*r) for r in con.execute(IDENTITY_OPEN_SQL, {"ids": model_ids}).fetchall()]


def family_scores(con: duckdb.DuckDBPyConnection, model_ids: list[str], benchmarks: list[str]) -> list[FamilyScore]:
    """Scores on these benchmarks of the other canonical models in the families of `model_ids`."""
    params = {"ids": model_ids, "benchmarks": benchmarks}
    return [FamilyScore(*r) for r in con.execute(FAMILY_SCORES_SQL, params).fetchall()]


class FamilyMember(NamedTuple):
    model_id: str
    family: str | None
    variant: str | None
    snapshot: str | None
    setting: str | None
    open_weights: bool | None  # model identity's open-weights verdict, when it has one


FAMILY_MEMBERS_SQL = """SELECT model_id, family, variant, snapshot, setting, open_weights FROM models
                        WHERE model_id IN (SELECT unnest($ids))
                           OR family IN (SELECT family FROM models WHERE model_id IN (SELECT unnest($ids)))
                        ORDER BY model_id"""


def family_members(con: duckdb.DuckDBPyConnection, model_ids: list[str]) -> list[FamilyMember]:
    """These canonical models and every other model of their families (variants, snapshots, settings):
    where `domain.variants` reads which of them a claim covers."""
    if not model_ids:
        return []
    return [FamilyMember(*r) for r in con.execute(FAMILY_MEMBERS_SQL, {"ids": model_ids}).fetchall()]


# --- the checker's vocabulary: every name the warehouse knows, as the sources write it -----------
SPELLINGS_SQL = """SELECT DISTINCT source, name, key FROM model_facts
                   UNION SELECT DISTINCT source, model_name, model_key FROM scores
                   UNION SELECT DISTINCT source, model_name, model_key FROM prices"""


class Spelling(NamedTuple):
    source: str
    name: str
    key: str | None  # the source's own model key, when it has one


def model_spellings(con: duckdb.DuckDBPyConnection) -> list[Spelling]:
    """Every (source, model name, source key) in the fact tables."""
    return [Spelling(*r) for r in con.execute(SPELLINGS_SQL).fetchall()]


def _distinct(con: duckdb.DuckDBPyConnection, column: str, table: str) -> list[str]:
    return [v for (v,) in con.execute(f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL "
                                       f"ORDER BY 1").fetchall()]


def benchmark_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    return _distinct(con, "benchmark", "scores")


def provider_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    return _distinct(con, "provider", "prices")


def hardware_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    return _distinct(con, "hardware", "model_facts")


def organisation_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The organisations the fact rows name (`model_facts.organization`): makers, never models."""
    return _distinct(con, "organization", "model_facts")


def repo_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    return _distinct(con, "repo", "repo_activity")


class AliasRow(NamedTuple):
    alias: str
    model_id: str
    source: str


class SizedModel(NamedTuple):
    model_id: str
    size: str
    variant: str | None


def alias_rows(con: duckdb.DuckDBPyConnection) -> list[AliasRow]:
    """Model identity's aliases: which canonical model each source's name belongs to."""
    return [AliasRow(*r) for r in con.execute("SELECT alias, model_id, source FROM model_aliases").fetchall()]


def sized_models(con: duckdb.DuckDBPyConnection) -> list[SizedModel]:
    """Canonical models with a size label (the rows model series are read from)."""
    return [SizedModel(*r) for r in
            con.execute("SELECT model_id, size, variant FROM models WHERE size IS NOT NULL").fetchall()]


# --- Hub statements, catalogue sizes, host spellings ---------------------------------------------
class HubStatementRow(NamedTuple):
    date: date
    statement: str
    models_count: int
    source: str
    origin: str


class SnapshotCount(NamedTuple):
    rows: int
    observed: date | None
    origin: str  # any one of the snapshot's origins (returned only when it has rows)


HUB_STATEMENTS_SQL = "SELECT date, statement, models_count, source, origin FROM hub_statements ORDER BY date"
LATEST_HUB_STATEMENT_SQL = ("SELECT date, statement, models_count, source, origin FROM hub_statements "
                            "ORDER BY date DESC LIMIT 1")
# the fact tables a catalogue's rows are counted in (a table name cannot be a query parameter)
CATALOGUE_TABLES = ("model_facts", "prices")


def hub_statement_rows(con: duckdb.DuckDBPyConnection) -> list[HubStatementRow]:
    """The Hub docs' model-count statements, oldest first."""
    return [HubStatementRow(*r) for r in con.execute(HUB_STATEMENTS_SQL).fetchall()]


def latest_hub_statement(con: duckdb.DuckDBPyConnection) -> HubStatementRow | None:
    row = con.execute(LATEST_HUB_STATEMENT_SQL).fetchone()
    return HubStatementRow(*row) if row else None


def latest_snapshot_count(con: duckdb.DuckDBPyConnection, table: str, source: str) -> SnapshotCount | None:
    """How many rows a source's latest snapshot holds in `table` (one of CATALOGUE_TABLES)."""
    if table not in CATALOGUE_TABLES:
        raise ValueError(f"not a catalogue table: {table!r}")
    row = con.execute(f"SELECT count(*), max(observed), any_value(origin) FROM {table} WHERE source = $source AND "
                      f"observed = (SELECT max(observed) FROM {table} WHERE source = $source)",
                      {"source": source}).fetchone()
    return SnapshotCount(*row) if row and row[0] else None


def hosted_names(con: duckdb.DuckDBPyConnection, fragment: str) -> list[tuple[str, str]]:
    """(provider, model name) of every price row whose name contains `fragment` (any case)."""
    rows = con.execute("SELECT DISTINCT provider, model_name FROM prices WHERE model_name ILIKE $pattern",
                       {"pattern": f"%{fragment}%"}).fetchall()
    return [(provider, name) for provider, name in rows]


def warehouse_state(con: duckdb.DuckDBPyConnection) -> tuple[object, ...]:
    """What identifies the warehouse's content for caching: its name, the fact tables' row counts and
    the latest refresh's start (a refresh that replaces rows one for one still changes the last)."""
    db = con.execute("SELECT current_database()").fetchall()[0][0]
    counts = con.execute("""SELECT (SELECT count(*) FROM model_facts), (SELECT count(*) FROM scores),
        (SELECT count(*) FROM prices), (SELECT count(*) FROM repo_activity), (SELECT count(*) FROM model_aliases),
        (SELECT max(started_at) FROM ingest_runs)""").fetchall()[0]
    return (db, counts)
