"""Rebuild the canonical model tables from every fact table, inside the caller's transaction.

Steps (each documented in docs/identity.md):
1. collect every distinct name a fact row uses, per source (`scores.model_name`,
   `prices.model_name`, `model_facts.name`, `arena_tops.max_model`), with the source's own keys;
2. parse each name with the rules in `rules.py` into a canonical key; when the name leaves
   base/instruct or the snapshot unsaid but every key the source gives for it says the same more
   specific thing (LMArena: `Claude 3.7 Sonnet` with key `claude-3-7-sonnet-20250219`), use it;
3. link a partial snapshot (`GPT-4o (May 2024)`, `GPT-4o-0806`) to the one full-dated snapshot of
   the family it can only mean;
4. per canonical model: openness and release date from the sources, by documented priority, every
   disagreement written to `identity_conflicts`.
"""

from __future__ import annotations

import gc
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import duckdb
import pandas as pd

from ..domain.model_names import (RULE_EXACT, RULE_HUB_BASE, RULE_POINT_VERSION, RULE_SNAPSHOT_LINK, RULE_SOURCE_KEY,
                                  RULE_VENDOR_WORD, RULE_WORD_SPLIT, ParsedName, joined_words, parse_name, without_setting)
from .dates import family_first_release, stamp_range
from .hosts import deployment_base
from .sources import DISPLAY_PRIORITY, HUB_LINK, OPEN_PRIORITY, REGISTRY, WEAK_CLOSED, priority_sorted
from .verdicts import OpenVerdict, choose_open, choose_release

NO_VOTE = OpenVerdict(None, None)
LONE_EFFORT = "medium"  # the one effort word that is also a size word

NAME_QUERY = """
    SELECT source, name, list_sort(list_distinct(flatten(list(keys)))) AS keys FROM (
        SELECT source, model_name AS name, list(DISTINCT model_key) FILTER (WHERE model_key IS NOT NULL) AS keys
        FROM scores GROUP BY ALL
        UNION ALL
        SELECT source, model_name, list(DISTINCT model_key) FILTER (WHERE model_key IS NOT NULL)
        FROM prices GROUP BY ALL
        UNION ALL
        SELECT source, name, list(DISTINCT key) FILTER (WHERE key IS NOT NULL) FROM model_facts GROUP BY ALL
        UNION ALL  -- a Hub id (`org/repo`) is one more key; a bare developer id says the name is a repo
        SELECT source, name, list(DISTINCT hf_id) FILTER (WHERE hf_id LIKE '%/%') FROM model_facts GROUP BY ALL
        UNION ALL
        SELECT DISTINCT source, max_model, []::VARCHAR[] FROM arena_tops)
    GROUP BY source, name ORDER BY source, name
"""
HUB_QUERY = """
    SELECT DISTINCT source, name, hf_id FROM model_facts WHERE hf_id IS NOT NULL AND trim(hf_id) <> ''
"""
# the model a source's own record files a version id under (Epoch's model_versions `Model`: the id `<vendor
# word>-<model>-7b` is filed under "<Model> 7B"), read by rule `vendor-word`
MODEL_NAME_QUERY = """
    SELECT DISTINCT source, name, trim(raw->>'Model') FROM model_facts WHERE trim(raw->>'Model') <> ''
"""
# `registry`: the row is models.dev's record of the model under its lab (canonical-models.json), which
# votes on openness apart from its provider listings (sources.REGISTRY)
FLAG_QUERY = """
    SELECT source, name, open_weights, release_date, registry, count(*) AS n FROM (
        SELECT source, name, open_weights, release_date,
               source = 'models_dev' AND origin LIKE '%canonical-models.json%' AS registry FROM model_facts
        UNION ALL SELECT source, model_name, open_weights, release_date, false FROM scores
        UNION ALL SELECT source, model_name, open_weights, release_date, false FROM prices)
    WHERE open_weights IS NOT NULL OR release_date IS NOT NULL
    GROUP BY ALL
"""
# a Hub link to the weights is an explicit open signal of its own (sources.HUB_LINK)
HUB_LINK_QUERY = """
    SELECT source, name, count(*) FROM model_facts
    WHERE hf_id LIKE '_%/_%' AND open_weights IS NOT FALSE GROUP BY ALL
"""
PARTIAL_SNAPSHOT_LEN = (4, 7)  # `0806` (MMDD or YYMM) and `2024-05` (year-month)


