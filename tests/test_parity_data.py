"""Score choice and filters on a real (fresh) warehouse holding small invented rows."""

from __future__ import annotations

from datetime import date

import pytest

from openpace.errors import DataError, InputError
from openpace.metrics.parity_data import parity_for, parity_overview
from openpace.metrics.parity_data import select_points

AS_OF = date(2024, 12, 31)


# Invented rows carry the provenance that makes them independent under domain.basis (an Epoch
# evaluation note, an evaluator's leaderboard, an evaluator's URL), so the score choice tested here
# runs on one basis; tests/test_basis.py tests the basis rules themselves.
INDEPENDENT_RAW = {"epoch_trends": '{"notes": "Epoch evaluation"}', "epoch_benchmarks": '{"Source": "X Leaderboard"}',
                   "models_dev": '{"source": "https://artificialanalysis.ai/x"}'}


def add(con, name, bench, score, day, is_open, source="epoch_trends", trust=0, unit="percent", raw=None):
    con.execute(
        "INSERT INTO scores (model_name, benchmark, score, unit, release_date, open_weights, trust, source, origin, license, raw)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'test', 'test', ?)",
        [name, bench, score, unit, day, is_open, trust, source, raw or INDEPENDENT_RAW.get(source)])


def canonical(con, model_id, is_open, day, *aliases):
    con.execute("INSERT INTO models (model_id, display_name, open_weights, release_date) VALUES (?, ?, ?, ?)",
                [model_id, model_id, is_open, day])
    for source, alias in aliases:
        con.execute("INSERT INTO model_aliases VALUES (?, ?, ?, ?, 'exact')", [alias, alias.lower(), model_id, source])


def by_model(selection):
    return {p.model: p for p in selection.points}


def three_a_side(con, bench="Bench"):
    """Two more low-scoring models a side, so that a result has the 3 a side it needs for a number."""
    for name, score, is_open in (("C1", 20, False), ("C2", 21, False), ("O1", 10, True), ("O2", 11, True)):
        add(con, name, bench, score, date(2023, 6, 1), is_open)


def test_trust_filter(fresh_db):
    add(fresh_db, "A", "Bench", 50, date(2024, 1, 1), False)
    add(fresh_db, "Shaky", "Bench", 90, date(2024, 2, 1), False, trust=-1)
    add(fresh_db, "X", "Bench", 40, date(2024, 3, 1), True)
    sel = select_points(fresh_db, "Bench", as_of=AS_OF)
    assert set(by_model(sel)) == {"A", "X"} and sel.excluded == {"low_trust": 1}
    assert set(by_model(select_points(fresh_db, "Bench", as_of=AS_OF, all_rows=True))) == {"A", "Shaky", "X"}
    # one model a side: insufficient data, no number, the counts instead
    few = parity_for(fresh_db, "Bench", as_of=AS_OF).to_json()
    assert few["status"] == "insufficient_data" and few["gap"]["points"] is None and few["headline"]["lag_months"] is None
    assert few["data"]["basis_counts"]["independent"] == {"open": 1, "closed": 1}
    three_a_side(fresh_db)
    # the trusted-only gap is A - X; with all rows the low-trust 90 becomes the closed best
    assert parity_for(fresh_db, "Bench", as_of=AS_OF).to_json()["gap"]["points"] == 10
    assert parity_for(fresh_db, "Bench", as_of=AS_OF, all_rows=True).to_json()["gap"]["points"] == 50


