"""The benchmark runner works end to end and states every goal it measures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def test_run_all_quick_runs_every_benchmark_and_prints_the_goal_lines(tmp_path: Path) -> None:
    # A process of its own, as a person runs it: the process lever spawns interpreters,
    # and the windows must use a scratch folder rather than the user's settings.
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PLAYGROUND_SETTINGS_DIR": str(tmp_path / "settings"),
        "PLAYGROUND_DATA_DIR": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run_all.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    out = done.stdout
    for name in ("tfp_reference", "gui_live", "gui_levers"):
        assert f"== {name} ==" in out
    goals = out.split("== goals ==", 1)[1]
    for goal in (
        "GUI live ÷ TFP frame",
        "GUI live ÷ headless engine",
        "event-loop delay p99",
        "cold start, app ÷ torch + PySide6 imports",
    ):
        assert goal in goals and "goal" in goals.split(goal, 1)[1].splitlines()[0]
    assert "reference: TensorFlow Playground's arithmetic in " in out
    assert "spawned process ÷ QThread, GUI live" in out
