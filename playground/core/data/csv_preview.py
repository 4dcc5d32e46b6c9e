"""What the import dialogs show of a table before the user picks its inputs and targets.

The preview reads leniently where the data set reads strictly: a row wider or
narrower than the header is kept (padded, the header widened) and reported as
a problem, so the user sees the table and can say that its first row is data
or a line to skip (scikit-learn's own CSV files start with counts and class
names). It also notes what a user may miss: a header of numbers, and numeric
columns that hold only a few whole numbers, which are usually class labels.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from playground.core.data.base import DataError
from playground.core.data.csv_cells import ColumnType, is_missing, parse_number
from playground.core.data.csv_read import decode_file, read_records
from playground.core.data.csv_table import CsvTable, FirstRow, build_table
from playground.core.problems import Problem

__all__ = ["MAX_SUGGESTED_CLASSES", "ColumnType", "CsvPreview", "read_csv_preview", "summarise"]

#: The most distinct whole numbers a numeric column may hold to be offered as classes.
MAX_SUGGESTED_CLASSES = 10


@dataclass(frozen=True)
class CsvPreview:
    """What the import dialog shows before the user picks features and targets."""

    path: str
    delimiter: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # the first data rows, each as long as the header
    column_types: tuple[ColumnType, ...]  # numeric when every non-missing cell is a number
    missing_counts: tuple[int, ...]  # blank or NA cells per column
    row_count: int  # data rows in the whole table (header and blank lines not counted)
    #: For each column: its distinct values when it holds only a few whole numbers
    #: (iris's 0, 1, 2), which suits classes better than regression; else ().
    whole_classes: tuple[tuple[str, ...], ...] = ()
    #: The first row that is not as wide as the header, as a problem; None when all fit.
    problem: Problem | None = None
    #: Header cells that are numbers: a hint that the first row is not column names.
    numeric_names: tuple[str, ...] = ()


def read_csv_preview(
    path: str | Path,
    rows: int = 20,
    *,
    first_row: FirstRow = "names",
    column_names: tuple[str, ...] = (),
    text: str | None = None,
) -> CsvPreview:
    """Header, the first ``rows`` rows, column types and hints of a CSV file or typed ``text``."""
    if text is not None:
        name = str(path)
        if not text.strip():
            raise DataError(Problem("data.csv.empty_table", {"file": name}))
        table = _lenient_table(Path(name), text, first_row, column_names)
    else:
        file_path = Path(path).expanduser().absolute()
        table = _lenient_table(file_path, decode_file(file_path), first_row, column_names)
    return summarise(table, rows)


@functools.lru_cache(maxsize=2)
def _lenient_table(path: Path, text: str, first_row: FirstRow, names: tuple[str, ...]) -> CsvTable:
    records, delimiter = read_records(path.name, text)
    return build_table(path, delimiter, records, first_row, names, strict=False)


def summarise(table: CsvTable, rows: int = 20) -> CsvPreview:
    """The preview of a read table: its first ``rows`` rows, column types, counts and hints."""
    width = len(table.header)
    numeric = [True] * width
    seen = [False] * width
    missing = [0] * width
    distinct: list[set[float] | None] = [set() for _ in range(width)]
    for values in table.rows:
        for column in range(width):
            cell = values[column] if column < len(values) else ""
            if is_missing(cell):
                missing[column] += 1
                continue
            seen[column] = True
            if not numeric[column]:
                continue
            number = parse_number(cell, table.decimal_comma)
            if number is None:
                numeric[column] = False
                distinct[column] = None
                continue
            found = distinct[column]
            if found is not None:
                if not number.is_integer() or len(found) > MAX_SUGGESTED_CLASSES:
                    distinct[column] = None
                else:
                    found.add(number)
    types: tuple[ColumnType, ...] = tuple(
        "numeric" if numeric[c] and seen[c] else "text" for c in range(width)
    )
    shown = tuple(
        tuple(values[c] if c < len(values) else "" for c in range(width))
        for values in table.rows[: max(rows, 0)]
    )
    return CsvPreview(
        path=str(table.path),
        delimiter=table.delimiter,
        header=table.header,
        rows=shown,
        column_types=types,
        missing_counts=tuple(missing),
        row_count=len(table.rows),
        whole_classes=tuple(_suggested_classes(distinct[c], len(table.rows)) for c in range(width)),
        problem=table.problems[0] if table.problems else None,
        numeric_names=tuple(
            name
            for name in table.header
            if name and parse_number(name, table.decimal_comma) is not None
        ),
    )


def _suggested_classes(values: set[float] | None, rows: int) -> tuple[str, ...]:
    """Distinct whole numbers worth offering as classes: 2 to 10 of them, each seen twice on average."""
    if values is None or not 2 <= len(values) <= MAX_SUGGESTED_CLASSES or len(values) * 2 > rows:
        return ()
    return tuple(str(int(value)) for value in sorted(values))
