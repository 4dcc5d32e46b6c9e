"""The main window: the panels, the plots and the run, wired together.

It composes widgets and connects signals; the decisions live elsewhere: what
an experiment may be (the core), who holds it and its undo history
(:mod:`~playground.gui.document.experiment_model`), how a run lives (:mod:`run_controller`),
which commands exist (:mod:`actions`), how files are read and written
(:mod:`experiment_files`) and what is remembered (:mod:`settings`).

The window is the assembly point of every panel; its length is wiring, and each
behaviour it connects lives in its own module.
"""

from __future__ import annotations

import contextlib

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QPushButton,
)

from playground.core.data import DataError, describe_data
from playground.core.data.base import DataInfo, Dataset
from playground.core.errors import describe_error
from playground.core.messages import describe_problems, sentence
from playground.core.problems import Problem
from playground.core.spec.experiment import Experiment, LayerSpec
from playground.core.spec.presets import load_preset
from playground.core.spec.starter import starter_experiment
from playground.core.spec.validation import check_experiment, fit_output_layer
from playground.core.training.snapshot import Snapshot
from playground.gui.data.data_panel import DataPanel, DataSpec
from playground.gui.document.experiment_document import ExperimentDocument
from playground.gui.document.experiment_files import ExperimentFiles
from playground.gui.document.experiment_model import ExperimentModel
from playground.gui.editor.layer_editor import LayerEditor
from playground.gui.network.network_diagram import NetworkDiagram
from playground.gui.plots.base import DARK, LIGHT, apply_plot_font, apply_plot_theme
from playground.gui.plots.plot_area import PlotArea
from playground.gui.shell import actions as window_actions
from playground.gui.shell.adaptive_layout import AdaptivePanelLayout
from playground.gui.shell.classroom import Classroom
from playground.gui.shell.commands import AppState
from playground.gui.shell.help_dialogs import ShortcutsDialog, ask_discard, open_warning, show_about
from playground.gui.shell.language_menu import LanguageMenu
from playground.gui.shell.large_fonts import follow_text_size, relax_combo_boxes
from playground.gui.shell.panel_layout import (
    make_dock,
    problem_banner,
    scrolling,
    with_banner,
)
from playground.gui.shell.settings import DEFAULT_FONT_SIZE, AppSettings, save_settings
from playground.gui.shell.shown_views import ShownViews
from playground.gui.shell.shutdown import WindowShutdown
from playground.gui.shell.space_key import SpaceKey
from playground.gui.shell.status_bar import RunStatusBar
from playground.gui.shell.theme import apply_theme, clamp_font_size
from playground.gui.training.run_controller import RunController
from playground.gui.training.training_panel import TrainingPanel


