"""Attributes named by a section or a subject noun rather than by the line's own words, on invented names
(`Lexicon.from_names`: no source holds them, so nothing here is a fact): a list under a heading or a lead naming
one attribute ("## Context windows" over "- <model>: NK tokens (~N words)"), the attribute noun as the subject of
a copula ("Total parameters are N billion", "the number of parameters activated per token is ~N billion"), and
licence wordings ("licensed permissively under", a verbless "also under <licence>", "The licence is <X>" after a
sentence about the model)."""

from __future__ import annotations

import pytest

from openpace.claims.resolve import Lexicon

from claims_helpers import opens, walk

LEX = Lexicon.from_names(
    models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Owlet-7B", "owlet-7b"), ("src_b", "Zephyrus-9", None),
            ("src_a", "Heron Max", "heron-max")],
    benchmarks=["BenchQA"],
)
ATTRIBUTE_KINDS = ("context_window", "output_limit", "training_tokens", "parameters", "knowledge_cutoff")


def typed(text: str) -> list[tuple[str, str, str, float | None]]:
    """(kind, attribute, model, value) of each attribute claim; an untyped figure as ("other", "", model, None)."""
    out = []
    for c in walk(text, LEX):
        model = c.entities[0].text if c.entities else ""
        if c.kind in ATTRIBUTE_KINDS:
            out.append((c.kind, c.params.get("attribute"), model, c.params.get("value")))
        elif c.kind == "other":
            out.append(("other", "", model, None))
    return out


# ---------------------------------------------------------------- a section's attribute over its list lines
@pytest.mark.parametrize("text, expected", [
    # a heading naming the context window, lines "<model>: NK tokens (~N words)": the aside is no figure
    ("## Context windows\n\n- Wren 2: 96K tokens (~70K words)\n- Owlet-7B: 24K tokens\n",
     [("context_window", "context_window", "Wren 2", 96e3), ("context_window", "context_window", "Owlet-7B", 24e3)]),
    ("## Context Length Comparison\n\n- Heron Max: 48K tokens (about 36,000 words)\n- Zephyrus-9: 12,288\n",
     [("context_window", "context_window", "Heron Max", 48e3), ("context_window", "context_window", "Zephyrus-9", 12288)]),
    # a lead ending in ":" names it; the heading's lead may name nothing of its own
    ("Context windows:\n\n- Wren 2: 96K\n- Zephyrus-9 — 12K tokens\n",
     [("context_window", "context_window", "Wren 2", 96e3), ("context_window", "context_window", "Zephyrus-9", 12e3)]),
    ("## Context lengths\n\nHere is how they compare:\n\n- Owlet-7B: 24K tokens\n",
     [("context_window", "context_window", "Owlet-7B", 24e3)]),
    # the other kinds with a heading vocabulary: output limit, parameters, training tokens
    ("## Output limits\n\n- Wren 2: 6K tokens\n", [("output_limit", "output_limit", "Wren 2", 6e3)]),
    ("## Parameters\n\n- Heron Max: 310B\n- Zephyrus-9: about 9 billion\n",
     [("parameters", "parameters_total", "Heron Max", 310e9), ("parameters", "parameters_total", "Zephyrus-9", 9e9)]),
    ("Active parameters:\n\n- Heron Max: 41B\n", [("parameters", "parameters_active", "Heron Max", 41e9)]),
    ("## Training data\n\n- Wren 2: 4.5 trillion\n", [("training_tokens", "training_tokens", "Wren 2", 4.5e12)]),
])
def test_a_section_names_the_attribute_of_its_list_lines(text: str, expected: list):
    assert typed(text) == expected


def test_a_section_names_the_cutoff_of_its_list_lines():
    claims = [c for c in walk("## Knowledge cut-off\n\n- Wren 2: March 2031\n- Owlet-7B: 2030\n", LEX)
              if c.kind == "knowledge_cutoff"]
    assert [(c.entities[0].text, c.params["date"].low.year, c.params["date"].precision) for c in claims] == \
        [("Wren 2", 2031, "month"), ("Owlet-7B", 2030, "year")]


@pytest.mark.parametrize("text", [
    # "context" in its other sense, two attributes in one heading, a price heading
    "## For context\n\n- Wren 2: 96K\n",
    "## Context windows and output limits\n\n- Wren 2: 96K\n",
    "## Long-context pricing\n\n- Wren 2: 96K\n",
    # a lead naming another measure under a context heading
    "## Context windows\n\nElo ratings:\n\n- Wren 2: 1,310\n",
    # the line names more than the figure and its unit, or the figure is no value of its label
    "## Context windows\n\n- Wren 2: 96K tokens, but only 8K in the app\n",
    "## Context windows\n\n- Wren 2 reads 96K documents a day\n",
    # below the kind's scale; a parameter count with no scale written
    "## Context windows\n\n- Wren 2: 512\n",
    "## Parameters\n\n- Wren 2: 70\n",
    # a paragraph under the heading is no list line
    "## Context windows\n\nWren 2: 96K.\n",
])
def test_a_section_types_nothing_else(text: str):
    assert not [t for t in typed(text) if t[0] != "other"]


