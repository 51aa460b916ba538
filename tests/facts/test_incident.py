"""The incident contract: loading, unknowns, `Incident.fact`, validation problems, JSON Schema, and
the link to `schema.py` (so the rules and the incidents cannot drift apart)."""

from __future__ import annotations

import copy
import datetime
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from netralrules import values
from netralrules.facts import (
    CODES,
    UNKNOWN,
    VOCABULARIES,
    Act,
    Election,
    Evidence,
    Incident,
    IncidentError,
    PriorSanction,
    Respondent,
    format_problems,
    incident_json_schema,
    load_incident,
    schema,
)
from netralrules.facts.errors import format_path

ROOT = Path(__file__).parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.*"))
DOC = ROOT / "docs" / "incident.md"
ROOT_MODELS: dict[str, type[Respondent] | type[Election] | type[Act]] = {
    "responden": Respondent,
    "pemilu": Election,
    "tindakan": Act,
}

# Fields of the contract that `schema.py` does not have (yet): the lead decides whether the rules
# may read them. Adding one is a deliberate change to this list.
EXTRA_FIELDS = {
    "responden": {"instansi"},
    "pemilu": {"nama", "wilayah"},
    # `pemilu`: the id of the act's election; `Incident.fact` resolves it, the rules never read it.
    "tindakan": {"calon", "jenis_pemilu_calon", "platform_media_sosial", "gestur", "uraian", "bukti", "pemilu"},
    "sanksi_sebelumnya": {"jenis_hukuman", "sifat_sama", "ketentuan"},
}


def minimal(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"id": "P-1", "tindakan": [{"tanggal": "2024-10-12", "jenis": "ikut_kampanye"}]}
    data.update(extra)
    return data


def full() -> dict[str, Any]:
    """Every field known, with one prior sanction and two acts."""
    return {
        "id": "P-FULL",
        "pelapor": "Bawaslu",
        "tanggal_laporan": "2024-11-05",
        "catatan": "uji",
        "responden": {
            "status_kepegawaian": "PNS",
            "jenis_jabatan": "fungsional",
            "jabatan": "Guru",
            "pejabat_struktural": False,
            "pejabat_asn": False,
            "anggota_tim_kampanye": False,
            "petahana": False,
            "akhir_masa_jabatan": "2026-02-20",
            "sanksi_sebelumnya": [
                {
                    "tanggal": "2022-03-01",
                    "tingkat": "ringan",
                    "sifat": "netralitas",
                    "jenis_hukuman": "teguran tertulis",
                    "sifat_sama": True,
                    "ketentuan": "pp94.pasal5.n.2",
                }
            ],
            "instansi": "SD Negeri 1",
        },
        "pemilu": {
            "jenis": "pilkada_bupati",
            "tanggal_pendaftaran": "2024-08-27",
            "tanggal_penetapan": "2024-09-22",
            "kampanye_mulai": "2024-09-25",
            "kampanye_selesai": "2024-11-23",
            "tanggal_pemungutan": "2024-11-27",
            "tanggal_penetapan_terpilih": "2024-12-10",
            "nama": "Pilkada Contoh",
            "wilayah": "Kabupaten Contoh",
        },
        "tindakan": [
            {
                "tanggal": "2024-10-12",
                "jenis": "ikut_kampanye",
                "atribut_partai": True,
                "atribut_pns": False,
                "mengerahkan_pns_lain": False,
                "fasilitas_negara": False,
                "persetujuan_tertulis_menteri": False,
                "dukungan_aktif": False,
                "simbol_keberpihakan": False,
                "calon_suami_atau_istri": False,
                "cuti_di_luar_tanggungan_negara": False,
                "pengunduran_diri": True,
                "tanggal_pengunduran_diri": "2024-09-01",
                "dampak": "instansi",
                "kewajiban_disangkakan": "pasal3_huruf_d",
                "menguntungkan_atau_merugikan_calon": False,
                "sasaran": "masyarakat",
                "dilakukan_sendiri": True,
                "jam_kerja": False,
                "sedang_cuti": False,
                "terverifikasi": True,
                "calon": "Paslon 1",
                "jenis_pemilu_calon": "pilkada_bupati",
                "platform_media_sosial": "facebook",
                "gestur": "dua jari",
                "uraian": "hadir kampanye",
                "bukti": [
                    {"sumber": "Panwaslu", "tautan": "https://contoh.invalid", "keterangan": "foto", "terverifikasi": True}
                ],
            },
            {"tanggal": "2024-11-01", "jenis": "unggah_media_sosial", "jam_kerja": True},
        ],
    }


