"""File ▸ New / Open / Save / Save As / Open Recent, in one place.

``.playground`` files (the spec, the trained weights and the run history) are
the default; plain ``.json`` files (the spec only) still open and can still be
saved when the user picks that type. Readers and writers are the core's
(:func:`~playground.core.io.files.load_experiment_file_any`,
:func:`~playground.core.io.files.save_experiment_file`); this object adds the
dialogs, remembers the current path and reports in sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import torch
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtWidgets import QWidget

from playground.core.export.names import proposed_path
from playground.core.io.atomic import atomic_write_text
from playground.core.io.files import (
    SUFFIX,
    FileFormatError,
    LoadedExperiment,
    WeightsRole,
    save_experiment_file,
)
from playground.core.io.readers import load_experiment_file_any as read_experiment_file
from playground.core.io.save_errors import describe_save_failure, model_json
from playground.core.messages import sentence
from playground.core.runs.records import RunRecord
from playground.core.spec.experiment import Experiment
from playground.gui.document import file_prompts
from playground.gui.shell.help_dialogs import open_warning

OPEN_FILTER = QT_TRANSLATE_NOOP(
    "ExperimentFiles", "Experiments (*.playground *.json);;All files (*)"
)
SAVE_FILTER = QT_TRANSLATE_NOOP(
    "ExperimentFiles", "Experiment with weights and runs (*.playground);;Settings only (*.json)"
)
JSON_SUFFIX = ".json"


@dataclass
class Document:
    """What a save writes: the experiment, the current weights, the run history.

    ``weights_role`` says whether the weights are a run's (``trained``) or were set
    by hand before the first step, for the next run to start from (``start``).
    """

    experiment: Experiment
    weights: dict[str, torch.Tensor] | None = None
    runs: list[RunRecord] = field(default_factory=list)
    weights_role: WeightsRole = "trained"


def save_document(path: Path, document: Document | Experiment) -> None:
    """Write ``document`` atomically; a ``.json`` path keeps the settings only."""
    if isinstance(document, Experiment):
        document = Document(document)
    if path.suffix.lower() == JSON_SUFFIX:
        experiment = document.experiment
        atomic_write_text(path, model_json(experiment, "the experiment", experiment.to_json))
    else:
        save_experiment_file(
            path,
            document.experiment,
            weights=document.weights,
            runs=document.runs,
            weights_role=document.weights_role,
        )


class ExperimentFiles(QObject):
    """Opens and saves experiment files for a window and remembers the current path.

    Signals: ``opened(loaded, path)`` with a
    :class:`~playground.core.io.files.LoadedExperiment` after a file was read;
    ``saved(path)`` after a save; ``failed(str)`` with a sentence (also shown
    in a message box that does not block).
    """

    opened = Signal(object, str)
    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.path: Path | None = None

    def _folder(self) -> Path:
        return self.path.parent if self.path else Path.home()

    def open_dialog(self) -> bool:
        """Ask for a file and open it; True when a file was opened."""
        name = file_prompts.choose_open_path(
            self._window, self.tr("Open an experiment"), self._folder(), self.tr(OPEN_FILTER)
        )
        return bool(name) and self.open_path(name) is not None

    def open_path(self, path: str | Path) -> LoadedExperiment | None:
        """Read ``path``; on failure say why in a message box and return None.

        Nothing is replaced before the whole file has been read and checked, so
        a damaged file never costs the user what the window shows.
        """
        try:
            loaded = read_experiment_file(path)
        except FileFormatError as error:
            problems = [line for line in str(error).splitlines() if line.strip()]
            opening = self.tr("Could not open {file}.").format(file=Path(path).name)
            self._fail(opening + " " + " ".join(map(sentence, problems)))
            return None
        except Exception:  # a reader's own bug must not cost the window, nor the app's start
            self._fail(
                self.tr(
                    "Could not open {file}: an unexpected problem stopped reading it; "
                    "open an earlier copy of the file"
                ).format(file=Path(path).name)
            )
            return None
        self.path = Path(path)
        self.opened.emit(loaded, str(path))
        return loaded

    def save(self, document: Document | Experiment) -> bool:
        """Save to the current path, or ask for one."""
        if self.path is None:
            return self.save_as(document)
        return self.save_to(self.path, document)

    def save_as(self, document: Document | Experiment) -> bool:
        """Ask for a path (``.playground`` unless the user picks ``.json``) and save there."""
        experiment = document if isinstance(document, Experiment) else document.experiment
        if self.path:
            start = self._folder() / f"{self.path.stem}{SUFFIX}"
        else:  # the name may come from a shared file: propose a plain name in the folder
            start = proposed_path(self._folder(), experiment.name, SUFFIX, fallback="experiment")
        name = file_prompts.choose_save_path(
            self._window, self.tr("Save the experiment"), start, self.tr(SAVE_FILTER)
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != JSON_SUFFIX:
            path = file_prompts.with_suffix(name, SUFFIX)
        return self.save_to(path, document)

    def save_to(self, path: Path, document: Document | Experiment) -> bool:
        """Write ``document`` to ``path``; False (and a message) when it fails.

        Any failure, whatever its kind, leaves the document unsaved: no
        ``saved`` signal, so the modified mark and the question on closing stay.
        """
        try:
            save_document(path, document)
        except Exception as error:  # a disk, the data or a bug: never a silent "saved"
            self._fail(describe_save_failure(path.name, error))
            return False
        self.path = path
        self.saved.emit(str(path))
        return True

    def _fail(self, text: str) -> None:
        message = sentence(text)
        self.failed.emit(message)
        open_warning(self._window, message)
