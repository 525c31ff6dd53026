"""Metrics: pure functions over warehouse tables. They never fetch and never write."""
