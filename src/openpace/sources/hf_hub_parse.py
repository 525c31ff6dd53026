"""The one parser of Hub listing objects, for the live API and the mirror alike, written in SQL.

A Hub listing is millions of objects, so it is parsed where it is stored: DuckDB's `read_json`
reads newline-delimited files (the mirror, gzip or not) or a page of the live API (a JSON array)
with typed columns, and the licence and the `base_model:` tags are picked out of the tag list in
SQL. Python never holds the listing. This module only writes SQL text; the warehouse layer
(`warehouse/hub.py`) runs it.

Only what openpace reads is kept: the typed fields below, the licence (`license:<id>`) and the
`base_model:` tags (`base_tags`, from which the lineage edges are derived). The rest of the tag
list (long on real models) is not stored: nothing reads it, and storing it cost more than parsing.

Lineage rule (see docs/ecosystem.md): the Hub writes `base_model:<id>` for every declared base
and, beside it, `base_model:<relation>:<id>` with the relation it declares or infers (finetune,
adapter, merge, quantized). One edge per (child, base), bases compared case-insensitively because
Hub ids are; its relation is the relation tag's (the alphabetically first, should a model carry
two for one base), else `unspecified` when only the bare tag is present.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

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
                 "license, base_tags")
MODEL_COLUMNS = STAGE_COLUMNS + ", source, origin, observed, license_of_data"


def sql_literal(text: str) -> str:
    """A SQL string literal (file paths are interpolated into `read_json`, which takes no parameters there)."""
    return "'" + text.replace("'", "''") + "'"


def select_objects(files: list[Path], fmt: str) -> str:
    """SQL selecting the typed staging columns (STAGE_COLUMNS) from JSON files (`newline_delimited` or `array`)."""
    paths = "[" + ", ".join(sql_literal(str(f)) for f in files) + "]"
    return f"""
        SELECT id, author, createdAt AS created_at, lastModified AS last_modified, downloads, likes,
               pipeline_tag, library_name,
               substr(list_filter(tags, lambda t: starts_with(t, 'license:'))[1], 9) AS license,
               list_filter(tags, lambda t: starts_with(t, 'base_model:')) AS base_tags
        FROM read_json({paths}, format='{fmt}', columns={JSON_COLUMNS}, compression='auto_detect',
                       maximum_object_size=16777216)"""


def duckdb_reason(exc: duckdb.Error) -> str:
    """The first line of a DuckDB error, which names the file and often the line."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def edges_sql(stage: str) -> str:
    """SQL for the lineage edges of the models in `stage`: (child, base, relation, child_created)."""
    return f"""
        WITH tagged AS (
            SELECT child, created_at, substr(tag, 12) AS rest
            FROM (SELECT id AS child, created_at, unnest(base_tags) AS tag FROM {stage})
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
