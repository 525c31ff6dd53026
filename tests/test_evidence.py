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
    (evidence.FAMILY_MEMBERS_SQL, evidence.FamilyMember, {"ids": ["x"]}),
    (evidence.SPELLINGS_SQL, evidence.Spelling, None),
    (evidence.HUB_STATEMENTS_SQL, evidence.HubStatementRow, None),
    (evidence.LATEST_HUB_STATEMENT_SQL, evidence.HubStatementRow, None),
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


def test_a_catalogue_count_is_only_taken_from_a_fact_table(mirror_db):
    with pytest.raises(ValueError, match="not a catalogue table"):
        evidence.latest_snapshot_count(mirror_db, "scores; DROP TABLE prices", "litellm")


def test_the_claim_checker_runs_no_sql_of_its_own():
    """claims/ reads the warehouse only through the metrics layer (metrics.evidence, metrics.facts,
    metrics.contributors and the metric functions), so the checker weighs the rows the report does."""
    import re
    from pathlib import Path

    import openpace.claims

    package = Path(openpace.claims.__file__).parent
    executing = {p.name for p in package.glob("*.py") if re.search(r"\.execute\(|\bSELECT\b", p.read_text())}
    assert executing == set()
