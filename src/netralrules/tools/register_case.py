"""The register of one case (issue 17): the trail checked in `register.py`, read against the
decision: the findings (a Tim Pemeriksa where the procedure requires one, a sanction lighter than
recommended or than the decision's own determination, a recommendation not carried out), the time
limits of `prosedur.batas_waktu` counted in Indonesian working or calendar days, and where the case
stands. Nothing here rejects an event: these are findings.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from netralrules.diagnostics import Lang, Text
from netralrules.source import printable
from netralrules.tools import register_calendar as calendar
from netralrules.tools.register import KIND_TEXT, KINDS, TIERS, Event, next_kinds

# ---- the register of one case ------------------------------------------------------------------
_TIER_RANK = {tier: rank for rank, tier in enumerate(TIERS)}


@dataclass(frozen=True)
class Settings:
    """The register's stated settings."""

    cuti_bersama_libur: bool = True  # cuti bersama days are not working days


def _finding(code: str, id_text: str, en_text: str, event: int | None, rujukan: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {"kode": code, "uraian": id_text, "uraian_en": en_text, "peristiwa": event}
    if rujukan is not None:
        out["rujukan"] = rujukan
    return out


def _discipline_track(decision: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if not isinstance(decision, Mapping):
        return None
    for track in decision.get("penetapan") or []:
        if isinstance(track, Mapping) and track.get("kategori") == "disiplin" and track.get("status") not in (None, "none"):
            return dict(track)
    return None


def _lighter(imposed: Mapping[str, Any], tier: str, sanction: str | None, ordered: Sequence[str]) -> bool:
    """Whether the imposed sanction is lighter than `tier` (and, within one tier, than `sanction`
    when both are in `ordered`, the tier's types from lightest to heaviest)."""
    imposed_tier = imposed.get("tingkat")
    if imposed_tier not in _TIER_RANK or tier not in _TIER_RANK:
        return False
    if _TIER_RANK[imposed_tier] != _TIER_RANK[tier]:
        return _TIER_RANK[imposed_tier] < _TIER_RANK[tier]
    kind = imposed.get("jenis_hukuman")
    if sanction and kind in ordered and sanction in ordered:
        return ordered.index(str(kind)) < ordered.index(sanction)
    return False


def build_register(
    decision_id: str,
    decision: Mapping[str, Any] | None,
    events: Sequence[Event],
    *,
    today: datetime.date,
    tombstoned: bool = False,
    settings: Settings | None = None,
) -> dict[str, Any]:
    """The register of one case: the trail, the findings, the time limits and where it stands."""
    settings = settings or Settings()
    findings: list[dict[str, Any]] = []
    if tombstoned or decision is None:
        procedure_state, procedure = "dihapus", None
    elif "prosedur" not in decision:
        procedure_state, procedure = "tidak_diketahui", None
    elif decision.get("prosedur") is None:
        procedure_state, procedure = "tidak_berlaku", None
    elif isinstance(decision.get("prosedur"), Mapping):
        procedure_state, procedure = "diketahui", dict(decision["prosedur"])
    else:
        procedure_state, procedure = "tidak_diketahui", None
    if procedure_state == "tidak_diketahui":
        findings.append(
            _finding(
                "prosedur_tidak_diketahui",
                "keputusan ini tidak membawa bagian `prosedur` (dicatat sebelum ada): hanya urutan peristiwa yang diperiksa",
                "this decision has no `prosedur` section (recorded before it existed): only the order of events is checked",
                None,
            )
        )
    track = _discipline_track(decision)
    kinds = [e.kind for e in events]
    imposed = next(((i, e) for i, e in enumerate(events) if e.kind == "hukuman_dijatuhkan"), None)
    if procedure_state == "tidak_berlaku" and imposed is not None:
        findings.append(
            _finding(
                "hukuman_tanpa_jalur_disiplin",
                "hukuman disiplin dicatat, padahal menurut keputusan tidak ada jalur disiplin yang berlaku",
                "a disciplinary sanction is recorded although the decision found no discipline track applies",
                imposed[0],
            )
        )
    # A Tim Pemeriksa where the procedure requires one.
    team = (procedure or {}).get("tim_pemeriksa")
    if isinstance(team, Mapping) and team.get("status") == "wajib":
        for index, event in enumerate(events):
            if event.kind == "pemeriksaan" and event.data.get("tim_pemeriksa") is False:
                findings.append(
                    _finding(
                        "tanpa_tim_pemeriksa",
                        "diperiksa tanpa Tim Pemeriksa, padahal prosedur mewajibkannya"
                        + (f" ({team['uraian']})" if team.get("uraian") else ""),
                        "examined without a Tim Pemeriksa, which the procedure requires"
                        + (f" ({team['uraian_en']})" if team.get("uraian_en") else ""),
                        index,
                        team.get("rujukan"),
                    )
                )
    # The sanction against the recommendation and against the decision's own determination.
    recommendation = next(((i, e) for i, e in enumerate(events) if e.kind == "rekomendasi"), None)
    ordered = [str(s) for s in (track or {}).get("pilihan_sanksi") or []]
    if imposed is not None and recommendation is not None:
        rec = recommendation[1].data
        rec_ordered = ordered if track is not None and track.get("tingkat") == rec.get("tingkat") else []
        if _lighter(imposed[1].data, str(rec.get("tingkat")), rec.get("sanksi"), rec_ordered):
            findings.append(
                _finding(
                    "lebih_ringan_dari_rekomendasi",
                    f"hukuman yang dijatuhkan ({imposed[1].data.get('tingkat')}: {imposed[1].data.get('jenis_hukuman')}) "
                    f"lebih ringan dari rekomendasi ({rec.get('tingkat')}"
                    + (f": {rec['sanksi']})" if rec.get("sanksi") else ")"),
                    f"the sanction imposed ({imposed[1].data.get('tingkat')}: {imposed[1].data.get('jenis_hukuman')}) "
                    f"is lighter than recommended ({rec.get('tingkat')}" + (f": {rec['sanksi']})" if rec.get("sanksi") else ")"),
                    imposed[0],
                )
            )
    if recommendation is not None and "hukuman_tidak_dijatuhkan" in kinds:
        index = kinds.index("hukuman_tidak_dijatuhkan")
        findings.append(
            _finding(
                "rekomendasi_tidak_dilaksanakan",
                f"hukuman tidak dijatuhkan walaupun ada rekomendasi ({recommendation[1].data.get('tingkat')}); "
                f"alasan: {events[index].data.get('alasan')}",
                f"no sanction imposed despite a recommendation ({recommendation[1].data.get('tingkat')}); "
                f"reason: {events[index].data.get('alasan')}",
                index,
            )
        )
    determination: dict[str, Any] | None = None
    if track is not None:
        contested = [t for t in track.get("tingkat_lain") or [] if t in _TIER_RANK]
        tier = track.get("tingkat")
        determination = {
            "status": track.get("status"),
            "tingkat": tier,
            "tingkat_lain": contested,
            "diperdebatkan": bool(track.get("diperdebatkan")),
            "ketentuan": list(track.get("ketentuan") or []),
            "pilihan_sanksi": ordered,
        }
        if imposed is not None and track.get("status") == "determined" and tier in _TIER_RANK:
            # Contested: lighter only if lighter than every tier read into the law.
            floor = min([tier, *contested], key=lambda t: _TIER_RANK[t])
            if _lighter(imposed[1].data, floor, None, ordered):
                findings.append(
                    _finding(
                        "lebih_ringan_dari_penetapan",
                        f"hukuman yang dijatuhkan ({imposed[1].data.get('tingkat')}) lebih ringan dari tingkat yang "
                        f"ditetapkan keputusan ini ({floor}; {', '.join(determination['ketentuan'])})",
                        f"the sanction imposed ({imposed[1].data.get('tingkat')}) is lighter than the tier this decision "
                        f"determines ({floor}; {', '.join(determination['ketentuan'])})",
                        imposed[0],
                    )
                )
        elif imposed is not None:
            findings.append(
                _finding(
                    "penetapan_tidak_pasti",
                    f"keputusan ini tidak menetapkan tingkat secara pasti (status {track.get('status')}): "
                    "hukuman tidak dibandingkan dengannya",
                    f"this decision does not determine a tier (status {track.get('status')}): "
                    "the sanction is not compared with it",
                    imposed[0],
                )
            )
    limits = [
        _limit(spec, events, today, settings) for spec in (procedure or {}).get("batas_waktu") or [] if isinstance(spec, Mapping)
    ]
    for limit in limits:
        if limit["keadaan"] in ("lewat", "terlambat"):
            findings.append(
                _finding(
                    "lewat_batas_waktu",
                    f"{limit['uraian']}: {limit['berjalan']} dari {limit['jumlah']} {limit['satuan'].replace('_', ' ')}",
                    f"{limit['uraian_en']}: {limit['berjalan']} of {limit['jumlah']} {limit['satuan'].replace('_', ' ')}",
                    None,
                    limit.get("rujukan"),
                )
            )
    last = events[-1] if events else None
    status = {
        "tahap": last.kind if last is not None else "belum_ada_peristiwa",
        "uraian": KIND_TEXT[last.kind].id if last is not None else "belum ada peristiwa",
        "uraian_en": KIND_TEXT[last.kind].en if last is not None else "no event yet",
        "sejak": last.date.isoformat() if last is not None else None,
        "hari_sejak": (today - last.date).days if last is not None else None,
        "terbuka": "ditutup" not in kinds,
        "berikutnya": next_kinds(events) if not tombstoned else [],
        "lewat_batas_waktu": any(limit["keadaan"] == "lewat" for limit in limits),
    }
    return {
        "keputusan": decision_id,
        "dihapus": tombstoned,
        "per": today.isoformat(),
        "penetapan": determination,
        "prosedur": {
            "keadaan": procedure_state,
            "dasar": (procedure or {}).get("dasar"),
            "instrumen": (procedure or {}).get("instrumen"),
            "tingkat": (procedure or {}).get("tingkat"),
            "tim_pemeriksa": (procedure or {}).get("tim_pemeriksa"),
        },
        "peristiwa": [e.to_dict() for e in events],
        "temuan": findings,
        "batas_waktu": limits,
        "status": status,
        "pengaturan": {"cuti_bersama_libur": settings.cuti_bersama_libur, "kalender": calendar.SOURCE},
    }


def _limit(spec: Mapping[str, Any], events: Sequence[Event], today: datetime.date, settings: Settings) -> dict[str, Any]:
    """One time limit of the procedure against the trail."""
    since, until = spec.get("sejak"), spec.get("sampai")
    amount = spec.get("jumlah")
    unit = spec.get("satuan")
    out: dict[str, Any] = {
        "kode": spec.get("kode"),
        "sejak": since,
        "sampai": until,
        "jumlah": amount,
        "satuan": str(unit),
        "uraian": str(spec.get("uraian") or spec.get("kode") or ""),
        "uraian_en": str(spec.get("uraian_en") or spec.get("kode") or ""),
        "rujukan": spec.get("rujukan"),
        "mulai": None,
        "akhir": None,
        "berjalan": None,
        "jatuh_tempo": None,
        "perkiraan": False,
    }
    # `pada_hari_ke` (e.g. the decision takes effect on day 15 after receipt, addendum A6) is a date
    # that follows from an event, not a deadline anyone can miss: it is shown, never "past".
    on_day = spec.get("jenis") == "pada_hari_ke"
    if (
        since not in KINDS
        or (until not in KINDS and not (on_day and until is None))
        or not isinstance(amount, int)
        or unit not in ("hari_kerja", "hari_kalender")
    ):
        out["keadaan"] = "tidak_terbaca"
        return out
    start_index = next((i for i, e in enumerate(events) if e.kind == since), None)
    if start_index is None:
        out["keadaan"] = "belum_mulai"
        return out
    start = events[start_index].date
    decree = events[start_index].data.get("tanggal_keputusan")
    if isinstance(decree, str):  # from the decree's date ("sejak keputusan ditetapkan")
        start = datetime.date.fromisoformat(decree)
    if on_day:
        due = (
            calendar.add_working_days(start, amount, cuti_bersama=settings.cuti_bersama_libur)
            if unit == "hari_kerja"
            else start + datetime.timedelta(days=amount)
        )
        out.update(mulai=start.isoformat(), jatuh_tempo=due.isoformat(), keadaan="pada_hari_ke")
        return out
    end_event = next((e for e in events[start_index + 1 :] if e.kind == until), None)
    closed = next((e for e in events[start_index + 1 :] if e.kind == "ditutup"), None)
    end = end_event.date if end_event is not None else (closed.date if closed is not None else today)
    if unit == "hari_kerja":
        count = calendar.working_days(start, end, cuti_bersama=settings.cuti_bersama_libur)
        due = calendar.add_working_days(start, amount, cuti_bersama=settings.cuti_bersama_libur)
    else:
        count = calendar.calendar_days(start, end)
        due = start + datetime.timedelta(days=amount)
    out.update(
        mulai=start.isoformat(),
        akhir=end.isoformat(),
        berjalan=count.days,
        jatuh_tempo=due.isoformat(),
        perkiraan=count.estimated,
    )
    over = count.days > amount
    if end_event is not None:
        out["keadaan"] = "terlambat" if over else "tepat_waktu"
    elif closed is not None:
        out["keadaan"] = "terlambat" if over else "ditutup"
    else:
        out["keadaan"] = "lewat" if over else "berjalan"
    return out


# ---- text rendering ----------------------------------------------------------------------------
_T = {
    "title": Text("Register keputusan", "Register of decision"),
    "stage": Text("tahap", "stage"),
    "ago": Text("hari lalu", "days ago"),
    "closed": Text(" — ditutup", " — closed"),
    "determination": Text("penetapan", "determination"),
    "events": Text("peristiwa", "events"),
    "limit": Text("batas waktu", "time limit"),
    "due": Text("jatuh tempo", "due"),
    "findings": Text("temuan", "findings"),
    "next": Text("berikutnya dapat dicatat", "may come next"),
}
_STATES = {
    "diketahui": Text("prosedur: {dasar}", "procedure: {dasar}"),
    "tidak_diketahui": Text("prosedur: tidak diketahui (keputusan lama)", "procedure: unknown (older decision)"),
    "tidak_berlaku": Text("prosedur: tidak ada jalur disiplin", "procedure: no discipline track applies"),
    "dihapus": Text("rekaman keputusan dihapus (nisan)", "decision record tombstoned"),
}


def render_register(register: Mapping[str, Any], lang: Lang = "id") -> str:
    """The register of one case as plain text."""
    t = {key: text.get(lang) for key, text in _T.items()}
    lines = [f"{t['title']} {register['keputusan']}"]
    status = register["status"]
    lines.append(
        f"  {t['stage']}: {Text(status['uraian'], status['uraian_en']).get(lang)}"
        + (f" ({status['sejak']}, {status['hari_sejak']} {t['ago']})" if status["sejak"] else "")
        + ("" if status["terbuka"] else t["closed"])
    )
    procedure = register["prosedur"]
    lines.append("  " + _STATES[procedure["keadaan"]].format(dasar=procedure.get("dasar") or "-").get(lang))
    determination = register.get("penetapan")
    if determination:
        lines.append(
            f"  {t['determination']}: {determination['tingkat'] or '-'} ({determination['status']}; "
            f"{', '.join(determination['ketentuan']) or '-'})"
        )
    lines.append(f"  {t['events']}:")
    for number, event in enumerate(register["peristiwa"]):
        data = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in sorted(event["data"].items()))
        lines.append(
            printable(f"    [{number}] {event['tanggal']} {event['jenis']} — {event['pelaku']}" + (f" ({data})" if data else ""))
        )
    if not register["peristiwa"]:
        lines.append("    -")
    for limit in register["batas_waktu"]:
        lines.append(
            printable(
                f"  {t['limit']} {limit['kode']}: {limit['keadaan']}"
                + (f", {limit['berjalan']}/{limit['jumlah']} {limit['satuan']}" if limit["berjalan"] is not None else "")
                + (f", {t['due']} {limit['jatuh_tempo']}" if limit["jatuh_tempo"] else "")
                + (" (perkiraan / estimated holidays)" if limit["perkiraan"] else "")
            )
        )
    lines.append(f"  {t['findings']}: {len(register['temuan'])}")
    for finding in register["temuan"]:
        where = f" [{finding['peristiwa']}]" if finding["peristiwa"] is not None else ""
        lines.append(printable(f"    - {finding['kode']}{where}: {Text(finding['uraian'], finding['uraian_en']).get(lang)}"))
    if status["berikutnya"]:
        lines.append(f"  {t['next']}: {', '.join(status['berikutnya'])}")
    return "\n".join(lines) + "\n"
