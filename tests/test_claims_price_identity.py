"""One model, several names (docs/claims.md): a closed model's name in either word order ("<vendor> <tier> N.N",
"<vendor> N.N <tier>") and a catalogue's display name for a dated first-party id are one identity, so the maker's
list price and cut-off are found; a lone reseller's price never contradicts a closed model's list price; a floating
"-latest" alias never stands for a versioned name. On a warehouse of invented models, hosts and figures (no source
holds these names: "Acme", "Resellr" and every figure here are made up), so each verdict follows from the rows
loaded here."""

from __future__ import annotations

from datetime import date

import pytest

from identity_helpers import load
from openpace.claims import check_text
from openpace.claims.resolve import Lexicon
from openpace.sources.base import ModelFact, Price

SEEN = date(2025, 3, 10)  # one invented catalogue snapshot


def fact(name: str, key: str, source: str = "models_dev", **kw) -> ModelFact:
    return ModelFact(name=name, key=key, source=source, organization="Acme", open_weights=False,
                     origin="test:constructed", observed=SEEN, license="test", **kw)


def price(name: str, host: str, inp: float, out: float, source: str = "litellm", key: str | None = None) -> Price:
    return Price(model_name=name, provider=host, input_usd_per_mtok=inp, output_usd_per_mtok=out, source=source,
                 model_key=key, origin="test:constructed", observed=SEEN, license="test")


ROWS = [
    # invented: the maker's dated id in the older word order, shown under a display name in the newer order (as
    # models.dev does: a display-name row and an id row of one entry; only the id row states the cut-off)
    fact("Acme Swift 3.5", "acme/acme-3-5-swift-20240620"),
    fact("acme-3-5-swift-20240620", "acme/acme-3-5-swift-20240620", knowledge_cutoff="2024-04"),
    price("acme-3-5-swift-20240620", "acme", 3.0, 15.0, source="models_dev", key="acme/acme-3-5-swift-20240620"),
    price("acme-3-5-swift-20240620", "acme", 3.0, 15.0),  # LiteLLM's dated first-party id
    # a reseller spelling the newer order, below the list price (invented)
    fact("Acme Swift 3.5", "resellr/acme/acme-swift-3.5"),
    price("acme/acme-swift-3.5", "resellr", 2.55, 12.75, source="models_dev", key="resellr/acme/acme-swift-3.5"),
    # invented: a closed model only a reseller prices
    fact("Acme Grand 2", "resellr/acme/acme-grand-2"),
    price("acme/acme-grand-2", "resellr", 1.7, 8.5, source="models_dev", key="resellr/acme/acme-grand-2"),
    # invented: a versioned name a catalogue also shows for its floating alias, which now points at a later
    # release priced otherwise; the versioned id is priced by its maker too
    fact("Acme Bolt 4", "acme/acme-bolt-latest"),
    price("acme-bolt-latest", "acme", 5.0, 20.0, source="models_dev", key="acme/acme-bolt-latest"),
    price("acme-bolt-4", "acme", 2.0, 6.0),
    # invented: a versioned name whose only first-party price is a floating alias's
    fact("Acme Dart 2", "acme/acme-dart-latest"),
    price("acme-dart-latest", "acme", 1.0, 4.0, source="models_dev", key="acme/acme-dart-latest"),
]


@pytest.fixture
def con(fresh_db):
    load(fresh_db, ROWS)
    return fresh_db


def claim(con, text: str, kind: str = "price") -> dict:
    [c] = [c for c in check_text(con, text)["claims"] if c["kind"] == kind]
    return c


@pytest.mark.parametrize("name", ["Acme Swift 3.5", "Acme 3.5 Swift"])
def test_either_word_order_finds_the_makers_dated_price(con, name):
    c = claim(con, f"{name} costs $3 per million input tokens.")
    assert c["verdict"] == "supported", c["explanation"]
    assert "first-party provider acme" in c["explanation"]
    assert {e["provider"] for e in c["evidence"]} == {"acme"}


