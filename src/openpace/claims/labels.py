"""Short labels: a size ("7B", "4x10B", "7B Params", "11B-it") or a tier word ("Lite", "mini", "Large")
standing for one model of a family that the label's context names, not the label itself.

One rule (docs/claims.md, "Short labels"), used by a table's column and row headers and by size labels
in prose ("the 7B instruct model"):

- the family comes from the label's context, nearest first: for a table, the first column's header, the
  sentence right before the table (a caption arrives there), the section headings above it, then the
  text's topic; in prose, the model or series the binding rule gives the figure, else the previous
  subject or the text's topic (`attributes.py`). At each level every family named is tried — a series
  ("Vessel 2"), a model ("Lyra 3 Ultra"), and a model without its last word when that word is a tier
  ("Lyra 3" of "Lyra 3 Ultra");
- "<family> <label>" is resolved as a column header naming a model is (`tables.header_model`: a size
  picks the series' model of that size, a variant word in the label picks the instruct model, a tier word
  must complete a name a source uses);
- the first level at which some family resolves decides: exactly one model, or none at all when several
  families give different models (never a guess). A level that names no family that resolves passes on to
  the next.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .attributes import mention_ids
from .resolve import NAME_TOKEN_RE, Lexicon, Mention, _trail, norm_name
from .series import Series

# a size label: "7B", "2.5B", "350M", "4x10B", with an optional "Params"/"Parameters" and up to two variant
# words ("7B Instruct", "11B-it", "2B base", "7B PT")
SIZE_LABEL = r"\d+(?:\.\d+)?\s?[BM]|\d+\s?x\s?\d+(?:\.\d+)?B"
PARAMS_WORD = r"params?\.?|parameters"
LABEL_VARIANT = r"inst(?:ruct)?\.?|instruction[- ]tuned|chat|it|base|pt|pre-?trained"
SIZE_LABEL_RE = re.compile(rf"^(?P<size>{SIZE_LABEL})(?:[\s-]+(?P<params>{PARAMS_WORD}))?"
                           rf"(?P<variant>(?:[\s-]+(?:{LABEL_VARIANT}))*)$", re.I)
# a definite size label in prose standing for a model of the family discussed ("the NB model", "this MB version",
# "the NB instruct variant"): `size_reference`
SIZE_REFERENCE_RE = re.compile(rf"\b(?:the|this|that)\s+(?P<size>{SIZE_LABEL})(?:[\s-]+(?:{LABEL_VARIANT}))?[\s-]+"
                               r"(?:model|version|variant|checkpoint)\b", re.I)
# a tier word of a family ("Lite", "Pro", "mini", "Large", "Turbo"): one word of letters
TIER_LABEL_RE = re.compile(r"^[A-Za-z][A-Za-z]{1,11}$")
BASE_WORD_RE = re.compile(r"[\s-]+(?:base|pt|pre-?trained)\b", re.I)
INSTRUCT_WORD_RE = re.compile(r"[\s-]+(?:inst(?:ruct)?\.?|instruction[- ]tuned|chat|it)$", re.I)
# a model name's last word that may be a tier of its family ("Ultra" of "Lyra 3 Ultra")
LAST_WORD_RE = re.compile(r"[\s-]+[A-Za-z]+$")


def size_label(text: str) -> re.Match[str] | None:
    """The parts of a size label ("7B Params", "11B-it"), or None."""
    return SIZE_LABEL_RE.match(" ".join(text.strip().strip("*").split()))


def size_reference(text: str) -> float | None:
    """The parameter count of the last definite size label in `text` ("The NB model scores ...": N × 10^9), or None.
    The model it names is the series' model of that size, the family being the referent (`extract.model_for`)."""
    found = list(SIZE_REFERENCE_RE.finditer(text))
    if not found or "x" in found[-1].group("size").lower():
        return None
    size = found[-1].group("size").replace(" ", "")
    return float(size[:-1]) * (1e9 if size[-1] in "bB" else 1e6)


def is_short_label(text: str) -> bool:
    """Is a header a size or a tier word (a label that names no model alone)?"""
    text = text.strip().strip("*").strip()
    return size_label(text) is not None or bool(TIER_LABEL_RE.match(text))


