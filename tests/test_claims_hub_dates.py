"""Hub model counts bound to their own dates, checked against the docs' dated statements as floors
(from the day a count is first stated) and ceilings (the next round figure, on and before that day),
over the whole interval a vague date names. Sentences written for the test; every expected verdict
rests on tests/fixtures/mirror/huggingface/hub_docs_model_count_statements.csv, quoted per case."""

from __future__ import annotations

from datetime import date


from openpace.claims import check_text
from openpace.claims.verify_market import next_round


def counts(con, text: str, as_of: date | None = None) -> list[tuple[str, str]]:
    return [(c["span"], c["verdict"]) for c in check_text(con, text, as_of=as_of)["claims"] if c["kind"] == "hub_count"]


def test_the_next_round_figure_is_at_the_statements_own_precision():
    # the statements' own figures: '350k', '1.7M', '2M', '50K' (hub_docs_model_count_statements.csv)
    assert [next_round(x) for x in (350_000, 1_700_000, 2_000_000, 50_000)] == [360_000, 1_800_000, 3_000_000, 60_000]


def test_a_count_now_and_a_count_up_from_a_year_each_keep_their_own_date(con):
    # "2M models" stated 2025-10-07: at least 2 million now; the year belongs to the second count only:
    # over 2022 the ceiling is '120k models' (2023-01-24) -> below 130,000, the floor '50K models' (2022-06-01)
    # holds only from June, so "about 90,000 in 2022" is possible but not shown
    got = counts(con, "The Hugging Face Hub now hosts over 2 million models, up from about 90,000 in 2022.")
    assert got[0] == ("over 2 million", "supported")
    assert got[1][1] == "unverifiable" and "2022" in got[1][0]


def test_a_count_that_cannot_fit_anywhere_in_a_vague_interval_is_contradicted(con):
    # early 2024 (January-April): floor '350k models' (2023-11-02), ceiling: '900k models' (2024-09-12)
    # -> below 1,000,000 on every day of it, so 2 million (within a factor 1.25) cannot hold
    assert counts(con, "In early 2024 the Hugging Face Hub had about 2 million models.")[0][1] == "contradicted"
    # ... and about 500,000 fits between the bounds but no statement shows it: not settled
    [(span, verdict)] = counts(con, "In early 2024 the Hugging Face Hub had about 500,000 models.")
    assert verdict == "unverifiable" and span.startswith("early 2024")


def test_at_least_needs_the_floor_by_the_end_of_the_interval(con):
    # '350k models' first stated 2023-11-02: by mid-2023 (May-August) the floor is '120k models' only, and
    # the ceiling on 2023-08-31 is below 360,000: 300,000 is neither reached nor ruled out
    assert counts(con, "By mid-2023 the Hugging Face Hub listed over 300,000 models.")[0][1] == "unverifiable"
    # by late 2023 (September-December) the 2023-11-02 statement is a floor of 350,000
    assert counts(con, "By late 2023 the Hugging Face Hub listed over 300,000 models.")[0][1] == "supported"
    # the ceiling after '120k models' (2023-01-24) is 130,000 on every day of 2022: a million was not passed
    assert counts(con, "By the end of 2022 the Hugging Face Hub had passed 1 million models.")[0][1] == "contradicted"


def test_now_is_the_texts_date(con):
    # on 2025-06-30 the latest statement is '1.7M models' (2025-05-27); '2M models' comes 2025-10-07
    assert counts(con, "The Hugging Face Hub now lists over 2 million models.", as_of=date(2025, 6, 30))[0][1] == \
        "unverifiable"
    assert counts(con, "The Hugging Face Hub now lists over 2 million models.", as_of=date(2025, 10, 31))[0][1] == \
        "supported"


def test_contributors_without_a_period_are_everyone_up_to_the_texts_date(con):
    # tests/fixtures/mirror/git/monthly_contributors.csv: every person is a first-time author in exactly
    # one month, so the people who ever contributed by a date are the sum of first_time_authors up to it
    import csv

    from tests.conftest import FIXTURE_MIRROR

    with open(FIXTURE_MIRROR / "git" / "monthly_contributors.csv", newline="") as f:
        people = sum(int(r["first_time_authors"]) for r in csv.DictReader(f)
                     if r["repo"] == "huggingface/huggingface_hub" and r["month"] <= "2024-12")
    day = date(2024, 12, 31)
    text = f"The huggingface_hub library counts almost {people + 5} contributors."
    [claim] = [c for c in check_text(con, text, as_of=day)["claims"] if c["kind"] == "contributors"]
    assert claim["verdict"] == "supported" and claim["found"] == people
    text = f"The huggingface_hub library counts {people * 2} contributors."
    [claim] = [c for c in check_text(con, text, as_of=day)["claims"] if c["kind"] == "contributors"]
    assert claim["verdict"] == "contradicted"
