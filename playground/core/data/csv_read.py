"""Reading CSV files into text cells, with every problem told as a sentence naming the place.

People bring tables saved by spreadsheets in many dialects: comma, semicolon
or tab separated, with a byte-order mark, decimal commas or "NA" for missing
values. This module reads such a file (or a table typed in the app) into plain text
cells (the stdlib ``csv`` module, delimiter sniffed), as wide as its header in
every row; :mod:`playground.core.data.csv_preview` summarises it for the import
dialog and :mod:`playground.core.data.csv_data` turns cells into tensors.

Rows are numbered as a spreadsheet shows them: the first row is row 1.
"""

from __future__ import annotations

import csv
import functools
import io
import os
from pathlib import Path

from playground.core.data.base import DataError
from playground.core.data.csv_cells import (
    MISSING_MARKERS,
    ColumnType,
    is_missing,
    list_columns,
    parse_number,
    quote_cell,
)
from playground.core.data.csv_table import CsvTable, FirstRow, Record, build_table
from playground.core.problems import PlainValue, Problem
from playground.core.safe_read import UnreadableFileError, excerpt, read_regular_file
from playground.core.spec.experiment import MAX_COLUMNS

__all__ = [
    "MAX_CSV_BYTES",
    "MISSING_MARKERS",
    "ColumnType",
    "CsvTable",
    "FirstRow",
    "decode_file",
    "is_missing",
    "list_columns",
    "parse_number",
    "quote_cell",
    "read_records",
    "read_table",
]

_DELIMITERS = ",;\t"
_SNIFF_CHARS = 64 * 1024
#: The largest CSV file read: far more than a playground trains on, far less than memory.
MAX_CSV_BYTES = 200 * 1024**2


def decode_file(path: Path) -> str:
    if not os.path.lexists(path):
        raise DataError(Problem("data.csv.no_file", {"file": excerpt(path, 200)}))
    try:
        raw = read_regular_file(path, MAX_CSV_BYTES, "a CSV file")
    except UnreadableFileError as error:
        text = str(error)
        raise DataError(f"{text[:1].upper()}{text[1:]}.") from None
    if not raw.strip():
        raise DataError(Problem("data.csv.empty_file", {"file": path.name}))
    if b"\x00" in raw[:4096]:
        raise DataError(Problem("data.csv.binary_file", {"file": path.name}))
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


def read_table(
    path: str | Path,
    *,
    first_row: FirstRow = "names",
    column_names: tuple[str, ...] = (),
    text: str | None = None,
) -> CsvTable:
    """Read a table (a CSV file, or ``text`` typed in the app); :class:`DataError` for anything wrong.

    ``first_row`` says whether the first row names the columns, is data, or is a
    line to skip; without names from the file the columns are called
    ``column_names`` (or column 1, column 2, ...). Every row must be as wide as
    the first: a wider or narrower row is an error naming it. The last few tables
    read are kept (a file keyed by path, size and modification time) because the
    editor describes the data on every change of the spec.
    """
    if text is not None:
        return _table_from_text(str(path), text, first_row, column_names)
    file_path = Path(path).expanduser().absolute()
    try:
        stat = file_path.stat()
    except OSError:
        return _read_table(file_path, first_row, column_names)  # _decode words the problem
    return _read_table_cached(file_path, stat.st_size, stat.st_mtime_ns, first_row, column_names)


@functools.lru_cache(maxsize=4)
def _read_table_cached(
    file_path: Path, size: int, mtime_ns: int, first_row: FirstRow, names: tuple[str, ...]
) -> CsvTable:
    return _read_table(file_path, first_row, names)


def _read_table(file_path: Path, first_row: FirstRow, names: tuple[str, ...]) -> CsvTable:
    records, delimiter = read_records(file_path.name, decode_file(file_path))
    return build_table(file_path, delimiter, records, first_row, names)


@functools.lru_cache(maxsize=4)
def _table_from_text(name: str, text: str, first_row: FirstRow, names: tuple[str, ...]) -> CsvTable:
    if not text.strip():
        raise DataError(Problem("data.csv.empty_table", {"file": name}))
    records, delimiter = read_records(name, text)
    return build_table(Path(name), delimiter, records, first_row, names)


def read_records(name: str, text: str) -> tuple[list[Record], str]:
    """The non-blank rows of CSV ``text`` with their row numbers, and the delimiter found.

    A row wider than :data:`MAX_COLUMNS` stops the reading at once, so a file of
    one enormous row never becomes millions of cells in memory.
    """
    delimiter = _sniff_delimiter(text)
    records: list[Record] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    record = 0
    try:
        for values in reader:
            record += 1
            if len(values) > MAX_COLUMNS:
                counts: dict[str, PlainValue] = {
                    "file": name,
                    "row": record,
                    "columns": len(values),
                    "most": MAX_COLUMNS,
                }
                raise DataError(Problem("data.csv.too_many_columns", counts))
            if any(value.strip() for value in values):
                records.append((record, tuple(values)))
    except csv.Error as error:
        near: dict[str, PlainValue] = {
            "file": name,
            "row": record + 1,
            "error": excerpt(str(error), 80),
        }
        raise DataError(Problem("data.csv.bad_quotes", near)) from None
    if not records:
        raise DataError(Problem("data.csv.empty_file", {"file": name}))
    return records, delimiter
