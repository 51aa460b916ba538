"""Who is calling, and may they: a dependency per role. Keys come in `X-API-Key` or
`Authorization: Bearer`. With no key configured, every caller on loopback is `lokal` with every role
(`netralrules serve` then refuses any other address)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from netralrules.diagnostics import Text
from netralrules.service.keys import OPEN_CALLER, authenticate
from netralrules.service.problems import service_problem

api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="kunci API / API key")
bearer = HTTPBearer(auto_error=False, description="kunci API sebagai token / the API key as a bearer token")


def require(*roles: str) -> Callable[..., object]:
    """A dependency that returns the caller's key id, or refuses with 401/403 problem+json."""

    async def caller(
        request: Request,
        key: Annotated[str | None, Security(api_key_header)],
        token: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
    ) -> str:
        service = request.app.state.service
        secret = key or (token.credentials if token is not None else None)
        if secret is None and await run_in_threadpool(service.is_open):
            request.state.caller = OPEN_CALLER
            return OPEN_CALLER
        if secret is None:
            raise service_problem("S0401", headers={"WWW-Authenticate": 'Bearer realm="netralrules"'})
        record = await run_in_threadpool(authenticate, service.store, secret)
        if record is None:
            raise service_problem("S0401", headers={"WWW-Authenticate": 'Bearer realm="netralrules"'})
        request.state.caller = record.id
        if roles and record.role not in roles:
            raise service_problem(
                "S0403",
                Text(f"peran {record.role}; diperlukan: {', '.join(roles)}", f"role {record.role}; needed: {', '.join(roles)}"),
            )
        return record.id

    return caller
