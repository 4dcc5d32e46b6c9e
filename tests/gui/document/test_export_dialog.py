"""File ▸ Export in the app: every file it writes is loaded by its real consumer."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import torch
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from playground.gui.document import export_commands, file_prompts
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings

TIMEOUT_MS = 30_000


class Chooser:
    """Stands in for the file and folder dialogs."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.name = ""
        self.asked = 0

    def save_path(self, *_args: object) -> str:
        self.asked += 1
        return str(self.folder / self.name) if self.name else ""

    def folder_path(self, *_args: object) -> str:
        self.asked += 1
        return str(self.folder / "plots")


@pytest.fixture
def chooser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Chooser:
    answers = Chooser(tmp_path)
    monkeypatch.setattr(file_prompts, "choose_save_path", answers.save_path)
    monkeypatch.setattr(file_prompts, "choose_folder", answers.folder_path)
    monkeypatch.setattr(file_prompts, "ask_picture_size", lambda _parent, _kind, size: size)
    monkeypatch.setattr(
        file_prompts, "ask_save_changes", lambda *_: file_prompts.SaveChoice.DISCARD
    )
    return answers


@pytest.fixture
def trained(qtbot: QtBot, chooser: Chooser) -> Iterator[MainWindow]:
    win = MainWindow(AppSettings())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    assert win.open_preset("spiral")
    win.training_panel.epochs.setValue(2)
    win.commands.play.trigger()
    qtbot.waitUntil(lambda: len(win.document.history.records) == 1, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: not win.run.is_running, timeout=TIMEOUT_MS)
    yield win
    win.run.shutdown(10)


def _inputs(win: MainWindow) -> torch.Tensor:
    assert win.run.engine is not None
    return win.run.engine.dataset.x_val[:8].cpu()


def _expected(win: MainWindow) -> torch.Tensor:
    assert win.run.engine is not None
    with torch.no_grad():
        return win.run.engine.model.cpu().eval()(_inputs(win))


def test_torchscript_export_loads_and_matches_the_trained_model(
    trained: MainWindow, chooser: Chooser
) -> None:
    chooser.name = "model"  # the suffix is added
    path = trained.document.exports.export_model("torchscript")
    assert path == chooser.folder / "model.pt"
    loaded = torch.jit.load(str(path))
    with torch.no_grad():
        assert torch.allclose(loaded(_inputs(trained)), _expected(trained), atol=1e-6)
    assert "model.pt" in trained.status.currentMessage()


def test_onnx_export_runs_in_onnxruntime(trained: MainWindow, chooser: Chooser) -> None:
    import onnxruntime

    chooser.name = "model.onnx"
    path = trained.document.exports.export_model("onnx")
    assert path is not None and path.is_file()
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    name = session.get_inputs()[0].name
    (outputs,) = session.run(None, {name: _inputs(trained).numpy()})
    np.testing.assert_allclose(outputs, _expected(trained).numpy(), atol=1e-5)


def test_weights_and_script_exports(trained: MainWindow, chooser: Chooser) -> None:
    from safetensors.torch import load_file

    chooser.name = "weights.safetensors"
    path = trained.document.exports.export_model("weights")
    assert path is not None
    saved = load_file(str(path))
    state = trained.run.engine.model.state_dict() if trained.run.engine else {}
    assert set(saved) == set(state)
    assert all(torch.equal(saved[k], state[k].cpu()) for k in state)

    chooser.name = "train_spiral.py"
    script = trained.document.exports.export_model("script")
    assert script is not None
    compile(script.read_text(encoding="utf-8"), str(script), "exec")  # valid Python
    notes = [b for b in trained.findChildren(QMessageBox) if b.objectName() == "exportNotes"]
    assert notes and "seed" in notes[-1].informativeText()  # the core's note is shown


def test_onnx_problems_are_told_before_asking_for_a_file(
    trained: MainWindow, chooser: Chooser, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        export_commands,
        "onnx_problems",
        lambda _layers: ["layer 2 (Mystery) cannot be exported to ONNX yet; remove it"],
    )
    chooser.name = "never.onnx"
    assert trained.document.exports.export_model("onnx") is None
    assert chooser.asked == 0
    texts = [b.text() for b in trained.findChildren(QMessageBox) if b.isVisible()]
    assert "Layer 2 (Mystery) cannot be exported to ONNX yet; remove it." in texts


def test_cancelled_export_writes_nothing(trained: MainWindow, chooser: Chooser) -> None:
    chooser.name = ""
    assert trained.document.exports.export_model("torchscript") is None
    assert list(chooser.folder.iterdir()) == []


def test_metrics_csv_and_plot_pictures(trained: MainWindow, chooser: Chooser) -> None:
    chooser.name = "metrics"
    path = trained.document.exports.export_metrics()
    assert path == chooser.folder / "metrics.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [int(r["epoch"]) for r in rows] == [1, 2]
    assert all(float(r["train_loss"]) > 0 for r in rows)

    trained.commands.export_plots.trigger()
    trained.commands.export_svg.trigger()
    pictures = sorted(p.name for p in (chooser.folder / "plots").iterdir())
    pngs = [n for n in pictures if n.endswith(".png")]
    svgs = [n for n in pictures if n.endswith(".svg")]
    assert pngs and len(pngs) == len(svgs)
    svg_text = (chooser.folder / "plots" / svgs[0]).read_text(encoding="utf-8")
    assert "<svg" in svg_text


def test_metrics_before_training_say_what_to_do(qtbot: QtBot, chooser: Chooser) -> None:
    win = MainWindow(AppSettings())
    qtbot.addWidget(win)
    assert win.open_preset("xor")
    assert win.document.exports.export_metrics() is None
    assert chooser.asked == 0
    assert "train for at least one epoch" in win.status.currentMessage()


def test_values_set_by_hand_reach_the_script_and_the_model_exports(
    qtbot: QtBot, chooser: Chooser
) -> None:
    from safetensors.torch import load_file

    win = MainWindow(AppSettings())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    assert win.open_preset("course-linear-regression")  # Linear(1, 1): y = a·x + b
    win.run.set_weight("0.weight", (0, 0), 1.0)
    win.run.set_weight("0.bias", (0,), 2.0)
    chooser.name = "train_ab.py"
    script = win.document.exports.export_model("script")
    assert script is not None
    assert "START_WEIGHTS = [('0.weight', [[1.0]]), ('0.bias', [2.0])]" in script.read_text()
    chooser.name = "ab.safetensors"
    path = win.document.exports.export_model("weights")
    assert path is not None
    saved = load_file(str(path))
    assert saved["0.weight"].item() == 1.0 and saved["0.bias"].item() == 2.0
