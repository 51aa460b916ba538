"""The consistency audit: what the law requires for each case of a register, against what was
actually recommended and imposed, and where the difference falls unevenly.

    register = read_register(path, text, sanction_kinds(rulebook))      # tools/audit_input.py
    result = audit(register, rulebook, AuditSettings())
    result.to_dict()                                                    # audit.json
    render_audit_html(result)                                           # tools/audit_html.py

Every incident is evaluated through the facade (`Rulebook.decide`, without the explanation graph),
once per distinct incident: identical incidents (the id, the notes and the act descriptions left
aside) share one decision. The outcome of a case is one of OUTCOMES:

- `sesuai`: the sanction imposed is what the law requires (the tier, and within the tier a type
  among the options the decision leaves, e.g. after the repeat rule);
- `lebih_ringan` / `lebih_berat`: lighter / heavier, compared on one scale: nothing < sanksi moral
  (etik) < ringan < sedang < berat < dismissal (pemberhentian), and within a tier by the order of
  the sanction types in the rulebook's `hukuman` tables;
- `tidak_dijatuhkan`: the law requires a sanction and none was imposed (decided not to, or no
  decision recorded yet: the follow-up status says which);
- `hukum_belum_pasti`: the law does not settle the case: a track is unresolved (`belum_terselesaikan`),
  its tier is contested (`diperdebatkan`), an act is not assessed by any provision (`tidak_dinilai`),
  or the respondent is outside the ASN rules (`di_luar_asn`). Such cases are counted, never judged.

Criminal penalties (`pidana`) are imposed by courts, not by the PPK, and are not compared.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from netralrules.evaluation.decision import Decision
from netralrules.evaluation.determination import Track, ladders, track_sanctions
from netralrules.evaluation.kinds import DeterminationStatus
from netralrules.rulebook import Rulebook
from netralrules.syntax.ast import Category
from netralrules.tools.audit_input import AuditCase, Enforcement, Register
from netralrules.tools.audit_stats import benjamini_hochberg, holm, two_proportions, wilson

OUTCOMES = ("sesuai", "lebih_ringan", "lebih_berat", "tidak_dijatuhkan", "hukum_belum_pasti")
UNCERTAIN = ("belum_terselesaikan", "diperdebatkan", "tidak_dinilai", "di_luar_asn")
DIMENSIONS = ("instansi", "wilayah", "jenis_jabatan", "struktural", "status", "ketentuan", "pemilu", "tahun")
# The shares compared between groups, and the cases each is a share of (the law settled in all):
METRICS: dict[str, str] = {
    "lebih_ringan": "dijatuhkan_wajib",  # lighter than the law, among the sanctions imposed where the law requires one
    "tidak_dijatuhkan": "wajib",  # not imposed, among the cases where the law requires a sanction
    "lebih_berat": "dijatuhkan",  # heavier than the law, among the sanctions imposed
}
RANKS = {"tidak_ada": 0, "etik": 1, "ringan": 2, "sedang": 3, "berat": 4, "pemberhentian": 5}
NOT_STATED = "(tidak diisi)"


@dataclass(frozen=True)
class AuditSettings:
    """The stated settings of the disparity tests (docs/enforcement.md says why these defaults)."""

    alpha: float = 0.05  # significance level, after the correction
    correction: str = "bh"  # "bh" (Benjamini–Hochberg, false discovery rate) or "holm" (family-wise)
    min_group: int = 30  # a group (and its rest) with fewer cases is "too small to judge"
    confidence: float = 0.95  # of the Wilson intervals and the intervals of differences
    dimensions: tuple[str, ...] = DIMENSIONS  # the attributes groups are formed by

    def to_dict(self) -> dict[str, Any]:
        return {
            "alpha": self.alpha,
            "koreksi": self.correction,
            "ukuran_kelompok_minimum": self.min_group,
            "tingkat_kepercayaan": self.confidence,
            "dimensi": list(self.dimensions),
        }


@dataclass(frozen=True)
class Required:
    """What the law requires for a case, read off its decision."""

    status: str  # "pasti" or one of UNCERTAIN
    rank: int  # RANKS
    level: str  # the key of RANKS
    options: tuple[str, ...] = ()  # sanction types the decision leaves, lightest first
    minimum: str | None = None  # the repeat rule's lightest type
    provisions: tuple[str, ...] = ()
    tracks: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "tingkat": self.level,
            "pilihan_sanksi": list(self.options),
            "jenis_minimum": self.minimum,
            "ketentuan": list(self.provisions),
            "jalur": list(self.tracks),
        }


@dataclass(frozen=True)
class CaseResult:
    case: AuditCase
    required: Required
    outcome: str
    reason: str | None
    attributes: Mapping[str, tuple[str, ...]]

    def to_dict(self) -> dict[str, Any]:
        c = self.case
        return {
            "kasus": c.case_id,
            "baris": c.line,
            "hasil": self.outcome,
            "alasan": self.reason,
            "hukum": self.required.to_dict(),
            "rekomendasi": c.recommendation.to_dict() if c.recommendation else None,
            "penjatuhan": c.imposition.to_dict(),
            "atribut": {k: list(v) for k, v in self.attributes.items()},
        }


@dataclass
class GroupRow:
    dimension: str
    value: str
    metric: str
    k: int
    n: int
    share: float | None
    low: float | None
    high: float | None
    rest_k: int
    rest_n: int
    difference: float | None = None
    diff_low: float | None = None
    diff_high: float | None = None
    p_value: float | None = None
    adjusted: float | None = None
    flagged: bool = False
    too_small: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "dimensi": self.dimension,
            "nilai": self.value,
            "ukuran": self.metric,
            "k": self.k,
            "n": self.n,
            "proporsi": self.share,
            "ci_bawah": self.low,
            "ci_atas": self.high,
            "sisa_k": self.rest_k,
            "sisa_n": self.rest_n,
            "selisih": self.difference,
            "selisih_ci_bawah": self.diff_low,
            "selisih_ci_atas": self.diff_high,
            "p": self.p_value,
            "p_terkoreksi": self.adjusted,
            "ditandai": self.flagged,
            "terlalu_kecil": self.too_small,
        }


@dataclass
class AuditResult:
    source: str
    form: str
    rulebook_hash: str
    settings: AuditSettings
    rows: int
    results: list[CaseResult]
    rejected: list[Any]
    rejected_cases: int
    groups: list[GroupRow] = field(default_factory=list)
    distinct_incidents: int = 0

    # ---- tables --------------------------------------------------------------------------------
    def outcome_table(self) -> list[dict[str, Any]]:
        counts = Counter(r.outcome for r in self.results)
        n = len(self.results)
        rows = []
        for outcome in OUTCOMES:
            k = counts.get(outcome, 0)
            low, high = wilson(k, n, self.settings.confidence)
            rows.append({"hasil": outcome, "jumlah": k, "proporsi": k / n if n else None, "ci_bawah": low, "ci_atas": high})
        return rows

    def uncertain_table(self) -> list[dict[str, Any]]:
        counts = Counter(r.reason for r in self.results if r.outcome == "hukum_belum_pasti")
        return [{"alasan": reason, "jumlah": counts.get(reason, 0)} for reason in UNCERTAIN]

    def funnel(self) -> list[dict[str, Any]]:
        reported = len(self.results)
        recommended = sum(1 for r in self.results if r.case.recommendation is not None)
        imposed = sum(1 for r in self.results if r.case.imposition.status == "dijatuhkan")
        as_law = sum(1 for r in self.results if r.outcome == "sesuai" and r.case.imposition.status == "dijatuhkan")
        steps = (
            ("dilaporkan", reported),
            ("direkomendasikan", recommended),
            ("dijatuhi_hukuman", imposed),
            ("sesuai_hukum", as_law),
        )
        return [{"tahap": name, "jumlah": k, "proporsi": k / reported if reported else None} for name, k in steps]

    def follow_up(self) -> list[dict[str, Any]]:
        counts = Counter(r.case.imposition.status for r in self.results)
        return [{"status": s, "jumlah": counts.get(s, 0)} for s in ("dijatuhkan", "tidak_dijatuhkan", "menunggu")]

    def timeline(self) -> list[dict[str, Any]]:
        """Per month: cases reported, recommendations issued and sanctions imposed."""
        months: dict[str, Counter[str]] = {}
        for r in self.results:
            c = r.case
            reported = c.incident.tanggal_laporan or min(c.incident.act_dates)
            months.setdefault(_month(reported), Counter())["dilaporkan"] += 1
            if c.recommendation is not None and c.recommendation.date is not None:
                months.setdefault(_month(c.recommendation.date), Counter())["direkomendasikan"] += 1
            if c.imposition.status == "dijatuhkan" and c.imposition.date is not None:
                months.setdefault(_month(c.imposition.date), Counter())["dijatuhi_hukuman"] += 1
        return [
            {
                "bulan": month,
                "dilaporkan": months.get(month, Counter())["dilaporkan"],
                "direkomendasikan": months.get(month, Counter())["direkomendasikan"],
                "dijatuhi_hukuman": months.get(month, Counter())["dijatuhi_hukuman"],
            }
            for month in _every_month(sorted(months))
        ]

    def lag_days(self) -> dict[str, Any]:
        """Days from report to sanction (cases imposed with a date): median and quartiles."""
        lags = sorted(
            (r.case.imposition.date - (r.case.incident.tanggal_laporan or min(r.case.incident.act_dates))).days
            for r in self.results
            if r.case.imposition.status == "dijatuhkan" and r.case.imposition.date is not None
        )
        if not lags:
            return {"jumlah": 0, "median": None, "kuartil_bawah": None, "kuartil_atas": None}
        return {
            "jumlah": len(lags),
            "median": lags[len(lags) // 2],
            "kuartil_bawah": lags[len(lags) // 4],
            "kuartil_atas": lags[(3 * len(lags)) // 4],
        }

    def flagged(self) -> list[GroupRow]:
        return [g for g in self.groups if g.flagged]

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        """Every table of the report, by name (the CSV exports: tables/<name>.csv)."""
        return {
            "hasil": self.outcome_table(),
            "hukum_belum_pasti": self.uncertain_table(),
            "corong": self.funnel(),
            "tindak_lanjut": self.follow_up(),
            "lini_waktu": self.timeline(),
            "kelompok": [g.to_dict() for g in self.groups],
            "ditandai": [g.to_dict() for g in self.flagged()],
            "perkara": [_case_row(r) for r in self.results],
            "ditolak": [r.to_dict() for r in self.rejected],
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "register": self.source,
            "bentuk": self.form,
            "rulebook": self.rulebook_hash,
            "pengaturan": self.settings.to_dict(),
            "jumlah": {
                "baris": self.rows,
                "perkara": len(self.results),
                "perkara_ditolak": self.rejected_cases,
                "masalah": len(self.rejected),
                "insiden_berbeda": self.distinct_incidents,
            },
            "hasil": self.outcome_table(),
            "hukum_belum_pasti": self.uncertain_table(),
            "corong": self.funnel(),
            "tindak_lanjut": self.follow_up(),
            "lama_hari": self.lag_days(),
            "lini_waktu": self.timeline(),
            "kelompok": [g.to_dict() for g in self.groups],
            "ditolak": [r.to_dict() for r in self.rejected],
            "perkara": [r.to_dict() for r in self.results],
        }

    def to_json(self) -> str:
        # Compact: with an indent Python's json falls back to its pure-Python encoder, several times
        # slower on a register of 100,000 cases (docs/performance.md).
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def _every_month(months: Sequence[str]) -> list[str]:
    """Every month from the first to the last given, the empty ones too (a time axis without gaps)."""
    if not months:
        return []
    year, month = int(months[0][:4]), int(months[0][5:])
    out: list[str] = []
    while (label := f"{year:04d}-{month:02d}") <= months[-1]:
        out.append(label)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _month(date: datetime.date) -> str:
    return f"{date.year:04d}-{date.month:02d}"


def _case_row(r: CaseResult) -> dict[str, Any]:
    c = r.case
    rec, imp = c.recommendation, c.imposition
    return {
        "kasus": c.case_id,
        "hasil": r.outcome,
        "alasan": r.reason,
        "hukum_status": r.required.status,
        "hukum_tingkat": r.required.level,
        "hukum_pilihan": " | ".join(r.required.options),
        "ketentuan": " ".join(r.required.provisions),
        "rekomendasi_tingkat": (rec.tier or rec.category) if rec else None,
        "rekomendasi_jenis": rec.kind if rec else None,
        "penjatuhan_status": imp.status,
        "penjatuhan_tingkat": imp.tier or imp.category,
        "penjatuhan_jenis": imp.kind,
        "penjatuhan_tanggal": imp.date.isoformat() if imp.date else None,
        **{d: " ".join(r.attributes.get(d, ())) for d in DIMENSIONS},
    }


# ---- the rulebook's sanction order --------------------------------------------------------------
def sanction_kinds(rulebook: Rulebook) -> dict[str, str]:
    """Every sanction type of the rulebook's `hukuman` tables → its tier (the first table wins)."""
    out: dict[str, str] = {}
    for ladder in ladders(rulebook.checked.sanction_tables).values():
        for kind, tier in ladder:
            out.setdefault(kind, str(tier))
    return out


