"""A predecessor's figure: in "up from N", "from N to M", "compared with N for its predecessor", "doubling the N of
<older model>" the earlier figure belongs to the earlier model — the one named, else none (unverifiable) — never to the
sentence's subject. End to end on a warehouse of invented models (no source holds these names or figures; each
sentence is written for the test)."""

from __future__ import annotations

import pytest

from identity_helpers import PROV, load
from openpace.claims import check_text
from openpace.sources.base import ModelFact, Score


def fact(source: str, name: str, **kw) -> ModelFact:
    return ModelFact(name=name, key=kw.pop("key", name), source=source, **PROV, **kw)


ROWS = [
    # a successor and its predecessor: 12T training tokens against 3T; 33B parameters against 13B
    fact("epoch_trends", "Nimbra-3-20B", parameters=33e9, training_tokens=12e12),
    fact("epoch_trends", "Nimbra-2-20B", parameters=13e9, training_tokens=3e12),
    Score(source="epoch_benchmarks", model_name="Nimbra-3-20B", benchmark="Zorbench", score=71.0, **PROV),
    Score(source="epoch_benchmarks", model_name="Nimbra-2-20B", benchmark="Zorbench", score=60.0, **PROV),
]


@pytest.fixture
def wh(fresh_db):
    load(fresh_db, ROWS)
    return fresh_db


def claims(con, text: str) -> dict[str, dict]:
    """The claims of a text by the figure of their span (its first word holding a digit)."""
    return {w: c for c in check_text(con, text)["claims"]
            for w in [next((w for w in c["span"].split() if any(ch.isdigit() for ch in w)), None)] if w}


def model(claim: dict) -> str | None:
    return claim["entities"][0]["text"] if claim["entities"] else None


@pytest.mark.parametrize("text", [
    "Nimbra-3-20B was trained on 12T tokens, up from 3T tokens.",
    "Nimbra-3-20B was trained on 12T tokens, up from 3T.",
    "Nimbra-3-20B was trained on 12T tokens, a fourfold increase from 3T tokens.",
    "Acme grew the training set of Nimbra-3-20B from 3T tokens to 12T tokens.",
    "Acme grew the training set of Nimbra-3-20B from 3T to 12T tokens.",  # one range to the figure reader: a change
    "Nimbra-3-20B was trained on 12T tokens, compared with 3T tokens for its predecessor.",
    "Nimbra-3-20B was trained on 12T tokens, four times the 3T tokens of the previous generation.",
    "Nimbra-3-20B was trained on 12T tokens, four times its predecessor's 3T tokens.",
])
def test_the_earlier_figure_is_never_the_subjects(wh, text: str):
    got = claims(wh, text)
    assert got["12T"]["verdict"] == "supported"  # the subject's own figure
    earlier = got["3T"]
    # the predecessor is not named: the figure has no model, and Nimbra-3-20B's 12T never contradicts it
    assert earlier["verdict"] == "unverifiable"
    assert model(earlier) in (None, "")


@pytest.mark.parametrize("text", [
    "Nimbra-3-20B was trained on 12T tokens, up from 3T tokens for Nimbra-2-20B.",
    "Nimbra-3-20B was trained on 12T tokens, quadrupling the 3T tokens of Nimbra-2-20B.",
])
def test_a_named_predecessor_owns_the_earlier_figure(wh, text: str):
    got = claims(wh, text)
    assert (got["12T"]["verdict"], model(got["12T"])) == ("supported", "Nimbra-3-20B")
    assert (got["3T"]["verdict"], model(got["3T"])) == ("supported", "Nimbra-2-20B")


def test_a_score_up_from_an_earlier_one(wh):
    got = claims(wh, "Nimbra-3-20B scores 71% on Zorbench, up from 60%.")
    assert got["71%"]["verdict"] == "supported"
    assert got["60%"]["verdict"] == "unverifiable"  # the earlier version's score: not Nimbra-3-20B's


@pytest.mark.parametrize("text", ["Nimbra-3-20B was trained on between 10T and 14T tokens.",
                                  "Nimbra-3-20B was trained on from 10T to 14T tokens."])
def test_a_range_is_no_change(wh, text: str):
    # "from N to M" with no verb of change is a range, as before: the subject's own figure (supported here)
    got = check_text(wh, text)["claims"]
    assert [(c["kind"], c["verdict"]) for c in got] == [("training_tokens", "supported")]


def test_the_later_figure_of_a_change_is_the_subjects(wh):
    # the older model is named between: the earlier figure is its, the new one the subject's
    got = claims(wh, "Nimbra-3-20B quadruples the training set of Nimbra-2-20B, from 3T to 12T tokens.")
    assert (got["12T"]["verdict"], model(got["12T"])) == ("supported", "Nimbra-3-20B")
    assert got["3T"]["verdict"] != "contradicted"
