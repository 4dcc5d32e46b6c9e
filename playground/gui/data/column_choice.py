"""Which columns of a table are the inputs and which the targets, and what the task is.

Both ways of bringing a table (a CSV file, a table typed or pasted in the app)
end in the same choice, so it is one widget. It also says what a user may
miss: a numeric target that holds only a few whole numbers (iris's 0, 1, 2)
is set to classification, and the note says so and how to choose otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from playground.core.data import CsvPreview
from playground.gui.data.wording import filled


class ColumnChoice(QWidget):
    """Input columns (ticked), the target and further targets, the task and standardisation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preview: CsvPreview | None = None
        self._suggested = False  # whether the task shown was set from the table, not the user
        self.features = QListWidget()
        self.features.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 8)
        self.features.setToolTip(self.tr("Tick the columns the network gets as inputs."))
        self.target = QComboBox()
        self.target.setToolTip(self.tr("The column the network learns to predict."))
        self.extra_targets = QListWidget()
        self.extra_targets.setToolTip(
            self.tr("Tick more columns to predict several numbers at once (regression).")
        )
        self.extra_targets.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 8)
        self.extra_targets.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 8)
        self.task = QComboBox()
        for key, title in (
            ("auto", self.tr("Decide from the target column")),
            ("classification", self.tr("Classification (predict a class)")),
            ("regression", self.tr("Regression (predict numbers)")),
        ):
            self.task.addItem(title, key)
        self.task_note = QLabel()
        self.task_note.setObjectName("hintLabel")
        self.task_note.setWordWrap(True)
        self.task_note.setVisible(False)
        self.standardize = QCheckBox(self.tr("Standardise inputs (mean 0, spread 1)"))
        self.standardize.setChecked(True)
        self.standardize.setToolTip(self.tr("Usually helps training: inputs get similar scales."))

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # What is predicted and how first: the task and its note stay in view.
        form.addRow(self.tr("Target"), self.target)
        form.addRow(self.tr("Task"), self.task)
        form.addRow("", self.task_note)
        form.addRow(self.tr("Inputs"), self.features)
        form.addRow(self.tr("Also predict"), self.extra_targets)
        form.addRow("", self.standardize)

        self.target.currentIndexChanged.connect(self._on_target_changed)
        self.extra_targets.itemChanged.connect(lambda _item: self._note_task())
        self.task.currentIndexChanged.connect(lambda _index: self._note_task())
        self.task.activated.connect(self._on_task_chosen)

    def set_preview(
        self,
        preview: CsvPreview | None,
        features: list[str] | None = None,
        targets: list[str] | None = None,
    ) -> None:
        """Offer the columns of ``preview``; by default the last column is the target.

        Without a choice, every other numeric column is an input.
        """
        self._preview = preview
        columns = list(preview.header) if preview is not None else []
        if targets is None:
            targets = columns[-1:]
        if features is None and preview is not None:
            features = [
                name
                for name, kind in zip(columns, preview.column_types, strict=False)
                if kind == "numeric" and name not in targets
            ]
        chosen = set(features or [])
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItems(columns)
        self.target.setCurrentIndex(max(self.target.findText(targets[0] if targets else ""), 0))
        self.target.blockSignals(False)
        for widget, ticked in ((self.features, chosen), (self.extra_targets, set(targets[1:]))):
            widget.blockSignals(True)
            widget.clear()
            for name in columns:
                item = QListWidgetItem(name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if name in ticked else Qt.CheckState.Unchecked
                )
                widget.addItem(item)
            widget.blockSignals(False)
        self._on_target_changed(suggest=targets is not None and len(targets) <= 1)

    def set_task(self, task: str) -> None:
        """Show ``task`` (auto, classification or regression) as chosen."""
        self.task.setCurrentIndex(max(self.task.findData(task), 0))
        self._suggested = False

    def chosen_features(self) -> list[str]:
        """The ticked input columns, in the table's order."""
        return _ticked(self.features)

    def chosen_targets(self) -> list[str]:
        """The target column first, then any further ticked targets."""
        target = self.target.currentText()
        return [target, *[name for name in _ticked(self.extra_targets) if name != target]]

    def _on_target_changed(self, _index: int = 0, *, suggest: bool = True) -> None:
        # The target cannot also be an input or a further target: grey it out there.
        target = self.target.currentText()
        for widget in (self.features, self.extra_targets):
            widget.blockSignals(True)
            for i in range(widget.count()):
                item = widget.item(i)
                flags = item.flags()
                if item.text() == target:
                    item.setCheckState(Qt.CheckState.Unchecked)
                    item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled)
                    item.setToolTip(self.tr("This is the target column."))
                else:
                    item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
                    item.setToolTip("")
            widget.blockSignals(False)
        if suggest:
            classes = self._whole_classes(target)
            if classes and self.task.currentData() == "auto":
                self.set_task("classification")
                self._suggested = True
            elif not classes and self._suggested and self.task.currentData() == "classification":
                self.set_task("auto")
                self._suggested = False
        self._note_task()

    def _on_task_chosen(self, _index: int) -> None:
        self._suggested = False  # the user's choice stays, whatever the target

    def _whole_classes(self, column: str) -> tuple[str, ...]:
        preview = self._preview
        if preview is None or column not in preview.header or not preview.whole_classes:
            return ()
        return preview.whole_classes[list(preview.header).index(column)]

    def _note_task(self) -> None:
        """Say why the task is what it is when the table suggested it."""
        target = self.target.currentText()
        classes = self._whole_classes(target)
        extra = len(self.chosen_targets()) - 1
        if extra > 0:
            text = self.tr(
                "%n target columns: a regression that predicts each of them.", "", extra + 1
            )
        elif classes and self.task.currentData() == "classification":
            text = filled(
                self.tr(
                    "'%1' holds only the whole numbers %2, so it is read as %3 classes. "
                    "Choose Regression to predict it as a number."
                ),
                target,
                ", ".join(classes),
                str(len(classes)),
            )
        elif classes:
            text = filled(
                self.tr(
                    "'%1' holds only the whole numbers %2: choose Classification to treat "
                    "them as classes."
                ),
                target,
                ", ".join(classes),
            )
        else:
            text = ""
        self.task_note.setText(text)
        self.task_note.setVisible(bool(text))


def table_and_choice(table: QWidget, summary: QLabel | None, choice: ColumnChoice) -> QSplitter:
    """The table above the column choice, split so either can be given room.

    At a projector's font size the two do not both fit a 768-pixel screen: the
    choice scrolls within its part, and neither part shrinks below a few rows.
    """
    rows = table.fontMetrics().lineSpacing()
    table.setMinimumHeight(rows * 7)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    body = QWidget()
    body_layout = QVBoxLayout(body)
    body_layout.setContentsMargins(0, 0, 0, 0)
    if summary is not None:
        body_layout.addWidget(summary)
    body_layout.addWidget(choice)
    body_layout.addStretch(1)
    scroll.setWidget(body)
    scroll.setMinimumHeight(rows * 5)
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(table)
    splitter.addWidget(scroll)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 1)
    return splitter


def _ticked(widget: QListWidget) -> list[str]:
    return [
        widget.item(i).text()
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]
