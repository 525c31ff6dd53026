"""Claims about openpace's own metrics (lag, open/closed price ratio, cheapest at a score) are checked
by the metric functions the report calls. The sentences are written for the test; every figure in them
is derived from that metric's result on the fixture mirror's warehouse (tests/fixtures/mirror: Epoch's
benchmark files and the price catalogues it holds), so each test fails when the checker reads another
number, another benchmark or another date than the metric does."""

from __future__ import annotations

import math
from datetime import date


from openpace.claims import check_text
from openpace.metrics.parity_data import parity_for
from openpace.metrics.prices import price_performance


def one(con, text: str, kind: str, as_of: date | None = None) -> dict:
    got = [c for c in check_text(con, text, as_of=as_of)["claims"] if c["kind"] == kind]
    assert len(got) == 1, [(c["kind"], c["span"]) for c in check_text(con, text)["claims"]]
    return got[0]


def test_lag_on_a_named_benchmark_is_the_parity_metric(con):
    result = parity_for(con, "MMLU").to_json()
    assert result["status"] == "ok"
    lag, (lo, hi) = result["headline"]["lag_months"], result["headline"]["ci90"]
    inside = round((lo + hi) / 2)
    claim = one(con, f"On MMLU, open-weight models trail closed ones by {inside} months.", "lag")
    assert claim["verdict"] == "supported" and claim["found"] == lag
    outside = math.ceil(hi) + 6
    claim = one(con, f"On MMLU, open-weight models trail closed ones by {outside} months.", "lag")
    assert claim["verdict"] == "contradicted"
    assert f"{lo:g}" in claim["explanation"] and f"{hi:g}" in claim["explanation"]


def test_lag_at_the_texts_date(con):
    latest = parity_for(con, "MMLU").to_json()
    earlier = date.fromisoformat(latest["as_of"]).replace(day=1)
    earlier = earlier.replace(year=earlier.year - 1)
    then = parity_for(con, "MMLU", as_of=earlier).to_json()
    claim = one(con, "Open models lag behind closed models by 3 months on MMLU.", "lag", as_of=earlier)
    assert claim["evidence"][0]["date"] == then["as_of"] == earlier.isoformat()


def test_price_ratio_is_the_price_curves_median(con):
    head = price_performance(con, "MMLU").curve.headline()
    (q1, q3) = head["quartiles"]
    within = round((q1 + q3) / 2, 1)
    claim = one(con, f"Open models are {within} times cheaper than closed models on MMLU.", "market_price_ratio")
    assert claim["verdict"] == "supported" and claim["found"] == head["median_ratio"]
    # the same comparison written from the closed side
    claim = one(con, f"Closed models are {within} times more expensive than open ones on MMLU.", "market_price_ratio")
    assert claim["verdict"] == "supported"
    far = math.ceil(q3 * 10)
    claim = one(con, f"Open models are {far} times cheaper than closed models on MMLU.", "market_price_ratio")
    assert claim["verdict"] == "contradicted"


def test_cheapest_model_at_a_score(con):
    perf = price_performance(con, "MMLU", min_score=70)
    cheapest = perf.cheapest_open
    assert cheapest is not None
    price = cheapest["blended_usd_per_mtok"]
    claim = one(con, f"The cheapest open model above 70 on MMLU costs ${price:.2f} per million tokens.",
                "cheapest_at_score")
    assert claim["verdict"] == "supported"
    assert claim["evidence"][0]["model"] == cheapest["model"]
    claim = one(con, f"The cheapest open model above 70 on MMLU costs ${price * 3:.2f} per million tokens.",
                "cheapest_at_score")
    assert claim["verdict"] == "contradicted"


def test_months_without_an_open_closed_comparison_are_no_lag(con):
    got = check_text(con, "The team spent 4 months on the data pipeline, trailing its plan.")["claims"]
    assert all(c["kind"] != "lag" for c in got)


def test_a_lag_takes_the_benchmark_of_its_own_clause_only(con):
    # GPQA is named in another clause (the leading side's score): the lag is the capability index's
    text = ("Closed systems lead on science questions (GPQA: 61% vs 55%), but open models now trail closed ones "
            "by 4 months.")
    claim = one(con, text, "lag")
    assert [e["resolved"] for e in claim["entities"]] == ["capability"]
    claim = one(con, "Open models trail closed ones by 4 months on MMLU.", "lag")
    assert [e["resolved"] for e in claim["entities"]] == ["mmlu"]


def test_a_lag_of_an_earlier_undated_time_is_unverifiable(con):
    text = "The 18-month lag that once separated open from closed models has shrunk to 4 months on MMLU."
    got = {c["span"]: c for c in check_text(con, text)["claims"] if c["kind"] == "lag"}
    past = next(c for span, c in got.items() if span.startswith("18"))
    now = next(c for span, c in got.items() if span.startswith("4"))
    assert past["verdict"] == "unverifiable" and "earlier time" in past["explanation"]
    assert now["verdict"] in ("supported", "contradicted")
