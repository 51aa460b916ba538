"""Reading a consistency-audit register: CSV (one act per row, grouped by case id) or JSON lines
(one case per line) → the cases, and every row that could not be read, with where and why.

    register = read_register("perkara.csv", text, sanction_kinds(rulebook))
    register.cases        # AuditCase: the incident (validated), what was recommended and imposed
    register.rejected     # Rejection: case, line, column, field, and its diagnostic (E0801–E0810)

Nothing is dropped silently: a case with any bad row is rejected whole, counted and listed with
every problem found. The two forms are documented in docs/enforcement.md.

CSV columns: `kasus` (the case id; rows with the same id are one case, their acts in row order),
`wilayah`, `pelapor`, `tanggal_laporan`, `catatan`, `responden.<isian>`, `pemilu.<isian>`,
`rekomendasi.<isian>`, `penjatuhan.<isian>` (case fields: the same on every row of a case, or
empty), and `tindakan.<isian>` (act fields: one act per row). Lists (`bukti`,
`sanksi_sebelumnya`) need the JSON lines form.

JSON lines: `{"kasus": ID, "wilayah": …, "insiden": {incident}, "rekomendasi": {…}, "penjatuhan":
{…}}`; `kasus` defaults to the incident's `id`.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from netralrules.diagnostics import Diagnostic, make
from netralrules.diagnostics.suggest import closest
from netralrules.facts import IncidentError, incident_json_schema, load_incident
from netralrules.facts.incident import Incident
from netralrules.source import SourceFile, Span

CATEGORIES = ("etik", "disiplin", "pemberhentian")  # what a PPK imposes (criminal penalties are for the courts)
TIERS = ("ringan", "sedang", "berat")
FOLLOW_UP = ("dijatuhkan", "tidak_dijatuhkan", "menunggu")  # imposed, decided not to impose, no decision yet
ENFORCEMENT_FIELDS: dict[str, tuple[str, ...]] = {
    "rekomendasi": ("tanggal", "oleh", "kategori", "tingkat", "jenis_hukuman"),
    "penjatuhan": ("status", "tanggal", "oleh", "kategori", "tingkat", "jenis_hukuman", "alasan"),
}
CASE_KEYS = ("kasus", "wilayah", "insiden", "rekomendasi", "penjatuhan")  # a JSON line's keys
INCIDENT_TOP = ("pelapor", "tanggal_laporan", "catatan")
REQUIRED_COLUMNS = ("kasus", "tindakan.tanggal", "tindakan.jenis")
_LISTS = {"responden.sanksi_sebelumnya", "tindakan.bukti"}
_TRUE = {"benar", "true", "ya", "1"}
_FALSE = {"salah", "false", "tidak", "0"}


@dataclass(frozen=True)
class Enforcement:
    """What was recommended (`rekomendasi`) or imposed (`penjatuhan`) in a case."""

    status: str  # rekomendasi: "ada"; penjatuhan: one of FOLLOW_UP
    date: datetime.date | None = None
    by: str | None = None
    category: str | None = None  # one of CATEGORIES
    tier: str | None = None  # one of TIERS (disiplin)
    kind: str | None = None  # the sanction type, as in the rulebook's tables
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "tanggal": self.date.isoformat() if self.date else None,
            "oleh": self.by,
            "kategori": self.category,
            "tingkat": self.tier,
            "jenis_hukuman": self.kind,
            "alasan": self.reason,
        }


@dataclass(frozen=True)
class AuditCase:
    """One case of the register: an incident and its enforcement."""

    case_id: str
    line: int  # the first line of the case in the register
    incident: Incident
    raw: Mapping[str, Any]  # the incident as given (the decision cache keys on it)
    region: str | None
    recommendation: Enforcement | None
    imposition: Enforcement  # status "menunggu" when nothing is recorded


@dataclass(frozen=True)
class Rejection:
    """A case (or a line that is no case at all) left out of the audit, and why."""

    case_id: str | None
    line: int
    column: int
    field: str | None
    diagnostic: Diagnostic

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        return {
            "kasus": self.case_id,
            "baris": self.line,
            "kolom": self.column,
            "isian": self.field,
            "kode": self.diagnostic.code,
            "pesan": self.diagnostic.message.get(lang),
        }


@dataclass
class Register:
    source: SourceFile
    form: str  # "csv" or "jsonl"
    rows: int = 0  # data rows (CSV) or non-empty lines (JSON lines) read
    cases: list[AuditCase] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def rejected_cases(self) -> int:
        return len({(r.case_id if r.case_id is not None else f"#{r.line}") for r in self.rejected})


class RegisterError(Exception):
    """The register as a whole cannot be read (E0801, E0803): no case is audited."""

    def __init__(self, diagnostic: Diagnostic, source: SourceFile | None = None) -> None:
        super().__init__(diagnostic.message.en)
        self.diagnostic = diagnostic
        self.source = source


def form_of(path: str, text: str) -> str:
    """`csv` or `jsonl`, from the file name, else from the first character."""
    lower = path.lower()
    if lower.endswith(".csv"):
        return "csv"
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    return "jsonl" if text.lstrip("\ufeff \t\r\n")[:1] == "{" else "csv"


def decode(path: str, data: bytes) -> str:
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise RegisterError(
            make(
                "E0801",
                Span(path, 0, 0),
                suggestion="form",
                path=path,
                reason=f"bukan UTF-8 (bita ke-{error.start})",
                reason_en=f"not UTF-8 (byte {error.start})",
            )
        ) from None


def read_register(path: str, text: str, kinds: Mapping[str, str], form: str | None = None) -> Register:
    """The cases of a register (`kinds`: sanction type → tier, from `sanction_kinds`)."""
    source = SourceFile(path, text)
    chosen = form or form_of(path, text)
    register = Register(source, chosen)
    reader = _Reader(register, kinds)
    if chosen == "csv":
        reader.csv()
    else:
        reader.jsonl()
    return register


# ---- field types, from the incident's JSON Schema --------------------------------------------------
def _field_types() -> dict[str, str]:
    schema = incident_json_schema()
    defs = schema.get("$defs", {})
    out: dict[str, str] = {}

    def kind(prop: Mapping[str, Any]) -> str:
        options = prop.get("anyOf", [prop])
        for option in options:
            if option.get("type") == "boolean":
                return "bool"
            if option.get("type") == "array":
                return "list"
        return "text"

    for root, name in (("responden", "Respondent"), ("pemilu", "Election"), ("tindakan", "Act")):
        for key, prop in defs[name]["properties"].items():
            out[f"{root}.{key}"] = kind(prop)
    for key in INCIDENT_TOP:
        out[key] = "text"
    return out


FIELD_TYPES = _field_types()
KNOWN_COLUMNS = (
    "kasus",
    "wilayah",
    *INCIDENT_TOP,
    *(k for k in FIELD_TYPES if k not in INCIDENT_TOP and k not in _LISTS),
    *(f"{group}.{name}" for group, names in ENFORCEMENT_FIELDS.items() for name in names),
)


def _cell_offsets(line: str) -> list[tuple[int, int]]:
    """Start and end of each cell of one CSV line (quotes respected), for pointing at a value."""
    out: list[tuple[int, int]] = []
    start, quoted, i = 0, False, 0
    while i < len(line):
        ch = line[i]
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            out.append((start, i))
            start = i + 1
        i += 1
    out.append((start, len(line)))
    return out


class _Reader:
    def __init__(self, register: Register, kinds: Mapping[str, str]) -> None:
        self.r = register
        self.src = register.source
        self.kinds = kinds
        self.line_starts = [0, *(m.end() for m in re.finditer(r"\r\n|\n|\r", self.src.text))]

    # ---- locations ---------------------------------------------------------------------------
    def line_span(self, line: int) -> Span:
        start = self.line_starts[line - 1] if line - 1 < len(self.line_starts) else len(self.src.text)
        text = self.src.line_text(line)
        return Span(self.src.path, start, start + max(len(text), 1))

    def cell_span(self, line: int, index: int) -> Span:
        text = self.src.line_text(line)
        cells = _cell_offsets(text)
        base = self.line_starts[line - 1] if line - 1 < len(self.line_starts) else 0
        if index < len(cells):
            a, b = cells[index]
            return Span(self.src.path, base + a, base + max(b, a + 1))
        return self.line_span(line)

    def key_span(self, line: int, *keys: str | None) -> Span:
        """The last of `keys` found on the line, each searched for after the one before it (so
        `insiden`, `tindakan`, `jenis` finds the act's `jenis`, not the election's)."""
        text = self.src.line_text(line)
        base = self.line_starts[line - 1] if line - 1 < len(self.line_starts) else 0
        at, width = -1, 1
        for key in keys:
            if not key:
                continue
            found = text.find(json.dumps(key, ensure_ascii=False), max(at, 0))
            if found < 0:
                break
            at, width = found, len(json.dumps(key, ensure_ascii=False))
        if at >= 0:
            return Span(self.src.path, base + at, base + at + width)
        return Span(self.src.path, base, base + 1)

    def reject(self, case_id: str | None, span: Span, fieldname: str | None, diagnostic: Diagnostic) -> None:
        pos = self.src.position(span.start)
        self.r.rejected.append(Rejection(case_id, pos.line, pos.column, fieldname, diagnostic))

    # ---- JSON lines ------------------------------------------------------------------------------
    def jsonl(self) -> None:
        seen: dict[str, int] = {}
        for number, raw in enumerate(self.src.text.splitlines(), 1):
            if not raw.strip():
                continue
            self.r.rows += 1
            try:
                value = json.loads(raw)
            except ValueError as error:
                reason = str(error)
                span = self.line_span(number)
                self.reject(
                    None, span, None, make("E0802", span, label="here", suggestion="form", reason=reason, reason_en=reason)
                )
                continue
            if not isinstance(value, dict):
                span = self.line_span(number)
                what = type(value).__name__
                self.reject(
                    None,
                    span,
                    None,
                    make("E0802", span, label="here", suggestion="form", reason=f"nilai {what}", reason_en=f"a {what} value"),
                )
                continue
            self.record(value, number, seen)

    def record(self, value: dict[str, Any], line: int, seen: dict[str, int]) -> None:
        incident = value.get("insiden")
        case_id = value.get("kasus")
        if case_id is None and isinstance(incident, dict):
            case_id = incident.get("id")
        case = str(case_id) if case_id is not None else None
        problems_before = len(self.r.rejected)
        for key in value:
            if key not in CASE_KEYS:
                self.unknown(case, self.key_span(line, key), key, CASE_KEYS)
        if case is None or not isinstance(incident, dict):
            span = self.key_span(line, "insiden")
            self.reject(
                case,
                span,
                "insiden",
                make(
                    "E0805",
                    span,
                    label="here",
                    value=json.dumps(incident, ensure_ascii=False)[:40] if incident is not None else "",
                    field="insiden",
                    expected="objek insiden dengan id (docs/incident.md)",
                    expected_en="an incident object with an id (docs/incident.md)",
                ),
            )
            return
        if case in seen:
            span = self.key_span(line, "kasus" if "kasus" in value else "id")
            self.reject(case, span, "kasus", make("E0807", span, label="here", suggestion="rename", case=case, line=seen[case]))
            return
        seen[case] = line
        if "kasus" in value and "id" not in incident:
            incident = {**incident, "id": case}
        enforcement: dict[str, Enforcement | None] = {}
        for group in ENFORCEMENT_FIELDS:
            given = value.get(group)
            if given is None:
                enforcement[group] = None
                continue
            if not isinstance(given, dict):
                span = self.key_span(line, group)
                self.reject(case, span, group, self.bad(span, group, str(given), "objek", "an object"))
                continue
            cells = {}
            for key, cell in given.items():
                if key not in ENFORCEMENT_FIELDS[group]:
                    self.unknown(case, self.key_span(line, group, key), f"{group}.{key}", ENFORCEMENT_FIELDS[group])
                    continue
                cells[key] = "" if cell is None else str(cell)
            enforcement[group] = self.enforcement(group, cells, case, lambda key, g=group: self.key_span(line, g, key))
        region = value.get("wilayah")
        model = self.validate(incident, case, lambda path: self.key_span(line, "insiden", *_keys(path)))
        if model is None or len(self.r.rejected) > problems_before:
            return
        self.accept(case, line, model, incident, region, enforcement)

    # ---- CSV ---------------------------------------------------------------------------------------
    def csv(self) -> None:
        reader = csv.reader(io.StringIO(self.src.text, newline=""))
        try:
            header = next(reader)
        except StopIteration:
            header = []
        header = [h.strip() for h in header]
        for column in REQUIRED_COLUMNS:
            if column not in header:
                raise RegisterError(make("E0803", self.line_span(1), label="here", suggestion="add", column=column), self.src)
        usable: dict[int, str] = {}
        for index, name in enumerate(header):
            if name in KNOWN_COLUMNS:
                usable[index] = name
            else:
                self.unknown(None, self.cell_span(1, index), name, KNOWN_COLUMNS)
        if self.r.rejected:  # an unknown column would be dropped from every case: nothing is audited
            self.r.rows = sum(1 for _ in reader)
            return
        groups: dict[str, list[tuple[int, dict[str, tuple[int, str]]]]] = {}
        last = reader.line_num
        for row in reader:
            first_line = last + 1
            last = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            self.r.rows += 1
            cells = {usable[i]: (i, cell.strip()) for i, cell in enumerate(row) if i in usable}
            case = cells.get("kasus", (0, ""))[1]
            if not case:
                span = self.cell_span(first_line, header.index("kasus"))
                self.reject(None, span, "kasus", self.bad(span, "kasus", "", "id perkara", "a case id"))
                continue
            groups.setdefault(case, []).append((first_line, cells))
        for case, rows in groups.items():
            self.csv_case(case, rows)

    def csv_case(self, case: str, rows: list[tuple[int, dict[str, tuple[int, str]]]]) -> None:
        before = len(self.r.rejected)
        first_line = rows[0][0]
        where: dict[str, tuple[int, int]] = {}  # case field → (line, column index) of its value
        values: dict[str, str] = {}
        acts: list[dict[str, Any]] = []
        act_lines: list[tuple[int, dict[str, int]]] = []
        for line, cells in rows:
            act: dict[str, Any] = {}
            columns: dict[str, int] = {}
            for name, (index, cell) in cells.items():
                if name.startswith("tindakan."):
                    columns[name] = index
                    if cell:
                        converted = self.convert(case, line, index, name, cell)
                        if converted is not None:
                            act[name.removeprefix("tindakan.")] = converted
                    continue
                if not cell or name == "kasus":
                    continue
                if name in values and values[name] != cell:
                    span = self.cell_span(line, index)
                    self.reject(
                        case,
                        span,
                        name,
                        make(
                            "E0806",
                            span,
                            label="here",
                            suggestion="same",
                            field=name,
                            case=case,
                            value=cell,
                            first=values[name],
                            line=where[name][0],
                        ),
                    )
                    continue
                values.setdefault(name, cell)
                where.setdefault(name, (line, index))
            acts.append(act)
            act_lines.append((line, columns))
        incident: dict[str, Any] = {"id": case, "tindakan": acts}
        for name, cell in values.items():
            line, index = where[name]
            if name in INCIDENT_TOP:
                incident[name] = cell
            elif name.startswith(("responden.", "pemilu.")):
                root, key = name.split(".", 1)
                converted = self.convert(case, line, index, name, cell)
                if converted is not None:
                    incident.setdefault(root, {})[key] = converted
        enforcement: dict[str, Enforcement | None] = {}
        for group, names in ENFORCEMENT_FIELDS.items():
            given = {n: values[f"{group}.{n}"] for n in names if f"{group}.{n}" in values}
            spans = {n: self.cell_span(*where[f"{group}.{n}"]) for n in given}
            enforcement[group] = (
                self.enforcement(group, given, case, lambda key, s=spans: s.get(key, self.line_span(first_line)))
                if given
                else None
            )

        def locate(path: str) -> Span:
            match = re.match(r"tindakan\[(\d+)\]\.?([a-z_]*)", path)
            if match and int(match.group(1)) < len(act_lines):
                line, columns = act_lines[int(match.group(1))]
                index = columns.get(f"tindakan.{match.group(2)}")
                return self.cell_span(line, index) if index is not None else self.line_span(line)
            name = path.split("[")[0]
            if name in where:
                return self.cell_span(*where[name])
            return self.line_span(first_line)

        model = self.validate(incident, case, locate)
        if model is None or len(self.r.rejected) > before:
            return
        self.accept(case, first_line, model, incident, values.get("wilayah"), enforcement)

    def convert(self, case: str, line: int, index: int, name: str, cell: str) -> Any:
        kind = FIELD_TYPES.get(name, "text")
        if kind != "bool":
            return cell
        lowered = cell.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        span = self.cell_span(line, index)
        self.reject(case, span, name, self.bad(span, name, cell, "benar atau salah", "true or false"))
        return None

    # ---- shared --------------------------------------------------------------------------------
    def bad(self, span: Span, name: str, value: str, expected: str, expected_en: str, options: Sequence[str] = ()) -> Diagnostic:
        suggestion = closest(value, options) if value and options else None
        extra: dict[str, Any] = {"suggestion": "replace", "replacement": suggestion} if suggestion else {}
        return make("E0805", span, label="here", value=value, field=name, expected=expected, expected_en=expected_en, **extra)

    def unknown(self, case: str | None, span: Span, name: str, known: Sequence[str]) -> None:
        suggestion = closest(name, known)
        extra: dict[str, Any] = {"suggestion": "replace", "replacement": suggestion} if suggestion else {"suggestion": "list"}
        self.reject(case, span, name, make("E0804", span, label="here", field=name, **extra))

    def enforcement(self, group: str, cells: Mapping[str, str], case: str, span_of: Any) -> Enforcement | None:
        ok = True

        def fail(key: str, value: str, expected: str, expected_en: str, options: Sequence[str] = ()) -> None:
            nonlocal ok
            ok = False
            span = span_of(key)
            self.reject(case, span, f"{group}.{key}", self.bad(span, f"{group}.{key}", value, expected, expected_en, options))

        date = None
        if cells.get("tanggal"):
            try:
                date = datetime.date.fromisoformat(cells["tanggal"])
            except ValueError:
                fail("tanggal", cells["tanggal"], "tanggal TTTT-BB-HH", "a date YYYY-MM-DD")
        category = cells.get("kategori") or None
        if category is not None and category not in CATEGORIES:
            fail("kategori", category, " / ".join(CATEGORIES), " / ".join(CATEGORIES), CATEGORIES)
        tier = cells.get("tingkat") or None
        if tier is not None and tier not in TIERS:
            fail("tingkat", tier, " / ".join(TIERS), " / ".join(TIERS), TIERS)
        kind = cells.get("jenis_hukuman") or None
        if tier is not None and category is None:
            category = "disiplin"
        if kind is not None and (category in (None, "disiplin")):
            known_tier = self.kinds.get(kind)
            wanted = [k for k, t in self.kinds.items() if tier is None or t == tier]
            if known_tier is None or (tier is not None and known_tier != tier):
                ok = False
                span = span_of("jenis_hukuman")
                suggestion = closest(kind, wanted)
                extra: dict[str, Any] = (
                    {"suggestion": "replace", "replacement": suggestion} if suggestion else {"suggestion": "list"}
                )
                self.reject(
                    case,
                    span,
                    f"{group}.jenis_hukuman",
                    make("E0809", span, label="here", value=kind, tier=tier or "", tier_en=tier or "", **extra),
                )
            elif tier is None:
                tier, category = known_tier, "disiplin"
        if (
            category == "disiplin"
            and tier is None
            and ok
            and (group == "rekomendasi" or cells.get("status") != "tidak_dijatuhkan")
        ):
            # A disciplinary sanction without its tier (or a type that names it) cannot be compared.
            fail(
                "tingkat",
                "",
                "tingkat hukuman disiplin: " + " / ".join(TIERS),
                "the disciplinary tier: " + " / ".join(TIERS),
                TIERS,
            )
        status = "ada"
        if group == "penjatuhan":
            given = cells.get("status") or None
            if given is not None and given not in FOLLOW_UP:
                fail("status", given, " / ".join(FOLLOW_UP), " / ".join(FOLLOW_UP), FOLLOW_UP)
            status = given or ("dijatuhkan" if (category or tier or kind) else "menunggu")
            if status == "dijatuhkan" and category is None and ok:
                fail("kategori", "", "kategori atau tingkat hukuman yang dijatuhkan", "the category or tier imposed", CATEGORIES)
        if not ok:
            return None
        return Enforcement(status, date, cells.get("oleh") or None, category, tier, kind, cells.get("alasan") or None)

    def validate(self, incident: dict[str, Any], case: str, locate: Any) -> Incident | None:
        try:
            return load_incident(incident, source=case)
        except IncidentError as error:
            for p in error.problems:
                span = locate(p.path)
                self.reject(
                    case,
                    span,
                    p.path,
                    make(
                        "E0808",
                        span,
                        label="here",
                        suggestion="docs",
                        case=case,
                        problem=f"{p.path}: {p.message.id}" if p.path else p.message.id,
                        problem_en=f"{p.path}: {p.message.en}" if p.path else p.message.en,
                        inner=p.code,
                    ),
                )
            return None

    def accept(
        self,
        case: str,
        line: int,
        model: Incident,
        raw: Mapping[str, Any],
        region: Any,
        enforcement: Mapping[str, Enforcement | None],
    ) -> None:
        recommendation = enforcement.get("rekomendasi")
        imposition = enforcement.get("penjatuhan") or Enforcement("menunggu")
        if not self.dates_in_order(case, line, model, recommendation, imposition):
            return
        self.r.cases.append(AuditCase(case, line, model, raw, str(region) if region else None, recommendation, imposition))

    def dates_in_order(
        self, case: str, line: int, model: Incident, recommendation: Enforcement | None, imposition: Enforcement
    ) -> bool:
        reported = model.tanggal_laporan
        first_act = min(model.act_dates) if model.act_dates else None
        checks: list[tuple[Enforcement | None, str, str, str, datetime.date | None, str, str]] = []
        before_rec = reported or first_act
        words = ("laporan", "report") if reported else ("tindakan pertama", "first act")
        checks.append((recommendation, "rekomendasi", "rekomendasi", "the recommendation", before_rec, *words))
        if recommendation is not None and recommendation.date is not None:
            checks.append(
                (
                    imposition,
                    "penjatuhan",
                    "penjatuhan hukuman",
                    "the sanction",
                    recommendation.date,
                    "rekomendasi",
                    "recommendation",
                )
            )
        else:
            checks.append((imposition, "penjatuhan", "penjatuhan hukuman", "the sanction", before_rec, *words))
        for enforcement, group, what, what_en, before, before_id, before_en in checks:
            if enforcement is None or enforcement.date is None or before is None or enforcement.date >= before:
                continue
            span = self.line_span(line)
            self.reject(
                case,
                span,
                f"{group}.tanggal",
                make(
                    "E0810",
                    span,
                    label="here",
                    suggestion="order",
                    what=what,
                    what_en=what_en,
                    date=enforcement.date.isoformat(),
                    before=before_id,
                    before_en=before_en,
                    before_date=before.isoformat(),
                ),
            )
            return False
        return True


def _keys(path: str) -> list[str]:
    return [p for p in re.split(r"[.\[\]]", path) if p and not p.isdigit()]
