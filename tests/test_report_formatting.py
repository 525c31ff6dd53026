"""One look per kind of number (openpace.domain.formatting), shared by the report page and the terminal."""

from __future__ import annotations

import pytest

from openpace.domain import formatting
from openpace.cli import prices as cli_prices
from openpace.report import sections


@pytest.mark.parametrize("value, shown", [
    (4.375, "4.375"),          # three decimals at or above 1
    (37.5, "37.50"),           # trailing zeros dropped down to two decimals
    (10, "10.00"),
    (1234.5, "1,234.50"),
    (15.123456, "15.123"),
    (0.2625, "0.2625"),        # four significant digits below 1
    (0.07875, "0.07875"),
    (0.123456, "0.1235"),
    (0.14, "0.14"),
    (0.0000001, "0.0000001"),  # a tiny price never reads as zero
    (0, "0.00"),
    (None, "–"),
], ids=lambda v: repr(v))
def test_price_rule(value, shown):
    assert formatting.usd_per_mtok(value) == shown
    assert formatting.usd_per_mtok(value, symbol=True) == (shown if value is None else f"${shown}")


@pytest.mark.parametrize("value", [4.375, 37.5, 0.2625, 0.07875, 1.1111111, 2.0, None])
def test_report_and_terminal_show_a_price_alike(value):
    page, terminal = sections.usd(value), cli_prices.usd(value)
    assert page == (terminal if value is None else f"${terminal}")


@pytest.mark.parametrize("fn, args, shown", [
    (formatting.usd, (1234.5,), "1,234.50"),
    (formatting.usd, (-12.345, True), "-$12.35"),
    (formatting.count, (1234567,), "1,234,567"),
    (formatting.number, (87.25, 1), "87.2"),
    (formatting.number, (0.0004, 1), "0.0004"),
    (formatting.number, (12, 1), "12"),
    (formatting.percent, (0.425,), "42%"),
    (formatting.percent, (0.4251, 1), "42.5%"),
    (formatting.ratio, (2.0412,), "2.04x"),
    (formatting.months, (3.54,), "3.5 months"),
    (formatting.months, (None,), "–"),
], ids=lambda v: getattr(v, "__name__", repr(v)))
def test_other_kinds(fn, args, shown):
    assert fn(*args) == shown


def test_snapshot_note_renders_its_code_span_once():
    """The sources section's note about the bundled snapshot: `built_from` (src/openpace/snapshot/PROVENANCE.json)
    already marks its command as code, so the rendered note has that one <code> span and no stray backtick."""
    import json
    from importlib.resources import files

    from openpace.report.build import Gathered
    from openpace.report.provenance import sources_section
    from openpace.report.templating import inline

    shipped = json.loads(files("openpace.snapshot").joinpath("PROVENANCE.json").read_text())
    g = Gathered(as_of=None, parity=[], sources=[{"name": "x", "origin": "bundled snapshot (test)"}],
                 provenance=shipped)
    notes = [str(inline(b.value)) for b in sources_section(g).blocks if b.kind == "note"]
    note = next(n for n in notes if n.startswith("Bundled snapshot built"))
    assert "`" not in note
    assert note.count("<code>") == 1 and "<code>openpace snapshot build</code>" in note


@pytest.mark.parametrize("closed, open_, base, decimals", [
    (87.2, 80.1, 1, 1),        # a gap the unit's decimals already show: unchanged
    (87.3, 87.2, 1, 1),        # 0.0999... in floats is still a gap of 0.1
    (1250.0, 1200.0, 0, 0),    # Elo in whole points
    (0.9045, 0.9, 1, 3),       # a gap of 0.0045 on a 0-1 scale: its first digit, consistent at 3
    (8.71, 8.70, 1, 2),        # a gap of 0.01 on a 0-10 scale
    (2.6259, 2.4241, 2, 3),    # 2.63 - 2.42 would read 0.21 beside a gap shown as 0.20
    (90.0, 90.0, 1, 1),        # level: nothing to show
    (None, 80.0, 1, 1),
], ids=repr)
def test_score_decimals_rule(closed, open_, base, decimals):
    assert formatting.score_decimals(closed, open_, base) == decimals


def test_shown_scores_always_differ_by_the_shown_gap():
    """Over a grid of score pairs at several scales: the two shown scores differ whenever the gap is not
    zero, and their difference is the shown gap."""
    from decimal import Decimal

    pairs = [(a * scale, (a - g) * scale) for scale in (1, 10, 100, 1000)
             for a in (0.5, 0.9035, 0.908, 0.37, 0.99999) for g in (0.0001, 0.00045, 0.003, 0.0421, 0.2)]
    for closed, open_ in pairs:
        d = formatting.score_decimals(closed, open_, 1)
        shown_c, shown_o = Decimal(f"{closed:.{d}f}"), Decimal(f"{open_:.{d}f}")
        assert shown_c != shown_o, (closed, open_, d)
        assert shown_c - shown_o == Decimal(f"{closed - open_:.{d}f}"), (closed, open_, d)


def test_parity_row_shows_a_small_gap_from_its_scores():
    # tests/fixtures/mirror/epoch/open-model-trends/benchmarks_with_model_accessibility.csv, SEAL Instruction
    # Following: Claude 3.5 Sonnet 0.908 (closed), Llama 3.1 405B 0.9035 (open)
    from openpace.report.build import Gathered

    row = {"benchmark": "SEAL Instruction Following", "unit": "other", "closed_best": 0.908, "open_best": 0.9035,
           "gap_points": 0.908 - 0.9035, "closed_model": "Claude 3.5 Sonnet", "open_model": "Llama 3.1 405B"}
    g = Gathered(as_of=None, parity=[row])
    assert sections.gap_text(row) == "closed leads by 0.005 score points"
    assert sections._best(g, row, "closed") == "Claude 3.5 Sonnet: 0.908"
    assert sections._best(g, row, "open") == "Llama 3.1 405B: 0.903"
    # the metric reports the gap rounded to 4 decimals (0.0045, which prints as 0.004 at 3): one more digit
    rounded = row | {"gap_points": round(0.908 - 0.9035, 4)}
    assert sections.gap_text(rounded) == "closed leads by 0.0045 score points"
    assert sections._best(g, rounded, "closed") == "Claude 3.5 Sonnet: 0.9080"
    assert sections._best(g, rounded, "open") == "Llama 3.1 405B: 0.9035"
