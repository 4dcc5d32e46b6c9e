"""Save pictures of the loss-landscape window for the documentation.

Renders, at 1024×768 in the light and the dark theme, the linear-regression
surface with SGD, SGD with momentum and Adam half way along their paths, and
a slice of the spiral network with the projected path of a short real run.
Runs offscreen; writes ``docs/screenshots/landscape-*.png``.

    python tools/landscape_screenshots.py [--font-size 11] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import torch

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from playground.core.spec.presets import load_preset
from playground.core.training.engine import Engine
from playground.core.training.run_control import Callback
from playground.gui.landscape import LandscapeWindow
from playground.gui.shell.settings import DEFAULT_FONT_SIZE, Theme
from playground.gui.shell.theme import apply_theme

SIZE = (1024, 768)


class EpochStates(Callback):
    """Keeps a copy of the weights at the end of every epoch."""

    def __init__(self) -> None:
        self.states: list[dict[str, torch.Tensor]] = []

    def on_epoch_end(self, engine: Engine, epoch: int) -> None:
        self.states.append({k: v.detach().clone() for k, v in engine.model.state_dict().items()})


def training_states(preset: str, epochs: int) -> list[dict[str, torch.Tensor]]:
    """The start and the weights after each epoch of a short real run."""
    experiment = load_preset(preset)
    experiment = experiment.model_copy(
        update={"training": experiment.training.model_copy(update={"epochs": epochs})}
    )
    recorder = EpochStates()
    engine = Engine(experiment, callbacks=[recorder])
    start = engine.initial_state
    engine.run()
    return [start, *recorder.states]


def settle(app: QApplication, window: LandscapeWindow, seconds: float = 120.0) -> None:
    """Process events until the slice worker (if any) is done, then once more for painting."""
    deadline = time.monotonic() + seconds
    view = window.slice_view
    while view is not None and view.computer.busy and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()


def surface_picture(app: QApplication, out: Path, theme: Theme) -> Path:
    window = LandscapeWindow(load_preset("linear-regression"))
    window.resize(*SIZE)
    window.show()
    view = window.surface_view
    assert view is not None
    for _ in range(view.playback.steps.value() // 2):
        view.step()
    settle(app, window)
    path = out / f"landscape-surface-{theme}.png"
    window.grab().save(str(path))
    window.close()
    window.deleteLater()
    return path


def slice_picture(app: QApplication, out: Path, theme: Theme, states: list) -> Path:  # type: ignore[type-arg]
    window = LandscapeWindow(load_preset("spiral"))
    window.resize(*SIZE)
    window.show()
    view = window.slice_view
    assert view is not None
    view.extent.setValue(0.5)
    for state in states:
        view.add_training_state(state)
    settle(app, window)
    path = out / f"landscape-slice-{theme}.png"
    window.grab().save(str(path))
    window.close()
    window.deleteLater()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font-size", type=int, default=DEFAULT_FONT_SIZE)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    states = training_states("spiral", epochs=20)
    themes: tuple[Theme, ...] = ("light", "dark")
    for theme in themes:
        apply_theme(app, theme, args.font_size)
        for path in (
            surface_picture(app, args.out, theme),
            slice_picture(app, args.out, theme, states),
        ):
            print(f"{path} ({path.stat().st_size // 1024} KB)")
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
