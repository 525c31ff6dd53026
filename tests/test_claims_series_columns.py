"""Comparison tables whose columns are series, not models (docs/claims.md, "Series columns"): a header
"<series> (<vendor>)" is the series; a sizes row gives one parameter count per listed size, each of "<series>
<size>"; a figure qualified by members in parentheses ("NK (NB/MB)", "NK (others)") is about those members, the
sizes no claims of their own; under one model's column, "MK (others)" is another model's figure and no claim of
that model; a licence row under a series is the series' openness. A column shaped like a name that resolves to
nothing is never part of the row's label (`tables.model_columns`).

Every name and figure is invented (no source holds them): extraction runs on an in-memory vocabulary
(`Lexicon.from_names`), verdicts on a warehouse holding only the rows written below."""

from __future__ import annotations

from datetime import date

import pytest

from claims_helpers import walk
from identity_helpers import load
from openpace.claims import check_text
from openpace.claims.resolve import Lexicon, Mention
from openpace.claims.tables import model_columns
from openpace.sources.base import ModelFact

ALIASES = {
    "vessel-2-2b": [("src_a", "Vessel 2 2B")], "vessel-2-9b": [("src_a", "Vessel 2 9B")],
    "vessel-2-27b": [("src_a", "Vessel 2 27B")],
    "orca-5-8b": [("src_a", "Orca 5 8B")], "orca-5-70b": [("src_a", "Orca 5 70B")],
    "orca-5-400b": [("src_a", "Orca 5 400B")],
}
LEX = Lexicon.from_names(
    models=[(s, n, None) for rows in ALIASES.values() for s, n in rows], benchmarks=["Zorbench"],
    providers=["Acmeco", "Bigco"],
    sized=[("vessel-2-2b", "2b", None), ("vessel-2-9b", "9b", None), ("vessel-2-27b", "27b", None),
           ("orca-5-8b", "8b", None), ("orca-5-70b", "70b", None), ("orca-5-400b", "400b", None)],
    aliases=ALIASES)

SERIES_TABLE = ("| Feature | Vessel 2 (Acmeco) | Orca 5 (Bigco) |\n|---|---|---|\n"
                "| Parameters/Sizes | 2B, 9B, 27B | 8B, 70B, 400B |\n"
                "| Context window | 8K (2B/9B), 32K (27B) | 128K |\n"
                "| License | Apache 2.0 | Proprietary |\n")


def claims(text: str) -> list[tuple[str, str, list[str]]]:
    """(kind, span, the canonical ids the claim is checked against, or its model's key) of every claim."""
    out = []
    for c in walk(text, LEX):
        target = c.params.get("target")
        model = next((e.key for e in c.entities if e.type == "model"), None)
        out.append((c.kind, c.span, sorted(target.ids) if target is not None else [model] if model else []))
    return out


def test_a_sizes_row_under_series_columns_is_each_sizes_model():
    got = [(span, ids) for kind, span, ids in claims(SERIES_TABLE) if kind == "parameters"]
    assert got == [("2B", ["vessel-2-2b"]), ("9B", ["vessel-2-9b"]), ("27B", ["vessel-2-27b"]),
                   ("8B", ["orca-5-8b"]), ("70B", ["orca-5-70b"]), ("400B", ["orca-5-400b"])], got


def test_sizes_in_parentheses_qualify_the_figure_and_are_no_claims():
    got = [(kind, span, ids) for kind, span, ids in claims(SERIES_TABLE) if "Context" in kind or kind in
           ("context_window", "other")]
    assert ("context_window", "8K", ["vessel-2-2b", "vessel-2-9b"]) in got, got
    assert ("context_window", "32K", ["vessel-2-27b"]) in got, got
    # a figure with no qualifier under a series column is the series' (every model of it)
    assert ("context_window", "128K", ["orca-5-400b", "orca-5-70b", "orca-5-8b"]) in got, got
    assert not [g for g in got if g[0] == "other"], got  # the parenthesised sizes are no figures


def test_a_licence_row_under_a_series_column_is_the_series_openness():
    got = [(span, ids, c) for (kind, span, ids), c in zip(claims(SERIES_TABLE), walk(SERIES_TABLE, LEX))
           if kind == "open_weights"]
    assert [(span, ids) for span, ids, _ in got] == [("Apache 2.0", ["vessel 2"]), ("Proprietary", ["orca 5"])], got
    assert [c.params["open"] for _, _, c in got] == [True, False]