def _ladder_index(rulebook: Rulebook) -> dict[str, int]:
    out: dict[str, int] = {}
    for ladder in ladders(rulebook.checked.sanction_tables).values():
        for i, (kind, _) in enumerate(ladder):
            out.setdefault(kind, i)
    return out


# ---- what the law requires ----------------------------------------------------------------------
def _track_dict(t: Track, decision: Decision) -> dict[str, Any]:
    return {
        "kategori": str(t.category),
        "status": str(t.status),
        "tingkat": t.tier,
        "ketentuan": list(t.provisions),
        "diperdebatkan": t.contested,
        "tingkat_lain": [str(x) for x in t.contested_tiers],
        "jenis_minimum": t.minimum_sanction,
        "pilihan_sanksi": list(track_sanctions(t, decision.evaluation.findings)),
    }


def required_of(decision: Decision) -> Required:
    tracks = {t.category: t for t in decision.determination.tracks}
    shown = tuple(_track_dict(t, decision) for t in tracks.values() if t.status is not DeterminationStatus.NONE)
    provisions = tuple(sorted({p for t in tracks.values() if t.category is not Category.PIDANA for p in t.provisions}))

    def uncertain(reason: str) -> Required:
        return Required(reason, -1, reason, provisions=provisions, tracks=shown)

    if decision.scope is not None and not decision.scope.asn:
        return uncertain("di_luar_asn")
    if decision.not_assessed:
        return uncertain("tidak_dinilai")
    dismissal = tracks.get(Category.PEMBERHENTIAN)
    if dismissal is not None and dismissal.status is DeterminationStatus.DETERMINED:
        return Required("pasti", RANKS["pemberhentian"], "pemberhentian", provisions=dismissal.provisions, tracks=shown)
    discipline = tracks.get(Category.DISIPLIN)
    if discipline is not None and discipline.status is DeterminationStatus.UNRESOLVED:
        return uncertain("diperdebatkan" if discipline.contested else "belum_terselesaikan")
    if discipline is not None and discipline.status is DeterminationStatus.DETERMINED:
        if discipline.tier is None:
            return uncertain("belum_terselesaikan")
        options = track_sanctions(discipline, decision.evaluation.findings)
        return Required(
            "pasti",
            RANKS[str(discipline.tier)],
            str(discipline.tier),
            tuple(options),
            discipline.minimum_sanction,
            discipline.provisions,
            shown,
        )
    if dismissal is not None and dismissal.status is DeterminationStatus.UNRESOLVED:
        return uncertain("belum_terselesaikan")
    ethics = tracks.get(Category.ETIK)
    if ethics is not None and ethics.status is DeterminationStatus.UNRESOLVED:
        return uncertain("belum_terselesaikan")
    if ethics is not None and ethics.status is DeterminationStatus.DETERMINED:
        options = track_sanctions(ethics, decision.evaluation.findings)
        return Required("pasti", RANKS["etik"], "etik", tuple(options), None, ethics.provisions, shown)
    return Required("pasti", 0, "tidak_ada", provisions=provisions, tracks=shown)


