"""The save dialogs of File ▸ Export and Save As propose a plain file name in the chosen folder.

The experiment's name may come from a file someone shared; the proposal must
not point outside the folder, and accepting it must write a working file there.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from playground.core.spec.presets import load_preset
from playground.gui.document import file_prompts
from playground.gui.document.experiment_files import ExperimentFiles
from playground.gui.document.export_commands import ExportCommands

HOSTILE = '../../outside/"""\nimport os\n"""\\CON\x00\u2028'


class Accepting:
    """Stands in for the save dialog: remembers the proposed path and accepts it."""

    def __init__(self) -> None:
        self.proposed: list[Path] = []

    def __call__(self, _parent: object, _title: str, start: Path, _filter: str) -> str:
        self.proposed.append(start)
        return str(start)


@pytest.fixture
def dialog(monkeypatch: pytest.MonkeyPatch) -> Accepting:
    answer = Accepting()
    monkeypatch.setattr(file_prompts, "choose_save_path", answer)
    return answer


def test_export_proposes_a_plain_name_in_the_folder(
    qtbot: QtBot, tmp_path: Path, dialog: Accepting
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    experiment = load_preset("xor").model_copy(update={"name": HOSTILE})
    messages: list[str] = []
    exports = ExportCommands(
        parent,
        experiment=lambda: experiment,
        weights=lambda: None,
        engine=lambda: None,
        plot_items=dict,
        inform=messages.append,
    )
    folder = tmp_path / "exports"
    folder.mkdir()
    exports.folder = folder
    path = exports.export_model("script")
    assert path is not None and dialog.proposed == [path]
    assert path.parent == folder and path.suffix == ".py"
    assert path.name == "outside_import os_CON.py"
    ast.parse(path.read_text(encoding="utf-8"))
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [path]
    assert messages == [f"Saved the training script as {path.name}."]


def test_save_as_proposes_a_plain_name(
    qtbot: QtBot, tmp_path: Path, dialog: Accepting, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # a first save starts in the home folder
    window = QWidget()
    qtbot.addWidget(window)
    files = ExperimentFiles(window)
    assert files.save_as(load_preset("xor").model_copy(update={"name": HOSTILE}))
    (proposed,) = dialog.proposed
    assert proposed.parent == tmp_path and proposed.name == "outside_import os_CON.playground"
    assert proposed.is_file()
