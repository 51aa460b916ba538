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
        etik: ada                                # every track (etik, disiplin, pemberhentian, pidana,
        pemberhentian: tidak_ada                 # administratif): `ada` (it applies), `tidak_ada` or
        administratif: belum_dapat_ditentukan    # `belum_dapat_ditentukan`; or a mapping, every key optional:
        pidana:
          status: ada
          ketentuan: [uu7.pasal490]              # provisions the track rests on (these among them)
          ancaman: penjara paling_lama 1 tahun dan denda paling_banyak Rp12.000.000   # as the rule writes it
          menurut: UU_7_2017 pasal 490           # the penalty's citation, as the rule writes it
                                                 # (`tingkat: sedang` in the mapping of disiplin)
        pengawas: BKN                            # the body the case is referred to (`lembaga_pengawas`), or
                                                 # `belum_dapat_ditentukan` (contested) / `tidak_ada`
        tidak_dinilai: [2]                       # acts no provision covers (a gap): numbers, 1 = first act;
                                                 # or true / false
        di_luar_asn: false                       # the same for a respondent who is not ASN
        celah: [pp53.media_sosial]               # the declared gaps those acts fall in
        prosedur:                                # what must happen next, or `tidak_ada` (no section);
          instrumen: PP_94_2021                  # every key optional: the procedure's instrument,
          tingkat: berat                         # the tier it is read for (`null` when contested),
          tim_pemeriksa: wajib                   # wajib / opsional / tidak_disebut / bergantung_bacaan / _tingkat,
          upaya_administratif: [keberatan, banding_administratif]   # exactly these routes

A failing provision expectation says why: the conditions that decided it (false or unknown, with
the facts they read), as `netralrules evaluate --why-not` does; a track (or disciplinary tier)
expected and not reached, what its nearest provisions lack.

