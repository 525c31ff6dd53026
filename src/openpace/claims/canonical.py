"""Which canonical model a claim is about (model identity), and the notes naming other models
its name also covers: a dated snapshot, a base or instruct variant a source spells alike.

Without identity aliases (a warehouse with nothing loaded) every function here takes "all rows of the
name"; the identity tables themselves exist in every migrated warehouse, so a query error is raised.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import duckdb

from ..domain.formatting import figure as fmt
from ..domain.variants import Variant, one_network
from ..metrics.evidence import family_members, family_scores
from .resolve import Lexicon, Mention, norm_name


def canonical(lex: Lexicon, source: str, name: str) -> str | None:
    """The canonical model of one fact row (model identity), or None when identity is not built."""
    return lex.aliases[0].get((source, name)) if lex.aliases else None


def named_model(lex: Lexicon, model: Mention) -> str | None:
    """The canonical model a mention names: the identity resolver's pick, else the one of the rows
    spelled as the claim whose id is the claim's name ("Name X" -> name-x, not a later
    name-x-<snapshot> that one catalogue also spells "Name-X"), else the only one."""
    if not lex.aliases:
        return None
    if model.how == "identity":
        return model.key
    ids = {i for s, n in (model.spelled or model.names) if (i := canonical(lex, s, n))}
    exact = sorted(i for i in ids if norm_name(i) == model.key)
    if exact:
        return exact[0]
    return next(iter(ids)) if len(ids) == 1 else None


def network_ids(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[str]:
    """The other canonical models of the same trained network as `ids` (`domain.variants.one_network`: an instruct
    model's base model, a base model's instruct one), `ids` left out."""
    members = [Variant(*m) for m in family_members(con, list(ids))]
    by_id = {m.model_id: m for m in members}
    return sorted({k.model_id for i in ids if i in by_id for k in one_network(by_id[i], members)} - set(ids))


NETWORK_NOTE = "base and instruct models are one trained network (parameters, training tokens and compute)"


def kin_ids(lex: Lexicon, key: str, named: Sequence[str] = ()) -> tuple[list[str], list[str]]:
    """The canonical models of the other names of one identity with the name `key` (`Lexicon.kin`: the same words
    in another order, a catalogue display name's dated id), those in `named` left out: (fixed, moving), the
    floating aliases apart. Only a model whose own id is one of those names counts (a row of another model
    spelled alike does not)."""
    if not lex.aliases:
        return [], []
    out: tuple[list[str], list[str]] = ([], [])
    for names, ids in zip(lex.kin(key), out):
        wanted = set(names)
        for n in names:
            for row in lex.models.get(n, ()):
                mid = lex.aliases[0].get(row)
                if mid is not None and mid not in named and mid not in ids and norm_name(mid) in wanted:
                    ids.append(mid)
    return sorted(out[0]), sorted(out[1])


def same_model(lex: Lexicon, rows: list, row: Sequence[Any], name_at: int = 1) -> list:
    """The rows about the same canonical model as `row` (all of them when identity is not built)."""
    target = canonical(lex, row[0], row[name_at])
    if target is None:
        return rows
    return [r for r in rows if canonical(lex, r[0], r[name_at]) == target]


def focus(lex: Lexicon, model: Mention, rows: list) -> list:
    """The rows of the canonical model the claim names, when it has any; else every row of the mention."""
    target = named_model(lex, model)
    mine = [r for r in rows if canonical(lex, r[0], r[1]) == target] if target else []
    return mine or rows


def other_models_note(lex: Lexicon, rows: list, chosen: Sequence[Any], agrees: Callable[[Any], bool]) -> str:
    """Rows of other canonical models the name also covers that would give another verdict: named,
    never used (a base model's score is not its instruct model's)."""
    target = canonical(lex, chosen[0], chosen[1])
    if target is None:
        return ""
    other: dict[tuple[str, str], tuple] = {}
    for r in rows:
        mid = canonical(lex, r[0], r[1])
        if mid not in (None, target) and agrees(r) != agrees(chosen):
            other.setdefault((mid, r[0]), r)
    if not other:
        return ""
    shown = "; ".join(f"{r[0]} {r[1]} {fmt(r[3])} ({mid})" for (mid, _), r in sorted(other.items())[:3])
    return f" The name also covers other canonical models, not used here: {shown}."


def family_note(con: duckdb.DuckDBPyConnection, lex: Lexicon, model: Mention, bench: Mention) -> str:
    """When the named model has no score but another model of its family does (a dated snapshot,
    "name-x-<date>"), say which: it stays unverifiable, a snapshot is a distinct model."""
    ids = sorted({i for s, n in model.names if (i := canonical(lex, s, n))})
    benches = sorted(lex.benchmarks.get(bench.key, ()))
    if not ids or not benches:
        return ""
    rows = family_scores(con, ids, benches)
    first: dict[str, tuple] = {}
    for mid, source, _name, score in rows:
        first.setdefault(mid, (source, score))
    if not first:
        return ""
    shown = ", ".join(f"{mid} has a score: {fmt(sc)} ({src})" for mid, (src, sc) in list(first.items())[:3])
    return (f"; only {shown}" + (" ..." if len(first) > 3 else "")
            + " — another version of the family, a distinct model, so not used")
