"""The words of the explanation views, in Indonesian and English: stages, statuses, tiers,
categories, citations written as a lawyer writes them, and the evaluator's reasons translated."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from netralrules.diagnostics.text import Text, check_lang
from netralrules.diagnostics.text import pick as pick
from netralrules.evaluation.attribution import ALLEGED, NOT_BY_RESPONDENT
from netralrules.evaluation.determination import (
    ALONGSIDE_RULE,
    HEAVIEST_RULE,
    REPEAT_IF_SAME,
    REPEAT_LAST,
    REPEAT_LAST_UNPLACED,
    REPEAT_MINIMUM,
    REPEAT_NATURE_UNSTATED,
    REPEAT_NO_EFFECT,
    REPEAT_NO_LADDER,
    REPEAT_NONE_HEAVIER,
    REPEAT_NOT_SAME,
    REPEAT_OTHER_REGIME,
    REPEAT_RULE,
    REPEAT_TIER_MISMATCH,
    REPEAT_UNKNOWN_PROVISION,
    REPEAT_UNMATCHED,
)
from netralrules.evaluation.evaluator import SUBJECT_OPEN

# The election stages of decision.stage.
PROOFS: dict[str, Text] = {
    "terbukti": Text(
        "terbukti (tindakan atau salah satu buktinya sudah terverifikasi)",
        "proven (the act or one of its evidence items is verified)",
    ),
    "dugaan": Text(
        "DUGAAN: tindakan maupun buktinya belum terverifikasi",
        "ALLEGED: neither the act nor its evidence is verified",
    ),
}

ASSESSMENTS: dict[str, Text] = {
    "dinilai": Text("dinilai", "assessed"),
    "tidak_dinilai": Text("tidak dinilai", "not assessed"),
    "di_luar_asn": Text("di luar aturan ASN", "outside the ASN rules"),
}

GAP_KINDS: dict[str, Text] = {
    "tidak_diatur": Text("tidak diatur", "not regulated"),
    "diperdebatkan": Text("diperdebatkan", "contested"),
    "belum_dikodekan": Text("belum dikodekan", "not yet encoded"),
}

STAGES: dict[str, Text] = {
    "sebelum_penetapan": Text(
        "sebelum penetapan calon (yang didukung masih bakal calon)",
        "before the candidates were determined (still prospective candidates)",
    ),
    "sesudah_penetapan": Text(
        "sesudah penetapan calon, di luar masa kampanye",
        "after the candidates were determined, outside the campaign period",
    ),
    "masa_kampanye": Text("masa kampanye", "the campaign period"),
    "sesudah_kampanye": Text("sesudah masa kampanye, sebelum pemungutan suara", "after the campaign period, before voting day"),
    "sesudah_pemungutan": Text("sesudah pemungutan suara", "after voting day"),
    "tidak_diketahui": Text(
        "tidak diketahui (tanggal-tanggal pemilu belum diketahui)", "unknown (the election dates are not known)"
    ),
}

STATUSES: dict[str, Text] = {
    "fired": Text("berlaku", "applies"),
    "not_fired": Text("syarat tidak terpenuhi", "its conditions are not met"),
    "unknown": Text("belum dapat ditentukan", "cannot be decided yet"),
    "not_applicable": Text("tidak berlaku bagi responden", "does not apply to the respondent"),
    "not_in_force": Text("tidak berlaku pada tanggal tindakan", "not in force on the date of the act"),
    "defeated": Text("dikecualikan", "overridden by an exception"),
}

TRACK_STATUSES: dict[str, Text] = {
    "determined": Text("ditetapkan", "determined"),
    "unresolved": Text("belum dapat ditentukan", "unresolved"),
    "none": Text("tidak ada", "none"),
}

CATEGORIES: dict[str, Text] = {
    "etik": Text("etik", "ethics"),
    "disiplin": Text("disiplin", "discipline"),
    "pemberhentian": Text("pemberhentian", "dismissal"),
    "pidana": Text("pidana", "criminal"),
    "administratif": Text("administratif", "administrative"),
}

TIERS: dict[str, Text] = {
    "ringan": Text("ringan", "light"),
    "sedang": Text("sedang", "moderate"),
    "berat": Text("berat", "severe"),
}

VALUES: dict[str, Text] = {
    "true": Text("benar", "true"),
    "false": Text("salah", "false"),
    "unknown": Text("tidak diketahui", "unknown"),
}

PENALTIES: dict[str, Text] = {
    "penjara": Text("penjara", "imprisonment"),
    "kurungan": Text("kurungan", "detention"),
    "denda": Text("denda", "fine"),
}
UNITS: dict[str, Text] = {
    "hari": Text("hari", "days"),
    "minggu": Text("minggu", "weeks"),
    "bulan": Text("bulan", "months"),
    "tahun": Text("tahun", "years"),
}
# One of a unit ("1 year", not "1 years").
UNIT_ONE: dict[str, Text] = {
    "hari": Text("hari", "day"),
    "minggu": Text("minggu", "week"),
    "bulan": Text("bulan", "month"),
    "tahun": Text("tahun", "year"),
}

MONTHS = (
    Text("Januari", "January"),
    Text("Februari", "February"),
    Text("Maret", "March"),
    Text("April", "April"),
    Text("Mei", "May"),
    Text("Juni", "June"),
    Text("Juli", "July"),
    Text("Agustus", "August"),
    Text("September", "September"),
    Text("Oktober", "October"),
    Text("November", "November"),
    Text("Desember", "December"),
)

# Fixed phrases of the narrative.
TEXT: dict[str, Text] = {
    "title": Text("Penjelasan keputusan", "Explanation of the decision"),
    "act": Text("Tindakan", "Act"),
    "date": Text("tanggal", "date"),
    "stage": Text("tahap pemilu", "election stage"),
    "election": Text("pemilu", "election"),
    "instruments": Text("Peraturan yang diterapkan", "Regulation applied"),
    "no_instrument": Text(
        "tidak ada peraturan dalam buku aturan yang berlaku pada tanggal ini",
        "no regulation of the rulebook was in force on this date",
    ),
    "findings": Text("Temuan", "Findings"),
    "no_findings": Text(
        "Tidak ada ketentuan yang dilanggar: ketentuan yang mencakup tindakan ini dipertimbangkan dan tidak ada yang berlaku.",
        "No provision was violated: the provisions that cover this act were considered and none applied.",
    ),
    "no_findings_yet": Text(
        "Sejauh ini tidak ada ketentuan yang dilanggar, tetapi ada ketentuan yang belum dapat ditentukan (lihat Hal"
        " yang belum terselesaikan atau tidak dinilai).",
        "So far no provision is violated, but some cannot be decided yet (see Unresolved or not assessed).",
    ),
    "not_assessed": Text(
        "TIDAK DINILAI: tidak ada ketentuan dalam buku aturan yang mencakup tindakan ini; ini bukan berarti tidak ada"
        " pelanggaran",
        "NOT ASSESSED: no provision in the rulebook covers this act; this does not mean there was no violation",
    ),
    "outside_asn": Text(
        "DI LUAR ATURAN ASN: responden bukan ASN dan tidak ada ketentuan dalam buku aturan yang mencakup tindakan ini",
        "OUTSIDE THE ASN RULES: the respondent is not ASN and no provision in the rulebook covers this act",
    ),
    "not_assessed_head": Text("Tindakan yang tidak dinilai", "Acts not assessed"),
    "gap_declared": Text("Celah yang dinyatakan", "Declared gap"),
    "gap_kind": Text("jenis", "kind"),
    "incomplete": Text(
        "Penilaian belum lengkap: {0} tidak dinilai. Penentuan di bawah hanya untuk tindakan yang dinilai.",
        "The assessment is incomplete: {0} not assessed. The determination below covers only the acts assessed.",
    ),
    "scope": Text("Lingkup aturan", "Scope of the rules"),
    "scope_outside": Text(
        "Responden berstatus {0}, bukan ASN (PNS, CPNS atau PPPK): aturan netralitas dan disiplin ASN tidak berlaku"
        " baginya, dan perkara tidak diteruskan ke lembaga pengawas ASN.",
        "The respondent's status is {0}, not ASN (PNS, CPNS or PPPK): the ASN neutrality and discipline rules do not"
        " govern the conduct, and the case is referred to no ASN supervisory body.",
    ),
    "scope_governing": Text("Yang mengatur menurut buku aturan", "What governs it, per the rulebook"),
    "scope_none": Text(
        "buku aturan tidak memuat ketentuan yang mengikat status ini",
        "the rulebook holds no provision binding this status",
    ),
    "finding": Text("Temuan", "Finding"),
    "text": Text("Bunyi ketentuan", "Statutory text"),
    "category": Text("Kategori", "Category"),
    "tier": Text("tingkat", "tier"),
    "per": Text("menurut", "per"),
    "tier_unstated": Text(
        "tingkat hukuman tidak disebut dalam peraturan; belum dapat ditentukan",
        "the regulation states no tier; it cannot be determined",
    ),
    "sanctions": Text("Pilihan jenis hukuman", "Sanction options"),
    "penalties": Text("Ancaman pidana", "Criminal penalties"),
    "note": Text("Catatan", "Note"),
    "proof": Text("Pembuktian", "Proof"),
    "other_reading": Text("Bacaan lain (tingkat diperdebatkan)", "Other reading (the tier is contested)"),
    "contested": Text("Tingkat diperdebatkan", "The tier is contested"),
    "or": Text("atau", "or"),
    "facts": Text("Fakta yang dilihat", "Facts seen"),
    "determination": Text("Penentuan sanksi", "How the sanction was determined"),
    "no_determination": Text("Tidak ada sanksi yang dijatuhkan.", "No sanction is imposed."),
    "based_on": Text("Berdasarkan", "Based on"),
    "reasons": Text("Alasan", "Reasons"),
    "single": Text("satu temuan; tingkatnya mengikuti temuan itu", "a single finding; its tier is the tier of that finding"),
    "escalated": Text(
        "tingkat dinaikkan dari {0} menjadi {1} karena pengulangan pelanggaran",
        "tier raised from {0} to {1} because the offence was repeated",
    ),
    "not_applied": Text(
        "Lampiran A: ketentuan yang dipertimbangkan tetapi tidak berlaku", "Annex A: provisions considered that did not apply"
    ),
    "none_not_applied": Text("Tidak ada.", "None."),
    "failed": Text("Syarat yang tidak terpenuhi", "Condition not met"),
    "undecided_condition": Text("Syarat yang belum dapat ditentukan", "Condition not yet decidable"),
    "overridden_by": Text("dikecualikan oleh", "overridden by"),
    "waiting_for": Text("menunggu pengecualian", "waiting for the exception"),
    "unresolved": Text("Hal yang belum terselesaikan atau tidak dinilai", "Unresolved or not assessed"),
    "none_unresolved": Text("Tidak ada.", "None."),
    "deciding": Text("Fakta penentu", "Facts that would decide it"),
    "none_facts": Text("tidak ada fakta yang dibaca", "no fact was read"),
    "referral": Text("Penerusan perkara (lembaga pengawas)", "Referral (supervisory body)"),
    "referral_date": Text("Tanggal acuan", "Reference date"),
    "referral_chain": Text("Alur", "Chain"),
    "referral_contested": Text(
        "tanggal acuan berada dalam masa lebih dari satu lembaga pengawas ({0}); sumber bertentangan, lihat catatan"
        " masing-masing",
        "the reference date falls within the periods of more than one supervisory body ({0}); the sources conflict,"
        " see each body's note",
    ),
    "referral_none": Text(
        "tidak ada lembaga pengawas dalam buku aturan untuk tanggal acuan ini",
        "the rulebook declares no supervisory body for the reference date",
    ),
    "in_force_from": Text("berlaku sejak", "from"),
    "in_force_until": Text("sampai", "until"),
    "incident": Text("Perkara", "Incident"),
    "rulebook": Text("buku aturan", "rulebook"),
    "facts_found": Text("Fakta yang ditemukan", "Facts found"),
    "facts_unknown": Text("Fakta yang tidak diketahui", "Facts not known"),
    "facts_unread": Text(
        "Fakta lain yang dinyatakan, tidak dibaca ketentuan mana pun", "Other facts stated, read by no provision"
    ),
    "not_in_force_then": Text("Tidak berlaku pada tanggal itu", "Not in force on that date"),
    "law_rule": Text(
        "hukum yang diterapkan adalah yang berlaku pada tanggal tindakan",
        "the law applied is the law in force on the date of the act",
    ),
    "missing": Text("Fakta yang akan menentukan", "Facts that would decide"),
    "missing_rule": Text(
        "urutan: paling banyak ketentuan yang diputus sendiri olehnya, lalu paling banyak ketentuan yang memerlukannya",
        "order: most provisions it would decide on its own, then most provisions that need it",
    ),
    "settles": Text(
        "menentukan sendiri {0} dari {1} ketentuan yang memerlukannya",
        "decides on its own {0} of the {1} provisions that need it",
    ),
    "needed_by": Text("diperlukan oleh", "needed by"),
    "none_missing": Text("Tidak ada.", "None."),
    "why_not": Text("Tingkat dan jalur yang tidak tercapai", "Tiers and tracks not reached"),
    "not_reached": Text("tidak tercapai", "not reached"),
    "unmet_count": Text("kurang {0} syarat", "{0} condition(s) unmet"),
    "conditions_met": Text("syaratnya terpenuhi", "its conditions are met"),
    "not_considered": Text("Tidak dipertimbangkan", "Not considered"),
    "no_provision": Text("Tidak ada ketentuan dalam buku aturan untuk", "No provision of the rulebook gives"),
    "none_why_not": Text("Tidak ada: setiap tingkat dan jalur sudah tercapai.", "None: every tier and track was reached."),
    "asked": Text("Ketentuan yang ditanyakan", "Provisions asked about"),
    "open_questions": Text("Pertanyaan hukum terbuka yang menyentuh perkara ini", "Open legal questions touching this case"),
    "none_open": Text("Tidak ada.", "None."),
    "annex_sources": Text("Lampiran C: sumber", "Annex C: sources"),
    "none_sources": Text(
        "Tidak ada: ketentuan yang menyentuh perkara ini tidak mencantumkan sumber.",
        "None: the provisions touching this case list no sources.",
    ),
    "sources_ref": Text("Sumber (lampiran)", "Sources (annex)"),
    "source_link": Text("tautan", "link"),
    "source_date": Text("tanggal", "date"),
    "reliability": Text("keandalan", "reliability"),
    "supports": Text("dasar bagi", "supports"),
    "determination_rules": Text("aturan penentuan sanksi", "the rules of the determination"),
    "fact_word": Text("fakta", "facts"),
    "whatif": Text("Andaikan", "What if"),
    "baseline": Text("Keputusan semula", "Original decision"),
    "changed": Text("Keputusan dengan perubahan", "Decision with the changes"),
    "changes": Text("Perubahan fakta", "Changed facts"),
    "outcome_changes": Text("Perubahan hasil", "Changed outcome"),
    "status_changes": Text("Ketentuan yang berubah status", "Provisions whose status changed"),
    "condition_changes": Text("Syarat yang berubah nilai", "Conditions whose value changed"),
    "no_change": Text("Tidak ada perubahan.", "No change."),
    "fact_changes": Text("Fakta yang berubah", "Facts that changed"),
    "definition": Text("definisi", "definition"),
    "decision": Text("Keputusan", "Decision"),
    # ---- issue 15: the order of a decision, groups of what did not apply, levels of detail ----
    "part_decision": Text("Keputusan", "Decision"),
    "part_reasons": Text("Pertimbangan", "Reasons"),
    "part_annexes": Text("Lampiran", "Annexes"),
    "summary": Text("Ringkasan keputusan", "Summary of the decision"),
    "summary_only": Text(
        "Ringkasan saja: pertimbangan dan lampiran ada pada laporan lengkap (--detail standard atau full).",
        "Summary only: the reasons and annexes are in the full report (--detail standard or full).",
    ),
    "law_applied": Text("Hukum yang diterapkan", "Law applied"),
    "legal_basis": Text("Dasar hukum", "Legal basis"),
    "in_force": Text("berlaku", "in force"),
    "in_force_since": Text("berlaku sejak", "in force from"),
    "not_applied_count": Text("Ketentuan yang dipertimbangkan tetapi tidak berlaku", "Provisions considered that did not apply"),
    "see_annex_a": Text("rinciannya di Lampiran A", "detailed in Annex A"),
    "group_not_in_force": Text("{0}, {1}: tidak berlaku pada {2}", "{0}, {1}: not in force on {2}"),
    "group_not_binding": Text("Hanya mengikat {0}; responden berstatus {1}", "Binds only {0}; the respondent is {1}"),
    "provisions_count": Text("{0} ketentuan", "{0} provision(s)"),
    "version_not_in_force": Text("{0}: versi ini tidak berlaku pada {1}.", "{0}: this version was not in force on {1}."),
    "facts_annex": Text("Lampiran B: fakta", "Annex B: facts"),
    "technical": Text(
        "Lampiran D (teknis): ketentuan dalam bahasa aturan", "Annex D (technical): provisions in the rules language"
    ),
    "nearest": Text("yang terdekat", "nearest"),
    "and_more": Text("dan {0} lainnya", "and {0} more"),
    "no_provision_met": Text("Tidak ada ketentuan yang dinilai untuk", "No provision was evaluated for"),
    "text_quoted": Text("Bunyi ketentuan (kutipan)", "Statutory text (quoted in the original Indonesian)"),
    "note_quoted": Text("Catatan", "Note (in Indonesian, as the rulebook records it)"),
    "note_in_id": Text("", "its note, in Indonesian as the rulebook records it: "),
    "note_with_finding": Text("catatannya ada pada temuannya di atas.", "its note is under its finding above."),
    "signature_line": Text(
        "Laporan ini mendukung pengambilan keputusan dan tidak menggantikan pertimbangan pemeriksa.",
        "This report supports a decision and does not replace the examiner's judgement.",
    ),
    "signature_name": Text("Nama", "Name"),
    "signature_position": Text("Jabatan", "Position"),
    "signature_date": Text("Tanggal", "Date"),
    "signature_place": Text("Tempat", "Place"),
    "signature_sign": Text("Tanda tangan", "Signature"),
    "page": Text("Halaman", "Page"),
    "page_of": Text("dari", "of"),
}

# The reliability of a source (ast.RELIABILITY_LEVELS), as the annex of sources says it.
RELIABILITY: dict[str, Text] = {
    "terverifikasi": Text(
        "terverifikasi (dua sumber independen atau lebih sepakat)",
        "verified (two or more independent sources agree)",
    ),
    "satu_sumber": Text(
        "satu sumber saja (atau beberapa sumber yang menyalin asal yang sama)",
        "a single source (or several that copy the same origin)",
    ),
    "tafsiran": Text("tafsiran penyusun aturan, tidak dinyatakan oleh sumber", "the drafters' inference, not stated by a source"),
    "belum_dipastikan": Text("belum dipastikan dengan teks resmi", "not yet confirmed against the official text"),
    "bertentangan": Text("sumber-sumber bertentangan", "the sources disagree"),
}

# How the referral's reference date was chosen (referral.REPORT_DATE, referral.LAST_ACT_DATE).
REFERRAL_BASES: dict[str, Text] = {
    "tanggal_laporan": Text("tanggal laporan", "the date of the report"),
    "tanggal_tindakan_terakhir": Text(
        "tanggal tindakan terakhir, karena tanggal laporan tidak diisi",
        "the date of the last act, as no report date was given",
    ),
}

REFERRAL_STATUSES: dict[str, Text] = {
    "determined": Text("Diteruskan kepada", "Referred to"),
    "unresolved": Text("Belum dapat ditentukan (diperselisihkan)", "Unresolved (contested)"),
    "none": Text("Tidak ada lembaga pengawas", "No supervisory body"),
}

_REASONS_EN = (
    (HEAVIEST_RULE, "several disciplinary violations: one disciplinary sanction, the heaviest (provision not yet confirmed)"),
    (REPEAT_RULE, "a repeated violation of the same nature: a heavier sanction than the last (provision not yet confirmed)"),
    (REPEAT_LAST, "the last sanction: "),
    (REPEAT_MINIMUM, "the lightest sanction type that satisfies both the findings' tier and the repeat rule: "),
    (
        REPEAT_NO_EFFECT,
        "the last sanction is lighter than the lightest type of the findings' tier; the repeat does not change the sanction: ",
    ),
    (REPEAT_NOT_SAME, "the prior sanctions are not of the same nature as this violation: the repeat rule does not apply"),
    (
        REPEAT_NATURE_UNSTATED,
        "whether this violation is of the same nature as the one sanctioned before is not stated (field sifat_sama "
        "or ketentuan; the sifat text is not read): the effect of the repeat rule is undetermined",
    ),
    (REPEAT_IF_SAME, "if of the same nature, the lightest sanction type: "),
    (REPEAT_LAST_UNPLACED, "the type of the last sanction cannot be placed in the order of sanction types: "),
    (REPEAT_NONE_HEAVIER, "there is no sanction type heavier than the last sanction: "),
    (REPEAT_UNMATCHED, "the prior sanction type is not in the rulebook's lists of sanction types: "),
    (REPEAT_OTHER_REGIME, "the prior sanction type belongs to another instrument; only its tier can be compared: "),
    (REPEAT_TIER_MISMATCH, "the prior sanction's tier does not match its type: "),
    (REPEAT_UNKNOWN_PROVISION, "the prior sanction's provision is not known to the rulebook: "),
    (
        REPEAT_NO_LADDER,
        "the sanction types of this provision do not follow one sanction table of the rulebook: the effect of the "
        "repeat rule is undetermined",
    ),
    (
        ALONGSIDE_RULE,
        "the sanksi moral is imposed alongside the disciplinary sanction, not instead of it (PP 42/2004: "
        "an administrative measure besides the sanksi moral; provision not yet confirmed)",
    ),
    ("syarat tidak terpenuhi", "its conditions are not met"),
    (NOT_BY_RESPONDENT, "the act was not done by the respondent: who did it, and the respondent's part, decide it"),
    (ALLEGED, "alleged, not verified (neither the act nor its evidence): act "),
    ("fakta yang diperlukan belum diketahui", "a fact it needs is unknown"),
    ("status kepegawaian belum diketahui", "the respondent's employment status is unknown"),
    (SUBJECT_OPEN, "whether the respondent is among this provision's subjects cannot be decided yet: "),
    ("perhitungan tanggal di luar kalender (tahun 1-9999)", "its date arithmetic leaves the calendar (years 1-9999)"),
    ("pengecualian belum dapat ditentukan: ", "an exception cannot be decided yet: "),
    ("peraturan tidak menyebut tingkat hukuman untuk: ", "the regulation states no tier for: "),
    ("dikecualikan oleh ", "overridden by "),
    ("subjek: ", "subjects: "),
)
# How `cite`, `date_text` and `penalty_text` put their parts together.
_CITATION_WORDS: dict[str, Text] = {
    "pasal": Text("Pasal", "Article"),
    "ayat": Text("ayat", "paragraph"),
    "huruf": Text("huruf", "letter"),
    "angka": Text("angka", "number"),
    "lampiran": Text("Lampiran", "Annex"),
}
_OF_INSTRUMENT = Text("{parts} {instrument}", "{parts} of {instrument}")
_DATE = Text("{day} {month} {year}", "{month} {day}, {year}")
_AT_MOST_FINE = Text("paling banyak", "at most")
_AT_MOST_TERM = Text("paling lama", "at most")
_UNTIL = Text("sampai", "to")
_IN_FORCE = re.compile(r"^berlaku (\S+) sampai (\S+)$")
# `diperdebatkan (skb2022.disiplin.3): sedang menurut PP_94_2021 pasal 10, berat menurut SKB_2022`
_CONTESTED = re.compile(r"^diperdebatkan \(([^)]+)\): (.+)$")
_READING = re.compile(r"^(\w+) menurut (.+)$")


def say(key: str, lang: str) -> str:
    return pick(TEXT, key, lang)


def cite(citation: Mapping[str, Any] | None, lang: str = "id") -> str:
    """`Pasal 5 ayat (1) huruf n angka 2 PP 94/2021`, `Lampiran II angka 6 SKB 2022`; in English
    `Article 5 paragraph (1) letter n number 2 of PP 94/2021`, `Annex II number 6 of SKB 2022`
    (the instrument as a lawyer names it: `instrument_name`)."""
    if not citation:
        return "-"
    parts = []
    for kind in citation.get("urutan") or ("pasal", "lampiran", "ayat", "huruf", "angka"):
        value = citation.get(kind)
        if value is not None:
            shown = f"({value})" if kind == "ayat" else str(value)
            parts.append(f"{pick(_CITATION_WORDS, kind, lang)} {shown}")
    instrument = instrument_name(str(citation.get("instrumen", "")))
    if not parts:
        return instrument
    return _OF_INSTRUMENT.format(parts=" ".join(parts), instrument=instrument).get(lang)


def node_text(attrs: Mapping[str, Any]) -> Text:
    """The rendered expression of a graph node: `text`, and `text_en` when the graph keeps both."""
    return Text(str(attrs["text"]), str(attrs.get("text_en", attrs["text"])))


def date_text(date: datetime.date, lang: str) -> str:
    return _DATE.format(month=MONTHS[date.month - 1].get(lang), day=date.day, year=date.year).get(lang)


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
        return f"{number} {pick(UNIT_ONE if number == '1' else UNITS, unit, lang)}" if unit else number

    kind = pick(PENALTIES, p.get("kind"), lang)
    if p.get("minimum") is None:
        at_most = _AT_MOST_FINE if p.get("kind") == "denda" else _AT_MOST_TERM
        return f"{kind} {at_most.get(lang)} {amount(p.get('maximum'))}"
    return f"{kind} {amount(p.get('minimum'))} {_UNTIL.get(lang)} {amount(p.get('maximum'))}"


_JOINERS: dict[str, Text] = {"dan": Text("dan", "and"), "dan/atau": Text("dan/atau", "and/or"), "atau": Text("atau", "or")}


def penalties_text(penalties: Sequence[Mapping[str, Any]], joiners: Sequence[str], lang: str) -> str:
    """The penalties joined as the statute joins them ("dan", "dan/atau"); "; " only where the
    rulebook gives no conjunction."""
    out = ""
    for i, p in enumerate(penalties):
        if i:
            joiner = joiners[i - 1] if i - 1 < len(joiners) else None
            out += f" {pick(_JOINERS, joiner, lang)} " if joiner in _JOINERS else "; "
        out += penalty_text(p, lang)
    return out


def reason_text(reason: str, lang: str) -> str:
    """An evaluator or determination reason (written in Indonesian) in the narrative's language."""
    if check_lang(lang) == "id" or not reason:
        return instrument_names(reason)
    match = _IN_FORCE.match(reason)
    if match:
        return f"in force from {match.group(1)} until {match.group(2)}"
    match = _CONTESTED.match(reason)
    if match:
        readings = (_READING.match(r) for r in match.group(2).split(", "))
        said = [f"{pick(TIERS, m.group(1), lang)} per {_cite_words(m.group(2))}" if m else "?" for m in readings]
        return f"contested ({match.group(1)}): " + ", ".join(said)
    for indonesian, english in _REASONS_EN:
        if reason == indonesian:
            return english
        if indonesian.endswith(" ") and reason.startswith(indonesian):
            rest = reason[len(indonesian) :]
            return english + (sanction_text(rest, lang) if " ".join(rest.split()) in SANCTIONS_EN else rest)
    return reason


