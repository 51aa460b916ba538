"""Declaration-level checks: names, citations, validity, exceptions, outcomes."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from netralrules.checker import limits, lint, sources
from netralrules.checker.gaps import check_gaps
from netralrules.checker.procedures import check_procedures
from netralrules.checker.rulebook import KNOWN_PRINCIPLES, CheckedRulebook, content_hash
from netralrules.checker.typing_ import ExprChecker, first_label
from netralrules.checker.uses import check_uses
from netralrules.diagnostics import Diagnostic, Text, make, sort_key
from netralrules.diagnostics.suggest import closest
from netralrules.facts.schema import DEFAULT_SCHEMA, ERROR, FactSchema, Type
from netralrules.syntax import ast
from netralrules.syntax.keywords import english

# pasal (or lampiran), then ayat, then huruf and angka in either order: statutes nest both ways
# (PP 94/2021 Pasal 5 huruf n angka 2; PP 53/2010 Pasal 4 angka 12 huruf a). A citation starts at
# the body (pasal) or at an annex (lampiran: the SKB 2022 lists are cited "Lampiran II angka 6"),
# never both; ayat divides only a pasal.
_CITATION_RANK = {"pasal": 0, "lampiran": 0, "ayat": 1, "huruf": 2, "angka": 2}
_ROMAN = r"(?=[IVXLC])(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})"
_CITATION_FORMS = {
    "lampiran": (
        re.compile(_ROMAN),
        Text("nomor lampiran berupa angka Romawi, misalnya `II`", "a lampiran is a Roman numeral, such as `II`"),
    ),
    "pasal": (
        re.compile(r"[1-9][0-9]*[A-Z]?"),
        Text("nomor pasal berupa bilangan mulai 1, misalnya `5` atau `71A`", "a pasal is a number from 1, such as `5` or `71A`"),
    ),
    "ayat": (
        re.compile(r"[1-9][0-9]*"),
        Text("nomor ayat berupa bilangan mulai 1, misalnya `(1)`", "an ayat is a number from 1, such as `(1)`"),
    ),
    "huruf": (
        re.compile(r"[a-z]{1,2}"),
        Text("huruf berupa huruf kecil, misalnya `n`", "a huruf is a lowercase letter, such as `n`"),
    ),
    "angka": (
        re.compile(r"[1-9][0-9]*"),
        Text("angka berupa bilangan mulai 1, misalnya `2`", "an angka is a number from 1, such as `2`"),
    ),
}
_DAYS = {"hari": 1, "minggu": 7, "bulan": 30, "tahun": 365}


@dataclass(frozen=True)
class CheckResult:
    rulebook: CheckedRulebook | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def check(
    files: Sequence[ast.RulesFile], schema: FactSchema = DEFAULT_SCHEMA, *, context: Sequence[ast.RulesFile] = ()
) -> CheckResult:
    """Check parsed files against a fact schema. The rulebook is None when there are errors.

    `context` are files that were not asked for but that a `pakai` needs (the instruments,
    definitions and sanction tables of another folder, see `syntax.loader.add_used_instruments`):
    they are checked and become part of the rulebook, but get no warnings of their own."""
    c = _Checker(schema)
    return c.run(tuple(files), tuple(context))


class _Checker:
    def __init__(self, schema: FactSchema) -> None:
        self.schema = schema
        self.diagnostics: list[Diagnostic] = []
        self.instruments: dict[str, ast.Instrument] = {}
        self.provisions: dict[str, ast.Provision] = {}
        self.definitions: dict[str, ast.Definition] = {}
        self.tables: dict[tuple[str, str], ast.SanctionTable] = {}
        self.principles: ast.Principles | None = None
        self.supervisors: dict[str, ast.Supervisor] = {}
        self.gap_declarations: list[ast.GapDeclaration] = []
        self.procedure_declarations: list[ast.Procedure] = []
        self.definition_types: dict[str, Type] = {}
        self.in_progress: list[str] = []
        self.exprs = ExprChecker(schema, self.definitions, self.definition_type)

    def emit(self, d: Diagnostic) -> None:
        self.diagnostics.append(d)

    def run(self, asked: tuple[ast.RulesFile, ...], context: tuple[ast.RulesFile, ...] = ()) -> CheckResult:
        files = asked + context
        decls = [d for f in files for d in f.declarations]
        self.collect(decls)
        too_deep = limits.depth_diagnostics(self.definitions, self.provisions)
        if too_deep:
            # Every later check walks conditions through their definitions: stop before it does.
            return CheckResult(None, tuple(sorted([*self.diagnostics, *too_deep], key=sort_key)))
        conditions = [d.expr for d in self.definitions.values()]
        conditions += [p.condition for p in self.provisions.values() if p.condition is not None]
        self.diagnostics.extend(limits.duration_diagnostics(conditions))
        self.exprs.unavailable = {
            (f.path, r.name) for f in files for u in f.uses if u.instrument.name not in self.instruments for r in u.names
        }
        for inst in self.instruments.values():
            self.check_instrument(inst)
        for name in sorted(self.definitions):
            self.check_definition_name(self.definitions[name])
            self.definition_type(name)
        for prov in self.provisions.values():
            self.check_provision(prov)
        for table in self.tables.values():
            self.check_table(table)
        if self.principles is not None:
            self.check_principles(self.principles)
        for supervisor in self.supervisors.values():
            self.check_supervisor(supervisor)
        gaps, gap_diagnostics = check_gaps(self.gap_declarations, self.provisions)
        self.diagnostics.extend(gap_diagnostics)
        procedures, procedure_diagnostics = check_procedures(
            self.procedure_declarations, self.instrument_ref, self.check_citation
        )
        self.diagnostics.extend(procedure_diagnostics)
        order = self.exception_order()
        self.diagnostics.extend(self.exprs.diagnostics)
        self.diagnostics.extend(sources.check_sources(files))
        warnings = lint.warnings(self.instruments, self.provisions, self.definitions, self.tables, self.exprs.used_definitions)
        for d in check_uses(files, self.instruments, self.definitions, self.exprs.resolutions):
            (self.diagnostics if d.is_error else warnings).append(d)
        if any(d.is_error for d in self.diagnostics):
            # With errors, a mistyped reference would make its definition look unused: wait for a clean run.
            warnings = [w for w in warnings if w.code not in {"W0304", "W0307"}]
        # Files loaded only for a `pakai` hold part of a folder: what looks unused there is used elsewhere.
        loaded_for_uses = {f.path for f in context}
        self.diagnostics.extend(w for w in warnings if w.span.file not in loaded_for_uses)
        diagnostics = tuple(sorted(self.diagnostics, key=sort_key))
        if any(d.is_error for d in diagnostics):
            return CheckResult(None, diagnostics)
        rulebook = CheckedRulebook(
            instruments=dict(sorted(self.instruments.items())),
            provisions=dict(sorted(self.provisions.items())),
            definitions=dict(sorted(self.definitions.items())),
            sanction_tables=dict(sorted(self.tables.items())),
            principles=tuple(r.name for r in self.principles.names) if self.principles else (),
            exception_order=order,
            resolutions=dict(self.exprs.resolutions),
            content_hash=content_hash(files),
            supervisors=dict(sorted(self.supervisors.items())),
            gaps=gaps,
            procedures=procedures,
        )
        return CheckResult(rulebook, diagnostics)

    # ---- collecting names ------------------------------------------------------------------
    def collect(self, decls: Iterable[ast.Declaration]) -> None:
        for decl in decls:
            match decl:
                case ast.Instrument():
                    self.unique(self.instruments, decl.id, decl, "instrumen", "instrument")
                case ast.Provision():
                    self.unique(self.provisions, decl.id, decl, "ketentuan", "provision")
                case ast.Definition():
                    self.unique(self.definitions, decl.name, decl, "definisi", "definition")
                case ast.SanctionTable():
                    key = (decl.instrument.name, decl.tier)
                    if key in self.tables:
                        self.duplicate(
                            decl.instrument, self.tables[key].instrument, f"{key[0]} tingkat {key[1]}", "hukuman", "penalties"
                        )
                    else:
                        self.tables[key] = decl
                case ast.Supervisor():
                    self.unique(self.supervisors, decl.id, decl, "lembaga_pengawas", "supervisory body")
                case ast.GapDeclaration():
                    self.gap_declarations.append(decl)
                case ast.Procedure():
                    self.procedure_declarations.append(decl)
                case ast.Principles():
                    if self.principles is not None:
                        first = self.principles.names[0] if self.principles.names else decl.names[0]
                        self.duplicate(decl.names[0], first, "asas_konflik", "", "", merge=True)
                    else:
                        self.principles = decl

    def unique(self, table: dict, ref: ast.Ref, decl: object, kind: str, kind_en: str) -> None:  # type: ignore[type-arg]
        if ref.name in table:
            first = table[ref.name]
            first_ref = first.name if isinstance(first, ast.Definition) else first.id
            self.duplicate(ref, first_ref, ref.name, kind, kind_en)
        else:
            table[ref.name] = decl

    def duplicate(self, ref: ast.Ref, first: ast.Ref, name: str, kind: str, kind_en: str, merge: bool = False) -> None:
        self.emit(
            make(
                "E0202",
                ref.span,
                suggestion="merge" if merge else "rename",
                extra=(first_label(first.span),),
                kind=f"{kind} " if kind else "",
                kind_en=f"the {kind_en} " if kind_en else "",
                name=name,
            )
        )

    # ---- instruments -------------------------------------------------------------------------
    def check_instrument(self, inst: ast.Instrument) -> None:
        if inst.repealed_by is not None and inst.repealed_by.name not in self.instruments:
            replacement = closest(inst.repealed_by.name, self.instruments)
            self.emit(
                make(
                    "E0218",
                    inst.repealed_by.span,
                    suggestion="similar" if replacement else "declare",
                    name=inst.repealed_by.name,
                    replacement=replacement or "",
                )
            )
        if inst.in_force and inst.repealed_on and inst.repealed_on.value < inst.in_force.value:
            self.emit(
                make(
                    "E0211",
                    inst.repealed_on.span,
                    suggestion="swap",
                    start=inst.in_force.value.isoformat(),
                    end=inst.repealed_on.value.isoformat(),
                )
            )

    def instrument_ref(self, ref: ast.Ref) -> ast.Instrument | None:
        inst = self.instruments.get(ref.name)
        if inst is None:
            replacement = closest(ref.name, self.instruments)
            self.emit(
                make(
                    "E0201",
                    ref.span,
                    suggestion="similar" if replacement else "declare",
                    name=ref.name,
                    replacement=replacement or "",
                )
            )
        return inst

    def check_citation(self, citation: ast.Citation) -> ast.Instrument | None:
        inst = self.instrument_ref(citation.instrument)
        seen: dict[str, ast.CitationPart] = {}
        last_rank = -1
        for part in citation.parts:
            rank = _CITATION_RANK[part.kind]
            if part.kind in seen:
                self.malformed(part, f"`{part.kind}` disebut dua kali", f"`{part.kind}` is given twice")
                continue
            if rank < last_rank:
                later = next(p.kind for p in citation.parts if _CITATION_RANK[p.kind] == last_rank)
                self.malformed(
                    part, f"`{part.kind}` harus ditulis sebelum `{later}`", f"`{part.kind}` must come before `{later}`"
                )
            pattern, why = _CITATION_FORMS[part.kind]
            if not pattern.fullmatch(part.value):
                self.malformed(part, f"`{part.kind} {part.value}`: {why.id}", f"`{part.kind} {part.value}`: {why.en}")
            seen[part.kind] = part
            last_rank = max(last_rank, rank)
        if "pasal" in seen and "lampiran" in seen:
            self.malformed(
                seen["lampiran"],
                "rujukan menyebut `pasal` atau `lampiran`, tidak keduanya",
                "a citation names a `pasal` or a `lampiran`, not both",
            )
        elif "lampiran" in seen and "ayat" in seen:
            self.malformed(
                seen["ayat"],
                "`ayat` hanya ada di dalam `pasal`, tidak di dalam `lampiran`",
                "an `ayat` divides a `pasal`, not a `lampiran`",
            )
        elif "pasal" not in seen and "lampiran" not in seen:
            self.malformed(
                citation, "rujukan harus menyebut `pasal` atau `lampiran`", "a citation must name a `pasal` or a `lampiran`"
            )
        return inst

    def malformed(self, node: ast.CitationPart | ast.Citation, reason: str, reason_en: str) -> None:
        self.emit(make("E0203", node.span, suggestion="form", reason=reason, reason_en=reason_en))

    # ---- definitions -------------------------------------------------------------------------
    def check_definition_name(self, d: ast.Definition) -> None:
        """A definition named like a fact root or an enum value would silently hide it."""
        name = d.name.name
        meaning = meaning_en = ""
        if name in self.schema.roots:
            meaning, meaning_en = f"fakta `{name}.…`", f"the facts `{name}.…`"
        else:
            for enum_type in _enums(self.schema):
                if name in enum_type.values:
                    meaning = f"nilai `{name}` dari {enum_type.name}"
                    meaning_en = f"the value `{name}` of {enum_type.name}"
                    break
        if meaning:
            self.emit(
                make(
                    "E0219",
                    d.name.span,
                    suggestion="rename",
                    name=name,
                    meaning=meaning,
                    meaning_en=meaning_en,
                    replacement=f"{name}_terjadi",
                )
            )

    def definition_type(self, name: str) -> Type:
        if name in self.definition_types:
            return self.definition_types[name]
        if name in self.in_progress:
            cycle = [*self.in_progress[self.in_progress.index(name) :], name]
            d = self.definitions[name]
            self.emit(make("E0208", d.name.span, suggestion="break", cycle=" → ".join(cycle)))
            return ERROR
        if len(self.in_progress) > 200:  # a chain this long is a mistake, and recursion has limits
            return ERROR
        self.in_progress.append(name)
        t = self.exprs.infer(self.definitions[name].expr, {})
        self.in_progress.pop()
        # A definition already marked as an error by a cycle keeps that mark.
        self.definition_types.setdefault(name, t)
        return self.definition_types[name]

    # ---- provisions --------------------------------------------------------------------------
    def check_provision(self, prov: ast.Provision) -> None:
        inst = self.check_citation(prov.citation) if prov.citation else None
        for subject in prov.subjects:
            if subject.name not in self.schema.subjects:
                replacement = closest(subject.name, self.schema.subjects)
                self.emit(
                    make(
                        "E0214",
                        subject.span,
                        suggestion="similar" if replacement else "list",
                        name=subject.name,
                        replacement=replacement or "",
                        options=", ".join(f"`{s}`" for s in self.schema.subjects),
                    )
                )
        if prov.validity is not None:
            self.check_validity(prov, inst)
        for target in prov.excepts:
            if target.name not in self.provisions:
                replacement = closest(target.name, self.provisions)
                self.emit(
                    make(
                        "E0207",
                        target.span,
                        suggestion="similar" if replacement else None,
                        name=target.name,
                        replacement=replacement or "",
                    )
                )
        if prov.condition is not None:
            t = self.exprs.infer(prov.condition, {})
            self.exprs.expect(prov.condition, t, Type("bool"), "jika", "if")
        if prov.outcome is not None:
            self.check_outcome(prov.outcome)
        if prov.sanctions is not None and prov.sanctions.basis is not None:
            self.check_citation(prov.sanctions.basis)

    def check_validity(self, prov: ast.Provision, inst: ast.Instrument | None) -> None:
        v = prov.validity
        assert v is not None
        if v.start and v.end and v.end.value < v.start.value:
            self.emit(make("E0211", v.end.span, suggestion="swap", start=v.start.value.isoformat(), end=v.end.value.isoformat()))
        if inst is None or inst.in_force is None:
            return
        life_start = inst.in_force.value
        life_end = inst.repealed_on.value if inst.repealed_on else None
        checks: list[tuple[ast.DateLit | None, str, str]] = [(v.start, "sejak", "from"), (v.end, "sampai", "until")]
        for date, which, which_en in checks:
            if date is None or date.value == datetime.date(1, 1, 1):
                continue
            # The instrument no longer applies on the day it is repealed: its life is [in force, repealed).
            # A provision may run `sampai` the repeal date (the evaluator stops it the day before),
            # but cannot start on or after it.
            too_late = life_end is not None and (date.value >= life_end if which == "sejak" else date.value > life_end)
            outside = date.value < life_start or too_late
            if outside:
                self.emit(
                    make(
                        "E0210",
                        date.span,
                        suggestion="align",
                        name=prov.id.name,
                        which=which,
                        which_en=which_en,
                        date=date.value.isoformat(),
                        instrument=inst.id.name,
                        start=life_start.isoformat(),
                        end=life_end.isoformat() if life_end else "sekarang (belum dicabut)",
                        end_en=life_end.isoformat() if life_end else "now (not repealed)",
                    )
                )

    def check_outcome(self, outcome: ast.Outcome) -> None:
        if outcome.tier is not None and outcome.category != ast.Category.DISIPLIN:
            self.emit(
                make(
                    "E0213",
                    outcome.span,
                    suggestion="hint",
                    reason=f"tingkat `{outcome.tier}` hanya berlaku untuk hukuman disiplin, bukan `{outcome.category}`",
                    reason_en=f"a tier (`{outcome.tier}`) belongs to a disciplinary outcome, not `{outcome.category}`",
                    hint="hapus `tingkat …` atau ubah kategorinya menjadi `disiplin`",
                    hint_en="delete `tingkat …` or make the category `disiplin`",
                )
            )
        if outcome.penalties and outcome.category != ast.Category.PIDANA:
            self.emit(
                make(
                    "E0213",
                    outcome.penalties[0].span,
                    suggestion="hint",
                    reason=f"ancaman penjara, kurungan atau denda hanya untuk `pidana`, bukan `{outcome.category}`",
                    reason_en=f"imprisonment, detention or fines belong to `pidana`, not `{outcome.category}`",
                    hint="ubah kategorinya menjadi `pidana`",
                    hint_en="make the category `pidana`",
                )
            )
        if outcome.category == ast.Category.PIDANA and not outcome.penalties:
            self.emit(
                make(
                    "E0213",
                    outcome.span,
                    suggestion="hint",
                    reason="akibat `pidana` harus menyebut ancaman pidananya",
                    reason_en="a `pidana` outcome must state its penalty",
                    hint="misalnya `maka pidana penjara paling_lama 1 tahun dan denda paling_banyak Rp12.000.000`",
                    hint_en="e.g. `maka pidana penjara paling_lama 1 tahun dan denda paling_banyak Rp12.000.000`",
                )
            )
        for basis in (outcome.tier_basis, outcome.penalty_basis):
            if basis is not None:
                self.check_citation(basis)
        self.check_readings(outcome)
        for penalty in outcome.penalties:
            self.check_penalty(penalty)

    def check_readings(self, outcome: ast.Outcome) -> None:
        """The other readings of a contested tier (`bacaan_lain`): a tier to contest, a different
        tier in each reading, and a declared instrument as each reading's basis."""
        seen: set[ast.Tier] = {outcome.tier} if outcome.tier is not None else set()
        for r in outcome.other_readings:
            if outcome.tier is None or outcome.category != ast.Category.DISIPLIN:
                self.emit(make("E0231", r.span, suggestion="tier", category=outcome.category))
            elif r.tier in seen:
                self.emit(make("E0230", r.span, suggestion="differ", tier=r.tier, tier_en=english(r.tier)))
            seen.add(r.tier)
            name = r.basis.instrument.name
            if name not in self.instruments:
                replacement = closest(name, self.instruments)
                self.emit(
                    make(
                        "E0232",
                        r.basis.instrument.span,
                        suggestion="similar" if replacement else "declare",
                        name=name,
                        replacement=replacement or "",
                    )
                )
            elif r.basis.parts:
                self.check_citation(r.basis)

    def check_penalty(self, penalty: ast.Penalty) -> None:
        wants_money = penalty.kind == "denda"
        for q in (penalty.minimum, penalty.maximum):
            if q is None:
                continue
            if wants_money and q.rupiah is None:
                self.bad_penalty(
                    q,
                    "`denda` diukur dalam rupiah",
                    "a `denda` is an amount of rupiah",
                    "misalnya `Rp12.000.000`",
                    "e.g. `Rp12.000.000`",
                )
            if not wants_money and q.duration is None:
                self.bad_penalty(
                    q,
                    f"`{penalty.kind}` diukur dalam jangka waktu",
                    f"`{penalty.kind}` is a length of time",
                    "misalnya `1 tahun`",
                    "e.g. `1 tahun`",
                )
        lo, hi = penalty.minimum, penalty.maximum
        if lo is not None and _amount(lo) > _amount(hi) >= 0:
            self.bad_penalty(
                lo,
                "batas bawah ancaman lebih besar dari batas atasnya",
                "the lower bound is above the upper bound",
                "tukar kedua batas",
                "swap the bounds",
            )

    def bad_penalty(self, q: ast.Quantity, reason: str, reason_en: str, hint: str, hint_en: str) -> None:
        self.emit(make("E0217", q.span, suggestion="hint", reason=reason, reason_en=reason_en, hint=hint, hint_en=hint_en))

    def check_table(self, table: ast.SanctionTable) -> None:
        self.instrument_ref(table.instrument)
        if table.citation is not None:
            self.check_citation(table.citation)
        if table.sanctions is not None and table.sanctions.basis is not None:
            self.check_citation(table.sanctions.basis)

    def check_supervisor(self, supervisor: ast.Supervisor) -> None:
        # Periods of two bodies may overlap: that is how the rulebook records sources that disagree on
        # when one body gave way to the other (when KASN ended is disputed), and the decision
        # then reports the referral as contested. Only a period that ends before it starts is an error.
        v = supervisor.validity
        if v is not None and v.start and v.end and v.end.value < v.start.value:
            self.emit(make("E0211", v.end.span, suggestion="swap", start=v.start.value.isoformat(), end=v.end.value.isoformat()))

    def check_principles(self, principles: ast.Principles) -> None:
        seen: set[str] = set()
        options = ", ".join(f"`{p}`" for p in KNOWN_PRINCIPLES)
        for ref in principles.names:
            if ref.name not in KNOWN_PRINCIPLES:
                replacement = closest(ref.name, KNOWN_PRINCIPLES)
                self.emit(
                    make(
                        "E0215",
                        ref.span,
                        suggestion="similar" if replacement else "list",
                        options=options,
                        replacement=replacement or "",
                        reason=f"`{ref.name}` bukan asas penyelesaian konflik yang dikenal",
                        reason_en=f"`{ref.name}` is not a known conflict principle",
                    )
                )
            elif ref.name in seen:
                self.emit(
                    make(
                        "E0215",
                        ref.span,
                        suggestion="list",
                        options=options,
                        reason=f"asas `{ref.name}` disebut dua kali",
                        reason_en=f"`{ref.name}` is listed twice",
                    )
                )
            seen.add(ref.name)

    # ---- exceptions --------------------------------------------------------------------------
    def exception_order(self) -> tuple[str, ...]:
        """Order provisions so an exception precedes what it excepts; report cycles (E0209)."""
        graph = {name: sorted(t.name for t in p.excepts if t.name in self.provisions) for name, p in self.provisions.items()}
        state: dict[str, int] = {}  # 1 visiting, 2 done
        order: list[str] = []
        reported: set[frozenset[str]] = set()
        for root in sorted(graph):
            if state.get(root):
                continue
            stack: list[tuple[str, int]] = [(root, 0)]
            path: list[str] = []
            while stack:
                node, i = stack.pop()
                if i == 0:
                    state[node] = 1
                    path.append(node)
                targets = graph[node]
                if i < len(targets):
                    stack.append((node, i + 1))
                    nxt = targets[i]
                    if state.get(nxt) == 1:
                        cycle = [*path[path.index(nxt) :], nxt]
                        key = frozenset(cycle)
                        if key not in reported:
                            reported.add(key)
                            ref = next(t for t in self.provisions[node].excepts if t.name == nxt)
                            self.emit(make("E0209", ref.span, suggestion="break", cycle=" → ".join(cycle)))
                    elif not state.get(nxt):
                        stack.append((nxt, 0))
                else:
                    state[node] = 2
                    path.pop()
                    order.append(node)
        # `order` lists excepted provisions before their exceptions; the evaluator wants the reverse.
        return tuple(reversed(order))


def _enums(schema: FactSchema) -> list[Type]:
    """Every enum type reachable in the schema, in a fixed order."""
    out: list[Type] = []
    stack = [t for _, t in sorted(schema.roots.items())]
    while stack:
        t = stack.pop(0)
        if t.kind == "enum" and t not in out:
            out.append(t)
        stack.extend(ft for _, ft in t.fields)
        if t.item is not None:
            stack.append(t.item)
    return out


def _amount(q: ast.Quantity) -> int:
    if q.rupiah is not None:
        return q.rupiah.value
    if q.duration is not None:
        return q.duration.amount * _DAYS.get(q.duration.unit, 1)
    return -1
