"""Entity vocabulary from the warehouse (models, benchmarks, providers, GPU types, repositories)
and the mentions of those entities in a sentence.

Nothing here is typed by hand except the names of the catalogues themselves (the Hub, models.dev,
...): every model, benchmark, provider, GPU type and repository comes from the fact tables.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any
from dataclasses import dataclass, field

import duckdb

from ..domain.benchmarks import ALIASES as BENCHMARK_ALIASES
from ..domain.benchmarks import VARIANT_WORDS as BENCHMARK_VARIANT_WORDS
from ..domain.benchmarks import VARIANT_AFTER, benchmark_key, preceding_variant, qualified_key, setting_bases, variant_key
from ..domain.model_names import MOVING_WORDS, NO_THINKING_SETTING, joined_words, name_words, parse_name
from ..domain.providers import provider_key
from ..domain.variants import FINE_TUNED_AFTER, FINE_TUNED_OF, FINE_TUNED_POSSESSIVE, is_dated
from ..identity import resolve_name_explained
from ..metrics import evidence
from .numbers import _qualifier
from .patterns import CHIP_SUFFIX, METRIC_SUFFIX, SHOT_SUFFIX, name_digit_spans

if TYPE_CHECKING:
    from .series import Series

NAME_TOKEN_RE = re.compile(r"[A-Za-z0-9][\w.+\-/:]*")
# a lower-case provider id counts as a provider only where it is written as one, in a sentence about
# prices: the subject of a pricing verb or a possessive ("<provider> charges $A per million", "<provider>'s
# price"), or after "via/through". Several provider ids are ordinary English words (check the prices
# table), so "at/on <word>" in lower case is not read as a provider: a capitalised name is.
PRICE_CONTEXT_RE = re.compile(r"[$€£]\s?\d|\d\s?(?:USD|dollars?|cents?)\b|\bper\s+(?:million|1M|M)\b|/\s?M(?:tok)?\b",
                              re.I)
PROVIDER_VERB_RE = re.compile(r"^(?:'s|’s)?\s+(?:charges?|charged|lists?|listed|prices?|priced|bills?|billed|sells?|sold|"
                              r"serves?|served|offers?|offered|hosts?|hosted|wants?|asks?|asked|quotes?|quoted)\b|^(?:'s|’s)\b")
PROVIDER_LEAD_RE = re.compile(r"\b(?:via|through)\s+$", re.I)
HUB_RE = re.compile(r"\b(?:Hugging\s?Face(?:\s+Hub)?|HF\s+Hub|the\s+Hub)\b", re.I)
# catalogue name in text -> (source whose latest snapshot counts it, table)
CATALOGUES = {
    r"models\.dev": ("models_dev", "model_facts"),
    r"OpenRouter": ("openrouter", "model_facts"),
    r"LiteLLM": ("litellm", "prices"),
    r"genai[- ]prices": ("genai_prices", "prices"),
}
# words that mark a variant of the same model rather than another product ("X Instruct")
VARIANT_WORDS = {"instruct", "chat", "base", "preview", "latest", "model", "models", "series", "family", "version",
                 "turbo", "mini", "nano", "lite", "pro", "plus", "large", "small", "medium", "free"}
GENERIC_NOUNS = {"model", "models", "series", "family", "version", "free", "latest"}
# a date stamp as a normalized name writes a dated snapshot ("YYYY-MM-DD", "YYYY-MM", "MMDD", "YYMMDD": domain.model_names)
DATE_STAMP_RE = re.compile(r"(?:19|20)\d\d-\d\d(?:-\d\d)?|\d{4}|\d{6}")
GENERIC_HW_TOKEN = re.compile(r"^(\d+gb|sxm\d*|pcie\d*|\d+|gen\d+|v\d+)$", re.I)


# A model's version (docs/claims.md, "A name's version is kept"): a number with its decimal part ("N", "N.M"),
# "v2", a number and one letter ("No": a digit and a letter); never a size ("NB", "NK"), a date or a stamp ("YYYY-MM-DD",
# "0MDD": a leading zero). The one place the version rule is kept: every loose path asks `keeps_versions`.
VERSION_TOKEN_RE = re.compile(r"v?[1-9]\d{0,2}(?:\.\d+)*(?:[a-z](?![a-z]))?|v?0\.\d+(?:\.\d+)*")
SIZE_LETTERS = "bmkt"
# the words of a name that may follow its version ("<Family> N.M Flash", "-instruct"), and a model's size ("NB", "NxMB")
TIER_WORDS = r"(?:instruct|chat|it|base|mini|nano|lite|pro|flash|turbo|preview)"
MODEL_SIZE_RE = re.compile(r"\d+(?:\.\d+)?[BMbm]|\d+x\d+(?:\.\d+)?[Bb]")
# a version written right after a name and followed by more of it ("<Family> N.M Flash", "<Family> N.M XB",
# "<Family> N.M-instruct"): the name written holds that version, so a shorter name before it is not its name
VERSION_AFTER_RE = re.compile(r"^(?:\s+|-)[vV]?\d{1,2}(?:\.\d{1,2})?(?=(?:\s+|-)(?:[A-Z]|\d+(?:\.\d+)?\s?[BMbm]\b|"
                              + TIER_WORDS + r"\b))")
# A name shaped like a model's that no source has (docs/claims.md, "Names no source has"): a capitalised name (words
# joined by hyphens: "<Name>", "<Name>LM", "<Name>-<Word>") and, glued to it or after a hyphen or a space, a version or
# a size ("<Name>-N.M-mini", "<Name>LM-20B", "<Name>-v0.1", "<Name>N", "<Name> N 7B"), then more of the name
UNSEEN_GLUED_RE = re.compile(r"(?P<name>[A-Z][A-Za-z]*?[A-Za-z](?:-[A-Z][A-Za-z]*?[A-Za-z])*?)(?P<sep>[-_]?)"
                             r"(?P<tail>v?\d[\w.]*(?:[-_][\w.]+)*)")
UNSEEN_WORD_RE = re.compile(r"[A-Z][A-Za-z]+")
# a model's version as such a name writes it: "N", "N.M", a digit and a letter ("4o"), "vN.M.K"; a bare number of two
# digits, a two-digit minor or a third part is a software's or a data set's ("CIFAR-10", "<Tool> 1.26", "2.0.1")
UNSEEN_VERSION_RE = re.compile(r"[1-9](?:\.\d)?[a-z]?|v\d+(?:\.\d+){0,2}", re.I)
# ... in lower case, as Hub ids are written ("<name>-13b", "<name>-2-70b-chat", "<org>/<name>-7b-instruct"): words of
# letters joined by hyphens, then (after a hyphen or glued) versions, a size and more words of the name
UNSEEN_LOWER_RE = re.compile(r"(?P<org>[a-z0-9][\w.-]*/)?(?P<name>[a-z][a-z]+(?:-[a-z][a-z]+)*)(?P<sep>-?)"
                             r"(?P<tail>v?\d[\w.]*(?:[-_][\w.]+)*)")
# after the size of such a name: a unit or a measure, not more of the name ("<word>-7b-parameter")
UNSEEN_LOWER_AFTER_RE = re.compile(r"param(?:eter)?s?|tokens?|tok|gb|vram|ram|bit|bits|times|x", re.I)
# a word of prose before a size, not a name ("sub-7b", "over-70b", "up-to-13b")
UNSEEN_LOWER_STOP_RE = re.compile(r"sub|super|over|under|non|pre|post|multi|mid|up|to|vs|top|the|and|or|an?|of|per|than|"
                                  r"about|around|approx|only|just|all|any|some|most|our|their|its|new|old|small|large|"
                                  r"big|tiny|dense|total|active|with|from|for|by|in|on|at|is|are|was|be", re.I)
# a word after the name making it an adjective ("<Name>-N-level performance", "-class", "-based")
UNSEEN_MODIFIER_RE = re.compile(r"level|class|like|based|sized|style|scale|grade|powered|quality|tier", re.I)
# **More of a name after it** (docs/claims.md, "Sizes and generations after a name"; `Lexicon._name_tails`): a size
# that ends a name ("<Family> N KB"), then the bare sizes coordinated after it ("<Family> N KB and MB",
# "<Family> N JB, KB and MB") name that family's models of those sizes; a series and a size right after it ("<Family>
# 1 KB") the series' model of that size; a known name and a bare generation digit ("<Family> Large 1") a model of
# that generation. None is a figure. Not a size with its own unit after it ("and MB parameters")
NAME_SIZE_END_RE = re.compile(r"(?:(?<=\s)|(?<=-))(?:\d+(?:\.\d+)?[BMbm]|\d+x\d+(?:\.\d+)?[Bb])$")
SIZE_UNIT_AFTER = (r"(?![\w%]|\.\d|[\s-]*(?:param\w*|tokens?|active|activated|total|dense|non-embedding|context|window|"
                   r"GPUs?|hours|words|bytes|[KMGT]B|experts?|in\s+size)\b)")
COORDINATED_SIZE_RE = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+|&\s*)?|\s+(?:and|or|&)\s+|\s*/\s*)"
                                 r"(?P<size>\d+(?:\.\d+)?[BMbm]|\d+x\d+(?:\.\d+)?[Bb])" + SIZE_UNIT_AFTER
                                 + r"(?!\s+(?:for|by|from|of)\s+[A-Z])")  # "N for X": X's figure (binding rule)
SERIES_SIZE_RE = re.compile(r"^[\s-](?P<size>\d+(?:\.\d+)?[BMbm]|\d+x\d+(?:\.\d+)?[Bb])" + SIZE_UNIT_AFTER)
# a generation digit after a known name ending in a word: one digit, no decimal, no unit, no ordinal or list mark
GENERATION_AFTER_RE = re.compile(r"^ (?P<v>[1-9])(?![\w.,%/:]*\w)(?![.,]?\d)"
                                 r"(?!\s?(?:%|[xX×]\b|billion|million|thousand|trillion|percent|points?|pts\b|tokens?|"
                                 r"param|GB|times|fold|-))")


def name_versions(normalized: str) -> list[str]:
    """The version numbers a normalized name holds, in order ("<family> N.M mini instruct" -> ["N.M"]; a number
    and one letter, "<family> No", kept whole; a date is none); a leading "v" is dropped ("vN" = "N")."""
    out = []
    for word in normalized.split():
        if VERSION_TOKEN_RE.fullmatch(word) and not (word[-1] in SIZE_LETTERS and word[-2:-1].isdigit()):
            out.append(word.removeprefix("v"))
    return out


def keeps_versions(written: str, resolved: str) -> bool:
    """May the name written (normalized, with the words its context lends) stand for the name resolved? Only
    when it keeps its versions: the same numbers, a bare "N" standing for its point release "N.M" (the loose
    rule: "<Family> N <size>"); never a version dropped, added or changed ("N.M" is not "N", nor "N.K").
    A dated snapshot of the same version keeps it (dates are no versions)."""
    w, r = name_versions(written), name_versions(resolved)
    if len(w) != len(r):
        return False
    return all(a == b or ("." not in a and b.startswith(a + ".") and a.isdigit()) for a, b in zip(w, r))


def version_after(sentence: str, end: int) -> bool:
    """Is a version written right after the name ending at `end`, itself followed by more of the name?"""
    return VERSION_AFTER_RE.match(sentence[end:]) is not None


# a setting left out, in parentheses after a model's name: "(w/o extended thinking)", "(without tools)", "(no CoT)",
# "(non-thinking)"; a thinking or reasoning one names the model run without thinking (`Lexicon.without_thinking`)
WITHOUT_SETTING = r"\(\s*(?:w/o|without|no|non)[\s-]+(?P<what>[A-Za-z][A-Za-z -]{1,30})\)"
WITHOUT_AFTER_RE = re.compile(r"^\s*" + WITHOUT_SETTING, re.I)
THINKING_RE = re.compile(r"\b(?:thinking|reasoning|think)\b", re.I)


def norm_name(text: str) -> str:
    """One spelling per model name: the words of its canonical key (openpace.domain.model_names),
    without a trailing possessive."""
    s = text.strip()
    if s.endswith(("'s", "’s")):
        s = s[:-2]
    return name_words(s)


@dataclass
class Mention:
    """An entity named in a sentence."""

    type: str  # model | benchmark | provider | gpu | repo | hub | catalogue
    start: int
    end: int
    text: str
    key: str  # what the verifiers look up: a normalized model name, benchmark key, provider key ...
    names: list[tuple[str, str]] = field(default_factory=list)  # (source, name) fact rows it covers
    how: str = "exact"  # exact | loose | identity
    note: str = ""
    spelled: set[tuple[str, str]] = field(default_factory=set)  # rows whose own name matched, before widening

    def to_dict(self) -> dict:
        out = {"text": self.text, "type": self.type, "resolved": self.key, "match": self.how}
        if self.note:
            out["note"] = self.note
        return out


# words after a generation's name that make a variant or a release stage of it, no tier (`Lexicon.generation_members`)
GENERATION_NOT_TIERS = {"instruct", "chat", "base", "preview", "latest", "exp", "experimental", "free", "beta", "it",
                        "hf", "alpha", "rc", "test"}

class Lexicon:
    """Every name the warehouse knows, indexed for matching prose.

    `Lexicon(con)` reads the names from the warehouse (`metrics.evidence`); `Lexicon.from_names(...)`
    builds the same vocabulary in memory from plain names (a test, a text checked without a warehouse)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        from .series import Series  # series.py reads names with this module's tokenizer

        self._index(evidence.model_spellings(con), evidence.benchmark_names(con), evidence.provider_names(con),
                    evidence.hardware_names(con), evidence.repo_names(con), _identity_aliases(con),
                    Series.from_warehouse(con), evidence.organisation_names(con))

    @classmethod
    def from_names(cls, models: Iterable[tuple[str, str, str | None]] = (), benchmarks: Iterable[str] = (),
                   providers: Iterable[str] = (), hardware: Iterable[str] = (), repos: Iterable[str] = (),
                   sized: Iterable[tuple[str, str | None, str | None]] = (),
                   aliases: Mapping[str, Iterable[tuple[str, str]]] | None = None,
                   organisations: Iterable[str] = ()) -> Lexicon:
        """The vocabulary of plain names, in memory: `models` as (source, name, key) rows, benchmark,
        provider, hardware and repository names as written, `sized` as (model_id, size label, variant)
        rows for the series, `aliases` as model_id -> the (source, name) rows identity joins to it, `organisations` the
        makers' names as the fact rows write them."""
        from .series import Series

        joined = None
        if aliases:
            by_name: dict[tuple[str, str], str] = {}
            by_id: dict[str, set[tuple[str, str]]] = defaultdict(set)
            for model_id, rows in aliases.items():
                for row in rows:
                    by_name[row] = model_id
                    by_id[model_id].add(row)
            joined = (by_name, by_id)
        lex = cls.__new__(cls)
        lex._index(models, benchmarks, providers, hardware, repos, joined, Series.from_rows(sized), organisations)
        return lex

    def _index(self, model_spellings: Iterable[tuple[str, str, str | None]], benchmark_names: Iterable[str],
               provider_names: Iterable[str], hardware_names: Iterable[str], repo_names: Iterable[str],
               aliases: tuple[dict[tuple[str, str], str], dict[str, set[tuple[str, str]]]] | None,
               series: Series, organisations: Iterable[str] = ()) -> None:
        self.models: dict[str, set[tuple[str, str]]] = defaultdict(set)
        # (source, name) -> every name the row is indexed under: its own and its source keys' (a catalogue's
        # display name "<Family> <Tier> N" with the entry's id "<family>-N-<tier>-<date>"; `kin`)
        self.row_names: dict[tuple[str, str], set[str]] = defaultdict(set)
        for source, name, key in model_spellings:
            for spelling in {name, key or name}:
                n = norm_name(spelling)
                if n:
                    self.models[n].add((source, name))
                    self.row_names[(source, name)].add(n)
        self.by_first: dict[str, list[list[str]]] = defaultdict(list)
        self.name_tokens: set[str] = set()
        for n in self.models:
            words = n.split()
            self.by_first[words[0]].append(words)
            self.name_tokens.update(words)
        self.max_tokens = 8
        # names by their words run together (`domain.model_names.joined_words`): "<Open><Model> 7B" written for a
        # source's "<open>_<model>_7b" (docs/claims.md, "Names whose words break elsewhere")
        self.joined: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for n in self.models:
            self.joined[joined_words(n.split())].add(n)
        self.joined_firsts = sorted({k[0] for k in self.joined})
        self.benchmarks: dict[str, set[str]] = defaultdict(set)
        for bench in benchmark_names:
            self.benchmarks[benchmark_key(bench)].add(bench)
            if bench.lower().endswith(" elo"):  # "Arena Elo" is what prose calls "Elo"
                self.benchmarks["elo"].add(bench)
        spoken = {b for group in self.benchmarks.values() for b in group}
        # "<Bench>" for the one setting the sources give ("<Bench> (unguided)"): supports, never contradicts (verify_scores)
        self.setting_keys: set[str] = set()
        for key, (base, settings) in setting_bases(spoken).items():
            self.benchmarks[key] |= settings
            self.setting_keys.add(key)
            spoken.add(base)
        if "elo" in self.benchmarks:
            spoken.add("Elo")
        # an older name of a benchmark the warehouse has ("LMSys Elo"): keyed to it by benchmark_key
        spoken |= {alias for alias, key in BENCHMARK_ALIASES.items() if key in self.benchmarks}
        self.bench_re = benchmark_pattern(spoken)
        # "ArcChallenge": a name written without its space or hyphen finds its benchmark's key; so does an older
        # name or a long form so written ("BigBench Hard" for "big bench hard", BBH's alias)
        self.glued_benchmarks = {alias.replace(" ", ""): key for alias, key in BENCHMARK_ALIASES.items()
                                 if key in self.benchmarks}
        self.glued_benchmarks |= {k.replace(" ", ""): k for k in self.benchmarks}
        self.providers = {provider_key(p): p for p in provider_names}
        self.gpus: dict[str, set[str]] = defaultdict(set)
        for hw in hardware_names:
            for token in re.findall(r"[A-Za-z]*\d+[A-Za-z0-9]*", hw):
                if re.search(r"[A-Za-z]", token) and not GENERIC_HW_TOKEN.match(token):
                    self.gpus[token.lower()].add(hw)
            for tpu in re.findall(r"\bTPU\s*v\d+\w*", hw):  # "TPU v4": a generation named with its chip
                self.gpus[" ".join(tpu.lower().split())].add(hw)
        # "TPUv5e": a generation written against its chip's name is the same chip ("TPU v5e"; `gpu_key`)
        self.gpu_re = _alternation(list(self.gpus) + [k.replace(" ", "") for k in self.gpus if k.startswith("tpu ")],
                                   plural=True, suffix=CHIP_SUFFIX)
        self.repos: dict[str, str] = {}
        for repo in repo_names:
            self.repos[repo.lower()] = repo
            self.repos.setdefault(repo.rsplit("/", 1)[-1].lower(), repo)
        self.repo_re = _alternation(self.repos)
        self.aliases = aliases
        # an organisation's name alone is never a model (docs/claims.md, "Organisations are no models"): "<Vendor>" beside
        # a model of its own is no series, nor a short name of the one model of it the text named
        self.organisations = organisation_keys(organisations)
        self.series = series
        # (model id, attribute) -> every source's values, filled as claims ask (metrics.facts)
        self.facts: dict[tuple[str, str], list] = {}

    def firsts_with(self, word: str) -> set[str]:
        """The first words of the names that have `word` after their first word (built once)."""
        if not hasattr(self, "_firsts"):
            self._firsts: dict[str, set[str]] = defaultdict(set)
            for n in self.models:
                words = n.split()
                for w in words[1:]:
                    self._firsts[w].add(words[0])
        return self._firsts.get(word, set())

    # ------------------------------------------------------------------ models
    def group(self, normalized: str) -> list[tuple[str, str]]:
        """Fact rows (source, name) for a model name, widened through the identity tables."""
        names = set(self.models.get(normalized, ()))
        if self.aliases:
            ids = {model_id for n in names if (model_id := self.aliases[0].get(n)) is not None}
            for model_id in ids:
                names |= self.aliases[1].get(model_id, set())
        return sorted(names)

    def find_models(self, sentence: str, taken: list[tuple[int, int]],
                    con: duckdb.DuckDBPyConnection | None = None) -> list[Mention]:
        tokens = [(m.start(), m.end() - _trail(m.group(0))) for m in NAME_TOKEN_RE.finditer(sentence)]
        out: list[Mention] = []
        i = 0
        while i < len(tokens):
            first = norm_name(sentence[tokens[i][0]:tokens[i][1]]).split()
            if not first or _overlaps(tokens[i], taken):
                i += 1
                continue
            found = None if first[0] not in self.by_first else (
                self._match(sentence, tokens, i, con) or self._glued_fine_tuned(sentence, tokens[i])
                or self._unknown_version(sentence, tokens, i))
            split = self._split_name(sentence, tokens, i, first[0])
            if split is not None and (found is None or split[1] > found[1]):
                found = split
            found = found or self._unseen_name(sentence, tokens, i, taken)
            if found is None:
                i += 1
                continue
            mention, used = found
            out.append(mention)
            i += used
        named = self._fine_tuned_phrases(sentence, self._name_tails(sentence, out, taken, con))
        return [self.without_thinking(m) if m.how in ("exact", "loose", "identity") and m.names
                and (w := WITHOUT_AFTER_RE.match(sentence[m.end:])) and THINKING_RE.search(w.group("what")) else m
                for m in named]

    def without_thinking(self, core: Mention) -> Mention:
        """`core`, a model named with "(w/o extended thinking)" / "(non-thinking)" after it (`WITHOUT_SETTING`, in
        prose or a table header): the runs of the model without a thinking setting, the setting `no-thinking` in
        its key (as `domain.model_names` keys "(no thinking)"). Its rows are those of the names with no setting or
        that one, a source's "<model> (no thinking)" included (a "<model> (32k thinking)" run is not the model
        without thinking: `verify_scores.claim_rows` leaves such members out too)."""
        key = f"{core.key} {NO_THINKING_SETTING}"
        plain = sorted({r for r in [*core.names, *(self.group(key) if key in self.models else [])]
                        if parse_name(r[1]).setting in (None, NO_THINKING_SETTING)})
        return Mention("model", core.start, core.end, core.text, key, plain,
                       how="exact" if core.how == "identity" else core.how,
                       note=(core.note + "; " if core.note else "") + f"'{core.text}' run without extended thinking",
                       spelled={r for r in core.spelled if r in set(plain)} | set(self.models.get(key, ())))

    # ------------------------------------------------------------------ sizes and generations after a name
    def _name_tails(self, sentence: str, found: list[Mention], taken: list[tuple[int, int]],
                    con: duckdb.DuckDBPyConnection | None = None) -> list[Mention]:
        """More of a name after it (`NAME_SIZE_END_RE`): a series and the size right after it ("<Family> 1 KB"), a
        known name and a generation digit ("<Family> Large 1"), then the bare sizes coordinated after a name ending
        in a size ("<Family> N KB and MB"): each the model of that family, known or a name no source has."""
        out = list(found)
        busy = [*taken, *((m.start, m.end) for m in out)]
        for s in self.series.find(sentence, taken):
            hit = SERIES_SIZE_RE.match(sentence[s.end:])
            if hit is None or _overlaps((s.end, s.end + hit.end()), busy) or \
                    any(not (s.start <= m.start and m.end <= s.end) for m in out if m.start < s.end + hit.end() and s.start < m.end):
                continue
            out = [m for m in out if not (s.start <= m.start and m.end <= s.end)]  # the longer name wins
            out.append(self._series_member(sentence, s.start, s.end + hit.end(), s.key, hit.group("size")))
            busy.append((s.start, s.end + hit.end()))
        out = self._generation_prefixes(sentence, out, busy)
        for k, m in enumerate(out):
            hit = GENERATION_AFTER_RE.match(sentence[m.end:])
            if m.type != "model" or m.how not in ("exact", "loose", "identity") or hit is None or \
                    not m.text[-1:].isalpha() or _overlaps((m.end, m.end + hit.end()), busy):
                continue
            text = sentence[m.start:m.end + hit.end()]
            if self._generation_named(text):
                continue
            out[k] = Mention("model", m.start, m.end + hit.end(), text, norm_name(text), [], how="unknown",
                             note=f"no source has '{text}': no model named '{m.text}' has the generation {hit.group('v')}")
            busy.append((m.start, m.end + hit.end()))
        for m in sorted(out, key=lambda x: x.start):
            end = NAME_SIZE_END_RE.search(m.text)
            if m.type != "model" or end is None:
                continue
            prefix, pos, chain, joint = m.text[:end.start()], m.end, [], ""
            while (hit := COORDINATED_SIZE_RE.match(sentence[pos:])) is not None:
                a, b = pos + hit.start("size"), pos + hit.end("size")
                if _overlaps((a, b), busy):
                    break
                chain.append((a, b, hit.group("size")))
                joint, pos = sentence[pos:a], b
            # a list closes with "and" / "or" ("NB, MB and KB"); ", MB" alone is another figure ("NB, MB for Y")
            if chain and re.search(r"\b(?:and|or)\b|[&/]", joint):
                for a, b, size in chain:
                    out.append(self._sibling(sentence, a, b, m, prefix + size, con))
                    busy.append((a, b))
        return sorted(out, key=lambda x: x.start)

    def _prefixes(self) -> None:
        """Every run of words that starts a model's name, and those followed by a version in some name."""
        if hasattr(self, "_name_starts"):
            return
        self._name_starts: set[tuple[str, ...]] = set()
        self._versioned_prefixes: set[tuple[str, ...]] = set()
        for n in self.models:
            w = n.split()
            for k in range(1, len(w) + 1):
                self._name_starts.add(tuple(w[:k]))
                if k < len(w) and k < 5 and re.fullmatch(r"\d+(?:\.\d+)?", w[k]):
                    self._versioned_prefixes.add(tuple(w[:k]))

    def _generation_named(self, text: str) -> bool:
        """Does some source name a model, or a series, of the generation written ("<Family> 2" before "<family> 2
        7b")?"""
        self._prefixes()
        n = norm_name(text)
        return tuple(n.split()) in self._name_starts or bool(self.series.keys(n))

    def _generation_prefixes(self, sentence: str, out: list[Mention], busy: list[tuple[int, int]]) -> list[Mention]:
        """"<Family> Large 1" where sources name "<Family> Large 2" but no "<Family> Large 1": the words before a
        version in some model's name, then a generation digit no source has, are a name no source has."""
        self._prefixes()
        tokens = [(t.start(), t.end() - _trail(t.group(0))) for t in NAME_TOKEN_RE.finditer(sentence)]
        for i in range(len(tokens)):
            for length in range(min(4, len(tokens) - i), 0, -1):
                a, b = tokens[i][0], tokens[i + length - 1][1]
                hit = GENERATION_AFTER_RE.match(sentence[b:])
                if hit is None or not re.match(r"[A-Z]", sentence[a:b]) or \
                        tuple(norm_name(sentence[a:b]).split()) not in self._versioned_prefixes:
                    continue
                text = sentence[a:b + hit.end()]
                inside = [m for m in out if m.start < b + hit.end() and a < m.end]
                if self._generation_named(text) or any(not (a <= m.start and m.end <= b) for m in inside) or \
                        _overlaps((b, b + hit.end()), busy):
                    break
                out = [m for m in out if m not in inside]
                out.append(Mention("model", a, b + hit.end(), text, norm_name(text), [], how="unknown",
                                   note=f"no source has '{text}': no model of '{sentence[a:b]}' has the generation "
                                        f"{hit.group('v')}"))
                busy.append((a, b + hit.end()))
                break
        return out

    def _series_member(self, sentence: str, a: int, b: int, key: str, size: str) -> Mention:
        """"<Series> <size>": the series' model of that size (its ids' names), else a name no source has."""
        from .series import size_value

        text = sentence[a:b]
        value = size_value(size)
        hit = self.series.at(key, value, value * 1e-3) if value is not None else None
        if hit is None:
            return Mention("model", a, b, text, norm_name(text), [], how="unknown",
                           note=f"no source has '{text}': the series '{key}' has no {size} model")
        ids = sorted(hit[1])
        names = sorted({n for i in ids for n in (self.aliases[1].get(i, ()) if self.aliases else ())})
        return Mention("model", a, b, text, norm_name(text) if not names else ", ".join(ids), names, how="loose",
                       note=f"'{text}' is the {size} model of the series '{key}': {', '.join(ids)}", spelled=set(names))

    def _sibling(self, sentence: str, a: int, b: int, first: Mention, written: str,
                 con: duckdb.DuckDBPyConnection | None) -> Mention:
        """A bare size coordinated after a name ending in a size ("<Family> N KB and MB"): the model the name
        with that size names (`written`), as the name rules read it; else a name no source has."""
        size = sentence[a:b]
        if first.how != "unknown":
            tokens = [(t.start(), t.end() - _trail(t.group(0))) for t in NAME_TOKEN_RE.finditer(written)]
            hit = self._match(written, tokens, 0, con) if tokens else None
            if hit is not None and hit[1] == len(tokens):
                m = hit[0]
                note = f"'{size}' after '{first.text}' names '{written}'" + (f"; {m.note}" if m.note else "")
                return Mention("model", a, b, size, m.key, m.names, how="loose" if m.how == "exact" else m.how,
                               note=note, spelled=m.spelled)
            if (s := self.series.find(written)) and s[0].start == 0 and SERIES_SIZE_RE.match(written[s[0].end:]):
                m = self._series_member(written, 0, len(written), s[0].key, size)
                return Mention("model", a, b, size, m.key, m.names, how=m.how, note=f"'{size}' after '{first.text}': {m.note}",
                               spelled=m.spelled)
        return Mention("model", a, b, size, norm_name(written), [], how="unknown",
                       note=f"no source has '{written}' ('{size}' after '{first.text}')")

    def _match(self, sentence: str, tokens: list[tuple[int, int]], i: int,
               con: duckdb.DuckDBPyConnection | None = None) -> tuple[Mention, int] | None:
        """The longest name starting at token i: spelled as a source spells it, or loosely."""
        for length in range(min(self.max_tokens, len(tokens) - i), 0, -1):
            a, b = tokens[i][0], tokens[i + length - 1][1]
            text = sentence[a:b]
            if re.search(r"[,;:]\s|\s[-–—]\s", text):  # a name holds no clause break ("X - 40B, 11B" is a title)
                continue
            if version_after(sentence, b):  # "<Family> N.M Flash": the name written holds "N.M", "<Family>" is not it
                continue
            n = norm_name(text)
            if n in self.models and _plausible(text):
                if i + length < len(tokens) and (variant := self._product_variant(sentence, a, tokens[i + length], n)
                                                 or self._fine_tuned(sentence, a, b, tokens[i + length], n)):
                    return variant, length + 1
                return Mention("model", a, b, text, n, self.group(n), spelled=set(self.models[n])), length
            if n not in self.models and (dated := self._dated_only(text, n, a, b)) is not None:
                return dated, length
            words = n.split()
            if length < 2 or not words or any(w not in self.name_tokens and not w.isdigit() for w in words):
                continue  # a word no name contains ("was", "trained"): no candidate can match
            if (reordered := self.by_words(words)) is not None and _plausible(text) and keeps_versions(n, reordered):
                spelled = sorted(self.models[reordered])[0][1]
                note = f"'{text}' is read as '{spelled}': the same words in another order"
                return Mention("model", a, b, text, reordered, self.group(reordered), how="loose", note=note,
                               spelled=set(self.models[reordered])), length
            if not re.search(r"\d", text):
                continue
            cores = {core for candidate in self.by_first[words[0]]
                     if (core := _loose_core(words, candidate)) and core in self.models and keeps_versions(n, core)}
            if len(cores) == 1:
                core = cores.pop()
                spelled = sorted(self.models[core])[0][1]
                note = f"'{text}' is not a name any source uses; it can only mean '{spelled}' (family member {core!r})"
                return Mention("model", a, b, text, core, self.group(core), how="loose", note=note,
                               spelled=set(self.models[core])), length
            if len(cores) > 1:  # several models fit: ask the identity tables, else never guess
                ids, rule = resolve_name_explained(con, text) if con is not None and self.aliases else ([], "")
                if len(ids) == 1 and self.aliases and ids[0] in self.aliases[1] and keeps_versions(n, norm_name(ids[0])):
                    names = sorted(self.aliases[1][ids[0]])
                    note = f"'{text}' resolved by model identity to {ids[0]} ({rule})"
                    return Mention("model", a, b, text, ids[0], names, how="identity", note=note,
                                   spelled=set(names)), length
                note = f"'{text}' could mean any of: " + ", ".join(sorted(cores)[:5])
                return Mention("model", a, b, text, n, [], how="ambiguous", note=note), length
        return None

    def _dated_only(self, text: str, n: str, a: int, b: int) -> Mention | None:
        """A name no source uses without a date whose sources name only dated snapshots of it ("<Family> N.M Pro"
        written, "<Family> N.M Pro 0205" in a catalogue): the one such snapshot's canonical model, read as the name
        (`domain.variants.sole_snapshot`, the rule of a sole dated snapshot; docs/claims.md, **Evidence**); with
        several (another model id each) the text may mean any of them, and the mention is ambiguous. A preview or
        an experimental id ("<family>-exp-02-05") keeps its word and is another name."""
        if not self.aliases or not _plausible(text):
            return None
        if not hasattr(self, "_undated"):
            self._undated: dict[str, set[str]] = defaultdict(set)
            for name in self.models:
                snap = parse_name(name).snapshot
                if snap and is_dated(snap) and name.endswith(" " + snap):
                    self._undated[name[:-len(snap) - 1]].add(name)
        dated = self._undated.get(n)
        if not dated:
            return None
        ids = sorted({i for name in dated for row in self.models[name] if (i := self.aliases[0].get(row)) is not None
                      and norm_name(i) in dated})
        if len(ids) == 1:
            rows = self.aliases[1].get(ids[0], set())
            note = (f"'{text}': no source names it without a date, and its one dated snapshot in the sources is "
                    f"{ids[0]} (the name stands for it)")
            return Mention("model", a, b, text, ids[0], sorted(rows), how="identity", note=note, spelled=set(rows))
        if not ids:
            return None
        note = (f"'{text}' names no date, and the sources name only its dated snapshots {', '.join(ids[:4])}"
                f"{' ...' if len(ids) > 4 else ''}: the text may mean any of them")
        return Mention("model", a, b, text, n, [], how="ambiguous", note=note)

    def _split_name(self, sentence: str, tokens: list[tuple[int, int]], i: int, first: str) -> tuple[Mention, int] | None:
        """The longest name at token i that is a source's name with its words broken elsewhere ("<Open><MODEL> 7B"
        for "<open>_<model>_7b", "<Open> <Model>-7B" for "<Open><Model>-7B": the same letters once each run of
        letter-only words is written as one, `domain.model_names.joined_words`; sizes and versions as written), when
        those names are one model (`one_model`); several: no guess. Only a name-shaped text (`_name_shaped`): prose
        words ("a custom model") never join into a one-word name. A name spelled as a source spells it is `_match`'s."""
        at = bisect.bisect_left(self.joined_firsts, first)
        if at == len(self.joined_firsts) or not self.joined_firsts[at].startswith(first):
            return None  # no name's first run of letters opens with this word
        for length in range(min(self.max_tokens, len(tokens) - i), 0, -1):
            a, b = tokens[i][0], tokens[i + length - 1][1]
            text = sentence[a:b]
            if re.search(r"[,;:]\s|\s[-–—]\s", text) or version_after(sentence, b):
                continue
            n = norm_name(text)
            if not n or n in self.models:
                continue
            candidates = self.joined.get(joined_words(n.split()), set())
            if not candidates or not _name_shaped(text):
                continue
            one = self.one_model(set(candidates))
            if one is None:
                return None
            spelled = sorted(self.models[one])[0][1]
            note = f"'{text}' is read as '{spelled}': the same name with its words broken elsewhere"
            return Mention("model", a, b, text, one, self.group(one), how="loose", note=note,
                           spelled=set(self.models[one])), length
        return None

    def _unknown_version(self, sentence: str, tokens: list[tuple[int, int]], i: int) -> tuple[Mention, int] | None:
        """A family's name written with a version no model of the family has ("<Family>-N.M-Xb-it", "<Family> N.M
        Flash"): a model no source has (`how` "unknown", no rows), never a member of another version."""
        first = norm_name(sentence[tokens[i][0]:tokens[i][1]]).split()[0]
        if first not in self.versioned_firsts:
            return None
        end = i + 1
        if version_after(sentence, tokens[i][1]) or (
                end < len(tokens) and VERSION_AFTER_RE.match(sentence[tokens[i][1]:]) and
                re.fullmatch(r"\s*[.,;:)!?]?", sentence[tokens[end][1]:tokens[end][1] + 1] or "")):
            end += 1  # the version, then the words of the name after it: capitalised, a size or a variant word
            while end < len(tokens) and end - i < 4 and sentence[tokens[end - 1][1]:tokens[end][0]].strip(" -") == "" \
                    and re.match(r"[A-Z]|\d+(?:\.\d+)?[BMbm]$|" + TIER_WORDS + "$", sentence[tokens[end][0]:tokens[end][1]]):
                end += 1
        a, b = tokens[i][0], tokens[end - 1][1]
        n = norm_name(sentence[a:b])
        versions = name_versions(n)
        if not versions or n.split()[0] != first:
            return None
        if any(keeps_versions(" ".join([first, versions[0]]), " ".join(words[:1] + name_versions(" ".join(words))[:1]))
               for words in self.by_first[first]):
            return None  # a version the family has: another rule's question (a tier, a size), not this one
        note = f"no source has '{sentence[a:b]}': no model of {first!r} has the version {versions[0]}"
        return Mention("model", a, b, sentence[a:b], n, [], how="unknown", note=note), end - i

    def _unseen_name(self, sentence: str, tokens: list[tuple[int, int]], i: int,
                     taken: list[tuple[int, int]]) -> tuple[Mention, int] | None:
        """A name shaped like a model's that no source has (docs/claims.md, "Names no source has"): a mention with
        no rows (`how` "unknown"), so its figures are its own and unverifiable, never passed to a model named
        nearby. The shape: a capitalised name with a version or a size glued to it or after a hyphen
        ("<Name>-N.M-mini", "<Name>LM-20B", "<Name>-v0.1", "<Name>N", a Hub id "acme/<Name>-7B"), or after a space
        ("<Name> N 7B", "<Name> N.M Pro"), then sizes and tier words. A plain word ("<Name>") with a bare number
        after a hyphen needs a size or a tier after it ("Top-5" is none), after a space a version and a size or a
        tier ("Version 2", "Web 2.0", "Our 7B" are none), glued a bare digit and more ("Web3" is none), a CamelCase one after a space more than a bare number
        ("GitHub 2" is none), an all-capital one a size, a tier or a glued point
        release ("COVID-19", "UTF-8", "HTTP 1.1" are none); a name's digits (`patterns.NAME_DIGITS`:
        "Table 1", "Python 3.11"), a version of a software or a data set (two digits: "CIFAR-10", "<Tool> 1.26",
        "<Tool> 2.0.1"), a modifier after it ("<Name>-N-level"), a benchmark's first word ("<Bench>-Tier-4"), a bound word before a size ("About 7B"), a benchmark, a chip, a series, or a
        word of a known name that does not start one (a tier: the short-name rules read it) are no such name."""
        word = sentence[tokens[i][0]:tokens[i][1]]
        org = re.match(r"[A-Za-z0-9][\w-]*/(?=[A-Z])", word)  # a Hub id's owner ("acme/<Name>-7B") goes with the name
        at = tokens[i][0] + (org.end() if org else 0)
        glued = UNSEEN_GLUED_RE.fullmatch(sentence[at:tokens[i][1]])
        spaced = i + 1 < len(tokens) and sentence[tokens[i][1]:tokens[i + 1][0]] == " "
        lower = UNSEEN_LOWER_RE.fullmatch(word)
        if lower is not None and glued is None:
            # a Hub-style id in lower case ("<name>-13b", "<name>-2-70b-chat", "<org>/<name>-7b-instruct"): a size
            # in it, only versions before the size, only words of a name after it
            name = lower.group("name")
            at = tokens[i][0] + len(lower.group("org") or "")
            parts = re.split(r"[-_]", lower.group("tail"))
            k = next((j for j, p in enumerate(parts) if MODEL_SIZE_RE.fullmatch(p)), None)
            if k is None or not all(UNSEEN_VERSION_RE.fullmatch(p) for p in parts[:k]) or \
                    any(UNSEEN_MODIFIER_RE.fullmatch(p) or UNSEEN_LOWER_AFTER_RE.fullmatch(p) for p in parts[k + 1:]) or \
                    any(UNSEEN_LOWER_STOP_RE.fullmatch(w) for w in name.split("-")):
                return None
            return self._unseen_mention(sentence, tokens[i][0], tokens[i][1], at, name, taken, 1)
        if glued is not None:
            name, sep, parts, end = glued.group("name"), glued.group("sep"), re.split(r"[-_]", glued.group("tail")), i + 1
        elif UNSEEN_WORD_RE.fullmatch(word) and spaced and not org:
            name, sep, end = word, " ", i + 2
            parts = re.split(r"[-_]", sentence[tokens[i + 1][0]:tokens[i + 1][1]])
        else:
            return None
        while end < len(tokens) and end - i < 5 and sentence[tokens[end - 1][1]:tokens[end][0]] in (" ", "-") \
                and _more_of_name(sentence[tokens[end][0]:tokens[end][1]]):
            parts.append(sentence[tokens[end][0]:tokens[end][1]])
            end += 1
        head, rest = parts[0], [p for p in parts[1:] if p]
        size = MODEL_SIZE_RE.fullmatch(head) is not None
        version = not size and bool(name_versions(head.lower()))
        if not (size or version):
            return None
        if version and not UNSEEN_VERSION_RE.fullmatch(head):
            return None  # "CIFAR-10", "Win 11", "<Tool> 1.26", "<Tool> 2.0.1": a software's or a data set's number
        bare = version and re.fullmatch(r"\d[a-z]?", head) is not None
        if any(UNSEEN_MODIFIER_RE.fullmatch(p) for p in rest):
            return None  # "<Name>-N.M-level": a class of models, named by one
        more = any(_more_of_name(p) for p in rest)
        letters = re.sub(r"[^A-Za-z]", "", name)
        capitals = letters.isupper()
        camel = not capitals and sum(c.isupper() for c in letters) >= 2
        first = norm_name(name).split()[0] if norm_name(name) else ""
        if capitals and not (size or more or (not bare and sep != " ")):
            return None  # "COVID-19", "UTF-8", "HTTP 1.1"
        if not capitals and not camel and sep in ("-", "") and bare and not more and "-" not in name:
            return None  # "Top-5", "Web3" (but "<Name>-<Word>-N": a name of several words)
        if not capitals and not camel and sep == " " and not (version and more):
            return None  # "Version 2", "Web 2.0", "Our 7B": a plain word and a number
        if camel and sep == " " and bare and not more:
            return None  # "GitHub 2": a bare number after a space
        a, b = tokens[i][0], tokens[end - 1][1]
        if not first or (first in self.name_tokens and first not in self.by_first):
            return None  # a tier or a later word of a known name: the short-name rules (carry.py) read it
        if size and sep == " " and _qualifier(sentence, tokens[i + 1][0])[0] != "exact":
            return None  # "About 7B parameters": a bound word, not a name
        return self._unseen_mention(sentence, a, b, at, name, taken, end - i)

    def _unseen_mention(self, sentence: str, a: int, b: int, at: int, name: str, taken: list[tuple[int, int]],
                        used: int) -> tuple[Mention, int] | None:
        """The mention of a name no source has over [a, b) (`_unseen_name`; `name` its words before the version or
        size, from `at`), unless its words are another thing's: a name's digits, a benchmark, a chip, a series."""
        text = sentence[a:b]
        first = norm_name(name).split()[0] if norm_name(name) else ""
        if not first or (first in self.name_tokens and first not in self.by_first):
            return None  # a tier or a later word of a known name: the short-name rules (carry.py) read it
        if any(x < at + len(name) and at < y for x, y in name_digit_spans(sentence)):
            return None  # "Table 1", "Python 3.11", "Apache 2.0": a name's digits, no model
        if first in self.benchmark_firsts:
            return None  # "<Bench>-Tier-4", "<Bench>-2": a benchmark's variant (`domain.benchmarks`), no model
        for pattern in (self.bench_re, self.gpu_re):
            if pattern is not None and any(m.start() < b and a < m.end() for m in pattern.finditer(sentence)):
                return None
        if any(s.start < b and a < s.end for s in self.series.find(sentence, taken)):
            return None
        n = norm_name(text)
        return Mention("model", a, b, text, n, [], how="unknown", note=f"no source has '{text}'"), used

    # ------------------------------------------------------------------ names by their words, in any order
    def by_words(self, words: Sequence[str], context: Iterable[Sequence[str]] = ((),)) -> str | None:
        """The one model whose name holds exactly `words` and the words of one `context` bag, in any
        order ("Wren Pro 2" = "Wren 2 Pro"; "Raven 6" with the family word "corvo"; "Rook"
        with the generation "corvo 3"): the one rule for names reordered or cut short (docs/claims.md,
        "Names in another order or cut short"). None when no name, or names of several models, fit."""
        found: set[str] = set()
        for extra in context:
            written = " ".join([*extra, *words])
            found |= {n for n in self.bags.get(tuple(sorted([*words, *extra])), set()) if keeps_versions(written, n)}
        return self.one_model(found)

    def kin(self, normalized: str) -> tuple[list[str], list[str]]:
        """The other names of one identity with a model name (docs/claims.md, "One model, several names"): the
        same words in another order ("<family> <tier> N.M" = "<family> N.M <tier>"), and the ids a catalogue
        entry carries under a display name spelled so (its source key: "<family>-N-M-<tier>-<date>"), each
        with the name's words and versions plus at most a date stamp. Returns (fixed, moving): the names that
        name one release, and the floating aliases ("<family>-latest") a catalogue re-points over time, which
        never stand for a versioned name where a fixed one exists (only support, `verify_market`)."""
        words = normalized.split()
        if not words:
            return [], []
        names = set(self.bags.get(tuple(sorted(words)), set())) | {normalized}
        found = set(names)
        for n in names:
            for row in self.models.get(n, ()):
                if norm_name(row[1]) in names:  # the row's own name is spelled so: a display name, its keys
                    found |= self.row_names.get(row, set())
        fixed, moving = [], []
        versions = set(name_versions(normalized))
        for k in sorted(found - {normalized}):
            extra = _multiset_minus(k.split(), words)
            if extra is None or not keeps_versions(normalized, k):
                # a floating alias may drop the version its entry is labelled with ("<family>-latest" shown as
                # "<Family> N"): the name's other words and a moving word only
                rest = _multiset_minus(k.split(), [w for w in words if w.removeprefix("v") not in versions])
                if rest and all(w in MOVING_WORDS for w in rest):
                    moving.append(k)
                continue
            if any(w in MOVING_WORDS for w in extra):
                if all(w in MOVING_WORDS or DATE_STAMP_RE.fullmatch(w) for w in extra):
                    moving.append(k)
            elif all(DATE_STAMP_RE.fullmatch(w) for w in extra):
                fixed.append(k)
        return fixed, moving

    def generation_members(self, key: str) -> list[tuple[str, str]]:
        """The members of a generation the sources name only with a tier after it (docs/claims.md, "A tier without a
        version"): for "<family> <version>" ("<family> vN", "<family> N.M") that no source uses as a name, the names
        of exactly the family word, that version ("vN" is "N") and one tier word, a date stamp aside ("<family> vN
        <tier>", "<family>-<tier>-N"), as (tier, the name standing for it: `by_words`, else the shortest undated
        name). A variant or release-stage word ("Instruct", "Base", "Preview") is no tier. [] for a name a source
        uses, or a version no source names with a tier."""
        words = key.split()
        if len(words) != 2 or key in self.models:
            return []
        family, version = words[0], words[1].removeprefix("v")
        by_tier: dict[str, set[str]] = defaultdict(set)
        for candidate in self.by_first.get(family, ()):
            rest = [w for w in candidate[1:] if not DATE_STAMP_RE.fullmatch(w)]
            at = [i for i, w in enumerate(rest) if w.removeprefix("v") == version and name_versions(w) == [version]]
            if len(at) != 1 or len(rest) != 2:
                continue
            tier = rest[1 - at[0]]
            if not re.fullmatch(r"[a-z]{2,}", tier) or tier in GENERATION_NOT_TIERS:
                continue
            by_tier[tier].add(" ".join(candidate))
        out = []
        for tier, names in sorted(by_tier.items()):
            named = self.by_words([family, words[1], tier]) or self.by_words([family, version, tier])
            out.append((tier, named or _shortest_undated(names)))
        return out if len(out) >= 2 else []

    def tier_members(self, key: str) -> list[tuple[str, str]]:
        """The members of a tier's series (docs/claims.md, "A tier without a version"): for "<family> <tier>" (a
        normalized name of two words, no digit), each version the sources name it with — the names of exactly the
        family word, the tier word and one version, in any order, a date stamp aside ("<family> N <tier>",
        "<family> <tier> N.M <date>") — as (version, the name standing for it: `by_words`, else the shortest undated
        name). One version, several spellings: "N.0" is "N", and "NM" (two digits, no point) is "N.M" when the
        sources also write "N.M". [] for a name of other words, or one no source versions."""
        words = key.split()
        if len(words) == 2 and not re.search(r"\d", words[0]) and name_versions(words[1]) == [words[1].removeprefix("v")]:
            return self.generation_members(key)
        if len(words) != 2 or any(re.search(r"\d", w) for w in words):
            return []
        family, tier = words
        by_version: dict[str, set[str]] = defaultdict(set)
        for candidate in self.by_first.get(family, ()):
            rest = _multiset_minus(candidate[1:], [tier])
            if rest is None:
                continue
            rest = [w for w in rest if not DATE_STAMP_RE.fullmatch(w)]
            if len(rest) == 1 and name_versions(rest[0]) == [rest[0].removeprefix("v")]:
                by_version[rest[0].removeprefix("v")].add(" ".join(candidate))
        spelled: dict[str, set[str]] = defaultdict(set)
        for version, names in by_version.items():
            one = version[:-2] if version.endswith(".0") and version[:-2] in by_version else version
            if re.fullmatch(r"\d\d", version) and f"{version[0]}.{version[1]}" in by_version:
                one = f"{version[0]}.{version[1]}"
            spelled[one] |= names
        out = []
        for version, names in sorted(spelled.items(), key=lambda kv: [int(p) if p.isdigit() else 0
                                                                       for p in re.split(r"[.a-z]", kv[0])]):
            named = self.by_words([family, tier, version])
            out.append((version, named or _shortest_undated(names)))
        return out

    def one_model(self, names: set[str]) -> str | None:
        """The name standing for `names` when they are spellings of one model, else None: one name; names
        of the same words in another order ("corvo 6 raven", "corvo raven 6": the spelling most
        sources use); or names sharing a fact row, directly or through the identity tables."""
        if len(names) <= 1:
            return next(iter(names), None)
        if len({tuple(sorted(n.split())) for n in names}) > 1 and not set.intersection(*[set(self.group(n)) for n in names]):
            return None
        return max(sorted(names), key=lambda n: len(self.models[n]))

    def generations(self, sentence: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, tuple[str, ...]]]:
        """Runs of words naming a family's generation, no model ("Corvo 3" in "The Corvo 3 family"): a
        proper start of some model's name, ending in a word with a digit; (start, end, words)."""
        if not hasattr(self, "_starts"):
            self._starts: set[tuple[str, ...]] = set()
            for n in self.models:
                words = n.split()
                for k in range(1, len(words)):
                    if re.search(r"\d", words[k - 1]):
                        self._starts.add(tuple(words[:k]))
        tokens = [(m.start(), m.end() - _trail(m.group(0))) for m in NAME_TOKEN_RE.finditer(sentence)]
        out: list[tuple[int, int, tuple[str, ...]]] = []
        i = 0
        while i < len(tokens):
            used = 0
            for length in range(min(4, len(tokens) - i), 0, -1):
                a, b = tokens[i][0], tokens[i + length - 1][1]
                run = tuple(norm_name(sentence[a:b]).split())
                if run in self._starts and re.search(r"[A-Z]", sentence[a:b]) and not _overlaps((a, b), taken) \
                        and not re.search(r"[,;:]\s", sentence[a:b]):
                    out.append((a, b, run))
                    used = length
                    break
            i += used or 1
        return out

    def _product_variant(self, sentence: str, a: int, token: tuple[int, int], key: str) -> Mention | None:
        """"<name> <Product>" where the sources only name "<name> <product> ..." (a realtime or audio
        endpoint of a chat model): a different model from <name>, priced and scored apart. Resolved when
        the longer names share one undated name; otherwise the mention is ambiguous (never the base)."""
        word = sentence[token[0]:token[1]]
        if not re.fullmatch(r"[A-Z][a-z]{3,}", word) or word.lower() in VARIANT_WORDS:
            return None
        prefix = f"{key} {word.lower()}"
        longer = [n for n in self.models if n.startswith(prefix + " ") or n == prefix]
        if not longer:
            return None
        text = sentence[a:token[1]]
        undated = sorted({n for n in longer if not re.search(r"\b(?:19|20)\d\d\b|\b\d{4}\b", n[len(prefix):])},
                         key=len)
        if undated and all(n.startswith(undated[0]) for n in undated):
            n = undated[0]
            note = f"'{word}' after the name makes it another product: '{n}', not '{key}'"
            return Mention("model", a, token[1], text, n, self.group(n), how="loose", note=note,
                           spelled=set(self.models[n]))
        note = f"'{text}' is another product than '{key}' and no one name of it fits: " + ", ".join(sorted(longer)[:4])
        return Mention("model", a, token[1], text, prefix, [], how="ambiguous", note=note)

    @functools.cached_property
    def bags(self) -> dict[tuple[str, ...], set[str]]:
        """The names by their words in sorted order (built once): names of the same words in any order."""
        out: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for n in self.models:
            out[tuple(sorted(n.split()))].add(n)
        return out

    @functools.cached_property
    def benchmark_firsts(self) -> set[str]:
        """First words of the benchmarks' names ("<bench> tier 4" -> "<bench>")."""
        return {k.split()[0] for k in self.benchmarks if k.split()}

    @functools.cached_property
    def versioned_firsts(self) -> set[str]:
        """First words of the model names whose second word is a version number ("<family> N", "<family> N.M"):
        a version written after such a word names a model, known or not (`patterns.family_version_spans`)."""
        return {first for first, names in self.by_first.items() if first.isalpha() and
                any(len(words) > 1 and re.fullmatch(r"\d+(?:\.\d+)?", words[1]) for words in names)}

    def _fine_tuned(self, sentence: str, a: int, b: int, token: tuple[int, int], key: str) -> Mention | None:
        """"<name> Writer", "<name>-Chat" where no source names that model (`domain.variants.FINE_TUNED`):
        a fine-tuned model of its own, which the data does not hold; the mention has no rows, so its claims are
        unverifiable and never read from <name>'s rows (its licence, its attributes may differ)."""
        word = sentence[token[0]:token[1]]
        if sentence[b:token[0]] not in (" ", "-") or not FINE_TUNED_AFTER.fullmatch(word):
            return None
        return self.variant_mention(sentence[a:token[1]], a, token[1], key, word.lower())

    def _glued_fine_tuned(self, sentence: str, token: tuple[int, int]) -> tuple[Mention, int] | None:
        """One token "<name>-Writer-32k+" that no source spells: its longest known name before a hyphen,
        followed by a fine-tuned model's word, is that fine-tuned model (`_fine_tuned`), never <name>."""
        word = sentence[token[0]:token[1]]
        cuts = [m.start() for m in re.finditer("-", word)]
        for cut in reversed(cuts):
            n = norm_name(word[:cut])
            rest = re.match(r"[^-]+(?:-\d+k\+?)?", word[cut + 1:])
            if n in self.models and _plausible(word[:cut]) and rest and FINE_TUNED_AFTER.fullmatch(rest.group(0)):
                return self.variant_mention(word, token[0], token[1], n, rest.group(0).lower()), 1
        return None

    def variant_mention(self, written: str, a: int, b: int, key: str, word: str, text: str | None = None) -> Mention:
        """The fine-tuned model `word` of the model `key` (`written`: the words naming it): the model a source
        names so when one does, else a mention with no rows (`how` "variant")."""
        n = norm_name(f"{key} {word}")
        if n in self.models:
            return Mention("model", a, b, text or written, n, self.group(n), how="loose", spelled=set(self.models[n]),
                           note=f"'{written}' names the fine-tuned model '{n}'")
        note = (f"'{written}' names a fine-tuned model of '{key}' that no source names apart; the rows of '{key}' "
                "are not its rows")
        return Mention("model", a, b, text or written, n, [], how="variant", note=note)

    def _fine_tuned_phrases(self, sentence: str, mentions: list[Mention]) -> list[Mention]:
        """"the chat version of X", "X's instruct model": the fine-tuned model, not X (`variant_mention`)."""
        out = []
        for m in mentions:
            possessive = m.text.endswith(("'s", "’s"))  # a name's possessive may be part of its mention
            found = FINE_TUNED_OF.search(sentence[:m.start]) or FINE_TUNED_POSSESSIVE.match(
                ("'s" if possessive else "") + sentence[m.end:])
            if m.how in ("exact", "loose", "identity") and found is not None:
                written = (sentence[found.start():m.end] if found.re is FINE_TUNED_OF
                           else sentence[m.start:m.end + found.end() - 2 * possessive]).strip()
                m = self.variant_mention(written, m.start, m.end, m.key, found.group("word").lower(), m.text)
            out.append(m)
        return out

    # ------------------------------------------------------------------ other entities
    def benchmark_key(self, written: str, qualifier: str | None = None, variant: str | None = None,
                      preceding: str | None = None) -> str:
        """The key of the benchmark a name as written stands for (spaces and hyphens may be left out or
        added: "GSM-8K" = "GSM8K"), through its qualifier ("(Pass@1)" changes nothing; a measure such as
        "(Percentile)" stays in the key, so it matches only a benchmark the sources name with it) and a
        variant written after or before it ("Redux", "v2", "Global", "the STEM subset of":
        `domain.benchmarks` VARIANT_*): the variant's key, which matches only rows a source names so."""
        key = self._known(benchmark_key(written))
        if variant:
            key = self._known(variant_key(key, variant))
        if preceding:
            key = self._known(benchmark_key(f"{preceding} {key}" if "subset" not in preceding
                                            else f"{key} {preceding}"))
        return self._known(qualified_key(key, qualifier))

    def _known(self, key: str) -> str:
        """The vocabulary's key for `key`, also when written without its spaces."""
        return key if key in self.benchmarks else self.glued_benchmarks.get(key.replace(" ", ""), key)

    def find_others(self, sentence: str, taken: list[tuple[int, int]]) -> list[Mention]:
        out: list[Mention] = []
        for type_, pattern, key in (
            ("benchmark", self.bench_re, self.benchmark_key), ("gpu", self.gpu_re, gpu_key), ("repo", self.repo_re, str.lower),
        ):
            if pattern is None:
                continue
            for m in pattern.finditer(sentence):
                # a benchmark's variant may be a model's first word ("<B> Pro Max"): its name alone must be free
                if not _overlaps((m.start(), m.end("name") if type_ == "benchmark" else m.end()), taken):
                    # a benchmark's shot count ("GSM8K-8") is part of the mention but not of its key; its
                    # qualifier ("(Percentile)") is, when it names another measure; a chip's memory
                    # ("<chip>-80GB") is part of the mention, not of its key
                    if type_ == "benchmark":
                        out.append(self._benchmark_mention(sentence, m, taken))
                        continue
                    k = key(m.group("name") if "name" in pattern.groupindex else m.group(0))
                    out.append(Mention(type_, m.start(), m.end(), m.group(0), k))
        for m in HUB_RE.finditer(sentence):
            out.append(Mention("hub", m.start(), m.end(), m.group(0), "hub"))
        for spelling, (source, _table) in CATALOGUES.items():
            for m in re.finditer(rf"\b{spelling}\b", sentence, re.I):
                out.append(Mention("catalogue", m.start(), m.end(), m.group(0), source))
        # a capitalised word, without the full stop that ends a sentence ("... at Provider.")
        words = [(m.start(), m.end() - len(m.group(0)) + len(m.group(0).rstrip(".")))
                 for m in re.finditer(r"[A-Z][\w.&-]*", sentence)]
        for j in range(len(words)):
            for length in (3, 2, 1):
                if j + length > len(words):
                    continue
                a, b = words[j][0], words[j + length - 1][1]
                if re.search(r"[,;:.]\s", sentence[a:b]) or _overlaps((a, b), taken + [(x.start, x.end) for x in out]):
                    continue
                k = provider_key(sentence[a:b])
                # a sentence's first word is capitalised anyway: as one plain word (an English word that
                # is also a provider id, opening the sentence) it names a provider only where written as one
                initial = length == 1 and not sentence[:a].strip() and sentence[a + 1:b].islower()
                if k in self.providers and (length > 1 or len(k) > 2) and \
                        (not initial or PROVIDER_VERB_RE.match(sentence[b:])):
                    out.append(Mention("provider", a, b, sentence[a:b], k))
                    break
        out.extend(self._lowercase_providers(sentence, taken + [(x.start, x.end) for x in out]))
        return sorted(out, key=lambda x: x.start)

    def _benchmark_mention(self, sentence: str, m: re.Match[str], taken: list[tuple[int, int]]) -> Mention:
        """A benchmark's mention: its name, shot count and qualifier, and a variant written after or before
        it (`domain.benchmarks`: "<B> Redux", "Global <B>", "the STEM subset of <B>") unless those words
        are part of a model's name. A variant the vocabulary does not hold keeps its own key (no rows: the
        claim is unverifiable), never the plain benchmark's."""
        # a task id's metric ("/acc", "/acc_stderr") is read as a qualifier is: a measure other than the score stays in the key
        start, end, variant, qual = m.start(), m.end(), m.group("variant"), m.group("qual") or m.group("metric")
        if variant and _overlaps((m.start("variant"), m.end()), taken):
            end, variant, qual = m.end("name"), None, None
        pre = preceding_variant(sentence[:start])
        preceding = None
        if pre is not None and not _overlaps((pre[0], start), taken):
            start, preceding = pre[0], pre[1]
        key = self.benchmark_key(m.group("name"), qual, variant, preceding)
        plain = self.benchmark_key(m.group("name"), qual)
        note = ""
        if key != plain and key not in self.benchmarks:
            note = (f"'{sentence[start:end]}' names another benchmark or a subset of {m.group('name')}; "
                    f"{m.group('name')}'s own rows are not its rows")
        return Mention("benchmark", start, end, sentence[start:end], key, note=note)

    def variant_note(self, written: str) -> str:
        """Why a benchmark written so has no rows of its plain benchmark (`_benchmark_mention`'s note: "'<B>
        Redux' names another benchmark or a subset of <B>; ..."), else ""."""
        found = [m for m in self.find_others(written, []) if m.type == "benchmark"]
        return found[0].note if found else ""

    def _lowercase_providers(self, sentence: str, taken: list[tuple[int, int]]) -> list[Mention]:
        """Provider ids written in lower case ("<provider> charges $A per million"), only where written as
        a provider in a sentence about prices (see PROVIDER_VERB_RE)."""
        if not PRICE_CONTEXT_RE.search(sentence):
            return []
        words = [(m.start(), m.end()) for m in re.finditer(r"(?<![\w$.-])[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*", sentence)]
        out: list[Mention] = []
        for j in range(len(words)):
            for length in (2, 1):
                if j + length > len(words):
                    continue
                a, b = words[j][0], words[j + length - 1][1]
                if not re.fullmatch(r"[\w.-]+(?: [\w.-]+)?", sentence[a:b]) or \
                        _overlaps((a, b), taken + [(x.start, x.end) for x in out]):
                    continue
                k = provider_key(sentence[a:b])
                if k in self.providers and len(k) > 2 and (PROVIDER_VERB_RE.match(sentence[b:])
                                                           or PROVIDER_LEAD_RE.search(sentence[:a])):
                    out.append(Mention("provider", a, b, sentence[a:b], k, note="a provider id written in lower case"))
                    break
        return out


