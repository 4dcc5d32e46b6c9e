"""Filling Qt-translated templates (``%1``, ``%2``, ...) with values in one pass.

PySide6's ``tr()`` returns a plain ``str``, without QString's ``arg``. Values
here are often a user's column names, which may themselves contain ``%2``:
replacing the markers one after another would fill a name's text too, so all
markers are replaced at once.
"""

from __future__ import annotations

import re

_MARKER = re.compile(r"%([1-9])")


def filled(template: str, *values: str) -> str:
    """``template`` with ``%1``, ``%2``, ... replaced by ``values`` (unknown markers kept)."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return values[index] if index < len(values) else match.group(0)

    return _MARKER.sub(value, template)