@pytest.mark.parametrize("cell, expected", [
    # "(others)": the series' models but the sizes the cell names elsewhere
    ("8K (2B), 32K (others)", [("8K", ["vessel-2-2b"]), ("32K", ["vessel-2-27b", "vessel-2-9b"])]),
    ("32K (the other sizes), 8K (2B)", [("32K", ["vessel-2-27b", "vessel-2-9b"]), ("8K", ["vessel-2-2b"])]),
    # "(others)" with no size named beside it says nothing of which models: no claim
    ("32K (others)", []),
    ("8K (2B and 9B models)", [("8K", ["vessel-2-2b", "vessel-2-9b"])]),
])
def test_others_in_a_series_cell_are_the_series_other_members(cell: str, expected: list):
    text = f"| Feature | Vessel 2 (Acmeco) |\n|---|---|\n| Context length | {cell} |\n"
    got = [(span, ids) for kind, span, ids in claims(text) if kind in ("context_window", "other", "parameters")]
    assert got == expected, got


def test_others_under_one_models_column_is_no_claim_of_that_model():
    # "NK (<its size>), MK (others)": the second figure is about the vendor's other models, never the column's model
    text = ("| | Orca 5 70B (Bigco) | Vessel 2 9B |\n|---|---|---|\n"
            "| Context window | 128K (70B), 8K (others) | 8K |\n")
    got = [(kind, span, ids) for kind, span, ids in claims(text)]
    assert ("context_window", "128K", ["orca-5-70b"]) in got, got
    assert ("context_window", "8K", ["vessel-2-9b"]) in got, got
    assert len([g for g in got if g[1] == "8K"]) == 1 and not [g for g in got if g[1] in ("70B", "others")], got


def test_a_size_qualifier_in_prose_names_the_series_models():
    text = "Vessel 2 has a context window of 8K tokens (2B/9B)."
    got = [(kind, span, ids) for kind, span, ids in claims(text)]
    assert [(k, ids) for k, _, ids in got] == [("context_window", ["vessel-2-2b", "vessel-2-9b"])], got


def test_a_size_the_series_lacks_binds_no_model():
    text = "| Feature | Vessel 2 (Acmeco) |\n|---|---|\n| Context window | 8K (5B) |\n"
    got = [(kind, span, ids) for kind, span, ids in claims(text) if kind == "context_window"]
    assert got == [("context_window", "8K", [])], got


def test_an_unresolved_name_column_is_no_part_of_the_row_label():
    # the first model column names nothing the sources have; its cell names a series: it must not make the row's
    # label "name a model" (which would leave every other cell unbound), nor be read into the label
    text = ("| Feature | Heron (Bigco) | Vessel 2 (Acmeco) |\n|---|---|---|\n"
            "| License | Orca 5 Community License | Apache 2.0 |\n")
    got = [(kind, span, ids) for kind, span, ids in claims(text) if kind == "open_weights"]
    assert ("open_weights", "Apache 2.0", ["vessel 2"]) in got, got
    assert not [g for g in got if g[2] and g[2][0].startswith("orca")], got


def test_model_columns_keeps_name_shaped_columns_out_of_the_label():
    cells = [("Feature", "Context"), ("Heron (Bigco)", "4K"), ("Vessel 2", "8K")]
    spans = [("Feature", 0, 9), ("Heron (Bigco)", 10, 14), ("Vessel 2", 15, 19)]
    model = Mention("model", 0, 8, "Vessel 2", "vessel 2")
    out, columns = model_columns(cells, spans, [], lambda h: model if h == "Vessel 2" else None,
                                 lambda h: h != "Feature")
    assert out[2] == ("Context", "8K") and out[1] == ("Heron (Bigco)", "4K"), out
    assert [(a, b, m.key) for a, b, m in columns] == [(15, 19, "vessel 2")]
    # a series named in the unresolved column's cell does not make the label name a model
    out, columns = model_columns(cells, spans, [11], lambda h: model if h == "Vessel 2" else None,
                                 lambda h: h != "Feature")
    assert len(columns) == 1


# ------------------------------------------------------------------ verdicts
@pytest.fixture
def series_db(fresh_db):
    prov = dict(origin="test:constructed", observed=date(2026, 1, 1), license="test")
    load(fresh_db, [
        ModelFact(source="epoch_trends", name="Vessel 2 2B", parameters=2e9, **prov),
        ModelFact(source="epoch_trends", name="Vessel 2 9B", parameters=9e9, **prov),
        ModelFact(source="epoch_trends", name="Vessel 2 27B", parameters=27e9, **prov),
        ModelFact(source="models_dev", name="Vessel 2 9B", key="acmeco/vessel-2-9b", organization="acmeco",
                  context_window=8192, **prov),
        ModelFact(source="models_dev", name="Vessel 2 27B", key="acmeco/vessel-2-27b", organization="acmeco",
                  context_window=32768, **prov),
    ])
    return fresh_db


def test_series_column_verdicts(series_db):
    text = ("| Feature | Vessel 2 (Acmeco) |\n|---|---|\n| Sizes | 2B, 9B, 27B |\n"
            "| Context window | 8K (2B/9B), 32K (27B) |\n")
    found = {(c["kind"], c["span"]): c for c in check_text(series_db, text)["claims"]}
    for span in ("2B", "9B", "27B"):
        assert found[("parameters", span)]["verdict"] == "supported", found[("parameters", span)]["explanation"]
    assert found[("context_window", "8K")]["verdict"] == "supported", found[("context_window", "8K")]["explanation"]
    assert found[("context_window", "32K")]["verdict"] == "supported", found[("context_window", "32K")]["explanation"]
    assert "Vessel 2 27B" in found[("context_window", "32K")]["explanation"]


