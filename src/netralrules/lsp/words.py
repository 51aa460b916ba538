"""The words an editor shows: which language a file is written in, and what each keyword means.

The keywords themselves come from the one keyword table (`syntax.keywords`); this module only adds
the role of each, in Indonesian and English (as in docs/language.md §12).
"""

from __future__ import annotations

import re

from netralrules.diagnostics import check_lang
from netralrules.syntax.keywords import KEYWORDS, Keyword, canonical, english

# terminal → (role in Indonesian, role in English)
ROLES: dict[str, tuple[str, str]] = {
    "KW_INSTRUMENT": ("deklarasi peraturan", "declares a regulation"),
    "KW_TITLE": ("judul instrumen", "the instrument's title"),
    "KW_KIND": ("jenis instrumen (UU, PP, SKB, …)", "the instrument's kind (UU, PP, SKB, …)"),
    "KW_NUMBER": ("nomor instrumen", "the instrument's number"),
    "KW_YEAR": ("tahun instrumen; juga satuan jangka waktu", "the instrument's year; also a unit of duration"),
    "KW_IN_FORCE": ("masa berlaku", "the period in force"),
    "KW_FROM": ("awal masa berlaku", "start of the period in force"),
    "KW_UNTIL": ("akhir masa berlaku; ujung atas rentang dan ancaman", "end of the period in force; upper end of a range"),
    "KW_REPEALED": ("tanggal pencabutan", "the date of repeal"),
    "KW_BY": ("instrumen pencabut", "the repealing instrument"),
    "KW_RANK": ("peringkat dalam hierarki peraturan", "rank in the hierarchy of regulations"),
    "KW_PROVISION": (
        "deklarasi ketentuan: satu pasal, ayat, huruf atau angka",
        "declares a provision: one pasal, ayat, huruf or angka",
    ),
    "KW_CITES": ("rujukan pasal yang dikodekan", "the citation of the provision encoded"),
    "KW_TEXT": ("bunyi pasal, disalin dari peraturan", "the statutory text, copied from the regulation"),
    "KW_FOR": ("subjek yang terikat ketentuan", "who the provision binds"),
    "KW_EXCEPTS": ("ketentuan yang dikecualikan oleh ketentuan ini", "the provisions this one overrides"),
    "KW_IF": ("syarat", "the condition"),
    "KW_THEN": ("akibat hukum", "the legal consequence"),
    "KW_NOTE": ("catatan untuk pembaca", "a note for readers"),
    "KW_SANCTION": ("pilihan sanksi", "the sanction options"),
    "KW_PER": ("dasar hukum", "the legal basis"),
    "KW_TIER": ("tingkat hukuman disiplin", "the disciplinary tier"),
    "KW_OTHER_READING": (
        "bacaan lain atas tingkat yang diperdebatkan sumber, dengan dasarnya",
        "another reading of a tier the sources disagree on, with its basis",
    ),
    "KW_AT_MOST": ("batas atas ancaman", "the upper limit of a penalty"),
    "KW_DEFINITION": ("deklarasi definisi: pengertian bernama", "declares a definition: a named legal concept"),
    "KW_SANCTION_TABLE": ("jenis hukuman disiplin per tingkat", "the disciplinary penalties of one tier"),
    "KW_PRINCIPLES": ("asas penyelesaian pertentangan", "the order conflicts are settled in"),
    "KW_SUPERVISOR": ("lembaga pengawas: kepada siapa perkara diteruskan", "a supervisory body cases are referred to"),
    "KW_CHAIN": ("alur penerusan perkara", "the referral chain"),
    "KW_GAP": (
        "deklarasi celah: perbuatan yang tidak diatur, diperdebatkan atau belum dikodekan",
        "declares a gap: conduct the law does not regulate, that is contested, or not yet encoded",
    ),
    "KW_ACT_KINDS": ("jenis tindakan yang dicakup celah", "the act kinds a gap covers"),
    "KW_STAGES": ("tahap pemilu yang dicakup celah (tanpa ini: semua)", "the election stages a gap covers (omitted: all)"),
    "KW_ELECTION_KINDS": ("jenis pemilu yang dicakup celah (tanpa ini: semua)", "the election kinds a gap covers (omitted: all)"),
    "KW_REASON": ("alasan celah, dengan pasal yang dirujuk", "why it is a gap, citing the provisions concerned"),
    "GAP_KIND": ("jenis celah", "the kind of gap"),
    "KW_PROCEDURE": (
        "deklarasi prosedur: apa yang harus terjadi sesudah temuan menurut rezim instrumen",
        "declares a procedure: what must happen after a finding under an instrument's regime",
    ),
    "KW_STEP": ("langkah prosedur (kode dari kosakata tetap)", "a step of the procedure (code from a fixed vocabulary)"),
    "KW_TEXT_EN": ("uraian dalam bahasa Inggris", "the description in English"),
    "KW_BASIS": (
        "dasar dengan kata-kata, untuk instrumen yang tidak dideklarasikan",
        "the basis in words, for an instrument the rulebook does not declare",
    ),
    "KW_OPEN": (
        "yang dibiarkan terbuka oleh sumber (pasal tidak ditemukan, …)",
        "what the sources leave open (article not found, …)",
    ),
    "KW_TEAM": ("Tim Pemeriksa: wajib atau opsional per tingkat", "the examining team: mandatory or optional per tier"),
    "TEAM_STATUS": ("Tim Pemeriksa wajib atau opsional", "the examining team is mandatory or optional"),
    "KW_TIME_LIMIT": ("batas waktu antara dua peristiwa register", "a time limit between two register events"),
    "LIMIT_KIND": (
        "paling lambat (sampai peristiwa kedua) atau pada hari ke-N",
        "at the latest (until a second event) or on day N",
    ),
    "DAY_UNIT": ("hari kerja atau hari kalender", "working days or calendar days"),
    "KW_REMEDY": ("upaya administratif terhadap keputusan", "an administrative remedy against the decision"),
    "REMEDY_KIND": ("keberatan atau banding administratif", "objection or administrative appeal"),
    "KW_TO": ("badan yang menerima upaya administratif", "the body the remedy is lodged with"),
    "KW_OR": ("salah satu benar", "either holds"),
    "KW_AND": ("keduanya benar; juga penggabung ancaman", "both hold; also joins penalties"),
    "KW_NOT": ("ingkaran", "negation"),
    "KW_IN": ("keanggotaan; daftar pada pembilang", "membership; the list of a quantifier"),
    "KW_BETWEEN": ("rentang (kedua ujung termasuk)", "a range (both ends included)"),
    "KW_WITHIN": ("jangka waktu sebelum/sesudah tanggal", "a duration before/after a date"),
    "KW_WHERE": ("syarat pembilang", "the condition of a quantifier"),
    "KW_COUNT": ("banyaknya butir", "how many items"),
    "QUANTIFIER": ("pembilang: paling sedikit satu butir (ada) atau setiap butir (semua)", "quantifier: some or all items"),
    "DIRECTION": ("arah `dalam_waktu`", "the direction of `dalam_waktu`"),
    "CITE_KIND": ("bagian rujukan", "part of a citation"),
    "CATEGORY": ("kategori akibat hukum", "the category of the consequence"),
    "TIER": ("tingkat hukuman", "the tier"),
    "PENALTY_KIND": ("ancaman pidana", "a criminal penalty"),
    "JOINER": ("penggabung ancaman", "joins penalties"),
    "DURATION_UNIT": ("satuan jangka waktu", "a unit of duration"),
    "BOOL": ("nilai benar/salah", "a truth value"),
}

