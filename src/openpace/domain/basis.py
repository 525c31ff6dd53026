"""Score basis: who measured a score, as explicit rules (data, no I/O).

Every score row is `independent` (an evaluator that is not the model's developer: Epoch AI's own
runs, Stanford HELM, LMArena, Scale's leaderboards, Aider, LiveBench, Artificial Analysis, ARC
Prize, a benchmark's own leaderboard) or `self_reported` (a developer's paper, technical report,
model card, blog or own Hub page). A row no rule covers is `unknown`: it is left out of both
bases and counted only under `any` (which is labelled `mixed`). Scores are comparable like with
like: parity, gaps and prices-at-a-score use one basis at a time (docs/parity.md).

The rules are read top to bottom; the first that matches a row decides. A rule matches when its
`source` equals the row's source, its `benchmark` pattern (if any) matches the whole benchmark
name, and its `pattern` (if any) is found in the named provenance `field` of the row (fields:
`file` - the source file the row came from; `Source` and `Source link` - the columns of Epoch's
external benchmark tables; `notes` - Epoch trends' per-benchmark notes column; `url` - the
`source` URL of a models.dev benchmark claim). Patterns are case-insensitive regular expressions.

A developer's paper also reports other labs' models as baselines (the Qwen technical report
scores Llama 2). Those rows are counted `self_reported` too: they were measured by *a* model
developer, under its own harness, and promoting them to `independent` would need a paper-to-lab
table. The independent basis therefore holds only evaluators whose job is evaluation.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

INDEPENDENT = "independent"
SELF_REPORTED = "self_reported"
UNKNOWN = "unknown"
MIXED = "mixed"  # the label of a result that mixes bases (`--basis any`)
BASES = (INDEPENDENT, SELF_REPORTED)
CHOICES = (INDEPENDENT, SELF_REPORTED, "any")  # what `--basis` accepts
MIN_MODELS_PER_SIDE = 3  # a basis is used only with at least this many open and closed models


@dataclass(frozen=True)
class BasisRule:
    """One rule: rows of `source` (and `benchmark`, and `pattern` found in `field`) have `basis`."""

    name: str
    basis: str
    source: str
    why: str
    benchmark: str = ""  # regex, full match on the benchmark name; "" = any benchmark
    field: str = ""  # provenance field searched by `pattern`
    pattern: str = ""  # regex searched in the field; "" = no condition
    evaluator: str = ""  # who ran an independent evaluation; "" = named from the field (evaluator_of)
    first_hand: bool = True  # False: the source repeats others' figures without saying whose (see `authority`)

    def matches(self, source: str, benchmark: str, fields: dict[str, str]) -> bool:
        if source != self.source:
            return False
        if self.benchmark and not re.fullmatch(self.benchmark, benchmark, re.IGNORECASE):
            return False
        if self.pattern and not re.search(self.pattern, fields.get(self.field, ""), re.IGNORECASE):
            return False
        return True


# Evaluators' leaderboards and benchmark authors' own result pages, as Epoch names them in the
# `Source` column of its external tables.
LEADERBOARD_WORDS = r"leaderboard|dashboard|website|\bhelm\b|crfm|github repository|experiment results|release notes|^METR\b"
# Papers that introduce a benchmark and evaluate other labs' models on it (not a model's paper).
BENCHMARK_PAPERS = r"^Adversarial NLI:|^CommonsenseQA 2\.0:|^OSUniverse Paper$"
# models.dev claims: evaluators' pages (OpenRouter's /benchmarks pages show Artificial Analysis' runs)
EVALUATOR_URLS = (r"^https?://([a-z0-9-]+\.)*(artificialanalysis\.ai|aider\.chat|labs\.scale\.com|swebench\.com)/"
                  r"|^https?://openrouter\.ai/[^/]+/[^/]+/benchmarks")
# models.dev claims: a developer's own pages (its Hub repo, its paper, its site or console)
DEVELOPER_URLS = (r"^https?://(huggingface\.co|arxiv\.org|([a-z0-9-]+\.)*(anthropic\.com|mistral\.ai|openai\.com|"
                  r"sakana\.ai|deepmind\.google|blog\.google|x\.ai|qwenlm\.github\.io|deepseek\.com|moonshot\.ai|z\.ai))/")

RULES: tuple[BasisRule, ...] = (
    # Epoch AI's benchmarking hub
    BasisRule("epoch-run", INDEPENDENT, "epoch_benchmarks", "Epoch AI ran the evaluation itself",
              field="file", pattern=r"benchmarks_runs\.csv", evaluator="Epoch AI"),
    BasisRule("epoch-external-leaderboard", INDEPENDENT, "epoch_benchmarks",
              "an evaluator's leaderboard or a benchmark's own results page (Epoch's Source column)",
              field="Source", pattern=LEADERBOARD_WORDS),
    BasisRule("epoch-external-benchmark-paper", INDEPENDENT, "epoch_benchmarks",
              "the benchmark's own paper evaluating other labs' models", field="Source", pattern=BENCHMARK_PAPERS),
    BasisRule("epoch-external-paper", SELF_REPORTED, "epoch_benchmarks",
              "a model developer's paper, technical report or model card (Epoch's Source column)",
              field="Source", pattern=r"\S"),
    # Epoch's open-model-trends tables
    BasisRule("trends-helm", INDEPENDENT, "epoch_trends", "Stanford HELM's runs", benchmark=r"HELM MMLU",
              evaluator="Stanford HELM"),
    BasisRule("trends-arena", INDEPENDENT, "epoch_trends", "LMSys Chatbot Arena votes", benchmark=r"Arena Elo",
              evaluator="LMArena"),
    BasisRule("trends-seal", INDEPENDENT, "epoch_trends", "Scale's SEAL leaderboards", benchmark=r"SEAL .*",
              evaluator="Scale AI SEAL"),
    BasisRule("trends-gsm1k", INDEPENDENT, "epoch_trends",
              "Scale's GSM1k study ran every model of that table on GSM8K and GSM1k", benchmark=r"GSM1k|GSM8K",
              evaluator="Scale AI GSM1k study"),
    BasisRule("trends-epoch-evaluation", INDEPENDENT, "epoch_trends", "the notes say Epoch evaluated it",
              field="notes", pattern=r"epoch evaluation"),
    BasisRule("trends-third-party-note", INDEPENDENT, "epoch_trends",
              "the notes cite a third-party evaluation (Artificial Analysis, GPT-Fathom, HELM's leaderboard)",
              field="notes", pattern=r"artificialanalysis\.ai|GPT-Fathom|crfm\.stanford\.edu/helm"),
    BasisRule("trends-reported", SELF_REPORTED, "epoch_trends",
              "collected by Epoch from developers' reports (no evaluator named in the notes)",
              benchmark=r"MMLU|BBH|GPQA"),
    # LMArena's leaderboard tables
    BasisRule("arena-own", INDEPENDENT, "lmarena", "LMArena's own votes and judges",
              benchmark=r"Arena Elo|MT-bench|Arena-Hard-Auto", evaluator="LMArena"),
    BasisRule("arena-mmlu", SELF_REPORTED, "lmarena",
              "the leaderboard's MMLU column repeats developers' reported figures without citing them, and gives "
              "one figure to every dated snapshot of a model (its 2024-10-28 table scores two snapshots of one "
              "model alike)", benchmark=r"MMLU", first_hand=False),
    # models.dev canonical benchmark claims: by the claim's `source` URL
    BasisRule("models-dev-evaluator", INDEPENDENT, "models_dev", "an evaluator's page", field="url",
              pattern=EVALUATOR_URLS),
    BasisRule("models-dev-developer", SELF_REPORTED, "models_dev",
              "the developer's own Hub repo, paper, site or console", field="url", pattern=DEVELOPER_URLS),
)

RAW_FIELDS = {"Source": "Source", "Source link": "Source link", "notes": "notes", "source": "url"}

# One evaluator under several spellings across the sources (Epoch's `Source` column, models.dev claim
# URLs, Epoch trends' notes): the first pattern found in the text a rule matched names it. Text no
# pattern covers is its own evaluator (each leaderboard Epoch names runs its own harness).
EVALUATOR_NAMES: tuple[tuple[str, str], ...] = (
    ("Epoch AI", r"benchmarks_runs\.csv|epoch evaluation"),
    ("Stanford HELM", r"\bhelm\b|crfm"),  # Epoch writes "Stanford HELM", "Standford HELM", "Stanford CRFM Leaderboard"
    ("Artificial Analysis", r"artificialanalysis\.ai|openrouter\.ai/[^/]+/[^/]+/benchmarks"),
    ("Aider", r"aider"),
    ("Scale AI SEAL", r"labs\.scale\.com"),
    ("SWE-bench leaderboard", r"swebench\.com"),
    ("TheAgentCompany", r"theagentcompany"),
    ("Factorio Learning Environment", r"^FLE\b|factorio"),
    ("GPT-Fathom", r"gpt-fathom"),
)


def provenance_fields(origin: str | None, raw: str | dict | None) -> dict[str, str]:
    """The fields the rules read, from a score row's `origin` and `raw` JSON."""
    fields = {"file": (origin or "").replace("\\", "/")}
    if isinstance(raw, str) and raw:
        try:
            raw = json.loads(raw)
        except ValueError:
            raw = None
    if isinstance(raw, dict):
        for key, field in RAW_FIELDS.items():
            value = raw.get(key)
            if isinstance(value, str) and value.strip():
                fields[field] = value.strip()
    return fields


