"""A rulebook that uses every construct the generator compiles, and incidents over every fact."""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import strategies as st

from netralrules.facts.schema import DEFAULT_SCHEMA, Type

D = datetime.date

# Every kind of expression node: literals of each type, definitions (nested), comparisons, `dalam`
# with a set and with literals, `antara`, `dalam_waktu` both ways, date and duration arithmetic,
# `ada`/`semua`/`jumlah` with and without a body, `tidak`, `dan`/`atau`, exceptions, subjects, a
# repeal date, a conflict between instruments settled by the declared principles, and definitions
# used inside quantifier bodies (the plan evaluates them afresh there, traced at every use).
ALL_CONSTRUCTS = """
asas_konflik lex_superior, lex_posterior

instrumen PP_UJI {
  judul "Peraturan uji"
  jenis PP
  nomor 1 tahun 2021
  berlaku sejak 2021-08-31
  peringkat 2
}
instrumen UU_UJI {
  judul "Undang-undang uji"
  jenis UU
  nomor 2 tahun 2017
  berlaku sejak 2017-08-16
  dicabut 2024-12-01 oleh PP_UJI
  peringkat 1
}
hukuman PP_UJI tingkat ringan { rujukan PP_UJI pasal 8 ayat (2) sanksi "teguran" }
hukuman PP_UJI tingkat sedang { rujukan PP_UJI pasal 8 ayat (3) sanksi "potongan" }
hukuman PP_UJI tingkat berat { rujukan PP_UJI pasal 8 ayat (4) sanksi "turun jabatan" }
hukuman UU_UJI tingkat ringan { rujukan UU_UJI pasal 9 sanksi "teguran" }

definisi masa_kampanye = tindakan.tanggal antara pemilu.kampanye_mulai sampai pemilu.kampanye_selesai
definisi dekat_penetapan = tindakan.tanggal dalam_waktu 6 bulan sebelum pemilu.tanggal_penetapan
definisi sesudah_pemungutan = tindakan.tanggal dalam_waktu 30 hari sesudah pemilu.tanggal_pemungutan
definisi berulang = jumlah s dalam responden.sanksi_sebelumnya yang (s.tanggal >= 2022-01-01) >= 2
definisi kampanye_atau_dekat = masa_kampanye atau dekat_penetapan atau tidak sesudah_pemungutan
definisi berat_dekat = ada s dalam responden.sanksi_sebelumnya yang (s.tingkat = berat dan dekat_penetapan)

ketentuan uji.a {
  rujukan PP_UJI pasal 5 huruf a
  teks "Kampanye dengan atribut."
  untuk PNS, CPNS
  jika tindakan.jenis dalam {ikut_kampanye, pasang_alat_peraga}
    dan (tindakan.atribut_partai atau tindakan.atribut_pns)
    dan kampanye_atau_dekat
  maka disiplin tingkat sedang
}
ketentuan uji.b {
  rujukan PP_UJI pasal 5 huruf b
  teks "Kampanye dengan fasilitas negara."
  untuk ASN
  mengecualikan uji.a
  jika tindakan.fasilitas_negara dan tindakan.tanggal - 30 hari > 2021-01-05
    dan tindakan.tanggal + 2 tahun - 1 bulan < pemilu.tanggal_pemungutan + 1 minggu
  maka disiplin tingkat berat
}
ketentuan uji.c {
  rujukan PP_UJI pasal 5 huruf c
  teks "Berulang."
  untuk pejabat_struktural, pejabat_fungsional, kepala_desa
  jika berulang
    atau (ada s dalam responden.sanksi_sebelumnya yang (s.tingkat = berat dan s.sifat != "lain"))
    dan tidak (semua s dalam responden.sanksi_sebelumnya yang (s.tingkat dalam {ringan, sedang}))
  maka disiplin tingkat ringan
}
ketentuan uji.d {
  rujukan PP_UJI pasal 5 huruf d
  teks "Jumlah."
  jika jumlah s dalam responden.sanksi_sebelumnya = 1 dan responden.jabatan = "Camat"
    dan tindakan.sasaran != masyarakat
    dan responden.akhir_masa_jabatan - 3 bulan >= tindakan.tanggal_pengunduran_diri - 1 hari + 1 hari
  maka disiplin tingkat berat
}
ketentuan uji.e {
  rujukan UU_UJI pasal 280 ayat (2) huruf f
  teks "Pidana."
  jika tindakan.jenis = ikut_kampanye dan tindakan.mengerahkan_pns_lain = benar
    dan tindakan.menguntungkan_atau_merugikan_calon != salah
  maka disiplin tingkat ringan
}
ketentuan uji.g {
  rujukan PP_UJI pasal 7
  teks "Variabel yang sama di dalam."
  jika ada s dalam responden.sanksi_sebelumnya
    yang ((ada s dalam responden.sanksi_sebelumnya yang (s.tingkat = berat)) dan s.tingkat = ringan)
  maka disiplin tingkat sedang
}
ketentuan uji.h {
  rujukan PP_UJI pasal 10
  teks "Definisi di dalam kuantor."
  jika (jumlah s dalam responden.sanksi_sebelumnya yang (s.sifat = "netralitas" atau masa_kampanye)) >= 1
    dan berat_dekat dan masa_kampanye dan tidak berulang
  maka disiplin tingkat ringan
}
ketentuan uji.f {
  rujukan PP_UJI pasal 6
  teks "Tanpa subjek."
  jika tindakan.tanggal antara 2023-01-01 sampai tindakan.tanggal_pengunduran_diri dan tindakan.dukungan_aktif
  maka disiplin tingkat berat
}
"""