def states_size(text: str) -> bool:
    """Does a header state a parameter count ("7B Params", "7B parameters"), not only name a model by size?"""
    m = size_label(text)
    return m is not None and m.group("params") is not None


def families(lex: Lexicon, text: str, con: Any = None) -> list[list[str]]:
    """The family names a context text names, each as its spellings to try, longest first: a series
    ("Vessel 2"); a model ("Lyra 3 Ultra"), the model without its last word ("Lyra 3") and the series its
    canonical ids belong to ("kestrel 4" of "Kestrel-4-11B-Instruct"); and a run of up to three name
    words opening with the first word of a known name ("Lyra 3", a family no source lists as a model)."""
    out: list[list[str]] = [[s.text] for s in lex.series.find(text)]
    for m in lex.find_models(text, [], con):
        if m.how == "ambiguous":
            continue
        shorter = LAST_WORD_RE.sub("", m.text)
        out.append([m.text] + ([shorter] if shorter and shorter != m.text else []))
        ids = mention_ids(lex, m)
        keys = {lex.series.of_id(i) for i in ids}
        out.extend([key] for key in sorted(k for k in keys if k))
    named = [(x.start, x.end) for x in lex.series.find(text)] + \
        [(x.start, x.end) for x in lex.find_models(text, [], con) if x.how != "ambiguous"]
    tokens = [(t.start(), t.end() - _trail(t.group(0))) for t in NAME_TOKEN_RE.finditer(text)]
    i = 0
    while i < len(tokens):
        a = tokens[i][0]
        first = norm_name(text[a:tokens[i][1]]).split()
        if not first or first[0] not in lex.by_first or not re.match(r"[A-Z]", text[a]):
            i += 1
            continue
        j = i
        # a run of capitalised words and numbers ("Lyra 3"), outside every name found above, no shorter
        while j + 1 < len(tokens) and j - i < 2 and re.match(r"[A-Z0-9]", text[tokens[j + 1][0]]) and \
                not re.search(r"[,;:]", text[tokens[j][1]:tokens[j + 1][0]]) and \
                text[tokens[j][1]:tokens[j + 1][0]].strip() == "":
            j += 1
        b = tokens[j][1]
        if not any(x < b and a < y for x, y in named):
            out.append([text[a:b]])
        i = j + 1
    return out


def label_model(lex: Lexicon, series: Series, con: Any, label: str, contexts: Sequence[str],
                resolve: Any) -> Mention | None:
    """The one model a short label names in its context (`contexts`, nearest first), or None.

    `resolve(text)` resolves a full name as a table header does (`tables.header_model`)."""
    text = " ".join(label.strip().strip("*").split())
    if not is_short_label(text):
        return None
    sized = size_label(text)
    if sized is not None:
        # "7B Params" names the 7B model; "2B base" the plain (base) one, as a name without a suffix does
        core = sized.group("size") + BASE_WORD_RE.sub("", sized.group("variant") or "")
    else:
        core = text
    for context in contexts:
        if not context:
            continue
        found: dict[str, tuple[str, Mention]] = {}
        for spellings in families(lex, context, con):
            for family in spellings:  # the longest spelling that names a model with the label decides
                if norm_words(family) & norm_words(core):
                    continue  # the family already holds the label ("Vessel 2 11B" and "11B")
                m = resolve(f"{family} {core}")
                if m is not None and m.how not in ("ambiguous", "unknown"):  # a name no source has names none
                    found.setdefault(m.key, (family, m))
                    break
        if len(found) == 1:
            family, m = next(iter(found.values()))
            note = f"'{text}' in a table or text about {family}: {m.text if m.text != f'{family} {core}' else m.key}"
            return Mention("model", 0, len(label), label, m.key, m.names, how=m.how,
                           note=(m.note + "; " if m.note else "") + note, spelled=m.spelled)
        if found:
            return None  # several families of the context give a model: never a guess
    return None


def norm_words(text: str) -> set[str]:
    return {w.lower() for w in re.split(r"[\s-]+", text) if w}
