"""`openpace parity` on the warehouse refreshed from the committed fixture mirror (tests/fixtures/mirror)."""

from __future__ import annotations

import csv
import json

import pytest


TRENDS_CSV = "epoch/open-model-trends/benchmarks_with_model_accessibility.csv"


from cli_helpers import run  # noqa: E402  (shared by the CLI tests)


def trusted_mmlu(mirror) -> list[dict]:
    with open(mirror / TRENDS_CSV, encoding="utf-8-sig") as fh:
        return [r for r in csv.DictReader(fh) if r["MMLU"] and r["Trust in benchmark results"] != "-1"
                and r["Date"] <= "2024-09-30" and r["Open/Closed"] in ("Open", "Closed")]


@pytest.fixture
def mmlu(mirror_db_path, monkeypatch, capsys) -> dict:
    # every basis (`any`, labelled mixed): these tests count the CSV's rows; tests/test_basis.py splits them
    code, out, err = run(["parity", "--benchmark", "MMLU", "--source", "epoch_trends", "--as-of", "2024-09-30",
                          "--basis", "any", "--json", "--db", str(mirror_db_path)], monkeypatch, capsys)
    assert code == 0, err
    return json.loads(out)


def test_mmlu_json_shape(mmlu):
    assert (mmlu["benchmark"], mmlu["source"], mmlu["as_of"], mmlu["method"]) == ("MMLU", "epoch_trends", "2024-09-30", "horizon")
    assert mmlu["basis"] == "mixed" and mmlu["status"] == "ok"
    assert set(mmlu) >= {"benchmark", "source", "as_of", "method", "headline", "points", "gap"}
    h = mmlu["headline"]
    assert set(h) == {"lag_months", "ci90", "at_least", "window_months", "open_leads_days"}
    assert h["window_months"] == 12 and h["at_least"] is False
    assert h["ci90"][0] <= h["lag_months"] <= h["ci90"][1]
    for p in mmlu["points"]:
        assert p["censored"] == (p["open_model"] is None)
        assert p["closed_date"] <= "2024-09-30"
    closed_scores = [p["closed_score"] for p in mmlu["points"]]
    assert closed_scores == sorted(closed_scores) and len(set(closed_scores)) == len(closed_scores)


def test_mmlu_first_frontier_point_is_the_earliest_closed_model(mmlu, mirror):
    # from the CSV itself: the best-scoring of the earliest-dated closed models with an MMLU score
    closed = [r for r in trusted_mmlu(mirror) if r["Open/Closed"] == "Closed"]
    first_day = min(r["Date"] for r in closed)
    first = max((r for r in closed if r["Date"] == first_day), key=lambda r: float(r["MMLU"]))
    point = mmlu["points"][0]
    assert (point["closed_model"], point["closed_date"]) == (first["System"], first_day)
    assert point["closed_score"] == pytest.approx(float(first["MMLU"]) * 100)


def test_mmlu_gap_and_counts_from_the_csv(mmlu, mirror):
    rows = trusted_mmlu(mirror)
    best = {side: max((r for r in rows if r["Open/Closed"] == side), key=lambda r: float(r["MMLU"]))
            for side in ("Open", "Closed")}
    gap = mmlu["gap"]
    assert (gap["closed_model"], gap["open_model"]) == (best["Closed"]["System"], best["Open"]["System"])
    assert gap["points"] == pytest.approx((float(best["Closed"]["MMLU"]) - float(best["Open"]["MMLU"])) * 100)
    # every trusted row is a model, or a second row of a model identity merged with another
    data = mmlu["data"]
    merged = data["excluded_rows"].get("not_chosen_duplicate", 0)
    assert data["open_models"] + data["closed_models"] + merged == len(rows)
    assert data["excluded_rows"]["low_trust"] == 12  # the CSV's MMLU rows with trust -1 (none after 2024-09-30)


def test_match_method_and_timeline(mirror_db_path, monkeypatch, capsys):
    code, out, _ = run(["parity", "--benchmark", "lmsys elo", "--source", "epoch_trends", "--as-of", "2024-09-30",
                        "--method", "match", "--timeline", "--json", "--db", str(mirror_db_path)], monkeypatch, capsys)
    result = json.loads(out)
    assert code == 0 and result["benchmark"] == "Arena Elo" and result["method"] == "match"
    assert result["headline"]["window_months"] == 24 and result["headline"]["open_leads_days"] is None
    dates = [row["date"] for row in result["timeline"]]
    # the series stops at the last day both sides have a model, not at the as-of date
    stale = result["data"]["staleness"]
    assert dates == sorted(dates) and dates[-1] == min(stale["last_open"], stale["last_closed"]) < "2024-09-30"
    assert all(row["closed_best"] is None or row["closed_best"] > 500 for row in result["timeline"])


@pytest.mark.parametrize("benchmark", ["GPQA", "BBH"])
def test_other_trends_benchmarks(benchmark, mirror_db_path, monkeypatch, capsys):
    code, out, _ = run(["parity", "--benchmark", benchmark, "--source", "epoch_trends", "--as-of", "2024-09-30",
                        "--json", "--db", str(mirror_db_path)], monkeypatch, capsys)
    result = json.loads(out)
    assert code == 0 and result["points"] and result["headline"]["lag_months"] is not None


def test_overview_lists_benchmarks_with_three_a_side(mirror_db_path, monkeypatch, capsys):
    code, out, _ = run(["parity", "--source", "epoch_trends", "--as-of", "2024-09-30", "--json",
                        "--db", str(mirror_db_path)], monkeypatch, capsys)
    rows = json.loads(out)["benchmarks"]
    assert code == 0 and {"MMLU", "GPQA", "BBH", "Arena Elo"} <= {r["benchmark"] for r in rows}
    assert all(r["open_models"] >= 3 and r["closed_models"] >= 3 for r in rows)
    lags = [r["lag_months"] for r in rows if r["lag_months"] is not None]
    assert lags == sorted(lags)


def test_human_output_and_errors(mirror_db_path, monkeypatch, capsys):
    code, out, _ = run(["parity", "--benchmark", "MMLU", "--source", "epoch_trends", "--as-of", "2024-09-30",
                        "--db", str(mirror_db_path)], monkeypatch, capsys)
    assert code == 0 and "open models trail the closed frontier by" in out and "gap: best closed" in out
    code, _, err = run(["parity", "--benchmark", "No Such Bench", "--db", str(mirror_db_path)], monkeypatch, capsys)
    assert code == 1 and "No Such Bench" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(["parity", "--method", "vibes", "--db", str(mirror_db_path)], monkeypatch, capsys)
    assert code == 2 and "--method" in err
    code, _, err = run(["parity", "--as-of", "30/09/2024", "--db", str(mirror_db_path)], monkeypatch, capsys)
    assert code == 2 and "--as-of" in err


def test_all_rows_keeps_low_trust_rows(mirror_db_path, mirror, monkeypatch, capsys):
    code, out, _ = run(["parity", "--benchmark", "MMLU", "--source", "epoch_trends", "--as-of", "2024-09-30",
                        "--all-rows", "--basis", "any", "--json", "--db", str(mirror_db_path)], monkeypatch, capsys)
    data = json.loads(out)["data"]
    with open(mirror / TRENDS_CSV, encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["MMLU"] and r["Date"] <= "2024-09-30"
                and r["Open/Closed"] in ("Open", "Closed")]
    assert code == 0 and "low_trust" not in data["excluded_rows"]
    merged = data["excluded_rows"].get("not_chosen_duplicate", 0)
    assert data["open_models"] + data["closed_models"] + merged == len(rows)
