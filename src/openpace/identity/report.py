"""Reading the identity tables back: the model list, the names that joined nothing else, and
the join rates per source (pure reads; nothing here writes)."""

from __future__ import annotations

from typing import Any

import duckdb

from .dates import CONFLICT_DAYS

FACT_NAMES = """
    SELECT 'scores' AS tbl, source, model_name AS name FROM scores
    UNION ALL SELECT 'prices', source, model_name FROM prices
    UNION ALL SELECT 'model_facts', source, name FROM model_facts
    UNION ALL SELECT 'arena_tops', source, max_model FROM arena_tops
"""
MODEL_SOURCES = "SELECT model_id, list(DISTINCT source ORDER BY source) AS srcs FROM model_aliases GROUP BY model_id"

MODEL_COLUMNS = ("model_id", "display_name", "family", "organization", "variant", "size", "snapshot",
                 "setting", "setting_of", "moving", "open_weights", "open_basis", "release_date", "release_source",
                 "sources")


def list_models(con: duckdb.DuckDBPyConnection, open_weights: bool | None = None,
                with_aliases: bool = True) -> list[dict[str, Any]]:
    """Every canonical model (optionally only open or only closed), with its aliases and conflicts."""
    where = "" if open_weights is None else "WHERE open_weights = ?"
    params = [] if open_weights is None else [open_weights]
    rows = con.execute(f"SELECT {', '.join(MODEL_COLUMNS)} FROM models {where} ORDER BY family, model_id",
                       params).fetchall()
    models = [dict(zip(MODEL_COLUMNS, row)) for row in rows]
    if not with_aliases or not models:
        return models
    aliases: dict[str, list[dict]] = {}
    for model_id, alias, source, rule in con.execute(
            "SELECT model_id, alias, source, rule FROM model_aliases ORDER BY model_id, source, alias").fetchall():
        aliases.setdefault(model_id, []).append({"alias": alias, "source": source, "rule": rule})
    conflicts: dict[str, list[dict]] = {}
    for model_id, fld, detail in con.execute(
            "SELECT model_id, field, detail FROM identity_conflicts ORDER BY model_id, field, detail").fetchall():
        conflicts.setdefault(model_id, []).append({"field": fld, "detail": detail})
    for m in models:
        m["sources"] = m["sources"].split(",") if m["sources"] else []
        m["aliases"] = aliases.get(m["model_id"], [])
        m["conflicts"] = conflicts.get(m["model_id"], [])
    return models


def date_conflicts(con: duckdb.DuckDBPyConnection, min_days: int = CONFLICT_DAYS) -> list[dict[str, Any]]:
    """Models where some source dates the release more than `min_days` from the chosen date, with
    every source's every date (rows behind it, and why a date was not used), largest spread first."""
    rows = con.execute("""
        SELECT m.model_id, m.display_name, m.release_date, m.release_source, d.source, d.release_date, d.rows
        FROM models m JOIN model_release_dates d USING (model_id)
        WHERE m.release_date IS NOT NULL ORDER BY m.model_id, d.source, d.release_date""").fetchall()
    details: dict[str, list[str]] = {}
    for model_id, detail in con.execute("SELECT model_id, detail FROM identity_conflicts WHERE field = 'release_date' "
                                        "ORDER BY model_id, detail").fetchall():
        details.setdefault(model_id, []).append(detail)
    out: dict[str, dict[str, Any]] = {}
    for model_id, name, chosen, chosen_source, source, day, n in rows:
        entry = out.setdefault(model_id, {"model_id": model_id, "display_name": name, "release_date": chosen,
                                          "release_source": chosen_source, "max_days_apart": 0, "sources": [],
                                          "details": details.get(model_id, [])})
        apart = abs((day - chosen).days)
        entry["max_days_apart"] = max(entry["max_days_apart"], apart)
        entry["sources"].append({"source": source, "release_date": day, "rows": n, "days_from_chosen": apart})
    listed = [e for e in out.values() if e["max_days_apart"] > min_days]
    return sorted(listed, key=lambda e: (-e["max_days_apart"], e["model_id"]))


def unmatched_names(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Fact names that joined no other source: their canonical model is named by their own source
    only (or, never expected, they have no alias row at all). Per source, most rows first."""
    rows = con.execute(f"""
        WITH facts AS ({FACT_NAMES}), ms AS ({MODEL_SOURCES})
        SELECT f.source, f.name, list(DISTINCT f.tbl ORDER BY f.tbl) AS tables, count(*) AS rows,
               any_value(a.model_id) AS model_id
        FROM facts f
        LEFT JOIN model_aliases a ON a.source = f.source AND a.alias = f.name
        LEFT JOIN ms ON ms.model_id = a.model_id
        WHERE a.model_id IS NULL OR len(ms.srcs) < 2
        GROUP BY f.source, f.name
        ORDER BY f.source, rows DESC, f.name
    """).fetchall()
    return [{"source": s, "name": n, "tables": t, "rows": r, "model_id": m} for s, n, t, r, m in rows]


def join_rates(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Per source, score and price rows that join a canonical model (`joined`), those whose model
    is also named by another source (`cross_source`), and those whose model has the other kind of
    fact (`counterpart`: a price row whose model has a score, a score row whose model has a price)."""
    rows = con.execute(f"""
        WITH facts AS (SELECT 'scores' AS tbl, source, model_name AS name FROM scores
                       UNION ALL SELECT 'prices', source, model_name FROM prices),
             ms AS ({MODEL_SOURCES}),
             scored AS (SELECT DISTINCT a.model_id FROM scores f
                        JOIN model_aliases a ON a.source = f.source AND a.alias = f.model_name),
             priced AS (SELECT DISTINCT a.model_id FROM prices f
                        JOIN model_aliases a ON a.source = f.source AND a.alias = f.model_name)
        SELECT f.tbl, f.source, count(*) AS rows, count(a.model_id) AS joined,
               count(*) FILTER (WHERE len(ms.srcs) > 1) AS cross_source,
               count(*) FILTER (WHERE (f.tbl = 'prices' AND a.model_id IN (SELECT model_id FROM scored))
                                   OR (f.tbl = 'scores' AND a.model_id IN (SELECT model_id FROM priced))) AS counterpart
        FROM facts f
        LEFT JOIN model_aliases a ON a.source = f.source AND a.alias = f.name
        LEFT JOIN ms ON ms.model_id = a.model_id
        GROUP BY ALL ORDER BY f.tbl DESC, f.source
    """).fetchall()
    out = []
    for tbl, source, total, joined, cross, counterpart in rows:
        def pct(n: int) -> float:
            return round(100 * n / total, 1) if total else 0.0

        out.append({"table": tbl, "source": source, "rows": total, "joined": joined, "joined_pct": pct(joined),
                    "cross_source": cross, "cross_source_pct": pct(cross),
                    "counterpart": counterpart, "counterpart_pct": pct(counterpart)})
    return out
