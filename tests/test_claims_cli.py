"""`openpace check` on the command line: stdin, --json, --html, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from openpace.cli import app

runner = CliRunner()
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "article.md"  # the project's sample article


def run(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from openpace.cli import main; main()", *args], input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_json_from_stdin(mirror_db_path: Path):
    text = "GPT-4o costs $2.50 per million input tokens. One reseller quotes .50 per million tokens."
    done = runner.invoke(app, ["check", "-", "--json", "--db", str(mirror_db_path)], input=text)
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)  # JSON only on stdout
    claims = data["claims"]
    assert [c["verdict"] for c in claims] == ["supported", "unreadable"]
    for c in claims:
        assert {"sentence", "span", "kind", "entities", "verdict", "expected", "found", "evidence",
                "explanation"} <= set(c)
    # litellm/model_prices_2026-11-20_litellm-1.110.2.json: gpt-4o input_cost_per_token 2.5e-06
    assert any(row["source"] == "litellm" and row["value"]["input"] == 2.5 for row in claims[0]["evidence"])


def test_table_and_html(mirror_db_path: Path, tmp_path: Path):
    out = tmp_path / "claims.html"
    done = runner.invoke(app, ["check", str(SAMPLE), "--html", str(out), "--db", str(mirror_db_path)])
    assert done.exit_code == 0, done.output
    assert "contradicted" in done.stdout and "unreadable" in done.stdout
    html = out.read_text()
    assert html.count('class="op-claim op-claim-') >= 11  # examples/article.expected.json: 11 claims
    assert "op-claim-contradicted" in html and "<details>" in html


def test_missing_file_is_one_line(mirror_db_path: Path, tmp_path: Path):
    done = run(["check", str(tmp_path / "nope.md"), "--db", str(mirror_db_path)])
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1 and "nope.md" in done.stderr
