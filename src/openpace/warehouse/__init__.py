"""The warehouse: one DuckDB file, numbered migrations, transactional loaders, the bundled snapshot."""

from .db import connect, open_warehouse

__all__ = ["connect", "open_warehouse"]
