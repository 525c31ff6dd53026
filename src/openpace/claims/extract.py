"""From a sentence to claims: one per checkable statement, each with its own span and kind.

Extractors look for patterns around entity mentions (models, benchmarks, GPU types, providers,
repositories, the Hub) found by `resolve.Lexicon`. A figure no extractor claims becomes an
`other` claim, which no source covers. Damaged figures become `unreadable` claims first, so
they are never read as numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
import datetime
from typing import Any

from .attributes import LABEL_SIZE_ABSOLUTE, LABEL_SIZE_RELATIVE, AttributeRules, Target, mention_ids, nominal_qualifier, stated_before, \
    written_precision
from .ellipsis import elliptical_claims, listed_claims, respective_claims
from .carry import (COMPUTE_RE, PRICE_HEADER_RE, StatedUnit, _qualifier_of, cell_spans, dated_snapshots, header_kind,
                    lead_price_unit, short_names, sibling_price_kind)
from .clauses import Clauses, clause_boundaries
from .binding import COPY_BEFORE, LABEL_LINE, OBJECT_BEFORE, Binder, Group, covering, distinct
from .extract_market import MarketRules
from .numbers import DateExpr, Quantity, find_damage, find_dates, find_quantities
from .own_metrics import own_metric_claims
from .ratios import ratio_claims
from .patterns import CHANGE_FROM, LIST_END, LIST_ON, LIST_SEPARATOR, NOT_SLOT_NAME, OWN_SLOT_AFTER, OWN_SLOT_BEFORE, SLASH_FIGURE, compose, price_unit_count
from .patterns import (WORKLOAD_WHY, ARITHMETIC, ARITHMETIC_AFTER, ATTRIBUTION, GENERIC_CAPACITY_BEFORE, HARDWARE_COLUMN,
                       HARDWARE_TYPE_AFTER,
                       HARDWARE_TYPE_BEFORE, LICENCE_AFTER, LICENCE_SUBJECT, LICENSED_AS, REFERENCE, SERVING, SETTING_COLUMN, UNRECORDED_COLUMN,
                       unasserted, run_continues, GENERIC_OPENNESS_BEFORE, CHIP_SPEC, DATA_MIX_COLUMN, DATA_SOURCE_COLUMN, DOCUMENT_SIZE_AFTER,
                       UNDER_LICENCE, LICENCE_APPOSITION, LICENCE_LINE, LICENCE_FRAGMENT, RELEASE_NAMED_UNDER,
                       OPEN_USE, OPEN_PREDICATE, CLASS_LIST, LICENCE_OFFERED, OPEN_COUNT_BEFORE, RELEASE_WORDS, combined_tier, family_version_spans, match_end,
                       VALUE_COLUMN, column_kind, name_digit_spans, ownerless_multiplier, price_tier, rubric_weight_spans, margin_spans)
from .resolve import Lexicon, Mention, norm_name
from .series import SeriesMention, series_mention
from .releases import (compact_dates, dated_items, dated_list_items, month_after, release_group, release_headings, release_labels, release_list_lines, release_lists,
                       released_today, text_day)
from .labels import is_short_label, size_label, size_reference, states_size
from .tables import (header_model, licence_openness, model_columns, name_shaped, one_model_table, repeated_row, split_row_label,
                     size_cell_states)

RELEASE_RE = re.compile(r"\b(?:released|launched|arrived|debuted|came out|shipped|introduced|unveiled|announced|"
                        # the historic present of news ("In <Month YYYY>, <Org> releases X"): a release claim only with
                        # an explicit date in its clause and no word of the future or of the text's own day (`PRESENT_*`)
                        r"(?P<present>releases|launches|arrives|debuts|comes out|ships|introduces|unveils|announces|"
                        r"publishes|open-sources)|"
                        r"(?:its |the )?(?:release|launch|debut)(?=\s+(?:in|on|during)\b)|"
                        r"went live|became available|dropped|was out|were out|appeared|"
                        # "X has been available since <date>", "X, out since <date>, ...": available from then on
                        r"(?:(?:publicly|generally|widely)\s+)?available(?=\s+since\b)|(?<=,\s)(?:out|around)(?=\s+since\b)|"
                        # "X, since late 2031, is ...": an appositive right after the model's name
                        r"(?<=,\s)since(?=\s+(?:(?:early|mid|late)[\s-]|[A-Z]|\d)[^,;()]{0,24}[,)])|"
                        r"(?<=\()since(?=\s+(?:(?:early|mid|late)[\s-]|[A-Z]|\d)[^,;()]{0,24}\)))\b", re.I)
# a present-tense release verb's clause speaking of what is to come, or of the text's own day (`releases.released_today`)
PRESENT_NOT_PAST_RE = re.compile(r"\b(?:will|would|plans?|planned|expects?|expected|set\s+to|scheduled|upcoming|"
                                 r"next|soon|later|coming|due|going\s+to|today|tonight|this\s+(?:week|month|morning)|"
                                 r"now|yesterday)\b", re.I)
# after a release verb, a determiner and up to three lower-case words before the released name
OBJECT_LEAD_RE = re.compile(r"\s+(?:the|its|their|a|an)\s+(?:[a-z][\w-]*\s+){0,3}")
# between a released name and its date: a preposition, and a word naming what of it was released ("released the X
# models in <month>", "the X family on <day>")
DATE_LEAD_RE = re.compile(r"^[\s,]*(?:(?:family|generation|models?|series|suite|line-?up|weights|checkpoints?|versions?|variants?)"
                          r"[\s,]+)?(?:in|on|during|by|around|as of|back in|since)?\s*(?:early|late)?\s*$", re.I)
PREPOSITION_RE = re.compile(r"\b(?:of|on|for|about|with|to|from|by|in|at|into)\b", re.I)  # "released its report on X"
# a date opening the sentence before its release verb: "In <month>, <Org> released X", "On <day> X launched"
DATE_FRONT_RE = re.compile(r"^\s*(?:in|on|during|back\s+in)\s+(?:early\s+|late\s+)?$", re.I)
OPEN_RE = re.compile(r"\b(?:weights\s+(?:were|was|are|is|went|became)\s+(?:made\s+)?"
                     r"(?:openly\s+|freely\s+|publicly\s+)?"
                     r"(?:public|open|released|available|downloadable|published|free)|(?:openly|publicly)\s+released|"
                     r"released\s+(?:openly|publicly|with open weights)|"
                     r"(?:ships?|shipped|shipping|comes?|came|coming|is available|was available)\s+with\s+open[- ]weights?\b|"
                     r"(?:is|are|was|were|has been)\s+open[- ]weights?\b(?![- ]model)|"
                     r"(?:an?|as|the|our|its|their|this)\s+(?:(?:first|new|latest|fully|full)\s+)?open[- ](?:weights?|source)\s+"
                     r"(?:model|release|checkpoint|version)|"
                     r"(?<!models\s)(?<!LLMs\s)(?<!model\s)with\s+(?:fully\s+)?open[- ]weights?"
                     r"(?=\s*(?:$|[,.;:)!]|(?:and|under|on|from|today|now|at|via|for|as|in|licensed|released)\b))|"
                     r"open[- ]?sourc(?:ed|es|ing)\b|"
                     # "we open-source our X", "we opensource X": the verb's present with a speaker as its subject
                     r"(?:(?<=\bwe\s)|(?<=\bthey\s))(?:(?:now|also|hereby|fully|proudly|today)\s+)?open[- ]?source\b(?!-)|"
                     r"(?:is|are|was|were|has\s+been|have\s+been)\s+(?:now\s+|fully\s+)?"
                     r"open[- ]source\b(?![- ])|(?:an?\s+)?(?:very\s+|fully\s+)?permissive(?:ly)?\s+(?:[\w-]+\s+){0,2}?"
                     r"licen[cs](?:e|ed)\b|"
                     r"openly\s+(?:available|released)|weights\s+are\s+now\s+available|"
                     r"open[- ]weights?\s+(?:models?|LLMs?|checkpoints?)|can\s+be\s+commercially\s+used|"
                     r"(?:models?|LLMs?)\s+with\s+open\s+weights\b|"
                     r"(?:publicly|freely|openly)\s+available\s+(?:on|from|via)\s+(?:the\s+)?(?:Hugging\s?Face|HF)\b|"
                     # "weights available for download", "available for download on Hugging Face"
                     r"weights\s+(?:now\s+)?available\s+(?:for|to)\s+download\b|"
                     r"available\s+(?:for|to)\s+download\s+(?:on|from|via)\s+(?:the\s+)?(?:Hugging\s?Face|HF|Kaggle|ModelScope)\b|"
                     r"(?:with|under)\s+an?\s+(?:very\s+)?(?:permissive|non-commercial|community|research|custom|open)"
                     r"(?:\s+[\w-]+){0,2}\s+licen[cs]e)"
                     r"(?:\s+(?:on day one|from day one|at (?:release|launch)|on release))?", re.I)
CLOSED_RE = re.compile(r"\b(?:weights\s+(?:were|was|are|is|have)\s+(?:never|not)\s+(?:been\s+)?(?:released|public|"
                       r"published|shared)|"
                       # "X and Y are API-only models": a plural predicate after a copula (not "open and API-only models")
                       r"(?:(?<=\bare\s)|(?<=\bwere\s))(?:closed[- ]weights?|API[- ]only|proprietary)\s+models\b|"
                       r"(?:an?\s+)?(?:closed[- ]weights?|API[- ]only|proprietary)\s+model|"
                       # "available only through the API", "only accessible via <Org>'s API", "offered through our API only"
                       r"(?:available|accessible|offered|served)\s+only\s+(?:through|via|over|from|in)\s+(?:(?:the|an|our|its|their)\s+|\w+(?:'s|’s)\s+)?(?:[\w-]+\s+){0,2}?APIs?\b|"
                       r"only\s+(?:available|accessible|offered|served)\s+(?:through|via|over|from|in)\s+(?:(?:the|an|our|its|their)\s+|\w+(?:'s|’s)\s+)?(?:[\w-]+\s+){0,2}?APIs?\b|"
                       r"(?:available|accessible|offered|served)\s+(?:through|via|over|from|in)\s+(?:(?:the|an|our|its|their)\s+|\w+(?:'s|’s)\s+)?(?:[\w-]+\s+){0,2}?APIs?\s+only\b|"
                       # "X has closed weights", "its weights remain closed"
                       r"(?:has|have|had|keeps?|kept|with)\s+(?:its\s+|their\s+)?closed\s+weights\b|"
                       r"weights\s+(?:are|remain|stay|were)\s+closed\b|"
                       r"(?:remains?|remained|stays?|stayed)\s+(?:closed|proprietary|API[- ]only)\b|"
                       # "X is proprietary", "X is closed-source (and ...)": a predicate, not "proprietary models"
                       r"(?:is|are|was|were)\s+(?:still\s+|fully\s+|entirely\s+)?(?:proprietary|closed[- ]source|"
                       r"closed[- ]weights?)(?=\s*(?:$|[,.;:)]|(?:and|but|with|like|unlike)\b))|"
                       # "X is not (actually) open-source", "X isn't open-weight": a negation said of the model (a
                       # negated "open-source" may speak of the licence only: `verify.verify_open`)
                       r"(?:is|are|was|were)(?:\s+not|n't)\s+(?:(?:actually|really|truly|fully|technically|strictly|"
                       r"genuinely|quite)\s+)?open[- ]?(?:weights?|(?P<source>source))\b(?![- ])|"
                       r"(?:is|are|was|were)(?:\s+not|n't)\s+(?:an?\s+)?open[- ]weights?\s+model)", re.I)
# "available for commercial use" says the weights are open only where the sentence speaks of weights or a licence
COMMERCIAL_USE_RE = re.compile(r"\b(?:available|free|licen[cs]ed|usable|released|open)\s+for\s+(?:both\s+)?"
                               r"(?:research\s+(?:and|&)\s+)?commercial\s+(?:use|usage|purposes|applications)\b", re.I)
WEIGHTS_WORD_RE = re.compile(r"\b(?:weights|checkpoints?|licen[cs](?:e|ed)|download(?:able|ed)?|open[- ](?:weights?|source))\b",
                             re.I)
# "the weights of X are available", "model weights for X were released": X's weights are open
WEIGHTS_OF_BEFORE_RE = re.compile(r"\b(?:(?:the|model|its|all)\s+)*weights\s+(?:of|for)\s+(?:the\s+)?$", re.I)
WEIGHTS_OF_AFTER_RE = re.compile(r"(?:\s+models?)?\s+(?:are|is|were|was|have\s+been|has\s+been)\s+(?:now\s+)?"
                                 r"(?:made\s+)?(?:openly\s+|freely\s+|publicly\s+)?(?:available|released|public|published|"
                                 r"downloadable|open)\b", re.I)
# the thing released right before an openness phrase is no model ("the code is released under MIT")
NOT_WEIGHTS_NOUNS = (r"(?:code(?:base)?|library|dataset|data|framework|repo(?:sitory)?|software|toolkit|tool|"
                     r"tokeni[sz]er|paper|app|website|package|SDK|demo|scripts?)")
NOT_WEIGHTS_RE = re.compile(r"\b" + NOT_WEIGHTS_NOUNS + r"\s+(?:(?:is|are|was|were|has|have|"
                            r"been|also|now|itself|all)\s+){0,3}$|"
                            # "the training code of X is not open-source", "the dataset used by X is governed by ..."
                            r"\b" + NOT_WEIGHTS_NOUNS + r"\s+(?:of|for|behind|from|used\s+(?:by|for|to\s+train))\s+"
                            r"(?:[\w.-]+\s+){1,4}(?:(?:is|are|was|were|has|have|been|also|now)\s+){0,3}$", re.I)
# ... or named right after the verb ("we open-source the training code for X")
NOT_WEIGHTS_AFTER_RE = re.compile(r"^\s+(?:(?:the|our|its|their|all)\s+)?(?:[\w-]+\s+){0,2}?" + NOT_WEIGHTS_NOUNS + r"\b",
                                  re.I)
GPU_GAP_RE = re.compile(r"^\s*(?:x|×|\*)?\s*" + CHIP_SPEC + r"?(?:nvidia|google|amd|intel|huawei)?\s*(?:tpus?)?\s*$", re.I)
ACCEL_RE = re.compile(r"^\s*(?:GPUs|TPUs|chips|accelerators)\b", re.I)
TRAIN_TIME_RE = re.compile(r"^\s*(?P<unit>hours?|days?|weeks?|months?)\b", re.I)
SCORE_BEFORE_RE = re.compile(r"^\s*(?:points?\s+|percent\s+)?(?:(?:on|in|at|for)\s+(?:the\s+)?)?$", re.I)
SCORE_AFTER_RE = re.compile(r"^\s*(?:(?:score|result|accuracy)s?,?)?\s*(?:of|at|:|=|\(|is|was|reached|hit|score of|"
                            r"scores? of|accuracy of|of about|of around)?\s*$", re.I)
COMPARE_RE = compose(r"\b(?:within\s+(?P<within>\S+(?:\s\S+)?)\s+points?\s+of|"
                     r"(?P<ahead>{AHEAD_OF}|{AHEAD_VERB}|tops|topped|higher than|better than)|"
                     r"(?P<behind>{BEHIND_OF}|{BEHIND_VERB}|lower than|worse than)|"
                     r"(?P<tie>{TIE_VERB}|ties|tied with|on par with|level with))")
CONDITIONAL_RE = re.compile(r"\b(?:when|if|unless|whether|once)\s+(?:its|the|their|a|an)?\s*(?:\w+\s+)?$", re.I)
DESCRIBED_RE = re.compile(r"\s+(?!base\b|instruct\b|chat\b|family\b|series\b)[a-z]+(?:ing|er|al|ic)\s+models?\b")
# hyphen, non-breaking hyphen, figure dash: typeset forms of "-" inside names ("Kestrel2\u201140B")
HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-"})
# "<name> AI", "<name> Labs": the organisation, not its models
ORG_AFTER_RE = re.compile(r"\s+(?:AI|Inc\.?|Labs?|Research|Technologies|team)\b")
# "<series> Embeddings", "<series> Moderation": a product named by the series' word and a capitalised noun no source
# has — another model than the series (a tier, a variant or a size would be part of a known name, read first)
PRODUCT_AFTER_RE = re.compile(r"[ -](?!(?:Instruct|Chat|Base|It|Preview|Latest|Series|Family|Models?)\b)"
                              r"[A-Z][a-z]{3,}s?\b(?![ -]?\d)")
# the capitalised words right before a verb, its auxiliaries aside ("<Vendor> AI was first launched"): its subject
SUBJECT_BEFORE_RE = re.compile(r"(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})\s+(?:(?:was|were|is|has\s+been|"
                               r"had\s+been|first|officially|initially)\s+)*$")
OPEN_WINDOW = 60  # characters between a model's name and "weights were released" that still bind them
# a class's members named right after its words ("proprietary models like Y", "open models such as Y, Z")
CLASS_MEMBERS_AFTER = re.compile(r"s?,?\s+(?:like|such\s+as|including)\b")
HOURS_PER = {"hour": 1, "day": 24, "week": 168, "month": 730.5}
BENCH_WINDOW = 60  # characters between a leftover percentage and the benchmark it belongs to
# "N% of the <group>": a share of a group, not a benchmark score
SHARE_RE = re.compile(r"^\s*of\s+[A-Za-z]", re.I)
# a score verb right before a figure ("X reached N", "X hit N", "X sat at an Elo of N"), or a verb and the noun
# "score" ("X has a reported score of N", "X had an average score of N", "X is rated N")
SCORE_VERB_RE = re.compile(r"\b(?:scor(?:ed|es|ing)|reach(?:ed|es)?|hit|hits|gets?|got|post(?:ed|s)|achiev(?:ed|es)|solved|solves|"
                           r"managed|manages|record(?:ed|s)|(?:sat|sits|stood|stands) at|"
                           r"(?:has|had|have|holds|held)\s+(?:an?\s+)?(?:(?:reported|published|official|overall|average|"
                           r"measured|claimed)\s+)?score\s+of|(?:is|was|are|were)\s+rated(?:\s+at)?)\s+$", re.I)
# what may follow a score figure: its percent sign, the end of a clause, or a preposition/conjunction
SCORE_END_RE = re.compile(r"^\s*(?:%|percent\b|per\s?cent\b)?(?:\s*(?:$|[,.;:)])|\s+(?:on|in|at|while|and|but|whereas|"
                          r"with|for|versus|vs\.?|against|than)\b)", re.I)
# "X reached", "X, <aside>, managed", "X, which scored"
SUBJECT_GAP_RE = re.compile(r"^(?:\s*|,[^,;:]{0,60},\s*|,\s*(?:which|who|that)\s+)$")
# "X (61.3%)": a percentage in parentheses right after a name
PAREN_OPEN_RE = re.compile(r"\s*\(\s*")
PAREN_CLOSE_RE = re.compile(r"\s*(?:%|percent\b)?\s*\)")
SAME_BENCH_RE = re.compile(r"\b(?:the\s+)?same\s+(?:test|benchmark|exam|evaluation|leaderboard|suite)\b", re.I)
# a test the sentence names that no source has ("On <Org>'s MultiTask, X scored N%", "X scores N% in NEWBENCH"): a
# CamelCase or capitals name after "on" / "in" — the sentence's own test, so the previous one is never borrowed
UNKNOWN_TEST_RE = re.compile(r"\b(?:[Oo]n|[Ii]n)\s+(?:the\s+)?(?:[A-Z][\w.-]*(?:'s|’s)\s+)?"
                             r"(?P<name>[A-Z][a-z]+[A-Z][\w-]*|[A-Z][A-Z0-9-]{2,}[\w-]*)")
GAP_RE = re.compile(r"\b(?:a|the)\s+(?:gap|difference|margin|lead|spread)\s+of\s+$", re.I)
POINTS_RE = re.compile(r"^\s*(?:Elo\s+)?points?\b", re.I)


@dataclass
class Claim:
    """One checkable statement, its verdict and evidence."""

    sentence: str
    start: int
    end: int
    kind: str
    entities: list[Mention] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    verdict: str = "unverifiable"
    expected: Any = None
    found: Any = None
    evidence: list[dict] = field(default_factory=list)
    explanation: str = ""
    block: int = 0
    index: int = 0  # sentence number within the block
    figures: tuple[tuple[int, int], ...] = ()  # the (start, end) of each figure the claim consumed

    @property
    def span(self) -> str:
        return self.sentence[self.start:self.end]

    def to_dict(self) -> dict:
        return {
            "sentence": self.sentence, "span": self.span, "kind": self.kind,
            "entities": [m.to_dict() for m in self.entities], "verdict": self.verdict,
            "expected": self.expected, "found": self.found, "evidence": self.evidence,
            "explanation": self.explanation,
            "position": {"block": self.block, "sentence": self.index, "start": self.start, "end": self.end},
        }


@dataclass
class Context:
    """What carries from one sentence to the next: the last model named ("the same model")."""

    last_model: Mention | None = None
    con: Any = None  # the warehouse, for the identity resolver
    row: bool = False  # the sentence is a table row: its cells, joined with "; ", are one record
    cells: list[tuple[str, str]] | None = None  # a table row's (column header, cell text) pairs
    last_bench: Mention | None = None  # the only benchmark the previous sentence named
    last_hub: Mention | None = None  # the Hub, when the previous sentence named it
    seen: list[Mention] = field(default_factory=list)  # models named earlier in the text (short names)
    # names written earlier that stand for no one model (`how` "ambiguous": several dated snapshots, several fits):
    # never a short name's reading, but a family word alone may mean them too (`carry._first_word_name`)
    unsure: list[Mention] = field(default_factory=list)
    generations: list[tuple[str, ...]] = field(default_factory=list)  # "Corvo 3" of a heading (carry.established)
    # the previous sentence's subject (its first model or series): what "it", "they", "the model" refer to
    subject: Any = None
    headers: dict[str, Mention | None] = field(default_factory=dict)  # column headers resolved to models
    year: int | None = None  # the year of the last date the text named
    heading: bool = False  # the sentence is a heading: a figure no kind types is no claim there
    in_list: bool = False  # a list item completing a sentence that ended with ":" (its subject carries)
    item: bool = False  # a list item, completing a ":" sentence or not
    # the text's topic: the model of its title, else of its first sentence (what a reference means when
    # no earlier sentence had a subject)
    topic: Any = None
    topic_open: bool = True  # still before the text's first sentence (headings before it may set the topic)
    intro_subject: Any = None  # the subject of the last sentence that ended with ":" (a list completes it)
    # a table's section headings ("Batch API") and the sentence right before it ("Prices per 1M tokens"):
    # what its price cells are when their own headers do not say (the tier; the unit)
    table_section: str = ""
    table_lead: str = ""
    # the per-token price unit a sentence of the current section stated with no figure of its own ("Prices in USD
    # per million tokens (input/output):"), or its heading: the unit of the section's amounts and price columns that
    # name none, also past a sub-label ("Frontier models:") between it and a table, and the order it names a slash
    # pair's sides in ("(output/input)") for the section's "$A/B" pairs (`walk`, `carry.section_unit`)
    section_unit: StatedUnit | None = None
    table_first: str = ""  # the name of the table's first column (it may name the family of the other columns)
    table_paragraph: str = ""  # the paragraph right before the table (its last sentence is `table_lead`)
    table_columns: list[str] = field(default_factory=list)  # the table's column names
    as_of: datetime.date | None = None  # the text's date (`check --as-of`): what "today" means in it
    group: list[Any] = field(default_factory=list)  # the models of the last sentence naming several ("all three")
    dateline: datetime.date | None = None  # the date of a dateline at the text's top (`releases.dateline`)
    section: str = ""  # the last heading before the sentence (a release heading dates a date alone under it)
    list_lead: str = ""  # the last sentence outside a list, or heading, before it (what a list of releases completes)
    # what a list item completes: for a nested item its parent item's last sentence, else `list_lead` (a changelog's
    # date alone on the line above: `releases.dated_list_items`)
    item_lead: str = ""
    # (canonical ids, parameter count) the text has stated so far: a later size label of the same model and size
    # ("the 7B model") is a reference, not a new claim (docs/claims.md, "Short labels")
    sizes: list[tuple[set[str], float]] = field(default_factory=list)
    # (canonical ids and name, value) of each attribute figure the text has stated so far (a context window, an output
    # limit, a parameter or training-token count): the figure a family's possessive repeats names its member
    # ("<Family>'s NK context" after "<Family> B has an NK context": `carry._stated_member`)
    stated: list[tuple[set[str], float]] = field(default_factory=list)
    # the family cell of the table's last row written over two label cells ("<Family> N" of "| <Family> N | NB |"):
    # what a row below repeats when its family cell is blank or a ditto mark (`tables.split_row_label`)
    row_family: str | None = None
    # the model the table's last row named in its first cell (or its two label cells): what a row below names when its
    # first cell is blank or a ditto mark and it names no model itself (`tables.repeated_row`)
    row_name: str | None = None
    # a row of a table with no model column: the model the table is about (`_table_model`, binding rule 1)
    row_model: Any = None

    def header_row(self, columns: Sequence[str], before: Any, headings: Sequence[str]) -> None:
        """A table's header row (`before`: the block before it, `headings`: the latest run of headings). A new
        table keeps its column names, the sentence right before it (a caption arrives there), that sentence's
        paragraph and its section's headings: what its cells' units and tiers and its short labels mean. A
        header row right after another one, or repeating the columns after body rows, refines the same table."""
        same = before is not None and (before.kind == "header" or (before.kind == "row" and
                                                                   list(columns) == self.table_columns))
        self.table_columns = list(columns)
        self.table_first = columns[0] if columns else self.table_first
        if same:
            return
        self.row_family = self.row_name = None
        prose = before is not None and before.kind in ("paragraph", "heading") and bool(before.sentences)
        self.table_lead = before.sentences[-1] if prose else ""
        self.table_paragraph = " ".join(before.sentences) if prose else ""
        self.table_section = " ".join(headings)

    def table_contexts(self) -> list[str]:
        """Where a table's short label ("7B", "Lite") finds its family, nearest first (`labels.py`): the
        first column's name, the sentence before the table, the rest of its paragraph, the table's section
        headings, the text's topic."""
        topic = getattr(self.topic, "text", "") if self.topic is not None else ""
        return [self.table_first, self.table_lead, self.table_paragraph, self.table_section, topic]

    # a nested list item's parent: the model its nearest parent item names (claims/walk.py); None elsewhere
    parent: Any = None
    section_model: Any = None  # the model the latest heading names (None: it names none)
    named: Any = None  # the subject the block's sentences named themselves (the first one), for walk.py
    unreferenced: bool = False  # under a section heading naming several models, until a sentence names a subject

    @property
    def referent(self) -> Any:
        """What an explicit reference ("it", "the model") stands for: in a nested list item its parent
        item's model; else the previous subject, else the topic."""
        if self.parent is not None:
            return self.parent
        if self.unreferenced:
            return None  # a section about several models: "it", a label line, a bullet name no one of them
        return self.subject if self.subject is not None else self.topic




