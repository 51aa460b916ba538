"""Check: parsed files + fact schema → checked rulebook, with every semantic diagnostic.

Pure; no I/O. All problems are collected; one error never hides another.

`check` loads the checker on first use: the checked rulebook's type (`CheckedRulebook`) is all a
rulebook loaded from the cache needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from netralrules.checker.rulebook import KNOWN_PRINCIPLES, CheckedRulebook, content_hash

if TYPE_CHECKING:
    from netralrules.checker.declarations import check

__all__ = ["KNOWN_PRINCIPLES", "CheckedRulebook", "check", "content_hash"]


def __getattr__(name: str) -> Any:
    if name == "check":
        from netralrules.checker.declarations import check

        return check
    raise AttributeError(f"module 'netralrules.checker' has no attribute {name!r}")
