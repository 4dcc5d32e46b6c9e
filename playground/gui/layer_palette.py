"""The palette of layer kinds: every kind of the catalogue, grouped by category.

It exists so a user can discover what layers there are without knowing their
names: kinds are grouped (dense, convolution, ...), each carries its help text
as a tooltip, and a filter box narrows the list as one types. Choosing a kind
(double-click, Enter, or the Add button) emits ``kind_chosen``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core.layers import CATALOGUE, Category

CATEGORY_TITLES: dict[Category, str] = {
    "dense": "Dense",
    "activation": "Activations",
    "convolution": "Convolution",
    "pooling": "Pooling",
    "normalization": "Regularisation and normalisation",
    "reshape": "Reshape",
}

_KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class _FilterEdit(QLineEdit):
    """The filter box: Down moves into the list, Enter adds the first match."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class LayerPalette(QWidget):
    """Every layer kind by category; emits ``kind_chosen(name)`` when one is picked."""

    kind_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filter = _FilterEdit()
        self._filter.setPlaceholderText("Filter layers…")
        self._filter.setClearButtonEnabled(True)
        self._filter.setAccessibleName("Filter layer kinds")
        self._filter.setToolTip("Type part of a layer name; Enter adds the first match.")
        self._tree = QTreeWidget()
        self._tree.setHeaderHidden(True)
        self._tree.setRootIsDecorated(True)
        self._tree.setUniformRowHeights(True)
        self._tree.setAccessibleName("Layer kinds")
        self._add = QPushButton("Add layer")
        self._add.setToolTip("Add the chosen kind after the selected layer (Enter).")
        self._add.setEnabled(False)
        self._populate()

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self._add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._filter)
        layout.addWidget(self._tree, 1)
        layout.addLayout(buttons)

        self._filter.textChanged.connect(self._apply_filter)
        self._filter.returnPressed.connect(self._choose_first_visible)
        self._filter.down_pressed.connect(self._focus_tree)
        self._tree.itemActivated.connect(self._activated)
        self._tree.currentItemChanged.connect(self._current_changed)
        self._add.clicked.connect(self._choose_current)

    def _populate(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        self._groups: list[QTreeWidgetItem] = []
        for category, title in CATEGORY_TITLES.items():
            group = QTreeWidgetItem([title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            groups[category] = group
        for kind in CATALOGUE.values():
            item = QTreeWidgetItem([kind.name])
            item.setData(0, _KIND_ROLE, kind.name)
            item.setToolTip(0, kind.help)
            item.setStatusTip(0, kind.help)
            groups[kind.category].addChild(item)
        for group in groups.values():
            if group.childCount():
                self._tree.addTopLevelItem(group)
                self._groups.append(group)
                group.setExpanded(True)

    # ---- public API ------------------------------------------------------------

    def kinds(self) -> list[str]:
        """Kind names in the order shown (all of the catalogue when not filtered)."""
        return [item.data(0, _KIND_ROLE) for item in self._kind_items()]

    def visible_kinds(self) -> list[str]:
        return [item.data(0, _KIND_ROLE) for item in self._kind_items() if not item.isHidden()]

    def category_titles(self) -> list[str]:
        return [group.text(0) for group in self._groups]

    def select_kind(self, name: str) -> None:
        """Make ``name`` the current kind (the one Add and Enter use)."""
        for item in self._kind_items():
            if item.data(0, _KIND_ROLE) == name:
                self._tree.setCurrentItem(item)
                return
        raise KeyError(name)

    def current_kind(self) -> str | None:
        item = self._tree.currentItem()
        return item.data(0, _KIND_ROLE) if item is not None else None

    def filter_edit(self) -> QLineEdit:
        return self._filter

    def tree(self) -> QTreeWidget:
        return self._tree

    def add_button(self) -> QPushButton:
        return self._add

    def focus_filter(self) -> None:
        self._filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._filter.selectAll()

    # ---- internals -------------------------------------------------------------

    def _kind_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for group in self._groups:
            for j in range(group.childCount()):
                item = group.child(j)
                if item is not None:
                    items.append(item)
        return items

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for group in self._groups:
            shown = 0
            for j in range(group.childCount()):
                item = group.child(j)
                if item is None:
                    continue
                name = str(item.data(0, _KIND_ROLE)).lower()
                match = not needle or needle in name or needle in group.text(0).lower()
                item.setHidden(not match)
                shown += int(match)
            group.setHidden(shown == 0)
        visible = [item for item in self._kind_items() if not item.isHidden()]
        current = self._tree.currentItem()
        if visible and (current is None or current.isHidden() or current not in visible):
            self._tree.setCurrentItem(visible[0])

    def _focus_tree(self) -> None:
        self._tree.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.current_kind() is None:
            visible = [item for item in self._kind_items() if not item.isHidden()]
            if visible:
                self._tree.setCurrentItem(visible[0])

    def _current_changed(self, current: QTreeWidgetItem | None, _: object) -> None:
        self._add.setEnabled(current is not None and current.data(0, _KIND_ROLE) is not None)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        name = item.data(0, _KIND_ROLE)
        if name is not None:
            self.kind_chosen.emit(str(name))

    def _choose_current(self) -> None:
        name = self.current_kind()
        if name is not None:
            self.kind_chosen.emit(name)

    def _choose_first_visible(self) -> None:
        current = self._tree.currentItem()
        if current is not None and not current.isHidden() and current.data(0, _KIND_ROLE):
            self.kind_chosen.emit(str(current.data(0, _KIND_ROLE)))
            return
        visible = self.visible_kinds()
        if visible:
            self.kind_chosen.emit(visible[0])
