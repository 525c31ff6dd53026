"""A block of an article (heading, paragraph, list item, table row, code) and tables as blocks."""

from __future__ import annotations

from dataclasses import dataclass, field

from .sentences import collapse, split_sentences


@dataclass
class Block:
    """A paragraph, heading, list item, table row or code block, with its sentences."""

    kind: str  # heading | paragraph | item | header | row | code
    text: str
    sentences: list[str] = field(default_factory=list)
    # a table row under a header row: (column header, cell text) for each non-empty cell
    cells: list[tuple[str, str]] = field(default_factory=list)
    depth: int = 0  # a list item's nesting depth (1: a top-level item; a nested item's parent is the item above it)
    item: int = -1  # which list item (in order of opening) the block is a paragraph of; -1: none
    # a table's header row: every column's name, one per column, empty ones kept (the first is the first column's)
    columns: list[str] = field(default_factory=list)


def table_blocks(rows: list[tuple[bool, list[str]]]) -> list[Block]:
    """A table's rows, each `(is_header, cell texts)` with one text per column, as blocks: a header row
    names columns and claims nothing (kind `header`); a body row (kind `row`) is one sentence, its
    non-empty cells joined by "; ", and carries `(column header, cell)` for each non-empty cell when
    it has as many cells as the header. Consecutive header rows refine one another (a group header
    over its sub-headers: each column keeps the lowest non-empty name); a header row after body rows
    naming one thing only ("Reasoning" across every column) is a section label and leaves the
    columns' names as they were."""
    blocks: list[Block] = []
    header: list[str] | None = None
    last_was_header = False
    for is_header, cells in rows:
        text = collapse("; ".join(c for c in cells if c))
        if is_header:
            named = {c for c in cells if c}
            if last_was_header and header is not None and len(header) == len(cells):
                header = [c or h for h, c in zip(header, cells)]
            elif header is None or len(named) > 1:
                header = list(cells)
            blocks.append(Block("header", text, columns=list(header)))
        else:
            row = Block("row", text)
            if header is not None and len(header) == len(cells):
                row.cells = [(h, c) for h, c in zip(header, cells) if c]
            blocks.append(row)
        last_was_header = is_header
    return blocks


def with_sentences(blocks: list[Block]) -> list[Block]:
    """Each block's sentences (a table row is one record: a cell's full stop ends no sentence; code
    holds none); blocks left with no sentence are dropped, code is kept."""
    for block in blocks:
        if block.kind in ("row", "header"):
            block.sentences = [collapse(block.text)] if block.text.strip() else []
        elif block.kind != "code":
            block.sentences = split_sentences(block.text)
    return [b for b in blocks if b.kind == "code" or b.sentences]
