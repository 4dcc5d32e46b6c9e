"""Adding layers: a filter box, an "Add layer" menu by category, and a list of matches.

It exists so a user can discover what layers there are without knowing their
names, while taking as little room as possible from the network itself: at
rest the palette is one row (a filter box and a menu button listing every kind
by category, each with its help text). Typing in the filter, or pressing Down
in it, opens a short list of matching kinds grouped by category; Enter or a
double-click adds the highlighted kind. Choosing a kind emits ``kind_chosen``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core.layers.catalog import CATALOGUE, Category
from playground.core.messages.texts import text

CATEGORY_TITLES: dict[Category, str] = {
    "dense": QT_TRANSLATE_NOOP("LayerPalette", "Dense"),
    "activation": QT_TRANSLATE_NOOP("LayerPalette", "Activations"),
    "convolution": QT_TRANSLATE_NOOP("LayerPalette", "Convolution"),
    "pooling": QT_TRANSLATE_NOOP("LayerPalette", "Pooling"),
    "normalization": QT_TRANSLATE_NOOP("LayerPalette", "Regularisation and normalisation"),
    "reshape": QT_TRANSLATE_NOOP("LayerPalette", "Reshape"),
}

_KIND_ROLE = Qt.ItemDataRole.UserRole + 1
_LIST_ROWS = 7  # rows of matches shown before the list scrolls


class _FilterEdit(QLineEdit):
    """The filter box: Down moves into the list of matches, Escape closes it."""

    down_pressed = Signal()
    escape_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Escape and (self.text() or self.property("listOpen")):
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)


class _MatchTree(QTreeWidget):
    """The list of matching kinds; a few rows tall, Escape goes back to the filter."""

    escape_pressed = Signal()

    def sizeHint(self) -> QSize:
        rows = _LIST_ROWS * (self.fontMetrics().height() + 4)
        return QSize(super().sizeHint().width(), rows + 2 * self.frameWidth())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)


class LayerPalette(QWidget):
    """Every layer kind by category; emits ``kind_chosen(name)`` when one is picked."""

    kind_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filter = _FilterEdit()
        self._filter.setPlaceholderText(self.tr("Find a layer… (Insert)"))
        self._filter.setClearButtonEnabled(True)
        self._filter.setAccessibleName(self.tr("Find a layer kind"))
        self._filter.setToolTip(
            self.tr("Type part of a layer name and press Enter to add it; Down lists every kind.")
        )
        self._tree = _MatchTree()
        self._tree.setHeaderHidden(True)
        self._tree.setRootIsDecorated(False)
        self._tree.setIndentation(self.fontMetrics().horizontalAdvance("MM"))
        self._tree.setUniformRowHeights(True)
        self._tree.setAccessibleName(self.tr("Layer kinds"))
        self._tree.setVerticalScrollMode(QTreeWidget.ScrollMode.ScrollPerPixel)
        self._tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._tree.setVisible(False)
        self._menu = QMenu(self)
        self._menu.setToolTipsVisible(True)
        self._add = QPushButton(self.tr("Add layer"))
        self._add.setMenu(self._menu)
        self._add.setAccessibleName(self.tr("Add layer"))
        self._add.setToolTip(
            self.tr("Every layer kind by category; the new layer goes after the selected one.")
        )
        self._populate()

        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self._filter, 1)
        row.addWidget(self._add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self._tree)

        self._filter.textChanged.connect(self._apply_filter)
        self._filter.returnPressed.connect(self._choose_first_visible)
        self._filter.down_pressed.connect(self._focus_tree)
        self._filter.escape_pressed.connect(self.close_list)
        self._tree.escape_pressed.connect(self._back_to_filter)
        self._tree.itemActivated.connect(self._activated)

    def _populate(self) -> None:
        groups: dict[Category, QTreeWidgetItem] = {}
        self._groups: list[QTreeWidgetItem] = []
        self._actions: dict[str, QAction] = {}
        for category, title in CATEGORY_TITLES.items():
            group = QTreeWidgetItem([QCoreApplication.translate("LayerPalette", title)])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            groups[category] = group
        for kind in CATALOGUE.values():
            item = QTreeWidgetItem([kind.name])
            item.setData(0, _KIND_ROLE, kind.name)
            item.setToolTip(0, text(kind.help))
            item.setStatusTip(0, text(kind.help))
            groups[kind.category].addChild(item)
        for category, group in groups.items():
            if not group.childCount():
                continue
            self._tree.addTopLevelItem(group)
            self._groups.append(group)
            group.setExpanded(True)
            self._menu.addSection(
                QCoreApplication.translate("LayerPalette", CATEGORY_TITLES[category])
            )
            for j in range(group.childCount()):
                child = group.child(j)
                if child is None:
                    continue
                name = str(child.data(0, _KIND_ROLE))
                action = self._menu.addAction(name)
                action.setToolTip(text(CATALOGUE[name].help))
                action.setStatusTip(text(CATALOGUE[name].help))
                action.triggered.connect(lambda _=False, n=name: self.kind_chosen.emit(n))
                self._actions[name] = action

    # ---- public API ------------------------------------------------------------

    def kinds(self) -> list[str]:
        """Kind names in the order shown (all of the catalogue when not filtered)."""
        return [item.data(0, _KIND_ROLE) for item in self._kind_items()]

    def visible_kinds(self) -> list[str]:
        """Kinds that match the filter (every kind when the filter is empty)."""
        return [item.data(0, _KIND_ROLE) for item in self._kind_items() if not item.isHidden()]

    def category_titles(self) -> list[str]:
        return [group.text(0) for group in self._groups]

    def select_kind(self, name: str) -> None:
        """Open the list and highlight ``name`` (the kind Enter adds)."""
        for item in self._kind_items():
            if item.data(0, _KIND_ROLE) == name:
                self.open_list()
                self._tree.setCurrentItem(item)
                return
        raise KeyError(name)

    def filter_edit(self) -> QLineEdit:
        return self._filter

    def tree(self) -> QTreeWidget:
        """The list of matching kinds (shown while finding a layer)."""
        return self._tree

    def add_button(self) -> QPushButton:
        """The "Add layer" button; its menu lists every kind by category."""
        return self._add

    def add_menu(self) -> QMenu:
        return self._menu

    def kind_action(self, name: str) -> QAction:
        """The menu entry that adds ``name``."""
        return self._actions[name]

    def is_list_open(self) -> bool:
        return not self._tree.isHidden()

    def open_list(self) -> None:
        """Show the list of matching kinds below the filter."""
        self._tree.setVisible(True)
        self._filter.setProperty("listOpen", True)

    def close_list(self) -> None:
        """Clear the filter and hide the list, giving the room back to the network."""
        self._filter.blockSignals(True)
        self._filter.clear()
        self._filter.blockSignals(False)
        self._apply_filter("")
        self._tree.setVisible(False)
        self._filter.setProperty("listOpen", False)

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
        if needle:
            self.open_list()
            if visible:
                self._tree.scrollToItem(visible[0])

    def _focus_tree(self) -> None:
        self.open_list()
        self._tree.setFocus(Qt.FocusReason.OtherFocusReason)
        current = self._tree.currentItem()
        if current is None or current.data(0, _KIND_ROLE) is None:
            visible = [item for item in self._kind_items() if not item.isHidden()]
            if visible:
                self._tree.setCurrentItem(visible[0])

    def _back_to_filter(self) -> None:
        self.close_list()
        self._filter.setFocus(Qt.FocusReason.OtherFocusReason)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        name = item.data(0, _KIND_ROLE)
        if name is not None:
            typed = self._tree.hasFocus()
            self._choose(str(name))
            if typed:
                self._filter.setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose_first_visible(self) -> None:
        current = self._tree.currentItem()
        if (
            self._filter.text().strip()
            and current is not None
            and not current.isHidden()
            and current.data(0, _KIND_ROLE)
        ):
            self._choose(str(current.data(0, _KIND_ROLE)))
            return
        if not self._filter.text().strip():
            self._focus_tree()  # Enter in an empty box browses every kind
            return
        visible = self.visible_kinds()
        if visible:
            self._choose(visible[0])

    def _choose(self, name: str) -> None:
        # The list closes after a choice so the network gets its room back; focus stays
        # in the filter when the choice was typed, ready for the next layer.
        self.close_list()
        self.kind_chosen.emit(name)
