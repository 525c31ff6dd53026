"""Numbered schema migrations, applied in order and recorded in `schema_migrations`.

Never edit a migration that has shipped: add the next number.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from .tx import transaction

Migration = Callable[[duckdb.DuckDBPyConnection], None]
MIGRATIONS: dict[int, Migration] = {}

PROVENANCE = "source VARCHAR NOT NULL, origin VARCHAR NOT NULL, observed DATE, license VARCHAR NOT NULL, raw JSON"


def migration(number: int) -> Callable[[Migration], Migration]:
    def register(fn: Migration) -> Migration:
        MIGRATIONS[number] = fn
        return fn

    return register


@migration(1)
def m001_initial(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"""
        CREATE TABLE model_facts (
            name VARCHAR NOT NULL, key VARCHAR, organization VARCHAR, release_date DATE,
            open_weights BOOLEAN, accessibility VARCHAR, parameters DOUBLE,
            training_compute_flop DOUBLE, hardware VARCHAR, hardware_quantity DOUBLE,
            training_time_hours DOUBLE, base_model VARCHAR, hf_id VARCHAR, {PROVENANCE})""")
    con.execute(f"""
        CREATE TABLE scores (
            model_name VARCHAR NOT NULL, benchmark VARCHAR NOT NULL, score DOUBLE NOT NULL,
            unit VARCHAR NOT NULL, model_key VARCHAR, shots VARCHAR, release_date DATE,
            evaluated_date DATE, open_weights BOOLEAN, trust INTEGER, ci95 DOUBLE, {PROVENANCE})""")
    con.execute(f"""
        CREATE TABLE prices (
            model_name VARCHAR NOT NULL, provider VARCHAR NOT NULL, input_usd_per_mtok DOUBLE,
            output_usd_per_mtok DOUBLE, model_key VARCHAR, valid_from DATE, valid_to DATE,
            open_weights BOOLEAN, release_date DATE, {PROVENANCE})""")
    con.execute(f"""
        CREATE TABLE hub_statements (
            date DATE NOT NULL, statement VARCHAR NOT NULL, models_count BIGINT NOT NULL,
            commit VARCHAR, {PROVENANCE})""")
    con.execute(f"""
        CREATE TABLE repo_activity (
            repo VARCHAR NOT NULL, month VARCHAR NOT NULL, commits INTEGER NOT NULL,
            distinct_authors INTEGER NOT NULL, first_time_authors INTEGER NOT NULL,
            head_commit VARCHAR, {PROVENANCE})""")
    con.execute(f"""
        CREATE TABLE arena_tops (
            date DATE NOT NULL, category VARCHAR NOT NULL, max_elo DOUBLE NOT NULL,
            max_model VARCHAR NOT NULL, {PROVENANCE})""")
    # Hub listing: one row per model id; lineage edges extracted from base_model tags.
    con.execute("""
        CREATE TABLE hub_models (
            id VARCHAR PRIMARY KEY, author VARCHAR, created_at TIMESTAMP, last_modified TIMESTAMP,
            downloads BIGINT, likes BIGINT, pipeline_tag VARCHAR, library_name VARCHAR,
            license VARCHAR, tags VARCHAR[], source VARCHAR NOT NULL, origin VARCHAR NOT NULL,
            observed DATE, license_of_data VARCHAR NOT NULL)""")
    con.execute("""
        CREATE TABLE hub_lineage (
            child VARCHAR NOT NULL, base VARCHAR NOT NULL, relation VARCHAR NOT NULL,
            child_created TIMESTAMP)""")
    # Model identity: derived from the fact tables by identity.build, rebuilt after each refresh.
    con.execute("""
        CREATE TABLE models (
            model_id VARCHAR PRIMARY KEY, display_name VARCHAR NOT NULL, family VARCHAR,
            organization VARCHAR, variant VARCHAR, open_weights BOOLEAN, open_basis VARCHAR,
            release_date DATE, release_source VARCHAR)""")
    con.execute("""
        CREATE TABLE model_aliases (
            alias VARCHAR NOT NULL, normalized VARCHAR NOT NULL, model_id VARCHAR NOT NULL,
            source VARCHAR NOT NULL, rule VARCHAR NOT NULL)""")
    con.execute("""
        CREATE TABLE identity_conflicts (
            model_id VARCHAR NOT NULL, field VARCHAR NOT NULL, detail VARCHAR NOT NULL)""")
    con.execute("""
        CREATE TABLE ingest_runs (
            run_id VARCHAR NOT NULL, source VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP, status VARCHAR NOT NULL, rows BIGINT, origin VARCHAR,
            license VARCHAR, error VARCHAR)""")


def apply_migrations(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply every migration not yet recorded, each in its own transaction; return those applied."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
    done = {row[0] for row in con.execute("SELECT number FROM schema_migrations").fetchall()}
    applied = []
    for number in sorted(MIGRATIONS):
        if number in done:
            continue
        with transaction(con):
            MIGRATIONS[number](con)
            con.execute("INSERT INTO schema_migrations VALUES (?, now())", [number])
        applied.append(number)
    return applied


@migration(2)
def m002_identity_detail(con: duckdb.DuckDBPyConnection) -> None:
    """Model identity detail (identity helper): the parts of a canonical key, which sources name a
    model, and every source's own release date and open/closed flags, kept side by side."""
    con.execute("ALTER TABLE models ADD COLUMN size VARCHAR")
    con.execute("ALTER TABLE models ADD COLUMN snapshot VARCHAR")
    con.execute("ALTER TABLE models ADD COLUMN sources VARCHAR")  # comma-separated, sorted
    con.execute("""
        CREATE TABLE model_release_dates (
            model_id VARCHAR NOT NULL, source VARCHAR NOT NULL, release_date DATE NOT NULL,
            rows BIGINT NOT NULL)""")
    con.execute("""
        CREATE TABLE model_open_flags (
            model_id VARCHAR NOT NULL, source VARCHAR NOT NULL, open_rows BIGINT NOT NULL,
            closed_rows BIGINT NOT NULL)""")


