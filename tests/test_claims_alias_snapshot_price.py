"""A moving alias's price at the text's date (`check --as-of`) when no catalogue lists the alias on that day: the
dated snapshots of its family released by then are what the alias can have pointed to. One such snapshot: the alias
stood for it, and its price (fixed at its release, `metrics.prices._current`) decides. Several: each may support the
claim, none contradicts it (the text may mean any of them). The same rule as a score's (`domain.variants`,
docs/identity.md "Dated snapshots are own models"). On a warehouse of invented models, hosts and figures (no
source holds these names), so each verdict follows from the rows loaded here."""

from __future__ import annotations

from datetime import date

import pytest

from claims_helpers import price_claim
from identity_helpers import PROV, load
from openpace.sources.base import ModelFact, Price

FIRST, SECOND = date(2029, 3, 2), date(2029, 6, 10)  # the two snapshots' release days
LATE = date(2029, 12, 1)  # the only map that lists the alias itself, after a price cut


def price(name: str, inp: float, out: float, observed: date) -> Price:
    return Price(model_name=name, provider="quillco", input_usd_per_mtok=inp, output_usd_per_mtok=out,
                 source="litellm", origin="test:constructed", observed=observed, license="test")


def model(name: str, released: date | None = None) -> ModelFact:
    return ModelFact(name=name, source="epoch_trends", organization="Quillco", open_weights=False,
                     release_date=released, **{k: v for k, v in PROV.items() if k != "source"})


ROWS = [
    model("quill-6", FIRST), model("quill-6-2029-03-02", FIRST), model("quill-6-2029-06-10", SECOND),
    price("quill-6", 1.0, 4.0, LATE),
    # each snapshot first listed months after its release, at the price fixed on its day
    price("quill-6-2029-03-02", 5.0, 15.0, date(2029, 9, 1)), price("quill-6-2029-03-02", 5.0, 15.0, LATE),
    price("quill-6-2029-06-10", 2.5, 10.0, date(2029, 9, 1)), price("quill-6-2029-06-10", 2.5, 10.0, LATE),
    # (filler rows: a warehouse of another module's row counts would share its cached queries, `warehouse_state`)
    model("tessel-4"), model("tessel-5"), model("tessel-6"), model("tessel-7"),
]


@pytest.fixture
def con(fresh_db):
    load(fresh_db, ROWS)
    return fresh_db


@pytest.mark.parametrize("text, verdict", [
    ("Quill 6 costs $5 per million input tokens.", "supported"),
    ("Quill 6 costs $15 per million output tokens.", "supported"),
    ("Quill 6 costs $7 per million input tokens.", "contradicted"),
])
def test_the_one_snapshot_released_by_the_day_prices_the_alias(con, text: str, verdict: str):
    c = price_claim(con, text, as_of=date(2029, 4, 1))
    assert c["verdict"] == verdict, c["explanation"]
    assert "quill-6-2029-03-02" in c["explanation"]


@pytest.mark.parametrize("text, verdict", [
    ("Quill 6 costs $2.50 per million input tokens.", "supported"),
    ("Quill 6 costs $5 per million input tokens.", "supported"),  # the alias may still have meant the first one
    ("Quill 6 costs $7 per million input tokens.", "unverifiable"),  # several snapshots: none contradicts
])
def test_several_snapshots_released_by_the_day_support_but_never_contradict(con, text: str, verdict: str):
    c = price_claim(con, text, as_of=date(2029, 7, 1))
    assert c["verdict"] == verdict, c["explanation"]


def test_a_written_snapshot_and_an_undated_day_are_read_as_before(con):
    c = price_claim(con, "Quill-6-2029-06-10 costs $2.50 per million input tokens.", as_of=date(2029, 7, 1))
    assert c["verdict"] == "supported", c["explanation"]
    c = price_claim(con, "Quill 6 costs $1 per million input tokens.")
    assert c["verdict"] == "supported", c["explanation"]  # no day: the alias's own latest price
