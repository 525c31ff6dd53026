"""Dates and limits in compact forms and key-value rows, on invented names (`Lexicon.from_names`) and invented
dates: a compact date ("31.11.30", YY.MM.DD; "2031.11", YYYY.MM) read as a date only where its context says date
(a release or date column, a news line opening with it, a release word right before it), a model card's key-value
line or two-cell row typing a knowledge cut-off, a release date, an output limit or a context window, and the
prose forms of a cut-off."""

from __future__ import annotations

from datetime import date

import pytest

from openpace.claims.numbers import find_compact_dates
from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Owlet-7B", "owlet-7b")])


def claims(text: str, kind: str) -> list[tuple[str, str | None, object]]:
    """(span, model key, value or first day) of every claim of `kind` the walked text makes."""
    out = []
    for c in walk(text, LEX):
        if c.kind != kind:
            continue
        d = c.params.get("date")
        key = c.entities[0].key if c.entities else None
        out.append((c.span, key.lower().replace("-", " ") if key else None,
                    (d.low, d.precision) if d is not None else c.params.get("value")))
    return out


# --- the shapes (the text layer, no context) ------------------------------------------------------------------------
@pytest.mark.parametrize("text, low, precision", [
    ("31.11.30", date(2031, 11, 30), "day"),
    ("31.8.3", date(2031, 8, 3), "day"),
    ("2031.11", date(2031, 11, 1), "month"),
    ("[2031.8]", date(2031, 8, 1), "month"),
])
def test_compact_date_shapes(text: str, low: date, precision: str):
    [d] = find_compact_dates(text)
    assert (d.low, d.precision) == (low, precision)


@pytest.mark.parametrize("text", ["31.13.30", "31.11.32", "1.2.3.4", "v31.11.30", "31.11.30.5", "2031.13", "2031.115"])
def test_no_compact_date(text: str):
    assert find_compact_dates(text) == []


# --- a compact date in date context ---------------------------------------------------------------------------------
def test_a_compact_date_under_a_release_column():
    text = "| Model | Release Date | Score |\n|---|---|---|\n| Wren 2 | 31.11.30 | 71.2 |\n| Owlet-7B | 31.8.3 | 70.1 |"
    assert claims(text, "release_date") == [("31.11.30", "wren 2", (date(2031, 11, 30), "day")),
                                            ("31.8.3", "owlet 7b", (date(2031, 8, 3), "day"))]
    assert [c.span for c in walk(text, LEX) if c.kind == "other"] == ["71.2", "70.1"]  # no "31.11" figure


@pytest.mark.parametrize("text, span, key, day", [
    ("- 31.11.30: We release Wren 2.", "31.11.30: We release Wren 2", "wren 2", date(2031, 11, 30)),
    ("- 31.8.3 Owlet-7B is open-sourced.", "31.8.3 Owlet-7B is open-sourced", "owlet 7b", date(2031, 8, 3)),
    ("- 2031.8.3: We release Wren 2.", "2031.8.3: We release Wren 2", "wren 2", date(2031, 8, 3)),
    ("[2031.11] We open-sourced Owlet-7B.", "2031.11] We open-sourced Owlet-7B", "owlet 7b", date(2031, 11, 1)),
    ("Wren 2 was released on 31.11.30.", "Wren 2 was released on 31.11.30", "wren 2", date(2031, 11, 30)),
    ("Wren 2 release date: 31.11.30", "release date: 31.11.30", "wren 2", date(2031, 11, 30)),
])
def test_a_compact_date_in_a_release_context(text: str, span: str, key: str, day: date):
    assert [(s, k, v[0]) for s, k, v in claims(text, "release_date")] == [(span, key, day)]  # type: ignore[index]


@pytest.mark.parametrize("text", [
    "Wren 2 scored 31.11 on the test.",  # a decimal stays a decimal
    "Wren 2 scored 2031.11 points.",
    "| Model | Score |\n|---|---|\n| Wren 2 | 31.11 |",
    "| Model | Release Date |\n|---|---|\n| Wren 2 | 31.11 |",  # YY.MM is no compact date
])
def test_a_decimal_without_date_context_stays_a_figure(text: str):
    assert claims(text, "release_date") == []
    assert [c.kind for c in walk(text, LEX)] == ["other"]


def test_a_compact_date_without_date_context_is_no_release():
    assert claims("Wren 2 scored 31.11.30 on the test.", "release_date") == []
    assert claims("| Model | Score |\n|---|---|\n| Wren 2 | 31.11.30 |", "release_date") == []


