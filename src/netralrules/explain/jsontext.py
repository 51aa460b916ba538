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

import enum
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
# Small objects kept by content (`Writer.flat_dict`): at most this many keys, values of these types
# (or StrEnum members, whose text is their value), or lists of text.
_FLAT_KEYS = 6
_FLAT_TYPES = frozenset({str, int, bool})


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

    def __init__(
        self,
        texts: Mapping[int, tuple[object, dict[int, str]]],
        local: Mapping[int, tuple[object, dict[int, str]]] | None = None,
        flat: dict[tuple[Any, ...], str] | None = None,
    ) -> None:
        self.texts = texts
        # Values kept for one text only (what a decision and its explanation both hold).
        self.local = local if local is not None else {}
        # Small objects of scalars (and lists of text), by content and level (kept per plan).
        self.flat = flat

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
            entry = self.texts.get(id(value)) or self.local.get(id(value))
            if entry is None:
                if self.flat is not None and type(value) is dict and 0 < len(value) <= _FLAT_KEYS:
                    return self.flat_dict(value, level)
                return self.container(value, level)
            kept = entry[1]
            found = kept.get(level)
            if found is None:
                # JSON text holds no raw line break, so the text at another level is the text at
                # one level with each line break indented by the difference.
                for known, text in kept.items():
                    if known < level:
                        found = text.replace("\n", NEWLINES[level - known])
                        break
                else:
                    found = self.container(value, level)
                kept[level] = found
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

    def flat_dict(self, value: dict[Any, Any], level: int) -> str:
        """A small object whose values are scalars or lists of text: its text kept by content."""
        assert self.flat is not None
        key: list[Any] = [level]
        for k, v in value.items():
            if type(v) is list:
                if not all(type(x) is str for x in v):
                    return self.container(value, level)
                key.append((k, tuple(v)))
            elif v is None or type(v) in _FLAT_TYPES or isinstance(v, enum.Enum):
                key.append((k, type(v), v))
            else:
                return self.container(value, level)
        content = tuple(key)
        found = self.flat.get(content)
        if found is None:
            found = self.container(value, level)
            if len(self.flat) >= _SHARED_MAX:
                self.flat.clear()
            self.flat[content] = found
        return found

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
