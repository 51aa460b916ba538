"""Check: parsed files + fact schema → checked rulebook, with every semantic diagnostic.

Pure; no I/O. All problems are collected; one error never hides another.
"""

from __future__ import annotations

from netralrules.checker.declarations import check
from netralrules.checker.rulebook import KNOWN_PRINCIPLES, CheckedRulebook, content_hash

__all__ = ["KNOWN_PRINCIPLES", "CheckedRulebook", "check", "content_hash"]
