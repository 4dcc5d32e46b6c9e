"""A user's CSV table as a data set: chosen feature columns, one target column.

A numeric target means regression unless the spec asks for classification; a
text target means classes (the sorted distinct names). Features must be
numbers; they are standardised with the training split's statistics when the
spec asks. Every problem is a :class:`DataError` naming the file, row and column.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from playground.core.data import synthetic
from playground.core.data.base import CurveInfo, DataError, DataInfo, Dataset, PlaneInfo, Task
from playground.core.data.csv_read import CsvTable, is_missing, parse_number, quote_cell, read_table
from playground.core.data.extent import padded_box, padded_range
from playground.core.safe_read import excerpt
from playground.core.spec.experiment import CsvData

#: Fewest data rows a CSV file needs: some to train on and some to validate with.
MIN_ROWS = 5
#: Most classes a classification target may have.
MAX_CLASSES = 200
#: The largest magnitude a float32 tensor holds; larger cells would become infinity.
FLOAT32_MAX = float(torch.finfo(torch.float32).max)


@dataclass(frozen=True)
class _Target:
    """The target column read and interpreted: task, class names and one value per row."""

    task: Task
    class_names: tuple[str, ...]
    values: torch.Tensor  # int64 class indices or float32 (N, 1)


def _check_columns(spec: CsvData, table: CsvTable) -> tuple[list[int], int]:
    seen: set[str] = set()
    for feature in spec.features:
        if feature in seen:
            raise DataError(
                f"Column {quote_cell(feature)} is listed twice as a feature; list each column once."
            )
        seen.add(feature)
    if spec.target in seen:
        raise DataError(
            f"Column {quote_cell(spec.target)} is both the target and a feature; a model cannot learn "
            "a column from itself, so remove it from the features."
        )
    feature_columns = [table.column_index(feature) for feature in spec.features]
    target_column = table.column_index(spec.target)
    if len(table.rows) < MIN_ROWS:
        raise DataError(
            f"{table.name} has only {len(table.rows)} data rows; at least {MIN_ROWS} are "
            "needed to train and validate, so add rows to the file."
        )
    return feature_columns, target_column


def _where(table: CsvTable, row: int, column: str) -> str:
    return f"In {table.name}, row {table.row_numbers[row]}, column '{excerpt(column, 30)}'"


def _too_large_message(table: CsvTable, row: int, column: str, cell: str) -> str:
    return (
        f"{_where(table, row, column)}: {quote_cell(cell)} is too large for the model's "
        f"32-bit numbers (at most about {FLOAT32_MAX:.3g}); scale the column down or fix the cell."
    )


def _missing_message(table: CsvTable, row: int, column: str, cell: str) -> str:
    where = _where(table, row, column)
    if cell.strip():
        return (
            f"{where} holds {quote_cell(cell)}, which marks a missing value; "
            "fill it in or delete the row."
        )
    return f"{where} is empty; fill it in or delete the row."


def _class_label(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def _read_target(spec: CsvData, table: CsvTable, column: int) -> _Target:
    name = spec.target
    cells: list[str] = []
    for row in range(len(table.rows)):
        cell = table.cell(row, column, name)
        if is_missing(cell):
            raise DataError(_missing_message(table, row, name, cell))
        cells.append(cell.strip())
    numbers = [parse_number(cell, table.decimal_comma) for cell in cells]
    text_rows = [row for row, number in enumerate(numbers) if number is None]
    if text_rows and spec.task != "classification":
        first = text_rows[0]
        where = _where(table, first, name)
        if spec.task == "regression":
            raise DataError(
                f"{where}: {quote_cell(cells[first])} is not a number, and a regression "
                "target needs numbers; fix the cell or choose classification."
            )
        if len(text_rows) * 5 <= len(cells):
            raise DataError(
                f"{where}: {quote_cell(cells[first])} is not a number, though most of the "
                "column is; fix the cell, or choose classification to treat every value "
                "as a class name."
            )
    if not text_rows and spec.task != "classification":
        for row, number in enumerate(numbers):
            if number is not None and abs(number) > FLOAT32_MAX:
                raise DataError(_too_large_message(table, row, name, cells[row]))
        values = torch.tensor(numbers, dtype=torch.float32).unsqueeze(1)
        return _Target("regression", (), values)
    if text_rows:
        class_names = tuple(sorted(set(cells)))
        index = {label: i for i, label in enumerate(class_names)}
        labels = [index[cell] for cell in cells]
    else:
        distinct = sorted({number for number in numbers if number is not None})
        class_names = tuple(_class_label(value) for value in distinct)
        index_of = {value: i for i, value in enumerate(distinct)}
        labels = [index_of[number] for number in numbers if number is not None]
    if len(class_names) < 2:
        raise DataError(
            f"Column {quote_cell(name)} in {table.name} holds only one value "
            f"({quote_cell(class_names[0])}); a classification target needs at least two "
            "classes, so pick another target column."
        )
    if len(class_names) > MAX_CLASSES or len(class_names) * 2 > len(cells) > 20:
        raise DataError(
            f"Column {quote_cell(name)} in {table.name} has {len(class_names)} different values in "
            f"{len(cells)} rows, too many to learn as classes; choose regression if it holds "
            "numbers, or another target column."
        )
    return _Target("classification", class_names, torch.tensor(labels, dtype=torch.int64))


def _info(spec: CsvData, target: _Target) -> DataInfo:
    outputs = len(target.class_names) if target.task == "classification" else 1
    return DataInfo(
        task=target.task,
        input_shape=(len(spec.features),),
        num_outputs=outputs,
        feature_names=tuple(spec.features),
        target_names=(spec.target,),
        class_names=target.class_names,
    )


def describe_csv(spec: CsvData) -> DataInfo:
    """Task, input shape and classes of a CSV data set.

    Reads the target column and checks every feature cell (a number that fits
    the model's 32-bit floats), so ``playground check`` refuses what training
    would refuse; the feature check is remembered with the cached table.
    """
    table = read_table(spec.path)
    feature_columns, target_column = _check_columns(spec, table)
    info = _info(spec, _read_target(spec, table, target_column))
    key = tuple(spec.features)
    if key not in table.checked:
        try:
            _feature_values(spec, table, feature_columns)
            table.checked[key] = None
        except DataError as error:
            table.checked[key] = str(error)
    problem = table.checked[key]
    if problem is not None:
        raise DataError(problem)
    return info


def _read_features(spec: CsvData, table: CsvTable, columns: list[int]) -> torch.Tensor:
    return torch.tensor(_feature_values(spec, table, columns), dtype=torch.float32)


def _feature_values(spec: CsvData, table: CsvTable, columns: list[int]) -> list[list[float]]:
    values: list[list[float]] = []
    for row in range(len(table.rows)):
        numbers: list[float] = []
        for name, column in zip(spec.features, columns, strict=True):
            cell = table.cell(row, column, name)
            if is_missing(cell):
                raise DataError(_missing_message(table, row, name, cell))
            number = parse_number(cell, table.decimal_comma)
            if number is None:
                raise DataError(
                    f"{_where(table, row, name)}: "
                    f"{quote_cell(cell)} is not a number; fix the cell or leave the column out."
                )
            if abs(number) > FLOAT32_MAX:
                raise DataError(_too_large_message(table, row, name, cell))
            numbers.append(number)
        values.append(numbers)
    return values


def load_csv(spec: CsvData) -> Dataset:
    """Read, split and (optionally) standardise a CSV data set."""
    table = read_table(spec.path)
    feature_columns, target_column = _check_columns(spec, table)
    target = _read_target(spec, table, target_column)
    x = _read_features(spec, table, feature_columns)
    gen = torch.Generator().manual_seed(spec.seed)
    raw_train, y_train, raw_val, y_val = synthetic.split(
        x, target.values, spec.validation_fraction, gen
    )
    if spec.standardize:
        x_train, x_val, mean, std = synthetic.standardize(raw_train, raw_val)
    else:
        x_train, x_val = raw_train, raw_val
        mean, std = torch.zeros(x.shape[1]), torch.ones(x.shape[1])
    info = _info(spec, target)
    if len(spec.features) == 2:
        # A plane plot in the file's own units; expand applies the same scaling as training.
        return Dataset(
            info,
            x_train,
            y_train,
            x_val,
            y_val,
            plane=PlaneInfo(padded_box(raw_train, raw_val), _Scaler(mean, std)),
            raw_train=raw_train,
            raw_val=raw_val,
        )
    curve = None
    if len(spec.features) == 1 and target.task == "regression":
        curve = CurveInfo(padded_range(torch.cat([x_train, x_val])[:, 0]))
    return Dataset(info, x_train, y_train, x_val, y_val, curve=curve)


@dataclass(frozen=True)
class _Scaler:
    """Maps raw plane points to model inputs with the training split's mean and std."""

    mean: torch.Tensor
    std: torch.Tensor

    def __call__(self, points: torch.Tensor) -> torch.Tensor:
        mean = self.mean.to(points.device)
        std = self.std.to(points.device)
        return (points.to(torch.float32) - mean) / std
