"""How values reach generated Python source: as literals, never as pasted text.

An experiment file is shared between students; its name, description, CSV
path and class names are anybody's text. The training script generator puts
such values into code only through these functions:

* :func:`python_literal` for code: ``repr`` of plain values, checked to read
  back as the same value, so ``"; import os`` stays a string.
* :func:`quoted_text` for comments and docstrings: one line, in double quotes,
  with every quote, backslash and invisible character escaped, so no value can
  end a comment or a docstring and start code (a newline in a ``#`` comment, a
  ``\"\"\"`` in a docstring, a NUL that makes the file unreadable, a
  bidirectional override that makes a line read differently from what it runs).
* :func:`checked_layer_code` for torch's ``repr`` of a layer, which must read
  as one ``nn.Kind(...)`` call with literal arguments.
* :func:`checked_source`: the finished script must parse, or it is not written.
"""

from __future__ import annotations

import ast
import json
import math

from playground.core.export.base import ExportError

#: Longest text put into a comment or docstring; longer text ends with "…".
MAX_TEXT_CHARACTERS = 2000


def _is_plain(value: object) -> bool:
    if value is None or isinstance(value, bool | int | str):
        return True
    if isinstance(value, float):
        return math.isfinite(value)  # repr(inf) is a name, not a literal
    if isinstance(value, list | tuple):
        return all(_is_plain(item) for item in value)
    return False


def python_literal(value: object) -> str:
    """``value`` as Python source that evaluates to it, by ``repr``.

    Only plain values are accepted (None, bool, int, finite float, str, and
    lists or tuples of them); anything else is a bug in the generator, which
    must never be papered over by pasting ``str(value)`` into code.
    """
    if not _is_plain(value):
        raise ExportError(
            f"The training script cannot hold the value {type(value).__name__} as plain Python; "
            "this is a fault in Torch Playground. Export the weights or ONNX instead."
        )
    text = repr(value)
    if ast.literal_eval(text) != value:  # repr is exact for these types; say so in code
        raise ExportError(
            "A value of the experiment did not survive being written as Python; "
            "this is a fault in Torch Playground. Export the weights or ONNX instead."
        )
    return text


def _escaped(character: str) -> str:
    """``\\uXXXX`` (or ``\\UXXXXXXXX``): the same escape in Python strings, visible in comments."""
    code = ord(character)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def quoted_text(text: str, limit: int = MAX_TEXT_CHARACTERS) -> str:
    """``text`` on one line in double quotes, safe inside a ``#`` comment or a docstring.

    Line breaks of every kind (``str.splitlines`` knows CR, LF, form feed,
    U+0085, U+2028, U+2029 and more) become spaces; ``json.dumps`` then escapes
    quotes, backslashes and control characters, and every character that is
    still not printable (format characters, lone surrogates) is written as a
    ``\\u`` escape. The result contains neither a line break nor an unescaped
    quote, so it can never end the comment or docstring it stands in. In a
    docstring the escapes read back as the original characters.
    """
    one_line = " ".join(part.strip() for part in text.splitlines() if part.strip())
    if len(one_line) > limit:
        one_line = one_line[: max(0, limit - 1)].rstrip() + "…"
    quoted = json.dumps(one_line, ensure_ascii=False)
    return "".join(c if c.isprintable() else _escaped(c) for c in quoted)


def checked_layer_code(code: str, kind: str, label: str) -> str:
    """``code`` (``nn.`` + torch's repr of a layer) when it is one call with literal arguments.

    Layer parameters are numbers and flags checked by the catalogue, so this
    always holds today; checking it keeps the promise when torch changes how a
    layer prints itself.
    """
    try:
        tree = ast.parse(code, mode="eval")
    except SyntaxError:
        tree = None
    call = tree.body if tree is not None else None
    valid = (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == "nn"
        and call.func.attr == kind
        and all(_is_literal(arg) for arg in call.args)
        and all(k.arg is not None and _is_literal(k.value) for k in call.keywords)
    )
    if not valid:
        raise ExportError(
            f"{label} cannot be written into the training script as plain PyTorch code; "
            "export the weights, TorchScript or ONNX instead."
        )
    return code


def _is_literal(node: ast.expr) -> bool:
    try:
        ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


def checked_source(text: str) -> str:
    """``text`` when it parses as Python; otherwise an :class:`ExportError` (a generator bug).

    The script is parsed before it is written, so a flaw in the generator shows
    as a refusal instead of a file that fails, or does something else, when run.
    """
    try:
        ast.parse(text)
    except (SyntaxError, ValueError) as error:  # ValueError: a NUL character in the source
        where = f" (line {error.lineno})" if isinstance(error, SyntaxError) and error.lineno else ""
        raise ExportError(
            f"The training script came out as invalid Python{where}, so it was not written; "
            "this is a fault in Torch Playground. Export the weights or ONNX instead."
        ) from None
    return text
