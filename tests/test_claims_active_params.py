"""Active and total parameters of a mixture of experts: every phrasing of the parameters a token uses is an
active-parameter claim, checked against the active figures alone; a total stays a total. End to end on a warehouse
of invented models (no source holds these names or figures; each sentence is written for the test), and on the
fixture mirror (each verdict naming the file and row it rests on)."""

from __future__ import annotations

import pytest

from identity_helpers import PROV, load
from openpace.claims import check_text
from openpace.sources.base import ModelFact


def fact(source: str, name: str, **kw) -> ModelFact:
    return ModelFact(name=name, key=kw.pop("key", name), source=source, **PROV, **kw)


ROWS = [
    # a mixture of experts: 220B in all, 31B used per token
    fact("epoch_trends", "Quorra-5", parameters=220e9, parameters_active=31e9),
    # a dense model with no active figure of its own
    fact("epoch_trends", "Tessel-3-9B", parameters=9e9),
]


@pytest.fixture
def wh(fresh_db):
    load(fresh_db, ROWS)
    return fresh_db


def params(con, text: str) -> list[tuple[str, str, str]]:
    """(span, active or total, verdict) of each parameters claim."""
    out = []
    for c in check_text(con, text)["claims"]:
        if c["kind"] == "parameters":
            basis = "active" if "active parameter count" in c["explanation"] else "total"
            out.append((c["span"], basis, c["verdict"]))
    return out


@pytest.mark.parametrize("text", [
    "In Quorra-5, 31B parameters are active per token.",
    "Quorra-5 has 220B parameters, of which 31B are activated for each token.",
    "Quorra-5 has 220B total parameters, 31B of which are active on any input.",
    "Quorra-5 has 31 billion active parameters.",
    "Quorra-5 activates 31B parameters per token.",
    "Quorra-5 activates 31B parameters for every input.",
    "Quorra-5 only uses 31B parameters per token.",
    "Quorra-5 has 31B active (220B total) parameters.",
])
def test_an_active_figure_is_checked_against_the_active_count(wh, text: str):
    # the figure's one claim is active, supported by the active count (31B); never read against the total
    # (220B), nor as another kind ("for each token" is no token count)
    assert [(b, v) for s, b, v in params(wh, text) if s.startswith("31")] == [("active", "supported")]
    assert [c["kind"] for c in check_text(wh, text)["claims"] if c["span"].startswith("31")] == ["parameters"]


@pytest.mark.parametrize("text", [
    "In Quorra-5, 12B parameters are active per token.",
    "Quorra-5 activates 12B parameters per token.",
    "Quorra-5 has 12 billion active parameters.",
])
def test_a_wrong_active_figure_is_contradicted_by_the_active_count(wh, text: str):
    [(span, basis, verdict)] = params(wh, text)
    assert (basis, verdict) == ("active", "contradicted")


@pytest.mark.parametrize("text", [
    "Quorra-5 has 31B active parameters and 220B total.",
    "Quorra-5: 31B active, 220B total.",
    "Quorra-5 uses 31B active parameters out of 220B.",
    "Quorra-5 has 31B active (220B total) parameters.",
    "Quorra-5 activates 31B of its 220B parameters.",
    "Quorra-5 uses only 31B of its 220B parameters per token.",
    "Quorra-5 (31B active / 220B total) came out in May.",
])
def test_the_total_beside_an_active_figure_stays_a_total(wh, text: str):
    got = [(next(w for w in s.split() if w[0].isdigit()), b, v) for s, b, v in params(wh, text)]
    assert [(b, v) for s, b, v in got if s.startswith("220")] == [("total", "supported")]
    assert [(b, v) for s, b, v in got if s.startswith("31")] == [("active", "supported")]


def test_a_total_figure_is_never_read_as_active(wh):
    assert params(wh, "Quorra-5 has 220B parameters in total.") == [("220B parameters", "total", "supported")]
    assert params(wh, "Quorra-5 has 31B parameters.") == [("31B parameters", "total", "contradicted")]


def test_an_active_claim_without_an_active_figure_is_unverifiable(wh):
    # Tessel-3-9B has a total count only: its active count is no source's, never the total read as active
    [(span, basis, verdict)] = params(wh, "Tessel-3-9B activates 9B parameters per token.")
    assert (basis, verdict) == ("active", "unverifiable")


def test_an_active_column_is_the_active_count(wh):
    text = "| Model | Total params | Active params |\n|---|---|---|\n| Quorra-5 | 220B | 31B |\n"
    assert params(wh, text) == [("220B", "total", "supported"), ("31B", "active", "supported")]


def test_active_figures_on_the_fixture_mirror(con):
    # epoch/open-model-trends/all_ml_systems_2024-09-25.csv: Mixtral 8x7B Parameters 4.67e10, its Parameters notes
    # "12.9B params used on average"; DeepSeek-V2 notes "21B active params, 236B total"
    assert params(con, "In Mixtral 8x7B, 12.9 billion parameters are active per token.") == [
        ("12.9 billion parameters are active", "active", "supported")]
    got = params(con, "DeepSeek-V2 has 236B total parameters, of which 21B are activated for each token.")
    assert got == [("236B total parameters", "total", "supported"), ("21B are activated", "active", "supported")]
