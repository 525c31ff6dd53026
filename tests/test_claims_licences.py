"""Open weights as model cards and launch posts state them: a licence or access column under another
header ("Availability", "Access", "Weights", "License type"), a licence named right after a model ("X (Apache
2.0)", "X: MIT", a list item "X – <Org> 2 Community License"), a label line "License: <licence>", and the
phrasings "open-sourced", "an open-weights release", "released under <licence>", "a permissive license",
"available for commercial use" (of weights). Extraction runs on invented names (`Lexicon.from_names`: no source
holds them, so nothing here is a fact); the verdicts run on the fixture mirror, each naming its file and row."""

from __future__ import annotations


import pytest

from openpace.claims import check_text
from openpace.claims.extract import Context, extract
from openpace.claims.resolve import Lexicon
from openpace.claims.tables import licence_openness
from openpace.text import split_blocks

from claims_helpers import walk

LEX = Lexicon.from_names(
    models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Owlet-7B", "owlet-7b"), ("src_b", "Zephyrus-9", None)],
    benchmarks=["BenchQA"],
)


def opens(text: str) -> list[tuple[str, str, bool]]:
    """(span, model key, open) of every open_weights claim, the text walked as the checker walks it."""
    return [(c.span, c.entities[0].key, c.params["open"]) for c in walk(text, LEX) if c.kind == "open_weights"]


def kinds(text: str) -> list[str]:
    ctx = Context()
    out = []
    for block in split_blocks(text):
        if block.kind != "header":
            ctx.row, ctx.cells = block.kind == "row", block.cells or None
            out += [c.kind for s in block.sentences for c in extract(s, LEX, ctx)]
    return out


@pytest.mark.parametrize("header", ["Availability", "Access", "Weights", "License type", "Open source"])
def test_a_licence_column_under_another_header(header: str):
    text = (f"| Model | {header} | BenchQA |\n|---|---|---|\n| Wren 2 | Apache 2.0 | 70.1 |\n"
            f"| Owlet-7B | API only | 60.2 |\n| Zephyrus-9 | Proprietary | 50.3 |\n")
    assert opens(text) == [("Apache 2.0", "wren 2", True), ("API only", "owlet 7b", False),
                           ("Proprietary", "zephyrus 9", False)]


def test_licence_cells():
    assert opens("| Model | License |\n|---|---|\n| Wren 2 | Zephyrus 9 Community License |\n"
                 "| Owlet-7B | Open |\n") == [("Zephyrus 9 Community License", "wren 2", True), ("Open", "owlet 7b", True)]
    # the licence's digits are no figure; a model named only inside the licence is not the row's model
    assert kinds("| Model | License |\n|---|---|\n| Wren 2 | Zephyrus-9 Community License |\n") == ["open_weights"]
    assert opens("| Model | License |\n|---|---|\n| Unknown-X | Wren 2 Community License |\n") == []
    # "Yes"/"No" answer only a header about the weights; "Preview" or a proprietary licence is no open licence
    assert licence_openness("Open weights?", "Yes") is True and licence_openness("Open weights?", "No") is False
    assert licence_openness("Open", "\u2713") is True and licence_openness("Open weights", "\u274c") is False
    assert licence_openness("Access", "\u2713") is None and licence_openness("Access", "No") is None
    assert licence_openness("Availability", "Yes") is None and licence_openness("Availability", "Preview") is None
    assert licence_openness("License", "Proprietary license") is False
    assert licence_openness("Context", "Apache 2.0") is None  # not a licence column


@pytest.mark.parametrize("text, expected", [
    ("Acme released Wren 2 (MIT) and Owlet-7B (API only).",
     [("Wren 2 (MIT)", "wren 2", True), ("Owlet-7B (API only)", "owlet 7b", False)]),
    ("- Wren 2 (Apache 2.0 license, 7B)", [("Wren 2 (Apache 2.0 license", "wren 2", True)]),
    ("- Wren 2 – Zephyrus 9 Community License", [("Wren 2 – Zephyrus 9 Community License", "wren 2", True)]),
    ("- Owlet-7B: Proprietary", [("Owlet-7B: Proprietary", "owlet 7b", False)]),
    ("Wren 2 is Apache 2.0 licensed.", [("Apache 2.0 licensed", "wren 2", True)]),
    ("Wren 2 is out today.\n\nLicense: Apache 2.0", [("Apache 2.0", "wren 2", True)]),
    # no licence: an institute in parentheses, a licence of the code
    ("Wren 2 (MIT and Stanford) is out.", []),
    ("The code is released under the MIT license, and Wren 2 is strong.", []),
])
def test_a_licence_named_with_a_model(text: str, expected: list):
    assert opens(text) == expected


