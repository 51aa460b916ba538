"""Warnings the checker can decide: clauses that can never fire, equal-rank clauses with the same
condition but different outcomes, disciplinary outcomes with no tier, unused definitions, tiers
with no sanction table.

"Can never fire" is decided only for what is certain from the text: a condition that is literally
false, a conjunction that requires one fact to equal two different values, or a date range whose
end is before its start. Anything subtler is left to the rule tests.
"""

from __future__ import annotations

from collections.abc import Mapping

from netralrules.diagnostics import Diagnostic, Label, Text, make
from netralrules.syntax import ast


def warnings(
    instruments: Mapping[str, ast.Instrument],
    provisions: Mapping[str, ast.Provision],
    definitions: Mapping[str, ast.Definition],
    tables: Mapping[tuple[str, str], ast.SanctionTable],
    used_definitions: set[str],
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for prov in provisions.values():
        if prov.condition is not None:
            reason = never_true(prov.condition, definitions)
            if reason is not None:
                out.append(
                    make(
                        "W0301", prov.condition.span, suggestion="check", name=prov.id.name, reason=reason.id, reason_en=reason.en
                    )
                )
        outcome = prov.outcome
        if outcome is None:
            continue
        if outcome.category == ast.Category.DISIPLIN and outcome.tier is None and not prov.note:
            out.append(make("W0303", outcome.span, suggestion="note", name=prov.id.name))
        if outcome.category == ast.Category.DISIPLIN and outcome.tier is not None:
            basis = outcome.tier_basis or prov.citation
            if basis is not None and basis.instrument.name in instruments:
                key = (basis.instrument.name, outcome.tier)
                if key not in tables:
                    out.append(make("W0305", outcome.span, suggestion="add", instrument=key[0], tier=key[1]))
    out.extend(_conflicts(instruments, provisions))
    for name, d in definitions.items():
        if name not in used_definitions:
            out.append(make("W0304", d.name.span, suggestion="remove", name=name))
    return out


def never_true(expr: ast.Expr, definitions: Mapping[str, ast.Definition]) -> Text | None:
    """Why `expr` can never be true, if that is certain from the text alone."""
    match expr:
        case ast.BoolLit(value=False):
            return Text("syaratnya `salah`", "the condition is `salah` (false)")
        case ast.And():
            equal: dict[tuple[str, ...], ast.Name] = {}
            for operand in expr.operands:
                inner = never_true(operand, definitions)
                if inner is not None:
                    return inner
                pair = _fact_equals(operand)
                if pair is None:
                    continue
                path, value = pair
                if path in equal and equal[path] != value:
                    dotted = ".".join(path)
                    return Text(
                        f"`{dotted}` tidak mungkin sekaligus `{equal[path].dotted}` dan `{value.dotted}`",
                        f"`{dotted}` cannot be both `{equal[path].dotted}` and `{value.dotted}`",
                    )
                equal[path] = value
            return None
        case ast.Or():
            reasons = [never_true(o, definitions) for o in expr.operands]
            if all(r is not None for r in reasons):
                return reasons[0]
            return None
        case ast.Between(low=ast.DateLit() as lo, high=ast.DateLit() as hi) if hi.value < lo.value:
            return Text(
                f"rentang {lo.value.isoformat()} sampai {hi.value.isoformat()} kosong",
                f"the range {lo.value.isoformat()} to {hi.value.isoformat()} is empty",
            )
        case ast.Membership(collection=ast.SetLit(items=())):
            return Text("himpunannya kosong", "the set is empty")
        case ast.Name(parts=(name,)) if name in definitions:
            return never_true(definitions[name].expr, {k: v for k, v in definitions.items() if k != name})
    return None


def _fact_equals(expr: ast.Expr) -> tuple[tuple[str, ...], ast.Name] | None:
    """`fact.path = word` as (path, word), for spotting contradictions."""
    if isinstance(expr, ast.Compare) and expr.op == "=":
        left, right = expr.left, expr.right
        if isinstance(left, ast.Name) and isinstance(right, ast.Name) and len(left.parts) > 1 and len(right.parts) == 1:
            return left.parts, right
    return None


def _key(expr: ast.Expr) -> str:
    """A layout-free, order-free key: `a dan b` and `b dan a` get the same key."""
    match expr:
        case ast.And():
            return "and(" + ",".join(sorted(_key(o) for o in expr.operands)) + ")"
        case ast.Or():
            return "or(" + ",".join(sorted(_key(o) for o in expr.operands)) + ")"
    return repr(expr)


def _conflicts(instruments: Mapping[str, ast.Instrument], provisions: Mapping[str, ast.Provision]) -> list[Diagnostic]:
    groups: dict[tuple[object, str], list[ast.Provision]] = {}
    for prov in provisions.values():
        if prov.condition is None or prov.outcome is None or prov.citation is None:
            continue
        inst = instruments.get(prov.citation.instrument.name)
        rank = inst.rank if inst else None
        groups.setdefault((rank, _key(prov.condition)), []).append(prov)
    out: list[Diagnostic] = []
    for members in groups.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                assert a.outcome is not None and b.outcome is not None
                # Different categories are parallel tracks (ethics, discipline, crime), not a conflict.
                if a.outcome.category != b.outcome.category or a.outcome.tier == b.outcome.tier:
                    continue
                if any(t.name == b.id.name for t in a.excepts) or any(t.name == a.id.name for t in b.excepts):
                    continue
                if not _overlap(a, b):
                    continue
                out.append(
                    make(
                        "W0302",
                        b.id.span,
                        suggestion="except",
                        extra=(Label(a.id.span, Text("ketentuan lainnya", "the other provision")),),
                        name=b.id.name,
                        other=a.id.name,
                        outcome=_outcome(b.outcome),
                        other_outcome=_outcome(a.outcome),
                    )
                )
    return out


def _outcome(o: ast.Outcome) -> str:
    return f"{o.category} {o.tier}" if o.tier else o.category


def _overlap(a: ast.Provision, b: ast.Provision) -> bool:
    """Whether two provisions can apply to the same person on the same day."""
    if a.subjects and b.subjects and not {s.name for s in a.subjects} & {s.name for s in b.subjects}:
        return False
    va, vb = a.validity, b.validity
    a_start = va.start.value if va and va.start else None
    a_end = va.end.value if va and va.end else None
    b_start = vb.start.value if vb and vb.start else None
    b_end = vb.end.value if vb and vb.end else None
    if a_end is not None and b_start is not None and a_end < b_start:
        return False
    return not (b_end is not None and a_start is not None and b_end < a_start)
