"""The TensorFlow Playground reference: node when present, the numpy port otherwise, said which."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "tfp_reference.py"


@pytest.fixture
def reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tfp_reference", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["tfp_reference"] = module
    spec.loader.exec_module(module)
    return module


def test_without_node_the_numpy_port_runs_and_says_so(
    reference: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reference.shutil, "which", lambda _name: None)
    rates = reference.measure(0.2)
    assert rates.reference == "numpy port (node not found)"
    assert rates.train_epochs_per_s > rates.frame_epochs_per_s > 0


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed here")
def test_with_node_the_javascript_port_runs(reference: ModuleType) -> None:
    rates = reference.measure(0.2)
    assert rates.reference.startswith("node v")
    assert rates.train_epochs_per_s > rates.frame_epochs_per_s > 0


def test_the_numpy_port_is_the_playground_configuration_and_learns(reference: ModuleType) -> None:
    playground = reference.NumpyPlayground()
    assert [w.shape for w in playground.weights] == [(2, 8), (8, 8), (8, 1)]
    assert all(np.all(b == 0.1) for b in playground.biases)
    assert len(playground.train[0]) == len(playground.test[0]) == 250
    assert set(np.unique(playground.train[1])) == {-1.0, 1.0}
    assert playground.grid.shape == (100 * 100, 2)
    before = playground.loss(playground.train)
    for _ in range(200):
        playground.epoch()
    assert playground.loss(playground.train) < 0.95 * before
