"""Starting the desktop app: Qt setup, the GUI's command-line options, scripted mode.

``playground --preset spiral`` opens the app on an example. Scripted mode adds
``--autoplay`` (train at once), ``--quit-after-steps N`` (stop after exactly N
optimizer steps, with more epochs than the experiment's if N needs them, as
``playground train --steps``; a run that ends sooner exits with a sentence and
code 1), ``--screenshot FILE.png`` (save the window when done, then
quit), ``--quit-when-ready`` (quit as soon as the window serves events, to time the
start), ``--size WxH`` and ``--theme``; it prints one line of JSON with the
run's numbers, so demos, documentation pictures and smoke tests need no clicks.

Start-up and scripted mode stay together because scripted mode drives the same window
the app opens; the parser, the start-up file and the scripted run share its options.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from playground.cli.common import EXIT_FAILED, EXIT_USAGE, positive_int
from playground.core.messages import sentence
from playground.core.messages.texts import set_language
from playground.core.resources import resource_path
from playground.core.spec.presets import preset_names
from playground.core.training.step_limit import (
    StepLimit,
    StepLimitError,
    epochs_for_steps,
    shortfall,
)
from playground.gui.shell.error_hook import install_error_hook
from playground.gui.shell.file_open_events import FileOpenRelay, PlaygroundApplication
from playground.gui.shell.fonts import ensure_a_font
from playground.gui.shell.gui_collector import start_collecting_in_gui_thread
from playground.gui.shell.language import (
    missing_font_notice,
    resolve_language,
    start_language,
)
from playground.gui.shell.large_fonts import fit_on_screen
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings, load_settings
from playground.gui.shell.shutdown import exit_without_waiting, install_quit_guard
from playground.gui.shell.theme import apply_theme
from playground.gui.shell.xcb_check import check_xcb
from playground.gui.training.run_controller import ENDED_STATES

SETTLE_MS = 600  # the plots draw their last snapshot first (the pacer waits up to 250 ms)
AUTOPLAY_WAIT_S = 30.0  # the longest a scripted run waits for the warm training process


@dataclass(frozen=True)
class WindowSize:
    """A window size parsed from ``WxH``."""

    width: int
    height: int


def _size(text: str) -> WindowSize:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a size; write it as WIDTHxHEIGHT, for example 1280x800"
        ) from None
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise argparse.ArgumentTypeError(
            f"{width}x{height} is not a usable window size; use 320x240 up to 8000x8000"
        )
    return WindowSize(width, height)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"playground: {message}.", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The app's options (the command line's subcommands are parsed elsewhere)."""
    parser = _Parser(prog="playground", description="Open the Torch Playground app.")
    parser.add_argument("experiment", nargs="?", help="an experiment file to open")
    parser.add_argument("--preset", metavar="NAME", help="open a shipped example")
    parser.add_argument("--autoplay", action="store_true", help="start training at once")
    parser.add_argument(
        "--quit-after-steps",
        type=positive_int,
        metavar="N",
        help="stop after N steps, print the results as JSON and quit",
    )
    parser.add_argument("--screenshot", metavar="FILE.png", help="save the window as a picture")
    parser.add_argument(
        "--quit-when-ready",
        action="store_true",
        help="quit once the window is ready to use, printing when that was (times the start)",
    )
    parser.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1280x800")
    parser.add_argument("--theme", choices=("light", "dark"), help="colour theme")
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="interface language: en, zh_CN or system (default: View ▸ Language)",
    )
    return parser


