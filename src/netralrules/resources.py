"""Where the package finds its grammar and the bundled rulebook.

In a wheel, both are copied into the package as `netralrules/_data/` (see `pyproject.toml`,
`force-include`). In the checkout and in an editable install they are read from the repository's
`grammar/` and `rules/` folders, so there is only one copy of each in the source tree.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_DATA_DIR = _PACKAGE_DIR / "_data"
_REPO_ROOT = _PACKAGE_DIR.parent.parent

GRAMMAR_FILE = "netralrules.lark"


def _locate(name: str) -> Path:
    packaged = _DATA_DIR / name
    if packaged.exists():
        return packaged
    return _REPO_ROOT / name


def grammar_path() -> Path:
    """The grammar file of the rules language."""
    return _locate("grammar") / GRAMMAR_FILE


def default_rulebook_path() -> Path:
    """The folder of the bundled rulebook."""
    return _locate("rules")
