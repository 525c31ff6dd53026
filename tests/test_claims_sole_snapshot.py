"""A name whose only rows are one dated snapshot's ("<family>-N.M" written, rows only under
"<family>-N.M-<YYYY-MM-DD>"): when the family holds exactly one dated snapshot of the name's variant and setting
and the name itself has no row of what the claim states, the name stands for that snapshot (docs/identity.md,
"Dated snapshots are own models"; `domain.variants.sole_snapshot`). With several dated snapshots a score stays
unverifiable (the text may mean any). End to end on a warehouse of invented models, sources and figures (no
source holds these names; each sentence is written for the test)."""

from __future__ import annotations

import pytest

from identity_helpers import PROV, load
from openpace.claims import check_text
from openpace.sources.base import ModelFact, Price, Score


def score(name: str, value: float, key: str | None = None, bench: str = "Zorbench Hard") -> Score:
    return Score(source="epoch_benchmarks", model_name=name, model_key=key, benchmark=bench, score=value, **PROV)


def price(name: str) -> Price:
    # the undated name is a model of its own in a catalogue (a price row, no score)
    return Price(model_name=name, provider="quillco", input_usd_per_mtok=2.0, output_usd_per_mtok=8.0, source="litellm",
                 **PROV)


ONE = [
    price("quill-5.2"),
    # the benchmark source files its rows under the one dated snapshot's id
    score("Quill 5.2", 61.4, key="quill-5.2-2031-03-09"),
    ModelFact(name="quill-5.2-2031-03-09", source="models_dev", context_window=512000, **PROV),
]
SEVERAL = [
    price("quill-5.2"),
    score("quill-5.2-2031-03-09", 61.4),
    score("quill-5.2-2031-07-21", 58.0),
    score("Tessel 9", 40.0),  # (a filler row: the warehouses of this module differ in size, so none reads another's cache)
]
OWN = [
    price("quill-5.2"),
    score("quill-5.2-2031-03-09", 61.4),
    score("quill-5.2", 55.0),  # the undated name has its own row: it decides, the snapshot's is not read
    score("Tessel 9", 40.0), score("Tessel 10", 41.0),
]


def scores(con, text: str) -> list[tuple[str, str]]:
    return [(c["verdict"], c["explanation"]) for c in check_text(con, text)["claims"] if c["kind"] == "score"]


@pytest.fixture
def one(fresh_db):
    load(fresh_db, ONE)
    return fresh_db


@pytest.fixture
def several(fresh_db):
    load(fresh_db, SEVERAL)
    return fresh_db


@pytest.fixture
def own(fresh_db):
    load(fresh_db, OWN)
    return fresh_db


def test_the_one_dated_snapshot_decides_for_the_bare_name(one):
    [(verdict, why)] = scores(one, "Quill 5.2 scores 61.4% on Zorbench Hard.")
    assert verdict == "supported", why
    assert "quill-5.2-2031-03-09" in why
    [(verdict, why)] = scores(one, "Quill 5.2 scores 48.0% on Zorbench Hard.")
    assert verdict == "contradicted", why


def test_several_dated_snapshots_decide_no_score(several):
    for text in ("Quill 5.2 scores 61.4% on Zorbench Hard.", "Quill 5.2 scores 48.0% on Zorbench Hard."):
        [(verdict, why)] = scores(several, text)
        assert verdict == "unverifiable", why


def test_the_name_with_its_own_row_is_read_alone(own):
    [(verdict, why)] = scores(own, "Quill 5.2 scores 61.4% on Zorbench Hard.")
    assert verdict == "contradicted", why  # its own row says 55.0; the snapshot's 61.4 is another model's
    [(verdict, _)] = scores(own, "Quill 5.2 scores 55.0% on Zorbench Hard.")
    assert verdict == "supported"


def test_a_written_snapshot_stays_itself(several):
    [(verdict, why)] = scores(several, "Quill-5.2-2031-07-21 scores 58.0% on Zorbench Hard.")
    assert verdict == "supported", why