_DATES = st.one_of(
    st.dates(D(2021, 6, 1), D(2025, 6, 30)),
    st.sampled_from([D(1, 1, 1), D(1, 1, 20), D(9999, 12, 31), D(2024, 2, 29), D(2024, 11, 27)]),
)


def value(t: Type, required: bool = False) -> st.SearchStrategy[Any]:
    """A JSON value of a fact of this type, or None (unknown) unless required."""
    match t.kind:
        case "date" if required:
            return _DATES.map(D.isoformat)
        case "enum" if required:
            return st.sampled_from(t.values)
        case "bool":
            return st.sampled_from([True, False, None])
        case "date":
            return st.none() | _DATES.map(D.isoformat)
        case "enum":
            return st.none() | st.sampled_from(t.values)
        case "string":
            return st.none() | st.sampled_from(["Camat", "lain", "netralitas", ""])
        case "list":
            assert t.item is not None
            return st.none() | st.lists(record(t.item), max_size=3)
    return st.none()


def record(t: Type, *, required: tuple[str, ...] = ()) -> st.SearchStrategy[dict[str, Any]]:
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for name, ft in t.fields:
        fields[name] = value(ft, name in required)
    return st.fixed_dictionaries(fields)


_ROOTS = DEFAULT_SCHEMA.roots
# The election's dates in the order the incident model requires (each may be unknown).
_ELECTION_ORDER = (
    "tanggal_pendaftaran",
    "tanggal_penetapan",
    "kampanye_mulai",
    "kampanye_selesai",
    "tanggal_pemungutan",
    "tanggal_penetapan_terpilih",
)


@st.composite
def elections(draw: st.DrawFn) -> dict[str, Any]:
    election = draw(record(_ROOTS["pemilu"]))
    dates = sorted(draw(st.lists(_DATES, min_size=len(_ELECTION_ORDER), max_size=len(_ELECTION_ORDER))))
    for name, day in zip(_ELECTION_ORDER, dates, strict=True):
        election[name] = draw(st.sampled_from([None, day.isoformat()]))
    return election


@st.composite
def respondents(draw: st.DrawFn) -> dict[str, Any]:
    respondent = draw(record(_ROOTS["responden"]))
    for sanction in respondent.get("sanksi_sebelumnya") or ():
        sanction["tanggal"] = draw(st.none() | st.dates(D(2019, 1, 1), D(2021, 5, 31)).map(D.isoformat))
    return respondent


incidents = st.fixed_dictionaries(
    {
        "id": st.just("UJI-KODE"),
        "responden": respondents(),
        "pemilu": elections(),
        "tindakan": st.lists(record(_ROOTS["tindakan"], required=("tanggal", "jenis")), min_size=1, max_size=4),
        "tanggal_laporan": st.none() | st.dates(D(2021, 1, 1), D(2026, 12, 31)).map(D.isoformat),
    }
)
