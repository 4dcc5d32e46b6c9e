"""Built-in data sets: shapes, determinism, TF Playground faithfulness, derived inputs, sklearn sets."""

from __future__ import annotations

import ast
import math
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from torch import nn

from playground.core.data import (
    DATASET_DESCRIPTIONS,
    PLANE_SETS,
    DataError,
    Dataset,
    describe_data,
    load_dataset,
    synthetic,
)
from playground.core.spec.experiment import BUILTIN_DATASETS, DERIVED_FEATURES, BuiltinData

GENERATED = (
    "circle",
    "xor",
    "gaussian",
    "spiral",
    "plane",
    "multi-gaussian",
    "linear",
    "identity",
    "random-regression",
)
SKLEARN = ("iris", "wine", "breast-cancer", "digits")
SKLEARN_SIZES = {"iris": 150, "wine": 178, "breast-cancer": 569, "digits": 1797}
COURSE_FIXED_SIZES = {"course-line": 5, "course-identity": 5}


def _load(name: str, **options: object) -> Dataset:
    options.setdefault("samples", 200)
    return load_dataset(BuiltinData(name=name, **options))  # type: ignore[arg-type]


@pytest.mark.parametrize("name", BUILTIN_DATASETS)
def test_every_set_matches_its_description(name: str) -> None:
    spec = BuiltinData(name=name, samples=200, noise=0.2)  # type: ignore[arg-type]
    info = describe_data(spec)
    data = load_dataset(spec)
    assert data.info == info
    for x, y in ((data.x_train, data.y_train), (data.x_val, data.y_val)):
        assert x.dtype == torch.float32
        assert x.device.type == "cpu"
        assert tuple(x.shape[1:]) == info.input_shape
        assert x.shape[0] == y.shape[0]
        assert torch.isfinite(x).all()
        if info.task == "classification":
            assert y.dtype == torch.int64
            assert y.ndim == 1
            assert int(y.min()) >= 0 and int(y.max()) < info.num_outputs
        else:
            assert y.dtype == torch.float32
            assert tuple(y.shape[1:]) == (info.num_outputs,)
            assert torch.isfinite(y).all()
    if info.task == "classification":
        assert len(info.class_names) == info.num_outputs
        assert set(data.y_train.tolist()) == set(range(info.num_outputs))
    else:
        assert len(info.target_names) == info.num_outputs
    if len(info.input_shape) == 1:
        assert len(info.feature_names) == info.input_shape[0]
    total = SKLEARN_SIZES.get(name, COURSE_FIXED_SIZES.get(name, 200))
    assert data.x_val.shape[0] == round(total * 0.2)
    assert data.x_train.shape[0] == total - round(total * 0.2)


@pytest.mark.parametrize("name", BUILTIN_DATASETS)
def test_same_seed_same_data_other_seed_other_split(name: str) -> None:
    first = _load(name, seed=3)
    again = _load(name, seed=3)
    other = _load(name, seed=4)
    assert torch.equal(first.x_train, again.x_train)
    assert torch.equal(first.y_train, again.y_train)
    assert torch.equal(first.x_val, again.x_val)
    assert not torch.equal(first.x_train, other.x_train)


@pytest.mark.parametrize("name", GENERATED)
def test_noise_changes_the_data(name: str) -> None:
    clean = _load(name, noise=0.0)
    noisy = _load(name, noise=0.8)
    changed = not torch.equal(clean.x_train, noisy.x_train) or not torch.equal(
        clean.y_train, noisy.y_train
    )
    assert changed


@pytest.mark.parametrize("fraction", [0.0, 0.5, 0.9])
def test_split_sizes_follow_the_fraction(fraction: float) -> None:
    data = _load("xor", samples=101, validation_fraction=fraction)
    n_val = round(101 * fraction)
    assert data.x_val.shape == (n_val, 2)
    assert data.y_val.shape == (n_val,)
    assert data.x_train.shape == (101 - n_val, 2)
    # The split is a partition: no point is lost or duplicated.
    everything = torch.cat([data.x_train, data.x_val])
    assert torch.unique(everything, dim=0).shape[0] == 101


def _all(data: Dataset) -> tuple[torch.Tensor, torch.Tensor]:
    return torch.cat([data.x_train, data.x_val]), torch.cat([data.y_train, data.y_val])


