"""The AST of a rules file: frozen, slotted, keyword-only dataclasses.

Every node has a `span` that equality, hashing and repr ignore, so two parses of differently laid
out text compare equal. Enumerated words (categories, tiers, units, ...) are stored in their
canonical Indonesian spelling; a file written with English keywords parses to the same tree.
Nodes carry no behaviour: each stage is a function over them.
"""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field

from netralrules.source import NO_SPAN, Span


class _Word(enum.StrEnum):
    """A word of the rules language with a closed set of values. Its repr is its string's, so an
    AST's repr, and with it the rulebook's content hash, is what it was when these were strings."""

    def __repr__(self) -> str:
        return str.__repr__(self)


class Category(_Word):
    """The kind of consequence an outcome carries; each is a separate track of the determination."""

    ETIK = "etik"
    DISIPLIN = "disiplin"
    PEMBERHENTIAN = "pemberhentian"
    PIDANA = "pidana"
    ADMINISTRATIF = "administratif"


class Tier(_Word):
    """The tier of a disciplinary sanction, lightest first."""

    RINGAN = "ringan"
    SEDANG = "sedang"
    BERAT = "berat"


@dataclass(frozen=True, slots=True, kw_only=True)
class Ref:
    """A name written in the file (an instrument, a provision, a subject, a principle)."""

    name: str
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


# ---- expressions ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class BoolLit:
    value: bool
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class IntLit:
    value: int
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class RupiahLit:
    """A rupiah amount, in whole rupiah (`Rp12.000.000` → 12000000)."""

    value: int
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class DateLit:
    value: datetime.date
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class StringLit:
    value: str
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Duration:
    """`6 bulan`: an amount and a unit (`hari`, `minggu`, `bulan`, `tahun`)."""

    amount: int
    unit: str
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Name:
    """A dotted name: a fact path, a definition, a quantified variable or an enum value.

    The parser cannot tell which; the checker resolves it.
    """

    parts: tuple[str, ...]
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)

    @property
    def dotted(self) -> str:
        return ".".join(self.parts)


@dataclass(frozen=True, slots=True, kw_only=True)
class SetLit:
    items: tuple[Expr, ...]
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Not:
    operand: Expr
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class And:
    operands: tuple[Expr, ...]
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Or:
    operands: tuple[Expr, ...]
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Compare:
    """`left op right`, op one of `=`, `!=`, `<`, `<=`, `>`, `>=`."""

    op: str
    left: Expr
    right: Expr
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Membership:
    """`element dalam {a, b}` or `element dalam list_fact`."""

    element: Expr
    collection: SetLit | Name
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Between:
    """`value antara low sampai high`, both ends included."""

    value: Expr
    low: Expr
    high: Expr
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Within:
    """`value dalam_waktu 6 bulan sebelum anchor`: anchor - 6 bulan <= value <= anchor."""

    value: Expr
    duration: Duration
    direction: str  # "sebelum" or "sesudah"
    anchor: Expr
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Arith:
    """`a + b - c`: flat, evaluated left to right. `ops[i]` joins `terms[i]` and `terms[i + 1]`."""

    terms: tuple[Expr, ...]
    ops: tuple[str, ...]
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantifier:
    """`ada x dalam list yang (body)` or `semua x dalam list yang (body)`."""

    kind: str  # "ada" or "semua"
    var: str
    collection: Name
    body: Expr
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Count:
    """`jumlah x dalam list yang (body)`: how many items satisfy body (all, without body)."""

    var: str
    collection: Name
    body: Expr | None
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


Expr = (
    BoolLit
    | IntLit
    | RupiahLit
    | DateLit
    | StringLit
    | Duration
    | Name
    | SetLit
    | Not
    | And
    | Or
    | Compare
    | Membership
    | Between
    | Within
    | Arith
    | Quantifier
    | Count
)

