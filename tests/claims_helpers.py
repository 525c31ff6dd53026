"""Walk a text as `openpace.claims.check_claims` does (`claims.walk.sentences`: blocks, a table row with its
cells, headings, list items and their groups), extracting claims with a given vocabulary and no warehouse:
the extraction tests' one walker."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from openpace.claims.extract import Claim, Context, extract, header_claims
from openpace.claims.releases import dateline
from openpace.claims.resolve import Lexicon
from openpace.claims.walk import sentences
from openpace.text import split_blocks


def walk(text: str, lex: Lexicon, as_of: date | None = None) -> Iterator[Claim]:
    """Every claim of the text, sentence by sentence (a table's header row names columns: it claims only the
    sizes its labels state; a dateline at the top dates the text and claims nothing)."""
    blocks = split_blocks(text)
    day, dated = dateline(blocks)
    ctx = Context(as_of=as_of, dateline=day)
    for step in sentences(blocks, ctx, skip=dated):
        if step.columns is not None:  # a header row claims only the sizes its labels state
            yield from header_claims(step.sentence, step.columns, lex, ctx)
        else:
            yield from extract(step.sentence, lex, ctx)


# the invented models the licence tests read openness of (test_claims_licence_forms.py, test_claims_licence_wording.py)
LICENCE_LEX = Lexicon.from_names(
    models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Owlet-7B", "owlet-7b"), ("src_b", "Zephyrus-9", None)],
    benchmarks=["BenchQA"],
)


def opens(text: str, lex: Lexicon = LICENCE_LEX) -> list[tuple[str, bool]]:
    """(model key, open) of every open_weights claim, the text walked as the checker walks it."""
    return [(c.entities[0].key, c.params["open"]) for c in walk(text, lex) if c.kind == "open_weights"]


def price_claim(con, text: str, as_of: date | None = None) -> dict:
    """The one price claim `check` finds in `text` (a warehouse's verdict, at `as_of`)."""
    from openpace.claims import check_text

    [c] = [c for c in check_text(con, text, as_of=as_of)["claims"] if c["kind"] == "price"]
    return c


def bound(text: str, lex: Lexicon) -> list[tuple[str, str | None, str | None]]:
    """(figure, model key, how) of every claim with a figure: what each figure was bound to."""
    out = []
    for c in walk(text, lex):
        if c.figures:
            m = next((e for e in c.entities if e.type == "model"), None)
            out.append((c.sentence[c.figures[0][0]:c.figures[0][1]], m.key if m else None, m.how if m else None))
    return out
