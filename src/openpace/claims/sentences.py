"""Split Markdown or plain text into blocks (headings, paragraphs, list items, table rows, code)
and blocks into sentences, robust to decimals, abbreviations and inline Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ABBREVIATIONS = {
    "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "co", "corp", "jr", "sr", "st",
    "approx", "ca", "cf", "fig", "no", "vol", "est", "dept", "u.s", "u.k", "e.u", "a.m", "p.m", "al", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "resp", "incl", "min", "max", "avg",
}
FENCE_RE = re.compile(r"^\s*(```|~~~)")
HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
QUOTE_RE = re.compile(r"^\s*>\s?")
TABLE_RULE_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
HRULE_RE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
REFLINK_RE = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
AUTOLINK_RE = re.compile(r"<(https?://[^>\s]+)>")
CODE_RE = re.compile(r"`([^`]*)`")
STRONG_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
EM_RE = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])|(?<![\w])_(?=\S)(.+?)(?<=\S)_(?![\w])")
END_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)")
# an HTML comment (a page's metadata, an editor's note): never article text
COMMENT_RE = re.compile(r"<!--.*?(?:-->|$)", re.S)
# a heading's own numbering ("1. Introduction", "2.3 Results"): a section number, not a figure
SECTION_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)*\.?\s+(?=\S)")


@dataclass
class Block:
    """A paragraph, heading, list item, table row or code block, with its sentences."""

    kind: str  # heading | paragraph | item | row | code
    text: str
    sentences: list[str] = field(default_factory=list)
    # a table row under a header row: (column header, cell text) for each non-empty cell
    cells: list[tuple[str, str]] = field(default_factory=list)


def collapse(text: str) -> str:
    """Runs of whitespace become one space."""
    return " ".join(text.split())


def strip_inline(text: str) -> str:
    """Markdown inline markup to its words: links to their text, code to its content, no emphasis marks."""
    text = IMAGE_RE.sub(r"\1", text)
    text = LINK_RE.sub(r"\1", text)
    text = REFLINK_RE.sub(r"\1", text)
    text = AUTOLINK_RE.sub(r"\1", text)
    text = CODE_RE.sub(r"\1", text)
    text = STRONG_RE.sub(r"\2", text)
    return EM_RE.sub(lambda m: m.group(1) or m.group(2), text)


def split_blocks(text: str) -> list[Block]:
    """Markdown (or plain text) to blocks; code blocks are kept but hold no sentences."""
    blocks: list[Block] = []
    para: list[str] = []
    code: list[str] | None = None
    header: list[str] | None = None  # the current table's column headers (the row above its |---| rule)
    last_row: list[str] | None = None  # the cells of the table row just read

    kind = ["paragraph"]  # what the lines in `para` make: a paragraph or a list item

    def flush() -> None:
        if para:
            body = collapse(strip_inline(" ".join(para)))
            if body:
                blocks.append(Block(kind[0], body))
            para.clear()
        kind[0] = "paragraph"

    text = COMMENT_RE.sub(lambda m: "\n" * m.group(0).count("\n"), text.replace("\r\n", "\n").replace("\r", "\n"))
    for raw in text.split("\n"):
        if code is not None:
            if FENCE_RE.match(raw):
                blocks.append(Block("code", "\n".join(code)))
                code = None
            else:
                code.append(raw)
            continue
        if FENCE_RE.match(raw):
            flush()
            code = []
            continue
        line = QUOTE_RE.sub("", raw)
        if TABLE_RULE_RE.match(line) and last_row is not None and "|" in line:
            header = last_row  # the row above the rule names the columns
            if blocks and blocks[-1].kind == "row":
                blocks[-1].kind = "header"  # a header row names columns; it states nothing
        is_row = line.strip().startswith("|") and line.strip().endswith("|")
        if not is_row and not TABLE_RULE_RE.match(line):
            header = None if not line.strip() or not (header and "|" in line) else header
        if not is_row:
            last_row = None
        if not line.strip() or HRULE_RE.match(line) or TABLE_RULE_RE.match(line):
            flush()
            continue
        if m := HEADING_RE.match(line):
            flush()
            blocks.append(Block("heading", SECTION_NUMBER_RE.sub("", collapse(strip_inline(m.group(1))))))
        elif m := ITEM_RE.match(line):
            flush()
            kind[0] = "item"
            para.append(m.group(1))
        elif line.strip().startswith("|") and line.strip().endswith("|"):
            flush()
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            row = Block("row", collapse(strip_inline("; ".join(c for c in cells if c))))
            if header is not None and len(header) == len(cells):
                row.cells = [(collapse(strip_inline(h)), collapse(strip_inline(c))) for h, c in zip(header, cells) if c]
            blocks.append(row)
            last_row = cells
        else:
            para.append(line)
    flush()
    if code is not None:  # an unclosed fence: keep what was there
        blocks.append(Block("code", "\n".join(code)))
    for block in blocks:
        if block.kind in ("row", "header"):  # a table row is one record: a cell's full stop ends no sentence
            block.sentences = [collapse(block.text)] if block.text.strip() else []
        elif block.kind != "code":
            block.sentences = split_sentences(block.text)
    return [b for b in blocks if b.kind == "code" or b.sentences]


def _is_abbreviation(text: str, end: int) -> bool:
    """Does the full stop at `end` close an abbreviation or an initial rather than a sentence?"""
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:end].lower()
    if word in ABBREVIATIONS:
        return True
    # an initial ("J. Smith"), but not a unit letter after a figure ("... 60B. The next ...")
    return len(word) == 1 and text[start:end].isupper() and not (start > 0 and text[start - 1].isdigit())


def split_sentences(text: str) -> list[str]:
    """Sentences of one block, whitespace collapsed."""
    text = collapse(text)
    out: list[str] = []
    begin = 0
    for m in END_RE.finditer(text):
        stop = m.end()
        rest = text[stop:].lstrip()
        if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'“‘([$€£*"):
            continue  # "e.g. the model", "3 p.m. today": no new sentence starts here
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
            continue
        piece = text[begin:stop].strip()
        if piece:
            out.append(piece)
        begin = stop
    tail = text[begin:].strip()
    if tail:
        out.append(tail)
    return out