def rule_for(source: str, benchmark: str, origin: str | None, raw: str | dict | None) -> BasisRule | None:
    """The first rule matching the row, or None (basis unknown)."""
    fields = provenance_fields(origin, raw)
    return next((r for r in RULES if r.matches(source, benchmark, fields)), None)


@lru_cache(maxsize=65536)
def _cached(source: str, benchmark: str, origin: str | None, raw: str | None) -> str:
    rule = rule_for(source, benchmark, origin, raw)
    return rule.basis if rule else UNKNOWN


def score_basis(source: str, benchmark: str, origin: str | None, raw: str | None) -> str:
    """`independent`, `self_reported` or `unknown` for one score row (by RULES)."""
    return _cached(source, benchmark, origin, raw)


@lru_cache(maxsize=65536)
def evaluator_of(source: str, benchmark: str, origin: str | None, raw: str | None) -> str | None:
    """Who ran an independent row's evaluation (None for any other row): the rule's own evaluator,
    else EVALUATOR_NAMES over the text the rule matched, else that text (a URL: its host). One
    comparison uses one evaluator, so two harnesses never meet in a gap (docs/parity.md)."""
    rule = rule_for(source, benchmark, origin, raw)
    if rule is None or rule.basis != INDEPENDENT:
        return None
    if rule.evaluator:
        return rule.evaluator
    text = provenance_fields(origin, raw).get(rule.field, "")
    named = next((name for name, pattern in EVALUATOR_NAMES if re.search(pattern, text, re.IGNORECASE)), None)
    if named:
        return named
    host = re.match(r"https?://(?:www\.)?([^/]+)", text)
    return host.group(1) if host else text


