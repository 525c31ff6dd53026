"""A family named without a size or tier ("<Family> 2" before "<Family>-2-Large" and "<Family>-2-Mini"): a name that
has no value of its own is decided by the one model among those its name heads that has a value (its variants and
snapshots together); when several have one, it stays unverifiable. End to end on a warehouse of invented models (no
source holds these names or figures; each sentence is written for the test)."""

from __future__ import annotations

import pytest

from identity_helpers import PROV, load
from openpace.claims import check_text
from openpace.sources.base import ModelFact


def fact(source: str, name: str, **kw) -> ModelFact:
    return ModelFact(name=name, key=kw.pop("key", name), source=source, **PROV, **kw)


FLAGSHIP = [
    # the family's name is a model of its own in a catalogue, with no parameter count
    fact("litellm", "zephon-2", context_window=65536),
    # the flagship has a parameter count; the small model has none
    fact("epoch_trends", "Zephon 2 Large", parameters=398e9, parameters_active=94e9),
    fact("litellm", "zephon-2-mini", context_window=65536),
]
SEVERAL = [
    fact("litellm", "zephon-2", context_window=65536),
    fact("epoch_trends", "Zephon 2 Large", parameters=398e9),
    fact("epoch_trends", "Zephon 2 Mini", parameters=52e9),
    fact("epoch_trends", "Tessel-3-9B", parameters=9e9),  # (a fourth row: the two warehouses differ in size)
]


def params(con, text: str) -> list[tuple[str, str]]:
    return [(c["verdict"], c["explanation"]) for c in check_text(con, text)["claims"] if c["kind"] == "parameters"]


@pytest.fixture
def flagship(fresh_db):
    load(fresh_db, FLAGSHIP)
    return fresh_db


@pytest.fixture
def several(fresh_db):
    load(fresh_db, SEVERAL)
    return fresh_db


def test_the_one_model_with_a_value_decides(flagship):
    [(verdict, why)] = params(flagship, "Zephon 2 has 398 billion total parameters.")
    assert verdict == "supported" and "zephon-2-large" in why
    [(verdict, _)] = params(flagship, "Zephon 2 has 120 billion total parameters.")
    assert verdict == "contradicted"
    [(verdict, _)] = params(flagship, "Zephon 2 activates 94B parameters per token.")
    assert verdict == "supported"  # the active count is the flagship's too


def test_several_models_with_values_decide_nothing(several):
    [(verdict, why)] = params(several, "Zephon 2 has 398 billion total parameters.")
    assert verdict == "unverifiable" and "zephon-2-mini" in why


def test_a_model_with_its_own_value_keeps_it(several):
    [(verdict, _)] = params(several, "Zephon 2 Mini has 398 billion total parameters.")
    assert verdict == "contradicted"


def test_a_later_version_is_no_member_of_the_name(fresh_db):
    # "Zephon Large" has no count of its own; "Zephon Large 2" is a later version, another model: it decides nothing
    load(fresh_db, [fact("litellm", "zephon-large", context_window=32000),
                    fact("epoch_trends", "Zephon Large 2", parameters=398e9)])
    assert [v for v, _ in params(fresh_db, "Zephon Large has 13B parameters.")] == ["unverifiable"]