def organisation_keys(names: Iterable[str]) -> set[str]:
    """The organisations' names as keys: each of a list's names ("<Org A>, <Org B>", "<Org A> / <Org B>"), lower case,
    words parted by spaces ("<org>-<word>" = "<org> <word>"); no prefix is cut off (as model names' are)."""
    return {k for name in names for part in re.split(r"[,/;]", name)
            if (k := " ".join(re.findall(r"[a-z0-9]+(?:\.[a-z0-9]+)*", part.lower())))}


def gpu_key(written: str) -> str:
    """The key of a chip as written: lower case, a TPU generation written against the chip's name spaced ("TPUv5e"
    -> "tpu v5e")."""
    return re.sub(r"^tpu[\s-]*(?=v\d)", "tpu ", written.lower())


def _alternation(words: Iterable[str], plural: bool = False, suffix: str = "") -> re.Pattern[str] | None:
    """One pattern for a set of names; `suffix`: words that may follow a name as part of its mention
    (a chip's memory, "<chip>-80GB"), kept out of the group `name` the key is read from."""
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return None
    tail = r"(?=s\b)|" if plural else ""  # "<chip>s" names the chip, the "s" stays out of the key
    # a space in a name matches a hyphen too ("Task suite" = "Task-Suite")
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"[\s-]") for w in words)
    if suffix:
        return re.compile(r"(?<![\w-])(?P<name>" + alternatives + rf")(?:{suffix}(?![\w-])|{tail}(?![\w-]))", re.I)
    return re.compile(r"(?<![\w-])(?:" + alternatives + rf")(?:{tail}(?![\w-]))", re.I)


