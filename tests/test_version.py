"""The version lives in one place, `VERSION` of version.py: pyproject.toml takes it from there
(hatchling), and `__version__`, `--version` and the engine version recorded in decisions read it."""

from __future__ import annotations

import importlib.metadata
import io
import re
import tomllib
from pathlib import Path

import pytest

import netralrules
from netralrules.cli import main
from netralrules.rulebook import ENGINE_VERSION
from netralrules.version import VERSION

PYPROJECT = Path(__file__).parents[1] / "pyproject.toml"
EXAMPLE = Path(__file__).parents[1] / "examples" / "pns_kampanye_atribut_partai.json"


def test_pyproject_takes_the_version_from_version_py() -> None:
    pyproject = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"]  # no second copy
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "src/netralrules/version.py"
    # hatchling's pattern: the literal it reads is the one the package imports.
    source = (PYPROJECT.parent / "src" / "netralrules" / "version.py").read_text(encoding="utf-8")
    literal = re.search(r'^(?:__version__|VERSION) *= *([\'"])v?(?P<version>.+?)\1', source, re.MULTILINE)
    assert literal is not None and literal["version"] == VERSION


def test_every_version_is_the_one_of_version_py() -> None:
    assert netralrules.__version__ == VERSION == ENGINE_VERSION == importlib.metadata.version("netralrules"), (
        "installed metadata differs from version.py: reinstall with pip install -e ."
    )


def test_cli_and_decisions_report_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    assert capsys.readouterr().out == f"netralrules {VERSION}\n"  # argparse writes to sys.stdout
    decision = netralrules.evaluate(EXAMPLE.read_text(encoding="utf-8"))
    assert decision.to_dict()["mesin"] == {"nama": "netralrules", "versi": VERSION}
