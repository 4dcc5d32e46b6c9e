"""File ▸ Export: the model (weights, TorchScript, ONNX, training script), plots and metrics.

The core writes every format (:func:`~playground.core.export.export_experiment`);
this module asks where to write, says before trying when ONNX cannot work,
and reports the result and the core's notes in sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import torch
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from playground.core.data import DataError
from playground.core.export import (
    DEFAULT_SUFFIX,
    ExportError,
    ExportFormat,
    WeightsError,
    export_experiment,
)
from playground.core.export.metrics_csv import write_metrics_csv as write_metrics_table
from playground.core.export.names import proposed_path
from playground.core.export.onnx import onnx_problems
from playground.core.messages import sentence
from playground.core.spec.experiment import Experiment
from playground.core.training.engine import Engine
from playground.gui.document import file_prompts
from playground.gui.plots.plot_export import PictureFormat, export_plots_dialog
from playground.gui.shell.help_dialogs import open_warning

# What each format is called in the dialog title, the file filter and the messages
# (marked for translation here, translated when shown).
FORMAT_TITLES: dict[ExportFormat, str] = {
    "weights": QT_TRANSLATE_NOOP("Export", "the trained weights"),
    "torchscript": QT_TRANSLATE_NOOP("Export", "the TorchScript model"),
    "onnx": QT_TRANSLATE_NOOP("Export", "the ONNX model"),
    "script": QT_TRANSLATE_NOOP("Export", "the training script"),
}
FORMAT_FILTERS: dict[ExportFormat, str] = {
    "weights": QT_TRANSLATE_NOOP("Export", "Weights (*.safetensors)"),
    "torchscript": QT_TRANSLATE_NOOP("Export", "TorchScript (*.pt)"),
    "onnx": QT_TRANSLATE_NOOP("Export", "ONNX (*.onnx)"),
    "script": QT_TRANSLATE_NOOP("Export", "Python script (*.py)"),
}


def _tr(text: str) -> str:
    """A text marked with ``QT_TRANSLATE_NOOP("Export", …)``, in the interface language."""
    return QCoreApplication.translate("Export", text)


def write_metrics_csv(engine: Engine, path: Path) -> int:
    """Write the run's per-epoch metrics (the columns of ``playground train``); returns the rows."""
    return write_metrics_table(path, engine.history.rows())


def _reason(error: OSError) -> str:
    return error.strerror or QCoreApplication.translate("Export", "the system refused")


def _cannot_write(path: Path, error: OSError) -> str:
    return QCoreApplication.translate(
        "Export", "Could not write {file}: {reason}; choose another folder"
    ).format(file=path.name, reason=_reason(error))


class ExportCommands:
    """Runs the export commands of a window.

    ``experiment`` gives the experiment as the panels show it, ``weights`` the
    current model's weights (None before training), ``engine`` the current run
    and ``plot_items`` the plots; ``inform`` puts a sentence in the status bar.
    """

    def __init__(
        self,
        parent: QWidget,
        *,
        experiment: Callable[[], Experiment],
        weights: Callable[[], dict[str, torch.Tensor] | None],
        engine: Callable[[], Engine | None],
        plot_items: Callable[[], dict[str, object]],
        inform: Callable[[str], None],
    ) -> None:
        self.parent = parent
        self._experiment = experiment
        self._weights = weights
        self._engine = engine
        self._plot_items = plot_items
        self._inform = inform
        self.folder = Path.home()

    def _ask_path(self, title: str, name: str, suffix: str, file_filter: str) -> Path | None:
        # The experiment's name may come from a shared file: propose a plain name in the folder.
        start = proposed_path(self.folder, name, suffix, fallback="model")
        chosen = file_prompts.choose_save_path(self.parent, title, start, file_filter)
        if not chosen:
            return None
        path = file_prompts.with_suffix(chosen, suffix)
        self.folder = path.parent
        return path

    def _fail(self, text: str) -> None:
        message = sentence(text)
        self._inform("⚠ " + message)
        open_warning(self.parent, message)

    def export_model(self, kind: ExportFormat) -> Path | None:
        """Ask for a file and export the current model as ``kind``; the file, or None."""
        experiment = self._experiment()
        if kind == "onnx":
            problems = onnx_problems(experiment.model.layers)
            if problems:  # say so before the user picks a file for nothing
                self._fail(" ".join(sentence(p) for p in problems))
                return None
        title = _tr(FORMAT_TITLES[kind])
        path = self._ask_path(
            QCoreApplication.translate("Export", "Export {what}").format(what=title),
            experiment.name or "model",
            DEFAULT_SUFFIX[kind],
            _tr(FORMAT_FILTERS[kind]),
        )
        if path is None:
            return None
        try:
            notes = export_experiment(experiment, kind, path, weights=self._weights())
        except (ExportError, WeightsError, DataError) as error:
            self._fail(
                QCoreApplication.translate("Export", "Could not export {what}: {reason}").format(
                    what=title, reason=error
                )
            )
            return None
        except OSError as error:
            self._fail(_cannot_write(path, error))
            return None
        except Exception as error:  # a tracer or exporter failure is told in words, never raw
            self._fail(
                QCoreApplication.translate(
                    "Export",
                    "Could not export {what} ({error}); try TorchScript or the weights instead",
                ).format(what=title, error=type(error).__name__)
            )
            return None
        saved = QCoreApplication.translate("Export", "Saved {what} as {file}.").format(
            what=title, file=path.name
        )
        self._inform(saved)
        if notes:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                QCoreApplication.translate("Export", "Export finished"),
                saved,
                parent=self.parent,
            )
            box.setObjectName("exportNotes")
            box.setInformativeText(" ".join(sentence(note) for note in notes))
            box.open()
        return path

    def export_plots(self, picture: PictureFormat) -> None:
        """Ask for a folder and save every plot there as PNG or SVG."""
        message = export_plots_dialog(self.parent, self._plot_items(), picture)
        if message:
            self._inform(message)

    def export_metrics(self) -> Path | None:
        """Ask for a file and save the current run's per-epoch metrics as CSV."""
        engine = self._engine()
        if engine is None or not engine.history.rows():
            self._fail(
                QCoreApplication.translate(
                    "Export", "There are no metrics to save yet; train for at least one epoch first"
                )
            )
            return None
        path = self._ask_path(
            QCoreApplication.translate("Export", "Export the metrics"),
            self._experiment().name or "metrics",
            ".csv",
            QCoreApplication.translate("Export", "CSV (*.csv)"),
        )
        if path is None:
            return None
        try:
            count = write_metrics_csv(engine, path)
        except OSError as error:
            self._fail(_cannot_write(path, error))
            return None
        saved = (
            QCoreApplication.translate("Export", "Saved the metrics of 1 epoch as {file}.")
            if count == 1
            else QCoreApplication.translate(
                "Export", "Saved the metrics of %n epochs as {file}.", "", count
            )
        )
        self._inform(saved.format(file=path.name))
        return path