def benchmark_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """Benchmark names as prose and table headers write them: a space or hyphen inside a name may
    also be left out ("ArcChallenge" = "ARC-Challenge") or written "_" as an evaluation harness's task id writes it
    ("arc_challenge", `BENCH_SEP`), a variant may follow the name ("<B> Redux", group `variant`:
    `domain.benchmarks.VARIANT_AFTER`), a shot count ("HellaSwag-10", "GSM8K (8-shot)") and a task id's metric
    ("arc_challenge/acc", group `metric`: `patterns.METRIC_SUFFIX`); the group `name` is the benchmark's own words."""
    names = sorted({n for n in names if n}, key=len, reverse=True)
    if not names:
        return None
    alternatives = "|".join(_spaced(re.sub(r"(?:\\[ -])+", lambda _: BENCH_SEP, re.escape(n))) for n in names)
    return re.compile(r"(?<![\w-])(?P<name>" + alternatives + r")(?P<variant>" + VARIANT_AFTER + r")?" + SHOT_SUFFIX
                      + METRIC_SUFFIX + r"(?![\w-])", re.I)


# what may stand for a space or hyphen inside a benchmark's name, or be added where its letters meet its digits: a
# space, a hyphen, an underscore (a harness task id: "arc_challenge", "gsm_8k"), or nothing ("ArcChallenge")
BENCH_SEP = r"[\s_-]?"


