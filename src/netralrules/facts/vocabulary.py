"""What each value of the controlled vocabularies means, in Indonesian and English. Pure data.

The values themselves come from `schema.py` (the rules checker's fact schema); this module only
explains them, for the JSON Schema and `docs/incident.md`. A test checks that every value of every
enum in `schema.DEFAULT_SCHEMA` has a meaning here and that nothing else does.
"""

from __future__ import annotations

from dataclasses import dataclass

from netralrules.diagnostics.text import Text


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """One controlled vocabulary: its title, what it is for, and one line per value."""

    title: Text
    description: Text
    meanings: dict[str, Text]


VOCABULARIES: dict[str, Vocabulary] = {
    "status_kepegawaian": Vocabulary(
        Text("Status kepegawaian", "Employment status"),
        Text(
            "Hanya PNS, CPNS dan PPPK yang ASN; nilai lain ada agar mesin dapat menyatakan bahwa perkara berada "
            "di luar lingkup aturan ASN.",
            "Only PNS, CPNS and PPPK are ASN; the other values exist so the engine can say a case is outside the "
            "scope of the ASN rules.",
        ),
        {
            "PNS": Text("Pegawai Negeri Sipil", "civil servant with permanent status"),
            "CPNS": Text(
                "calon PNS dalam masa percobaan (PP 94/2021 berlaku mutatis mutandis)",
                "candidate civil servant on probation (PP 94/2021 applies mutatis mutandis)",
            ),
            "PPPK": Text(
                "Pegawai Pemerintah dengan Perjanjian Kerja (ASN, bukan PNS)",
                "government employee on a work contract (ASN, not PNS)",
            ),
            "honorer": Text("tenaga honorer / PPNPN; bukan ASN", "honorary staff / PPNPN; not ASN"),
            "pegawai_kontrak": Text(
                "pegawai kontrak instansi yang bukan PPPK; bukan ASN",
                "agency contract staff who are not PPPK; not ASN",
            ),
            "kepala_desa": Text(
                "kepala desa; bukan ASN (UU 7/2017 Pasal 280 ayat (2) huruf h)",
                "village head; not ASN (UU 7/2017 Pasal 280(2)(h))",
            ),
            "perangkat_desa": Text(
                "perangkat desa; bukan ASN (UU 7/2017 Pasal 280 ayat (2) huruf i)",
                "village apparatus; not ASN (UU 7/2017 Pasal 280(2)(i))",
            ),
            "kepala_daerah": Text("gubernur, bupati, wali kota atau wakilnya", "governor, regent, mayor or their deputy"),
            "pejabat_negara": Text(
                "pejabat negara (menteri, anggota DPR, dan lainnya)",
                "state official (minister, member of parliament, and others)",
            ),
            "lainnya": Text("status lain yang tidak tercantum di atas", "any other status not listed above"),
        },
    ),
    "jenis_jabatan": Vocabulary(
        Text("Jenis jabatan", "Kind of position"),
        Text("Jenis jabatan ASN menurut UU ASN.", "Kind of ASN position under the ASN Law."),
        {
            "jabatan_pimpinan_tinggi": Text(
                "jabatan pimpinan tinggi (JPT utama, madya, pratama)",
                "senior executive position (JPT utama, madya, pratama)",
            ),
            "administrator": Text("jabatan administrator (dulu eselon III)", "administrator position (formerly echelon III)"),
            "pengawas": Text("jabatan pengawas (dulu eselon IV)", "supervisor position (formerly echelon IV)"),
            "fungsional": Text(
                "jabatan fungsional, misalnya guru, dokter, auditor",
                "functional position, e.g. teacher, doctor, auditor",
            ),
            "pelaksana": Text("jabatan pelaksana (staf)", "executor position (staff)"),
        },
    ),
    "tingkat": Vocabulary(
        Text("Tingkat hukuman disiplin", "Disciplinary tier"),
        Text("Tingkat hukuman disiplin menurut PP 94/2021 Pasal 8.", "Disciplinary tier under PP 94/2021 Pasal 8."),
        {
            "ringan": Text(
                "ringan: teguran lisan, teguran tertulis, pernyataan tidak puas secara tertulis",
                "light: oral reprimand, written reprimand, written statement of dissatisfaction",
            ),
            "sedang": Text(
                "sedang: pemotongan tunjangan kinerja 25% selama 6, 9 atau 12 bulan",
                "moderate: performance allowance cut by 25% for 6, 9 or 12 months",
            ),
            "berat": Text(
                "berat: penurunan jabatan, pembebasan dari jabatan, pemberhentian",
                "severe: demotion, removal from position, dismissal",
            ),
        },
    ),
    "jenis_pemilu": Vocabulary(
        Text("Jenis pemilu atau pemilihan", "Kind of election"),
        Text(
            "Pemilu (UU 7/2017) atau pemilihan kepala daerah (Pilkada, UU 10/2016).",
            "A national election (UU 7/2017) or a regional head election (Pilkada, UU 10/2016).",
        ),
        {
            "pemilu_presiden": Text("pemilu presiden dan wakil presiden", "presidential election"),
            "pemilu_dpr": Text("pemilu anggota DPR", "election of the House of Representatives (DPR)"),
            "pemilu_dpd": Text("pemilu anggota DPD", "election of the Regional Representative Council (DPD)"),
            "pemilu_dprd": Text(
                "pemilu anggota DPRD provinsi atau kabupaten/kota",
                "election of a provincial or district/city council (DPRD)",
            ),
            "pilkada_gubernur": Text("pemilihan gubernur dan wakil gubernur", "gubernatorial election"),
            "pilkada_bupati": Text("pemilihan bupati dan wakil bupati", "regent (district head) election"),
            "pilkada_walikota": Text("pemilihan wali kota dan wakil wali kota", "mayoral election"),
        },
    ),
    "jenis_tindakan": Vocabulary(
        Text("Jenis tindakan", "Kind of act"),
        Text(
            "Kosakata terkendali perbuatan yang dinilai (docs/language.md §9.2).",
            "Controlled vocabulary of the conduct under evaluation (docs/language.md §9.2).",
        ),
        {
            "ikut_kampanye": Text(
                "ikut kampanye (PP 94/2021 Pasal 5 huruf n angka 1)",
                "taking part in a campaign (PP 94/2021 Pasal 5 huruf n angka 1)",
            ),
            "hadir_deklarasi": Text(
                "menghadiri deklarasi (bakal) pasangan calon (SKB 2022)",
                "attending the declaration of a (prospective) candidate pair (SKB 2022)",
            ),
            "menjadi_tim_kampanye": Text(
                "menjadi pelaksana atau tim kampanye (UU 7/2017 Pasal 280 ayat (3))",
                "serving as campaign implementer or on a campaign team (UU 7/2017 Pasal 280(3))",
            ),
            "unggah_media_sosial": Text("mengunggah (posting) di media sosial (SKB 2022)", "posting on social media (SKB 2022)"),
            "suka_media_sosial": Text("menyukai (like) unggahan (SKB 2022)", "liking a post (SKB 2022)"),
            "komentar_media_sosial": Text("mengomentari unggahan (SKB 2022)", "commenting on a post (SKB 2022)"),
            "bagikan_media_sosial": Text("membagikan (share) unggahan (SKB 2022)", "sharing a post (SKB 2022)"),
            "ikuti_akun": Text(
                "mengikuti (follow) akun, misalnya akun tim pemenangan (SKB 2022)",
                "following an account, such as a winning team's (SKB 2022)",
            ),
            "gabung_grup": Text(
                "bergabung dalam grup, misalnya grup tim pemenangan (SKB 2022)",
                "joining a group, such as a winning team's (SKB 2022)",
            ),
            "foto_bersama_calon": Text(
                "berfoto bersama (bakal) calon atau timnya (SKB 2022)",
                "posing for a photo with a (prospective) candidate or their team (SKB 2022)",
            ),
            "pasang_alat_peraga": Text(
                "memasang spanduk, baliho atau alat peraga kampanye lainnya (SKB 2022)",
                "putting up banners, billboards or other campaign props (SKB 2022)",
            ),
            "keputusan_atau_tindakan": Text(
                "membuat keputusan dan/atau tindakan yang menguntungkan atau merugikan calon "
                "(PP 94/2021 Pasal 5 huruf n angka 5)",
                "making a decision and/or taking an action that favours or harms a candidate "
                "(PP 94/2021 Pasal 5 huruf n angka 5)",
            ),
            "pertemuan": Text(
                "mengadakan pertemuan yang mengarah kepada keberpihakan (PP 94/2021 Pasal 5 huruf n angka 6)",
                "holding a partisan meeting (PP 94/2021 Pasal 5 huruf n angka 6)",
            ),
            "ajakan": Text("ajakan yang mengarah kepada keberpihakan (angka 6)", "a partisan invitation (angka 6)"),
            "himbauan": Text("himbauan yang mengarah kepada keberpihakan (angka 6)", "a partisan appeal (angka 6)"),
            "seruan": Text("seruan yang mengarah kepada keberpihakan (angka 6)", "a partisan call (angka 6)"),
            "pemberian_barang": Text(
                "pemberian barang yang mengarah kepada keberpihakan (angka 6)",
                "giving goods in a partisan way (angka 6)",
            ),
            "surat_dukungan_ktp": Text(
                "memberikan surat dukungan disertai fotokopi KTP atau Surat Keterangan Tanda Penduduk (angka 7)",
                "giving a letter of support with a copy of an identity card (KTP) or residence certificate (angka 7)",
            ),
            "menjadi_anggota_partai": Text(
                "menjadi anggota dan/atau pengurus partai politik (UU 20/2023 Pasal 52 ayat (3) huruf j)",
                "becoming a member and/or officer of a political party (UU 20/2023 Pasal 52(3)(j))",
            ),
            "mendekati_partai": Text(
                "mendekati partai politik sebagai bakal calon (SKB 2022)",
                "approaching a political party as a prospective candidate (SKB 2022)",
            ),
            "mencalonkan_diri": Text(
                "mencalonkan diri dalam pemilu atau pemilihan (UU 5/2014 Pasal 119, 123)",
                "running as a candidate in an election (UU 5/2014 Pasal 119, 123)",
            ),
            "penggantian_pejabat": Text(
                "mengganti pejabat (UU 10/2016 Pasal 71 ayat (2))",
                "replacing officials (UU 10/2016 Pasal 71(2))",
            ),
            "penggunaan_kewenangan_program_kegiatan": Text(
                "menggunakan kewenangan, program dan kegiatan (UU 10/2016 Pasal 71 ayat (3))",
                "using one's authority, programmes and activities (UU 10/2016 Pasal 71(3))",
            ),
        },
    ),
    "sasaran": Vocabulary(
        Text("Sasaran kegiatan", "Target audience"),
        Text(
            "Kepada siapa kegiatan yang mengarah kepada keberpihakan ditujukan (PP 94/2021 Pasal 5 huruf n angka 6).",
            "Whom a partisan activity was aimed at (PP 94/2021 Pasal 5 huruf n angka 6).",
        ),
        {
            "pns_unit_kerja": Text("PNS dalam lingkungan unit kerja responden", "PNS within the respondent's work unit"),
            "anggota_keluarga": Text("anggota keluarga", "family members"),
            "masyarakat": Text("masyarakat", "the public"),
        },
    ),
    "dampak": Vocabulary(
        Text("Dampak negatif pelanggaran", "Negative impact of the breach"),
        Text(
            "Pada siapa pelanggaran kewajiban PP 94/2021 Pasal 3 atau 4 berdampak negatif; menentukan tingkat hukuman.",
            "On whom a breach of a PP 94/2021 Pasal 3 or 4 obligation has a negative impact; it sets the tier.",
        ),
        {
            "unit_kerja": Text("unit kerja responden", "the respondent's work unit"),
            "instansi": Text("instansi yang bersangkutan", "the agency concerned"),
            "negara": Text("negara dan/atau pemerintah", "the state and/or the government"),
        },
    ),
    "kewajiban_disangkakan": Vocabulary(
        Text("Kewajiban PP 94/2021 yang disangkakan", "PP 94/2021 obligation charged"),
        Text(
            "Kewajiban PP 94/2021 Pasal 3 atau 4 yang disangkakan bila perkara netralitas tidak diperiksa menurut "
            "Pasal 5 huruf n, melainkan hanya menurut Pasal 3 atau 4; untuk perbuatan sebelum 31 Agustus 2021, "
            "kewajiban PP 53/2010 Pasal 3 (nilai `pp53_…`) bila perkara tidak diperiksa menurut Pasal 4 angka 12–15.",
            "The PP 94/2021 Pasal 3 or 4 obligation charged when a neutrality case is charged only under Pasal 3 or 4, "
            "not under Pasal 5 huruf n; for acts before 31 Aug 2021, the PP 53/2010 Pasal 3 obligation (values "
            "`pp53_…`) when the case is not charged under Pasal 4 angka 12–15.",
        ),
        {
            "tidak_ada": Text("tidak disangkakan menurut Pasal 3 atau 4", "not charged under Pasal 3 or 4"),
            "pasal3_huruf_b": Text("Pasal 3 huruf b: menjaga persatuan dan kesatuan bangsa", "Pasal 3 huruf b: national unity"),
            "pasal3_huruf_d": Text(
                "Pasal 3 huruf d: menaati ketentuan peraturan perundang-undangan",
                "Pasal 3 huruf d: obeying the laws and regulations",
            ),
            "pasal3_huruf_f": Text(
                "Pasal 3 huruf f: menunjukkan integritas dan keteladanan",
                "Pasal 3 huruf f: showing integrity and setting an example",
            ),
            "pasal4_kepentingan_negara": Text(
                "Pasal 4: mengutamakan kepentingan negara daripada kepentingan pribadi, seseorang, dan/atau golongan "
                "(huruf belum dipastikan)",
                "Pasal 4: putting the interest of the state before personal or group interests (huruf not confirmed)",
            ),
            "pp53_pasal3_angka_3": Text(
                "PP 53/2010 Pasal 3 angka 3: setia dan taat sepenuhnya kepada Pancasila, UUD 1945, NKRI, dan Pemerintah",
                "PP 53/2010 Pasal 3 angka 3: full loyalty to Pancasila, the 1945 Constitution, the Republic and the Government",
            ),
            "pp53_pasal3_angka_4": Text(
                "PP 53/2010 Pasal 3 angka 4: menaati segala ketentuan peraturan perundang-undangan",
                "PP 53/2010 Pasal 3 angka 4: obeying all laws and regulations",
            ),
            "pp53_pasal3_angka_6": Text(
                "PP 53/2010 Pasal 3 angka 6: menjunjung tinggi kehormatan negara, Pemerintah, dan martabat PNS",
                "PP 53/2010 Pasal 3 angka 6: upholding the honour of the state, the Government and the dignity of PNS",
            ),
            "pp53_pasal3_angka_7": Text(
                "PP 53/2010 Pasal 3 angka 7: mengutamakan kepentingan negara daripada kepentingan sendiri, seseorang, "
                "dan/atau golongan",
                "PP 53/2010 Pasal 3 angka 7: putting the interest of the state before one's own, another's or a group's",
            ),
            "pp53_pasal3_angka_17": Text(
                "PP 53/2010 Pasal 3 angka 17: menaati peraturan kedinasan yang ditetapkan oleh pejabat yang berwenang",
                "PP 53/2010 Pasal 3 angka 17: obeying the service rules set by the competent official",
            ),
        },
    ),
}