def _cite_words(written: str) -> str:
    """A citation as the rules language writes it (`PP_94_2021 pasal 10`) with English words."""
    return " ".join(_CITATION_WORDS[w].en.lower() if w in _CITATION_WORDS else instrument_names(w) for w in written.split())


def election_label(election: tuple[str, str | None]) -> str:
    """An act's election as a report names it: its id, and its name where given."""
    id_, name = election
    return f"{id_} ({name})" if name else id_


# ---- names a lawyer uses (issue 15) ---------------------------------------------------------------

_LETTER_NUMBER = re.compile(r"^([A-Z])(\d+)$")


def instrument_name(name: str) -> str:
    """An instrument as running text names it: `PP_94_2021` → `PP 94/2021`, `UU_7_2017` →
    `UU 7/2017`, `SE_B71_2017` → `SE B/71/2017`, `SKB_2022` → `SKB 2022`. The rulebook's name
    (`PP_94_2021`) stays in the JSON and the technical annex."""
    parts = name.split("_")
    if len(parts) >= 3 and parts[-1].isdigit() and len(parts[-1]) == 4:
        number = _LETTER_NUMBER.sub(r"\1/\2", parts[-2])
        return f"{' '.join(parts[:-2])} {number}/{parts[-1]}"
    return " ".join(parts)


