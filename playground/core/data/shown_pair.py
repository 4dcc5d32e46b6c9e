"""The pair of inputs the scatter and decision plots show for data with more than two inputs.

A plane can show two inputs; iris has four, wine thirteen, breast cancer thirty.
The user picks which two (``shown_inputs`` in the data spec, remembered with
the experiment); the decision map then varies those two over the plane and
holds every other input at its training mean, which the plots state, so the
map is one honest slice of the model rather than a picture of all of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch

from playground.core.data.base import DataError, DataInfo, Dataset, PlaneInfo
from playground.core.data.extent import padded_box
from playground.core.problems import PlainValue, Problem


def shown_columns(feature_names: Sequence[str], shown_inputs: Sequence[str]) -> tuple[int, int]:
    """Indices of the two inputs to show (the first two when none are chosen).

    Raises :class:`DataError` naming the input when a chosen one is not among the data's inputs.
    """
    if not shown_inputs:
        return (0, 1)
    indices: list[int] = []
    for name in shown_inputs[:2]:
        if name not in feature_names:
            values: dict[str, PlainValue] = {"name": name, "known": tuple(feature_names)}
            raise DataError(Problem("data.shown_input_unknown", values, field="data.shown_inputs"))
        indices.append(list(feature_names).index(name))
    return (indices[0], indices[1])


@dataclass(frozen=True)
class _PairExpand:
    """Plane points (two raw inputs) as full model inputs, the other inputs at their mean."""

    columns: tuple[int, int]
    fill: torch.Tensor  # (F,) model inputs where nothing is varied: the training mean
    mean: torch.Tensor  # (2,) raw -> model scaling of the two shown inputs
    std: torch.Tensor

    def __call__(self, points: torch.Tensor) -> torch.Tensor:
        points = points.to(torch.float32)
        inputs = self.fill.to(points.device).expand(len(points), -1).clone()
        scaled = (points - self.mean.to(points.device)) / self.std.to(points.device)
        inputs[:, list(self.columns)] = scaled
        return inputs


def pair_plane(
    feature_names: Sequence[str],
    shown_inputs: Sequence[str],
    x_train: torch.Tensor,
    raw_train: torch.Tensor,
    raw_val: torch.Tensor,
    mean: torch.Tensor,
    std: torch.Tensor,
) -> tuple[PlaneInfo, torch.Tensor, torch.Tensor]:
    """The plane of the chosen pair, and the training and validation points on it.

    ``raw_*`` are the inputs in the units the plots show, ``mean`` and ``std``
    map them to model inputs (zeros and ones when nothing is scaled); the
    other inputs are held at the mean of ``x_train``.
    """
    first, second = shown_columns(feature_names, shown_inputs)
    columns = [first, second]
    train_pair, val_pair = raw_train[:, columns], raw_val[:, columns]
    fill = x_train.mean(dim=0) if len(x_train) else torch.zeros(x_train.shape[1])
    expand = _PairExpand((first, second), fill, mean[columns], std[columns])
    held = tuple(name for i, name in enumerate(feature_names) if i not in columns)
    plane = PlaneInfo(
        padded_box(train_pair, val_pair),
        expand,
        axes=(feature_names[first], feature_names[second]),
        held_at_mean=held,
    )
    return plane, train_pair, val_pair


def pair_dataset(
    info: DataInfo,
    tensors: tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor],
    shown_inputs: Sequence[str],
    raw: tuple[torch.Tensor, torch.Tensor],
    mean: torch.Tensor,
    std: torch.Tensor,
) -> Dataset:
    """A data set of more than two inputs whose plots show the chosen pair (see pair_plane).

    ``tensors`` are the model's (x_train, y_train, x_val, y_val), ``raw`` the
    training and validation inputs in the units the plots show.
    """
    x_train, y_train, x_val, y_val = tensors
    plane, pair_train, pair_val = pair_plane(
        info.feature_names, shown_inputs, x_train, raw[0], raw[1], mean, std
    )
    return Dataset(
        info, x_train, y_train, x_val, y_val, plane=plane, raw_train=pair_train, raw_val=pair_val
    )
