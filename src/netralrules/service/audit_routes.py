"""`POST /v1/audit`: the consistency audit of a register sent as the body (CSV, one act per row,
or JSON lines, one case per line; docs/enforcement.md), for reviewers. The answer is the audit as
JSON (`audit.json` of the command line), or, with `?format=html`, its self-contained page under
the same Content-Security-Policy as the decision report. The body limit is the service's.
Nothing is recorded in the store."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, JSONResponse, Response

from netralrules.diagnostics import Text
from netralrules.diagnostics.messages import CATALOG
from netralrules.rulebook import Rulebook
from netralrules.service import openapi as docs
from netralrules.service.problems import Problem, service_problem
from netralrules.service.routes import Lang, Reviewer, rulebook_of
from netralrules.tools.audit import AuditSettings, audit, sanction_kinds
from netralrules.tools.audit_html import CSP, render_audit_html
from netralrules.tools.audit_input import RegisterError, decode, read_register

router = APIRouter()

_FORMS = {
    "text/csv": "csv",
    "application/csv": "csv",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json-lines": "jsonl",
    "application/json": "jsonl",
}
PAGE_CSP = CSP + "; frame-ancestors 'none'"  # a <meta> policy cannot carry frame-ancestors; the header can


def _form_of(request: Request) -> str:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    form = _FORMS.get(kind)
    if form is None:
        raise service_problem("S0415", Text("kirim text/csv atau application/x-ndjson", "send text/csv or application/x-ndjson"))
    return form


def _problem(error: RegisterError) -> Problem:
    d = error.diagnostic
    entry = CATALOG[d.code]
    errors: list[dict[str, Any]] = [{"code": d.code, "detail": d.message}]
    if error.source is not None:
        position = error.source.position(d.span.start)
        errors[0].update({"line": position.line, "column": position.column})
    return Problem(422, d.code, entry.title, d.message, errors)


def _run(rulebook: Rulebook, raw: bytes, form: str, settings: AuditSettings, output: str, lang: str) -> str | dict[str, Any]:
    name = "register.csv" if form == "csv" else "register.jsonl"
    try:
        register = read_register(name, decode(name, raw), sanction_kinds(rulebook), form)
    except RegisterError as error:
        raise _problem(error) from None
    result = audit(register, rulebook, settings)
    if output == "html":
        return render_audit_html(result, lang)
    return result.to_dict()


@router.post(
    "/v1/audit",
    summary="Audit konsistensi hukuman / consistency audit of sanctions imposed",
    responses=docs.responses({"type": "object"}, extra_content={"text/html": {"schema": {"type": "string"}}}),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"text/csv": {"schema": {"type": "string"}}, "application/x-ndjson": {"schema": {"type": "string"}}},
        }
    },
)
async def audit_register(
    request: Request,
    caller: Reviewer,
    lang: Lang = "id",
    output: Annotated[Literal["json", "html"], Query(alias="format", description="json atau html")] = "json",
    alpha: Annotated[float, Query(gt=0, lt=1)] = 0.05,
    correction: Annotated[Literal["bh", "holm"], Query(alias="koreksi")] = "bh",
    min_group: Annotated[int, Query(alias="kelompok_minimum", ge=1)] = 30,
) -> Response:
    """Every case evaluated and classified; rejected rows listed under `ditolak` with their line,
    column and code (E0801–E0810); a register that cannot be read at all is a 422 problem."""
    rulebook = rulebook_of(request)
    form = _form_of(request)
    raw = await request.body()
    settings = AuditSettings(alpha=alpha, correction=correction, min_group=min_group)
    answer = await run_in_threadpool(_run, rulebook, raw, form, settings, output, lang)
    if isinstance(answer, str):
        return HTMLResponse(answer, headers={"Content-Security-Policy": PAGE_CSP, "X-Content-Type-Options": "nosniff"})
    return JSONResponse(answer)
