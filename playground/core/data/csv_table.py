"""A table as text cells, every row as wide as its header: how the rows of a file become one.

The first row may name the columns, be the first data row, or be a line to
skip (scikit-learn's own CSV files start with counts and class names); without
names from the file the columns are named by the user or numbered. A row wider
or narrower than the header is an error that names it, never silently cut.
Rows are numbered as a spreadsheet shows them: the first row is row 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from playground.core.data.base import DataError
from playground.core.data.csv_cells import list_columns, parse_number, quote_cell
from playground.core.problems import PlainValue, Problem
from playground.core.safe_read import excerpt

FirstRow = Literal["names", "data", "skip"]


def default_column_names(width: int) -> tuple[str, ...]:
    """The names columns get when the first row does not name them: column 1, column 2, ..."""
    return tuple(f"column {i + 1}" for i in range(width))


Record = tuple[int, tuple[str, ...]]


@dataclass(frozen=True)
class CsvTable:
    """A whole CSV file as text cells, with the spreadsheet row number of every data row."""

    path: Path
    delimiter: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_numbers: tuple[int, ...]
    #: Rows not as wide as the header (only a preview keeps them instead of raising).
    problems: tuple[Problem, ...] = ()
    #: Results of checks over whole columns, kept with the table (which is cached) because
    #: the editor describes the data on every change of the spec.
    checked: dict[tuple[str, ...], list[Problem] | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def name(self) -> str:
        """The file name messages use."""
        return self.path.name

    @property
    def decimal_comma(self) -> bool:
        """Whether ``1,5`` may mean 1.5 (the comma is not the delimiter)."""
        return self.delimiter != ","

    def column_index(self, column: str) -> int:
        """Index of a column by name; :class:`DataError` listing the columns if absent or doubled."""
        positions = [i for i, name in enumerate(self.header) if name == column]
        if not positions:
            existing = list_columns(self.header)
            raise DataError(
                f"{self.name} has no column {quote_cell(column)}; its columns are {existing}. "
                "Pick one of those or check the spelling."
            )
        if len(positions) > 1:
            places = " and ".join(str(i + 1) for i in positions)
            raise DataError(
                f"{self.name} has two columns named {quote_cell(column)} (columns {places}); "
                "rename one of them in the file."
            )
        return positions[0]

    def cell(self, row: int, column: int, column_name: str) -> str:
        """The text of one cell; :class:`DataError` if that row is too short to have it."""
        values = self.rows[row]
        if column >= len(values):
            raise DataError(
                f"In {self.name}, row {self.row_numbers[row]} has no cell for column "
                f"{quote_cell(column_name)} (it has {len(values)} cells, the header "
                f"{len(self.header)}); "
                "fix that row in the file."
            )
        return values[column]


def _trimmed(values: tuple[str, ...], width: int) -> tuple[str, ...]:
    """A row without the empty cells past ``width`` (spreadsheets often end rows with a comma)."""
    end = len(values)
    while end > width and not values[end - 1].strip():
        end -= 1
    return values[:end]


def width_problem(
    name: str, header: tuple[str, ...], row_number: int, values: tuple[str, ...]
) -> Problem | None:
    """The problem with a row that is not as wide as the header, or None when it fits."""
    width = len(header)
    counts: dict[str, PlainValue] = {"file": name, "cells": len(values), "width": width}
    if len(values) > width:
        return Problem("data.csv.row_too_wide", counts, row=row_number)
    if len(values) < width:
        return Problem("data.csv.row_too_short", counts, row=row_number, column=header[len(values)])
    return None


def build_table(
    path: Path,
    delimiter: str,
    records: list[Record],
    first_row: FirstRow,
    names: tuple[str, ...],
    *,
    strict: bool = True,
) -> CsvTable:
    """A table from read rows, as ``first_row`` says; every row as wide as the header.

    ``strict=False`` (the import dialog's preview) pads short rows, widens the
    header for long ones and keeps the first such problem in ``problems`` instead
    of raising it, so the user sees the table and can say what its first row is.
    """
    decimal_comma = delimiter != ","
    data = records[1:] if first_row in ("names", "skip") else records
    if first_row == "names":
        header = tuple(value.strip() for value in records[0][1])
        if all(parse_number(cell, decimal_comma) is not None for cell in header):
            shown = ", ".join(excerpt(cell, 20) for cell in header[:4])
            raise DataError(
                Problem("data.csv.header_is_numbers", {"file": path.name, "shown": shown})
            )
    else:
        width = len(data[0][1]) if data else 0
        header = names or default_column_names(width)
        if names and data and len(names) != len(_trimmed(data[0][1], len(names))):
            counts = {"names": len(names), "columns": len(data[0][1])}
            raise DataError(Problem("data.csv.names_count", counts, row=data[0][0]))
    problems: list[Problem] = []
    rows: list[tuple[str, ...]] = []
    for row_number, values in data:
        values = _trimmed(values, len(header))
        problem = width_problem(path.name, header, row_number, values)
        if problem is not None:
            if strict:
                raise DataError(problem)
            if not problems:
                problems.append(problem)
            if len(values) > len(header):
                header = header + default_column_names(len(values))[len(header) :]
        rows.append(values)
    if not strict:
        rows = [values + ("",) * (len(header) - len(values)) for values in rows]
    return CsvTable(
        path, delimiter, header, tuple(rows), tuple(r for r, _ in data), tuple(problems)
    )
