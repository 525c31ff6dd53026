"""The report without a browser: escaping, the empty warehouse's how-to notices, the command."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from openpace.report import build_report
from openpace.report.escape import script_json, text

HOSTILE = '</script><script>alert(1)</script><!-- "quoted" & \u2028'


from cli_helpers import run  # noqa: E402  (shared by the CLI tests)


@pytest.mark.parametrize("value", [HOSTILE, "<img src=x onerror=alert(1)>", "plain"], ids=["script", "img", "plain"])
def test_script_json_cannot_close_its_block(value):
    encoded = script_json({"name": value})
    assert "<" not in encoded and ">" not in encoded and "\u2028" not in encoded
    assert json.loads(encoded) == {"name": value}


def test_text_escapes_markup_and_quotes():
    assert text('<a href="x">&</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
    assert text(None) == ""


def test_empty_warehouse_says_how_to_get_each_section(fresh_db, tmp_path):
    result = build_report(fresh_db, tmp_path / "out", as_of=date(2024, 9, 30))
    html = result.path.read_text(encoding="utf-8")
    assert "Cut at 2024-09-30: only models released, and data observed, on or before that day." in html
    assert result.charts == 0 and "<svg" not in html
    assert result.sections["parity"] is False and result.sections["prices"] is False
    assert result.sections["ecosystem"] is False and result.sections["tco"] is False
    for command in ("openpace refresh --source epoch_trends", "openpace refresh --source hf_hub",
                    "openpace refresh --source git", "openpace report --tco FILE"):
        assert f"<code>{command}" in html, command
    assert html.count('class="op-missing"') >= 6


def test_report_command_on_the_mirror(mirror_db_path, tmp_path, monkeypatch, capsys):
    out_dir = tmp_path / "site"
    tco = tmp_path / "tco.json"
    # the reader's own inputs (not facts): 2 USD/GPU-hour, 1 GPU, 1,000 tok/s at 50% utilisation
    tco.write_text(json.dumps({"compare_to": "gpt-4o", "gpu_hour_usd": 2, "gpus": 1, "tokens_per_second": 1000,
                               "utilization": 0.5, "monthly_tokens": 1e9}), encoding="utf-8")
    code, out, err = run(["report", "--out", str(out_dir), "--tco", str(tco),
                          "--check", str(article(tmp_path)), "--db", str(mirror_db_path)], monkeypatch, capsys)
    assert code == 0, err
    assert "2M models" in out and f"written {out_dir / 'index.html'}" in out
    # the checked article's terminal summary: the claim count and verdicts, as the page's data block has them
    assert "checked article: " in out
    html = (out_dir / "index.html").read_text(encoding="utf-8")
    block = html.split('<script type="application/json" id="openpace-summary">')[1].split("</script>")[0]
    summary = json.loads(block)
    assert Path(summary["path"]) == out_dir / "index.html" and summary["charts"] >= 4
    assert all(summary["sections"][k] for k in ("headline", "parity", "prices", "ecosystem", "tco", "claims"))
    cards = {h["key"]: h for h in summary["headline"]}
    # MMLU on independent scores (docs/parity.md, score basis), as of the last date its data covers:
    # epoch/benchmark-stitching/external_benchmark_mmlu.csv, Source "Stanford CRFM Leaderboard":
    # Claude 3.5 Sonnet (20241022) 87.3% (closed), DeepSeek v3 87.2% (open), the best of each side
    assert "<td>MMLU</td>" in html
    assert "<td>closed leads by 0.1 points</td>" in html
    # shown by the identity's display names, not the source's spellings (its compact snapshot date as a date)
    assert "<td>Claude 3.5 Sonnet (2024-10-22): 87.3</td><td>DeepSeek V3: 87.2</td>" in html
    # huggingface/hub_docs_model_count_statements.csv: last row 2025-10-07 "2M models", first 2022-06-01 "50K models"
    assert cards["hub"]["value"] == "2M models" and cards["hub"]["data_date"] == "2025-10-07"
    assert cards["hub"]["detail"] == "50K models on 2022-06-01"
    assert cards["hub"]["sources"] == ["Hugging Face Hub docs"]
    # 2 USD x 1 GPU / (1,000 tok/s x 0.5 x 3,600 s) x 1e6 = 1.111 USD per million tokens (docs/report.md: a
    # price at or above 1 shows three decimals)
    assert "<td>$1.111</td>" in html
    assert "&lt;script&gt;" in html and "<script>alert" not in html and "alert(2)" not in html


def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.md"
    # markup written as text (a code span) is shown escaped; raw HTML is read as HTML, its script dropped
    path.write_text("Llama 3.1 405B scored 87.3% on MMLU.\n\nA comment: `<script>alert(1)</script>`\n\n"
                    "<script>alert(2)</script>\n", encoding="utf-8")
    return path


def test_bad_tco_file_is_one_line(mirror_db_path, tmp_path, monkeypatch, capsys):
    bad = tmp_path / "tco.json"
    bad.write_text("{not json", encoding="utf-8")
    code, out, err = run(["report", "--out", str(tmp_path / "r"), "--tco", str(bad), "--db", str(mirror_db_path)],
                         monkeypatch, capsys)
    assert code == 1 and out == ""
    assert err.strip().splitlines() == [f"error: --tco {bad}: line 1: not JSON (Expecting property name enclosed in "
                                        "double quotes)"]
    assert not (tmp_path / "r").exists()


def test_missing_article_is_one_line(mirror_db_path, tmp_path, monkeypatch, capsys):
    code, _, err = run(["report", "--out", str(tmp_path / "r"), "--check", str(tmp_path / "nope.md"),
                        "--db", str(mirror_db_path)], monkeypatch, capsys)
    assert code == 1 and len(err.strip().splitlines()) == 1 and "nope.md" in err


def test_no_data_degrades_but_a_bug_does_not():
    from openpace.errors import DataError
    from openpace.report.build import Missing, call

    how = Missing("No widgets.", "Run `openpace refresh --source widgets`")

    def no_data():
        raise DataError("no widgets in the warehouse")

    absent = call(no_data, how)
    assert isinstance(absent, Missing) and absent.how.endswith("(no widgets in the warehouse)")
    assert call(list, how) is how  # an empty result is "no data" too
    with pytest.raises(TypeError):  # a metric failing for any reason but "no data" is a bug: it propagates
        call(script_json, how, object())


def test_the_report_looks_no_metric_up_by_name():
    # plain imports only: a metric missing from the build is an import error, never a notice
    package = Path(__file__).resolve().parent.parent / "src/openpace/report"
    for path in package.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "importlib" not in source and "getattr(" not in source, path.name
        assert "not in this build" not in source, path.name


def test_report_check_terminal_summary_and_empty_article(mirror_db_path, tmp_path, monkeypatch, capsys):
    empty = tmp_path / "empty.md"
    empty.write_text("Nothing here states a figure.\n", encoding="utf-8")
    code, out, err = run(["report", "--out", str(tmp_path / "r"), "--check", str(empty), "--db", str(mirror_db_path)],
                         monkeypatch, capsys)
    assert code == 0, err
    assert "checked article: 0 claims: no claims found" in out
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "No claims found in this article" in html and "Nothing here states a figure." in html
