"""A context window is the model's: decided by its own and its maker's rows, never by one third-party host's
serving cap (docs/claims.md, "Context windows and hosts"). End to end on a warehouse of invented models, labs and
hosts (no source holds these names or figures), so each verdict follows from the rows loaded here."""

from __future__ import annotations

import pytest

from identity_helpers import PROV, load
from openpace.claims import check_text
from openpace.domain.providers import HOST_CORROBORATION, serving_role
from openpace.sources.base import ModelFact, Price, raw_json


def fact(source: str, name: str, **kw) -> ModelFact:
    return ModelFact(name=name, key=kw.pop("key", name), source=source, **PROV, **kw)


def served(host: str, model: str, context: int) -> ModelFact:
    """A LiteLLM entry: the host is named in the entry (`litellm_provider`), not in the key."""
    return fact("litellm", f"{host}/{model}", context_window=context, raw=raw_json({"litellm_provider": host}))


def priced(source: str, name: str, host: str) -> Price:
    """The same catalogue entry's price row (a host is a provider the catalogues price; invented figures)."""
    return Price(model_name=name, provider=host, input_usd_per_mtok=1.0, output_usd_per_mtok=2.0, source=source,
                 **PROV)


ROWS = [
    # Finch 3: its lab's own record says 65,536; one host serves it capped at 8,192
    fact("models_dev", "Finch 3", key="finchlab/finch-3", organization="finchlab", context_window=65536),
    served("hosta", "finch-3", 8192),
    # Gull 2: its lab (named by a model-level source that gives no context window) has no record of the window;
    # two hosts serve 32,768, a third caps it at 8,192
    fact("epoch_trends", "Gull 2", organization="Gull Lab", parameters=7e9),
    served("hosta", "gull-2", 32768),
    fact("models_dev", "gull-2", key="hostb/gull-2", context_window=32768),
    fact("models_dev", "gull-2", key="hostc/gull-2", context_window=8192),
    # Tern 1: one host only (its lab named by a model-level source)
    fact("epoch_trends", "Tern 1", organization="Tern Lab", parameters=3e9),
    fact("models_dev", "tern-1", key="hostc/tern-1", context_window=16384),
    # Wren 5: no source names its lab; its only rows are entries of a host its own name opens with
    # ("wrenco/wrenco-5": the maker's own API, `<maker>/<maker>-<model>`), and one third-party host's cap
    served("wrenco", "wrenco-5", 65536), priced("litellm", "wrenco/wrenco-5", "wrenco"),
    fact("genai_prices", "wrenco-5", key="wrencoai/wrenco-5", context_window=65536),
    priced("genai_prices", "wrenco-5", "wrencoai"),
    served("hostc", "wrenco-5", 8192), priced("litellm", "hostc/wrenco-5", "hostc"),
]


@pytest.fixture
def con(fresh_db):
    load(fresh_db, ROWS)
    return fresh_db


def window(con, text: str) -> dict:
    [claim] = [c for c in check_text(con, text)["claims"] if c["kind"] == "context_window"]
    return claim


@pytest.mark.parametrize("text, verdict", [
    ("Finch 3 has a 64K context window.", "supported"),
    ("Finch 3 has an 8K context window.", "contradicted"),  # the host's cap does not support it
])
def test_the_makers_record_decides_and_a_hosts_cap_does_not(con, text: str, verdict: str):
    claim = window(con, text)
    assert claim["verdict"] == verdict, claim["explanation"]
    assert "Third-party hosts' serving caps (8,192)" in claim["explanation"]
    roles = {(e["source"], e["value"]): e["role"] for e in claim["evidence"]}
    assert roles == {("models_dev", 65536): "first party", ("litellm", 8192): "host"}


@pytest.mark.parametrize("text, verdict", [
    ("Gull 2 has a 32K context window.", "supported"),  # two of its three hosts serve it
    ("Gull 2 has an 8K context window.", "unverifiable"),  # one host's cap: never a verdict on its own
    ("Gull 2 has a 128K context window.", "unverifiable"),  # hosts serve less than a model may have: no contradiction
    ("Tern 1 has a 16K context window.", "unverifiable"),  # its only host
    ("Tern 1 has a 64K context window.", "unverifiable"),
])
def test_hosts_alone_support_only_together_and_never_contradict(con, text: str, verdict: str):
    claim = window(con, text)
    assert claim["verdict"] == verdict, claim["explanation"]
    assert "third-party hosts" in claim["explanation"]
    assert claim["evidence"] and all(e["role"] == "host" for e in claim["evidence"])


@pytest.mark.parametrize("source, hosts, lab, role", [
    ("epoch_trends", (), {"finchlab"}, "model"),
    ("models_dev", ("finchlab",), {"finchlab"}, "first party"),
    ("litellm", ("finchlab_platform",), {"finchlab"}, "first party"),  # the maker's platform
    ("litellm", ("hosta",), {"finchlab"}, "host"),
    ("litellm", (), {"finchlab"}, "host"),  # a catalogue row naming no host is no model-level row
])
def test_serving_role(source: str, hosts: tuple[str, ...], lab: set[str], role: str):
    assert serving_role(source, hosts, lab) == role


@pytest.mark.parametrize("hosts, names, role", [
    (("wrenco",), ("wrenco/wrenco-5",), "first party"),  # <maker>/<maker>-<model>: the maker's own API
    (("wrencoai",), ("wrencoai/wrenco-5",), "first party"),  # one provider key (`wrencoai` = `wrenco`)
    (("wrenco",), ("wrenco-5",), "first party"),  # the host named in the entry, the name unprefixed
    (("hostc",), ("hostc/wrenco-5",), "host"),  # another host serving the model
    (("hostc", "wrenco"), ("hostc/wrenco-5",), "host"),  # the name is hostc's entry, not wrenco's
    (("wrencohost",), ("wrencohost/wrenco-5",), "host"),  # a host whose name merely starts like the model's
    (("hostc",), ("hostc/wrenco/wrenco-5",), "host"),  # a host's route to the maker's id
])
def test_a_host_the_models_own_name_opens_with_is_its_maker(hosts: tuple[str, ...], names: tuple[str, ...], role: str):
    assert serving_role("litellm", hosts, set(), names) == role


@pytest.mark.parametrize("text, verdict", [
    ("Wrenco 5 has a 64K context window.", "supported"),
    ("Wrenco 5 has an 8K context window.", "contradicted"),  # the maker's own entries decide; the host's cap does not
])
def test_the_makers_own_host_prefixed_entries_decide(con, text: str, verdict: str):
    claim = window(con, text)
    assert claim["verdict"] == verdict, claim["explanation"]
    roles = {(e["source"], e["value"]): e["role"] for e in claim["evidence"]}
    assert roles == {("litellm", 65536): "first party", ("genai_prices", 65536): "first party",
                     ("litellm", 8192): "host"}


def test_corroboration_takes_more_than_one_host():
    assert HOST_CORROBORATION >= 2
