"""A plural reference's group counts each model once (docs/claims.md, binding rule 6a; `binding.covering`): a member
the group holds twice — the same model in two spellings, a model of a series named beside it — gives no second claim
for one figure.

Every name and figure here is invented: extraction runs on an in-memory vocabulary (`Lexicon.from_names`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from openpace.claims.binding import covering
from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(
    models=[("src_a", "Vela 7B", None), ("src_b", "Vela-7B-v1", None), ("src_a", "Vela 13B", None)],
    sized=[("vela-7b", "7b", None), ("vela-13b", "13b", None)],
    aliases={"vela-7b": [("src_a", "Vela 7B"), ("src_b", "Vela-7B-v1")], "vela-13b": [("src_a", "Vela 13B")]},
)


def context_claims(text: str) -> list[tuple[str, str]]:
    return [(c.sentence[c.start:c.end], c.entities[0].text if c.entities else "")
            for c in walk(text, LEX) if c.kind == "context_window"]


def test_one_model_in_two_spellings_is_one_claim():
    got = context_claims("Vela 7B and Vela-7B-v1 are out. The context length for these models is 8192 tokens.")
    assert len(got) == 1 and got[0][0] == "8192", got


def test_two_models_are_still_one_claim_each():
    got = context_claims("Vela 7B and Vela 13B are out. The context length for these models is 8192 tokens.")
    assert sorted(m for _, m in got) == ["Vela 13B", "Vela 7B"], got


@dataclass
class Named:
    text: str
    names: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Aimed:
    label: str
    ids: list[str]


def test_covering_keeps_the_wider_member_and_the_first_of_equals():
    family = Named("Fam", [("s", "fam 7b"), ("s", "fam 13b")])
    small, again, other = Named("Fam 7B", [("s", "fam 7b")]), Named("fam-7b", [("s", "fam 7b")]), Named("Zed", [("s", "zed")])
    assert covering([small, family, other]) == [family, other]
    assert covering([small, again, other]) == [small, other]
    assert covering([Named("A"), Named("B")]) == [Named("A"), Named("B")]  # no rows: nothing is known to cover
    assert covering([Aimed("x", ["x-7b"]), Aimed("x 7B", ["x-7b"]), Aimed("y", ["y-1"])]) == [Aimed("x", ["x-7b"]),
                                                                                             Aimed("y", ["y-1"])]
