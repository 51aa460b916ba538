"""The election and its key dates (fact root `pemilu`)."""

from __future__ import annotations

import itertools
from typing import Self

from pydantic import ConfigDict, StrictStr, model_validator

from netralrules.diagnostics.text import Text
from netralrules.facts.fields import Date, JenisPemilu, Model, Relative, described, problems_error

# ---- the election --------------------------------------------------------------------------------

# The order of an election's stages: registration, penetapan of the
# candidates, the campaign, voting, then penetapan of the winner. Only known dates are compared.
_ELECTION_STAGES = (
    ("tanggal_pendaftaran", "pendaftaran calon", "candidate registration"),
    ("tanggal_penetapan", "penetapan calon", "penetapan of the candidates"),
    ("kampanye_mulai", "awal masa kampanye", "start of the campaign"),
    ("kampanye_selesai", "akhir masa kampanye", "end of the campaign"),
    ("tanggal_pemungutan", "pemungutan suara", "voting day"),
    ("tanggal_penetapan_terpilih", "penetapan calon terpilih", "penetapan of the winner"),
)


class Election(Model):
    """Pemilu atau pemilihan (Pilkada) yang berkaitan dengan perkara, dengan tanggal-tanggal kuncinya.

    The national or regional election the case relates to, with its key dates."""

    model_config = ConfigDict(title="Pemilu / Election")

    jenis: JenisPemilu | None = described(
        Text("Jenis pemilu", "Kind of election"), Text("Jenis pemilu atau pemilihan.", "Kind of election.")
    )
    tanggal_pendaftaran: Date | None = described(
        Text("Tanggal pendaftaran calon", "Candidate registration date"),
        Text(
            "Hari pertama pendaftaran (bakal) calon di KPU.",
            "First day of registration of (prospective) candidates with the KPU.",
        ),
    )
    tanggal_penetapan: Date | None = described(
        Text("Tanggal penetapan calon", "Date candidates are set"),
        Text(
            "Tanggal KPU menetapkan calon atau pasangan calon. Sebelum tanggal ini yang ada baru bakal calon.",
            "Date the KPU formally sets the candidates. Before it there are only prospective candidates, bakal calon.",
        ),
    )
    kampanye_mulai: Date | None = described(
        Text("Awal masa kampanye", "Campaign start"),
        Text("Hari pertama masa kampanye (termasuk).", "First day of the campaign period (inclusive)."),
    )
    kampanye_selesai: Date | None = described(
        Text("Akhir masa kampanye", "Campaign end"),
        Text(
            "Hari terakhir masa kampanye (termasuk); tidak boleh sebelum awal masa kampanye.",
            "Last day of the campaign period (inclusive); may not be before the campaign start.",
        ),
    )
    tanggal_pemungutan: Date | None = described(
        Text("Tanggal pemungutan suara", "Voting day"), Text("Hari pemungutan suara.", "Voting day.")
    )
    tanggal_penetapan_terpilih: Date | None = described(
        Text("Tanggal penetapan calon terpilih", "Date the winner is set"),
        Text(
            "Tanggal penetapan pasangan calon terpilih; akhir larangan UU 10/2016 Pasal 71 ayat (3).",
            "Date the elected pair is formally set; the end of the ban in UU 10/2016 Pasal 71(3).",
        ),
    )
    nama: StrictStr | None = described(
        Text("Nama pemilihan", "Name of the election"),
        Text(
            'Nama untuk dibaca manusia, misalnya "Pemilihan Bupati dan Wakil Bupati Contoh 2024".',
            'Human-readable name, e.g. "Pemilihan Bupati dan Wakil Bupati Contoh 2024".',
        ),
        need="optional",
    )
    wilayah: StrictStr | None = described(
        Text("Wilayah pemilihan", "Electoral region"),
        Text(
            "Provinsi, kabupaten atau kota tempat pemilihan berlangsung (UU 10/2016 Pasal 71 ayat (3) menyebut daerah sendiri "
            "maupun daerah lain).",
            "Province, regency or city where the election takes place "
            "(UU 10/2016 Pasal 71(3) covers one's own region and others).",
        ),
    )

    @model_validator(mode="after")
    def _stages_in_order(self) -> Self:
        known = [(name, id_, en, getattr(self, name)) for name, id_, en in _ELECTION_STAGES if getattr(self, name) is not None]
        problems = [
            Relative(
                (later,),
                "E0409",
                f"{later_id} ({later_date}) lebih awal daripada {earlier_id} (`{earlier}`, {earlier_date})",
                f"{later_en} ({later_date}) is before the {earlier_en} (`{earlier}`, {earlier_date})",
            )
            for (earlier, earlier_id, earlier_en, earlier_date), (later, later_id, later_en, later_date) in itertools.pairwise(
                known
            )
            if later_date < earlier_date
        ]
        if problems:
            raise problems_error(problems)
        return self


class NamedElection(Election):
    """Satu dari beberapa pemilu dalam satu perkara (pemilu serentak), dengan pengenalnya.

    One of several elections of one incident (simultaneous elections), with its id."""

    model_config = ConfigDict(title="Pemilu bernama / Named election")

    id: StrictStr = described(
        Text("Pengenal pemilu", "Election id"),
        Text(
            'Pengenal pemilu dalam perkara ini, misalnya "pileg2024" atau "pilpres2024"; setiap tindakan menyebut pemilu yang '
            "berkaitan dengan pengenal ini (`tindakan[].pemilu`). Wajib, tidak boleh kosong, unik dalam perkara.",
            'The id of the election within this incident, e.g. "pileg2024" or "pilpres2024"; each act names the election it '
            "concerns by this id (`tindakan[].pemilu`). Required, not empty, unique within the incident.",
        ),
        need="required",
        min_length=1,
    )