class ScriptedRun:
    """Drives one scripted session: train, wait for the end, screenshot, report, quit."""

    def __init__(self, window: MainWindow, args: argparse.Namespace, app: QApplication) -> None:
        self.window = window
        self.args = args
        self.app = app
        self.exit_code = 0
        self.error = ""
        self.started = time.perf_counter()
        self._done = False
        if args.quit_after_steps:
            window.run.callbacks = [StepLimit(args.quit_after_steps)]
        window.run.state_changed.connect(self._on_state)
        window.run.problem.connect(self._on_problem)

    @property
    def finishes_by_itself(self) -> bool:
        """Whether this session ends without a user (it has something to wait for)."""
        return bool(self.args.quit_after_steps or self.args.screenshot or self.args.quit_when_ready)

    def start(self) -> None:
        """Begin: train when asked to, otherwise just take the picture."""
        if self.args.quit_when_ready:  # the window serves events: the start is over
            ready = {
                "ready": True,
                "ready_time": time.time(),
                "cpu_seconds": round(time.process_time(), 3),
                "preset": self.args.preset,
            }
            print(json.dumps(ready), flush=True)
            self._done = True
            self.window.close()
            self.app.exit(0)
        elif self.args.autoplay:
            # Trains as the app does once open a moment: in its warm training process.
            self.window.run.processes.when_warm(self._autoplay, AUTOPLAY_WAIT_S)
        elif self.finishes_by_itself:
            QTimer.singleShot(SETTLE_MS, self._finish)

    def _autoplay(self) -> None:
        if self._done:
            return
        if self.args.autoplay:
            steps = self.args.quit_after_steps
            if steps and not self._epochs_for_steps(steps):
                return
            self.window.play_pause()
            if self.window.run.state != "running" and not self._done:
                reason = self.window.banner.text() or "training could not start"
                self._on_problem(self.error or sentence(reason))

    def _epochs_for_steps(self, steps: int) -> bool:
        """Enough epochs in the training panel for ``steps`` steps; False (and why) if not."""
        window = self.window
        dataset = window.data_panel.dataset
        if dataset is None:
            return True  # training cannot start; play_pause says why
        try:
            epochs = epochs_for_steps(window.current_experiment(), dataset.x_train.shape[0], steps)
            if epochs > window.training_panel.epochs.maximum():
                raise StepLimitError(
                    f"{steps} steps would need {epochs} epochs, more than the "
                    f"{window.training_panel.epochs.maximum()} the app allows; ask for fewer steps."
                )
        except StepLimitError as error:
            self._on_problem(sentence(str(error)))
            return False
        window.training_panel.epochs.setValue(epochs)  # a panel edit: the run uses it
        return True

    def _on_state(self, state: str) -> None:
        if state in ENDED_STATES and self.finishes_by_itself:
            QTimer.singleShot(SETTLE_MS, self._finish)

    def _on_problem(self, text: str) -> None:
        self.error = text
        self.exit_code = EXIT_FAILED
        if self.finishes_by_itself:
            QTimer.singleShot(SETTLE_MS, self._finish)

    def _finish(self) -> None:
        if self._done:
            return
        self._done = True
        self._check_steps()
        self.window.plot_area.refresh(all_tabs=True)
        if self.args.screenshot:
            path = Path(self.args.screenshot)
            path.parent.mkdir(parents=True, exist_ok=True)
            if not self.window.grab().save(str(path)):
                self.error = self.error or f"The screenshot could not be saved to {path}."
                self.exit_code = EXIT_FAILED
        print(json.dumps(self.report()), flush=True)
        self.window.close()
        self.app.exit(self.exit_code)

    def _check_steps(self) -> None:
        # A run that ended before --quit-after-steps N (its epochs, divergence) is a failure.
        steps = self.args.quit_after_steps
        last = self.window.run.last_snapshot
        if not steps or not self.args.autoplay or self.error:
            return
        done = last.step if last else 0
        problem = shortfall(done, steps, last.reason if last else "")
        if problem:
            self.error = problem
            self.exit_code = EXIT_FAILED

    def report(self) -> dict[str, object]:
        """The run's numbers as one JSON-ready dictionary."""
        run = self.window.run
        first, last = run.first_snapshot, run.last_snapshot

        def number(value: float | None) -> float | None:
            return None if value is None or not math.isfinite(value) else float(value)

        initial = None
        if first is not None:
            initial = float(first.new_losses[0]) if len(first.new_losses) else first.train_loss
        report: dict[str, object] = {
            "preset": self.args.preset,
            "steps": last.step if last else 0,
            "epochs": last.epoch if last else 0,
            "state": run.state,
            "initial_train_loss": number(initial),
            # The run's mean over its last epoch (or the one it stopped in, so far), as the
            # result line and `playground train` give it: snapshot timing does not change it.
            "train_loss": number(run.engine.train_loss) if last and run.engine else None,
            "val_loss": number(last.val_loss) if last else None,
            "train_accuracy": number(last.train_accuracy) if last else None,
            "val_accuracy": number(last.val_accuracy) if last else None,
            "device": last.device if last else None,
            # The process that trained the run: the app's own when it trained in a thread.
            "app_pid": os.getpid(),
            "training_pid": getattr(run.engine, "child_pid", None) or os.getpid(),
            "seconds": round(time.perf_counter() - self.started, 3),
            "screenshot": self.args.screenshot,
        }
        if self.error:
            report["error"] = self.error
        return report


