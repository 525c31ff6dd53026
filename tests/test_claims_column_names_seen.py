"""A model heading a table column is named in the text: a family's first word written alone later ("<Family>'s
window") stands for the one model of that word the text named, and a column's model counts among them
(`extract.table_header_model` adds it to `Context.seen`). The names are invented (`Lexicon.from_names`)."""

from __future__ import annotations

from claims_helpers import walk
from openpace.claims.resolve import Lexicon

LEX = Lexicon.from_names(
    models=[("src_a", "Kestrel 3 Mini", "kestrel-3-mini"), ("src_a", "Kestrel 3 Max", "kestrel-3-max"),
            ("src_a", "Owl 2", "owl-2")],
    benchmarks=["BenchQA"],
)
TABLE = "| Feature | Owl 2 | Kestrel 3 Max |\n|---|---|---|\n| Context Window | 100K tokens | 900K tokens |\n"
LATER = "Kestrel's 900K token context window is large."


def owners(text: str) -> list[str]:
    """How each model of the later sentence's claim was read (the entity's note), or "" for no model."""
    return [" ".join(e.note or e.text for e in c.entities if e.type == "model")
            for c in walk(text, LEX) if c.sentence.startswith("Kestrel's")]


def test_a_short_name_stands_for_the_one_model_named():
    [read] = owners(f"Kestrel 3 Mini and Owl 2 are out.\n\n{LATER}\n")
    assert "Kestrel 3 Mini" in read


def test_a_column_model_is_named_so_the_short_name_names_neither():
    # two models of the word named (one in a column): a figure neither was given names neither
    other = LATER.replace("900K", "500K")
    assert owners(f"Kestrel 3 Mini and Owl 2 are out.\n\n{TABLE}\n{other}\n") == [""]


def test_the_figure_a_column_gave_names_the_column_model():
    # ... and the figure the column gave one of them names that one (`carry._stated_member`), never the other
    [read] = owners(f"Kestrel 3 Mini and Owl 2 are out.\n\n{TABLE}\n{LATER}\n")
    assert "Kestrel 3 Max" in read and "Mini" not in read
