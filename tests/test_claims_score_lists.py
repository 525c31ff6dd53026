"""Scores in a list: in "A% on B1, C% on B2 and D% on B3", "B1 A%, B2 C% and B3 D%", "A, C and D on B1, B2 and B3
respectively" and "A/C/D on B1/B2/B3" each figure binds to its own benchmark; a figure whose own benchmark no source
scores (a name the vocabulary does not hold) is unverifiable, never judged against a neighbour's rows. End to end on a
warehouse of invented models and benchmarks (no source holds these names or figures; each sentence is written for
the test)."""

from __future__ import annotations

import pytest

from identity_helpers import PROV, load
from openpace.claims import check_text
from openpace.sources.base import Score


def score(benchmark: str, value: float) -> Score:
    return Score(source="epoch_benchmarks", model_name="Tarrow-7", benchmark=benchmark, score=value, **PROV)


# Tarrow-7's rows on three benchmarks; "Blorp-Eval" is scored by no source
ROWS = [score("Zorbench", 61.0), score("Quibble", 72.0), score("Frobnic", 45.0)]


@pytest.fixture
def wh(fresh_db):
    load(fresh_db, ROWS)
    return fresh_db


def by_figure(con, text: str) -> dict[str, tuple[str | None, str]]:
    """figure -> (benchmark entity, verdict) of each claim whose span holds one figure of the test (2 digits)."""
    out = {}
    for c in check_text(con, text)["claims"]:
        figs = [w.strip("%,.") for w in c["span"].replace("/", " ").split() if w.strip("%,.").isdigit()]
        bench = next((e["text"] for e in c["entities"] if e.get("type") == "benchmark"), None)
        for f in figs:
            out[f] = (bench, c["verdict"])
    return out


@pytest.mark.parametrize("text", [
    "Tarrow-7 scores 61% on Zorbench, 72% on Quibble and 45% on Frobnic.",
    "Tarrow-7 posts Zorbench 61%, Quibble 72% and Frobnic 45%.",
    "Tarrow-7 scores 61, 72 and 45 on Zorbench, Quibble and Frobnic respectively.",
    "Tarrow-7 scores 61%, 72% and 45% on Zorbench, Quibble and Frobnic, respectively.",
    "Tarrow-7 scores 61/72/45 on Zorbench/Quibble/Frobnic.",
    "On Zorbench, Quibble and Frobnic, Tarrow-7 scores 61%, 72% and 45%.",
    "Tarrow-7 scores 61% (Zorbench), 72% (Quibble) and 45% (Frobnic).",
])
def test_each_figure_binds_to_its_own_benchmark(wh, text: str):
    got = by_figure(wh, text)
    assert got["61"] == ("Zorbench", "supported")
    assert got["72"] == ("Quibble", "supported")
    assert got["45"] == ("Frobnic", "supported")


def test_a_wrong_figure_in_a_list_is_judged_on_its_own_benchmark(wh):
    got = by_figure(wh, "Tarrow-7 scores 61% on Zorbench, 80% on Quibble and 45% on Frobnic.")
    assert got["80"] == ("Quibble", "contradicted")
    got = by_figure(wh, "Tarrow-7 scores 61 and 80 on Zorbench and Quibble respectively.")
    assert got["61"] == ("Zorbench", "supported") and got["80"] == ("Quibble", "contradicted")


@pytest.mark.parametrize("text", [
    "Tarrow-7 scores 61% on Zorbench, 12% on Blorp-Eval and 45% on Frobnic.",
    "Tarrow-7 scores 61% on Zorbench and 12% on Blorp-Eval.",
    "Tarrow-7 posts Zorbench 61%, Blorp-Eval 12% and Frobnic 45%.",
    "On Zorbench, Tarrow-7 scores 61%, and 12% on Blorp-Eval.",
    "Tarrow-7 scores 61% (Zorbench), 12% (Blorp-Eval) and 45% (Frobnic).",
    "Tarrow-7 reaches 61% on Zorbench, with 12% on the harder Blorp-Eval split.",
    "Tarrow-7 scores Zorbench: 61%, Blorp-Eval: 12%, Frobnic: 45%.",
])
def test_a_figure_on_a_benchmark_no_source_scores_is_unverifiable(wh, text: str):
    got = by_figure(wh, text)
    assert got["61"] == ("Zorbench", "supported")
    # 12% is Blorp-Eval's: never judged against Zorbench's or Frobnic's rows
    assert got.get("12", (None, "unverifiable"))[1] == "unverifiable"
    assert got.get("12", (None, ""))[0] in (None, "Blorp-Eval")
    if "45" in got:
        assert got["45"] == ("Frobnic", "supported")


@pytest.mark.parametrize("text", ["Tarrow-7 scores 61, 72 and 45 on Zorbench and Quibble respectively.",
                                  "On Zorbench and Quibble, Tarrow-7 scores 61%, 72% and 45%."])
def test_a_list_of_unequal_length_pairs_nothing(wh, text: str):
    # three figures, two benchmarks: no pairing by order, and no figure judged on another's benchmark
    got = by_figure(wh, text)
    assert all(verdict != "contradicted" for _, verdict in got.values())
