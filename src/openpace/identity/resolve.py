"""Resolving a loose name ("Llama 3 405B", "GPT-4o", "Claude 3.5 Sonnet (Oct 2024)") to canonical
model ids, for the claims checker. Steps, first hit wins, and the rule used is returned:

1. exact alias: the text is a name some source uses, as spelled;
2. normalized: the text's canonical key is a model id, or an alias's key (case, separators,
   prefixes and tiers removed by the same rules as every alias);
3. family: the key names a family; its unmarked model (the model as released, no base/instruct,
   no snapshot) if it has one, else every member with the same inference setting (none unless
   the text names one; several ids = ambiguous, never a guess);
4. version prefix: `Llama 3 405B` -> a family whose version starts with `3.` and whose every
   other token and size tag match; several families = ambiguous.
"""

from __future__ import annotations

import duckdb

from ..domain.model_names import ParsedName, parse_name


def _candidates_by_family(con: duckdb.DuckDBPyConnection, families: list[str], parsed: ParsedName) -> list[str]:
    rows = con.execute(
        "SELECT model_id, family, variant, snapshot, setting FROM models WHERE list_contains(?, family) "
        "ORDER BY model_id", [families]).fetchall()
    # a name that says no effort or thinking budget means the model, not one of its settings
    rows = [r for r in rows if r[4] == parsed.setting]
    if parsed.variant:
        rows = [r for r in rows if r[2] == parsed.variant]
    if parsed.snapshot:
        rows = [r for r in rows if r[3] and (r[3] == parsed.snapshot or r[3].startswith(parsed.snapshot + "-"))]
    ids = []
    for family in families:
        members = [r for r in rows if r[1] == family]
        unmarked = [r[0] for r in members if r[0] == family]
        ids += unmarked or [r[0] for r in members]
    return ids


def _version_prefix_families(con: duckdb.DuckDBPyConnection, parsed: ParsedName) -> list[str]:
    """Families equal to the text's tokens except that a bare version (`3`) is a prefix of theirs."""
    head = parsed.tokens[0] if parsed.tokens else ""
    families = [r[0] for r in con.execute(
        "SELECT DISTINCT family FROM models WHERE family LIKE ? ORDER BY family", [head + "-%"]).fetchall()]
    found = []
    for family in families:
        other = parse_name(family)
        if other.sizes != parsed.sizes or len(other.tokens) != len(parsed.tokens):
            continue
        if all(a == b or (a.isdigit() and b.startswith(a + ".")) for a, b in zip(parsed.tokens, other.tokens)):
            found.append(family)
    return found


def resolve_name_explained(con: duckdb.DuckDBPyConnection, text: str) -> tuple[list[str], str]:
    """Candidate model ids for a loose name, and the rule that found them (human-readable)."""
    text = (text or "").strip()
    if not text:
        return [], "no match: empty name"
    ids = [r[0] for r in con.execute(
        "SELECT DISTINCT model_id FROM model_aliases WHERE alias = ? ORDER BY model_id", [text]).fetchall()]
    if ids:
        return ids, f"exact alias: {text!r} is a name a source uses"
    if con.execute("SELECT 1 FROM models WHERE model_id = ?", [text]).fetchone():
        return [text], f"model id: {text!r} is a canonical model id"
    parsed = parse_name(text)
    key = parsed.key
    ids = [r[0] for r in con.execute(
        "SELECT model_id FROM models WHERE model_id = ? UNION "
        "SELECT DISTINCT model_id FROM model_aliases WHERE normalized = ? ORDER BY 1", [key, key]).fetchall()]
    if ids:
        return ids, f"normalized: {text!r} -> {key!r} ({parsed.rule})"
    ids = _candidates_by_family(con, [parsed.family], parsed)
    if ids:
        how = "the family's unmarked model" if ids == [parsed.family] else f"{len(ids)} family members"
        return ids, f"family: {text!r} -> family {parsed.family!r}, {how}"
    families = _version_prefix_families(con, parsed)
    ids = _candidates_by_family(con, families, parsed) if families else []
    if ids:
        return ids, f"version prefix: {text!r} -> famil{'y' if len(families) == 1 else 'ies'} {', '.join(families)}"
    return [], f"no match: {text!r} -> {key!r} names no model, alias or family"


def resolve_name(con: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    """Candidate model ids for a loose name: exact alias, then normalized key, then the family it
    can only mean; several ids when the name is ambiguous, none when nothing matches."""
    return resolve_name_explained(con, text)[0]
