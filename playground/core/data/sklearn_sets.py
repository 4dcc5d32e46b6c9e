"""scikit-learn's shipped data sets (iris, wine, breast cancer, digits) as split tensors.

Kept small and self-contained (numpy, torch, ``sklearn.datasets`` and the
``synthetic`` module only, no ``from __future__`` import) so an exported
training script can carry this file verbatim next to ``synthetic``. The sets
ship inside scikit-learn; nothing is downloaded.
"""

import numpy as np
import sklearn.datasets
import torch
from torch import Tensor

# Copied verbatim into an exported script, this file follows synthetic's code, whose
# split and standardize are then already defined and the package may be absent.
try:  # noqa: SIM105 (contextlib is not among the modules a script may need)
    from playground.core.data.synthetic import split, standardize
except ImportError:
    pass


def load_sklearn(
    name: str, validation_fraction: float, seed: int, as_images: bool = False
) -> tuple[Tensor, Tensor, Tensor, Tensor, list[str], list[str]]:
    """Load, split and scale a set: (x_train, y_train, x_val, y_val, feature_names, class_names).

    Tabular sets are standardised with the training split's mean and std; digit
    pixels (0..16) are scaled to [0, 1] instead, and ``as_images`` shapes them
    as 1×8×8 images. Labels are int64 class indices.
    """
    loaders = {
        "iris": sklearn.datasets.load_iris,
        "wine": sklearn.datasets.load_wine,
        "breast-cancer": sklearn.datasets.load_breast_cancer,
        "digits": sklearn.datasets.load_digits,
    }
    if name not in loaders:
        raise ValueError(f"'{name}' is not a scikit-learn data set")
    bunch = loaders[name]()
    x = torch.from_numpy(np.asarray(bunch.data, dtype=np.float32))
    y = torch.from_numpy(np.asarray(bunch.target, dtype=np.int64))
    feature_names = [str(f) for f in bunch.feature_names]
    class_names = [str(c) for c in bunch.target_names]
    gen = torch.Generator().manual_seed(seed)
    x_train, y_train, x_val, y_val = split(x, y, validation_fraction, gen)
    if name == "digits":
        x_train = x_train / 16.0
        x_val = x_val / 16.0
        if as_images:
            x_train = x_train.reshape(-1, 1, 8, 8)
            x_val = x_val.reshape(-1, 1, 8, 8)
    else:
        x_train, x_val, _, _ = standardize(x_train, x_val)
    return x_train, y_train, x_val, y_val, feature_names, class_names