def label(choice: str) -> str:
    """How a basis choice is shown: `any` mixes bases and says so."""
    return MIXED if choice == "any" else choice


# How much a score row weighs in the claim checker's evidence rule (docs/claims.md "Evidence").
AUTHORITATIVE = "authoritative"  # the row says who measured it (a basis rule matched) and is not marked low trust
SECONDARY = "secondary"  # an uncited copy (a rule with first_hand=False) or a row no basis rule covers
# Epoch's trends table marks some models' results low trust (trust = -1): its notes doubt the model's results
# (worse on GSM1k than on GSM8k, a large MMLU-GPQA gap), not the record of the figure
LOW_TRUST = "low_trust"
# a secondary or low-trust row supports a claim against a disagreeing authoritative row only when rows of
# at least this many sources agree (never alone)
CORROBORATING_SOURCES = 2


def authority(source: str, benchmark: str, origin: str | None, raw: str | None, trust: int | None) -> str:
    """`authoritative`, `secondary` or `low_trust` for one score row: a row whose source says who measured
    it decides first; an uncited copy or a row of unknown basis decides only when no such row exists; a
    row its own source marks low trust never decides alone."""
    if trust == -1:
        return LOW_TRUST
    return AUTHORITATIVE if _first_hand(source, benchmark, origin, raw) else SECONDARY


@lru_cache(maxsize=65536)
def _first_hand(source: str, benchmark: str, origin: str | None, raw: str | None) -> bool:
    rule = rule_for(source, benchmark, origin, raw)
    return rule is not None and rule.first_hand
