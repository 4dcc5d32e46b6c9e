"""What a command of the main window is: title, keys, icon, place and when it applies.

Menus, the toolbar, the keyboard-shortcut help and a lesson that hides or
locks a command all read one table of these (app-model's declared actions, in
napari's words), so a command has one title, one shortcut and one rule for
when it is enabled. :mod:`playground.gui.shell.actions` builds the QActions
from it; nothing else creates a menu entry or a toolbar button.

The declarations themselves are in :mod:`command_table`; titles and tips are
written in English there and translated in one place, when the actions are
built (context ``"Commands"``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence

from playground.core.training.snapshot import RunState

Shortcut = QKeySequence.StandardKey | str
_ROLE = QAction.MenuRole


@dataclass(frozen=True)
class AppState:
    """What decides which commands apply: the run, the experiment's validity, the undo stack."""

    run_state: RunState = "idle"
    run_active: bool = False  # a run's thread exists (running or paused)
    experiment_valid: bool = False
    has_model: bool = False  # a model with weights exists (trained, restored or paused)
    can_undo: bool = False
    can_redo: bool = False
    undo_text: str = ""  # what Undo would undo, e.g. "Change data to iris"
    redo_text: str = ""
    problem: str = ""  # why training cannot start, in words (empty when it can)

    @property
    def can_train(self) -> bool:
        """A run can start (the experiment is valid) or continue (one is going)."""
        return self.experiment_valid or self.run_active


def always(_state: AppState) -> bool:
    """For commands that apply at all times."""
    return True


@dataclass(frozen=True)
class Face:
    """How a checkable command reads while it is checked (Train turns into Pause)."""

    title: str
    tip: str
    icon: str | None = None


@dataclass(frozen=True)
class Command:
    """One command: what it says, where it sits and when it applies.

    ``id`` names it for the window, for lessons (hide or lock it) and as the
    attribute of the built actions (``actions.play``). ``menu`` is a menu
    path ("" for none) and ``group`` one of that menu's groups (separators
    fall between groups); ``toolbar`` is a toolbar group ("" for none). ``adopted`` commands get their
    QAction from elsewhere (a dock's own show/hide toggle) and only their
    words and place from here; ``own_state`` ones (the layer editor's, shared
    with its buttons) also keep their enabled state and keys. ``detail`` adds a state-dependent word to the
    title (what Undo would undo).
    """

    id: str
    title: str
    tip: str
    menu: str = ""
    group: str = ""
    shortcut: Shortcut | None = None
    icon: str | None = None
    toolbar: str = ""
    checkable: bool = False
    checked: Face | None = None
    checked_when: Callable[[AppState], bool] | None = None
    enabled_when: Callable[[AppState], bool] = always
    explains_problem: bool = False  # while disabled, its status tip says why
    detail: Callable[[AppState], str] | None = None
    role: QAction.MenuRole = _ROLE.NoRole
    adopted: bool = False
    own_state: bool = False  # adopted: its owner enables it (e.g. only with a layer selected)


@dataclass(frozen=True)
class Menu:
    """A menu or submenu: ``path`` "File/Export" sits in "File", in that menu's ``group``."""

    path: str
    title: str
    groups: tuple[str, ...] = ("",)
    group: str = ""  # the group of the parent menu it sits in
    filled_later: bool = False  # its entries are files or examples, filled by the window

    @property
    def parent(self) -> str:
        return self.path.rpartition("/")[0]