# ---- declarations --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class CitationPart:
    """One level of a citation: `pasal 5`, `ayat (1)`, `huruf n`, `angka 2`, `lampiran II`."""

    kind: str  # canonical: pasal, ayat, huruf, angka, lampiran
    value: str
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation:
    """`PP_94_2021 pasal 5 huruf n angka 2` or `SKB_2022 lampiran II angka 6`: a first-class,
    structured citation."""

    instrument: Ref
    parts: tuple[CitationPart, ...]
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)

    def part(self, kind: str) -> str | None:
        for p in self.parts:
            if p.kind == kind:
                return p.value
        return None

    @property
    def pasal(self) -> str | None:
        return self.part("pasal")

    @property
    def ayat(self) -> str | None:
        return self.part("ayat")

    @property
    def huruf(self) -> str | None:
        return self.part("huruf")

    @property
    def angka(self) -> str | None:
        return self.part("angka")

    @property
    def lampiran(self) -> str | None:
        return self.part("lampiran")


@dataclass(frozen=True, slots=True, kw_only=True)
class Validity:
    """`berlaku sejak D sampai D`; either end may be open."""

    start: DateLit | None
    end: DateLit | None
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """A penalty amount: a duration (penjara, kurungan) or rupiah (denda)."""

    duration: Duration | None = None
    rupiah: RupiahLit | None = None
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Penalty:
    """`penjara 1 bulan sampai 6 bulan`, `denda paling_banyak Rp12.000.000`."""

    kind: str  # penjara, kurungan, denda
    minimum: Quantity | None
    maximum: Quantity
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Reading:
    """`bacaan_lain tingkat berat menurut SKB_2022`: another reading of a provision's tier, where
    the sources disagree on it, with the basis that reading rests on."""

    tier: Tier
    basis: Citation
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """What the law attaches to the conduct: a category, a tier, criminal penalties, and the other
    readings of the tier where the sources disagree on it (`other_readings`: the tier is contested)."""

    category: Category
    tier: Tier | None = None
    tier_basis: Citation | None = None
    penalties: tuple[Penalty, ...] = ()
    joiners: tuple[str, ...] = ()  # "dan" or "dan/atau" between penalties
    penalty_basis: Citation | None = None
    # Not in the generated repr: `__repr__` below names them only when there are some, so the
    # content hash (repr-based) of a rulebook without contested tiers stays as it was.
    other_readings: tuple[Reading, ...] = field(default=(), repr=False)
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)

    def __repr__(self) -> str:
        base = (
            f"Outcome(category={self.category!r}, tier={self.tier!r}, tier_basis={self.tier_basis!r}, "
            f"penalties={self.penalties!r}, joiners={self.joiners!r}, penalty_basis={self.penalty_basis!r}"
        )
        if self.other_readings:
            base += f", other_readings={self.other_readings!r}"
        return base + ")"

    @property
    def contested(self) -> bool:
        """Whether the sources disagree on the tier (another reading is stated)."""
        return bool(self.other_readings)


@dataclass(frozen=True, slots=True, kw_only=True)
class Sanctions:
    """`sanksi "…", "…" menurut CITATION`: the sanction options, with their basis."""

    options: tuple[str, ...]
    basis: Citation | None = None
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


