"""The ASGI application: `create_app(settings)`, or `create_app_from_env()` in each uvicorn worker.

One gate in front of every route (`Gate`): a request id, the concurrency limit (503 with
`Retry-After` instead of an unbounded queue), the body size limit (413), the hash of the rulebook
in every response, problem+json for anything unexpected (never a stack trace), the metrics and the
access log, which carries ids only: never a query string, a body or a fact of an incident.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import Response

from netralrules import __version__
from netralrules.diagnostics import NetralrulesError, Text
from netralrules.facts import IncidentError
from netralrules.service.metrics import Metrics
from netralrules.service.problems import (
    MEDIA_TYPE,
    Problem,
    from_engine_error,
    from_incident_error,
    lang_of,
    service_problem,
)
from netralrules.service.rulebooks import RulebookHolder
from netralrules.service.settings import Settings
from netralrules.service.store import Store

log = logging.getLogger("netralrules.service")
access_log = logging.getLogger("netralrules.access")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

UNLIMITED_BODY = ("/v1/batch",)  # streamed, limited per line instead
NOT_LIMITED = ("/healthz", "/readyz", "/metrics")  # answered even when the service is full
OPEN_CACHE_SECONDS = 1.0


@dataclass
class Service:
    """What every route of one worker shares."""

    settings: Settings
    store: Store
    holder: RulebookHolder
    metrics: Metrics = field(default_factory=Metrics)
    in_flight: int = 0
    _open: tuple[float, bool] = (0.0, True)

    def is_open(self) -> bool:
        """True while no API key is configured (the service then listens on loopback only)."""
        checked, value = self._open
        now = time.monotonic()
        if now - checked > OPEN_CACHE_SECONDS:
            value = self.store.active_key_count() == 0
            self._open = (now, value)
        return value

    def forget_open(self) -> None:
        self._open = (0.0, True)


class _BodyTooLarge(Exception):
    pass


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


class Gate:
    """Pure ASGI middleware: limits, request id, rulebook header, errors, metrics, access log."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        service: Service = scope["app"].state.service
        started = time.perf_counter()
        request_id = _header(scope, b"x-request-id") or uuid.uuid4().hex[:16]
        request_id = request_id[:64]
        lang = lang_of(_header(scope, b"accept-language"))
        path: str = scope["path"]
        status = {"code": 0, "started": False}
        limit = service.settings.max_body_bytes

        async def send_wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"], status["started"] = message["status"], True
                state = scope.get("state") or {}
                rulebook_hash = state.get("rulebook_hash") or service.holder.current.content_hash
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode("latin-1")))
                headers.append((b"x-netralrules-rulebook", rulebook_hash.encode("latin-1")))
                message["headers"] = headers
            await send(message)

        async def answer(problem: Problem) -> None:
            body = problem.to_bytes(lang, path)
            headers = [(b"content-type", MEDIA_TYPE.encode()), (b"content-length", str(len(body)).encode())]
            headers += [(k.lower().encode(), v.encode()) for k, v in problem.headers.items()]
            await send_wrapped({"type": "http.response.start", "status": problem.status, "headers": headers})
            await send_wrapped({"type": "http.response.body", "body": body})
            service.metrics.inc("netralrules_errors_total", (("code", problem.code),), text="errors answered, by code")

        received = 0

        async def receive_counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge
            return message

        counted = not path.startswith(UNLIMITED_BODY)
        try:
            if not path.startswith(NOT_LIMITED) and service.in_flight >= service.settings.max_concurrency:
                await answer(service_problem("S0503", headers={"Retry-After": "1"}))
                return
            length = _header(scope, b"content-length")
            if counted and length is not None and length.isdigit() and int(length) > limit:
                await answer(service_problem("S0413", Text(f"batas {limit} bita", f"the limit is {limit} bytes")))
                return
            service.in_flight += 1
            try:
                await self.app(scope, receive_counted if counted else receive, send_wrapped)
            finally:
                service.in_flight -= 1
        except _BodyTooLarge:
            if not status["started"]:
                await answer(service_problem("S0413", Text(f"batas {limit} bita", f"the limit is {limit} bytes")))
        except Exception as error:  # the caller gets problem+json; the log gets the type, not the content
            log.error("request %s failed: %s", request_id, type(error).__name__)
            if not status["started"]:
                await answer(service_problem("S0500"))
        finally:
            elapsed = time.perf_counter() - started
            route = scope.get("route")
            template = getattr(route, "path", None) or ("unmatched" if status["code"] == 404 else path)
            labels = (("method", scope["method"]), ("route", template), ("status", str(status["code"])))
            service.metrics.inc("netralrules_requests_total", labels, text="requests answered")
            service.metrics.observe(
                "netralrules_request_duration_seconds", (("route", template),), elapsed, text="time to answer, by route"
            )
            state = scope.get("state") or {}
            access_log.info(
                "%s %s %s %d %.1fms caller=%s",
                request_id,
                scope["method"],
                path,
                status["code"],
                elapsed * 1000,
                state.get("caller", "-"),
            )


