"""Every command of the main window as a QAction, plus the menus and the toolbar.

Keeping the actions in one place gives each command one shortcut, one icon
and one enabled state, whether it is reached from a menu, the toolbar or the
keyboard. The window connects them; this module only builds them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QIcon,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
    QUndoStack,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar, QWidget

from playground.core.resources import resource_path
from playground.core.spec.presets import list_presets


def icon(name: str, fallback: QStyle.StandardPixmap, widget: QWidget) -> QIcon:
    """An icon from resources/icons drawn in the palette's text colour.

    The SVG files use ``currentColor``; tinting them here keeps the toolbar
    readable on both themes. A Qt standard icon stands in when a file is missing.
    """
    path = resource_path("icons", f"{name}.svg")
    if not path.is_file():
        return widget.style().standardIcon(fallback)
    colour = widget.palette().color(QPalette.ColorRole.WindowText).name()
    svg = path.read_text(encoding="utf-8").replace("currentColor", colour).encode("utf-8")
    renderer = QSvgRenderer(QByteArray(svg))
    result = QIcon()
    for size in (16, 22, 32, 44, 64):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result


def _action(
    parent: QWidget,
    text: str,
    tip: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
) -> QAction:
    action = QAction(text, parent)
    action.setStatusTip(tip)
    action.setToolTip(tip)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        if action.shortcut().toString():
            native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({native})")
    return action


@dataclass
class WindowActions:
    """The main window's QActions, grouped by menu."""

    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    export_plots: QAction
    export_svg: QAction
    export_csv: QAction
    export_weights: QAction
    export_torchscript: QAction
    export_onnx: QAction
    export_script: QAction
    quit: QAction
    play: QAction
    step_batch: QAction
    step_epoch: QAction
    stop: QAction
    reset: QAction
    dark_theme: QAction
    font_bigger: QAction
    font_smaller: QAction
    font_reset: QAction
    presentation: QAction
    lessons: QAction
    lab: QAction
    shortcuts: QAction
    about: QAction
    recent_menu: QMenu = field(init=False)
    examples_menu: QMenu = field(init=False)


def create_actions(window: QWidget) -> WindowActions:
    """Build every action of the main window (not yet connected)."""
    keys = QKeySequence.StandardKey
    actions = WindowActions(
        new=_action(window, "&New", "Start a new experiment from the defaults.", keys.New),
        open=_action(window, "&Open…", "Open an experiment file.", keys.Open),
        save=_action(window, "&Save", "Save the experiment.", keys.Save),
        save_as=_action(window, "Save &As…", "Save the experiment under a new name.", keys.SaveAs),
        export_plots=_action(
            window, "Plots as &PNG…", "Save every plot as a PNG picture into a folder."
        ),
        export_svg=_action(
            window, "Plots as &SVG…", "Save every plot as an SVG drawing into a folder."
        ),
        export_csv=_action(
            window, "&Metrics as CSV…", "Save the loss and accuracy of every epoch as a table."
        ),
        export_weights=_action(
            window, "Trained &Weights…", "Save the model's weights as a .safetensors file."
        ),
        export_torchscript=_action(
            window, "&TorchScript Model…", "Save the model as TorchScript to use without this app."
        ),
        export_onnx=_action(
            window, "&ONNX Model…", "Save the model as ONNX for other runtimes and tools."
        ),
        export_script=_action(
            window,
            "Training &Script…",
            "Save a Python script that builds and trains this experiment with PyTorch.",
        ),
        quit=_action(window, "&Quit", "Close Torch Playground.", keys.Quit),
        play=_action(window, "Train", "Start or pause training.", "Space"),
        step_batch=_action(window, "Step batch", "Train on one batch, then pause.", "Ctrl+Right"),
        step_epoch=_action(
            window, "Step epoch", "Train to the end of this epoch, then pause.", "Ctrl+Shift+Right"
        ),
        stop=_action(window, "Stop", "End the run (the trained weights stay).", "Ctrl+."),
        reset=_action(
            window, "Reset", "Forget the training and start again from the first weights.", "Ctrl+R"
        ),
        dark_theme=_action(
            window, "&Dark Theme", "Switch between light and dark colours.", "Ctrl+Shift+D"
        ),
        font_bigger=_action(window, "&Bigger Text", "Make all text larger.", keys.ZoomIn),
        font_smaller=_action(window, "&Smaller Text", "Make all text smaller.", keys.ZoomOut),
        font_reset=_action(
            window, "&Normal Text Size", "Return to the normal text size.", "Ctrl+0"
        ),
        presentation=_action(
            window,
            "&Presentation",
            "Full screen with large text, for showing a class; press again to leave.",
            keys.FullScreen,
        ),
        lessons=_action(window, "&Lessons…", "Open a lesson that walks through the course."),
        lab=_action(
            window,
            "&Autograd Lab",
            "Write a few tensor lines and see the graph torch builds and its gradients.",
            "Ctrl+L",
        ),
        shortcuts=_action(
            window, "&Keyboard Shortcuts", "List every keyboard shortcut.", keys.HelpContents
        ),
        about=_action(window, "&About Torch Playground", "Version and credits."),
    )
    actions.play.setCheckable(True)
    refresh_icons(actions, window)
    actions.dark_theme.setCheckable(True)
    actions.presentation.setCheckable(True)
    actions.quit.setMenuRole(QAction.MenuRole.QuitRole)
    actions.about.setMenuRole(QAction.MenuRole.AboutRole)
    # Space must not fire while the user types a space into a text field; Qt's
    # shortcut override lets editable widgets keep their keys, so the window
    # context is right here.
    actions.play.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    return actions