def test_circle_is_a_disc_inside_a_ring() -> None:
    x, y = _all(_load("circle", samples=400))
    radius = torch.linalg.vector_norm(x, dim=1)
    assert (radius[y == 1] < 2.5).all()
    assert ((radius[y == 0] >= 3.5) & (radius[y == 0] <= 5.0)).all()
    assert int((y == 1).sum()) == 200
    # Full noise (TF Playground's 50 %) labels some points by their shifted position.
    x, y = _all(_load("circle", samples=400, noise=1.0))
    radius = torch.linalg.vector_norm(x, dim=1)
    assert ((radius < 2.5) & (y == 0)).any()


def test_xor_keeps_a_margin_and_labels_by_quadrant() -> None:
    x, y = _all(_load("xor", samples=400))
    assert (x.abs() >= 0.3).all() and (x.abs() <= 5.3).all()
    assert torch.equal(y, (x[:, 0] * x[:, 1] >= 0).to(torch.int64))


def test_gaussian_clouds_sit_at_plus_and_minus_two() -> None:
    x, y = _all(_load("gaussian", samples=2000))
    assert torch.allclose(x[y == 1].mean(dim=0), torch.tensor([2.0, 2.0]), atol=0.15)
    assert torch.allclose(x[y == 0].mean(dim=0), torch.tensor([-2.0, -2.0]), atol=0.15)
    # TF Playground's variance 0.5 without noise, 4 at its 50 % noise.
    assert x[y == 1].std(dim=0).mean() == pytest.approx(math.sqrt(0.5), rel=0.1)
    x, y = _all(_load("gaussian", samples=2000, noise=1.0))
    assert x[y == 1].std(dim=0).mean() == pytest.approx(2.0, rel=0.1)


def test_spiral_has_two_opposite_arms_of_radius_five() -> None:
    x, _ = synthetic.make_spiral(200, 0.0, torch.Generator().manual_seed(0))
    radius = torch.linalg.vector_norm(x, dim=1)
    assert float(radius.max()) < 5.0
    # The second arm is the first turned by half a turn.
    assert torch.allclose(x[100:], -x[:100], atol=1e-5)
    # Radius grows along each arm.
    assert (radius[1:100] > radius[:99]).all()


def test_plane_target_is_the_scaled_sum() -> None:
    x, y = _all(_load("plane", samples=300))
    assert torch.allclose(y[:, 0], (x[:, 0] + x[:, 1]) / 10.0, atol=1e-6)
    assert (x.abs() <= 6.0).all()


def test_multi_gaussian_peaks_at_the_six_centres() -> None:
    gen = torch.Generator().manual_seed(1)
    x, y = synthetic.make_multi_gaussian(3000, 0.0, gen)
    assert (y.abs() <= 1.0).all()
    for cx, cy, sign in ((-4.0, 2.5, 1.0), (0.0, 2.5, -1.0), (4.0, -2.5, -1.0)):
        near = torch.linalg.vector_norm(x - torch.tensor([cx, cy]), dim=1) < 0.3
        assert near.any()
        assert (y[near, 0] * sign > 0.8).all()
    far = (x[:, 1].abs() > 4.6) | (x[:, 0].abs() > 6.0)
    assert (y[far] == 0).all()