def problems_of(data: object, **kwargs: Any) -> list[tuple[str, str]]:
    with pytest.raises(IncidentError) as caught:
        load_incident(data, **kwargs)  # type: ignore[arg-type]
    return [(p.path, p.code) for p in caught.value.problems]


# ---- loading ---------------------------------------------------------------------------------


def test_model_dict_json_and_yaml_give_the_same_incident() -> None:
    from_dict = load_incident(full())
    from_json = load_incident(json.dumps(full()))
    from_bytes = load_incident(json.dumps(full()).encode("utf-8"))
    from_yaml = load_incident(yaml.safe_dump(full(), allow_unicode=True))
    assert from_dict == from_json == from_bytes == from_yaml
    assert load_incident(from_dict) is from_dict


def test_yaml_dates_may_be_unquoted() -> None:
    text = "id: P-1\ntindakan:\n  - tanggal: 2024-10-12\n    jenis: ikut_kampanye\n"
    assert load_incident(text).tindakan[0].tanggal == datetime.date(2024, 10, 12)


def test_utf8_bom_and_leading_space_are_accepted() -> None:
    text = "\ufeff  \n" + json.dumps(minimal())
    assert load_incident(text).id == "P-1"
    assert load_incident(text.encode("utf-8")).id == "P-1"


def test_source_extension_picks_the_parser() -> None:
    flow_yaml = "{id: P-1, tindakan: [{tanggal: 2024-10-12, jenis: ikut_kampanye}]}"
    assert load_incident(flow_yaml, source="perkara.yaml").id == "P-1"
    assert problems_of(flow_yaml, source="perkara.json") == [("", "E0401")]
    assert problems_of(flow_yaml) == [("", "E0401")]  # starts with `{`: read as JSON


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_examples_load(path: Path) -> None:
    incident = load_incident(path.read_text(encoding="utf-8"), source=str(path))
    assert incident.tindakan


