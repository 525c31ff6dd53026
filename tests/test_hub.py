"""`openpace hub`: growth of a small listing counted by hand, beside the Hub docs' statements."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from openpace.cli import app
from openpace.metrics.hub import breakdown, hub_growth
from openpace.warehouse.hub import ingest_offline

LISTING = [
    {"id": "a/one", "author": "a", "createdAt": "2022-05-31T23:59:00.000Z", "pipeline_tag": "text-generation",
     "library_name": "transformers", "tags": ["license:mit"]},
    {"id": "a/two", "author": "a", "createdAt": "2022-06-01T08:00:00.000Z", "pipeline_tag": "text-generation",
     "library_name": "gguf", "tags": ["license:apache-2.0", "base_model:quantized:a/one"]},
    {"id": "b/three", "author": "b", "createdAt": "2022-06-02T00:00:00.000Z", "pipeline_tag": None,
     "library_name": "transformers", "tags": ["license:mit"]},
    {"id": "a/four", "author": "a", "createdAt": "2022-08-15T00:00:00.000Z", "pipeline_tag": "text-to-image",
     "library_name": "diffusers", "tags": []},
    {"id": "c/five", "author": "c", "tags": ["license:[red]x[/red]"]},  # undated; markup-like
]


def write_listing(root: Path) -> Path:
    path = root / "huggingface" / "models-2022-09-01.jsonl.gz"
    path.parent.mkdir(parents=True)
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(o) for o in LISTING) + "\n")
    return root


@pytest.fixture
def hub_db(mirror_db, tmp_path):
    ingest_offline(mirror_db, write_listing(tmp_path / "mirror"))
    return mirror_db


def test_monthly_and_cumulative_counts(hub_db) -> None:
    report = hub_growth(hub_db).to_json()
    assert report["models"] == 5 and report["undated"] == 1
    assert report["monthly"] == [
        {"month": "2022-05", "created": 1, "cumulative": 1},
        {"month": "2022-06", "created": 2, "cumulative": 3},
        {"month": "2022-08", "created": 1, "cumulative": 4},
    ]
    assert report["by"]["library"][0] == {"name": "transformers", "models": 2, "share": 0.4}
    assert {r["name"]: r["models"] for r in report["by"]["license"]} == {
        "mit": 2, "(none)": 1, "apache-2.0": 1, "[red]x[/red]": 1}
    assert report["top_authors"][0] == {"author": "a", "models": 3}
    assert report["monthly_by"]["pipeline"]["text-generation"] == {"2022-05": 1, "2022-06": 1}
    assert report["listing"]["origins"] == ["mirror:huggingface/models-2022-09-01.jsonl.gz"]


def test_statements_sit_beside_the_listing_counts(hub_db) -> None:
    by_date = {s["date"]: s for s in hub_growth(hub_db).to_json()["statements"]}
    # huggingface/hub_docs_model_count_statements.csv: 2022-06-01,50K models,929d86a5...
    first = by_date["2022-06-01"]
    assert first["statement"] == "50K models" and first["models_count"] == 50_000
    assert first["commit"] == "929d86a539c27083981a916f33a470610f1d5638"
    assert first["listing_created_by_then"] == 2  # a/one, and a/two created that day
    assert first["listing_to_statement"] == round(2 / 50_000, 3)
    # 2022-08-10,60K models: a/four (2022-08-15) is not yet counted
    assert by_date["2022-08-10"]["listing_created_by_then"] == 3


def test_without_a_listing_the_statements_and_how_to_get_one(mirror_db) -> None:
    report = hub_growth(mirror_db).to_json()
    assert report["models"] == 0 and "refresh --source hf_hub" in report["message"]
    assert len(report["statements"]) == 7  # seven rows in hub_docs_model_count_statements.csv
    assert all(s["listing_created_by_then"] is None for s in report["statements"])


def test_breakdown_folds_the_tail_into_other(fresh_db) -> None:
    fresh_db.execute("""INSERT INTO hub_models (id, library_name, source, origin, license_of_data)
                        SELECT 'm/' || i, 'lib' || (i % 5), 'hf_hub', 'test', 'x' FROM range(20) t(i)""")
    rows = breakdown(fresh_db, "library_name", top=3)
    assert [r.name for r in rows] == ["lib0", "lib1", "lib2", "(other)"]
    assert rows[-1].models == 8 and rows[-1].values == 2 and rows[0].values is None


def test_cli_json_and_text_escape_source_strings(hub_db, tmp_path) -> None:
    hub_db.close()
    db = tmp_path / "copy.duckdb"  # the mirror_db fixture's file
    result = CliRunner().invoke(app, ["hub", "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["models"] == 5
    text = CliRunner().invoke(app, ["hub", "--db", str(db)])
    assert text.exit_code == 0, text.output
    assert "[red]x[/red]" in text.stdout  # a licence string shown as written, not taken as markup


def test_cli_without_listing_still_shows_statements(mirror_db_path) -> None:
    result = CliRunner().invoke(app, ["hub", "--db", str(mirror_db_path)])
    assert result.exit_code == 0
    assert "50K models" in result.stdout and "refresh --source hf_hub" in result.output