def classify(required: Required, imposed: Enforcement, order: Mapping[str, int]) -> tuple[str, str | None]:
    """The outcome of a case and, for an unsettled law, why."""
    if required.status != "pasti":
        return "hukum_belum_pasti", required.status
    if imposed.status != "dijatuhkan":
        return ("sesuai", None) if required.rank == 0 else ("tidak_dijatuhkan", imposed.status)
    rank = _rank_of(imposed)
    if rank < required.rank:
        return "lebih_ringan", None
    if rank > required.rank:
        return "lebih_berat", None
    kind = imposed.kind
    if kind is None or not required.options:
        return "sesuai", None
    if kind in required.options:
        return "sesuai", None
    if required.level == "etik" or kind not in order:
        return "sesuai", "jenis tidak dapat dibandingkan"
    placed = [order[o] for o in required.options if o in order]
    if not placed:
        return "sesuai", "jenis tidak dapat dibandingkan"
    if order[kind] < min(placed):
        return "lebih_ringan", "jenis"
    if order[kind] > max(placed):
        return "lebih_berat", "jenis"
    return "sesuai", None


def _rank_of(imposed: Enforcement) -> int:
    if imposed.category == "pemberhentian":
        return RANKS["pemberhentian"]
    if imposed.category == "etik":
        return RANKS["etik"]
    assert imposed.tier is not None, "the reader refuses a disciplinary sanction without its tier (E0805)"
    return RANKS[imposed.tier]