# --- key-value lines and two-cell rows ------------------------------------------------------------------------------
CARD = "# Wren 2\n\nWren 2 is a small model.\n\n"
KV_TABLE = "| Key | Value |\n|---|---|\n"


@pytest.mark.parametrize("line, kind, expected", [
    ("| Released | 31.11.30 |", "release_date", (date(2031, 11, 30), "day")),
    ("| Release date | March 1, 2031 |", "release_date", (date(2031, 3, 1), "day")),
    ("| Knowledge cutoff | May 2030 |", "knowledge_cutoff", (date(2030, 5, 1), "month")),
    ("| Training data cut-off | 2030-05-01 |", "knowledge_cutoff", (date(2030, 5, 1), "day")),
    ("| Max output | 8,192 tokens |", "output_limit", 8192.0),
    ("| Output limit | 8,192 tokens |", "output_limit", 8192.0),
    ("| Max completion tokens | 8,192 |", "output_limit", 8192.0),
    ("| Context window | 128K tokens |", "context_window", 128000.0),
])
def test_a_two_cell_row_types_its_value(line: str, kind: str, expected: object):
    [(span, key, got)] = claims(CARD + KV_TABLE + line + "\n", kind)
    assert (key, got) == ("wren 2", expected)


@pytest.mark.parametrize("line, kind, expected", [
    ("Release date: March 1, 2031", "release_date", (date(2031, 3, 1), "day")),
    ("Knowledge cutoff: May 2030", "knowledge_cutoff", (date(2030, 5, 1), "month")),
    ("Training data cut-off: May 2030", "knowledge_cutoff", (date(2030, 5, 1), "month")),
    ("Output limit: 8,192 tokens", "output_limit", 8192.0),
    ("Max output: 8,192 tokens", "output_limit", 8192.0),
])
def test_a_key_value_line_types_its_value(line: str, kind: str, expected: object):
    [(span, key, got)] = claims(CARD + line + "\n", kind)
    assert (key, got) == ("wren 2", expected)


def test_a_key_value_line_about_no_model_binds_none():
    [(span, key, got)] = claims("Knowledge cutoff: May 2030\n", "knowledge_cutoff")
    assert key is None


def test_a_cutoff_of_something_else_is_none():
    assert claims(CARD + KV_TABLE + "| Entry cut-off | May 2030 |\n", "knowledge_cutoff") == []


# --- prose ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, day", [
    ("Wren 2 has an April 2030 knowledge cutoff.", date(2030, 4, 1)),
    ("Wren 2 has a knowledge cut-off of April 2030.", date(2030, 4, 1)),
    ("Wren 2 was trained on training data up to April 2030.", date(2030, 4, 1)),
    ("Wren 2 has training data up to April 2030.", date(2030, 4, 1)),
])
def test_a_cutoff_in_prose(text: str, day: date):
    [(span, key, got)] = claims(text, "knowledge_cutoff")
    assert (key, got) == ("wren 2", (day, "month"))


# --- verdicts on the fixture mirror -----------------------------------------------------------------------------------
def test_compact_date_and_key_value_verdicts(con):
    from openpace.claims import check_text

    # tests/fixtures/mirror/epoch/open-model-trends/benchmarks_with_model_accessibility.csv: Mistral Large 2024-02-26
    table = "| Model | Release Date |\n|---|---|\n| Mistral Large | 24.02.26 |\n"
    [claim] = [c for c in check_text(con, table)["claims"] if c["kind"] == "release_date"]
    assert (claim["span"], claim["verdict"]) == ("24.02.26", "supported")
    news = "# Mistral Large\n\n- 24.05.26: We release Mistral Large.\n"
    [claim] = [c for c in check_text(con, news)["claims"] if c["kind"] == "release_date"]
    assert claim["verdict"] == "contradicted"
    # lmarena/leaderboard_table_20240730.csv: Meta-Llama-3.1-405b-Instruct, knowledge cutoff 2023/12
    card = "# Llama 3.1 405B Instruct\n\nLlama 3.1 405B Instruct is a model.\n\n| Key | Value |\n|---|---|\n"
    got = [(c["span"], c["verdict"]) for row in ("| Knowledge cutoff | December 2023 |", "| Knowledge cutoff | June 2022 |")
           for c in check_text(con, card + row + "\n")["claims"] if c["kind"] == "knowledge_cutoff"]
    assert got == [("Knowledge cutoff; December 2023", "supported"), ("Knowledge cutoff; June 2022", "contradicted")]


