"""The follow-up register (issue 17): the enforcement trail of a recorded decision, checked against
the procedure.

An event is `{"jenis": KIND, "tanggal": "YYYY-MM-DD", "pelaku": ROLE OR BODY, "data": {...}}`. The
kinds are a fixed vocabulary (`KINDS`); some carry data (`DATA_FIELDS`). An event that does not fit
the trail so far (out of order, after the case was closed, a second sanction, …) is **rejected**
with a stable code E0701–E0714 and the field it is about (`RegisterError`). An event that fits the
order but departs from what the law or the recommendation asks (a berat case examined without a Tim
Pemeriksa, a sanction lighter than recommended or than the decision's own determination) is
**recorded and flagged**: a finding of the register, not an error (`register_case.py`).

The procedure (who acts, whether a Tim Pemeriksa is required, the time limits) is rulebook data
carried by the decision JSON in its `prosedur` section. It is read defensively: a decision stored
before that section existed has no `prosedur` key, and then the register says the procedure is
unknown for that case and checks only the order; `prosedur: null` means no discipline track applies.
No time limit is written here: every limit comes from `prosedur.batas_waktu`, with its citation.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from netralrules.checker.procedures import EVENTS
from netralrules.diagnostics import Lang, NetralrulesError, Text
from netralrules.source import printable

# ---- vocabulary --------------------------------------------------------------------------------
# One vocabulary with the procedures of the rulebook (`batas_waktu … sejak … sampai …`).
KINDS: tuple[str, ...] = EVENTS
KIND_TEXT: dict[str, Text] = {
    "dilaporkan": Text("ditemukan atau dilaporkan (Bawaslu)", "found or reported (Bawaslu)"),
    "diteruskan": Text("diteruskan ke KASN atau BKN", "forwarded to KASN or BKN"),
    "rekomendasi": Text("rekomendasi diterbitkan", "recommendation issued"),
    "pemanggilan": Text("pemanggilan oleh atasan langsung", "summons by the atasan langsung"),
    "tidak_hadir": Text("tidak hadir pada pemeriksaan yang dipanggil", "did not attend the examination summoned to"),
    "pemeriksaan": Text("pemeriksaan oleh atasan langsung", "examination by the atasan langsung"),
    "hukuman_dijatuhkan": Text("hukuman disiplin dijatuhkan (PPK)", "disciplinary sanction imposed (PPK)"),
    "keputusan_disampaikan": Text("keputusan hukuman disampaikan", "sanction decision delivered"),
    "keputusan_diterima": Text("keputusan hukuman diterima", "sanction decision received"),
    "hukuman_tidak_dijatuhkan": Text("hukuman tidak dijatuhkan", "no sanction imposed"),
    "keberatan": Text("keberatan diajukan", "objection (keberatan) lodged"),
    "banding": Text("banding administratif diajukan", "administrative appeal (banding) lodged"),
    "ditutup": Text("perkara ditutup", "case closed"),
}
TIERS: tuple[str, ...] = ("ringan", "sedang", "berat")
FORWARDED_TO: tuple[str, ...] = ("KASN", "BKN")
OPENING: tuple[str, ...] = ("dilaporkan", "diteruskan", "pemanggilan")
OUTCOMES: tuple[str, ...] = ("hukuman_dijatuhkan", "hukuman_tidak_dijatuhkan")
ONCE: tuple[str, ...] = (
    "dilaporkan",
    "rekomendasi",
    "hukuman_dijatuhkan",
    "hukuman_tidak_dijatuhkan",
    "keputusan_disampaikan",
    "keputusan_diterima",
    "keberatan",
    "banding",
    "ditutup",
)
# Before the sanction is decided only: a summons, an examination or a recommendation after it is out of order.
BEFORE_OUTCOME: tuple[str, ...] = ("diteruskan", "rekomendasi", "pemanggilan", "tidak_hadir", "pemeriksaan")

# kind → (field, type, required). Types: "teks", "tingkat", "benar_salah", "tanggal", "kepada", "bilangan".
DATA_FIELDS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "dilaporkan": (("nomor", "teks", False),),
    "diteruskan": (("kepada", "kepada", True),),
    "rekomendasi": (("tingkat", "tingkat", True), ("sanksi", "teks", False), ("nomor", "teks", False)),
    "pemanggilan": (("ke", "bilangan", False),),
    "tidak_hadir": (),
    "pemeriksaan": (("tim_pemeriksa", "benar_salah", True),),
    "hukuman_dijatuhkan": (
        ("tingkat", "tingkat", True),
        ("jenis_hukuman", "teks", True),
        ("tanggal_keputusan", "tanggal", True),
        ("nomor", "teks", False),
    ),
    "keputusan_disampaikan": (),
    "keputusan_diterima": (),
    "hukuman_tidak_dijatuhkan": (("alasan", "teks", True),),
    "keberatan": (),
    "banding": (),
    "ditutup": (("alasan", "teks", False),),
}
# What must already be in the trail (any one of them) before an event of this kind.
REQUIRES: dict[str, tuple[str, ...]] = {
    "rekomendasi": ("diteruskan",),
    "pemeriksaan": ("pemanggilan",),
    "tidak_hadir": ("pemanggilan",),
    "keputusan_disampaikan": ("hukuman_dijatuhkan",),
    "keputusan_diterima": ("keputusan_disampaikan",),
    "keberatan": ("keputusan_disampaikan",),
    "banding": ("keputusan_disampaikan",),
}
MAX_TEXT = 500

CODES: dict[str, Text] = {
    "E0701": Text("jenis peristiwa tidak dikenal", "unknown event kind"),
    "E0702": Text("isian peristiwa wajib tidak ada", "required event field missing"),
    "E0703": Text("nilai isian peristiwa tidak sah", "invalid event field value"),
    "E0704": Text("tanggal peristiwa tidak sah", "invalid event date"),
    "E0705": Text("tanggal peristiwa di masa depan", "event dated in the future"),
    "E0706": Text("tanggal sebelum peristiwa sebelumnya", "date before the previous event"),
    "E0707": Text("jejak tidak diawali peristiwa pembuka", "trail does not begin with an opening event"),
    "E0708": Text("peristiwa yang harus mendahului belum ada", "a required earlier event is missing"),
    "E0709": Text("peristiwa ini hanya boleh sekali", "this event may happen only once"),
    "E0710": Text("peristiwa sesudah putusan hukuman", "event after the sanction was decided"),
    "E0711": Text("peristiwa sesudah perkara ditutup", "event after the case was closed"),
    "E0712": Text("rekaman keputusan sudah dihapus (nisan)", "the decision record is tombstoned"),
    "E0713": Text("isian peristiwa tidak dikenal", "unknown event field"),
    "E0714": Text("tanggal keputusan hukuman sesudah tanggal peristiwa", "sanction decree dated after the event"),
}


@dataclass(frozen=True, slots=True)
class RegisterProblem:
    """One reason an event is rejected: where (the event's field), the code and the message."""

    path: str
    code: str
    message: Text

    def describe(self, lang: Lang = "id") -> str:
        return printable(f"{self.path or '(peristiwa)'}: {self.message.get(lang)} [{self.code}]")

    def to_dict(self) -> dict[str, str]:
        return {"lokasi": self.path, "kode": self.code, "pesan": self.message.id, "message": self.message.en}


class RegisterError(NetralrulesError):
    """An event the register refuses, with every problem found (codes E0701–E0714)."""

    def __init__(self, problems: Sequence[RegisterProblem]) -> None:
        self.problems: tuple[RegisterProblem, ...] = tuple(problems)
        super().__init__(message="; ".join(p.describe("en") for p in self.problems))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(p.code for p in self.problems)


def _problem(prefix: str, name: str, code: str, id_text: str, en_text: str) -> RegisterProblem:
    path = f"{prefix}.{name}" if prefix and name else (prefix or name)
    return RegisterProblem(path, code, Text(id_text, en_text))


# ---- events ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Event:
    kind: str
    date: datetime.date
    actor: str
    data: dict[str, Any] = field(default_factory=dict)
    recorded_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"jenis": self.kind, "tanggal": self.date.isoformat(), "pelaku": self.actor, "data": self.data}
        if self.recorded_at is not None:
            out["dicatat"] = self.recorded_at
        return out


