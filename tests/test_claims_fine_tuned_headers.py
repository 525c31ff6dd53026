"""A table's column header naming a fine-tuned model ("<model> Chat (SFT)", "<model> Chat", "<model> Instruct") reads
as prose reads the same name (docs/claims.md, "Fine-tuned models"; `tables._tuned_header`): the instruct model when
the sources have one, else a fine-tuned model no source names — no rows, its cells unverifiable, never decided on the
base model's scores. And a plain open-weights name under a heading stating the instruct variant, in a family with
neither an instruct nor a base model, reads its own rows as another variant's: they may support, never contradict
(`domain.variants.support_only`).

Headers on invented names (`Lexicon.from_names`); verdicts on the fixture mirror:
TRENDS_CSV = tests/fixtures/mirror/epoch/open-model-trends/benchmarks_with_model_accessibility.csv: 'Camelidae-8x34B'
MMLU 0.756 (an open-weights model, no chat or base model in the sources); 'BloombergGPT' MMLU 0.3918 (closed)."""

from __future__ import annotations

import pytest

from openpace.claims import check_text
from openpace.claims.resolve import Lexicon
from openpace.claims.tables import header_model
from openpace.domain.variants import BASE, INSTRUCT, Variant, support_only

LEX = Lexicon.from_names(models=[("src_a", "Tarrow-5", None), ("src_b", "Quillon-9", None),
                                 ("src_b", "Quillon-9-Chat", None)], benchmarks=["BenchQA"])


@pytest.mark.parametrize("header", ["Tarrow-5 Chat (SFT)", "Tarrow-5 Chat (RL)", "Tarrow-5 Chat", "Tarrow-5-Chat",
                                    "Tarrow-5 Instruct", "Tarrow-5-Inst.", "**Tarrow-5 Chat**"])
def test_a_header_naming_a_fine_tuned_model_no_source_has_has_no_rows(header: str):
    m = header_model(LEX, LEX.series, None, header)
    assert m is not None and m.key != "tarrow 5" and not m.names, m
    assert m.how == "variant"


def test_the_same_name_in_prose_reads_alike():
    [prose] = LEX.find_models("Tarrow-5 Chat scores 61.5 on BenchQA.", [])
    header = header_model(LEX, LEX.series, None, "Tarrow-5 Chat")
    assert header is not None and (prose.key, prose.how, prose.names) == (header.key, header.how, header.names)


@pytest.mark.parametrize("header, key", [("Quillon-9 Chat", "quillon 9 chat"), ("Quillon-9-Chat (SFT)", "quillon 9 chat"),
                                         ("Tarrow-5", "tarrow 5"), ("Quillon-9", "quillon 9")])
def test_a_header_naming_a_model_a_source_has_is_that_model(header: str, key: str):
    m = header_model(LEX, LEX.series, None, header)
    assert m is not None and m.key == key and m.names


def _scores(con, text: str) -> list[tuple[str, str, int]]:
    return [(c["span"], c["verdict"], len(c["evidence"])) for c in check_text(con, text)["claims"]
            if c["kind"] == "score"]


def test_a_chat_header_is_never_decided_on_the_base_models_scores(con):
    # TRENDS_CSV: Camelidae-8x34B 0.756 on MMLU, the only MMLU row of its family; 71.0 disagrees, 75.6 agrees
    text = ("## Chat models\n\n| Benchmark | Camelidae-8x34B Chat (SFT) | Camelidae-8x34B Chat (RL) |\n|---|---|---|\n"
            "| MMLU | 71.0 | 75.6 |\n\n| Benchmark | Camelidae-8x34B-Chat |\n|---|---|\n| MMLU | 71.0 |\n")
    assert _scores(con, text) == [("71.0", "unverifiable", 0), ("75.6", "unverifiable", 0),
                                  ("71.0", "unverifiable", 0)]


@pytest.mark.parametrize("value, verdict", [("71.0", "unverifiable"), ("75.6", "supported")])
def test_a_plain_open_name_under_a_chat_heading_reads_its_rows_as_another_variants(con, value: str, verdict: str):
    text = f"### Chat Model\n\n| Benchmark | Camelidae-8x34B |\n|---|---|\n| MMLU | {value} |\n"
    [claim] = [c for c in check_text(con, text)["claims"] if c["kind"] == "score"]
    assert claim["verdict"] == verdict, claim["explanation"]
    if verdict == "unverifiable":
        assert "by convention the pre-trained model" in claim["explanation"]


def test_a_closed_models_name_under_a_chat_heading_is_the_model_it_serves(con):
    # TRENDS_CSV: BloombergGPT 0.3918 on MMLU, a closed model: its name is the model it serves, and its rows decide
    text = "### Chat Model\n\n| Benchmark | BloombergGPT |\n|---|---|\n| MMLU | 45.0 |\n"
    [claim] = [c for c in check_text(con, text)["claims"] if c["kind"] == "score"]
    assert claim["verdict"] == "contradicted", claim["explanation"]


def test_which_rows_of_another_variant_only_support():
    plain = Variant("x-7b", "x-7b", None, None, open_weights=True)
    base = Variant("x-7b-base", "x-7b", BASE, None, open_weights=True)
    closed = Variant("y-7b", "y-7b", None, None, open_weights=False)
    unknown = Variant("z-7b", "z-7b", None, None)
    # the instruct variant stated, the family holding neither an instruct nor a base model
    assert support_only(plain, plain, INSTRUCT, [plain])
    assert not support_only(plain, plain, INSTRUCT, [plain, base])  # beside "-Base" the plain name is the tuned one
    assert not support_only(closed, closed, INSTRUCT, [closed])  # a closed name is the model it serves
    assert not support_only(unknown, unknown, INSTRUCT, [unknown])
    assert not support_only(plain, plain, BASE, [plain])  # the plain name is the pre-trained model
