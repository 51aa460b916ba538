"""The words of the explanation views, in Indonesian and English: stages, statuses, tiers,
categories, citations written as a lawyer writes them, and the evaluator's reasons translated."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any

from netralrules.evaluation.determination import ALONGSIDE_RULE, HEAVIEST_RULE, REPEAT_RULE

# The election stages of decision.stage.
STAGES: dict[str, tuple[str, str]] = {
    "sebelum_penetapan": (
        "sebelum penetapan calon (yang didukung masih bakal calon)",
        "before the candidates were determined (still prospective candidates)",
    ),
    "sesudah_penetapan": (
        "sesudah penetapan calon, di luar masa kampanye",
        "after the candidates were determined, outside the campaign period",
    ),
    "masa_kampanye": ("masa kampanye", "the campaign period"),
    "sesudah_kampanye": ("sesudah masa kampanye, sebelum pemungutan suara", "after the campaign period, before voting day"),
    "sesudah_pemungutan": ("sesudah pemungutan suara", "after voting day"),
    "tidak_diketahui": ("tidak diketahui (tanggal-tanggal pemilu belum diketahui)", "unknown (the election dates are not known)"),
}

STATUSES: dict[str, tuple[str, str]] = {
    "fired": ("berlaku", "applies"),
    "not_fired": ("syarat tidak terpenuhi", "its conditions are not met"),
    "unknown": ("belum dapat ditentukan", "cannot be decided yet"),
    "not_applicable": ("tidak berlaku bagi responden", "does not apply to the respondent"),
    "not_in_force": ("tidak berlaku pada tanggal tindakan", "not in force on the date of the act"),
    "defeated": ("dikecualikan", "overridden by an exception"),
}

TRACK_STATUSES: dict[str, tuple[str, str]] = {
    "determined": ("ditetapkan", "determined"),
    "unresolved": ("belum dapat ditentukan", "unresolved"),
    "none": ("tidak ada", "none"),
}

CATEGORIES: dict[str, tuple[str, str]] = {
    "etik": ("etik", "ethics"),
    "disiplin": ("disiplin", "discipline"),
    "pemberhentian": ("pemberhentian", "dismissal"),
    "pidana": ("pidana", "criminal"),
    "administratif": ("administratif", "administrative"),
}

TIERS: dict[str, tuple[str, str]] = {
    "ringan": ("ringan", "light"),
    "sedang": ("sedang", "moderate"),
    "berat": ("berat", "severe"),
}

VALUES: dict[str, tuple[str, str]] = {
    "true": ("benar", "true"),
    "false": ("salah", "false"),
    "unknown": ("tidak diketahui", "unknown"),
}

PENALTIES: dict[str, tuple[str, str]] = {
    "penjara": ("penjara", "imprisonment"),
    "kurungan": ("kurungan", "detention"),
    "denda": ("denda", "fine"),
}
UNITS: dict[str, tuple[str, str]] = {
    "hari": ("hari", "days"),
    "minggu": ("minggu", "weeks"),
    "bulan": ("bulan", "months"),
    "tahun": ("tahun", "years"),
}

MONTHS = (
    ("Januari", "January"),
    ("Februari", "February"),
    ("Maret", "March"),
    ("April", "April"),
    ("Mei", "May"),
    ("Juni", "June"),
    ("Juli", "July"),
    ("Agustus", "August"),
    ("September", "September"),
    ("Oktober", "October"),
    ("November", "November"),
    ("Desember", "December"),
)

# Fixed phrases of the narrative.
TEXT: dict[str, tuple[str, str]] = {
    "title": ("Penjelasan keputusan", "Explanation of the decision"),
    "act": ("Tindakan", "Act"),
    "date": ("tanggal", "date"),
    "stage": ("tahap pemilu", "election stage"),
    "instruments": ("Peraturan yang diterapkan", "Regulation applied"),
    "no_instrument": (
        "tidak ada peraturan dalam buku aturan yang berlaku pada tanggal ini",
        "no regulation of the rulebook was in force on this date",
    ),
    "findings": ("Temuan", "Findings"),
    "no_findings": ("Tidak ada ketentuan yang dilanggar.", "No provision was violated."),
    "finding": ("Temuan", "Finding"),
    "text": ("Bunyi ketentuan", "Statutory text"),
    "category": ("Kategori", "Category"),
    "tier": ("tingkat", "tier"),
    "per": ("menurut", "per"),
    "tier_unstated": (
        "tingkat hukuman tidak disebut dalam peraturan; belum dapat ditentukan",
        "the regulation states no tier; it cannot be determined",
    ),
    "sanctions": ("Pilihan jenis hukuman", "Sanction options"),
    "penalties": ("Ancaman pidana", "Criminal penalties"),
    "note": ("Catatan", "Note"),
    "facts": ("Fakta yang dilihat", "Facts seen"),
    "determination": ("Penentuan sanksi", "How the sanction was determined"),
    "no_determination": ("Tidak ada sanksi yang dijatuhkan.", "No sanction is imposed."),
    "based_on": ("Berdasarkan", "Based on"),
    "reasons": ("Alasan", "Reasons"),
    "single": ("satu temuan; tingkatnya mengikuti temuan itu", "a single finding; its tier is the tier of that finding"),
    "escalated": (
        "tingkat dinaikkan dari {0} menjadi {1} karena pengulangan pelanggaran",
        "tier raised from {0} to {1} because the offence was repeated",
    ),
    "not_applied": ("Ketentuan yang dipertimbangkan tetapi tidak berlaku", "Provisions considered that did not apply"),
    "none_not_applied": ("Tidak ada.", "None."),
    "failed": ("Syarat yang tidak terpenuhi", "Condition not met"),
    "undecided_condition": ("Syarat yang belum dapat ditentukan", "Condition not yet decidable"),
    "overridden_by": ("dikecualikan oleh", "overridden by"),
    "waiting_for": ("menunggu pengecualian", "waiting for the exception"),
    "unresolved": ("Hal yang belum terselesaikan", "Unresolved points"),
    "none_unresolved": ("Tidak ada.", "None."),
    "deciding": ("Fakta penentu", "Facts that would decide it"),
    "none_facts": ("tidak ada fakta yang dibaca", "no fact was read"),
    "referral": ("Penerusan perkara (lembaga pengawas)", "Referral (supervisory body)"),
    "referral_date": ("Tanggal acuan", "Reference date"),
    "referral_chain": ("Alur", "Chain"),
    "referral_contested": (
        "tanggal acuan berada dalam masa lebih dari satu lembaga pengawas ({0}); sumber bertentangan, lihat catatan"
        " masing-masing",
        "the reference date falls within the periods of more than one supervisory body ({0}); the sources conflict,"
        " see each body's note",
    ),
    "referral_none": (
        "tidak ada lembaga pengawas dalam buku aturan untuk tanggal acuan ini",
        "the rulebook declares no supervisory body for the reference date",
    ),
    "in_force_from": ("berlaku sejak", "from"),
    "in_force_until": ("sampai", "until"),
    "incident": ("Perkara", "Incident"),
    "rulebook": ("buku aturan", "rulebook"),
    "facts_found": ("Fakta yang ditemukan", "Facts found"),
    "facts_unknown": ("Fakta yang tidak diketahui", "Facts not known"),
    "not_in_force_then": ("Tidak berlaku pada tanggal itu", "Not in force on that date"),
    "law_rule": (
        "hukum yang diterapkan adalah yang berlaku pada tanggal tindakan",
        "the law applied is the law in force on the date of the act",
    ),
    "missing": ("Fakta yang akan menentukan", "Facts that would decide"),
    "missing_rule": (
        "urutan: paling banyak ketentuan yang diputus sendiri olehnya, lalu paling banyak ketentuan yang memerlukannya",
        "order: most provisions it would decide on its own, then most provisions that need it",
    ),
    "settles": (
        "menentukan sendiri {0} dari {1} ketentuan yang memerlukannya",
        "decides on its own {0} of the {1} provisions that need it",
    ),
    "needed_by": ("diperlukan oleh", "needed by"),
    "none_missing": ("Tidak ada.", "None."),
    "why_not": ("Tingkat dan jalur yang tidak tercapai", "Tiers and tracks not reached"),
    "not_reached": ("tidak tercapai", "not reached"),
    "unmet_count": ("kurang {0} syarat", "{0} condition(s) unmet"),
    "conditions_met": ("syaratnya terpenuhi", "its conditions are met"),
    "not_considered": ("Tidak dipertimbangkan", "Not considered"),
    "no_provision": ("Tidak ada ketentuan dalam buku aturan untuk", "No provision of the rulebook gives"),
    "none_why_not": ("Tidak ada: setiap tingkat dan jalur sudah tercapai.", "None: every tier and track was reached."),
    "asked": ("Ketentuan yang ditanyakan", "Provisions asked about"),
    "open_questions": ("Pertanyaan hukum terbuka yang menyentuh perkara ini", "Open legal questions touching this case"),
    "none_open": ("Tidak ada.", "None."),
    "question_no": ("pertanyaan terbuka no. {0}", "open question no. {0}"),
    "determination_rules": ("aturan penentuan sanksi", "the rules of the determination"),
    "fact_word": ("fakta", "facts"),
    "whatif": ("Andaikan", "What if"),
    "baseline": ("Keputusan semula", "Original decision"),
    "changed": ("Keputusan dengan perubahan", "Decision with the changes"),
    "changes": ("Perubahan fakta", "Changed facts"),
    "outcome_changes": ("Perubahan hasil", "Changed outcome"),
    "status_changes": ("Ketentuan yang berubah status", "Provisions whose status changed"),
    "condition_changes": ("Syarat yang berubah nilai", "Conditions whose value changed"),
    "no_change": ("Tidak ada perubahan.", "No change."),
    "fact_changes": ("Fakta yang berubah", "Facts that changed"),
}

# How the referral's reference date was chosen (referral.REPORT_DATE, referral.LAST_ACT_DATE).
REFERRAL_BASES: dict[str, tuple[str, str]] = {
    "tanggal_laporan": ("tanggal laporan", "the date of the report"),
    "tanggal_tindakan_terakhir": (
        "tanggal tindakan terakhir, karena tanggal laporan tidak diisi",
        "the date of the last act, as no report date was given",
    ),
}

REFERRAL_STATUSES: dict[str, tuple[str, str]] = {
    "determined": ("Diteruskan kepada", "Referred to"),
    "unresolved": ("Belum dapat ditentukan (diperselisihkan)", "Unresolved (contested)"),
    "none": ("Tidak ada lembaga pengawas", "No supervisory body"),
}

_REASONS_EN = (
    (HEAVIEST_RULE, "several disciplinary violations: one disciplinary sanction, the heaviest (provision not yet confirmed)"),
    (REPEAT_RULE, "a repeated violation of the same nature: a heavier sanction than the last (provision not yet confirmed)"),
    (
        ALONGSIDE_RULE,
        "the sanksi moral is imposed alongside the disciplinary sanction, not instead of it (PP 42/2004: "
        "an administrative measure besides the sanksi moral; provision not yet confirmed)",
    ),
    ("syarat tidak terpenuhi", "its conditions are not met"),
    ("fakta yang diperlukan belum diketahui", "a fact it needs is unknown"),
    ("status kepegawaian belum diketahui", "the respondent's employment status is unknown"),
    ("perhitungan tanggal di luar kalender (tahun 1-9999)", "its date arithmetic leaves the calendar (years 1-9999)"),
    ("pengecualian belum dapat ditentukan: ", "an exception cannot be decided yet: "),
    ("peraturan tidak menyebut tingkat hukuman untuk: ", "the regulation states no tier for: "),
    ("dikecualikan oleh ", "overridden by "),
    ("subjek: ", "subjects: "),
)
_IN_FORCE = re.compile(r"^berlaku (\S+) sampai (\S+)$")
_LAST_TIER = re.compile(r"^hukuman terakhir sudah tingkat (\w+); tidak ada tingkat yang lebih berat$")


def pick(table: Mapping[str, tuple[str, str]], key: str | None, lang: str) -> str:
    """The phrase for `key` in `lang` (the key itself if the table does not know it)."""
    if key is None:
        return "-"
    pair = table.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]


def say(key: str, lang: str) -> str:
    return pick(TEXT, key, lang)


def cite(citation: Mapping[str, Any] | None, lang: str = "id") -> str:
    """`Pasal 5 ayat (1) huruf n angka 2 PP_94_2021`, `Lampiran II angka 6 SKB_2022`; in English
    `Article 5 paragraph (1) letter n number 2 of PP_94_2021`, `Annex II number 6 of SKB_2022`."""
    if not citation:
        return "-"
    words = {
        "pasal": ("Pasal", "Article"),
        "ayat": ("ayat", "paragraph"),
        "huruf": ("huruf", "letter"),
        "angka": ("angka", "number"),
        "lampiran": ("Lampiran", "Annex"),
    }
    parts = []
    for kind in citation.get("urutan") or ("pasal", "lampiran", "ayat", "huruf", "angka"):
        value = citation.get(kind)
        if value is not None:
            shown = f"({value})" if kind == "ayat" else str(value)
            parts.append(f"{pick(words, kind, lang)} {shown}")
    instrument = str(citation.get("instrumen", ""))
    if not parts:
        return instrument
    return " ".join(parts) + (f" of {instrument}" if lang == "en" else f" {instrument}")


def date_text(date: datetime.date, lang: str) -> str:
    month = MONTHS[date.month - 1][1 if lang == "en" else 0]
    return f"{month} {date.day}, {date.year}" if lang == "en" else f"{date.day} {month} {date.year}"


def value_text(value: Any, known: bool, lang: str) -> str:
    """A fact or concept value as the narrative shows it."""
    if not known:
        return pick(VALUES, "unknown", lang)
    if isinstance(value, bool):
        return pick(VALUES, "true" if value else "false", lang)
    if isinstance(value, list):
        return "[" + ", ".join(value_text(v, True, lang) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {value_text(v, True, lang)}" for k, v in value.items()) + "}"
    return "-" if value is None else str(value)


def penalty_text(p: Mapping[str, Any], lang: str) -> str:
    def amount(text: str | None) -> str:
        if text is None:
            return "-"
        number, _, unit = text.partition(" ")
        return f"{number} {pick(UNITS, unit, lang)}" if unit else number

    kind = pick(PENALTIES, p.get("kind"), lang)
    if p.get("minimum") is None:
        at_most = ("paling banyak" if p.get("kind") == "denda" else "paling lama") if lang != "en" else "at most"
        return f"{kind} {at_most} {amount(p.get('maximum'))}"
    until = "to" if lang == "en" else "sampai"
    return f"{kind} {amount(p.get('minimum'))} {until} {amount(p.get('maximum'))}"


def reason_text(reason: str, lang: str) -> str:
    """An evaluator or determination reason (written in Indonesian) in the narrative's language."""
    if lang != "en" or not reason:
        return reason
    match = _IN_FORCE.match(reason)
    if match:
        return f"in force from {match.group(1)} until {match.group(2)}"
    match = _LAST_TIER.match(reason)
    if match:
        return f"the last sanction was already {pick(TIERS, match.group(1), lang)}; there is no heavier tier"
    for indonesian, english in _REASONS_EN:
        if reason == indonesian:
            return english
        if indonesian.endswith(" ") and reason.startswith(indonesian):
            return english + reason[len(indonesian) :]
    return reason
