"""The follow-up register over HTTP (issue 17; docs/enforcement.md):

- `POST /v1/decisions/{id}/events` (submitter): append one enforcement event to a recorded decision.
  Recording is the submitter's right (it writes records, as `/v1/evaluate` does); the answer is the
  event, its position and the findings it leaves, so the clerk sees at once a flag it raised. A
  rejected event is problem+json 422 with its code (E0701–E0714) and the event field (`pointer`).
- `GET /v1/decisions/{id}/register` (reviewer): the trail, the findings, the time limits and where
  the case stands.
- `GET /v1/register/overdue` (reviewer): every case past a time limit of its procedure.

`per=YYYY-MM-DD` reads the register as of that day (default: today), for reports and tests.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from netralrules.diagnostics import Text
from netralrules.service import openapi as docs
from netralrules.service.problems import Problem, service_problem
from netralrules.service.register_store import Register, UnknownDecision
from netralrules.service.routes import Reviewer, Submitter, json_body
from netralrules.tools.register import CODES, DATA_FIELDS, KINDS, RegisterError

router = APIRouter()

DecisionId = Annotated[str, Path(max_length=64)]
AsOf = Annotated[
    str | None,
    Query(
        alias="per",
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        description="baca register per tanggal ini (bawaan: hari ini) / read the register as of this date (default: today)",
    ),
]

_DATA_TYPES: dict[str, dict[str, Any]] = {
    "teks": {"type": "string", "minLength": 1, "maxLength": 500},
    "tingkat": {"type": "string", "enum": ["ringan", "sedang", "berat"]},
    "kepada": {"type": "string", "enum": ["KASN", "BKN"]},
    "benar_salah": {"type": "boolean"},
    "bilangan": {"type": "integer", "minimum": 1},
    "tanggal": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
}
EVENT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["jenis", "tanggal", "pelaku"],
    "additionalProperties": False,
    "properties": {
        "jenis": {"type": "string", "enum": list(KINDS)},
        "tanggal": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "YYYY-MM-DD, tidak di masa depan"},
        "pelaku": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "description": "jabatan atau lembaga, bukan nama orang / a role or body, not a person's name",
        },
        "data": {
            "anyOf": [{"type": "object"}, {"type": "null"}],
            "description": "isian menurut jenis / fields by kind: "
            + "; ".join(
                f"{kind}: " + (", ".join(f"{n}{'' if req else '?'}" for n, _, req in fields) or "-")
                for kind, fields in DATA_FIELDS.items()
            ),
        },
    },
}


def _as_of(value: str | None, *, not_after_today: bool = False) -> datetime.date:
    today = datetime.date.today()
    if value is None:
        return today
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise service_problem("S0422", Text(f"`per` bukan tanggal: {value}", f"`per` is not a date: {value}")) from None
    if not_after_today and day > today:  # recording may read as of an earlier day, never let a future event in
        raise service_problem("S0422", Text(f"`per` sesudah hari ini: {value}", f"`per` is after today: {value}"))
    return day


def _register(request: Request) -> Register:
    return Register(request.app.state.service.store)


def _not_found(decision_id: str) -> Problem:
    return service_problem("S0404", Text(f"tidak ada keputusan {decision_id}", f"no decision {decision_id}"))


def register_problem(error: RegisterError) -> Problem:
    first = error.problems[0]
    count = len(error.problems)
    return Problem(
        422,
        first.code,
        CODES[first.code],
        Text(f"peristiwa ditolak: {count} masalah", f"event rejected: {count} problem(s)"),
        [{"pointer": p.path, "code": p.code, "detail": p.message} for p in error.problems],
    )


@router.post(
    "/v1/decisions/{decision_id}/events",
    tags=["register tindak lanjut / follow-up register"],
    summary="Catat satu peristiwa tindak lanjut / Record one follow-up event",
    status_code=201,
    openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": EVENT_SCHEMA}}}},
    responses=docs.responses(docs.OBJECT_RESPONSE, status=201),
)
async def add_event(request: Request, caller: Submitter, decision_id: DecisionId, per: AsOf = None) -> Response:
    """Append an event to the decision's trail if it fits the procedure's order (else 422, E07xx)."""
    raw = await json_body(request)
    today = _as_of(per, not_after_today=True)
    try:
        added = await run_in_threadpool(lambda: _register(request).add(decision_id, raw, caller, today=today))
    except UnknownDecision:
        raise _not_found(decision_id) from None
    except RegisterError as error:
        raise register_problem(error) from None
    body = {
        "keputusan": decision_id,
        "urutan": added.position,
        "peristiwa": added.event.to_dict(),
        "temuan": added.register["temuan"],
        "status": added.register["status"],
    }
    return JSONResponse(body, status_code=201)


@router.get(
    "/v1/decisions/{decision_id}/register",
    tags=["register tindak lanjut / follow-up register"],
    summary="Register tindak lanjut satu keputusan / The follow-up register of one decision",
    responses=docs.responses(docs.OBJECT_RESPONSE),
)
async def show_register(request: Request, caller: Reviewer, decision_id: DecisionId, per: AsOf = None) -> Response:
    today = _as_of(per)
    try:
        register = await run_in_threadpool(lambda: _register(request).show(decision_id, today=today))
    except UnknownDecision:
        raise _not_found(decision_id) from None
    return JSONResponse(register)


@router.get(
    "/v1/register/overdue",
    tags=["register tindak lanjut / follow-up register"],
    summary="Perkara yang lewat batas waktu / Cases past a time limit",
    responses=docs.responses(docs.OBJECT_RESPONSE),
)
async def overdue(request: Request, caller: Reviewer, per: AsOf = None) -> Response:
    today = _as_of(per)
    cases = await run_in_threadpool(lambda: _register(request).overdue(today=today))
    return JSONResponse({"per": today.isoformat(), "jumlah": len(cases), "perkara": cases})