@pytest.mark.parametrize("text, span", [
    ("Today Acme open-sourced Wren 2.", "open-sourced"),
    ("Wren 2 is open-sourced.", "open-sourced"),
    ("Wren 2 is an open-weights release.", "an open-weights release"),
    ("Wren 2 is released under the Apache 2.0 license.", "released under the Apache 2.0"),
    ("Wren 2 is released under a custom commercial license.", "released under a custom commercial license"),
    ("Wren 2 comes with a permissive license.", "with a permissive license"),
    ("Wren 2 weights are available for commercial use.", "weights are available for commercial use"),
])
def test_open_weights_phrasings(text: str, span: str):
    assert opens(text) == [(span, "wren 2", True)]


@pytest.mark.parametrize("text", [
    "Wren 2 is available for commercial use.",  # through an API, perhaps: says nothing of the weights
    "Wren 2 is released under a commercial license.",  # a commercial licence alone grants no download
    "Wren 2 is released under a proprietary license.",
])
def test_phrasings_that_state_no_open_weights(text: str):
    assert opens(text) == []


def test_licence_column_verdicts(con):
    # tests/fixtures/mirror/epoch/open-model-trends/benchmarks_with_model_accessibility.csv: Mistral Large Closed
    text = "| Model | Availability |\n|---|---|\n| Mistral Large | API only |\n| Mistral Large | Apache 2.0 |\n"
    got = [(c["span"], c["kind"], c["verdict"]) for c in check_text(con, text)["claims"]]
    assert got == [("API only", "open_weights", "supported"), ("Apache 2.0", "open_weights", "contradicted")]


def test_licence_phrasing_verdicts(con):
    # the same row: Mistral Large Closed
    [claim] = [c for c in check_text(con, "Mistral Large is released under the Apache 2.0 license.")["claims"]
               if c["kind"] == "open_weights"]
    assert claim["verdict"] == "contradicted"
    [claim] = [c for c in check_text(con, "- Mistral Large (API only)")["claims"] if c["kind"] == "open_weights"]
    assert claim["verdict"] == "supported"


@pytest.mark.parametrize("text, expected", [
    # a bare licence line under a "License" heading: the section's model (the text's topic)
    ("# Wren 2\n\nWren 2 is out today.\n\n## License\n\nApache 2.0\n", [("Apache 2.0", "wren 2", True)]),
    ("# Wren 2\n\nWren 2 is out today.\n\n## Licence\n\nZephyrus Community License\n",
     [("Zephyrus Community License", "wren 2", True)]),
    ("# Wren 2\n\nWren 2 is out today.\n\n## License\n\nProprietary\n", [("Proprietary", "wren 2", False)]),
    # a line under it that is no licence (a note) claims nothing; nor does a licence line under another heading
    ("# Wren 2\n\nWren 2 is out today.\n\n## License\n\nSee the terms for research use.\n", []),
    ("# Wren 2\n\nWren 2 is out today.\n\n## Usage\n\nApache 2.0\n", []),
    # a licence named in apposition to "a custom commercial license"
    ("Wren 2 uses a custom commercial license, the Zephyrus Community License.",
     [("uses a custom commercial license, the Zephyrus Community License", "wren 2", True)]),
    # licensed for commercial use: the subject's, and the model of "unlike" is left out (its licence is not stated)
    ("Wren 2 is licensed for commercial use (unlike Owlet-7B).", [("licensed for commercial use", "wren 2", True)]),
    # API-only access and closed weights: closed
    ("Wren 2 is available only through the API.", [("available only through the API", "wren 2", False)]),
    ("Wren 2 is only accessible via Acme's developer API.", [("only accessible via Acme's developer API", "wren 2", False)]),
    ("Wren 2 has closed weights.", [("has closed weights", "wren 2", False)]),
    # a plural predicate of a list of models: each model's
    ("Wren 2 and Owlet-7B are API-only models.",
     [("API-only models", "wren 2", False), ("API-only models", "owlet 7b", False)]),
    # a class of models is no model's openness; an API beside other access says nothing of the weights
    ("Open and API-only models differ.", []),
    ("Wren 2 is available through the API and on the Hub.", []),
])
def test_licence_lines_appositions_and_api_only_access(text: str, expected: list):
    assert opens(text) == expected


# --- licence wording of unseen articles: cells with a note, access classes, key-value rows, the verb "open-source",
# a bare family name (invented names; the family rule: a series' openness holds only when all its models agree)
FAMILY = Lexicon.from_names(
    models=[("src_a", "Wren-3-7B", None), ("src_a", "Wren-3-40B", None), ("src_a", "Owlet-7B", None)],
    sized=[("wren-3-7b", "7b", None), ("wren-3-40b", "40b", None)],
    aliases={"wren-3-7b": [("src_a", "Wren-3-7B")], "wren-3-40b": [("src_a", "Wren-3-40B")],
             "owlet-7b": [("src_a", "Owlet-7B")]},
)


def family_opens(text: str) -> list[tuple[str, str, str, bool]]:
    """(span, model key, how the model was named, open) of every open_weights claim, on the family vocabulary."""
    return [(c.span, c.entities[0].key, c.entities[0].how, c.params["open"]) for c in walk(text, FAMILY)
            if c.kind == "open_weights"]