@migration(3)
def m003_hub_ingest(con: duckdb.DuckDBPyConnection) -> None:
    """Hub ingest at full scale (ecosystem helper): resumable live crawls and a lighter hub_models.

    `hub_ingest_state` holds one row per crawl with its committed cursor (the API's next-page URL,
    never a token); `hub_stage` the pages fetched so far, committed together with the cursor, so
    a killed crawl resumes with neither duplicates nor gaps. `hub_models` loses its primary key:
    the loader checks ids itself, and a 2M-key index cost ~1 s and hundreds of MB per refresh.
    """
    con.execute("""
        CREATE TABLE hub_ingest_state (
            run_id VARCHAR PRIMARY KEY, mode VARCHAR NOT NULL, status VARCHAR NOT NULL,
            endpoint VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL, updated_at TIMESTAMP,
            next_url VARCHAR, pages INTEGER NOT NULL, rows BIGINT NOT NULL, watermark TIMESTAMP,
            observed DATE)""")
    con.execute("""
        CREATE TABLE hub_stage (
            run_id VARCHAR NOT NULL, page INTEGER NOT NULL, id VARCHAR, author VARCHAR,
            created_at TIMESTAMP, last_modified TIMESTAMP, downloads BIGINT, likes BIGINT,
            pipeline_tag VARCHAR, library_name VARCHAR, license VARCHAR, tags VARCHAR[])""")
    con.execute("ALTER TABLE hub_models RENAME TO hub_models_v1")
    con.execute("""
        CREATE TABLE hub_models (
            id VARCHAR NOT NULL, author VARCHAR, created_at TIMESTAMP, last_modified TIMESTAMP,
            downloads BIGINT, likes BIGINT, pipeline_tag VARCHAR, library_name VARCHAR,
            license VARCHAR, tags VARCHAR[], source VARCHAR NOT NULL, origin VARCHAR NOT NULL,
            observed DATE, license_of_data VARCHAR NOT NULL)""")
    con.execute("INSERT INTO hub_models SELECT * FROM hub_models_v1")
    con.execute("DROP TABLE hub_models_v1")
    # each edge's base resolved at ingest to the listed model (ids compare case-insensitively) and
    # its creation time, so derivative counts are one scan of hub_lineage with no join
    con.execute("ALTER TABLE hub_lineage ADD COLUMN base_id VARCHAR")
    con.execute("ALTER TABLE hub_lineage ADD COLUMN base_created TIMESTAMP")


