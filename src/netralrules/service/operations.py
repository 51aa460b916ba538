"""The routes that read and administer: decision records and tombstones, the schemas, the rulebook
and its versions, reload and keys (admin), health, readiness and metrics."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, PlainTextResponse, Response

from netralrules.diagnostics import NetralrulesError, Text
from netralrules.facts import incident_json_schema
from netralrules.service import openapi as docs
from netralrules.service.keys import ROLES, create_key
from netralrules.service.problems import service_problem
from netralrules.service.routes import Admin, Reviewer, json_body, parse_json, rulebook_of
from netralrules.tools.records import decision_json_schema, rulebook_data

router = APIRouter()


# ---- decisions --------------------------------------------------------------------------------
@router.get(
    "/v1/decisions/{decision_id}",
    tags=["keputusan / decisions"],
    summary="Satu rekaman keputusan / One decision record",
    responses=docs.responses(docs.RECORD_RESPONSE),
)
async def get_decision(request: Request, caller: Reviewer, decision_id: Annotated[str, Path(max_length=64)]) -> Response:
    stored = await run_in_threadpool(request.app.state.service.store.get, decision_id)
    if stored is None:
        raise service_problem("S0404", Text(f"tidak ada keputusan {decision_id}", f"no decision {decision_id}"))
    return JSONResponse(stored.to_dict())


@router.get(
    "/v1/decisions",
    tags=["keputusan / decisions"],
    summary="Keputusan suatu perkara / The decisions of an incident",
    responses=docs.responses(docs.RECORDS_RESPONSE),
)
async def decisions_of_incident(
    request: Request,
    caller: Reviewer,
    insiden: Annotated[str, Query(min_length=1, max_length=1000, description="id perkara / incident id")],
    batas: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Response:
    records = await run_in_threadpool(request.app.state.service.store.by_incident, insiden, batas)
    return JSONResponse({"insiden": insiden, "keputusan": [r.to_dict() for r in records]})


@router.delete(
    "/v1/incidents/{incident_id:path}",
    tags=["keputusan / decisions"],
    summary="Hapus data perkara (nisan) / Erase an incident (tombstone)",
    responses=docs.responses(docs.OBJECT_RESPONSE),
)
async def erase_incident(request: Request, caller: Admin, incident_id: str) -> Response:
    """On a data subject's request (UU 27/2022): the incident and the decision detail of every record
    of this incident are removed; the summary and the hashes stay."""
    count = await run_in_threadpool(request.app.state.service.store.tombstone, incident_id)
    return JSONResponse({"insiden": incident_id, "dihapus": count})


# ---- schemas and the rulebook -----------------------------------------------------------------
@router.get("/v1/schema/incident", tags=["skema / schemas"], summary="JSON Schema perkara / Incident JSON Schema")
async def incident_schema() -> JSONResponse:
    return JSONResponse(incident_json_schema())


@router.get("/v1/schema/decision", tags=["skema / schemas"], summary="JSON Schema keputusan / Decision JSON Schema")
async def decision_schema() -> JSONResponse:
    return JSONResponse(decision_json_schema())


@router.get(
    "/v1/rulebook",
    tags=["rulebook"],
    summary="Rulebook yang berlaku / The rulebook served",
    responses=docs.responses(docs.OBJECT_RESPONSE),
)
async def current_rulebook(request: Request) -> Response:
    """Instruments, and provisions with citation, statutory text and validity."""
    rulebook = rulebook_of(request)
    return JSONResponse(await run_in_threadpool(rulebook_data, rulebook))


@router.get(
    "/v1/rulebooks",
    tags=["rulebook"],
    summary="Versi rulebook yang pernah dilayani / Rulebook versions served",
    responses=docs.responses(docs.OBJECT_RESPONSE),
)
async def rulebook_versions(request: Request) -> Response:
    versions = await run_in_threadpool(request.app.state.service.store.rulebook_versions)
    return JSONResponse({"rulebook": request.app.state.service.holder.current.content_hash, "versi": versions})


@router.get(
    "/v1/rulebooks/{content_hash}",
    tags=["rulebook"],
    summary="Teks satu versi rulebook / The text of one rulebook version",
    responses=docs.responses(docs.OBJECT_RESPONSE),
)
async def rulebook_version(request: Request, content_hash: Annotated[str, Path(max_length=80)]) -> Response:
    """The text of every file of a version this service has served, by its hash: the law applied."""
    files = await run_in_threadpool(request.app.state.service.store.rulebook_files, content_hash)
    if files is None:
        raise service_problem("S0404", Text(f"tidak ada rulebook {content_hash}", f"no rulebook {content_hash}"))
    return JSONResponse({"rulebook": content_hash, "berkas": files})


# ---- admin ------------------------------------------------------------------------------------
@router.post(
    "/v1/admin/rulebook/reload",
    tags=["admin"],
    summary="Muat ulang rulebook / Reload the rulebook",
    openapi_extra={
        "requestBody": {
            "required": False,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": {"aturan": {"type": "array", "items": {"type": "string"}}},
                        "additionalProperties": False,
                    }
                }
            },
        }
    },
    responses=docs.responses(docs.OBJECT_RESPONSE),
)
async def reload_rulebook(request: Request, caller: Admin) -> Response:
    """Load a folder (default: the configured rules), check it, and make it active in every worker
    only if it has no error (422 with the diagnostics otherwise; the old version stays)."""
    service = request.app.state.service
    raw = await request.body()
    body = parse_json(raw) if raw.strip() else {}
    paths = body.get("aturan") if isinstance(body, dict) else None
    if paths is not None and (not isinstance(paths, list) or not all(isinstance(p, str) for p in paths)):
        raise service_problem("S0422", Text("`aturan` harus daftar jalur", "`aturan` must be a list of paths"))
    before = service.holder.current.content_hash
    try:
        rulebook = await run_in_threadpool(service.holder.reload, paths or list(service.settings.rules))
    except NetralrulesError:
        raise
    except OSError as error:
        raise service_problem("S0422", Text(f"tidak dapat membaca: {error.strerror}", f"cannot read: {error.strerror}")) from None
    request.state.rulebook_hash = rulebook.content_hash
    return JSONResponse({"rulebook": rulebook.content_hash, "sebelumnya": before, "generasi": service.holder.generation})


@router.post(
    "/v1/admin/keys",
    tags=["admin"],
    summary="Buat kunci API / Create an API key",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["peran"],
                        "properties": {"peran": {"enum": list(ROLES)}, "nama": {"type": "string", "maxLength": 200}},
                    }
                }
            },
        }
    },
    responses=docs.responses(docs.OBJECT_RESPONSE),
)
async def new_key(request: Request, caller: Admin) -> Response:
    """The key is in this answer only; the store keeps its hash."""
    service = request.app.state.service
    body = await json_body(request)
    role = body.get("peran") if isinstance(body, dict) else None
    name = body.get("nama", "") if isinstance(body, dict) else ""
    if role not in ROLES or not isinstance(name, str):
        raise service_problem("S0422", Text(f"peran: {', '.join(ROLES)}", f"role: {', '.join(ROLES)}"))
    record, key = await run_in_threadpool(create_key, service.store, role, name[:200])
    service.forget_open()
    return JSONResponse({"id": record.id, "peran": record.role, "nama": record.name, "kunci": key}, status_code=201)


@router.get("/v1/admin/keys", tags=["admin"], summary="Daftar kunci / List keys", responses=docs.responses(docs.OBJECT_RESPONSE))
async def list_keys(request: Request, caller: Admin) -> Response:
    keys = await run_in_threadpool(request.app.state.service.store.list_keys)
    return JSONResponse(
        {"kunci": [{"id": k.id, "peran": k.role, "nama": k.name, "dibuat": k.created_at, "dicabut": k.revoked_at} for k in keys]}
    )


@router.delete(
    "/v1/admin/keys/{key_id}",
    tags=["admin"],
    summary="Cabut kunci / Revoke a key",
    responses=docs.responses(docs.OBJECT_RESPONSE),
)
async def revoke_key(request: Request, caller: Admin, key_id: Annotated[str, Path(max_length=16)]) -> Response:
    service = request.app.state.service
    if not await run_in_threadpool(service.store.revoke_key, key_id):
        raise service_problem("S0404", Text(f"tidak ada kunci aktif {key_id}", f"no active key {key_id}"))
    service.forget_open()
    return JSONResponse({"id": key_id, "dicabut": True})


# ---- health and metrics -----------------------------------------------------------------------
@router.get("/healthz", tags=["operasi / operations"], summary="Proses hidup / Process alive")
async def healthz() -> JSONResponse:
    return JSONResponse({"status": "ok"})


@router.get(
    "/readyz",
    tags=["operasi / operations"],
    summary="Siap melayani / Ready to serve",
    responses={503: {"description": "store unreachable", "content": {"application/json": {"schema": {"type": "object"}}}}},
)
async def readyz(request: Request) -> JSONResponse:
    service = request.app.state.service
    ready = await run_in_threadpool(service.store.ping)
    body = {"status": "ok" if ready else "store unreachable", "rulebook": service.holder.current.content_hash}
    return JSONResponse(body, status_code=200 if ready else 503)


@router.get(
    "/metrics",
    tags=["operasi / operations"],
    summary="Metrik Prometheus / Prometheus metrics",
    response_class=PlainTextResponse,
)
async def metrics(request: Request) -> PlainTextResponse:
    text = request.app.state.service.metrics.render()
    return PlainTextResponse(text, media_type="text/plain; version=0.0.4; charset=utf-8")
