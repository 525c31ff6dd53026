"""An article (Markdown, plain text, Markdown with raw HTML) to blocks, read from markdown-it-py's
token stream (CommonMark plus GFM tables and strikethrough): headings (ATX and setext), paragraphs,
list items (nested, ordered or not), block quotes, tables, code; YAML front matter skipped, HTML
comments dropped, raw HTML read by `text.rawhtml`."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .block import Block, table_blocks, with_sentences
from .rawhtml import html_blocks, html_to_text
from .sentences import collapse

MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
# a heading's own numbering ("1. Introduction", "2.3 Results"): a section number, not a figure
SECTION_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)*\.?\s+(?=\S)")
# a paragraph opened by a numbered point ("2.1. Massive-scale training: ..."): its number is no figure
POINT_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)+\.\s+(?=[A-Z])")
# a GitHub alert's marker opening a block quote ("> [!NOTE]"): a label, not text
ALERT_RE = re.compile(r"^\[!(?:note|tip|important|warning|caution)\]\s*", re.I)
# a line opened by a bullet glyph (a list pasted from a rendered page): an item of its own
BULLET_RE = re.compile(r"^\s*[•▪●◦‣]\s*")
# a line opened by a short label and a colon ("Release date: ...", "Knowledge cutoff: ..."): when every line of a
# paragraph is one, the paragraph is a model card's key-value lines, each a sentence of its own
KEY_LINE_RE = re.compile(r"^\s*[A-Z][\w().,/&'-]*(?:\s+[\w().,/&'-]+){0,5}\s*:\s+\S")
# a run-in heading's label: up to six words of letters (a trailing full stop allowed), no figure
RUN_IN_LABEL_RE = re.compile(r"[A-Z][A-Za-z&'/-]*(?:\s+[A-Za-z&'/-]+){0,5}\.?")
# footnotes: a marker "[^1]" in the text, a definition "[^1]: ..." opening its paragraph
FOOTNOTE_RE = re.compile(r"\[\^[^\]\s]+\]")
FOOTNOTE_DEF_RE = re.compile(r"^\s*\[\^[^\]\s]+\]:\s*")
FOOTNOTE_LINK_RE = re.compile(r"\^[^\s]+")  # "[^1]" read as a link when a definition "[^1]: <url>" exists
# a numbered citation written against the word or full stop it supports ("Verified.[1][2]", "costs[3]"),
# as wiki-style pages write them: a reference, never a figure (and no obstacle to the sentence's end)
CITATION_RE = re.compile(r"(?<=[^\s\[])(?:\[\d{1,3}\])+")
CITATION_LINK_RE = re.compile(r"\d{1,3}")  # "[1](#ref-1)" or "[1]" with a reference definition
COMMENT_RE = re.compile(r"<!--.*?(?:-->|$)", re.S)
# front matter: "---" (YAML) or "+++" (TOML) on the first line, then "key: value" lines, then the fence again
FRONT_MATTER_OPEN_RE = re.compile(r"^(---|\+\+\+)\s*$")
FRONT_MATTER_KEY_RE = re.compile(r"^[A-Za-z_][\w.-]*\s*[:=]")
FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
TABLE_OPEN_RE = re.compile(r"^\s*<table\b", re.I)
TABLE_CLOSE_RE = re.compile(r"</table\s*>", re.I)
MARKUP_RE = re.compile(r"[*_`\[\]<>\\~!]")  # text that may hold inline Markdown


def split_blocks(text: str) -> list[Block]:
    """Markdown (or plain text, or Markdown with raw HTML) to blocks; code blocks are kept but hold
    no sentences."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    source = _join_html_tables(_skip_front_matter(text))
    return with_sentences(_blocks(MD.parse(source)))


