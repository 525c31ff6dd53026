"""Which canonical models a claim's name covers: the same model and variant (data and rules, no I/O).

Model identity (docs/identity.md) splits one model into canonical models that differ only by
`variant` (`base`, `instruct`, or none: a name that says neither, such as Epoch's "X 70B"), by a
dated `snapshot` (`x-2024-05-13`) and by a `setting` (a reasoning effort); all of them share a
`family`. A score of one of them is not a score of another: an instruct model's MMLU is not its
base model's, and one dated snapshot's is not another's. The claim checker reads a claim against the
rows of the canonical models this module says the claim covers:

- **a dated snapshot** (a name with a date stamp, "X-1022", "X 0513", "X (x-2025-04-14)") covers
  that snapshot only: never another snapshot, never the undated name (a moving alias that pointed at
  several snapshots in turn);
- **a variant the claim states** (in the name: "-Instruct", "-Chat", "-Inst."; or in its context: a
  table or section whose heading says pre-trained / base or instruct / chat, `variant_in_text`) covers
  that variant, plus the rows of the name that says no variant only when the family has no model of
  the stated variant (then they are its only reading; for a stated instruct variant, of an open-weights name
  in a family with no base model either, they may support the claim but never contradict it: the name
  without a suffix is, by the developers' convention, the pre-trained model — beside an "X-Base" it is the
  tuned model, and a closed model's name is the model it serves: their rows decide);
- **a name that states no variant and no snapshot** covers the name's own rows, its base model's and
  its instruct model's. The name without a suffix is, by the developers' convention, the pre-trained
  model ("Org-X-8B" beside "Org-X-8B-Instruct"), so its own and its base rows may support or contradict
  a claim; its instruct model's rows may support it (the text may mean it) but never contradict it
  (`support_only`): a claim that only another variant's figure disagrees with is unverifiable;
- a **release version** ("X-v0.1") is what the name without a version means when it is the only
  version of its variant in the family (one release: "X" is "X-v0.1"), or, among several ("X-v0.1",
  "X-v0.3"), the only one with a row of what the claim states (`measured`: "X" scored on a benchmark only
  v0.1 was scored on is v0.1); with several versions holding such rows the name names none of them. A
  name that writes its version covers that version only;
- a **dated snapshot** is what the name without a date means when it is the family's only dated snapshot of its
  variant and no member without a date has a row of what the claim states (`sole_snapshot`: every row the name
  could use is that snapshot's); with two or more dated snapshots the name names none of them (the text may mean
  any), and a row of the undated name itself is the name's own (no snapshot's is read beside it);
- a **setting** (a reasoning effort or thinking budget: rows named `<model>_high`, "<model> (medium)") is
  its own model when the claim names it; a name that names no setting covers the settings of every
  member it covers (each setting a run of the same weights: they may support or contradict, and when
  they disagree the sources disagree). A setting of a dated snapshot stays that snapshot's.

Facts of the **trained network** (`NETWORK_FACTS`: parameter counts, training tokens, GPU-hours, training compute,
training hardware) are not scores: an instruct or chat model is its base model's network tuned further, so the two
share them (`one_network`) — the instruct name reads its base model's rows and the plain name its instruct model's,
as a family name stands for its base model when base and instruct agree. Never prices, scores, limits or licences;
and only within one identity family: a vision or other multimodal model ("<X> Vision") adds parameters of its own
and is another family, never the text model's network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

BASE = "base"
INSTRUCT = "instruct"

# words that say which variant a table or a section is about ("pre-trained models", "Chat Model")
VARIANT_WORDS: dict[str, str] = {
    BASE: r"\bpre-?trained\b|\bbase\b|\bfoundation models?\b",
    INSTRUCT: r"\binstruct(?:ion)?(?:[- ]tuned)?\b|\bchat(?:bot)? models?\b|\bfine-?tuned models?\b"
              r"|\baligned models?\b|\bpost-?trained\b",
}


# a fine-tuned model named by a word after its base model's name ("<X> StoryWriter", "<X> Chat", "<X> Coder") or by
# a phrase around it ("the chat version of <X>", "<X>'s instruct model"): another model than <X>, often under another
# licence and with other attributes. When no source names it, the claim is about a model the data does not hold:
# unverifiable, never decided from <X>'s rows (claims.resolve reads these; the name a source spells, "<X>-Chat",
# is matched first as the longer name). "Base" names <X> itself and is no such word.
FINE_TUNED = (r"(?:chat|instruct(?:ion)?|it|sft|rlhf|dpo|story(?:writer)?|writer|code|coder|python|math|vision|vl|"
              r"guard|creative|roleplay|uncensored|assistant|summari[sz](?:e|ation)|fine-?tuned|distill(?:ed)?|reward)")
# the word right after a name, written as a name's word (a capital, or all capitals: "StoryWriter", "Chat", "SFT";
# a context suffix stays with it: "StoryWriter-65k+")
FINE_TUNED_AFTER = re.compile(rf"(?=[A-Z])(?i:{FINE_TUNED})(?:-\d+k\+?)?", re.ASCII)
# "the chat version of X", "an instruction-tuned variant of X" (before the name); "X's chat model" (after it)
FINE_TUNED_OF = re.compile(rf"\b(?:the|a|an|its|their)\s+(?P<word>{FINE_TUNED})(?:[- ]tuned)?\s+"
                           r"(?:version|variant|model|edition|release|checkpoint|flavou?r)s?\s+of\s+(?:the\s+)?$", re.I)
FINE_TUNED_POSSESSIVE = re.compile(rf"^(?:'s|’s)\s+(?P<word>{FINE_TUNED})(?:[- ]tuned)?\s+"
                                   r"(?:version|variant|model|edition|release|checkpoint|flavou?r)s?\b", re.I)


@dataclass(frozen=True)
class Variant:
    """A canonical model's place in its family (model identity's `models` columns)."""

    model_id: str
    family: str | None
    variant: str | None
    snapshot: str | None
    setting: str | None = None
    open_weights: bool | None = None  # None: not known


def variant_in_text(text: str) -> str | None:
    """The variant a heading or caption names ("Pre-trained models" -> base, "Chat Model" -> instruct);
    None when it names neither or both."""
    named = {v for v, pattern in VARIANT_WORDS.items() if re.search(pattern, text, re.IGNORECASE)}
    return named.pop() if len(named) == 1 else None


def covered(target: Variant, family: list[Variant], stated: str | None = None,
            measured: set[str] | None = None) -> list[Variant]:
    """The members of `family` (the target's family, the target included) a claim about `target`
    covers; `stated` is a variant the claim's context states (a heading), else the target's own;
    `measured`: the members holding a row of what the claim states (None: not known)."""
    want = stated or target.variant
    kin = [m for m in family if m.family == target.family
           and (m.setting == target.setting or (target.setting is None and m.setting is not None))
           and (m.snapshot == target.snapshot or (target.snapshot is None and (sole_version(m, family, measured)
                                                                                or sole_snapshot(m, family, measured))))]
    if target not in kin:
        kin.append(target)
    if want is None:
        return [m for m in kin if m.variant in (None, BASE, INSTRUCT)]
    has_want = any(m.variant == want for m in kin)
    return [m for m in kin if m.variant == want or (m.variant is None and not has_want)]


# the facts of the trained network, which a model shares with its instruct / base variant (attribute names of
# `metrics.facts.ATTRIBUTES`)
NETWORK_FACTS = frozenset({"parameters_total", "parameters_active", "training_tokens", "gpu_hours",
                           "training_compute", "training_hardware", "hardware_quantity"})


def one_network(target: Variant, family: list[Variant]) -> list[Variant]:
    """The other members of the target's family that are the same trained network: its base (or plain) model for an
    instruct model, its instruct model for a base or plain one — same setting, same release version (else the
    members without one). None for a dated snapshot or a setting: a snapshot may be another training run."""
    if target.variant not in (None, BASE, INSTRUCT) or target.setting is not None or \
            (target.snapshot is not None and not is_version(target.snapshot)):
        return []
    tuned = target.variant == INSTRUCT
    kin = [m for m in family if m.family == target.family and m.model_id != target.model_id and m.setting is None
           and (m.variant == INSTRUCT) != tuned and m.variant in (None, BASE, INSTRUCT)]
    same = [m for m in kin if m.snapshot == target.snapshot]
    return same or [m for m in kin if m.snapshot is None]


def is_version(snapshot: str | None) -> bool:
    """A release version ("v0.1", "v2") rather than a dated snapshot ("2024-05-13", "0513")."""
    return bool(snapshot) and re.fullmatch(r"v\d+(?:\.\d+)*", snapshot or "") is not None


def sole_version(member: Variant, family: list[Variant], measured: set[str] | None = None) -> bool:
    """The only release version of its variant in the family — or, when `measured` is known, the only one of
    them holding a row of what the claim states: what the name without a version means."""
    def versions(among: set[str] | None) -> int:
        return sum(1 for m in family if m.family == member.family and m.variant == member.variant
                   and m.setting == member.setting and is_version(m.snapshot)
                   and (among is None or m.model_id in among))
    if not is_version(member.snapshot):
        return False
    return versions(None) == 1 or (measured is not None and member.model_id in measured and versions(measured) == 1)


def is_dated(snapshot: str | None) -> bool:
    """A dated API snapshot ("2024-05-13", "0513", "2024-05", "001"), not a release version."""
    return bool(snapshot) and not is_version(snapshot)


def sole_snapshot(member: Variant, family: list[Variant], measured: set[str] | None) -> bool:
    """The one dated snapshot of its variant in the family, when no member without a dated snapshot holds a row of
    what the claim states (`measured`): then every row the undated name could use is this snapshot's, and the name
    stands for it ("<family>-N.M" written, rows only under "<family>-N.M-<date>"). With two dated snapshots of the
    variant the name may mean either (a moving alias), and with a row of the undated name that row is the name's own:
    neither reads a snapshot. Not known what was measured (None): no."""
    if measured is None or not is_dated(member.snapshot) or member.model_id not in measured:
        return False
    kin = [m for m in family if m.family == member.family]
    dated = {m.snapshot for m in kin if m.variant == member.variant and is_dated(m.snapshot)}
    return len(dated) == 1 and not any(m.model_id in measured for m in kin if not is_dated(m.snapshot))


def snapshots_by(target: Variant, family: list[Variant], released: dict[str, date | None], day: date) -> list[str]:
    """The dated snapshots of an undated name's variant (and setting) released on or before `day`: what the name, a
    moving alias, can have pointed to then (a date stamp or, without one, the model's release date). One: the name
    stood for it on that day, as `sole_snapshot` reads a score; several: the text may mean any of them. [] for a name
    that carries a snapshot or a release version itself."""
    if target.snapshot is not None:
        return []
    out = []
    for m in family:
        if m.family != target.family or m.variant != target.variant or m.setting != target.setting \
                or not is_dated(m.snapshot):
            continue
        when = released.get(m.model_id)
        if when is not None and when <= day:
            out.append(m.model_id)
    return sorted(out)


def support_only(target: Variant, member: Variant, stated: str | None = None,
                 family: list[Variant] | None = None) -> bool:
    """A covered member whose rows may support the claim but never contradict it: another variant than the one
    meant — the instruct model of a name that states no variant; and, when the instruct variant is stated and the
    family has neither an instruct nor a base model, the open-weights name that states no variant (by the
    developers' convention the pre-trained model; beside a "-Base" model the plain name is the tuned one, and a
    closed model's name is the model it serves: those decide)."""
    want = stated or target.variant
    if want is None:
        return member.variant == INSTRUCT
    return want == INSTRUCT and member.variant is None and member.open_weights is True and \
        not any(m.variant == BASE and m.family == member.family for m in family or [])
