"""The exported script also trains under torchrun with DistributedDataParallel (gloo on a CPU)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from test_export_script import assert_same_curve, engine_rows, run_script

from playground.core.export import export_experiment
from playground.core.spec.experiment import (
    BuiltinData,
    Experiment,
    LayerSpec,
    ModelSpec,
    OptimizerSpec,
    TrainingSpec,
)

TORCHRUN = Path(sys.executable).parent / "torchrun"


@pytest.mark.skipif(
    not TORCHRUN.exists() and shutil.which("torchrun") is None, reason="torchrun is not installed"
)
def test_script_under_torchrun_matches_a_single_process(tmp_path: Path) -> None:
    experiment = Experiment(
        data=BuiltinData(name="xor", samples=150, noise=0.1),
        model=ModelSpec(
            layers=[
                LayerSpec(kind="Linear", params={"out_features": 8}),
                LayerSpec(kind="Tanh"),
                LayerSpec(kind="Linear", params={"out_features": 2}),
            ]
        ),
        optimizer=OptimizerSpec(kind="sgd", lr=0.2),
        # 120 training samples in batches of 25: the last batch of 20 splits 10 + 10.
        training=TrainingSpec(batch_size=25, epochs=3, device="cpu"),
    )
    path = tmp_path / "train_xor.py"
    export_experiment(experiment, "script", path)
    launcher = [
        str(TORCHRUN if TORCHRUN.exists() else shutil.which("torchrun")),
        "--standalone",
        "--nproc_per_node=2",
    ]
    distributed = run_script(path, "--device", "cpu", launcher=launcher)
    # Each process takes half of every batch and gradients are averaged by batch share, so
    # the curve is the single-process one up to float rounding (printed once, by rank 0).
    assert_same_curve(distributed, engine_rows(experiment))
