"""An act under evaluation and its evidence (fact root `tindakan`)."""

from __future__ import annotations

from pydantic import ConfigDict, Field, StrictBool, StrictStr

from netralrules.diagnostics.text import Text
from netralrules.facts.fields import (
    Dampak,
    Date,
    JenisPemilu,
    JenisTindakan,
    KewajibanDisangkakan,
    Model,
    Sasaran,
    described,
)


class Evidence(Model):
    """Satu bukti tentang tindakan: sumbernya, dan apakah sudah diverifikasi atau masih dugaan.

    One piece of evidence about the act: its source, and whether it is verified or only alleged."""

    model_config = ConfigDict(title="Bukti / Evidence")

    sumber: StrictStr = Field(
        min_length=1,
        title="Sumber / Source",
        description='Dari mana bukti berasal, misalnya "laporan pengawas Bawaslu Kabupaten Contoh", "tangkapan layar '
        'unggahan Facebook", "keterangan saksi". Wajib.\n\nWhere the evidence comes from, e.g. "report of the '
        'Bawaslu supervisor", "screenshot of a Facebook post", "witness statement". Required.',
    )
    tautan: StrictStr | None = described(
        Text("Tautan", "Link"),
        Text("Alamat (URL) atau rujukan arsip bukti.", "Address (URL) or archive reference of the evidence."),
        need="optional",
    )
    keterangan: StrictStr | None = described(
        Text("Keterangan", "Description"), Text("Apa yang ditunjukkan bukti ini.", "What this evidence shows."), need="optional"
    )
    terverifikasi: StrictBool | None = described(
        Text("Terverifikasi", "Verified"),
        Text(
            "Benar jika bukti sudah diverifikasi (misalnya oleh Bawaslu atau BKN); salah jika masih dugaan.",
            "True if the evidence has been verified (e.g. by Bawaslu or BKN); false if it is only alleged.",
        ),
    )