@pytest.mark.parametrize("header, cell, is_open", [
    ("License", "Proprietary (API only)", False),
    ("Licence", "Closed (research preview)", False),
    ("Availability", "Hosted access (no API)", False),
    ("Availability", "Unreleased", False),
    ("Access", "API access", False),
    ("Open weights", "Yes (non-commercial)", True),
    ("Open weights", "No (API only)", False),
    ("Open weights", "Open weights (restricted use)", True),
    ("License", "Acme Open Model License", True),
    ("License", "open license", True),
    ("License", "closed", False),
])
def test_licence_cells_with_a_note_and_access_classes(header: str, cell: str, is_open: bool):
    assert licence_openness(header, cell) is is_open
    assert opens(f"| Model | {header} |\n|---|---|\n| Owlet-7B | {cell} |\n") == [(cell, "owlet 7b", is_open)]


@pytest.mark.parametrize("text, expected", [
    # a key-value row or line of a model card: the label names the weights' access, the value answers it
    ("Wren 2 is out today.\n\n| Field | Value |\n|---|---|\n| License | Proprietary (API only) |\n| Open weights | No |\n",
     [("Proprietary (API only)", "wren 2", False), ("No", "wren 2", False)]),
    ("Wren 2 is out today.\n\nAvailability: API only\n", [("API only", "wren 2", False)]),
    ("Wren 2 is out today.\n\nOpen weights: yes\n", [("yes", "wren 2", True)]),
    ("Wren 2 is out today.\n\nLicence: Zephyrus Open Model License\n", [("Zephyrus Open Model License", "wren 2", True)]),
    # a licence with a note after a model in a list item
    ("- Owlet-7B: Proprietary (API only)", [("Owlet-7B: Proprietary (API only)", "owlet 7b", False)]),
])
def test_key_value_rows_and_lines_name_the_weights_access(text: str, expected: list):
    assert opens(text) == expected


@pytest.mark.parametrize("text, span, is_open", [
    ("We open-source Owlet-7B today.", "open-source", True),
    ("We opensource Owlet-7B.", "opensource", True),
    ("We now open-source Owlet-7B.", "now open-source", True),
    ("Owlet-7B is released under an open licence.", "released under an open licence", True),
    ("Owlet-7B comes with an open license.", "with an open license", True),
    ("Owlet-7B ships under the Zephyrus Open Model License.", "ships under the Zephyrus Open Model License", True),
    ("Owlet-7B is proprietary.", "is proprietary", False),
    ("Owlet-7B is closed-source, and Acme sells access.", "is closed-source", False),
])
def test_open_and_closed_phrasings_of_launch_posts(text: str, span: str, is_open: bool):
    assert opens(text) == [(span, "owlet 7b", is_open)]


@pytest.mark.parametrize("text", [
    "They plan to open-source Owlet-7B.",  # an intention, no fact
    "We open-source the training code for Owlet-7B.",  # code, not weights
    "We use open-source models like Owlet-7B.",  # a class of models
    "Owlet-7B is proprietary software for banks.",  # a noun phrase, not the weights' access
])
def test_phrasings_that_open_no_weights(text: str):
    assert opens(text) == []


@pytest.mark.parametrize("text, expected", [
    # "our <series>": the series, every model of it
    ("We open-source our Wren 3 series.", [("open-source", "wren 3", "series", True)]),
    # a family's first word alone after one member was named: the family, not that sibling
    ("Acme released Wren-3-7B today. Wren is released under the Apache 2.0 license.",
     [("released under the Apache 2.0", "wren 3", "series", True)]),
    ("Acme released Wren-3-7B today.\n\n| Model | License |\n|---|---|\n| Wren | Apache 2.0 |\n",
     [("Apache 2.0", "wren 3", "series", True)]),
    # a series filling a row's first cell
    ("| Model | License |\n|---|---|\n| Wren 3 | Proprietary |\n", [("Proprietary", "wren 3", "series", False)]),
    # a model of no series stays that model
    ("Acme released Owlet-7B today. Owlet is released under the Apache 2.0 license.",
     [("released under the Apache 2.0", "owlet 7b", "exact", True)]),
])
def test_a_bare_family_name_is_the_series_never_one_sibling(text: str, expected: list):
    assert family_opens(text) == expected


def test_a_series_licence_is_decided_only_when_the_family_agrees(con):
    # tests/fixtures/mirror: model identity has qwen-2-vl-72b closed (lmarena) and qwen-2-vl-7b-instruct,
    # qwen-2-vl-72b-instruct open (epoch_benchmarks + lmarena): the family disagrees, so the series is unverifiable
    [claim] = [c for c in check_text(con, "We open-source our Qwen2-VL series.")["claims"] if c["kind"] == "open_weights"]
    assert claim["verdict"] == "unverifiable" and "differ" in claim["explanation"]
    # every model of Llama 2 open (epoch open-model-trends accessibility, lmarena licences): supported
    text = "| Model | License |\n|---|---|\n| Llama 2 | Llama 2 Community License |\n"
    [claim] = [c for c in check_text(con, text)["claims"] if c["kind"] == "open_weights"]
    assert claim["verdict"] == "supported"
