"""Explicit name rules: turn a model name as a source spells it into a canonical key (the one
model-name normaliser: identity, prices, parity and the claim checker all use it).

Every rule here has a name (the `RULE_*` constants) that is recorded with each alias, and is
documented with examples in docs/identity.md. The rules are deliberately few and literal: a name
either reduces to the same key as another name, or the two stay apart. There is no fuzzy matching,
so false friends (gpt-4 / gpt-4o / gpt-4-turbo / gpt-4o-mini) can never be merged by a score.

The canonical key is built from parts, always in the same order:

    <name tokens>-<size tags>[-base|-instruct][-<snapshot>]

`family` is the key without variant and snapshot: `llama-3.1-405b` is the family of
`llama-3.1-405b-instruct`, `llama-3.1-405b-base` and `llama-3.1-405b` (the model as a source names
it without saying base or instruct).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache

from .dates import MONTHS

# Rule names, recorded in model_aliases.rule: every rule that changed the name, `+`-joined, in the
# order they fired (`exact` when none did).
RULE_EXACT = "exact"  # the lowercased name is already the canonical key
RULE_PREFIX = "org-prefix"  # `meta-llama/`, `together_ai/…/`, `Anthropic: `, `hf:`, `us.anthropic.`
RULE_TIER = "serving-tier"  # `:free`, `:beta`, `(free)`, `Instruct Turbo`, `-maas`, Bedrock `-v1:0`
RULE_PRECISION = "precision"  # `-fp8`, `-bf16`, `-awq`, `q4_K_M`
RULE_SEPARATORS = "separators"  # case, spaces, `_`, `-`, `llama3` -> `llama 3`, `3-5` -> `3.5`
RULE_VARIANT = "variant"  # `Instruct`, `-chat`, `-it`, `Base`, `(base)`
RULE_SNAPSHOT = "snapshot"  # `20240620`, `2024-05-13`, `0613`, `(May 2024)`, `@001`
RULE_ORG_WORD = "org-word"  # `Meta-Llama-3.1` -> `llama-3.1`
RULE_SNAPSHOT_LINK = "snapshot-link"  # `GPT-4o (May 2024)` -> the one May-2024 dated snapshot
RULE_HUB_BASE = "hub-base"  # a Hub repo name without suffix, whose `-Instruct` sibling is a Hub repo too
RULE_SOURCE_KEY = "source-key"  # the source's own keys for the name all say one more specific model
RULE_POINT_VERSION = "point-version"  # `v3p1`, `2p5` -> `v3.1` / `3.1`, when another source's name says which
RULE_WORD_SPLIT = "word-split"  # `open_llama` = `OpenLLaMA`, `Code Llama` = `CodeLlama`: the same letters, other word breaks
RULE_VENDOR_WORD = "vendor-word"  # `open-<model>`: a vendor's id for a model its own record names without the word
RULE_SETTING = "setting"  # `(high)`, `_low`, `(32k thinking)`, `(no thinking)`: an inference setting

# Tiers a router appends after a colon (OpenRouter `:free`, `:beta`, `:nitro`, ...): same weights.
COLON_TIERS = ("free", "beta", "nitro", "floor", "extended", "online", "exacto")
# Precision/quantisation suffixes: the same model served at another numeric precision.
PRECISION = re.compile(
    r"(?:^|(?<=[-_.: (]))(?:fp8|fp16|fp4|bf16|nvfp4|mxfp4|int4|int8|awq|gptq|gguf|mlx|\d+bit|w\d+a\d+|"
    r"q[2-8](?:_k(?:_[sml])?|_[01])?)(?:[-_]dynamic)?(?=$|[-_.: )])",
    re.IGNORECASE,
)
# A leading `vendor.` (AWS Bedrock, OCI: `meta.llama3-1-405b-instruct-v1:0`, `us.anthropic.…`).
DOTTED_VENDOR = re.compile(r"^(?:[a-z][a-z_-]*\.)+(?=[a-z])")
# `3-5` / `3_1` between a name and a separator is a dotted version (`claude-3-5-sonnet`,
# `llama3-1-405b`); never when a digit or letter follows (`qwen-2-7b`) or after a space (`GPT-4 (8-shot)`).
HYPHEN_VERSION = re.compile(r"(?:(?<=[a-z])|(?<=[a-z][-_]))(\d)[-_](\d)(?=$|[-_ ])")
REPLICATE_HASH = re.compile(r":[0-9a-f]{16,}$")
FIREWORKS_PATH = re.compile(r"(?:^|/)accounts/[^/]+/models/")
BEDROCK_REVISION = re.compile(r"-v?\d+:(\d+)$")  # `-v1:0`; OpenAI's models on Bedrock: `-1:0`
COLON_TIER = re.compile(r":(?:" + "|".join(COLON_TIERS) + r")$")
PAREN_TIER = re.compile(r"\s*\((?:free|beta)\)")
DOT_BETWEEN_LETTERS = re.compile(r"(?<=[a-z])\.(?=[a-z])")
DIGIT = re.compile(r"\d")
DISPLAY_ORG = re.compile(r"^[^:/()]{1,40}:\s+")  # "Anthropic: Claude 3.5 Sonnet", "Meta: Llama 3.1 405B"
# Organisation words that some sources put in front of a model name (`Meta-Llama-3.1`,
# `Google Gemma 2`). Dropped only before the family word listed, so `mistral` (both an org and a
# family) is never dropped.
ORG_WORDS = {"meta": {"llama"}, "google": {"gemma", "gemini"}, "microsoft": {"phi"}, "amazon": {"nova", "titan"},
             "openai": {"gpt", "o1", "o3", "o4"}, "anthropic": {"claude"}, "nvidia": {"nemotron"}}

YEAR = re.compile(r"20\d\d")
TWO_DIGITS = re.compile(r"\d\d")
MONTH_2 = re.compile(r"0[1-9]|1[0-2]")
SHORT_SNAPSHOT = re.compile(r"\d{4}|\d{6}")
VERTEX_SNAPSHOT = re.compile(r"00\d")
GLUED_VERSION = re.compile(r"^([a-z]{2,})(\d+(?:\.\d+)*)$")
REVISION = re.compile(r"v\d+(?:\.\d+)+")  # v0.1, v0.2, v1.5
SIZE = re.compile(r"^(?:a?\d+(?:\.\d+)?[bmkt]|\d+x\d+(?:\.\d+)?b)$")  # 405b, 8x22b, a22b, 1.5b
INSTRUCT_WORDS = {"instruct", "instruction"}
# `chat` / `it` mean the instruction-tuned variant only right after a size (`llama-2-70b-chat`,
# `gemma-2-9b-it`); `deepseek-chat` and `gpt-5-chat` keep `chat` as part of their name. `ins` / `inst`,
# `instruct` cut short, likewise after a size or context tag (`<family>-8B-Ins`, `<family>-mini-4K-Inst`).
AFTER_SIZE_INSTRUCT = {"chat", "it", "ins", "inst"}
# A serving tier right after `instruct` or a size (`Llama 3.1 405B Instruct Turbo` on Together is
# the instruct weights served at fp8; `-lite` is an int4 serving; Groq's `-versatile` and
# `-specdec` (speculative decoding) name how it serves the same weights). `gpt-4-turbo`, `gpt-3.5-turbo`
# and `qwen-turbo` keep `turbo`: there it follows a name or version, not a size or `instruct`.
SERVING_AFTER = {"turbo", "lite", "versatile", "specdec"}
# Hosting words that name no distinct weights (Vertex `-maas`, the Hub's `-hf` conversions).
# `latest` is kept: a moving pointer (`claude-3-opus-latest`, `mistral-large-latest`) is not the
# release a score was measured on.
DROP_WORDS = {"maas", "hf"}
# A moving pointer: the name follows whatever release its owner points it at, so it has no fixed
# release date or weights (models.moving; time-series metrics leave it out).
MOVING_WORDS = {"latest"}
# Inference-time settings: a reasoning effort or a thinking budget chosen when the model is called,
# not other weights. Only in the spellings that cannot be part of a model's name: a whole
# parenthesised effort (`GPT-5 (high)`, `o3-preview (Low)*`), an `_effort` at the very end
# (`gpt-5.1_high`, Epoch's run keys), a `<N>k thinking` budget inside parentheses
# (`Claude Sonnet 4.5 (32k thinking)`, `(Jun 2025, 16k thinking)`) and `(no thinking)`.
# `medium` is also a size word (`Pointer Sentinel-LSTM (medium)`): identity keeps it a setting only
# when another effort of the same family exists (build.resolve_aliases, `demote_lone_medium`).
# `Mistral Medium`, `Phi-3-medium` and a bare `thinking` (`kimi-k2-thinking`, Qwen3's `-Thinking-2507`
# are their own weights) stay part of the name.
EFFORTS = "minimal|low|medium|high|xhigh"
PAREN_EFFORT = re.compile(r"\s*\((" + EFFORTS + r")\)\*?(?=$|\s*\()")  # last, or before a host
TAIL_EFFORT = re.compile(r"_(" + EFFORTS + r")$")
THINKING_BUDGET = re.compile(r"(?<=[(,\s])(\d+k)\s+thinking\s*(?=\))")
NO_THINKING = re.compile(r"\s*\(no[-\s]thinking\)")
NO_THINKING_SETTING = "no-thinking"  # the setting of a run without extended thinking (`(no thinking)`)


@dataclass
class ParsedName:
    """A name taken apart by the rules. `key` is the canonical model key."""

    name: str
    tokens: list[str]
    sizes: list[str]
    variant: str | None  # "base" | "instruct" | None (the name does not say)
    snapshot: str | None  # "2024-06-20", "2024-05", "0613", "001"
    org_hint: str | None  # the organisation the name itself carries (`meta-llama/...`)
    rules: list[str] = field(default_factory=list)
    setting: str | None = None  # "high", "thinking-32k", "no-thinking": an inference setting

    @property
    def moving(self) -> bool:
        """The name is a moving pointer (`mistral-medium-latest`, `Mistral Medium (latest)`); a dated
        one (`ChatGPT-4o-latest (2024-08-08)`, LMArena) names the release it pointed at then."""
        return self.snapshot is None and any(t in MOVING_WORDS for t in self.tokens)

    @cached_property
    def family(self) -> str:
        return "-".join(self.tokens + self.sizes)

    @cached_property
    def base_key(self) -> str:
        """The key without the inference setting: the model the setting is applied to."""
        return "-".join(p for p in (self.family, self.variant, self.snapshot) if p)

    @cached_property
    def key(self) -> str:
        return "-".join(p for p in (self.base_key, self.setting) if p)

    @property
    def rule(self) -> str:
        """The label recorded in model_aliases.rule: the rules that changed the name, in order."""
        return "+".join(self.rules) if self.rules else RULE_EXACT


def _add(rules: list[str], rule: str) -> None:
    if rule not in rules:
        rules.append(rule)


def strip_prefixes(name: str, rules: list[str]) -> tuple[str, str | None]:
    """Drop host/organisation prefixes; return the bare name and the organisation it named."""
    text = name.strip()
    org = None
    match = DISPLAY_ORG.match(text)
    if match:
        org = match.group(0).rstrip(": \t").strip()
        text = text[match.end():]
        _add(rules, RULE_PREFIX)
    if text.lower().startswith("hf:"):
        text = text[3:]
        _add(rules, RULE_PREFIX)
    text = text.lstrip("~")  # OpenRouter's `~anthropic/...` pointer ids
    text = FIREWORKS_PATH.sub("/", text)  # Fireworks' `accounts/fireworks/models/`
    # a path (`org/model`, `host/org/model`), never a display name with a slash (`GLaM (MoE) 8B/64E`)
    # nor a name whose slash carries a number (`ViT-G/14`, `DiT-XL/2`: patch size, not an org)
    if "/" in text and " " not in text.rsplit("/", 1)[0] and not SLASH_NUMBER.search(text):
        segments = [s for s in text.split("/") if s]
        if len(segments) > 1:
            org = segments[-2]
            text = segments[-1]
            _add(rules, RULE_PREFIX)
    lowered = text.lower()
    match = DOTTED_VENDOR.match(lowered)
    if match and " " not in lowered:
        vendor = match.group(0).rstrip(".").split(".")[-1]
        org = org or vendor
        text = text[match.end():]
        _add(rules, RULE_PREFIX)
    return text, org


SLASH_NUMBER = re.compile(r"/\d[^/]*$")  # the last part is a number: `ViT-G/14`, `DiT-XL/2`, `ViT-L/14@336px`


def strip_tiers_and_precision(text: str, rules: list[str]) -> str:
    """Drop router tiers (`:free`), Bedrock revisions (`-v1:0`), hashes and precision suffixes."""
    lowered = text.lower()
    stripped = REPLICATE_HASH.sub("", lowered)
    revision = BEDROCK_REVISION.search(stripped)
    if revision:
        # Bedrock's `-v1:0` is the API revision when the name carries its own version
        # (`llama3-1-405b-instruct-v1:0`) or is the first revision; `claude-v2:1` *is* Claude 2.1's
        # only version, so it is kept (as `claude-v2.1`) rather than collapse to `claude`.
        rest = stripped[:revision.start()]
        if DIGIT.search(rest) or revision.group(1) == "0":
            stripped = rest
        else:
            stripped = rest + revision.group(0).replace(":", ".")
    while True:
        tier = COLON_TIER.search(stripped)
        if not tier:
            break
        stripped = stripped[:tier.start()]
    paren_tier = PAREN_TIER.sub("", stripped)
    if stripped != lowered or paren_tier != stripped:
        _add(rules, RULE_TIER)
    quantised = PRECISION.sub("", paren_tier)
    if quantised != paren_tier:
        _add(rules, RULE_PRECISION)
    return quantised


def take_setting(text: str, rules: list[str]) -> tuple[str, str | None]:
    """Remove a reasoning effort or thinking budget (see EFFORTS) and return it as the setting."""
    setting = None
    for pattern, label in ((PAREN_EFFORT, None), (TAIL_EFFORT, None), (THINKING_BUDGET, "thinking-"),
                           (NO_THINKING, None)):
        match = pattern.search(text)
        if match:
            setting = NO_THINKING_SETTING if pattern is NO_THINKING else (label or "") + match.group(1)
            text = text[:match.start()] + text[match.end():]
            _add(rules, RULE_SETTING)
            break
    return text, setting


def without_setting(parsed: ParsedName) -> ParsedName:
    """The parse with its setting read back as a plain name word (`(medium)` as a size word)."""
    return ParsedName(name=parsed.name, tokens=[*parsed.tokens, parsed.setting or ""], sizes=parsed.sizes,
                      variant=parsed.variant, snapshot=parsed.snapshot, org_hint=parsed.org_hint,
                      rules=[r for r in parsed.rules if r != RULE_SETTING] or [RULE_SEPARATORS], setting=None)


def tokenize(text: str) -> list[str]:
    """Split on spaces, `_`, `-`, `:`, `@`, parentheses and dots that sit between letters."""
    text = DOT_BETWEEN_LETTERS.sub(" ", text)
    raw = [t for t in re.split(r"[\s_\-:@(),/+]+", text) if t]
    tokens: list[str] = []
    for token in raw:
        token = token.strip(".")
        if not token:
            continue
        # `llama3.1` -> `llama 3.1`, `qwen2` -> `qwen 2`; but `o1`, `r1`, `v0.1`, `k2`, `a22b`,
        # `r7b` keep their single letter (the letter is part of the version's name).
        match = GLUED_VERSION.match(token)
        if match and not SIZE.match(token):
            tokens.extend([match.group(1), match.group(2)])
        else:
            tokens.append(token)
    return tokens


def _is_date(y: str, m: str, d: str) -> bool:
    return (len(y) == 4 and y.startswith("20") and m.isdigit() and d.isdigit() and len(m) <= 2 and len(d) <= 2
            and 1 <= int(m) <= 12 and 1 <= int(d) <= 31)


def take_snapshot(tokens: list[str], rules: list[str]) -> tuple[list[str], str | None]:
    """Find a dated snapshot and remove it from the tokens (the last one found wins)."""
    snapshot = None
    out: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1:i + 3]
        if len(t) == 8 and t.isdigit() and _is_date(t[:4], t[4:6], t[6:]):  # 20240620
            snapshot = f"{t[:4]}-{t[4:6]}-{t[6:]}"
            i += 1
        elif len(nxt) == 2 and t.isdigit() and _is_date(t, nxt[0], nxt[1]):  # 2024 05 13
            snapshot = f"{t}-{int(nxt[0]):02d}-{int(nxt[1]):02d}"
            i += 3
        elif len(nxt) == 2 and t.isdigit() and len(t) == 2 and _is_date(nxt[1], t, nxt[0]):  # 11 25 2024
            snapshot = f"{nxt[1]}-{t}-{nxt[0]}"
            i += 3
        elif t in MONTHS and tokens[i + 1:i + 2] and YEAR.fullmatch(tokens[i + 1]):
            snapshot = f"{tokens[i + 1]}-{MONTHS[t]:02d}"  # (May 2024), (April 2024)
            i += 2
        elif out and len(nxt) == 1 and MONTH_2.fullmatch(t) and YEAR.fullmatch(nxt[0]):
            snapshot = f"{nxt[0]}-{t}"  # `-02-2025` at the end (Cohere)
            i += 2
        elif out and SHORT_SNAPSHOT.fullmatch(t):  # 0613, 2407, 260428
            snapshot = t
            i += 1
        elif out and len(nxt) >= 1 and TWO_DIGITS.fullmatch(t) and TWO_DIGITS.fullmatch(nxt[0]) \
                and i + 2 == len(tokens) and 1 <= int(t) <= 12 and 1 <= int(nxt[0]) <= 31:  # exp-02-05 at the end
            snapshot = f"{t}-{nxt[0]}"
            i += 2
        elif out and VERTEX_SNAPSHOT.fullmatch(t) and i + 1 == len(tokens):  # Vertex `@001`
            snapshot = t
            i += 1
        elif out and REVISION.fullmatch(t) and i + 1 == len(tokens) and any(SIZE.match(o) for o in out):
            # a release revision after the size (`Mixtral-8x7B-Instruct-v0.1`, `Mistral-7B-Instruct-v0.2`)
            # is a snapshot of the sized model: `claude-v2.1`, with no size, keeps it as its version
            snapshot = t
            i += 1
        else:
            out.append(t)
            i += 1
    if snapshot:
        _add(rules, RULE_SNAPSHOT)
    return out, snapshot


def take_variant(tokens: list[str], rules: list[str]) -> tuple[list[str], str | None]:
    """Remove base/instruct markers and the serving tiers that follow them."""
    variant = None
    out: list[str] = []
    for i, t in enumerate(tokens):
        prev = out[-1] if out else ""
        after_size = bool(prev) and SIZE.match(prev) is not None
        if t in INSTRUCT_WORDS or (t in AFTER_SIZE_INSTRUCT and after_size and i > 0):
            variant = "instruct"
            _add(rules, RULE_VARIANT)
        elif t == "base" and i > 0:
            variant = "base"
            _add(rules, RULE_VARIANT)
        elif t in SERVING_AFTER and (variant == "instruct" and (not out or prev == out[-1]) and _follows_variant(tokens, i)
                                     or SIZE.match(prev or "") is not None):
            _add(rules, RULE_TIER)
        elif t in DROP_WORDS and i > 0:
            _add(rules, RULE_TIER)
        else:
            out.append(t)
    return out, variant


def _follows_variant(tokens: list[str], i: int) -> bool:
    return i > 0 and (tokens[i - 1] in INSTRUCT_WORDS or tokens[i - 1] in AFTER_SIZE_INSTRUCT)


def drop_org_words(tokens: list[str], org: str | None, rules: list[str]) -> tuple[list[str], str | None]:
    if len(tokens) > 1 and tokens[0] in ORG_WORDS and any(tokens[1].startswith(w) for w in ORG_WORDS[tokens[0]]):
        _add(rules, RULE_ORG_WORD)
        return tokens[1:], org or tokens[0]
    return tokens, org


@lru_cache(maxsize=200_000)
def parse_name(name: str) -> ParsedName:
    """Apply every rule, in a fixed order, to one name (cached: treat the result as read-only)."""
    rules: list[str] = []
    text, org = strip_prefixes(name, rules)
    text = strip_tiers_and_precision(text, rules)
    text, setting = take_setting(text, rules)
    joined = HYPHEN_VERSION.sub(r"\1.\2", text)
    if joined != text:
        _add(rules, RULE_SEPARATORS)
    tokens = tokenize(joined)
    if "-".join(tokens) != joined:
        _add(rules, RULE_SEPARATORS)
    tokens, snapshot = take_snapshot(tokens, rules)
    tokens, org = drop_org_words(tokens, org, rules)
    tokens, variant = take_variant(tokens, rules)
    names = [t for t in tokens if not SIZE.match(t)]
    sizes = [t for t in tokens if SIZE.match(t)]
    if not names:
        # nothing but a size, a date or a marker (`405B`, `2024-05-13`, `Instruct`): keep the whole
        # name as its own key rather than produce an empty family
        return ParsedName(name=name, tokens=tokenize(name.strip().lower()), sizes=[], variant=None, snapshot=None,
                          org_hint=None, rules=[RULE_SEPARATORS] if name.strip().lower() != name else [])
    if [*names, *sizes] != tokens:
        _add(rules, RULE_SEPARATORS)
    return ParsedName(name=name, tokens=names, sizes=sizes, variant=variant, snapshot=snapshot,
                      org_hint=org.lower() if org else None, rules=[r for r in rules if r != RULE_EXACT],
                      setting=setting)


def normalize(name: str) -> str:
    """The canonical key of a name: `meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo` ->
    `llama-3.1-405b-instruct`."""
    return parse_name(name).key


def model_key(name: str) -> str:
    """The canonical key of a model name (`normalize`)."""
    return parse_name(name).key


def joined_words(words: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """A name's words with each run of letter-only words written as one word: the form in which names that differ
    only in where their words break are equal (`open llama 7b` and `openllama 7b` -> `("openllama", "7b")`;
    `code llama 13b instruct` = `codellama 13b instruct`). A word holding a digit (a version, a size, a date) is never
    joined, so two names that differ in a size or version never meet (`llama 2 7b` stays apart from `llama 27b`)."""
    out: list[str] = []
    letters = False
    for w in words:
        if w.isalpha() and letters:
            out[-1] += w
        else:
            out.append(w)
        letters = w.isalpha()
    return tuple(out)


# Prose glues a version to a name (`GPT4o`, `Llama3`): a word of 2+ letters followed by a digit is two words.
_LETTERS_DIGIT = re.compile(r"(?<=[a-z]{2})(?=\d)")


def name_words(text: str) -> str:
    """The words of the canonical key, space-separated, for matching names in prose word by word:
    `claude-3-5-sonnet-20240620` -> `claude 3.5 sonnet 2024-06-20`, as does
    `Claude 3.5 Sonnet (2024-06-20)`. The rules of `normalize`; then a version glued to a name word
    is split off (`gpt4o` -> `gpt 4o`, as `gpt-4o` reads)."""
    parsed = parse_name(text)
    words = (*parsed.tokens, *parsed.sizes, parsed.variant, parsed.snapshot, parsed.setting)
    return _LETTERS_DIGIT.sub(" ", " ".join(p for p in words if p))


@lru_cache(maxsize=50_000)
def own_date(name: str) -> date | None:
    """The full date a dated snapshot's name carries (`x-2024-05-13`, `x-20240513` -> 2024-05-13), else
    None: an undated alias, or a stamp that is no full date (`0613`, `2407`: month-day or year-month).
    Such a name's weights, and its list price, are fixed at that release; an undated alias moves."""
    snapshot = parse_name(name).snapshot
    if snapshot is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", snapshot):
        return None
    try:
        return date.fromisoformat(snapshot)
    except ValueError:
        return None
