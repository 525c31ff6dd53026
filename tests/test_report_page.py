"""The report page in real headless Chromium: no console error, no network request, drawn charts,
hostile names from a mirror source and from an article shown as text, never as markup.

One report build and one browser launch for the whole module. Chromium is Debian's `chromium`
(`.ci/run` installs it when missing), driven by Playwright's Python package.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest

from typer.testing import CliRunner

from openpace.cli import app
from openpace.refresh import refresh
from openpace.warehouse import connect

pytestmark = pytest.mark.browser  # every test here drives Chromium (the `browser` tier)

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCRIPT_NAME = "<script>alert(1)</script>"
IMG_NAME = "<img src=x onerror=alert(1)>"
TRENDS = "epoch/open-model-trends/benchmarks_with_model_accessibility.csv"


def hostile_mirror(mirror: Path, target: Path) -> Path:
    """The epoch_trends mirror folder plus two models with hostile names (test inputs, not facts):
    an open one and a closed one, each the best of its side on MMLU so they reach the headline,
    the parity table and the chart labels."""
    folder = target / "epoch/open-model-trends"
    shutil.copytree(mirror / "epoch/open-model-trends", folder)
    path = target / TRENDS
    text = path.read_text(encoding="utf-8")
    header = next(csv.reader([text.splitlines()[0]]))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    for name, day, kind, mmlu in ((SCRIPT_NAME, "2024-09-01", "Open", "0.99"), (IMG_NAME, "2024-08-01", "Closed", "0.995")):
        # noted with HELM's leaderboard: independent scores by Stanford HELM, the one evaluator of the
        # report's MMLU row (docs/parity.md)
        writer.writerow({"System": name, "Date": day, "Open/Closed": kind, "MMLU": mmlu,
                         "MMLU Notes": "https://crfm.stanford.edu/helm/mmlu/latest/",
                         "Trust in benchmark results": "0"})
    # the mirror file has no final newline
    path.write_text(text.rstrip("\n") + "\n" + out.getvalue(), encoding="utf-8")
    # a small Hub listing in the shape of GET /api/models: a base, a hostile-named base, derivatives
    listing = [hub_model("org/base", "2024-07-01T00:00:00.000Z"),
               hub_model(f"evil/{IMG_NAME}", "2024-07-02T00:00:00.000Z")]
    for i, (relation, base, day) in enumerate((("finetune", "org/base", "03"), ("finetune", "org/base", "05"),
                                               ("adapter", "org/base", "20"), ("quantized", "org/base", "04"),
                                               ("merge", f"evil/{IMG_NAME}", "09"),
                                               ("finetune", f"evil/{IMG_NAME}", "12"))):
        listing.append(hub_model(f"user{i}/{SCRIPT_NAME}-{i}", f"2024-08-{day}T12:00:00.000Z",
                                 [f"base_model:{relation}:{base}"]))
    hub = target / "huggingface"
    hub.mkdir()
    (hub / "models-2026-07-01.jsonl").write_text("\n".join(json.dumps(m) for m in listing) + "\n", encoding="utf-8")
    return target


def hub_model(model_id: str, created: str, tags: list[str] | None = None) -> dict:
    return {"id": model_id, "author": model_id.split("/")[0], "createdAt": created, "lastModified": created,
            "tags": ["license:mit", *(tags or [])], "downloads": 0, "likes": 0, "pipeline_tag": "text-generation",
            "library_name": "transformers"}


@pytest.fixture(scope="module")
def built(mirror_db_file: Path, mirror: Path, tmp_path_factory: pytest.TempPathFactory):
    """The mirror warehouse, epoch_trends and hf_hub refreshed from the hostile mirror, and its report."""
    root = tmp_path_factory.mktemp("report")
    db = root / "report.duckdb"
    shutil.copy(mirror_db_file, db)
    con = connect(db)
    results = refresh(con, ["epoch_trends", "hf_hub"], hostile_mirror(mirror, root / "mirror"))
    con.close()
    assert [r.status for r in results] == ["ok", "ok"], [r.error for r in results]
    article = root / "article.md"
    article.write_text("Open models keep closing in on MMLU.\n\n"
                       f"A reader wrote `{SCRIPT_NAME}` and `{IMG_NAME}` in the comments.\n\n"
                       "Raw markup is read as HTML: <script>alert(2)</script><img src=y onerror=alert(3)>\n",
                       encoding="utf-8")
    # through the command, --json: the summary on stdout is the page's own data block
    # as of the end of the Epoch trends table, so MMLU is current and charted
    result = CliRunner().invoke(app, ["report", "--out", str(root / "out"), "--check", str(article),
                                      "--as-of", "2024-09-30",
                                      "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the whole module (a launch is slow on a shared machine)."""
    # a dev dependency: its absence (or the browser's) fails here, loudly, never skips
    from playwright import sync_api
    assert CHROMIUM.exists(), "Debian's chromium is missing: .ci/run installs it"
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def page(built, browser):
    events: dict[str, list] = {"requests": [], "console": [], "dialogs": [], "errors": []}
    if True:
        pg = browser.new_page(viewport={"width": 1100, "height": 900})
        pg.on("request", lambda r: events["requests"].append(r.url))
        pg.on("console", lambda m: events["console"].append(f"{m.type}: {m.text}"))
        pg.on("pageerror", lambda e: events["errors"].append(str(e)))
        pg.on("dialog", lambda d: (events["dialogs"].append(d.message), d.dismiss()))
        pg.goto(Path(built['path']).resolve().as_uri(), wait_until="load")
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        yield pg, events
        pg.close()


