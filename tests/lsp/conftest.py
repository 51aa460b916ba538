"""A real client for `netralrules lsp`: pytest-lsp starts the server as a subprocess and talks to it
over stdio, as an editor does. One server per test module (starting one costs about a second)."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

REPO = Path(__file__).parents[2]
RULES = REPO / "rules"
SERVER = [sys.executable, "-m", "netralrules", "lsp", "--stdio"]


# pytest_lsp.fixture and LanguageClient.feature carry no type annotations.
@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER))  # type: ignore[untyped-decorator]
async def client(lsp_client: LanguageClient) -> AsyncIterator[LanguageClient]:
    lsp_client.refreshes = 0  # type: ignore[attr-defined]

    @lsp_client.feature(lsp.WORKSPACE_CODE_LENS_REFRESH)  # type: ignore[untyped-decorator]
    def refresh(_params: None) -> None:  # VS Code asks again for the lenses; the test counts
        lsp_client.refreshes += 1  # type: ignore[attr-defined]

    await lsp_client.initialize_session(
        lsp.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=REPO.as_uri(),
            workspace_folders=[lsp.WorkspaceFolder(uri=REPO.as_uri(), name="netralrules")],
        )
    )
    yield lsp_client
    await lsp_client.shutdown_session()


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"
