"""The window opens without paying for what only training needs.

torch's first optimizer imports its compiler (``torch._dynamo``: one to several
seconds); the window shows the untrained model at start, which needs a model and
a snapshot but no optimizer. Checked in a fresh process, where imports are real.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(["playground"])
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings
win = MainWindow(AppSettings())
win.show()
app.processEvents()
assert win.run.fresh.engine is not None, "the untrained model is shown"
print("dynamo imported:", "torch._dynamo" in sys.modules)
"""


def test_the_window_opens_without_building_an_optimizer(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "dynamo imported: False" in result.stdout


# Built the way the app starts (gui/shell/app.py): collector paused, no starter experiment,
# the first experiment opened, the window shown and serving events.
APP_START = """
import gc, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from playground.gui.shell.collector import pause_during_start, resume_after_start
pause_during_start()
app = QApplication(["playground"])
import playground.gui.shell.app
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings
win = MainWindow(AppSettings(), open_starter=False)
assert win.data_panel.dataset is None, "nothing loaded before the first experiment opens"
assert win.open_preset("spiral")
win.show()
assert not gc.isenabled()
QTimer.singleShot(0, resume_after_start)
QTimer.singleShot(0, app.quit)
app.exec()
print("collector enabled:", gc.isenabled(), "frozen:", gc.get_freeze_count() > 0)
print("shown:", win.model.experiment.name, win.data_panel.dataset is not None)
print("modules:", " ".join(sorted(sys.modules)))
"""
# What the first window does not need: tools, dialogs, exporters and scientific libraries.
NOT_AT_START = (
    "sklearn",
    "scipy",
    "onnx",
    "onnxruntime",
    "matplotlib",
    "playground.core.lab.interpreter",
    "playground.core.landscape",
    "playground.gui.lab",
    "playground.gui.landscape",
    "playground.gui.lessons.lesson_picker",
    "playground.gui.document.export_commands",
    "playground.gui.plots.plot_export",
    "playground.gui.runs.compare_view",
    "playground.gui.data.csv_import_dialog",
    "playground.gui.data.typed_table_dialog",
)


def test_the_first_window_imports_only_what_it_shows(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    env["PLAYGROUND_SETTINGS_DIR"] = str(tmp_path / "settings")
    env["PLAYGROUND_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-c", APP_START], env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "collector enabled: True frozen: True" in result.stdout
    assert "shown: Spiral True" in result.stdout
    modules = result.stdout.split("modules:", 1)[1].split()
    imported = [
        name
        for name in modules
        for heavy in NOT_AT_START
        if name == heavy or name.startswith(heavy + ".")
    ]
    assert imported == []


def test_an_engine_builds_its_optimizer_at_the_first_step() -> None:
    from playground.core.spec.presets import load_preset
    from playground.core.training.engine import Engine

    preset = load_preset("spiral")
    experiment = preset.model_copy(
        update={"training": preset.training.model_copy(update={"epochs": 1})}
    )
    engine = Engine(experiment)
    assert engine.learning_rate == experiment.optimizer.lr  # the spec's, nothing built
    engine.set_learning_rate(0.5)  # applied when the run starts, to the optimizer it builds
    final = engine.run()
    assert final.state == "finished" and engine.step > 0
    assert engine.learning_rate == 0.5