# ---------------------------------------------------------------- the attribute noun as the subject
@pytest.mark.parametrize("text, expected", [
    ("Wren 2 came out in spring. Total parameters are 71 billion, but the number of parameters activated per "
     "token is ~13 billion.",
     [("parameters", "parameters_total", "Wren 2", 71e9), ("parameters", "parameters_active", "Wren 2", 13e9)]),
    ("The total parameter count of Heron Max is 310 billion.", [("parameters", "parameters_total", "Heron Max", 310e9)]),
    ("Heron Max is a sparse model. Active parameters are 41B.", [("parameters", "parameters_active", "Heron Max", 41e9)]),
    ("Heron Max is a sparse model. The number of parameters is roughly 310 billion.",
     [("parameters", "parameters_total", "Heron Max", 310e9)]),
])
def test_an_attribute_subject_types_its_figure(text: str, expected: list):
    assert typed(text) == expected


@pytest.mark.parametrize("text", [
    "The model size of Wren 2 is 14 GB.",  # a file's size, no parameter count
    "Wren 2 came out in spring. Total parameters are 71, a typo in the card.",  # no scale written
])
def test_an_attribute_subject_without_its_scale_types_nothing(text: str):
    assert not [t for t in typed(text) if t[0] == "parameters"]


# ---------------------------------------------------------------- licence wordings
@pytest.mark.parametrize("text, expected", [
    ("Wren 2 weights are licensed permissively under the Apache 2.0 license.", [("wren 2", True)]),
    ("Owlet-7B is distributed freely under the MIT license.", [("owlet 7b", True)]),
    ("# Wren 2\n\nThe code and the weights are licensed permissively under the MIT license.", [("wren 2", True)]),
    ("Acme ships Owlet-7B, also under Apache 2.0.", [("owlet 7b", True)]),
    ("Acme ships Wren 2 — 70B parameters, 96K context — also under Apache 2.0.", [("wren 2", True)]),
    ("Owlet-7B was published last week. The licence is Apache 2.0.", [("owlet 7b", True)]),
    ("Wren 2 arrived on Monday. The model's license is MIT.", [("wren 2", True)]),
    ("Zephyrus-9 arrived on Monday. The license is proprietary.", [("zephyrus 9", False)]),
])
def test_licence_wordings(text: str, expected: list):
    assert opens(text, LEX) == expected


@pytest.mark.parametrize("text", [
    "The dataset of Wren 2 is licensed permissively under CC-BY-4.0.",  # a dataset's licence
    "Wren 2 scored 80 on BenchQA, under the same license as before.",  # "the same" licence names none
    "The licence is Apache 2.0.",  # no model named before, no title
])
def test_licence_wordings_about_no_weights(text: str):
    assert opens(text, LEX) == []


# ---------------------------------------------------------------- a family's possessive among several named members
def test_a_family_possessive_names_the_member_the_text_gave_its_figure(fresh_db):
    from identity_helpers import PROV, load
    from openpace.claims import check_text
    from openpace.sources.base import ModelFact

    load(fresh_db, [ModelFact(name=name, key=f"gannetlab/{key}", source="models_dev", organization="gannetlab",
                              context_window=window, **PROV)
                    for name, key, window in (("Gannet 3 Max", "gannet-3-max", 96000),
                                              ("Gannet 3 Mini", "gannet-3-mini", 48000))])

    def windows(text: str) -> list[tuple[str, str]]:
        return [(c["span"], c["verdict"]) for c in check_text(fresh_db, text)["claims"] if c["kind"] == "context_window"]

    # the figure names the one member the text gave it: Max's 96K
    told = "Gannet 3 Mini has a 48K context. Gannet 3 Max has a 96K context. "
    claims = [c for c in check_text(fresh_db, told + "Gannet's 96K context holds a novel.")["claims"]
              if c["kind"] == "context_window"]
    assert [(c["span"], c["verdict"]) for c in claims] == [("48K", "supported"), ("96K", "supported"),
                                                           ("96K", "supported")]
    assert "Gannet 3 Max" in claims[2]["explanation"]
    # a figure the text gave no member, or gave both: no model is named
    assert windows(told + "Gannet's 128K context holds a novel.")[2][1] == "unverifiable"
    both = "Gannet 3 Mini has a 48K context. Gannet 3 Max has a 48K context too. Gannet's 48K context holds a novel."
    assert windows(both)[2][1] == "unverifiable"
