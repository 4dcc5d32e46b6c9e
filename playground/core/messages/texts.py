"""Plain texts of the Qt-free front ends in the active language (the command line, core titles).

Problems are worded by code (:func:`playground.core.messages.describe`); the
rest — the command line's own sentences, the titles and help of the option
tables and the layer catalogue — is looked up by its English text, as gettext
does, in the ``TEXTS`` table of the language's catalogue module. An entry a
translation lacks stays English, so a new sentence never breaks a translation;
``tests/core/messages`` checks that every text the code asks for is translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from playground.core.messages import en, set_catalogue, zh_CN

#: English text → translation, per language (English maps every text to itself).
TEXT_TABLES: dict[str, Mapping[str, str]] = {"en": {}, "zh_CN": zh_CN.TEXTS}
_TEMPLATE_TABLES: dict[str, Mapping[str, str]] = {"en": en.TEMPLATES, "zh_CN": zh_CN.TEMPLATES}

_language = "en"


def active_language() -> str:
    """The code of the language texts are now given in."""
    return _language


def set_language(code: str) -> None:
    """Speak ``code`` from now on: plain texts and the wording of problems.

    Unknown codes fall back to English (a wrong setting never stops the app);
    asking for the language already spoken changes nothing.
    """
    global _language
    chosen = code if code in TEXT_TABLES else "en"
    if chosen == _language:
        return  # no switch: a catalogue installed for the moment (use_catalogue) stays
    _language = chosen
    set_catalogue(_TEMPLATE_TABLES[_language])


def text(source: str, /, **values: Any) -> str:
    """``source`` (English) in the active language, with ``{names}`` filled from ``values``."""
    translated = TEXT_TABLES[_language].get(source) or source
    return translated.format(**values) if values else translated


def field_help(model: Any, name: str) -> str:
    """The help of a spec field (its pydantic ``description``) in the active language."""
    description = model.model_fields[name].description
    return text(str(description)) if description else ""