def _spaced(pattern: str) -> str:
    """A hyphen or space (`BENCH_SEP`) may also be added where a name's letters meet its digits ("GSM-8K" = "GSM8K",
    "MATH 500" = "MATH500"), and a space where a lower-case letter meets a capital inside a word ("Hella
    Swag" = "HellaSwag", "Trivia QA" = "TriviaQA"); never before a variant word ("<B>Pro" is not "<B> Pro",
    which names another benchmark: `domain.benchmarks.VARIANT_WORDS`)."""
    pattern = re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", lambda _: BENCH_SEP, pattern)
    return re.sub(r"(?<=[a-z])[A-Z][a-z]*",
                  lambda m: m.group(0) if m.group(0).lower() in _BENCH_VARIANTS else r"\s?" + m.group(0), pattern)


_BENCH_VARIANTS = {w.lower() for w in BENCHMARK_VARIANT_WORDS}


def _trail(token: str) -> int:
    """Trailing punctuation and possessives are not part of a name token."""
    stripped = re.sub(r"(?:'s|’s)$", "", token).rstrip(".:/-")
    return len(token) - len(stripped)


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in taken)


def _more_of_name(word: str) -> bool:
    """A word after a name's version that is more of the name: a size, a tier, a variant's word ("Large",
    `VARIANT_WORDS` but for the nouns "model", "series" ...), a fine-tuned model's word ("Chat", "Coder")."""
    if MODEL_SIZE_RE.fullmatch(word) or re.fullmatch(TIER_WORDS, word, re.I) or FINE_TUNED_AFTER.fullmatch(word):
        return True
    return word[:1].isupper() and word.lower() in VARIANT_WORDS - GENERIC_NOUNS


