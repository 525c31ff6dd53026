"""Tables read both ways whether written in Markdown or in raw HTML (a model card's `<table>`), end
to end on the fixture-mirror warehouse. The sentences and tables are written for the test."""

from __future__ import annotations


import pytest

from openpace.claims import check_text

# epoch/open-model-trends/benchmarks_with_model_accessibility.csv: Llama 3.1 405B GPQA 0.509, GPT-4o GPQA 0.490
MARKDOWN = "| Benchmark | Llama-3.1-405B | GPT 4o |\n|---|---|---|\n| GPQA | 50.9 | 47.0 |\n"
HTML = ("<table>\n<tr><th>Benchmark</th><th>Llama-3.1-405B</th><th>GPT&nbsp;4o</th></tr>\n\n"
        "<tr><td>GPQA</td><td><b>50.9</b></td><td>47.0<sup>*</sup></td></tr>\n</table>\n")


def scores(con, text: str) -> list[tuple[str, str]]:
    return [(c["span"], c["verdict"]) for c in check_text(con, text)["claims"] if c["kind"] == "score"]


@pytest.mark.parametrize("text", [MARKDOWN, HTML], ids=["markdown", "html"])
def test_a_column_header_names_the_model_of_its_cells(con, text: str):
    assert scores(con, text) == [("50.9", "supported"), ("47.0", "contradicted")]
