"""Escaping for each context a string can reach in the page: HTML text, attributes, JSON in <script>.

Every string from a source or an article goes through one of these before it reaches the page;
the page builder never concatenates raw data into markup.
"""

from __future__ import annotations

import html
import json
from typing import Any

from ..domain.text import visible

# Characters that could end a <script> data block or start markup inside it; JSON allows \u escapes.
_SCRIPT_JSON = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def text(value: object) -> str:
    """Escape any value for HTML text content (quotes too, so it is also safe in attributes); control,
    bidi and zero-width characters are shown as escapes (domain/text.py), so a name reads as it is."""
    return html.escape(visible("" if value is None else str(value), keep_newlines=True), quote=True)


def attr(value: object) -> str:
    """Escape a value for a double-quoted HTML attribute (invisible characters shown, as in `text`)."""
    return html.escape(visible("" if value is None else str(value), keep_newlines=True), quote=True)


def script_json(data: Any, default: Any = None) -> str:
    """JSON safe to place inside `<script type="application/json">`: no `</script>`, no `<!--`."""
    encoded = json.dumps(data, ensure_ascii=False, allow_nan=False, default=default, sort_keys=False)
    return "".join(_SCRIPT_JSON.get(ch, ch) for ch in encoded)