def main(argv: list[str]) -> int:
    """Open the app with ``argv`` (options without the program name); returns the exit code."""
    args = build_parser().parse_args(argv)
    if args.preset is not None and args.preset.strip().lower() not in preset_names():
        names = ", ".join(preset_names())
        print(
            f"playground: there is no example called '{args.preset}'; choose one of {names}.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        # Before Qt can translate: the sentence about missing X11 libraries speaks the
        # language the window would (--lang, else the setting, else the system's).
        set_language(resolve_language(args.lang or load_settings().language))
        if check_xcb() is not None:  # Qt would abort with a message about plugins
            return EXIT_FAILED
        app = PlaygroundApplication(["playground"])
    app.setApplicationName("Torch Playground")
    app.setOrganizationName("TorchPlayground")
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))
    app.setDesktopFileName("torch-playground")  # Linux: match the window to its .desktop entry
    ensure_a_font(app)
    install_error_hook()
    # Files sent by the desktop (macOS Finder) may come before the window exists. The
    # app's own application object takes them; one made elsewhere needs a filter.
    if isinstance(app, PlaygroundApplication):
        return _run_window(app, args, app.file_events)
    file_events = FileOpenRelay(app)
    app.installEventFilter(file_events)
    try:
        return _run_window(app, args, file_events)
    finally:
        app.removeEventFilter(file_events)
        file_events.deleteLater()


def is_scripted(args: argparse.Namespace) -> bool:
    """Whether the session is driven by its options rather than a person.

    Only training on its own, a step limit, a screenshot or quitting when ready make a
    session scripted (no "Save changes?" question, no autosave, settings left alone).
    ``--size`` and ``--theme`` only shape the window a person then uses.
    """
    return bool(args.autoplay or args.quit_after_steps or args.screenshot or args.quit_when_ready)


def _run_window(app: QApplication, args: argparse.Namespace, file_events: FileOpenRelay) -> int:
    """Build the window, open the first experiment, run the event loop; the exit code."""
    scripted = is_scripted(args)
    settings = load_settings()
    if args.theme:
        settings.theme = args.theme
    _language, font_missing = start_language(app, args.lang or settings.language)
    apply_theme(app, settings.theme, settings.font_size)
    window = MainWindow(settings, open_starter=False)  # _open_start_experiment opens one
    window.remember_on_close = not scripted
    window.window_shutdown.quit_when_closed = True
    if args.size:
        window.resize(args.size.width, args.size.height)
        window.arrange_panels(args.size.width)
    else:
        window.resize(1280, 800)
        restore_window(window, settings)
    if not _open_start_experiment(window, args, settings.last_experiment, scripted):
        return EXIT_USAGE
    window.show()
    if not args.size:
        fit_on_screen(window)  # a size remembered from a larger screen
    if font_missing and not scripted and not settings.font_warning_shown:
        settings.font_warning_shown = True
        QTimer.singleShot(0, lambda: QMessageBox.information(window, *missing_font_notice()))
    file_events.connect_to(
        lambda path: window.document.maybe_save() and window.files.open_path(path)
    )
    session = ScriptedRun(window, args, app)
    install_quit_guard(app, window.run.training)
    # The start is over once the window serves events; garbage is collected in this thread.
    QTimer.singleShot(0, lambda: start_collecting_in_gui_thread(app))
    QTimer.singleShot(0, session.start)
    code = app.exec()
    result = session.exit_code if session.finishes_by_itself else int(code)
    exit_without_waiting(window.run.training, result)
    return result


def restore_window(window: MainWindow, settings: AppSettings) -> None:
    """Apply the remembered geometry and panel layout, if any.

    A layout the user made is restored as it was; otherwise the panels are laid out
    for the restored width and keep following it (a maximized window included).
    """
    if settings.geometry:
        window.restoreGeometry(QByteArray(settings.geometry))
    if settings.window_state:
        window.restoreState(QByteArray(settings.window_state))
    if settings.custom_layout and settings.window_state:
        window.panel_layout.keep_custom()
    else:
        window.arrange_panels(window.width())


def _open_start_experiment(
    window: MainWindow, args: argparse.Namespace, last: str, scripted: bool
) -> bool:
    """Open what the user asked for; False when a scripted session cannot go on."""
    if args.preset:
        return window.open_preset(args.preset.strip().lower())
    if args.experiment:
        if window.files.open_path(args.experiment) is not None:
            return True
        print(f"playground: {window.status.currentMessage().lstrip('⚠ ')}", file=sys.stderr)
        if scripted:
            return False
    # A last file that exists but cannot be read (damaged, a pipe, a link loop) is refused
    # with a sentence by open_path; the window then starts on an example instead.
    elif (
        last and not scripted and os.path.lexists(last) and window.files.open_path(last) is not None
    ):
        return True
    # Nothing (usable) was asked for: start on the first example, ready to train.
    names = preset_names()
    if not names:  # no examples installed: the starter experiment
        window.new_experiment()
        return True
    return window.open_preset(names[0])