def test_there_are_three_examples_and_the_doc_shows_the_complete_one() -> None:
    assert {p.name for p in EXAMPLES} >= {
        "pns_kampanye_atribut_partai.json",
        "pns_suka_unggahan_fakta_belum_lengkap.yaml",
        "kepala_desa_tim_kampanye.json",
    }
    first_json_block = re.search(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert first_json_block is not None
    example = json.loads((ROOT / "examples" / "pns_kampanye_atribut_partai.json").read_text(encoding="utf-8"))
    assert json.loads(first_json_block.group(1)) == example


def test_complete_example_uses_every_field() -> None:
    example = json.loads((ROOT / "examples" / "pns_kampanye_atribut_partai.json").read_text(encoding="utf-8"))
    assert set(example) == set(Incident.model_fields)
    assert set(example["responden"]) == set(Respondent.model_fields)
    assert set(example["pemilu"]) == set(Election.model_fields)
    # The act's election id (`pemilu`) belongs to an incident with several elections: the example
    # of simultaneous elections (pns_pemilu_serentak_2024.json) shows it.
    assert set(example["tindakan"][0]) == set(Act.model_fields) - {"pemilu"}
    assert set(example["tindakan"][0]["bukti"][0]) == set(Evidence.model_fields)


# ---- unknowns --------------------------------------------------------------------------------


def test_absent_and_null_are_unknown_false_is_false() -> None:
    absent = load_incident(minimal())
    null = load_incident(minimal(tindakan=[{"tanggal": "2024-10-12", "jenis": "ikut_kampanye", "jam_kerja": None}]))
    false = load_incident(minimal(tindakan=[{"tanggal": "2024-10-12", "jenis": "ikut_kampanye", "jam_kerja": False}]))
    assert absent.fact(("tindakan", "jam_kerja"), 0) is UNKNOWN
    assert null.fact(("tindakan", "jam_kerja"), 0) is UNKNOWN
    assert false.fact(("tindakan", "jam_kerja"), 0) is False


def test_unknown_has_no_truth_value() -> None:
    with pytest.raises(TypeError):
        bool(UNKNOWN)
    assert repr(UNKNOWN) == "UNKNOWN"
    assert copy.deepcopy(UNKNOWN) is UNKNOWN
    assert UNKNOWN is values.UNKNOWN  # the sentinel the evaluator tests for


def test_missing_or_null_respondent_and_election_are_all_unknown() -> None:
    for incident in (load_incident(minimal()), load_incident(minimal(responden=None, pemilu=None))):
        assert incident.responden == Respondent()
        assert incident.fact(("responden", "status_kepegawaian"), 0) is UNKNOWN
        assert incident.fact(("pemilu", "kampanye_mulai"), 0) is UNKNOWN


def test_empty_sanction_list_is_known_none_null_is_unknown() -> None:
    assert load_incident(minimal(responden={"sanksi_sebelumnya": []})).fact(("responden", "sanksi_sebelumnya"), 0) == []
    assert load_incident(minimal(responden={"sanksi_sebelumnya": None})).fact(("responden", "sanksi_sebelumnya"), 0) is UNKNOWN


# ---- Incident.fact ---------------------------------------------------------------------------


def test_fact_reads_each_root_as_the_rules_see_it() -> None:
    incident = load_incident(full())
    assert incident.fact(("responden", "status_kepegawaian"), 0) == "PNS"
    assert type(incident.fact(("responden", "status_kepegawaian"), 0)) is str
    assert incident.fact(("pemilu", "tanggal_penetapan"), 0) == datetime.date(2024, 9, 22)
    assert incident.fact(("tindakan", "atribut_partai"), 0) is True
    assert incident.fact(("tindakan", "jenis"), 1) == "unggah_media_sosial"
    assert incident.fact(("tindakan", "jam_kerja"), 1) is True
    assert incident.fact(("tindakan", "atribut_partai"), 1) is UNKNOWN
    assert incident.fact(("responden", "sanksi_sebelumnya"), 0) == [
        {
            "tanggal": datetime.date(2022, 3, 1),
            "tingkat": "ringan",
            "sifat": "netralitas",
            "jenis_hukuman": "teguran tertulis",
            "sifat_sama": True,
            "ketentuan": "pp94.pasal5.n.2",
        }
    ]


def test_incident_offers_what_the_evaluator_reads() -> None:
    incident = load_incident(full())
    assert incident.incident_id == "P-FULL"
    assert incident.act_dates == (datetime.date(2024, 10, 12), datetime.date(2024, 11, 1))


def test_fact_marks_unknown_fields_inside_list_items() -> None:
    incident = load_incident(minimal(responden={"sanksi_sebelumnya": [{"tingkat": "sedang"}]}))
    assert incident.fact(("responden", "sanksi_sebelumnya"), 0) == [
        {
            "tanggal": UNKNOWN,
            "tingkat": "sedang",
            "sifat": UNKNOWN,
            "jenis_hukuman": UNKNOWN,
            "sifat_sama": UNKNOWN,
            "ketentuan": UNKNOWN,
        }
    ]


def test_fact_returns_fresh_lists() -> None:
    incident = load_incident(full())
    first = incident.fact(("responden", "sanksi_sebelumnya"), 0)
    assert isinstance(first, list)
    first.clear()
    assert incident.fact(("responden", "sanksi_sebelumnya"), 0) != []


def _reference_fact(incident: Incident, path: tuple[str, str], act_index: int) -> object:
    """`Incident.fact` as it was written first: each field through pydantic's `model_fields`."""

    def as_fact(value: object) -> object:
        if value is None:
            return UNKNOWN
        if isinstance(value, list):
            return [{name: as_fact(getattr(item, name)) for name in type(item).model_fields} for item in value]
        return value

    root, name = path
    holder = {
        "responden": incident.responden,
        "pemilu": incident.election_of(act_index),
        "tindakan": incident.tindakan[act_index],
    }[root]
    if name not in type(holder).model_fields:
        raise KeyError(path)
    return as_fact(getattr(holder, name))


def _elections() -> dict[str, Any]:
    data = full()
    data["pemilu"] = [
        {"id": "pileg", "jenis": "pemilu_dprd", "kampanye_mulai": "2023-11-28"},
        {"id": "pilkada", **data["pemilu"]},
    ]
    data["tindakan"][0]["pemilu"] = "pilkada"
    data["tindakan"][1]["pemilu"] = "pileg"
    return data


@pytest.mark.parametrize("data", [full(), minimal(), _elections()], ids=["full", "minimal", "two elections"])
def test_fact_reads_every_field_of_every_model_as_model_fields_does(data: dict[str, Any]) -> None:
    """`Incident.fact` reads a model's `__dict__` directly (fast); it must agree, value and type,
    with reading each of the model's `model_fields`, for every field of every root and act."""
    incident = load_incident(data)
    for root, model in ROOT_MODELS.items():
        for name in [*model.model_fields, "id", "nama_lengkap"]:
            for act in range(len(incident.tindakan)):
                try:
                    expected = _reference_fact(incident, (root, name), act)
                except KeyError:
                    with pytest.raises(KeyError):
                        incident.fact((root, name), act)
                    continue
                got = incident.fact((root, name), act)
                assert got == expected and type(got) is type(expected), (root, name, act)


def test_fact_reads_each_act_s_own_election() -> None:
    incident = load_incident(_elections())
    assert incident.fact(("pemilu", "kampanye_mulai"), 0) == datetime.date(2024, 9, 25)
    assert incident.fact(("pemilu", "kampanye_mulai"), 1) == datetime.date(2023, 11, 28)
    assert incident.fact(("pemilu", "tanggal_penetapan"), 1) is UNKNOWN


@pytest.mark.parametrize(
    "path",
    [("responden",), ("responden", "nama_lengkap"), ("saksi", "nama"), ("tindakan", "jenis", "x"), ()],
    ids=["root only", "unknown field", "unknown root", "too deep", "empty"],
)
def test_fact_rejects_paths_that_name_no_field(path: tuple[str, ...]) -> None:
    with pytest.raises(KeyError):
        load_incident(full()).fact(path, 0)


@pytest.mark.parametrize("index", [2, -1], ids=["past the end", "negative"])
def test_fact_rejects_act_index_out_of_range(index: int) -> None:
    with pytest.raises(IndexError):
        load_incident(full()).fact(("tindakan", "jenis"), index)


def _schema_paths() -> list[tuple[str, str, schema.Type]]:
    return [(root, name, kind) for root, record in schema.DEFAULT_SCHEMA.roots.items() for name, kind in record.fields]


@pytest.mark.parametrize("root,name,kind", _schema_paths(), ids=[f"{r}.{n}" for r, n, _ in _schema_paths()])
def test_every_schema_fact_can_be_read_with_its_type(root: str, name: str, kind: schema.Type) -> None:
    """The rules checker resolves these paths; the evaluator reads them through `Incident.fact`."""
    known = load_incident(full())
    value = known.fact((root, name), 0)
    _assert_has_type(value, kind)
    # Every fact except the act's date and kind may be unknown. The obligation charged is the
    # examiner's choice: left out it is `tidak_ada`, and only an explicit null makes it unknown.
    if (root, name) == ("tindakan", "kewajiban_disangkakan"):
        assert load_incident(minimal()).fact((root, name), 0) == "tidak_ada"
        null_act = {"tanggal": "2024-10-12", "jenis": "ikut_kampanye", name: None}
        assert load_incident(minimal(tindakan=[null_act])).fact((root, name), 0) is UNKNOWN
    elif (root, name) not in {("tindakan", "tanggal"), ("tindakan", "jenis")}:
        assert load_incident(minimal()).fact((root, name), 0) is UNKNOWN


def _assert_has_type(value: object, kind: schema.Type) -> None:
    match kind.kind:
        case "bool":
            assert isinstance(value, bool)
        case "date":
            assert isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
        case "string":
            assert isinstance(value, str)
        case "enum":
            assert isinstance(value, str) and value in kind.values
        case "list":
            assert isinstance(value, list) and value and kind.item is not None
            for item in value:
                assert isinstance(item, dict)
                assert kind.item.fields and {n for n, _ in kind.item.fields} <= set(item)
                for field_name, field_type in kind.item.fields:
                    _assert_has_type(item[field_name], field_type)
        case other:
            pytest.fail(f"schema.py has a fact kind the incident model does not know: {other}")


def test_model_fields_are_the_schema_facts_plus_the_listed_extras() -> None:
    for root, record in schema.DEFAULT_SCHEMA.roots.items():
        names = {name for name, _ in record.fields}
        assert set(ROOT_MODELS[root].model_fields) == names | EXTRA_FIELDS[root], root
    sanction = schema.SANKSI_SEBELUMNYA
    assert set(PriorSanction.model_fields) == {n for n, _ in sanction.fields} | EXTRA_FIELDS["sanksi_sebelumnya"]


def _enum_types() -> dict[str, schema.Type]:
    found: dict[str, schema.Type] = {}

    def visit(kind: schema.Type) -> None:
        if kind.kind == "enum":
            found[kind.name] = kind
        for _, child in kind.fields:
            visit(child)
        if kind.item is not None:
            visit(kind.item)

    for record in schema.DEFAULT_SCHEMA.roots.values():
        visit(record)
    return found


def test_json_schema_enums_are_exactly_the_schema_enums() -> None:
    defs = incident_json_schema()["$defs"]
    for name, kind in _enum_types().items():
        assert defs[name]["enum"] == list(kind.values), name


def test_every_enum_value_has_a_meaning_in_both_languages() -> None:
    enums = _enum_types()
    assert set(VOCABULARIES) == set(enums)
    for name, kind in enums.items():
        meanings = VOCABULARIES[name].meanings
        assert list(meanings) == list(kind.values), name
        assert all(text.id and text.en for text in meanings.values())


# ---- the JSON Schema -------------------------------------------------------------------------


def test_json_schema_documents_every_field_in_both_languages() -> None:
    document = incident_json_schema()
    assert document["$schema"].startswith("https://json-schema.org/draft/2020-12")
    json.dumps(document)  # plain JSON
    objects = [document, *(d for d in document["$defs"].values() if d.get("type") == "object")]
    assert len(objects) == 7  # with NamedElection, an item of the list form of `pemilu`
    for obj in objects:
        assert " / " in obj["title"] and "\n\n" in obj["description"], obj["title"]
        assert obj["additionalProperties"] is False
        for name, prop in obj["properties"].items():
            title, description = prop.get("title", ""), prop.get("description", "")
            assert " / " in title, f"{obj['title']}.{name} has no bilingual title"
            id_text, _, en_text = description.partition("\n\n")
            assert id_text and en_text, f"{obj['title']}.{name} has no bilingual description"


def test_json_schema_says_which_fields_are_required_and_which_may_be_null() -> None:
    document = incident_json_schema()
    defs = document["$defs"]
    assert document["required"] == ["id", "tindakan"]
    assert defs["Act"]["required"] == ["tanggal", "jenis"]
    assert {"type": "null"} in document["properties"]["responden"]["anyOf"]
    assert {"type": "null"} in defs["Act"]["properties"]["jam_kerja"]["anyOf"]
    assert "anyOf" not in defs["Act"]["properties"]["jenis"]


# ---- validation problems -----------------------------------------------------------------------

ACT = {"tanggal": "2024-10-12", "jenis": "ikut_kampanye"}

NON_TEXT_KEY: dict[Any, Any] = {**minimal(), 5: "x"}
BAD_INPUTS = [
    ("wrong type: text for a boolean", minimal(tindakan=[{**ACT, "jam_kerja": "ya"}]), "tindakan[0].jam_kerja", "E0406"),
    ("wrong type: 0 for a boolean", minimal(tindakan=[{**ACT, "jam_kerja": 0}]), "tindakan[0].jam_kerja", "E0406"),
    ("wrong type: number for the id", {**minimal(), "id": 17}, "id", "E0406"),
    ("wrong type: object for a list", minimal(tindakan={"0": ACT}), "tindakan", "E0406"),
    (
        "wrong type: date and time",
        minimal(tindakan=[{**ACT, "tanggal": datetime.datetime(2024, 10, 12, 9)}]),
        "tindakan[0].tanggal",
        "E0406",
    ),
    ("unknown act kind", minimal(tindakan=[{**ACT, "jenis": "kampanye"}]), "tindakan[0].jenis", "E0407"),
    ("enum values are case-sensitive", minimal(responden={"status_kepegawaian": "pns"}), "responden.status_kepegawaian", "E0407"),
    ("impossible date", minimal(tindakan=[{**ACT, "tanggal": "2024-02-30"}]), "tindakan[0].tanggal", "E0408"),
    ("date not written YYYY-MM-DD", minimal(pemilu={"tanggal_penetapan": "22-09-2024"}), "pemilu.tanggal_penetapan", "E0408"),
    ("compact ISO date", minimal(pemilu={"tanggal_penetapan": "20240922"}), "pemilu.tanggal_penetapan", "E0408"),
    (
        "campaign end before start",
        minimal(pemilu={"kampanye_mulai": "2024-09-25", "kampanye_selesai": "2024-09-01"}),
        "pemilu.kampanye_selesai",
        "E0409",
    ),
    (
        "voting before the campaign ends, with a date unknown in between",
        minimal(pemilu={"kampanye_mulai": "2024-09-25", "tanggal_pemungutan": "2024-09-01"}),
        "pemilu.tanggal_pemungutan",
        "E0409",
    ),
    (
        "prior sanction dated after the act",
        minimal(responden={"sanksi_sebelumnya": [{"tanggal": "2025-01-01", "tingkat": "ringan"}]}),
        "responden.sanksi_sebelumnya[0].tanggal",
        "E0410",
    ),
    ("empty act list", minimal(tindakan=[]), "tindakan", "E0411"),
    ("no act list", {"id": "P-1"}, "tindakan", "E0404"),
    ("no act kind", minimal(tindakan=[{"tanggal": "2024-10-12"}]), "tindakan[0].jenis", "E0404"),
    ("null act date", minimal(tindakan=[{**ACT, "tanggal": None}]), "tindakan[0].tanggal", "E0404"),
    ("null act", minimal(tindakan=[None]), "tindakan[0]", "E0404"),
    ("null evidence source", minimal(tindakan=[{**ACT, "bukti": [{"sumber": None}]}]), "tindakan[0].bukti[0].sumber", "E0404"),
    ("unknown field in an act", minimal(tindakan=[{**ACT, "fasilitas": True}]), "tindakan[0].fasilitas", "E0405"),
    ("unknown top-level field", minimal(acts=[ACT]), "acts", "E0405"),
    ("English field name", minimal(responden={"employment_status": "PNS"}), "responden.employment_status", "E0405"),
    ("non-text key", NON_TEXT_KEY, "", "E0405"),
    ("empty id", {**minimal(), "id": ""}, "id", "E0412"),
]


@pytest.mark.parametrize("data,path,code", [case[1:] for case in BAD_INPUTS], ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_gives_its_path_and_code(data: dict[str, Any], path: str, code: str) -> None:
    assert problems_of(data) == [(path, code)]


def test_sanction_between_two_acts_is_a_real_prior_sanction() -> None:
    acts = [ACT, {"tanggal": "2025-03-01", "jenis": "ikut_kampanye"}]
    incident = load_incident(minimal(tindakan=acts, responden={"sanksi_sebelumnya": [{"tanggal": "2025-01-01"}]}))
    assert incident.fact(("responden", "sanksi_sebelumnya"), 1) != []


def test_every_problem_is_reported_not_just_the_first() -> None:
    data = {
        "id": "",
        "responden": {"pejabat_struktural": "ya", "jabatn": "guru"},
        "pemilu": {"jenis": "pilkada"},
        "tindakan": [{"tanggal": "2024-13-01", "jenis": "ikut_kampanyee"}, {"jenis": "ajakan"}],
    }
    assert problems_of(data) == [
        ("id", "E0412"),
        ("responden.pejabat_struktural", "E0406"),
        ("responden.jabatn", "E0405"),
        ("pemilu.jenis", "E0407"),
        ("tindakan[0].tanggal", "E0408"),
        ("tindakan[0].jenis", "E0407"),
        ("tindakan[1].tanggal", "E0404"),
    ]


def test_messages_suggest_the_nearest_name_in_both_languages() -> None:
    with pytest.raises(IncidentError) as caught:
        load_incident(minimal(tindakan=[{**ACT, "jenis": "ikut_kampanyee", "fasilitas": True}]))
    by_path = {p.path: p.message for p in caught.value.problems}
    assert "maksud Anda `ikut_kampanye`?" in by_path["tindakan[0].jenis"].id
    assert "did you mean `ikut_kampanye`?" in by_path["tindakan[0].jenis"].en
    assert "`fasilitas_negara`" in by_path["tindakan[0].fasilitas"].id
    text = str(caught.value)
    assert text.startswith("<input>: 2 masalah") and "tindakan[0].jenis:" in text
    assert format_problems(caught.value.problems, lang="en").startswith("<input>: 2 problem(s)")


def test_campaign_message_names_both_dates() -> None:
    with pytest.raises(IncidentError) as caught:
        load_incident(minimal(pemilu={"kampanye_mulai": "2024-09-25", "kampanye_selesai": "2024-09-01"}))
    message = caught.value.problems[0].message
    assert "2024-09-01" in message.id and "2024-09-25" in message.id
    assert "is before" in message.en


# ---- malformed text ------------------------------------------------------------------------------


def test_malformed_json_gives_line_and_column() -> None:
    with pytest.raises(IncidentError) as caught:
        load_incident('{\n  "id": "P-1",\n  "tindakan": [\n}', source="perkara.json")
    (found,) = caught.value.problems
    assert (found.code, found.line, found.column) == ("E0401", 4, 1)
    assert caught.value.source == "perkara.json"
    assert "baris 4, kolom 1" in found.describe("id") and "line 4, column 1" in found.describe("en")


def test_malformed_yaml_gives_line_and_column() -> None:
    with pytest.raises(IncidentError) as caught:
        load_incident("id: P-1\ntindakan:\n  - tanggal: [2024-10-12\n    jenis: ikut_kampanye\n")
    (found,) = caught.value.problems
    assert found.code == "E0401" and found.line is not None and found.column is not None


def test_impossible_unquoted_yaml_date_is_located() -> None:
    # PyYAML turns `2024-02-30` into a date and fails inside safe_load: still our error, with a path.
    with pytest.raises(IncidentError) as caught:
        load_incident("id: P-1\ntindakan:\n  - tanggal: 2024-02-30\n    jenis: ikut_kampanye\n")
    (found,) = caught.value.problems
    assert (found.path, found.code, found.line, found.column) == ("tindakan[0].tanggal", "E0408", 3, 14)


@pytest.mark.parametrize(
    "text,path",
    [
        ('{"id": "P-1", "id": "P-2", "tindakan": []}', "id"),
        ('{"id": "P-1", "tindakan": [{"jenis": "ajakan", "jenis": "seruan"}]}', "tindakan[0].jenis"),
        (
            "id: P-1\ntindakan:\n  - {tanggal: 2024-10-12, jenis: ajakan, jam_kerja: no, jam_kerja: yes}\n",
            "tindakan[0].jam_kerja",
        ),
    ],
    ids=["JSON top level", "JSON inside an act", "YAML inside an act"],
)
def test_duplicate_keys_are_rejected(text: str, path: str) -> None:
    assert problems_of(text) == [(path, "E0413")]


@pytest.mark.parametrize(
    "data",
    ["[1, 2]", "just text", "", "   ", "null", "42", b"[]", 42, None, [minimal()]],
    ids=["JSON list", "YAML scalar", "empty", "blank", "null", "number", "bytes list", "int", "None", "Python list"],
)
def test_top_level_must_be_an_object(data: object) -> None:
    assert problems_of(data) == [("", "E0403")]


def test_bytes_must_be_utf8() -> None:
    with pytest.raises(IncidentError) as caught:
        load_incident('{"id": "caf\xe9"}'.encode("latin-1"))
    (found,) = caught.value.problems
    assert found.code == "E0402" and "11" in found.message.id


def test_json_nested_too_deep_is_our_error() -> None:
    assert problems_of("[" * 100_000 + "]" * 100_000) == [("", "E0401")]


def test_yaml_nested_too_deep_is_our_error() -> None:
    assert problems_of("a: " + "[" * 10_000 + "]" * 10_000) == [("", "E0401")]


def test_format_path_quotes_odd_keys() -> None:
    assert format_path(("tindakan", 0, "bukti", 1, "sumber")) == "tindakan[0].bukti[1].sumber"
    assert format_path(("responden", "nama lengkap")) == 'responden["nama lengkap"]'
    assert format_path(()) == ""


# ---- every problem is well formed ----------------------------------------------------------------


def _check_error(error: IncidentError) -> None:
    assert error.problems
    for found in error.problems:
        assert found.code in CODES
        assert isinstance(found.path, str)
        assert found.message.id and found.message.en


# ---- hypothesis: nothing but IncidentError -------------------------------------------------------

FIELD_NAMES = sorted(
    {name for model in (Incident, Respondent, PriorSanction, Election, Act, Evidence) for name in model.model_fields}
)
keys = st.sampled_from(FIELD_NAMES) | st.text(max_size=8)
scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | st.dates().map(str)
json_like = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=6),
    max_leaves=40,
)
enum_values = st.sampled_from(sorted({v for kind in _enum_types().values() for v in kind.values}))
act_like = st.dictionaries(
    st.sampled_from(sorted(Act.model_fields)) | keys,
    json_like | st.booleans() | enum_values | st.dates().map(str),
    max_size=8,
).map(lambda extra: {"tanggal": "2024-10-12", "jenis": "ikut_kampanye", **extra})
near_valid = st.fixed_dictionaries(
    {"id": st.text(min_size=1, max_size=5) | json_like, "tindakan": st.lists(act_like | json_like, max_size=3)},
    optional={
        "responden": st.dictionaries(st.sampled_from(sorted(Respondent.model_fields)), json_like | enum_values, max_size=5),
        "pemilu": st.dictionaries(st.sampled_from(sorted(Election.model_fields)), st.dates().map(str) | json_like, max_size=5),
        "catatan": json_like,
    },
)


