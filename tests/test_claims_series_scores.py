"""A score claim about a series (a name several models share, `Mention.how == "series"`: a table column headed by a
family name) is never contradicted by one member's row: the text may mean another member, one no source scores
(docs/claims.md, "Evidence"). On a warehouse of invented models and figures (no source holds a 'Vessel' model), so
each verdict follows from the rows loaded here: three sizes, and one score, of the smallest size's instruct model."""

from __future__ import annotations

from datetime import date

import pytest

from identity_helpers import load
from openpace.claims import check_text
from openpace.sources.base import ModelFact, Score


def model(name: str) -> ModelFact:
    return ModelFact(name=name, key=name.lower().replace(" ", "-"), source="epoch_trends", organization="Vessel",
                     open_weights=True, release_date=date(2024, 7, 1), origin="test:constructed", observed=None,
                     license="test")


ROWS = [model("Vessel 5 8B"), model("Vessel 5 70B"), model("Vessel 5 405B"),
        Score(model_name="Vessel-5-8B-Instruct", benchmark="GSM8K", score=80.0, source="epoch_benchmarks",
              origin="test:constructed", observed=None, license="test")]


@pytest.fixture
def con(fresh_db):
    load(fresh_db, ROWS)
    return fresh_db


def score(con, text: str) -> dict:
    return next(c for c in check_text(con, text)["claims"] if c["kind"] == "score")


def table(header: str, value: str) -> str:
    return f"| Benchmark | {header} |\n|---|---|\n| GSM8K | {value} |\n"


def test_a_members_row_never_contradicts_a_claim_about_the_series(con):
    claim = score(con, table("Vessel 5", "60"))
    assert claim["entities"][0]["match"] == "series", claim["entities"]
    assert claim["verdict"] == "unverifiable" and "names a series" in claim["explanation"], claim["explanation"]
    assert "80" in claim["explanation"]  # the member's row is shown


def test_a_members_row_may_support_a_claim_about_the_series(con):
    assert score(con, table("Vessel 5", "80"))["verdict"] == "supported"


def test_the_member_named_is_still_contradicted(con):
    assert score(con, table("Vessel 5 8B Instruct", "60"))["verdict"] == "contradicted"