def _date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _value(kind_name: str, value: Any, prefix: str, name: str) -> tuple[Any, RegisterProblem | None]:
    """The value of one data field, or the problem with it."""
    if kind_name == "teks":
        if not isinstance(value, str) or not value.strip():
            return None, _problem(prefix, name, "E0703", "harus teks yang tidak kosong", "must be a non-empty text")
        if len(value) > MAX_TEXT:
            return None, _problem(prefix, name, "E0703", f"paling panjang {MAX_TEXT} karakter", f"at most {MAX_TEXT} characters")
        return value.strip(), None
    if kind_name == "tingkat":
        if value not in TIERS:
            return None, _problem(
                prefix, name, "E0703", f"harus salah satu dari {', '.join(TIERS)}", f"must be one of {', '.join(TIERS)}"
            )
        return value, None
    if kind_name == "kepada":
        if value not in FORWARDED_TO:
            return None, _problem(prefix, name, "E0703", "harus KASN atau BKN", "must be KASN or BKN")
        return value, None
    if kind_name == "benar_salah":
        if not isinstance(value, bool):
            return None, _problem(prefix, name, "E0703", "harus true atau false", "must be true or false")
        return value, None
    if kind_name == "bilangan":
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            return None, _problem(prefix, name, "E0703", "harus bilangan bulat positif", "must be a positive integer")
        return value, None
    assert kind_name == "tanggal"
    day = _date(value)
    if day is None:
        return None, _problem(prefix, name, "E0704", "harus tanggal YYYY-MM-DD", "must be a date YYYY-MM-DD")
    return day.isoformat(), None