@dataclass
class Alias:
    """One (source, name): `own` is the name's own parse (`model_aliases.normalized`), `parsed`
    the canonical model's (differs when a source key or the Hub convention made it specific)."""

    alias: str
    source: str
    parsed: ParsedName
    model_id: str
    rule: str
    own: ParsedName | None = None

    def __post_init__(self) -> None:
        if self.own is None:
            self.own = self.parsed


def _specific_from_keys(parsed: ParsedName, keys: list[str] | None, cache: dict[str, ParsedName]) -> ParsedName | None:
    """The source's own keys for this name, when they all agree on one more specific model."""
    if not keys or (parsed.variant and parsed.snapshot):
        return None
    found = {_parse(k, cache).key: _parse(k, cache) for k in keys}
    if len(found) != 1:
        return None
    key_parsed = next(iter(found.values()))
    if key_parsed.family != parsed.family:
        return None
    if parsed.variant and key_parsed.variant != parsed.variant:
        return None
    if parsed.snapshot and key_parsed.snapshot != parsed.snapshot:
        return None
    if key_parsed.setting != parsed.setting:  # `GPT-5` is not its key's `gpt-5-…_high` run
        return None
    return key_parsed if key_parsed.key != parsed.key else None


def _parse(name: str, cache: dict[str, ParsedName]) -> ParsedName:
    parsed = cache.get(name)
    if parsed is None:
        parsed = cache[name] = parse_name(name)
    return parsed


def resolve_aliases(names: list[tuple[str, str, list[str] | None]],
                    hub: list[tuple[str, str, str]] | None = None,
                    dated: dict[tuple[str, str], set[date]] | None = None,
                    filed: list[tuple[str, str, str]] | None = None) -> list[Alias]:
    """Steps 1-3: one Alias per (source, name), pointing at its canonical model key.

    `names` is `(source, name, keys)`; `hub` is `(source, name, hf_id)` from model_facts; `dated`
    each (source, name)'s release dates (the snapshot link reads an MMDD model's year from them); `filed`
    `(source, name, model)`: the model a source's own record files the name under (rule `vendor-word`).
    """
    cache: dict[str, ParsedName] = {}
    aliases: dict[tuple[str, str], Alias] = {}
    demote_lone_medium([n for _, n, _ in names], cache)
    for source, name, keys in names:
        parsed = _parse(name, cache)
        if not parsed.key:
            continue  # a blank name joins nothing; `openpace models --unmatched` lists it
        specific = _specific_from_keys(parsed, [k for k in keys or [] if k], cache)
        if specific is not None:
            aliases[(source, name)] = Alias(name, source, specific, specific.key, parsed.rule + "+" + RULE_SOURCE_KEY,
                                            own=parsed)
        else:
            aliases[(source, name)] = Alias(name, source, parsed, parsed.key, parsed.rule)
    join_vendor_words(aliases, filed or [], cache)
    join_split_words(list(aliases.values()))
    join_point_versions(list(aliases.values()))
    mark_hub_base(aliases, hub or [], cache)
    link_partial_snapshots(list(aliases.values()), dated)
    return list(aliases.values())


def _rewrite(a: Alias, tokens: list[str], rule: str) -> None:
    """Give the alias other name words (its sizes, variant, snapshot and setting kept) and record the rule."""
    a.parsed = replace(a.parsed, tokens=tokens, rules=[*a.parsed.rules, rule])
    a.model_id = a.parsed.key
    a.rule = rule if a.rule == RULE_EXACT else f"{a.rule}+{rule}"


def join_vendor_words(aliases: dict[tuple[str, str], Alias], filed: list[tuple[str, str, str]],
                      cache: dict[str, ParsedName]) -> None:
    """A vendor's API id that is its model's name with one word in front (`open-<model>-7b`), where a source's own
    record files that id under the model's name ("<Model> 7B": the same words, sizes and variant, less the first
    word): the word is the vendor's, no part of the name, and every source's name of those words is the model
    (`open-<model>` in a catalogue, with no such record, too). No record, no join: a name that opens with the same
    word and is another model ("<Open><Model> 7B", a reproduction) stays its own. Rule `vendor-word`."""
    words: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
    for source, name, model in filed:
        alias = aliases.get((source, name))
        if alias is None:
            continue
        own, said = alias.parsed, _parse(model, cache)
        if len(own.tokens) == len(said.tokens) + 1 and own.tokens[1:] == said.tokens and own.sizes == said.sizes \
                and said.variant in (None, own.variant) and said.snapshot in (None, own.snapshot) and not said.setting:
            words[tuple(own.tokens)].add(tuple(said.tokens))
    for a in aliases.values():
        found = words.get(tuple(a.parsed.tokens))
        if found is not None and len(found) == 1:
            _rewrite(a, list(next(iter(found))), RULE_VENDOR_WORD)


