"""Why a save failed, in a sentence: for Save, Save As, autosave and the command line alike.

A save can fail for reasons the user can act on (a full disk, a read-only
folder) and for reasons inside the data: a name that holds a lone surrogate is
legal in memory and in JSON escapes, but cannot be encoded as UTF-8, so the JSON
writer refuses it. Every writer turns its data into bytes through
:func:`model_json`, which names the text that cannot be stored, and every front
end words any other exception with :func:`describe_save_failure`, so no failure
reaches a user as a traceback or, worse, passes for a successful save. The
sentences are English sources worded through :func:`~playground.core.messages.texts.text`,
so they read in the interface language.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel

from playground.core.messages.texts import text

_DISK_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "there is no permission to write there",
    errno.EPERM: "there is no permission to write there",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.ENOENT: "the folder does not exist",
    errno.EISDIR: "a folder has that name",
}


class SaveError(ValueError):
    """Something cannot be written; the message says what and what to do instead."""


def _unstorable_places(value: Any, place: str) -> Iterator[str]:
    """Where in ``value`` (a plain dump of a model) a text cannot be encoded as UTF-8."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            yield place
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _unstorable_places(key, place)
            yield from _unstorable_places(item, f"{place}.{key}" if place else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _unstorable_places(item, f"{place}[{index + 1}]")


def _unstorable_sentence(place: str, what: str) -> str:
    """The bad text's place in words, and what the user can do about it."""
    what = text(what)
    if place in ("name", "description"):
        source = (
            "the name of {what} holds a character that cannot be stored (a broken piece of an "
            "emoji or accent); the app cannot change it, so correct it in the file the "
            "experiment came from and open that file again"
            if place == "name"
            else "the description of {what} holds a character that cannot be stored (a broken "
            "piece of an emoji or accent); the app cannot change it, so correct it in the file "
            "the experiment came from and open that file again"
        )
        return text(source, what=what)
    if place.endswith("path"):
        return text(
            "the file path of {what} ('{place}') holds a character that cannot be stored (a "
            "broken piece of an emoji or accent); rename that file or its folder, choose it "
            "again and save again",
            what=what,
            place=place,
        )
    return text(
        "the setting '{place}' of {what} holds a character that cannot be stored (a broken "
        "piece of an emoji or accent); change that setting and save again",
        what=what,
        place=place,
    )


def model_json(model: BaseModel, what: str, dump: Callable[[], str] | None = None) -> str:
    """``dump()`` (by default ``model.model_dump_json()``), or a :class:`SaveError` naming the bad text.

    ``what`` names the thing for the sentence ("the experiment", "run 3").
    """
    try:
        return model.model_dump_json() if dump is None else dump()
    except (ValueError, UnicodeError) as error:  # PydanticSerializationError is a ValueError
        try:
            places = list(_unstorable_places(model.model_dump(mode="python"), ""))
        except (ValueError, TypeError):
            places = []
        if places:
            raise SaveError(_unstorable_sentence(places[0], what)) from error
        raise SaveError(
            text(
                "{what} cannot be written as a file ({error}); "
                "change the last setting you edited and save again",
                what=text(what),
                error=error,
            )
        ) from error


def describe_save_failure(name: str, error: BaseException) -> str:
    """A sentence for the user: ``name`` (a file name or "the autosave") was not saved, and why.

    The sentence always says that nothing was saved, so nobody is led to
    believe the work is safe.
    """
    name = text(name)  # "the autosave" is worded; a file name stays as it is
    if isinstance(error, SaveError):  # the core's own sentence
        return text("Could not save {name}: {error}. Nothing was saved.", name=name, error=error)
    if isinstance(error, OSError):
        known = _DISK_REASONS.get(error.errno or 0)
        reason = text(known) if known else (error.strerror or text("the system refused")).lower()
        return text(
            "Could not save {name}: {reason}. Nothing was saved; "
            "choose another folder or free some space and save again.",
            name=name,
            reason=reason,
        )
    if isinstance(error, MemoryError):
        return text(
            "Could not save {name}: there is not enough memory. Nothing was saved; "
            "close other programs and save again.",
            name=name,
        )
    return text(
        "Could not save {name} because of an unexpected problem ({kind}). Nothing was saved; "
        "try Save As with another name, and report the problem if it stays.",
        name=name,
        kind=type(error).__name__,
    )
