"""The answer and headline figures agree with the commands a reader would run to check them.

Runs on the bundled snapshot (src/openpace/snapshot, loaded on first use of an empty warehouse),
so it needs nothing beside the repository. The expected values are the outputs of
`openpace parity --benchmark B --json` and `openpace prices --benchmark B --json` (its price
curve's headline; `--min-score S` only for the TCO example's pair), never the report's own.
"""

from __future__ import annotations

import json
import re
from html import unescape as html_unescape
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli_helpers import run
from openpace.cli import app
from openpace.domain import formatting
from openpace.domain.display import readable_with_setting
from openpace.report.build import Gathered
from openpace.report.summary import headline, lag_figure
from openpace.report.templating import render


@pytest.fixture(scope="module")
def snapshot_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("snapshot") / "openpace.duckdb"


@pytest.fixture(scope="module")
def report(snapshot_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """`openpace report --json` on a first run (no warehouse yet): the bundled snapshot is loaded first.

    The default warehouse ($OPENPACE_HOME/openpace.duckdb) is created on first use; a `--db` that
    does not exist is an error for a read command, so the first run goes through OPENPACE_HOME."""
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(app, ["report", "--out", str(out), "--json"],
                                env={"OPENPACE_HOME": str(snapshot_db.parent)})
    assert snapshot_db.exists()
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def command(args: list[str], monkeypatch, capsys) -> dict:
    code, out, err = run(args, monkeypatch, capsys)
    assert code == 0, err
    return json.loads(out)


def test_headline_lag_agrees_with_openpace_parity(report, snapshot_db, monkeypatch, capsys):
    figures = {f["key"]: f for f in report["headline"]}
    lag = figures["lag"]
    benchmark = lag["data"]["benchmark"]  # the capability index once it is in the build, else a benchmark
    parity = command(["parity", "--benchmark", lag["data"]["query"], "--db", str(snapshot_db), "--json"],
                     monkeypatch, capsys)
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
    assert gap["value"].startswith(word) and gap["data"]["gap_points"] == points


def test_headline_price_ratio_agrees_with_openpace_prices(report, snapshot_db, monkeypatch, capsys):
    price = {f["key"]: f for f in report["headline"]}["price_ratio"]
    d = price["data"]
    # the same command a reader runs, with its default options (no threshold, default score basis)
    prices = command(["prices", "--benchmark", d["benchmark"], "--db", str(snapshot_db), "--json"],
                     monkeypatch, capsys)
    curve = prices["curve"]
    head = curve["headline"]
    # the command prints floats to 4 decimals
    assert round(d["median_ratio"], 4) == head["median_ratio"]
    assert [round(x, 4) for x in d["quartiles"]] == head["quartiles"]
    assert [round(x, 4) for x in d["range"]] == head["range"]
    assert d["levels"] == head["levels"] and d["score_basis"] == curve["score_basis"] == prices["score_basis"]
    assert price["value"] == f"{formatting.ratio(head['median_ratio'])} the open price"
    low, high = head["quartiles"]
    assert price["interval"] == f"quartiles {formatting.ratio(low)} to {formatting.ratio(high)}"
    answer = report["answer"][1]
    assert f"a median {formatting.ratio(head['median_ratio'])} as much per token" in answer
    assert f"quartiles {formatting.ratio(low)} to {formatting.ratio(high)}" in answer
    assert f"{head['levels']} {d['benchmark']} score levels" in answer and curve["score_basis"] in answer
    assert f"prices as of {price['data_date']}" in answer
    # where the ratio is undefined is said (the bundled snapshot's MMLU curve has no open model at its top)
    assert curve["undefined"], "the snapshot's curve is expected to have an undefined stretch"
    for u in curve["undefined"]:
        assert f"no {u['missing']} model scores that high" in answer
    # no single-threshold ratio in the answer: not the `--min-score` ratio at any level of the curve
    # other than the summary statistics the curve headline itself gives
    summary = {formatting.ratio(x) for x in [head["median_ratio"], *head["quartiles"], *head["range"]]}
    for point in curve["points"]:
        if point["ratio"] is not None and formatting.ratio(point["ratio"]) not in summary:
            assert formatting.ratio(point["ratio"]) not in answer, point
    assert "scoring at least" not in answer and prices["ratio"] is None  # no threshold, no single ratio


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
    html = Path(report["path"]).read_text(encoding="utf-8")
    section = html.split('<section id="tco">')[1].split("</section>")[0]
    # the example names its pair's threshold; the expected prices are that command's output
    found = re.search(r"scoring at least ([0-9.]+) on ([^<(]+?) \(see Price-performance\)", section)
    assert found, section
    threshold, benchmark = found.groups()
    prices = command(["prices", "--benchmark", html_unescape(benchmark), "--min-score", threshold,
                      "--db", str(snapshot_db), "--json"], monkeypatch, capsys)
    assert "this pair at the single threshold" in section and "not the headline" in section
    assert '<p class="op-example"><strong>Example</strong> built from published prices only' in section
    for side, kind in (("open, hosted", "open"), ("closed, API", "closed")):
        c = prices[f"cheapest_{kind}"]
        cells = [readable_with_setting(c["display_name"]), formatting.usd_per_mtok(c["input_usd_per_mtok"], symbol=True),
                 formatting.usd_per_mtok(c["output_usd_per_mtok"], symbol=True),
                 formatting.usd_per_mtok(c["blended_usd_per_mtok"], symbol=True)]
        assert f"<td>{side}</td><td>" + "</td><td>".join(cells) + "</td>" in section
    assert "openpace report --tco FILE" in section and report["sections"]["tco"] is True


def capability_result(status: str = "ok") -> dict:
    """`openpace parity --benchmark capability --json` in the shape the brief agreed (i11): test
    input, not facts."""
    ok = status == "ok"
    return {"benchmark": "capability", "source": "epoch_benchmarks", "as_of": "2025-11-13", "method": "horizon",
            "basis": "mixed", "status": status,
            "headline": {"lag_months": 7.31 if ok else None, "ci90": [5.5, 9.0] if ok else None, "at_least": False,
                         "window_months": 12, "open_leads_days": 0},
            "gap": {"closed_best": 2.31 if ok else None, "closed_model": "Closed A" if ok else None,
                    "open_best": 2.4 if ok else None, "open_model": "Open B" if ok else None,
                    "points": -0.09 if ok else None},
            "data": {"open_models": 40 if ok else 2, "closed_models": 60, "last_date": "2025-11-13",
                     "sources": [{"source": "epoch_benchmarks", "models": 100}]}}


def test_the_headline_reads_the_capability_index_first():
    row = {"benchmark": "MMLU", "lag_months": 3.0, "ci90": [2.0, 4.0], "open_models": 9, "closed_models": 9,
           "models_in_window": 5, "sources": ["epoch_trends"], "last_date": "2024-09-01", "gap_points": 1.0}
    head = headline(Gathered(as_of=None, parity=[row], capability=capability_result()))
    keys = [(f.key, f.data.get("query")) for f in head.figures]
    assert keys[:3] == [("lag", "capability"), ("gap", "capability"), ("lag_second", "MMLU")]
    lag, gap = head.figures[0], head.figures[1]
    assert lag.value == "7.3 months" and lag.interval == "90% interval 5.5 to 9.0 months"
    assert lag.basis == "mixed" and lag.sources == ["Epoch AI Benchmarking Hub"] and lag.data_date == "2025-11-13"
    assert gap.value == "open leads by 0.09 index points"  # a negative gap is said as "open leads"
    assert head.sentences[0].startswith("Open-weight models trail the closed frontier by 7.3 months on the "
                                        "capability index (90% interval 5.5 to 9.0 months), with data to 2025-11-13")
    assert "the best open model leads the best closed one by 0.09 index points" in head.sentences[0]


def test_capability_with_insufficient_data_shows_its_status_not_a_number():
    head = headline(Gathered(as_of=None, parity=[], capability=capability_result("insufficient_data")))
    lag = head.figures[0]
    assert lag.value is None and lag.status == "insufficient data" and "2 open, 60 closed" in lag.detail
    assert [f.key for f in head.figures] == ["lag"]  # no gap figure without a number
    assert head.sentences[0].startswith("There is not enough data to say how far open-weight models trail on "
                                        "the capability index")


def test_models_are_shown_by_display_name_not_source_id(report):
    # the bundled snapshot's Epoch Benchmarking Hub rows name settings as `<model>_<effort>`
    # (epoch_benchmarks `gpt-5.1_high`); the page shows the identity's name with the setting after it
    html = Path(report["path"]).read_text(encoding="utf-8")
    table = html.split('<section id="parity">')[1].split("</table>")[0]
    assert "gpt-5.1_high" not in table and "_high:" not in table and "_medium:" not in table
    assert "GPT 5.1 (high)" in table
