"""Pictures of the autograd lab window for the documentation, in the light and dark themes.

Opens the lab window at 1024×768, loads a shipped example, runs it, steps
backward half way and saves ``docs/screenshots/lab-*.png``. One picture uses
a 20-point font, the size a teacher picks for a projector. Runs offscreen, so
it works on a machine without a screen::

    .venv/bin/python tools/lab_screenshots.py
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from playground.gui.lab.lab_window import LabWindow
from playground.gui.shell.settings import DEFAULT_FONT_SIZE, Theme
from playground.gui.shell.theme import apply_theme

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1024, 768)
_RUN_TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class Shot:
    """One picture: which example, theme and font size, and what to show."""

    file: str
    example: str
    theme: Theme
    font_size: int = DEFAULT_FONT_SIZE
    collapse: bool = False
    tab: str = "chain rule"  # or "tensors", "calls"
    trace: int = 0
    script: str | None = None  # typed instead of an example (to show a refused script)


SHOTS: tuple[Shot, ...] = (
    Shot("lab-graph-basics-light.png", "graph-basics", "light"),
    Shot("lab-graph-basics-dark.png", "graph-basics", "dark"),
    Shot("lab-chain-rule-light.png", "chain-rule", "light"),
    Shot("lab-long-path-dark.png", "long-path", "dark", collapse=True),
    Shot("lab-accumulation-light.png", "accumulation", "light", tab="calls", trace=2),
    Shot("lab-no-grad-dark.png", "no-grad", "dark", tab="tensors"),
    Shot(
        "lab-refused-light.png",
        "graph-basics",
        "light",
        script="x = ones(2, 2, requires_grad=True)\ny = x + 2\nz = open('notes.txt')\n",
    ),
    Shot("lab-projector-dark.png", "derivatives", "dark", font_size=20),
)


def _run_and_wait(window: LabWindow, start: object) -> None:
    loop = QEventLoop()
    window.run_finished.connect(loop.quit)
    QTimer.singleShot(_RUN_TIMEOUT_MS, loop.quit)
    assert callable(start)
    start()
    loop.exec()
    window.run_finished.disconnect(loop.quit)


def take(app: QApplication, shot: Shot, folder: Path) -> Path:
    """Make one picture and return where it was saved."""
    apply_theme(app, shot.theme, shot.font_size)
    window = LabWindow()
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    if shot.script is None:
        _run_and_wait(window, lambda: window.load_example(shot.example))
    else:
        window.editor.replace_text(shot.script)
        _run_and_wait(window, window.run)
    window.collapse_action.setChecked(shot.collapse)
    if shot.trace:
        window.stepper.select_trace(shot.trace)
    window.stepper.set_position((window.stepper.step_count() + 1) // 2)
    tabs = {"chain rule": window.chain_rule, "tensors": window.tensors, "calls": window.calls}
    window.tabs.setCurrentWidget(tabs[shot.tab])
    app.processEvents()
    path = folder / shot.file
    window.grab().save(str(path))
    window.close()
    window.deleteLater()
    app.processEvents()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs" / "screenshots", help="folder for the PNGs"
    )
    parser.add_argument("--only", help="make only the pictures whose file name contains this")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    for shot in SHOTS:
        if args.only and args.only not in shot.file:
            continue
        path = take(app, shot, args.out)
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
            f"{path.stat().st_size // 1024} KB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
