"""The experiment model: the one owner of the open experiment and of the document's undo stack.

Panels do not hold pieces of the experiment. They read it from here, send
every edit here as an undoable command, and redraw when :attr:`changed`
names their section (napari's EventedModel plays this part for its layer
controls; in Qt's undo-framework example the window owns the one stack).
The experiment is immutable: an edit replaces it with a copy.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from playground.core.messages.texts import text
from playground.core.spec.experiment import Experiment, LayerSpec, ModelSpec
from playground.core.spec.options import INIT_TABLE, SECTION_FIELDS
from playground.gui.document.experiment_commands import (
    EditExperimentCommand,
    changed_sections,
    with_setting,
)

UNTITLED = "Untitled"


class ExperimentModel(QObject):
    """Holds the current :class:`Experiment` and the undo stack every edit goes through.

    Signals: ``changed(section)`` once per changed section (``data``, ``model``,
    ``init``, ``loss``, ``optimizer``, ``schedule``, ``training``, ``name``) after an edit,
    an undo or a redo; ``replaced()`` when a new experiment is opened (the undo
    history starts afresh, and every panel shows everything again).
    """

    changed = Signal(str)
    replaced = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._experiment = Experiment(name=UNTITLED)
        self._opened: Experiment | None = self._experiment
        self._stack = QUndoStack(self)

    @property
    def experiment(self) -> Experiment:
        """The experiment as it stands now (read it; change it through the edit methods)."""
        return self._experiment

    @property
    def undo_stack(self) -> QUndoStack:
        """The document's single undo stack (Edit ▸ Undo and Redo act on it)."""
        return self._stack

    # ---- whole experiments ----------------------------------------------------------

    def load(self, experiment: Experiment, *, opened: bool = True) -> None:
        """Show a new experiment: forget the undo history and tell every panel.

        ``opened`` says it is what a file or example holds (its name stays the
        document's name until the user edits it); an experiment restored from
        an autosave is already edited.
        """
        self._stack.clear()
        self._experiment = experiment
        self._opened = experiment if opened else None
        self.replaced.emit()

    def mark_saved(self) -> None:
        """The experiment as it stands was saved: it is the document's reference again."""
        self._opened = self._experiment

    def title(self) -> str:
        """The document's name before it has a file.

        An example keeps its name while it is unchanged; once edited it becomes
        ``<name> (changed)``, so the question "Save the changes to …?" never
        names an example the user has since turned into something else.
        """
        name = self._experiment.name or UNTITLED
        if name == UNTITLED:
            return self.tr("Untitled")
        if self._experiment == self._opened:
            return name
        return self.tr("{name} (changed)").format(name=name)

    # ---- edits (each one undo step) --------------------------------------------------

    def edit(self, after: Experiment, text: str) -> None:
        """Replace the experiment with ``after`` as one undoable step named ``text``.

        Consecutive edits of the same numeric setting merge into one step, so
        typing 0.05 into a spin box, or spinning it, is undone at once.
        """
        if after == self._experiment:
            return
        self._stack.push(EditExperimentCommand(self, self._experiment, after, text))

    def set_setting(self, section: str, name: str, value: Any) -> None:
        """Change one setting of ``optimizer``, ``schedule`` or ``training`` (undoable).

        ``name`` is the option table's name (``beta1`` is the first of the betas).
        """
        after = with_setting(self._experiment, section, name, value)
        option = SECTION_FIELDS.get(section, {}).get(name)
        setting = text(option.title).lower() if option else name.replace("_", " ")
        self.edit(after, self.tr("Change {setting}").format(setting=setting))

    def set_kind(self, section: str, kind: str) -> None:
        """Choose another optimizer or schedule; its settings stay as they are."""
        part = getattr(self._experiment, section).model_copy(update={"kind": kind})
        words = (
            self.tr("Choose optimizer {kind}")
            if section == "optimizer"
            else self.tr("Choose schedule {kind}")
        )
        self.edit(self._experiment.model_copy(update={section: part}), words.format(kind=kind))

    def set_loss(self, loss: str) -> None:
        """Choose another loss (undoable)."""
        self.edit(
            self._experiment.model_copy(update={"loss": loss}),
            self.tr("Choose loss {loss}").format(loss=loss),
        )

    def set_init(self, init: str) -> None:
        """Choose how the weights start (undoable); the next run draws them this way."""
        model = ModelSpec.model_validate({**self._experiment.model.model_dump(), "init": init})
        self.edit(
            self._experiment.model_copy(update={"model": model}),
            self.tr("Start the weights as {init}").format(init=text(INIT_TABLE[init].title)),
        )

    def set_device(self, device: str) -> None:
        """Choose the device runs train on (undoable)."""
        self.set_setting("training", "device", device)

    # ---- for the commands on the stack ----------------------------------------------

    def apply(self, experiment: Experiment) -> None:
        """Show ``experiment`` without a new undo step (commands call this on redo and undo)."""
        before, self._experiment = self._experiment, experiment
        for section in changed_sections(before, experiment):
            self.changed.emit(section)

    def apply_layers(self, layers: list[LayerSpec]) -> None:
        """Take the layer editor's stack after one of its own undo commands ran.

        Layer edits are commands on this model's stack too (see
        :class:`~playground.gui.editor.layer_editor.LayerEditor`); this only
        brings their result into the experiment.
        """
        if layers != self._experiment.model.layers:
            copies = [layer.model_copy(deep=True) for layer in layers]
            model = self._experiment.model.model_copy(update={"layers": copies})
            self.apply(self._experiment.model_copy(update={"model": model}))
