"""The checked rulebook: the output of the check stage."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from netralrules.checker.typing_ import Resolution
from netralrules.source import Span
from netralrules.syntax import ast

KNOWN_PRINCIPLES: tuple[str, ...] = ("lex_superior", "lex_specialis", "lex_posterior")


@dataclass(frozen=True)
class CheckedRulebook:
    """Names resolved, types known, exceptions ordered. Input to the compile stage."""

    instruments: Mapping[str, ast.Instrument]
    provisions: Mapping[str, ast.Provision]
    definitions: Mapping[str, ast.Definition]
    sanction_tables: Mapping[tuple[str, str], ast.SanctionTable]
    principles: tuple[str, ...]
    # Provisions ordered so that every exception comes before the provision it excepts.
    exception_order: tuple[str, ...]
    resolutions: Mapping[Span, Resolution]
    content_hash: str
    # Supervisory bodies a case is referred to (`lembaga_pengawas`), by name.
    supervisors: Mapping[str, ast.Supervisor] = field(default_factory=dict)
    # Gap declarations (`celah`): cells for which the rulebook states that no provision applies,
    # by id, in source order (the order of the files, then of the declarations in each).
    gaps: Mapping[str, ast.GapDeclaration] = field(default_factory=dict)
    # Procedures (`prosedur`): what must happen after a finding, by the instrument whose regime
    # they belong to (checker/procedures.py).
    procedures: Mapping[str, ast.Procedure] = field(default_factory=dict)


def content_hash(files: tuple[ast.RulesFile, ...]) -> str:
    """A hash of what the rulebook says, not how it is laid out: layout, comments, file names and
    the order of files and declarations do not change it."""
    parts = sorted(repr(d) + _sources(d) for f in files for d in f.declarations)
    hashed = hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
    return f"sha256:{hashed}"


def _sources(decl: ast.Declaration) -> str:
    """The sources of a declaration for the hash (not in its repr, so that a rulebook without
    sources hashes as it did before sources existed)."""
    sources = getattr(decl, "sources", ())
    if isinstance(decl, ast.Procedure):
        # A procedure's items carry their own sources.
        from netralrules.checker.procedures import all_sources

        sources = tuple(all_sources(decl))
    return f" sources={sources!r}" if sources else ""
