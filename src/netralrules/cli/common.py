"""What the commands share: loading the rulebook a command names, and the usage-error codes."""

from __future__ import annotations

from typing import TextIO

from netralrules.diagnostics import RulebookError
from netralrules.rulebook import Rulebook, from_report, load_rulebook

# Diagnostics that mean the command was given wrong paths: exit 2, as for bad arguments.
USAGE_CODES = {"E0001", "E0005"}


def load_rules(paths: list[str] | None, lang: str, err: TextIO) -> Rulebook | None:
    if not paths:
        return load_rulebook()
    try:
        return load_rulebook(paths)  # from the cache when these files were loaded before
    except RulebookError:
        pass
    from netralrules.authoring import check_paths  # the checker, to show every diagnostic
    from netralrules.diagnostics.render import render_all

    report = check_paths(paths)
    rulebook = from_report(report, paths)
    if rulebook is None:
        err.write(render_all(report.diagnostics, report.sources, lang))
    return rulebook
