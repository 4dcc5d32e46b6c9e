"""Cells of a table as people type them: missing markers, numbers, and how messages quote them.

Shared by the CSV reader, the table model and the data set: one rule for what
"no value" and "a number" mean, so the preview, the checks and training agree.
"""

from __future__ import annotations

import math
from typing import Literal

from playground.core.safe_read import excerpt

ColumnType = Literal["numeric", "text"]

#: Cell texts (compared in lower case) that mean "no value here".
MISSING_MARKERS: frozenset[str] = frozenset(
    {"", "na", "n/a", "nan", "null", "none", "?", "-", "#n/a", "missing"}
)
#: How many column names a message lists before it says "and N more".
_LISTED_COLUMNS = 12


def is_missing(cell: str) -> bool:
    """Whether a cell stands for a missing value (blank, NA, NaN, ...)."""
    return cell.strip().lower() in MISSING_MARKERS


def parse_number(cell: str, decimal_comma: bool = False) -> float | None:
    """The cell's finite number, or None if it is not one.

    With ``decimal_comma`` (files separated by semicolons or tabs) ``1,5`` reads as 1.5.
    """
    text = cell.strip()
    if decimal_comma and "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def quote_cell(cell: str) -> str:
    """A cell as messages show it: quoted, cut short and with control characters escaped.

    A message may be shown for a file the user did not mean to pick (a binary,
    a private file): only a short printable excerpt is ever echoed.
    """
    return f"'{excerpt(cell.strip(), 30)}'"


def list_columns(names: tuple[str, ...] | list[str]) -> str:
    """Column names for a message: quoted excerpts, the first dozen and a count of the rest."""
    shown = [quote_cell(name) for name in names if name][:_LISTED_COLUMNS]
    rest = len([name for name in names if name]) - len(shown)
    return ", ".join(shown) + (f" and {rest} more" if rest > 0 else "")