Coverage: a provision is covered when some case makes it fire and some case makes it not fire; a
condition is covered when it has been seen both true and false. `netralrules test` without files
measures the whole rulebook; given files, the provisions those cases target (named in their
expectations, or fired in them) and the conditions of those provisions and of the definitions they
use (`targeted`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from netralrules.compiler import (
    NodeId,
    child_id,
    children_of,
    definition_node,
    definition_of,
    provision_node,
    provision_of,
)
from netralrules.evaluation.decision import IncidentFacts
from netralrules.evaluation.kinds import Assessment, DeterminationStatus, Status
from netralrules.explain.planinfo import text_at
from netralrules.rulebook import Rulebook
from netralrules.syntax import ast
from netralrules.syntax.loader import display_path
from netralrules.tools.caseexpect import TRACKS, expected_provisions, track_problems, wanted_tier, why, why_tracks
from netralrules.tools.diff import definitions_used
from netralrules.trace import ConditionResult, ListTracer

PROVISION_EXPECTATIONS = ("berlaku", "tidak_berlaku", "dikecualikan", "belum_dapat_ditentukan")
# Acts not assessed: `true`/`false` (some act / no act), or the acts' numbers as the report counts
# them (1 = the first act). `celah`: the declared gaps the acts not assessed fall in.
ASSESSMENT_EXPECTATIONS = {"tidak_dinilai": Assessment.NOT_ASSESSED, "di_luar_asn": Assessment.OUTSIDE_ASN}
EXPECTATIONS = (*PROVISION_EXPECTATIONS, *TRACKS, "pengawas", *ASSESSMENT_EXPECTATIONS, "celah", "prosedur")
_STATUS_KEY = {
    Status.FIRED: "berlaku",
    Status.NOT_FIRED: "tidak_berlaku",
    Status.NOT_APPLICABLE: "tidak_berlaku",
    Status.NOT_IN_FORCE: "tidak_berlaku",
    Status.DEFEATED: "dikecualikan",
    Status.UNKNOWN: "belum_dapat_ditentukan",
}
_UNSETTLED = {DeterminationStatus.NONE: "tidak_ada", DeterminationStatus.UNRESOLVED: "belum_dapat_ditentukan"}
_EXPECTED_STATUS = {
    "berlaku": "tidak pernah berlaku / never fired",
    "tidak_berlaku": "tidak pernah tidak berlaku / never not fired",
}


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
    named: set[str] = field(default_factory=set)  # the provisions the cases' expectations name

    def targeted(self) -> set[str]:
        """The provisions the cases target: named in their expectations, or fired in them."""
        return self.named | {pid for pid, seen in self.statuses.items() if Status.FIRED in seen}

    def provision_gap(self, pid: str) -> str:
        """Why a provision is not covered, in Indonesian and English (empty when it is)."""
        seen = self.statuses.get(pid, set())
        if not seen:
            return "tidak pernah dinilai / never evaluated"
        missing = [
            text
            for key, text in _EXPECTED_STATUS.items()
            if not (Status.FIRED in seen if key == "berlaku" else seen - {Status.FIRED, Status.UNKNOWN})
        ]
        return "; ".join(missing)

    def condition_gap(self, node: str) -> str:
        """Why a condition is not covered, in Indonesian and English (empty when it is)."""
        seen = self.conditions.get(node, set())
        if not seen - {None}:
            return "tidak pernah benar atau salah / never true or false"
        if True not in seen:
            return "tidak pernah benar / never true"
        return "tidak pernah salah / never false" if False not in seen else ""

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
    scope: str = ""  # how `provisions` were chosen, shown in the heading (empty: the whole rulebook)

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


def provision_conditions(rulebook: Rulebook, provisions: Iterable[str], all_conditions: Sequence[str]) -> list[str]:
    """The conditions of `provisions` and of the definitions they use (directly or not)."""
    chosen = set(provisions)
    used: set[str] = set()
    for pid in chosen:
        if pid in rulebook.checked.provisions:
            used |= definitions_used(rulebook.checked.provisions[pid], rulebook.checked)
    out = []
    for node in all_conditions:
        owner = provision_of(node)
        if (owner in chosen) if owner is not None else (definition_of(node) in used):
            out.append(node)
    return out


def narrowed(report: Report, rulebook: Rulebook, provisions: Iterable[str] | None = None) -> Report:
    """The report with its coverage restricted to `provisions` (default: those the cases target)
    and their conditions. Ids the rulebook does not have are kept (reported as never evaluated)."""
    chosen = report.coverage.targeted() if provisions is None else set(provisions)
    order = {pid: i for i, pid in enumerate(report.provisions)}
    kept = tuple(sorted(chosen, key=lambda p: (order.get(p, len(order)), p)))
    scope = (
        f"ketentuan yang disasar kasus ini / provisions these cases target: {len(kept)} dari {len(report.provisions)}"
        if provisions is None
        else f"ketentuan yang diminta / provisions asked for: {len(kept)}"
    )
    conditions = tuple(provision_conditions(rulebook, kept, report.conditions))
    return Report(report.results, report.coverage, kept, conditions, scope)


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
    coverage.named |= expected_provisions(expected, PROVISION_EXPECTATIONS)
    problems: list[str] = []
    unknown_keys = sorted(set(expected) - set(EXPECTATIONS))
    if unknown_keys:
        problems.append(f"harapan tidak dikenal: {', '.join(unknown_keys)} (yang sah: {', '.join(EXPECTATIONS)})")
    failed: list[str] = []
    for key in PROVISION_EXPECTATIONS:
        for pid in expected.get(key) or []:
            if pid not in rulebook.checked.provisions:
                problems.append(f"ketentuan `{pid}` tidak ada dalam rulebook")
            elif pid not in actual[key]:
                seen = sorted(k for k, v in actual.items() if pid in v)
                problems.append(f"`{pid}`: diharapkan {key}, ternyata {', '.join(seen)}")
                failed.append(pid)
    if failed:
        problems += why(rulebook, incident, list(dict.fromkeys(failed)))
    unreached: dict[str, str] = {}
    for key in TRACKS:
        if key in expected:
            differences = track_problems(key, expected[key], decision, rulebook)
            problems += differences
            if differences and (tier := wanted_tier(key, expected[key])) is not None:
                unreached[key] = tier
    if unreached:
        problems += why_tracks(rulebook, incident, unreached)
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
    if "prosedur" in expected:
        problems += procedure_problems(expected["prosedur"], decision.procedure)
    return tuple(problems)


def procedure_problems(wanted: object, actual: Mapping[str, Any] | None) -> list[str]:
    """`prosedur: tidak_ada`, or a mapping of what the decision's procedure section must say."""
    if wanted == "tidak_ada":
        return [] if actual is None else [f"prosedur: diharapkan tidak_ada, ternyata {actual['instrumen']}"]
    if not isinstance(wanted, Mapping):
        keys = "instrumen, tingkat, tim_pemeriksa, upaya_administratif"
        return [f"prosedur: tulis `tidak_ada` atau pemetaan ({keys}), bukan {wanted!r}"]
    if actual is None:
        return ["prosedur: diharapkan ada, ternyata tidak_ada"]
    seen = {
        "instrumen": actual["instrumen"],
        "tingkat": actual["tingkat"],
        "tim_pemeriksa": actual["tim_pemeriksa"]["status"],
        "upaya_administratif": [r["jenis"] for r in actual["upaya_administratif"]],
    }
    problems = [f"prosedur: harapan tidak dikenal: {k} (yang sah: {', '.join(seen)})" for k in wanted if k not in seen]
    for key, value in wanted.items():
        if key in seen and value != seen[key]:
            problems.append(f"prosedur.{key}: diharapkan {value}, ternyata {seen[key]}")
    return problems


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


def render_report(report: Report, rulebook: Rulebook | None = None) -> str:
    """The cases' results and the coverage; with the rulebook, each uncovered condition's text."""

    def text_of(node: str) -> str:
        return f"  `{text_at(rulebook.plan, NodeId(node)).id}`" if rulebook is not None else ""

    lines = []
    for r in report.results:
        lines.append(f"{'LULUS' if r.passed else 'GAGAL'}  {r.file}: {r.name}")
        lines.extend(f"       - {p}" for p in r.problems)
    lines.append("")
    scope = f"; {report.scope}" if report.scope else ""
    lines.append(f"Cakupan ketentuan / provision coverage (berlaku dan tidak berlaku{scope}):")
    for pid in report.provisions:
        seen = ", ".join(sorted(report.coverage.statuses.get(pid, set())))
        if report.coverage.provision_covered(pid):
            lines.append(f"  ✓ {pid}  ({seen})")
        else:
            lines.append(f"  ✗ {pid}  — {report.coverage.provision_gap(pid)}" + (f" (dilihat / seen: {seen})" if seen else ""))
    uncovered = [c for c in report.conditions if not report.coverage.condition_covered(c)]
    lines.append(f"Cakupan syarat / condition coverage (benar dan salah): {report.condition_coverage:.0f}%")
    lines.extend(f"  ✗ {c}{text_of(c)} — {report.coverage.condition_gap(c)}" for c in uncovered)
    passed = sum(r.passed for r in report.results)
    lines.append(
        f"kasus: {passed} lulus, {len(report.results) - passed} gagal; "
        f"cakupan ketentuan {report.provision_coverage:.0f}%, cakupan syarat {report.condition_coverage:.0f}%"
    )
    return "\n".join(lines) + "\n"
