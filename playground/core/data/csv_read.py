"""Reading CSV files into text cells, with every problem told as a sentence naming the place.

People bring tables saved by spreadsheets in many dialects: comma, semicolon
or tab separated, with a byte-order mark, decimal commas or "NA" for missing
values. This module reads such a file into plain text cells (the stdlib
``csv`` module, delimiter sniffed) and offers the preview the import dialog
shows; turning cells into tensors is :mod:`playground.core.data.csv_data`'s job.

Rows are numbered as a spreadsheet shows them: the header is row 1.
"""

from __future__ import annotations

import csv
import functools
import io
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from playground.core.data.base import DataError
from playground.core.problems import Problem
from playground.core.safe_read import UnreadableFileError, excerpt, read_regular_file

ColumnType = Literal["numeric", "text"]

#: Cell texts (compared in lower case) that mean "no value here".
MISSING_MARKERS: frozenset[str] = frozenset(
    {"", "na", "n/a", "nan", "null", "none", "?", "-", "#n/a", "missing"}
)
_DELIMITERS = ",;\t"
_SNIFF_CHARS = 64 * 1024
#: The largest CSV file read: far more than a playground trains on, far less than memory.
MAX_CSV_BYTES = 200 * 1024**2
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


@dataclass(frozen=True)
class CsvTable:
    """A whole CSV file as text cells, with the spreadsheet row number of every data row."""

    path: Path
    delimiter: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_numbers: tuple[int, ...]
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


@dataclass(frozen=True)
class CsvPreview:
    """What the import dialog shows before the user picks features and target."""

    path: str
    delimiter: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # the first data rows, each as long as the header
    column_types: tuple[ColumnType, ...]  # numeric when every non-missing cell is a number
    missing_counts: tuple[int, ...]  # blank or NA cells per column
    row_count: int  # data rows in the whole file (header and blank lines not counted)


def _decode(path: Path) -> str:
    if not os.path.lexists(path):
        raise DataError(
            f"The file {excerpt(path, 200)} does not exist; check the path or pick the file again."
        )
    try:
        raw = read_regular_file(path, MAX_CSV_BYTES, "a CSV file")
    except UnreadableFileError as error:
        text = str(error)
        raise DataError(f"{text[:1].upper()}{text[1:]}.") from None
    if not raw.strip():
        raise DataError(
            f"The file {path.name} is empty; save the table with a header row and data rows."
        )
    if b"\x00" in raw[:4096]:
        raise DataError(
            f"{path.name} is not a text CSV file (it holds binary data, like a spreadsheet "
            "workbook); save it as CSV from your spreadsheet app."
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older spreadsheet apps save in a Western code page; latin-1 reads any byte.
        return raw.decode("latin-1")


def _sniff_delimiter(text: str) -> str:
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    try:
        delimiter = csv.Sniffer().sniff(text[:_SNIFF_CHARS], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        delimiter = ""
    if delimiter and delimiter in first_line:
        return delimiter
    counts = {candidate: first_line.count(candidate) for candidate in _DELIMITERS}
    best = max(counts, key=lambda candidate: counts[candidate])
    return best if counts[best] > 0 else ","


def read_table(path: str | Path) -> CsvTable:
    """Read a CSV file with a header row; :class:`DataError` for anything unreadable.

    The last couple of files read are kept (keyed by path, size and modification
    time) because the editor describes the data on every change of the spec.
    """
    file_path = Path(path).expanduser().absolute()
    try:
        stat = file_path.stat()
    except OSError:
        return _read_table(file_path)  # _decode turns the problem into a sentence
    return _read_table_cached(file_path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=2)
def _read_table_cached(file_path: Path, size: int, mtime_ns: int) -> CsvTable:
    return _read_table(file_path)


def _read_table(file_path: Path) -> CsvTable:
    text = _decode(file_path)
    delimiter = _sniff_delimiter(text)
    header: tuple[str, ...] | None = None
    rows: list[tuple[str, ...]] = []
    numbers: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    record = 0
    try:
        for values in reader:
            record += 1
            if not any(value.strip() for value in values):
                continue
            if header is None:
                header = tuple(value.strip() for value in values)
                continue
            rows.append(tuple(values))
            numbers.append(record)
    except csv.Error as error:
        raise DataError(
            f"{file_path.name} cannot be read as CSV near row {record + 1} "
            f"({excerpt(str(error), 80)}); check the quotes in that row."
        ) from None
    if header is None:
        raise DataError(f"The file {file_path.name} is empty; save the table with a header row.")
    decimal_comma = delimiter != ","
    if all(parse_number(name, decimal_comma) is not None for name in header):
        shown = ", ".join(excerpt(name, 20) for name in header[:4])
        raise DataError(
            f"The first row of {file_path.name} holds numbers ({shown}), not column names; "
            "add a header row that names each column."
        )
    return CsvTable(file_path, delimiter, header, tuple(rows), tuple(numbers))


def read_csv_preview(path: str | Path, rows: int = 20) -> CsvPreview:
    """Header, the first ``rows`` data rows, each column's type and the row count of a CSV file."""
    table = read_table(path)
    width = len(table.header)
    numeric = [True] * width
    seen = [False] * width
    missing = [0] * width
    for values in table.rows:
        for column in range(width):
            cell = values[column] if column < len(values) else ""
            if is_missing(cell):
                missing[column] += 1
                continue
            seen[column] = True
            if numeric[column] and parse_number(cell, table.decimal_comma) is None:
                numeric[column] = False
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
    )
