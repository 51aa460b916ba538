"""Building blocks of the incident models: value types, documented fields, the base model.

Enum types are built from `schema.py`'s enums, so the JSON contract cannot drift from the rules.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.config import JsonDict
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from netralrules.diagnostics.text import Text
from netralrules.facts import schema
from netralrules.facts.vocabulary import VOCABULARIES

# ---- value types ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OneOf:
    """Pydantic metadata: a text that must be one of the values of a `schema.py` enum."""

    type: schema.Type

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.literal_schema(list(self.type.values), ref=self.type.name)

    def __get_pydantic_json_schema__(self, schema_: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        result = handler(schema_)
        target = handler.resolve_ref_schema(result)
        vocabulary = VOCABULARIES[self.type.name]
        lines_id = "\n".join(f"- `{value}`: {vocabulary.meanings[value].id}" for value in self.type.values)
        lines_en = "\n".join(f"- `{value}`: {vocabulary.meanings[value].en}" for value in self.type.values)
        target["title"] = f"{vocabulary.title.id} / {vocabulary.title.en}"
        target["description"] = f"{vocabulary.description.id}\n{lines_id}\n\n{vocabulary.description.en}\n{lines_en}"
        return result


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _to_date(value: object) -> datetime.date:
    # Only calendar dates: a datetime (YAML `2024-09-22 10:00`) or a number is a type error, and
    # `fromisoformat`'s other spellings (`20240922`, `2024-W38-7`) are not part of the contract.
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("netralrules_date_type", "Input should be a date written YYYY-MM-DD")
    if _ISO_DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("netralrules_date_invalid", "Input should be a real calendar date written YYYY-MM-DD")


Date = Annotated[datetime.date, BeforeValidator(_to_date)]
StatusKepegawaian = Annotated[str, OneOf(schema.STATUS_KEPEGAWAIAN)]
JenisJabatan = Annotated[str, OneOf(schema.JENIS_JABATAN)]
Tingkat = Annotated[str, OneOf(schema.TINGKAT)]
JenisPemilu = Annotated[str, OneOf(schema.JENIS_PEMILU)]
JenisTindakan = Annotated[str, OneOf(schema.JENIS_TINDAKAN)]
Sasaran = Annotated[str, OneOf(schema.SASARAN)]
Dampak = Annotated[str, OneOf(schema.DAMPAK)]
KewajibanDisangkakan = Annotated[str, OneOf(schema.KEWAJIBAN_DISANGKAKAN)]

_UNKNOWN_NOTE = Text(
    "Jika tidak diketahui: hilangkan isian ini atau isi null (tidak pernah dianggap salah/false).",
    "If unknown: leave the field out or set it to null (never taken as false).",
)
_OPTIONAL_NOTE = Text("Tidak wajib.", "Optional.")


def described(
    title: Text, description: Text, *, need: Literal["fact", "optional", "required", "plain"] = "fact", **kwargs: Any
) -> Any:
    """A documented field, titled and described in Indonesian and English. need: `fact` (may be
    unknown: says so), `optional` (not a fact), `required`, `plain` (the description says it all)."""
    note = {"fact": _UNKNOWN_NOTE, "optional": _OPTIONAL_NOTE}.get(need)
    if note is not None:
        description = Text(f"{description.id} {note.id}", f"{description.en} {note.en}")
    if need != "required" and "default_factory" not in kwargs:
        kwargs["default"] = None
    return Field(title=f"{title.id} / {title.en}", description=f"{description.id}\n\n{description.en}", **kwargs)


def none_to_empty(value: object) -> object:
    return {} if value is None else value


def nullable_ref(field_schema: JsonDict) -> None:
    # `responden: null` and `pemilu: null` mean "all unknown" and are accepted; say so in the schema.
    ref = field_schema.pop("$ref", None)
    if ref is not None:
        field_schema["anyOf"] = [{"$ref": ref}, {"type": "null"}]
    elif isinstance(forms := field_schema.get("anyOf"), list):  # `pemilu`: one object or a list
        for form in forms:
            if isinstance(form, dict) and form.get("type") == "array":
                form["minItems"] = 1
        forms.append({"type": "null"})


class Model(BaseModel):
    """Base of the incident models: unknown fields are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Relative(NamedTuple):
    """A cross-field problem found by a model validator, located relative to that model."""

    loc: tuple[str | int, ...]
    code: str
    id: str
    en: str


PROBLEMS_ERROR = "netralrules_problems"


def problems_error(problems: Sequence[Relative]) -> PydanticCustomError:
    # One pydantic error carrying all problems; `translate.py` turns them back into one each.
    return PydanticCustomError(
        PROBLEMS_ERROR, "{summary}", {"summary": "; ".join(p.en for p in problems), "problems": tuple(problems)}
    )
