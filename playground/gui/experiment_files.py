"""File ▸ New / Open / Save / Save As / Open Recent, in one place.

Readers are chosen by the core (``load_experiment_file`` picks by extension),
and saving goes through :func:`save_experiment_to`, so a new file format plugs
in here without touching the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from playground.core.atomic import atomic_write_text
from playground.core.spec import Experiment
from playground.core.validation import SpecError, load_experiment_file
from playground.gui.messages import as_sentence

OPEN_FILTER = "Experiments (*.json *.playground);;All files (*)"
SAVE_FILTER = "Experiment (*.json)"


def save_experiment_to(path: Path, experiment: Experiment) -> None:
    """Write ``experiment`` to ``path`` atomically (a crash never leaves half a file)."""
    atomic_write_text(path, experiment.to_json())


class ExperimentFiles(QObject):
    """Opens and saves experiment files for a window and remembers the current path.

    Signals: ``opened(experiment, path)`` after a file was read;
    ``saved(path)`` after a save; ``failed(str)`` with a sentence.
    """

    opened = Signal(object, str)
    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.path: Path | None = None

    def open_dialog(self) -> bool:
        """Ask for a file and open it; True when a file was opened."""
        start = str(self.path.parent) if self.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self._window, "Open an experiment", start, OPEN_FILTER
        )
        return bool(name) and self.open_path(name) is not None

    def open_path(self, path: str | Path) -> Experiment | None:
        """Read ``path``; on failure say why in a message box and return None."""
        try:
            experiment = load_experiment_file(path)
        except SpecError as error:
            self._fail(f"Could not open {Path(path).name}: {error}")
            return None
        self.path = Path(path)
        self.opened.emit(experiment, str(path))
        return experiment

    def save(self, experiment: Experiment) -> bool:
        """Save to the current path, or ask for one."""
        if self.path is None or self.path.suffix.lower() != ".json":
            return self.save_as(experiment)
        return self.save_to(self.path, experiment)

    def save_as(self, experiment: Experiment) -> bool:
        """Ask for a path and save there."""
        start = self.path.with_suffix(".json") if self.path else Path.home() / "experiment.json"
        name, _ = QFileDialog.getSaveFileName(
            self._window, "Save the experiment", str(start), SAVE_FILTER
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".json":
            path = path.with_suffix(".json")
        return self.save_to(path, experiment)

    def save_to(self, path: Path, experiment: Experiment) -> bool:
        """Write ``experiment`` to ``path``; False (and a message) when it fails."""
        try:
            save_experiment_to(path, experiment)
        except OSError as error:
            reason = error.strerror or "the system refused"
            self._fail(f"Could not save {path.name}: {reason.lower()}; choose another folder")
            return False
        self.path = path
        self.saved.emit(str(path))
        return True

    def _fail(self, text: str) -> None:
        sentence = as_sentence(text)
        self.failed.emit(sentence)
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Torch Playground", sentence, parent=self._window
        )
        box.open()
