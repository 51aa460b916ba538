"""Any incident input (model, mapping, JSON or YAML text) → a validated `Incident`, or one
`IncidentError` listing every problem. No other exception escapes for bad input."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from netralrules.facts.errors import IncidentError, IncidentProblem, kind_of, problem
from netralrules.facts.incident import Incident

# PyYAML loads only for YAML text (an incident file `.yaml`, a rule case): JSON, the usual input,
# does not pay for it.
if TYPE_CHECKING:
    import yaml

_PARSER_FAILURES = (ValueError, TypeError, OverflowError, RecursionError)
# The one size limit of an incident (E0415), for every way in: the API (text or bytes), an incident
# file (`evaluate`, `diff`), a line of `--batch`. Pass `max_bytes` to change it for one call.
MAX_INCIDENT_BYTES = 5 * 1024 * 1024
_YAML_MERGE = "tag:yaml.org,2002:merge"
_YAML_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def load_incident(
    data: Incident | Mapping[str, Any] | str | bytes, *, source: str = "<input>", max_bytes: int = MAX_INCIDENT_BYTES
) -> Incident:
    """Validate an incident given as a model, a mapping, JSON text or YAML text.

    Text is read as JSON when `source` ends in `.json`, as YAML when it ends in `.yaml` or `.yml`,
    and otherwise as JSON if it starts with `{` or `[`, else as YAML (`yaml.safe_load`). Bytes must
    be UTF-8. `source` names the input in messages. Raises `IncidentError` with every problem found;
    text or bytes of more than `max_bytes` bytes are refused (E0415) before they are parsed.
    """
    if isinstance(data, Incident):
        return data  # already validated when it was built
    value: object = data
    if isinstance(value, str | bytes | bytearray) and _size(value) > max_bytes:
        raise IncidentError([too_large(max_bytes)], source=source)
    if isinstance(value, bytes | bytearray):
        value = _decode(bytes(value), source)
    if isinstance(value, str):
        value = _parse(value, source)
    if not isinstance(value, Mapping):
        raise IncidentError([_not_an_object(value)], source=source)
    try:
        return Incident.model_validate(dict(value))
    except ValidationError as error:
        from netralrules.facts.translate import problems_from  # the messages load for bad input only

        raise IncidentError(problems_from(error), source=source) from None


def _size(value: str | bytes | bytearray) -> int:
    if isinstance(value, str):
        return len(value.encode("utf-8", "surrogatepass"))
    return len(value)


def too_large(limit: int) -> IncidentProblem:
    """The problem of an incident larger than `limit` bytes."""
    return problem("", "E0415", f"insiden lebih dari {limit} bita", f"the incident is larger than {limit} bytes")


def read_incident_file(path: str | os.PathLike[str], max_bytes: int = MAX_INCIDENT_BYTES) -> bytes:
    """The bytes of an incident file, read with a cap: a device (`/dev/zero`) or a file that grows
    is never read past `max_bytes`, whatever its size says. Raises `IncidentError` (E0415) when
    larger, and `OSError` when it cannot be read."""
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise IncidentError([too_large(max_bytes)], source=os.fspath(path))
    return data


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise IncidentError(
            [
                problem(
                    "",
                    "E0402",
                    f"masukan bukan teks UTF-8 yang sah (bita ke-{error.start})",
                    f"the input is not valid UTF-8 text (byte number {error.start})",
                )
            ],
            source=source,
        ) from None


def _parse(text: str, source: str) -> object:
    text = text.removeprefix("\ufeff")
    suffix = source.lower().rsplit(".", 1)[-1] if "." in source else ""
    if suffix == "json" or (suffix not in {"yaml", "yml"} and text.lstrip().startswith(("{", "["))):
        return _parse_json(text, source)
    return _parse_yaml(text, source)


def _parse_json(text: str, source: str) -> object:
    duplicates: list[tuple[dict[str, Any], str]] = []

    def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                duplicates.append((result, key))
            result[key] = value
        return result

    try:
        value = json.loads(text, object_pairs_hook=unique_keys)
    except json.JSONDecodeError as error:
        raise IncidentError(
            [
                problem(
                    "",
                    "E0401",
                    f"teks JSON tidak sah ({error.msg})",
                    f"malformed JSON: {error.msg}",
                    line=error.lineno,
                    column=error.colno,
                )
            ],
            source=source,
        ) from None
    except _PARSER_FAILURES as error:  # a number too long, nesting too deep
        raise IncidentError([_unreadable("JSON", error)], source=source) from None
    if duplicates:
        where = _object_locations(value)
        raise IncidentError([_duplicate((*where.get(id(obj), ()), key), None, None) for obj, key in duplicates], source=source)
    return value


def _object_locations(value: object) -> dict[int, tuple[str | int, ...]]:
    """id of every object (dict) in a parsed JSON value → its location (the hook cannot know it)."""
    where: dict[int, tuple[str | int, ...]] = {}
    stack: list[tuple[object, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        item, loc = stack.pop()
        if isinstance(item, dict):
            where[id(item)] = loc
            stack.extend((child, (*loc, key)) for key, child in item.items())
        elif isinstance(item, list):
            stack.extend((child, (*loc, index)) for index, child in enumerate(item))
    return where


def _yaml_loader() -> Any:
    # libyaml's parser when PyYAML has it: the pure-Python one takes 45 s for a 1.4 MB incident (issue
    # 13's campaign); the constructor, and so what a document means, is the same safe one.
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_yaml(text: str, source: str) -> object:
    import yaml

    try:
        value = _safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = " ".join(part for part in (error.context, error.problem) if part) or "?"
        raise IncidentError(
            [
                problem(
                    "",
                    "E0401",
                    f"teks YAML tidak sah ({reason})",
                    f"malformed YAML: {reason}",
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                )
            ],
            source=source,
        ) from None
    except yaml.YAMLError as error:
        raise IncidentError([_unreadable("YAML", error)], source=source) from None
    except _PARSER_FAILURES as error:
        # Typically an unquoted impossible date (`tanggal: 2024-02-30`), which PyYAML turns into a
        # date and fails on; find it in the node tree to say where.
        raise IncidentError(_yaml_node_problems(text) or [_unreadable("YAML", error)], source=source) from None
    problems = _yaml_node_problems(text)
    if problems:
        raise IncidentError(problems, source=source)
    return value


def _safe_load(text: str) -> object:
    # yaml.safe_load with libyaml's parser when there is one (never yaml.load: tests/syntax/test_hostile.py).
    loader = _yaml_loader()(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _yaml_node_problems(text: str) -> list[IncidentProblem]:
    """Duplicate keys and impossible dates, located by path, line and column.

    safe_load keeps the last of two equal keys silently; a case file saying both `jam_kerja: false`
    and `jam_kerja: true` must be rejected instead. Composing builds nodes only, nothing else.
    """
    import yaml

    try:
        root = yaml.compose(text, Loader=_yaml_loader())
    except (yaml.YAMLError, *_PARSER_FAILURES):
        return []
    found: list[IncidentProblem] = []
    stack: list[tuple[yaml.Node | None, tuple[str | int, ...]]] = [(root, ())]
    seen: set[int] = set()
    while stack:
        node, loc = stack.pop()
        if node is None or id(node) in seen:  # aliases share nodes: visit each once
            continue
        seen.add(id(node))
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        if isinstance(node, yaml.MappingNode):
            keys: set[tuple[str, str]] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != _YAML_MERGE:
                    if (key.tag, key.value) in keys:
                        found.append(_duplicate((*loc, key.value), key.start_mark.line + 1, key.start_mark.column + 1))
                    keys.add((key.tag, key.value))
                    stack.append((value, (*loc, key.value)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*loc, index)) for index, item in enumerate(node.value))
        elif node.tag == _YAML_TIMESTAMP and not _is_timestamp(node.value):
            found.append(
                problem(
                    loc,
                    "E0408",
                    f"`{node.value}` bukan tanggal yang sah; tulis TTTT-BB-HH, misalnya 2024-09-22",
                    f"`{node.value}` is not a valid date; write YYYY-MM-DD, e.g. 2024-09-22",
                    line=line,
                    column=column,
                )
            )
    return sorted(found, key=lambda p: (p.line or 0, p.column or 0))


def _is_timestamp(text: str) -> bool:
    import yaml

    try:
        yaml.SafeLoader.construct_yaml_timestamp(yaml.SafeLoader(""), yaml.ScalarNode(_YAML_TIMESTAMP, text))
    except _PARSER_FAILURES:
        return False
    return True


def _duplicate(loc: tuple[str | int, ...], line: int | None, column: int | None) -> IncidentProblem:
    key = loc[-1] if loc else ""
    return problem(
        loc,
        "E0413",
        f"isian `{key}` ditulis lebih dari sekali dalam satu objek",
        f"field `{key}` appears more than once in one object",
        line=line,
        column=column,
    )


def _unreadable(language: str, error: BaseException) -> IncidentProblem:
    reason = str(error)[:200] or type(error).__name__
    return problem("", "E0401", f"teks {language} tidak dapat dibaca ({reason})", f"cannot read the {language} text: {reason}")


def _not_an_object(value: object) -> IncidentProblem:
    kind = kind_of(value)
    return problem(
        "",
        "E0403",
        f"isi teratas harus objek (`{{…}}`) berisi satu perkara, bukan {kind.id}",
        f"the top level must be an object (`{{…}}`) holding one incident, not {kind.en}",
    )
