"""Lark is pinned below 2: syntax/tables.py loads the shipped LALR tables with Lark's private
`Lark._load_from_dict` (the comment there says why that is safe), so moving to another major
version of Lark must be a conscious act: change the range in pyproject.toml and rerun this."""

from __future__ import annotations

import tomllib
from pathlib import Path

import lark
from packaging.requirements import Requirement  # pytest's own dependency
from packaging.version import Version

PYPROJECT = Path(__file__).parents[2] / "pyproject.toml"


def _lark_requirements() -> list[Requirement]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    listed = [*project["dependencies"], *(r for extra in project["optional-dependencies"].values() for r in extra)]
    return [req for req in map(Requirement, listed) if req.name == "lark"]


def test_every_lark_requirement_has_an_upper_bound_below_2() -> None:
    requirements = _lark_requirements()
    assert requirements, "pyproject.toml does not require lark"
    for req in requirements:
        upper = [s for s in req.specifier if s.operator in {"<", "<=", "==", "~="}]
        assert upper, f"{req}: no upper bound"
        assert not req.specifier.contains("2.0", prereleases=True), f"{req}: admits Lark 2"
        assert all(Version(s.version) <= Version("2") for s in upper if s.operator == "<"), req


def test_the_installed_lark_is_in_the_required_range() -> None:
    for req in _lark_requirements():
        assert req.specifier.contains(lark.__version__, prereleases=True), f"Lark {lark.__version__} is not in {req}"
