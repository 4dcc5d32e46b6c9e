"""The main window's commands and menus, declared once (see :mod:`commands` for the fields).

Titles and tips are marked with ``QT_TRANSLATE_NOOP("Commands", …)`` so that
``tools/update_translations.py`` finds them; :mod:`actions` translates them when
it builds the actions. Order matters: within a menu group, commands appear in the order listed here,
and the keyboard-shortcut help lists them in the same order.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QKeySequence

from playground.gui.shell.commands import AppState, Command, Face, Menu

KEYS = QKeySequence.StandardKey
ROLE = QAction.MenuRole


def can_train(state: AppState) -> bool:
    """Train and the step commands: a valid experiment, or a run to continue."""
    return state.can_train


def run_active(state: AppState) -> bool:
    """Stop: while a run's thread exists (running or paused)."""
    return state.run_active


def running(state: AppState) -> bool:
    """The play toggle reads Pause only while training runs."""
    return state.run_state == "running"


def has_model(state: AppState) -> bool:
    """Reset: once there are weights to forget."""
    return state.has_model


def can_undo(state: AppState) -> bool:
    return state.can_undo


def can_redo(state: AppState) -> bool:
    return state.can_redo


def undo_text(state: AppState) -> str:
    return state.undo_text


def redo_text(state: AppState) -> str:
    return state.redo_text


MENUS: tuple[Menu, ...] = (
    Menu("File", QT_TRANSLATE_NOOP("Commands", "&File"), ("open", "save", "export", "quit")),
    Menu(
        "File/Open Recent",
        QT_TRANSLATE_NOOP("Commands", "Open &Recent"),
        group="open",
        filled_later=True,
    ),
    Menu(
        "File/Export", QT_TRANSLATE_NOOP("Commands", "&Export"), ("model", "plots"), group="export"
    ),
    Menu("Edit", QT_TRANSLATE_NOOP("Commands", "&Edit"), ("undo", "layers")),
    Menu("Run", QT_TRANSLATE_NOOP("Commands", "&Run"), ("run", "speed", "reset")),
    Menu(
        "View",
        QT_TRANSLATE_NOOP("Commands", "&View"),
        ("panels", "layout", "theme", "text", "language", "present"),
    ),
    Menu(
        "View/Language",
        QT_TRANSLATE_NOOP("Commands", "&Language"),
        group="language",
        filled_later=True,
    ),
    Menu("Examples", QT_TRANSLATE_NOOP("Commands", "E&xamples"), filled_later=True),
    Menu("Tools", QT_TRANSLATE_NOOP("Commands", "&Tools")),
    Menu("Help", QT_TRANSLATE_NOOP("Commands", "&Help")),
)

TOOLBAR_GROUPS: tuple[str, ...] = ("run", "reset")