def test_the_makers_price_decides_against_the_resellers(con):
    # the reseller's 2.55 matches, but the list price is the maker's 3
    c = claim(con, "Acme Swift 3.5 costs $2.55 per million input tokens.")
    assert c["verdict"] == "contradicted", c["explanation"]
    assert "first-party provider acme" in c["explanation"]


def test_a_lone_reseller_never_contradicts_a_closed_models_price(con):
    c = claim(con, "Acme Grand 2 costs $2 per million input tokens.")
    assert c["verdict"] == "unverifiable"
    assert "no first-party price was found" in c["explanation"]
    # a host's price that matches still supports it (a range of prices)
    assert claim(con, "Acme Grand 2 costs $1.70 per million input tokens.")["verdict"] == "supported"


def test_a_versioned_name_is_not_priced_by_its_floating_alias(con):
    c = claim(con, "Acme Bolt 4 costs $2 per million input tokens.")
    assert c["verdict"] == "supported", c["explanation"]
    assert {e["model"] for e in c["evidence"]} == {"acme-bolt-4"}
    c = claim(con, "Acme Bolt 4 costs $5 per million input tokens.")
    assert c["verdict"] == "contradicted", c["explanation"]
    assert "acme-bolt-latest" not in c["explanation"]


def test_a_floating_alias_may_support_a_versioned_name_but_never_contradict_it(con):
    c = claim(con, "Acme Dart 2 costs $1 per million input tokens.")
    assert c["verdict"] == "supported", c["explanation"]
    assert "floating alias" in c["explanation"]
    assert claim(con, "Acme Dart 2 costs $3 per million input tokens.")["verdict"] != "contradicted"


@pytest.mark.parametrize("name", ["Acme Swift 3.5", "Acme 3.5 Swift"])
def test_the_cutoff_of_either_word_order_is_the_dated_ids(con, name):
    c = claim(con, f"{name} has a knowledge cut-off of April 2024.", kind="knowledge_cutoff")
    assert c["verdict"] == "supported", c["explanation"]
    c = claim(con, f"{name} has a knowledge cut-off of March 2023.", kind="knowledge_cutoff")
    assert c["verdict"] == "contradicted", c["explanation"]


def test_kin_keeps_words_and_versions_and_sets_floating_aliases_apart():
    lex = Lexicon.from_names([
        ("models_dev", "Acme Swift 3.5", "acme/acme-3-5-swift-20240620"),
        ("models_dev", "Acme Swift 3.5", "other/acme-swift-3.5-latest"),
        ("models_dev", "Acme Swift 3.5", "other/acme-3-5-swift-vision"),  # another product under the same label
        ("litellm", "acme-3-5-swift-20240620", None),
        ("litellm", "acme-swift-3", None),  # another version
        ("litellm", "acme-3.5-swift", None),
    ])
    fixed, moving = lex.kin("acme swift 3.5")
    assert fixed == ["acme 3.5 swift", "acme 3.5 swift 2024-06-20"]
    assert moving == ["acme swift 3.5 latest"]
    assert lex.kin("acme swift 3") == ([], [])


def test_a_fixed_id_goes_before_a_floating_alias_when_the_text_names_the_provider(con):
    c = claim(con, "On Acme, Acme Bolt 4 costs $5 per million input tokens.")
    assert c["verdict"] == "contradicted", c["explanation"]
    assert "acme-bolt-latest" not in c["explanation"]


def test_a_fixed_ids_rows_go_before_a_floating_aliass_in_every_price_path():
    # verify_market.fixed_first: the rows a provider-named price is decided on (source, model name, ...)
    from openpace.claims.resolve import Mention
    from openpace.claims.verify_market import fixed_first

    bolt = Mention("model", 0, 11, "Acme Bolt 4", "acme bolt 4", [])
    rows = [("models_dev", "acme-bolt-latest"), ("litellm", "acme-bolt-4")]
    assert fixed_first(bolt, rows) == [("litellm", "acme-bolt-4")]
    only_alias = [("models_dev", "acme-bolt-latest")]
    assert fixed_first(bolt, only_alias) == only_alias  # left to support only
    latest = Mention("model", 0, 16, "Acme Bolt latest", "acme bolt latest", [])
    assert fixed_first(latest, rows) == rows  # the name written is the alias itself