def _plausible(text: str) -> bool:
    """A one-word name must look like a name (a digit or two capitals), not an English word."""
    if " " in text.strip():
        return True
    if not text[:1].isalpha():
        return False
    return bool(re.search(r"\d", text)) or sum(c.isupper() for c in text) >= 2


def _name_shaped(text: str) -> bool:
    """Is a name written with its words broken elsewhere shaped as a model's name, not as prose words ("a custom model",
    "Deep Search")? It holds a digit (a size or version: "<Open><Model> 7B"), or is one run of letters with two
    capitals (a CamelCase name, "<Open><Model>", "<Code>-<Model>")."""
    return bool(re.search(r"\d", text)) or (" " not in text.strip() and sum(c.isupper() for c in text) >= 2)


def _multiset_minus(words: list[str], minus: list[str]) -> list[str] | None:
    """The words left of `words` once each of `minus` is taken out once; None when one of `minus` is not there."""
    left = list(words)
    for w in minus:
        if w not in left:
            return None
        left.remove(w)
    return left


def _loose_core(words: list[str], candidate: list[str]) -> str | None:
    """Match the mention's words in order against a candidate's, a bare version ("N") standing for
    any point release ("N.M"); return the candidate's matched words, or None."""
    core: list[str] = []
    j = 0
    for w in words:
        while j < len(candidate) and not (candidate[j] == w or (w.isdigit() and candidate[j].startswith(w + "."))):
            if core:  # words in between would make it another name
                return None
            j += 1
        if j == len(candidate):
            return None
        core.append(candidate[j])
        j += 1
    if core == words:
        return None  # no version was widened: that is an exact-name question, not a loose one
    return " ".join(core)


