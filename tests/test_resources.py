"""The package finds its grammar and bundled rulebook in the checkout, in an editable install, and
in a wheel installed outside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import netralrules
from netralrules.resources import default_rulebook_path, grammar_path

ROOT = Path(__file__).parents[1]

_PROBE = """
import json, netralrules
from netralrules.resources import grammar_path, default_rulebook_path
from netralrules.authoring import check_paths
report = check_paths()
print(json.dumps({
    "module": netralrules.__file__,
    "grammar": str(grammar_path()),
    "rules": str(default_rulebook_path()),
    "ok": report.ok,
    "provisions": len(report.rulebook.provisions) if report.rulebook else 0,
}))
"""


def _probe(cwd: Path, env: dict[str, str] | None = None) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=cwd, env=env, capture_output=True, text=True, check=True, timeout=120
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_in_the_checkout() -> None:
    assert grammar_path() == ROOT / "grammar" / "netralrules.lark"
    assert default_rulebook_path() == ROOT / "rules"
    assert grammar_path().is_file() and any(default_rulebook_path().rglob("*.nr"))


def test_installed_package_from_another_directory(tmp_path: Path) -> None:
    """However the running interpreter has netralrules installed (editable in CI), it works from
    any working directory."""
    result = _probe(tmp_path)
    assert result["ok"] is True
    assert Path(str(result["grammar"])).is_file()
    assert int(str(result["provisions"])) >= 7


def test_editable_install_reads_the_repository() -> None:
    dist = _direct_url()
    if dist is None or not dist.get("dir_info", {}).get("editable"):
        pytest.skip("netralrules is not installed in editable mode in this interpreter")
    assert Path(netralrules.__file__).resolve().is_relative_to(ROOT / "src")
    assert grammar_path() == ROOT / "grammar" / "netralrules.lark"


def _direct_url() -> dict[str, dict[str, bool]] | None:
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        text = distribution("netralrules").read_text("direct_url.json")
    except PackageNotFoundError:
        return None
    return json.loads(text) if text else None


def test_wheel_installed_outside_the_checkout(tmp_path: Path) -> None:
    """Build the wheel, install it into a folder far from the checkout, and run from there."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("netralrules-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "netralrules/_data/grammar/netralrules.lark" in names
    assert any(n.startswith("netralrules/_data/rules/") and n.endswith(".nr") for n in names)
    assert "netralrules/py.typed" in names
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = _probe(elsewhere, env)
    assert Path(str(result["module"])).resolve().is_relative_to(site.resolve())
    assert Path(str(result["grammar"])).resolve().is_relative_to(site.resolve())
    assert Path(str(result["rules"])).resolve().is_relative_to(site.resolve())
    assert result["ok"] is True and int(str(result["provisions"])) >= 7