_FILE: tuple[Command, ...] = (
    Command(
        "new", QT_TRANSLATE_NOOP("Commands", "&New"),
        QT_TRANSLATE_NOOP("Commands", "Start a new experiment: a small network on the default data."),
        menu="File", group="open", shortcut=KEYS.New, icon="new",
    ),
    Command(
        "open", QT_TRANSLATE_NOOP("Commands", "&Open…"),
        QT_TRANSLATE_NOOP("Commands", "Open an experiment file."),
        menu="File", group="open", shortcut=KEYS.Open, icon="open",
    ),
    Command(
        "save", QT_TRANSLATE_NOOP("Commands", "&Save"),
        QT_TRANSLATE_NOOP("Commands", "Save the experiment."),
        menu="File", group="save", shortcut=KEYS.Save, icon="save",
    ),
    Command(
        "save_as", QT_TRANSLATE_NOOP("Commands", "Save &As…"),
        QT_TRANSLATE_NOOP("Commands", "Save the experiment under a new name."),
        menu="File", group="save", shortcut=KEYS.SaveAs,
    ),
    Command(
        "export_weights", QT_TRANSLATE_NOOP("Commands", "Trained &Weights…"),
        QT_TRANSLATE_NOOP("Commands", "Save the model's weights as a .safetensors file."),
        menu="File/Export", group="model",
    ),
    Command(
        "export_torchscript", QT_TRANSLATE_NOOP("Commands", "&TorchScript Model…"),
        QT_TRANSLATE_NOOP("Commands", "Save the model as TorchScript to use without this app."),
        menu="File/Export", group="model",
    ),
    Command(
        "export_onnx", QT_TRANSLATE_NOOP("Commands", "&ONNX Model…"),
        QT_TRANSLATE_NOOP("Commands", "Save the model as ONNX for other runtimes and tools."),
        menu="File/Export", group="model",
    ),
    Command(
        "export_script", QT_TRANSLATE_NOOP("Commands", "Training &Script…"),
        QT_TRANSLATE_NOOP("Commands", "Save a Python script that builds and trains this experiment with PyTorch."),
        menu="File/Export", group="model",
    ),
    Command(
        "export_plots", QT_TRANSLATE_NOOP("Commands", "Plots as &PNG…"),
        QT_TRANSLATE_NOOP("Commands", "Save every plot as a PNG picture into a folder."),
        menu="File/Export", group="plots",
    ),
    Command(
        "export_svg", QT_TRANSLATE_NOOP("Commands", "Plots as &SVG…"),
        QT_TRANSLATE_NOOP("Commands", "Save every plot as an SVG drawing into a folder."),
        menu="File/Export", group="plots",
    ),
    Command(
        "export_csv", QT_TRANSLATE_NOOP("Commands", "&Metrics as CSV…"),
        QT_TRANSLATE_NOOP("Commands", "Save the loss and accuracy of every epoch as a table."),
        menu="File/Export", group="plots",
    ),
    Command(
        "quit", QT_TRANSLATE_NOOP("Commands", "&Quit"),
        QT_TRANSLATE_NOOP("Commands", "Close Torch Playground."),
        menu="File", group="quit", shortcut=KEYS.Quit, role=ROLE.QuitRole,
    ),
)  # fmt: skip

_EDIT: tuple[Command, ...] = (
    Command(
        "undo", QT_TRANSLATE_NOOP("Commands", "&Undo"),
        QT_TRANSLATE_NOOP("Commands", "Undo the last change."),
        menu="Edit", group="undo", shortcut=KEYS.Undo, enabled_when=can_undo, detail=undo_text,
    ),
    Command(
        "redo", QT_TRANSLATE_NOOP("Commands", "&Redo"),
        QT_TRANSLATE_NOOP("Commands", "Redo the change just undone."),
        menu="Edit", group="undo", shortcut=KEYS.Redo, enabled_when=can_redo, detail=redo_text,
    ),
    # The layer editor's own actions (its buttons and keys), also reachable from the menu.
    Command(
        "layer_add", QT_TRANSLATE_NOOP("Commands", "&Add Layer…"),
        QT_TRANSLATE_NOOP("Commands", "Find a layer kind to add after the selected layer."),
        menu="Edit", group="layers", adopted=True, own_state=True,
    ),
    Command(
        "layer_duplicate", QT_TRANSLATE_NOOP("Commands", "D&uplicate Layer"),
        QT_TRANSLATE_NOOP("Commands", "Duplicate the selected layer."),
        menu="Edit", group="layers", adopted=True, own_state=True,
    ),
    Command(
        "layer_remove", QT_TRANSLATE_NOOP("Commands", "Re&move Layer"),
        QT_TRANSLATE_NOOP("Commands", "Remove the selected layer."),
        menu="Edit", group="layers", adopted=True, own_state=True,
    ),
    Command(
        "layer_up", QT_TRANSLATE_NOOP("Commands", "Move Layer U&p"),
        QT_TRANSLATE_NOOP("Commands", "Move the selected layer up."),
        menu="Edit", group="layers", adopted=True, own_state=True,
    ),
    Command(
        "layer_down", QT_TRANSLATE_NOOP("Commands", "Move Layer Do&wn"),
        QT_TRANSLATE_NOOP("Commands", "Move the selected layer down."),
        menu="Edit", group="layers", adopted=True, own_state=True,
    ),
)  # fmt: skip

