"""Command outputs never destroy inputs and never write through links planted among them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import torch

from playground.cli.main import run
from playground.core.io.files import save_experiment_file
from playground.core.io.readers import load_experiment_file_any
from playground.core.spec.presets import load_preset

PRESET = "linear-regression"


def _experiment_file(folder: Path, name: str = "exp.playground") -> tuple[Path, bytes]:
    path = folder / name
    experiment = load_preset(PRESET)
    if path.suffix == ".json":
        path.write_text(experiment.to_json(), encoding="utf-8")
    else:
        save_experiment_file(path, experiment)
    return path, path.read_bytes()


@pytest.mark.parametrize("kind", ["torchscript", "weights", "script"])
def test_export_refuses_to_write_over_its_experiment(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source, before = _experiment_file(tmp_path)
    assert run(["export", str(source), "--to", kind, "-o", str(source)]) == 2
    err = capsys.readouterr().err
    assert "is the input file" in err and "give -o another path" in err
    assert "Traceback" not in err
    assert source.read_bytes() == before
    assert sorted(tmp_path.iterdir()) == [source]


def test_export_refuses_the_same_file_by_another_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, before = _experiment_file(tmp_path)
    (tmp_path / "sub").mkdir()
    roundabout = tmp_path / "sub" / ".." / source.name
    hard_link = tmp_path / "hard.pt"
    os.link(source, hard_link)
    symlink = tmp_path / "soft.pt"
    symlink.symlink_to(source)
    for output in (roundabout, hard_link, symlink):
        assert run(["export", str(source), "--to", "torchscript", "-o", str(output)]) == 2
        assert "is the input file" in capsys.readouterr().err
    assert source.read_bytes() == before


def test_export_refuses_to_write_over_its_weights_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    weights = tmp_path / "w.safetensors"
    assert run(["export", PRESET, "--to", "weights", "-o", str(weights)]) == 0
    before = weights.read_bytes()
    capsys.readouterr()
    args = ["export", PRESET, "--to", "weights", "--weights", str(weights), "-o", str(weights)]
    assert run(args) == 2
    assert "is the input file" in capsys.readouterr().err
    assert weights.read_bytes() == before


def test_export_replaces_a_planted_link_instead_of_writing_through_it(tmp_path: Path) -> None:
    source, _ = _experiment_file(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim = elsewhere / "important.txt"
    victim.write_text("precious", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    planted = out / "model.pt"
    planted.symlink_to(victim)
    assert run(["export", str(source), "--to", "torchscript", "-o", str(planted)]) == 0
    assert victim.read_text(encoding="utf-8") == "precious"
    assert planted.is_file() and not planted.is_symlink()
    assert planted.stat().st_mode & 0o777 == 0o644  # not the link's rwxrwxrwx


def test_train_refuses_to_write_its_results_over_the_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source, before = _experiment_file(tmp_path, "experiment.json")
    monkeypatch.chdir(tmp_path)
    assert run(["train", "experiment.json", "--epochs", "1", "--out", "."]) == 2
    err = capsys.readouterr().err
    assert "is the input file" in err and "give --out another folder" in err
    assert source.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "experiment.json"
    ]  # refused before training


def test_train_refuses_an_output_linked_to_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, before = _experiment_file(tmp_path, "spec.json")
    out = tmp_path / "run"
    out.mkdir()
    (out / "metrics.csv").symlink_to(source)
    assert run(["train", str(source), "--epochs", "1", "--out", str(out)]) == 2
    assert "metrics.csv" in capsys.readouterr().err
    assert source.read_bytes() == before


def test_train_replaces_links_planted_in_the_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "run"
    out.mkdir()
    victims = {}
    for name in ("summary.json", "metrics.csv", "model.pt", "experiment.json"):
        victim = elsewhere / name
        victim.write_text("precious", encoding="utf-8")
        (out / name).symlink_to(victim)
        victims[name] = victim
    assert run(["train", PRESET, "--epochs", "1", "--seed", "1", "--out", str(out)]) == 0
    for name, victim in victims.items():
        assert victim.read_text(encoding="utf-8") == "precious", name
        assert (out / name).is_file() and not (out / name).is_symlink(), name
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["epochs"] == 1
    state = torch.load(out / "model.pt", weights_only=True)
    assert state and all(isinstance(t, torch.Tensor) for t in state.values())
    assert (out / "metrics.csv").read_text(encoding="utf-8").startswith("epoch")
    assert load_experiment_file_any(out / "experiment.json").experiment.name
    assert sorted(p.name for p in out.iterdir()) == sorted(victims)  # no temporaries left


def _csv_experiment(folder: Path, table_name: str) -> tuple[Path, Path, bytes]:
    table = folder / table_name
    table.write_text("a,b\n" + "".join(f"{i},{2 * i}\n" for i in range(40)), encoding="utf-8")
    spec = {
        "data": {"kind": "csv", "path": str(table), "features": ["a"], "target": "b"},
        "loss": "mse",
        "model": {"layers": [{"kind": "Linear", "params": {"out_features": 1}}]},
    }
    file = folder / "csv.json"
    file.write_text(json.dumps(spec), encoding="utf-8")
    return file, table, table.read_bytes()


def test_train_refuses_to_write_over_its_csv_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file, table, before = _csv_experiment(tmp_path, "metrics.csv")
    assert run(["train", str(file), "--epochs", "1", "--out", str(tmp_path)]) == 2
    assert "metrics.csv" in capsys.readouterr().err
    assert table.read_bytes() == before


def test_export_refuses_to_write_over_its_csv_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file, table, before = _csv_experiment(tmp_path, "data.csv")
    assert run(["export", str(file), "--to", "script", "-o", str(table)]) == 2
    assert "is the input file" in capsys.readouterr().err
    assert table.read_bytes() == before
