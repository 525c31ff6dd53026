"""The Jinja2 environment: autoescaping on for every template, so escaping is the default and a
string from a source or an article can only ever reach the page as text."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from .escape import script_json

_CODE = re.compile(r"`([^`]+)`")
_STRONG = re.compile(r"\*\*([^*]+)\*\*")


def inline(value: Any) -> Markup:
    """Text with `code` and **strong** spans: escaped first, then only those two marks become tags."""
    escaped = str(escape("" if value is None else value))
    escaped = _CODE.sub(r"<code>\1</code>", escaped)
    return Markup(_STRONG.sub(r"<strong>\1</strong>", escaped))


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("openpace.report", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["inline"] = inline
    env.filters["script_json"] = lambda data: Markup(script_json(data, default=str))
    return env


def render(template: str, **context: Any) -> str:
    """Render one template of `openpace/report/templates` with `context`."""
    return environment().get_template(template).render(**context)
