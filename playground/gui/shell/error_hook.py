"""Last line of defence: an unexpected error becomes a sentence in a dialog, never a traceback.

Qt calls our slots from its event loop; an exception escaping one would print
a traceback to a terminal the user of a packaged app never sees, and the
click would seem to do nothing. This hook shows what went wrong in words,
writes the details to a log file in the user's data folder (for a bug report)
and keeps the app running.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from playground.core.io.paths import data_dir

# Messages of Qt's own plugins that say nothing to a user (the offscreen plugin used for
# screenshots and tests repeats this one on every resize).
_QUIET_QT_MESSAGES = ("does not support propagateSizeHints",)

ShowError = Callable[[QWidget | None, str], None]


def describe_error(error: BaseException) -> str:
    """A sentence about an unexpected error: the core's own sentence, or the error's name."""
    text = str(error).strip()
    if isinstance(error, ValueError) and text:
        return text if text.endswith((".", "!", "?")) else text + "."
    detail = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return QCoreApplication.translate(
        "ErrorHook", "Something unexpected went wrong ({detail})."
    ).format(detail=detail)


def log_path() -> Path:
    return data_dir() / "errors.log"


def _write_log(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> Path:
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            log.writelines(traceback.format_exception(kind, error, tb))
    except OSError:
        pass  # a full or read-only disk must not turn one error into two
    return path


def _show_dialog(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(
        parent, QCoreApplication.translate("ErrorHook", "Something went wrong"), text
    )


def install_error_hook(show: ShowError = _show_dialog) -> None:
    """Route uncaught exceptions to a dialog with a sentence, and quiet Qt's plugin chatter."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        path = _write_log(kind, error, tb)
        text = (
            describe_error(error)
            + "\n\n"
            + QCoreApplication.translate(
                "ErrorHook",
                "The app keeps running and your experiment is unchanged. "
                "Details for a bug report were written to {path}.",
            ).format(path=path)
        )
        app = QApplication.instance()
        parent = app.activeWindow() if isinstance(app, QApplication) else None
        show(parent, text)

    sys.excepthook = hook

    def on_qt_message(kind: QtMsgType, context: object, message: str) -> None:
        if any(quiet in message for quiet in _QUIET_QT_MESSAGES):
            return
        if kind != QtMsgType.QtDebugMsg:
            print(message, file=sys.stderr)

    qInstallMessageHandler(on_qt_message)
