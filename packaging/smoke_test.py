"""Smoke test of a built or installed Torch Playground: does what a first-time user does.

    python packaging/smoke_test.py PATH

PATH is a bundle folder (``dist/torch-playground``), a macOS ``.app``, an
installed copy's folder, or one of its launchers (``playground``,
``TorchPlayground.exe``, ``/usr/bin/playground``). Plain Python with no
dependencies, so it runs against any copy with any Python 3.9+. Each step runs
the app in a child process with a time limit, checks that its outputs exist
and make sense, and prints one line; the exit code is non-zero when any step
failed. The window steps use Qt's offscreen platform, so no screen is needed.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""
STEP_SECONDS = 240
TRAIN_STEPS = 200
MIN_SCREENSHOT = (320, 240)


class StepFailed(Exception):
    """A step's outputs are missing or wrong; the message says what was expected."""


@dataclass(frozen=True)
class Launchers:
    """The two programs of a copy: the console one and the windowed one (maybe the same)."""

    cli: Path
    gui: Path


def find_launchers(target: Path) -> Launchers:
    """The launchers inside a bundle folder or ``.app``, or the one launcher given."""
    target = target.resolve() if target.exists() else target
    if target.is_file():
        folder = target.parent
        gui = folder / f"TorchPlayground{EXE}"
        return Launchers(cli=target, gui=gui if gui.is_file() else target)
    for folder in (target, target / "Contents" / "MacOS"):
        cli, gui = folder / f"playground{EXE}", folder / f"TorchPlayground{EXE}"
        if cli.is_file():
            return Launchers(cli=cli, gui=gui if gui.is_file() else cli)
    raise SystemExit(f"smoke test: no playground launcher found in {target}")


def environment(home: Path) -> dict[str, str]:
    """A clean environment: offscreen Qt, settings and data in a temporary folder."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PLAYGROUND_SETTINGS_DIR=str(home / "settings"),
        PLAYGROUND_DATA_DIR=str(home / "data"),
        PYTHONIOENCODING="utf-8",
    )
    # The app's own run path, whatever the caller's setting: training in its child process.
    env.pop("PLAYGROUND_TRAINING", None)
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):  # never borrow a checkout's code
        env.pop(name, None)
    return env


def run(command: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a launcher with the step's time limit; a timeout is a failure, said in words."""
    try:
        return subprocess.run(
            command,
            env=env,
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=STEP_SECONDS,
        )
    except subprocess.TimeoutExpired:
        raise StepFailed(f"no result within {STEP_SECONDS} s") from None


