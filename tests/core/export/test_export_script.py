"""The exported training script: plain PyTorch that reproduces the engine's losses on a CPU."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from playground.core.export import export_experiment
from playground.core.export.base import ExportError
from playground.core.export.script import training_script
from playground.core.spec.experiment import (
    BuiltinData,
    CsvData,
    Experiment,
    LayerSpec,
    ModelSpec,
    OptimizerSpec,
    ScheduleSpec,
    TrainingSpec,
)
from playground.core.spec.presets import load_preset
from playground.core.training.engine import Engine

LINE = re.compile(
    r"epoch\s+(\d+)/\d+\s+train loss (\S+)(?:\s+val loss (\S+))?(?:\s+val accuracy (\S+)%)?"
)
ALLOWED_IMPORTS = {"argparse", "math", "os", "csv", "io", "torch", "numpy", "sklearn"}


def _layers(*specs: tuple[str, dict[str, object]]) -> ModelSpec:
    return ModelSpec(layers=[LayerSpec(kind=kind, params=params) for kind, params in specs])  # type: ignore[arg-type]


def run_script(
    path: Path, *args: str, launcher: list[str] | None = None
) -> list[tuple[float, ...]]:
    """Run the script in a fresh interpreter; (epoch, train loss, val loss) per printed epoch."""
    command = [*(launcher or [sys.executable]), str(path), *args]
    result = subprocess.run(
        command, cwd=path.parent, capture_output=True, text=True, timeout=240, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rows = []
    for line in result.stdout.splitlines():
        match = LINE.search(line)
        if match:
            rows.append(tuple(float(v) for v in match.groups()[:3] if v is not None))
    return rows


def engine_rows(experiment: Experiment) -> list[tuple[float, ...]]:
    engine = Engine(experiment)
    engine.run()
    return [
        (r.epoch, r.train_loss) + (() if r.val_loss is None else (r.val_loss,))
        for r in engine.history.epochs
    ]


def assert_same_curve(script: list[tuple[float, ...]], engine: list[tuple[float, ...]]) -> None:
    assert len(script) == len(engine) > 0
    for ours, theirs in zip(script, engine, strict=True):
        assert ours[0] == theirs[0]
        assert ours[1:] == pytest.approx(theirs[1:], abs=1e-5)


def _imports(text: str) -> set[str]:
    """Top-level module names imported outside ``try`` blocks (the guarded app import aside)."""
    names: set[str] = set()
    for node in ast.parse(text).body:
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_synthetic_script_reproduces_the_engine(tmp_path: Path) -> None:
    experiment = Experiment(
        name='Circle "quoted" \\ test',
        description="Dropout, BCE and a step schedule.",
        data=BuiltinData(name="circle", samples=160, noise=0.2, derived_features=["x1^2", "x2^2"]),
        model=_layers(
            ("Linear", {"out_features": 8}),
            ("ReLU", {}),
            ("Dropout", {"p": 0.3}),
            ("Linear", {"out_features": 1}),
        ),
        loss="bce-with-logits",
        optimizer=OptimizerSpec(kind="sgd", lr=0.1, momentum=0.9, nesterov=True),
        schedule=ScheduleSpec(kind="step", step_size=1, gamma=0.5),
        training=TrainingSpec(batch_size=24, epochs=3, seed=3, device="cpu", grad_clip=1.0),
    )
    path = tmp_path / "train_circle.py"
    export_experiment(experiment, "script", path)
    text = path.read_text(encoding="utf-8")
    assert _imports(text) <= ALLOWED_IMPORTS
    assert "nn.Linear(in_features=4, out_features=8, bias=True)," in text
    assert "nn.Dropout(p=0.3, inplace=False)," in text
    assert "def make_circle(" in text and "def build_synthetic(" in text
    assert_same_curve(run_script(path, "--save", "w.pt"), engine_rows(experiment))
    assert (tmp_path / "w.pt").is_file()


def test_course_script_keeps_full_batches_and_the_zero_grad_switch(tmp_path: Path) -> None:
    experiment = load_preset("course-no-zero-grad")
    experiment = experiment.model_copy(
        update={"training": experiment.training.model_copy(update={"epochs": 8, "device": "cpu"})}
    )
    path = tmp_path / "train_course.py"
    export_experiment(experiment, "script", path)
    text = path.read_text(encoding="utf-8")
    assert "ZERO_GRAD = False" in text and "def make_course_set(" in text
    assert_same_curve(run_script(path), engine_rows(experiment))


def test_sklearn_script_reproduces_the_engine(tmp_path: Path) -> None:
    experiment = Experiment(
        data=BuiltinData(name="iris", validation_fraction=0.3, seed=2),
        model=_layers(
            ("Linear", {"out_features": 6}), ("Tanh", {}), ("Linear", {"out_features": 3})
        ),
        optimizer=OptimizerSpec(kind="adam", lr=0.02),
        schedule=ScheduleSpec(kind="plateau", patience=0, factor=0.5),
        training=TrainingSpec(batch_size=16, epochs=4, seed=1, device="cpu"),
    )
    path = tmp_path / "train_iris.py"
    path.write_text(training_script(experiment, path.name), encoding="utf-8")
    assert "def load_sklearn(" in path.read_text(encoding="utf-8")
    assert_same_curve(run_script(path), engine_rows(experiment))


def test_csv_script_reads_the_table_as_the_app_does(tmp_path: Path) -> None:
    rows = ["size;weight;kind"]
    for i in range(40):
        kind = ("apple", "pear", "plum")[i % 3]
        rows.append(f"{i % 7},{i % 3};{(i * 37) % 11},5;{kind}")
    table = tmp_path / "fruit.csv"
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    experiment = Experiment(
        data=CsvData(path=str(table), features=["size", "weight"], target="kind"),
        model=_layers(
            ("Linear", {"out_features": 5}), ("ELU", {}), ("Linear", {"out_features": 3})
        ),
        optimizer=OptimizerSpec(kind="rmsprop", lr=0.01, momentum=0.5),
        training=TrainingSpec(batch_size=8, epochs=3, device="cpu"),
    )
    path = tmp_path / "scripts" / "train_fruit.py"
    export_experiment(experiment, "script", path)
    text = path.read_text(encoding="utf-8")
    assert "CLASS_NAMES = ['apple', 'pear', 'plum']" in text and "DELIMITER = ';'" in text
    assert_same_curve(run_script(path), engine_rows(experiment))


@pytest.mark.parametrize(
    ("loss", "optimizer", "output"),
    [
        ("bce-with-logits", OptimizerSpec(kind="sgd", lr=0.03, momentum=0.9), 1),
        ("cross-entropy", OptimizerSpec(kind="adam", lr=0.01, weight_decay=0.01), 2),
    ],
)
def test_script_reproduces_the_fast_dense_path(
    tmp_path: Path, loss: str, optimizer: OptimizerSpec, output: int
) -> None:
    experiment = Experiment(
        data=BuiltinData(name="spiral", samples=250, noise=0.1),
        model=_layers(
            ("Linear", {"out_features": 8}),
            ("Tanh", {}),
            ("Linear", {"out_features": 8}),
            ("Tanh", {}),
            ("Linear", {"out_features": output}),
        ),
        loss=loss,  # type: ignore[arg-type]
        optimizer=optimizer,
        training=TrainingSpec(batch_size=10, epochs=6, seed=5, device="cpu", grad_clip=2.0),
    )
    assert Engine(experiment).fast_path  # the app trains this without autograd
    path = tmp_path / "train_spiral.py"
    export_experiment(experiment, "script", path)
    assert_same_curve(run_script(path), engine_rows(experiment))


def test_script_reproduces_the_convolution_fast_path(tmp_path: Path) -> None:
    experiment = load_preset("digits-cnn")
    training = experiment.training.model_copy(update={"epochs": 3, "device": "cpu"})
    experiment = experiment.model_copy(update={"training": training})
    assert Engine(experiment).fast_path  # the app trains this without autograd
    path = tmp_path / "train_digits_cnn.py"
    export_experiment(experiment, "script", path)
    assert_same_curve(run_script(path), engine_rows(experiment))


@pytest.mark.parametrize("init", ["xavier_uniform", "kaiming_normal"])
def test_script_starts_from_the_chosen_initial_weights(tmp_path: Path, init: str) -> None:
    model = _layers(
        ("Linear", {"out_features": 12}),
        ("ReLU", {}),
        ("Dropout", {"p": 0.2}),
        ("Linear", {"out_features": 2}),
    ).model_copy(update={"init": init})
    experiment = Experiment(
        data=BuiltinData(name="xor", samples=150, noise=0.1),
        model=model,
        optimizer=OptimizerSpec(kind="sgd", lr=0.05, momentum=0.9),
        training=TrainingSpec(batch_size=16, epochs=3, seed=11, device="cpu"),
    )
    path = tmp_path / "train_xor.py"
    export_experiment(experiment, "script", path)
    text = path.read_text(encoding="utf-8")
    assert f"INIT = {init!r}" in text
    default = experiment.model_copy(update={"model": model.model_copy(update={"init": "pytorch"})})
    expected = engine_rows(experiment)
    assert expected != engine_rows(default)  # the choice changes the curve
    assert_same_curve(run_script(path), expected)


def test_script_draws_the_chosen_filters_on_the_convolution_fast_path(tmp_path: Path) -> None:
    experiment = load_preset("digits-cnn")
    training = experiment.training.model_copy(update={"epochs": 2, "device": "cpu"})
    model = experiment.model.model_copy(update={"init": "xavier_uniform"})
    experiment = experiment.model_copy(update={"training": training, "model": model})
    assert Engine(experiment).fast_path
    path = tmp_path / "train_digits_cnn.py"
    export_experiment(experiment, "script", path)
    assert_same_curve(run_script(path), engine_rows(experiment))


def test_a_typed_two_target_table_without_names_exports_as_the_app_reads_it(
    tmp_path: Path,
) -> None:
    # No header row: the columns get the names the user gave; two numeric targets.
    rows = [f"{i % 5},{(i * 3) % 7},{i % 5},{(i * 3) % 7}" for i in range(30)]
    experiment = Experiment(
        data=CsvData(
            path="typed table",
            inline_table="\n".join(rows) + "\n",
            first_row="data",
            column_names=["x1", "x2", "y1", "y2"],
            features=["x1", "x2"],
            target="y1",
            extra_targets=["y2"],
        ),
        model=_layers(("Linear", {"out_features": 2})),
        loss="mse",
        optimizer=OptimizerSpec(kind="sgd", lr=0.05),
        training=TrainingSpec(batch_size=5, epochs=3, device="cpu"),
    )
    path = tmp_path / "train_identity.py"
    export_experiment(experiment, "script", path)
    text = path.read_text(encoding="utf-8")
    assert "TARGETS = ['y1', 'y2']" in text and "CSV_PATH = None" in text
    assert_same_curve(run_script(path), engine_rows(experiment))


def test_script_starts_from_the_weights_set_by_hand(tmp_path: Path) -> None:
    experiment = load_preset("course-linear-regression")  # Linear(1, 1): y = a·x + b
    experiment = experiment.model_copy(
        update={"training": experiment.training.model_copy(update={"epochs": 5, "device": "cpu"})}
    )
    start = {"0.weight": torch.tensor([[1.0]]), "0.bias": torch.tensor([2.0])}
    path = tmp_path / "train_ab.py"
    notes = export_experiment(experiment, "script", path, weights=start, start_weights=start)
    assert notes == [
        "The script trains the model from the weights set by hand; "
        "the trained weights are not part of it."
    ]
    text = path.read_text(encoding="utf-8")
    assert "START_WEIGHTS = [('0.weight', [[1.0]]), ('0.bias', [2.0])]" in text
    engine = Engine(experiment, initial_state=start)
    engine.run()
    expected = [
        (r.epoch, r.train_loss) + (() if r.val_loss is None else (r.val_loss,))
        for r in engine.history.epochs
    ]
    assert_same_curve(run_script(path), expected)
    assert expected != engine_rows(experiment)  # the seed's start would train differently


def test_start_weights_that_do_not_fit_or_are_too_many_are_refused_in_words(
    tmp_path: Path,
) -> None:
    experiment = load_preset("course-linear-regression")
    wrong = {"0.weight": torch.ones(3, 1), "0.bias": torch.zeros(3)}
    with pytest.raises(ExportError, match="do not fit the layers any more"):
        export_experiment(experiment, "script", tmp_path / "a.py", start_weights=wrong)
    huge = {"0.weight": torch.ones(1, 1), "0.bias": torch.zeros(1), "extra": torch.zeros(200_000)}
    with pytest.raises(ExportError, match="200,002 numbers, more than the 100,000"):
        export_experiment(experiment, "script", tmp_path / "b.py", start_weights=huge)
    assert not (tmp_path / "a.py").exists() and not (tmp_path / "b.py").exists()