@migration(5)
def m005_model_settings(con: duckdb.DuckDBPyConnection) -> None:
    """Inference settings and moving aliases (identity helper, data-quality pass).

    `setting`: the reasoning effort or thinking budget a name carries (`high`, `thinking-32k`);
    `setting_of`: the canonical model it is a setting of (same weights, so it inherits openness and,
    when missing, the release date; parity counts a model's settings as one model).
    `moving`: the name is a moving pointer (`-latest`, `(latest)`): no fixed release or weights,
    so time-series metrics leave its rows out.
    """
    con.execute("ALTER TABLE models ADD COLUMN setting VARCHAR")
    con.execute("ALTER TABLE models ADD COLUMN setting_of VARCHAR")
    con.execute("ALTER TABLE models ADD COLUMN moving BOOLEAN")


@migration(6)
def m006_claim_facts(con: duckdb.DuckDBPyConnection) -> None:
    """Facts the claim checker needs (claim-facts helper), as more columns of `model_facts`, one
    source row each, never reconciled: active parameters, training tokens and the dataset-size
    figure with its unit, accelerator-hours, context window and output limit, knowledge cut-off,
    the model's licence, and `fact_notes` (JSON: for a column, the note its value was read from).
    """
    for column, kind in (("parameters_active", "DOUBLE"), ("training_tokens", "DOUBLE"),
                         ("dataset_size", "DOUBLE"), ("dataset_size_unit", "VARCHAR"),
                         ("chip_hours", "DOUBLE"), ("chip_hours_stated", "DOUBLE"),
                         ("context_window", "BIGINT"), ("output_limit", "BIGINT"),
                         ("knowledge_cutoff", "VARCHAR"), ("model_license", "VARCHAR"),
                         ("fact_notes", "JSON")):
        con.execute(f"ALTER TABLE model_facts ADD COLUMN {column} {kind}")


@migration(7)
def m007_hub_base_tags(con: duckdb.DuckDBPyConnection) -> None:
    """The Hub listing keeps its `base_model:` tags (`base_tags`, the lineage edges' evidence) instead
    of every tag (issue 13): nothing read the rest, long on real models, and storing it cost more
    than parsing the listing. The licence was already extracted into `license`."""
    for table in ("hub_models", "hub_stage"):
        con.execute(f"ALTER TABLE {table} ADD COLUMN base_tags VARCHAR[]")
        con.execute(f"UPDATE {table} SET base_tags = list_filter(tags, lambda t: starts_with(t, 'base_model:'))")
        con.execute(f"ALTER TABLE {table} DROP COLUMN tags")


@migration(8)
def m008_price_tiers(con: duckdb.DuckDBPyConnection) -> None:
    """The batch-API and prompt-caching prices of each price row (claims helper, price tiers): batch
    input and output, cache read and cache write (default lifetime), USD per million tokens, from the
    catalogues that list them (LiteLLM, genai-prices, models.dev); NULL where a catalogue gives none."""
    for column in ("batch_input_usd_per_mtok", "batch_output_usd_per_mtok", "cache_read_usd_per_mtok",
                   "cache_write_usd_per_mtok"):
        con.execute(f"ALTER TABLE prices ADD COLUMN {column} DOUBLE")


@migration(9)
def m009_price_cache_write_1h(con: duckdb.DuckDBPyConnection) -> None:
    """The one-hour cache-write price beside the default one (claims helper, price tiers): LiteLLM's
    `cache_creation_input_token_cost_above_1hr`, USD per million tokens; NULL elsewhere."""
    con.execute("ALTER TABLE prices ADD COLUMN cache_write_1h_usd_per_mtok DOUBLE")