def parse_event(raw: Any, *, today: datetime.date, prefix: str = "") -> Event:
    """An event from its JSON form, or RegisterError with every problem of its fields."""
    if not isinstance(raw, dict):
        raise RegisterError([_problem(prefix, "", "E0703", "peristiwa harus objek JSON", "an event must be a JSON object")])
    problems: list[RegisterProblem] = []
    for name in raw:
        if name not in ("jenis", "tanggal", "pelaku", "data"):
            problems.append(_problem(prefix, str(name), "E0713", f"isian `{name}` tidak dikenal", f"unknown field `{name}`"))
    kind = raw.get("jenis")
    if kind is None:
        problems.append(_problem(prefix, "jenis", "E0702", "isian `jenis` wajib", "the field `jenis` is required"))
    elif kind not in KINDS:
        problems.append(
            _problem(
                prefix,
                "jenis",
                "E0701",
                f"jenis `{kind}` tidak dikenal; yang dikenal: {', '.join(KINDS)}",
                f"unknown kind `{kind}`; known kinds: {', '.join(KINDS)}",
            )
        )
    date = None
    if "tanggal" not in raw:
        problems.append(_problem(prefix, "tanggal", "E0702", "isian `tanggal` wajib", "the field `tanggal` is required"))
    else:
        date = _date(raw["tanggal"])
        if date is None:
            problems.append(_problem(prefix, "tanggal", "E0704", "harus tanggal YYYY-MM-DD", "must be a date YYYY-MM-DD"))
        elif date > today:
            problems.append(
                _problem(
                    prefix,
                    "tanggal",
                    "E0705",
                    f"{date.isoformat()} sesudah hari ini ({today.isoformat()}); catat peristiwa sesudah terjadi",
                    f"{date.isoformat()} is after today ({today.isoformat()}); record an event once it has happened",
                )
            )
    actor = raw.get("pelaku")
    if actor is None:
        problems.append(_problem(prefix, "pelaku", "E0702", "isian `pelaku` wajib", "the field `pelaku` is required"))
    elif not isinstance(actor, str) or not actor.strip() or len(actor) > 200:
        problems.append(
            _problem(
                prefix,
                "pelaku",
                "E0703",
                "harus nama jabatan atau lembaga (teks, paling panjang 200 karakter)",
                "must be a role or body name (a text of at most 200 characters)",
            )
        )
    data_raw = raw.get("data", {})
    data: dict[str, Any] = {}
    data_prefix = f"{prefix}.data" if prefix else "data"
    if data_raw is None:
        data_raw = {}
    if not isinstance(data_raw, dict):
        problems.append(_problem(prefix, "data", "E0703", "`data` harus objek", "`data` must be an object"))
    elif kind in DATA_FIELDS:
        fields = {name: (type_, required) for name, type_, required in DATA_FIELDS[kind]}
        for name in data_raw:
            if name not in fields:
                known = ", ".join(fields) or "-"
                problems.append(
                    _problem(
                        data_prefix,
                        str(name),
                        "E0713",
                        f"isian `{name}` tidak dikenal untuk `{kind}` (dikenal: {known})",
                        f"unknown field `{name}` for `{kind}` (known: {known})",
                    )
                )
        for name, (type_, required) in fields.items():
            if name not in data_raw:
                if required:
                    problems.append(
                        _problem(
                            data_prefix,
                            name,
                            "E0702",
                            f"`{kind}` wajib membawa `data.{name}`",
                            f"`{kind}` must carry `data.{name}`",
                        )
                    )
                continue
            value, problem = _value(type_, data_raw[name], data_prefix, name)
            if problem is not None:
                problems.append(problem)
            else:
                data[name] = value
    if problems:
        raise RegisterError(problems)
    assert isinstance(kind, str) and date is not None and isinstance(actor, str)
    decree = _date(data.get("tanggal_keputusan"))
    if decree is not None and decree > date:
        raise RegisterError(
            [
                _problem(
                    data_prefix,
                    "tanggal_keputusan",
                    "E0714",
                    f"keputusan bertanggal {decree.isoformat()}, sesudah peristiwanya ({date.isoformat()})",
                    f"the decree is dated {decree.isoformat()}, after its event ({date.isoformat()})",
                )
            ]
        )
    return Event(kind, date, actor.strip(), data)


