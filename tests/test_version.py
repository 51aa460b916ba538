"""The version lives in one place, pyproject.toml; `__version__`, `--version` and the engine version
recorded in decisions all read it (version.py)."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pytest

import netralrules
from netralrules.cli import main
from netralrules.rulebook import ENGINE_VERSION
from netralrules.version import VERSION

PYPROJECT = Path(__file__).parents[1] / "pyproject.toml"
EXAMPLE = Path(__file__).parents[1] / "examples" / "pns_kampanye_atribut_partai.json"


def test_the_version_is_the_one_of_pyproject() -> None:
    declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
    assert netralrules.__version__ == VERSION == ENGINE_VERSION == declared, (
        "installed metadata differs from pyproject.toml: reinstall with pip install -e ."
    )


def test_cli_and_decisions_report_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    assert capsys.readouterr().out == f"netralrules {VERSION}\n"  # argparse writes to sys.stdout
    decision = netralrules.evaluate(EXAMPLE.read_text(encoding="utf-8"))
    assert decision.to_dict()["mesin"] == {"nama": "netralrules", "versi": VERSION}
