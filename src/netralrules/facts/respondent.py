"""The respondent and their prior sanctions (fact root `responden`)."""

from __future__ import annotations

from pydantic import ConfigDict, StrictBool, StrictStr

from netralrules.diagnostics.text import Text
from netralrules.facts.fields import Date, JenisJabatan, Model, StatusKepegawaian, Tingkat, described

# ---- the respondent ------------------------------------------------------------------------------


class PriorSanction(Model):
    """Sanksi disiplin yang pernah dijatuhkan kepada responden sebelum tindakan yang dinilai.

    A disciplinary sanction imposed on the respondent before the acts under evaluation."""

    model_config = ConfigDict(title="Sanksi sebelumnya / Prior sanction")

    tanggal: Date | None = described(
        Text("Tanggal sanksi", "Date of the sanction"),
        Text(
            "Tanggal keputusan hukuman disiplin. Tidak boleh sesudah tindakan terakhir dalam perkara.",
            "Date of the disciplinary decision. It may not be later than the last act of the incident.",
        ),
    )
    tingkat: Tingkat | None = described(
        Text("Tingkat hukuman", "Tier of the sanction"),
        Text("Tingkat hukuman disiplin yang dijatuhkan (PP 94/2021 Pasal 8).", "Disciplinary tier imposed (PP 94/2021 Pasal 8)."),
    )
    sifat: StrictStr | None = described(
        Text("Sifat pelanggaran", "Nature of the violation"),
        Text(
            'Uraian bebas sifat pelanggaran yang dihukum, misalnya "netralitas". Hanya untuk dibaca manusia: '
            "pengulangan pelanggaran yang sifatnya sama dinilai dari `sifat_sama` atau `ketentuan`, bukan dari teks ini.",
            'Free-text description of the violation sanctioned, e.g. "netralitas". For people only: a repeat of the same '
            "nature is recognised from `sifat_sama` or `ketentuan`, never from this text.",
        ),
    )
    jenis_hukuman: StrictStr | None = described(
        Text("Jenis hukuman", "Kind of sanction"),
        Text(
            'Jenis hukuman yang dijatuhkan, persis seperti dalam daftar jenis hukuman buku aturan, misalnya "teguran '
            'tertulis" atau "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan" (PP 94/2021 Pasal 8 ayat (2)–(4); '
            "PP 53/2010 Pasal 7). Pengulangan dihukum dengan jenis yang lebih berat daripada hukuman terakhir; jenis yang "
            "tidak ada dalam daftar dilaporkan dalam keputusan.",
            'Kind of sanction imposed, exactly as in the rulebook\'s list of sanction types, e.g. "teguran tertulis" or '
            '"pemotongan tunjangan kinerja sebesar 25% selama 6 bulan" (PP 94/2021 Pasal 8(2)–(4); PP 53/2010 Pasal 7). '
            "A repeat is sanctioned with a heavier type than the last sanction; a type not in the list is reported in "
            "the decision.",
        ),
    )
    sifat_sama: StrictBool | None = described(
        Text("Sifatnya sama", "Of the same nature"),
        Text(
            "Benar jika pelanggaran yang sedang dinilai sifatnya sama dengan pelanggaran yang dihukum dengan sanksi ini "
            '(aturan pengulangan). Sumber tidak mendefinisikan "sifatnya sama": pejabat yang menilai menyatakannya. '
            "Bila tidak diisi dan `ketentuan` tidak sama dengan ketentuan yang dilanggar sekarang, pengaruh aturan "
            "pengulangan belum dapat ditentukan.",
            "True if the violation under evaluation is of the same nature as the one this sanction was imposed for (the "
            'repeat rule). The sources do not define "same nature": the examining official states it. If left out and '
            "`ketentuan` is not a provision breached now, the effect of the repeat rule is undetermined.",
        ),
    )
    ketentuan: StrictStr | None = described(
        Text("Ketentuan yang dilanggar", "Provision breached"),
        Text(
            'Id ketentuan buku aturan yang menjadi dasar sanksi ini, misalnya "pp94.pasal5.n.2". Sama dengan ketentuan '
            "yang dilanggar sekarang berarti sifatnya sama; id yang tidak dikenal buku aturan dilaporkan dalam keputusan.",
            'Id of the rulebook provision this sanction was imposed for, e.g. "pp94.pasal5.n.2". The same provision as one '
            "breached now means the same nature; an id the rulebook does not know is reported in the decision.",
        ),
    )


