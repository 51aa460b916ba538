"""`pakai` lines: a definition of another instrument is used only where a file names it.

Who owns a definition: the instrument declared in the same folder (the bundled rulebook keeps one
folder per instrument, with its `instrumen` declaration in `instrumen.nr`). A file may use the
definitions of its own folder freely; a definition from any other folder must be named at the top
of the file with `pakai NAME dari INSTRUMENT`. Definition names stay unique across the rulebook:
`pakai` makes a name visible and shows where it comes from, it does not rename anything.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping

from netralrules.checker.typing_ import DefRef, Resolution
from netralrules.diagnostics import Diagnostic, Label, Text, make
from netralrules.diagnostics.suggest import closest
from netralrules.source import Span
from netralrules.syntax import ast


def folder(path: str) -> str:
    """The folder of a file as messages show it (`rules/pp94_2021`, `.` for a bare file name)."""
    return posixpath.dirname(path) or "."


def check_uses(
    files: Iterable[ast.RulesFile],
    instruments: Mapping[str, ast.Instrument],
    definitions: Mapping[str, ast.Definition],
    resolutions: Mapping[Span, Resolution],
) -> list[Diagnostic]:
    """E0201 (unknown instrument), E0222 (used without `pakai`), E0223 (`pakai` names a definition
    its instrument lacks) and W0307 (a `pakai` name not needed)."""
    owners: dict[str, list[str]] = {}
    for name in sorted(instruments):
        owners.setdefault(folder(instruments[name].id.span.file), []).append(name)
    # The first use of each definition, by file.
    used: dict[str, dict[str, Span]] = {}
    for span, resolution in resolutions.items():
        if isinstance(resolution, DefRef):
            seen = used.setdefault(span.file, {})
            if resolution.name not in seen or span.start < seen[resolution.name].start:
                seen[resolution.name] = span
    out: list[Diagnostic] = []
    for file in files:
        out.extend(_check_file(file, owners, instruments, definitions, used.get(file.path, {})))
    return out


def _check_file(
    file: ast.RulesFile,
    owners: Mapping[str, list[str]],
    instruments: Mapping[str, ast.Instrument],
    definitions: Mapping[str, ast.Definition],
    used: Mapping[str, Span],
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    here = folder(file.path)
    named: dict[str, ast.Use] = {}
    for use in file.uses:
        instrument = use.instrument.name
        if instrument not in instruments:
            replacement = closest(instrument, instruments)
            out.append(
                make(
                    "E0201",
                    use.instrument.span,
                    suggestion="similar" if replacement else "include",
                    name=instrument,
                    replacement=replacement or "",
                    folder=here,
                )
            )
            for ref in use.names:  # one error for the line, not one more for every use of its names
                named.setdefault(ref.name, use)
            continue
        home = folder(instruments[instrument].id.span.file)
        for ref in use.names:
            if ref.name in named:
                out.append(_unneeded(ref, "sudah di-`pakai` di atas", "is already brought in above"))
                continue
            named[ref.name] = use
            problems = _check_name(ref, instrument, home, here, owners, definitions, used)
            out.extend(problems)
            for d in problems:
                # `pakai masa_kampanya`: the suggested fix also covers the uses of `masa_kampanye`.
                if d.code == "E0223" and ref.name not in definitions and (stand_in := _replacement(ref.name, home, definitions)):
                    named.setdefault(stand_in, use)
    missing: dict[str, list[str]] = {}
    for name in sorted(used, key=lambda n: used[n].start):
        where = folder(definitions[name].name.span.file)
        if where != here and name not in named:
            missing.setdefault(where, []).append(name)
    for where, names in missing.items():
        for name in names:
            out.append(_missing(file, name, used[name], definitions[name], owners.get(where, []), where, names))
    return out


def _check_name(
    ref: ast.Ref,
    instrument: str,
    home: str,
    here: str,
    owners: Mapping[str, list[str]],
    definitions: Mapping[str, ast.Definition],
    used: Mapping[str, Span],
) -> list[Diagnostic]:
    """One name of a `pakai … dari INSTRUMENT` line whose instrument is known."""
    name = ref.name
    definition = definitions.get(name)
    if definition is None:
        own = _owned(home, definitions)
        replacement = _replacement(name, home, definitions)
        return [
            make(
                "E0223",
                ref.span,
                suggestion="similar" if replacement else "list" if own else "none",
                reason=f"tidak ada definisi `{name}`",
                reason_en=f"there is no definition `{name}`",
                instrument=instrument,
                replacement=replacement or "",
                options=", ".join(f"`{n}`" for n in own),
            )
        ]
    where = folder(definition.name.span.file)
    if where != home:
        owner = owners.get(where, [])
        suggestion: str | None = None
        if owner:
            line = f"pakai {name} dari {owner[0]}"
            reason = (
                f"definisi `{name}` milik `{owner[0]}`, bukan `{instrument}`",
                f"the definition `{name}` belongs to `{owner[0]}`, not `{instrument}`",
            )
            suggestion = "owner"
        else:
            line = ""
            reason = (
                f"definisi `{name}` ada di folder `{where}`, yang tidak mendeklarasikan instrumen, bukan milik `{instrument}`",
                f"the definition `{name}` is in the folder `{where}`, which declares no instrument; it is not `{instrument}`'s",
            )
        extra = (Label(definition.name.span, Text("didefinisikan di sini", "defined here")),)
        return [make("E0223", ref.span, suggestion=suggestion, extra=extra, reason=reason[0], reason_en=reason[1], line=line)]
    if where == here:
        return [
            _unneeded(
                ref,
                f"milik instrumen berkas ini sendiri (`{instrument}`) dan dapat dipakai tanpa `pakai`",
                f"belongs to this file's own instrument (`{instrument}`) and is usable without `pakai`",
            )
        ]
    if name not in used:
        return [_unneeded(ref, "tidak dipakai dalam berkas ini", "is not used in this file")]
    return []


def _owned(home: str, definitions: Mapping[str, ast.Definition]) -> list[str]:
    return sorted(n for n, d in definitions.items() if folder(d.name.span.file) == home)


def _replacement(name: str, home: str, definitions: Mapping[str, ast.Definition]) -> str | None:
    """The definition a mistyped `pakai` name most likely means: the instrument's own first."""
    return closest(name, _owned(home, definitions)) or closest(name, definitions)


