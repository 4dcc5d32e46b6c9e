"""Scripted mode end to end: a real app process trains, saves a screenshot and prints JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from playground.gui.shell.app import build_parser, is_scripted

ROOT = Path(__file__).resolve().parents[3]


def _run(
    *args: str, timeout: float = 180, training: str = "thread"
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PLAYGROUND_TRAINING=training)
    return subprocess.run(
        [sys.executable, "-m", "playground", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_spiral_trains_and_reports(tmp_path: Path) -> None:
    shot = tmp_path / "x.png"
    result = _run(
        "--preset",
        "spiral",
        "--autoplay",
        "--quit-after-steps",
        "200",
        "--screenshot",
        str(shot),
        "--size",
        "1024x768",
        training="process",  # as the app trains by default
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    report = json.loads(lines[0])
    assert report["steps"] == 200
    assert report["device"] == "cpu"
    assert report["training_pid"] != report["app_pid"]  # it trained in the warm child
    assert report["train_loss"] < report["initial_train_loss"]
    assert report["val_loss"] is not None and report["val_loss"] > 0
    assert 0.0 <= report["val_accuracy"] <= 1.0
    assert shot.is_file() and shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_quit_when_ready_reports_when_the_window_served_events(tmp_path: Path) -> None:
    # What benchmarks/gui_live.py times: a start as a user's, up to a usable window.
    launched = time.time()
    result = _run("--preset", "xor", "--quit-when-ready", training="process")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    report = json.loads(lines[0])
    assert report["ready"] is True and report["preset"] == "xor"
    assert launched < report["ready_time"] < time.time()
    assert report["cpu_seconds"] > 0


def test_unknown_preset_is_refused_with_a_sentence() -> None:
    result = _run("--preset", "no-such-preset")
    assert result.returncode == 2
    assert "no-such-preset" in result.stderr
    assert "spiral" in result.stderr  # the names that exist are listed
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--size", "big"], "WIDTHxHEIGHT"),
        (["--quit-after-steps", "0"], "at least 1"),
        (["--theme", "blue"], "invalid choice"),
    ],
)
def test_bad_options_exit_2(
    args: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(args)
    assert exit_info.value.code == 2
    assert words in capsys.readouterr().err


def test_missing_experiment_file_in_scripted_mode_exits_2(tmp_path: Path) -> None:
    result = _run(str(tmp_path / "nothing.json"), "--screenshot", str(tmp_path / "y.png"))
    assert result.returncode == 2
    assert "nothing.json" in result.stderr and "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "scripted"),
    [
        (["--size", "1280x800"], False),
        (["--size", "1024x768", "--theme", "dark"], False),
        (["--preset", "spiral"], False),
        (["--autoplay"], True),
        (["--screenshot", "x.png", "--size", "1024x768"], True),
        (["--quit-after-steps", "5"], True),
        (["--quit-when-ready"], True),
    ],
)
def test_window_size_alone_is_not_scripted_mode(args: list[str], scripted: bool) -> None:
    # A person who only chose the window size keeps "Save changes?", autosave and settings.
    assert is_scripted(build_parser().parse_args(args)) is scripted


def test_the_reported_training_loss_is_the_same_for_the_same_seed() -> None:
    # The run's epoch mean, not the latest snapshot's batches (their count depends on timing).
    reports = []
    for _ in range(2):
        result = _run("--preset", "xor", "--autoplay", "--quit-after-steps", "37")
        assert result.returncode == 0, result.stderr
        reports.append(json.loads(result.stdout.strip().splitlines()[-1]))
    assert reports[0]["steps"] == reports[1]["steps"] == 37
    assert reports[0]["train_loss"] == reports[1]["train_loss"]
