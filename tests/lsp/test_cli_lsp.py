"""`netralrules lsp` on the command line: listed in the help, and a plain message (exit 2) when the
`lsp` extra is not installed, instead of a traceback."""

from __future__ import annotations

import io
import sys

import pytest

from netralrules.cli import main


def test_the_command_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "lsp " in capsys.readouterr().out
    assert main(["lsp", "--help"]) == 0
    assert "--stdio" in capsys.readouterr().out


def test_without_pygls_the_command_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pygls", None)  # `import pygls` now fails, as when it is not installed
    monkeypatch.delitem(sys.modules, "netralrules.lsp.server", raising=False)
    out, err = io.StringIO(), io.StringIO()
    assert main(["lsp"], out, err) == 2
    assert "pip install 'netralrules[lsp]'" in err.getvalue()