_INSTRUMENT_TOKEN = re.compile(r"\b(?:PP|UU|SE|SKB|PERPRES|PERMEN|PERBAWASLU)(?:_[A-Z0-9]+)+\b")


def instrument_names(text: str) -> str:
    """Every rulebook instrument name in a sentence (`PP_94_2021`) as running text names it."""
    return _INSTRUMENT_TOKEN.sub(lambda m: instrument_name(m.group(0)), text)


# The types of sanction the rulebook lists (`sanksi`), in English. Statutory wording stays in
# Indonesian in the statutory text; these are the options a reviewer chooses from.
SANCTIONS_EN: dict[str, str] = {
    "teguran lisan": "oral reprimand",
    "teguran tertulis": "written reprimand",
    "pernyataan tidak puas secara tertulis": "written statement of dissatisfaction",
    "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan": "25% cut of the performance allowance for 6 months",
    "pemotongan tunjangan kinerja sebesar 25% selama 9 bulan": "25% cut of the performance allowance for 9 months",
    "pemotongan tunjangan kinerja sebesar 25% selama 12 bulan": "25% cut of the performance allowance for 12 months",
    "penurunan jabatan setingkat lebih rendah selama 12 bulan": "demotion by one position level for 12 months",
    "pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan": (
        "release from the position to an executive (pelaksana) position for 12 months"
    ),
    "pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS": ("honourable discharge as PNS, not at own request"),
    "pemberhentian tidak dengan hormat sebagai PNS": "dishonourable discharge as PNS",
    "pemberhentian dengan hormat sebagai PNS, terhitung mulai akhir bulan sejak ditetapkan sebagai calon": (
        "honourable discharge as PNS, from the end of the month in which they were determined as a candidate"
    ),
    "penundaan kenaikan gaji berkala selama 1 tahun": "deferral of the periodic salary increase for 1 year",
    "penundaan kenaikan pangkat selama 1 tahun": "deferral of promotion in rank for 1 year",
    "penurunan pangkat setingkat lebih rendah selama 1 tahun": "demotion by one rank for 1 year",
    "penurunan pangkat setingkat lebih rendah selama 3 tahun": "demotion by one rank for 3 years",
    "pemindahan dalam rangka penurunan jabatan setingkat lebih rendah": "transfer with demotion by one position level",
    "pembebasan dari jabatan": "release from the position",
    "pernyataan secara tertutup": "closed statement (sanksi moral)",
    "pernyataan secara terbuka": "public statement (sanksi moral)",
    "diskualifikasi sebagai calon oleh KPU (uraian, bukan kutipan)": (
        "disqualification as a candidate by the KPU (a description, not a quotation)"
    ),
    "jenis hukuman bagi PPPK khusus instansi: tingkat menurut PP 94/2021, jenisnya ditetapkan instansi": (
        "sanction for PPPK set by the agency: the tier per PP 94/2021, the type set by the agency"
    ),
}