def test_no_console_error_and_no_network_request(page, built):
    pg, events = page
    assert events["requests"] == [Path(built['path']).resolve().as_uri()]
    assert events["console"] == [] and events["errors"] == [] and events["dialogs"] == []
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000


def test_every_chart_has_a_drawing(page, built):
    pg, _ = page
    # each figure holds the chart drawn twice, at a phone's width and a desktop's; CSS shows one
    kinds = pg.eval_on_selector_all("figure", """fs => fs.map(f => [...f.querySelectorAll('svg.op-chart')]
        .map(s => s.classList.contains('op-chart-phone') ? 'phone' : s.classList.contains('op-chart-wide') ? 'wide' : '?'))""")
    assert len(kinds) == built["charts"] >= 4 and all(k == ["phone", "wide"] for k in kinds), kinds
    # per visible chart: drawn mark elements (lines, symbols, bars with geometry), and its rendered size
    drawn = pg.eval_on_selector_all("svg.op-chart", """svgs => svgs.filter(s => s.getBoundingClientRect().width > 0)
        .map(svg => {
        const marks = [...svg.querySelectorAll('.role-mark path, .role-mark rect, .role-mark line')]
            .filter(el => (el.getAttribute('d') || 'xy').length > 1);
        const box = svg.getBoundingClientRect();
        return {marks: marks.length, width: box.width, height: box.height, wide: svg.classList.contains('op-chart-wide')};
    })""")
    assert len(drawn) == built['charts'] and all(c["wide"] for c in drawn)  # 1100 px: the desktop drawings
    assert all(c["marks"] > 0 and c["width"] > 100 and c["height"] > 100 for c in drawn), drawn


def test_hostile_source_names_are_text(page, built):
    pg, _ = page
    html = Path(built['path']).read_text(encoding="utf-8")
    body = pg.inner_text("body")
    assert SCRIPT_NAME in body and IMG_NAME in body  # shown literally: in tables and cards
    labels = pg.eval_on_selector_all("svg.op-chart text", "ts => ts.map(t => t.textContent)")
    assert SCRIPT_NAME in labels and IMG_NAME in labels  # and in the chart labels
    assert pg.locator("img").count() == 0
    scripts = pg.eval_on_selector_all("script", "ss => ss.map(s => s.type)")
    assert scripts == ["application/json"]  # the summary data block, and nothing injected
    assert html.count("</script>") == 1 and SCRIPT_NAME not in html and IMG_NAME not in html


def test_summary_data_block_round_trips(page, built):
    pg, _ = page
    data = json.loads(pg.text_content("#openpace-summary"))
    mmlu = next(r for r in data["parity"] if r["benchmark"] == "MMLU")
    assert mmlu["open_model"] == SCRIPT_NAME and mmlu["closed_model"] == IMG_NAME
    assert {k: v for k, v in data.items()} == {k: v for k, v in built.items() if k != "seconds"}


