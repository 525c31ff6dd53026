"""The text layer (`openpace.text`) on Markdown and HTML written for these tests: blocks, kinds,
table cells and what is dropped. No warehouse: the layer reads text only."""

from __future__ import annotations

import pytest

from openpace.text import split_blocks


def shape(text: str) -> list[tuple[str, list[str]]]:
    return [(b.kind, b.sentences) for b in split_blocks(text)]


def test_nested_lists_are_items_at_every_depth():
    text = ("The release has three parts:\n\n1. a base model\n   - trained on 2T tokens\n   - with a 4k context\n"
            "2. an instruct model\n\n* bullet one\n+ bullet two\n")
    assert shape(text) == [
        ("paragraph", ["The release has three parts:"]),
        ("item", ["a base model"]), ("item", ["trained on 2T tokens"]), ("item", ["with a 4k context"]),
        ("item", ["an instruct model"]), ("item", ["bullet one"]), ("item", ["bullet two"]),
    ]


def test_a_loose_list_items_second_paragraph_stays_in_the_list():
    text = "- First point.\n\n  More on the first point.\n- Second point.\n"
    assert [b.kind for b in split_blocks(text)] == ["item", "item", "item"]


def test_setext_and_atx_headings():
    text = "Results 2024\n============\n\nSome prose.\n\n2.1 Scores\n----------\n\n### 3. Costs ###\n"
    assert shape(text) == [("heading", ["Results 2024"]), ("paragraph", ["Some prose."]),
                           ("heading", ["Scores"]), ("heading", ["Costs"])]


def test_a_table_cell_with_a_full_stop_is_one_sentence_with_its_cells():
    text = "| Model | Note | Score |\n|:--|:-:|--:|\n| Kestrel 40B | Fast. Cheap. | **71.5** |\n| Wren | | 60 |\n"
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == ["header", "row", "row"]
    assert blocks[0].sentences == ["Model; Note; Score"]
    assert blocks[1].sentences == ["Kestrel 40B; Fast. Cheap.; 71.5"]
    assert blocks[1].cells == [("Model", "Kestrel 40B"), ("Note", "Fast. Cheap."), ("Score", "71.5")]
    assert blocks[2].cells == [("Model", "Wren"), ("Score", "60")]  # an empty cell is no cell


def test_a_table_without_leading_pipes_and_with_an_escaped_pipe():
    blocks = split_blocks("Model | Range\n--- | ---\nKestrel | 1 \\| 2\n")
    assert blocks[1].cells == [("Model", "Kestrel"), ("Range", "1 | 2")]


def test_lines_written_as_rows_without_a_rule_are_rows_without_column_names():
    blocks = split_blocks("| Kestrel | 71.5 |\n| Wren | 60 |\n")
    assert [(b.kind, b.sentences, b.cells) for b in blocks] == [("row", ["Kestrel; 71.5"], []),
                                                                 ("row", ["Wren; 60"], [])]


HTML_TABLE = """Scores below.

<table>
  <thead>
    <tr><th>Benchmark</th><th>Kestrel&nbsp;40B</th><th>Wren <i>7B</i></th></tr>
  </thead>

  <tbody>
    <tr><td rowspan="2">MMLU</td><td><b>71.5</b></td><td>60.2<sup>1</sup></td></tr>
    <tr><td>70.9</td><td>**59.8**</td></tr>

    <tr><td colspan="3">Reasoning &amp; maths</td></tr>
    <tr><td>GSM8K</td><td>Fast.<br>Cheap.</td><td>-</td></tr>
  </tbody>
</table>

After the table.
"""


def test_a_raw_html_table_becomes_header_and_rows_with_cells():
    blocks = split_blocks(HTML_TABLE)
    assert [b.kind for b in blocks] == ["paragraph", "header", "row", "row", "row", "row", "paragraph"]
    assert blocks[1].sentences == ["Benchmark; Kestrel 40B; Wren 7B"]
    # a footnote superscript is dropped; a rowspan'd cell belongs to each row it spans
    assert blocks[2].cells == [("Benchmark", "MMLU"), ("Kestrel 40B", "71.5"), ("Wren 7B", "60.2")]
    assert blocks[3].cells == [("Benchmark", "MMLU"), ("Kestrel 40B", "70.9"), ("Wren 7B", "59.8")]
    # a colspan'd label fills its first column only; entities are unescaped, <br> is a space
    assert blocks[4].cells == [("Benchmark", "Reasoning & maths")]
    assert blocks[5].sentences == ["GSM8K; Fast. Cheap.; -"]
    assert blocks[6].sentences == ["After the table."]


def test_an_html_table_without_th_takes_its_first_row_as_the_header():
    blocks = split_blocks("<table><tr><td>Model</td><td>Params</td></tr><tr><td>Kestrel</td><td>40B</td></tr></table>")
    assert [b.kind for b in blocks] == ["header", "row"]
    assert blocks[1].cells == [("Model", "Kestrel"), ("Params", "40B")]


def test_two_header_rows_name_each_column_by_its_lowest_name():
    text = ("<table><tr><th rowspan=2>Model</th><th colspan=2>Scores</th></tr>"
            "<tr><th>MMLU</th><th>GSM8K</th></tr><tr><td>Kestrel</td><td>71</td><td>50</td></tr></table>")
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == ["header", "header", "row"]
    assert blocks[2].cells == [("Model", "Kestrel"), ("MMLU", "71"), ("GSM8K", "50")]


