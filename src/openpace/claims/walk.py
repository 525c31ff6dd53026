"""How a text's blocks set the context each sentence is read in (docs/claims.md, "Which model a figure
belongs to", rule 8): a table's rows and cells, a list completing a sentence that ends with ":", the
group a nested list item belongs to (the model its parent item names) and the section a heading opens
(the model the heading names). One walk for the checker (`check_claims`) and the extraction tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..domain.variants import variant_in_text
from ..text.block import Block
from .binding import LABEL_LINE
from .carry import document_unit, section_unit
from .extract import Context


def key_value_header(columns: list[str]) -> bool:
    """A table's header row that is itself a key-value pair ("| Release date | <date> |", a key-facts box written
    as a table): two cells, a label line's label (`binding.LABEL_LINE`) and a value holding a digit."""
    return len(columns) == 2 and any(ch.isdigit() for ch in columns[1]) and \
        LABEL_LINE.match(f"{columns[0]}; {columns[1]}") is not None


@dataclass
class Step:
    """One sentence to read: its block and place, and the variant its table's section names."""

    block: int
    index: int
    sentence: str
    section_variant: str | None
    columns: list[str] | None = None  # a table's header row: its columns (read with `header_claims`, not `extract`)


def sentences(blocks: list[Block], ctx: Context, skip: int | None = None) -> Iterator[Step]:
    """Each sentence of the text with `ctx` set for it; the caller extracts the sentence (which records
    the subject it names in `ctx.named`) before asking for the next. `skip`: the block of the text's
    dateline ("By <Name> · <day> · 5 min read": it dates the text and claims nothing)."""
    intro = False  # the last sentence outside a list ended with ":" (a list completing it follows)
    headings: list[str] = []  # the latest run of consecutive headings: the section a table sits in
    parents: list[tuple[int, int, Any]] = []  # the open list items, outermost first: (depth, item, model named)
    texts: dict[tuple[int, int], str] = {}  # (depth, item) of an open list item -> its last sentence
    pairs = False  # the table being read is key-value pairs from its header row on: its columns have no names
    text_unit = None  # the per-token unit a unit statement gives the whole text (`carry.document_unit`)
    opened = False  # a heading has followed body text: the text's first section has begun
    for b, block in enumerate(blocks):
        pairs = pairs and block.kind == "row"
        if block.kind == "heading":
            headings = (headings if b and blocks[b - 1].kind == "heading" else []) + [block.text]
            opened = opened or (b > 0 and blocks[b - 1].kind != "heading" and b - 1 != skip)
            # a new section states its own unit, or keeps the one the text states for all its prices
            ctx.section_unit = section_unit(block.text, heading=True) or text_unit
        # a table under a section whose headings name a variant ("Pre-trained models", "Chat Model"), or right
        # after a sentence naming one ("Results of the instruction-tuned models:"), is about that variant
        # (docs/claims.md, "Evidence")
        section_variant = (variant_in_text(ctx.table_section) or variant_in_text(ctx.table_lead)) \
            if block.kind == "row" else None
        ctx.row = block.kind == "row"
        ctx.cells = block.cells or None
        ctx.in_list = block.kind == "item" and intro
        ctx.item = block.kind == "item"
        ctx.heading = block.kind == "heading"
        ctx.section = headings[-1] if headings else ""
        if block.kind == "header" and key_value_header(block.columns):
            # "| Release date | <date> |" as a header: the first pair of a key-value table, read as its rows are
            pairs = True
            ctx.header_row(["" for _ in block.columns], blocks[b - 1] if b else None, headings)
            ctx.row, ctx.cells = True, [("", c) for c in block.columns]
            for sentence in block.sentences[:1]:
                yield Step(b, 0, sentence, None)
            continue
        if pairs:
            ctx.cells = [("", c) for _, c in ctx.cells or []]
        if block.kind == "header":
            # a table's section and the sentence right before it say what its price cells are (tier, unit)
            ctx.header_row(block.columns, blocks[b - 1] if b else None, headings)
            for sentence in block.sentences[:1]:  # a header row claims only the sizes its labels state
                yield Step(b, 0, sentence, None, columns=block.columns)
            continue
        if b == skip:
            ctx.list_lead = block.sentences[-1] if block.sentences else ""  # a dateline may head a changelog's list
            continue
        if block.kind != "item" and block.sentences:
            intro = block.sentences[-1].rstrip().endswith(":")
            ctx.list_lead = block.sentences[-1]  # what a list after it completes ("Release dates:")
        # a nested item belongs to the group its nearest parent item naming a model opens
        more = False  # a further paragraph of the item above
        if block.kind == "item" and block.depth:
            more = bool(parents) and block.item >= 0 and parents[-1][:2] == (block.depth, block.item)
            parents = [p for p in parents if p[0] < block.depth] + (parents[-1:] if more else [])
            ctx.parent = next((m for d, _, m in reversed(parents) if d < block.depth and m is not None), None)
            up = next(((d, i) for d, i, _ in reversed(parents) if d < block.depth), None)
            ctx.item_lead = texts.get(up, "") if up is not None else ctx.list_lead
        else:
            parents, ctx.parent = [], None
            ctx.item_lead = ctx.list_lead
        ctx.named = None
        for s, sentence in enumerate(block.sentences):
            yield Step(b, s, sentence, section_variant)
            if block.kind == "paragraph" and (unit := section_unit(sentence)) is not None:
                ctx.section_unit = unit  # "Prices in USD per million tokens:" holds for the rest of its section
                text_unit = document_unit(sentence, opened) or text_unit  # "All prices are per 1M tokens."
        if block.kind == "item" and block.depth:
            if more:
                parents[-1] = (block.depth, block.item, parents[-1][2] or ctx.named)
            else:
                parents.append((block.depth, block.item, ctx.named))
            if block.sentences:
                texts[(block.depth, block.item)] = block.sentences[-1]
        if block.kind == "heading":
            ctx.section_model = ctx.named  # the model a section's heading names (None: the section names none)
