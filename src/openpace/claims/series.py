"""Model series ("Kestrel 3.7", "KESTREL", "Nimbus 2", "Owl", "Zed") and their sizes.

A series is what the canonical model ids say once the size and the base/instruct variant are cut
off: `kestrel-3.7-40b-instruct` (size 40b, variant instruct) belongs to the series `kestrel-3.7` with
the size 40B. Articles name series far more often than exact models ("Kestrel 3.7 comes in three
sizes: 11B, 40B and 300B"), so a series plus a size is how most size-bound claims name their model.

Built from plain rows, so a test constructs it in memory: `Series.from_rows([(model_id, size,
variant), ...])`; `Series.from_warehouse(con)` reads the identity table `models`.

Naming rules (each a rule of the names, never of a particular model):
- "S 1" also means the series "S" (a first version is usually published without a number:
  "Kestrel 1" is the series whose ids are `kestrel-9b`, `kestrel-40b`);
- a written name matches a series when its normalized words equal the series' words
  ("KESTREL-2" = "Kestrel 2" = `kestrel-2`; "Owl2.6" = `owl-2.6`), and it holds a capital letter or a
  digit (so an English word that happens to name a series, in lower case, is not one).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb

from ..metrics import evidence
from .resolve import NAME_TOKEN_RE, Mention, _trail, norm_name, version_after

SIZE_RE = re.compile(r"^(?P<n>\d+(?:\.\d+)?)(?P<u>[bm])$")
MAX_WORDS = 4
VARIANT_WORDS = {"base", "instruct", "chat", "it", "hf"}


def size_value(size: str) -> float | None:
    """'301b' -> 3.01e11, '350m' -> 3.5e8; None for anything else ('8x9b', '64k')."""
    m = SIZE_RE.match(size.lower())
    if not m:
        return None
    return float(m.group("n")) * (1e9 if m.group("u") == "b" else 1e6)


@dataclass(frozen=True)
class SeriesMention:
    """A series named in a sentence."""

    start: int
    end: int
    text: str
    key: str  # normalized series name ("kestrel 3.7")


@dataclass
class Series:
    """Series name -> size (parameters, from the size label) -> canonical model ids."""

    members: dict[str, dict[float, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    by_first: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    _compact: dict[str, str] = field(default_factory=dict)  # "xgen" -> "x gen": names spelled without spaces
    _by_id: dict[str, str] = field(default_factory=dict)  # model id -> its series (built on first use)

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str | None, str | None]]) -> Series:
        """From (model_id, size label, variant) rows."""
        out = cls()
        for model_id, size, variant in rows:
            value = size_value(size) if size else None
            if size is None or value is None:
                continue
            words = model_id.lower().split("-")
            if size.lower() not in words:
                continue
            cut = words.index(size.lower())
            head = words[:cut]
            if not head:
                continue
            # "vicuna-33b-v1.3": the series "vicuna" and, with the words after the size (variant words
            # aside), "vicuna v1.3"
            tail = [w for w in words[cut + 1:] if w not in VARIANT_WORDS]
            for key in {norm_name(" ".join(head)), norm_name(" ".join(head + tail))}:
                out.members[key][value].add(model_id)
                out.by_first[key.split()[0]].add(len(key.split()))
                out.by_first[key.replace(" ", "")[:1]].add(0)  # compact spellings: looked up by first letter
        return out

    @classmethod
    def from_warehouse(cls, con: duckdb.DuckDBPyConnection) -> Series:
        return cls.from_rows(evidence.sized_models(con))

    def keys(self, key: str) -> list[str]:
        """The series a name covers: itself (spaces aside: "Q-NET" = `qnet`), and "S" for "S 1"."""
        if key not in self.members:
            if not self._compact:  # built once, after the rows are in
                self._compact = {k.replace(" ", ""): k for k in list(self.members)}
            key = self._compact.get(key.replace(" ", ""), key)
        out = [key] if key in self.members else []
        if key.endswith(" 1") and key[:-2] in self.members:
            out.append(key[:-2])
        return out

    def find(self, sentence: str, taken: Sequence[tuple[int, int]] = ()) -> list[SeriesMention]:
        """Series named in a sentence, longest first, outside `taken` spans."""
        tokens = [(m.start(), m.end() - _trail(m.group(0))) for m in NAME_TOKEN_RE.finditer(sentence)]
        out: list[SeriesMention] = []
        i = 0
        while i < len(tokens):
            found = None
            first = norm_name(sentence[tokens[i][0]:tokens[i][1]]).split()
            if first and (first[0] in self.by_first or first[0][:1] in self.by_first):
                for length in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
                    a, b = tokens[i][0], tokens[i + length - 1][1]
                    text = sentence[a:b]
                    if re.search(r"[,;:]", text) or not re.search(r"[A-Z0-9]", text):
                        continue
                    if any(x < b and a < y for x, y in taken):
                        continue
                    keys = self.keys(norm_name(text))
                    if keys and version_after(sentence, b):
                        break  # "<Series> N.M XB": the name written holds a version the series has not
                    if keys:
                        found = (SeriesMention(a, b, text, keys[0]), length)
                        break
            if found is None:
                i += 1
                continue
            out.append(found[0])
            i += found[1]
        return out

    def of_id(self, model_id: str) -> str | None:
        """The series a canonical model id belongs to (its shortest key: "kestrel 2" before "kestrel 2 v1.3")."""
        if not self._by_id:
            for key, sizes in self.members.items():
                for ids in sizes.values():
                    for i in ids:
                        if i not in self._by_id or len(key) < len(self._by_id[i]):
                            self._by_id[i] = key
        return self._by_id.get(model_id)

    def sizes(self, key: str) -> dict[float, set[str]]:
        """Every size of a series (and of "S" for "S 1") and its model ids."""
        out: dict[float, set[str]] = defaultdict(set)
        for k in self.keys(key):
            for value, ids in self.members[k].items():
                out[value] |= ids
        return out

    def at(self, key: str, size: float, tolerance: float) -> tuple[float, set[str]] | None:
        """The series member of a size, at the precision written (|label - size| <= tolerance)."""
        fits = [(abs(v - size), v, ids) for v, ids in self.sizes(key).items() if abs(v - size) <= tolerance]
        if not fits:
            return None
        _, value, ids = min(fits, key=lambda f: f[0])
        return value, ids


def series_mention(lex: Any, s: SeriesMention, start: int, end: int) -> Mention | None:
    """A series as a model mention covering every model of the series (`how` "series": a release date of the
    series is its first model's; a figure of it is checked against its models, `attributes.AttributeRules._target`;
    a table column headed by a series is this mention, `tables.header_model`)."""
    ids = sorted({i for ids in lex.series.sizes(s.key).values() for i in ids})
    names = sorted({n for i in ids for n in (lex.aliases[1].get(i, ()) if lex.aliases else ())})
    if not names:
        return None
    return Mention("model", start, end, s.text, s.key, names, how="series",
                   note=f"'{s.text}' names a series: {', '.join(ids[:6])}{' ...' if len(ids) > 6 else ''}")
