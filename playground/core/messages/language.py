"""Which language the interface speaks: the system's, or the one asked for.

The command line and the app share this choice so that a learner who set up
a Chinese system, or passed ``--lang zh_CN``, reads both front ends in the
same language. Only the languages that ship a catalogue are offered; any other
request falls back to English rather than failing.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping

#: The languages that ship, by code, with their name as speakers write it.
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
DEFAULT_LANGUAGE = "en"
SYSTEM = "system"

# The variables gettext reads, in the order it reads them.
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def normalize_language(code: str | None) -> str | None:
    """A shipped language code for ``code`` (``zh``, ``zh-CN``, ``zh_CN.UTF-8`` …), or None.

    Every Chinese variant maps to 简体中文, the one Chinese catalogue there is;
    ``C`` and ``POSIX`` mean English.
    """
    if not code:
        return None
    base = code.split(".")[0].split("@")[0].replace("-", "_").strip()
    lowered = base.lower()
    if lowered.startswith("zh") or lowered.startswith("chinese"):
        return "zh_CN"
    if lowered.startswith("en") or lowered in ("c", "posix"):
        return "en"
    return None


def environment_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the locale variables ask for, or None when none is set.

    ``LANGUAGE`` may list several languages (``fr:zh_CN:en``); the first that
    ships wins. A locale that is set but does not ship (``de_DE``) means English.
    """
    environ = os.environ if environ is None else environ
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "")
        for part in value.split(":"):
            found = normalize_language(part)
            if found:
                return found
        if value and name != "LANGUAGE":
            return DEFAULT_LANGUAGE
    return None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the system asks for: the locale variables, else the locale Python reports."""
    found = environment_language(environ)
    if found:
        return found
    if environ is None:  # Windows sets no variables; its locale says "Chinese (Simplified)_China"
        found = normalize_language(locale.getlocale()[0])
    return found or DEFAULT_LANGUAGE


def resolve_language(choice: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The language to use for a choice of ``system``, a code, or nothing (the system's)."""
    if choice and choice != SYSTEM:
        return normalize_language(choice) or DEFAULT_LANGUAGE
    return system_language(environ)
