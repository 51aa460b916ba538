"""The OpenAPI document: the incident schema is the one `netralrules schema` prints (the same
pydantic models), the decision schema is `tools.records.decision_json_schema`, and every error is a
problem+json `Problem`. Request bodies are read raw and validated by the engine (all problems at
once, with the engine's codes), so their schemas are declared here rather than inferred."""

from __future__ import annotations

import copy
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from netralrules.facts import incident_json_schema
from netralrules.service.problems import MEDIA_TYPE
from netralrules.tools.records import decision_json_schema, report_csp

REPORT_CSP = report_csp()

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "title": "Problem (RFC 9457)",
    "required": ["type", "title", "status", "code"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "code": {"type": "string"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
}

_DECISION_OR_NULL = {"anyOf": [{"$ref": "#/components/schemas/Decision"}, {"type": "null"}]}
EVALUATE_RESPONSE: dict[str, Any] = {
    "type": "object",
    "required": ["id", "rulebook", "ulangan", "waktu", "keputusan"],
    "properties": {
        "id": {"type": "string"},
        "rulebook": {"type": "string"},
        "ulangan": {"type": "boolean", "description": "rekaman pertama dikembalikan / the first record, replayed"},
        "waktu": {"type": "string"},
        "keputusan": _DECISION_OR_NULL,
        "laporan": {"type": "string", "description": "laporan Markdown / the report as Markdown"},
        "penjelasan": {"type": "object", "description": "grafik node-link / the node-link graph"},
    },
}
RECORD_RESPONSE: dict[str, Any] = {
    "type": "object",
    "required": ["id", "insiden", "rulebook", "waktu", "ringkasan", "keputusan", "insiden_data", "dihapus"],
    "properties": {
        "id": {"type": "string"},
        "insiden": {"type": "string"},
        "rulebook": {"type": "string"},
        "waktu": {"type": "string"},
        "ringkasan": {"type": "object"},
        "keputusan": _DECISION_OR_NULL,
        "insiden_data": {"anyOf": [{"type": "object"}, {"type": "null"}]},
        "dihapus": {"anyOf": [{"type": "string"}, {"type": "null"}]},
    },
}
RECORDS_RESPONSE: dict[str, Any] = {
    "type": "object",
    "required": ["insiden", "keputusan"],
    "properties": {"insiden": {"type": "string"}, "keputusan": {"type": "array", "items": RECORD_RESPONSE}},
}
OBJECT_RESPONSE: dict[str, Any] = {"type": "object"}
NDJSON_RESPONSE = "ndjson"

_ERRORS = {
    401: "kunci API diperlukan / API key required",
    403: "peran tidak mengizinkan / role does not allow",
    404: "tidak ditemukan / not found",
    409: "kunci idempotensi dipakai untuk permintaan lain / idempotency key reused",
    413: "terlalu besar / too large",
    415: "jenis isi / media type",
    422: "data tidak sah (kode mesin) / invalid data (engine codes)",
    503: "penuh, coba lagi (Retry-After) / busy, retry (Retry-After)",
}


def responses(
    ok: dict[str, Any] | str, *, status: int = 200, extra_content: dict[str, Any] | None = None
) -> dict[int | str, Any]:
    """The responses of a route: its success, and every error as problem+json."""
    content: dict[str, Any]
    if ok == NDJSON_RESPONSE:
        content = {"application/x-ndjson": {"schema": {"type": "string"}}}
    else:
        content = {"application/json": {"schema": ok}}
    out: dict[int | str, Any] = {status: {"description": "ok", "content": {**content, **(extra_content or {})}}}
    problem = {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for code, text in _ERRORS.items():
        out[code] = {"description": text, "content": problem}
    return out


def incident_body() -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Incident"}}},
        }
    }


def wrapped_body(extra: dict[str, Any], required: tuple[str, ...] = ("insiden",)) -> dict[str, Any]:
    schema = {
        "type": "object",
        "required": list(required),
        "properties": {"insiden": {"$ref": "#/components/schemas/Incident"}, **extra},
    }
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


def _relocate(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: (v.replace("#/$defs/", "#/components/schemas/") if k == "$ref" and isinstance(v, str) else _relocate(v))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_relocate(v) for v in value]
    return value


def install_openapi(app: FastAPI) -> None:
    """Build the document once, with the incident, decision and problem schemas as components."""

    def build() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        document = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        incident = copy.deepcopy(incident_json_schema())
        incident.pop("$schema", None)
        for name, definition in incident.pop("$defs", {}).items():
            schemas[name] = _relocate(definition)
        schemas["Incident"] = _relocate(incident)
        decision = decision_json_schema()
        decision.pop("$schema", None)
        decision.pop("$id", None)
        schemas["Decision"] = decision
        schemas["Problem"] = PROBLEM_SCHEMA
        app.openapi_schema = document
        return document

    app.openapi = build  # type: ignore[method-assign]