def _load_or_our_error(data: object, **kwargs: Any) -> Incident | None:
    try:
        incident = load_incident(data, **kwargs)  # type: ignore[arg-type]
    except IncidentError as error:
        _check_error(error)
        return None
    for root, name, _ in _schema_paths():  # a valid incident can be read on every schema path
        for index in range(len(incident.tindakan)):
            incident.fact((root, name), index)
    return incident


@settings(max_examples=300, deadline=None)
@given(json_like)
def test_random_json_like_values_load_or_raise_incident_error(data: object) -> None:
    _load_or_our_error(data)


@settings(max_examples=200, deadline=None)
@given(near_valid)
def test_random_near_valid_incidents_load_or_raise_incident_error(data: dict[str, Any]) -> None:
    _load_or_our_error(data)
    _load_or_our_error(json.dumps(data, default=str))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.sampled_from(["<input>", "x.json", "x.yaml"]))
def test_random_text_loads_or_raises_incident_error(text: str, source: str) -> None:
    _load_or_our_error(text, source=source)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=60))
def test_random_bytes_load_or_raise_incident_error(data: bytes) -> None:
    _load_or_our_error(data)


# ---- the documentation ---------------------------------------------------------------------------


def test_doc_lists_every_field_act_kind_and_code() -> None:
    text = DOC.read_text(encoding="utf-8")
    for name in FIELD_NAMES:
        assert f"`{name}`" in text, name
    for value in schema.JENIS_TINDAKAN.values:
        assert f"`{value}`" in text, value
    for code in CODES:
        assert code in text, code
