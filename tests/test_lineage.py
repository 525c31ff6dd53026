"""Derivative velocity: the warehouse's counts against a plain-Python count of a generated listing.

The listing is generated (benchmarks/hub_listing.py, messy mode: unlisted bases, derivatives
created before their base, duplicate tags, other letter cases, a missing createdAt); the expected
figures are computed here, straight from the objects, without SQL.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from openpace.cli import app
from openpace.errors import DataError, InputError, UsageError
from openpace.metrics.lineage import LineageQuery, chains, lineage_report, velocity
from openpace.refresh import refresh

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from hub_listing import generate, write_listing  # noqa: E402

N = 8000
RELATIONS = ("finetune", "adapter", "merge", "quantized", "unspecified")


def when(text: str | None) -> datetime | None:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.000Z") if text else None


def expected_bases(objects: list[dict]) -> dict[str, dict]:
    """Plain Python: one edge per (child, base), relation from the relation tag, windows in days."""
    listed = {o["id"].lower(): o for o in objects}
    relations: dict[tuple[str, str], set[str]] = {}
    spelled: dict[str, set[str]] = defaultdict(set)
    for o in objects:
        for tag in o["tags"]:
            if not tag.startswith("base_model:"):
                continue
            rest = tag[len("base_model:"):]
            relation, base = rest.split(":", 1) if ":" in rest else (None, rest)
            if not base:
                continue
            rels = relations.setdefault((o["id"], base.lower()), set())
            spelled[base.lower()].add(base)
            if relation:
                rels.add(relation)
    is_base = {key for _, key in relations if key in listed}
    result: dict[str, dict] = {}
    for (child, key), rels in relations.items():
        base_obj = listed.get(key)
        name = base_obj["id"] if base_obj else min(spelled[key])
        entry = result.setdefault(name, {
            "model": name, "listed": base_obj is not None,
            "created": when(base_obj.get("createdAt")) if base_obj else None,
            "total": 0, "windows": {7: 0, 30: 0, 90: 0}, "headline": 0, "by_relation": dict.fromkeys(RELATIONS, 0),
            "children": [], "leaves": 0})
        relation = min(rels) if rels else "unspecified"
        child_created = when(listed[child.lower()].get("createdAt"))
        entry["total"] += 1
        entry["by_relation"][relation] += 1
        entry["leaves"] += child.lower() not in is_base
        if entry["created"] and child_created:
            for days in (7, 30, 90):
                entry["windows"][days] += child_created <= entry["created"] + timedelta(days=days)
            entry["headline"] += relation != "quantized" and child_created <= entry["created"] + timedelta(days=30)
            if relation != "quantized":
                entry["children"].append(child_created)
    for entry in result.values():
        tenth = sorted(entry["children"])[9:10]
        entry["time_to_10_days"] = (round((tenth[0] - entry["created"]).total_seconds() / 86400, 2)
                                    if tenth and entry["created"] else None)
    return result


def expected_depths(objects: list[dict]) -> dict[str, int]:
    """Longest chain of listed bases above each derivative (the generator makes no cycles)."""
    listed = {o["id"].lower() for o in objects}
    parents: dict[str, set[str]] = defaultdict(set)
    for o in objects:
        for tag in o["tags"]:
            if tag.startswith("base_model:"):
                base = tag[len("base_model:"):].split(":")[-1].lower()
                parents[o["id"].lower()].add(base)
    memo: dict[str, int] = {}

    def depth(node: str) -> int:
        if node not in memo:
            memo[node] = 1 + max((depth(p) for p in parents[node] if p in listed and p in parents), default=0)
        return memo[node]

    return {child: depth(child) for child in parents}


@pytest.fixture(scope="module")
def listing(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    root = tmp_path_factory.mktemp("hubmirror")
    write_listing(root / "huggingface" / "models-2026-11-01.jsonl.gz", N, seed=11, messy=True)
    return root, list(generate(N, seed=11, messy=True))


@pytest.fixture
def hub_db(fresh_db, listing):
    root, _ = listing
    [result] = refresh(fresh_db, ["hf_hub"], root)
    assert result.status == "ok", result.error
    return fresh_db


def test_every_base_counts_exactly_as_the_listing_says(hub_db, listing) -> None:
    _, objects = listing
    expected = expected_bases(objects)
    got = [b.to_json() for b in velocity(hub_db, LineageQuery(top=10**6))]
    assert len(got) == len(expected)
    for row in got:
        want = expected[row["model"]]
        d = row["derivatives"]
        assert d["total"] == want["total"], row["model"]
        assert d["by_relation"] == want["by_relation"], row["model"]
        if want["created"] is None:
            assert (d["within_7d"], d["within_30d"], d["within_90d"], d["within_30d_excl_quantized"]) == (None,) * 4
        else:
            assert (d["within_7d"], d["within_30d"], d["within_90d"]) == tuple(want["windows"].values()), row["model"]
            assert d["within_30d_excl_quantized"] == want["headline"], row["model"]
        assert row["listed"] == want["listed"]
        assert row["time_to_10_days"] == want["time_to_10_days"], row["model"]
        assert row["leaf_share"] == round(want["leaves"] / want["total"], 4), row["model"]
    totals = [row["derivatives"]["total"] for row in got]
    assert totals == sorted(totals, reverse=True)


def test_messy_cases_are_present_in_the_listing(listing) -> None:
    """Guard the generator: the awkward cases the exactness test relies on really occur."""
    _, objects = listing
    expected = expected_bases(objects)
    assert any(not e["listed"] for e in expected.values())  # a base that is not in the listing
    assert any(e["by_relation"]["unspecified"] for e in expected.values())  # a bare base_model tag
    assert all(any(e["by_relation"][r] for e in expected.values()) for r in RELATIONS)
    assert any(o["id"] != o["id"].lower() and any(t.endswith(o["id"].lower()) for p in objects for t in p["tags"])
               for o in objects[:200])  # a base written in another letter case


def test_chains_depth_and_leaves(hub_db, listing) -> None:
    _, objects = listing
    depths = expected_depths(objects)
    by_depth: dict[str, int] = defaultdict(int)
    for d in depths.values():
        by_depth[str(d)] += 1
    got = chains(hub_db).to_json()
    assert got["derivatives"] == len(depths)
    assert got["by_depth"] == dict(sorted(by_depth.items(), key=lambda kv: int(kv[0])))
    assert got["max_depth"] == max(depths.values()) >= 3
    bases = {b for o in objects for t in o["tags"] if t.startswith("base_model:") for b in [t.split(":")[-1].lower()]}
    leaves = sum(1 for child in depths if child not in bases)
    assert got["leaves"] == leaves
    assert got["in_cycles"] == 0


def test_a_cycle_of_declarations_is_counted_apart(fresh_db) -> None:
    fresh_db.execute("""INSERT INTO hub_lineage VALUES
        ('a/x', 'a/y', 'finetune', NULL, 'a/y', NULL), ('a/y', 'a/x', 'finetune', NULL, 'a/x', NULL),
        ('a/z', 'a/x', 'quantized', NULL, 'a/x', NULL)""")
    got = chains(fresh_db).to_json()
    assert got["in_cycles"] == 3 and got["by_depth"] == {} and got["derivatives"] == 3


def test_base_and_since_filters(hub_db, listing) -> None:
    _, objects = listing
    expected = expected_bases(objects)
    name = max((e for e in expected.values() if e["listed"]), key=lambda e: e["total"])["model"]
    [row] = [b.to_json() for b in velocity(hub_db, LineageQuery(base=name.upper()))]  # ids compare case-insensitively
    assert row["model"] == name and row["derivatives"]["total"] == expected[name]["total"]
    cutoff = datetime(2025, 1, 1)
    got = [b.to_json() for b in velocity(hub_db, LineageQuery(top=10**6, since=cutoff.date()))]
    assert {r["model"] for r in got} == {n for n, e in expected.items() if e["created"] and e["created"] >= cutoff}
    with pytest.raises(InputError, match="--base nobody/none"):
        lineage_report(hub_db, LineageQuery(base="nobody/none"))


def test_cli_top_json_matches_the_listing(hub_db, listing, tmp_path: Path) -> None:
    _, objects = listing
    expected = expected_bases(objects)
    db_path = tmp_path / "fresh.duckdb"
    hub_db.close()
    result = CliRunner().invoke(app, ["lineage", "--top", "20", "--json", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    # ties: by id, an unlisted base by its lower-cased name
    ranking = sorted(expected.values(),
                     key=lambda e: (-e["total"], e["model"] if e["listed"] else e["model"].lower()))
    assert [b["model"] for b in data["bases"]] == [e["model"] for e in ranking[:20]]
    for base in data["bases"]:
        want = expected[base["model"]]
        dated = want["created"] is not None
        assert base["derivatives"]["within_30d_excl_quantized"] == (want["headline"] if dated else None)
        assert base["created"] == (want["created"].isoformat() if dated else None)
    assert data["listing"]["origins"] == ["mirror:huggingface/models-2026-11-01.jsonl.gz"]
    assert data["listing"]["models"] == N


def test_no_listing_is_a_clear_error(fresh_db) -> None:
    with pytest.raises(DataError, match="refresh --source hf_hub"):
        lineage_report(fresh_db)


@pytest.mark.parametrize("args, error, message", [
    (["--since", "2024-13-01"], UsageError, "--since '2024-13-01': expected a date"),
    (["--top", "0"], InputError, "--top 0: expected a positive number"),
], ids=["bad-date", "zero-top"])
def test_cli_bad_options_are_one_line(hub_db, tmp_path: Path, args, error, message) -> None:
    hub_db.close()
    result = CliRunner().invoke(app, ["lineage", *args, "--db", str(tmp_path / "fresh.duckdb")])
    assert isinstance(result.exception, error) and message in str(result.exception)
    assert "\n" not in str(result.exception)


def test_cli_text_names_the_leading_base(hub_db, listing, tmp_path: Path, monkeypatch) -> None:
    _, objects = listing
    leader = max(expected_bases(objects).values(), key=lambda e: e["total"])
    hub_db.close()
    # rich reads COLUMNS when it measures; setting the console's width would outlive the test
    monkeypatch.setenv("COLUMNS", "200")
    result = CliRunner().invoke(app, ["lineage", "--top", "3", "--db", str(tmp_path / "fresh.duckdb")])
    assert result.exit_code == 0, result.output
    assert leader["model"] in result.stdout and f"{leader['total']:,}" in result.stdout


def test_as_of_day_is_a_query_parameter_not_pasted_text() -> None:
    """The as-of cut reaches DuckDB as `$until`: the SQL text holds no date, so it cannot be injected
    into or mis-quoted (the report's `--as-of` cut reaches lineage this way)."""
    from datetime import date

    from openpace.metrics.lineage import as_of_params, edges_sql

    day = date(2024, 3, 9)
    sql = edges_sql(day, "l.")
    assert "$until" in sql and "2024" not in sql
    assert as_of_params(day, keys=["x"]) == {"keys": ["x"], "until": day}
    assert edges_sql(None) == "TRUE" and as_of_params(None, keys=["x"]) == {"keys": ["x"]}
