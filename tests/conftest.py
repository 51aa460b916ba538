from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from tests.golden_files import UPDATE_FLAG, GoldenFiles

_WRITTEN = pytest.StashKey[list[Path]]()


def pytest_configure(config: pytest.Config) -> None:
    # The rulebook cache (codegen/cache.py) of a test run lives in the run's own temporary folder,
    # not the user's ~/.cache; processes the tests start inherit it.
    if "NETRALRULES_CACHE_DIR" not in os.environ:
        folder = Path(tempfile.mkdtemp(prefix="netralrules-cache-"))
        os.environ["NETRALRULES_CACHE_DIR"] = str(folder / "cache")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        UPDATE_FLAG,
        action="store_true",
        help="write golden files (tests/golden/cases/*.expected, tests/explain/golden/*) from the current "
        "output instead of failing on a missing or different one; the run lists what it wrote (review the diff!)",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> GoldenFiles:
    """Golden-file checks for one test (tests/golden_files.py); `--update-golden` makes them write."""
    written = request.config.stash.setdefault(_WRITTEN, [])
    return GoldenFiles(update=bool(request.config.getoption(UPDATE_FLAG)), written=written)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config) -> None:
    written = config.stash.get(_WRITTEN, [])
    if not written:
        return
    terminalreporter.section("golden files written")
    root = config.rootpath
    for path in written:
        terminalreporter.write_line(f"wrote {path.relative_to(root) if path.is_relative_to(root) else path}")
    terminalreporter.write_line(f"{len(written)} golden file(s) written: review them with `git diff` before committing")
