"""What a sentence borrows from its surroundings: short names of models named earlier ("Ultra" after
"Foo 2 Ultra"), dated snapshots ("the <Month YYYY> build of X"), a table row's column headers,
and training-compute figures written in scientific notation.

Every rule here is narrow on purpose (docs/claims.md, "Context"): a borrowed name or benchmark that
is wrong would give a verdict about the wrong thing, so each one needs an unambiguous anchor.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.model_names import SIZE, tokenize
from .numbers import DateExpr, _qualifier, find_quantities
from .patterns import (UNIT_STATEMENT, COLUMN_KINDS, CONTEXT_IDIOM, CUTOFF_WORDS, MONEY, OTHER_MEASURE, PER_MILLION_HEADER, PER_THOUSAND_HEADER,
                       RELEASE_LIST_LEAD_RE, SECTION_KINDS, pair_sides, price_tier)
from .resolve import Lexicon, Mention, mention_ids, norm_name

if TYPE_CHECKING:
    from .extract import Context

# "M × 10^E FLOP", "MeE FLOPs", "M x 10^E floating-point operations"
COMPUTE_RE = re.compile(r"(?P<m>\d+(?:\.\d+)?)\s*(?:[×x*]\s*10\s*(?:\^|\*\*)\s*(?P<e>\d{1,2})|e\+?(?P<e2>\d{1,2}))\s*"
                        r"(?:FLOPs?|FLOP/s|floating[- ]point operations)\b", re.I)
DATE_ATTRIBUTE_LEAD_RE = re.compile(r"(?:^|\bthe|\w(?:'s|’s))\s*$", re.I)
SNAPSHOT_WORDS_RE = re.compile(r"^\s+(?:build|version|snapshot|release|edition|update|checkpoint)\s+of\s+(?:the\s+)?$",
                               re.I)
# a short name must be a word the names of fewer than this many distinct first words contain: a family's
# tier word (used by one family and its hosts' prefixed copies: under 20) passes, suffixes many
# families share (instruct-, chat-, turbo-like: 26 and more) do not (counts on the mirror warehouse; see docs/claims.md)
SHORT_NAME_MAX_FIRSTS = 20
CAPITAL_WORD_RE = re.compile(r"\b[A-Z][a-z]{2,}\b")
# a price column: a currency, a price word or a per-token unit (`patterns.PER_MILLION_HEADER`: "$/M", "Mtok")
PRICE_HEADER_RE = re.compile(r"[$€£]|\bprice\b|\bcost\b|\bUSD\b|" + PER_MILLION_HEADER.pattern, re.I)
# a price column must name its per-token unit ("$/M", "per 1M", "Mtok", "/1K", "tokens"): "Cost ($)" could be a month's bill
PER_TOKENS_HEADER_RE = re.compile(PER_MILLION_HEADER.pattern + "|" + PER_THOUSAND_HEADER.pattern + r"|\btokens?\b", re.I)
PER_K_HEADER_RE = PER_THOUSAND_HEADER


def _qualifier_of(sentence: str, start: int) -> str:
    return _qualifier(sentence, start)[0]


def short_names(sentence: str, lex: Lexicon, ctx: Context, models: list[Mention],
                taken: list[tuple[int, int]]) -> list[Mention]:
    """A capitalised word that is the last word of exactly one model named earlier in the text, and a
    word that is no generic suffix ("Ultra" after "Foo 2 Ultra"; not a suffix many families
    use), stands for that model."""
    generations = generation_series(sentence, lex, models, taken)  # "<Family> V<N>" of tiered members only
    if generations:
        models = sorted([m for m in models if not any(g.start <= m.start and m.end <= g.end for g in generations)]
                        + generations, key=lambda m: m.start)
    occupied = taken + [(m.start, m.end) for m in models]
    for a, b, words in lex.generations(sentence, occupied):
        if (ctx.heading or GENERATION_AFTER.match(sentence[b:])) and words not in ctx.generations:
            ctx.generations.append(words)  # "The Corvo 3 family": its tiers name its members from here on
    if not ctx.seen and not ctx.generations and not models and not _family_lines(lex, ctx):
        return sorted(models + tier_series(sentence, lex, occupied), key=lambda m: m.start)
    known = established(lex, ctx, models)
    out = list(models) + _tier_versions(sentence, lex, known, occupied)
    # a tier written with a version that names no member ("N.M Pro" of a family the text did not establish) is no
    # tier alone: its version may rule a member out, never be dropped (`_tier_versions`; "A name's version is kept")
    versioned = [(t.start(), t.end()) for t in TIER_VERSION_RE.finditer(sentence)
                 if not any(x < t.end() and t.start() < y for x, y in occupied)]
    for w in CAPITAL_WORD_RE.finditer(sentence):
        if any(a < w.end() and w.start() < b for a, b in occupied):
            continue
        word = w.group(0).lower()
        if (before := re.search(r"\b[A-Z][\w-]*\s+$", sentence[:w.start()])) is not None:
            # "Prompt Shield": the last word of a longer name, not a short name of "Kestrel Shield"; but a
            # family's own word before a tier ("Corvo Rook") names the member the text established
            family = (norm_name(before.group(0)),)
            if family in known[1] and not any(before.start() < y and x < w.end() for x, y in occupied) \
                    and (member := _member(sentence, before.start(), w.end(), [word], lex, known)) is not None:
                out.append(member)
                occupied.append((member.start, member.end))
            continue
        if re.search(r"\bthe\s+same\s+$", sentence[:w.start()], re.I):
            # "the same <first word>": the model named most recently whose name starts with it
            earlier = [m for m in ctx.seen if norm_name(m.text).split()[:1] == [word]]
            if earlier:
                m = earlier[-1]
                out.append(Mention("model", w.start(), w.end(), w.group(0), m.key, m.names, how=m.how,
                                   note=f"'the same {w.group(0)}' read as {m.text}, named earlier in the text",
                                   spelled=m.spelled))
            continue
        if word in lex.by_first:
            first = _first_word_name(sentence, w, lex, ctx)
            if first is not None:
                out.append(first)
            continue
        if any(a <= w.start() and w.end() <= b for a, b in versioned):
            continue
        firsts = lex.firsts_with(word)
        by_key = {m.key: m for m in ctx.seen if norm_name(m.text).split()[-1:] == [word]}
        if firsts and len(firsts) < SHORT_NAME_MAX_FIRSTS and len(by_key) == 1:
            m = next(iter(by_key.values()))
            out.append(Mention("model", w.start(), w.end(), w.group(0), m.key, m.names, how=m.how,
                               note=f"'{w.group(0)}' read as {m.text}, named earlier in the text", spelled=m.spelled))
            occupied.append((w.start(), w.end()))
        elif not by_key and (sentence[:w.start()].strip() or TIER_AFTER.match(sentence[w.end():])) and \
                not re.search(r"\(\s*$", sentence[:w.start()]) and \
                (member := _member(sentence, w.start(), w.end(), [word], lex, known)) is not None:
            out.append(member)
            occupied.append((w.start(), w.end()))
    out += _lower_tiers(sentence, lex, known, occupied)
    out += tier_series(sentence, lex, occupied + [(m.start, m.end) for m in out])
    out += size_names(sentence, ctx, occupied + [(m.start, m.end) for m in out])
    out += size_label(sentence, lex, ctx, occupied + [(m.start, m.end) for m in out])
    return sorted(out, key=lambda m: m.start)


# a family member written by its tier and version ("Raven 6", "6 Raven", "Crow 4"), or by its tier in
# lower case ("lite"): the version is a number, a point release or a number and one letter ("4q")
TIER_VERSION_RE = re.compile(r"(?<![\w.$-])(?:(?P<t1>[A-Z][a-z]{2,})\s+(?P<v1>\d+(?:\.\d+)?[a-z]?)|"
                             r"(?P<v2>\d+(?:\.\d+)?[a-z]?)\s+(?P<t2>[A-Z][a-z]{2,}))(?![\w.-])")
LOWER_TIER_RE = re.compile(r"(?<![\w.'’-])[a-z]{3,}(?![\w'’-])")
# a tier in lower case is a name only where it stands as one: not after "a/an", and followed by a verb or a break
LOWER_TIER_AFTER = re.compile(r"^\s*(?:[,;:)]|$|(?:is|was|costs?|charges?|scores?|has|offers?|gets?|reaches|comes|"
                              r"supports|handles|runs|priced|lists|at)\b)")
# a tier opening its sentence (where any word is capitalised) or in lower case is a name only where it stands
# as one: followed by a verb, a break, a figure or another name, not by a noun of its own ("Small models ...")
TIER_AFTER = re.compile(LOWER_TIER_AFTER.pattern + r"|^(?:'s|’s)|^\s*(?:[.!?(—–-]|[$€£]?\d|(?:and|or|vs\.?|versus)\b)")
# "<generation> family / series / models / line-up": the phrase establishes the generation
GENERATION_AFTER = re.compile(r"^\s+(?:model\s+)?(?:family|series|models|line-?up|generation|lineup)\b", re.I)
# words that name a variant of any model, never a family member's tier
NOT_TIERS = {"instruct", "chat", "base", "preview", "latest", "model", "models", "series", "family", "version", "it",
             "hf", "free", "beta", "the", "and", "for", "with", "new", "old"}


Known = tuple[list[tuple[str, ...]], list[tuple[str, ...]]]  # (generations, families) a text established


def established(lex: Lexicon, ctx: Context, here: list[Mention]) -> Known:
    """What the text has established so far (docs/claims.md, "Names in another order or cut short"): the
    generations a tier word completes — the words of each model named whose words after the first all hold
    a digit (a full mention: "Pica-4q" for "lite"), and of each with the one word after its first that
    holds no digit taken out ("Corvo 3 Crow" gives "Corvo 3" for "Rook"), and the generations a heading or a "<generation> family/series/models" phrase named
    ("Corvo 3") —; and the families (a name's first word) a tier and version complete ("Raven 6")."""
    generations: set[tuple[str, ...]] = set(ctx.generations)
    families: set[tuple[str, ...]] = {g[:1] for g in ctx.generations}
    # a heading, or the line right before a table, naming a family and nothing else ("<Family> (<Vendor>)")
    families |= set(_family_lines(lex, ctx))
    for m in [*ctx.seen, *here]:
        words = norm_name(m.key).split()
        if not words:
            continue
        families.add((words[0],))
        if not any(re.search(r"\d", w) for w in words):
            continue
        # a generation and one tier at most: "<family> <version>" is a generation, "<family> <version> <tier>"
        # gives its generation; a name with more words ("<...> realtime preview") gives none
        tiers = [i for i in range(1, len(words)) if not re.search(r"\d", words[i])]
        if not tiers:
            generations.add(tuple(words))
        elif len(tiers) == 1:
            generations.add(tuple(words[:tiers[0]] + words[tiers[0] + 1:]))
    return sorted(generations), sorted(families)


# a bare size written as a name ("NB beats ...", "providers offering NB"): "NB" and no unit, "model", range,
# list or multiplier after it, no article, bound word, preposition of measure or coordination before it
SIZE_NAME_RE = re.compile(r"(?<![\w.$/~≈+-])(?P<n>\d+(?:\.\d+)?)B(?![\w%.+/-]|\.\d)")
SIZE_NAME_AFTER_STOP = re.compile(r"^(?:\s*(?:-?\s*param|parameters?|params|tokens?|words|models?\b|[xX×]|to\b|and\b|or\b|"
                                  r"vs\.?|versus|[-–—/]\s*\d|,\s*\d|\())", re.I)
SIZE_NAME_BEFORE_STOP = re.compile(r"(?:\b(?:a|an|about|around|roughly|nearly|almost|over|above|under|below|than|to|from|"
                                   r"between|up|of|with|only|just|approximately|some|and|or|vs\.?|versus|at|by|its|"
                                   r"their|all|both|each|per)\s+|[\d,(/~≈<>]\s*|[-–—]\s*)$", re.I)


def size_names(sentence: str, ctx: Context, occupied: list[tuple[int, int]]) -> list[Mention]:
    """A bare size standing for the one model of that size the text named ("NB beats <model>", "providers offering
    NB" after "<Family> NB"; docs/claims.md, "A size as a name"): that model, and no figure ("the NB model" is a size
    label, `labels.py`). Never in
    a table row (a size cell labels its row), never a size with a unit, a range, a list or a measure's word around it
    ("a NB model", "over NB", "NB parameters", "NB, MB and KB"), and never when the text named no model, or two, of
    that size."""
    if ctx.row or ctx.cells:
        return []
    out: list[Mention] = []
    for s in SIZE_NAME_RE.finditer(sentence):
        if any(x < s.end() and s.start() < y for x, y in occupied) or SIZE_NAME_AFTER_STOP.match(sentence[s.end():]) \
                or SIZE_NAME_BEFORE_STOP.search(sentence[:s.start()]):
            continue
        size = s.group("n") + "b"
        sized = {m.key: m for m in ctx.seen if m.how != "tier" and size in norm_name(m.key).split()}
        if len(sized) != 1:
            continue
        m = next(iter(sized.values()))
        out.append(Mention("model", s.start(), s.end(), s.group(0), m.key, m.names, how=m.how, spelled=m.spelled,
                           note=f"'{s.group(0)}' read as {m.text}, the one model of that size the text named"))
    return out


# a size opening a line as its label ("NB: <benchmark> <score>, ..."), bold or not
SIZE_LABEL_RE = re.compile(r"^[\s*_]*(?P<size>(?P<n>\d+(?:\.\d+)?)B)[\s*_]*:\s")


def size_label(sentence: str, lex: Lexicon, ctx: Context, occupied: list[tuple[int, int]]) -> list[Mention]:
    """A size labelling a line ("NB: ...") under a heading, or a list lead, that names one generation and no model
    ("<Family> N.M"): the member of that generation of that size, when exactly one name has the generation's words
    and the size (`Lexicon.by_words`; docs/claims.md, "A size as a name"). Never in a table (a size cell labels
    its row by the table's own rule) or in a list of releases (`releases.release_list_lines`), never when the lines
    above name no generation, or several."""
    label = SIZE_LABEL_RE.match(sentence)
    in_release_list = ctx.item and RELEASE_LIST_LEAD_RE.search(ctx.list_lead or "")
    if ctx.row or ctx.cells or label is None or in_release_list or \
            any(x < label.end("size") and label.start("size") < y for x, y in occupied):
        return []
    owners = {words for line in (ctx.section, ctx.item_lead if ctx.item else "") if line
              for _, _, words in lex.generations(line, [])}
    if len(owners) != 1:
        return []
    generation = next(iter(owners))
    key = lex.by_words([label.group("n") + "b"], [generation])
    if key is None:
        return []
    a, b = label.start("size"), label.end("size")
    spelled = sorted(lex.models[key])[0][1]
    return [Mention("model", a, b, sentence[a:b], key, lex.group(key), how="loose", spelled=set(lex.models[key]),
                    note=f"'{sentence[a:b]}' read as {spelled}: the size labels its line under a heading naming "
                         f"{' '.join(generation)}")]


# a line naming a family alone: one capitalised word, then at most "models / family / series / line-up", a note in
# parentheses ("(<Vendor>)") and a colon
FAMILY_LINE_RE = re.compile(r"^\W*(?P<family>[A-Z][A-Za-z]+)(?:\s+(?:models?|family|series|line-?up))?"
                            r"(?:\s*\([^()]{1,40}\))?\W*$")


def family_line(lex: Lexicon, line: str) -> tuple[str] | None:
    """The family a heading or a table's lead line names and nothing else ("## <Family>", "<Family> (<Vendor>)"):
    a first word of names whose second word is a version (`Lexicon.versioned_firsts`). Under it a tier and
    version ("N.M Pro") complete that family as after a full mention; a tier alone completes no generation."""
    found = FAMILY_LINE_RE.match(line.strip())
    word = found.group("family").lower() if found else None
    return (word,) if word and word in lex.versioned_firsts else None


def _family_lines(lex: Lexicon, ctx: Context) -> list[tuple[str]]:
    """The families the sentence's section heading and, in a table row, its table's lead line name alone."""
    return [f for line in (ctx.section, ctx.table_lead if ctx.row else "") if (f := family_line(lex, line))]


# "<Family> <Tier>" with no version: capitalised family and tier words, no version or size after them
TIER_SERIES_RE = re.compile(r"(?<![\w.$/-])(?P<family>[A-Z][A-Za-z]+)[ -](?P<tier>[A-Z][a-z]{2,})(?![\w.'’-]|[ -]v?\d)")


def tier_series(sentence: str, lex: Lexicon, occupied: list[tuple[int, int]]) -> list[Mention]:
    """A family word and a tier word with no version ("<Family> <Tier>") that no source uses as a name and that no
    member of a generation the text established fits (`_member`, read first): the tier across its versions
    (`Lexicon.tier_members`), a mention of `how` "tier" whose claims hold only where every member in force at the
    text's date agrees (`verify.verify_members`; docs/claims.md, "A tier without a version")."""
    out: list[Mention] = []
    for t in TIER_SERIES_RE.finditer(sentence):
        if any(x < t.end() and t.start() < y for x, y in occupied) or t.group("tier").lower() in NOT_TIERS:
            continue
        key = norm_name(t.group(0))
        members = lex.tier_members(key) if not lex.series.keys(key) else []  # a series' name is the series
        if not members:
            continue
        names = sorted({row for _, n in members for row in lex.group(n)})
        versions = ", ".join(v for v, _ in members)
        out.append(Mention("model", t.start(), t.end(), t.group(0), key, names, how="tier",
                           note=f"'{t.group(0)}' names no version: the {t.group('tier')} tier of every version the "
                                f"sources name ({versions})"))
    return out


# "<Family> V<N>" / "<Family> N.M" with no tier after it: a capitalised family word and a version, then no capitalised
# word or figure that could be the tier or a size
GENERATION_RE = re.compile(r"(?<![\w.$/-])(?P<family>[A-Z][A-Za-z]+)[ -](?P<version>[Vv]?\d+(?:\.\d+)?)"
                           r"(?![\w.-]|\.\d|[ -]+(?:[A-Z0-9]|(?i:v?\d)))")


def generation_series(sentence: str, lex: Lexicon, models: list[Mention], occupied: list[tuple[int, int]]) -> list[Mention]:
    """A family word and a version with no tier ("<Family> V<N>") that no source uses as a name, when the sources name
    that version only with a tier after it ("<Family> V<N> Flash", "<Family> V<N> Pro": `Lexicon.generation_members`,
    two tiers at least): the generation across its tiers, a mention of `how` "tier" whose claims hold only where every
    member agrees (`verify.verify_members`), as a tier named without a version is. A shorter name inside it (the family
    word read as a series, a vendor) gives way; a model name over the same words or more keeps them."""
    out: list[Mention] = []
    for g in GENERATION_RE.finditer(sentence):
        if any(x < g.end() and g.start() < y for x, y in occupied) or \
                any(m.start < g.end() and g.start() < m.end and not (g.start() <= m.start and m.end < g.end()
                                                                    or g.start() < m.start and m.end <= g.end())
                    for m in models):
            continue
        key = norm_name(g.group(0))
        members = lex.generation_members(key) if not lex.series.keys(key) else []
        if not members:
            continue
        names = sorted({row for _, n in members for row in lex.group(n)})
        tiers = ", ".join(t for t, _ in members)
        out.append(Mention("model", g.start(), g.end(), g.group(0), key, names, how="tier",
                           note=f"'{g.group(0)}' names no tier: every tier of it the sources name ({tiers})"))
    return out


def _member(sentence: str, a: int, b: int, words: list[str], lex: Lexicon, known: Known) -> Mention | None:
    """The one family member `words` (a tier, or a tier and version) stands for in this text, or None."""
    generations, families = known
    if any(w in NOT_TIERS for w in words):
        return None
    key = lex.by_words(words, families if any(re.search(r"\d", w) for w in words) else generations)
    if key is None or (len(words) == 1 and not tier_place(lex, key, words[0])):
        return None
    spelled = sorted(lex.models[key])[0][1]
    return Mention("model", a, b, sentence[a:b], key, lex.group(key), how="loose", spelled=set(lex.models[key]),
                   note=f"'{sentence[a:b]}' read as {spelled}: the one member of a family the text named that it fits")


def _tier_versions(sentence: str, lex: Lexicon, known: Known, occupied: list[tuple[int, int]]) -> list[Mention]:
    """A tier and version ("Raven 6", "6 Raven") standing for the one member of a family the text
    named (`established`) that has both words; never across families: two members fit, none is meant."""
    out: list[Mention] = []
    for t in TIER_VERSION_RE.finditer(sentence):
        if any(x < t.end() and t.start() < y for x, y in occupied):
            continue
        tier, version = (t.group("t1"), t.group("v1")) if t.group("t1") else (t.group("t2"), t.group("v2"))
        if (m := _member(sentence, t.start(), t.end(), [tier.lower(), version.lower()], lex, known)) is not None:
            out.append(m)
            occupied.append((t.start(), t.end()))
    return out


def _lower_tiers(sentence: str, lex: Lexicon, known: Known, occupied: list[tuple[int, int]]) -> list[Mention]:
    """A tier in lower case ("lite" after "Pica-4q"), where it stands as a name (`TIER_AFTER`), standing
    for the one member of a generation the text established that carries it."""
    out: list[Mention] = []
    for w in LOWER_TIER_RE.finditer(sentence):
        if any(x < w.end() and w.start() < y for x, y in occupied) or w.group(0) not in lex.name_tokens or \
                re.search(r"\b(?:an?|the)\s+$", sentence[:w.start()], re.I) or \
                not TIER_AFTER.match(sentence[w.end():]):
            continue
        if (m := _member(sentence, w.start(), w.end(), [w.group(0)], lex, known)) is not None:
            out.append(m)
            occupied.append((w.start(), w.end()))
    return out


def tier_place(lex: Lexicon, key: str, word: str) -> bool:
    """Does a source write `word` in the tier's place of the name `key`: among the name's words, before its size
    ("<family> N <tier> NB", "<family>-N-<tier>")? A word after the size ("<family>-N-NB-reasoning", a host's
    variant of the sized model) is no tier: a common word ("complex reasoning", a label "Reasoning (<bench>): N%")
    never stands for such a member."""
    for _, name in lex.models.get(key, ()):
        words = tokenize(name.lower())
        if word in words and not any(SIZE.match(w) for w in words[:words.index(word)]):
            return True
    return False


def _first_word_name(sentence: str, w: re.Match[str], lex: Lexicon, ctx: Context) -> Mention | None:
    """A family's first word written alone ("Nimbus has ..." after "Nimbus 40B" was named) stands for the
    one model the text named with that first word, when the word alone names no model or series the
    sources know and no name token follows it ("Nimbus 300B", a model the text has not named, is no
    short name). Two models named with it ("Nimbus 40B", "Nimbus 300B"), or one and a name that stands for no one
    model ("Nimbus 2 Pro", whose sources hold several dated snapshots: `Context.unsure`): none is meant."""
    if re.match(r"[\s-]+[A-Z0-9]", sentence[w.end():]) or lex.series.keys(w.group(0).lower()) or \
            w.group(0).lower() in lex.organisations:
        return None  # a series' name, or an organisation's: its maker, not the one model of it the text named
    word = w.group(0).lower()
    earlier = {m.key: m for m in ctx.seen if norm_name(m.text).split()[:1] == [word]}
    if len(earlier) > 1 and (m := _stated_member(sentence[w.end():], lex, ctx, list(earlier.values()))) is not None:
        return Mention("model", w.start(), w.end(), w.group(0), m.key, m.names, how=m.how, spelled=m.spelled,
                       note=f"'{w.group(0)}' read as {m.text}: of the models the text named with that name, the one it "
                            f"gave this figure")
    if len(earlier) != 1 or any(norm_name(m.text).split()[:1] == [word] for m in ctx.unsure):
        return None  # another name the text wrote with that word stands for no one model: the word may mean it
    m = next(iter(earlier.values()))
    return Mention("model", w.start(), w.end(), w.group(0), m.key, m.names, how=m.how,
                   note=f"'{w.group(0)}' read as {m.text}, the one model of that name the text named", spelled=m.spelled)


# "<Family>'s NK context", "<Family>'s massive NB": a figure of the family word's possessive, a few words after it
POSSESSIVE_FIGURE_RE = re.compile(r"^(?:'s|’s)\s+(?:[a-z][\w-]*\s+){0,2}(?=[~≈]?\d)")


def _stated_member(after: str, lex: Lexicon, ctx: Context, members: list[Mention]) -> Mention | None:
    """Of several models the text named with one family word, the one a possessive's figure names ("<Family>'s NK
    context" after "<Family> A has an NK context" and "<Family> B an MK one"): the only member the text already gave
    this attribute value (`Context.stated`); None when none or several were given it, or no figure follows."""
    lead = POSSESSIVE_FIGURE_RE.match(after)
    if lead is None:
        return None
    figures = find_quantities(after[lead.end():lead.end() + 24], [])
    if not figures or figures[0].start > 1 or figures[0].currency or figures[0].percent:
        return None
    value = figures[0].value
    given = [m for m in members
             if any(_names(lex, m) & ids and math.isclose(v, value, rel_tol=1e-3) for ids, v in ctx.stated)]
    return given[0] if len(given) == 1 else None


def _names(lex: Lexicon, m: Mention) -> set[str]:
    """The canonical models a mention's names belong to, and its own name's words (a vocabulary with no ids)."""
    return set(mention_ids(lex, m)) | {norm_name(m.text), norm_name(m.key)}


def dated_snapshots(sentence: str, lex: Lexicon, models: list[Mention],
                    dates: list[DateExpr]) -> tuple[list[Mention], list[DateExpr]]:
    """"the <Month YYYY> build/version/snapshot of X" and "X (<Month YYYY>)" name X's dated snapshot of
    that month, when the sources know exactly one name "X <date in that month>"."""
    out, used = [], []
    for m in models:
        date = next((d for d in dates if d.precision in ("month", "day") and (
            (d.end <= m.start and SNAPSHOT_WORDS_RE.match(sentence[d.end:m.start]))
            # "the/<org>'s <Month YYYY> X": a month written as X's attribute (not "In <Month YYYY> X ...")
            or (d.end <= m.start and not sentence[d.end:m.start].strip()
                and DATE_ATTRIBUTE_LEAD_RE.search(sentence[:d.start]))
            or (d.start >= m.end and re.fullmatch(r"\s*\(\s*", sentence[m.end:d.start])
                and re.match(r"\s*\)", sentence[d.end:])))), None)
        snap = _snapshot(lex, m.key, date) if date is not None else None
        if date is None or snap is None:
            out.append(m)
            continue
        used.append(date)
        spelled = sorted(lex.models[snap])[0][1]
        out.append(Mention("model", m.start, m.end, m.text, snap, lex.group(snap), how=m.how,
                           note=f"'{date.text}' names the dated snapshot {spelled}", spelled=set(lex.models[snap])))
    return out, used


def _snapshot(lex: Lexicon, key: str, date: DateExpr) -> str | None:
    """The one name "<key> <date in the month of `date`>" the sources use (YYYYMMDD, YYYY MM DD, YYMM),
    else the one "<key> <Month> YYYY" (as a table writes "X (<Month> YYYY)")."""
    y, mth = date.low.year, date.low.month
    months = ([date.low.strftime("%B").lower(), str(y)], [date.low.strftime("%b").lower(), str(y)])
    found, named = set(), set()
    for n in lex.models:
        if not n.startswith(key + " "):
            continue
        digits = "".join(n[len(key):].replace("-", " ").split())  # a dated snapshot as identity writes it (YYYY-MM)
        if digits.isdigit() and (digits.startswith(f"{y}{mth:02d}") or digits == f"{y % 100}{mth:02d}"):
            found.add(n)
        elif n[len(key):].split() in months:
            named.add(n)
    found = found or named
    return found.pop() if len(found) == 1 else None


def cell_spans(sentence: str, cells: list[tuple[str, str]]) -> list[tuple[str, int, int]]:
    """Each cell's header and its span in the row's sentence (cells joined by "; ")."""
    out, pos = [], 0
    for header, text in cells:
        i = sentence.find(text, pos)
        if i < 0:
            return []
        out.append((header, i, i + len(text)))
        pos = i + len(text)
    return out


def header_kind(lex: Lexicon, header: str) -> tuple[str, dict] | None:
    """What a column header makes of its cells: a price ("Input USD/M": input side, per million) or a
    benchmark score (a benchmark's name); None for anything else (names, counts, notes)."""
    benches = [b for b in lex.find_others(header, []) if b.type == "benchmark"]
    if len(benches) == 1 and not PRICE_HEADER_RE.search(header):
        return "score", {"bench": benches[0]}
    if PRICE_HEADER_RE.search(header) and PER_TOKENS_HEADER_RE.search(header):
        side = re.search(r"\b(input|output|blended|prompt|completion)\b", header, re.I)
        part = {"prompt": "input", "completion": "output"}.get(side.group(1).lower(), side.group(1).lower()) \
            if side else "both"
        return "price", {"part": part, "per": 1000.0 if PER_K_HEADER_RE.search(header) else 1.0,
                         "tier": price_tier(header)}
    return None


def sibling_price_kind(header: str, per: float) -> tuple[str, dict] | None:
    """A currency cell under a header naming only a side or a price tier ("Output", "Batch input", "Cache
    hits"), in a row another column of which names the per-token unit (`per`): a price in that unit."""
    side = re.search(r"\b(input|output|blended|prompt|completion)\b", header, re.I)
    tier = price_tier(header)
    if side is None and tier is None:
        return None
    part = {"prompt": "input", "completion": "output"}.get(side.group(1).lower(), side.group(1).lower()) \
        if side else "both"
    return "price", {"part": part, "per": per, "tier": tier}


def lead_price_unit(lead: str) -> float | None:
    """The per-token price unit the sentence right before a table names for it ("Prices per 1M tokens",
    "USD per million tokens"): per million (1.0) or per thousand (1000.0); None when it names none, or names
    no price (a currency, "price", "cost", "USD")."""
    if not lead or not PRICE_HEADER_RE.search(lead) or not PER_TOKENS_HEADER_RE.search(lead):
        return None
    if PER_MILLION_HEADER.search(lead):
        return 1.0
    return 1000.0 if PER_K_HEADER_RE.search(lead) else None


@dataclass(frozen=True)
class StatedUnit:
    """The per-token price unit a lead states for the amounts after it (per million: 1.0, per thousand: 1000.0)
    and the order it names a slash pair's sides in ("(output/input)"; input then output when it names none)."""

    per: float
    sides: tuple[str, str] = ("input", "output")


def stated_unit(lead: str) -> StatedUnit | None:
    """`lead_price_unit`'s unit with the pair order the same words name (`patterns.pair_sides`), or None."""
    per = lead_price_unit(lead)
    if per is None:
        return None
    return StatedUnit(per, pair_sides(lead) or ("input", "output"))


def section_unit(sentence: str, heading: bool = False) -> StatedUnit | None:
    """The per-token price unit a lead states for what follows it ("Prices in USD per million tokens
    (input/output):", "Costs for 1M input / output tokens:", a heading "Pricing (per 1M tokens)", a sentence stating
    only the unit, `patterns.UNIT_STATEMENT`: "All prices are per 1 million tokens.") and the order it names a slash
    pair's sides in (`stated_unit`): the reading of a heading, of a unit statement, or of a sentence that ends in a
    colon and has no amount of its own. None for a sentence that prices something ("X costs $2 per million tokens")
    or only talks about prices or the unit ("The price per million tokens can mislead.", "Prices vary:")."""
    if not heading and not UNIT_STATEMENT.match(sentence) and \
            (MONEY.search(sentence) or not sentence.rstrip().endswith(":")):
        return None
    return stated_unit(sentence)


def document_unit(sentence: str, opened: bool) -> StatedUnit | None:
    """The unit a unit statement (`patterns.UNIT_STATEMENT`) states for the whole text: one made before the text's
    first section (`opened`: a heading has followed body text), or one saying "All prices ..." anywhere but "in this
    section / table"; the text's sections without a unit of their own keep it. None for any other sentence (a
    colon lead, or a statement within one section, holds for its section only: `section_unit`)."""
    m = UNIT_STATEMENT.match(sentence)
    if m is None or m.group("scope") or (opened and not m.group("all")):
        return None
    return stated_unit(sentence)


SECTION_CUTOFF_RE = re.compile(r"\b" + CUTOFF_WORDS + r"s?\b", re.I)


def section_kind(text: str) -> str | None:
    """The one attribute a heading ("## Context windows", "Context Length Comparison", "Model sizes") or a list's
    lead ("Parameter counts:") names, in the table headers' words (`patterns.COLUMN_KINDS`: "context", "output",
    "tokens", "active", "params"), or "cutoff" for a knowledge cut-off; None when it names none, two (a heading over
    two attributes types neither), another measure ("Long-context pricing", `patterns.OTHER_MEASURE`) or uses "context" in its other sense ("For
    context:")."""
    if not text or OTHER_MEASURE.search(text) or CONTEXT_IDIOM.search(text):
        return None
    if SECTION_CUTOFF_RE.search(text):
        return "cutoff" if not any(p.search(text) for k, p in COLUMN_KINDS if k in SECTION_KINDS) else None
    found: list[tuple[int, int, str]] = []
    for kind, pattern in COLUMN_KINDS:  # first match wins among overlapping words ("Max output window": output)
        for m in pattern.finditer(text):
            if not any(a < m.end() and m.start() < b for a, b, _ in found):
                found.append((m.start(), m.end(), kind))
    kinds = {k for _, _, k in found}
    return kinds.pop() if len(kinds) == 1 and kinds <= set(SECTION_KINDS) else None


def list_kind(ctx: Context) -> str | None:
    """The attribute a list line's section names for its bare figures (`section_kind`): the lead it completes
    (a sentence ending in ":", or the parent item of a nested one), else the section's heading, unless that lead
    names another measure ("Elo ratings:" under "## Context windows": `patterns.OTHER_MEASURE`); None outside a list."""
    if not ctx.item:
        return None
    if ctx.in_list and ((kind := section_kind(ctx.item_lead)) is not None or OTHER_MEASURE.search(ctx.item_lead)):
        return kind
    return section_kind(ctx.section)
