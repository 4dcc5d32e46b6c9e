"""File names proposed from an experiment's name: one plain name, inside the chosen folder.

An experiment's name is text anyone can put in a shared file, and save dialogs
and ``playground export -o FOLDER`` turn it into a file name. Left as it is, a
name such as ``../../x`` would point outside the folder, ``a/b`` would name a
folder that does not exist, ``CON`` cannot be created on Windows, a control
character or a thousand characters make a name no file system accepts. The
helpers here keep letters of any script, digits, spaces and ordinary
punctuation and replace everything else, so the proposal is always one file
name that can be created where the user asked.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

#: Characters Windows forbids in file names, besides the path separators.
_FORBIDDEN = frozenset('<>:"|?*/\\')
#: Device names Windows reserves in every folder, whatever the extension (``NUL.txt`` too).
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{device}{n}" for device in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
#: The longest stem proposed, in characters and in UTF-8 bytes: file systems allow 255
#: bytes for the whole name and the suffix must still fit, with room for "(2)" and such.
MAX_STEM_CHARACTERS = 80
MAX_STEM_BYTES = 160
_REPLACEMENT = "_"
_SEPARATOR_RUNS = re.compile(r"[\s_]*_[\s_]*")
_SPACES = re.compile(r"\s+")


def _allowed(character: str) -> bool:
    """Printable and not special to any file system (letters of every script stay).

    ``isprintable`` is false for control characters, line and paragraph
    separators, invisible format characters (bidirectional overrides that make a
    name read differently from what it is) and lone surrogates.
    """
    return character.isprintable() and character not in _FORBIDDEN


def _shortened(stem: str) -> str:
    stem = stem[:MAX_STEM_CHARACTERS]
    while len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    return stem


def safe_file_stem(name: str, fallback: str = "experiment") -> str:
    """``name`` as a file name without extension that stays in its folder on every system.

    Path separators, control and invisible characters, and characters Windows
    forbids become ``_``; leading and trailing dots, spaces and ``_`` go (no
    hidden files, no ``..``); Windows device names such as ``CON`` get a ``_``
    in front; long names are cut. ``fallback`` (itself made safe) is used when
    nothing is left.
    """
    text = unicodedata.normalize("NFC", name)
    text = "".join(c if _allowed(c) else _REPLACEMENT for c in text)
    text = _SPACES.sub(" ", text)
    text = _SEPARATOR_RUNS.sub(_REPLACEMENT, text)
    text = _shortened(text.strip(" ._")).rstrip(" .")
    if not text:
        return "experiment" if name == fallback else safe_file_stem(fallback, fallback)
    if text.split(".", 1)[0].rstrip(" ").upper() in _RESERVED:
        text = _REPLACEMENT + text
    return text


def proposed_file_name(name: str, suffix: str, fallback: str = "experiment") -> str:
    """The file name a save dialog proposes for ``name``: a safe stem and ``suffix`` (``.py``)."""
    return safe_file_stem(name, fallback) + suffix


def proposed_path(folder: Path, name: str, suffix: str, fallback: str = "experiment") -> Path:
    """``folder`` / the proposed file name; never a path outside ``folder``.

    The stem cannot hold a separator or be ``..``; the check below states the
    promise in code, so a later change to the rules cannot quietly break it.
    """
    path = folder / proposed_file_name(name, suffix, fallback)
    if path.parent != folder or path.name in ("", ".", ".."):
        raise ValueError(f"the proposed file name {path.name!r} leaves its folder")
    return path
