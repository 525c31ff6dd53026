"""`report --as-of DATE` shows no ecosystem figure from after DATE: the Hub docs' statements, the
Hub listing, lineage and contributor months are all cut at it (`until` in metrics.hub, lineage and
contributors), in the metrics, the page's cards and the terminal summary."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from openpace.metrics.contributors import last_complete_month, rows_from_table
from openpace.metrics.hub import hub_growth
from openpace.metrics.lineage import LineageQuery, lineage_report
from openpace.refresh import refresh
from openpace.report import build_report

STATEMENTS = "huggingface/hub_docs_model_count_statements.csv"
CONTRIBUTORS = "git/monthly_contributors.csv"


def statements_file(mirror: Path) -> list[dict]:
    with (mirror / STATEMENTS).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


# A small Hub listing (test inputs, not facts), in the shape of GET /api/models
LISTING = [("org/base", "2024-07-01", None), ("org/late", "2024-08-20", None),
           ("u/ft1", "2024-07-03", "finetune:org/base"), ("u/ft2", "2024-07-05", "finetune:org/base"),
           ("u/ad1", "2024-07-20", "adapter:org/base"), ("u/q1", "2024-07-04", "quantized:org/base"),
           ("u/ft3", "2024-09-15", "finetune:org/base"), ("u/ft4", "2024-08-25", "finetune:org/late")]
CUT = date(2024, 8, 1)


@pytest.fixture
def listed(fresh_db, tmp_path):
    folder = tmp_path / "mirror" / "huggingface"
    folder.mkdir(parents=True)
    lines = [json.dumps({"id": mid, "author": mid.split("/")[0], "createdAt": f"{day}T12:00:00.000Z",
                         "lastModified": f"{day}T12:00:00.000Z", "tags": [f"base_model:{base}"] if base else [],
                         "pipeline_tag": "text-generation", "library_name": "transformers"})
             for mid, day, base in LISTING]
    (folder / "models-2026-07-01.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = refresh(fresh_db, ["hf_hub"], tmp_path / "mirror")
    assert [r.status for r in results] == ["ok"], [r.error for r in results]
    return fresh_db


def test_hub_listing_is_cut_at_until(listed):
    by_cut = [m for m, day, _ in LISTING if date.fromisoformat(day) <= CUT]
    cut = hub_growth(listed, until=CUT).to_json()
    assert cut["models"] == len(by_cut) == 5 and cut["until"] == "2024-08-01"
    assert cut["monthly"][-1]["month"] == "2024-07" and cut["monthly"][-1]["cumulative"] == len(by_cut)
    assert hub_growth(listed).to_json()["models"] == len(LISTING)
    # the day itself is included (a model created at noon on the as-of day counts)
    assert hub_growth(listed, until=date(2024, 9, 15)).to_json()["models"] == len(LISTING)


def test_hub_listing_cut_before_any_model_says_so(listed):
    report = hub_growth(listed, until=date(2020, 1, 1)).to_json()
    assert report["models"] == 0 and "created on or before 2020-01-01" in report["message"]


def test_lineage_is_cut_at_until(listed):
    bases = {b["model"]: b for b in lineage_report(listed, LineageQuery(until=CUT), with_chains=False).to_json()["bases"]}
    # by 2024-08-01: org/base has ft1, ft2, ad1 and q1 (ft3 comes later); org/late does not exist yet
    assert set(bases) == {"org/base"}
    assert bases["org/base"]["derivatives"]["total"] == 4
    assert bases["org/base"]["derivatives"]["within_30d_excl_quantized"] == 3
    everything = {b["model"]: b for b in lineage_report(listed, with_chains=False).to_json()["bases"]}
    assert set(everything) == {"org/base", "org/late"} and everything["org/base"]["derivatives"]["total"] == 5


def test_statements_are_cut_at_until(mirror_db, mirror):
    day = date(2024, 3, 15)
    expected = [r["statement"] for r in statements_file(mirror) if date.fromisoformat(r["date"]) <= day]
    assert [s["statement"] for s in hub_growth(mirror_db, until=day).to_json()["statements"]] == expected
    assert len(expected) < len(statements_file(mirror))


@pytest.mark.parametrize("day, last", [(date(2023, 2, 28), "2023-02"), (date(2023, 2, 27), "2023-01"),
                                       (date(2024, 12, 31), "2024-12"), (date(2024, 1, 1), "2023-12")])
def test_last_complete_month(day, last):
    assert last_complete_month(day) == last


def test_contributor_months_end_by_until(mirror_db, mirror):
    day = date(2023, 2, 27)  # February 2023 is still running: its count would hold later commits
    with (mirror / CONTRIBUTORS).open(encoding="utf-8") as f:
        expected = sorted((r["repo"], r["month"]) for r in csv.DictReader(f) if r["month"] <= "2023-01")
    got = sorted((r["repo"], r["month"]) for r in rows_from_table(mirror_db, until=day))
    assert got == expected and expected


def test_report_as_of_cards_show_nothing_after_it(mirror_db, mirror, tmp_path):
    day = date(2024, 3, 15)
    result = build_report(mirror_db, tmp_path / "out", as_of=day)
    cards = {h["key"]: h for h in result.headline}
    # huggingface/hub_docs_model_count_statements.csv: the last statement on or before the as-of date
    shown = [r for r in statements_file(mirror) if date.fromisoformat(r["date"]) <= day]
    hub = cards["hub"]
    assert hub["value"] == shown[-1]["statement"] and hub["data"]["last"]["date"] == shown[-1]["date"]
    assert hub["data_date"] == shown[-1]["date"]  # the card's date is its data's, not the page's
    assert cards["contributors"]["data"]["last_12m"]["to"] <= "2024-02"
    html = result.path.read_text(encoding="utf-8")
    assert "not cut at the as-of date" not in html and "Cut at 2024-03-15: docs statements first seen" in html


def test_report_as_of_before_all_ecosystem_data_has_no_ecosystem_card(mirror_db, tmp_path):
    result = build_report(mirror_db, tmp_path / "out", as_of=date(2020, 1, 1))
    keys = [h["key"] for h in result.headline]
    assert not {"hub", "contributors"} & set(keys), keys
    html = result.path.read_text(encoding="utf-8")
    assert "dated on or before 2020-01-01" in html and "No contributor month ended on or before 2020-01-01" in html
