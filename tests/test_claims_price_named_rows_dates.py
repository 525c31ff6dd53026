"""A price at a named host read from the rows of the name as written (docs/claims.md, "Source priority":
prices), the path a name takes when its own canonical model has no price but rows it is spelled in do (a base
model's name in a source that files its instruct model under it): at the text's date only what was seen by
then, or within `PRICE_NEAREST_DAYS` after it, decides; a host seen only later gives a hint that may support
the claim but never contradict it. Before, that path read every host's latest row whatever the text's date.

On a warehouse of invented models, hosts and figures (no source holds these names), so each verdict follows
from the rows loaded here: one benchmark row files the instruct model's key under the base model's name, so
the base name's rows are the instruct model's prices."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from claims_helpers import price_claim
from identity_helpers import load
from openpace.domain.tolerances import PRICE_NEAREST_DAYS
from openpace.sources.base import ModelFact, Price, Score

EARLY, LATE = date(2025, 3, 1), date(2026, 6, 1)  # two LiteLLM-like snapshots
TEXT_DAY = date(2025, 6, 30)


def price(name: str, host: str, inp: float, out: float, observed: date) -> Price:
    return Price(model_name=name, provider=host, input_usd_per_mtok=inp, output_usd_per_mtok=out, source="litellm",
                 origin="test:constructed", observed=observed, license="test")


ROWS = [
    ModelFact(name="Vessel 5 40B", key="vessel-5-40b", source="epoch_trends", organization="Vessel",
              open_weights=True, release_date=date(2024, 9, 1), origin="test:constructed", observed=None,
              license="test"),
    Score(model_name="Vessel 5 40B", model_key="vessel-5-40b-instruct", benchmark="MMLU", score=70.0,
          source="epoch_benchmarks", origin="test:constructed", observed=None, license="test"),
    price("hostq/Vessel-5-40B-Instruct", "hostq", 1.5, 1.5, LATE),  # hostq: seen only long after the text
    price("hostr/Vessel-5-40B-Instruct", "hostr", 0.2, 0.6, EARLY),  # hostr: seen before the text, later cheaper
    price("hostr/Vessel-5-40B-Instruct", "hostr", 0.1, 0.3, LATE),
]


@pytest.fixture
def con(fresh_db):
    load(fresh_db, ROWS)
    return fresh_db



def test_the_path_reads_the_rows_of_the_name_as_written(con):
    c = price_claim(con, "Vessel 5 40B costs $1.50 per million input tokens via Hostq.", None)
    assert c["verdict"] == "supported" and "hostq/Vessel-5-40B-Instruct" in c["explanation"], c["explanation"]


@pytest.mark.parametrize("text, verdict", [
    ("Vessel 5 40B costs $0.40 per million input tokens via Hostq.", "unverifiable"),  # a later price never contradicts
    ("Vessel 5 40B costs $1.50 per million input tokens via Hostq.", "supported"),  # it may support
])
def test_a_host_seen_only_later_than_the_text_gives_a_hint(con, text: str, verdict: str):
    c = price_claim(con, text, TEXT_DAY)
    assert c["verdict"] == verdict, c["explanation"]
    assert LATE.isoformat() in c["explanation"] and "first observation after" in c["explanation"]


@pytest.mark.parametrize("text, verdict", [
    ("Vessel 5 40B costs $0.20 per million input tokens via Hostr.", "supported"),  # the price seen by then
    ("Vessel 5 40B costs $0.10 per million input tokens via Hostr.", "contradicted"),  # the later cut is not read back
])
def test_at_the_texts_date_the_price_seen_by_then_decides(con, text: str, verdict: str):
    c = price_claim(con, text, TEXT_DAY)
    assert c["verdict"] == verdict, c["explanation"]
    assert EARLY.isoformat() in c["explanation"]


def test_without_a_date_the_latest_observation_decides_as_before(con):
    c = price_claim(con, "Vessel 5 40B costs $0.10 per million input tokens via Hostr.", None)
    assert c["verdict"] == "supported" and LATE.isoformat() in c["explanation"], c["explanation"]


def test_an_observation_within_the_nearest_window_after_the_day_decides(con):
    c = price_claim(con, "Vessel 5 40B costs $0.40 per million input tokens via Hostq.",
              LATE - timedelta(days=PRICE_NEAREST_DAYS))
    assert c["verdict"] == "contradicted", c["explanation"]