# Space must not fire while the user types a space into a text field; Qt's shortcut
# override lets editable widgets keep their keys, so the default window context is right.
_RUN: tuple[Command, ...] = (
    Command(
        "play", QT_TRANSLATE_NOOP("Commands", "Train"),
        QT_TRANSLATE_NOOP("Commands", "Start or pause training."),
        menu="Run", group="run", shortcut="Space", icon="play", toolbar="run",
        checkable=True, checked=Face(QT_TRANSLATE_NOOP("Commands", "Pause"), QT_TRANSLATE_NOOP("Commands", "Pause training"), "pause"),
        checked_when=running, enabled_when=can_train, explains_problem=True,
    ),
    Command(
        "step_batch", QT_TRANSLATE_NOOP("Commands", "Step batch"),
        QT_TRANSLATE_NOOP("Commands", "Train on one batch, then pause."),
        menu="Run", group="run", shortcut="Ctrl+Right", icon="step-batch", toolbar="run",
        enabled_when=can_train, explains_problem=True,
    ),
    Command(
        "step_epoch", QT_TRANSLATE_NOOP("Commands", "Step epoch"),
        QT_TRANSLATE_NOOP("Commands", "Train to the end of this epoch, then pause."),
        menu="Run", group="run", shortcut="Ctrl+Shift+Right", icon="step-epoch",
        toolbar="run", enabled_when=can_train, explains_problem=True,
    ),
    Command(
        "stop", QT_TRANSLATE_NOOP("Commands", "Stop"),
        QT_TRANSLATE_NOOP("Commands", "End the run (the trained weights stay)."),
        menu="Run", group="run", shortcut="Ctrl+.", icon="stop", toolbar="run",
        enabled_when=run_active,
    ),
    Command(
        "slower", QT_TRANSLATE_NOOP("Commands", "Slo&wer"),
        QT_TRANSLATE_NOOP("Commands", "Train fewer steps per second, to watch each one."),
        menu="Run", group="speed", shortcut="Ctrl+[",
    ),
    Command(
        "faster", QT_TRANSLATE_NOOP("Commands", "&Faster"),
        QT_TRANSLATE_NOOP("Commands", "Train more steps per second, up to full speed."),
        menu="Run", group="speed", shortcut="Ctrl+]",
    ),
    Command(
        "reset", QT_TRANSLATE_NOOP("Commands", "Reset"),
        QT_TRANSLATE_NOOP("Commands", "Forget the training and start again from the first weights."),
        menu="Run", group="reset", shortcut="Ctrl+R", icon="reset", toolbar="reset",
        enabled_when=has_model,
    ),
)  # fmt: skip