def test_as_of_filter(fresh_db):
    add(fresh_db, "A", "Bench", 50, date(2024, 1, 1), False)
    add(fresh_db, "X", "Bench", 40, date(2024, 3, 1), True)
    add(fresh_db, "Later", "Bench", 95, date(2024, 3, 2), True)
    sel = select_points(fresh_db, "Bench", as_of=date(2024, 3, 1))
    assert set(by_model(sel)) == {"A", "X"} and sel.excluded == {"released_after_as_of": 1}
    three_a_side(fresh_db)
    # the 2023 models come before A in the closed frontier; A's point is the last
    result = parity_for(fresh_db, "Bench", as_of=date(2024, 3, 1), method="match").to_json()
    assert result["as_of"] == "2024-03-01" and result["points"][-1]["censored"] is True
    assert parity_for(fresh_db, "Bench", as_of=date(2024, 3, 2), method="match").to_json()["points"][-1]["open_model"] == "Later"
    # without an as-of: the last release date the data covers, not today
    assert parity_for(fresh_db, "Bench").to_json()["as_of"] == "2024-03-02"


def test_source_priority_and_canonical_identity(fresh_db):
    # one model in two sources: the higher-priority source's score stands for it
    add(fresh_db, "Model A", "MMLU", 70, date(2024, 1, 1), False, source="epoch_trends")
    add(fresh_db, "model-a", "MMLU", 75, date(2024, 1, 5), False, source="lmarena")
    canonical(fresh_db, "model-a", False, date(2024, 1, 1), ("epoch_trends", "Model A"), ("lmarena", "model-a"))
    # (LMArena's MMLU is self-reported, the invented trends row independent: `any` mixes the bases)
    sel = select_points(fresh_db, "MMLU", as_of=AS_OF, basis="any")
    assert [(p.model, p.score, p.source, p.key) for p in sel.points] == [("Model A", 70, "epoch_trends", "model-a")]
    assert sel.excluded == {"not_chosen_duplicate": 1} and sel.basis == "mixed"
    # restricted to lmarena, its own row is used
    only = select_points(fresh_db, "MMLU", source="lmarena", as_of=AS_OF)
    assert [(p.model, p.score) for p in only.points] == [("model-a", 75)]


def test_same_name_in_one_source_keeps_the_best(fresh_db):
    add(fresh_db, "o-model", "GPQA diamond", 60, date(2025, 4, 16), False, source="epoch_benchmarks")
    add(fresh_db, "o-model", "GPQA diamond", 80, date(2025, 4, 16), False, source="epoch_benchmarks")
    assert [p.score for p in select_points(fresh_db, "GPQA diamond", as_of=date(2025, 12, 31)).points] == [80]


def test_null_openness_and_date_fall_back_to_the_canonical_model(fresh_db):
    add(fresh_db, "closed-v1", "GPQA diamond", 80, None, None, source="epoch_benchmarks")
    add(fresh_db, "open-v1", "GPQA diamond", 70, date(2025, 3, 1), True, source="epoch_benchmarks")
    add(fresh_db, "mystery", "GPQA diamond", 90, date(2025, 2, 1), None, source="epoch_benchmarks")
    canonical(fresh_db, "closed-1", False, date(2025, 1, 1), ("epoch_benchmarks", "closed-v1"))
    sel = select_points(fresh_db, "GPQA diamond", as_of=date(2025, 12, 31))
    points = by_model(sel)
    assert (points["closed-v1"].is_open, points["closed-v1"].date) == (False, date(2025, 1, 1))
    assert "mystery" not in points and sel.excluded == {"unknown_open_closed": 1}
    assert sel.resolved == {"open_weights": 1, "release_date": 1}


def test_benchmark_names_match_case_insensitively_and_by_alias(fresh_db):
    add(fresh_db, "A", "Arena Elo", 1200, date(2024, 1, 1), False, unit="elo")
    add(fresh_db, "X", "Arena Elo", 1100, date(2024, 2, 1), True, unit="elo")
    for name in ("LMSys Elo", "arena  elo", "ARENA ELO"):
        assert select_points(fresh_db, name, as_of=AS_OF).benchmark == "Arena Elo"


