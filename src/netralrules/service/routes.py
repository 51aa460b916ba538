"""The routes that decide: evaluate, why-not, what-if, missing facts, batch and the intake form. Every
route takes the worker's current rulebook once, at its start, and names its hash in the response
(`X-Netralrules-Rulebook`, and in the body where there is one). Reading and administration: operations.py."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Header, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse

from netralrules.diagnostics import Text
from netralrules.facts import CODES, IncidentError
from netralrules.rulebook import Decision, Rulebook
from netralrules.service import form
from netralrules.service import openapi as docs
from netralrules.service.auth import require
from netralrules.service.keys import OPEN_CALLER, authenticate
from netralrules.service.problems import Problem, from_incident_error, service_problem
from netralrules.service.store import IdempotencyConflict, NewDecision, StoredDecision
from netralrules.tools.batch import MAX_LINE_BYTES, TOO_LONG, error_record
from netralrules.tools.records import (
    ENGINE_VERSION,
    as_data,
    canonical_json,
    decision_summary,
    html_report,
    sha256,
)

router = APIRouter()

Lang = Annotated[Literal["id", "en"], Query(description="bahasa penjelasan / language of the explanation")]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=200,
        description="permintaan ulang dengan kunci yang sama mengembalikan rekaman pertama / "
        "a retried request with the same key returns the first record",
    ),
]
Submitter = Annotated[str, Depends(require("submitter"))]
Reviewer = Annotated[str, Depends(require("reviewer"))]
Admin = Annotated[str, Depends(require("admin"))]


def rulebook_of(request: Request) -> Rulebook:
    rulebook: Rulebook = request.app.state.service.holder.current
    request.state.rulebook_hash = rulebook.content_hash
    return rulebook


def parse_json(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        title = CODES["E0401"]
        raise Problem(422, "E0401", title, Text(f"JSON tidak sah: {error}", f"malformed JSON: {error}")) from None


def _check_media_type(request: Request) -> None:
    kind = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    if kind != "application/json" and not kind.endswith("+json"):
        raise service_problem("S0415", Text("kirim application/json", "send application/json"))


async def json_body(request: Request) -> Any:
    _check_media_type(request)
    return parse_json(await request.body())


# ---- evaluate ---------------------------------------------------------------------------------
def _record(
    request: Request, rulebook: Rulebook, data: Any, decision: Decision, caller: str, key: str | None
) -> tuple[StoredDecision, bool]:
    service = request.app.state.service
    canonical = canonical_json(data)
    decision_dict = decision.to_dict(include_explanation=False)
    decision_text = canonical_json(decision_dict)
    new = NewDecision(
        incident_id=decision.incident_id,
        caller=caller,
        idempotency_key=key,
        request_sha256=sha256("evaluate\n" + canonical),
        incident_sha256=sha256(canonical),
        incident=canonical,
        decision=decision_text,
        decision_sha256=sha256(decision_text),
        summary=canonical_json(decision_summary(decision_dict)),
        rulebook_hash=rulebook.content_hash,
        engine_version=ENGINE_VERSION,
    )
    try:
        stored, replayed = service.store.record(new)
    except IdempotencyConflict as conflict:
        raise service_problem(
            "S0409",
            Text(
                f"kunci ini sudah dipakai untuk rekaman {conflict.existing.id}",
                f"key already used for record {conflict.existing.id}",
            ),
        ) from None
    if not replayed:
        for track in decision_dict["penetapan"]:
            if track["status"] != "none":
                labels = (("kategori", track["kategori"]), ("status", track["status"]), ("tingkat", str(track["tingkat"])))
                service.metrics.inc("netralrules_decisions_total", labels, text="decisions recorded, by track, status and tier")
    return stored, replayed


# Explaining an incident costs time quadratic in its acts (docs/performance.md; issue 14 makes it
# linear): one request that asks for an explanation may hold at most this many acts, so that no
# single request ties up a worker for minutes. Without an explanation the engine's own limit holds.
MAX_EXPLAINED_ACTS = 50


def _bounded_for_explanation(data: Any) -> None:
    acts = data.get("tindakan") if isinstance(data, dict) else None
    if isinstance(acts, list) and len(acts) > MAX_EXPLAINED_ACTS:
        raise service_problem(
            "S0422",
            Text(
                f"penjelasan dibuat untuk paling banyak {MAX_EXPLAINED_ACTS} tindakan per permintaan "
                f"(perkara ini {len(acts)}); minta tanpa penjelasan atau bagi perkaranya",
                f"an explanation is made for at most {MAX_EXPLAINED_ACTS} acts per request "
                f"(this incident has {len(acts)}); ask without an explanation or split the incident",
            ),
        )


def _evaluate(request: Request, rulebook: Rulebook, raw: bytes, explanation: str, caller: str, key: str | None) -> Any:
    data = parse_json(raw)
    if explanation != "none":
        _bounded_for_explanation(data)
    decision = rulebook.evaluate(raw, explain=explanation != "none", source="insiden")
    return data, decision, *_record(request, rulebook, data, decision, caller, key)


@router.post(
    "/v1/evaluate",
    tags=["keputusan / decisions"],
    summary="Nilai satu perkara / Evaluate one incident",
    openapi_extra=docs.incident_body(),
    responses=docs.responses(docs.EVALUATE_RESPONSE, extra_content={"text/html": {"schema": {"type": "string"}}}),
)
async def evaluate(
    request: Request,
    caller: Submitter,
    idempotency_key: IdempotencyKey = None,
    explanation: Annotated[
        Literal["none", "report", "graph", "html"], Query(alias="penjelasan", description="none, report, graph, html")
    ] = "none",
    lang: Lang = "id",
) -> Response:
    """Evaluate an incident, record the decision, and return it (with the explanation asked for).
    A retried request with the same `Idempotency-Key` returns the first record (`ulangan: true`)."""
    rulebook = rulebook_of(request)
    _check_media_type(request)
    raw = await request.body()
    data, decision, stored, replayed = await run_in_threadpool(
        _evaluate, request, rulebook, raw, explanation, caller, idempotency_key
    )
    same_law = stored.rulebook_hash == rulebook.content_hash
    headers = {"X-Decision-Id": stored.id, "Idempotent-Replayed": "true" if replayed else "false"}
    if explanation == "html" and same_law:
        page = await run_in_threadpool(html_report, decision, lang, data)
        return HTMLResponse(page, headers={**headers, "Content-Security-Policy": docs.REPORT_CSP})
    body: dict[str, Any] = {
        "id": stored.id,
        "rulebook": stored.rulebook_hash,
        "ulangan": replayed,
        "waktu": stored.created_at,
        "keputusan": json.loads(stored.decision) if stored.decision is not None else None,
    }
    if explanation == "report" and same_law:
        body["laporan"] = await run_in_threadpool(rulebook.to_markdown, decision, lang)
    elif explanation == "graph" and same_law:
        body["penjelasan"] = decision.to_dict()["penjelasan"]
    return JSONResponse(body, headers=headers)


# ---- why-not, what-if, missing facts -----------------------------------------------------------
def _incident_of(body: Any) -> Any:
    if not isinstance(body, dict) or "insiden" not in body:
        raise Problem(422, "E0404", CODES["E0404"], Text("isian `insiden` wajib", "the field `insiden` is required"))
    _bounded_for_explanation(body["insiden"])  # why-not, what-if and missing facts all explain
    return body["insiden"]


@router.post(
    "/v1/why-not",
    tags=["penjelasan / explanations"],
    summary="Mengapa tidak / Why not",
    openapi_extra=docs.wrapped_body({"ketentuan": {"type": "array", "items": {"type": "string"}, "default": []}}),
    responses=docs.responses(docs.OBJECT_RESPONSE),
)
async def why_not(request: Request, caller: Submitter, lang: Lang = "id") -> Response:
    """The tiers and tracks not reached, and for each provision asked about its smallest unmet
    conditions (E0501 for an id the rulebook does not have). Nothing is recorded."""
    rulebook = rulebook_of(request)
    body = await json_body(request)
    incident = _incident_of(body)
    provisions = body.get("ketentuan", [])
    if not isinstance(provisions, list) or not all(isinstance(p, str) for p in provisions):
        raise service_problem("S0422", Text("`ketentuan` harus daftar teks", "`ketentuan` must be a list of strings"))

    def run() -> dict[str, Any]:
        report = rulebook.explain(incident, why_not=provisions)
        return {
            "rulebook": rulebook.content_hash,
            "mengapa_tidak": as_data(rulebook.why_not(incident, provisions)),
            "laporan": rulebook.to_markdown(report, lang),
        }

    return JSONResponse(await run_in_threadpool(run))


@router.post(
    "/v1/what-if",
    tags=["penjelasan / explanations"],
    summary="Andaikan / What if",
    openapi_extra=docs.wrapped_body(
        {
            "perubahan": {
                "type": "object",
                "minProperties": 1,
                "additionalProperties": True,
                "description": "fakta → nilai / fact → value",
            }
        },
        required=("insiden", "perubahan"),
    ),
    responses=docs.responses(docs.OBJECT_RESPONSE),
)
async def what_if(request: Request, caller: Submitter, lang: Lang = "id") -> Response:
    """The incident as it is and with some facts changed, and what changed. Nothing is recorded."""
    rulebook = rulebook_of(request)
    body = await json_body(request)
    incident = _incident_of(body)
    changes = body.get("perubahan")
    if not isinstance(changes, dict) or not changes:
        raise service_problem(
            "S0422", Text("`perubahan` harus objek fakta → nilai", "`perubahan` must be an object fact → value")
        )

    def run() -> dict[str, Any]:
        what = rulebook.what_if(incident, changes)
        return {
            "rulebook": rulebook.content_hash,
            "semula": what.baseline.to_dict(include_explanation=False),
            "andaikan": what.changed.to_dict(include_explanation=False),
            "perubahan_fakta": [c.text for c in what.changes],
            "perubahan": as_data(what.diff),
            "laporan": what.render(lang, markdown=True),
        }

    return JSONResponse(await run_in_threadpool(run))


@router.post(
    "/v1/missing-facts",
    tags=["penjelasan / explanations"],
    summary="Fakta yang belum diketahui / Missing facts",
    openapi_extra=docs.wrapped_body({}),
    responses=docs.responses(docs.OBJECT_RESPONSE),
)
async def missing_facts(request: Request, caller: Submitter) -> Response:
    """The unknown facts that hold outcomes open, most deciding first. Nothing is recorded."""
    rulebook = rulebook_of(request)
    body = await json_body(request)
    incident = _incident_of(body)
    facts = await run_in_threadpool(rulebook.missing_facts, incident)
    return JSONResponse({"rulebook": rulebook.content_hash, "fakta": as_data(facts)})


# ---- batch ------------------------------------------------------------------------------------
async def _lines(request: Request) -> AsyncIterator[bytes]:
    """The body's lines without their endings; a line longer than MAX_LINE_BYTES becomes TOO_LONG."""
    buffer = bytearray()
    skipping = False
    async for chunk in request.stream():
        buffer += chunk
        while (end := buffer.find(b"\n")) >= 0:
            line = bytes(buffer[:end]).rstrip(b"\r")
            del buffer[: end + 1]
            if skipping:
                skipping = False
                yield TOO_LONG
            else:
                yield line
        if len(buffer) > MAX_LINE_BYTES:
            buffer.clear()
            skipping = True
    if skipping:
        yield TOO_LONG
    elif buffer.strip():
        yield bytes(buffer).rstrip(b"\r")


