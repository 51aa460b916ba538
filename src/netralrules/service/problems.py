"""Errors as RFC 9457 problem+json: the engine's codes and messages (Indonesian or English by
`Accept-Language`), never a stack trace.

    {"type": "tag:netralrules,2024:problem:E0404", "title": "...", "status": 422, "detail": "...",
     "code": "E0404", "errors": [{"pointer": "tindakan[0].jenis", "code": "E0404", "detail": "..."}]}
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from netralrules.diagnostics import NetralrulesError, Text
from netralrules.facts import CODES, IncidentError

MEDIA_TYPE = "application/problem+json"

# Codes of the service itself (the engine's are E0xxx).
SERVICE_CODES: dict[str, tuple[int, Text]] = {
    "S0400": (400, Text("permintaan tidak sah", "bad request")),
    "S0401": (401, Text("kunci API diperlukan atau tidak sah", "a valid API key is required")),
    "S0403": (403, Text("peran kunci ini tidak mengizinkan permintaan ini", "this key's role does not allow this request")),
    "S0404": (404, Text("tidak ditemukan", "not found")),
    "S0405": (405, Text("metode tidak diizinkan", "method not allowed")),
    "S0409": (
        409,
        Text("kunci idempotensi sudah dipakai untuk permintaan lain", "idempotency key already used for another request"),
    ),
    "S0413": (413, Text("permintaan terlalu besar", "request too large")),
    "S0415": (415, Text("jenis isi tidak didukung", "unsupported media type")),
    "S0422": (422, Text("parameter tidak sah", "invalid parameters")),
    "S0500": (500, Text("kesalahan internal", "internal error")),
    "S0503": (503, Text("layanan sedang penuh, coba lagi", "service busy, retry later")),
}


def lang_of(accept_language: str | None) -> str:
    """`en` when the caller prefers English, else Indonesian."""
    if not accept_language:
        return "id"
    first = accept_language.split(",")[0].strip().lower()
    return "en" if first.startswith("en") else "id"


class Problem(Exception):
    """An error answer: status, code, titles in both languages, details and the problems found."""

    def __init__(
        self,
        status: int,
        code: str,
        title: Text,
        detail: Text | None = None,
        errors: Sequence[dict[str, Any]] = (),
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(code)
        self.status, self.code, self.title, self.detail = status, code, title, detail
        self.errors = list(errors)
        self.headers = headers or {}

    def body(self, lang: str, instance: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": f"tag:netralrules,2024:problem:{self.code}",
            "title": self.title.get(lang),
            "status": self.status,
            "code": self.code,
        }
        if self.detail is not None:
            out["detail"] = self.detail.get(lang)
        if instance:
            out["instance"] = instance
        if self.errors:
            out["errors"] = [{k: (v.get(lang) if isinstance(v, Text) else v) for k, v in e.items()} for e in self.errors]
        return out

    def to_bytes(self, lang: str, instance: str | None = None) -> bytes:
        return json.dumps(self.body(lang, instance), ensure_ascii=False, sort_keys=True).encode("utf-8")


def service_problem(code: str, detail: Text | None = None, headers: dict[str, str] | None = None) -> Problem:
    status, title = SERVICE_CODES[code]
    return Problem(status, code, title, detail, headers=headers)


def from_incident_error(error: IncidentError) -> Problem:
    first = error.problems[0]
    title = CODES.get(first.code, Text("data perkara tidak sah", "invalid incident data"))
    count = len(error.problems)
    detail = Text(f"{count} masalah dalam data perkara", f"{count} problem(s) in the incident data")
    errors = [
        {"pointer": p.path, "code": p.code, "detail": p.message, "line": p.line, "column": p.column} for p in error.problems
    ]
    return Problem(422, first.code, title, detail, errors)


def from_engine_error(error: NetralrulesError) -> Problem:
    diagnostics = list(error.diagnostics)
    first = diagnostics[0] if diagnostics else None
    code = first.code if first is not None else "E0000"
    title = first.message if first is not None else Text("kesalahan aturan", "rulebook error")
    errors = [{"code": d.code, "detail": d.message, "pointer": d.span.file} for d in diagnostics]
    return Problem(422, code, title, None, errors)
