"""`jsontext.pretty` writes what `json.dumps(..., ensure_ascii=False, indent=2, sort_keys=True)`
writes, for every value a decision can hold, and falls back to it for what orjson refuses."""

from __future__ import annotations

import enum
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from netralrules.facts.incident import incident_json_schema
from netralrules.jsontext import pretty
from netralrules.tools.records import decision_json_schema


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


class _Word(enum.StrEnum):
    A = "a"
    B = "bé"


# What a decision holds: text of any code point but lone surrogates, integers within 64 bits,
# booleans, null, StrEnum members, lists and objects with text keys.
_TEXT = st.text(st.characters(exclude_categories=["Cs"]))
_SCALARS = st.one_of(_TEXT, st.integers(-(2**63), 2**63 - 1), st.booleans(), st.none(), st.sampled_from(list(_Word)))
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(st.lists(inner), st.dictionaries(_TEXT, inner)), max_leaves=40)


@settings(max_examples=400, deadline=None)
@given(_VALUES)
def test_pretty_writes_what_json_dumps_writes(value: Any) -> None:
    assert pretty(value) == _dumps(value)


def test_pretty_falls_back_to_json_for_what_orjson_refuses() -> None:
    for value in ({1: "a key that is not text"}, {"n": 10**30}, [{"z": {2: [3]}}]):
        assert pretty(value) == _dumps(value)


def _types(schema: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(schema, dict):
        kind = schema.get("type")
        found.update([kind] if isinstance(kind, str) else kind or [])
        for value in schema.values():
            found |= _types(value)
    elif isinstance(schema, list):
        for value in schema:
            found |= _types(value)
    return found


def test_no_decision_can_hold_a_float() -> None:
    """orjson and json write floats differently (NaN, exponents): `pretty` is byte-identical only
    because neither an incident nor a decision has a number that is not an integer."""
    incident, decision = _types(incident_json_schema()), _types(decision_json_schema())
    assert "integer" in incident | decision  # the walk finds types at all
    assert "number" not in incident and "number" not in decision
