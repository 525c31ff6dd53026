"""Raw HTML inside an article (a model card's `<table>`, a `<p align="center">`, a `<br>`) to blocks
and text with the standard library's parser: tags stripped to their text, entities unescaped."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

from .block import Block, table_blocks
from .sentences import collapse

# tags whose content is no article text: scripts, styles, and text struck through (withdrawn by its author)
SKIPPED = {"script", "style", "template", "noscript", "svg", "head", "title", "del", "s", "strike"}
BLOCK_TAGS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote", "ul",
              "ol", "dl", "dt", "dd", "li", "figure", "figcaption", "details", "summary", "center", "hr", "form",
              "fieldset", "address", "caption", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "col", "embed", "param", "track"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# a superscript that marks a footnote or an affiliation ("Name<sup>1</sup>", "<sup>[2]</sup>", "<sup>*</sup>")
FOOTNOTE_MARK_RE = re.compile(r"[\[(]?[\d\s,*†‡§¶#a-z-]{0,6}[\])]?")
# a superscript right after "10" is an exponent: "3.8 × 10<sup>25</sup>" reads "3.8 × 10^25"
EXPONENT_BASE_RE = re.compile(r"(?:^|[^\d.,])10\s*$")
# a line opened by a bullet glyph ("• 40B parameters", a list written without <li>): an item of its own
BULLET_LINE_RE = re.compile(r"(?:^|\n)\s*[•▪●◦‣]\s*")
MAX_SPAN = 64  # a colspan or rowspan beyond this is damage, not layout


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), MAX_SPAN))
    except ValueError:
        return 1


class _Blocks(HTMLParser):
    """Collects blocks while the HTML is fed: block tags end a block, table cells become rows."""

    def __init__(self, base_kind: str, clean: Callable[[str], str]) -> None:
        super().__init__(convert_charrefs=True)
        self.base_kind, self.clean = base_kind, clean
        self.blocks: list[Block] = []
        self.buf: list[str] = []
        self.open: list[str] = []  # open block tags, innermost last
        self.skip: list[str] = []  # open skipped tags
        self.sups: list[int | None] = []  # each open <sup>: where its text starts (None: an exponent, kept)
        self.tables = 0  # nesting depth of <table>
        self.rows: list[tuple[bool, list[tuple[str, int, int]]]] = []  # the table's rows: (header?, cells)
        self.row: list[tuple[str, int, int]] | None = None
        self.row_head = False
        self.in_thead = False
        self.cell: tuple[list[str], bool, int, int] | None = None  # text, <th>?, colspan, rowspan
        self.th_only = True  # every cell of the row so far is a <th>

    # the text being written: the open cell's, else the block's
    def _target(self) -> list[str]:
        return self.cell[0] if self.cell is not None else self.buf

    def _kind(self) -> str:
        for tag in reversed(self.open):
            if tag in HEADINGS:
                return "heading"
            if tag == "pre":
                return "code"
            if tag in ("li", "dt", "dd"):
                return "item"
        return self.base_kind

    def flush(self) -> None:
        raw = "".join(self.buf)
        self.buf.clear()
        kind = self._kind()
        if kind == "code":
            if raw.strip("\n"):
                self.blocks.append(Block("code", raw.strip("\n")))
            return
        for n, line in enumerate(BULLET_LINE_RE.split(raw)):  # lines opened by a bullet glyph: items
            text = collapse(self.clean(collapse(line)))
            if text:
                item = "item" if n else kind
                self.blocks.append(Block(item, text, depth=sum(t == "li" for t in self.open) if item == "item" else 0))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip or tag in SKIPPED:
            if tag not in VOID:
                self.skip.append(tag)
            return
        if tag == "br":
            self._target().append("\n")  # a line break: a space in the text, a new line for a bullet
        elif tag == "sup":
            target = self._target()
            self.sups.append(None if EXPONENT_BASE_RE.search("".join(target[-3:])) else len(target))
            if self.sups[-1] is None:
                target.append("^")
        elif tag == "table":
            self.tables += 1
            if self.tables == 1:
                self.flush()
                self.rows, self.row, self.cell = [], None, None
        elif self.tables > 1:
            self._target().append(" ")  # a table inside a cell: its text joins the cell
        elif self.tables == 1 and tag in ("thead", "tbody", "tfoot"):
            self._end_row()
            self.in_thead = tag == "thead"
        elif self.tables == 1 and tag == "tr":
            self._end_row()
            self.row, self.row_head = [], self.in_thead
        elif self.tables == 1 and tag in ("td", "th"):
            self._end_cell()
            if self.row is None:
                self.row, self.row_head = [], self.in_thead
            found = dict(attrs)
            self.cell = ([], tag == "th", _span(found.get("colspan")), _span(found.get("rowspan")))
        elif tag in BLOCK_TAGS:
            if self.cell is not None:
                self.cell[0].append(" ")
            else:
                self.flush()
                if tag not in VOID:
                    self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag == "sup" and self.sups:
            start = self.sups.pop()
            target = self._target()
            if start is not None and FOOTNOTE_MARK_RE.fullmatch("".join(target[start:]).strip()):
                del target[start:]  # a footnote marker is no figure
        elif tag == "table" and self.tables:
            self.tables -= 1
            if self.tables == 0:
                self._end_row()
                self.blocks.extend(table_blocks(_grid(self.rows)))
                self.rows, self.in_thead = [], False
        elif self.tables > 1:
            self._target().append(" ")
        elif self.tables == 1 and tag in ("td", "th"):
            self._end_cell()
        elif self.tables == 1 and tag == "tr":
            self._end_row()
        elif self.tables == 1 and tag == "thead":
            self._end_row()
            self.in_thead = False
        elif tag in BLOCK_TAGS:
            if self.cell is not None:
                self.cell[0].append(" ")
            elif tag in self.open:
                self.flush()
                while self.open.pop() != tag:
                    pass

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.tables and self.cell is None:
            if "caption" in self.open:
                self.buf.append(data)
            return  # whitespace between rows and cells
        self._target().append(data)

    def _end_cell(self) -> None:
        if self.cell is not None and self.row is not None:
            text, is_th, colspan, rowspan = self.cell
            self.row.append((collapse(self.clean(collapse("".join(text)))), colspan, rowspan))
            self.th_only = self.th_only and is_th
        self.cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self.row:
            self.rows.append((self.row_head or self.th_only, self.row))
        self.row = None
        self.th_only = True

    def close(self) -> None:
        super().close()
        if self.tables:  # an unclosed table: keep the rows read
            self._end_row()
            self.blocks.extend(table_blocks(_grid(self.rows)))
            self.tables = 0
        self.flush()


def _grid(rows: list[tuple[bool, list[tuple[str, int, int]]]]) -> list[tuple[bool, list[str]]]:
    """Rows with their colspans and rowspans laid out: one text per column. A spanned cell counts in
    every row it spans (a model named once over three benchmark rows belongs to each); across columns
    a header's text repeats (a group name over its columns), a body cell's does not. With no header
    row (`<th>` or `<thead>`), the first row names the columns."""
    if rows and not any(head for head, _ in rows):
        rows = [(True, rows[0][1]), *rows[1:]]
    carry: dict[int, tuple[str, int]] = {}  # column -> (text, rows still spanned)
    out: list[tuple[bool, list[str]]] = []
    for head, cells in rows:
        line: list[str] = []
        pending = list(cells)
        while pending or len(line) in carry:
            col = len(line)
            if col in carry:
                text, left = carry.pop(col)
                line.append(text)
                if left > 1:
                    carry[col] = (text, left - 1)
                continue
            text, colspan, rowspan = pending.pop(0)
            for k in range(colspan):
                value = text if k == 0 or head else ""
                if rowspan > 1:
                    carry[len(line)] = (value, rowspan - 1)
                line.append(value)
        out.append((head, line))
    return out


def html_blocks(fragment: str, base_kind: str = "paragraph", clean: Callable[[str], str] = str) -> list[Block]:
    """An HTML fragment's blocks: `<table>` rows as `header`/`row` blocks with their cells (the `<th>`
    row, else the first row, names the columns), `<h1>`…`<h6>` as headings, `<li>` as items, `<pre>`
    as code, other text as `base_kind`; `clean` is applied to each text (Markdown written inside HTML)."""
    parser = _Blocks(base_kind, clean)
    parser.feed(fragment)
    parser.close()
    return parser.blocks


def html_to_text(fragment: str) -> str:
    """Inline HTML to its text: tags dropped, `<br>` a space, entities unescaped, footnote markers dropped."""
    return " ".join(b.text for b in html_blocks(fragment) if b.kind != "code")