def _batch_line(request: Request, rulebook: Rulebook, raw: bytes, line: int, caller: str, key: str | None) -> str:
    if raw == TOO_LONG:
        limit = MAX_LINE_BYTES // (1024 * 1024)
        return canonical_json(
            error_record(line, "E0401", f"baris lebih dari {limit} MiB", f"the line is longer than {limit} MiB")
        )
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return canonical_json(error_record(line, "E0401", "teks JSON tidak sah", "malformed JSON"))
    try:
        decision = rulebook.evaluate(raw, explain=False, source=f"baris {line}")
        stored, replayed = _record(request, rulebook, data, decision, caller, f"{key}#{line}" if key else None)
    except IncidentError as error:
        problem = from_incident_error(error)
        first = error.problems[0]
        problems = [{"lokasi": p.path, "kode": p.code, "pesan": p.message.id, "message": p.message.en} for p in error.problems]
        return canonical_json(error_record(line, problem.code, first.message.id, first.message.en, problems))
    except Problem as problem:  # an idempotency key reused for another incident on this line
        return canonical_json(error_record(line, problem.code, problem.title.id, problem.title.en))
    return canonical_json(
        {
            "baris": line,
            "id": stored.id,
            "ulangan": replayed,
            "rulebook": stored.rulebook_hash,
            "keputusan": json.loads(stored.decision),
        }
        if stored.decision is not None
        else {"baris": line, "id": stored.id, "ulangan": replayed, "rulebook": stored.rulebook_hash, "keputusan": None}
    )