def sanction_text(option: str, lang: str) -> str:
    """A sanction option in the report's language: English where the table has it, otherwise the
    rulebook's Indonesian words (with a mark that they are untranslated)."""
    if check_lang(lang) == "id":
        return option
    english = SANCTIONS_EN.get(" ".join(option.split()))
    return f"{english} ({option})" if english else f"{option} (Indonesian)"


_FACT_TITLES: dict[str, Text] = {}


def fact_title(path: str) -> Text | None:
    """A fact's short phrase in both languages, from the incident schema's documented titles
    (`tindakan.atribut_partai` → "Memakai atribut partai" / "Party attributes used")."""
    if not _FACT_TITLES:
        from netralrules.facts.act import Act
        from netralrules.facts.election import Election
        from netralrules.facts.respondent import Respondent

        for root, model in (("tindakan", Act), ("pemilu", Election), ("responden", Respondent)):
            for name, field in model.model_fields.items():
                if field.title and " / " in field.title:
                    id_, en = field.title.split(" / ", 1)
                    _FACT_TITLES[f"{root}.{name}"] = Text(id_, en)
    root, _, rest = path.partition(".")
    return _FACT_TITLES.get(f"{root.split('[')[0]}.{rest}")


_ARTICLE_CODE = re.compile(r"^pasal(\d+)_")


