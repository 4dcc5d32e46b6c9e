"""What every built-in data set is, known without generating or loading it.

The editor asks for a set's task, input shape and class names on every change,
so this module answers from fixed facts (the shipped scikit-learn sets never
change shape) instead of importing scikit-learn, which takes over a second.
:data:`DATASET_TABLE` is the one list of built-in sets: the data panel reads
its titles, descriptions and which settings each set offers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from playground.core.data.base import DataError, DataInfo
from playground.core.data.shown_pair import shown_columns
from playground.core.problems import Problem
from playground.core.spec.experiment import BuiltinData

Family = Literal["tf-playground", "tutorial", "course", "scikit-learn"]


@dataclass(frozen=True)
class DatasetOption:
    """One built-in data set: title and description for pickers, and what it offers.

    ``plane``: its raw input is a point (x1, x2), so it gets a plane plot and may
    take derived inputs. ``generated``: made from a recipe, so the number of
    samples and the noise can be chosen (the scikit-learn sets are fixed tables).
    ``images``: it can also be given as images (digits as 1×8×8). ``curve``: one input x
    and one target y, so it gets a fitted-curve plot.
    """

    name: str
    title: str
    description: str
    family: Family
    plane: bool = False
    generated: bool = True
    images: bool = False
    curve: bool = False


DATASET_TABLE: dict[str, DatasetOption] = {
    o.name: o
    for o in (
        DatasetOption(
            "circle", "Circle",
            "Two classes: a disc of points inside a ring (TensorFlow Playground's circle).",
            "tf-playground", plane=True,
        ),
        DatasetOption(
            "xor", "Exclusive or (XOR)",
            "Two classes by quadrant: same-sign corners against opposite-sign corners (XOR).",
            "tf-playground", plane=True,
        ),
        DatasetOption(
            "gaussian", "Two gaussians",
            "Two classes as two round clouds of points; noise makes them overlap.",
            "tf-playground", plane=True,
        ),
        DatasetOption(
            "spiral", "Spiral",
            "Two classes wound around each other as two spiral arms; the hardest 2-D set.",
            "tf-playground", plane=True,
        ),
        DatasetOption(
            "plane", "Plane (regression)",
            "Regression on the plane: the target rises evenly along x1 + x2.",
            "tf-playground", plane=True,
        ),
        DatasetOption(
            "multi-gaussian", "Multi-gaussian (regression)",
            "Regression on the plane: six bumps and dips, the target is the strongest one.",
            "tf-playground", plane=True,
        ),
        DatasetOption(
            "linear", "Line y = 2x (regression)",
            "Regression with one input: y = 2x plus noise, for fitting a straight line.",
            "tutorial", curve=True,
        ),
        DatasetOption(
            "identity", "Identity (regression)",
            "Regression on the plane: the two targets are the two inputs themselves.",
            "tutorial", plane=True,
        ),
        DatasetOption(
            "random-regression", "Random regression",
            "A small regression set: two random inputs and a random linear target.",
            "tutorial", plane=True,
        ),
        DatasetOption(
            "course-line", "Course: x = 1…5, y = 2x",
            "The course's five points x = 1…5 with y = 2x, for linear regression.",
            "course", generated=False, curve=True,
        ),
        DatasetOption(
            "course-identity", "Course: identity on five points",
            "The course's five points (1, 2)…(5, 6), each its own target (identity).",
            "course", plane=True, generated=False,
        ),
        DatasetOption(
            "course-randn", "Course: random samples (randn)",
            "The course's random samples: inputs and targets drawn with randn.",
            "course", plane=True,
        ),
        DatasetOption(
            "course-randint", "Course: whole numbers (randint)",
            "The course's random whole numbers x and y from randint(1, 5).",
            "course", curve=True,
        ),
        DatasetOption(
            "iris", "Iris flowers",
            "Iris flowers: 150 samples, 4 measurements, 3 species (scikit-learn).",
            "scikit-learn", generated=False,
        ),
        DatasetOption(
            "wine", "Wine",
            "Wines: 178 samples, 13 chemical measurements, 3 cultivars (scikit-learn).",
            "scikit-learn", generated=False,
        ),
        DatasetOption(
            "breast-cancer", "Breast cancer",
            "Breast tumours: 569 samples, 30 measurements, malignant or benign (scikit-learn).",
            "scikit-learn", generated=False,
        ),
        DatasetOption(
            "digits", "Handwritten digits",
            "Handwritten digits: 1797 images of 8×8 pixels, 10 classes (scikit-learn).",
            "scikit-learn", generated=False, images=True,
        ),
    )
}  # fmt: skip

DATASET_DESCRIPTIONS: dict[str, str] = {n: o.description for n, o in DATASET_TABLE.items()}
#: Sets whose raw input is a point (x1, x2): they get a plane plot and may take derived inputs.
PLANE_SETS: tuple[str, ...] = tuple(n for n, o in DATASET_TABLE.items() if o.plane)
TF_PLAYGROUND_SETS: tuple[str, ...] = tuple(
    n for n, o in DATASET_TABLE.items() if o.family == "tf-playground"
)
SKLEARN_SETS: tuple[str, ...] = tuple(
    n for n, o in DATASET_TABLE.items() if o.family == "scikit-learn"
)
#: Sets with one input x and one target y: they get a fitted-curve plot.
CURVE_SETS: tuple[str, ...] = tuple(n for n, o in DATASET_TABLE.items() if o.curve)

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
    if spec.as_images and not DATASET_TABLE[spec.name].images:
        raise DataError(
            Problem("data.images_only_digits", {"name": spec.name}, field="data.as_images")
        )


def describe_builtin(spec: BuiltinData) -> DataInfo:
    """Task, shapes and names of a built-in set; raises :class:`DataError` for bad options."""
    _check_options(spec)
    name = spec.name
    if name in SKLEARN_SETS:
        features, classes = _SKLEARN_NAMES[name]
        if not DATASET_TABLE[name].images:
            shown_columns(features, spec.shown_inputs)
        shape = (1, 8, 8) if spec.as_images else (len(features),)
        return DataInfo(
            task="classification",
            input_shape=shape,
            num_outputs=len(classes),
            feature_names=features,
            target_names=("class",),
            class_names=classes,
        )
    if name in CURVE_SETS:
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
    targets = ("y1", "y2") if name in ("identity", "course-identity") else ("y",)
    return DataInfo(
        task="regression",
        input_shape=(len(features),),
        num_outputs=len(targets),
        feature_names=features,
        target_names=targets,
    )
