"""A closed verdict resting only on catalogue per-provider flags never contradicts open weights: models.dev's
`open_weights: false` is often the field left at its default (domain.priority, OPEN_WEIGHTS; `verify._catalogue_
flags_only`). A curated source's closed class still contradicts, and a catalogue flag still supports "closed". End to
end on a warehouse of invented models (no source holds these names)."""

from __future__ import annotations

import pytest

from identity_helpers import PROV, load
from openpace.claims import check_text
from openpace.sources.base import ModelFact


def fact(source: str, name: str, **kw) -> ModelFact:
    return ModelFact(name=name, key=name, source=source, **PROV, **kw)


ROWS = [
    fact("models_dev", "Plover 2", open_weights=False),  # a provider listing with the flag at false, nothing else
    fact("epoch_trends", "Tern 4", open_weights=False, accessibility="API access"),  # curated: closed
]


@pytest.fixture
def wh(fresh_db):
    load(fresh_db, ROWS)
    return fresh_db


def openness(con, text: str) -> list[str]:
    return [c["verdict"] for c in check_text(con, text)["claims"] if c["kind"] == "open_weights"]


def test_catalogue_flags_alone_never_contradict_open_weights(wh):
    assert openness(wh, "Plover 2 is an open-weight model.") == ["unverifiable"]


def test_a_curated_closed_class_still_contradicts_open_weights(wh):
    assert openness(wh, "Tern 4 is an open-weight model.") == ["contradicted"]


def test_catalogue_flags_still_support_closed_weights(wh):
    assert openness(wh, "Plover 2 is a proprietary model.") == ["supported"]


def test_a_name_that_also_names_a_series_is_then_the_series(fresh_db):
    # "Wren 2" is one catalogue listing flagged closed and the series of two sized models a curated source opens
    load(fresh_db, [fact("models_dev", "Wren 2", open_weights=False),
                    fact("epoch_trends", "Wren 2 9B", open_weights=True, accessibility="Open weights"),
                    fact("epoch_trends", "Wren 2 27B", open_weights=True, accessibility="Open weights")])
    [claim] = [c for c in check_text(fresh_db, "We recently open-sourced Wren 2, our newest family of models.")["claims"]
               if c["kind"] == "open_weights"]
    assert claim["verdict"] == "supported" and "every model of Wren 2" in claim["explanation"]
