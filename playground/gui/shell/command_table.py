"""The main window's commands and menus, declared once (see :mod:`commands` for the fields).

Order matters: within a menu group, commands appear in the order listed here,
and the keyboard-shortcut help lists them in the same order.
"""

from __future__ import annotations

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
    Menu("File", "&File", ("open", "save", "export", "quit")),
    Menu("File/Open Recent", "Open &Recent", group="open", filled_later=True),
    Menu("File/Export", "&Export", ("model", "plots"), group="export"),
    Menu("Edit", "&Edit", ("undo", "layers")),
    Menu("Run", "&Run", ("run", "speed", "reset")),
    Menu("View", "&View", ("panels", "layout", "theme", "text", "present")),
    Menu("Examples", "E&xamples", filled_later=True),
    Menu("Tools", "&Tools"),
    Menu("Help", "&Help"),
)

TOOLBAR_GROUPS: tuple[str, ...] = ("run", "reset")

_FILE: tuple[Command, ...] = (
    Command(
        "new", "&New", "Start a new experiment: a small network on the default data.",
        menu="File", group="open", shortcut=KEYS.New, icon="new",
    ),
    Command(
        "open", "&Open…", "Open an experiment file.",
        menu="File", group="open", shortcut=KEYS.Open, icon="open",
    ),
    Command(
        "save", "&Save", "Save the experiment.",
        menu="File", group="save", shortcut=KEYS.Save, icon="save",
    ),
    Command(
        "save_as", "Save &As…", "Save the experiment under a new name.",
        menu="File", group="save", shortcut=KEYS.SaveAs,
    ),
    Command(
        "export_weights", "Trained &Weights…", "Save the model's weights as a .safetensors file.",
        menu="File/Export", group="model",
    ),
    Command(
        "export_torchscript", "&TorchScript Model…",
        "Save the model as TorchScript to use without this app.",
        menu="File/Export", group="model",
    ),
    Command(
        "export_onnx", "&ONNX Model…", "Save the model as ONNX for other runtimes and tools.",
        menu="File/Export", group="model",
    ),
    Command(
        "export_script", "Training &Script…",
        "Save a Python script that builds and trains this experiment with PyTorch.",
        menu="File/Export", group="model",
    ),
    Command(
        "export_plots", "Plots as &PNG…", "Save every plot as a PNG picture into a folder.",
        menu="File/Export", group="plots",
    ),
    Command(
        "export_svg", "Plots as &SVG…", "Save every plot as an SVG drawing into a folder.",
        menu="File/Export", group="plots",
    ),
    Command(
        "export_csv", "&Metrics as CSV…", "Save the loss and accuracy of every epoch as a table.",
        menu="File/Export", group="plots",
    ),
    Command(
        "quit", "&Quit", "Close Torch Playground.",
        menu="File", group="quit", shortcut=KEYS.Quit, role=ROLE.QuitRole,
    ),
)  # fmt: skip

_EDIT: tuple[Command, ...] = (
    Command(
        "undo", "&Undo", "Undo the last change.",
        menu="Edit", group="undo", shortcut=KEYS.Undo, enabled_when=can_undo, detail=undo_text,
    ),
    Command(
        "redo", "&Redo", "Redo the change just undone.",
        menu="Edit", group="undo", shortcut=KEYS.Redo, enabled_when=can_redo, detail=redo_text,
    ),
    # The layer editor's own actions (its buttons and keys), also reachable from the menu.
    Command(
        "layer_add", "&Add Layer…", "Find a layer kind to add after the selected layer.",
        menu="Edit", group="layers", adopted=True, own_state=True,
    ),
    Command(
        "layer_duplicate", "D&uplicate Layer", "Duplicate the selected layer.",
        menu="Edit", group="layers", adopted=True, own_state=True,
    ),
    Command(
        "layer_remove", "Re&move Layer", "Remove the selected layer.",
        menu="Edit", group="layers", adopted=True, own_state=True,
    ),
    Command(
        "layer_up", "Move Layer U&p", "Move the selected layer up.",
        menu="Edit", group="layers", adopted=True, own_state=True,
    ),
    Command(
        "layer_down", "Move Layer Do&wn", "Move the selected layer down.",
        menu="Edit", group="layers", adopted=True, own_state=True,
    ),
)  # fmt: skip

