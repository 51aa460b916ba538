"""Pydantic validation errors → incident problems with our codes and Indonesian/English messages.

Pure: reads the error list and the model classes (for field names and enum values), nothing else.
"""

from __future__ import annotations

import datetime
import difflib
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from netralrules.diagnostics import Text, shorten
from netralrules.facts.errors import IncidentProblem, kind_of, problem
from netralrules.facts.fields import PROBLEMS_ERROR, OneOf, Relative
from netralrules.facts.incident import Incident

Loc = tuple[str | int, ...]

# error type → what was expected (Indonesian, English)
_EXPECTED: dict[str, Text] = {
    "bool_type": Text("true atau false", "true or false"),
    "string_type": Text("teks", "a text (string)"),
    "list_type": Text("daftar (array)", "a list (array)"),
    "model_type": Text("objek", "an object"),
    "model_attributes_type": Text("objek", "an object"),
    "dict_type": Text("objek", "an object"),
    "netralrules_date_type": Text("tanggal bertulisan TTTT-BB-HH", "a date written YYYY-MM-DD"),
}


def problems_from(error: ValidationError) -> list[IncidentProblem]:
    """Every problem of a validation error, in pydantic's order (the order of the input)."""
    out: list[IncidentProblem] = []
    for detail in _one_election_form(error.errors(include_url=False)):
        out.extend(_translate(detail))
    return out


_ELECTION_FORM = "netralrules_election_form"
_WRONG_FORM = ("model_type", "list_type")


def _one_election_form(details: Sequence[ErrorDetails]) -> list[ErrorDetails]:
    """`pemilu` is one election object or a list of elections (a union): pydantic reports the
    errors of both forms, under a label naming each. Keep the errors of the form that was given,
    located without the label; a value that is neither form gets one error."""
    out: list[ErrorDetails] = []
    wrong: list[ErrorDetails] = []
    for detail in details:
        loc = tuple(detail["loc"])
        if len(loc) >= 2 and loc[0] == "pemilu" and isinstance(loc[1], str) and "Election" in loc[1]:
            if len(loc) == 2 and detail["type"] in _WRONG_FORM:
                if not wrong:
                    out.append({**detail, "type": _ELECTION_FORM, "loc": ("pemilu",)})  # kept if both forms are wrong
                wrong.append(detail)
                continue
            detail = {**detail, "loc": (loc[0], *loc[2:])}
        out.append(detail)
    if len(wrong) < 2:
        out = [d for d in out if d["type"] != _ELECTION_FORM]
    return out


def _translate(detail: ErrorDetails) -> list[IncidentProblem]:
    kind, loc, value = detail["type"], tuple(detail["loc"]), detail["input"]
    ctx: Mapping[str, Any] = detail.get("ctx") or {}
    name = loc[-1] if loc else ""
    if kind == PROBLEMS_ERROR:
        relatives: Sequence[Relative] = ctx["problems"]
        return [problem((*loc, *rel.loc), rel.code, rel.id, rel.en) for rel in relatives]
    if kind == "missing":
        return [problem(loc, "E0404", f"isian wajib `{name}` tidak ada", f"required field `{name}` is missing")]
    if kind == "extra_forbidden":
        return [_unknown_field(loc)]
    if kind == "invalid_key":
        # pydantic puts the offending key itself at the end of the location
        given = kind_of(value)
        return [
            problem(
                loc[:-1],
                "E0405",
                f"nama isian harus teks, bukan {given.id} ({_show(value)})",
                f"field names must be text, not {given.en} ({_show(value)})",
            )
        ]
    if value is None:
        if isinstance(name, int):
            return [problem(loc, "E0404", "butir daftar tidak boleh null", "a list item may not be null")]
        return [problem(loc, "E0404", f"`{name}` wajib diisi dan tidak boleh null", f"`{name}` is required and may not be null")]
    if kind == "literal_error":
        return [_not_in_vocabulary(loc, value, ctx)]
    if kind == _ELECTION_FORM:
        given = kind_of(value)
        return [
            problem(
                loc,
                "E0406",
                f"harus objek (satu pemilu) atau daftar pemilu, bukan {given.id} ({_show(value)})",
                f"must be an object (one election) or a list of elections, not {given.en} ({_show(value)})",
            )
        ]
    if kind in _EXPECTED:
        expected = _EXPECTED[kind]
        given = kind_of(value)
        return [
            problem(
                loc,
                "E0406",
                f"harus {expected.id}, bukan {given.id} ({_show(value)})",
                f"must be {expected.en}, not {given.en} ({_show(value)})",
            )
        ]
    if kind == "netralrules_date_invalid":
        return [
            problem(
                loc,
                "E0408",
                f"{_show(value)} bukan tanggal yang sah; tulis TTTT-BB-HH, misalnya 2024-09-22",
                f"{_show(value)} is not a valid date; write YYYY-MM-DD, e.g. 2024-09-22",
            )
        ]
    if kind == "too_long" and loc == ("tindakan",):
        limit = ctx.get("max_length", "?")
        return [
            problem(
                loc,
                "E0414",
                f"terlalu banyak tindakan: paling banyak {limit} dalam satu perkara; pecah menjadi beberapa perkara",
                f"too many acts: at most {limit} in one incident; split it into several incidents",
            )
        ]
    if kind == "too_short" and loc == ("tindakan",):
        return [
            problem(
                loc,
                "E0411",
                "daftar tindakan kosong: perkara harus memuat paling sedikit satu tindakan",
                "the list of acts is empty: an incident needs at least one act",
            )
        ]
    if kind == "string_too_short":
        return [problem(loc, "E0412", f"`{name}` tidak boleh teks kosong", f"`{name}` may not be an empty text")]
    return [problem(loc, "E0499", f"nilai tidak sah ({detail['msg']})", f"invalid value: {detail['msg']}")]