# ---- attributes --------------------------------------------------------------------------------------
def attributes_of(case: AuditCase, required: Required) -> dict[str, tuple[str, ...]]:
    incident = case.incident
    respondent = incident.responden
    elections = [incident.election_of(i) for i in range(len(incident.tindakan))]  # per act (simultaneous elections)
    election = elections[0] if elections else None

    def text(value: object) -> str:
        return str(value) if value not in (None, "") else NOT_STATED

    structural = NOT_STATED
    if respondent is not None and respondent.pejabat_struktural is not None:
        structural = "ya" if respondent.pejabat_struktural else "tidak"
    labels: set[str] = set()
    for e in elections:
        if e.jenis is None:
            labels.add(NOT_STATED)
            continue
        voting = e.tanggal_pemungutan
        labels.add(f"{e.jenis} {voting.year}" if isinstance(voting, datetime.date) else str(e.jenis))
    region = case.region or (election.wilayah if election is not None else None)
    return {
        "instansi": (text(respondent.instansi if respondent else None),),
        "wilayah": (text(region),),
        "jenis_jabatan": (text(respondent.jenis_jabatan if respondent else None),),
        "struktural": (structural,),
        "status": (text(respondent.status_kepegawaian if respondent else None),),
        "ketentuan": required.provisions or ("(tidak ada)",),
        "pemilu": tuple(sorted(labels)) or (NOT_STATED,),
        "tahun": (str(min(incident.act_dates).year),),
    }


