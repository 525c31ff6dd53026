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