def _precision(mantissa: str) -> float:
    """Half a unit of a figure's last digit, relative to it ("M.D": 0.05 / M.D)."""
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return 0.5 * 10 ** -decimals / max(float(mantissa), 1e-9)


def _widen(sentence: str, start: int, end: int, before: int = 1, after: int = 3) -> tuple[int, int]:
    """A damaged figure's span with a few words of context, so a reader can find it."""
    head = sentence[:start].rstrip()
    for _ in range(before):
        cut = head.rfind(" ")
        head = head[:cut] if cut >= 0 else ""
    a = len(head) + (1 if head else 0)
    rest = sentence[end:]
    words = re.match(r"(?:\s*[^\s,;.]+){0,%d}" % after, rest)
    return a, end + (words.end() if words else 0)


def extract(sentence: str, lex: Lexicon, ctx: Context) -> list[Claim]:
    """Every claim in one sentence (whitespace-collapsed), in order of appearance. Typographic hyphens
    ("Kestrel2\u201140B" with a non-breaking hyphen) are read as "-", one character for one, so names and
    ranges match as typed with "-" while each claim keeps the sentence as written."""
    plain = sentence.translate(HYPHENS)
    if plain == sentence:
        return _extract(sentence, lex, ctx)
    if ctx.cells:
        ctx.cells = [(h.translate(HYPHENS), c.translate(HYPHENS)) for h, c in ctx.cells]
    claims = _extract(plain, lex, ctx)
    for c in claims:
        c.sentence = sentence
    return claims