def test_html_around_markdown_is_stripped_to_its_text():
    text = ('<div align="center">\n<img src="logo.png" alt="Logo 2">\n</div>\n\n<p align="center">\n'
            '  Kestrel &amp; Wren score 71.5&nbsp;% <a href="x">on MMLU</a>.\n</p>\n\n'
            '<h2>Costs</h2>\n\n<details><summary>More</summary>\n<ul><li>$2 per million</li></ul>\n</details>\n')
    assert shape(text) == [("paragraph", ["Kestrel & Wren score 71.5 % on MMLU."]), ("heading", ["Costs"]),
                           ("paragraph", ["More"]), ("item", ["$2 per million"])]


def test_inline_markup_entities_links_images_and_breaks():
    text = ('Kestrel&nbsp;40B &amp; Wren ![chart 3](c.png) [scored 71.5%](https://x.org/a.b) on '
            '`MMLU`<br>in *2024*, ~~$10~~ $8 per million, 3.8 × 10<sup>25</sup> FLOP.[^1]\n\n'
            '[^1]: A note with 5 words.\n')
    assert shape(text) == [
        ("paragraph", ["Kestrel 40B & Wren scored 71.5% on MMLU in 2024, $8 per million, 3.8 × 10^25 FLOP."]),
        ("paragraph", ["A note with 5 words."]),
    ]


def test_comments_are_dropped_wherever_they_are():
    text = ("<!-- source: somewhere | 99 words -->\nFirst 1.5 <!-- an editor's 2 --> sentence.\n\n"
            "<!--\nmulti-line 3\n-->\nLast.\n")
    assert shape(text) == [("paragraph", ["First 1.5 sentence."]), ("paragraph", ["Last."])]


@pytest.mark.parametrize("opening", ["", "<!-- source: a model card -->\n", "\n\n"])
def test_front_matter_is_skipped(opening: str):
    text = opening + "---\nlicense: apache-2.0\ntags:\n- 7b\nbase_model: x/y-40B\n---\n# Kestrel\n\nIt has 40B parameters.\n"
    assert shape(text) == [("heading", ["Kestrel"]), ("paragraph", ["It has 40B parameters."])]


def test_a_thematic_break_opening_prose_is_no_front_matter():
    text = "---\nThe model has 40B parameters.\n\nMore text.\n"
    assert ("paragraph", ["More text."]) in shape(text)
    assert any("40B" in s for _, ss in shape(text) for s in ss)


def test_code_blocks_keep_their_figures_and_hold_no_sentence():
    text = "Intro.\n\n```python\nprice = 2.50  # per 1M tokens\n```\n\n    indented 40B code\n\n~~~\nunclosed 7"
    blocks = split_blocks(text)
    assert [(b.kind, b.sentences) for b in blocks] == [("paragraph", ["Intro."]), ("code", []), ("code", []),
                                                       ("code", [])]
    assert blocks[1].text == "price = 2.50  # per 1M tokens"
    assert blocks[2].text == "indented 40B code"
    assert blocks[3].text == "unclosed 7"


def test_a_table_inside_a_code_fence_is_code():
    text = "```\n<table>\n\n<tr><td>1</td></tr>\n\n</table>\n```\n"
    assert [b.kind for b in split_blocks(text)] == ["code"]


def test_block_quotes_are_paragraphs():
    assert shape("> Quoted 61.5% here.\n> Still quoted.\n") == [("paragraph", ["Quoted 61.5% here.", "Still quoted."])]


def test_scripts_and_styles_are_no_text():
    text = "<script>var x = 1.5;</script>\n<style>p { width: 40px }</style>\n\nText 2.\n"
    assert shape(text) == [("paragraph", ["Text 2."])]


def test_lines_opened_by_a_bullet_glyph_are_items():
    # a list pasted from a rendered page, in Markdown and inside raw HTML (a model card's notes)
    text = ("Key facts:\n• 40B parameters\n• trained on 2T tokens\n\n"
            "<sup>\n• Bold marks the best.\n</sup><br/><sup>\n• Kestrel reaches 71.5% on the test.\n</sup>\n")
    assert shape(text) == [("paragraph", ["Key facts:"]), ("item", ["40B parameters"]),
                           ("item", ["trained on 2T tokens"]), ("item", ["Bold marks the best."]),
                           ("item", ["Kestrel reaches 71.5% on the test."])]


def test_a_numbered_point_and_an_alert_marker_are_no_text():
    text = "2.1. Massive training: 15 trillion tokens.\n\n> [!NOTE]\n> The API costs $2 per million.\n\n2.5 million users.\n"
    assert shape(text) == [("paragraph", ["Massive training: 15 trillion tokens."]),
                           ("paragraph", ["The API costs $2 per million."]), ("paragraph", ["2.5 million users."])]


def test_numbered_citations_against_a_word_are_no_figures():
    # wiki-style references ("...Verified.[1][2] Next") are no figures and do not hide a sentence's end;
    # a bracketed number after a space is text as written
    text = ("It reached 40.6% on the test.[1][2][3] Then it cost $4.00 a month later.[2][13]\n\n"
            "Cited[4] and linked[5](#ref-5), but see [6] and a year [2024](https://x.org).\n")
    assert shape(text) == [("paragraph", ["It reached 40.6% on the test.", "Then it cost $4.00 a month later."]),
                           ("paragraph", ["Cited and linked, but see [6] and a year 2024."])]