def check_order(previous: Sequence[Event], event: Event, *, prefix: str = "") -> None:
    """Raise RegisterError if `event` cannot follow `previous` (E0706–E0711)."""
    kinds = [e.kind for e in previous]
    problems: list[RegisterProblem] = []
    name = KIND_TEXT[event.kind]
    if "ditutup" in kinds:
        problems.append(
            _problem(
                prefix,
                "jenis",
                "E0711",
                "perkara sudah ditutup; tidak ada peristiwa sesudahnya",
                "the case is closed; no event may follow",
            )
        )
    elif not previous and event.kind not in OPENING:
        problems.append(
            _problem(
                prefix,
                "jenis",
                "E0707",
                f"peristiwa pertama harus salah satu dari {', '.join(OPENING)}, bukan `{event.kind}`",
                f"the first event must be one of {', '.join(OPENING)}, not `{event.kind}`",
            )
        )
    elif event.kind in ONCE and event.kind in kinds:
        problems.append(
            _problem(
                prefix,
                "jenis",
                "E0709",
                f"`{event.kind}` ({name.id}) sudah dicatat",
                f"`{event.kind}` ({name.en}) is already recorded",
            )
        )
    elif event.kind == "dilaporkan" and previous:
        problems.append(
            _problem(
                prefix,
                "jenis",
                "E0707",
                "`dilaporkan` hanya dapat menjadi peristiwa pertama",
                "`dilaporkan` can only be the first event",
            )
        )
    elif event.kind in OUTCOMES and any(k in OUTCOMES for k in kinds):
        done = next(k for k in kinds if k in OUTCOMES)
        problems.append(
            _problem(
                prefix,
                "jenis",
                "E0710",
                f"putusan hukuman sudah dicatat (`{done}`)",
                f"the sanction decision is already recorded (`{done}`)",
            )
        )
    elif event.kind in BEFORE_OUTCOME and any(k in OUTCOMES for k in kinds):
        done = next(k for k in kinds if k in OUTCOMES)
        problems.append(
            _problem(
                prefix,
                "jenis",
                "E0710",
                f"`{event.kind}` ({name.id}) harus sebelum putusan hukuman (`{done}` sudah dicatat)",
                f"`{event.kind}` ({name.en}) must come before the sanction decision (`{done}` is recorded)",
            )
        )
    else:
        missing = _missing_requirement(kinds, event.kind)
        if missing is not None:
            problems.append(
                _problem(
                    prefix,
                    "jenis",
                    "E0708",
                    f"`{event.kind}` ({name.id}) memerlukan lebih dulu {missing.id}",
                    f"`{event.kind}` ({name.en}) needs first {missing.en}",
                )
            )
    if previous and event.date < previous[-1].date:
        last = previous[-1]
        problems.append(
            _problem(
                prefix,
                "tanggal",
                "E0706",
                f"{event.date.isoformat()} sebelum peristiwa terakhir (`{last.kind}`, {last.date.isoformat()})",
                f"{event.date.isoformat()} is before the last event (`{last.kind}`, {last.date.isoformat()})",
            )
        )
    if problems:
        raise RegisterError(problems)