# ---- the audit -----------------------------------------------------------------------------------------
def _schema_fields() -> dict[str, tuple[str, ...]]:
    from netralrules.facts.schema import DEFAULT_SCHEMA

    return {root: tuple(name for name, _ in t.fields) for root, t in DEFAULT_SCHEMA.roots.items()}


_READ = _schema_fields()


def cache_key(raw: Mapping[str, Any]) -> str:
    """The incident as the determination sees it: the facts of the fact schema (all that rules can
    read, act dates included) and whether each evidence item is verified (the proof of a finding).
    Left out: the id, the reporter, the report date (it only chooses the supervisory body, which the
    audit does not compare), the notes and the act descriptions. Two cases with the same key get the
    same decision, so it is made once."""

    def pick(value: Any, root: str) -> Any:
        if not isinstance(value, Mapping):
            return value
        return {k: v for k, v in value.items() if k in _READ[root]}

    acts = raw.get("tindakan")
    data = {
        "responden": pick(raw.get("responden"), "responden"),
        "pemilu": pick(raw.get("pemilu"), "pemilu"),
        "tindakan": [
            {
                **pick(a, "tindakan"),
                "pemilu": a.get("pemilu"),  # which of several elections the act concerns
                "bukti": [e.get("terverifikasi") if isinstance(e, Mapping) else e for e in (a.get("bukti") or ())],
            }
            if isinstance(a, Mapping)
            else a
            for a in (acts if isinstance(acts, list) else ())
        ],
    }
    return json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)


