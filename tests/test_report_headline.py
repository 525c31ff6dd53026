"""The answer and headline figures agree with the commands a reader would run to check them.

Runs on the bundled snapshot (src/openpace/snapshot, loaded on first use of an empty warehouse),
so it needs nothing beside the repository. The expected values are the outputs of
`openpace parity --benchmark B --json` and `openpace prices --benchmark B --min-score S --json`,
never the report's own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli_helpers import run
from openpace.cli import app
from openpace.domain import formatting
from openpace.report.build import Gathered
from openpace.report.summary import headline, lag_figure
from openpace.report.templating import render


@pytest.fixture(scope="module")
def snapshot_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("snapshot") / "openpace.duckdb"


@pytest.fixture(scope="module")
def report(snapshot_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """`openpace report --json` on an empty warehouse: the bundled snapshot is loaded first."""
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(app, ["report", "--db", str(snapshot_db), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def command(args: list[str], monkeypatch, capsys) -> dict:
    code, out, err = run(args, monkeypatch, capsys)
    assert code == 0, err
    return json.loads(out)


def test_headline_lag_agrees_with_openpace_parity(report, snapshot_db, monkeypatch, capsys):
    figures = {f["key"]: f for f in report["headline"]}
    lag = figures["lag"]
    benchmark = lag["data"]["benchmark"]
    parity = command(["parity", "--benchmark", benchmark, "--db", str(snapshot_db), "--json"], monkeypatch, capsys)
    head = parity["headline"]
    assert lag["data"]["lag_months"] == head["lag_months"] and lag["data"]["ci90"] == head["ci90"]
    assert lag["value"] == formatting.months(head["lag_months"])
    low, high = head["ci90"]
    assert lag["interval"] == f"90% interval {formatting.number(low)} to {formatting.number(high)} months"
    # the sentence says the same numbers, with the data's own end date (not the page's build date)
    answer = report["answer"][0]
    assert f"by {formatting.months(head['lag_months'])} on {benchmark}" in answer
    assert f"with data to {lag['data_date']}" in answer and lag["data_date"] <= parity["as_of"]
    gap = figures["gap"]
    points = parity["gap"]["points"]
    word = "open leads" if points < 0 else "closed leads"
    assert gap["value"].startswith(word) and formatting.number(abs(points)) in gap["value"]


def test_headline_price_ratio_agrees_with_openpace_prices(report, snapshot_db, monkeypatch, capsys):
    price = {f["key"]: f for f in report["headline"]}["price_ratio"]
    d = price["data"]
    prices = command(["prices", "--benchmark", d["benchmark"], "--min-score", str(d["min_score"]),
                      "--db", str(snapshot_db), "--json"], monkeypatch, capsys)
    assert round(d["ratio"], 4) == prices["ratio"]  # the command prints the ratio to 4 decimals
    assert d["open"] == prices["cheapest_open"]["model"] and d["closed"] == prices["cheapest_closed"]["model"]
    assert price["value"].startswith(formatting.ratio(prices["ratio"]))
    assert f"costs {formatting.ratio(prices['ratio'])} as much per token" in report["answer"][1]


def test_every_headline_figure_has_a_date_and_sources_by_name(report):
    assert 4 <= len(report["headline"]) <= 6
    for f in report["headline"]:
        assert f["data_date"] and f["sources"], f
        assert not any("_" in s or "." in s.split()[0] and "(" in s for s in f["sources"]), f["sources"]
        assert "metrics." not in json.dumps(f)  # sources by name, not function names


def test_insufficient_data_shows_no_number():
    # a parity row in the shape the metric gives when a side has fewer than 3 models (docs/parity.md)
    row = {"benchmark": "Tiny bench", "status": "insufficient_data", "open_models": 2, "closed_models": 5,
           "lag_months": None, "ci90": None, "basis": "independent", "sources": ["epoch_benchmarks"],
           "last_date": "2025-01-01"}
    figure = lag_figure(row, "lag")
    assert figure.value is None and figure.status == "insufficient data" and figure.basis == "independent"
    g = Gathered(as_of=None, parity=[row])
    html = render("headline.html.j2", headline=headline(g))
    card = html.split('<li class="op-card">')[1]
    assert "insufficient data" in card and "months" not in card
    assert "not enough data" in html.split('class="op-answer"')[1]


def test_default_tco_example_uses_the_published_prices_of_the_price_pair(report, snapshot_db, monkeypatch, capsys):
    d = {f["key"]: f for f in report["headline"]}["price_ratio"]["data"]
    prices = command(["prices", "--benchmark", d["benchmark"], "--min-score", str(d["min_score"]),
                      "--db", str(snapshot_db), "--json"], monkeypatch, capsys)
    html = Path(report["path"]).read_text(encoding="utf-8")
    section = html.split('<section id="tco">')[1].split("</section>")[0]
    assert '<p class="op-example"><strong>Example</strong> built from published prices only' in section
    for side, kind in (("open, hosted", "open"), ("closed, API", "closed")):
        c = prices[f"cheapest_{kind}"]
        cells = [c["display_name"], formatting.usd_per_mtok(c["input_usd_per_mtok"], symbol=True),
                 formatting.usd_per_mtok(c["output_usd_per_mtok"], symbol=True),
                 formatting.usd_per_mtok(c["blended_usd_per_mtok"], symbol=True)]
        assert f"<td>{side}</td><td>" + "</td><td>".join(cells) + "</td>" in section
    assert "openpace report --tco FILE" in section and report["sections"]["tco"] is True