def join_split_words(aliases: list[Alias]) -> None:
    """Names whose words differ only in where they break (`open_llama_7b` and `OpenLLaMA-7B`, `Code Llama 13B` and
    `CodeLlama-13b`: `domain.model_names.joined_words`) are one model's: every alias takes the spelling of the words
    most names use (then the one with fewer words: a display name writes a run-together name so, "<Open><Model>"). Words holding a digit never join, so sizes and versions stay as
    each name writes them, and the variant, snapshot and setting must agree. Rule `word-split`."""
    spellings: dict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
    for a in aliases:
        if a.parsed.tokens:
            spellings[joined_words(a.parsed.tokens)][tuple(a.parsed.tokens)] += 1
    for a in aliases:
        options = spellings.get(joined_words(a.parsed.tokens))
        if not options or len(options) < 2:
            continue
        target = max(options, key=lambda t: (options[t], -len(t), t))
        if list(target) != a.parsed.tokens:
            _rewrite(a, list(target), RULE_WORD_SPLIT)


# a version written with `p` for its point, as some hosts' ids write it (`<family>-v3p1-8b`, `<family>2p5-72b`)
POINT_VERSION = re.compile(r"([a-z]*?)(v?)(\d+)p(\d+)")


def join_point_versions(aliases: list[Alias]) -> None:
    """A version written `NpM` (`v3p1`, `2p5`) is version N.M when another source's name says so: the alias joins
    the model of `<family>-vN.M` or `<family>-N.M` (that order) when one of them is already some name's key, else
    keeps its own key (the form alone does not say which: `v3p1` is `v3.1` in one family and `3.1` in another).
    No name writes a point as `p` for display, so the form is always a host's. Rule `point-version`."""
    keys = {a.parsed.key for a in aliases}
    for a in aliases:
        found = [(i, m) for i, t in enumerate(a.parsed.tokens) if (m := POINT_VERSION.fullmatch(t))]
        if len(found) != 1:
            continue
        i, m = found[0]
        prefix, v, major, minor = m.groups()
        for version in (f"v{major}.{minor}", f"{major}.{minor}") if v else (f"{major}.{minor}",):
            tokens = [*a.parsed.tokens[:i], *([prefix] if prefix else []), version, *a.parsed.tokens[i + 1:]]
            joined = replace(a.parsed, tokens=tokens, rules=[*a.parsed.rules, RULE_POINT_VERSION])
            if joined.key in keys:
                a.parsed, a.model_id = joined, joined.key
                a.rule = RULE_POINT_VERSION if a.rule == RULE_EXACT else f"{a.rule}+{RULE_POINT_VERSION}"
                break


def demote_lone_medium(names: list[str], cache: dict[str, ParsedName]) -> None:
    """`(medium)` / `_medium` is a reasoning effort only when the family also has another effort
    (`GPT-5 (high)` beside `GPT-5 (medium)`); alone it is a size word (`Pointer Sentinel-LSTM
    (medium)`, Epoch's All ML Systems) and stays part of the name. Fills `cache` for the names."""
    efforts: set[str] = set()
    for name in names:
        parsed = _parse(name, cache)
        if parsed.setting and parsed.setting != LONE_EFFORT:
            efforts.add(parsed.family)
    for name in names:
        parsed = cache[name]
        if parsed.setting == LONE_EFFORT and parsed.family not in efforts:
            cache[name] = without_setting(parsed)