_INDONESIAN = {w for k in KEYWORDS for w in k.indonesian} - {w for k in KEYWORDS for w in k.english}
_ENGLISH = {w for k in KEYWORDS for w in k.english} - {w for k in KEYWORDS for w in k.indonesian}
_WORD = re.compile(r'"(?:\\.|[^"\\])*"|#[^\n]*|[A-Za-z_][A-Za-z0-9_]*')
_SCAN_LIMIT = 200_000


def file_language(text: str, default: str = "id") -> str:
    """`en` when a file's keywords are mostly English, `id` when mostly Indonesian (ties: default)."""
    ind = eng = 0
    for m in _WORD.finditer(text, 0, min(len(text), _SCAN_LIMIT)):
        word = m.group()
        if word in _INDONESIAN:
            ind += 1
        elif word in _ENGLISH:
            eng += 1
    if ind == eng:
        return default
    return "en" if eng > ind else "id"


def keyword_of(word: str) -> Keyword | None:
    for k in KEYWORDS:
        if word in k.words:
            return k
    return None


def keyword_words(lang: str) -> list[str]:
    """Every keyword in one language, in table order."""
    out: list[str] = []
    for k in KEYWORDS:
        for w in {"id": k.indonesian, "en": k.english}[check_lang(lang)]:
            if w not in out:
                out.append(w)
    return out


def twin(word: str, keyword: Keyword) -> str:
    """The same word in the other language (`maka` → `then`, `minggu` → `weeks`)."""
    other = english(word) if word in keyword.indonesian else canonical(word)
    if other != word:
        return other
    if word in keyword.indonesian:
        return keyword.english[min(keyword.indonesian.index(word), len(keyword.english) - 1)]
    return keyword.indonesian[min(keyword.english.index(word), len(keyword.indonesian) - 1)]
