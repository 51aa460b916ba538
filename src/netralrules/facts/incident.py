"""The incident: the public input contract for other systems (pydantic models → JSON Schema).

Field names are the fact names of `schema.py` (`responden.status_kepegawaian`,
`tindakan.fasilitas_negara`, …), so the rules and the incidents speak one vocabulary; enum values
come from `schema.py` itself. Every fact except `id`, `tindakan[].jenis` and `tindakan[].tanggal`
may be unknown: absent or `null`, never defaulted to false. `Incident.fact` reads a fact by the
path the checker resolved. `loading.load_incident` turns any bad input into one `IncidentError`.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Self, TypeAlias

from pydantic import BaseModel, BeforeValidator, ConfigDict, StrictStr, model_validator
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue

from netralrules.diagnostics.text import Text
from netralrules.facts.act import Act, Evidence
from netralrules.facts.election import Election, NamedElection
from netralrules.facts.fields import Date, Model, Relative, described, none_to_empty, nullable_ref, problems_error
from netralrules.facts.respondent import PriorSanction, Respondent
from netralrules.values import UNKNOWN, Unknown

FactValue: TypeAlias = "bool | str | datetime.date | Unknown | list[dict[str, FactValue]]"
"""A fact as the rules see it: dates as `datetime.date`, enum values as plain `str`, lists of
records as lists of dicts (an unknown item field is `UNKNOWN`), and `UNKNOWN` for a fact nobody
established."""

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# The most acts one incident may hold (E0414). A report lists acts one by one; past a thousand, the
# case is several incidents. `docs/reliability.md` states the time and memory of the largest.
MAX_ACTS = 1000
# `pemilu` has two forms: one election object (the old form) or a list of named elections
# (simultaneous elections). `translate.py` keeps only the errors of the form that was given.
Elections: TypeAlias = Election | list[NamedElection]


class Incident(Model):
    """Perkara dugaan pelanggaran netralitas ASN: responden, pemilu, dan satu atau lebih tindakan.

    A suspected breach of ASN neutrality: the respondent, the election, and one or more acts."""

    model_config = ConfigDict(title="Perkara / Incident")

    id: StrictStr = described(
        Text("Nomor perkara", "Incident id"),
        Text(
            "Pengenal perkara dari sistem pengirim, misalnya nomor register laporan. Wajib, tidak boleh kosong.",
            "Identifier given by the sending system, e.g. the report's register number. Required, not empty.",
        ),
        need="required",
        min_length=1,
    )
    responden: Annotated[Respondent, BeforeValidator(none_to_empty)] = described(
        Text("Responden", "Respondent"),
        Text(
            "Orang yang dilaporkan. Jika dihilangkan atau null, semua fakta responden tidak diketahui.",
            "The person reported. If left out or null, every respondent fact is unknown.",
        ),
        need="plain",
        default_factory=Respondent,
        json_schema_extra=nullable_ref,
    )
    pemilu: Annotated[Elections, BeforeValidator(none_to_empty)] = described(
        Text("Pemilu", "Election"),
        Text(
            "Pemilu atau pemilihan yang berkaitan: satu objek, atau daftar pemilu bila perkara menyangkut beberapa pemilu "
            "(pemilu serentak), masing-masing dengan `id` yang unik; setiap tindakan lalu menyebut pemilunya "
            "(`tindakan[].pemilu`). Jika dihilangkan atau null, semua fakta pemilu tidak diketahui (misalnya perkara "
            "keanggotaan partai politik tanpa pemilu tertentu).",
            "The election concerned: one object, or a list of elections when the incident concerns several (simultaneous "
            "elections), each with a unique `id`; each act then names its election (`tindakan[].pemilu`). If left out or "
            "null, every election fact is unknown (e.g. a party-membership case not tied to an election).",
        ),
        need="plain",
        default_factory=Election,
        json_schema_extra=nullable_ref,
    )
    tindakan: list[Act] = described(
        Text("Tindakan", "Acts"),
        Text(
            "Perbuatan yang dinilai, paling sedikit satu dan paling banyak 1.000. Setiap tindakan dinilai sendiri-sendiri "
            "dengan hukum yang berlaku pada tanggalnya; dalam aturan, tindakan yang sedang dinilai dibaca sebagai `tindakan.*`.",
            "The acts under evaluation, at least one and at most 1,000. Each act is evaluated on its own, under the law in "
            "force on its date; in the rules, the act being evaluated is read as `tindakan.*`.",
        ),
        need="required",
        min_length=1,
        max_length=MAX_ACTS,
    )
    pelapor: StrictStr | None = described(
        Text("Pelapor", "Reporter"),
        Text(
            'Siapa yang melaporkan atau menemukan, misalnya "Bawaslu Kabupaten Contoh" atau "masyarakat".',
            'Who reported or found the case, e.g. "Bawaslu Kabupaten Contoh" or "masyarakat" (a member of the public).',
        ),
        need="optional",
    )
    tanggal_laporan: Date | None = described(
        Text("Tanggal laporan", "Date of the report"),
        Text(
            "Tanggal laporan atau temuan diterima (atau perkara dinilai). Menentukan lembaga pengawas yang menerima "
            "penerusan perkara (KASN atau BKN). Jika tidak diisi, dipakai tanggal tindakan "
            "terakhir, dan keputusan menyebutkannya.",
            "Date the report or finding was received (or the case assessed). It selects the supervisory body the case is "
            "referred to (KASN or BKN). If left out, the date of the last act is used, and the "
            "decision says so.",
        ),
        need="optional",
    )
    catatan: StrictStr | None = described(
        Text("Catatan", "Notes"), Text("Catatan bebas tentang perkara.", "Free-text notes about the case."), need="optional"
    )

    @model_validator(mode="after")
    def _cross_checks(self) -> Self:
        # One validator, so that every cross-field problem is reported at once.
        problems = [*self._sanctions_after_acts(), *self._acts_without_election()]
        if problems:
            raise problems_error(problems)
        return self

    def _sanctions_after_acts(self) -> list[Relative]:
        # A sanction dated between two acts is a real prior sanction for the later act (recidivism);
        # one dated after every act is a prior sanction of nothing here: a data error.
        last_act = max(act.tanggal for act in self.tindakan)
        return [
            Relative(
                ("responden", "sanksi_sebelumnya", index, "tanggal"),
                "E0410",
                f"sanksi sebelumnya bertanggal {sanction.tanggal}, sesudah tindakan terakhir ({last_act})",
                f"prior sanction dated {sanction.tanggal}, after the last act ({last_act})",
            )
            for index, sanction in enumerate(self.responden.sanksi_sebelumnya or ())
            if sanction.tanggal is not None and sanction.tanggal > last_act
        ]

    def _acts_without_election(self) -> list[Relative]:
        # The rule of ids (docs/incident.md §3.2): with one election an act needs no id; with a list
        # of several, each act names one of them. An id that names no election is an error too.
        elections = self.pemilu
        if not isinstance(elections, list):
            return [
                Relative(
                    ("tindakan", i, "pemilu"),
                    "E0417",
                    f"pemilu `{act.pemilu}` tidak ada: `pemilu` perkara bukan daftar pemilu dengan `id`; hilangkan `pemilu` "
                    "tindakan ini, atau tulis `pemilu` perkara sebagai daftar pemilu dengan `id`",
                    f"no election `{act.pemilu}`: the incident's `pemilu` is not a list of elections with ids; leave out "
                    "this act's `pemilu`, or write the incident's `pemilu` as a list of elections with ids",
                )
                for i, act in enumerate(self.tindakan)
                if act.pemilu is not None
            ]
        if not elections:
            return [
                Relative(
                    ("pemilu",),
                    "E0419",
                    "daftar pemilu kosong: tulis paling sedikit satu pemilu, atau hilangkan `pemilu` bila tidak diketahui",
                    "the list of elections is empty: give at least one election, or leave `pemilu` out when it is unknown",
                )
            ]
        problems: list[Relative] = []
        first: dict[str, int] = {}
        for j, election in enumerate(elections):
            if election.id in first:
                problems.append(
                    Relative(
                        ("pemilu", j, "id"),
                        "E0418",
                        f"pengenal pemilu `{election.id}` sudah dipakai oleh pemilu[{first[election.id]}]",
                        f"election id `{election.id}` is already used by pemilu[{first[election.id]}]",
                    )
                )
            else:
                first[election.id] = j
        names = [f"`{e}`" for e in first]
        listed = ", ".join(names[:10]) + (", …" if len(names) > 10 else "")  # a message stays short
        for i, act in enumerate(self.tindakan):
            if act.pemilu is None and len(elections) > 1:
                problems.append(
                    Relative(
                        ("tindakan", i, "pemilu"),
                        "E0416",
                        f"perkara memuat {len(elections)} pemilu: sebutkan pemilu tindakan ini dengan `pemilu` ({listed})",
                        f"the incident has {len(elections)} elections: name this act's election with `pemilu` ({listed})",
                    )
                )
            elif act.pemilu is not None and act.pemilu not in first:
                problems.append(
                    Relative(
                        ("tindakan", i, "pemilu"),
                        "E0417",
                        f"pemilu `{act.pemilu}` tidak ada dalam daftar pemilu perkara ({listed})",
                        f"no election `{act.pemilu}` in the incident's list of elections ({listed})",
                    )
                )
        return problems

    @property
    def incident_id(self) -> str:
        """The incident's id (the name the evaluator's `IncidentFacts` protocol uses)."""
        return self.id

    @property
    def report_date(self) -> datetime.date | None:
        """The date of the report (`tanggal_laporan`), if given: it selects the supervisory body."""
        return self.tanggal_laporan

    @property
    def act_dates(self) -> tuple[datetime.date, ...]:
        """The date of each act, in order: the law in force is chosen per act from these."""
        return tuple(act.tanggal for act in self.tindakan)

    def election_of(self, act_index: int) -> Election:
        """The election act `act_index` concerns: the incident's one election, or the one its
        `pemilu` id names in the list (the only one when the list has one)."""
        elections = self.pemilu
        if not isinstance(elections, list):
            return elections
        if not 0 <= act_index < len(self.tindakan):
            raise IndexError(f"act_index {act_index} out of range for {len(self.tindakan)} act(s)")
        wanted = self.tindakan[act_index].pemilu
        if wanted is None:
            return elections[0]  # validation allows no id only with one election
        return next(e for e in elections if e.id == wanted)

    @property
    def act_elections(self) -> tuple[tuple[str, str | None], ...]:
        """Per act, the id and name of its election when the incident lists several elections;
        empty otherwise (one election: the decision does not name it, and stays as it was)."""
        elections = self.pemilu
        if not isinstance(elections, list) or len(elections) < 2:
            return ()
        out = []
        for i in range(len(self.tindakan)):
            election = self.election_of(i)
            assert isinstance(election, NamedElection)
            out.append((election.id, election.nama))
        return tuple(out)

    def fact(self, path: tuple[str, ...], act_index: int) -> FactValue:
        """The value of a fact exactly as the rules see it, or `UNKNOWN`.

        `path` is a checked fact path such as `("responden", "status_kepegawaian")` or
        `("tindakan", "jam_kerja")`; `act_index` picks the act that `tindakan.*` means. A path that
        names no field raises `KeyError`, an act index out of range `IndexError`: both are bugs of the
        caller, not bad input.
        """
        # Hot: the evaluator reads every fact it needs through here. The models' `__dict__` holds
        # exactly their fields (extra fields are forbidden), so one dict lookup both finds the value
        # and rejects a name that is no field, without pydantic's `model_fields`.
        if len(path) != 2:
            raise KeyError(path)
        root, name = path
        if root == "tindakan":
            acts = self.tindakan
            if not 0 <= act_index < len(acts):
                raise IndexError(f"act_index {act_index} out of range for {len(acts)} act(s)")
            values = acts[act_index].__dict__
        elif root == "responden":
            values = self.responden.__dict__
        elif root == "pemilu":
            elections = self.pemilu
            values = (self.election_of(act_index) if isinstance(elections, list) else elections).__dict__
        else:
            raise KeyError(path)
        try:
            value = values[name]
        except KeyError:
            raise KeyError(path) from None
        if value is None:
            return UNKNOWN
        if type(value) in _PLAIN:
            return value  # type: ignore[no-any-return]
        return _as_fact(value)


# The types of most facts, returned as they are (`_as_fact` checks the others, subclasses included).
_PLAIN = frozenset({bool, str, datetime.date})


def _as_fact(value: object) -> FactValue:
    if value is None:
        return UNKNOWN
    if isinstance(value, bool | str | datetime.date):
        return value
    if isinstance(value, list):
        return [_as_record(item) for item in value]
    raise TypeError(f"no fact representation for {type(value).__name__}")  # a new field type: extend this


def _as_record(item: object) -> dict[str, FactValue]:
    if not isinstance(item, BaseModel):
        raise TypeError(f"no fact representation for list item {type(item).__name__}")
    return {name: _as_fact(value) for name, value in item.__dict__.items()}


class _BilingualSchema(GenerateJsonSchema):
    # Pydantic drops a field's title when it equals the title of the definition it refers to
    # (`tindakan[].jenis` → `jenis_tindakan`); keep it, so every field documents itself.
    def handle_ref_overrides(self, json_schema: JsonSchemaValue) -> JsonSchemaValue:
        return json_schema


def incident_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an incident, with bilingual titles and descriptions."""
    return {"$schema": JSON_SCHEMA_DIALECT, **Incident.model_json_schema(schema_generator=_BilingualSchema)}


__all__ = [
    "UNKNOWN",
    "Act",
    "Election",
    "Evidence",
    "FactValue",
    "Incident",
    "NamedElection",
    "PriorSanction",
    "Respondent",
    "Unknown",
    "incident_json_schema",
]
