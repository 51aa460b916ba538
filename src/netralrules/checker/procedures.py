"""Checks of procedure declarations (`prosedur`): step codes and events from fixed vocabularies,
every item with a basis or declared open, time limits whose kind and events agree, a tier given
once for the examining team.

The vocabularies are the engine's: step codes name what the decision lists (`langkah`), events are
the follow-up register's event kinds (what a `batas_waktu` counts from and to).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from netralrules.checker.typing_ import first_label
from netralrules.diagnostics import Diagnostic, Label, Text, make
from netralrules.diagnostics.suggest import closest
from netralrules.source import Span
from netralrules.syntax import ast

# What a procedure step may be (`langkah KODE`), in the order a case runs through them.
STEP_CODES: tuple[str, ...] = (
    "kewajiban_menindaklanjuti",  # the duty to act on a suspected violation
    "pemanggilan",
    "pemeriksaan",
    "pembebasan_sementara",  # temporary release from duties during the examination
    "penjatuhan_hukuman",
    "penyampaian_keputusan",
    "tanggung_jawab_atasan",  # the superior who does not act is sanctioned
    "tanggung_jawab_pejabat",  # the official who does not impose, or imposes wrongly, is sanctioned
)
# The follow-up register's event kinds: what a time limit counts from (`sejak`) and to (`sampai`).
EVENTS: tuple[str, ...] = (
    "dilaporkan",
    "diteruskan",
    "rekomendasi",
    "pemanggilan",
    # The summoned civil servant did not come on the examination date: the second summons runs
    # from this day (addendum A6), and after a second absence the sanction may come without one.
    "tidak_hadir",
    "pemeriksaan",
    "hukuman_dijatuhkan",
    "keputusan_disampaikan",
    "keputusan_diterima",
    "hukuman_tidak_dijatuhkan",
    "keberatan",
    "banding",
    "ditutup",
)
AT_THE_LATEST = "paling_lambat"  # the later event at the latest N days after the earlier
ON_DAY = "pada_hari_ke"  # something happens on day N after the event (no later event)


def items(p: ast.Procedure) -> Iterator[tuple[str, Span, ast.ProcedureDetail]]:
    """Every item of a procedure with a detail (steps, the team, limits, remedies), with its name
    (as written) and span."""
    for step in p.steps:
        yield f"langkah {step.code.name}", step.code.span, step.detail
    if p.team is not None:
        yield "tim_pemeriksa", p.team.span, p.team.detail
    for limit in p.limits:
        yield f"batas_waktu {limit.code.name}", limit.code.span, limit.detail
    for remedy in p.remedies:
        yield f"upaya_administratif {remedy.kind}", remedy.span, remedy.detail


def open_points(p: ast.Procedure) -> Iterator[ast.OpenPoint]:
    """What a procedure leaves open: its own `terbuka` blocks, then those of its items."""
    yield from p.open_points
    for _, _, detail in items(p):
        if detail.open is not None:
            yield detail.open


def all_sources(p: ast.Procedure) -> Iterator[ast.Source]:
    """Every `sumber` of a procedure, its items and their open points."""
    yield from p.sources
    for _, _, detail in items(p):
        yield from detail.sources
        if detail.open is not None:
            yield from detail.open.sources
    for point in p.open_points:
        yield from point.sources


def check_procedures(
    procedures: Iterable[ast.Procedure],
    instrument_ref: Callable[[ast.Ref], ast.Instrument | None],
    check_citation: Callable[[ast.Citation], ast.Instrument | None],
) -> tuple[dict[str, ast.Procedure], list[Diagnostic]]:
    """The procedures by instrument name, and what is wrong with them. `instrument_ref` and
    `check_citation` are the checker's own (E0201, E0203)."""
    found: dict[str, ast.Procedure] = {}
    out: list[Diagnostic] = []
    for p in procedures:
        if p.id.name in found:
            out.append(
                make(
                    "E0202",
                    p.id.span,
                    suggestion="merge",
                    extra=(first_label(found[p.id.name].id.span),),
                    kind="prosedur ",
                    kind_en="the procedure ",
                    name=p.id.name,
                )
            )
            continue
        instrument_ref(p.id)
        found[p.id.name] = p
        out.extend(_check_one(p, check_citation))
    return found, out


def _unknown(name: str, span: Span, what: Text, field: str, field_en: str, valid: tuple[str, ...]) -> Diagnostic:
    replacement = closest(name, valid)
    return make(
        "E0240",
        span,
        label="here",
        suggestion="similar" if replacement else "list",
        name=name,
        what=what.id,
        what_en=what.en,
        field=field,
        field_en=field_en,
        replacement=replacement or "",
        options=", ".join(f"`{v}`" for v in valid),
    )


def _check_one(p: ast.Procedure, check_citation: Callable[[ast.Citation], ast.Instrument | None]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    step_what, event_what = Text("kode langkah", "step code"), Text("jenis peristiwa", "event kind")
    for step in p.steps:
        if step.code.name not in STEP_CODES:
            out.append(_unknown(step.code.name, step.code.span, step_what, "langkah", "step", STEP_CODES))
    for limit in p.limits:
        for event, word, word_en in ((limit.start, "sejak", "from"), (limit.end, "sampai", "until")):
            if event is not None and event.name not in EVENTS:
                out.append(_unknown(event.name, event.span, event_what, word, word_en, EVENTS))
        if limit.kind == AT_THE_LATEST and limit.end is None:
            out.append(make("E0242", limit.code.span, suggestion="end", name=limit.code.name))
        elif limit.kind == ON_DAY and limit.end is not None:
            out.append(make("E0242", limit.end.span, suggestion="drop", name=limit.code.name))
    for name, span, detail in items(p):
        if detail.citation is not None:
            check_citation(detail.citation)
        if detail.citation is None and detail.basis is None and detail.open is None:
            out.append(make("E0241", span, suggestion="basis", name=name, procedure=p.id.name))
    if p.team is not None:
        seen: dict[str, ast.TeamRule] = {}
        for rule in p.team.rules:
            for tier in rule.tiers:
                if tier in seen:
                    out.append(
                        make(
                            "E0243",
                            rule.span,
                            suggestion="once",
                            extra=(Label(seen[tier].span, Text("pertama di sini", "first here")),),
                            tier=str(tier),
                            procedure=p.id.name,
                        )
                    )
                else:
                    seen[tier] = rule
    return out
