"""Data sets: TensorFlow Playground's 2-D sets, tutorial sets, scikit-learn's sets and CSV files.

:func:`describe_data` answers what a spec's data looks like (cheaply);
:func:`load_dataset` makes the tensors. Every problem is a :class:`DataError`
whose message is a sentence a user can act on.
"""

from __future__ import annotations

from playground.core.data.base import CurveInfo, DataError, DataInfo, Dataset, PlaneInfo, Task
from playground.core.data.catalog import DATASET_DESCRIPTIONS, DATASET_TABLE, PLANE_SETS
from playground.core.data.csv_preview import ColumnType, CsvPreview, read_csv_preview
from playground.core.data.loader import describe_data, load_dataset

__all__ = [
    "DATASET_DESCRIPTIONS",
    "DATASET_TABLE",
    "PLANE_SETS",
    "ColumnType",
    "CsvPreview",
    "CurveInfo",
    "DataError",
    "DataInfo",
    "Dataset",
    "PlaneInfo",
    "Task",
    "describe_data",
    "load_dataset",
    "read_csv_preview",
]
