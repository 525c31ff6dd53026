"""The claim checker's text handling without a warehouse: sentences, figures, dates, damage,
and the HTML fragment's escaping."""

from __future__ import annotations

from datetime import date

import pytest

from openpace.claims.numbers import find_damage, find_dates, find_quantities
from openpace.claims.render import render_html_fragment
from openpace.text import split_blocks, split_sentences


@pytest.mark.parametrize("text, expected", [
    ("It scored 61.5% on the test. Then it fell.", ["It scored 61.5% on the test.", "Then it fell."]),
    ("Models, e.g. Phi-2, are small. Others i.e. big ones are not.",
     ["Models, e.g. Phi-2, are small.", "Others i.e. big ones are not."]),
    ("Dr. Ng spoke at 3 p.m. today. J. Doe agreed!", ["Dr. Ng spoke at 3 p.m. today.", "J. Doe agreed!"]),
    ("Prices vs. quality: which wins? Nobody knows.", ["Prices vs. quality: which wins?", "Nobody knows."]),
    ("Version 2.5.1 shipped.   It   was  fine", ["Version 2.5.1 shipped.", "It was fine"]),
])
def test_sentences(text, expected):
    assert split_sentences(text) == expected


def test_markdown_blocks():
    text = ("# A *title* with 3 parts\n\nFirst line\ncontinues [here](http://x.org/a.b). Second.\n\n"
            "- item **one** at `$4`\n- item two\n\n```\ncode 1.5 stays\n```\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    blocks = split_blocks(text)
    # list items are "item" blocks (they complete the sentence that introduces them: issue 15, binding
    # by grammar) and a table's header row is a "header" block (it names columns, it claims nothing)
    assert [b.kind for b in blocks] == ["heading", "paragraph", "item", "item", "code", "header", "row"]
    assert blocks[0].sentences == ["A title with 3 parts"]
    assert blocks[1].sentences == ["First line continues here.", "Second."]
    assert blocks[2].sentences == ["item one at $4"]
    assert blocks[4].text == "code 1.5 stays" and blocks[4].sentences == []
    assert blocks[6].sentences == ["1; 2"]


def test_text_layer_drops_comments_and_keeps_cells_and_unit_letters():
    # own sentences (issue 15: HTML comments are no text; "...40B. The next" is a sentence break after a
    # unit letter, not an initial; a table cell's full stop ends no sentence; a heading's section number
    # is no figure)
    text = ("<!-- source: somewhere | published: 2031-01 -->\n## 3. Results\n\nThe model has 40B. The next one is "
            "bigger.\n\n| Model | Notes |\n|---|---|\n| Kestrel | Fast. 64k context. |\n")
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == ["heading", "paragraph", "header", "row"]
    assert blocks[0].sentences == ["Results"]
    assert blocks[1].sentences == ["The model has 40B.", "The next one is bigger."]
    assert blocks[3].sentences == ["Kestrel; Fast. 64k context."]


def test_identifiers_keep_underscores():
    assert split_blocks("the some_lib_name package grew")[0].sentences == ["the some_lib_name package grew"]


@pytest.mark.parametrize("text, value, qualifier, percent, currency", [
    ("1,500 words", 1500, "exact", False, False),
    ("2 million models", 2e6, "exact", False, False),
    ("16k GPUs", 16e3, "exact", False, False),
    ("1.7M models", 1.7e6, "exact", False, False),
    ("$2.50 per million", 2.5, "exact", False, True),
    ("61.4% on it", 61.4, "exact", True, False),
    ("over 80 on it", 80, "lower", False, False),
    ("a 70-plus percent score", 70, "lower", True, False),
    ("under 40%", 40, "upper", True, False),
    ("about 12 billion", 12e9, "about", False, False),
    ("nearly 90%", 90, "nearly", True, False),
    ("scored 70-75%", 70, "range", True, False),
])
def test_quantities(text, value, qualifier, percent, currency):
    q = find_quantities(text, [])[0]
    assert (q.value, q.qualifier, q.percent, q.currency) == (pytest.approx(value), qualifier, percent, currency)


def test_digits_inside_names_are_not_quantities():
    assert find_quantities("Phi-3 and A10G and 8x7B and v0.1", []) == []


@pytest.mark.parametrize("text, damaged", [
    ("One reseller quotes .50 per million tokens.", ".50"),
    ("The round raised .3 billion last year.", ".3 billion"),
    ("Prices run .00–0.00 per million.", ".00–0.00"),
    ("It costs /bin/sh.20 an hour.", "/bin/sh.20"),
    ("It costs $. per million tokens.", "$."),
    ("Hosts charge $ per million tokens.", "$"),
    ("It now costs per million tokens less.", "costs per million"),
])
def test_damaged_figures(text, damaged):
    found = find_damage(text)
    assert found and damaged in " ".join(d.text for d in found)


@pytest.mark.parametrize("text", ["Version 2.5 costs $0.50 per million tokens.", "It is 3.5 times faster.",
                                  "The open model is free: it costs $0.", "Set $MODEL_HOME first.",
                                  "Scores rose 0.5 points.", "See fig. 3 on p. 4."])
def test_intact_figures_are_not_damaged(text):
    assert find_damage(text) == []


@pytest.mark.parametrize("text, low, high, precision", [
    ("in April 2021", date(2021, 4, 1), date(2021, 4, 30), "month"),
    ("on 17 Apr 2021", date(2021, 4, 17), date(2021, 4, 17), "day"),
    ("on March 3, 2022", date(2022, 3, 3), date(2022, 3, 3), "day"),
    ("on 2022-03-03", date(2022, 3, 3), date(2022, 3, 3), "day"),
    ("at the start of 2019", date(2019, 1, 1), date(2019, 1, 1), "part"),
    ("by mid-2020", date(2020, 5, 1), date(2020, 8, 31), "part"),
    ("in Q3 2020", date(2020, 7, 1), date(2020, 9, 30), "quarter"),
    ("in 2020", date(2020, 1, 1), date(2020, 12, 31), "year"),
])
def test_dates(text, low, high, precision):
    d = find_dates(text)[0]
    assert (d.low, d.high, d.precision) == (low, high, precision)


def test_years_inside_figures_are_not_dates():
    assert find_dates("$2024 and 2,024 GPUs and 20245 and 2024.5 and 2024%") == []


HOSTILE = '<script>alert("x")</script>'


def test_html_fragment_escapes_every_string():
    claim = {
        "sentence": f"Evil {HOSTILE} scored 50% on <b>B</b>.", "span": f"{HOSTILE} scored 50%", "kind": f"k{HOSTILE}",
        "entities": [], "verdict": "supported", "expected": HOSTILE, "found": {"v": HOSTILE},
        "evidence": [{"value": HOSTILE, "source": HOSTILE, "origin": "mirror:<x>", "date": None, "model": HOSTILE}],
        "explanation": f'"{HOSTILE}" & more', "position": {"block": 0, "sentence": 0, "start": 5, "end": 46},
    }
    result = {"claims": [claim], "summary": {"supported": 1}, "blocks": [
        {"kind": "paragraph", "text": None, "sentences": [claim["sentence"]]},
        {"kind": "code", "text": HOSTILE, "sentences": []}]}
    html = render_html_fragment(result)
    assert "<script>" not in html and "<b>" not in html and "<x>" not in html
    assert "&lt;script&gt;" in html
    assert 'class="op-claim op-claim-supported"' in html
    assert "<details>" in html
    assert html.startswith('<div class="op-claims">') and html.rstrip().endswith("</div>")


@pytest.mark.parametrize("text, value, figure", [
    ("a context window of one million tokens", 1e6, "one million"),
    ("up to two million tokens", 2e6, "up to two million"),
    ("half a million tokens of context", 5e5, "half a million"),  # not "a million"
    ("a quarter of a million tokens", 2.5e5, "a quarter of a million"),
    ("a one-million-token window", 1e6, "one-million"),
    ("trained on three trillion tokens", 3e12, "three trillion"),
    ("up to a million tokens", 1e6, "up to a million"),
])
def test_number_words_with_a_scale_are_one_quantity(text: str, value: float, figure: str):
    [q] = find_quantities(text, [])
    assert (q.value, q.text, q.scaled) == (value, figure, True)


def test_a_figure_in_words_is_as_precise_as_its_first_digit():
    from openpace.claims.attributes import written_precision
    assert written_precision("half a million", 5e5) == written_precision("500K", 5e5) == 5e4
    assert written_precision("one million", 1e6) == written_precision("1M", 1e6) == 5e5