def _problem_response(request: Request, problem: Problem) -> Response:
    service: Service = request.app.state.service
    service.metrics.inc("netralrules_errors_total", (("code", problem.code),), text="errors answered, by code")
    return Response(
        problem.to_bytes(lang_of(request.headers.get("accept-language")), request.url.path),
        status_code=problem.status,
        media_type=MEDIA_TYPE,
        headers=problem.headers,
    )


def _install_handlers(app: FastAPI) -> None:
    async def on_problem(request: Request, error: Exception) -> Response:
        assert isinstance(error, Problem)
        return _problem_response(request, error)

    async def on_incident(request: Request, error: Exception) -> Response:
        assert isinstance(error, IncidentError)
        return _problem_response(request, from_incident_error(error))

    async def on_engine(request: Request, error: Exception) -> Response:
        assert isinstance(error, NetralrulesError)
        return _problem_response(request, from_engine_error(error))

    async def on_validation(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        errors = [
            {
                "pointer": ".".join(str(p) for p in e.get("loc", ())),
                "code": "S0422",
                "detail": (str(e.get("msg", "")), str(e.get("msg", ""))),
            }
            for e in error.errors()
        ]
        problem = service_problem("S0422")
        problem.errors = errors
        return _problem_response(request, problem)

    async def on_http(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        code = {401: "S0401", 403: "S0403", 404: "S0404", 405: "S0405", 413: "S0413", 415: "S0415"}.get(
            error.status_code, "S0400"
        )
        return _problem_response(request, service_problem(code, headers=dict(error.headers or {})))

    app.add_exception_handler(Problem, on_problem)
    app.add_exception_handler(IncidentError, on_incident)
    app.add_exception_handler(NetralrulesError, on_engine)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application; the store is migrated and the rulebook loaded at start-up."""
    from netralrules.service import audit_routes, operations, register_routes, routes
    from netralrules.service.openapi import install_openapi

    settings = settings or Settings()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = Store(settings.db_url)
        await run_in_threadpool(store.migrate)
        holder = await run_in_threadpool(RulebookHolder.start, store, settings.rules)
        service = Service(settings, store, holder)
        app.state.service = service
        service.metrics.set(
            "netralrules_rulebook_info", (("hash", holder.current.content_hash),), 1, text="the rulebook this worker serves"
        )
        if settings.retention_days is not None:
            removed = await run_in_threadpool(store.tombstone_older_than, settings.retention_days)
            log.info("retention: %d record(s) older than %d days tombstoned", removed, settings.retention_days)
        reload_requested = asyncio.Event()
        loop = asyncio.get_running_loop()
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError, AttributeError):
            loop.add_signal_handler(signal.SIGHUP, reload_requested.set)
        task = asyncio.create_task(_follow(service, reload_requested))
        log.info("serving rulebook %s (store %s)", holder.current.content_hash, store.engine.dialect.name)
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError, AttributeError):
                loop.remove_signal_handler(signal.SIGHUP)
            store.close()

    app = FastAPI(
        title="netralrules",
        version=__version__,
        summary="Aturan netralitas ASN sebagai layanan / ASN neutrality rules as a service",
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
    )
    app.include_router(routes.router)
    app.include_router(operations.router)
    app.include_router(register_routes.router)  # the follow-up register (issue 17)
    app.include_router(audit_routes.router)
    _install_handlers(app)
    app.add_middleware(Gate)
    install_openapi(app)
    return app


async def _follow(service: Service, reload_requested: asyncio.Event) -> None:
    """Every poll: switch to the store's active rulebook; on SIGHUP: reload the configured folder."""
    while True:
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(reload_requested.wait(), timeout=service.settings.poll_seconds)
        try:
            if reload_requested.is_set():
                reload_requested.clear()
                try:
                    rulebook = await run_in_threadpool(service.holder.reload, service.settings.rules)
                    log.info("SIGHUP: rulebook %s active", rulebook.content_hash)
                except NetralrulesError as error:
                    log.error("SIGHUP: the rulebook has %d error(s); still serving the old one", len(error.diagnostics))
            elif await run_in_threadpool(service.holder.follow):
                pass
            service.metrics.set(
                "netralrules_rulebook_info",
                (("hash", service.holder.current.content_hash),),
                1,
                text="the rulebook this worker serves",
            )
        except asyncio.CancelledError:
            raise
        except Exception as error:  # a store that is briefly away must not stop the worker following
            log.warning("could not follow the active rulebook: %s", type(error).__name__)


def create_app_from_env() -> FastAPI:
    """The uvicorn factory for workers: settings from the environment `netralrules serve` set."""
    return create_app(Settings.from_env())