def mark_hub_base(aliases: dict[tuple[str, str], Alias], hub: list[tuple[str, str, str]],
                  cache: dict[str, ParsedName]) -> None:
    """On the Hub, `meta-llama/Llama-3.1-405B` is the base model and `...-Instruct` the chat one.

    A name is a Hub repo when its source gives a Hub id for it (a developer id: the name is the
    repo; or `org/repo` whose repo reduces to the same key). An unmarked, undated Hub repo is the
    base model only when its `-instruct` sibling is a Hub repo too; otherwise (DeepSeek-V3, the
    hybrid Qwen3) the unmarked repo is the released model and stays unmarked.
    """
    repos: list[Alias] = []
    for source, name, hf_id in hub:
        alias = aliases.get((source, name))
        if alias is None:
            continue
        if "/" not in hf_id or _parse(hf_id.rsplit("/", 1)[1], cache).key == alias.parsed.key:
            repos.append(alias)
    hub_keys = {a.model_id for a in repos}
    for a in repos:
        p = a.parsed
        if p.variant is None and p.snapshot is None and f"{p.family}-instruct" in hub_keys:
            base = ParsedName(name=p.name, tokens=p.tokens, sizes=p.sizes, variant="base", snapshot=None,
                              org_hint=p.org_hint, rules=[*p.rules, RULE_HUB_BASE], setting=p.setting)
            a.parsed, a.model_id = base, base.key
            a.rule = (a.rule + "+" + RULE_HUB_BASE) if a.rule != "exact" else RULE_HUB_BASE


def link_partial_snapshots(aliases: list[Alias], dated: dict[tuple[str, str], set[date]] | None = None) -> None:
    """`GPT-4o (May 2024)` / `GPT-4o-0806` -> the family's one full-dated snapshot that matches.

    A year-month snapshot with no full-dated match (`GPT-4 (Jun 2023)`) goes to the family's one
    MMDD snapshot of that month (`gpt-4-0613`) when a source dates that MMDD model in the same year
    (`dated`: each (source, name)'s release dates): an MMDD stamp fixes no year by itself."""
    full: dict[str, set[str]] = defaultdict(set)
    month_day: dict[str, dict[tuple[str, str], set[date]]] = defaultdict(lambda: defaultdict(set))
    for a in aliases:
        snap = a.parsed.snapshot
        if snap and len(snap) == 10:
            full[_family_variant(a)].add(snap)
        elif snap and _is_mmdd(snap) and a.model_id == a.parsed.key and not a.parsed.setting:
            month_day[_family_variant(a)][(a.model_id, snap)].update((dated or {}).get((a.source, a.alias), ()))
    for a in aliases:
        snap = a.parsed.snapshot
        if not snap or len(snap) not in PARTIAL_SNAPSHOT_LEN or a.model_id != a.parsed.key:
            continue
        candidates = full.get(_family_variant(a), set())
        if len(snap) == 7:  # 2024-05
            matches = {d for d in candidates if d.startswith(snap + "-")}
        elif snap.isdigit():  # 0806 as MM-DD
            matches = {d for d in candidates if d[5:7] + d[8:10] == snap}
        else:
            matches = set()
        if len(matches) == 1:
            target = matches.pop()
            a.model_id = "-".join(p for p in (a.parsed.family, a.parsed.variant, target, a.parsed.setting) if p)
            a.rule = (a.rule + "+" + RULE_SNAPSHOT_LINK) if a.rule != "exact" else RULE_SNAPSHOT_LINK
        elif not matches and len(snap) == 7:
            same_month = _mmdd_in_month(snap, month_day.get(_family_variant(a), {}))
            if same_month is not None:
                a.model_id = same_month if not a.parsed.setting else f"{same_month}-{a.parsed.setting}"
                a.rule = (a.rule + "+" + RULE_SNAPSHOT_LINK) if a.rule != "exact" else RULE_SNAPSHOT_LINK


def _is_mmdd(snap: str) -> bool:
    """`0613`: a month and day (identity.dates.stamp_range reads it so), not a YYMM `2407`."""
    return isinstance(stamp_range(snap), str)


def _mmdd_in_month(month_stamp: str, mmdd_models: dict[tuple[str, str], set[date]]) -> str | None:
    """The one MMDD model (`gpt-4-0613`) whose stamp names the month of `month_stamp` (`2023-06`) and
    that some source dates in that stamp's year (the year of the stamp's day nearest that date)."""
    year, month = int(month_stamp[:4]), month_stamp[5:7]
    same_month = [(model_id, snap, days) for (model_id, snap), days in mmdd_models.items() if snap[:2] == month]
    if len(same_month) != 1:
        return None
    model_id, snap, days = same_month[0]
    return model_id if any(_stamp_year(snap, day) == year for day in days) else None


def _stamp_year(mmdd: str, day: date) -> int | None:
    """The year in which the stamp's day (`0613`) lies nearest to `day`."""
    options = [(abs((stamp - day).days), y) for y in (day.year - 1, day.year, day.year + 1)
               if (stamp := _safe_day(y, int(mmdd[:2]), int(mmdd[2:]))) is not None]
    return min(options)[1] if options else None


