"""Tables read both ways: a column header that names a model ("Nimbus-2 0917", "Kestrel3 40B-Inst.")
makes each of its cells a figure about that model, on the benchmark its row names.

A header is resolved as a name, never guessed:
- a model name the sources use, followed by a month-day stamp ("-0917", " 0311"): the one dated
  snapshot of that name with that month and day (`nimbus 2 20310917`); none or several: the
  name as written;
- a series with a size and a variant word ("Kestrel3 40B-Inst."): the series' model of that size,
  its instruct model when the header says so ("Inst.", "Instruct", "Chat", "-it"), else its base or
  plain one;
- a model's name with such a word ("<model> Chat (SFT)") and no instruct model in the sources: the fine-tuned
  model prose reads (`Lexicon.find_models`), with no rows; never the base model.

A row's model may be written over two label cells ("| <Family> N | NB | <score> |", "| NB | <Family> N | ... |",
"| <model> | Chat | ... |"): a series or model cell and a size or variant cell name one model together, the model of
every cell of the row (`split_row_label`); a series written once and left blank, '"' or "–" in the rows below (a
merged cell as Markdown renders it) carries down to them.

A table whose columns are models reads each cell as a row-oriented table reads it, with the row's label
(its cells before the first model column: "Input price (per 1M tokens)", "Context window", "Knowledge
cutoff", "License", a benchmark) in the place of the cell's header (`model_columns`): one reading of labels for both orientations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from collections.abc import Callable, Sequence
from typing import Any

from ..domain.tolerances import STAMP_RELEASE_DAYS
from ..domain.variants import INSTRUCT
from ..metrics.evidence import fact_rows
from .attributes import mention_ids
from .carry import PRICE_HEADER_RE, generation_series, tier_series
from .labels import label_model, size_label
from .resolve import THINKING_RE, WITHOUT_SETTING, Lexicon, Mention, norm_name
from .patterns import LICENCE_CLOSED, LICENCE_ITEM, LICENCE_NAME, MODEL_COLUMN, column_kind
from .series import Series, series_mention

VARIANT_RE = re.compile(r"[\s-]*\b(?:inst(?:ruct)?|chat|it)\b\.?\s*$", re.I)
STAMP_RE = re.compile(r"[\s-](?P<m>0[1-9]|1[0-2])(?P<d>[0-3]\d)$")
SIZE_RE = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s?B\b")
PAREN_MODE_RE = re.compile(r"\s*\(\s*[A-Za-z][A-Za-z -]{1,20}\)\s*$")  # "<name> (Chat)", "<name> (Thinking)"
PAREN_SIZE_RE = re.compile(r"\s*\(\s*\d+(?:\.\d+)?\s?[BMT]\s*\)\s*$")  # "<name> (12.5B)"
# a setting left out, in parentheses after the name ("<name> (without tools)"; `resolve.WITHOUT_SETTING`)
PAREN_WITHOUT_RE = re.compile(r"\s*" + WITHOUT_SETTING + r"\s*$", re.I)
# a note in parentheses after a header's name: its maker, a mode, a date ("<series> (<vendor>)")
PAREN_NOTE_RE = re.compile(r"\s*\([^()]{1,40}\)\s*$")


def header_model(lex: Lexicon, series: Series, con: Any, header: str, contexts: Sequence[str] = (),
                 first: bool = False) -> Mention | None:
    """The model a column header names, or None. A size in parentheses after a name is read with it
    first ("<series> (40B)": the series' 40B model; a source may spell the size into a name); when that
    names nothing, the size only describes the model the name alone names ("<model> (12.5B)"). A short
    label ("7B", "11B-it", "Lite") names the model of the family its table's `contexts` name (nearest
    first: `labels.label_model`). A header naming a series alone is the series (`series_header`), except the
    table's `first` column's: there it names the family the table is about ("| <series> | NB | MB |")."""
    text = header.strip().strip("*").strip()
    found = _header_model(lex, series, con, header, text)
    without = PAREN_WITHOUT_RE.search(text)
    if found is None and without:  # "<model> (w/o extended thinking)": the model, run without that setting
        name = text[:without.start()].strip()
        core = _header_model(lex, series, con, header, name)
        if not THINKING_RE.search(without.group("what")):
            found = core
        elif core is not None:
            found = lex.without_thinking(core)
        elif (key := norm_name(f"{name} (no thinking)")) in lex.models:  # only a source's "<model> (no thinking)"
            found = Mention("model", 0, len(header), header, key, lex.group(key), spelled=set(lex.models[key]))
    mode = PAREN_MODE_RE.search(text)
    if found is None and mode:  # "<model> (Chat)": a mode in parentheses after the name, read as prose reads it
        found = _header_model(lex, series, con, header, text[:mode.start()].strip())
    described = PAREN_SIZE_RE.search(text)
    if found is None and described:
        found = _header_model(lex, series, con, header, text[:described.start()].strip())
    if found is None and contexts:
        found = label_model(lex, series, con, header, contexts,
                            lambda name: header_model(lex, series, con, name))
    if found is None and not first:
        found = series_header(lex, series, text)
    if found is None and not first:
        # "<Family> <Tier>" with no version: the tier across its versions (`carry.tier_series`)
        tiers = tier_series(text, lex, []) or generation_series(text, lex, [], [])  # or "<Family> V<N>" across tiers
        found = tiers[0] if len(tiers) == 1 and tiers[0].start == 0 and len(text) - tiers[0].end <= 1 else None
    return found


def series_header(lex: Lexicon, series: Series, text: str) -> Mention | None:
    """A header naming a series and nothing else, a note in parentheses aside ("<series> (<vendor>)"): the series,
    as a mention covering its models (`series.series_mention`, `how` "series"). Its cells are the series' figures:
    a size in a cell names the series' model of that size ("| Sizes | NB, MB |"), a licence is the family's
    (`attributes.AttributeRules._target`)."""
    core = PAREN_NOTE_RE.sub("", text).strip()
    found = series.find(core)
    if len(found) != 1 or found[0].start != 0 or len(core) - found[0].end > 1:
        return None
    return series_mention(lex, found[0], 0, len(core))


def name_shaped(lex: Lexicon, con: Any, header: str) -> bool:
    """Does a column header look like a model's or a series' name, resolved or not: a name the vocabulary finds
    over the whole header (an ambiguous or unknown one too), a series, or a name with its maker in parentheses
    ("<Name> (<vendor>)")? Such a column's cells are figures of its model, never a part of the row's label."""
    text = header.strip().strip("*").strip()
    note = PAREN_NOTE_RE.search(text)
    core = text[:note.start()].strip() if note else text
    if not core:
        return False
    if any(m.start == 0 and len(core) - m.end <= 1 for m in lex.find_models(core, [], con)):
        return True
    if any(s.start == 0 and len(core) - s.end <= 1 for s in lex.series.find(core)):
        return True
    return note is not None and bool(re.match(r"[A-Z]", core)) and \
        any(o.type == "provider" for o in lex.find_others(note.group(0), []))


def model_columns(cells: Sequence[tuple[str, str]], spans: Sequence[tuple[str, int, int]],
                  named: Sequence[int], resolve: Callable[[str], Mention | None],
                  shaped: Callable[[str], bool] = lambda header: False
                  ) -> tuple[list[tuple[str, str]], list[tuple[int, int, Mention]]]:
    """A table row whose columns are models ("| | A | B |" over "| Context window | NK | MK |"): each cell under
    a header naming a model (`resolve`: `header_model` in the table's context; a series too: "<series> (<vendor>)")
    is that model's, and the row's label — its cells before the first model column ("Context window"; "<category> |
    <benchmark>") — says what the cell states: the label takes the place of the cell's header, so the kind, side,
    unit and tier a header gives its cells (a price, a context window, a cut-off, a licence, a benchmark's score)
    come from the row label. A cell under a header shaped like a name that resolves to nothing (`shaped`: an unknown
    or ambiguous name, "<Name> (<vendor>)") after the row's first cell is no part of the label: it is that column's
    own figure, left unbound.
    Returns the cells so relabelled and (start, end, model) of each such cell (binding rule 1); the cells
    unchanged and no columns when the label names a model itself (`named`: where the row's model and series
    mentions start; its figures are its own), the row has no label (its written cells start under a model
    column) or no header names a model. (A row's empty cells are no cells: `cells` are its written ones.)"""
    if not spans or not cells or len(spans) != len(cells):
        return list(cells), []
    models = [resolve(header) for header, _ in cells]
    k = next((i for i, m in enumerate(models) if m is not None), None)
    if not k:
        return list(cells), []
    within = [i for i in range(k) if i == 0 or not shaped(cells[i][0])]  # the row's first cell is its label's
    if not within or any(spans[i][1] <= at < spans[i][2] for i in within for at in named):
        return list(cells), []
    label = " ".join(text.strip() for i, (_, text) in enumerate(cells[:k]) if i in within and text.strip())
    out: list[tuple[str, str]] = list(cells[:k])
    columns: list[tuple[int, int, Mention]] = []
    for (header, text), (_, a, b), m in zip(cells[k:], spans[k:], models[k:]):
        if m is None:
            out.append((header, text))
            continue
        out.append((label, text))
        # the mention sits where the row starts, as a row's own model named in its first cell: before every figure
        # of the row, never inside one (a date or a figure holding a model's name is checked against its position)
        at = spans[0][1]
        columns.append((a, b, Mention("model", at, at, m.text, m.key, m.names, how=m.how,
                                      note=(m.note + "; " if m.note else "") + f"the column header '{header}'",
                                      spelled=m.spelled)))
    return out, columns


# a cell repeating the one above it: a ditto mark, a dash, or nothing (a merged cell as Markdown renders it)
DITTO_RE = re.compile(r"[\"\u201c\u201d\u2033\u3003'\u2019]{1,2}|[-\u2013\u2014]{1,3}|\^|")
# a label cell naming a variant of the model the other label cell names: a tuning word ("Chat", "Instruct", "it")
VARIANT_CELL_RE = re.compile(r"(?:inst(?:ruct)?|chat|it)\.?", re.I)
# ... or, under a column of variants ("Variant", "Version", "Tier"), a tier word ("Mini", "Pro"): one word of letters
VARIANT_HEADER_RE = re.compile(r"^\W*(?:variant|version|tier|type|edition|mode)s?\W*$", re.I)
TIER_CELL_RE = re.compile(r"[A-Za-z][A-Za-z]{1,11}")
NAMED_SIZE_RE = re.compile(r"\d\s?[BM]\b", re.I)  # a size inside a name ("<Family>-7B", "<family> 350m")
# a header of a column stating a fact of the row's model other than a score: a price, a date, a cut-off
FACT_HEADER_RE = re.compile(r"\b(?:release[sd]?|launch(?:ed)?|date|cut[\s-]?off)\b", re.I)


def repeats_above(text: str) -> bool:
    """Does a cell repeat the one above it: a ditto mark, a dash, or nothing (`DITTO_RE`)?"""
    return DITTO_RE.fullmatch(text.strip()) is not None


def first_cell_left(cells: Sequence[tuple[str, str]], columns: Sequence[str]) -> bool:
    """Was the row's first column left empty (its first written cell sits under a later column: a merged cell as
    Markdown renders it)?"""
    return bool(columns) and bool(cells) and cells[0][0] != columns[0] and cells[0][0] in columns[1:]


@dataclass
class RowLabel:
    """A row's model written over two label cells: the model they name together, as a mention over the family
    cell (its text the name composed), the span of the size or variant cell, and the family as written (what a
    blank or ditto cell below it repeats)."""

    model: Mention
    tag: tuple[int, int]
    family: str


def split_row_label(cells: Sequence[tuple[str, str]], spans: Sequence[tuple[str, int, int]], columns: Sequence[str],
                    resolve: Callable[[str], Mention | None], carried: str | None = None) -> RowLabel | None:
    """A table row whose model is written over its first two columns: a family cell (a series or a model, "<Family>
    N") and a size cell ("NB", "NB-it") in either order, or a family cell then a variant or tier cell ("Chat",
    "Instruct", "Mini"), a tuning word in the cell after a size naming the tuned model of that size ("| <Family> N |
    NB | Chat | ..."). "<family> <size or variant>" is resolved as a column header naming a model is
    (`resolve`: `header_model`); it must name one model, another than the family cell alone names (a name already
    holding its size, "| <Family>-7B | 7B |", is the single-cell row label's case). A family cell left empty or
    holding a ditto mark or a dash ('"', "–") repeats the family of the row above (`carried`). The row must have a
    written cell after the two labels: something the label identifies. None when the row is not of this form
    (a benchmark's name in the second cell, "| <model> | <benchmark> | N |", is no variant)."""
    if len(columns) < 3 or not spans or len(spans) != len(cells) or spans[0][1] != 0:
        return None
    if cells[0][0] == columns[0] and len(cells) > 2 and cells[1][0] == columns[1]:
        cols: list[int | None] = [0, 1]
    elif first_cell_left(cells, columns) and cells[0][0] == columns[1] and len(cells) > 1:
        cols = [None, 0]  # the first column left empty under a family written above
    else:
        return None
    first, second = (spans[i] if i is not None else None for i in cols)
    text = [cells[i][1].strip().strip("*").strip() if i is not None else "" for i in cols]
    sized = [bool(t) and size_label(t) is not None for t in text]
    if sized[1] and not sized[0]:
        family, tag = 0, 1
    elif sized[0] and not sized[1]:
        family, tag = 1, 0
    elif not any(sized) and (VARIANT_CELL_RE.fullmatch(text[1]) or
                             (VARIANT_HEADER_RE.match(columns[1]) and TIER_CELL_RE.fullmatch(text[1]))):
        family, tag = 0, 1
    else:
        return None
    if sized[tag] and NAMED_SIZE_RE.search(text[family]):
        return None  # "| <Family>-7B | 7B |": the name holds its size already
    if sized[tag] and column_kind(columns[tag]) not in (None, "params"):
        return None  # "| <model> | 1M | ..." under "Context": a figure of its own, no size
    at, label = (first, second)[family], (first, second)[tag]
    written = text[family]
    name = carried if repeats_above(written) else written
    if not name or label is None:
        return None
    composed = f"{name} {text[tag]}"
    after = (cols[1] or 0) + 1  # the cell after the two labels: a variant of the sized model ("| <Family> N | NB | Chat |")
    if sized[tag] and after + 1 < len(cells) and VARIANT_CELL_RE.fullmatch(cells[after][1].strip().strip("*").strip()):
        tuned = resolve(f"{composed} {cells[after][1].strip().strip('*').strip()}")
        composed = tuned.text if tuned is not None and tuned.how != "ambiguous" else composed
    m = resolve(composed)
    if m is None or m.how in ("ambiguous", "unknown"):  # a name no source has ("<Series> NB" it lacks) names none
        return None
    alone = resolve(name)
    if alone is not None and alone.key == m.key:
        return None  # the second cell adds nothing to the name
    a, b = (at[1], at[2]) if at is not None else (0, 0)  # an empty cell: where the row starts, before every figure
    return RowLabel(Mention("model", a, b, composed, m.key, m.names, how=m.how,
                            note=(m.note + "; " if m.note else "") +
                            f"the row's label cells '{name}' and '{composed[len(name) + 1:]}'" +
                            (" (the family written above)" if name != written else ""),
                            spelled=m.spelled),
                    (label[1], label[2]), name)


def repeated_row(cells: Sequence[tuple[str, str]], spans: Sequence[tuple[str, int, int]],
                 columns: Sequence[str]) -> tuple[int, int] | None:
    """Where a table row repeats the model of the row above (a merged cell as Markdown renders it): its first column
    left empty ((0, 0): where the row starts, before every figure) or holding only a ditto mark or a dash ('"', "–":
    that cell's span); None when the row writes its own first cell."""
    if not columns or not cells or len(spans) != len(cells):
        return None
    if first_cell_left(cells, columns):
        return 0, 0
    if repeats_above(cells[0][1]) and len(cells) > 1:
        return spans[0][1], spans[0][2]
    return None


def states_facts(columns: Sequence[str]) -> bool:
    """Does a table state facts of its rows' models besides scores: a column of a size, a context window, training
    tokens or GPU hours (`patterns.column_kind`; an architecture setting is none), a licence or access, a price, a
    release date or a cut-off? In a table that does not (a benchmark table), a size label identifying a row states
    no parameter count of its own."""
    return any((k := column_kind(c)) is not None and k != "architecture" or LICENCE_HEADER_RE.search(c) or
               PRICE_HEADER_RE.search(c) or FACT_HEADER_RE.search(c) for c in columns)


def size_cell_states(columns: Sequence[str]) -> bool:
    """Does a size cell labelling a table row (its first cell, or the size cell of a label written over two cells)
    state the row model's parameter count, given the row's other `columns`? Only in a table stating the models'
    facts besides scores (`states_facts`), and only when no other column states the parameter count itself: beside
    "| NB | ... | <exact count> |" under "Parameters" (or "# Params", "Non-embedding params") the size only
    identifies the row, as it does in a benchmark table."""
    return states_facts(columns) and not any(column_kind(c) == "params" for c in columns)


def one_model_table(lex: Lexicon, con: Any, referent: Any, first: str, label: str, labelled: str | None,
                    figures: int, untyped: int, column_named: bool, contexts: Sequence[str]) -> Mention | None:
    """The model a row of a table with **no model column** is about ("| Benchmark | Score |", "| Metric | Value |",
    "| Parameter | Value |" under "## <model>" or after "<model> results:"; binding rule 1): the referent — the
    subject of the sentences before the table, else the text's topic, as for a label line (rule 0) — when

    - no column header names a model (`column_named`) and the first column is no column of names (`MODEL_COLUMN`:
      "Model", "Name", "LLM": its rows are models, known or not);
    - the row holds a figure of the model (`figures`: its cells holding one under a header that types it or a
      plain value column, `patterns.VALUE_COLUMN`: "Score", "Value", "Result"; a count of another thing, "#
      Questions", is none) and its label (`label`, its first cell) says what the figures are: a benchmark, a price,
      a label kind such as "Context length" or "Parameters" (`labelled` "label"), which types the one figure cell
      under a plain value column (`untyped`, at most one); or a provider ("provider"), whose cells' own headers type
      every figure ("Input ($/1M)") — several value cells ("| <benchmark> | Ours | Baseline |") or a label that
      types nothing ("4-bit", "0-shot") bind nothing;
    - the referent is one model (not a series, not an ambiguous name), and every context level (`contexts`: the
      sentence right before the table, the table's section headings) names no model or only that one: a heading or
      lead naming several models, or another one ("compared with <B>:"), binds nothing (never a guess).
    """
    if column_named or not figures or MODEL_COLUMN.search(first) or not label.strip() or \
            not ((labelled == "label" and untyped <= 1) or (labelled == "provider" and not untyped)):
        return None
    if not isinstance(referent, Mention) or referent.type != "model" or referent.how in ("ambiguous", "unknown"):
        return None
    own = set(mention_ids(lex, referent))
    for context in contexts:
        if not context:
            continue
        models = lex.find_models(context, [], con)
        if any(not any(m.start <= x.start and x.end <= m.end for m in models) for x in lex.series.find(context)):
            return None  # a family named: its models are several
        if any(m.key != referent.key and not (own and own == set(mention_ids(lex, m))) for m in models):
            return None
    return Mention("model", 0, 0, referent.text, referent.key, referent.names, how=referent.how,
                   spelled=referent.spelled,
                   note=(referent.note + "; " if referent.note else "") +
                   f"a table with no model column, about '{referent.text}' (the model its context names)")


def _header_model(lex: Lexicon, series: Series, con: Any, header: str, text: str) -> Mention | None:
    instruct = bool(VARIANT_RE.search(text))
    core = VARIANT_RE.sub("", text).strip()
    stamp = STAMP_RE.search(core)
    if stamp:
        # a name a source uses with its stamp ("<model>-0324" listed as such) is that model, as written
        whole = [m for m in lex.find_models(core, [], con) if m.start == 0 and m.how == "exact"]
        if whole and len(core) - whole[0].end <= 1:
            m = whole[0]
            return Mention("model", 0, len(header), header, m.key, m.names, note=m.note, spelled=m.spelled)
        core = core[:stamp.start()].strip()
    models = [m for m in lex.find_models(core, [], con) if m.start == 0 and m.how != "ambiguous"]
    if models and len(core) - models[0].end <= 1:
        m = models[0]
        if stamp:
            dated = _dated(lex, m.key, stamp.group("m") + stamp.group("d"))
            if dated is not None:
                return Mention("model", 0, len(header), header, dated, lex.group(dated),
                               note=f"'{header}': the dated snapshot '{dated}'", spelled=set(lex.models[dated]))
            # a stamp no source's dated name has: the undated name's own release when its first release
            # date falls within a week of the stamp; otherwise a later update of the name may be meant (it
            # keeps the name and adds a date), and the undated name's rows are not its rows
            released = _first_release(con, m)
            if released is None or not _stamp_near(released, int(stamp.group("m")), int(stamp.group("d"))):
                return Mention("model", 0, len(header), header, m.key, [], how="ambiguous",
                               note=f"'{header}' names a dated release no source records; '{m.text}' may be "
                                    f"another release")
            m.note = (m.note + "; " if m.note else "") + \
                f"'{header}': the stamp is {m.text}'s own release ({released.isoformat()})"
        if instruct and lex.aliases:  # "Kestrel3 40B-Inst.": the instruct model of the name, when it has one
            ids = sorted({i for s, n in (m.spelled or m.names) if (i := lex.aliases[0].get((s, n)))})
            tuned = sorted({i + "-instruct" for i in ids if not i.endswith("-instruct")} & set(lex.aliases[1]))
            if len(tuned) == 1:
                names = sorted(lex.aliases[1][tuned[0]])
                return Mention("model", 0, len(header), header, tuned[0], names, how="identity",
                               note=f"'{header}' names the instruct model {tuned[0]}", spelled=set(names))
        if instruct:
            # the header as prose reads it (`Lexicon.find_models`, `domain.variants.FINE_TUNED_AFTER`): a name a
            # source uses, in any case and with any separators ("<Fam>-N-9b-It"), is that model, its variant word
            # kept; a fine-tuned model no source names ("<model> Chat") has no rows (`how` "variant"). Never the
            # base model: its scores, licence and limits are not the fine-tuned model's
            return _tuned_header(lex, con, header, text, m)
        return Mention("model", 0, len(header), header, m.key, m.names, how=m.how, note=m.note, spelled=m.spelled)
    found = series.find(core)
    size = SIZE_RE.search(core)
    if not found or size is None or not lex.aliases:
        return None
    value = float(size.group("n")) * 1e9
    hit = series.at(found[0].key, value, max(value * 0.02, 0.05e9))
    if hit is None:
        return None
    ids = sorted(hit[1])
    want = [i for i in ids if i.endswith("-instruct")] if instruct else \
        [i for i in ids if i.endswith("-base")] or [i for i in ids if not i.endswith("-instruct")]
    if len(want) != 1 or want[0] not in lex.aliases[1]:
        return None
    mid = want[0]
    names = sorted(lex.aliases[1][mid])
    return Mention("model", 0, len(header), header, mid, names, how="identity",
                   note=f"'{header}' is the {found[0].text} series' {size.group(0)} "
                        f"{'instruct' if instruct else 'base'} model: {mid}", spelled=set(names))


def _tuned_header(lex: Lexicon, con: Any, header: str, text: str, core: Mention) -> Mention:
    """A header naming a fine-tuned model of `core` ("<model> Chat", "<model>-Inst.") that has no instruct model in
    the identity tables: the model prose reads in the header's words (a name a source spells so, or the fine-tuned
    model no source names: a mention with no rows), else the fine-tuned model of `core` that no source names."""
    whole = [w for w in lex.find_models(text, [], con) if w.start == 0 and w.how in ("exact", "loose", "variant")]
    if whole and len(text) - whole[0].end <= 1 and whole[0].key != core.key:
        w = whole[0]
        return Mention("model", 0, len(header), header, w.key, w.names, how=w.how, note=w.note, spelled=w.spelled)
    word = VARIANT_RE.search(text)
    written = word.group(0).strip(" -.").lower() if word else INSTRUCT
    return lex.variant_mention(text, 0, len(header), core.key, written, header)


def _first_release(con: Any, model: Mention) -> date | None:
    """The earliest release date any source gives the model's rows (None without a warehouse)."""
    if con is None or not model.names:
        return None
    dates = [r.release_date for r in fact_rows(con, sorted({n for _, n in model.names}))
             if r.release_date is not None and (r.source, r.name) in set(model.names)]
    return min(dates) if dates else None


def _stamp_near(released: date, month: int, day: int) -> bool:
    """Is a month-day stamp within a week of the release date (in its year, or across a new year)?"""
    for year in (released.year - 1, released.year, released.year + 1):
        try:
            if abs((date(year, month, day) - released).days) <= STAMP_RELEASE_DAYS:
                return True
        except ValueError:  # "0230": no such day
            return False
    return False


def _dated(lex: Lexicon, key: str, mmdd: str) -> str | None:
    """The one name "<key> YYYYMMDD" (or "<key> YYYY MM DD") whose month and day are `mmdd`."""
    found = set()
    for n in lex.models:
        if not n.startswith(key + " "):
            continue
        digits = re.sub(r"[\s-]", "", n[len(key):])  # "2031 09 17", "2031-09-17", "20310917"
        if digits.isdigit() and len(digits) == 8 and digits.startswith("20") and digits[4:] == mmdd:
            found.add(n)
    return found.pop() if len(found) == 1 else None


# a column of licences or access ("License", "License type", "Weights", "Access", "Availability", "Open source")
LICENCE_HEADER_RE = re.compile(r"\blicen[cs](?:e|ing)\b|\bweights\b|\bopen[- ]?weights?\b|\baccess\b|\bavailability\b|\bopen[- ]?source\b|"
                               r"\bopenness\b|^\W*open\W*$", re.I)
# a header asking whether the weights are open ("Weights", "Open weights?", "Open source"): "Yes" / "No" answer it
WEIGHTS_HEADER_RE = re.compile(r"\bweights\b|\bopen[- ]?weights?\b|\bopen[- ]?source\b|\bopenness\b|^\W*open\W*$", re.I)
# a check mark or a cross answering such a header ("✓" / "✗"), as "Yes" / "No"
# (a note in parentheses after the answer changes nothing: "Yes (non-commercial)", "Proprietary (API only)")
NOTE = r"(?:\s*\([^()]*\))?"
YES_CELL_RE = re.compile(r"(?:yes|[\u2713\u2714\u2705\u2611]\ufe0f?)" + NOTE, re.I)
NO_CELL_RE = re.compile(r"(?:no|[\u2717\u2718\u274c\u274e]\ufe0f?)" + NOTE, re.I)
# closed: a proprietary licence or access word, and Epoch's accessibility classes that publish no weights ("API
# access", "Hosted access (no API)", "Unreleased")
CLOSED_CELL_RE = re.compile(rf"^(?:{LICENCE_CLOSED}|no|hosted\s+access|unreleased|not\s+released)"
                            rf"(?:\s+(?:licen[cs]e|model|weights))?{NOTE}$", re.I)
# a cell naming a licence under which weights are published (any licence but a proprietary one), or "Open"
OPEN_CELL_RE = re.compile(rf"\b(?:non[- ]?commercial|apache|mit|bsd|gpl|cc[- ]by|openrail|open(?:[- ](?:weights?|source))?|"
                          rf"permissive|licen[cs]e)\b|{LICENCE_NAME}", re.I)
# under a licence header only: "Community", "Research" (a research licence), "Yes" under a weights header
# and a vendor's own licence acronym ("<X>RL": a research licence; "<X>CL": a community licence), restricted but open
LICENCE_WORD_RE = re.compile(r"\b(?:community|research)\b|\b(?-i:[A-Z]{1,4}(?:RL|CL))\b", re.I)


def licence_openness(header: str, cell: str) -> bool | None:
    """Under a licence or access column, what a cell says of the weights: False for "Proprietary"/"API
    only", True for a licence the weights are published under ("Non-commercial", "Apache 2.0", "<Org> 2
    Community License") or "Open", None otherwise (a blank, a note, "Preview"). "Yes"/"No" (or a check mark
    and a cross) count only under a header asking about the weights ("Open weights?", "Open")."""
    if not LICENCE_HEADER_RE.search(header):
        # under any other header, "open-source" / "proprietary" as one item of a comma list ("Open-source,
        # multilingual, 128K context": a features cell) is the row model's openness
        item = LICENCE_ITEM.search(cell.strip()) if "," in cell else None
        return None if item is None else item.group("open") is not None
    text = cell.strip()
    weights = bool(WEIGHTS_HEADER_RE.search(header))
    if NO_CELL_RE.fullmatch(text):
        return False if weights else None
    if CLOSED_CELL_RE.match(text):
        return False
    if YES_CELL_RE.fullmatch(text):
        return True if weights else None
    if OPEN_CELL_RE.search(text):
        return True
    licence = re.search(r"\blicen[cs]", header, re.I)
    return True if licence and LICENCE_WORD_RE.search(text) else None
