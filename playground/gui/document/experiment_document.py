"""The experiment as a document: its file, unsaved changes, autosave, run history and exports.

The main window shows an experiment; this object treats it as a document
people expect from a desktop app: a title with the file name and a modified
mark, a question before unsaved work is replaced, an autosave, the list of
runs that is saved with it, and the export commands. Keeping it here keeps the
window a place that only composes widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, QTimer

from playground.core.io.files import LoadedExperiment
from playground.core.runs.records import RunRecord
from playground.gui.document import file_prompts
from playground.gui.document.autosave_controller import AutosaveController
from playground.gui.document.experiment_files import Document, ExperimentFiles
from playground.gui.first_use import FirstUse
from playground.gui.plots.base import DARK, apply_plot_theme
from playground.gui.runs.run_history import RunHistory, RunsPanel
from playground.gui.shell.panel_layout import make_dock

if TYPE_CHECKING:
    from playground.gui.document.export_commands import ExportCommands
    from playground.gui.runs.compare_view import CompareDialog
    from playground.gui.shell.actions import WindowActions
    from playground.gui.shell.main_window import MainWindow

APP_TITLE = "Torch Playground"
RUNS_DOCK_HEIGHT = 210  # room for about five runs; the plots keep the rest


class ExperimentDocument(QObject):
    """Owns the window's file, modified state, autosave, run history and exports."""

    def __init__(self, window: MainWindow, files: ExperimentFiles) -> None:
        super().__init__(window)
        self.window = window
        self.files = files
        self.modified = False
        self.history = RunHistory(self)
        self.runs_panel = RunsPanel(self.history)
        self.runs_dock = make_dock(window, self.tr("Runs"), "runsDock", self.runs_panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.runs_dock)
        self.runs_dock.hide()  # View ▸ Runs shows it; until then the plots keep the room
        self.runs_dock.visibilityChanged.connect(self._size_runs_dock)
        self.autosave = AutosaveController(
            window, self.document, lambda: self.window.remember_on_close
        )
        # The export code (and the exporters it imports) is loaded at the first export.
        self._exports: FirstUse[ExportCommands] = FirstUse(self._make_exports)
        self.compare_dialogs: list[CompareDialog] = []
        self._connect()
        # After the start-up experiment is open and the event loop runs, offer a crash's work.
        QTimer.singleShot(0, self.autosave.offer_recovery)

    def _connect(self) -> None:
        w = self.window
        for signal in (w.model.changed, w.run.run_started, w.diagram.weight_edit_requested):
            signal.connect(self.mark_modified)
        self.history.changed.connect(self.mark_modified)
        w.run.run_recorded.connect(self._on_recorded)
        self.files.opened.connect(self._on_opened)
        self.files.saved.connect(self._on_saved)
        self.autosave.restored.connect(self._on_restored)
        self.autosave.failed.connect(self.window.status.show_problem)
        self.autosave.note.connect(lambda text: self.window.status.show_info(text, 15_000))
        self.runs_panel.compare_requested.connect(self.compare)
        self.runs_panel.paired_requested.connect(self.paired_run)

    @property
    def exports(self) -> ExportCommands:
        """File ▸ Export's commands, made the first time one is used."""
        return self._exports.get()

    def _make_exports(self) -> ExportCommands:
        from playground.gui.document.export_commands import ExportCommands

        window = self.window
        return ExportCommands(
            window,
            experiment=window.current_experiment,
            weights=window.run.current_weights,
            engine=lambda: window.run.engine,
            plot_items=lambda: dict(window.plot_area.export_items()),
            inform=window.status.show_info,
            settings=window.settings,
            start_weights=lambda: window.run.start_weights,
        )

    def connect_exports(self, actions: WindowActions) -> None:
        """Wire File ▸ Export's actions to the export commands."""
        actions.export_plots.triggered.connect(lambda: self.exports.export_plots("png"))
        actions.export_svg.triggered.connect(lambda: self.exports.export_plots("svg"))
        actions.export_csv.triggered.connect(lambda: self.exports.export_metrics())
        for kind in ("weights", "torchscript", "onnx", "script"):
            action = getattr(actions, f"export_{kind}")
            action.triggered.connect(lambda _checked=False, k=kind: self.exports.export_model(k))

    # ---- the document --------------------------------------------------------------

    def document(self) -> Document:
        """What Save writes: the experiment, the current weights and the run history."""
        w = self.window
        weights, role = w.run.weights_to_save()
        return Document(w.current_experiment(), weights, self.history.records, role)

    def display_name(self) -> str:
        """The file name; before the first save, the model's title (``Spiral (changed)``)."""
        if self.files.path is not None:
            return self.files.path.name
        return self.window.model.title()

    def update_title(self) -> None:
        """``name[*] — Torch Playground``; Qt shows ``*`` where the document is modified."""
        path = self.files.path
        self.window.setWindowFilePath(str(path) if path else "")
        self.window.setWindowTitle(f"{self.display_name()}[*] — {APP_TITLE}")
        self.window.setWindowModified(self.modified)

    def mark_modified(self, *_args: object) -> None:
        """Something the user would want to keep changed."""
        self.modified = True
        self.window.setWindowModified(True)
        self.autosave.mark_changed()

    def set_clean(self) -> None:
        """Everything the window shows is saved (or was just opened)."""
        self.modified = False
        self.autosave.dirty = False
        self.update_title()

    # ---- commands ----------------------------------------------------------------

    def save(self) -> bool:
        """File ▸ Save (asks for a name the first time)."""
        return self.files.save(self.document())

    def save_as(self) -> bool:
        """File ▸ Save As."""
        return self.files.save_as(self.document())

    def maybe_save(self) -> bool:
        """Before unsaved work is replaced: Save / Discard / Cancel; True when it may go."""
        if not self.modified or not self.window.remember_on_close:
            return True
        choice = file_prompts.ask_save_changes(self.window, self.display_name())
        if choice is file_prompts.SaveChoice.SAVE:
            if self.window.run.is_running:
                # The weights are saved as they stand once it stops; the next run's
                # training process stays warm.
                self.window.run.shutdown(keep_processes=True)
            return self.save()
        return choice is file_prompts.SaveChoice.DISCARD

    def new(self) -> None:
        """A new document: no file, no runs, nothing modified."""
        self.files.path = None
        self.history.replace([])
        self.set_clean()

    def closing(self) -> bool:
        """The window is asked to close; False when the user cancels."""
        if self.modified:
            self.autosave.save_if_changed()  # safe even if the app dies during the question
        if not self.maybe_save():
            return False
        self.autosave.clean_exit()
        return True

    def _apply(self, loaded: LoadedExperiment, *, opened: bool = True) -> None:
        self.window.load_experiment(loaded.experiment, opened=opened)
        self.history.replace(loaded.runs)
        if loaded.weights is not None and loaded.weights_role == "start":
            self.window.run.set_start_weights(loaded.weights, by_hand=True)  # the next run's start
        elif loaded.weights is not None:
            self.window.run.restore(loaded.weights)
        if loaded.runs:  # the curves the file's last run drew, not empty plots
            last = loaded.runs[-1]
            self.window.plot_area.show_record(last, self.history.number(last))

    def _on_opened(self, loaded: LoadedExperiment, path: str) -> None:
        self._apply(loaded)
        self.set_clean()
        self.window.remember_file(path)
        self.window.status.show_info(self.tr("Opened {name}.").format(name=self.display_name()))

    def _on_saved(self, path: str) -> None:
        self.window.model.mark_saved()
        self.set_clean()
        if self.window.run.engine is not None and self.window.run.current_weights() is None:
            self.window.status.show_info(
                self.tr(
                    "Saved {name} without the weights of the run in progress; "
                    "pause or stop it and save again to keep them."
                ).format(name=self.display_name()),
                10_000,
            )
        else:
            self.window.status.show_info(self.tr("Saved {name}.").format(name=self.display_name()))

    def _on_restored(self, loaded: LoadedExperiment) -> None:
        self.files.path = None
        self._apply(loaded, opened=False)
        self.modified = True
        self.update_title()
        self.window.status.show_info(
            self.tr("Restored the experiment from the autosave; save it to keep it.")
        )

    # ---- runs ------------------------------------------------------------------------

    def _size_runs_dock(self, visible: bool) -> None:
        if visible and not self.runs_dock.isFloating():
            self.runs_dock.visibilityChanged.disconnect(self._size_runs_dock)
            self.window.resizeDocks([self.runs_dock], [RUNS_DOCK_HEIGHT], Qt.Orientation.Vertical)

    def _on_recorded(self, record: RunRecord) -> None:
        self.history.add(record)
        number = self.history.number(record)
        self.window.plot_area.result.show_result(record, number)
        self.window.status.show_result(record, number, runs_hidden=not self.runs_dock.isVisible())

    def compare(self, records: list[RunRecord]) -> CompareDialog:
        """Open a window that overlays the curves of ``records``."""
        numbers = [self.history.number(r) for r in records]
        from playground.gui.runs.compare_view import CompareDialog  # a dialog: made when asked

        dialog = CompareDialog(records, numbers, self.window)
        if self.window.settings.theme == "dark":
            for view in dialog.findChildren(pg.GraphicsView):
                apply_plot_theme(view, DARK)
        self.compare_dialogs = [d for d in self.compare_dialogs if d.isVisible()] + [dialog]
        dialog.show()
        return dialog

    def paired_run(self, base: RunRecord) -> bool:
        """Train again from ``base``'s start with the settings the panels show now."""
        if not self.window.revalidate():
            self.window.show_problem(
                self.tr("A paired run cannot start until the problems shown are fixed.")
            )
            return False
        return self.window.run.start_paired(base)