def _extract(sentence: str, lex: Lexicon, ctx: Context) -> list[Claim]:
    claims: list[Claim] = []
    damage = find_damage(sentence)
    taken = [(d.start, d.end) for d in damage]
    for d in damage:
        a, b = _widen(sentence, d.start, d.end)
        kind = "price" if re.search(r"per\s+(?:million|1M|M)|tokens|[$€£]", sentence[d.start:b + 20]) else "figure"
        claims.append(Claim(sentence, a, b, kind, verdict="unreadable", expected=d.text,
                            explanation=f"damaged figure '{d.text}': {d.reason}; not read as a number"))
    compute = list(COMPUTE_RE.finditer(sentence))
    taken += [(m.start(), m.end()) for m in compute]
    models = lex.find_models(sentence, taken, ctx.con)
    models = short_names(sentence, lex, ctx, models, taken)
    label, tag = _row_label(sentence, lex, ctx, models) if ctx.cells else (None, None)
    if label is not None:
        models = [label, *(m for m in models if not label.start <= m.start < label.end)]
    # a series and a model name over the same words: the longer name wins ("Kestrel Guard 3" is the
    # series, not the model "Kestrel Guard" and a figure 3; "Owl 40B" is the model, not "Owl")
    series = [s for s in lex.series.find(sentence, taken)
              if not any(m.start <= s.start and s.end <= m.end and m.end - m.start > s.end - s.start for m in models)]
    if tag is not None and label is not None:  # a row's model over two cells: its family cell's series is in the name
        series = [s for s in series if not label.start <= s.start < label.end]
    series = _specific_series(series, ctx, lex)
    # "the <series> coding model": a series name modifying another description names some model of the
    # family, not the series
    series = [s for s in series if not DESCRIBED_RE.match(sentence[s.end:]) and not ORG_AFTER_RE.match(sentence[s.end:])
              and not PRODUCT_AFTER_RE.match(sentence[s.end:])]
    # "<Vendor>, a lab, has made its model, <Vendor>-<Model>, open": an organisation's name beside a model of its own
    # is the maker, no series (docs/claims.md, "Organisations are no models")
    series = [s for s in series if s.key not in lex.organisations or not any(
        norm_name(m.text).split()[:1] == [s.key] and not (m.start <= s.start < m.end) for m in models)]
    # "According to <X>, ...": the source of the statement, not what it is about
    series = [s for s in series if not ATTRIBUTION.search(sentence[:s.start])]
    models = [m for m in models if not ATTRIBUTION.search(sentence[:m.start])]
    # (the same words as both a model name and a series: both kept, a size then picks the series' model)
    models = [m for m in models if not any(s.start < m.end and m.start < s.end and (s.start, s.end) != (m.start, m.end)
                                           for s in series)]
    others = lex.find_others(sentence, taken + [(m.start, m.end) for m in models])
    names = taken + [(m.start, m.end) for m in models + others if m.type != "hub"] + [(s.start, s.end) for s in series]
    names += name_digit_spans(sentence)  # "Table 1", "version 4.33", "8-bit": digits of a name, no figure
    # "Quality (N%), Speed (M%)": a rubric's weights, in a sentence naming no model and with no score verb
    names += rubric_weight_spans(sentence, names, bool(models) or bool(SCORE_VERB_RE.search(sentence)))
    names += margin_spans(sentence)  # "an improvement of N% over <X>": a margin, no score
    if tag is not None and not size_cell_states(ctx.table_columns[2:]):
        names.append(tag)  # "| <Family> N | NB | <score> |": the size only identifies the row, no figure
    elif tag is None and ctx.cells and ctx.cells[0][0] == ctx.table_first and \
            size_label(ctx.cells[0][1].strip().strip("*").strip()) is not None and \
            not size_cell_states(ctx.table_columns[1:]) and (first := cell_spans(sentence, ctx.cells)) and \
            first[0][1] == 0:
        names.append((first[0][1], first[0][2]))  # "| NB | ... | <exact count> |": the first cell names the row
    names += family_version_spans(sentence, lex.versioned_firsts)  # "<Family> 3" the sources do not name yet
    dates = [d for d in find_dates(sentence) if not any(a < d.end and d.start < b for a, b in names)]
    dates = sorted(dates + compact_dates(sentence, ctx, names + [(d.start, d.end) for d in dates]), key=lambda d: d.start)
    models, snapshot_dates = dated_snapshots(sentence, lex, models, dates)
    quantities = _changes(sentence, find_quantities(sentence, names + [(d.start, d.end) for d in dates]))
    used: set[int] = {id(d) for d in snapshot_dates}  # ids of quantities and dates consumed by a claim
    columns: list[tuple[int, int, Mention]] = []
    if ctx.cells:
        # a table whose columns are models: the row's label stands for each cell's header (`tables.model_columns`)
        ctx.cells, columns = model_columns(ctx.cells, cell_spans(sentence, ctx.cells),
                                           [m.start for m in models] + [s.start for s in series],
                                           lambda header: table_header_model(lex, ctx, header),
                                           lambda header: name_shaped(lex, ctx.con, header))
    ctx.row_model = _table_model(sentence, lex, ctx, models, series, others, quantities, dates) \
        if ctx.cells and not columns else None
    x = _Extractor(sentence, lex, ctx, models, others, dates, quantities, used, claims, series=series)
    x.binder = Binder(sentence, models, referent=x.referent_mention(), row=ctx.row, in_list=ctx.in_list,
                      list_subject=x.as_mention(ctx.intro_subject), item=ctx.item, topic=x.as_mention(ctx.topic),
                      group=ctx.group, section=ctx.section if not ctx.heading else "", parent=x.as_mention(ctx.parent),
                      section_model=x.as_mention(ctx.section_model), columns=columns, table_model=ctx.row_model,
                      standfirst=ctx.topic_open and not ctx.heading and not ctx.row and not ctx.item
                      and ctx.topic is not None)
    for m in compute:
        x.add(m.start(), m.end(), "training_compute", [x.model_for(m.start(), m.end())], [],
              flop=float(m.group("m")) * 10 ** int(m.group("e") or m.group("e2")),
              qualifier=_qualifier_of(sentence, m.start()), precision=_precision(m.group("m")))
    x.unrecorded_columns()  # a table's power-draw and emissions cells: no source records them, no claim
    if label is not None and tag is None and ctx.cells and (states_size(label.text) or (
            column_kind(ctx.cells[0][0]) == "params" and size_cell_states(ctx.table_columns[1:]))):
        # "| 7B | ..." under a "Size" column of a table of the models' facts: the label names the row's model and
        # states its size (in a benchmark table it only identifies the row)
        claims.extend(size_label_claims(sentence, label.start, label.end, label, ctx, lex))
    x.tier_thresholds()  # a price's context-length threshold ("≤200K tokens: $A") is no figure of its own
    own_metric_claims(x)  # openpace's own metrics (lag, price ratio, cheapest at a score) take their figures first
    attributes = AttributeRules(x, lex.series, series)
    x.attributes = attributes
    ratio_claims(attributes)  # "N times larger than Y": the ratio phrase takes its figure before the attribute kinds
    attributes.run()  # precedence: attribute kinds take their figures first
    attributes.cutoffs()
    dated_items(x)
    dated_list_items(x)
    release_headings(x)
    release_list_lines(x)
    release_lists(x, series, lambda m, a, b: series_mention(lex, m, a, b))
    release_labels(x)
    released_today(x)
    if ctx.cells:
        x.table_row()
    x.prices()
    x.training()
    x.comparisons()
    x.scores()
    x.releases()
    x.openness()
    x.hub_counts()
    x.contributors()
    x.changes()
    x.catalogues()
    x.explainer()
    elliptical_claims(x)  # "A scores N on B, while C's is M": M is C's score on B
    listed_claims(x)  # "A at N Elo, B at M, and C at K": M and K are B's and C's Elo
    respective_claims(x)  # "A and B score N and M on B, respectively": M is B's score on B
    x.leftovers()
    x.unasserted()
    claims[:] = _each_of_group(claims, x)
    ctx.stated.extend(({*c.params["target"].ids, norm_name(c.params["target"].label)}, c.params["value"]) for c in claims
                      if c.kind in ("context_window", "output_limit", "parameters", "training_tokens")
                      and c.params.get("target") is not None and c.params.get("value") is not None
                      and c.params.get("high") is None)
    ctx.sizes.extend((set(c.params["target"].ids), c.params["value"]) for c in claims if c.kind == "parameters"
                     and c.params.get("target") is not None and c.params.get("value") is not None
                     and c.params.get("high") is None and "ratio_to" not in c.params)
    if models:
        ctx.last_model = models[-1]
    if dates:
        ctx.year = dates[-1].high.year  # a month written alone later ("in June") is in this year
    unambiguous: list[Mention | SeriesMention] = [m for m in models if m.how != "ambiguous"]
    named: list[Mention | SeriesMention] = [*unambiguous, *series]
    heads = Binder(sentence, named, referent=ctx.referent, row=ctx.row)
    subject = heads.subject()
    # a section's heading naming several models ("## A vs B"): its section is about no one model (rules 0, 8, 9); a
    # title too when it names several side by side ("# A and B": no object of a comparison, "# A vs B" is A's)
    several = ctx.heading and len(distinct(named)) >= 2 and (
        not ctx.topic_open or len(distinct([m for m in named if id(m) not in heads.objects])) >= 2)
    if several:
        subject = None
    elif subject is None and ctx.heading and named:
        subject = min(named, key=lambda m: m.start)  # a title names its subject however it is phrased
    if ctx.named is None:
        ctx.named = subject  # the block's own subject (claims/walk.py: a nested item's parent, a heading's section)
    if sentence.rstrip().endswith(":") and not ctx.in_list:
        ctx.intro_subject = subject  # a list completing this sentence is about its own subject, or none
    if subject is not None and not ctx.row:
        ctx.subject = subject  # what the next sentence's "it" / "the model" refers to (binding.py)
        ctx.unreferenced = False
        if ctx.topic_open and (ctx.heading or ctx.topic is None):
            ctx.topic = subject  # the model of the title (a heading before the first sentence), else of that sentence
    elif several:
        ctx.subject, ctx.unreferenced = None, True
    elif ctx.heading:
        ctx.unreferenced = False
        if ctx.topic is not None:
            ctx.subject = ctx.topic  # a new section naming no model: "the model" is the text's topic again
    if not ctx.heading and not ctx.row:
        ctx.topic_open = False
    ctx.seen.extend(m for m in models if m.how != "ambiguous")
    ctx.unsure.extend(m for m in models if m.how == "ambiguous")
    if len(distinct(named)) >= 2 and not ctx.row:
        ctx.group = distinct(named)  # what "all three models" / "these models" in a later sentence stand for
    elif ctx.heading:
        ctx.group = []  # a new section: "these models" stand for its own models, never an earlier section's
    benches = {b.key: b for b in x.of("benchmark")}
    ctx.last_bench = next(iter(benches.values())) if len(benches) == 1 else (
        ctx.last_bench if not benches and x.carried_bench is not None else None)
    ctx.last_hub = next(iter(x.of("hub")), None) or (ctx.last_hub if x.carried_hub else None)
    return sorted(_one_claim_per_figure(claims), key=lambda c: (c.start, c.end))