# Reliability levels of a source, canonical (Indonesian) spelling, most reliable first.
RELIABILITY_LEVELS: tuple[str, ...] = ("terverifikasi", "satu_sumber", "tafsiran", "belum_dipastikan", "bertentangan")


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """`sumber "PP 94/2021 (JDIH)" tautan "https://…" bertanggal 2021-08-31 terverifikasi`: where a
    statement of the rulebook comes from and how reliable it is. The report lists sources in an
    annex; a note (`catatan`) carries only what the law says or leaves open."""

    document: str
    url: str | None = None
    date: DateLit | None = None
    reliability: str  # canonical: one of RELIABILITY_LEVELS
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Instrument:
    """A regulation: UU, PP, SKB, ..."""

    id: Ref
    title: str | None = None
    kind: Ref | None = None
    number: str | None = None
    year: int | None = None
    in_force: DateLit | None = None
    repealed_on: DateLit | None = None
    repealed_by: Ref | None = None
    rank: int | None = None
    note: str | None = None
    # Not in repr: the content hash (repr-based) of a rulebook without sources stays as it was.
    sources: tuple[Source, ...] = field(default=(), repr=False)
    field_spans: tuple[tuple[str, Span], ...] = field(default=(), compare=False, hash=False, repr=False)
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Provision:
    """A clause: citation, statutory text, subjects, validity, condition, outcome."""

    id: Ref
    citation: Citation | None = None
    text: str | None = None
    subjects: tuple[Ref, ...] = ()
    validity: Validity | None = None
    excepts: tuple[Ref, ...] = ()
    condition: Expr | None = None
    outcome: Outcome | None = None
    sanctions: Sanctions | None = None
    note: str | None = None
    # Not in repr: the content hash (repr-based) of a rulebook without sources stays as it was.
    sources: tuple[Source, ...] = field(default=(), repr=False)
    field_spans: tuple[tuple[str, Span], ...] = field(default=(), compare=False, hash=False, repr=False)
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Definition:
    """A named legal concept (`masa_kampanye`) used by conditions."""

    name: Ref
    label: str | None
    expr: Expr
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class SanctionTable:
    """`hukuman PP_94_2021 tingkat sedang { … }`: the sanction types of one tier."""

    instrument: Ref
    tier: Tier
    citation: Citation | None = None
    sanctions: Sanctions | None = None
    note: str | None = None
    # Not in repr: the content hash (repr-based) of a rulebook without sources stays as it was.
    sources: tuple[Source, ...] = field(default=(), repr=False)
    field_spans: tuple[tuple[str, Span], ...] = field(default=(), compare=False, hash=False, repr=False)
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Principles:
    """`asas_konflik lex_superior, lex_specialis, lex_posterior`: the order conflicts are settled in."""

    names: tuple[Ref, ...]
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Supervisor:
    """`lembaga_pengawas KASN { … }`: a body a neutrality case is referred to, the period it served
    (either end may be open), and the referral chain as steps (`Bawaslu …`, `KASN …`, `PPK …`)."""

    id: Ref
    title: str | None = None
    validity: Validity | None = None
    chain: tuple[str, ...] = ()
    note: str | None = None
    # Not in repr: the content hash (repr-based) of a rulebook without sources stays as it was.
    sources: tuple[Source, ...] = field(default=(), repr=False)
    field_spans: tuple[tuple[str, Span], ...] = field(default=(), compare=False, hash=False, repr=False)
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


class GapKind(_Word):
    """Why a gap declaration says no provision applies to its cells."""

    NOT_REGULATED = "tidak_diatur"  # the law has no provision for this conduct
    CONTESTED = "diperdebatkan"  # whether a provision reaches it is disputed
    NOT_ENCODED = "belum_dikodekan"  # the law has a provision, the rulebook does not encode it yet


