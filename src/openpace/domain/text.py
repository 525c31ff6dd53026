"""Text from sources made safe to show, in a terminal and in a chart.

Names and statements come from public files anyone can edit. A control character in one can
retitle a terminal window, plant a hyperlink (OSC 8) or clear the screen; a bidi override or a
zero-width space makes "GPT\u200b-4o" look like "GPT-4o"; a NUL or ESC crashes the chart renderer.
One rule for all of them: every control character (Unicode category Cc, except the line breaks a
caller keeps on purpose) and every invisible format character (category Cf: bidi controls,
zero-width spaces and joiners, the BOM, the soft hyphen) is shown as its escape (`\\x1b`,
`\\u200b`), so what is shown is what is there, and nothing is interpreted.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff"
                        r"\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]")


@lru_cache(maxsize=4096)
def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _shown(match: re.Match[str]) -> str:
    return _escape(match.group(0))


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with every control and invisible format character written as its escape.

    `keep_newlines` leaves `\\n` alone (a terminal renderer's own line breaks); a name never
    keeps one, so a name with a newline still prints on one line.
    """
    if not text:
        return text
    if keep_newlines:
        return "\n".join(_INVISIBLE.sub(_shown, part) for part in text.split("\n"))
    return _INVISIBLE.sub(_shown, text)


def is_visible(text: str) -> bool:
    """True when `visible(text)` would change nothing."""
    return not _INVISIBLE.search(text)


def invisible_chars(text: str) -> list[str]:
    """The Unicode names of the characters `visible` escapes (for messages and tests)."""
    return [unicodedata.name(c, f"U+{ord(c):04X}") for c in _INVISIBLE.findall(text)]


def for_chart(text: object) -> object:
    """A label safe for the chart renderer (vl-convert): escapes as in `visible`; non-text unchanged."""
    return visible(text) if isinstance(text, str) else text


def chart_safe(spec: object) -> object:
    """A chart spec with every string in it passed through `visible` (line breaks kept).

    vl-convert aborts the process (a Rust panic) on a NUL or ESC in a label, and an SVG may not hold
    such characters at all; so nothing it draws may carry one.
    """
    if isinstance(spec, str):
        return visible(spec, keep_newlines=True)
    if isinstance(spec, dict):
        return {key: chart_safe(value) for key, value in spec.items()}
    if isinstance(spec, (list, tuple)):
        return [chart_safe(value) for value in spec]
    return spec