def code_word(value: str) -> str:
    """A value of a controlled vocabulary as running text writes it (`ikut_kampanye` → `ikut kampanye`,
    `pasal3_huruf_d` → `Pasal 3 huruf d`)."""
    return _ARTICLE_CODE.sub(r"Pasal \1 ", value).replace("_", " ")


# ---- conditions in words (issue 15) ----------------------------------------------------------------


class FactLike(Protocol):
    """A fact as the report holds it (report.FactItem): path, value, known, and its phrase."""

    @property
    def path(self) -> str: ...
    @property
    def value(self) -> Any: ...
    @property
    def known(self) -> bool: ...
    @property
    def label(self) -> Text | None: ...


PHRASES: dict[str, Text] = {
    "yes": Text("ya", "yes"),
    "no": Text("tidak", "no"),
    "not_value": Text("{0}: {1}, bukan {2}", "{0}: {1}, not {2}"),
    "not_one_of": Text("{0}: {1}, bukan salah satu dari {2}", "{0}: {1}, not one of {2}"),
    "unknown_needs": Text("{0}: tidak diketahui (yang disyaratkan: {1})", "{0}: unknown (required: {1})"),
    "bool_false": Text("{0}: tidak", "{0}: no"),
    "bool_unknown": Text("{0}: tidak diketahui", "{0}: unknown"),
    "bool_true_barred": Text("{0}: ya (yang disyaratkan: tidak)", "{0}: yes (required: no)"),
    "none_of": Text(
        "yang disyaratkan: tidak satu pun dari {0}; yang diketahui: {1}",
        "required: none of {0}; stated: {1}",
    ),
    "not_between": Text(
        "{0} ({1}) tidak berada dalam {2} ({3} – {4})",
        "{0} ({1}) was not within {2} ({3} – {4})",
    ),
    "between_unknown": Text(
        "apakah {0} berada dalam {1} tidak diketahui ({2})",
        "whether {0} was within {1} is unknown ({2})",
    ),
    "before": Text("{0} ({1}) sebelum {2} ({3})", "{0} ({1}) was before {2} ({3})"),
    "before_so": Text(
        "{0} ({1}) sebelum {2} ({3}), jadi {4} tidak terpenuhi", "{0} ({1}) was before {2} ({3}), so {4} does not hold"
    ),
    "definition_failed": Text("{0}: tidak terpenuhi ({1})", "{0}: not met ({1})"),
    "definition_unknown": Text("{0}: belum dapat ditentukan ({1})", "{0}: cannot be decided yet ({1})"),
    "other_failed": Text("syarat tidak terpenuhi: {0} ({1})", "condition not met: {0} ({1})"),
    "other_unknown": Text("syarat belum dapat ditentukan: {0} ({1})", "condition not yet decidable: {0} ({1})"),
}