def _unneeded(ref: ast.Ref, reason: str, reason_en: str) -> Diagnostic:
    return make(
        "W0307",
        ref.span,
        suggestion="remove",
        name=ref.name,
        reason=f"`{ref.name}` {reason}",
        reason_en=f"`{ref.name}` {reason_en}",
    )


def _missing(
    file: ast.RulesFile,
    name: str,
    span: Span,
    definition: ast.Definition,
    owner: list[str],
    where: str,
    names: list[str],
) -> Diagnostic:
    """E0222, suggesting the one `pakai` line that brings in every name this file lacks from that
    instrument (added to the line already there, if there is one)."""
    extra = (Label(definition.name.span, Text("didefinisikan di sini", "defined here")),)
    if not owner:
        return make(
            "E0222",
            span,
            suggestion="no_owner",
            extra=extra,
            name=name,
            owner=f"folder `{where}`, yang tidak mendeklarasikan instrumen",
            owner_en=f"the folder `{where}`, which declares no instrument",
            folder=where,
        )
    instrument = owner[0]
    existing = next((u for u in file.uses if u.instrument.name == instrument), None)
    listed = [r.name for r in existing.names] if existing is not None else []
    line = f"pakai {', '.join([*listed, *names])} dari {instrument}"
    return make(
        "E0222",
        span,
        suggestion="extend" if existing is not None else "add",
        extra=extra,
        name=name,
        owner=f"instrumen `{instrument}`",
        owner_en=f"the instrument `{instrument}`",
        line=line,
    )
