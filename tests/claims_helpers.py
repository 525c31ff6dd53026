"""Walk a text as `openpace.claims.check_claims` does (blocks, a table row with its cells, headings),
extracting claims with a given vocabulary and no warehouse: the extraction tests' one walker."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from openpace.claims.extract import Claim, Context, extract, header_claims
from openpace.claims.releases import dateline
from openpace.claims.resolve import Lexicon
from openpace.text import split_blocks


def walk(text: str, lex: Lexicon, as_of: date | None = None) -> Iterator[Claim]:
    """Every claim of the text, sentence by sentence (a table's header row names columns: it claims only the
    sizes its labels state; a dateline at the top dates the text and claims nothing)."""
    blocks = split_blocks(text)
    day, dated = dateline(blocks)
    ctx = Context(as_of=as_of, dateline=day)
    headings: list[str] = []
    for b, block in enumerate(blocks):
        before = blocks[b - 1] if b else None
        if block.kind == "heading":
            headings = (headings if before is not None and before.kind == "heading" else []) + [block.text]
        ctx.section = headings[-1] if headings else ""
        if block.kind == "header":
            ctx.header_row(block.columns, before, headings)
            for sentence in block.sentences[:1]:  # a header row claims only the sizes its labels state
                yield from header_claims(sentence, block.columns, lex, ctx)
            continue
        if b == dated:
            continue
        ctx.row, ctx.cells = block.kind == "row", block.cells or None
        ctx.heading = block.kind == "heading"
        ctx.item = block.kind == "item"
        if block.kind != "item" and block.sentences:
            ctx.list_lead = block.sentences[-1]
        for sentence in block.sentences:
            yield from extract(sentence, lex, ctx)
