"""Golden tests: each bad rules file in `cases/` and the exact messages it gets, in both languages.

A case is `cases/<CODE>_<situation>.nr`; its expected output is `cases/<CODE>_<situation>.expected`.
A case without its `.expected` file fails. After an intended change of wording, or to write the
file of a new case, run `python -m pytest tests/golden --update-golden` and review the diff of the
`.expected` files (as Catala's `clerk test --reset`).
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from netralrules.cli import main
from netralrules.diagnostics.messages import CATALOG
from netralrules.syntax.loader import MAX_FILE_BYTES
from tests.golden_files import GoldenFiles

CASES = Path(__file__).parent / "cases"
_CODE = re.compile(r"^([EW]\d{4})_")


def _run(args: list[str]) -> str:
    """Run the CLI in-process from the golden folder, so paths in messages are short and stable."""
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(CASES)
    try:
        code = main(args, stdout=out, stderr=err)
    finally:
        os.chdir(cwd)
    return f"{out.getvalue()}{err.getvalue()}== exit {code}\n"


def _output(case: str) -> str:
    """Both languages, as a reviewer reads them."""
    args = ["check", "--alone", case]  # each case file stands alone, not with the other cases of the folder
    if case.endswith(".args"):
        # Arguments of `check`, unless they name another command (`evaluate … --why-not …`, `gaps …`,
        # `register check TRAIL.json`).
        words = (CASES / case).read_text(encoding="utf-8").split()
        args = words if words[0] in {"evaluate", "gaps", "register", "audit"} else ["check", *words]
    return "".join(f"== {lang} ==\n" + _run([*args, "--lang", lang]) for lang in ("id", "en"))


def _cases() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.suffix in {".nr", ".args"} or p.is_dir())


@pytest.mark.parametrize("case", _cases())
def test_golden(case: str, golden: GoldenFiles) -> None:
    actual = _output(case)
    match = _CODE.match(case)
    assert match, f"case {case} must be named after the code it shows"
    assert f"[{match.group(1)}]" in actual, f"{case} does not produce {match.group(1)}"
    golden.check(actual, CASES / (Path(case).stem + ".expected"))


def test_file_too_large(tmp_path: Path) -> None:
    """E0003 needs a file over the limit; it is made here rather than kept in the repository."""
    big = tmp_path / "besar.nr"
    big.write_text("# " + "x" * MAX_FILE_BYTES + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", str(big)], stdout=out, stderr=err)
    assert code == 1
    assert "error[E0003]" in err.getvalue()
    assert f"melebihi batas {MAX_FILE_BYTES} bita" in err.getvalue()


def test_every_code_has_a_golden_case_and_a_page() -> None:
    shown = {m.group(1) for name in _cases() if (m := _CODE.match(name))}
    shown.add("E0003")  # test_file_too_large
    docs = Path(__file__).parents[2] / "docs" / "errors"
    missing_cases = sorted(set(CATALOG) - shown)
    missing_pages = sorted(code for code in CATALOG if not (docs / f"{code}.md").exists())
    assert not missing_cases, f"codes without a golden case: {missing_cases}"
    assert not missing_pages, f"codes without a docs/errors page: {missing_pages}"
