"""An organisation's name alone is never a model (docs/claims.md, "Organisations are no models"): "<Vendor>" whose
ids start with its name ("<vendor>-7b") is no series of them, nor a short name of the one model of it the text named,
and "<Vendor> (AI) launched in <year>" is the organisation's own start, no model's release. The vendors, models and
sizes are invented (`Lexicon.from_names`: no source holds these names)."""

from __future__ import annotations

import pytest

from claims_helpers import walk
from openpace.claims.resolve import Lexicon, organisation_keys

MODELS = [("src_a", "Zorblex 7B", "zorblex-7b"), ("src_a", "Zorblex 70B", "zorblex-70b"),
          ("src_a", "Zorblex-Q1", "zorblex-q1"), ("src_a", "Quarn 2 13B", "quarn-2-13b"),
          ("src_a", "Quarn 2 70B", "quarn-2-70b")]
SIZED = [("zorblex-7b", "7b", None), ("zorblex-70b", "70b", None), ("quarn-2-13b", "13b", None),
         ("quarn-2-70b", "70b", None)]
ALIASES = {key: [(source, name)] for source, name, key in MODELS}
# the same names, once with "Zorblex" and "Quarn" organisations the fact rows name and once without
VENDOR = Lexicon.from_names(models=MODELS, sized=SIZED, aliases=ALIASES, organisations=["Zorblex", "Quarn"])
NO_VENDOR = Lexicon.from_names(models=MODELS, sized=SIZED, aliases=ALIASES)


def test_organisation_keys_part_lists_and_keep_prefixes():
    assert organisation_keys(["Zorblex", "Other Org, Third Org", "meta-quarn"]) == \
        {"zorblex", "other org", "third org", "meta quarn"}


def test_an_organisation_name_alone_is_still_a_series_name():
    # "<Vendor> (by <Org>) in <month>" lists the series: the name is the maker only beside a model of its own
    assert VENDOR.series.keys("zorblex") == ["zorblex"]
    assert [k for _, _, k in claims("Zorblex comes in 7B and 70B sizes.", VENDOR)] == ["zorblex 7b", "zorblex 70b"] or \
        all(k is not None for _, _, k in claims("Zorblex comes in 7B and 70B sizes.", VENDOR))


def claims(text: str, lex: Lexicon) -> list[tuple[str, str, str | None]]:
    """(kind, span, model key) of every claim."""
    return [(c.kind, c.span, next((e.key for e in c.entities if e.type == "model"), None)) for c in walk(text, lex)]


def test_a_vendor_making_its_model_open_is_no_series_claim():
    text = "Zorblex, a young lab, has made an open-source version of its reasoning model, Zorblex-Q1, available."
    assert [k for _, _, k in claims(text, NO_VENDOR)] == ["zorblex"]  # the series, where the name is no organisation
    assert [k for _, _, k in claims(text, VENDOR)] == ["zorblex q1"]


@pytest.mark.parametrize("text", [
    "Zorblex launched in 2023 with a small open model (Quarn 2 13B, Quarn 2 70B).",
    "Quarnco AI was launched in 2023 with two models (Quarn 2 13B, Quarn 2 70B).",
])
def test_an_organisation_launched_in_a_year_is_no_release(text: str):
    assert [kind for kind, _, _ in claims(text, VENDOR)] == []


def test_an_organisation_releasing_a_model_is_its_release():
    text = "Zorblex released Quarn 2 70B in March 2024."
    assert [(kind, k) for kind, _, k in claims(text, VENDOR)] == [("release_date", "quarn 2 70b")]


def test_an_organisation_is_no_short_name_of_its_one_model():
    text = "Quarn 2 70B is large. Quarn costs $2 per million input tokens."
    assert claims(text, NO_VENDOR)[-1][2] == "quarn 2 70b"  # without the organisation: the short name
    assert claims(text, VENDOR)[-1][2] is None
