"""Parts of the window made the first time they are needed, not at start.

A cold start should pay only for what the first window shows: the export
commands (and the exporters they import) or a dialog's code can wait until
a person first asks for them. :class:`FirstUse` makes one such object the
first time anything asks for it, so every caller (a menu, a lesson, a test)
keeps working whether or not it was ever used before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

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
