"""Rebuild the canonical model and alias tables from the fact tables (placeholder rules)."""

from __future__ import annotations

import duckdb


def rebuild_identity(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute `models`, `model_aliases` and `identity_conflicts` inside the caller's transaction."""
    con.execute("DELETE FROM model_aliases")
    con.execute("DELETE FROM identity_conflicts")
    con.execute("DELETE FROM models")
