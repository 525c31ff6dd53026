"""Release-date reconciliation (identity/dates.py, identity/verdicts.choose_release) and openness,
on rules and on the mirror's real rows."""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import date

import pytest

from cli_helpers import run
from openpace.identity.dates import agrees_with_stamp, date_problem, family_first_release, stamp_range
from openpace.identity.verdicts import choose_release


@pytest.mark.parametrize(("stamp", "day", "agrees"), [
    ("2024-06-20", date(2024, 6, 20), True),
    ("2024-06-20", date(2023, 6, 20), False),
    ("2411", date(2024, 11, 18), True),  # YYMM: the first two digits cannot be a month
    ("2411", date(2024, 7, 24), False),
    ("2512", date(2024, 11, 1), False),
    ("0905", date(2025, 9, 5), True),  # MMDD: any year
    ("0905", date(2024, 9, 5), True),  # ... so the family rule has to catch a wrong year
    ("0905", date(2025, 12, 29), False),
    ("20240620", date(2024, 6, 20), True),  # not a stamp form the rules read: always agrees
    ("v0.1", date(1999, 1, 1), True),
], ids=lambda v: str(v))
def test_version_stamp_agreement(stamp, day, agrees):
    assert agrees_with_stamp(stamp, day) is agrees


def test_stamp_forms():
    assert stamp_range("0905") == "0905" and stamp_range("v0.1") is None
    assert stamp_range("2024-05") == (date(2024, 3, 17), date(2024, 7, 15))


def test_family_first_release_from_stamps_and_curated_dates():
    members = [("0905", "epoch_benchmarks", date(2024, 9, 5)),  # MMDD: no year, not an anchor
               (None, "epoch_benchmarks", date(2025, 7, 12)),
               (None, "models_dev", date(2024, 12, 1))]  # a catalogue date does not anchor
    assert family_first_release(members) == date(2025, 7, 12)
    assert family_first_release([("2512", "models_dev", date(2024, 11, 1))]) == date(2025, 12, 1)
    assert date_problem(date(2024, 9, 5), "0905", date(2025, 7, 12)) == "is before the family's first release 2025-07-12"


def test_precedence_then_corroboration():
    # one lone top-priority date against two sources that agree: the corroborated date wins
    verdict = choose_release({"epoch_benchmarks": Counter({date(2023, 1, 1): 3}),
                              "models_dev": Counter({date(2024, 5, 1): 5}),
                              "openrouter": Counter({date(2024, 5, 3): 1})})
    assert (verdict.value, verdict.source) == (date(2024, 5, 1), "models_dev")
    assert "corroborated by openrouter" in verdict.conflicts[-1]
    # corroborated top-priority date: precedence
    verdict = choose_release({"epoch_benchmarks": Counter({date(2024, 5, 2): 1}),
                              "models_dev": Counter({date(2024, 5, 1): 5})})
    assert verdict.source == "epoch_benchmarks"


@pytest.mark.mirror_data
def test_kimi_k2_0905_is_dated_2025(mirror_db, mirror):
    # model_versions.csv dates Kimi-K2-Instruct-0905 2024-09-05 (its stamp means 2025-09-05) and
    # Kimi-K2-Instruct 2025-07-12, the family's first release in that curated table
    with open(mirror / "epoch/benchmark-stitching/model_versions.csv", encoding="utf-8-sig") as fh:
        dates = {r["id"].strip(): r["Version release date"] for r in csv.DictReader(fh)}
    assert dates["Kimi-K2-Instruct-0905"] == "2024-09-05" and dates["Kimi-K2-Instruct"] == "2025-07-12"
    row = mirror_db.execute("SELECT release_date, release_source FROM models WHERE model_id = 'kimi-k2-instruct-0905'"
                            ).fetchone()
    assert row[0].year == 2025 and row[0] >= date(2025, 7, 12)
    assert mirror_db.execute("SELECT count(*) FROM identity_conflicts WHERE model_id = 'kimi-k2-instruct-0905' "
                             "AND detail LIKE '%2024-09-05%before the family''s first release 2025-07-12%'").fetchone()[0] == 2


@pytest.mark.mirror_data
def test_mistral_large_3_is_not_dated_2024(mirror_db):
    # models.dev dates some Mistral Large 3 rows 2024-11-01; its 2512 snapshot anchors the family
    day = mirror_db.execute("SELECT release_date FROM models WHERE model_id = 'mistral-large-3'").fetchone()[0]
    assert day >= date(2025, 11, 1)


@pytest.mark.mirror_data
def test_gpt_oss_is_open(mirror_db):
    rows = dict(mirror_db.execute("SELECT model_id, open_weights FROM models WHERE model_id IN "
                                  "('gpt-oss-120b', 'gpt-oss-20b', 'gpt-oss-120b-high')").fetchall())
    assert rows == {"gpt-oss-120b": True, "gpt-oss-20b": True, "gpt-oss-120b-high": True}


@pytest.mark.mirror_data
def test_models_conflicts_lists_every_source(mirror_db_path, monkeypatch, capsys):
    code, out, err = run(["models", "--conflicts", "--json", "--db", str(mirror_db_path)], monkeypatch, capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["count"] == len(data["models"]) > 0 and all(m["max_days_apart"] > 30 for m in data["models"])
    kimi = next(m for m in data["models"] if m["model_id"] == "kimi-k2-instruct-0905")
    assert {(s["source"], s["release_date"]) for s in kimi["sources"]} >= {("epoch_benchmarks", "2024-09-05"),
                                                                          ("epoch_benchmarks", "2025-09-05")}
    code, _, err = run(["models", "--conflicts", "--open", "--db", str(mirror_db_path)], monkeypatch, capsys)
    assert code == 2


@pytest.mark.mirror_data
def test_a_result_shows_the_date_conflicts_of_the_models_it_names(mirror_db):
    from openpace.metrics.parity_data import parity_for

    result = parity_for(mirror_db, "Terminal-Bench Hard").to_json()
    conflicts = {c["model_id"]: c for c in result["data"]["date_conflicts"]}
    # Mistral Large 3 (a frontier match on it) is dated 2025-12-02, with models.dev's 2024-11-01 listed beside it
    large3 = conflicts["mistral-large-3"]
    assert large3["release_date"] >= "2025-11-01"
    assert "2024-11-01" in {s["release_date"] for s in large3["sources"]}