def test_hostile_article_is_text(page):
    pg, _ = page
    section = pg.inner_text("#claims")
    # the checker marks the "1" inside alert(1) as a figure, so match up to it
    assert "<script>alert(" in section and "<img src=x onerror=alert(" in section
    assert pg.locator("#claims script, #claims img").count() == 0
    # raw HTML in the article is read as HTML by the text layer: its script and image are no text at all
    assert "alert(2)" not in section and "alert(3)" not in section and "Raw markup is read as HTML:" in section


# Everything on the page that sticks out to the right of the viewport, outside a table's own scroll box
OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
        .filter(el => !el.closest('.op-scroll') && el.getBoundingClientRect().right > width + 1)
        .map(el => el.tagName.toLowerCase() + '.' + el.className);
}"""


# Every text a shown chart draws (labels, axes, legend, headers), with its box on the screen and its
# font size as shown; hidden ones left out (axis labels Vega hides as overlapping, label halos)
CHART_TEXT = """() => [...document.querySelectorAll('svg.op-chart')].flatMap((svg, chart) => {
    const box = svg.getBoundingClientRect();
    if (box.width === 0) return [];
    const scale = box.width / svg.width.baseVal.value;
    return [...svg.querySelectorAll('text')]
        .filter(t => t.textContent.trim() && t.getAttribute('opacity') !== '0' && t.getAttribute('fill') !== '#ffffff')
        .map(t => { const r = t.getBoundingClientRect();
            return {chart, text: t.textContent, x0: r.left, x1: r.right, y0: r.top, y1: r.bottom,
                    px: parseFloat(getComputedStyle(t).fontSize) * scale}; });
})"""


@pytest.mark.parametrize("width", [390, 1400], ids=["phone-390", "desktop-1400"])
def test_no_sideways_scroll(built, browser, width):
    pg = browser.new_page(viewport={"width": width, "height": 860})
    try:
        pg.goto(Path(built["path"]).resolve().as_uri(), wait_until="load")
        assert pg.evaluate("document.documentElement.scrollWidth") <= width
        assert pg.evaluate(OVERFLOW) == []
        # one drawing per chart is shown, and it fits the column, no smaller than 300 px on a phone
        widths = pg.eval_on_selector_all("svg.op-chart", """ss => ss.map(s => s.getBoundingClientRect().width)
            .filter(w => w > 0)""")
        assert len(widths) == pg.eval_on_selector_all("figure", "fs => fs.length"), widths
        assert widths and all(300 <= w <= width for w in widths), widths
        texts = pg.evaluate(CHART_TEXT)
        # chart text is readable: at least 11 px as shown (drawn for the screen, never shrunk far)
        small = [t for t in texts if t["px"] < 11]
        assert texts and small == [], small[:5]
        # and no two texts of a chart (labels, axes, legend) overlap
        overlaps = [(a["chart"], a["text"], b["text"], round(a["y0"]), round(b["y0"])) for i, a in enumerate(texts) for b in texts[i + 1:]
                    if a["chart"] == b["chart"] and a["x0"] < b["x1"] and b["x0"] < a["x1"]
                    and a["y0"] < b["y1"] and b["y0"] < a["y1"]]
        assert overlaps == []
        if width >= 1400:
            # a desktop screen shows every column of every table (the parity table's score basis too)
            cut = pg.eval_on_selector_all(".op-scroll", """ss => ss.filter(s => s.scrollWidth > s.clientWidth + 1)
                .map(s => [s.getAttribute('aria-label'), s.scrollWidth, s.clientWidth])""")
            assert cut == []
        # the answer comes first: the headline section starts within the first screen
        assert pg.eval_on_selector(".op-answer", "e => e.getBoundingClientRect().top") < 400
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"report-{width}.png"), full_page=True)
    finally:
        pg.close()


def test_every_chart_is_a_figure_with_sources_and_date(page, built):
    pg, _ = page
    captions = pg.eval_on_selector_all("svg.op-chart", """ss => ss.map(s => {
        const f = s.closest('figure'); const c = f && f.querySelector('figcaption');
        return c ? c.textContent : null; })""")
    assert len(captions) == 2 * built["charts"]  # each chart drawn twice (phone, desktop) in one figure
    for caption in captions:
        assert caption and "Source" in caption, caption
        assert re.search(r"data to \d{4}-\d{2}(-\d{2})?", caption), caption


def test_every_download_parses_as_csv(page):
    pg, _ = page
    links = pg.eval_on_selector_all("a[download]", "as => as.map(a => [a.getAttribute('download'), a.href])")
    tables = pg.eval_on_selector_all("table", "ts => ts.length")
    figures = pg.eval_on_selector_all("figure", "fs => fs.length")
    assert len(links) == tables + figures  # one download per data table and per chart
    for name, href in links:
        assert name.endswith(".csv") and href.startswith("data:text/csv;charset=utf-8,")
        rows = list(csv.reader(io.StringIO(unquote(href.split(",", 1)[1]))))
        assert len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows), name


def test_parity_table_download_holds_the_hostile_names(page):
    pg, _ = page
    href = pg.get_attribute("#parity a[download]", "href")
    rows = list(csv.DictReader(io.StringIO(unquote(href.split(",", 1)[1]))))
    mmlu = next(r for r in rows if r["benchmark"].startswith("MMLU"))
    # the two hostile models added to the trends table are each side's best on MMLU (hostile_mirror)
    assert SCRIPT_NAME in mmlu["best open (model: score)"] and IMG_NAME in mmlu["best closed (model: score)"]


def test_data_as_of_names_each_source_end_date(page, built):
    pg, _ = page
    table = pg.inner_text("#data-as-of table")
    # epoch/open-model-trends/benchmarks_with_model_accessibility.csv (with the hostile rows, the last
    # dated 2024-09-01) and the page is cut at 2024-09-30: no observation after the cut
    ends = {row["source"]: row["last"] for row in built["data_as_of"] if row["table"] == "scores"}
    assert "epoch_trends" in ends and all(e is None or e <= "2024-09-30" for e in ends.values())
    assert "Epoch AI open-model-trends" in table
    footer = pg.inner_text("footer")
    assert "Generated" in footer and "Generated" not in pg.inner_text("header")


# Ids where a reader expects a name: a lower-case id with a date stamp (`gpt-5-2025-08-07`), an
# underscore id (`gpt-5.1_high`, `release_date`), a Hub conversion suffix (`Llama-2-70b-hf`)
RAW_ID = re.compile(r"(?<![/\w])[a-z][\w.]*-(?:19|20)\d\d-?\d\d-?\d\d\b|(?<![/\w])[a-z][a-z0-9.]*_[a-z0-9_]+\b|-hf\b")


def test_no_raw_id_in_labels_cells_or_claim_kinds(page):
    pg, _ = page
    shown = pg.eval_on_selector_all(
        # where models, kinds and bases are named (the sources table names each source's `--source` id on purpose)
        "svg.op-chart .role-mark text, svg.op-chart .role-legend text, #headline .op-card, #parity td, #prices td, "
        "#tco td, #claims .op-note, #claims td",
        "els => els.map(e => e.textContent)")
    offenders = [t for t in shown if RAW_ID.search(t)]
    assert shown and offenders == [], "\n".join(offenders)


def test_frontier_chart_downloads_hold_steps_and_dots(page):
    """Each frontier chart's CSV holds what the chart draws: the step lines' month-end samples and the dots."""
    from openpace.report.sections import DOT_SERIES, STEP_SERIES

    pg, _ = page
    links = pg.eval_on_selector_all("figure a[download]", "as => as.map(a => [a.getAttribute('download'), a.href])")
    frontier = [href for name, href in links if "best-open-and-best-closed" in name]
    assert frontier
    for href in frontier:
        rows = list(csv.DictReader(io.StringIO(unquote(href.split(",", 1)[1]))))
        assert {r["series"] for r in rows} == {STEP_SERIES, DOT_SERIES}
        steps = [r for r in rows if r["series"] == STEP_SERIES]
        assert all(r["model"] == "" and r["score"] for r in steps)
