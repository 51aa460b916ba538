"""JSON text of a decision, byte for byte what `json.dumps(value, ensure_ascii=False, indent=2,
sort_keys=True) + "\\n"` writes, made by orjson's C writer (about 10× faster for a decision with its
explanation graph; issue 14).

The two agree on everything a decision holds: text (UTF-8, unescaped beyond what JSON requires,
U+2028/U+2029 left as they are), integers, booleans, null, lists, objects with text keys sorted
by code point (UTF-8 byte order is code point order), and `enum.Enum` members written as their
values. They differ on floats (orjson writes NaN and infinities as null and some exponents without
a `+`), on integers beyond 64 bits and on keys that are not text: a decision holds no float (the
JSON Schemas of the incident and of the decision have no `number` type, and a test keeps it so),
and orjson refuses the other two, which then go through `json.dumps` itself.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

# The final newline written by orjson itself: adding it to the text after copies the whole text
# again (a decision with its graph is most of a megabyte).
_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE


def pretty(value: Any) -> str:
    """`value` as indented JSON text with keys sorted and a final newline."""
    try:
        return orjson.dumps(value, option=_OPTIONS).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError is a TypeError: a key not text, a huge integer, …
        return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
