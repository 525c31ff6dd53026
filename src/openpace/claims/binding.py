"""Which model a figure belongs to: by grammar, not by distance (docs/claims.md, "Which model a
figure belongs to").

One rule for every kind, in order; the first that applies decides, and a figure none binds has no
model (its claim is then unverifiable, "no model is named for this figure" — never a guess):

0. a **label line** ("License: <value>", "Release date: <date>", "Hardware type: <chip>", "Context
   length: NK", a two-cell table row "<label>; <value>", a short line naming no model under a "License" heading)
   whose label names a property of a model and which names no model before the value: the referent
   (the previous subject, else the text's topic, as for rule 9) — a model card's key-value lines;
1. a table row: the model of the figure's column when its header names one and the row's label names none
   (a table whose columns are models: `tables.model_columns`), else the model of the row's first cell, else in a
   table with no model column the model its context names (`tables.one_model_table`: `table_model`);
1a. **respectively**: a figure of a list ("N1, N2 and N3", or the figures of its clause in order) that "respectively"
   later in its clause pairs with the sentence's list of two or more models (the subjects before it, else the owners
   after it: "N1 and N2 for A and B respectively") is the i-th model's; lists of different lengths: no model;
2. the figure's **owner after it**: "N for / by / from / of / in X" right after the figure and its
   unit words ("N% for X", "NB parameters of X", "the M and NB models of the X series"), and a
   purpose: "N GPUs (needed) to train / build / create X";
2a. a **predecessor's figure** ("up from N", "from N to M" after a verb of change, "N for its predecessor",
   "its predecessor's N"): the earlier model's — the one rule 2 names, else none, never the subject; the later
   figure of such a change (M) is the sentence's subject's, whatever model the words between name;
3. a **possessive** right before it: "X's NK window", "beat X's N%"; or a label: "X (N%)", "X: NB"; or an
   apposition: any figure of a parenthesis opened right after X and still open ("... than X ($A / $B per million
   tokens)"), unless it compares figures ("(N% vs M%)");
4. "its / their" right before it ("with its NK window"): the nearest model before that is no object,
   else the sentence's subject;
5. a **relative clause** holding the figure: its head ("X, which has NB parameters"), even when
   the head is another verb's object ("beats Y, which scores N%");
6. the nearest model named before the figure in its clause, then in its sentence, that is no
   **object** ("than / against / versus / like / with / such as / below / beats / undercuts / rivals ... X"
   and the models listed after such an X): the clause's subject or an appositive's head; a model inside a
   **parenthetical** opened right after another model and closed before the figure ("A, a cheaper
   version of B, costs $N", "A (built on B) costs $N", "A — like B — ...") is no candidate; a model the
   figure follows with "at" after an earlier figure of the sentence ("A costs $N, versus B at $M") is
   the figure's own, even as an object;
6a. a **plural reference** in the figure's clause with no model between it and the figure — "all three
   models", "both models", "these models", "each of them", "the two variants" (`PLURAL_REFERENCE`) — or a list
   of the sentence's models with a floating quantifier ("A, B and C all support ...", "Both A and B have
   ..."): a `Group`, the models the sentence names before the reference, else those of the last sentence that
   named several in the section; a number must be the group's size ("both": two), and without one only "models" names it
   ("all the variants" may be one family's sizes). The extractor makes one claim per member;
7. a **fronted phrase**: a figure before the sentence's first comma, with no model before it, belongs
   to the subject right after the comma ("At $N per million tokens, X ...", "With N parameters, <Org>
   claims X ...");
7a. an **implied subject**: a figure before every model, right before a comparison verb whose object is the
   first model ("<Benchmark> at N% trails A (M%)"): the referent of rule 9;
8. a nested list item: its parent's model (the one its nearest parent item names: claims/walk.py); a
   list item completing a sentence that ends with ":": that sentence's own subject (an older
   subject never carries into the list; when that sentence names none, the model its section's heading
   names, else the text's **topic**);
   any other list item naming no model ("- NK context window"): the subject of the previous
   sentences, else the text's topic, as an explicit reference would;
9. an **explicit reference** before the figure ("it", "its", "the model", "this LLM", a sentence
   opening "The NB-parameter model ...", or opening with the training as its subject: "Training
   utilized ...", "Pre-training took ...", or with its training data: "This pretraining dataset ...", or a fragment
   "Trained on NT tokens ...", or with one of the model's attributes as its subject, naming no model:
   "Context window is N tokens ..."): the sentence's subject, which for a sentence opening with a reference is what the reference
   stands for — the **subject** of the previous sentences, else the text's **topic** (the model of the
   title, else of the first sentence) — never the model named last.

A model named only after the figure is never its model unless rule 2 or 7 binds it.

Each sentence's subject (what the next sentence's "it" means) is the referent when it opens with a
reference, else its first model that is no object and has only determiners, possessives, adjectives
or a maker and its verb before it in its clause ("Meta's new X", "Meta released X", "On B, X ..."),
else its first model that is no object ("We tried X."); "Reviewers compared X and Y" (objects only)
names no subject. A sentence naming none keeps the previous subject; a heading naming none brings back
the text's topic.
The module only reads a sentence and the mentions found in it: tests build mentions by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..domain.variants import FINE_TUNED
from .clauses import Clauses, clause_boundaries
from .numbers import WORD_NUMBERS, find_dates
from .patterns import (CHANGE_FROM, CHANGE_TO, CHANGE_TO_BEFORE, LABELS, LICENCE_LABEL, PREDECESSOR, PREDECESSOR_AFTER,
                       REFERENCE, compose, name_digit_spans)

# --- the rule as data ----------------------------------------------------------------------
# what a work copies or starts from: "an open reproduction of Y", "a replica / clone of Y", "an alternative to Y",
# "based on Y" — Y is the object; the text's own model (its subject, "we", the title's topic) owns the figures
COPY_LEADS = (r"(?:reproduction|replication|re-?implementation|replica|clone|copy|port)s?\s+of|alternatives?\s+to|"
              r"(?:drop-in\s+)?replacements?\s+(?:for|of)|based\s+on|derived\s+from")
# the same, right before a model with at most three plain words between ("a clone of Acme's Y"): an openness word
# before it ("a permissively licensed clone of Y") is the text's own model's, never Y's (`_Extractor.openness`)
COPY_BEFORE = re.compile(r"\b(?:" + COPY_LEADS + r")\s+(?:[A-Za-z][\w.&-]*(?:'s|’s)?\s+){0,3}?$", re.I)
# words that make the model right after them another verb's object, not the subject a figure is about
OBJECT_LEADS = (
    r"than|against|same|versus|vs\.?|v\.|like|unlike|such\s+as|including|alongside|in\s+addition\s+to|besides|"
    r"apart\s+from|aside\s+from|as\s+well\s+as|"
    r"with|compar(?:e|es|ed|ing)(?:\s+(?:to|with))?|relative\s+to|similar\s+to|comparable\s+to|close\s+to|next\s+to|"
    r"in\s+line\s+with|on\s+par\s+with|level\s+with|behind|ahead\s+of|over|"
    r"below|above|undercut(?:s|ting)?|beat|beats|beating|outperform(?:s|ed|ing)?|outscor(?:e|es|ed|ing)|outclass(?:es|ed)?|"
    r"surpass(?:es|ed|ing)?|exceed(?:s|ed|ing)?|trail(?:s|ed|ing)?|match(?:es|ed|ing)?|"
    r"rival(?:s|led|ling|ed|ing)?|overt(?:ook|akes|aking)|edg(?:es|ed|ing)\s+out|topp?(?:s|ed|ing)|"
    r"successor\s+to|replac(?:es|ed|ing)|upgrade\s+(?:over|from|to)|" + COPY_LEADS
)
# the lead, then at most three plain words ("the original", "the maker's earlier flagship,") before the model
OBJECT_BEFORE = re.compile(
    r"\b(?:" + OBJECT_LEADS + r")\s+"
    r"(?:(?!(?:and|or|but|while|which|who|on|in|at|for|to|by|from|of|with)\b)(?:[A-Za-z][\w.&-]*(?:'s|’s)?)\s+){0,3}?"
    r"(?:[A-Za-z][\w-]*,\s+)?$", re.I)
# "<maker> is launching X", "Meta released X": a name that makes or ships the model is its maker (an
# organisation some source also lists as a model), and the model released is the sentence's subject
MAKER_WORDS = (r"(?:(?:is|was|has|have|also|now|just|today|quietly|officially|finally)\s+){0,3}"
               r"(?:release[sd]?|releasing|launch(?:es|ed|ing)?|introduc(?:e|es|ed|ing)|announc(?:e|es|ed|ing)|"
               r"unveil(?:s|ed|ing)?|publish(?:es|ed|ing)?|ship(?:s|ped|ping)?|open-?sourc(?:e|es|ed|ing)|"
               r"develop(?:s|ed|ing)?|train(?:s|ed|ing)?|buil(?:t|d|ds|ding)|debut(?:s|ed|ing)?|"
               r"roll(?:s|ed|ing)?\s+out|made|makes?|making|creat(?:e|es|ed|ing)|present(?:s|ed|ing)?)"
               r"\s+(?:(?:the|its|their|our|a|an|new|latest|also|series|family|line|generation|of)\s+){0,5}")
MAKER_VERB = re.compile(r"^\s+" + MAKER_WORDS + "$", re.I)
# what may stand before a sentence's subject in its clause: determiners, possessives, a few adjectives,
# or a maker and its verb ("Meta released X", "we introduce X"); a model in that place is preferred
SUBJECT_LEAD = re.compile(
    r"^\W*(?:(?i:the|a|an|our|its|their|this|both|all|new|latest|recent|open|open-weights?|open-source|"
    r"closed|proprietary|flagship|original|base|instruct|chat|smaller|larger|largest|smallest|also|then|"
    r"meanwhile|however|finally|today|now|[\w-]+-(?:parameter|weights?|source|tuned))\s+|"
    r"[A-Z][\w.&-]*(?:'s|’s)\s+)*"
    r"(?:(?:[A-Z][\w.&-]*|(?i:we|they)(?:[’']\w+)?)(?:\s+[\w’'-]+){0,3}?\s+(?i:" + MAKER_WORDS + r"))?$")
# ... or a noun phrase with no verb in it ("The biggest model in the X family"): after a lead holding a
# verb ("We tried X", "Benchmarks show X") a model is the subject only when no other is in that place
VERBISH = re.compile(r"\b(?:\w+ed|is|are|was|were|be|been|has|have|had|do|does|did|shows?|puts?|sees?|uses?|gets?|"
                     r"compares?|prefers?|finds?|ranks?|calls?|says?|tests?|runs?|picks?|chooses?|likes?|needs?|"
                     r"wants?|makes?|gives?|lets?|keeps?|to)\b", re.I)
CLAUSE_START = re.compile(r".*(?:^|[,;:(]\s|\s[—–]\s)", re.S)
# a model listed right after an object ("rivals A and B", "such as A, B or C") is an object too; after a
# comma only inside a list that goes on ("A, B and C"), not "Unlike A, B launched ..."
LIST_AFTER = re.compile(r"^(?:\s+(?:and|or|&)\s+|\s*/\s*)(?:the\s+)?$", re.I)
LIST_COMMA = re.compile(r"^\s*,\s*(?:the\s+)?$")
LIST_GOES_ON = re.compile(r"^\s*(?:,|and\b|or\b|&)", re.I)
# rule 2: after the figure, its own partners ("M and NB"), a few unit words, then the owner
OWNER_AFTER = re.compile(
    r"^(?:\s*(?:and|or|to|&|,|-|–)\s*\d[\d.,]*\s?[A-Za-z]{0,2}\b)*"
    r"(?P<gap>[A-Za-z%\s.'’/-]{0,40}?)\b(?:for|by|from|of|in|(?:needed\s+|used\s+)?to\s+(?:pre-?)?"
    r"(?:train|build|create|develop))\s+(?:the\s+)?"
    r"(?:[A-Z][\w.&-]*(?:'s|’s)\s+)?(?:(?:original|new|latest|larger|smaller)\s+)?$")
# words in that gap that make the model after them the other side of a comparison, not the owner
OWNER_GAP_STOP = re.compile(r"\b(?:than|compared|versus|vs|against|like|over|relative|up|down|"
                            r"is|are|was|were|has|have|had|beats?|scor\w*|costs?|charges?)\b", re.I)
# rule 3: "X's NK context", "X’s score of N%"
POSSESSIVE = re.compile(r"^(?:'s|’s)\s+(?:[A-Za-z][\w-]*\s+){0,3}?(?:of\s+|at\s+|is\s+|was\s+)?(?:about\s+)?$")
# rule 3 also: a figure in parentheses or after a colon right after its model ("X (N%)", "X: NB")
LABEL_AFTER = re.compile(r"^\s*(?:\(|:|=)\s*(?:[A-Za-z][\w-]*\s*(?::|=)?\s+){0,2}?(?:about\s+|~)?$")
# ... and any figure of a parenthesis opened right after its model and still open, an **apposition** ("than Y ($A / $B
# per million tokens)", "Y (NK context, MB parameters)"): Y's, even as a comparison's object — unless the
# parenthesis compares figures ("(N% vs M%)", "(N compared with M)"): then it holds the two sides' figures
APPOSITION_AFTER = re.compile(r"^\s*\([^()]*$")
APPOSITION_COMPARES = re.compile(r"\b(?:vs\.?|versus|against|compared|than|whereas|while)\b", re.I)
# rule 4: "its NK window", "their NB parameters"
ITS_BEFORE = re.compile(r"\b(?:its|their)\s+(?:[A-Za-z][\w-]*\s+){0,3}?(?:of\s+)?$", re.I)
# rule 5: a relative clause right after its head
RELATIVE_OPEN = re.compile(r"^\s*,?\s*(?:which|who|that|whose)\b", re.I)
# a sentence opening with a reference: "It", "Its", "They", "The (N GB, NB-parameter) model", "This LLM"
# (a class is no reference: "The best open model ...", "The open models ..." name no earlier model; nor is a
# fine-tuned model of it: "The Writer model", "The chat version" name another model, `domain.variants.FINE_TUNED`)
OPENING_REFERENCE = re.compile(
    r"^\W*(?:(?:it|its|they|their)\b|(?:the|this|that|our)\s+"
    r"(?:(?!(?:open|closed|proprietary|best|top|leading|average|typical|cheapest|only|first|other|same)\b|\w+est\b|"
    + FINE_TUNED + r"(?:[- ]tuned)?\b)"
    r"[^\s.;:!?]+\s+){0,6}?(?:model|LLM|checkpoint|system|release|variant|version|weights)\b)", re.I)
# rule 9 also: the text's first sentence, right under a title naming its model, opening with an indefinite description
# of a model and naming none ("A 70 billion parameter model for chat and code."): the standfirst describes the title's
# model
STANDFIRST = re.compile(r"^\W*an?\s+(?:[^\s.;:!?]+\s+){0,6}?(?:model|LLM|checkpoint)\b", re.I)
# rule 8 also reads "the LLM", "this LLM", "the new model" anywhere before the figure
MORE_REFERENCE = compose(r"\b(?:the|this|that)\s+(?:(?:new|same|latest|released|smaller|larger)\s+)?"
                         r"(?:LLM|model|system|release)\b")
# rule 0: a label line's label (what a model card's key-value line or two-cell row names) and its separator
# (licence, weights, release; and the attributes a card lists: hardware, context, parameters, GPU hours, the training
# compute: "Total compute", "Training FLOPs", "Compute (FLOP)" ...)
LABEL_LINE = compose(r"^\W*(?:(?:model\s+)?licen[cs](?:e|ing)(?:\s+type)?|(?:open[- ]?)?weights\??|open[- ]?source\??|"
                     r"availability|access(?:ibility)?|(?:initial\s+|first\s+)?"
                     r"(?:release|launch)(?:d|\s+date)?|date\s+(?:released|of\s+release)|"
                     r"(?:training\s+)?(?:hardware|accelerators?|GPUs?|TPUs?|chips?)(?:\s+(?:type|used))?|training\s+time|"
                     r"(?:total\s+|(?:pre-?)?training\s+)*(?:compute|FLOPs?)(?:\s+(?:budget|used))?(?:\s*\(FLOPs?\))?|"
                     + "|".join(p for _, p in LABELS) + r")\s*(?::|;\s|\|)\s*")
# rule 9 also: a sentence opening with the training itself as its subject ("Training utilized N GPU hours",
# "Pre-training took N days"): the training of the model discussed (not "Training <an object> ...")
# ... or a fragment with no subject opening with the training participle ("Trained on NT tokens of code.", "Pre-trained
# with NT tokens"): a note about the model discussed
TRAINED_FRAGMENT = re.compile(r"^\W*(?:pre-?)?trained\s+(?:on|with|using|over|for)\b", re.I)
TRAINING_OPENING = re.compile(r"^\W*(?:the\s+|its\s+)?(?:pre-?)?training(?:\s+(?:run|process|phase|stage))?\s+"
                              r"(?:utili[sz]ed|used|took|required|consumed|lasted|ran|involved|spanned|cost|was|were)\b",
                              re.I)
# ... or with the training data as its subject ("This pretraining dataset is so large that N tokens ...", "The
# training corpus holds N tokens"): the data the model discussed was trained on
TRAINING_DATA_OPENING = re.compile(r"^\W*(?:the|this|that|its|their|our)\s+(?:pre-?training|training)\s+"
                                   r"(?:data(?:set)?|corpus|mix(?:ture)?|set)\b", re.I)
# ... or with one of the model's attributes as its subject and no model named ("Context window is N tokens", "The
# maximum output length is N", "Parameter count: N" is a label line): a sentence in the section of the model discussed
ATTRIBUTE_OPENING = compose(r"^\W*(?:the\s+|its\s+|their\s+)?(?:"
                            + "|".join(p for k, p in LABELS if k in ("context", "output", "params", "active", "tokens"))
                            + r")\s+(?:is|was|are|were|stands\s+at|sits\s+at|reaches|comes\s+in\s+at|"
                              r"tops\s+out\s+at|maxes\s+out\s+at|totals?|remains)\b")
# rule 7a: a figure right before a comparison verb, with no subject between them ("<Benchmark> at N% trails X",
# "On <Benchmark> at N% it trails X"): the sentence leaves its subject out — the model discussed
IMPLIED_SUBJECT = compose(r"^\s*(?:points?\s+)?(?:,\s*)?(?:(?:it|they)\s+)?(?:still\s+|only\s+|narrowly\s+|clearly\s+|"
                          r"comfortably\s+|easily\s+)?"
                          r"(?:{AHEAD_VERB}|{BEHIND_VERB}|{TIE_VERB}|lag(?:s|ged|ging)?(?:\s+behind)?|"
                          r"rival(?:s|led|ling|ed|ing)?|"
                          r"(?:is|was|sits|stays|remains)\s+(?:just\s+|well\s+|slightly\s+)?(?:{BEHIND_OF}|{AHEAD_OF}))"
                          r"\s+(?:the\s+)?$")
HARD_CUT = re.compile(r"[;:]\s|\s[—–]\s|\.\s")
# rule 7: the subject right after the fronted phrase's comma, or after a maker's (or the writer's) claim about it
# ("With N parameters, Acme claims X ...", "..., we believe that X ...")
FRONTED_SUBJECT = re.compile(r"^,\s+(?:(?:[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?|we|they)\s+(?:also\s+)?"
                             r"(?:claims?|says?|said|reports?|states?|notes?|argues?|believes?|believe|promises?|"
                             r"boasts?|insists?)\s+(?:that\s+)?)?"
                             r"(?:the\s+|[A-Z][\w.&-]*(?:'s|’s)\s+)?$")
# rule 6: a parenthetical right after a model — ", <phrase>,", "(<phrase>)", " — <phrase> —" — closed before the
# figure is that model's: a model inside it is no candidate ("A, a cheaper version of B, costs $N", "A (an upgrade on
# B) costs $N": the price is A's); the closing mark of each opening one
PARENTHETICAL_OPEN = re.compile(r"^\s*(?P<open>,|\(|[—–])\s*")
PARENTHETICAL_CLOSE = {",": re.compile(r"[,;:]|\s[—–]\s"), "(": re.compile(r"\)"), "—": re.compile(r"[—–]"),
                       "–": re.compile(r"[—–]")}
# rule 6a: a **plural reference** — "all three models", "both models", "these models", "each of them", "the two
# variants" — stands for each model of a group: the models its own sentence names before it, else those of the
# last sentence that named several (`Group`); a number in it must be the group's size ("both": two)
_COUNT = r"(?:two|three|four|five|six|[2-6])"
# without a number only "models" names the group ("all the variants", "these releases" may be a family's sizes)
_GROUP_NOUN = r"(?:new\s+|released\s+)?(?:models|LLMs)"
_COUNTED_NOUN = r"(?:new\s+|released\s+)?(?:models|LLMs|variants|versions|checkpoints)"
PLURAL_REFERENCE = re.compile(
    r"\b(?:(?P<q>all|each|both)\s+(?:of\s+)?(?:the\s+|these\s+|those\s+)?(?P<n>" + _COUNT + r")\b(?:\s+" + _COUNTED_NOUN + r")?"
    r"|(?:all|each|both)\s+of\s+(?:them|these|those|the\s+" + _GROUP_NOUN + r")\b(?:\s+" + _GROUP_NOUN + r")?"
    r"|(?:both)\s+(?:(?:the|these|those)\s+)?" + _COUNTED_NOUN + r"\b"
    r"|(?:these|those|the)\s+(?P<m>" + _COUNT + r")\s+" + _COUNTED_NOUN + r"\b"
    r"|(?:these|those)\s+" + _GROUP_NOUN + r"\b"
    r"|(?:all|each)\s+(?:the\s+)?" + _GROUP_NOUN + r"\b"
    r"|^\W*(?:both|all\s+of\s+them)(?=\s+(?-i:[a-z])))", re.I)
# a list of models its own sentence names as subjects, with a floating quantifier after it ("A, B and C all
# support ...", "A and B both cost ...") or "both" before it ("Both A and B have ...")
GROUP_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+)(?:the\s+)?$", re.I)
FLOATING_QUANTIFIER = re.compile(r"^\s+(?:all|each|both)\b(?!\s+of\b)", re.I)
BOTH_BEFORE = re.compile(r"\bboth\s+(?:the\s+)?$", re.I)
# ... or a plural copula after it ("A and B are API-only models", "A and B are priced at $N"), unless the clause
# pairs several figures with the list ("A and B are NB and MB models", "... respectively")
PLURAL_COPULA = re.compile(r"^\s+(?:are|were|remain|have\s+been)\b(?![^.;]*\brespectively\b)", re.I)
# a model the figure is written right after with "at" ("versus B at $N", "compared with B at 128K"): its own
AT_FIGURE = re.compile(r"^\s+at\s+(?:about\s+|around\s+|roughly\s+|~\s*)?$", re.I)
# rule 1a: "respectively" pairs the i-th figure of a list with the i-th item of another ("A, B and C score N1, N2 and N3
# on B, respectively"; "context windows of NK and MK respectively"; "N1 and N2 for A and B respectively")
RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
# a figure: not the digits of a name ("B8K", "v2") nor a unit's count ("per 1M tokens", "/1K")
FIGURE_TOKEN = re.compile(r"(?<![\w.])(?<!per\s)(?<!/)(?<!/\s)\d+(?:[.,]\d+)*")
# between two figures of one list: the first's unit, then a comma or a conjunction, then the second's sign
FIGURE_LIST_GAP = re.compile(r"^(?:\s?(?:%|percent|points?|[KMBT]|k|tokens?|thousand|million|billion|trillion)\b|%)?"
                             r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*/\s*)(?:[$€£]\s?|USD\s?)?$", re.I)
# between two items of a list (models, benchmarks, sides)
ITEM_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+|\s*/\s*)(?:the\s+)?$", re.I)


def respective_figure(sentence: str, start: int, end: int, names: list[Any]) -> tuple[int, int, int, int] | None:
    """Rule 1a: where the figure at [start, end) stands in a list of figures that "respectively" (later in its clause)
    pairs with a list of something else: (its index, the list's length, where the list starts, where "respectively"
    is), else None. A list
    is a run of figures joined by commas or a conjunction ("N1, N2 and N3"); a clause with no such run pairs all its
    figures in order ("$A per million input tokens and $B per million output tokens, respectively")."""
    word = RESPECTIVELY.search(sentence, end)
    if word is None or HARD_CUT.search(sentence, end, word.start()):
        return None
    cut = None
    for cut in HARD_CUT.finditer(sentence, 0, start):
        pass
    head = list(sentence)
    lo = cut.end() if cut else 0
    dates = [(d.start, d.end) for d in find_dates(sentence) if lo <= d.start and d.end <= word.start()]
    for a, b in [(m.start, m.end) for m in names] + name_digit_spans(sentence) + dates:  # "per 1M": a unit's digits
        head[a:b] = " " * (b - a)
    masked = "".join(head)
    # a date is one figure, however many numbers it is written with
    tokens = sorted([(t.start(), t.end()) for t in FIGURE_TOKEN.finditer(masked, lo, word.start())] + dates)
    mine = next((i for i, (a, b) in enumerate(tokens) if a < max(end, start + 1) and start < b), None)
    if mine is None:
        return None
    runs: list[list[int]] = [[0]] if tokens else []
    for i in range(1, len(tokens)):
        if FIGURE_LIST_GAP.match(masked[tokens[i - 1][1]:tokens[i][0]]):
            runs[-1].append(i)
        else:
            runs.append([i])
    lists = [r for r in runs if len(r) >= 2]
    if not lists:
        return None if len(tokens) < 2 else (mine, len(tokens), tokens[0][0], word.start())
    run = next((r for r in lists if mine in r), None)
    return (run.index(mine), len(run), tokens[run[0]][0], word.start()) if run is not None else None


def item_lists(sentence: str, items: list[Any]) -> list[list[Any]]:
    """The lists of two or more items (in order) joined by commas or a conjunction ("A, B and C")."""
    out: list[list[Any]] = []
    run: list[Any] = []
    for m in sorted(items, key=lambda m: m.start):
        if run and ITEM_LIST_GAP.match(sentence[run[-1].end:m.start]):
            run.append(m)
            continue
        if len(run) >= 2:
            out.append(run)
        run = [m]
    if len(run) >= 2:
        out.append(run)
    return out


def respective_item(sentence: str, start: int, end: int, names: list[Any], items: list[Any]) -> tuple[bool, Any]:
    """Rule 1a for any list (models, benchmarks, sides): (True, the i-th item of the list the figure's "respectively"
    pairs it with) — (True, None) when the two lists differ in length: nothing is bound, never a guess —, or (False,
    None) when no "respectively" pairs the figure with such a list (one item: the other rules decide)."""
    at = respective_figure(sentence, start, end, names)
    if at is None:
        return False, None
    index, length, _, word = at
    cut = None
    for cut in HARD_CUT.finditer(sentence, 0, start):
        pass
    lists = [r for r in item_lists(sentence, distinct(items)) if r[0].start >= (cut.end() if cut else 0)
             and r[-1].end <= word]
    if not lists:
        return False, None
    # the subjects' list before the figure, else the owners' list after it ("N1 and N2 for A and B respectively")
    before = [r for r in lists if r[-1].end <= start]
    chosen = before[-1] if before else lists[0]
    return True, (chosen[index] if len(chosen) == length else None)


@dataclass
class Group:
    """Several models one plural reference stands for (rule 6a): a figure bound to it is each model's."""

    members: list[Any]
    text: str  # the words that refer to them ("all three models")


