"""Per-model groups (docs/claims.md, "Which model a figure belongs to", rule 8): a nested list item is
about the model its parent item names, and a list completing a ":" sentence naming no model is about the
model its section's heading names. The vocabulary is invented (`Lexicon.from_names`: no source holds these
names), so nothing here is a fact; the tests only check which model each figure is bound to."""

from __future__ import annotations

import pytest

from openpace.claims.resolve import Lexicon, norm_name
from openpace.text import split_blocks

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Corvo 3 Rook", None), ("src_a", "Corvo 3 Crow", None),
                                 ("src_a", "Pica-4q", None)])


def bound(text: str) -> list[tuple[str, str | None]]:
    """(figure as written, the model key it is bound to) of every claim with a figure, in order."""
    out = []
    for c in walk(text, LEX):
        if c.figures:
            # an attribute claim's entity is keyed by its label when no identity table is loaded
            model = next((norm_name(e.key) for e in c.entities if e.type == "model"), None)
            out.append((c.sentence[c.figures[0][0]:c.figures[0][1]], model))
    return out


def test_a_list_item_knows_its_depth_and_which_item_it_is():
    blocks = [b for b in split_blocks("- A\n  - a1\n\n    more of a1\n- B\n") if b.kind == "item"]
    assert [(b.text, b.depth) for b in blocks] == [("A", 1), ("a1", 2), ("more of a1", 2), ("B", 1)]
    assert blocks[1].item == blocks[2].item != blocks[0].item


GROUPS = """Models compared:

- Corvo 3 Rook:
  - 64K context window
  - $0.50 per million input tokens
- Corvo 3 Crow:
  - 64K context window
  - $2 per million input tokens
"""


def test_each_group_of_a_list_completing_a_sentence_is_about_its_parent_items_model():
    assert bound(GROUPS) == [("64K", "corvo 3 rook"), ("$0.50", "corvo 3 rook"),
                             ("64K", "corvo 3 crow"), ("$2", "corvo 3 crow")]


def test_a_group_wins_over_the_model_of_the_sentence_the_list_completes():
    # "Pica-4q and its rivals:" names a subject, but each nested line is about its own parent's model
    text = GROUPS.replace("Models compared:", "Pica-4q and its rivals:")
    assert bound(text)[2:] == [("64K", "corvo 3 crow"), ("$2", "corvo 3 crow")]


def test_a_further_paragraph_of_the_parent_item_keeps_its_group():
    text = ("Models compared:\n\n- Corvo 3 Crow\n\n  The larger one.\n\n  - $2 per million input tokens\n"
            "- Corvo 3 Rook\n  - $0.50 per million input tokens\n")
    assert bound(text) == [("$2", "corvo 3 crow"), ("$0.50", "corvo 3 rook")]


def test_a_label_line_in_a_group_is_about_the_groups_model():
    text = ("Models compared:\n\n- Corvo 3 Rook\n  - Context window: 64K tokens\n"
            "- Corvo 3 Crow\n  - Context window: 128K tokens\n")
    assert bound(text) == [("64K", "corvo 3 rook"), ("128K", "corvo 3 crow")]


@pytest.mark.parametrize("title", ["# Pricing notes\n\n", ""])
def test_a_list_under_a_section_heading_is_about_the_sections_model(title: str):
    text = title + ("## Corvo 3 Rook\n\nKey figures:\n\n- 64K context window\n- $0.50 per million input tokens\n\n"
                    "## Corvo 3 Crow\n\nKey figures:\n\n- 128K context window\n- $2 per million input tokens\n")
    assert bound(text) == [("64K", "corvo 3 rook"), ("$0.50", "corvo 3 rook"),
                           ("128K", "corvo 3 crow"), ("$2", "corvo 3 crow")]


def test_a_nested_line_naming_its_own_model_keeps_it():
    text = "Models compared:\n\n- Corvo 3 Rook\n  - Pica-4q costs $1 per million input tokens\n"
    assert bound(text) == [("$1", "pica 4q")]
