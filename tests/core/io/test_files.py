"""Experiment files: round trip, atomic saves, format upgrades, and refusing bad or hostile files."""

from __future__ import annotations

import io
import json
import os
import pickle
import subprocess
import sys
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
import torch

from playground.core.io import autosave, files, paths
from playground.core.io.atomic import STALE_SECONDS
from playground.core.io.files import FileFormatError, save_experiment_file
from playground.core.io.migrations import CURRENT_FORMAT, MigrationError, migrate
from playground.core.io.readers import load_experiment_file, load_experiment_file_any
from playground.core.runs.records import FinalMetrics, RunRecord, make_curves
from playground.core.spec.experiment import (
    BuiltinData,
    Experiment,
    LayerSpec,
    ModelSpec,
    OptimizerSpec,
)
from playground.core.spec.validation import SpecError


def _experiment(lr: float = 0.05) -> Experiment:
    return Experiment(
        name="Round trip",
        data=BuiltinData(name="xor", samples=64, noise=0.1),
        model=ModelSpec(
            layers=[
                LayerSpec(kind="Linear", params={"out_features": 4}),
                LayerSpec(kind="ReLU"),
                LayerSpec(kind="Linear", params={"out_features": 2}),
            ]
        ),
        optimizer=OptimizerSpec(kind="sgd", lr=lr, momentum=0.9),
    )


def _weights() -> dict[str, torch.Tensor]:
    gen = torch.Generator().manual_seed(3)
    return {
        "0.weight": torch.randn(4, 2, generator=gen),
        "0.bias": torch.randn(4, generator=gen),
        "2.weight": torch.randn(2, 4, generator=gen),
        "2.bias": torch.randn(2, generator=gen),
    }


def _record() -> RunRecord:
    steps = list(range(1, 3001))
    losses = [1.0 / s for s in steps]
    return RunRecord(
        started_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        settings=_experiment(),
        device="cpu",
        seconds=1.5,
        state="diverged",
        epochs=3,
        steps=3000,
        final=FinalMetrics(train_loss=float("nan"), val_loss=0.5, val_accuracy=0.75),
        curves=make_curves(steps, losses, [1, 2, 3], [0.9, 0.5, float("inf")], [0.8, None, 0.4]),
    )


def _saved(tmp_path: Path, **kwargs: object) -> Path:
    path = tmp_path / "exp.playground"
    save_experiment_file(path, _experiment(), **kwargs)  # type: ignore[arg-type]
    return path