# --- a family's (a generation's) release date ----------------------------------------------------------------------
SIZED = {"vessel-2-2b": [("src_a", "Vessel 2 2B")], "vessel-2-9b": [("src_a", "Vessel 2 9B")]}
SIZED_LEX = Lexicon.from_names(models=[(s, n, None) for rows in SIZED.values() for s, n in rows],
                               sized=[("vessel-2-2b", "2b", None), ("vessel-2-9b", "9b", None)], aliases=SIZED)


@pytest.mark.parametrize("text, span", [
    ("The Vessel 2 family was released on March 5, 2031.", "Vessel 2 family was released on March 5, 2031"),
    ("Acme announced the Vessel 2 generation on March 5, 2031.",
     "announced the Vessel 2 generation on March 5, 2031"),
    ("Acme released the Vessel 2 models on March 5, 2031.", "released the Vessel 2 models on March 5, 2031"),
])
def test_a_familys_release_date_binds_the_family(text: str, span: str):
    got = [(c.span, c.entities[0].how, c.params["date"].low) for c in walk(text, SIZED_LEX) if c.kind == "release_date"]
    assert got == [(span, "series", date(2031, 3, 5))]


@pytest.mark.parametrize("text, verdict", [
    # tests/fixtures/mirror/epoch/open-model-trends/benchmarks_with_model_accessibility.csv: Llama 3 70B 2024-04-18
    ("The Llama 3 family was released on April 18, 2024.", "supported"),
    ("Meta announced the Llama 3 generation on April 18, 2024.", "supported"),
    ("The Llama 3 family was released on March 18, 2024.", "contradicted"),  # before its first member
    # its members on different days: models.dev/api-2026-07-01.json (kilo) meta-llama/llama-3.1-70b-instruct
    # 2024-07-16; benchmarks_with_model_accessibility.csv Llama 3.1 8B 2024-07-23: a later member's day settles nothing
    ("The Llama 3.1 family was released on July 23, 2024.", "unverifiable"),
])
def test_a_familys_release_date_verdicts(con, text: str, verdict: str):
    from openpace.claims import check_text

    [claim] = [c for c in check_text(con, text)["claims"] if c["kind"] == "release_date"]
    assert (claim["entities"][0]["match"], claim["verdict"]) == ("series", verdict), claim["explanation"]
    if verdict == "unverifiable":
        assert "different days" in claim["explanation"]


# --- key-value lines written as one paragraph (line breaks, no blank lines) -------------------------------------------
def test_key_value_lines_of_one_paragraph_are_sentences_of_their_own():
    from openpace.text import split_blocks

    para = "**Release date:** March 1, 2031\nKnowledge cutoff: May 2030\nMax output: 8,192 tokens"
    assert [b.text for b in split_blocks(para)] == ["Release date: March 1, 2031", "Knowledge cutoff: May 2030",
                                                    "Max output: 8,192 tokens"]
    # a paragraph whose lines are not all key-value lines stays one paragraph
    prose = "Wren 2 is small: it has 2B parameters\nand a 4K window, trained for a month."
    assert len(split_blocks(prose)) == 1
    got = [(c.kind, c.span) for c in walk(CARD + para + "\n", LEX) if c.kind != "other"]
    assert got == [("release_date", "Release date: March 1, 2031"), ("knowledge_cutoff", "Knowledge cutoff: May 2030"),
                   ("output_limit", "8,192")]


def test_a_key_value_table_whose_header_is_its_first_pair():
    text = CARD + "| Release date | 31.11.30 |\n|---|---|\n| Knowledge cutoff | May 2030 |\n| Max output | 8,192 tokens |\n"
    got = [(c.kind, c.span, c.entities[0].key.lower()) for c in walk(text, LEX)]
    assert got == [("release_date", "Release date; 31.11.30", "wren 2"),
                   ("knowledge_cutoff", "Knowledge cutoff; May 2030", "wren 2"), ("output_limit", "8,192", "wren 2")]
    # an ordinary header names columns and claims nothing
    text = CARD + "| Model | Release date |\n|---|---|\n| Wren 2 | 31.11.30 |\n"
    assert [(c.kind, c.span) for c in walk(text, LEX)] == [("release_date", "31.11.30")]