class _LineStream(StreamingResponse):
    """A streamed answer that does not listen for a disconnect while it streams: the body of the
    request is still being read by the same route (Starlette's listener would take its messages)."""

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        with contextlib.suppress(OSError):
            await self.stream_response(send)


@router.post(
    "/v1/batch",
    tags=["keputusan / decisions"],
    summary="Banyak perkara, satu JSON per baris / Many incidents, one JSON per line",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
            "description": "satu perkara per baris / one incident per line",
        }
    },
    responses=docs.responses(docs.NDJSON_RESPONSE),
)
async def batch(request: Request, caller: Submitter, idempotency_key: IdempotencyKey = None) -> Response:
    """One output line per input line, in order, each sent only after its record is committed: a
    line received is a record kept. A bad line gives an error record `{"baris": N, "kesalahan": …}`.
    With an `Idempotency-Key`, line N uses the key `KEY#N`, so a retried batch records nothing twice."""
    rulebook = rulebook_of(request)

    async def out() -> AsyncIterator[bytes]:
        number = 0
        async for raw in _lines(request):
            number += 1
            text = await run_in_threadpool(_batch_line, request, rulebook, raw, number, caller, idempotency_key)
            yield (text + "\n").encode("utf-8")

    return _LineStream(out(), media_type="application/x-ndjson")