def refresh_icons(actions: WindowActions, window: QWidget) -> None:
    """Draw the icons again in the current palette's colours (after a theme change)."""
    sp = QStyle.StandardPixmap
    actions.new.setIcon(icon("new", sp.SP_FileIcon, window))
    actions.open.setIcon(icon("open", sp.SP_DialogOpenButton, window))
    actions.save.setIcon(icon("save", sp.SP_DialogSaveButton, window))
    actions.step_batch.setIcon(icon("step-batch", sp.SP_MediaSkipForward, window))
    actions.step_epoch.setIcon(icon("step-epoch", sp.SP_MediaSeekForward, window))
    actions.stop.setIcon(icon("stop", sp.SP_MediaStop, window))
    actions.reset.setIcon(icon("reset", sp.SP_BrowserReload, window))
    set_playing(actions, actions.play.isChecked(), window)


def set_playing(actions: WindowActions, playing: bool, window: QWidget) -> None:
    """Show the play/pause toggle as ``Pause`` while training and ``Train`` otherwise."""
    sp = QStyle.StandardPixmap
    actions.play.setChecked(playing)
    if playing:
        actions.play.setText("Pause")
        actions.play.setIcon(icon("pause", sp.SP_MediaPause, window))
        actions.play.setToolTip("Pause training (Space)")
    else:
        actions.play.setText("Train")
        actions.play.setIcon(icon("play", sp.SP_MediaPlay, window))
        actions.play.setToolTip("Start or continue training (Space)")


def build_menus(
    window: QMainWindow,
    actions: WindowActions,
    undo: QAction,
    redo: QAction,
    panel_toggles: list[QAction],
) -> None:
    """Create the menu bar: File, Edit, Run, View, Examples, Help."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([actions.new, actions.open])
    actions.recent_menu = file_menu.addMenu("Open &Recent")
    file_menu.addSeparator()
    file_menu.addActions([actions.save, actions.save_as])
    file_menu.addSeparator()
    export_menu = file_menu.addMenu("&Export")
    export_menu.setToolTipsVisible(True)
    export_menu.addActions(
        [
            actions.export_weights,
            actions.export_torchscript,
            actions.export_onnx,
            actions.export_script,
        ]
    )
    export_menu.addSeparator()
    export_menu.addActions([actions.export_plots, actions.export_svg, actions.export_csv])
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)

    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([undo, redo])

    run_menu = bar.addMenu("&Run")
    run_menu.addActions([actions.play, actions.step_batch, actions.step_epoch, actions.stop])
    run_menu.addSeparator()
    run_menu.addAction(actions.reset)

    view_menu = bar.addMenu("&View")
    view_menu.addActions(panel_toggles)
    view_menu.addSeparator()
    view_menu.addAction(actions.dark_theme)
    view_menu.addSeparator()
    view_menu.addActions([actions.font_bigger, actions.font_smaller, actions.font_reset])
    view_menu.addSeparator()
    view_menu.addAction(actions.presentation)

    actions.examples_menu = bar.addMenu("E&xamples")

    tools_menu = bar.addMenu("&Tools")
    tools_menu.addAction(actions.lab)

    help_menu = bar.addMenu("&Help")
    help_menu.addActions([actions.lessons, actions.shortcuts, actions.about])


def build_toolbar(window: QMainWindow, actions: WindowActions) -> QToolBar:
    """The run toolbar: train/pause, step batch, step epoch, stop, reset."""
    toolbar = QToolBar("Run", window)
    toolbar.setObjectName("runToolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(22, 22))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions([actions.play, actions.step_batch, actions.step_epoch, actions.stop])
    toolbar.addSeparator()
    toolbar.addAction(actions.reset)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    return toolbar


def shortcut_rows(actions: WindowActions, undo: QAction, redo: QAction) -> list[tuple[str, str]]:
    """(shortcut, what it does) for the Help ▸ Keyboard Shortcuts dialog."""
    rows = []
    for action in (
        actions.play,
        actions.step_batch,
        actions.step_epoch,
        actions.stop,
        actions.reset,
        actions.new,
        actions.open,
        actions.save,
        actions.save_as,
        undo,
        redo,
        actions.dark_theme,
        actions.font_bigger,
        actions.font_smaller,
        actions.font_reset,
        actions.presentation,
        actions.lab,
        actions.shortcuts,
        actions.quit,
    ):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            rows.append((keys, action.statusTip()))
    return rows


def fill_examples_menu(menu: QMenu, open_preset: Callable[[str], object]) -> None:
    """One entry per shipped example, its description as tooltip."""
    menu.clear()
    for preset in list_presets():
        action = menu.addAction(preset.title)
        action.setToolTip(preset.description)
        action.setStatusTip(preset.description)
        action.triggered.connect(lambda _checked=False, n=preset.name: open_preset(n))
    menu.setToolTipsVisible(True)


def fill_recent_menu(menu: QMenu, paths: list[str], open_path: Callable[[str], object]) -> None:
    """One entry per recently used file (the full path as tooltip)."""
    menu.clear()
    for path in paths:
        action = menu.addAction(Path(path).name)
        action.setToolTip(path)
        action.triggered.connect(lambda _checked=False, p=path: open_path(p))
    menu.setToolTipsVisible(True)
    menu.setEnabled(bool(paths))


def undo_actions(stack: QUndoStack, window: QWidget) -> tuple[QAction, QAction]:
    """Edit ▸ Undo and Redo on ``stack``, with the platform's standard shortcuts."""
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    return undo, redo
