"""``playground export``: every format from presets, .json and .playground files; errors as sentences."""

from __future__ import annotations

import os
import pickle
import warnings
from pathlib import Path

import numpy as np
import onnxruntime
import pytest
import torch

from playground.cli.main import run
from playground.core.export.base import model_for_export
from playground.core.export.weights import load_weights
from playground.core.io.files import save_experiment_file
from playground.core.spec.presets import load_preset


class _Sentinel:
    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.target}",))


def _trained(name: str = "gaussian") -> dict[str, torch.Tensor]:
    model, _ = model_for_export(load_preset(name), None)
    return {k: v + 0.25 for k, v in model.state_dict().items()}


def test_preset_to_weights_notes_the_initial_weights(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "w.safetensors"
    assert run(["export", "gaussian", "--to", "weights", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "initial weights of seed" in captured.err
    assert f"Exported preset gaussian as weights to {out}." in captured.out
    model, _ = model_for_export(load_preset("gaussian"), None)
    assert set(load_weights(out)) == set(model.state_dict())


def test_playground_file_weights_go_into_torchscript(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    experiment, weights = load_preset("gaussian"), _trained()
    source = tmp_path / "exp.playground"
    save_experiment_file(source, experiment, weights=weights)
    out = tmp_path / "model.pt"
    assert run(["export", str(source), "--to", "torchscript", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""  # trained weights: no note
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        scripted = torch.jit.load(out)
    reference, shape = model_for_export(experiment, weights)
    x = torch.randn(6, *shape)
    with torch.no_grad():
        assert torch.equal(scripted(x), reference(x))


def test_json_with_weights_option_to_onnx(tmp_path: Path) -> None:
    experiment, weights = load_preset("gaussian"), _trained()
    spec = tmp_path / "exp.json"
    spec.write_text(experiment.to_json(), encoding="utf-8")
    weights_file = tmp_path / "trained.pt"
    torch.save(weights, weights_file)
    out = tmp_path / "model.onnx"
    code = run(
        ["export", str(spec), "--weights", str(weights_file), "--to", "onnx", "-o", str(out)]
    )
    assert code == 0
    session = onnxruntime.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    reference, shape = model_for_export(experiment, weights)
    x = torch.randn(9, *shape)
    (output,) = session.run(None, {"input": x.numpy()})
    with torch.no_grad():
        np.testing.assert_allclose(output, reference(x).numpy(), atol=1e-4)


def test_script_export(tmp_path: Path) -> None:
    out = tmp_path / "train.py"
    assert run(["export", "xor", "--to", "script", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    compile(text, str(out), "exec")
    assert "def build_model():" in text and "DistributedDataParallel" in text


def test_hostile_weights_are_refused_without_running(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sentinel = tmp_path / "pwned"
    evil = tmp_path / "evil.pt"
    evil.write_bytes(pickle.dumps({"0.weight": _Sentinel(sentinel)}))
    out = tmp_path / "w.pt"
    code = run(["export", "gaussian", "--weights", str(evil), "--to", "weights", "-o", str(out)])
    assert code == 2
    err = capsys.readouterr().err
    assert "'evil.pt' was refused" in err and "Traceback" not in err
    assert not sentinel.exists() and not out.exists()


def test_mismatched_weights_name_the_first_difference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "spiral.safetensors"
    assert run(["export", "spiral", "--to", "weights", "-o", str(other)]) == 0
    capsys.readouterr()
    out = tmp_path / "model.onnx"
    code = run(["export", "gaussian", "--weights", str(other), "--to", "onnx", "-o", str(out)])
    assert code == 2
    err = capsys.readouterr().err
    assert "has shape" in err and "layer 1 (Linear)" in err and "but the model needs" in err
    assert not out.exists()


def test_bad_inputs_are_sentences(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.playground"
    broken.write_bytes(b"PK\x03\x04 cut short")
    assert run(["export", str(broken), "--to", "weights", "-o", str(tmp_path / "w.pt")]) == 2
    assert "damaged (it ends early)" in capsys.readouterr().err
    assert run(["export", "no-such-preset", "--to", "weights", "-o", "w.pt"]) == 2
    assert "neither an experiment file nor a preset" in capsys.readouterr().err
    assert run(["export", "xor", "--to", "weights", "-o", str(tmp_path / "w.txt")]) == 2
    assert "end the name with .pt or .safetensors" in capsys.readouterr().err