def test_rows_in_another_unit_are_not_mixed(fresh_db):
    add(fresh_db, "A", "Bench", 50, date(2024, 1, 1), False, source="epoch_trends")
    add(fresh_db, "B", "Bench", 0.9, date(2024, 2, 1), False, source="models_dev", unit="other")
    sel = select_points(fresh_db, "Bench", as_of=AS_OF)
    assert sel.unit == "percent" and set(by_model(sel)) == {"A"} and sel.excluded == {"other_unit": 1}


def test_unknown_benchmark_and_source_are_one_line_errors(fresh_db):
    add(fresh_db, "A", "Bench", 50, date(2024, 1, 1), False)
    with pytest.raises(DataError, match="no scores for benchmark 'Nope'"):
        parity_for(fresh_db, "Nope", as_of=AS_OF).to_json()
    with pytest.raises(InputError, match="--source 'nowhere'"):
        parity_for(fresh_db, "Bench", source="nowhere", as_of=AS_OF).to_json()
    with pytest.raises(InputError, match="--method"):
        parity_for(fresh_db, "Bench", as_of=AS_OF, method="vibes").to_json()


def test_overview_needs_three_models_a_side(fresh_db):
    for i in range(3):
        add(fresh_db, f"C{i}", "Full", 50 + 10 * i, date(2024, 1 + i, 1), False)
        add(fresh_db, f"O{i}", "Full", 45 + 10 * i, date(2024, 2 + i, 1), True)
        add(fresh_db, f"C{i}", "Thin", 50 + 10 * i, date(2024, 1 + i, 1), False)
    add(fresh_db, "O0", "Thin", 45, date(2024, 2, 1), True)
    rows = parity_overview(fresh_db, as_of=AS_OF).to_json()
    assert [r["benchmark"] for r in rows] == ["Full"]
    assert (rows[0]["open_models"], rows[0]["closed_models"]) == (3, 3)
    assert (rows[0]["first_date"], rows[0]["last_date"]) == ("2024-01-01", "2024-04-01")
    assert rows[0]["gap_points"] == 5  # C2 70 - O2 65


def test_the_independent_basis_uses_one_evaluator(fresh_db):
    """Two harnesses on one benchmark (Epoch's own runs; a leaderboard that lists only open models, as
    swebench.com does for SWE-bench verified on the mirror): the gap never pairs them."""
    lb = '{"Source": "Some Leaderboard"}'
    for name, score, is_open in (("C1", 60, False), ("C2", 61, False), ("C3", 62, False),
                                 ("O1", 40, True), ("O2", 41, True), ("O3", 42, True)):
        add(fresh_db, name, "Bench", score, date(2024, 1, 1), is_open)  # "Epoch evaluation" notes
    for name, score in (("L1", 80), ("L2", 81), ("L3", 82), ("L4", 83)):
        add(fresh_db, name, "Bench", score, date(2024, 2, 1), True, source="epoch_benchmarks", raw=lb)
    result = parity_for(fresh_db, "Bench", as_of=AS_OF).to_json()
    assert result["status"] == "ok" and result["data"]["evaluator"] == "Epoch AI"
    assert result["gap"]["open_best"] == 42 and result["gap"]["points"] == 20
    assert result["data"]["excluded_rows"]["other_evaluator"] == 4
    assert result["data"]["evaluator_counts"] == {"Epoch AI": {"open": 3, "closed": 3},
                                                  "Some Leaderboard": {"open": 4, "closed": 0}}
    mixed = parity_for(fresh_db, "Bench", as_of=AS_OF, basis="any").to_json()  # --basis any pairs them
    assert mixed["basis"] == "mixed" and mixed["gap"]["open_best"] == 83
    # Epoch's runs with 2 open models: the leaderboard's open models do not make up the count
    fresh_db.execute("DELETE FROM scores WHERE model_name = 'O3'")
    few = parity_for(fresh_db, "Bench", as_of=AS_OF, basis="independent").to_json()
    assert few["status"] == "insufficient_data" and few["gap"]["points"] is None
    assert "one evaluator: Epoch AI" in few["reason"]