def expect_ok(result: subprocess.CompletedProcess[str]) -> None:
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise StepFailed(f"exit code {result.returncode}: " + " | ".join(tail))


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG file, read from its header (no imaging library needed)."""
    if not path.is_file():
        raise StepFailed(f"{path.name} was not written")
    head = path.read_bytes()[:24]
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise StepFailed(f"{path.name} is not a PNG picture")
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def expect_screenshot(path: Path) -> str:
    width, height = png_size(path)
    if width < MIN_SCREENSHOT[0] or height < MIN_SCREENSHOT[1]:
        raise StepFailed(f"{path.name} is only {width}x{height}")
    if path.stat().st_size < 10_000:  # a blank window compresses to almost nothing
        raise StepFailed(f"{path.name} is nearly empty ({path.stat().st_size} bytes)")
    return f"{width}x{height}"


def last_json_line(text: str) -> dict[str, object]:
    for line in reversed(text.strip().splitlines()):
        if line.startswith("{"):
            return dict(json.loads(line))
    raise StepFailed("the app printed no report")


class SmokeTest:
    """The steps, in order; later steps use files the earlier ones wrote."""

    def __init__(self, launchers: Launchers, work: Path) -> None:
        self.launchers = launchers
        self.work = work
        self.env = environment(work / "home")

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return run([str(self.launchers.cli), *args], self.env, self.work)

    def scripted_training(self) -> str:
        shot = self.work / "spiral.png"
        result = self.cli(
            "--preset",
            "spiral",
            "--autoplay",
            "--quit-after-steps",
            str(TRAIN_STEPS),
            "--screenshot",
            str(shot),
        )
        expect_ok(result)
        report = last_json_line(result.stdout)
        if report.get("steps") != TRAIN_STEPS:
            raise StepFailed(f"trained {report.get('steps')} steps, not {TRAIN_STEPS}")
        first, last = report.get("initial_train_loss"), report.get("train_loss")
        if not (isinstance(first, float) and isinstance(last, float) and last < first):
            raise StepFailed(f"the loss did not fall ({first} -> {last})")
        size = expect_screenshot(shot)
        trainer, app = report.get("training_pid"), report.get("app_pid")
        if trainer is None or trainer == app:
            raise StepFailed(f"the run trained in the app's own process ({app}), not its child")
        return (
            f"{TRAIN_STEPS} steps, loss {first:.3f} -> {last:.3f}, screenshot {size}, "
            f"trained in process {trainer} (the app is {app})"
        )

    def headless_train(self) -> str:
        out = self.work / "xor-run"
        expect_ok(self.cli("train", "xor", "--epochs", "3", "--out", str(out)))
        for name in ("summary.json", "metrics.csv", "model.pt", "experiment.json"):
            if not (out / name).is_file() or (out / name).stat().st_size == 0:
                raise StepFailed(f"{name} is missing from {out}")
        rows = (out / "metrics.csv").read_text(encoding="utf-8").strip().splitlines()
        if len(rows) != 4:
            raise StepFailed(f"metrics.csv has {len(rows) - 1} epochs, not 3")
        summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
        return f"3 epochs, summary keys: {', '.join(sorted(summary)[:4])}…"

    def export_torchscript(self) -> str:
        target = self.work / "xor.pt"
        expect_ok(self.cli("export", "xor", "--to", "torchscript", "-o", str(target)))
        if not target.is_file() or not zipfile.is_zipfile(target):
            raise StepFailed("no TorchScript archive was written")
        return f"{target.stat().st_size} bytes"

    def export_script(self) -> str:
        target = self.work / "train_xor.py"
        expect_ok(self.cli("export", "xor", "--to", "script", "-o", str(target)))
        if not target.is_file():
            raise StepFailed("no script was written")
        text = target.read_text(encoding="utf-8")
        compile(text, str(target), "exec")
        if "copied unchanged from" not in text or "def build_synthetic" not in text:
            raise StepFailed("the script lacks the data code copied from the app")
        return f"{len(text.splitlines())} lines of valid Python"

    def onnx_message(self) -> str:
        target = self.work / "xor.onnx"
        result = self.cli("export", "xor", "--to", "onnx", "-o", str(target))
        if result.returncode == 0:
            if not target.is_file():
                raise StepFailed("ONNX export reported success but wrote nothing")
            return "ONNX export included"
        text = (result.stderr + result.stdout).strip()
        if "pip install" in text or "Traceback" in text or not text:
            raise StepFailed(f"ONNX message is not for a non-programmer: {text[:200]}")
        return "not included, explained: " + text.splitlines()[-1][:70] + "…"

    def open_file(self) -> str:
        experiment = self.work / "xor-run" / "experiment.json"
        if not experiment.is_file():
            raise StepFailed("needs the experiment written by the train step")
        document = self.work / "my experiment.playground"
        write_playground_file(document, experiment.read_bytes())
        shot = self.work / "opened.png"
        # The windowed launcher, as a double-click starts it: the file is the first argument.
        command = [str(self.launchers.gui), str(document), "--screenshot", str(shot)]
        expect_ok(run(command, self.env, self.work))
        return f"opened {document.name}, screenshot {expect_screenshot(shot)}"

    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("scripted training", self.scripted_training),
            ("headless train", self.headless_train),
            ("export torchscript", self.export_torchscript),
            ("export script", self.export_script),
            ("onnx message", self.onnx_message),
            ("open .playground", self.open_file),
        ]


def write_playground_file(path: Path, experiment_json: bytes) -> None:
    """A ``.playground`` file (format 1) holding just an experiment, as the app writes it."""
    manifest = {
        "format": "torch-playground-experiment",
        "format_version": 1,
        "app_version": "smoke-test",
        "contents": {
            "experiment.json": {
                "bytes": len(experiment_json),
                "sha256": hashlib.sha256(experiment_json).hexdigest(),
            }
        },
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
        archive.writestr("experiment.json", experiment_json)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    launchers = find_launchers(Path(argv[0]))
    print(f"smoke test of {launchers.cli} (windowed: {launchers.gui.name})", flush=True)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="tp-smoke-") as folder:
        test = SmokeTest(launchers, Path(folder))
        for name, step in test.steps():
            started = time.perf_counter()
            try:
                detail, ok = step(), True
            except StepFailed as problem:
                detail, ok = str(problem), False
            seconds = time.perf_counter() - started
            failed += not ok
            print(f"{'PASS' if ok else 'FAIL'} {name:<20} {seconds:6.1f} s  {detail}", flush=True)
    total = len(test.steps())
    print(f"smoke test: {total - failed} of {total} steps passed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
