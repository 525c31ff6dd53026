"""Tables whose columns are models and whose rows are attributes ("| | A | B |" over "Input price | $N | $M",
"Context window | NK | MK", "Knowledge cutoff | <Mon YYYY> | ...", "License | Open | Proprietary"): the row's
label says what each cell is (its kind and side), the column's header whose it is — one rule for both
orientations (benchmarks in rows too). The names and figures are invented for the tests (no source holds
them), so nothing here is a fact."""

from __future__ import annotations

from openpace.claims.resolve import Lexicon, norm_name

from claims_helpers import walk

LEX = Lexicon.from_names(
    models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Kestrel-3.7-40B", None), ("src_b", "Heron-1.5-Pro", None)],
    benchmarks=["BenchQA"],
)

TABLE = ("| | Wren 2 | Kestrel-3.7-40B | Heron-1.5-Pro |\n|---|---|---|---|\n"
         "| Input price (per 1M tokens) | $3 | $0.15 | $1.25 |\n"
         "| Output price (per 1M tokens) | $15 | $0.60 | $5 |\n"
         "| Context window | 200K | 128K | 1M |\n"
         "| Max output | 8K | 16K | 4K |\n"
         "| Knowledge cutoff | Apr 2031 | October 2030 | - |\n"
         "| License | Proprietary | Apache 2.0 | Open |\n"
         "| BenchQA | 61.0 | 70.2 | 55.5 |\n")


def rows(text: str) -> list[tuple[str, str, str | None, dict]]:
    """(kind, span, the model's key — or, with no identity tables, its name — normalised, params) of every claim."""
    out = []
    for c in walk(text, LEX):
        model = next((norm_name(e.key) for e in c.entities if e.type == "model"), None)
        out.append((c.kind, c.sentence[c.start:c.end], model, c.params))
    return out


def test_each_attribute_row_binds_its_cells_to_the_column_models():
    got = [(kind, span, model) for kind, span, model, _ in rows(TABLE)]
    wren, kestrel, heron = "wren 2", "kestrel 3.7 40b", "heron 1.5 pro"
    for expected in [("price", "$3", wren), ("price", "$0.15", kestrel), ("price", "$1.25", heron),
                     ("price", "$15", wren), ("price", "$0.60", kestrel), ("price", "$5", heron),
                     ("context_window", "200K", wren), ("context_window", "128K", kestrel),
                     ("context_window", "1M", heron),
                     ("output_limit", "8K", wren), ("output_limit", "16K", kestrel), ("output_limit", "4K", heron),
                     ("knowledge_cutoff", "Apr 2031", wren), ("knowledge_cutoff", "October 2030", kestrel),
                     ("open_weights", "Proprietary", wren), ("open_weights", "Apache 2.0", kestrel),
                     ("open_weights", "Open", heron),
                     ("score", "61.0", wren), ("score", "70.2", kestrel), ("score", "55.5", heron)]:
        assert any(g[0] == expected[0] and g[1] == expected[1] and (g[2] or "").startswith(expected[2])
                   for g in got), (expected, got)
    assert all(model is not None for _, _, model in got), got


def test_the_row_label_gives_the_price_side_and_unit():
    prices = {span: params for kind, span, _, params in rows(TABLE) if kind == "price"}
    assert prices["$3"]["part"] == "input" and prices["$15"]["part"] == "output"
    assert prices["$0.60"]["value"] == 0.60  # per million tokens, as the label says


def test_openness_and_cutoffs_follow_the_row_label():
    got = {span: params for kind, span, _, params in rows(TABLE) if kind in ("open_weights", "knowledge_cutoff")}
    assert got["Proprietary"]["open"] is False and got["Apache 2.0"]["open"] is True and got["Open"]["open"] is True
    assert got["Apr 2031"]["date"].text == "Apr 2031"


