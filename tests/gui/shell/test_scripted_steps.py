"""Scripted mode's --quit-after-steps N: exactly N steps, or a failure that says why not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from playground.core.spec.experiment import OptimizerSpec
from playground.core.spec.presets import load_preset

ROOT = Path(__file__).resolve().parents[3]


def _report(*args: str) -> tuple[int, dict[str, object], str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "playground", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.returncode, json.loads(lines[0]), result.stderr


def test_more_steps_than_the_preset_has_extend_its_epochs() -> None:
    # Spiral: 480 training samples in batches of 32 for 60 epochs = 900 steps.
    code, report, stderr = _report("--preset", "spiral", "--autoplay", "--quit-after-steps", "1500")
    assert code == 0, stderr
    assert report["steps"] == 1500
    assert report["epochs"] == 100
    assert "error" not in report


def test_a_run_that_ends_before_its_steps_fails_with_a_sentence(tmp_path: Path) -> None:
    preset = load_preset("linear-regression")
    diverging = preset.model_copy(update={"optimizer": OptimizerSpec(kind="sgd", lr=100.0)})
    path = tmp_path / "diverging.json"
    path.write_text(diverging.to_json(), encoding="utf-8")
    code, report, _ = _report(str(path), "--autoplay", "--quit-after-steps", "500")
    assert code == 1
    assert report["state"] == "diverged"
    steps = report["steps"]
    assert isinstance(steps, int) and steps < 500
    error = str(report["error"])
    assert error.startswith(f"Training stopped after {steps} of the 500 steps asked for: ")
    assert "learning rate" in error and error.endswith(".")


def test_a_step_count_no_epoch_count_can_hold_is_refused() -> None:
    code, report, _ = _report("--preset", "spiral", "--autoplay", "--quit-after-steps", "200000000")
    assert code == 1
    assert report["steps"] == 0
    error = str(report["error"])
    assert "200000000 steps would need" in error and "fewer steps" in error
