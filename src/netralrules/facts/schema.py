"""The fact schema: which incident facts a condition may read, and their types.

The checker takes a schema as input, so tests can use a small one. `DEFAULT_SCHEMA` describes the
incident facts the engine knows: the respondent (`responden`), the election (`pemilu`) and the act
under evaluation (`tindakan`). Names are the Indonesian terms legal staff use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from netralrules.diagnostics.text import Text, pick


@dataclass(frozen=True, slots=True)
class Type:
    """A fact or expression type.

    kinds: bool, number, rupiah, date, duration, string, enum, record, list, set; and, inside the
    checker only, `enum_literal` (a bare word not yet matched to an enum) and `error` (already
    reported; suppresses follow-on errors).
    """

    kind: str
    name: str = ""
    values: tuple[str, ...] = ()
    fields: tuple[tuple[str, Type], ...] = ()
    item: Type | None = None
    doc: str = field(default="", compare=False)

    def field(self, name: str) -> Type | None:
        for key, value in self.fields:
            if key == name:
                return value
        return None

    def describe(self, lang: str = "id") -> str:
        base = pick(_KIND_WORDS, self.kind, lang)
        if self.kind == "enum" and self.name:
            return f"{base} {self.name}"
        if self.kind in {"list", "set"} and self.item is not None:
            return f"{base} {self.item.describe(lang)}"
        if self.kind == "enum_literal":
            return f"{base} `{self.name}`"
        return base


_KIND_WORDS: dict[str, Text] = {
    "bool": Text("benar/salah", "true/false"),
    "number": Text("bilangan", "number"),
    "rupiah": Text("rupiah", "rupiah amount"),
    "date": Text("tanggal", "date"),
    "duration": Text("jangka waktu", "duration"),
    "string": Text("teks", "text"),
    "enum": Text("nilai", "value of"),
    "record": Text("rekaman", "record"),
    "list": Text("daftar", "list of"),
    "set": Text("himpunan", "set of"),
    "enum_literal": Text("nilai", "value"),
    "error": Text("(tidak diketahui)", "(unknown)"),
}

BOOL = Type("bool")
NUMBER = Type("number")
RUPIAH = Type("rupiah")
DATE = Type("date")
DURATION = Type("duration")
STRING = Type("string")
ERROR = Type("error")


def enum(name: str, *values: str) -> Type:
    return Type("enum", name=name, values=values)


def record(name: str, **fields: Type) -> Type:
    return Type("record", name=name, fields=tuple(fields.items()))


def list_of(item: Type) -> Type:
    return Type("list", item=item)


@dataclass(frozen=True)
class FactSchema:
    """The roots a condition may start from, and the words allowed after `untuk`."""

    roots: Mapping[str, Type]
    subjects: tuple[str, ...]


TINGKAT = enum("tingkat", "ringan", "sedang", "berat")

STATUS_KEPEGAWAIAN = enum(
    "status_kepegawaian",
    "PNS",
    "CPNS",
    "PPPK",
    # Not ASN: the engine must be able to say "outside the scope of ASN rules".
    "honorer",
    "pegawai_kontrak",
    "kepala_desa",
    "perangkat_desa",
    "kepala_daerah",
    "pejabat_negara",
    "lainnya",
)

# The statuses that make a respondent ASN (UU 5/2014 and UU 20/2023: PNS and PPPK; a CPNS is a
# candidate PNS, bound by the same discipline rules). Every other status is outside the ASN rules.
ASN_STATUSES = ("PNS", "CPNS", "PPPK")

# The stages of an election as the gap matrix and gap declarations (`celah … tahap`) name them, in
# order; `bakal_calon` runs from registration to penetapan.
STAGES = ("sebelum_pendaftaran", "bakal_calon", "sesudah_penetapan", "masa_kampanye", "masa_tenang", "sesudah_pemungutan")

JENIS_JABATAN = enum(
    "jenis_jabatan",
    "jabatan_pimpinan_tinggi",
    "administrator",
    "pengawas",
    "fungsional",
    "pelaksana",
)

JENIS_PEMILU = enum(
    "jenis_pemilu",
    "pemilu_presiden",
    "pemilu_dpr",
    "pemilu_dpd",
    "pemilu_dprd",
    "pilkada_gubernur",
    "pilkada_bupati",
    "pilkada_walikota",
)

# The controlled vocabulary of conduct (documented in docs/language.md).
JENIS_TINDAKAN = enum(
    "jenis_tindakan",
    "ikut_kampanye",
    "hadir_deklarasi",
    "menjadi_tim_kampanye",
    "unggah_media_sosial",
    "suka_media_sosial",
    "komentar_media_sosial",
    "bagikan_media_sosial",
    "ikuti_akun",
    "gabung_grup",
    "foto_bersama_calon",
    "pasang_alat_peraga",
    "keputusan_atau_tindakan",
    "pertemuan",
    "ajakan",
    "himbauan",
    "seruan",
    "pemberian_barang",
    "surat_dukungan_ktp",
    "menjadi_anggota_partai",
    "mendekati_partai",
    "mencalonkan_diri",
    "penggantian_pejabat",
    # UU 10/2016 Pasal 71 ayat (3): using authority, programmes or activities (kepala daerah).
    "penggunaan_kewenangan_program_kegiatan",
)

SASARAN = enum("sasaran", "pns_unit_kerja", "anggota_keluarga", "masyarakat")

# PP 94/2021 Pasal 3 and 4: the tier of a breached obligation follows its negative impact
# on the unit kerja, on the instansi, or on the state and/or government.
DAMPAK = enum("dampak", "unit_kerja", "instansi", "negara")

# PP 94/2021 Pasal 3 and 4 (and, for acts before 31 Aug 2021, PP 53/2010 Pasal 3) obligations a
# neutrality case may be charged under instead of Pasal 5 huruf n (PP 53: Pasal 4 angka 12–15).
# The huruf of the PP 94 Pasal 4 duty is not confirmed against the official text, so its value
# names the duty, not a huruf. `tidak_ada` (the default): the act is not charged under Pasal 3 or 4.
KEWAJIBAN_DISANGKAKAN = enum(
    "kewajiban_disangkakan",
    "tidak_ada",
    "pasal3_huruf_b",
    "pasal3_huruf_d",
    "pasal3_huruf_f",
    "pasal4_kepentingan_negara",
    # PP 53/2010 Pasal 3 (before 31 Aug 2021): its obligations are numbered by angka, not huruf.
    "pp53_pasal3_angka_3",
    "pp53_pasal3_angka_4",
    "pp53_pasal3_angka_6",
    "pp53_pasal3_angka_7",
    "pp53_pasal3_angka_17",
)

SANKSI_SEBELUMNYA = record(
    "sanksi_sebelumnya",
    tanggal=DATE,
    tingkat=TINGKAT,
    sifat=STRING,
)

DEFAULT_SCHEMA = FactSchema(
    roots={
        "responden": record(
            "responden",
            status_kepegawaian=STATUS_KEPEGAWAIAN,
            jenis_jabatan=JENIS_JABATAN,
            jabatan=STRING,
            pejabat_struktural=BOOL,
            # Whether the respondent is a "pejabat ASN" (UU 10/2016 Pasal 71 ayat (1)): reported by the
            # supervisor, not inferred from the position, since no source gives a definition.
            pejabat_asn=BOOL,
            anggota_tim_kampanye=BOOL,
            # UU 10/2016 Pasal 71 ayat (5): the respondent is the incumbent running in this election.
            petahana=BOOL,
            # UU 10/2016 Pasal 71 ayat (2): the mutasi ban runs until the end of the regional head's term.
            akhir_masa_jabatan=DATE,
            sanksi_sebelumnya=list_of(SANKSI_SEBELUMNYA),
        ),
        "pemilu": record(
            "pemilu",
            jenis=JENIS_PEMILU,
            tanggal_pendaftaran=DATE,
            tanggal_penetapan=DATE,
            kampanye_mulai=DATE,
            kampanye_selesai=DATE,
            tanggal_pemungutan=DATE,
            # UU 10/2016 Pasal 71 ayat (3): the ban ends on the penetapan of the elected pair.
            tanggal_penetapan_terpilih=DATE,
        ),
        "tindakan": record(
            "tindakan",
            tanggal=DATE,
            jenis=JENIS_TINDAKAN,
            atribut_partai=BOOL,
            atribut_pns=BOOL,
            mengerahkan_pns_lain=BOOL,
            fasilitas_negara=BOOL,
            menguntungkan_atau_merugikan_calon=BOOL,
            sasaran=SASARAN,
            dilakukan_sendiri=BOOL,
            jam_kerja=BOOL,
            sedang_cuti=BOOL,
            terverifikasi=BOOL,
            # UU 10/2016 Pasal 71 ayat (2): replacing officials is allowed with the Minister's written approval.
            persetujuan_tertulis_menteri=BOOL,
            # SKB 2022: attending a declaration is a violation only with active support; a photo only
            # with a partisan gesture, symbol or attribute; attending the spouse's declaration or campaign
            # only without cuti di luar tanggungan negara.
            dukungan_aktif=BOOL,
            simbol_keberpihakan=BOOL,
            calon_suami_atau_istri=BOOL,
            cuti_di_luar_tanggungan_negara=BOOL,
            # UU 5/2014 Pasal 119, 123 ayat (3): a PNS running for office states in writing that they
            # resign; by penetapan (MK 41/PUU-XII/2014). Reported for a `mencalonkan_diri` act.
            pengunduran_diri=BOOL,
            tanggal_pengunduran_diri=DATE,
            # PP 94/2021 Pasal 3 and 4: the negative impact, and the obligation charged.
            dampak=DAMPAK,
            kewajiban_disangkakan=KEWAJIBAN_DISANGKAKAN,
        ),
    },
    subjects=(
        "ASN",
        "PNS",
        "CPNS",
        "PPPK",
        "pejabat_struktural",
        "pejabat_fungsional",
        "pejabat_asn",
        "kepala_daerah",
        "pejabat_negara",
        "kepala_desa",
    ),
)
