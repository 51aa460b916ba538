"""The keyword table: one place that names every word of the rules language.

Each role is a terminal of `grammar/netralrules.lark`; its words are listed Indonesian first, then
English. Error messages, suggestions and the formatter read this table; a test checks it against
the grammar so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from netralrules.diagnostics.text import Text, check_lang


@dataclass(frozen=True, slots=True)
class Keyword:
    """The words of one grammar terminal, in Indonesian and in English."""

    terminal: str
    indonesian: tuple[str, ...]
    english: tuple[str, ...]

    @property
    def words(self) -> tuple[str, ...]:
        return self.indonesian + self.english

    def words_in(self, lang: str) -> tuple[str, ...]:
        """The words of one language (`id` or `en`; anything else is refused by check_lang)."""
        return self.english if check_lang(lang) == "en" else self.indonesian


KEYWORDS: tuple[Keyword, ...] = (
    Keyword("KW_INSTRUMENT", ("instrumen",), ("instrument",)),
    Keyword("KW_TITLE", ("judul",), ("title",)),
    Keyword("KW_KIND", ("jenis",), ("kind",)),
    Keyword("KW_NUMBER", ("nomor",), ("number",)),
    Keyword("KW_YEAR", ("tahun",), ("years", "year")),
    Keyword("KW_IN_FORCE", ("berlaku",), ("in_force",)),
    Keyword("KW_FROM", ("sejak", "dari"), ("from",)),
    Keyword("KW_UNTIL", ("sampai", "hingga"), ("until", "to")),
    Keyword("KW_REPEALED", ("dicabut",), ("repealed",)),
    Keyword("KW_BY", ("oleh",), ("by",)),
    Keyword("KW_RANK", ("peringkat",), ("rank",)),
    Keyword("KW_PROVISION", ("ketentuan",), ("provision",)),
    Keyword("KW_CITES", ("rujukan",), ("cites",)),
    Keyword("KW_TEXT", ("teks",), ("text",)),
    Keyword("KW_FOR", ("untuk",), ("applies_to",)),
    Keyword("KW_EXCEPTS", ("mengecualikan",), ("excepts",)),
    Keyword("KW_IF", ("jika",), ("if",)),
    Keyword("KW_THEN", ("maka",), ("then",)),
    Keyword("KW_NOTE", ("catatan",), ("note",)),
    Keyword("KW_SANCTION", ("sanksi",), ("sanctions",)),
    Keyword("KW_PER", ("menurut",), ("per",)),
    Keyword("KW_TIER", ("tingkat",), ("tier",)),
    Keyword("KW_OTHER_READING", ("bacaan_lain",), ("other_reading",)),
    Keyword("KW_AT_MOST", ("paling_lama", "paling_banyak"), ("at_most",)),
    Keyword("KW_DEFINITION", ("definisi",), ("definition",)),
    Keyword("KW_SANCTION_TABLE", ("hukuman",), ("penalties",)),
    Keyword("KW_PRINCIPLES", ("asas_konflik",), ("conflict_principles",)),
    Keyword("KW_SUPERVISOR", ("lembaga_pengawas",), ("supervisory_body",)),
    Keyword("KW_CHAIN", ("alur",), ("referral_chain",)),
    Keyword("KW_GAP", ("celah",), ("gap",)),
    Keyword("KW_ACT_KINDS", ("jenis_tindakan",), ("act_kinds",)),
    Keyword("KW_STAGES", ("tahap",), ("stages",)),
    Keyword("KW_ELECTION_KINDS", ("jenis_pemilu",), ("election_kinds",)),
    Keyword("KW_REASON", ("alasan",), ("reason",)),
    Keyword(
        "GAP_KIND",
        ("tidak_diatur", "diperdebatkan", "belum_dikodekan"),
        ("not_regulated", "contested", "not_encoded"),
    ),
    Keyword("KW_PROCEDURE", ("prosedur",), ("procedure",)),
    Keyword("KW_STEP", ("langkah",), ("step",)),
    Keyword("KW_TEXT_EN", ("teks_en",), ("text_en",)),
    Keyword("KW_BASIS", ("dasar",), ("basis",)),
    Keyword("KW_OPEN", ("terbuka",), ("open",)),
    Keyword("KW_TEAM", ("tim_pemeriksa",), ("examining_team",)),
    Keyword("TEAM_STATUS", ("wajib", "opsional"), ("mandatory", "optional")),
    Keyword("KW_TIME_LIMIT", ("batas_waktu",), ("time_limit",)),
    Keyword("LIMIT_KIND", ("paling_lambat", "pada_hari_ke"), ("at_the_latest", "on_day")),
    Keyword("DAY_UNIT", ("hari_kerja", "hari_kalender"), ("working_days", "calendar_days")),
    Keyword("KW_REMEDY", ("upaya_administratif",), ("administrative_remedy",)),
    Keyword("REMEDY_KIND", ("keberatan", "banding_administratif"), ("objection", "administrative_appeal")),
    Keyword("KW_TO", ("kepada",), ("addressed_to",)),
    Keyword("KW_SOURCE", ("sumber",), ("source",)),
    Keyword("KW_LINK", ("tautan",), ("url",)),
    Keyword("KW_DATED", ("bertanggal",), ("dated",)),
    Keyword(
        "RELIABILITY",
        ("terverifikasi", "satu_sumber", "tafsiran", "belum_dipastikan", "bertentangan"),
        ("verified", "single_source", "inference", "unconfirmed", "conflicting"),
    ),
    Keyword("KW_USE", ("pakai",), ("use",)),
    Keyword("KW_OR", ("atau",), ("or",)),
    Keyword("KW_AND", ("dan",), ("and",)),
    Keyword("KW_NOT", ("tidak",), ("not",)),
    Keyword("KW_IN", ("dalam",), ("in",)),
    Keyword("KW_BETWEEN", ("antara",), ("between",)),
    Keyword("KW_WITHIN", ("dalam_waktu",), ("within",)),
    Keyword("KW_WHERE", ("yang",), ("where",)),
    Keyword("KW_COUNT", ("jumlah",), ("count",)),
    Keyword("QUANTIFIER", ("ada", "semua"), ("some", "all")),
    Keyword("DIRECTION", ("sebelum", "sesudah", "setelah"), ("before", "after")),
    Keyword(
        "CITE_KIND",
        ("pasal", "ayat", "huruf", "angka", "lampiran"),
        ("article", "paragraph", "letter", "item", "annex"),
    ),
    Keyword(
        "CATEGORY",
        ("etik", "disiplin", "pemberhentian", "pidana", "administratif"),
        ("ethics", "discipline", "dismissal", "criminal", "administrative"),
    ),
    Keyword("TIER", ("ringan", "sedang", "berat"), ("light", "moderate", "severe")),
    Keyword("PENALTY_KIND", ("penjara", "kurungan", "denda"), ("imprisonment", "detention", "fine")),
    Keyword("JOINER", ("dan/atau",), ("and/or",)),
    Keyword("DURATION_UNIT", ("hari", "minggu", "bulan"), ("days", "day", "weeks", "week", "months", "month")),
    Keyword("BOOL", ("benar", "salah"), ("true", "false")),
)

BY_TERMINAL: dict[str, Keyword] = {k.terminal: k for k in KEYWORDS}

ALL_WORDS: frozenset[str] = frozenset(w for k in KEYWORDS for w in k.words)

# Punctuation terminals, named the way a reader sees them (Lark names anonymous ones itself).
PUNCTUATION: dict[str, str] = {
    "LBRACE": "{",
    "RBRACE": "}",
    "LPAR": "(",
    "RPAR": ")",
    "COMMA": ",",
    "EQUAL": "=",
    "DOT": ".",
    "COMP_OP": "= != < <= > >=",
    "ARITH_OP": "+ -",
}

# Literal and name terminals, described in words (Indonesian, English).
TERMINAL_WORDS: dict[str, Text] = {
    "IDENT": Text("nama", "name"),
    "STRING": Text('teks dalam tanda kutip "…"', 'quoted text "…"'),
    "INT": Text("bilangan", "number"),
    "DATE": Text("tanggal (TTTT-BB-HH)", "date (YYYY-MM-DD)"),
    "RUPIAH": Text("jumlah rupiah (Rp1.000)", "rupiah amount (Rp1.000)"),
    "$END": Text("akhir berkas", "end of file"),
}

# Canonical (Indonesian) spelling of each enumerated word: the AST stores these, so a file written
# with English keywords and one written with Indonesian keywords parse to equal trees.
CANONICAL: dict[str, str] = {}
for _k in KEYWORDS:
    if len(_k.indonesian) == len(_k.english) and _k.terminal not in {"KW_UNTIL", "KW_AT_MOST"}:
        for _id, _en in zip(_k.indonesian, _k.english, strict=True):
            CANONICAL[_en] = _id
            CANONICAL[_id] = _id
CANONICAL.update(
    {
        # `dari` (in `pakai … dari …`) made KW_FROM uneven; its canonical words stay as they were.
        "sejak": "sejak",
        "from": "sejak",
        "setelah": "sesudah",
        "day": "hari",
        "days": "hari",
        "week": "minggu",
        "weeks": "minggu",
        "month": "bulan",
        "months": "bulan",
        "year": "tahun",
        "years": "tahun",
        "tahun": "tahun",
        "hari": "hari",
        "minggu": "minggu",
        "bulan": "bulan",
        "ada": "ada",
        "semua": "semua",
        "some": "ada",
        "all": "semua",
        "sebelum": "sebelum",
        "sesudah": "sesudah",
        "before": "sebelum",
        "after": "sesudah",
    }
)

# Words that start a top-level declaration: syntax-error recovery resumes at the next one.
DECLARATION_TERMINALS: tuple[str, ...] = (
    "KW_INSTRUMENT",
    "KW_PROVISION",
    "KW_DEFINITION",
    "KW_SANCTION_TABLE",
    "KW_PRINCIPLES",
    "KW_SUPERVISOR",
    "KW_GAP",
    "KW_PROCEDURE",
    "KW_USE",
)


def canonical(word: str) -> str:
    """The Indonesian spelling of an enumerated keyword (`severe` → `berat`)."""
    return CANONICAL.get(word, word)


def english(word: str) -> str:
    """The English spelling of a canonical (Indonesian) enumerated word."""
    special = {"tahun": "years", "hari": "days", "minggu": "weeks", "bulan": "months", "sesudah": "after"}
    if word in special:
        return special[word]
    for k in KEYWORDS:
        if word in k.indonesian:
            index = k.indonesian.index(word)
            if index < len(k.english):
                return k.english[index]
    return word
