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
