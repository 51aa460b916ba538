"""The decision JSON with its explanation as text: byte for byte what `json.dumps(value,
ensure_ascii=False, indent=2, sort_keys=True)` writes (`Decision.to_json`), made faster by what
the explanation shares.

Most of an explanation's JSON is attribute values made once per plan and shared by every
explanation of it (a clause's citation, text and sources; condition nodes; clause annotations;
explain/planinfo.py and explain/graph.py): their text at each indentation is made once and kept
(`share`), so a decision writes only what is its own. Strings go through the C escaper of the
json module, the one `json.dumps` uses; anything the encoder does not know (a type json.dumps
would reject or write through `default`) raises TypeError and the caller falls back to
`json.dumps`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from json.encoder import encode_basestring  # C-accelerated when available
from typing import Any

from netralrules.compiler import Plan

STRING: Any = encode_basestring
NEWLINES = tuple("\n" + "  " * i for i in range(128))
# Texts kept per plan: id(value) → (value, {indentation level: text}). Holding the value keeps
# its id from being reused while the entry lives; only values that are shared and never changed
# are entered (`share`), and the table is emptied when it grows past _SHARED_MAX.
_MEMO = "explain.json_texts"
_SHARED_MAX = 400_000


def texts_of(plan: Plan) -> dict[int, tuple[object, dict[int, str]]]:
    found: dict[int, tuple[object, dict[int, str]]] = plan.memo.setdefault(_MEMO, {})
    return found


def share(texts: dict[int, tuple[object, dict[int, str]]], value: object) -> None:
    """Keep the text of `value` once it is written: it is shared and is never changed."""
    if id(value) not in texts:
        if len(texts) >= _SHARED_MAX:
            texts.clear()
        texts[id(value)] = (value, {})


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


class Writer:
    """Writes values as `json.dumps(..., ensure_ascii=False, indent=2, sort_keys=True)` does, at
    an indentation level (the first line not indented, the rest indented as it would be there)."""

    def __init__(self, texts: Mapping[int, tuple[object, dict[int, str]]]) -> None:
        self.texts = texts

    def value(self, value: object, level: int) -> str:
        if isinstance(value, str):
            return str(STRING(value))
        if value is None:
            return "null"
        if value is True:
            return "true"
        if value is False:
            return "false"
        if isinstance(value, int):
            return int.__repr__(value)
        if isinstance(value, float):
            return _float(value)
        if isinstance(value, (dict, list, tuple)):
            entry = self.texts.get(id(value))
            if entry is None:
                return self.container(value, level)
            found = entry[1].get(level)
            if found is None:
                found = entry[1][level] = self.container(value, level)
            return found
        raise TypeError(f"not JSON: {type(value).__name__}")

    def container(self, value: dict[Any, Any] | list[Any] | tuple[Any, ...], level: int) -> str:
        if not value:
            return "{}" if isinstance(value, dict) else "[]"
        inner = NEWLINES[level + 1]
        write = self.value
        if isinstance(value, dict):
            return self.items(sorted(value.items()), level)
        return "[" + inner + ("," + inner).join([write(v, level + 1) for v in value]) + NEWLINES[level] + "]"

    def items(self, items: list[tuple[Any, Any]], level: int) -> str:
        """A JSON object of the (key, value) pairs, in the order given (sorted by the caller)."""
        if not items:
            return "{}"
        inner = NEWLINES[level + 1]
        write = self.value
        parts = []
        for k, v in items:
            if not isinstance(k, str):
                raise TypeError("a key that is not text")
            parts.append(STRING(k) + ": " + write(v, level + 1))
        return "{" + inner + ("," + inner).join(parts) + NEWLINES[level] + "}"