def _unknown_field(loc: Loc) -> IncidentProblem:
    name = str(loc[-1])
    model = _model_at(loc[:-1])
    fields = list(model.model_fields) if model is not None else []
    close = difflib.get_close_matches(name, fields, n=1, cutoff=0.6)
    if close:
        hint_id, hint_en = f"; maksud Anda `{close[0]}`?", f"; did you mean `{close[0]}`?"
    elif fields:
        listed = ", ".join(f"`{f}`" for f in fields)
        hint_id, hint_en = f"; isian yang sah di sini: {listed}", f"; the fields allowed here: {listed}"
    else:
        hint_id = hint_en = ""
    shown = shorten(name)
    return problem(loc, "E0405", f"isian `{shown}` tidak dikenal{hint_id}", f"unknown field `{shown}`{hint_en}")


def _not_in_vocabulary(loc: Loc, value: object, ctx: Mapping[str, Any]) -> IncidentProblem:
    one_of = _one_of_at(loc)
    values: tuple[str, ...]
    if one_of is None:  # cannot happen for our models; keep pydantic's own list then
        vocabulary, values = "", (str(ctx.get("expected", "")),)
    else:
        vocabulary, values = one_of.type.name, one_of.type.values
    close = difflib.get_close_matches(value, values, n=1, cutoff=0.6) if isinstance(value, str) else []
    if close:
        hint_id, hint_en = f"; maksud Anda `{close[0]}`?", f"; did you mean `{close[0]}`?"
    else:
        listed = ", ".join(f"`{v}`" for v in values)
        hint_id, hint_en = f"; nilai yang sah: {listed}", f"; valid values: {listed}"
    return problem(
        loc,
        "E0407",
        f"{_show(value)} tidak ada dalam kosakata {vocabulary}{hint_id}",
        f"{_show(value)} is not in the {vocabulary} vocabulary{hint_en}",
    )


# ---- the model tree ------------------------------------------------------------------------------


def _walk(annotation: object) -> Iterator[object]:
    """The annotation, its type arguments and its `Annotated` metadata, depth first."""
    yield annotation
    for arg in get_args(annotation):
        yield from _walk(arg)


def _parts(model: type[BaseModel], name: str) -> Iterator[object]:
    info = model.model_fields[name]
    yield from _walk(info.annotation)
    yield from info.metadata


def _model_tree(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> dict[tuple[str, ...], type[BaseModel]]:
    tree = {prefix: model}
    for name in model.model_fields:
        for part in _parts(model, name):
            if isinstance(part, type) and issubclass(part, BaseModel):
                # `pemilu` is one Election or a list of NamedElection: the first (with fewer fields) wins.
                for path, found in _model_tree(part, (*prefix, name)).items():
                    tree.setdefault(path, found)
    return tree


_MODELS = _model_tree(Incident)  # ("tindakan", "bukti") → Evidence, …: list indexes left out


def _model_at(loc: Loc) -> type[BaseModel] | None:
    return _MODELS.get(tuple(part for part in loc if isinstance(part, str)))


def _one_of_at(loc: Loc) -> OneOf | None:
    model = _model_at(loc[:-1])
    name = loc[-1] if loc else None
    if model is None or not isinstance(name, str) or name not in model.model_fields:
        return None
    return next((part for part in _parts(model, name) if isinstance(part, OneOf)), None)


# ---- showing values ------------------------------------------------------------------------------


def _show(value: object) -> str:
    """A short rendering of a scalar from the input; containers only by their kind."""
    if value is None or isinstance(value, bool | int | float | str):
        try:
            return f"`{shorten(json.dumps(value, ensure_ascii=False), 60)}`"
        except ValueError:  # an integer too long to print (int_max_str_digits)
            return "`…`"
    if isinstance(value, datetime.date):
        return f"`{value.isoformat()}`"
    if isinstance(value, list | tuple):
        return "`[…]`"
    if isinstance(value, dict):
        return "`{…}`"
    return f"`{type(value).__name__}`"
