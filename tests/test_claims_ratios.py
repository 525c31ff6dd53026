"""Ratios between two models' facts ("N times larger than Y", "N x more compute than Y"), end to end on
the whole mirror's warehouse. Every sentence is written for this test; each expected verdict names the
mirror file and rows behind it (epoch/open-model-trends/all_ml_systems_2024-09-25.csv, "the systems
table": Falcon-180B Parameters 1.8e11, Training compute 3.76e24 FLOP;
Falcon-40B 4e10, 2.4e23; GPT-4 has no Parameters value)."""

from __future__ import annotations

from pathlib import Path

import pytest

from openpace.claims import check_text
from openpace.warehouse import connect


@pytest.fixture(scope="module")
def con(full_mirror_db_file: Path):
    c = connect(full_mirror_db_file, read_only=True)
    yield c
    c.close()


def ratio_claims(con, text: str) -> list[dict]:
    return [c for c in check_text(con, text)["claims"] if "ratio" in (c.get("explanation") or "")
            or "ratio" in c.get("params", {})]


@pytest.mark.parametrize("text, kind, verdict", [
    # the systems table: 1.8e11 / 4e10 = 4.5
    ("With 180B parameters, Falcon 180B is 4.5 times larger than Falcon 40B.", "parameters", "supported"),
    ("Falcon 180B is about 4 times larger than Falcon 40B.", "parameters", "supported"),  # 4 +/- 15%
    ("Falcon 180B is about 3 times larger than Falcon 40B.", "parameters", "contradicted"),
    ("Falcon 180B is more than 4 times larger than Falcon 40B.", "parameters", "supported"),
    ("Falcon 180B has 4.5× the parameters of Falcon 40B.", "parameters", "supported"),
    # 3.76e24 / 2.4e23 = 15.7
    ("Falcon 180B needed roughly 16 times more training compute than Falcon 40B.", "training_compute", "supported"),
    ("Falcon 180B needed 30 times more compute than Falcon 40B.", "training_compute", "contradicted"),
    # the table's training-token notes: Falcon-180B 3.5e12, Falcon-40B 1e12 (and 1.5e12 in a second row)
    ("Falcon 180B was trained on 3.5 times more tokens than Falcon 40B.", "training_tokens", "supported"),
    ("Falcon 180B was trained on 5 times more tokens than Falcon 40B.", "training_tokens", "contradicted"),
])
def test_ratio_of_two_models(con, text: str, kind: str, verdict: str):
    got = [c for c in check_text(con, text)["claims"] if c["kind"] == kind and "/" in (c["explanation"] or "")]
    assert len(got) == 1, [(c["kind"], c["span"], c["explanation"]) for c in check_text(con, text)["claims"]]
    assert got[0]["verdict"] == verdict, got[0]["explanation"]
    assert "Falcon 40B" in got[0]["explanation"] and "Falcon 180B" in got[0]["explanation"]


def test_a_side_without_data_is_named(con):
    # the systems table has no Parameters value for GPT-4
    text = "Falcon 180B is 10 times smaller than GPT-4? No: GPT-4 is 10 times larger than Falcon 180B."
    got = [c for c in check_text(con, text)["claims"] if c["kind"] == "parameters"]
    # the answer states the ratio (the question before it may be read as one too: it is decided alike)
    [claim] = [c for c in got if "ratio" in (c["explanation"] or "") and c["sentence"].startswith("No:")]
    assert claim["verdict"] == "unverifiable"
    assert "GPT-4" in claim["explanation"] and "no source gives the parameter count" in claim["explanation"]
    assert all(c["verdict"] == "unverifiable" for c in got), [(c["span"], c["verdict"]) for c in got]


def test_a_ratio_names_no_second_claim(con):
    # the figure is the ratio, not a parameter count of either model
    got = check_text(con, "Falcon 180B is 4.5 times larger than Falcon 40B.")["claims"]
    assert [c["kind"] for c in got] == ["parameters"]
