"""The per-epoch metrics as a CSV table that spreadsheets open as plain values.

Both ``playground train --out`` and the app's File ▸ Export ▸ Metrics write
this table. A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or
``@`` as a formula (and old ones let a formula start programs), so every text
cell (the column names and any text value) that could read as one is written
with a leading apostrophe, which spreadsheets show as text. Numbers stay
numbers, a negative loss included. Quoting is the csv module's, so a comma,
quote or line break in a cell cannot shift the columns.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Mapping, Sequence

from playground.core.io.atomic import atomic_write_bytes
from playground.core.training.history import EPOCH_COLUMNS

#: First characters that make a spreadsheet read a cell as a formula (the full-width
#: forms too, which some spreadsheets treat the same) or that hide one behind white space.
FORMULA_STARTS = frozenset("=+-@\t\r\n＝＋－＠")


def spreadsheet_cell(value: object) -> object:
    """``value`` as it goes into a CSV cell: text that could start a formula gets a ``'``."""
    if isinstance(value, str) and value.lstrip(" ")[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def metrics_csv_text(
    rows: Iterable[Mapping[str, object]], columns: Sequence[str] = EPOCH_COLUMNS
) -> str:
    """The CSV text: a header of ``columns``, then one line per row (missing cells empty)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([spreadsheet_cell(name) for name in columns])
    for row in rows:
        writer.writerow([spreadsheet_cell(row.get(name, "")) for name in columns])
    return buffer.getvalue()


def write_metrics_csv(
    path: str | os.PathLike[str],
    rows: Sequence[Mapping[str, object]],
    columns: Sequence[str] = EPOCH_COLUMNS,
) -> int:
    """Write the table to ``path`` atomically (UTF-8); returns the number of rows written.

    Text that UTF-8 cannot hold (a lone surrogate) is replaced rather than
    failing halfway through the file.
    """
    text = metrics_csv_text(rows, columns)
    atomic_write_bytes(path, text.encode("utf-8", errors="replace"))
    return len(rows)