# Space must not fire while the user types a space into a text field; Qt's shortcut
# override lets editable widgets keep their keys, so the default window context is right.
_RUN: tuple[Command, ...] = (
    Command(
        "play", "Train", "Start or pause training.",
        menu="Run", group="run", shortcut="Space", icon="play", toolbar="run",
        checkable=True, checked=Face("Pause", "Pause training", "pause"),
        checked_when=running, enabled_when=can_train, explains_problem=True,
    ),
    Command(
        "step_batch", "Step batch", "Train on one batch, then pause.",
        menu="Run", group="run", shortcut="Ctrl+Right", icon="step-batch", toolbar="run",
        enabled_when=can_train, explains_problem=True,
    ),
    Command(
        "step_epoch", "Step epoch", "Train to the end of this epoch, then pause.",
        menu="Run", group="run", shortcut="Ctrl+Shift+Right", icon="step-epoch",
        toolbar="run", enabled_when=can_train, explains_problem=True,
    ),
    Command(
        "stop", "Stop", "End the run (the trained weights stay).",
        menu="Run", group="run", shortcut="Ctrl+.", icon="stop", toolbar="run",
        enabled_when=run_active,
    ),
    Command(
        "slower", "Slo&wer", "Train fewer steps per second, to watch each one.",
        menu="Run", group="speed", shortcut="Ctrl+[",
    ),
    Command(
        "faster", "&Faster", "Train more steps per second, up to full speed.",
        menu="Run", group="speed", shortcut="Ctrl+]",
    ),
    Command(
        "reset", "Reset", "Forget the training and start again from the first weights.",
        menu="Run", group="reset", shortcut="Ctrl+R", icon="reset", toolbar="reset",
        enabled_when=has_model,
    ),
)  # fmt: skip

# The panels' show/hide toggles are the docks' own actions (they know about tabbed
# docks); the table gives them their words and place.
_VIEW: tuple[Command, ...] = (
    Command(
        "panel_data", "Data", "Show or hide the data panel.",
        menu="View", group="panels", adopted=True,
    ),
    Command(
        "panel_model", "Model", "Show or hide the layer editor.",
        menu="View", group="panels", adopted=True,
    ),
    Command(
        "panel_network", "Network", "Show or hide the network diagram.",
        menu="View", group="panels", adopted=True,
    ),
    Command(
        "panel_training", "Training", "Show or hide the training settings.",
        menu="View", group="panels", adopted=True,
    ),
    Command(
        "panel_runs", "Runs", "Show or hide the list of finished runs.",
        menu="View", group="panels", adopted=True,
    ),
    Command(
        "panel_lesson", "Lesson", "Show or hide the lesson panel.",
        menu="View", group="panels", adopted=True,
    ),
    Command(
        "panel_numbers", "Log and parameters",
        "Show or hide the training log and the parameter table.",
        menu="View", group="panels", adopted=True,
    ),
    Command(
        "reset_layout", "&Reset Layout",
        "Put the panels back in their usual places; wide windows show them side by side.",
        menu="View", group="layout",
    ),
    Command(
        "dark_theme", "&Dark Theme", "Switch between light and dark colours.",
        menu="View", group="theme", shortcut="Ctrl+Shift+D", checkable=True,
    ),
    Command(
        "font_bigger", "&Bigger Text", "Make all text larger.",
        menu="View", group="text", shortcut=KEYS.ZoomIn,
    ),
    Command(
        "font_smaller", "&Smaller Text", "Make all text smaller.",
        menu="View", group="text", shortcut=KEYS.ZoomOut,
    ),
    Command(
        "font_reset", "&Normal Text Size", "Return to the normal text size.",
        menu="View", group="text", shortcut="Ctrl+0",
    ),
    Command(
        "presentation", "&Presentation",
        "Full screen with large text, for showing a class; press again to leave.",
        menu="View", group="present", shortcut=KEYS.FullScreen, checkable=True,
    ),
)  # fmt: skip

_TOOLS: tuple[Command, ...] = (
    Command(
        "lab", "&Autograd Lab",
        "Write a few tensor lines and see the graph torch builds and its gradients.",
        menu="Tools", shortcut="Ctrl+L",
    ),
    Command(
        "landscape", "Loss &Landscape",
        "See the loss over the model's weights and how optimizers walk on it.",
        menu="Tools",
    ),
)  # fmt: skip

_HELP: tuple[Command, ...] = (
    Command(
        "lessons", "&Lessons…", "Open a lesson that walks through the course.",
        menu="Help",
    ),
    Command(
        "shortcuts", "&Keyboard Shortcuts", "List every keyboard shortcut.",
        menu="Help", shortcut=KEYS.HelpContents,
    ),
    Command(
        "about", "&About Torch Playground", "Version and credits.",
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