_PATH = r"[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+)*"
_EQ = re.compile(rf"^({_PATH}) = (\w+)$")
_IN = re.compile(rf"^({_PATH}) dalam \{{(.+)\}}$")
_BARE = re.compile(rf"^({_PATH})$")
_NOT = re.compile(rf"^tidak ({_PATH})$")
_NOT_ANY = re.compile(rf"^tidak \(({_PATH}(?: atau {_PATH})+)\)$")
_BETWEEN = re.compile(rf"^({_PATH}) antara ({_PATH}) sampai ({_PATH})$")
_AT_LEAST = re.compile(rf"^({_PATH}) >= ({_PATH})$")


def _phrase(key: str, lang: str, *args: str) -> str:
    return pick(PHRASES, key, lang).format(*args)


def fact_label(f: FactLike, lang: str) -> str:
    """A fact's phrase ("Party attributes used"), or its path when the schema documents none."""
    if f.label is not None:
        return f.label.get(lang)
    title = fact_title(f.path)
    return title.get(lang) if title is not None else f.path


def fact_value_words(f: FactLike, lang: str) -> str:
    """A fact's value in words: dates written out, yes/no, vocabulary values without underscores."""
    if not f.known:
        return pick(VALUES, "unknown", lang)
    if isinstance(f.value, bool):
        return pick(PHRASES, "yes" if f.value else "no", lang)
    if isinstance(f.value, str):
        try:
            return date_text(datetime.date.fromisoformat(f.value), lang)
        except ValueError:
            return code_word(f.value)
    return value_text(f.value, True, lang)