def test_linear_regression_learns_two_and_zero() -> None:
    data = _load("linear", samples=500, noise=0.0)
    model = nn.Linear(1, 1)
    with torch.no_grad():
        model.weight.fill_(-1.0)
        model.bias.fill_(1.0)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    order_gen = torch.Generator().manual_seed(0)
    for _ in range(30):
        order = torch.randperm(data.x_train.shape[0], generator=order_gen)
        for start in range(0, len(order), 32):
            batch = order[start : start + 32]
            loss = nn.functional.mse_loss(model(data.x_train[batch]), data.y_train[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    assert model.weight.item() == pytest.approx(2.0, abs=0.02)
    assert model.bias.item() == pytest.approx(0.0, abs=0.02)
    assert data.curve is not None
    low, high = data.curve.x_range
    assert low < float(data.x_train.min()) and high > float(data.x_train.max())


def test_identity_targets_are_the_inputs() -> None:
    data = _load("identity", noise=0.0)
    assert torch.equal(data.y_train, data.x_train)
    assert describe_data(BuiltinData(name="identity")).target_names == ("y1", "y2")


def test_random_regression_default_is_tiny_and_linear() -> None:
    data = _load("random-regression", samples=10, noise=0.0)
    assert data.x_train.shape == (8, 2) and data.y_train.shape == (8, 1)
    # Noise-free targets are exactly linear in the inputs: least squares fits them.
    x, y = _all(data)
    design = torch.cat([x, torch.ones(10, 1)], dim=1).double()
    solution = torch.linalg.lstsq(design, y.double()).solution
    assert torch.allclose(design @ solution, y.double(), atol=1e-5)


@pytest.mark.parametrize("name", PLANE_SETS)
def test_derived_features_and_plane_expand(name: str) -> None:
    chosen = ["sin(x2)", "x1*x2", "x1^2"]
    data = _load(name, derived_features=chosen, noise=0.3)
    assert data.plane is not None and data.raw_train is not None and data.raw_val is not None
    assert data.info.feature_names == ("x1", "x2", *chosen)
    raw = data.raw_train
    expected = torch.stack(
        [raw[:, 0], raw[:, 1], torch.sin(raw[:, 1]), raw[:, 0] * raw[:, 1], raw[:, 0] ** 2], dim=1
    )
    assert torch.allclose(data.x_train, expected)
    assert torch.equal(data.plane.expand(data.raw_train), data.x_train)
    assert torch.equal(data.plane.expand(data.raw_val), data.x_val)
    x1_min, x1_max, x2_min, x2_max = data.plane.extent
    points = torch.cat([data.raw_train, data.raw_val])
    assert x1_min < float(points[:, 0].min()) and float(points[:, 0].max()) < x1_max
    assert x2_min < float(points[:, 1].min()) and float(points[:, 1].max()) < x2_max


def test_every_derived_feature_has_its_formula() -> None:
    raw = torch.tensor([[0.5, -2.0], [3.0, 1.5]])
    out = synthetic.add_derived_features(raw, list(DERIVED_FEATURES))
    x1, x2 = raw[:, 0], raw[:, 1]
    expected = torch.stack([x1, x2, x1**2, x2**2, x1 * x2, torch.sin(x1), torch.sin(x2)], dim=1)
    assert torch.allclose(out, expected)


@pytest.mark.parametrize("name", ["iris", "digits", "linear"])
def test_derived_features_need_a_two_input_set(name: str) -> None:
    spec = BuiltinData(name=name, derived_features=["x1^2"])  # type: ignore[arg-type]
    with pytest.raises(DataError, match=r"derived inputs \(x1\^2\) cannot be added"):
        describe_data(spec)
    with pytest.raises(DataError):
        load_dataset(spec)


def test_only_digits_come_as_images() -> None:
    with pytest.raises(DataError, match="Only the digits data set can be given as images"):
        describe_data(BuiltinData(name="iris", as_images=True))
    images = load_dataset(BuiltinData(name="digits", as_images=True))
    flat = load_dataset(BuiltinData(name="digits"))
    assert images.info.input_shape == (1, 8, 8)
    assert images.x_train.shape[1:] == (1, 8, 8)
    assert torch.equal(images.x_train.reshape(-1, 64), flat.x_train)
    assert float(flat.x_train.min()) == 0.0 and float(flat.x_train.max()) == 1.0
    assert flat.info.class_names == tuple(str(d) for d in range(10))


@pytest.mark.parametrize("name", ["iris", "wine", "breast-cancer"])
def test_tabular_sets_are_standardised_on_the_training_split(name: str) -> None:
    data = _load(name)
    assert torch.allclose(data.x_train.mean(dim=0), torch.zeros(1), atol=1e-5)
    assert torch.allclose(data.x_train.std(dim=0), torch.ones(1), atol=1e-4)
    # Validation data uses the training statistics, so it is close but not exactly standard.
    assert not torch.allclose(data.x_val.mean(dim=0), torch.zeros(1), atol=1e-5)


@pytest.mark.parametrize("name", SKLEARN)
def test_sklearn_names_match_scikit_learn(name: str) -> None:
    import sklearn.datasets

    loader = {
        "iris": sklearn.datasets.load_iris,
        "wine": sklearn.datasets.load_wine,
        "breast-cancer": sklearn.datasets.load_breast_cancer,
        "digits": sklearn.datasets.load_digits,
    }[name]
    bunch = loader()
    info = describe_data(BuiltinData(name=name))  # type: ignore[arg-type]
    assert info.feature_names == tuple(str(f) for f in bunch.feature_names)
    assert info.class_names == tuple(str(c) for c in bunch.target_names)


def test_build_synthetic_reproduces_load_dataset() -> None:
    spec = BuiltinData(name="spiral", samples=150, noise=0.4, seed=9, derived_features=["x1^2"])
    data = load_dataset(spec)
    x_tr, y_tr, x_val, y_val, raw_tr, raw_val = synthetic.build_synthetic(
        "spiral", 150, 0.4, ["x1^2"], spec.validation_fraction, 9
    )
    for ours, theirs in (
        (data.x_train, x_tr),
        (data.y_train, y_tr),
        (data.x_val, x_val),
        (data.y_val, y_val),
        (data.raw_train, raw_tr),
        (data.raw_val, raw_val),
    ):
        assert ours is not None and torch.equal(ours, theirs)


def test_generation_leaves_the_global_generator_alone() -> None:
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    _load("gaussian")
    _load("random-regression")
    assert torch.equal(torch.rand(3), expected)


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_exportable_modules_import_only_what_a_script_has() -> None:
    data_dir = Path(synthetic.__file__).parent
    assert _imported_modules(data_dir / "synthetic.py") == {"math", "torch"}
    assert _imported_modules(data_dir / "sklearn_sets.py") == {
        "numpy",
        "sklearn.datasets",
        "torch",
        "playground.core.data.synthetic",
    }
    # Only functions (and imports) at module level: nothing else to copy along.
    tree = ast.parse((data_dir / "synthetic.py").read_text(encoding="utf-8"))
    for node in tree.body[1:]:  # the first statement is the docstring
        assert isinstance(node, ast.Import | ast.ImportFrom | ast.FunctionDef), ast.dump(node)


def test_describing_does_not_import_scikit_learn() -> None:
    code = (
        "import sys\n"
        "from playground.core.data import describe_data\n"
        "from playground.core.spec.experiment import BuiltinData\n"
        "describe_data(BuiltinData(name='breast-cancer'))\n"
        "assert 'sklearn' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_built_in_set_has_a_one_line_description() -> None:
    assert set(DATASET_DESCRIPTIONS) == set(BUILTIN_DATASETS)
    for text in DATASET_DESCRIPTIONS.values():
        assert text[0].isupper() and text.endswith(".") and "\n" not in text


def test_copied_sources_rebuild_the_data_without_the_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The exporter pastes synthetic.py then sklearn_sets.py into one script; that must run alone."""
    from playground.core.data import sklearn_sets

    monkeypatch.setitem(sys.modules, "playground.core.data.synthetic", None)
    namespace: dict[str, object] = {"__name__": "__main__"}
    for module in (synthetic, sklearn_sets):
        source = Path(str(module.__file__)).read_text(encoding="utf-8")
        exec(compile(source, str(module.__file__), "exec"), namespace)
    build = namespace["build_synthetic"]
    load = namespace["load_sklearn"]
    assert callable(build) and callable(load)
    generated = build("circle", 60, 0.5, ["x2^2"], 0.25, 5)
    expected = load_dataset(
        BuiltinData(
            name="circle",
            samples=60,
            noise=0.5,
            derived_features=["x2^2"],
            seed=5,
            validation_fraction=0.25,
        )
    )
    assert torch.equal(generated[0], expected.x_train)
    assert torch.equal(generated[3], expected.y_val)
    wine = load("wine", 0.2, 7, False)
    expected = load_dataset(BuiltinData(name="wine", seed=7))
    assert torch.equal(wine[0], expected.x_train)
    assert torch.equal(wine[3], expected.y_val)


def test_plane_expand_accepts_a_float64_grid() -> None:
    data = _load("xor", derived_features=["x1*x2"])
    assert data.plane is not None
    grid = torch.tensor([[1.0, 2.0], [-3.0, 0.5]], dtype=torch.float64)
    out = data.plane.expand(grid)
    assert out.dtype == torch.float32
    assert torch.allclose(out, torch.tensor([[1.0, 2.0, 2.0], [-3.0, 0.5, -1.5]]))
