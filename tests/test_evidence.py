"""metrics.evidence: each query's columns are its row type's fields (the SQL and the named tuple are
written apart), and the rows select by name exactly as the claim checker asks."""

from __future__ import annotations

import pytest

from openpace.metrics import evidence

QUERIES = [
    (evidence.SCORES_SQL, evidence.ScoreRow, {"names": ["x"], "benchmarks": ["y"]}),
    (evidence.FACTS_SQL, evidence.FactRow, {"names": ["x"]}),
    (evidence.COMPUTE_SQL, evidence.ComputeRow, {"names": ["x"]}),
    (evidence.PRICES_SQL, evidence.PriceRow, {"names": ["x"]}),
    (evidence.ORGS_SQL, evidence.OrgRow, {"names": ["x"]}),
    (evidence.IDENTITY_OPEN_SQL, evidence.IdentityOpenness, {"ids": ["x"]}),
    (evidence.FAMILY_SCORES_SQL, evidence.FamilyScore, {"ids": ["x"], "benchmarks": ["y"]}),
]


@pytest.mark.parametrize("sql, row, params", QUERIES, ids=[q[1].__name__ for q in QUERIES])
def test_query_columns_are_the_row_fields(fresh_db, sql, row, params):
    cursor = fresh_db.execute(sql, params)
    assert tuple(d[0] for d in cursor.description) == row._fields


def test_rows_select_by_the_names_given(mirror_db):
    # lmarena/leaderboard_table_20231206.csv (fixture mirror): GPT-4-Turbo has an Arena Elo of 1217
    rows = evidence.score_rows(mirror_db, ["GPT-4-Turbo", "no such model"], ["Arena Elo"])
    assert rows and {r.model_name for r in rows} == {"GPT-4-Turbo"}
    assert any(r.source == "lmarena" and r.score == 1217 for r in rows)
    assert evidence.score_rows(mirror_db, [], ["Arena Elo"]) == []