def _safe_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _family_variant(a: Alias) -> str:
    return f"{a.parsed.family}|{a.parsed.variant or ''}"


def _setting_candidates(parsed: ParsedName) -> list[str]:
    """The models a setting may be applied to, most specific first: the same key without the
    setting (`gpt-5-2025-08-07`), then without the snapshot, then the bare family."""
    found = [parsed.base_key, "-".join(p for p in (parsed.family, parsed.variant) if p), parsed.family]
    return list(dict.fromkeys(found))


def _display_name(group: list[Alias]) -> str:
    """A readable name: a spelled-out name without host or organisation prefix, from the
    highest-priority source, before an id."""
    def rank(a: Alias) -> tuple:
        prefixed = "org-prefix" in a.rule or "org-word" in a.rule
        return (prefixed, " " not in a.alias, DISPLAY_PRIORITY.get(a.source, 99), len(a.alias), a.alias)

    return plain_text(min(group, key=rank).alias)


# LaTeX a source writes in a name (`$\infty$-former`), shown as the text it stands for
LATEX_SYMBOLS = {r"\infty": "∞", r"\alpha": "α", r"\beta": "β", r"\gamma": "γ", r"\delta": "δ",
                 r"\epsilon": "ε", r"\lambda": "λ", r"\mu": "μ", r"\pi": "π", r"\sigma": "σ", r"\tau": "τ",
                 r"\phi": "φ", r"\omega": "ω", r"\times": "×", r"\pm": "±"}
LATEX_MATH = re.compile(r"\$([^$]{0,40}\\[A-Za-z][^$]{0,40})\$")  # math with a command in it


def plain_text(name: str) -> str:
    """`$\\infty$-former` -> `∞-former`: inline LaTeX math turned into the characters it writes."""
    def render(match: re.Match[str]) -> str:
        body = match.group(1)
        for command, symbol in LATEX_SYMBOLS.items():
            body = re.sub(re.escape(command) + r"(?![A-Za-z])", symbol, body)
        return body.replace("{", "").replace("}", "").replace("\\", "")
    return LATEX_MATH.sub(render, name)


