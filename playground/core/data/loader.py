"""The two entry points every part of the app uses: describe a data spec, load its tensors."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from playground.core.data import synthetic
from playground.core.data.base import CurveInfo, DataInfo, Dataset, PlaneInfo
from playground.core.data.catalog import (
    CURVE_SETS,
    DATASET_TABLE,
    SKLEARN_SETS,
    TF_PLAYGROUND_SETS,
    describe_builtin,
)
from playground.core.data.csv_data import describe_csv, load_csv
from playground.core.data.extent import padded_box, padded_range
from playground.core.data.shown_pair import pair_dataset
from playground.core.spec.experiment import BuiltinData, CsvData

#: TensorFlow Playground draws its sets on [-6, 6]²; wide gaussian clouds may reach further.
TF_PLAYGROUND_EXTENT = (-6.0, 6.0, -6.0, 6.0)


@dataclass(frozen=True)
class _PlaneExpand:
    """Turns raw (x1, x2) points into model inputs exactly as the training inputs were made."""

    derived_features: tuple[str, ...]

    def __call__(self, points: torch.Tensor) -> torch.Tensor:
        points = points.to(torch.float32)
        if not self.derived_features:
            return points
        return synthetic.add_derived_features(points, list(self.derived_features))


def _sklearn_raw_inputs(name: str) -> torch.Tensor:
    """A scikit-learn table's inputs in their own units (centimetres, ...), unsplit and unscaled."""
    import sklearn.datasets  # here, as load_sklearn is: scikit-learn is slow to import

    loaders = {
        "iris": sklearn.datasets.load_iris,
        "wine": sklearn.datasets.load_wine,
        "breast-cancer": sklearn.datasets.load_breast_cancer,
    }
    return torch.as_tensor(loaders[name]().data, dtype=torch.float32)


def describe_data(spec: BuiltinData | CsvData) -> DataInfo:
    """Task, input shape, outputs and names of the data, without generating it.

    Built-in sets are answered from fixed facts; a CSV file is read for its header
    and target column. Raises :class:`DataError` with a sentence for bad options,
    a missing file, a missing column and the like.
    """
    if isinstance(spec, CsvData):
        return describe_csv(spec)
    return describe_builtin(spec)


def load_dataset(spec: BuiltinData | CsvData) -> Dataset:
    """Generate or read the data as CPU tensors split into training and validation.

    Deterministic: the same spec (same seed) gives the same tensors. Raises
    :class:`DataError` with a sentence for every problem.
    """
    if isinstance(spec, CsvData):
        return load_csv(spec)
    info = describe_builtin(spec)
    if spec.name in SKLEARN_SETS:
        # Imported here: scikit-learn takes over a second to import.
        from playground.core.data.sklearn_sets import load_sklearn

        x_train, y_train, x_val, y_val, _, _ = load_sklearn(
            spec.name, spec.validation_fraction, spec.seed, spec.as_images
        )
        if DATASET_TABLE[spec.name].images:
            return Dataset(info, x_train, y_train, x_val, y_val)
        # A tabular set: the plots show the chosen pair in its own units (centimetres, ...),
        # split exactly as load_sklearn splits, and scaled by the same training statistics.
        raw = _sklearn_raw_inputs(spec.name)
        gen = torch.Generator().manual_seed(spec.seed)
        raw_train, _, raw_val, _ = synthetic.split(raw, raw[:, 0], spec.validation_fraction, gen)
        _, _, mean, std = synthetic.standardize(raw_train, raw_val)
        return pair_dataset(
            info,
            (x_train, y_train, x_val, y_val),
            spec.shown_inputs,
            (raw_train, raw_val),
            mean,
            std,
        )
    x_train, y_train, x_val, y_val, raw_train, raw_val = synthetic.build_synthetic(
        spec.name,
        spec.samples,
        spec.noise,
        list(spec.derived_features),
        spec.validation_fraction,
        spec.seed,
    )
    if spec.name in CURVE_SETS:
        curve = CurveInfo(padded_range(torch.cat([raw_train, raw_val])[:, 0]))
        return Dataset(info, x_train, y_train, x_val, y_val, curve=curve)
    extent = padded_box(raw_train, raw_val)
    if spec.name in TF_PLAYGROUND_SETS:
        low1, high1, low2, high2 = TF_PLAYGROUND_EXTENT
        extent = (
            min(extent[0], low1),
            max(extent[1], high1),
            min(extent[2], low2),
            max(extent[3], high2),
        )
    plane = PlaneInfo(extent, _PlaneExpand(tuple(spec.derived_features)))
    return Dataset(
        info, x_train, y_train, x_val, y_val, plane=plane, raw_train=raw_train, raw_val=raw_val
    )