class MainWindow(QMainWindow):
    """Data, model and training panels around the live plots, with menus and a run toolbar."""

    def __init__(self, settings: AppSettings | None = None, *, open_starter: bool = True) -> None:
        """``open_starter``: show the starter experiment at once; the app passes False as it
        opens the experiment to start on itself (loading one twice is a slower start)."""
        super().__init__()
        self.settings = settings or AppSettings()
        self._font_size = self.settings.font_size  # larger while presenting, see set_font_size
        self.setWindowTitle("Torch Playground")
        self.setObjectName("mainWindow")
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )
        self._info: DataInfo | None = None
        self._valid = False
        self.remember_on_close = True  # scripted sessions leave the settings alone

        self.model = ExperimentModel(self)  # the one owner of the experiment and its undo stack
        self.data_panel = DataPanel(load_default=False)  # the experiment loaded sets its data
        self.editor = LayerEditor(undo_stack=self.model.undo_stack)
        self.diagram = NetworkDiagram()
        self.training_panel = TrainingPanel(self.model)
        self.plot_area = PlotArea()
        self.run = RunController(self)
        self.window_shutdown = WindowShutdown(self, self.run)
        self.files = ExperimentFiles(self)
        self.status = RunStatusBar()
        self.setStatusBar(self.status)

        self.banner = problem_banner()
        self.fix_button = QPushButton(self.tr("Fit the last layer"))
        self.fix_button.setToolTip(
            self.tr("Give the last layer as many outputs as the data needs.")
        )
        self.fix_button.setVisible(False)
        self.setCentralWidget(with_banner(self.banner, self.fix_button, self.plot_area))
        self._apply_plot_look()

        self.panel_areas = tuple(
            scrolling(panel) for panel in (self.data_panel, self.editor, self.training_panel)
        )
        self.data_dock = make_dock(self, self.tr("Data"), "dataDock", self.panel_areas[0])
        self.model_dock = make_dock(self, self.tr("Model"), "modelDock", self.panel_areas[1])
        self.network_dock = make_dock(self, self.tr("Network"), "networkDock", self.diagram)
        self.training_dock = make_dock(
            self, self.tr("Training"), "trainingDock", self.panel_areas[2]
        )

        self.document = ExperimentDocument(self, self.files)  # also adds the Runs panel
        self.classroom = Classroom(self)  # lessons, presentation mode, log and parameters
        # Snapshots carry only what is on screen, one per frame the plot area draws.
        self.shown_views = ShownViews(self.plot_area, self.diagram, self.classroom.parameters, self)
        self.run.snapshot_demand = self.shown_views.demand
        self.panel_layout = AdaptivePanelLayout(
            self,
            self.docks,
            paused=lambda: self.classroom.presentation.active,
            extra_docks=(
                (self.document.runs_dock, Qt.DockWidgetArea.BottomDockWidgetArea),
                (self.classroom.numbers_dock, Qt.DockWidgetArea.RightDockWidgetArea),
            ),
        )

        self.commands = window_actions.WindowActions(self)
        panels = {
            "panel_data": self.data_dock,
            "panel_model": self.model_dock,
            "panel_network": self.network_dock,
            "panel_training": self.training_dock,
            "panel_runs": self.document.runs_dock,
            "panel_lesson": self.classroom.lessons.dock,
            "panel_numbers": self.classroom.numbers_dock,
        }
        for command_id, dock in panels.items():
            self.commands.adopt(command_id, dock.toggleViewAction())
        for name in ("add", "duplicate", "remove", "up", "down"):
            self.commands.adopt(f"layer_{name}", self.editor.editor_action(name))
        self.undo_action, self.redo_action = self.commands.undo, self.commands.redo
        self.commands.build_menus(self)
        self.toolbar = self.commands.build_toolbar(self)
        self.space_key = SpaceKey(self, self.commands.play)  # Space plays unless typing
        window_actions.fill_examples_menu(self.commands.examples_menu, self.open_preset)
        self._fill_recent_menu()
        self.language_menu = LanguageMenu(self.commands.language_menu, self, self.settings)
        self._connect()
        self.commands.dark_theme.setChecked(self.settings.theme == "dark")
        self.diagram.set_editable(True)  # before the first run: where it starts
        relax_combo_boxes(self)  # large fonts: no combo box widens the window past the screen
        follow_text_size(self, self.panel_areas)
        self.plot_area.loss.set_log_scale(self.settings.loss_log_scale)
        self.plot_area.loss.log_box.toggled.connect(
            lambda on: setattr(self.settings, "loss_log_scale", on)
        )
        self.arrange_panels(1280)
        if open_starter:
            self.load_experiment(starter_experiment())

    # ---- building ----------------------------------------------------------------------

    def _connect(self) -> None:
        a = self.commands
        a.new.triggered.connect(self.new_experiment)
        a.open.triggered.connect(lambda: self.document.maybe_save() and self.files.open_dialog())
        a.save.triggered.connect(self.document.save)
        a.save_as.triggered.connect(self.document.save_as)
        self.document.connect_exports(a)
        a.quit.triggered.connect(self.close)
        stack = self.model.undo_stack
        a.undo.triggered.connect(stack.undo)
        a.redo.triggered.connect(stack.redo)
        # Undo and Redo follow the stack; every change of it moves its index.
        stack.indexChanged.connect(lambda _index: self._on_undo_stack_changed(stack))
        a.play.triggered.connect(self.play_pause)
        a.step_batch.triggered.connect(self.run.step_batch)
        a.step_epoch.triggered.connect(self.run.step_epoch)
        a.stop.triggered.connect(self.run.stop)
        a.reset.triggered.connect(self.reset_run)
        speed = self.training_panel.speed
        a.slower.triggered.connect(speed.slower)
        a.faster.triggered.connect(speed.faster)
        speed.speedChanged.connect(self._on_speed_changed)
        speed.set_speed(self.settings.training_speed or None)
        self.fix_button.clicked.connect(self.fit_output)
        # Edit ▸ layer commands act on the layer editor: bring it into view first.
        for name in ("add", "duplicate", "remove", "up", "down"):
            self.editor.editor_action(name).triggered.connect(
                lambda _checked=False, n=name: self._show_editor(focus_palette=n == "add")
            )
        a.reset_layout.triggered.connect(self.panel_layout.reset)
        a.dark_theme.toggled.connect(lambda dark: self.set_theme("dark" if dark else "light"))
        a.font_bigger.triggered.connect(lambda: self.set_font_size(self.settings.font_size + 1))
        a.font_smaller.triggered.connect(lambda: self.set_font_size(self.settings.font_size - 1))
        a.font_reset.triggered.connect(lambda: self.set_font_size(DEFAULT_FONT_SIZE))
        a.shortcuts.triggered.connect(lambda: ShortcutsDialog(a.shortcut_rows(), self).exec())
        a.about.triggered.connect(lambda: show_about(self))
        a.lessons.triggered.connect(self.classroom.lessons.choose)
        a.lab.triggered.connect(lambda: self.classroom.open_lab())
        a.landscape.triggered.connect(lambda: self.classroom.open_landscape())
        a.presentation.toggled.connect(
            lambda on: (
                self.classroom.presentation.enter() if on else self.classroom.presentation.leave()
            )
        )
        self.files.saved.connect(self.remember_file)
        self.files.failed.connect(self.status.show_problem)
        self.model.replaced.connect(self._on_replaced)
        self.model.changed.connect(self._on_model_changed)
        self.data_panel.data_changed.connect(self._on_data_edited)
        self.data_panel.data_failed.connect(self.status.show_problem)
        self.editor.layers_changed.connect(self._on_layers_changed)
        self.editor.validity_changed.connect(lambda _ok, _text: self.revalidate())
        self.diagram.weight_edit_requested.connect(self.run.set_weight)
        self.run.fresh.shown.connect(self.diagram.update_snapshot)
        self.run.snapshot.connect(self._on_snapshot)
        self.run.state_changed.connect(self._on_state_changed)
        self.run.problem.connect(self.show_problem)
        self.run.run_started.connect(self.plot_area.reset)

    @property
    def docks(self) -> tuple[QDockWidget, ...]:
        """The side panels: data, model, network diagram, training."""
        return (self.data_dock, self.model_dock, self.network_dock, self.training_dock)

    def arrange_panels(self, width: int) -> None:
        """Lay the panels out for a window ``width`` pixels wide (tabs when narrow); they
        follow the window's width from then on, until the user moves one."""
        self.panel_layout.arrange(width)

    def _fill_recent_menu(self) -> None:
        window_actions.fill_recent_menu(
            self.commands.recent_menu,
            self.settings.recent_files,
            lambda path: self.document.maybe_save() and self.files.open_path(path),
        )

    # ---- the experiment ------------------------------------------------------------------

    def current_experiment(self) -> Experiment:
        """The experiment as the experiment model holds it now."""
        return self.model.experiment

    def load_experiment(self, experiment: Experiment, *, opened: bool = True) -> None:
        """Show ``experiment`` in every panel and forget the current run and undo history.

        ``opened``: it is what a file or an example holds (False for a restored autosave).
        """
        self.run.discard()  # never waits: a run in a long batch is let go
        self.model.load(experiment, opened=opened)

    def _on_replaced(self) -> None:
        experiment = self.model.experiment
        self.editor.show_layers(experiment.model.layers)
        self.data_panel.set_data_spec(experiment.data)
        self._use_data_info()
        self.plot_area.reset()
        self.status.clear_run()
        self.revalidate()
        self.document.update_title()

    def open_preset(self, name: str) -> bool:
        """Load a shipped example; False (and a message) when it cannot be loaded."""
        if not self.document.maybe_save():
            return False
        try:
            experiment = load_preset(name)
        except ValueError as error:
            self.show_problem(describe_error(error))
            return False
        self.files.path = None
        self.load_experiment(experiment)
        self.document.new()
        return True

    def new_experiment(self) -> None:
        """File ▸ New: a small network on the default data, ready to train."""
        if self.document.maybe_save():
            self.files.path = None
            self.load_experiment(starter_experiment())
            self.document.new()

    def revalidate(self) -> bool:
        """Ask the core whether the experiment can train; show its sentences when not."""
        if self.run.state == "running":
            return self._valid
        experiment = self.model.experiment
        problems: list[Problem] = []
        if self._info is None:
            try:
                self._info = describe_data(experiment.data)
            except DataError as error:
                problems.extend(error.problems)
        if self._info is not None:
            problems.extend(check_experiment(experiment, self._info))
        if self.data_panel.dataset is None and not problems:
            problems.append(Problem("data.unavailable"))
        self._valid = not problems
        self.editor.set_model_problem(problems[0] if problems else None)
        self.banner.setText(describe_problems(problems, limit=3))
        # The banner's state is data (styles and tests read it), never parsed from its text.
        self.banner.setProperty("level", "error" if problems else "ok")
        self.banner.setVisible(bool(problems))
        self.fix_button.setVisible(bool(problems) and self._can_fit(experiment))
        self.run.set_experiment(experiment if self._valid else None, self.data_panel.dataset)
        self._update_commands()
        return self._valid

    def _can_fit(self, experiment: Experiment) -> bool:
        # Offer the one-click fix only when fitting the output layer solves every problem,
        # and only when there is a layer to fit (an empty model needs layers added first).
        info = self._info
        if not experiment.model.layers:
            return False
        fitted = fit_output_layer(experiment, info) if info else experiment
        return info is not None and fitted != experiment and not check_experiment(fitted, info)

    def _use_data_info(self) -> None:
        dataset: Dataset | None = self.data_panel.dataset
        try:
            self._info = describe_data(self.model.experiment.data)
        except DataError as error:
            self._info = None
            self.show_problem(describe_error(error), dialog=False)
            return
        self.editor.set_input_shape(self._info.input_shape)
        self.plot_area.set_dataset(dataset)
        apply_plot_font(self.data_panel.preview, self.font_size())  # its legend was redrawn
        self.diagram.set_layers(
            self.model.experiment.model.layers, self._info.input_shape, self._info.feature_names
        )

    def _show_editor(self, *, focus_palette: bool) -> None:
        self.model_dock.show()
        self.model_dock.raise_()
        if focus_palette:  # the palette could not take the focus while its panel was hidden
            self.editor.palette_widget().focus_filter()

    def fit_output(self) -> None:
        """Give the last layer the outputs the data needs, and a loss that suits it (undoable)."""
        if self._info is not None:
            fitted = fit_output_layer(self.model.experiment, self._info)
            self.model.edit(fitted, self.tr("Fit the last layer to the data"))

    # ---- reactions ---------------------------------------------------------------------

    def _on_data_edited(self, spec: DataSpec) -> None:
        """The data panel's edit: one undo step with the output layer and loss that fit it."""
        if not self.confirm_discard():
            self.data_panel.set_data_spec(self.model.experiment.data)
            return
        after = self.model.experiment.model_copy(update={"data": spec})
        # Data that cannot be described keeps its layers; the data panel shows the sentence.
        with contextlib.suppress(DataError):
            after = fit_output_layer(after, describe_data(spec))
        self.model.edit(
            after,
            self.tr("Change data to {data}").format(
                data=self.data_panel.dataset_combo.currentText()
            ),
        )

    def _on_layers_changed(self, layers: list[LayerSpec]) -> None:
        if self.run.has_trained and not self.confirm_discard():
            self.model.undo_stack.undo()
            return
        self.model.apply_layers(layers)

    def _on_model_changed(self, section: str) -> None:
        """Follow the experiment model after an edit, an undo or a redo."""
        experiment = self.model.experiment
        if section == "data":
            if self.data_panel.data_spec() != experiment.data:
                self.data_panel.set_data_spec(experiment.data)
            self.reset_run()
            self._use_data_info()
        elif section == "model":
            self.editor.show_layers(experiment.model.layers)
            self.reset_run()
            if self._info is not None:
                self.diagram.set_layers(
                    experiment.model.layers, self._info.input_shape, self._info.feature_names
                )
        elif section == "optimizer" and self.run.is_running:
            # Only the learning rate can change mid-run; the engine records when it did.
            self.run.set_learning_rate(experiment.optimizer.lr)
        self.revalidate()
        self.document.update_title()

    def _on_speed_changed(self, steps_per_second: float | None) -> None:
        self.settings.training_speed = steps_per_second or 0.0
        self.run.set_speed(steps_per_second)

    def _on_snapshot(self, snapshot: Snapshot) -> None:
        self.plot_area.add_snapshot(snapshot)
        self.diagram.update_snapshot(snapshot)
        self.status.show_snapshot(snapshot, self.model.experiment.training.epochs)
        if snapshot.state == "diverged" and snapshot.reason:
            self.show_problem(sentence(snapshot.reason))

    def _on_state_changed(self, state: str) -> None:
        running = state == "running"
        self.status.set_state(state)
        self.editor.set_locked(running)
        self.data_panel.setEnabled(not running)
        self.training_panel.set_running(running)
        # Weights can be set before training (where the run starts), while paused and after.
        self.diagram.set_editable(state in ("idle", "paused", "stopped", "finished"))
        self._update_commands()

    def app_state(self) -> AppState:
        """What the commands' rules are evaluated on: the run, validity, the undo stack."""
        stack = self.model.undo_stack
        return AppState(
            run_state=self.run.state,
            run_active=self.run.can_stop,
            experiment_valid=self._valid,
            has_model=self.run.engine is not None,
            can_undo=stack.canUndo(),
            can_redo=stack.canRedo(),
            undo_text=stack.undoText(),
            redo_text=stack.redoText(),
            problem=self.banner.text(),
        )

    def _on_undo_stack_changed(self, stack: QUndoStack) -> None:
        # A stack being destroyed (with its panel, as the window closes) still reports.
        if shiboken6.isValid(stack) and shiboken6.isValid(self):
            self._update_commands()

    def _update_commands(self) -> None:
        self.commands.update(self.app_state())

    # ---- commands ----------------------------------------------------------------------

    def play_pause(self) -> None:
        """Train / pause / continue (the toolbar's toggle and Space)."""
        if not self.run.is_running and not self.revalidate():
            self._update_commands()  # the toggle checked itself when clicked
            self.status.show_problem(self.banner.text())
            return
        self.run.play_pause()
        self._update_commands()

    def reset_run(self) -> None:
        """Forget the run; plots clear and the next run starts from fresh weights."""
        self.run.reset()
        self.plot_area.reset()
        self.status.clear_run()
        self._update_commands()

    def confirm_discard(self) -> bool:
        """Ask before throwing away trained weights; True when there is nothing to lose."""
        if not self.run.has_trained:
            return True
        return ask_discard(self)

    def show_problem(self, text: str, *, dialog: bool = True) -> None:
        """Tell the user about a problem: status bar, and a message box unless ``dialog`` is False."""
        self.status.show_problem(text)
        if dialog:
            open_warning(self, text)

    def set_theme(self, theme: str) -> None:
        """Switch between the light and dark look."""
        self.settings.theme = "dark" if theme == "dark" else "light"
        self.commands.dark_theme.setChecked(self.settings.theme == "dark")
        self._apply_look()

    def set_font_size(self, size: int, *, remember: bool = True) -> None:
        """Change the text size of the whole app (points); ``remember`` keeps it in the
        settings (presentation mode enlarges the text without changing them)."""
        self._font_size = clamp_font_size(size)
        if remember:
            self.settings.font_size = self._font_size
        self._apply_look()

    def font_size(self) -> int:
        """The text size shown now (points)."""
        return self._font_size

    def _apply_look(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings.theme, self.font_size())
        self._apply_plot_look()
        self.commands.refresh_icons()
        follow_text_size(self, self.panel_areas)  # never wider or taller than the screen

    def _apply_plot_look(self) -> None:
        dark = self.settings.theme == "dark"
        self.plot_area.set_dark(dark)
        apply_plot_theme(self.data_panel.preview, DARK if dark else LIGHT)
        self.plot_area.set_font_points(self.font_size())
        apply_plot_font(self.data_panel.preview, self.font_size())

    def remember_file(self, path: str) -> None:
        """Put ``path`` first in File ▸ Open Recent and open it at the next start."""
        self.settings.add_recent_file(path)
        self.settings.last_experiment = path
        self._fill_recent_menu()

    # ---- window state ------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask about unsaved work, stop training cleanly and remember the window.

        While a training thread is still ending, the window hides and closes by
        itself when the thread is done (see :class:`WindowShutdown`).
        """
        if not self.window_shutdown.confirmed:
            event.ignore()  # until the document agrees: an error on the way keeps the window open
            if not self.document.closing():
                return
            self.window_shutdown.confirmed = True
            self.classroom.presentation.leave()  # the normal layout is the one remembered
            self.classroom.close_tools()
            if self.remember_on_close:
                self.settings.geometry = bytes(self.saveGeometry().data())
                self.settings.window_state = bytes(self.saveState().data())
                self.settings.custom_layout = not self.panel_layout.automatic
                save_settings(self.settings)
        if not self.window_shutdown.ready_to_close():
            event.ignore()
            return
        event.accept()
        self.run.processes.shutdown()  # no training process outlives its window
        super().closeEvent(event)