@dataclass(frozen=True, slots=True, kw_only=True)
class GapDeclaration:
    """`celah pp53.media_sosial { … }`: the cells of the conduct space (act kinds × respondent
    statuses × dates of the act × election stages × election kinds) for which the rulebook states,
    with its reason and sources, that no provision applies. Empty `stages` or `election_kinds`
    mean every one. `item_spans` holds where each listed value is written, keyed `field:value`
    (`jenis_tindakan:suka_media_sosial`), for diagnostics."""

    id: str
    kind: GapKind
    act_kinds: tuple[str, ...]
    statuses: tuple[str, ...]
    start: datetime.date
    end: datetime.date | None = None
    stages: tuple[str, ...] = ()
    election_kinds: tuple[str, ...] = ()
    reason: str
    sources: tuple[Source, ...] = field(default=(), repr=False)
    id_span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)
    item_spans: tuple[tuple[str, Span], ...] = field(default=(), compare=False, hash=False, repr=False)
    field_spans: tuple[tuple[str, Span], ...] = field(default=(), compare=False, hash=False, repr=False)
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)

    def covers(self, act_kind: str, status: str, date: datetime.date, stage: str | None, election_kind: str | None) -> bool:
        """Whether the declaration covers a cell. A None stage or election kind (not known) is
        covered only by a declaration that does not restrict it."""
        if act_kind not in self.act_kinds or status not in self.statuses:
            return False
        if date < self.start or (self.end is not None and date > self.end):
            return False
        if self.stages and (stage is None or stage not in self.stages):
            return False
        return not self.election_kinds or (election_kind is not None and election_kind in self.election_kinds)

    def item_span(self, field_word: str, value: str) -> Span:
        """Where a listed value is written (the declaration's span when not known)."""
        return dict(self.item_spans).get(f"{field_word}:{value}", self.span)


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenPoint:
    """`terbuka { teks "…" teks_en "…" sumber … }`: what the sources leave open (an article not
    found, a body not named, a deadline not given). In a step, limit or remedy: that item's basis."""

    text: str
    text_en: str | None = None
    sources: tuple[Source, ...] = field(default=(), repr=False)
    field_spans: tuple[tuple[str, Span], ...] = field(default=(), compare=False, hash=False, repr=False)
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class ProcedureDetail:
    """What every item of a procedure may say: who acts (`oleh`), in plain words (`teks`, and
    `teks_en` in English), its basis (`rujukan` to a declared instrument, or `dasar` in words for an
    instrument the rulebook does not declare), what is open about it (`terbuka`), and its sources."""

    by: str | None = None
    text: str | None = None
    text_en: str | None = None
    citation: Citation | None = None
    basis: str | None = None
    open: OpenPoint | None = None
    sources: tuple[Source, ...] = field(default=(), repr=False)
    field_spans: tuple[tuple[str, Span], ...] = field(default=(), compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class ProcedureStep:
    """`langkah pemeriksaan { … }`: one step of the procedure; the code is from a fixed vocabulary
    (checker/procedures.py)."""

    code: Ref
    detail: ProcedureDetail
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class TeamRule:
    """`wajib untuk berat`: whether a Tim Pemeriksa is mandatory or optional for these tiers."""

    status: str  # canonical: wajib, opsional
    tiers: tuple[Tier, ...]
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class ExaminingTeam:
    """`tim_pemeriksa { wajib untuk berat  opsional untuk sedang … }`. A tier no rule names: the
    sources do not say (`tidak_disebut`)."""

    rules: tuple[TeamRule, ...]
    detail: ProcedureDetail
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeLimit:
    """`batas_waktu pemanggilan paling_lambat 7 hari_kerja sejak pemanggilan sampai pemeriksaan { … }`
    (the later event at the latest N days after the earlier), or `… pada_hari_ke 15 hari_kalender
    sejak keputusan_diterima { … }` (something happens on day N: no later event). Events are the
    register's event kinds (checker/procedures.py)."""

    code: Ref
    kind: str  # canonical: paling_lambat, pada_hari_ke
    amount: int
    unit: str  # canonical: hari_kerja, hari_kalender
    start: Ref
    end: Ref | None = None
    detail: ProcedureDetail
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Remedy:
    """`upaya_administratif banding_administratif { untuk berat, pemberhentian  kepada "BPASN" … }`:
    a route of objection against the decision, for the tiers (or tracks) it is open to."""

    kind: str  # canonical: keberatan, banding_administratif
    targets: tuple[str, ...]  # canonical tiers and categories
    to: str | None = None
    detail: ProcedureDetail
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Procedure:
    """`prosedur PP_94_2021 { … }`: what must happen after a finding under an instrument's regime:
    the steps, whether a Tim Pemeriksa is required per tier, the time limits, the routes of
    objection, and what the sources leave open. Without `berlaku`, the instrument's own period."""

    id: Ref  # the instrument
    validity: Validity | None = None
    steps: tuple[ProcedureStep, ...] = ()
    team: ExaminingTeam | None = None
    limits: tuple[TimeLimit, ...] = ()
    remedies: tuple[Remedy, ...] = ()
    open_points: tuple[OpenPoint, ...] = ()
    note: str | None = None
    sources: tuple[Source, ...] = field(default=(), repr=False)
    field_spans: tuple[tuple[str, Span], ...] = field(default=(), compare=False, hash=False, repr=False)
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


Declaration = Instrument | Provision | Definition | SanctionTable | Principles | Supervisor | GapDeclaration | Procedure


@dataclass(frozen=True, slots=True, kw_only=True)
class Use:
    """`pakai calon_sudah_ditetapkan, masa_kampanye dari PP_94_2021`: definitions of another
    instrument that this file uses. Not a declaration: it names, it does not define."""

    names: tuple[Ref, ...]
    instrument: Ref
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Comment:
    text: str
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesFile:
    """One parsed rules file. Comments are kept (the formatter needs them) but not compared.
    `uses` are its `pakai` lines, which come before its declarations."""

    path: str
    declarations: tuple[Declaration, ...]
    uses: tuple[Use, ...] = ()
    comments: tuple[Comment, ...] = field(default=(), compare=False, hash=False, repr=False)
    span: Span = field(default=NO_SPAN, compare=False, hash=False, repr=False)
