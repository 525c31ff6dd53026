"""A family's bare first word in a text about a later generation ("Nimbus was trained on ..." where the subject, else
the topic, is "Nimbus 2 27B") is that generation's series, never the first generation's series of the same word
(`extract._specific_series`, `_generations_of`). End to end on a warehouse of invented models (no source holds these
names or figures)."""

from __future__ import annotations

from identity_helpers import PROV, load
from openpace.claims import check_text
from openpace.sources.base import ModelFact


def fact(name: str, **kw) -> ModelFact:
    return ModelFact(name=name, key=name, source="epoch_trends", **PROV, **kw)


ROWS = [fact("Nimbus 7B", parameters=7e9), fact("Nimbus 13B", parameters=13e9),
        fact("Nimbus 2 9B", parameters=9e9), fact("Nimbus 2 27B", parameters=27e9)]


def owners(con, text: str) -> list[str]:
    return [e["resolved"] for c in check_text(con, text)["claims"] if c["kind"] == "open_weights"
            for e in c["entities"] if e["type"] == "model"]


def test_the_bare_word_after_a_later_generation_is_that_generation(fresh_db):
    load(fresh_db, ROWS)
    [got] = owners(fresh_db, "# Nimbus 2 27B\n\nNimbus 2 27B is a small model.\n\nNimbus is released under the MIT "
                             "license.\n")
    assert got == "nimbus 2"  # the series of the text's generation


def test_the_bare_word_with_no_later_generation_named_is_the_first(fresh_db):
    load(fresh_db, ROWS)
    [got] = owners(fresh_db, "# Nimbus 13B\n\nNimbus 13B is a small model.\n\nNimbus is released under the MIT "
                             "license.\n")
    assert got == "nimbus"