def _missing_requirement(kinds: list[str], kind: str) -> Text | None:
    if kind == "hukuman_dijatuhkan":
        # Imposed after an examination, or without one when the PNS did not come to two summonses
        # (the second summons, then the sanction "tanpa dilakukan pemeriksaan").
        if "pemeriksaan" in kinds or kinds.count("pemanggilan") >= 2 or kinds.count("tidak_hadir") >= 2:
            return None
        return Text(
            "`pemeriksaan`, atau dua `pemanggilan` bila yang bersangkutan tidak hadir",
            "`pemeriksaan`, or two `pemanggilan` when the person did not attend",
        )
    needed = REQUIRES.get(kind)
    if needed is None or any(k in kinds for k in needed):
        return None
    return Text(" atau ".join(f"`{k}`" for k in needed), " or ".join(f"`{k}`" for k in needed))


def validate(previous: Sequence[Event], raw: Any, *, today: datetime.date, prefix: str = "") -> Event:
    """The event, if it may follow `previous`; RegisterError otherwise."""
    event = parse_event(raw, today=today, prefix=prefix)
    check_order(previous, event, prefix=prefix)
    return event


def replay(raws: Sequence[Any], *, today: datetime.date, prefix: str = "peristiwa") -> tuple[list[Event], list[RegisterProblem]]:
    """Every event of a trail in turn; a rejected one is left out and the rest checked against the
    ones kept. Returns (kept, problems)."""
    kept: list[Event] = []
    problems: list[RegisterProblem] = []
    for index, raw in enumerate(raws):
        try:
            kept.append(validate(kept, raw, today=today, prefix=f"{prefix}[{index}]"))
        except RegisterError as error:
            problems.extend(error.problems)
    return kept, problems


def next_kinds(events: Sequence[Event]) -> list[str]:
    """The kinds that may be recorded next (ignoring dates)."""
    out = []
    for kind in KINDS:
        probe = Event(kind, events[-1].date if events else datetime.date.min, "-", {})
        try:
            check_order(events, probe)
        except RegisterError:
            continue
        out.append(kind)
    return out


def render_problems(problems: Sequence[RegisterProblem], lang: Lang = "id") -> str:
    """`error[E07xx]: message` and `--> location`, one pair per problem."""
    out = []
    for p in problems:
        out.append(printable(f"error[{p.code}]: {p.message.get(lang)}"))
        out.append(printable(f" --> {p.path or '(peristiwa)'}"))
    count = len(problems)
    out.append(Text("{count} masalah; peristiwa ditolak", "{count} problem(s); event(s) rejected").format(count=count).get(lang))
    return "\n".join(out) + "\n"
