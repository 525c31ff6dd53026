"""`openpace capability`: the capability index across benchmarks (Epoch AI's benchmark stitching)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from ..domain import formatting
from .common import AsOfOption, DbOption, JsonOption, app, out_console, parse_date_option, print_json, warehouse


@app.command("capability")
def capability_command(as_of: AsOfOption = None, db: DbOption = None, json_out: JsonOption = False) -> None:
    """A capability index fitted across Epoch AI's benchmarks: each model's capability, each benchmark's
    difficulty and slope (docs/parity.md). `openpace parity --benchmark capability` gives the lag on it."""
    from ..metrics.capability import capability_index

    day = parse_date_option(as_of)
    con = warehouse(db)
    try:
        index = capability_index(con, as_of=day)
    finally:
        con.close()
    if json_out:
        print_json(index.to_json())
        return
    fit = index.fit
    table = Table(title=f"Capability index ({fit['models']} models, {fit['benchmarks']} benchmarks, "
                        f"{fit['observations']} scores; {fit['anchor']['benchmark']} difficulty 0)", title_justify="left")
    for name in ("model", "capability", "released", "open", "benchmarks"):
        table.add_column(name, justify="right" if name in ("capability", "benchmarks") else "left")
    for m in index.models:
        side = "?" if m.open is None else ("open" if m.open else "closed")
        table.add_row(Text(m.model), formatting.number(m.capability, 2),
                      m.release_date.isoformat() if m.release_date else "?", side, str(len(m.benchmarks)))
    out_console.print(table)
    out_console.print(f"fit: RMSE {fit['rmse']:g} on shares solved; L2 {fit['regularization']:g}; seed {fit['seed']}",
                      markup=False)
