"""The warehouse: one DuckDB file, numbered migrations, transactional loaders, the bundled snapshot's files
(loading it on first use is `openpace.bundle.open_warehouse`)."""

from .db import connect

__all__ = ["connect"]