def audit(register: Register, rulebook: Rulebook, settings: AuditSettings | None = None, *, workers: int = 1) -> AuditResult:
    """Evaluate every distinct incident once (over `workers` processes when there are many), classify
    each case, and compare the groups."""
    settings = settings or AuditSettings()
    order = _ladder_index(rulebook)
    keys = [cache_key(case.raw) for case in register.cases]
    first: dict[str, AuditCase] = {}
    for key, case in zip(keys, register.cases, strict=True):
        first.setdefault(key, case)
    cache = _decide_all(first, rulebook, workers)
    results: list[CaseResult] = []
    for key, case in zip(keys, register.cases, strict=True):
        required = cache[key]
        outcome, reason = classify(required, case.imposition, order)
        results.append(CaseResult(case, required, outcome, reason, attributes_of(case, required)))
    result = AuditResult(
        register.source.path,
        register.form,
        rulebook.content_hash,
        settings,
        register.rows,
        results,
        list(register.rejected),
        register.rejected_cases,
        distinct_incidents=len(cache),
    )
    result.groups = compare_groups(results, settings)
    return result


PARALLEL_FROM = 2000  # distinct incidents; below this, starting worker processes costs more than it saves
_CHUNK = 256


def _decide_all(first: Mapping[str, AuditCase], rulebook: Rulebook, workers: int) -> dict[str, Required]:
    if workers <= 1 or len(first) < PARALLEL_FROM:
        return {key: required_of(rulebook.decide(case.incident, explain=False)) for key, case in first.items()}
    from concurrent.futures import ProcessPoolExecutor

    items = [(key, dict(case.raw)) for key, case in first.items()]
    chunks = [items[i : i + _CHUNK] for i in range(0, len(items), _CHUNK)]
    out: dict[str, Required] = {}
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(tuple(rulebook.paths),)) as pool:
        for part in pool.map(_decide_chunk, chunks):
            out.update(part)
    return out


_worker: dict[str, Rulebook] = {}  # in each worker process: the rulebook, loaded once


def _start_worker(paths: tuple[str, ...]) -> None:
    from netralrules.rulebook import load_rulebook

    _worker["rulebook"] = load_rulebook(list(paths) or None)


def _decide_chunk(items: list[tuple[str, dict[str, Any]]]) -> dict[str, Required]:
    from netralrules.facts import load_incident

    rulebook = _worker["rulebook"]
    return {key: required_of(rulebook.decide(load_incident(raw), explain=False)) for key, raw in items}


def _base(metric: str, r: CaseResult) -> bool:
    if r.outcome == "hukum_belum_pasti":
        return False
    base = METRICS[metric]
    if "dijatuhkan" in base and r.case.imposition.status != "dijatuhkan":
        return False
    return "wajib" not in base or r.required.rank > 0


def compare_groups(results: Sequence[CaseResult], settings: AuditSettings) -> list[GroupRow]:
    """Each value of each dimension against the rest, for each metric; the tests of the groups
    large enough are corrected together for many comparisons."""
    rows: list[GroupRow] = []
    for metric in METRICS:
        base = [r for r in results if _base(metric, r)]
        total_n = len(base)
        total_k = sum(1 for r in base if r.outcome == metric)
        for dimension in settings.dimensions:
            counts: dict[str, list[int]] = {}
            for r in base:
                for value in set(r.attributes[dimension]):
                    kn = counts.setdefault(value, [0, 0])
                    kn[1] += 1
                    kn[0] += r.outcome == metric
            if len(counts) < 2:
                continue
            for value in sorted(counts):
                k, n = counts[value]
                rest_k, rest_n = total_k - k, total_n - n
                low, high = wilson(k, n, settings.confidence)
                row = GroupRow(dimension, value, metric, k, n, k / n if n else None, low, high, rest_k, rest_n)
                if n < settings.min_group or rest_n < settings.min_group:
                    row.too_small = True
                else:
                    c = two_proportions(k, n, rest_k, rest_n, settings.confidence)
                    row.difference, row.diff_low, row.diff_high, row.p_value = c.difference, c.low, c.high, c.p_value
                rows.append(row)
    tested = [row for row in rows if row.p_value is not None]
    adjust = holm if settings.correction == "holm" else benjamini_hochberg
    for row, q in zip(tested, adjust([1.0 if row.p_value is None else row.p_value for row in tested]), strict=True):
        row.adjusted = q
        row.flagged = q < settings.alpha
    return rows
