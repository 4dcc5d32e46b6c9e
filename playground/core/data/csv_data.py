"""A user's table (a CSV file or one typed in the app) as a data set: feature and target columns.

A numeric target means regression unless the spec asks for classification; a
text target means classes (the sorted distinct names). Several target columns
make a multi-output regression. Features must be numbers; they are
standardised with the training split's statistics when the spec asks. Every
problem is a :class:`DataError` whose problem names the file, row and column.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from playground.core.data import synthetic
from playground.core.data.base import CurveInfo, DataError, DataInfo, Dataset, PlaneInfo, Task
from playground.core.data.csv_read import CsvTable, is_missing, parse_number, read_table
from playground.core.data.extent import padded_box, padded_range
from playground.core.data.shown_pair import pair_dataset, shown_columns
from playground.core.problems import PlainValue, Problem
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
    values: torch.Tensor  # int64 class indices or float32 (N, T)


def spec_table(spec: CsvData) -> CsvTable:
    """The table a spec names: its file, or the table typed in the app, read as the spec says."""
    return read_table(
        spec.path,
        first_row=spec.first_row,
        column_names=tuple(spec.column_names),
        text=spec.inline_table,
    )


def _check_columns(spec: CsvData, table: CsvTable) -> tuple[list[int], list[int]]:
    seen: set[str] = set()
    for feature in spec.features:
        if feature in seen:
            raise DataError(Problem("data.csv.duplicate_feature", column=feature))
        seen.add(feature)
    targets: set[str] = set()
    for target in spec.targets:
        if target in seen:
            raise DataError(Problem("data.csv.target_is_feature", column=target))
        if target in targets:
            raise DataError(Problem("data.csv.duplicate_target", column=target))
        targets.add(target)
    if len(spec.targets) > 1 and spec.task == "classification":
        count = {"count": len(spec.targets)}
        raise DataError(Problem("data.csv.classes_need_one_target", count, field="data.task"))
    feature_columns = [table.column_index(feature) for feature in spec.features]
    target_columns = [table.column_index(target) for target in spec.targets]
    if len(table.rows) < MIN_ROWS:
        counts: dict[str, PlainValue] = {
            "file": table.name,
            "rows": len(table.rows),
            "minimum": MIN_ROWS,
        }
        raise DataError(Problem("data.csv.too_few_rows", counts))
    return feature_columns, target_columns


def _cell_problem(code: str, table: CsvTable, row: int, column: str, cell: str) -> Problem:
    """A problem with one cell, placed by the file's row number and the column's name."""
    values: dict[str, PlainValue] = {"file": table.name, "cell": cell.strip()}
    if code == "data.csv.too_large":
        values["most"] = FLOAT32_MAX
    return Problem(code, values, row=table.row_numbers[row], column=column)


def _missing_problem(table: CsvTable, row: int, column: str, cell: str) -> Problem:
    code = "data.csv.missing_marker" if cell.strip() else "data.csv.empty_cell"
    return _cell_problem(code, table, row, column, cell)


def _class_label(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def _read_targets(spec: CsvData, table: CsvTable, columns: list[int]) -> _Target:
    """The target columns: one column of classes or numbers, or several numeric columns."""
    if len(columns) == 1:
        return _read_target(spec, table, spec.target, columns[0])
    parts = [
        _read_target(spec, table, name, column)
        for name, column in zip(spec.targets, columns, strict=True)
    ]
    if any(part.task == "classification" for part in parts):
        count = {"count": len(columns)}
        raise DataError(Problem("data.csv.classes_need_one_target", count, field="data.task"))
    return _Target("regression", (), torch.cat([part.values for part in parts], dim=1))


def _read_target(spec: CsvData, table: CsvTable, name: str, column: int) -> _Target:
    cells: list[str] = []
    for row in range(len(table.rows)):
        cell = table.cell(row, column, name)
        if is_missing(cell):
            raise DataError(_missing_problem(table, row, name, cell))
        cells.append(cell.strip())
    numbers = [parse_number(cell, table.decimal_comma) for cell in cells]
    text_rows = [row for row, number in enumerate(numbers) if number is None]
    if text_rows and spec.task != "classification":
        first = text_rows[0]
        if spec.task == "regression":
            code = "data.csv.target_not_number"
            raise DataError(_cell_problem(code, table, first, name, cells[first]))
        if len(text_rows) * 5 <= len(cells):
            code = "data.csv.target_mostly_numbers"
            raise DataError(_cell_problem(code, table, first, name, cells[first]))
    if not text_rows and spec.task != "classification":
        for row, number in enumerate(numbers):
            if number is not None and abs(number) > FLOAT32_MAX:
                raise DataError(_cell_problem("data.csv.too_large", table, row, name, cells[row]))
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
        only = {"file": table.name, "value": class_names[0]}
        raise DataError(Problem("data.csv.one_class", only, column=name))
    if len(class_names) > MAX_CLASSES or len(class_names) * 2 > len(cells) > 20:
        many: dict[str, PlainValue] = {
            "file": table.name,
            "classes": len(class_names),
            "rows": len(cells),
        }
        raise DataError(Problem("data.csv.too_many_classes", many, column=name))
    return _Target("classification", class_names, torch.tensor(labels, dtype=torch.int64))


def _info(spec: CsvData, target: _Target) -> DataInfo:
    outputs = len(target.class_names) if target.task == "classification" else len(spec.targets)
    return DataInfo(
        task=target.task,
        input_shape=(len(spec.features),),
        num_outputs=outputs,
        feature_names=tuple(spec.features),
        target_names=tuple(spec.targets),
        class_names=target.class_names,
    )


def describe_csv(spec: CsvData) -> DataInfo:
    """Task, input shape and classes of a CSV data set.

    Reads the target column and checks every feature cell (a number that fits
    the model's 32-bit floats), so ``playground check`` refuses what training
    would refuse; the feature check is remembered with the cached table.
    """
    table = spec_table(spec)
    feature_columns, target_columns = _check_columns(spec, table)
    info = _info(spec, _read_targets(spec, table, target_columns))
    if len(spec.features) > 2:
        shown_columns(spec.features, spec.shown_inputs)
    key = tuple(spec.features)
    if key not in table.checked:
        try:
            _feature_values(spec, table, feature_columns)
            table.checked[key] = None
        except DataError as error:
            table.checked[key] = error.problems
    problems = table.checked[key]
    if problems is not None:
        raise DataError(problems)
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
                raise DataError(_missing_problem(table, row, name, cell))
            number = parse_number(cell, table.decimal_comma)
            if number is None:
                raise DataError(_cell_problem("data.csv.bad_cell", table, row, name, cell))
            if abs(number) > FLOAT32_MAX:
                raise DataError(_cell_problem("data.csv.too_large", table, row, name, cell))
            numbers.append(number)
        values.append(numbers)
    return values


def load_csv(spec: CsvData) -> Dataset:
    """Read, split and (optionally) standardise a CSV data set."""
    table = spec_table(spec)
    feature_columns, target_columns = _check_columns(spec, table)
    target = _read_targets(spec, table, target_columns)
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
            plane=PlaneInfo(
                padded_box(raw_train, raw_val),
                _Scaler(mean, std),
                axes=(spec.features[0], spec.features[1]),
            ),
            raw_train=raw_train,
            raw_val=raw_val,
        )
    if len(spec.features) > 2:
        return pair_dataset(
            info,
            (x_train, y_train, x_val, y_val),
            spec.shown_inputs,
            (raw_train, raw_val),
            mean,
            std,
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