def facts_words(facts: Sequence[FactLike], lang: str) -> str:
    """Facts as "Phrase: value; Phrase: value"."""
    return "; ".join(f"{fact_label(f, lang)}: {fact_value_words(f, lang)}" for f in facts)


def condition_words(
    text: str, value: str, definition_label: str | None, facts: Sequence[FactLike], lang: str, rules_text: str = ""
) -> str:
    """An unmet condition said in words with the values that failed it: `text` is the condition in
    the Indonesian rules language (`tindakan.jenis = ikut_kampanye`), `value` `false` or
    `unknown`, `definition_label` the label of the definition it is (`masa kampanye`), if any.
    The forms the rulebook uses are said in full ("the date of the act (12 October 2024) was not
    within «masa kampanye» (25 September 2024 – 23 November 2024)"); any other form is named by its
    definition's label, or quoted in the rules language (`rules_text`, the report's language), with
    the facts it read."""
    by_path = {re.sub(r"\[\d+\]", "", f.path): f for f in facts}

    def find(path: str) -> FactLike | None:
        return by_path.get(re.sub(r"\[\d+\]", "", path))

    def label(path: str) -> str:
        f = find(path)
        if f is not None:
            return fact_label(f, lang)
        title = fact_title(path)
        return title.get(lang) if title is not None else path

    def said(path: str) -> str:
        f = find(path)
        return fact_value_words(f, lang) if f is not None else pick(VALUES, "unknown", lang)

    unknown = value == "unknown"
    if (m := _BETWEEN.match(text)) is not None:
        subject, start, end = m.groups()
        name = f"«{definition_label}»" if definition_label else label(start).lower()
        if unknown:
            return _phrase("between_unknown", lang, label(subject).lower(), name, facts_words(facts, lang))
        return _phrase("not_between", lang, label(subject), said(subject), name, said(start), said(end))
    if (m := _AT_LEAST.match(text)) is not None and not unknown:
        left, right = m.groups()
        if definition_label is not None:
            return _phrase("before_so", lang, label(left), said(left), label(right).lower(), said(right), f"«{definition_label}»")
        return _phrase("before", lang, label(left), said(left), label(right).lower(), said(right))
    if definition_label is not None:
        key = "definition_unknown" if unknown else "definition_failed"
        return _phrase(key, lang, f"«{definition_label}»", facts_words(facts, lang) or "-")
    if (m := _EQ.match(text)) is not None:
        path, wanted = m.groups()
        if unknown or said(path) == pick(VALUES, "unknown", lang):
            return _phrase("unknown_needs", lang, label(path), code_word(wanted))
        return _phrase("not_value", lang, label(path), said(path), code_word(wanted))
    if (m := _IN.match(text)) is not None:
        path, options = m.groups()
        wanted = ", ".join(code_word(o.strip()) for o in options.split(","))
        if unknown or said(path) == pick(VALUES, "unknown", lang):
            return _phrase("unknown_needs", lang, label(path), wanted)
        return _phrase("not_one_of", lang, label(path), said(path), wanted)
    if (m := _BARE.match(text)) is not None:
        return _phrase("bool_unknown" if unknown else "bool_false", lang, label(m.group(1)))
    if (m := _NOT.match(text)) is not None:
        return _phrase("bool_unknown" if unknown else "bool_true_barred", lang, label(m.group(1)))
    if (m := _NOT_ANY.match(text)) is not None:
        paths = m.group(1).split(" atau ")
        names = ", ".join(label(p).lower() for p in paths)
        return _phrase("none_of", lang, names, facts_words(facts, lang) or "-")
    return _phrase("other_unknown" if unknown else "other_failed", lang, rules_text or text, facts_words(facts, lang) or "-")