def _blocks(tokens: Sequence[Token]) -> list[Block]:
    blocks: list[Block] = []
    items = 0  # depth of list items around the token
    opened: list[int] = []  # the open list items, innermost last (each by its order of opening)
    count = 0
    rows: list[tuple[bool, list[str]]] = []  # the markdown table being read
    row: list[str] | None = None
    head = False
    for i, tok in enumerate(tokens):
        kind = tok.type
        if kind == "list_item_open":
            items += 1
            opened.append(count)
            count += 1
        elif kind == "list_item_close":
            items -= 1
            opened.pop()
        elif kind == "inline" and i > 0:
            opener = tokens[i - 1].type
            if opener == "heading_open":
                blocks.append(Block("heading", SECTION_NUMBER_RE.sub("", inline_text(tok))))
            elif opener == "paragraph_open":
                blocks.extend(_in_item(_paragraph(tok, "item" if items else "paragraph"), items, opened))
            elif opener in ("th_open", "td_open") and row is not None:
                row.append(inline_text(tok))
        elif kind in ("fence", "code_block"):
            blocks.append(Block("code", tok.content.rstrip("\n")))
        elif kind == "html_block":
            blocks.extend(_in_item(html_blocks(tok.content, "item" if items else "paragraph", markdown_inline),
                                   items, opened))
        elif kind == "table_open":
            rows = []
        elif kind == "thead_open":
            head = True
        elif kind == "thead_close":
            head = False
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            rows.append((head, row))
            row = None
        elif kind == "table_close":
            blocks.extend(table_blocks(rows))
    return blocks


def _in_item(blocks: list[Block], depth: int, opened: list[int]) -> list[Block]:
    """The list item holding these blocks (its depth and which item it is), unless they say otherwise (a
    raw-HTML list inside the item counts its own depth on top)."""
    for block in blocks:
        if depth and block.kind == "item":
            block.depth += depth
            block.item = block.item if block.item >= 0 else opened[-1]
    return blocks


def _paragraph(tok: Token, kind: str) -> list[Block]:
    """A paragraph's block; a paragraph of lines written as table rows ("| a | b |") with no rule
    under a header is rows with no column names."""
    lines = [ln.strip() for ln in tok.content.split("\n") if ln.strip()]
    if lines and all(ln.startswith("|") and ln.endswith("|") and len(ln) > 1 for ln in lines):
        out = []
        for ln in lines:
            cells = [markdown_inline(c.strip()) for c in ln.strip("|").split("|")]
            out.append(Block("row", collapse("; ".join(c for c in cells if c))))
        return out
    out = []
    children = tok.children or []
    if kind == "paragraph" and (run_in := _run_in_heading(children)) is not None:
        out.append(Block("heading", run_in[0]))
        children = run_in[1]
    for n, part in enumerate(_bullet_lines(children)):
        text = inline_text(part)
        bulleted = BULLET_RE.match(text)
        if n == 0:
            text = POINT_NUMBER_RE.sub("", ALERT_RE.sub("", text))
        out.append(Block("item" if bulleted else kind, BULLET_RE.sub("", text)))
    return out


def _run_in_heading(children: list[Token]) -> tuple[str, list[Token]] | None:
    """A paragraph opened by a short bold label and then a sentence of its own ("**Data Freshness** The pretraining
    data ...", "**Training Factors.** We used ..."): a run-in heading, read as the heading of a section holding the
    rest (a model card's labelled paragraphs). Not a label with a colon ("**License:** <value>", a key-value line),
    nor bold words the sentence goes on from ("**X** is ...": a lower-case word, a figure or a mark after it)."""
    children = children[1:] if children and children[0].type == "text" and not children[0].content else children
    if len(children) < 4 or children[0].type != "strong_open":
        return None
    close = next((i for i, c in enumerate(children) if c.type == "strong_close"), None)
    if close is None or any(c.type in ("softbreak", "hardbreak") for c in children[:close]):
        return None
    label = inline_text(children[1:close]).strip()
    rest = children[close + 1:]
    after = inline_text(rest)
    if not label or label.endswith(":") or not RUN_IN_LABEL_RE.fullmatch(label) or not re.match(r"[A-Z]", after) \
            or (rest and rest[0].type == "text" and rest[0].content and not rest[0].content[0].isspace()):
        return None
    return label.rstrip("."), rest


def _bullet_lines(children: list[Token]) -> list[list[Token]]:
    """A paragraph's inline tokens cut before each line that opens with a bullet glyph; a run of lines each
    opened by a label and a colon (`KEY_LINE_RE`) cut at every line."""
    parts: list[list[Token]] = [[]]
    for i, c in enumerate(children):
        follows = children[i + 1] if i + 1 < len(children) else None
        if c.type in ("softbreak", "hardbreak") and follows is not None and follows.type == "text" \
                and BULLET_RE.match(follows.content):
            parts.append([])
        else:
            parts[-1].append(c)
    return [line for p in parts if p for line in _key_value_lines(p)]