def _rezip(path: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


class _Sentinel:
    """A pickle that creates a file when (and only when) it is unpickled."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.target}",))


# ---- round trip ----------------------------------------------------------------------


def test_round_trip_keeps_spec_weights_and_runs(tmp_path: Path) -> None:
    weights, record = _weights(), _record()
    path = _saved(tmp_path, weights=weights, runs=[record])
    loaded = load_experiment_file_any(path)
    assert loaded.experiment == _experiment()
    assert loaded.format_version == CURRENT_FORMAT
    assert loaded.weights is not None and set(loaded.weights) == set(weights)
    for name, tensor in weights.items():
        assert torch.equal(loaded.weights[name], tensor)
    (run,) = loaded.runs
    assert run.id == record.id and run.settings == record.settings
    assert run.final.val_accuracy == 0.75 and run.final.train_loss != run.final.train_loss  # nan
    assert len(run.curves.steps) == 1000 and run.curves.steps[-1] == 3000
    assert run.curves.epoch_losses[-1] == float("inf") and run.curves.val_losses[1] is None
    manifest = json.loads(_parts(path)["manifest.json"])
    assert manifest["format_version"] == CURRENT_FORMAT
    assert set(manifest["contents"]) == {"experiment.json", "weights.safetensors", "runs.json"}


def test_weights_set_for_the_next_run_are_marked_as_its_start(tmp_path: Path) -> None:
    weights = _weights()
    trained = load_experiment_file_any(_saved(tmp_path, weights=weights))
    assert trained.weights_role == "trained"
    assert "weights" not in json.loads(_parts(tmp_path / "exp.playground")["manifest.json"])
    path = tmp_path / "start.playground"
    save_experiment_file(path, _experiment(), weights=weights, weights_role="start")
    start = load_experiment_file_any(path)
    assert start.weights_role == "start" and start.weights is not None
    assert all(torch.equal(start.weights[name], tensor) for name, tensor in weights.items())
    # Anything else a file says of its weights is read as trained weights.
    parts = _parts(path)
    manifest = json.loads(parts["manifest.json"])
    manifest["weights"] = {"run": "code"}
    parts["manifest.json"] = json.dumps(manifest).encode()
    _rezip(path, parts)
    assert load_experiment_file_any(path).weights_role == "trained"


def test_file_without_weights_or_runs(tmp_path: Path) -> None:
    loaded = load_experiment_file_any(_saved(tmp_path))
    assert loaded.weights is None and loaded.runs == []
    # The app's general loader opens .playground files through this module.
    assert load_experiment_file(tmp_path / "exp.playground") == _experiment()


def test_plain_json_experiment_opens_too(tmp_path: Path) -> None:
    path = tmp_path / "plain.json"
    path.write_text(_experiment().to_json(), encoding="utf-8")
    loaded = load_experiment_file_any(path)
    assert loaded.experiment == _experiment() and loaded.weights is None


# ---- atomic saves -------------------------------------------------------------------


def test_failure_mid_save_keeps_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "exp.playground"
    save_experiment_file(path, _experiment(lr=0.05), weights=_weights())
    before = path.read_bytes()
    real_writestr = zipfile.ZipFile.writestr
    calls = {"n": 0}

    def failing_writestr(self: zipfile.ZipFile, *args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # after the manifest, in the middle of the archive
            raise OSError(28, "No space left on device")
        real_writestr(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "writestr", failing_writestr)
    with pytest.raises(OSError):
        save_experiment_file(path, _experiment(lr=0.5), weights=_weights())
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert load_experiment_file_any(path).experiment.optimizer.lr == 0.05
    assert [p.name for p in tmp_path.iterdir()] == ["exp.playground"]  # no temporary left


def test_save_replaces_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "exp.playground"
    save_experiment_file(path, _experiment(lr=0.05))
    save_experiment_file(path, _experiment(lr=0.2))
    assert load_experiment_file_any(path).experiment.optimizer.lr == 0.2


# ---- damaged and foreign files -------------------------------------------------------


def test_truncated_file_is_reported_as_ending_early(tmp_path: Path) -> None:
    path = _saved(tmp_path, weights=_weights())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(FileFormatError, match=r"damaged \(it ends early\)"):
        load_experiment_file_any(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "it is empty"),
        (b"hello, this is text", "not a zip archive"),
        (pickle.dumps({"a": 1}), "not a zip archive"),
    ],
)
def test_non_zip_files_are_refused(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.playground"
    path.write_bytes(content)
    with pytest.raises(FileFormatError, match=expected):
        load_experiment_file_any(path)


def test_changed_content_fails_its_checksum(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    parts = _parts(path)
    parts["experiment.json"] = parts["experiment.json"].replace(b'"lr": 0.05', b'"lr": 0.06')
    _rezip(path, parts)
    with pytest.raises(FileFormatError, match="does not match its checksum"):
        load_experiment_file_any(path)


def test_newer_format_asks_for_an_update(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    parts = _parts(path)
    manifest = json.loads(parts["manifest.json"])
    manifest["format_version"] = CURRENT_FORMAT + 5
    parts["manifest.json"] = json.dumps(manifest).encode()
    _rezip(path, parts)
    with pytest.raises(FileFormatError, match=r"newer version of Torch Playground.*update the app"):
        load_experiment_file_any(path)


def test_huge_member_is_refused_without_unpacking(tmp_path: Path) -> None:
    path = tmp_path / "bomb.playground"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", b"{}")
        archive.writestr("runs.json", b" " * (files.MAX_RUNS_BYTES + 1))
    assert path.stat().st_size < 200_000  # a tiny file that would unpack to 32 MiB
    with pytest.raises(FileFormatError, match="larger than any experiment needs"):
        load_experiment_file_any(path)


@pytest.mark.parametrize("name", ["../evil.json", "/etc/passwd", "C:/x.json", "a/../../b"])
def test_path_traversal_names_are_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / "evil.playground"
    parts = _parts(_saved(tmp_path))
    parts[name] = b"{}"
    _rezip(path, parts)
    with pytest.raises(FileFormatError, match="unsafe name"):
        load_experiment_file_any(path)


def test_pickled_parts_are_never_unpickled(tmp_path: Path) -> None:
    sentinel = tmp_path / "pwned"
    hostile = pickle.dumps(_Sentinel(sentinel))
    parts = _parts(_saved(tmp_path))
    path = tmp_path / "hostile.playground"
    _rezip(path, {**parts, "data.pkl": hostile})
    with pytest.raises(FileFormatError, match=r"unexpected part 'data\.pkl'"):
        load_experiment_file_any(path)
    # A pickle in place of the weights, with a matching checksum, is still only bytes.
    manifest = json.loads(parts["manifest.json"])
    manifest["contents"]["weights.safetensors"] = {"sha256": files._sha256(hostile)}
    _rezip(
        path,
        {**parts, "manifest.json": json.dumps(manifest).encode(), "weights.safetensors": hostile},
    )
    with pytest.raises(FileFormatError, match="saved weights cannot be read"):
        load_experiment_file_any(path)
    assert not sentinel.exists()


def test_invalid_settings_name_the_problem(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    parts = _parts(path)
    spec = json.loads(parts["experiment.json"])
    spec["model"]["layers"][0]["kind"] = "Lienar"
    parts["experiment.json"] = json.dumps(spec).encode()
    manifest = json.loads(parts["manifest.json"])
    manifest["contents"]["experiment.json"]["sha256"] = files._sha256(parts["experiment.json"])
    parts["manifest.json"] = json.dumps(manifest).encode()
    _rezip(path, parts)
    with pytest.raises(FileFormatError, match="layer 1: 'Lienar' is not a layer kind"):
        load_experiment_file_any(path)
    with pytest.raises(SpecError, match="Lienar"):
        load_experiment_file(path)


def test_missing_file_is_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="does not exist"):
        load_experiment_file_any(tmp_path / "nope.playground")


# ---- migrations ----------------------------------------------------------------------

FORMAT0 = {
    "name": "Old spiral",
    "dataset": "spiral",
    "samples": 300,
    "noise": 0.2,
    "seed": 7,
    "layers": [
        {"type": "Linear", "out_features": 16},
        {"type": "Tanh"},
        {"type": "Linear", "params": {"out_features": 2}},
    ],
    "loss": "cross-entropy",
    "optimizer": "sgd",
    "learning_rate": 0.3,
    "momentum": 0.5,
    "batch_size": 16,
    "epochs": 40,
}


def test_format0_flat_file_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.playground"
    weights = _weights()
    buffer = io.BytesIO()
    buffer.write(files.save_safetensors(weights))
    _rezip(
        path,
        {"playground.json": json.dumps(FORMAT0).encode(), "weights.safetensors": buffer.getvalue()},
    )
    loaded = load_experiment_file_any(path)
    experiment = loaded.experiment
    assert loaded.format_version == 0
    assert experiment.name == "Old spiral"
    assert isinstance(experiment.data, BuiltinData)
    assert (experiment.data.name, experiment.data.samples, experiment.data.seed) == (
        "spiral",
        300,
        7,
    )
    assert [layer.kind for layer in experiment.model.layers] == ["Linear", "Tanh", "Linear"]
    assert experiment.model.layers[0].params == {"out_features": 16}
    assert experiment.model.layers[2].params == {"out_features": 2}
    assert (experiment.optimizer.kind, experiment.optimizer.lr) == ("sgd", 0.3)
    assert experiment.optimizer.momentum == 0.5
    assert (experiment.training.batch_size, experiment.training.epochs) == (16, 40)
    assert experiment.training.seed == 7
    assert loaded.weights is not None and torch.equal(loaded.weights["0.bias"], weights["0.bias"])
    # Saving writes the current format; it opens without any upgrade.
    save_experiment_file(path, experiment, weights=loaded.weights)
    assert load_experiment_file_any(path).format_version == CURRENT_FORMAT


def test_migrate_rejects_unknown_versions() -> None:
    with pytest.raises(MigrationError, match="newer version"):
        migrate({"format_version": CURRENT_FORMAT + 1})
    with pytest.raises(MigrationError, match="not a whole number"):
        migrate({"format_version": "1"})
    assert migrate({"format_version": CURRENT_FORMAT, "experiment": {}})["experiment"] == {}


# ---- user folders and autosave -------------------------------------------------------


def test_user_folders_follow_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("PLAYGROUND_SETTINGS_DIR", str(tmp_path / "s"))
    assert paths.data_dir() == tmp_path / "d"
    assert paths.settings_dir() == tmp_path / "s"
    assert paths.autosave_path().parent == tmp_path / "d"
    monkeypatch.delenv("PLAYGROUND_DATA_DIR")
    assert paths.data_dir() != tmp_path / "d" and paths.data_dir().name == "TorchPlayground"


def test_a_live_windows_autosave_is_not_a_leftover_and_a_clean_exit_removes_it() -> None:
    slot = autosave.AutosaveSlot()
    assert autosave.find_left_autosaves() == []
    saved = slot.write(_experiment(lr=0.3), weights=_weights())
    assert saved.parent == paths.autosave_dir() and saved.is_file()
    assert load_experiment_file_any(saved).experiment.optimizer.lr == 0.3
    # This window is open, so its autosave is no crash's leftover.
    assert autosave.find_left_autosaves() == []
    assert saved.is_file()
    slot.clear()
    assert not saved.exists() and list(paths.autosave_dir().iterdir()) == []
    assert autosave.find_left_autosaves() == []


DIE_MID_SAVE = """
import os
import signal
import sys
import zipfile

import torch
from playground.core.io.files import save_experiment_file
from playground.core.spec.experiment import Experiment

path = sys.argv[1]
save_experiment_file(path, Experiment(name="first"), weights={"w": torch.ones(3)})
real_writestr = zipfile.ZipFile.writestr
calls = []

def writestr_then_die(self, *args, **kwargs):
    calls.append(1)
    if len(calls) == 3:  # manifest and experiment written, weights next: the process dies
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
    real_writestr(self, *args, **kwargs)

zipfile.ZipFile.writestr = writestr_then_die
save_experiment_file(path, Experiment(name="second"), weights={"w": torch.zeros(3)})
"""


def test_process_killed_mid_save_leaves_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "exp.playground"
    result = subprocess.run(
        [sys.executable, "-c", DIE_MID_SAVE, str(path)], capture_output=True, timeout=120
    )
    assert result.returncode != 0  # it really died, with no chance to clean up
    leftovers = [p for p in tmp_path.iterdir() if p != path]
    assert len(leftovers) == 1 and leftovers[0].name.endswith(".saving")  # the half-written one
    loaded = load_experiment_file_any(path)
    assert loaded.experiment.name == "first"
    assert loaded.weights is not None and torch.equal(loaded.weights["w"], torch.ones(3))
    # The next save completes beside a recent leftover and removes it once it is old.
    save_experiment_file(path, _experiment())
    assert load_experiment_file_any(path).experiment.name == "Round trip"
    assert leftovers[0].exists()
    old = time.time() - 2 * STALE_SECONDS
    os.utime(leftovers[0], (old, old))
    save_experiment_file(path, _experiment())
    assert sorted(tmp_path.iterdir()) == [path]
