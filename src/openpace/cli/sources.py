"""`openpace sources`: per source, its rows, last refresh, origin and licence."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from ..domain import formatting
from ..metrics.inventory import source_inventory
from .common import DbOption, JsonOption, app, out_console, print_json, warehouse


@app.command("sources")
def sources_command(db: DbOption = None, json_out: JsonOption = False) -> None:
    """List every source with its row count, last refresh, origin and licence."""
    rows = source_inventory(warehouse(db))
    if json_out:
        print_json([row.to_json() for row in rows])
        return
    table = Table("source", "rows", "last refresh", "origin", "licence")
    for row in rows:
        # Text, not markup: an origin or licence from a source is shown as written
        table.add_row(Text(row.name), formatting.count(row.rows), str(row.last_refresh or "never"),
                      Text(row.origin or ""), Text(row.license or ""))
    out_console.print(table)
