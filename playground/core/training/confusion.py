"""Which classes the model confuses: the confusion matrix and the misclassified samples.

Accuracy says how often the model is wrong; a confusion matrix says *how*:
which true classes end up predicted as which others (a 4 read as a 9). The
engine sends the predicted class of every sample of one set with each
snapshot (:class:`ClassPredictions`); these functions turn that into the
counts and the list of mistakes the plots show. Qt-free, and computed with
plain numpy so the numbers can be checked against scikit-learn.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: At most this many misclassified samples are listed; more would not fit a screen anyway.
MISCLASSIFIED_LIMIT = 64


@dataclass(frozen=True)
class ClassPredictions:
    """True and predicted class of every sample of one set, as copied int64 arrays.

    ``on_validation`` says which set: the validation part, or (when the data
    has none) the first training samples the snapshot measured, in the order
    of that set, so position ``i`` is sample ``i`` of it.
    """

    on_validation: bool
    true: np.ndarray
    predicted: np.ndarray

    @property
    def count(self) -> int:
        """Samples measured."""
        return int(self.true.shape[0])


def confusion_matrix(true: np.ndarray, predicted: np.ndarray, num_classes: int) -> np.ndarray:
    """Counts (``num_classes`` × ``num_classes``): row = true class, column = predicted class.

    The layout of scikit-learn's ``confusion_matrix(true, predicted)`` with
    ``labels=range(num_classes)``, so a class that never occurs still has its row.
    """
    if num_classes < 1:
        raise ValueError("a confusion matrix needs at least one class")
    true = np.asarray(true, dtype=np.int64).reshape(-1)
    predicted = np.asarray(predicted, dtype=np.int64).reshape(-1)
    if true.shape != predicted.shape:
        raise ValueError("true and predicted classes must have one entry per sample")
    inside = (true >= 0) & (true < num_classes) & (predicted >= 0) & (predicted < num_classes)
    flat = true[inside] * num_classes + predicted[inside]
    counts = np.bincount(flat, minlength=num_classes * num_classes)
    return counts.reshape(num_classes, num_classes)


def misclassified_indices(
    true: np.ndarray, predicted: np.ndarray, limit: int = MISCLASSIFIED_LIMIT
) -> np.ndarray:
    """Positions of the first ``limit`` samples whose predicted class is not the true one."""
    true = np.asarray(true).reshape(-1)
    predicted = np.asarray(predicted).reshape(-1)
    return np.flatnonzero(true != predicted)[: max(0, limit)]


def sample_image_shape(
    input_shape: tuple[int, ...], feature_names: tuple[str, ...]
) -> tuple[int, int] | None:
    """(rows, columns) when each sample is a small grey image, else None.

    Images given as images (``1×8×8``) say so by their shape; given as a flat
    row (digits' 64 inputs) they say so by their names, ``pixel_<row>_<col>``.
    """
    if len(input_shape) == 3 and input_shape[0] == 1:
        return int(input_shape[1]), int(input_shape[2])
    if len(input_shape) != 1 or not feature_names:
        return None
    places: list[tuple[int, int]] = []
    for name in feature_names:
        parts = name.split("_")
        if (
            len(parts) != 3
            or parts[0] != "pixel"
            or not (parts[1].isdigit() and parts[2].isdigit())
        ):
            return None
        places.append((int(parts[1]), int(parts[2])))
    rows = max(r for r, _ in places) + 1
    columns = max(c for _, c in places) + 1
    expected = [(r, c) for r in range(rows) for c in range(columns)]
    return (rows, columns) if places == expected else None