def rebuild_identity(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute `models`, `model_aliases`, `identity_conflicts`, `model_release_dates` and
    `model_open_flags` from every fact table, inside the caller's transaction."""
    # Tens of thousands of small objects and no cycles: the cyclic collector would only rescan them.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        _rebuild(con)
    finally:
        if was_enabled:
            gc.enable()


def _rebuild(con: duckdb.DuckDBPyConnection) -> None:
    flags = con.execute(FLAG_QUERY).fetchall()
    dated: dict[tuple[str, str], set[date]] = defaultdict(set)
    for source, name, _, released, _, _ in flags:
        if released is not None:
            dated[(source, name)].add(released)
    aliases = resolve_aliases(con.execute(NAME_QUERY).fetchall(), con.execute(HUB_QUERY).fetchall(), dated,
                              con.execute(MODEL_NAME_QUERY).fetchall())
    by_source_name = {(a.source, a.alias): a.model_id for a in aliases}

    open_counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    date_counts: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for source, name, is_open, released, registry, n in flags:
        model_id = by_source_name.get((source, name))
        if model_id is None:
            continue
        if is_open is not None:
            open_counts[(model_id, REGISTRY if registry else source)][0 if is_open else 1] += n
        if released is not None:
            date_counts[model_id][source][released] += n
    for source, name, n in con.execute(HUB_LINK_QUERY).fetchall():
        model_id = by_source_name.get((source, name))
        if model_id is not None:
            open_counts[(model_id, HUB_LINK)][0] += n

    grouped: dict[str, list[Alias]] = defaultdict(list)
    by_family: dict[str, list[Alias]] = defaultdict(list)
    for a in aliases:
        grouped[a.model_id].append(a)
        by_family[a.parsed.family].append(a)
    family_of = {(a.source, a.alias): a.parsed.family for a in aliases}
    # One organisation per family (base, instruct and snapshots share their maker)
    organizations: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for source, name, org, n in con.execute(
            "SELECT source, name, organization, count(*) FROM model_facts WHERE organization IS NOT NULL "
            "AND trim(organization) <> '' GROUP BY ALL").fetchall():
        family = family_of.get((source, name))
        if family is not None:
            organizations[family][source][org.strip()] += n
    hosts = {r[0] for r in con.execute("SELECT DISTINCT lower(provider) FROM prices").fetchall()}
    family_org = {family: _organization(organizations.get(family), group, hosts) for family, group in by_family.items()}

    models: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    open_rows = []
    for model_id, group in grouped.items():
        parsed = next((a.parsed for a in group if a.parsed.key == model_id), group[0].parsed)
        models.append({
            "model_id": model_id,
            "display_name": _display_name(group),
            "family": parsed.family,
            "organization": family_org.get(parsed.family),
            "variant": parsed.variant,
            "size": "-".join(parsed.sizes) or None,
            "snapshot": _snapshot_of(model_id, parsed),
            "sources": ",".join(sorted({a.source for a in group})),
            "setting": parsed.setting,
            "moving": parsed.moving,
            "_candidates": _setting_candidates(parsed) if parsed.setting else [],
            "_twin": _size_twin(parsed),
            "_host_base": deployment_base(parsed) if not parsed.setting else None,
        })
    open_by_model: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    for (model_id, source), (yes, no) in open_counts.items():
        open_by_model[model_id][source] = (yes, no)
        open_rows.append({"model_id": model_id, "source": source, "open_rows": yes, "closed_rows": no})

    verdicts = {m["model_id"]: _unless_split_catalogue(choose_open(open_by_model[m["model_id"]]),
                                                       open_by_model[m["model_id"]])
                for m in models if m["model_id"] in open_by_model}
    first_release = _family_first_releases(models, date_counts, aliases)
    conflicts += _size_twins(models, verdicts)
    family_open = _family_open([m for m in models if not m["setting"]], verdicts)
    by_id = {m["model_id"]: m for m in models}
    # models without a setting first: a setting inherits from the model it is applied to
    for m in sorted(models, key=lambda m: m["setting"] is not None):
        verdict = verdicts.get(m["model_id"]) or NO_VOTE
        host_base = by_id.get(m.pop("_host_base", None) or "")
        if host_base is not None and host_base["model_id"] != m["model_id"]:
            verdict = _host_verdict(m["model_id"], verdict, host_base, verdicts, family_open, conflicts)
        m["open_weights"], m["open_basis"] = verdict.value, verdict.basis
        conflicts += [{"model_id": m["model_id"], "field": "open_weights", "detail": d} for d in verdict.conflicts]
        not_before = first_release.get(m["family"])
        if host_base is not None and (base_first := first_release.get(host_base["family"])) is not None:
            not_before = max(not_before, base_first) if not_before is not None else base_first
        released = choose_release(date_counts.get(m["model_id"], {}), m["snapshot"], not_before)
        m["release_date"], m["release_source"] = released.value, released.source
        conflicts += [{"model_id": m["model_id"], "field": "release_date", "detail": d} for d in released.conflicts]
        m["setting_of"] = _inherit_setting(m, by_id) if m["setting"] else None
        if m["open_weights"] is None and m["family"] in family_open:
            m["open_weights"], m["open_basis"] = family_open[m["family"]]
        if host_base is not None and host_base["model_id"] != m["model_id"] and m["open_weights"] is True:
            m["setting_of"] = host_base["model_id"]  # the weights it serves: one point in parity and the index
    _settle_chains(models, by_id)

    release_rows = [{"model_id": mid, "source": src, "release_date": d, "rows": n}
                    for mid, per_source in date_counts.items() for src, counter in per_source.items()
                    for d, n in counter.items()]
    alias_rows = [{"alias": a.alias, "normalized": a.own.key if a.own is not None else None, "model_id": a.model_id, "source": a.source,
                   "rule": a.rule} for a in aliases]
    _replace(con, "models", models, ["model_id", "display_name", "family", "organization", "variant",
                                     "open_weights", "open_basis", "release_date", "release_source",
                                     "size", "snapshot", "sources", "setting", "setting_of", "moving"])
    _replace(con, "model_aliases", alias_rows, ["alias", "normalized", "model_id", "source", "rule"])
    _replace(con, "identity_conflicts", conflicts, ["model_id", "field", "detail"])
    _replace(con, "model_release_dates", release_rows, ["model_id", "source", "release_date", "rows"])
    _replace(con, "model_open_flags", open_rows, ["model_id", "source", "open_rows", "closed_rows"])


def _family_first_releases(models: list[dict], date_counts: dict[str, dict[str, Counter]],
                           aliases: list[Alias]) -> dict[str, date]:
    """Each family's first release (identity.dates.family_first_release): its members' dated
    stamps, the dated stamps of the names linked into a member (`GPT-4 (Mar 2023)` -> `gpt-4-0314`
    keeps its month), and the dates its unstamped members take from a curated source (by source
    priority)."""
    members: dict[str, list[tuple[str | None, str | None, date | None]]] = defaultdict(list)
    for m in models:
        plain = choose_release(date_counts.get(m["model_id"], {}))  # before the rules, which need this
        members[m["family"]].append((m["snapshot"], plain.source, plain.value))
    for a in aliases:
        if RULE_SNAPSHOT_LINK in a.rule.split("+"):
            members[a.parsed.family].append((a.parsed.snapshot, a.source, None))
    return {family: first for family, group in members.items() if (first := family_first_release(group))}


def _snapshot_of(model_id: str, parsed: ParsedName) -> str | None:
    """The snapshot in the final model id (a linked partial snapshot takes the full date)."""
    prefix = "-".join(p for p in (parsed.family, parsed.variant) if p)
    rest = model_id[len(prefix) + 1:] if model_id.startswith(prefix + "-") else ""
    if parsed.setting and (rest == parsed.setting or rest.endswith("-" + parsed.setting)):
        rest = rest[:-len(parsed.setting)].rstrip("-")
    return rest or None


def _unless_split_catalogue(verdict: OpenVerdict, per_source: dict[str, tuple[int, int]]) -> OpenVerdict:
    """A closed verdict resting only on catalogue flags (WEAK_CLOSED) whose own rows also say open is
    no verdict: a provider's `open_weights: false` is often the field left at its default, so the
    catalogue contradicting itself says nothing either way (docs/identity.md, "Open weights")."""
    basis = set((verdict.basis or "").split("+"))
    if verdict.value is not False or not basis <= WEAK_CLOSED:
        return verdict
    said_open = {s: per_source[s][0] for s in basis if per_source.get(s, (0, 0))[0]}
    if not said_open:
        return verdict
    rows = ", ".join(f"{s} {per_source[s][0]} of {sum(per_source[s])} rows" for s in sorted(said_open))
    return OpenVerdict(None, None, [*verdict.conflicts,
                                    f"closed only by catalogue flags that also say open ({rows}): unknown"])


def _settle_chains(models: list[dict], by_id: dict[str, dict]) -> None:
    """`setting_of` names the root model: a setting of a host deployment (`gpt-oss-120b (high)
    (Chutes)`) counts as the open model the host serves, not as the deployment."""
    for m in models:
        seen = {m["model_id"]}
        while (parent := by_id.get(m["setting_of"] or "")) is not None and parent["setting_of"] \
                and parent["setting_of"] not in seen:
            seen.add(parent["setting_of"])
            m["setting_of"] = parent["setting_of"]


def _host_verdict(model_id: str, verdict: OpenVerdict, base: dict, verdicts: dict[str, OpenVerdict],
                  family_open: dict[str, tuple[bool, str]], conflicts: list[dict]) -> OpenVerdict:
    """A host deployment (identity.hosts) takes its open model's openness when its own verdict is
    nothing or rests only on catalogue flags (WEAK_CLOSED); the override is a conflict line."""
    base_verdict = verdicts.get(base["model_id"])
    if base_verdict is not None and base_verdict.value is not None:
        base_open, base_basis = base_verdict.value, base_verdict.basis
    elif base["family"] in family_open:
        base_open, base_basis = family_open[base["family"]]
    else:
        return verdict
    if base_open is not True or verdict.value is True:
        return verdict
    if verdict.value is False and not set((verdict.basis or "").split("+")) <= WEAK_CLOSED:
        return verdict
    if verdict.value is False:
        conflicts.append({"model_id": model_id, "field": "open_weights",
                          "detail": f"{verdict.basis} says closed; it is a host's deployment of {base['model_id']}, "
                                    f"open per {base_basis}; used open (the same weights)"})
    return OpenVerdict(True, f"inherited from {base['model_id']} (host deployment)", verdict.conflicts)


def _size_twin(parsed: ParsedName) -> str | None:
    """The same name without its size tag (`mistral-nemo-12b-instruct-2407` ->
    `mistral-nemo-instruct-2407`), or None when the name has no size tag."""
    if not parsed.sizes:
        return None
    return "-".join(p for p in ("-".join(parsed.tokens), parsed.variant, parsed.snapshot, parsed.setting) if p)


def _size_twins(models: list[dict], verdicts: dict[str, OpenVerdict]) -> list[dict]:
    """A closed verdict that rests only on catalogue flags (WEAK_CLOSED) gives way to an explicit
    open signal (any other source, or a Hub link) on the same name without its size tag: a host
    that spells the size out (`Mistral-Nemo-12B-Instruct-2407`) serves the released weights. The
    twin must be open on such a signal itself; the override is written as a conflict line."""
    conflicts = []
    for m in models:
        verdict = verdicts.get(m["model_id"])
        twin_id = m.pop("_twin", None)
        if verdict is None or verdict.value is not False or not set((verdict.basis or "").split("+")) <= WEAK_CLOSED:
            continue
        twin = verdicts.get(twin_id) if twin_id else None
        if twin is None or twin.value is not True or set((twin.basis or "").split("+")) <= WEAK_CLOSED:
            continue
        verdicts[m["model_id"]] = OpenVerdict(True, f"inherited from {twin_id}", verdict.conflicts)
        conflicts.append({"model_id": m["model_id"], "field": "open_weights",
                          "detail": f"{verdict.basis} says closed; {twin_id} (the same name without the size tag) "
                                    f"is open per {twin.basis}; used open (an explicit open signal beats a catalogue flag)"})
    return conflicts


def _inherit_setting(m: dict, by_id: dict[str, dict]) -> str | None:
    """A reasoning effort or thinking budget is chosen at inference time: same weights, so the
    setting takes openness (and a missing release date) from the model it is applied to, the
    first of `_setting_candidates` that knows them. Returns that model's id (`models.setting_of`)."""
    existing = [by_id[c] for c in m["_candidates"] if c in by_id and c != m["model_id"]]
    if not existing:
        return None
    base = next((b for b in existing if b["open_weights"] is not None), existing[0])
    if m["open_weights"] is None and base["open_weights"] is not None:
        m["open_weights"], m["open_basis"] = base["open_weights"], f"inherited from {base['model_id']}"
    if m["release_date"] is None:
        dated = next((b for b in existing if b["release_date"] is not None), None)
        if dated is not None:
            m["release_date"], m["release_source"] = dated["release_date"], f"inherited from {dated['model_id']}"
    return base["model_id"]


def _organization(per_source: dict[str, Counter] | None, group: list[Alias], hosts: set[str]) -> str | None:
    """A family's organisation: a source's own field first (by source priority), else the
    organisation prefix its names carry (`meta-llama/…`), never a host that sells it."""
    if per_source:
        source = priority_sorted(per_source, OPEN_PRIORITY)[0]
        return _most_common(per_source[source])
    hints = Counter(a.parsed.org_hint for a in group if a.parsed.org_hint and a.parsed.org_hint not in hosts)
    return _most_common(hints) if hints else None


def _most_common(counter: Counter) -> str:
    """The most frequent value; ties broken alphabetically so a rebuild is reproducible."""
    return min(counter.items(), key=lambda item: (-item[1], item[0]))[0]


def _family_open(models: list[dict], verdicts: dict[str, OpenVerdict]) -> dict[str, tuple[bool, str]]:
    """Families whose flagged models all agree: a model no source flags inherits the family's value,
    with basis `family:<sources>` (never when the family's models disagree)."""
    values: dict[str, set[bool]] = defaultdict(set)
    basis: dict[str, set[str]] = defaultdict(set)
    for m in models:
        verdict = verdicts.get(m["model_id"])
        if verdict is not None and verdict.value is not None:
            values[m["family"]].add(verdict.value)
            basis[m["family"]].update((verdict.basis or "").split("+"))
    return {fam: (next(iter(v)), "family:" + "+".join(priority_sorted(basis[fam], OPEN_PRIORITY)))
            for fam, v in values.items() if len(v) == 1}


def _replace(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict], columns: list[str]) -> None:
    con.execute(f"DELETE FROM {table}")
    if not rows:
        return
    frame = pd.DataFrame(rows, columns=columns)
    if "release_date" in columns:
        frame["release_date"] = pd.to_datetime(frame["release_date"]).dt.date
    con.register("_identity_rows", frame)
    try:
        cols = ", ".join(columns)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _identity_rows")
    finally:
        con.unregister("_identity_rows")


__all__ = ["Alias", "rebuild_identity", "resolve_aliases"]