def test_a_size_qualifier_decides_against_the_sizes_model(series_db):
    # the 27B model's window is not 8K: bound to the qualifier's size, the figure is contradicted
    text = "| Feature | Vessel 2 (Acmeco) |\n|---|---|\n| Context window | 8K (27B) |\n"
    [claim] = [c for c in check_text(series_db, text)["claims"] if c["kind"] == "context_window"]
    assert claim["verdict"] == "contradicted", claim["explanation"]


# a maker's flagship named without a size (no series member), beside a series of the maker's sized models that shares
# its first word, and a series' variant a source names
SIZED_ALIASES = {**ALIASES, "marlin-large-3": [("src_a", "Marlin Large 3")], "marlin-7b": [("src_a", "Marlin 7B")],
                 "marlin-12b": [("src_a", "Marlin 12B")], "vessel-2-turbo": [("src_a", "Vessel 2 Turbo")]}
SIZED_LEX = Lexicon.from_names(
    models=[(s, n, None) for rows in SIZED_ALIASES.values() for s, n in rows], providers=["Acmeco", "Bigco"],
    sized=[("vessel-2-2b", "2b", None), ("vessel-2-9b", "9b", None), ("vessel-2-27b", "27b", None),
           ("orca-5-8b", "8b", None), ("orca-5-70b", "70b", None), ("orca-5-400b", "400b", None),
           ("marlin-7b", "7b", None), ("marlin-12b", "12b", None)],
    aliases=SIZED_ALIASES)


def sized_claims(text: str) -> list[tuple[str, str, list[str]]]:
    out = []
    for c in walk(text, SIZED_LEX):
        target = c.params.get("target")
        model = next((e.key for e in c.entities if e.type == "model"), None)
        out.append((c.kind, c.span, sorted(target.ids) if target is not None else [model] if model else []))
    return out


@pytest.mark.parametrize("cell", ["7B, 12B, 163B", "7B, 4x9B, 163B", "7B / 163B", "7B and 163B"])
def test_a_sizes_list_under_one_models_column_is_no_claim_of_that_model(cell: str):
    text = f"| Feature | Marlin Large 3 | Vessel 2 (Acmeco) |\n|---|---|---|\n| Sizes | {cell} | 2B, 9B |\n"
    got = [(kind, span, ids) for kind, span, ids in sized_claims(text) if kind in ("parameters", "other")]
    assert got == [("parameters", "2B", ["vessel-2-2b"]), ("parameters", "9B", ["vessel-2-9b"])], got


def test_a_models_own_size_in_parentheses_keeps_its_figure_when_it_is_no_series_member():
    # "Marlin" is a series of other sizes: the flagship is no member of it, so "(163B)" only describes it
    text = "| Feature | Marlin Large 3 |\n|---|---|\n| Context window | 128K (163B), 32K (others) |\n"
    got = [(kind, span, ids) for kind, span, ids in sized_claims(text)]
    assert got == [("context_window", "128K", ["marlin-large-3"])], got


@pytest.mark.parametrize("cell, expected", [
    ("8K, 1M (Turbo variant)", [("8K", ["vessel-2-27b", "vessel-2-2b", "vessel-2-9b"]), ("1M", ["vessel-2-turbo"])]),
    ("8K, 1M (the Turbo version)", [("8K", ["vessel-2-27b", "vessel-2-2b", "vessel-2-9b"]),
                                    ("1M", ["vessel-2-turbo"])]),
    # a variant no source names: a claim about it, checked against nothing (never the series' rows)
    ("1M (Hyper variant)", [("1M", [])]),
])
def test_a_named_variant_in_parentheses_is_that_variants_figure(cell: str, expected: list):
    text = f"| Feature | Vessel 2 (Acmeco) |\n|---|---|\n| Context window | {cell} |\n"
    got = [(span, ids) for kind, span, ids in sized_claims(text) if kind in ("context_window", "other")]
    assert got == expected, got


@pytest.mark.parametrize("cell", ["Apache 2.0 (with restrictions for 27B)", "Open weights, except 27B",
                                  "Research licence for 9B and 27B"])
def test_a_size_in_a_licence_cell_is_no_parameter_claim(cell: str):
    # another cell of the row names a series (a licence named after it): the row's sizes are not thereby its sizes
    text = (f"| Feature | Orca 5 (Bigco) | Vessel 2 (Acmeco) |\n|---|---|---|\n"
            f"| License | Orca 5 Community License | {cell} |\n")
    assert not [c for c in sized_claims(text) if c[0] in ("parameters", "other")]
