"""``playground export -o FOLDER``: the file is named after the experiment, safely, inside FOLDER."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from playground.cli.main import run
from playground.core.spec.presets import load_preset


def test_output_folder_gets_a_safe_name_from_the_experiment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "shared.json"
    hostile = load_preset("xor").model_copy(update={"name": '../../escape"""\nimport os\x00'})
    spec.write_text(hostile.to_json(), encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    assert run(["export", str(spec), "--to", "script", "-o", str(folder)]) == 0
    written = folder / "escape_import os.py"
    assert [p.name for p in folder.iterdir()] == [written.name]
    assert not (tmp_path.parent / "escape_import os.py").exists()
    ast.parse(written.read_text(encoding="utf-8"))
    assert f"to {written}." in capsys.readouterr().out


def test_an_unnamed_experiment_falls_back_to_model(tmp_path: Path) -> None:
    spec = tmp_path / "exp.json"
    spec.write_text(load_preset("xor").model_copy(update={"name": " .. "}).to_json(), "utf-8")
    assert run(["export", str(spec), "--to", "weights", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "model.safetensors").is_file()


def test_a_file_path_is_used_as_given(tmp_path: Path) -> None:
    out = tmp_path / "my model.onnx"
    assert run(["export", "xor", "--to", "onnx", "-o", str(out)]) == 0
    assert out.is_file()