def test_a_training_data_cutoff_column_reads_month_year_cells():
    text = ("| Model | Training data cut-off |\n|---|---|\n| Wren 2 | Apr 2031 |\n| Kestrel-3.7-40B | October 2030 |\n")
    got = [(kind, span, model) for kind, span, model, _ in rows(text)]
    assert ("knowledge_cutoff", "Apr 2031", "wren 2") in [(k, s, (m or "")[:6]) for k, s, m in got], got
    assert any(k == "knowledge_cutoff" and s == "October 2030" for k, s, _ in got), got


def test_a_row_that_names_its_model_keeps_it_under_model_columns():
    # a matrix of models against models: the row's own model is the figure's, as before
    text = "| | Wren 2 | Heron-1.5-Pro |\n|---|---|---|\n| Kestrel-3.7-40B | 200K context | 1M context |\n"
    got = [(kind, model) for kind, _, model, _ in rows(text) if kind == "context_window"]
    assert got and all((m or "").startswith("kestrel") for _, m in got), got


def test_the_row_label_is_every_cell_before_the_first_model_column():
    # a category column before the label column, left empty in the rows after its first
    text = ("| | Benchmark (Metric) | Wren 2 | Heron-1.5-Pro |\n|---|---|---|---|\n"
            "| General | BenchQA (EM) | 61.0 | 55.5 |\n| | Context window | 200K | 1M |\n")
    got = [(kind, span, model) for kind, span, model, _ in rows(text)]
    assert ("score", "61.0", "wren 2") in got and ("score", "55.5", "heron 1.5 pro") in got, got
    assert ("context_window", "200K", "wren 2") in got and ("context_window", "1M", "heron 1.5 pro") in got, got


def test_release_parameter_and_weights_rows_bind_to_the_column_models():
    text = ("| Feature | Wren 2 | Kestrel-3.7-40B |\n|---|---|---|\n| Release date | March 2031 | 2030-11-02 |\n"
            "| Parameters | 70B | 40B |\n| Open weights | No | Yes |\n")
    got = {(kind, span, model) for kind, span, model, _ in rows(text)}
    assert {("release_date", "March 2031", "wren 2"), ("release_date", "2030-11-02", "kestrel 3.7 40b"),
            ("parameters", "70B", "wren 2"), ("parameters", "40B", "kestrel 3.7 40b"),
            ("open_weights", "No", "wren 2"), ("open_weights", "Yes", "kestrel 3.7 40b")} <= got, got


def test_a_slash_pair_cell_under_a_price_label_is_the_input_and_output_price():
    for text in ("| | Wren 2 |\n|---|---|\n| Price (input / output per 1M tokens) | $3 / $15 |\n",
                 "| Model | Price (input / output per 1M tokens) |\n|---|---|\n| Wren 2 | $3 / $15 |\n"):
        got = [(span, model, params["part"], params["value"]) for kind, span, model, params in rows(text)
               if kind == "price"]
        assert got == [("$3", "wren 2", "input", 3.0), ("$15", "wren 2", "output", 15.0)], (text, got)
    # a label naming one side: the pair is no input/output pair
    text = "| | Wren 2 |\n|---|---|\n| Input price (per 1M tokens) | $3 / $6 |\n"
    assert not [p for kind, _, _, p in rows(text) if kind == "price" and p.get("part") == "output"]


def test_each_price_cell_is_its_column_models_not_the_cell_before():
    # the unit in each cell, or no unit at all under a bare label: the previous cell's model never carries over
    for row in ("| Input price | $3 / 1M tokens | $0.15 / 1M tokens | $1.25 / 1M tokens |\n",
                "| Input price | $3 | $0.15 | $1.25 |\n"):
        text = "| Metric | Wren 2 | Kestrel-3.7-40B | Heron-1.5-Pro |\n|---|---|---|---|\n" + row
        got = [(span.split(" ")[0], (model or "")[:6]) for kind, span, model, _ in rows(text) if kind == "price"]
        assert got == [("$3", "wren 2"), ("$0.15", "kestre"), ("$1.25", "heron ")], got
