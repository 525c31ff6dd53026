"""Walk a text as `openpace.claims.check_claims` does (blocks, a table row with its cells, headings),
extracting claims with a given vocabulary and no warehouse: the extraction tests' one walker."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from openpace.claims.extract import Claim, Context, extract
from openpace.claims.releases import dateline
from openpace.claims.resolve import Lexicon
from openpace.text import split_blocks


def walk(text: str, lex: Lexicon, as_of: date | None = None) -> Iterator[Claim]:
    """Every claim of the text, sentence by sentence (a table's header row names columns: no claims)."""
    blocks = split_blocks(text)
    day, dated = dateline(blocks)
    ctx = Context(as_of=as_of, dateline=day)
    for b, block in enumerate(blocks):
        if block.kind == "header" or b == dated:
            continue
        ctx.row, ctx.cells = block.kind == "row", block.cells or None
        ctx.heading = block.kind == "heading"
        ctx.item = block.kind == "item"
        ctx.section = block.text if ctx.heading else ctx.section
        for sentence in block.sentences:
            yield from extract(sentence, lex, ctx)
