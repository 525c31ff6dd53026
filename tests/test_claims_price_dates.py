"""Which price observation a claim is read at when no catalogue lists the model on the claim's day
(docs/claims.md, "Source priority": prices): a model gone from every catalogue's latest snapshot is read at
each catalogue's last observation of it (no day), a launch-day price at the first observation after the day
when it comes within `PRICE_NEAREST_DAYS`, and any other observation near the day can support but never
contradict. On a warehouse of invented models, hosts and figures (no source holds these names), so each
verdict follows from the rows loaded here."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from claims_helpers import price_claim
from identity_helpers import load
from openpace.domain.tolerances import PRICE_NEAREST_DAYS
from openpace.metrics.prices import prices_at
from openpace.sources.base import ModelFact, Price

JAN, MAR, JUN = date(2025, 1, 10), date(2025, 3, 10), date(2025, 6, 10)  # three LiteLLM-like snapshots
LAUNCH = JUN - timedelta(days=5)  # Quill 3 is released five days before the map that first lists it


def price(name: str, host: str, inp: float, out: float, observed: date, source: str = "litellm") -> Price:
    return Price(model_name=name, provider=host, input_usd_per_mtok=inp, output_usd_per_mtok=out, source=source,
                 origin="test:constructed", observed=observed, license="test")


def model(name: str, released: date) -> ModelFact:
    return ModelFact(name=name, key=name.lower().replace(" ", "-"), source="epoch_trends", organization="Quill",
                     open_weights=False, release_date=released, origin="test:constructed", observed=None,
                     license="test")


ROWS = [
    model("Quill 2", date(2024, 6, 1)), model("Quill 3", LAUNCH), model("Quill 4", date(2025, 1, 20)),
    # Quill 2: listed by its maker in January and March at 4 / 12, gone from the June map (retired)
    price("quill-2", "quill", 4.0, 12.0, JAN), price("quill-2", "quill", 4.0, 12.0, MAR),
    price("quill-2", "hostz", 3.0, 9.0, JAN),  # a host that stopped listing it earlier
    # Quill 3: first listed in June at 2 / 8
    price("quill-3", "quill", 2.0, 8.0, JUN),
    # Quill 4: released in January, first listed in June at 1 / 2
    price("quill-4", "quill", 1.0, 2.0, JUN),
]


@pytest.fixture
def con(fresh_db):
    load(fresh_db, ROWS)
    return fresh_db


def mid(con, name: str) -> str:
    return con.execute("SELECT model_id FROM model_aliases WHERE alias = ?", [name]).fetchone()[0]



def test_nothing_in_force_is_still_nothing_without_nearest(con):
    assert prices_at(con, mid(con, "quill-2")) == []  # the latest maps do not list it
    assert prices_at(con, mid(con, "quill-3"), on=LAUNCH) == []  # no map listed it by its launch


def test_no_day_reads_each_catalogues_last_observation_of_a_model_gone_from_the_latest(con):
    found = prices_at(con, mid(con, "quill-2"), nearest=True)
    assert sorted((p.provider, p.observed, p.date_basis, p.input_usd_per_mtok) for p in found) == [
        ("hostz", JAN, "last_seen", 3.0), ("quill", MAR, "last_seen", 4.0)]


def test_a_launch_day_reads_the_first_observation_after_it(con):
    [p] = prices_at(con, mid(con, "quill-3"), on=LAUNCH, nearest=True)
    assert (p.observed, p.date_basis) == (JUN, "first_after")
    # too long before the first observation: the nearest one is only a hint (it may support, never contradict)
    early = JUN - timedelta(days=PRICE_NEAREST_DAYS + 1)
    [p] = prices_at(con, mid(con, "quill-4"), on=early, nearest=True)
    assert p.date_basis == "nearest"
    # before the model's release nothing after the day is read: it had no price yet
    assert prices_at(con, mid(con, "quill-3"), on=LAUNCH - timedelta(days=1), nearest=True) == []


def test_a_day_after_the_model_was_delisted_reads_its_last_observation_as_a_hint(con):
    found = prices_at(con, mid(con, "quill-2"), on=date(2025, 8, 1), nearest=True)
    assert {(p.provider, p.observed, p.date_basis) for p in found} == {("quill", MAR, "nearest"),
                                                                       ("hostz", JAN, "nearest")}


@pytest.mark.parametrize("text, verdict", [
    ("Quill 2 costs $4 per million input tokens.", "supported"),
    ("Quill 2 costs $12 per million output tokens.", "supported"),
    ("Quill 2 costs $5 per million input tokens.", "contradicted"),
    ("Quill 2 costs $3 per million input tokens.", "contradicted"),  # a closed model: its maker's price, not hostz's
])
def test_an_undated_claim_about_a_retired_model(con, text: str, verdict: str):
    c = price_claim(con, text)
    assert c["verdict"] == verdict, c["explanation"]
    assert "no longer listed" in c["explanation"] and MAR.isoformat() in c["explanation"]


@pytest.mark.parametrize("text, verdict", [
    ("Quill 3 costs $2 per million input tokens.", "supported"),
    ("Quill 3 costs $8 per million output tokens.", "supported"),
    ("Quill 3 costs $3 per million input tokens.", "contradicted"),
])
def test_a_launch_post_is_decided_by_the_first_observation_after_its_day(con, text: str, verdict: str):
    c = price_claim(con, text, as_of=LAUNCH)
    assert c["verdict"] == verdict, c["explanation"]
    assert "first observation after" in c["explanation"] and JUN.isoformat() in c["explanation"]


@pytest.mark.parametrize("text, as_of, verdict", [
    ("Quill 2 costs $4 per million input tokens.", date(2025, 8, 1), "supported"),
    ("Quill 2 costs $5 per million input tokens.", date(2025, 8, 1), "unverifiable"),  # a hint never contradicts
    ("Quill 4 costs $1 per million input tokens.", date(2025, 2, 1), "supported"),
    ("Quill 4 costs $3 per million input tokens.", date(2025, 2, 1), "unverifiable"),
])
def test_an_observation_far_from_the_day_supports_but_never_contradicts(con, text: str, as_of: date, verdict: str):
    c = price_claim(con, text, as_of=as_of)
    assert c["verdict"] == verdict, c["explanation"]
    assert "nearest observation" in c["explanation"]


def test_a_price_before_the_models_release_is_not_read_from_later_observations(con):
    c = price_claim(con, "Quill 3 costs $2 per million input tokens.", as_of=date(2025, 1, 1))
    assert c["verdict"] == "unverifiable" and "nearest" not in c["explanation"], c["explanation"]


def test_a_model_listed_on_the_day_is_read_as_before(con):
    c = price_claim(con, "Quill 2 costs $4 per million input tokens.", as_of=date(2025, 2, 1))
    assert c["verdict"] == "supported"
    assert "nearest" not in c["explanation"] and "no longer listed" not in c["explanation"]