RANGE_TO_RE = re.compile(r"\s+to\s+")


def _changes(sentence: str, quantities: list[Quantity]) -> list[Quantity]:
    """A range after a verb of change is two figures, the earlier state and the later ("extends the window from 8K
    to 128K", "rose from 60% to 71%": `patterns.CHANGE_FROM`): the first is the predecessor's (binding rule 2a), the
    second the subject's; any other "from N to M" stays one bounded figure."""
    out: list[Quantity] = []
    for q in quantities:
        joint = RANGE_TO_RE.search(sentence, q.start, q.end)
        if q.high is None or joint is None or not CHANGE_FROM.search(sentence[:q.start]):
            out.append(q)
            continue
        left = find_quantities(sentence[q.start:joint.start()], [])
        right = find_quantities(sentence[joint.end():], [])
        if len(left) != 1 or not right or right[0].start != 0:
            out.append(q)
            continue
        out += [replace(left[0], start=left[0].start + q.start, end=left[0].end + q.start),
                replace(right[0], start=right[0].start + joint.end(), end=right[0].end + joint.end())]
    return out


def table_header_model(lex: Lexicon, ctx: Context, header: str) -> Mention | None:
    """The model a table's column header (or a row's first cell) names, its short labels read in the table's
    context (`labels.py`); cached per header and context: a table repeats its headers, and a short label ("7B")
    means another model in another table."""
    contexts = ctx.table_contexts()
    key = "\n".join([header, *contexts])
    if key not in ctx.headers:
        ctx.headers[key] = found = header_model(lex, lex.series, ctx.con, header, contexts,
                                                first=header == ctx.table_first)
        if isinstance(found, Mention) and found.type == "model" and found.how not in ("ambiguous", "unknown"):
            ctx.seen.append(found)  # a model heading a column is named: a short name later may stand for it
    return ctx.headers[key]


def _table_model(sentence: str, lex: Lexicon, ctx: Context, models: list[Mention], series: list[SeriesMention],
                 others: list[Mention], quantities: list[Quantity], dates: list[DateExpr]) -> Mention | None:
    """A row of a table with no model column, naming no model itself ("| <benchmark> | N |" under "## <model>"):
    the model the table is about (`tables.one_model_table`), or None."""
    spans = cell_spans(sentence, ctx.cells or [])
    if models or series or not spans or spans[0][1] != 0 or not ctx.cells or ctx.cells[0][0] != ctx.table_first:
        return None
    _, a, b = spans[0]
    label = sentence[a:b]
    labelled = any(o.type == "benchmark" and a <= o.start < b for o in others) or \
        header_kind(lex, label) is not None or PRICE_HEADER_RE.search(label) is not None or \
        column_kind(label) not in (None, "architecture") or LABEL_LINE.match(label + "; ") is not None
    provider = any(o.type == "provider" and o.start == a and o.end >= len(label.rstrip(" *")) + a for o in others)
    starts = [q.start for q in quantities] + [d.start for d in dates]
    cells = [h for h, x, y in spans[1:] if any(x <= at < y for at in starts) and not UNRECORDED_COLUMN.search(h)
             and not SETTING_COLUMN.search(h) and column_kind(h) != "architecture"]
    untyped = [h for h in cells if header_kind(lex, h) is None and column_kind(h) is None
               and licence_openness(h, "Open") is None]
    values = sum(1 for h in untyped if VALUE_COLUMN.search(h))
    named = any(table_header_model(lex, ctx, h) is not None for h in ctx.table_columns)
    return one_model_table(lex, ctx.con, ctx.referent, ctx.table_first, label, "label" if labelled else
                           "provider" if provider else None, len(cells) - len(untyped) + values, values, named,
                           [ctx.table_lead, ctx.table_section])


def _row_label(sentence: str, lex: Lexicon, ctx: Context, models: list[Mention]
               ) -> tuple[Mention | None, tuple[int, int] | None]:
    """The model a table row's label names when no model name alone does, and the span of its size or variant cell
    when the label is written over two cells: "| <Family> N | NB | ..." (`tables.split_row_label`, the family
    carried down blank and ditto cells), else a first cell that is a short label ("7B", "11B-it", "Lite") naming no
    model alone: the model of the family the table's context names (`labels.py`), as a mention over the cell."""
    spans = cell_spans(sentence, ctx.cells or [])
    if not spans or spans[0][1] != 0 or not ctx.cells:
        return None, None
    if any(table_header_model(lex, ctx, header) is not None for header, _ in ctx.cells[1:] if header):
        return None, None  # the columns are models: the first cell labels the row ("Code", a category), it names none
    split = split_row_label(ctx.cells, spans, ctx.table_columns, lambda name: table_header_model(lex, ctx, name),
                            ctx.row_family)
    if split is not None and lex.find_others(sentence[split.tag[0]:split.tag[1]], []):
        split = None  # "| <model> | <benchmark> | N |": the second cell names what the row measures, no variant
    ctx.row_family = split.family if split is not None else None
    if split is not None:
        ctx.row_name = split.model.text
        return split.model, split.tag
    repeated = repeated_row(ctx.cells, spans, ctx.table_columns)
    if repeated is not None:
        # "| | <benchmark> | N |" under a row naming its model: the model of the row above, when this row names none
        above = ctx.row_name or ""
        # a row with a size of its own ("| | 30B | ... |") is another model of a family, never the row above's model
        sized = any(size_label(text) is not None for _, text in ctx.cells)
        m = table_header_model(lex, ctx, above) if above and not models and not sized and \
            not lex.series.find(sentence) else None
        if m is None or m.how == "ambiguous":
            ctx.row_name = None
            return None, None
        return Mention("model", repeated[0], repeated[1], above, m.key, m.names, how=m.how, spelled=m.spelled,
                       note=(m.note + "; " if m.note else "") + f"'{above}', the model of the row above"), None
    _, a, b = spans[0]
    text = sentence[a:b]
    whole = [m for m in models if m.how != "ambiguous" and not text[:m.start - a].strip(" *_") and
             not sentence[m.end:b].strip(" *_")]
    ctx.row_name = whole[0].text if len(whole) == 1 else None  # a first cell that is one model's name, and only that
    if ctx.cells[0][0] != ctx.table_first:
        return None, None
    if any(m.start < b for m in models) or not is_short_label(text) or lex.find_others(text, []):
        return None, None
    m = table_header_model(lex, ctx, text)
    if m is None:
        return None, None
    return Mention("model", a, b, text, m.key, m.names, how=m.how, note=m.note + "; the row's first cell",
                   spelled=m.spelled), None


def size_label_claims(sentence: str, start: int, end: int, model: Mention, ctx: Context, lex: Lexicon,
                      label: str | None = None) -> list[Claim]:
    """The parameter count a size label states of the model it names ("7B Params" over a column, "7B" in a "Size"
    column naming its row's model): one nominal claim ("about 7B"), unless the text stated this model's size
    before (docs/claims.md, "Short labels"). A size of experts ("4x10B") states no count."""
    sized = size_label(label or sentence[start:end])
    ids = mention_ids(lex, model)
    if sized is None or "x" in sized.group("size").lower() or not ids:
        return []
    number = re.sub(r"[^\d.]", "", sized.group("size"))
    value = float(number) * (1e9 if sized.group("size").rstrip().upper().endswith("B") else 1e6)
    if stated_before(ctx.sizes, ids, value):
        return []
    target = Target(model.text, ids, "model", note=(model.note + "; " if model.note else "") +
                    f"a size label is a nominal size, read as 'about {sized.group('size')}'")
    entity = Mention("model", start, end, model.text, ", ".join(ids[:6]), how="model", note=target.note)
    ctx.sizes.append((set(ids), value))
    return [Claim(sentence, start, end, "parameters", [entity],
                  dict(attribute="parameters_total", value=value, high=None, qualifier=nominal_qualifier("exact"),
                       precision=written_precision(sized.group("size"), value), target=target, total=False, sizes=[]))]


def header_claims(sentence: str, columns: Sequence[str], lex: Lexicon, ctx: Context) -> list[Claim]:
    """A table's header row names its columns and claims nothing, except the parameter counts its size labels
    state: a column headed "7B Params" is about the model of that size of the family the table is about."""
    out: list[Claim] = []
    pos = 0
    for column in columns:
        at = sentence.find(column, pos) if column else -1
        if at < 0:
            continue
        pos = at + len(column)
        if not states_size(column):
            continue
        model = table_header_model(lex, ctx, column)
        if model is not None:
            out.extend(size_label_claims(sentence, at, at + len(column), model, ctx, lex))
    return out


def _specific_series(series: list[SeriesMention], ctx: Context, lex: Lexicon) -> list[SeriesMention]:
    """A series named by a shorter form of the series just discussed ("Nimbus" right after "Nimbus 2")
    stands for that series, as a short name of a model does; so does the family's bare first word in a text whose
    subject, else topic, is a model of a later generation ("Nimbus was trained on ..." in a text about "Nimbus 2 NB":
    the generation "Nimbus 2", never the first "Nimbus" series)."""
    out = []
    for s in series:
        longer = next((k for k in _generations_of(ctx, lex) if k.startswith(s.key + " ")), None)
        out.append(SeriesMention(s.start, s.end, s.text, longer) if longer is not None else s)
    return out


def _generations_of(ctx: Context, lex: Lexicon) -> list[str]:
    """The series the sentence's subject, else the text's topic, is or belongs to: a series' own key, or the longest
    start of a model's name that is a series ("nimbus 2" for "Nimbus 2 NB")."""
    out = []
    for ref in (ctx.subject, ctx.topic):
        if isinstance(ref, SeriesMention):
            out.append(ref.key)
        elif isinstance(ref, Mention) and ref.type == "model":
            words = norm_name(ref.text).split()
            out += [k for n in range(len(words), 1, -1) if (k := " ".join(words[:n])) and lex.series.keys(k)][:1]
    return out


def _each_of_group(claims: list[Claim], x: _Extractor) -> list[Claim]:
    """A claim bound to a plural reference ("all three models have ...", binding rule 6a) is one claim per
    model of the group, each verified on its own; its model entity's note names the reference."""
    out = []
    for c in claims:
        target = c.params.get("target")
        hit = x.grouped.get(id(target)) if target is not None else None
        ent = None if hit is not None else next((e for e in c.entities if id(e) in x.grouped), None)
        if hit is None and ent is None:
            out.append(c)
            continue
        group, members = hit if hit is not None else x.grouped[id(ent)]
        if c.params.get("high") is not None:
            # "all these models are between NB and MB": a spread over the group, no model's own figure
            c.entities = [e for e in c.entities if e is not ent and e.type != "model"]
            c.params.pop("target", None)
            out.append(c)
            continue
        labels = ", ".join(getattr(m, "label", None) or m.text for m in members)
        for i, member in enumerate(members):
            params = {**c.params, "member": i}
            if hit is not None:
                new = x.attributes.entity(member, c.start, c.end)
                old = next((e for e in c.entities if e.type == "model"), None)
                params["target"] = member
            else:
                new, old = replace(member), ent
            new.note = (new.note + "; " if new.note else "") + \
                f"'{group.text}' stands for each of {labels}: this claim is about {new.text}"
            entities = [new if e is old else e for e in c.entities] if old is not None else [new, *c.entities]
            out.append(replace(c, entities=entities, params=params))
    return out