# ---- the intake form --------------------------------------------------------------------------
_FORM_HEADERS = {"Content-Security-Policy": form.CSP, "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}


@router.get("/v1/form", include_in_schema=False)
async def intake_form(request: Request, lang: Lang = "id") -> HTMLResponse:
    needs_key = not await run_in_threadpool(request.app.state.service.is_open)
    return HTMLResponse(form.render_form(lang, needs_key=needs_key), headers=_FORM_HEADERS)


@router.post("/v1/form", include_in_schema=False)
async def submit_form(request: Request, lang: Lang = "id") -> HTMLResponse:
    """A posted form: evaluated and recorded like `/v1/evaluate`; the answer is the HTML report."""
    service = request.app.state.service
    rulebook = rulebook_of(request)
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        raise service_problem("S0415", Text("kirim formulir", "send a form"))
    posted = {k: v[-1] for k, v in parse_qs((await request.body()).decode("utf-8", "replace"), keep_blank_values=True).items()}
    needs_key = not await run_in_threadpool(service.is_open)
    caller = OPEN_CALLER
    if needs_key:
        record = await run_in_threadpool(authenticate, service.store, posted.get("kunci", ""))
        if record is None or record.role != "submitter":
            problem = ["Kunci API submitter diperlukan / a submitter API key is required"]
            page = form.render_form(lang, posted, problem, needs_key=True)
            return HTMLResponse(page, status_code=401 if record is None else 403, headers=_FORM_HEADERS)
        caller = record.id
    request.state.caller = caller
    incident = form.incident_from_form(posted)
    raw = canonical_json(incident).encode("utf-8")
    try:
        _, decision, stored, _ = await run_in_threadpool(_evaluate, request, rulebook, raw, "html", caller, None)
    except IncidentError as error:
        problems = [p.describe(lang) for p in error.problems]
        return HTMLResponse(form.render_form(lang, posted, problems, needs_key), status_code=422, headers=_FORM_HEADERS)
    page = await run_in_threadpool(html_report, decision, lang, incident)
    return HTMLResponse(page, headers={"Content-Security-Policy": docs.REPORT_CSP, "X-Decision-Id": stored.id})