def distinct(models: list[Any]) -> list[Any]:
    """The models of a list, each key once, in order of appearance (a group's members)."""
    seen: set[str] = set()
    out = []
    for m in models:
        key = getattr(m, "key", None) or m.text
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def covering(members: list[Any]) -> list[Any]:
    """The members of a group each standing for other models: a member whose canonical ids (an attribute's target) or
    fact rows (a mention) another member holds too — the
    same model spelled twice ("X" and its id, two spellings identity joins), a model of a series named beside it ("the
    X family ... X-NB") — is covered by it, so one figure about the group is one claim per model, never the same claim
    twice (the wider member kept; equal ones: the first)."""
    rows = [set(getattr(m, "ids", None) or getattr(m, "names", None) or ()) for m in members]  # a target's ids
    out = []
    for i, m in enumerate(members):
        if rows[i] and any(j != i and rows[i] <= rows[j] and (rows[i] != rows[j] or j < i) for j in range(len(members))):
            continue
        out.append(m)
    return out


@dataclass
class Binder:
    """The binding rule for one sentence. `named` are the model (and series) mentions, each with
    `start`/`end`; `referent` is what an explicit reference stands for (the previous sentence's
    subject, else the text's topic)."""

    sentence: str
    named: list[Any]
    referent: Any = None
    row: bool = False
    in_list: bool = False
    list_subject: Any = None  # in a list item: the subject of the sentence (ending with ":") it completes
    item: bool = False  # the sentence is a list item (completing a ":" sentence or not)
    topic: Any = None  # the text's topic (the model of its title, else of its first sentence)
    group: list[Any] = field(default_factory=list)  # the models of the last sentence that named several (rule 6a)
    section: str = ""  # the heading of the section the sentence is in (a "License" heading labels its lines, rule 0)
    parent: Any = None  # in a nested list item: the model its nearest parent item names (claims/walk.py)
    section_model: Any = None  # the model the latest heading names
    standfirst: bool = False  # the text's first sentence, under a title naming its topic (rule 9: `STANDFIRST`)
    # in a table row whose columns are models: (start, end, model) of each cell under a header naming one
    columns: list[tuple[int, int, Any]] = field(default_factory=list)
    table_model: Any = None  # in a row of a table with no model column: the model the table is about (rule 1)
    clauses: Clauses = field(init=False)
    objects: set[int] = field(init=False)  # ids of the mentions that are another verb's object

    def __post_init__(self) -> None:
        self.named = sorted(self.named, key=lambda m: m.start)
        self.clauses = clause_boundaries(self.sentence, self.row)
        self.objects = set()
        previous = None
        for m in self.named:
            lead = self.sentence[:m.start]
            gap = self.sentence[previous.end:m.start] if previous is not None else ""
            listed = previous is not None and id(previous) in self.objects and (
                LIST_AFTER.match(gap) or (LIST_COMMA.match(gap) and LIST_GOES_ON.match(self.sentence[m.end:])))
            hit = OBJECT_BEFORE.search(lead)
            # "Compared with Y, X ...": the lead's object is Y, named inside it; X after the comma is no object
            # (the comma's apposition is for a description, "the maker's earlier flagship, X")
            if hit is not None and any(hit.start() <= o.start and o.end <= m.start for o in self.named):
                hit = None
            if hit is not None or listed:
                self.objects.add(id(m))
            previous = m

    # ------------------------------------------------------------------ the sentence's subject
    def opens_with_reference(self) -> bool:
        """The sentence's subject is a reference ("It ...", "The NB-parameter model ...") to a model
        named before, not a model it names."""
        m = OPENING_REFERENCE.match(self.sentence)
        if m is None or any(x.start < m.end() for x in self.named):
            return False
        # "The model in the X family ...": the noun's own complement names it, no reference
        return not any(re.fullmatch(r"\s+(?:in|of|from)\s+(?:the\s+)?", self.sentence[m.end():x.start])
                       for x in self.named)

    def subject(self) -> Any:
        """What the sentence is about: the referent when it opens with a reference, else its first
        model that is no object (None: it names no subject, and the previous one carries on)."""
        if self.opens_with_reference():
            return self.referent
        candidates = [m for m in self.named if id(m) not in self.objects]
        # a model in a subject's place first; else the first that is no object ("We tried X.": X)
        subjects = [m for m in candidates if self._leads(m)] or candidates
        if not subjects:
            return None
        after = next((m for m in self.named if m.start >= subjects[0].end), None)
        if after is not None and MAKER_VERB.match(self.sentence[subjects[0].end:after.start]):
            return after  # "<maker> is launching X": X, not its maker
        return subjects[0]

    def _leads(self, m: Any) -> bool:
        """Only determiners, possessives, adjectives or a maker and its verb stand before `m` in its clause."""
        head = self.sentence[:m.start]
        cut = CLAUSE_START.match(head)
        lead = head[cut.end() if cut else 0:]
        return bool(SUBJECT_LEAD.match(lead)) or (len(lead.split()) <= 8 and not VERBISH.search(lead))

    # ------------------------------------------------------------------ a figure's model
    def bind(self, start: int, end: int | None = None, owners: bool = True) -> Any:
        """The model of the figure at [start, end) (see the module docstring), or None.
        `owners=False` skips rule 2 (a ratio's "N times the parameters of Y": Y is the other side)."""
        end = start if end is None else end
        s = self.sentence
        column = self.column_at(start)
        if column is not None:
            return column  # rule 1: a table whose columns are models, the cell's column (before a two-cell row's label)
        if self.row and self.table_model is not None and not self.named:
            return self.table_model  # rule 1: a table with no model column, the model its context names
        label = self.label_end()
        if label is not None and label <= start and not any(m.start < label for m in self.named):
            return self.referent  # rule 0: "License: <value>" names the value of the text's model
        if self.row and self.named:
            return self.named[0]
        paired, model = self.paired(start, end)
        if paired:
            return model  # rule 1a: the i-th model of the list "respectively" pairs the figure with (or none)
        if owners and (owner := self.owner_after(end)) is not None:
            return owner
        if self.predecessor(start, end):
            return None  # rule 2a: the earlier model's figure, which the sentence does not name
        if CHANGE_TO_BEFORE.search(s[:start]) and (subject := self.subject()) is not None:
            return subject  # rule 2a: "<X> doubles the window of <Y>, from N to M": M, the new figure, is X's
        before = [m for m in self.named if m.end <= start]
        for m in reversed(before):  # rule 3: "X's <words> N" (the mention may hold its possessive: "C's")
            gap = ("'s" if m.text.endswith(("'s", "’s")) else "") + s[m.end:start]
            if (POSSESSIVE.match(gap) or LABEL_AFTER.match(s[m.end:start]) or self._apposed(m, start)) and \
                    not any(m.end <= o.start < start for o in self.named):
                return m
        its = ITS_BEFORE.search(s[:start])
        if its is not None and not any(its.start() < m.start for m in before):
            # "its": the nearest model before it that is no object, else the sentence's subject
            owner = next((m for m in reversed(before) if id(m) not in self.objects), None)
            return owner or self.subject() or self.referent
        head = self._relative_head(start, before)
        if head is not None:
            return head
        if before and AT_FIGURE.match(s[before[-1].end:start]) and self._figure_before(before[-1].start):
            return before[-1]  # "A costs $N, versus B at $M": B's, even as a comparison's object
        group = self._group(start, before)
        if group is not None:
            return group
        near = [m for m in before if id(m) not in self.objects]
        enclosed = self._enclosed(start)
        near = [m for m in near if id(m) not in enclosed] or near
        in_clause = [m for m in near if self.clauses.same(m.start, start)]
        if in_clause:
            return in_clause[-1]
        if near:
            return near[-1]
        fronted = self._fronted(start)
        if fronted is not None:
            return fronted
        if self._implied_subject(start, end):
            return self.referent  # rule 7a: "<Benchmark> at N% trails X (M%)": the subject the sentence leaves out
        if self.item and self.parent is not None:
            return self.parent  # a nested item: its parent item's model, whatever the list completes
        if self.in_list and self.list_subject is not None:
            return self.list_subject
        if self.opens_with_reference() or REFERENCE.search(s[:start]) or MORE_REFERENCE.search(s[:start]) or \
                TRAINING_OPENING.match(s) or TRAINING_DATA_OPENING.match(s) or ATTRIBUTE_OPENING.match(s) or \
                (TRAINED_FRAGMENT.match(s) and not self.named):
            return self.referent
        if self.standfirst and not self.named and STANDFIRST.match(s):
            return self.topic  # rule 9: a standfirst under the title describes the title's model
        if not self.named and not self.row:
            if self.in_list:
                # the ":" sentence named no subject: the model of its section's heading, else the text's model,
                # never an older one
                return self.section_model if self.section_model is not None else self.topic
            if self.item:
                return self.referent  # "- NK context window": the model the list is about
        return None

    def column_at(self, pos: int) -> Any:
        """In a table row whose columns are models, the model of the cell holding `pos` (None elsewhere)."""
        return next((m for a, b, m in self.columns if a <= pos < b), None)

    def apposition(self, start: int) -> Any:
        """Rule 3's apposition alone: the model whose parenthesis, opened right after it and naming no other model,
        still holds the figure at `start` ("... than Y ($A / $B per million tokens)": Y), else None."""
        before = [m for m in self.named if m.end <= start]
        return before[-1] if before and self._apposed(before[-1], start) else None

    def _apposed(self, m: Any, start: int) -> bool:
        """Is the figure at `start` inside a parenthesis opened right after `m` (`APPOSITION_AFTER`) that compares no
        figures (`APPOSITION_COMPARES`, read up to its closing mark)?"""
        s = self.sentence
        if not APPOSITION_AFTER.match(s[m.end:start]):
            return False
        close = s.find(")", start)
        return not APPOSITION_COMPARES.search(s[s.index("(", m.end):close if close >= 0 else len(s)])

    def paired(self, start: int, end: int) -> tuple[bool, Any]:
        """Rule 1a alone: (True, the model "respectively" pairs the figure with, or None), or (False, None)."""
        return respective_item(self.sentence, start, end, self.named, self.named)

    def attached(self, start: int, end: int) -> Any:
        """The model a figure is written in a phrase attached to, after an earlier figure of the sentence: "B at
        $M" right after B, or "$M for B" (rule 2); None otherwise."""
        before = [m for m in self.named if m.end <= start]
        if before and AT_FIGURE.match(self.sentence[before[-1].end:start]) and self._figure_before(before[-1].start):
            return before[-1]
        owner = self.owner_after(end)
        if owner is not None and re.match(r"\s+for\s", self.sentence[end:owner.start]) and self._figure_before(start):
            return owner
        return None

    def _figure_before(self, pos: int) -> bool:
        """A figure (a digit outside the names) stands before `pos`: "B at $M" answers a figure given earlier
        ("A costs $N, versus B at $M"), while "A is priced below B at $N" prices A."""
        head = list(self.sentence[:pos])
        for m in self.named:
            head[m.start:min(m.end, pos)] = " " * max(0, min(m.end, pos) - m.start)
        return bool(re.search(r"\d", "".join(head)))

    def group_at(self, start: int) -> Group | None:
        """The group a figure (or statement) at `start` is bound to by rule 6a, or None."""
        return self._group(start, [m for m in self.named if m.end <= start])

    def _group(self, start: int, before: list[Any]) -> Group | None:
        """Rule 6a: the group a plural reference or a list with a floating quantifier stands for, when it is the
        last thing naming models before the figure in its clause (see `PLURAL_REFERENCE`)."""
        s = self.sentence
        candidates = [m for m in before if id(m) not in self.objects and self.clauses.same(m.start, start)]
        # "A, B and C all support ...", "Both A and B have ...": the sentence's own list of subjects
        for last in reversed(candidates):
            run = [last]
            for m in reversed([x for x in self.named if x.end <= run[0].start]):
                if not GROUP_LIST_GAP.match(s[m.end:run[0].start]):
                    break
                run.insert(0, m)
            run = distinct(run)
            if len(run) >= 2 and (FLOATING_QUANTIFIER.match(s[last.end:start])
                                  or (len(run) == 2 and BOTH_BEFORE.search(s[:run[0].start]))
                                  or (PLURAL_COPULA.match(s[last.end:start]) and self._figures_after(last.end) <= 1)):
                return Group(run, s[run[0].start:last.end])
            break
        refs = [r for r in PLURAL_REFERENCE.finditer(s[:start]) if self.clauses.same(r.start(), start)]
        if not refs:
            return None
        ref = refs[-1]
        if any(ref.end() <= m.start for m in candidates):
            return None  # a model named after the reference, nearer the figure, is its model
        word = ref.group("n") or ref.group("m") or (ref.group("q") if ref.group("q") == "both" else None) or \
            (ref.group(0).strip().split()[0] if ref.group(0).strip().lower().startswith("both") else None)
        count = (2 if word.lower() == "both" else int(word) if word.isdigit() else WORD_NUMBERS.get(word.lower())) \
            if word else None
        own = distinct([m for m in self.named if m.end <= ref.start()])
        for members in (own, distinct(self.group)):
            if (count is None and len(members) >= 2) or (count is not None and len(members) == count):
                return Group(members, ref.group(0).strip())
        return None

    def _figures_after(self, pos: int) -> int:
        """How many numbers (outside the names) the clause after `pos` holds."""
        cut = HARD_CUT.search(self.sentence, pos)
        tail = list(self.sentence[pos:cut.start() if cut else len(self.sentence)])
        for m in self.named:
            a, b = max(m.start - pos, 0), max(m.end - pos, 0)
            tail[a:b] = " " * (b - a)
        return len(re.findall(r"\d+(?:[.,]\d+)*", "".join(tail)))

    def _enclosed(self, start: int) -> set[int]:
        """Rule 6: ids of the models inside a parenthetical opened right after another model and closed before
        the figure at `start` ("A, a cheaper version of B, costs $N": B)."""
        out: set[int] = set()
        for head in self.named:
            if head.end >= start:
                break
            opened = PARENTHETICAL_OPEN.match(self.sentence[head.end:start])
            if opened is None:
                continue
            at = head.end + opened.end()
            close = PARENTHETICAL_CLOSE[opened.group("open")].search(self.sentence, at, start)
            if close is None:
                continue
            out |= {id(m) for m in self.named if at <= m.start and m.end <= close.start()}
        return out

    def label_end(self) -> int | None:
        """Where a label line's label and its separator end ("Release date: "), or None (rule 0). A table
        row is a label line only with two cells (a label column and one value column)."""
        if self.row and self.sentence.count("; ") > 1:
            return None
        m = LABEL_LINE.match(self.sentence)
        if m:
            return m.end()
        # a short line naming no model under a "License" heading: the heading is its label ("## License" / "Apache 2.0")
        if self.section and not self.named and not self.row and len(self.sentence.split()) <= 8 and \
                LICENCE_LABEL.match(self.section.strip()):
            return 0
        return None

    def predecessor(self, start: int, end: int) -> bool:
        """Rule 2a: the figure is the earlier model's — "up / down from N", "from N to M" after a verb of change,
        "compared with N for its predecessor", "its predecessor's N", "the N of the previous generation"
        (`patterns.PREDECESSOR`, `PREDECESSOR_AFTER`, `CHANGE_FROM`): never the sentence's subject's."""
        s = self.sentence
        before, after = s[:start], s[end:]
        return bool(PREDECESSOR.search(before) or PREDECESSOR_AFTER.match(after)
                    or (CHANGE_FROM.search(before) and CHANGE_TO.match(after)))

    def owner_after(self, end: int) -> Any:
        """Rule 2: the model a figure is attributed to right after it ("N for X", "N parameters of X")."""
        if respective_item(self.sentence, end - 1, end, self.named, self.named)[0]:
            return None  # "N1 and N2 for A and B respectively": rule 1a pairs them
        for m in self.named:
            if m.start < end:
                continue
            hit = OWNER_AFTER.match(self.sentence[end:m.start])
            if hit is not None and not OWNER_GAP_STOP.search(hit.group("gap")):
                return m
            return None  # only the first model after the figure can be its owner
        return None

    def _relative_head(self, start: int, before: list[Any]) -> Any:
        """Rule 5: the figure is in a relative clause ("X, which has N ...") opened right after X."""
        if not before:
            return None
        for m in reversed(before):
            rel = RELATIVE_OPEN.match(self.sentence[m.end:start])
            if rel is None:
                continue
            # the relative clause runs from its opener to its closing comma (or a harder cut)
            opener = m.end + rel.end()
            if not re.search(r"[,;:()]|\s[—–]\s", self.sentence[opener:start]):
                return m
            return None
        return None

    def _implied_subject(self, start: int, end: int) -> bool:
        """Rule 7a: the figure stands before every model of its sentence, right before a comparison verb whose
        object is the first model named ("<Benchmark> at N% trails X (M%)"); without its end, the claim starts at
        `start` ("<Benchmark> at N%": a score's span) and its figure is the first one written in it."""
        if not self.named or self.named[0].start < start or id(self.named[0]) not in self.objects:
            return False
        if end <= start:
            written = re.compile(r"(?<![\w.])[$€£]?\d[\d.,]*\s?(?:%|[A-Za-z]{1,2}\b)?").search(self.sentence, start,
                                                                                   self.named[0].start)
            end = written.end() if written else start
        return bool(IMPLIED_SUBJECT.match(self.sentence[end:self.named[0].start]))

    def _fronted(self, start: int) -> Any:
        """Rule 7: "At N ..., X does ...": a figure before the sentence's first comma, no model before it."""
        comma = self.sentence.find(",", start)
        if comma < 0 or any(m.start < start for m in self.named):
            return None
        first = next((m for m in self.named if m.start > comma), None)
        if first is not None and FRONTED_SUBJECT.match(self.sentence[comma:first.start]):
            return first
        rest = self.sentence[comma + 1:]
        if re.match(r"\s*(?:it|they)\b", rest, re.I) or OPENING_REFERENCE.match(rest.lstrip()):
            return self.referent
        return None
