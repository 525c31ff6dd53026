"""A size in a coordinated list after a series' name ("<series> with NB and MB parameters") is one member's size:
a size no member of the series has is unverifiable, never the named model's own count contradicted by it
(`attributes._in_size_list`, docs/claims.md, "Sizes and generations after a name"). A size alone still describes
the named model. End to end on a warehouse of invented models (no source holds these names or figures)."""

from __future__ import annotations

import pytest

from identity_helpers import PROV, load
from openpace.claims import check_text
from openpace.sources.base import ModelFact


def fact(name: str, **kw) -> ModelFact:
    return ModelFact(name=name, key=name, source="epoch_trends", **PROV, **kw)


ROWS = [
    # a series "Quorra-5" whose sized id is its 220B model; its small sibling carries another word, no size
    fact("Quorra-5", parameters=220e9),
    fact("Quorra-5 220B", parameters=220e9),
    fact("Quorra-5-Lite", parameters=16e9),
]


@pytest.fixture
def wh(fresh_db):
    load(fresh_db, ROWS)
    return fresh_db


def params(con, text: str) -> dict[str, str]:
    return {c["span"].split()[0]: c["verdict"] for c in check_text(con, text)["claims"] if c["kind"] == "parameters"}


@pytest.mark.parametrize("text", [
    "We open Quorra-5 in two sizes, with 16B and 220B parameters.",
    "We open Quorra-5 in two sizes, with 220B and 16B parameters.",
    "Quorra-5 ships at 16B, 220B parameters or both.",
])
def test_a_listed_size_no_member_has_is_no_contradiction_of_the_named_model(wh, text: str):
    got = params(wh, text)
    assert got.get("16B") == "unverifiable"
    assert got.get("220B") == "supported"


def test_a_size_alone_still_describes_the_named_model(wh):
    assert params(wh, "Quorra-5 has 16B parameters.") == {"16B": "contradicted"}


# a size and its parameter word right before a name describe that name ("the NB-parameter <Name>")
DESCRIBED = [fact("Quorra-5", parameters=220e9), fact("Vane-2", parameters=30e9)]


@pytest.fixture
def described(fresh_db):
    load(fresh_db, DESCRIBED)
    return fresh_db


@pytest.mark.parametrize("text, verdict", [
    ("Vane-2 came close to the much larger 220B parameter Quorra-5.", "supported"),
    ("Vane-2 came close to the much larger 220B-parameter Quorra-5 model.", "supported"),
    ("Vane-2 came close to the much larger 180B parameter Quorra-5.", "contradicted"),
])
def test_a_size_before_a_name_describes_that_name_not_the_subject(described, text: str, verdict: str):
    [claim] = [c for c in check_text(described, text)["claims"] if c["kind"] == "parameters"]
    assert claim["verdict"] == verdict
    assert "Quorra-5" in claim["explanation"] and "Vane-2" not in claim["explanation"]