class Respondent(Model):
    """Responden: orang yang dilaporkan atau diduga melanggar netralitas.

    Respondent: the person reported or suspected of breaching neutrality."""

    model_config = ConfigDict(title="Responden / Respondent")

    status_kepegawaian: StatusKepegawaian | None = described(
        Text("Status kepegawaian", "Employment status"),
        Text(
            "Status kepegawaian pada tanggal tindakan. Status bukan ASN (honorer, kepala desa, …) membuat perkara berada di luar "
            "lingkup aturan ASN.",
            "Employment status on the date of the acts. A non-ASN status (honorer, village head, …) puts the case outside the "
            "scope of the ASN rules.",
        ),
    )
    jenis_jabatan: JenisJabatan | None = described(
        Text("Jenis jabatan", "Kind of position"),
        Text("Jenis jabatan ASN responden.", "Kind of the respondent's ASN position."),
    )
    jabatan: StrictStr | None = described(
        Text("Jabatan", "Position"),
        Text(
            'Nama jabatan, misalnya "Guru Ahli Pertama", "Camat", "Lurah", "Kepala Sekolah".',
            'Name of the position, e.g. "Guru Ahli Pertama" (teacher), "Camat" (sub-district head), "Lurah", "Kepala Sekolah".',
        ),
    )
    pejabat_struktural: StrictBool | None = described(
        Text("Pejabat struktural", "Structural official"),
        Text(
            "Benar jika responden memangku jabatan struktural (UU 7/2017 Pasal 282, 283).",
            "True if the respondent holds a structural (management) position (UU 7/2017 Pasal 282, 283).",
        ),
    )
    pejabat_asn: StrictBool | None = described(
        Text("Pejabat ASN", "ASN official"),
        Text(
            "Benar jika pengawas menilai responden sebagai pejabat aparatur sipil negara "
            "dalam arti UU 10/2016 Pasal 71 ayat (1).",
            "True if the supervisor finds the respondent to be an ASN official in the sense of UU 10/2016 Pasal 71 ayat (1).",
        ),
    )
    anggota_tim_kampanye: StrictBool | None = described(
        Text("Anggota tim kampanye terdaftar", "Member of a registered campaign team"),
        Text(
            "Benar jika responden terdaftar sebagai pelaksana atau anggota tim kampanye (UU 7/2017 Pasal 280 ayat (3)).",
            "True if the respondent is registered as a campaign implementer or campaign team member (UU 7/2017 Pasal 280(3)).",
        ),
    )
    petahana: StrictBool | None = described(
        Text("Petahana", "Incumbent"),
        Text(
            "Benar jika responden adalah kepala daerah petahana yang menjadi calon dalam pemilihan yang dinilai "
            "(UU 10/2016 Pasal 71 ayat (5)).",
            "True if the respondent is the incumbent regional head standing as a candidate in the election concerned "
            "(UU 10/2016 Pasal 71(5)).",
        ),
    )
    akhir_masa_jabatan: Date | None = described(
        Text("Akhir masa jabatan", "End of term"),
        Text(
            "Hari terakhir masa jabatan kepala daerah; akhir larangan penggantian pejabat (UU 10/2016 Pasal 71 ayat (2)).",
            "Last day of the regional head's term of office; the end of the ban on replacing officials (UU 10/2016 Pasal 71(2)).",
        ),
    )
    sanksi_sebelumnya: list[PriorSanction] | None = described(
        Text("Sanksi sebelumnya", "Prior sanctions"),
        Text(
            "Hukuman disiplin yang pernah dijatuhkan. Daftar kosong berarti diketahui tidak pernah dihukum; null berarti tidak "
            "diketahui.",
            "Disciplinary sanctions imposed before. An empty list means known never to have been sanctioned; null means unknown.",
        ),
    )
    instansi: StrictStr | None = described(
        Text("Instansi atau unit kerja", "Agency or work unit"),
        Text(
            'Instansi atau unit kerja responden, misalnya "SD Negeri 3 Contoh, Dinas Pendidikan Kabupaten Contoh".',
            'The respondent\'s agency or work unit, e.g. "SD Negeri 3 Contoh, Dinas Pendidikan Kabupaten Contoh".',
        ),
        need="optional",
    )
