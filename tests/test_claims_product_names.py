"""A series' word followed by a capitalised noun no source has ("<Series> Embeddings", "<Series> Moderation") names
another product, not the series: no figure of it is the series' (`extract.PRODUCT_AFTER_RE`). A variant word, a tier
that makes a known name, or "models" after the word keep the series. The names are invented (`Lexicon.from_names`,
`identity_helpers.load`); no figure here is a fact."""

from __future__ import annotations

import pytest

from identity_helpers import PROV, load
from openpace.claims import check_text
from openpace.sources.base import ModelFact


def fact(name: str, **kw) -> ModelFact:
    return ModelFact(name=name, key=name, source="epoch_trends", **PROV, **kw)


ROWS = [fact("Nimbus 7B", parameters=7e9, context_window=8000), fact("Nimbus 13B", parameters=13e9, context_window=8000)]


@pytest.fixture
def wh(fresh_db):
    load(fresh_db, ROWS)
    return fresh_db


def owners(con, text: str) -> list[list[str]]:
    return [[e["resolved"] for e in c["entities"] if e["type"] == "model"] for c in check_text(con, text)["claims"]
            if c["kind"] == "context_window"]


@pytest.mark.parametrize("text", ["Nimbus Embeddings handles 8K tokens of context.",
                                  "| Model | Context |\n|---|---|\n| Nimbus Moderation | 8k |\n"])
def test_a_product_named_after_the_series_is_not_the_series(wh, text: str):
    assert owners(wh, text) == [[]]


def test_the_series_itself_is_still_read(wh):
    [[key]] = owners(wh, "Nimbus handles 8K tokens of context.")
    assert key == "nimbus-13b, nimbus-7b"  # every model of the series