def _identity_aliases(con: duckdb.DuckDBPyConnection) -> tuple[dict[tuple[str, str], str],
                                                               dict[str, set[tuple[str, str]]]] | None:
    """((source, alias) -> model_id, model_id -> fact rows) from the identity tables; None when they
    hold no alias (a warehouse with no facts loaded). The tables exist in every migrated warehouse, so
    a query error here is a real fault and is raised, not read as "no identity"."""
    rows = evidence.alias_rows(con)
    if not rows:
        return None
    by_name: dict[tuple[str, str], str] = {}
    by_id: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for alias, model_id, source in rows:
        by_name[(source, alias)] = model_id
        by_id[model_id].add((source, alias))
    return by_name, by_id


def mention_ids(lex: Any, m: Mention) -> list[str]:
    """The canonical models a model mention's names belong to."""
    aliases = lex.aliases
    return sorted({i for s, n in (m.spelled or m.names) if (i := aliases[0].get((s, n)))}) if aliases else []


def _shortest_undated(names: set[str]) -> str:
    """The name standing for a tier's or a generation's member when no name has exactly its words: the shortest
    without a date stamp, else the shortest."""
    undated = [n for n in names if not any(DATE_STAMP_RE.fullmatch(w) for w in n.split())]
    return min(undated or names, key=lambda n: (len(n), n))
