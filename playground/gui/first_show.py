"""Parts of the window made the first time they are needed, not at start.

A cold start should pay only for what is on screen: a tab that is not current,
a dialog's commands, an export's code. :class:`FirstUse` makes one such object
the first time anything asks for it; :class:`FirstShowPage` is a tab page (or a
dock's widget) that makes its content the first time it is shown, or earlier
when code asks for the content (a menu, a lesson, a picture export), so every
caller keeps working whether or not the user ever opened it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

T = TypeVar("T")


class FirstUse(Generic[T]):
    """One object, made by ``factory`` the first time :meth:`get` is called."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory: Callable[[], T] | None = factory
        self._made: T | None = None
        self._callbacks: list[Callable[[T], None]] = []

    @property
    def built(self) -> bool:
        """Whether the object exists yet (asking for it makes it)."""
        return self._factory is None

    def get(self) -> T:
        """The object, made now if this is the first time it is needed."""
        factory = self._factory
        if factory is not None:
            made = factory()
            self._made, self._factory = made, None
            for callback in self._callbacks:
                callback(made)
            self._callbacks.clear()
        return self._made  # type: ignore[return-value]  # made above when it was missing

    def when_built(self, callback: Callable[[T], None]) -> None:
        """Call ``callback`` with the object once it exists (at once if it does)."""
        if self.built:
            callback(self.get())
        else:
            self._callbacks.append(callback)


class FirstShowPage(QWidget):
    """A page that holds a widget made the first time the page is shown (or asked for).

    The page has no margins, so the content fills it exactly as it would fill
    the tab or dock directly: nothing moves when the content appears.
    """

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.first_use: FirstUse[QWidget] = FirstUse(factory)
        self.first_use.when_built(self._layout.addWidget)

    @property
    def built(self) -> bool:
        return self.first_use.built

    def content(self) -> QWidget:
        """The page's widget, made now if it has not been."""
        return self.first_use.get()

    def showEvent(self, event: QShowEvent) -> None:
        """Made before its first paint, so the page never shows empty."""
        self.content()
        super().showEvent(event)
