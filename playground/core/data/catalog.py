"""What every built-in data set is, known without generating or loading it.

The editor asks for a set's task, input shape and class names on every change,
so this module answers from fixed facts (the shipped scikit-learn sets never
change shape) instead of importing scikit-learn, which takes over a second.
"""

from __future__ import annotations

from playground.core.data.base import DataError, DataInfo
from playground.core.problems import Problem
from playground.core.spec.experiment import BuiltinData

DATASET_DESCRIPTIONS: dict[str, str] = {
    "circle": "Two classes: a disc of points inside a ring (TensorFlow Playground's circle).",
    "xor": "Two classes by quadrant: same-sign corners against opposite-sign corners (XOR).",
    "gaussian": "Two classes as two round clouds of points; noise makes them overlap.",
    "spiral": "Two classes wound around each other as two spiral arms; the hardest 2-D set.",
    "plane": "Regression on the plane: the target rises evenly along x1 + x2.",
    "multi-gaussian": "Regression on the plane: six bumps and dips, the target is the strongest one.",
    "linear": "Regression with one input: y = 2x plus noise, for fitting a straight line.",
    "identity": "Regression on the plane: the two targets are the two inputs themselves.",
    "random-regression": "A small regression set: two random inputs and a random linear target.",
    "iris": "Iris flowers: 150 samples, 4 measurements, 3 species (scikit-learn).",
    "wine": "Wines: 178 samples, 13 chemical measurements, 3 cultivars (scikit-learn).",
    "breast-cancer": "Breast tumours: 569 samples, 30 measurements, malignant or benign (scikit-learn).",
    "digits": "Handwritten digits: 1797 images of 8×8 pixels, 10 classes (scikit-learn).",
}

#: Sets whose raw input is a point (x1, x2): they get a plane plot and may take derived inputs.
PLANE_SETS: tuple[str, ...] = (
    "circle",
    "xor",
    "gaussian",
    "spiral",
    "plane",
    "multi-gaussian",
    "identity",
    "random-regression",
)
TF_PLAYGROUND_SETS: tuple[str, ...] = (
    "circle",
    "xor",
    "gaussian",
    "spiral",
    "plane",
    "multi-gaussian",
)
SKLEARN_SETS: tuple[str, ...] = ("iris", "wine", "breast-cancer", "digits")

_TWO_CLASS_NAMES: dict[str, tuple[str, str]] = {
    "circle": ("outside", "inside"),
    "xor": ("opposite signs", "same signs"),
    "gaussian": ("lower-left cloud", "upper-right cloud"),
    "spiral": ("arm A", "arm B"),
}

_CANCER_MEASURES = (
    "radius",
    "texture",
    "perimeter",
    "area",
    "smoothness",
    "compactness",
    "concavity",
    "concave points",
    "symmetry",
    "fractal dimension",
)

# Column and class names as scikit-learn ships them (the tests check they still agree).
_SKLEARN_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "iris": (
        ("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"),
        ("setosa", "versicolor", "virginica"),
    ),
    "wine": (
        (
            "alcohol",
            "malic_acid",
            "ash",
            "alcalinity_of_ash",
            "magnesium",
            "total_phenols",
            "flavanoids",
            "nonflavanoid_phenols",
            "proanthocyanins",
            "color_intensity",
            "hue",
            "od280/od315_of_diluted_wines",
            "proline",
        ),
        ("class_0", "class_1", "class_2"),
    ),
    "breast-cancer": (
        tuple(f"mean {m}" for m in _CANCER_MEASURES)
        + tuple(f"{m} error" for m in _CANCER_MEASURES)
        + tuple(f"worst {m}" for m in _CANCER_MEASURES),
        ("malignant", "benign"),
    ),
    "digits": (
        tuple(f"pixel_{row}_{col}" for row in range(8) for col in range(8)),
        tuple(str(d) for d in range(10)),
    ),
}


def _check_options(spec: BuiltinData) -> None:
    if spec.derived_features and spec.name not in PLANE_SETS:
        values = {"name": spec.name, "chosen": tuple(spec.derived_features)}
        raise DataError(Problem("data.no_plane_inputs", values, field="data.derived_features"))
    if spec.as_images and spec.name != "digits":
        raise DataError(
            Problem("data.images_only_digits", {"name": spec.name}, field="data.as_images")
        )


def describe_builtin(spec: BuiltinData) -> DataInfo:
    """Task, shapes and names of a built-in set; raises :class:`DataError` for bad options."""
    _check_options(spec)
    name = spec.name
    if name in SKLEARN_SETS:
        features, classes = _SKLEARN_NAMES[name]
        shape = (1, 8, 8) if spec.as_images else (len(features),)
        return DataInfo(
            task="classification",
            input_shape=shape,
            num_outputs=len(classes),
            feature_names=features,
            target_names=("class",),
            class_names=classes,
        )
    if name == "linear":
        return DataInfo(
            task="regression",
            input_shape=(1,),
            num_outputs=1,
            feature_names=("x",),
            target_names=("y",),
        )
    features = ("x1", "x2", *spec.derived_features)
    if name in _TWO_CLASS_NAMES:
        return DataInfo(
            task="classification",
            input_shape=(len(features),),
            num_outputs=2,
            feature_names=features,
            target_names=("class",),
            class_names=_TWO_CLASS_NAMES[name],
        )
    targets = ("y1", "y2") if name == "identity" else ("y",)
    return DataInfo(
        task="regression",
        input_shape=(len(features),),
        num_outputs=len(targets),
        feature_names=features,
        target_names=targets,
    )
