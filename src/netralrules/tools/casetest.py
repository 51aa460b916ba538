"""Rule cases: YAML files that legal staff read and write, each an incident and what the law says
about it. Runs them against a rulebook and measures coverage.

A case file holds a list of cases:

    - nama: PNS ikut kampanye memakai kaos partai
      insiden:                      # an incident, as in docs/incident.md (`id` may be left out)
        responden: {status_kepegawaian: PNS}
        pemilu: {tanggal_penetapan: 2024-09-22, kampanye_mulai: 2024-09-25, kampanye_selesai: 2024-11-23}
        tindakan:
          - {tanggal: 2024-10-12, jenis: ikut_kampanye, atribut_partai: true}
      harapan:                      # every key optional; provisions by id
        berlaku: [pp94.pasal5.n.2]               # fired
        tidak_berlaku: [pp94.pasal5.n.7]         # did not fire (condition false, not applicable, not in force)
        dikecualikan: [pp94.pasal5.n.1]          # defeated by an exception
        belum_dapat_ditentukan: []               # undecided (a fact is unknown)
        disiplin: sedang                         # the disciplinary tier, or `belum_dapat_ditentukan` / `tidak_ada`
        pengawas: BKN                            # the body the case is referred to (`lembaga_pengawas`), or
                                                 # `belum_dapat_ditentukan` (contested) / `tidak_ada`
        tidak_dinilai: [2]                       # acts no provision covers (a gap): numbers, 1 = first act;
                                                 # or true / false
        di_luar_asn: false                       # the same for a respondent who is not ASN
        celah: [pp53.media_sosial]               # the declared gaps those acts fall in

Coverage: a provision is covered when some case makes it fire and some case makes it not fire; a
condition is covered when it has been seen both true and false.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from netralrules.compiler import NodeId, child_id, children_of, definition_node, provision_node
from netralrules.evaluation.decision import IncidentFacts
from netralrules.evaluation.kinds import Assessment, DeterminationStatus, Status
from netralrules.rulebook import Rulebook
from netralrules.syntax import ast
from netralrules.syntax.loader import display_path
from netralrules.trace import ConditionResult, ListTracer

PROVISION_EXPECTATIONS = ("berlaku", "tidak_berlaku", "dikecualikan", "belum_dapat_ditentukan")
# Acts not assessed: `true`/`false` (some act / no act), or the acts' numbers as the report counts
# them (1 = the first act). `celah`: the declared gaps the acts not assessed fall in.
ASSESSMENT_EXPECTATIONS = {"tidak_dinilai": Assessment.NOT_ASSESSED, "di_luar_asn": Assessment.OUTSIDE_ASN}
EXPECTATIONS = (*PROVISION_EXPECTATIONS, "disiplin", "pengawas", *ASSESSMENT_EXPECTATIONS, "celah")
_STATUS_KEY = {
    Status.FIRED: "berlaku",
    Status.NOT_FIRED: "tidak_berlaku",
    Status.NOT_APPLICABLE: "tidak_berlaku",
    Status.NOT_IN_FORCE: "tidak_berlaku",
    Status.DEFEATED: "dikecualikan",
    Status.UNKNOWN: "belum_dapat_ditentukan",
}
_UNSETTLED = {DeterminationStatus.NONE: "tidak_ada", DeterminationStatus.UNRESOLVED: "belum_dapat_ditentukan"}


@dataclass(frozen=True)
class CaseResult:
    file: str
    name: str
    problems: tuple[str, ...]  # empty when the case passes

    @property
    def passed(self) -> bool:
        return not self.problems


@dataclass
class Coverage:
    """What the cases exercised: provision statuses and condition values seen."""

    statuses: dict[str, set[Status]] = field(default_factory=dict)
    conditions: dict[str, set[bool | None]] = field(default_factory=dict)

    def provision_covered(self, pid: str) -> bool:
        seen = self.statuses.get(pid, set())
        return Status.FIRED in seen and bool(seen - {Status.FIRED, Status.UNKNOWN})

    def condition_covered(self, node: str) -> bool:
        return {True, False} <= self.conditions.get(node, set())


@dataclass(frozen=True)
class Report:
    results: tuple[CaseResult, ...]
    coverage: Coverage
    provisions: tuple[str, ...]
    conditions: tuple[str, ...]

    @property
    def provision_coverage(self) -> float:
        covered = sum(self.coverage.provision_covered(p) for p in self.provisions)
        return 100.0 * covered / len(self.provisions) if self.provisions else 100.0

    @property
    def condition_coverage(self) -> float:
        covered = sum(self.coverage.condition_covered(c) for c in self.conditions)
        return 100.0 * covered / len(self.conditions) if self.conditions else 100.0


_TRACED = (ast.And, ast.Or, ast.Not, ast.Compare, ast.Membership, ast.Between, ast.Within, ast.Quantifier)


def condition_nodes(rulebook: Rulebook) -> list[NodeId]:
    """The node id of every condition the evaluator reports (as `compiler` numbers them)."""
    roots: list[tuple[NodeId, ast.Expr]] = [(definition_node(n), d.expr) for n, d in rulebook.checked.definitions.items()]
    roots += [(provision_node(pid), p.condition) for pid, p in rulebook.checked.provisions.items() if p.condition is not None]
    out: list[NodeId] = []
    stack = list(reversed(roots))
    while stack:
        node, expr = stack.pop()
        if isinstance(expr, _TRACED):
            out.append(node)
        stack.extend(reversed([(child_id(node, i), c) for i, c in enumerate(children_of(expr))]))
    return out


def case_files(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*.y*ml") if p.suffix in {".yaml", ".yml"}))
        else:
            out.append(path)
    return out


def run_cases(files: Sequence[Path], rulebook: Rulebook, all_conditions: Sequence[str]) -> Report:
    """Run every case of every file. A malformed file or case is a failed case, never an exception."""
    from netralrules.facts import IncidentError, load_incident

    coverage = Coverage()
    results: list[CaseResult] = []
    for raw_path in files:
        path = Path(display_path(raw_path))
        try:
            cases = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            results.append(CaseResult(str(path), "(berkas)", (f"berkas kasus tidak dapat dibaca: {error}",)))
            continue
        if not isinstance(cases, list):
            results.append(CaseResult(str(path), "(berkas)", ("berkas kasus harus berisi daftar kasus (`- nama: …`)",)))
            continue
        for index, case in enumerate(cases):
            name = str(case.get("nama", f"kasus {index + 1}")) if isinstance(case, dict) else f"kasus {index + 1}"
            if not isinstance(case, dict) or not isinstance(case.get("insiden"), dict):
                results.append(CaseResult(str(path), name, ("kasus harus berisi `nama`, `insiden` dan `harapan`",)))
                continue
            data = {"id": name, **case["insiden"]}
            try:
                incident = load_incident(data, source=f"{path}: {name}")
            except IncidentError as error:
                results.append(CaseResult(str(path), name, tuple(f"{p.path}: {p.message.id}" for p in error.problems)))
                continue
            results.append(CaseResult(str(path), name, _run_one(case.get("harapan") or {}, incident, rulebook, coverage)))
    return Report(tuple(results), coverage, tuple(rulebook.checked.provisions), tuple(all_conditions))


def _run_one(expected: Mapping[str, Any], incident: IncidentFacts, rulebook: Rulebook, coverage: Coverage) -> tuple[str, ...]:
    tracer = ListTracer()
    decision = rulebook.decide(incident, explain=False, tracer=tracer)
    for event in tracer.events:
        if isinstance(event, ConditionResult):
            coverage.conditions.setdefault(event.node, set()).add(event.value)
    actual: dict[str, set[str]] = {key: set() for key in _STATUS_KEY.values()}
    for o in decision.evaluation.outcomes:
        coverage.statuses.setdefault(o.provision, set()).add(o.status)
        actual[_STATUS_KEY[o.status]].add(o.provision)
    problems: list[str] = []
    unknown_keys = sorted(set(expected) - set(EXPECTATIONS))
    if unknown_keys:
        problems.append(f"harapan tidak dikenal: {', '.join(unknown_keys)} (yang sah: {', '.join(EXPECTATIONS)})")
    for key in PROVISION_EXPECTATIONS:
        for pid in expected.get(key) or []:
            if pid not in rulebook.checked.provisions:
                problems.append(f"ketentuan `{pid}` tidak ada dalam rulebook")
            elif pid not in actual[key]:
                seen = sorted(k for k, v in actual.items() if pid in v)
                problems.append(f"`{pid}`: diharapkan {key}, ternyata {', '.join(seen)}")
    if "disiplin" in expected:
        track = next(t for t in decision.determination.tracks if t.category == ast.Category.DISIPLIN)
        tier = _UNSETTLED.get(track.status, track.tier or "")
        if str(expected["disiplin"]) != tier:
            problems.append(f"disiplin: diharapkan {expected['disiplin']}, ternyata {tier}")
    if "pengawas" in expected:
        referral = decision.referral
        if referral is None:  # a respondent who is not ASN is referred to no ASN supervisor
            body = _UNSETTLED[DeterminationStatus.NONE]
        elif referral.status is DeterminationStatus.DETERMINED:
            body = referral.bodies[0].id.name
        else:
            body = _UNSETTLED[referral.status]
        if str(expected["pengawas"]) != body:
            problems.append(f"pengawas: diharapkan {expected['pengawas']}, ternyata {body}")
    for key, status in ASSESSMENT_EXPECTATIONS.items():
        if key in expected:
            problems += _assessment_problems(key, expected[key], [a.act + 1 for a in decision.assessments if a.status == status])
    if "celah" in expected:
        declared = sorted({g for a in decision.assessments for g in a.gaps})
        wanted = expected["celah"] if isinstance(expected["celah"], list) else [expected["celah"]]
        missing = [str(g) for g in wanted if g not in declared]
        if missing:
            problems.append(f"celah: diharapkan {', '.join(missing)}, ternyata {', '.join(declared) or 'tidak ada'}")
    return tuple(problems)


def _assessment_problems(key: str, wanted: object, acts: list[int]) -> list[str]:
    """`tidak_dinilai` / `di_luar_asn`: a yes/no, or the numbers (1-based) of the acts expected."""
    shown = ", ".join(map(str, acts)) or "tidak ada"
    if isinstance(wanted, bool):
        if wanted != bool(acts):
            return [f"{key}: diharapkan {'ya' if wanted else 'tidak ada'}, ternyata {shown}"]
        return []
    if isinstance(wanted, list) and all(isinstance(n, int) and not isinstance(n, bool) for n in wanted):
        if sorted(wanted) != acts:
            return [f"{key}: diharapkan tindakan {', '.join(map(str, sorted(wanted))) or 'tidak ada'}, ternyata {shown}"]
        return []
    return [f"{key}: tulis `true`, `false` atau daftar nomor tindakan (1 = tindakan pertama), bukan {wanted!r}"]


def render_report(report: Report) -> str:
    lines = []
    for r in report.results:
        lines.append(f"{'LULUS' if r.passed else 'GAGAL'}  {r.file}: {r.name}")
        lines.extend(f"       - {p}" for p in r.problems)
    lines.append("")
    lines.append("Cakupan ketentuan / provision coverage (berlaku dan tidak berlaku):")
    for pid in report.provisions:
        seen = ", ".join(sorted(report.coverage.statuses.get(pid, set()))) or "tidak pernah dinilai"
        lines.append(f"  {'✓' if report.coverage.provision_covered(pid) else '✗'} {pid}  ({seen})")
    uncovered = [c for c in report.conditions if not report.coverage.condition_covered(c)]
    lines.append(f"Cakupan syarat / condition coverage (benar dan salah): {report.condition_coverage:.0f}%")
    lines.extend(f"  ✗ {c}" for c in uncovered)
    passed = sum(r.passed for r in report.results)
    lines.append(
        f"kasus: {passed} lulus, {len(report.results) - passed} gagal; "
        f"cakupan ketentuan {report.provision_coverage:.0f}%, cakupan syarat {report.condition_coverage:.0f}%"
    )
    return "\n".join(lines) + "\n"
