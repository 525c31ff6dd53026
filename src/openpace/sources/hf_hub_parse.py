"""The one parser of Hub listing objects, for the live API and the mirror alike, written in SQL.

A Hub listing is millions of objects, so it is parsed where it is stored: DuckDB's `read_json`
reads newline-delimited files (the mirror, gzip or not) or a page of the live API (a JSON array)
into a staging table with typed columns, and the licence and lineage edges are extracted from the
tags in SQL. Python never holds the listing.

Lineage rule (see docs/ecosystem.md): the Hub writes `base_model:<id>` for every declared base
and, beside it, `base_model:<relation>:<id>` with the relation it declares or infers (finetune,
adapter, merge, quantized). One edge per (child, base), bases compared case-insensitively because
Hub ids are; its relation is the relation tag's (the alphabetically first, should a model carry
two for one base), else `unspecified` when only the bare tag is present.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..errors import SourceError

NAME = "hf_hub"
EXPAND = ("createdAt", "lastModified", "tags", "downloads", "likes", "pipeline_tag", "library_name", "author")
RELATIONS = ("finetune", "adapter", "merge", "quantized")
UNSPECIFIED = "unspecified"

# The fields we type; unknown keys in an object are ignored, missing ones are NULL.
JSON_COLUMNS = (
    "{'id': 'VARCHAR', 'author': 'VARCHAR', 'createdAt': 'TIMESTAMP', 'lastModified': 'TIMESTAMP', "
    "'tags': 'VARCHAR[]', 'downloads': 'BIGINT', 'likes': 'BIGINT', 'pipeline_tag': 'VARCHAR', "
    "'library_name': 'VARCHAR'}"
)

STAGE_COLUMNS = ("id, author, created_at, last_modified, downloads, likes, pipeline_tag, library_name, "
                 "license, tags")
MODEL_COLUMNS = STAGE_COLUMNS + ", source, origin, observed, license_of_data"


def sql_literal(text: str) -> str:
    """A SQL string literal (file paths are interpolated into `read_json`, which takes no parameters there)."""
    return "'" + text.replace("'", "''") + "'"


def select_objects(files: list[Path], fmt: str) -> str:
    """SQL selecting typed staging columns from JSON files (`newline_delimited` or `array`)."""
    paths = "[" + ", ".join(sql_literal(str(f)) for f in files) + "]"
    return f"""
        SELECT id, author, createdAt AS created_at, lastModified AS last_modified, downloads, likes,
               pipeline_tag, library_name,
               substr(list_filter(tags, lambda t: starts_with(t, 'license:'))[1], 9) AS license,
               tags
        FROM read_json({paths}, format='{fmt}', columns={JSON_COLUMNS}, compression='auto_detect',
                       maximum_object_size=16777216)"""


def duckdb_reason(exc: duckdb.Error) -> str:
    """The first line of a DuckDB error, which names the file and often the line."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def load_json_into(con: duckdb.DuckDBPyConnection, table: str, files: list[Path], fmt: str, where: str) -> int:
    """Append the objects of `files` to a staging table; fail naming the file on a wrong shape."""
    try:
        before = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        con.execute(f"INSERT INTO {table} ({STAGE_COLUMNS}) {select_objects(files, fmt)}")
        after = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except duckdb.Error as exc:
        raise SourceError(NAME, where, f"not a Hub listing: {duckdb_reason(exc)}") from None
    missing = con.execute(f"SELECT count(*) FROM {table} WHERE id IS NULL OR id = ''").fetchone()[0]
    if missing:
        raise SourceError(NAME, where, f"{missing:,} object(s) without an `id`")
    return after - before


def create_stage(con: duckdb.DuckDBPyConnection, table: str, temp: bool = True) -> None:
    """A staging table with the typed listing columns."""
    kind = "TEMP TABLE" if temp else "TABLE"
    con.execute(f"""
        CREATE OR REPLACE {kind} {table} (
            id VARCHAR, author VARCHAR, created_at TIMESTAMP, last_modified TIMESTAMP, downloads BIGINT,
            likes BIGINT, pipeline_tag VARCHAR, library_name VARCHAR, license VARCHAR, tags VARCHAR[])""")


def edges_sql(stage: str) -> str:
    """SQL for the lineage edges of the models in `stage`: (child, base, relation, child_created)."""
    return f"""
        WITH tagged AS (
            SELECT child, created_at, substr(tag, 12) AS rest
            FROM (SELECT id AS child, created_at, unnest(tags) AS tag FROM {stage})
            WHERE starts_with(tag, 'base_model:')
        ), parsed AS (
            SELECT child, created_at,
                   CASE WHEN contains(rest, ':') THEN split_part(rest, ':', 1) END AS relation,
                   CASE WHEN contains(rest, ':') THEN substr(rest, strpos(rest, ':') + 1) ELSE rest END AS base
            FROM tagged
        )
        SELECT child, min(base) AS base, coalesce(min(relation), '{UNSPECIFIED}') AS relation,
               any_value(created_at) AS child_created
        FROM parsed
        WHERE base <> ''
        GROUP BY child, lower(base)"""


def resolved_edges_sql(stage: str) -> str:
    """The edges of `stage` with each base resolved against `hub_models` (case-insensitively)."""
    return f"""
        WITH edges AS ({edges_sql(stage)}),
             listed AS (SELECT lower(id) AS k, min(id) AS id, min(created_at) AS created
                        FROM hub_models WHERE lower(id) IN (SELECT DISTINCT lower(base) FROM edges) GROUP BY 1)
        SELECT e.child, e.base, e.relation, e.child_created, l.id AS base_id, l.created AS base_created
        FROM edges e LEFT JOIN listed l ON l.k = lower(e.base)"""


def resolve_new_bases(con: duckdb.DuckDBPyConnection, stage: str) -> None:
    """After an incremental load: edges whose base has just been (re)listed point at it now."""
    con.execute(f"""
        UPDATE hub_lineage SET base_id = s.id, base_created = s.created_at
        FROM (SELECT lower(id) AS k, id, created_at FROM {stage}) s
        WHERE lower(hub_lineage.base) = s.k""")


def dedupe_check(con: duckdb.DuckDBPyConnection, stage: str, where: str) -> None:
    """A listing names each model once; a repeated id means a damaged or concatenated file."""
    row = con.execute(f"SELECT id, count(*) FROM {stage} GROUP BY id HAVING count(*) > 1 LIMIT 1").fetchone()
    if row:
        raise SourceError(NAME, where, f"model id {row[0]!r} appears {row[1]} times")
