"""Checks of gap declarations (`celah`): the values they list, their dates, reason and names.

Declarations that cover the same cell may overlap (two reasons for one silence, or a contested
reading beside a not-yet-encoded one): that is not an error.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence

from netralrules.checker.typing_ import first_label
from netralrules.diagnostics import Diagnostic, Label, Text, make
from netralrules.diagnostics.suggest import closest
from netralrules.facts.schema import JENIS_PEMILU, JENIS_TINDAKAN, STAGES, STATUS_KEPEGAWAIAN
from netralrules.syntax import ast

# STAGES (facts.schema): the six stages of an election, in order; the gap matrix has one column per stage.

# field word (as in `GapDeclaration.item_spans`), English field word, what (id, en), valid values
_LISTS: tuple[tuple[str, str, Text, tuple[str, ...]], ...] = (
    ("jenis_tindakan", "act_kinds", Text("jenis tindakan", "act kind"), tuple(JENIS_TINDAKAN.values)),
    ("untuk", "applies_to", Text("status kepegawaian", "employment status"), tuple(STATUS_KEPEGAWAIAN.values)),
    ("tahap", "stages", Text("tahap pemilu", "election stage"), STAGES),
    ("jenis_pemilu", "election_kinds", Text("jenis pemilu", "election kind"), tuple(JENIS_PEMILU.values)),
)


def declarations_covering(
    gaps: Mapping[str, ast.GapDeclaration],
    act_kind: str,
    status: str,
    date: datetime.date,
    stage: str | None = None,
    election_kind: str | None = None,
) -> tuple[ast.GapDeclaration, ...]:
    """The declarations that cover one act (in source order): for the evaluation stage, which looks
    up the declared reason of an act in a gap (`rulebook.checked.gaps`)."""
    return tuple(g for g in gaps.values() if g.covers(act_kind, status, date, stage, election_kind))


def check_gaps(
    gaps: Iterable[ast.GapDeclaration], provisions: Mapping[str, ast.Provision]
) -> tuple[dict[str, ast.GapDeclaration], list[Diagnostic]]:
    """The declarations by id, in source order, and what is wrong with them."""
    found: dict[str, ast.GapDeclaration] = {}
    out: list[Diagnostic] = []
    for gap in gaps:
        if gap.id in found:
            out.append(
                make(
                    "E0202",
                    gap.id_span,
                    suggestion="rename",
                    extra=(first_label(found[gap.id].id_span),),
                    kind="celah ",
                    kind_en="the gap ",
                    name=gap.id,
                )
            )
            continue
        found[gap.id] = gap
        out.extend(_check_one(gap, provisions))
    return found, out


def _check_one(gap: ast.GapDeclaration, provisions: Mapping[str, ast.Provision]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    if gap.id in provisions:
        out.append(
            make(
                "E0227",
                gap.id_span,
                suggestion="rename",
                extra=(Label(provisions[gap.id].id.span, Text("ketentuan dengan nama ini", "the provision with this name")),),
                name=gap.id,
                replacement=f"{gap.id}.celah",
            )
        )
    values: dict[str, Sequence[str]] = {
        "jenis_tindakan": gap.act_kinds,
        "untuk": gap.statuses,
        "tahap": gap.stages,
        "jenis_pemilu": gap.election_kinds,
    }
    for word, word_en, what, valid in _LISTS:
        for name in values[word]:
            if name in valid:
                continue
            replacement = closest(name, valid)
            out.append(
                make(
                    "E0225",
                    gap.item_span(word, name),
                    label="here",
                    suggestion="similar" if replacement else "list",
                    name=name,
                    what=what.id,
                    what_en=what.en,
                    field=word,
                    field_en=word_en,
                    gap=gap.id,
                    replacement=replacement or "",
                    options=", ".join(f"`{v}`" for v in valid),
                )
            )
    if gap.end is not None and gap.end < gap.start:
        out.append(
            make(
                "E0211",
                gap.item_span("sampai", ""),
                suggestion="swap",
                start=gap.start.isoformat(),
                end=gap.end.isoformat(),
            )
        )
    reason_given = any(name == "reason_field" for name, _ in gap.field_spans)
    if reason_given and not gap.reason.strip():
        span = next(sp for name, sp in gap.field_spans if name == "reason_field")
        out.append(make("E0226", span, suggestion="explain", gap=gap.id))
    return out
