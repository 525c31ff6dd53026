"""Each business rule once, with no I/O: the bottom layer every other package may import.

- `model_names`: how a model name reduces to its canonical key (and the words prose matching uses).
- `benchmarks`: how benchmark names are keyed.
- `providers`: one canonical key per provider; first-party detection.
- `priority`: which source wins, per kind of fact, and why.
- `prices`: the blended price and its weights.
- `qualifiers`: "over / about / nearly ..." and the tolerances they carry.
- `tolerances`: the claim checker's other tolerances (comparisons, dates, training facts, attributes,
  Hub counts, git counts, catalogue sizes).
- `formatting`: how a number or a date is shown.
- `dates`: month tables.
- `basis`: who measured a score (independent | self_reported), as rules (i11), and how much a score row
  weighs as evidence (`authority`: authoritative | secondary | low_trust).
- `variants`: which canonical models (variant, dated snapshot, setting) a claim's name covers.

Nothing here opens a file, a connection or a socket, and nothing imports duckdb (the import-linter
contract in pyproject.toml holds it so).
"""