# The panels' show/hide toggles are the docks' own actions (they know about tabbed
# docks); the table gives them their words and place.
_VIEW: tuple[Command, ...] = (
    Command(
        "panel_data", QT_TRANSLATE_NOOP("Commands", "Data"),
        QT_TRANSLATE_NOOP("Commands", "Show or hide the data panel."),
        menu="View", group="panels", adopted=True,
    ),
    Command(
        "panel_model", QT_TRANSLATE_NOOP("Commands", "Model"),
        QT_TRANSLATE_NOOP("Commands", "Show or hide the layer editor."),
        menu="View", group="panels", adopted=True,
    ),
    Command(
        "panel_network", QT_TRANSLATE_NOOP("Commands", "Network"),
        QT_TRANSLATE_NOOP("Commands", "Show or hide the network diagram."),
        menu="View", group="panels", adopted=True,
    ),
    Command(
        "panel_training", QT_TRANSLATE_NOOP("Commands", "Training"),
        QT_TRANSLATE_NOOP("Commands", "Show or hide the training settings."),
        menu="View", group="panels", adopted=True,
    ),
    Command(
        "panel_runs", QT_TRANSLATE_NOOP("Commands", "Runs"),
        QT_TRANSLATE_NOOP("Commands", "Show or hide the list of finished runs."),
        menu="View", group="panels", adopted=True,
    ),
    Command(
        "panel_lesson", QT_TRANSLATE_NOOP("Commands", "Lesson"),
        QT_TRANSLATE_NOOP("Commands", "Show or hide the lesson panel."),
        menu="View", group="panels", adopted=True,
    ),
    Command(
        "panel_numbers", QT_TRANSLATE_NOOP("Commands", "Log and parameters"),
        QT_TRANSLATE_NOOP("Commands", "Show or hide the training log and the parameter table."),
        menu="View", group="panels", adopted=True,
    ),
    Command(
        "reset_layout", QT_TRANSLATE_NOOP("Commands", "&Reset Layout"),
        QT_TRANSLATE_NOOP("Commands", "Put the panels back in their usual places; wide windows show them side by side."),
        menu="View", group="layout",
    ),
    Command(
        "dark_theme", QT_TRANSLATE_NOOP("Commands", "&Dark Theme"),
        QT_TRANSLATE_NOOP("Commands", "Switch between light and dark colours."),
        menu="View", group="theme", shortcut="Ctrl+Shift+D", checkable=True,
    ),
    Command(
        "font_bigger", QT_TRANSLATE_NOOP("Commands", "&Bigger Text"),
        QT_TRANSLATE_NOOP("Commands", "Make all text larger."),
        menu="View", group="text", shortcut=KEYS.ZoomIn,
    ),
    Command(
        "font_smaller", QT_TRANSLATE_NOOP("Commands", "&Smaller Text"),
        QT_TRANSLATE_NOOP("Commands", "Make all text smaller."),
        menu="View", group="text", shortcut=KEYS.ZoomOut,
    ),
    Command(
        "font_reset", QT_TRANSLATE_NOOP("Commands", "&Normal Text Size"),
        QT_TRANSLATE_NOOP("Commands", "Return to the normal text size."),
        menu="View", group="text", shortcut="Ctrl+0",
    ),
    Command(
        "presentation", QT_TRANSLATE_NOOP("Commands", "&Presentation"),
        QT_TRANSLATE_NOOP("Commands", "Full screen with large text, for showing a class; press again to leave."),
        menu="View", group="present", shortcut=KEYS.FullScreen, checkable=True,
    ),
)  # fmt: skip

_TOOLS: tuple[Command, ...] = (
    Command(
        "lab", QT_TRANSLATE_NOOP("Commands", "&Autograd Lab"),
        QT_TRANSLATE_NOOP("Commands", "Write a few tensor lines and see the graph torch builds and its gradients."),
        menu="Tools", shortcut="Ctrl+L",
    ),
    Command(
        "landscape", QT_TRANSLATE_NOOP("Commands", "Loss &Landscape"),
        QT_TRANSLATE_NOOP("Commands", "See the loss over the model's weights and how optimizers walk on it."),
        menu="Tools",
    ),
)  # fmt: skip

_HELP: tuple[Command, ...] = (
    Command(
        "lessons", QT_TRANSLATE_NOOP("Commands", "&Lessons…"),
        QT_TRANSLATE_NOOP("Commands", "Open a lesson that walks through the course."),
        menu="Help",
    ),
    Command(
        "shortcuts", QT_TRANSLATE_NOOP("Commands", "&Keyboard Shortcuts"),
        QT_TRANSLATE_NOOP("Commands", "List every keyboard shortcut."),
        menu="Help", shortcut=KEYS.HelpContents,
    ),
    Command(
        "about", QT_TRANSLATE_NOOP("Commands", "&About Torch Playground"),
        QT_TRANSLATE_NOOP("Commands", "Version and credits."),
        menu="Help", role=ROLE.AboutRole,
    ),
)  # fmt: skip

COMMANDS: tuple[Command, ...] = (*_FILE, *_EDIT, *_RUN, *_VIEW, *_TOOLS, *_HELP)

# The order of the Help ▸ Keyboard Shortcuts table: training first, it is used most.
SHORTCUT_ORDER: tuple[str, ...] = (
    "play", "step_batch", "step_epoch", "stop", "slower", "faster", "reset", "new", "open", "save",
    "save_as", "undo", "redo", "layer_add", "layer_duplicate", "layer_remove", "layer_up", "layer_down",
    "dark_theme", "font_bigger", "font_smaller", "font_reset", "presentation", "lab", "shortcuts",
    "quit",
)  # fmt: skip
