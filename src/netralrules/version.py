"""The version of netralrules, in one place: the `version` of `pyproject.toml`, as installed.

`netralrules.__version__`, `netralrules --version` and the engine version recorded in every
decision (`mesin.versi`) all read `VERSION`. It comes from the installed distribution's metadata
(`importlib.metadata`), which a wheel and an editable install both have. A source tree that was
never installed (`PYTHONPATH=src`) has no metadata: then the version is read from the
`pyproject.toml` next to `src/`, and if even that is missing it is `0+unknown`, so importing never
fails. An editable install reports the version it was installed with: after changing `version`
in `pyproject.toml`, reinstall (`pip install -e .`), or a test (tests/test_version.py) fails.
"""

from __future__ import annotations

import importlib.metadata
import tomllib
from pathlib import Path

_PYPROJECT = Path(__file__).resolve().parent.parent.parent / "pyproject.toml"


def _version() -> str:
    try:
        return importlib.metadata.version("netralrules")
    except importlib.metadata.PackageNotFoundError:
        pass
    try:
        project = tomllib.loads(_PYPROJECT.read_text(encoding="utf-8"))["project"]
        return str(project["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "0+unknown"


VERSION: str = _version()