def _key_value_lines(children: list[Token]) -> list[list[Token]]:
    """The lines of a run of inline tokens when every one (two or more) is a key-value line, else the run."""
    lines: list[list[Token]] = [[]]
    for c in children:
        if c.type in ("softbreak", "hardbreak"):
            lines.append([])
        else:
            lines[-1].append(c)
    if len(lines) < 2 or not all(KEY_LINE_RE.match(inline_text(line)) for line in lines):
        return [children]
    return lines


def inline_text(tok: Token | list[Token]) -> str:
    """An inline token's words (or those of a run of its children): links to their text, code spans
    to their content, emphasis marks, images, struck-through text and footnote markers dropped,
    inline HTML to its text (`<br>` a space, entities unescaped)."""
    children = tok if isinstance(tok, list) else tok.children or []
    has_html = any(c.type == "html_inline" for c in children)
    parts: list[str] = []
    struck = 0
    links: list[int] = []
    for c in children:
        if c.type == "s_open":
            struck += 1
        elif c.type == "s_close":
            struck = max(0, struck - 1)
        elif struck:
            continue  # struck-through text is withdrawn by its author: no claim
        elif c.type in ("text", "code_inline"):
            parts.append(html.escape(c.content, quote=False) if has_html else c.content)
        elif c.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif c.type == "html_inline":
            parts.append(c.content)
        elif c.type == "link_open":
            links.append(len(parts))
        elif c.type == "link_close" and links:
            start = links.pop()
            label = "".join(parts[start:]).strip()
            before = "".join(parts[:start])
            if FOOTNOTE_LINK_RE.fullmatch(label) or \
                    (CITATION_LINK_RE.fullmatch(label) and before and not before[-1].isspace()):
                del parts[start:]
    text = "".join(parts)
    if has_html:
        text = html_to_text(COMMENT_RE.sub(" ", text))
    text = CITATION_RE.sub("", FOOTNOTE_RE.sub("", FOOTNOTE_DEF_RE.sub("", text)))
    return collapse(text)


def markdown_inline(text: str) -> str:
    """Inline Markdown inside raw HTML or an unruled table line ("<td>**88.5**</td>") to its words."""
    if not MARKUP_RE.search(text):
        return text
    tokens = MD.parseInline(text)
    return inline_text(tokens[0]) if tokens else text


def _skip_front_matter(text: str) -> str:
    """The text with its front matter blanked: a block fenced by "---" (or "+++") on the first line
    (after blank lines and HTML comments) whose first line is a "key: value", closed by the same
    fence (or "..."). A thematic break opening an article is no front matter: its next line is prose."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if not stripped:
            i += 1
        elif stripped.startswith("<!--"):
            while i < len(lines) and "-->" not in lines[i]:
                i += 1
            i += 1
        else:
            break
    opened = FRONT_MATTER_OPEN_RE.match(lines[i]) if i < len(lines) else None
    if opened is None or i + 1 >= len(lines) or not FRONT_MATTER_KEY_RE.match(lines[i + 1]):
        return text
    fence = opened.group(1)
    for j in range(i + 1, len(lines)):
        if lines[j].rstrip() in (fence, "..."):
            return "\n".join(lines[:i] + [""] * (j + 1 - i) + lines[j + 1:])
    return text


def _join_html_tables(text: str) -> str:
    """Blank lines inside a raw `<table>…</table>` removed, so Markdown reads the table as one HTML
    block (an HTML block ends at a blank line; a model card's table often has some)."""
    if "<table" not in text.lower():
        return text
    lines = text.split("\n")
    last_close = max((n for n, line in enumerate(lines) if TABLE_CLOSE_RE.search(line)), default=-1)
    out: list[str] = []
    fenced = in_table = False
    for n, line in enumerate(lines):
        if in_table:
            if not line.strip():
                continue
            in_table = not TABLE_CLOSE_RE.search(line)
        elif FENCE_RE.match(line):
            fenced = not fenced
        elif not fenced and n < last_close and TABLE_OPEN_RE.match(line) and not TABLE_CLOSE_RE.search(line):
            in_table = True
        out.append(line)
    return "\n".join(out)