def _one_claim_per_figure(claims: list[Claim]) -> list[Claim]:
    """A figure belongs to one claim of a kind: a later claim of the same kind that consumed a figure an
    earlier one already holds is dropped (two rules reading one figure for two models would give it two
    verdicts)."""
    held: set[tuple[str, tuple[int, int], Any]] = set()
    out = []
    for c in claims:
        keys = {(c.kind, f, c.params.get("member", 0)) for f in c.figures}
        if keys & held:
            continue
        held |= keys
        out.append(c)
    return out


@dataclass
class _Extractor(MarketRules):
    sentence: str
    lex: Lexicon
    ctx: Context
    models: list[Mention]
    others: list[Mention]
    dates: list[DateExpr]
    quantities: list[Quantity]
    used: set[int]
    claims: list[Claim]
    series: list[SeriesMention] = field(default_factory=list)  # series named in the sentence
    carried_bench: Mention | None = None  # the previous sentence's benchmark, when this one borrowed it
    carried_hub: bool = False
    workload: set[int] = field(default_factory=set)  # amounts that total a workload (extract_market.prices)
    binder: Binder = field(init=False)  # which model a figure belongs to (binding.py)
    attributes: Any = None  # the attribute kinds (attributes.AttributeRules): a chip type alone is one of them
    # a plural reference's stand-in (the first member's mention or target, by id) -> (the group, every member's)
    grouped: dict[int, tuple[Group, list[Any]]] = field(default_factory=dict)
    no_score: set[int] = field(default_factory=set)  # figures of a list no benchmark run pairs (`listed_scores`)

    def of(self, type_: str) -> list[Mention]:
        return [m for m in self.others if m.type == type_]

    def free(self) -> list[Quantity]:
        return [q for q in self.quantities if id(q) not in self.used]

    def add(self, start: int, end: int, kind: str, entities: Sequence[Mention | None], consumed: list[Any],
            **params: Any) -> Claim:
        for item in consumed:
            if item is not None:
                self.used.add(id(item))
        claim = Claim(self.sentence, start, end, kind, [e for e in entities if e is not None], params,
                      figures=tuple((x.start, x.end) for x in consumed if isinstance(x, Quantity)))
        self.claims.append(claim)
        return claim

    def model_for(self, pos: int, end: int | None = None) -> Mention | None:
        """The model of the figure at [pos, end): the binding rule (binding.py), never the nearest name."""
        model = self.binder.bind(pos, end)
        if model is not None and model is self.binder.referent and \
                (size := size_reference(self.sentence[:pos])) is not None:
            return self.sized_referent(model, size)
        if isinstance(model, Group):
            members = covering([m for m in (self.as_mention(g) for g in model.members) if m is not None])
            if len(members) < 2:
                return members[0] if members else None
            first = replace(members[0])  # stands for the group until `_each_of_group` makes one claim per member
            self.grouped[id(first)] = (model, members)
            return first
        return model if isinstance(model, Mention) else None

    def sized_referent(self, model: Mention, size: float) -> Mention | None:
        """"The NB model ..." after a series (or a model of one) was discussed: the series' model of that size
        (docs/claims.md, "Short labels"); a size the series lacks names none; a referent of no series stays."""
        ref = self.ctx.referent
        found = [] if isinstance(ref, SeriesMention) or ref is None else self.lex.series.find(ref.text)
        key = ref.key if isinstance(ref, SeriesMention) else found[0].key if found else None
        if key is None:
            return model
        hit = self.lex.series.at(key, size, max(size * LABEL_SIZE_RELATIVE, LABEL_SIZE_ABSOLUTE))
        if hit is None:
            return None
        ids = sorted(hit[1])
        names = sorted({n for i in ids for n in (self.lex.aliases[1].get(i, ()) if self.lex.aliases else ())})
        if not names:
            return None
        return Mention("model", model.start, model.end, model.text, ", ".join(ids), names, how="loose",
                       note=f"a size label of {ref.text}: its {hit[0] / 1e9:g}B model, {', '.join(ids)}")

    def referent_mention(self) -> Mention | None:
        """What "it" / "the model" stands for, as a model mention (a series stands for its models)."""
        return self.as_mention(self.ctx.referent)

    def as_mention(self, referent: Any) -> Mention | None:
        if isinstance(referent, SeriesMention):
            return series_mention(self.lex, referent, referent.start, referent.end)
        return referent if isinstance(referent, Mention) else None

    def owner_after(self, q: Quantity) -> Mention | None:
        """The model a figure is attributed to right after it ("49% for X", "80 by X"), if any."""
        owner = self.binder.owner_after(q.end)
        return owner if isinstance(owner, Mention) else None

    def model_of(self, q: Quantity, pos: int) -> Mention | None:
        """The model a figure belongs to: the one named right after it with "for/by/from", else the
        one `model_for(pos)` picks."""
        return self.owner_after(q) or self.model_for(pos)

    def date_near(self, pos: int, window: int = 40) -> DateExpr | None:
        after = [d for d in self.dates if id(d) not in self.used and 0 <= d.start - pos <= window]
        return after[0] if after else None

    # ------------------------------------------------------------------ kinds
    def training(self) -> None:
        # "trained ..." anywhere; else a count of a known chip type about a named model ("X needed
        # N <chip>s", "X ran on N <chip>s"): the chip name itself marks the figure as hardware
        trained = re.search(r"\btrain", self.sentence, re.I)
        # without "train": a model named in the sentence, or one an explicit reference carries ("It used ...")
        if not trained and not (self.of("gpu") and (self.models or self.binder.bind(len(self.sentence)) is not None)):
            return
        serving = not trained and SERVING.search(self.sentence)
        for gpu in self.of("gpu"):
            if any(c.start <= gpu.start < c.end for c in self.claims):
                continue  # already part of a claim ("1.2M <chip> GPU hours")
            count = next((q for q in self.free() if q.end <= gpu.start and GPU_GAP_RE.match(
                self.sentence[q.end:gpu.start])), None)
            if count is None and not trained and not (HARDWARE_TYPE_BEFORE.search(self.sentence[:gpu.start]) or
                                                      HARDWARE_TYPE_AFTER.match(self.sentence[gpu.end:]) or
                                                      self._hardware_cell(gpu)):
                continue  # a chip named in passing; "hardware of type <chip>" names the training hardware
            if serving:
                self.used.add(id(count))  # serving hardware ("runs on 8 <chip>s"): not a claim (docs/claims.md)
                continue
            end = gpu.end + (1 if self.sentence[gpu.end:gpu.end + 2] in ("s", "s ", "s.", "s,") else 0)
            end += match_end(ACCEL_RE, self.sentence[end:])
            start = count.start if count else gpu.start
            model = self.model_for(start, end)
            if count is None and self.attributes is not None:
                # the chip type alone ("trained on <chip> GPUs", "hardware of type <chip>"): the model's training
                # hardware as an attribute, so a family name is read as its series (verify_attributes)
                target = self.attributes.bind(start, None, clause_boundaries(self.sentence, self.ctx.row), end)
                self.add(start, end, "training_hardware", ([self.attributes.entity(target, start, end)] if target
                                                           else []) + [gpu], [],
                         attribute="training_hardware", hardware=gpu.key, target=target)
                continue
            self.add(start, end, "training_hardware", [model, gpu], [count],
                     count=count.value if count else None, qualifier=count.qualifier if count else "exact")
        if not trained:
            return
        for q in self.free():
            if (accel := ACCEL_RE.match(self.sentence[q.end:])) and not self.of("gpu"):
                end = q.end + accel.end()
                self.add(q.start, end, "training_hardware", [self.model_for(q.start, end)], [q], count=q.value,
                         qualifier=q.qualifier)
            elif t := TRAIN_TIME_RE.match(self.sentence[q.end:]):
                hours = q.value * HOURS_PER[t.group("unit").lower().rstrip("s")]
                self.add(q.start, q.end + t.end(), "training_time", [self.model_for(q.start, q.end + t.end())], [q], hours=hours,
                         qualifier=q.qualifier)

    def _hardware_cell(self, gpu: Mention) -> bool:
        """In a table row, is the chip in a cell under a training-hardware header ("Hardware", "GPU type"), or the value
        cell of a two-cell row so labelled ("| Hardware | <chip>-80GB GPUs |" in a key-value table of one model)?"""
        spans = cell_spans(self.sentence, self.ctx.cells or [])
        label = self.sentence[spans[0][1]:spans[0][2]] if len(spans) == 2 else ""
        return any(a <= gpu.start and gpu.end <= b and (HARDWARE_COLUMN.search(header) or
                                                        (i == 1 and HARDWARE_COLUMN.search(label)))
                   for i, (header, a, b) in enumerate(spans))

    def bench_or_carried(self, figure: int | None = None) -> list[Mention]:
        """The sentence's benchmarks; with none, the previous sentence's only benchmark when this one
        says "the same test/benchmark", or when `figure` (a score-shaped figure) is given — never when the sentence
        names a test of its own that no source has (`UNKNOWN_TEST_RE`)."""
        benches = self.of("benchmark")
        if benches or self.ctx.last_bench is None:
            return benches
        same = SAME_BENCH_RE.search(self.sentence)
        named = [(m.start, m.end) for m in self.models] + [(s.start, s.end) for s in self.series]
        if same is None and any(not any(a <= t.start("name") < b for a, b in named)
                                for t in UNKNOWN_TEST_RE.finditer(self.sentence)):
            return []  # the sentence names its own test, one no source has: no benchmark is borrowed
        if same is not None:
            at, to = same.start(), same.end()
        elif figure is not None:
            at = to = figure
        else:
            return []
        b = self.ctx.last_bench
        self.carried_bench = b
        return [Mention("benchmark", at, to, b.text, b.key, note="the benchmark of the previous sentence")]

    def comparisons(self) -> None:
        for a, b in zip(self.models, self.models[1:]):
            between = self.sentence[a.end:b.start]
            m = COMPARE_RE.search(between)
            # the comparison word sits between them, and right before the second model when the first
            # one is far ("X, <aside>, managed N, trailing Y by ...")
            if not m or (len(between) > 60 and len(between) - m.end() > 12):
                continue
            # "scored above N% on B, while Y ...": a bound word followed by its own figure is not a
            # comparison with the next model
            if not m.group("within") and any(q.end > a.end + m.start() and q.start < b.start
                                             for q in self.quantities):
                continue
            # "by N points" after the second model, or "N points behind" before the keyword
            by = next((q for q in self.free() if b.end <= q.start <= b.end + 30
                       and re.match(r"^\s*by\s*$", self.sentence[b.end:q.start])), None) or \
                next((q for q in self.free() if a.end <= q.start and q.end <= a.end + m.start()
                      and POINTS_RE.match(self.sentence[q.end:a.end + m.start()])), None)
            benches = self.bench_or_carried(by.start if by is not None else None)
            if not benches:
                continue
            bench = next((x for x in benches if x.start >= b.end), benches[-1])
            relation = "within" if m.group("within") else next(k for k in ("ahead", "behind", "tie") if m.group(k))
            points = None
            if relation == "within":
                q = next((q for q in self.free() if a.end + m.start() <= q.start < a.end + m.end()), None)
                points = q.value if q else 1.0 if m.group("within").lower() in ("a", "an", "one") else None
                if q is not None:
                    self.used.add(id(q))
            end = max(b.end, bench.end if bench.start > b.end else b.end, by.end if by is not None else 0)
            # the span starts at the first model unless a figure of its own (a score) sits between them
            own = any(a.end <= x.start < b.start and not a.end + m.start() <= x.start < a.end + m.end()
                      for x in self.quantities if x is not by)
            start = a.start if len(between) <= 60 and not own else \
                min(a.end + m.start(), by.start if by is not None and by.start < b.start else len(self.sentence))
            self.add(start, end, "comparison", [a, b, bench], [by], relation=relation, points=points,
                     by=by.value if by else None, by_qualifier=by.qualifier if by else "exact")
        # "X reached A while Y got B, a gap of (more than) N points": the gap between the last two models
        for q in self.free():
            gap, unit = GAP_RE.search(self.sentence[:q.start]), POINTS_RE.match(self.sentence[q.end:])
            if gap is None or unit is None:
                continue
            named = [x for x in self.models if x.end <= q.start]
            benches = self.bench_or_carried(q.start)
            if len(named) < 2 or not benches or named[-1].key == named[-2].key:
                continue
            end = q.end + unit.end()
            self.add(gap.start(), end, "comparison", [named[-2], named[-1], benches[-1]], [q], relation="gap",
                     points=None, by=q.value, by_qualifier=q.qualifier)

    def _is_share(self, q: Quantity) -> bool:
        """"N% of the <group>" is a share of a group, unless the group is a benchmark ("solved N% of
        the <benchmark> tasks" is a score)."""
        share = SHARE_RE.match(self.sentence[q.end:])
        if share is None:
            return False
        head = q.end + share.end() - 1  # where the word after "of" starts
        head += match_end(r"(?:the\s+)?", self.sentence[head:], re.I)
        return not any(b.start == head for b in self.of("benchmark"))

    def own_slot(self, q: Quantity) -> bool:
        """The figure names its own benchmark right beside it — "N% on <Name>", "…, <Name> N%" (`patterns.OWN_SLOT_AFTER`,
        `OWN_SLOT_BEFORE`) — and the vocabulary holds no benchmark (nor model) there: the figure is that unknown
        benchmark's, never a score on a neighbour's benchmark (docs/claims.md, "Scores in a list")."""
        if self.ctx.row or id(q) in self.no_score:
            return id(q) in self.no_score
        s = self.sentence
        spans = [(m.start, m.end) for m in self.models + self.others] + [(m.start, m.end) for m in self.series]
        after = OWN_SLOT_AFTER.match(s[q.end:])
        if after is not None and not NOT_SLOT_NAME.fullmatch(after.group("name").rstrip(".,")):
            at = q.end + after.start("name")
            if not any(a <= at < b for a, b in spans):
                return True
        before = OWN_SLOT_BEFORE.search(s[:q.start])
        if before is not None and not NOT_SLOT_NAME.fullmatch(before.group("name").split()[0]):
            at, to = before.start("name"), before.end("name")
            if not any(a < to and at < b for a, b in spans):
                return True
        return False

    def listed_scores(self) -> None:
        """"A, C and D on B1, B2 and B3 (respectively)", "A/C/D on B1/B2/B3": a run of figures right before "on" and a
        run of as many benchmarks after it, paired by order (`patterns.LIST_SEPARATOR`, `LIST_ON`, `SLASH_FIGURE`: the
        figures after a slash, which the figure reader leaves alone, are read here). Runs of unequal length pair
        nothing, and their figures are no benchmark's score (`no_score`)."""
        s = self.sentence
        runs: list[list[Mention]] = []
        for b in sorted(self.of("benchmark"), key=lambda m: m.start):
            if runs and LIST_SEPARATOR.match(s[runs[-1][-1].end:b.start]):
                runs[-1].append(b)
            else:
                runs.append([b])
        free = sorted((q for q in self.free() if not q.currency and not q.scaled), key=lambda q: q.start)
        for run in (r for r in runs if len(r) >= 2):
            first = next((q for q in reversed(free) if q.end <= run[0].start), None)
            figs, pos = ([first], first.end) if first is not None else ([], 0)
            while first is not None and (m := SLASH_FIGURE.match(s, pos)) is not None and pos < run[0].start:
                n = m.group("n")
                figs.append(Quantity(m.start("n"), m.end(), s[m.start("n"):m.end()].strip(), float(n),
                                     percent=bool(m.group("pct")) or first.percent,
                                     decimals=len(n.split(".")[1]) if "." in n else 0))
                pos = m.end()
            if first is None or not LIST_ON.match(s[pos:run[0].start]):
                figs = self._figures_after(run, free)  # "On B1 and B2, X scores A% and C%"
            elif len(figs) == 1:  # "A, C and D on ...": the figures joined before the first
                for q in reversed([q for q in free if q.end <= first.start]):
                    if not LIST_SEPARATOR.match(s[q.end:figs[0].start]):
                        break
                    figs.insert(0, q)
            if len(figs) < 2:
                continue
            if len(figs) != len(run):
                self.no_score.update(id(q) for q in figs)
                continue
            for q, bench in zip(figs, run):
                self.add(q.start, q.end, "score", [self.model_for(q.start), bench], [q], value=q.value, high=q.high,
                         qualifier=q.qualifier, percent=q.percent, decimals=q.decimals)

    def _figures_after(self, run: list[Mention], free: list[Quantity]) -> list[Quantity]:
        """The run of figures a benchmark run opening its sentence's clause is paired with: the first figures after it,
        joined by list separators, none before them in between and none other benchmark, ending their clause."""
        s = self.sentence
        after = [q for q in free if q.start >= run[-1].end]
        if not after or any(run[-1].end <= b.start < after[0].start for b in self.of("benchmark")):
            return []
        figs = [after[0]]
        for q in after[1:]:
            if not LIST_SEPARATOR.match(s[figs[-1].end:q.start]):
                break
            figs.append(q)
        if re.search(r"[;:]\s|\.\s", s[run[-1].end:figs[0].start]):
            return []  # another clause or sentence
        return figs if LIST_END.match(s[figs[-1].end:]) else []

    def scores(self) -> None:
        self.listed_scores()
        for bench in self.of("benchmark"):
            best: tuple[int, Quantity, int, int] | None = None
            for q in self.free():
                if q.currency or (q.value >= 1000 and "elo" not in bench.key) or q.scaled or \
                        (q.percent and self._is_share(q)) or self.own_slot(q):
                    continue
                if q.end <= bench.start and SCORE_BEFORE_RE.match(self.sentence[q.end:bench.start]):
                    lead = re.search(r"\b(?:scor(?:ed|es|ing)|reach(?:ed|es)|hit|gets?|got|post(?:ed|s)|achiev(?:ed|es)"
                                     r"|managed|record(?:ed|s))\s*$", self.sentence[:q.start])
                    dist, start = bench.start - q.end, lead.start() if lead else q.start
                    end = bench.end
                elif q.start >= bench.end and SCORE_AFTER_RE.match(self.sentence[bench.end:q.start]):
                    dist, start, end = q.start - bench.end, bench.start, q.end
                    lead = re.search(r"\b(?:an?|the)\s+$", self.sentence[:bench.start])
                    start = lead.start() if lead else start
                else:
                    continue
                if best is None or dist < best[0]:
                    best = (dist, q, start, end)
            if best is None:
                continue
            _, q, start, end = best
            owner = self.owner_after(q)
            end = max(end, owner.end) if owner is not None else end
            self.add(start, end, "score", [owner or self.model_for(start), bench], [q], value=q.value, high=q.high,
                     qualifier=q.qualifier, percent=q.percent, decimals=q.decimals)
        self._verb_scores()
        # a percentage left over in a sentence naming a benchmark ("On B, X now scores 61%"), in the
        # same clause, and not a share of a group ("N% of the <group>")
        clauses = clause_boundaries(self.sentence, self.ctx.row)
        for q in self.free():
            if not q.percent or q.currency or self._is_share(q) or self.own_slot(q) or \
                    re.search(r"\bby\s+$", self.sentence[:q.start]):
                continue  # "N% of the <group>" is a share, "cut/rose by N%" a change: neither is a score
            near = [b for b in self.of("benchmark")
                    if min(abs(b.start - q.end), abs(q.start - b.end)) <= BENCH_WINDOW
                    and self._bench_clause(clauses, b, q)]
            if not near:
                continue
            bench = min(near, key=lambda b: min(abs(b.start - q.end), abs(q.start - b.end)))
            start, end = min(q.start, bench.start), max(q.end, bench.end)
            if any(start <= x.start and x.end <= end for x in self.quantities if x is not q):
                start, end = q.start, q.end  # another figure sits between: the span is this figure's own
            owner = self.owner_after(q)
            if owner is not None:  # "..., against N% for X": the figure and its model
                start, end = q.start, max(end, owner.end) if bench.start > q.end else owner.end
            self.add(start, end, "score", [owner or self.model_for(q.start), bench], [q], value=q.value, high=q.high,
                     qualifier=q.qualifier, percent=True, decimals=q.decimals)

    def _verb_scores(self) -> None:
        """"X reached 0.NNN", "X hit NNNN", "X, <aside>, managed roughly NN percent": a model, a score
        verb and a figure, when the sentence names one benchmark (in any clause: "On B, X reached A
        while Y got B" states both on B) or, naming none, borrows the previous sentence's only one."""
        keys = {b.key for b in self.of("benchmark")}
        if len(keys) > 1:
            return
        for q in self.free():
            verb = SCORE_VERB_RE.search(self.sentence[:q.start])
            after = self.sentence[q.end:]
            if verb is None or q.currency or q.scaled or self._is_share(q) or self.own_slot(q) or POINTS_RE.match(after) or \
                    re.match(r"\s*(?:times|x|×|fold)\b", after, re.I) or (q.value >= 100 and q.percent):
                continue
            subject = next((x for x in reversed(self.models) if x.end <= verb.start()), None)
            if subject is None or not SUBJECT_GAP_RE.match(self.sentence[subject.end:verb.start()]):
                continue
            if not SCORE_END_RE.match(after):
                continue  # "X reached N countries": a count of something else, not a score
            if not keys and not (q.percent or 0 < q.value < 1 or (self.ctx.last_bench is not None
                                                                  and "elo" in self.ctx.last_bench.key)):
                continue  # a borrowed benchmark takes only a figure in its own form (a percentage, a fraction, an Elo)
            benches = self.bench_or_carried(q.start)
            if not benches:
                continue
            tail = match_end(r"\s+(?:on|in)\s+(?:the\s+)?same\s+\w+", after) or match_end(r"(?:\s*(?:%|percent\b))?", after)
            self.add(verb.start(), q.end + tail, "score", [subject, benches[0]], [q], value=q.value,
                     high=q.high, qualifier=q.qualifier, percent=q.percent, decimals=q.decimals)
        self._paren_scores(keys)

    def _paren_scores(self, keys: set[str]) -> None:
        """"higher than X (61.3%)", "including X (52.6%) and Y (49.9%)": a percentage in parentheses right
        after a model's name is that model's score, on the sentence's one benchmark group or, naming
        none, on the previous sentence's only one (a writer lists rivals' scores this way)."""
        if len(keys) > 1:
            return
        for q in self.free():
            if not q.percent or q.currency or q.high is not None:
                continue
            subject = next((x for x in reversed(self.models) if x.end <= q.start), None)
            close = PAREN_CLOSE_RE.match(self.sentence[q.end:])
            if subject is None or close is None or not PAREN_OPEN_RE.fullmatch(self.sentence[subject.end:q.start]):
                continue
            benches = self.bench_or_carried(q.start)
            if not benches:
                continue
            self.add(subject.start, q.end + close.end(), "score", [subject, benches[0]], [q], value=q.value,
                     high=q.high, qualifier=q.qualifier, percent=True, decimals=q.decimals)

    def table_row(self) -> None:
        """A table row under a header row: each figure cell is read under its column's header ("Input
        USD/M": an input price per million tokens; a benchmark's name: a score on it), about the row's model and
        provider — in a table whose columns are models, under the row's label, about its column's model
        (`tables.model_columns`, binding rule 1). A cell holding anything but one figure is left to the other rules."""
        row_model = self.models[0] if self.models else self.ctx.row_model
        provider = next(iter(self.of("provider")), None)
        spans = cell_spans(self.sentence, self.ctx.cells or [])
        # a table with no model column (`_table_model`): the row's label says what its one figure cell is, under a
        # header that does not ("| <benchmark> | N |" under "Score"), as a row label does in a table of model columns
        row_label = self.sentence[spans[0][1]:spans[0][2]] if spans and not self.models and \
            self.ctx.row_model is not None else None
        # the per-token unit one price column names ("Input ($/MTok)"), else the sentence right before the
        # table ("Price per 1M tokens"), for the columns that name only a side or a tier ("Output", "Batch input")
        row_unit = next((k[1]["per"] for h, _, _ in spans if (k := header_kind(self.lex, h)) and k[0] == "price"),
                        None) or lead_price_unit(self.ctx.table_lead) or \
            (self.ctx.section_unit.per if self.ctx.section_unit else None)
        # a licence cell's owner: the row's model, else a series filling the row's first cell (decided by the family
        # rule: all its models agree)
        row_owner = row_model or next((sm for x in self.series if spans and spans[0][1] <= x.start and x.end <= spans[0][2]
                               and not self.sentence[spans[0][1]:spans[0][2]].replace(x.text, "").strip(" *_")
                               and (sm := series_mention(self.lex, x, x.start, x.end))), None)
        for header, a, b in spans:
            kind = header_kind(self.lex, header)
            column = self.binder.column_at(a) if b > a else None
            model = column or row_model
            is_open = licence_openness(header, self.sentence[a:b])
            owner = column or row_owner
            if is_open is not None and owner is not None and (column is not None or not a <= owner.start < b):
                # a licence column: the row model's openness (a model named inside the licence, "<Org> 2 Community
                # License", is the licence's name, not the row's model); the licence's digits are no figure
                self.used.update(id(q) for q in self.free() if a <= q.start and q.end <= b)
                self.add(a, b, "open_weights", [self._family_of(owner)], [], open=is_open, at_release=False,
                         header=header)
                continue
            qs = [q for q in self.free() if a <= q.start and q.end <= b]
            if len(qs) == 2 and self._price_pair(header, qs, kind or (sibling_price_kind(header, row_unit)
                                                                      if row_unit is not None else None), model, provider):
                continue
            if len(qs) != 1:
                continue
            q = qs[0]
            labelled = kind is None and row_label is not None and (header, a, b) != spans[0] and \
                bool(VALUE_COLUMN.search(header))
            if labelled:
                kind = header_kind(self.lex, row_label or "")
            if kind is None and q.currency and row_unit is not None:
                kind = sibling_price_kind(header, row_unit)
            if kind is None:
                continue
            if kind[0] == "price":
                tier = combined_tier(kind[1].get("tier"), price_tier(self.ctx.table_section))
                self.add(q.start, q.end, "price", [model, provider], [q], value=q.value * kind[1]["per"],
                         part=kind[1]["part"], qualifier=q.qualifier, quantity=q, header=header,
                         **({"tier": tier} if tier else {}))
            elif not q.currency:
                bench = kind[1]["bench"]
                label = Mention("benchmark", q.start, q.end, bench.text, bench.key,
                                note="the benchmark of the row" if column is not None or labelled
                                else f"the column header '{header}'")
                self.add(q.start, q.end, "score", [model, label], [q], value=q.value, high=q.high,
                         qualifier=q.qualifier, percent=q.percent, decimals=q.decimals)

    def _price_pair(self, header: str, qs: list[Quantity], kind: tuple[str, dict] | None, model: Mention | None,
                    provider: Mention | None) -> bool:
        """A cell "$A / $B" under a price header naming both sides or neither ("Price (input / output per 1M)",
        "Price per 1M tokens"): the input and the output price, as the slash pair reads in prose."""
        first, second = qs
        sides = {w.lower() for w in re.findall(r"\b(input|output|prompt|completion)\b", header, re.I)}
        if kind is None or kind[0] != "price" or not (first.currency and second.currency) or len(sides) == 1 or \
                not re.fullmatch(r"\s*/\s*", self.sentence[first.end:second.start]):
            return False
        tier = combined_tier(kind[1].get("tier"), price_tier(self.ctx.table_section))
        for q, part in ((first, "input"), (second, "output")):
            self.add(q.start, q.end, "price", [model, provider], [q], value=q.value * kind[1]["per"], part=part,
                     qualifier=q.qualifier, quantity=q, header=header, **({"tier": tier} if tier else {}))
        return True

    def _header_model(self, header: str) -> Mention | None:
        """A column header that names a model (cached per header: a table repeats its headers)."""
        return table_header_model(self.lex, self.ctx, header)

    def _bench_clause(self, clauses: Clauses, bench: Mention, q: Quantity) -> bool:
        """A benchmark and a figure are in one clause; a label "B:" introduces the figures after it."""
        if clauses.same(bench.start, q.start):
            return True
        label = re.match(r"^\s*:", self.sentence[bench.end:])
        if not label or q.start < bench.end:
            return False
        after = bench.end + label.end()
        return clauses.same(after, q.start) and not re.search(r"[;:]", self.sentence[after:q.start])

    def releases(self) -> None:
        # the models named, and a family named without a size (a series: "<Org> released the X models in <month>")
        spans = {(x.start, x.end) for x in self.models}
        names = sorted(self.models + [sm for s in self.series if (s.start, s.end) not in spans
                                      and (sm := series_mention(self.lex, s, s.start, s.end))], key=lambda x: x.start)
        clauses = clause_boundaries(self.sentence, self.ctx.row)
        for m in RELEASE_RE.finditer(self.sentence):
            if m.group("present") and not self._past_present(m, clauses):
                continue
            if m.group(0).lower() in ("since", "out", "around") and not any(
                    re.fullmatch(r"\s*[,(]\s*", self.sentence[x.end:m.start()]) for x in names):
                continue  # an appositive's "since <date>" belongs to the name right before it, and to nothing else
            # "released the relatively powerful X in ...": a determiner and a few words before the name
            lead = OBJECT_LEAD_RE.match(self.sentence, m.end())
            at = lead.end() if lead and any(x.start == lead.end() for x in names) else m.end()
            if self._listed_releases(m, at, names):
                continue
            date = next((d for d in self.dates if id(d) not in self.used and d.start >= at
                         and DATE_LEAD_RE.match(self._without_models(at, d.start, names))), None)
            if date is None:  # "released X in <Month>": the month in the year of the text's last date
                named = next((x for x in names if x.start == at or (at == m.end() and x.start == at + 1)), None)
                date = month_after(self, named.end) if named is not None else None
            if date is None:  # "In <month>, <Org> released X": the date opening the sentence, the verb's clause after it
                date = next((d for d in self.dates if id(d) not in self.used and d.end <= m.start()
                             and DATE_FRONT_RE.match(self.sentence[:d.start])
                             and re.match(r"\s*,", self.sentence[d.end:])), None)
                if date is not None:
                    named = next((x for x in names if (x.start == at or (at == m.end() and x.start == at + 1))
                                  and not PREPOSITION_RE.search(self.sentence[m.end():x.start])), None)
                    # "In <month>, X was released": the subject between the date and its verb
                    named = named or next((x for x in names if date.end < x.start and x.end <= m.start() and re.fullmatch(
                        r"\s*(?:was|were|is|has\s+been|had\s+been|got|first)?\s*", self.sentence[x.end:m.start()])), None)
                    if named is None:
                        continue  # the released thing must be named right after the verb (or be its subject)
                    self.add(date.start, max(named.end, m.end()), "release_date", [named], [date], date=date)
                    continue
            if date is None:
                continue
            inside = [x for x in names if m.end() <= x.start < date.start]
            if not inside and self._organisation_subject(m.start(), names):
                continue  # "<Vendor> (AI) launched in <year>": the organisation's own start, no model's release
            paired, pair = self.binder.paired(date.start, date.end)  # "A and B were released in D1 and D2, respectively"
            model = pair if paired else inside[0] if inside else self.model_for(m.start())
            if model is None:  # "X, launched on <date>", "the X family was released on <date>": a family before its verb
                model = next((x for x in reversed(names) if x.end <= m.start() and re.fullmatch(
                    r"[\s,]*(?:(?:family|generation|series|line-?up|models)\s+)?"
                    r"(?:(?:was|were|is|are|has\s+been|have\s+been|first|officially)\s+)*",
                    self.sentence[x.end:m.start()], re.I)), None)
            # the span starts at the model named just before, unless another statement sits between
            # ("X is <open/closed> and came out in ..."): that one is its own claim
            start = min(model.start, m.start()) if model and model.end <= m.start() and \
                m.start() - model.end <= 40 and not any(
                    r.search(self.sentence[model.end:m.start()]) for r in (OPEN_RE, CLOSED_RE)) else m.start()
            self.add(start, date.end, "release_date", [model], [date], date=date)

    def _past_present(self, verb: re.Match[str], clauses: Clauses) -> bool:
        """Is a present-tense release verb ("releases", "launches") the historic present of news — "In <Month YYYY>,
        <Org> releases X", "<Org> launches X on <day>"? Only with an explicit date in its clause (a year written: a
        month alone, "in March", may be the next one), no word of the future or of the text's own day in the clause
        (`PRESENT_NOT_PAST_RE`: "releases X next month", "releases X today" keep their own rules), and, when the text
        has its own date (`releases.text_day`), a date not after it."""
        day, _ = text_day(self)
        dated = [d for d in self.dates if clauses.same(d.start, verb.start()) and re.search(r"\b(?:19|20)\d\d\b", d.text)
                 and (day is None or d.low <= day)]
        if not dated:
            return False
        return not any(clauses.same(w.start(), verb.start()) for w in PRESENT_NOT_PAST_RE.finditer(self.sentence))

    def _organisation_subject(self, at: int, names: list[Mention]) -> bool:
        """Is the subject right before the verb at `at` an organisation — a maker's name the sources give
        (`Lexicon.organisations`) or a name with an organisation's word after it ("<Name> AI", "<Name> Labs") — and
        no model's name?"""
        found = SUBJECT_BEFORE_RE.search(self.sentence[:at])
        if found is None or any(x.start < found.end("name") and found.start("name") < x.end and not (
                x.how == "series" and x.key in self.lex.organisations) for x in names):
            return False  # a model's name (a series named as an organisation is named is its maker here)
        words = found.group("name").split()
        own = ORG_AFTER_RE.fullmatch(" " + words[-1]) is not None and len(words) > 1
        return own or " ".join(re.findall(r"[a-z0-9]+", found.group("name").lower())) in self.lex.organisations

    def _listed_releases(self, verb: re.Match[str], at: int, names: list[Mention]) -> bool:
        """"<Org> released A and B on <date>", "released <Family> NB and MB in <month>": the verb lists several
        names (`releases.release_group`; a coordinated size is a name already, `resolve.Lexicon._name_tails`) and the
        date follows the list: one release-date claim per name, each with that date (unless "respectively" pairs
        names and dates)."""
        at = at + 1 if at == verb.end() and self.sentence[at:at + 1] == " " else at
        found = release_group(self, at, names)
        if found is None:
            return False
        group, end = found
        date = next((d for d in self.dates if id(d) not in self.used and d.start >= end
                     and DATE_LEAD_RE.match(self.sentence[end:d.start])), None)
        if date is None or self.binder.paired(date.start, date.end)[0]:
            return False
        self.used.add(id(date))
        for model in group:
            if model is not None:
                self.add(model.start, date.end, "release_date", [model], [], date=date)
        return True

    def _without_models(self, a: int, b: int, names: list[Mention] | None = None) -> str:
        """The text between a and b with model names (or `names`) cut out ("released X in DATE" -> "released in DATE")."""
        out, pos = [], a
        for x in (self.models if names is None else names):
            if a <= x.start and x.end <= b:
                out.append(self.sentence[pos:x.start])
                pos = x.end
        return "".join(out) + self.sentence[pos:b]

    def openness(self) -> None:
        named = sorted(self.models + [sm for s in self.series if (sm := series_mention(self.lex, s, s.start, s.end))],
                       key=lambda m: m.start)
        self._licences(named)
        classes = self._class_lists(named)
        self._weights_of(named)
        for pattern, is_open in ((OPEN_RE, True), (OPEN_PREDICATE, True), (RELEASE_NAMED_UNDER, True),
                                 (UNDER_LICENCE, True), (LICENSED_AS, True), (COMMERCIAL_USE_RE, True), (OPEN_USE, True),
                                 (LICENCE_APPOSITION, True), (LICENCE_OFFERED, True), (CLOSED_RE, False)):
            for m in pattern.finditer(self.sentence):
                before = self.sentence[:m.start()]
                if CONDITIONAL_RE.search(before):
                    continue  # "counts as open when its weights are public" states a rule, not a fact
                if NOT_WEIGHTS_RE.search(before) or NOT_WEIGHTS_AFTER_RE.match(self.sentence[m.end():]):
                    continue  # "the code is released under <licence>", "we open-source the code": not the weights
                if GENERIC_OPENNESS_BEFORE.search(before) and not CLASS_MEMBERS_AFTER.match(self.sentence[m.end():]):
                    continue  # "better than an open-source model": a class compared with, no model's licence (a class
                    # whose members are named after it, "rivals proprietary models like X", is X's)
                if pattern is COMMERCIAL_USE_RE and not WEIGHTS_WORD_RE.search(self.sentence):
                    continue  # "available for commercial use" through an API says nothing of the weights
                if pattern is OPEN_USE and re.search(r"\bAPIs?\b", self.sentence):
                    continue  # "the API can be used without restrictions": nothing of the weights
                if any(a <= m.start() < b for a, b in classes):
                    continue  # "open-weight models (A, B)": each listed model's (`_class_lists`)
                inside: Mention | None = None
                if pattern is RELEASE_NAMED_UNDER:  # "we release X under <licence>": X, named between
                    what = m.group("what")
                    if re.search(r"\b" + NOT_WEIGHTS_NOUNS + r"\b", what, re.I):
                        continue  # "we release the X code under MIT": not the weights
                    inside = next((x for x in named if m.start("what") <= x.start and x.end <= m.end("what")), None)
                    if inside is None:
                        continue
                    if any(c.kind == "open_weights" and c.start < m.end() and m.start() < c.end for c in self.claims):
                        continue
                held = next((c for c in self.claims if c.kind == "open_weights" and c.start < m.end()
                             and m.start() < c.end), None)
                if held is not None:  # "released under a permissive license": one statement, two patterns
                    held.start, held.end = min(held.start, m.start()), max(held.end, m.end())
                    continue
                if re.match(r"s\b(?!\s+(?:like|such\s+as)\b)", self.sentence[m.end():]):
                    continue  # "open and proprietary models": a kind of model, no model's openness
                model: Mention | None = inside
                if model is None and self.binder.group_at(m.start()) is not None:  # "all three models are open weights"
                    model = self.model_for(m.start())
                elif model is None and re.search(r"\b(?:its|their)\s+$", before):  # "its weights": the sentence's subject
                    model = next((x for x in named if x.end <= m.start()), None) or self._subject()
                elif model is None:
                    model = next((x for x in reversed(named) if x.end <= m.start()
                                  and m.start() - x.end <= OPEN_WINDOW), None)
                    # a model after the words only when no other verb takes it as its object: "a permissively
                    # licensed reproduction of Y", "an open alternative to Y" speak of the text's own model, not Y
                    # nor a model after a comparison word ("ranked first among open models, beating Y": Y is beaten)
                    # or after an explicit reference that is the sentence's subject ("It was ranked first among ...")
                    # (unless the class's members are named after it: "rivals proprietary models like Y" is Y's)
                    members = CLASS_MEMBERS_AFTER.match(self.sentence[m.end():]) is not None
                    if model is None and (members or not REFERENCE.search(before)):
                        model = next((x for x in named if x.start >= m.end() and x.start - m.end() <= OPEN_WINDOW
                                      and not COPY_BEFORE.search(self.sentence[m.end():x.start])
                                      and (members or not OBJECT_BEFORE.search(self.sentence[:x.start]))), None)
                if model is None and pattern is OPEN_USE and not REFERENCE.search(before):
                    continue  # "X models, ..., with a license allowing commercial use": a subject no source names
                # "the N open-weight models (...) are available on the Hub": the models of the text's release
                counted = pattern is OPEN_RE and bool(OPEN_COUNT_BEFORE.search(before)) and \
                    bool(RELEASE_WORDS.search(self.sentence))
                if model is None and (REFERENCE.search(self.sentence) or re.match(r"weights\b", m.group(0), re.I)
                                      or pattern is LICENCE_OFFERED or counted or LICENCE_SUBJECT.match(self.sentence)):
                    # "now that it's openly released", "the weights were released", "Weights are available on <hub>",
                    # "A custom commercial license is available at <url>"
                    model = self._subject()
                if counted and model is not None and model not in named:  # every model of the release, not one
                    model = self._series_of(model)
                if model is None:
                    continue  # an openness statement about no model ("all were released publicly") claims nothing
                model = self._family_of(model)
                prev = next((c for c in self.claims if c.kind == "open_weights" and c.params.get("open") == is_open
                             and 0 <= m.start() - c.end <= 2), None)
                if prev is not None:  # "weights were released" + "with a research licence": one statement
                    prev.end = m.end()
                    continue
                licence_sense = {"not_open_source": True} if pattern is CLOSED_RE and m.group("source") else {}
                self.add(m.start(), m.end(), "open_weights", [model], [], open=is_open,
                         at_release=bool(re.search(r"day one|release|launch", m.group(0), re.I)), **licence_sense)

    def _class_lists(self, named: list[Mention]) -> list[tuple[int, int]]:
        """"open-weight models (A, B, C)", "proprietary models (A and B)": each model listed in the parentheses is
        of the class the words name (one claim per model; a model named outside them, a vendor, gets none).
        Returns the spans read."""
        spans = []
        for m in CLASS_LIST.finditer(self.sentence):
            listed = [x for x in named if m.start("list") <= x.start and x.end <= m.end("list")]
            if listed or not OPEN_COUNT_BEFORE.search(self.sentence[:m.start()]):
                spans.append((m.start(), m.end()))  # "the N open-weight models (2 base, 2 tuned)": a count, read as one
            for model in listed:
                self.add(model.start, model.end, "open_weights", [self._family_of(model)], [],
                         open=m.group("open") is not None, at_release=False)
        return spans

    def _series_of(self, model: Mention) -> Mention:
        """The series a model's name also names ("<Family> N" with its sized models), else the model: "the N
        open-weight models" of a release are its models, decided only when all agree (the family rule)."""
        if model.how == "series" or len({i for ids in self.lex.series.sizes(model.key).values() for i in ids}) < 2:
            return model
        family = series_mention(self.lex, SeriesMention(model.start, model.end, model.text, model.key), model.start,
                                model.end)
        return family if family is not None else model

    def _family_of(self, model: Mention) -> Mention:
        """A family's first word written alone ("Wren is released under <licence>" after "Wren-2-7B" was named) is
        the family, not the one member the text named: an openness statement about it is the series' (decided
        only when all its models agree), never the named sibling's."""
        words = norm_name(model.text).split()
        if model.how == "series" or len(words) != 1 or model.key.split()[:1] != words or len(model.key.split()) < 2:
            return model
        keys = {k for i in mention_ids(self.lex, model) if (k := self.lex.series.of_id(i))}
        if len(keys) != 1:
            return model
        key = keys.pop()
        if len({i for ids in self.lex.series.sizes(key).values() for i in ids}) < 2:
            return model
        family = series_mention(self.lex, SeriesMention(model.start, model.end, model.text, key), model.start, model.end)
        return family if family is not None else model

    def _weights_of(self, named: list[Mention]) -> None:
        """"The weights of X are available / were released": the model named between is the one whose weights are open."""
        s = self.sentence
        for model in named:
            after = WEIGHTS_OF_AFTER_RE.match(s, model.end)
            before = WEIGHTS_OF_BEFORE_RE.search(s[:model.start])
            if after is None or before is None or any(c.kind == "open_weights" for c in self.claims):
                continue
            self.add(before.start(), after.end(), "open_weights", [model], [], open=True, at_release=False)

    def _licences(self, named: list[Mention]) -> None:
        """A licence named as a model's: "X (Apache 2.0)", "X: MIT license", "X - <Org> 2 Community License" (the
        model right before it), or a label line "License: Apache 2.0" / a two-cell row "License; Apache 2.0"
        (the binding rule's label line: the text's model). Open for a licence the weights are published under,
        closed for "Proprietary" / "API only" (`tables.licence_openness`)."""
        s = self.sentence
        for model in named:
            m = LICENCE_AFTER.match(s[model.end:])
            if m is None and (frag := LICENCE_FRAGMENT.match(s[model.end:])) is not None:
                # "X: 123B parameters, Apache 2.0 licence, ...": the licence fragment alone is the claim's span
                self.add(model.end + frag.start("lic"), model.end + frag.end("lic"), "open_weights",
                         [self._family_of(model)], [], open=frag.group("open") is not None, at_release=False)
                continue
            stop = model.end + m.end() if m is not None else 0
            paren = s[model.end:stop].lstrip()[:1] == "("
            if m is None or (paren and s[stop:stop + 1] not in (")", ",", ";")) or (not paren and s[stop:stop + 1] == ")"):
                continue  # a parenthesis opened after the name holds the licence first ("X (MIT, 7B)")
            end = stop + (1 if s[stop:stop + 1] == ")" else 0)
            self.add(model.start, end, "open_weights", [self._family_of(model)], [], open=m.group("open") is not None,
                     at_release=False)
        label = self.binder.label_end()
        if label is None or any(c.kind == "open_weights" for c in self.claims):
            return
        value = s[label:].strip().rstrip(".")
        if not s[:label].strip() and not LICENCE_LINE.match(value):
            return  # a line under a "License" heading: only a licence or an access word names the weights' licence
        is_open = licence_openness(s[:label].strip(" :;|") or self.ctx.section, value)
        owner = self.model_for(label)
        if is_open is not None and owner is not None:
            self.used.update(id(q) for q in self.free() if q.start >= label)  # a licence's digits are no figure
            self.add(label, len(s.rstrip().rstrip(".")), "open_weights", [owner], [], open=is_open, at_release=False)

    def _subject(self) -> Mention | None:
        """The previous sentence's subject (else the text's topic) as a model mention."""
        return self.referent_mention()

    def unrecorded_columns(self) -> None:
        """A table row's cells under a power-draw or emissions header ("Power (W)", "Emissions (tCO2eq)"):
        no source records either, so their figures are no claim; nor the cells under an evaluation setting's header
        ("# Shots"), nor any cell of a training-data mix table (`patterns.DATA_SOURCE_COLUMN`, `DATA_MIX_COLUMN`:
        its rows are data sources, not models)."""
        spans = cell_spans(self.sentence, self.ctx.cells or [])
        if spans and self._data_mix(spans):
            self.used.update(id(q) for q in self.quantities)
            self.used.update(id(d) for d in self.dates)
            return
        if self.ctx.row and self._architecture_row(spans):
            self.used.update(id(q) for q in self.quantities)
            return
        for header, a, b in spans:
            if UNRECORDED_COLUMN.search(header) or SETTING_COLUMN.search(header) or column_kind(header) == "architecture":
                self.used.update(id(q) for q in self.quantities if a <= q.start and q.end <= b)

    def _architecture_row(self, spans: list[tuple[str, int, int]]) -> bool:
        """Is a table row labelled by an architecture hyperparameter ("| Hidden size | 4096 |", "| Layers | 32 | 40 |",
        with or without a header row) or by a measure no source records ("| Output tokens per second | N |",
        `patterns.UNRECORDED_COLUMN`)? Its figures are no claim (`patterns.column_kind`)."""
        a, b = (spans[0][1], spans[0][2]) if spans else (0, self.sentence.find(";"))
        if a != 0 or b <= 0 or any(a <= m.start < b for m in list(self.models) + list(self.series)):
            return False
        label = self.sentence[a:b]
        return column_kind(label) == "architecture" or UNRECORDED_COLUMN.search(label) is not None

    def _data_mix(self, spans: list[tuple[str, int, int]]) -> bool:
        """Is the row one of a training-data mix table (its first column names data sources; or a column holds a
        mix's measure and the row's first cell names no model)? Never when a column is headed by a model: then the
        rows are what the models are measured on ("Datasets | <model> | <model>")."""
        if self.binder.columns or any(table_header_model(self.lex, self.ctx, h) is not None for h, _, _ in spans[1:]):
            return False
        first, a, b = spans[0]
        if DATA_SOURCE_COLUMN.match(first):
            return True
        return any(DATA_MIX_COLUMN.search(h) for h, _, _ in spans) and \
            not any(a <= m.start < b for m in list(self.models) + list(self.series))

    def explainer(self) -> None:
        """"A 4K context window holds about N pages": a sentence that names no model, series, benchmark,
        provider or repository, refers to none, and states a capacity with an indefinite article explains
        what such a capacity means. Its figures are no claim."""
        if self.models or self.series or [o for o in self.others if o.type != "catalogue"] or \
                REFERENCE.search(self.sentence):
            return
        generic = [c for c in self.claims if c.kind in ("context_window", "output_limit") and not c.entities
                   and GENERIC_CAPACITY_BEFORE.search(self.sentence[:c.start])]
        if not generic:
            return
        for c in generic:
            self.claims.remove(c)
        for q in self.free():
            self.used.add(id(q))

    def unasserted(self) -> None:
        """A figure the sentence negates ("X doesn't have N parameters", ", not N"), describes as a
        hypothesis or a misreading ("if it were N", "a common misconception is that ... N") or gives per part
        ("8 experts with N parameters each") is not asserted of the model: its claim keeps its kind and gets
        no verdict from the data (`patterns.unasserted`)."""
        for c in self.claims:
            if c.verdict == "unreadable" or not c.figures:
                continue
            why = unasserted(self.sentence, min(a for a, _ in c.figures), max(b for _, b in c.figures))
            if why is not None:
                c.params["unasserted"] = why

    def leftovers(self) -> None:
        """Figures no extractor took: one `other` claim per run of figures in one clause (none in a
        heading: a title's untyped figure, "(models above 50B)", names its section)."""
        if self.ctx.heading:
            return
        run: list[Quantity] = []
        for q in self.free():
            if ARITHMETIC.search(self.sentence[max(0, q.start - 4):q.start]) or \
                    ARITHMETIC_AFTER.match(self.sentence[q.end:]) or DOCUMENT_SIZE_AFTER.match(self.sentence[q.end:]):
                continue  # an operand or result of a worked sum ("N tokens × $P/M = $R"): no claim
            if price_unit_count(self.sentence, q.start):
                continue  # "1M input tokens (cache hit) | $A": the unit a price is per
            if unasserted(self.sentence, q.start, q.end) == "other models":
                continue  # "compared to NB and MB models": a size of the class compared with, no `other`
            if ownerless_multiplier(self.sentence, q.start, q.end,
                                    [(m.start, m.end) for m in self.models] + [(x.start, x.end) for x in self.series]):
                continue  # "The 40x price spread", "paying 12x more": a multiple comparing nothing, no `other`
            if run and (re.search(r"[;,:]\s|\band\b|\bbut\b|\bwhile\b", self.sentence[run[-1].end:q.start]) or
                        not run_continues(self.sentence, run[0].start, run[-1].end, q.start)):
                self._other(run)
                run = []
            run.append(q)
        if run:
            self._other(run)

    def _other(self, run: list[Quantity]) -> None:
        end = run[-1].end
        unit = re.match(r"\s+of\s+[A-Za-z]+(?:\s+[A-Za-z]+)?|\s*[A-Za-z]+", self.sentence[end:])
        end += unit.end() if unit else 0
        why = {"why": WORKLOAD_WHY} if any(id(q) in self.workload for q in run) else {}
        self.add(run[0].start, end, "other", [self.model_for(run[0].start, run[-1].end)] if self.models else [], run,
                 **why)