class Act(Model):
    """Satu tindakan responden (atau orang lain atas namanya) yang dinilai, dengan tanggal dan keadaannya.

    One act under evaluation, by the respondent (or by someone else on their behalf), with its date and circumstances."""

    model_config = ConfigDict(title="Tindakan / Act")

    tanggal: Date = described(
        Text("Tanggal tindakan", "Date of the act"),
        Text(
            "Tanggal perbuatan (TTTT-BB-HH). Wajib: hukum yang berlaku dan tahapan pemilu ditentukan dari tanggal ini.",
            "Date of the act (YYYY-MM-DD). Required: the law in force and the election stage are derived from it.",
        ),
        need="required",
    )
    jenis: JenisTindakan = described(
        Text("Jenis tindakan", "Kind of act"),
        Text("Jenis perbuatan, dari kosakata terkendali. Wajib.", "Kind of act, from the controlled vocabulary. Required."),
        need="required",
    )
    atribut_partai: StrictBool | None = described(
        Text("Memakai atribut partai", "Party attributes used"),
        Text(
            "Benar jika responden memakai atribut partai (kaos, bendera, simbol) (PP 94/2021 Pasal 5 huruf n angka 2).",
            "True if the respondent used party attributes (T-shirt, flag, symbol) (PP 94/2021 Pasal 5 huruf n angka 2).",
        ),
    )
    atribut_pns: StrictBool | None = described(
        Text("Memakai atribut PNS", "PNS attributes used"),
        Text(
            "Benar jika responden memakai atribut PNS, misalnya seragam dinas atau tanda pengenal (angka 2).",
            "True if the respondent used PNS attributes, e.g. the service uniform or ID badge (angka 2).",
        ),
    )
    mengerahkan_pns_lain: StrictBool | None = described(
        Text("Mengerahkan PNS lain", "Other PNS mobilised"),
        Text(
            "Benar jika responden mengerahkan PNS lain (PP 94/2021 Pasal 5 huruf n angka 3).",
            "True if the respondent mobilised other PNS (PP 94/2021 Pasal 5 huruf n angka 3).",
        ),
    )
    fasilitas_negara: StrictBool | None = described(
        Text("Memakai fasilitas negara", "State facilities used"),
        Text(
            "Benar jika tindakan memakai fasilitas negara: kendaraan dinas, kantor, anggaran, dan sebagainya (angka 4).",
            "True if the act used state facilities: official vehicles, offices, budget, and so on (angka 4).",
        ),
    )
    persetujuan_tertulis_menteri: StrictBool | None = described(
        Text("Ada persetujuan tertulis Menteri", "Written approval of the Minister"),
        Text(
            "Untuk penggantian pejabat: benar jika ada persetujuan tertulis dari Menteri (UU 10/2016 Pasal 71 ayat (2)).",
            "For replacing officials: true if the Minister gave written approval (UU 10/2016 Pasal 71 ayat (2)).",
        ),
    )
    dukungan_aktif: StrictBool | None = described(
        Text("Memberi dukungan aktif", "Active support given"),
        Text(
            "Benar jika responden, saat hadir di deklarasi atau kampanye, melakukan tindakan atau memberi dukungan secara "
            "aktif, bukan sekadar hadir (SKB 2022, daftar kode etik dan daftar disiplin).",
            "True if the respondent, attending a declaration or campaign, took action or actively gave support rather than "
            "merely attending (SKB 2022, ethics and discipline lists).",
        ),
    )
    simbol_keberpihakan: StrictBool | None = described(
        Text("Menunjukkan simbol keberpihakan", "Partisan gesture or symbol shown"),
        Text(
            "Benar jika foto atau unggahan menunjukkan gestur (misalnya pose jari yang dilarang), simbol atau latar yang "
            "menunjukkan keberpihakan (SKB 2022; panduan BKN/KemenPAN-RB November 2023).",
            "True if the photo or post shows a gesture (e.g. a prohibited finger pose), symbol or background indicating "
            "partisanship (SKB 2022; BKN/KemenPAN-RB guidance, November 2023).",
        ),
    )
    calon_suami_atau_istri: StrictBool | None = described(
        Text("Calon adalah suami atau istri responden", "Candidate is the respondent's spouse"),
        Text(
            "Benar jika (bakal) calon yang dituju tindakan adalah suami atau istri responden (SKB 2022 K7).",
            "True if the (prospective) candidate the act concerns is the respondent's husband or wife (SKB 2022 K7).",
        ),
    )
    cuti_di_luar_tanggungan_negara: StrictBool | None = described(
        Text("Cuti di luar tanggungan negara", "On leave outside state liability"),
        Text(
            "Benar jika responden sedang cuti di luar tanggungan negara pada saat tindakan (SKB 2022 K7).",
            "True if the respondent was on leave outside state liability (cuti di luar tanggungan negara) at the time of "
            "the act (SKB 2022 K7).",
        ),
    )
    pengunduran_diri: StrictBool | None = described(
        Text("Sudah menyatakan pengunduran diri", "Resignation stated"),
        Text(
            "Untuk pencalonan (`mencalonkan_diri`): benar jika responden sudah menyatakan pengunduran diri dari PNS "
            "secara tertulis (UU 5/2014 Pasal 119, Pasal 123 ayat (3)); salah jika belum.",
            "For a candidacy (`mencalonkan_diri`): true if the respondent has stated in writing that they resign from "
            "the civil service (UU 5/2014 Pasal 119, Pasal 123(3)); false if not.",
        ),
    )
    tanggal_pengunduran_diri: Date | None = described(
        Text("Tanggal pengunduran diri", "Date of the resignation"),
        Text(
            "Tanggal pernyataan pengunduran diri tertulis. Kewajibannya berlaku sejak penetapan sebagai calon "
            "(Putusan MK 41/PUU-XII/2014).",
            "Date of the written statement of resignation. The duty runs from penetapan as a candidate "
            "(Constitutional Court decision 41/PUU-XII/2014).",
        ),
    )
    dampak: Dampak | None = described(
        Text("Dampak negatif", "Negative impact"),
        Text(
            "Untuk pelanggaran kewajiban PP 94/2021 Pasal 3 atau 4: pada siapa pelanggaran berdampak negatif, menurut "
            "penilaian pengawas atau pemeriksa (menentukan tingkat hukuman).",
            "For a breach of a PP 94/2021 Pasal 3 or 4 obligation: on whom the breach has a negative impact, as the "
            "supervisor or examiner assesses it (it sets the tier).",
        ),
    )
    kewajiban_disangkakan: KewajibanDisangkakan | None = described(
        Text("Kewajiban yang disangkakan", "Obligation charged"),
        Text(
            "Kewajiban PP 94/2021 Pasal 3 atau 4 yang disangkakan, bila perkara hanya diperiksa menurut Pasal 3 atau 4. "
            "Ini pilihan pemeriksa, bukan keadaan yang dapat tidak diketahui: bila tidak diisi, nilainya `tidak_ada` "
            "(tidak disangkakan); null berarti belum diputuskan (tidak diketahui). Satu kewajiban per tindakan; untuk "
            "beberapa kewajiban, tulis tindakan itu sekali lagi.",
            "The PP 94/2021 Pasal 3 or 4 obligation charged, when the case is charged only under Pasal 3 or 4. This is "
            "the examiner's choice, not a circumstance that may be unknown: when left out it is `tidak_ada` (not "
            "charged); null means not yet decided (unknown). One obligation per act; for several, list the act again.",
        ),
        need="plain",
        default_factory=lambda: "tidak_ada",
    )
    menguntungkan_atau_merugikan_calon: StrictBool | None = described(
        Text("Menguntungkan atau merugikan calon", "Favours or harms a candidate"),
        Text(
            "Benar jika keputusan atau tindakan menguntungkan atau merugikan salah satu (pasangan) calon (angka 5; "
            "UU 10/2016 Pasal 71 ayat (1)).",
            "True if the decision or action favours or harms one candidate (pair) (angka 5; UU 10/2016 Pasal 71(1)).",
        ),
    )
    sasaran: Sasaran | None = described(
        Text("Sasaran kegiatan", "Target audience"),
        Text(
            "Kepada siapa kegiatan yang mengarah kepada keberpihakan ditujukan (angka 6).",
            "Whom a partisan activity was aimed at (angka 6).",
        ),
    )
    dilakukan_sendiri: StrictBool | None = described(
        Text("Dilakukan sendiri oleh responden", "Performed by the respondent"),
        Text(
            "Benar jika responden sendiri yang melakukan; salah jika orang lain (misalnya akun dikelola pihak lain).",
            "True if the respondent performed the act personally; false if someone else did (e.g. an account run by another).",
        ),
    )
    jam_kerja: StrictBool | None = described(
        Text("Pada jam kerja", "During working hours"),
        Text(
            "Benar jika tindakan terjadi pada jam kerja responden.",
            "True if the act took place during the respondent's working hours.",
        ),
    )
    sedang_cuti: StrictBool | None = described(
        Text("Sedang cuti", "On leave"),
        Text(
            "Benar jika responden sedang cuti pada saat tindakan.", "True if the respondent was on leave at the time of the act."
        ),
    )
    terverifikasi: StrictBool | None = described(
        Text("Tindakan terverifikasi", "Act verified"),
        Text(
            "Benar jika terjadinya tindakan sudah diverifikasi oleh pihak berwenang (Bawaslu, BKN, atasan); salah jika masih "
            "dugaan dari laporan.",
            "True if the act has been verified by an authority (Bawaslu, BKN, the superior); false if it is only alleged in a "
            "report.",
        ),
    )
    calon: StrictStr | None = described(
        Text("Calon sasaran", "Target candidate"),
        Text(
            'Calon atau pasangan calon yang didukung, diuntungkan atau dirugikan, misalnya "Pasangan calon nomor urut 2".',
            'The candidate or candidate pair supported, favoured or harmed, e.g. "Pasangan calon nomor urut 2" (pair no. 2).',
        ),
    )
    jenis_pemilu_calon: JenisPemilu | None = described(
        Text("Jabatan yang diperebutkan calon", "Office contested by the candidate"),
        Text(
            "Pemilihan (dan dengan itu jabatan) yang diikuti calon sasaran; biasanya sama dengan `pemilu.jenis`, berbeda pada "
            "pemilu serentak (misalnya calon anggota DPRD dalam Pemilu 2024).",
            "The election (and so the office) the target candidate contests; usually equal to `pemilu.jenis`, different in "
            "simultaneous elections (e.g. a DPRD candidate in the 2024 general election).",
        ),
    )
    pemilu: StrictStr | None = described(
        Text("Pemilu yang berkaitan", "Election concerned"),
        Text(
            "Pengenal (`id`) pemilu yang berkaitan dengan tindakan ini, bila perkara memuat daftar pemilu (pemilu serentak); "
            "tahapan pemilu dan semua fakta `pemilu.*` tindakan ini dibaca dari pemilu itu. Wajib bila daftar memuat lebih "
            "dari satu pemilu; tidak perlu bila perkara hanya memuat satu pemilu.",
            "The id of the election this act concerns, when the incident lists its elections (simultaneous elections); the "
            "act's election stage and every `pemilu.*` fact of the act are read from that election. Required when the list "
            "holds more than one election; not needed when the incident has one election.",
        ),
        need="plain",
    )
    platform_media_sosial: StrictStr | None = described(
        Text("Platform media sosial", "Social-media platform"),
        Text(
            'Untuk tindakan di media sosial: platformnya, misalnya "facebook", "instagram", "tiktok", "x", "whatsapp".',
            'For social-media acts: the platform, e.g. "facebook", "instagram", "tiktok", "x", "whatsapp".',
        ),
    )
    gestur: StrictStr | None = described(
        Text("Gestur dalam foto", "Gesture in the photo"),
        Text(
            'Untuk foto bersama calon: gestur tangan, misalnya "dua jari", "jempol", "kepalan tangan" (panduan BKN/'
            "KemenPAN-RB November 2023).",
            'For a photo with a candidate: the hand gesture, e.g. "dua jari" (two fingers), "jempol" (thumbs-up), '
            '"kepalan tangan" (clenched fist) (BKN/KemenPAN-RB guidance, November 2023).',
        ),
    )
    uraian: StrictStr | None = described(
        Text("Uraian", "Description"),
        Text("Uraian bebas tentang apa yang terjadi.", "Free-text description of what happened."),
        need="optional",
    )
    bukti: list[Evidence] | None = described(
        Text("Bukti", "Evidence"),
        Text("Bukti yang mendukung laporan tentang tindakan ini.", "Evidence supporting the report of this act."),
    )
