"""Simultaneous elections (issue 12): an incident with several elections, each act naming its own
(`tindakan[].pemilu`); the stage and every `pemilu.*` fact are read per act; one election stays the
simple case and old incidents decide exactly as before (docs/incident.md §3.2)."""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netralrules import evaluate, load_rulebook, to_markdown, to_text, what_if
from netralrules.evaluation.coverage import ELECTION_KEYS, cell_of
from netralrules.explain.render.html import to_html
from netralrules.facts import IncidentError, load_incident
from netralrules.tools.batch import evaluate_line
from netralrules.values import UNKNOWN
from tests.strategies import several_election_incidents, single_election_incidents

EXAMPLE = Path(__file__).parents[2] / "examples" / "pns_pemilu_serentak_2024.json"
D = datetime.date

PILEG = {"id": "pileg2024", "jenis": "pemilu_dpr", "nama": "Pileg 2024", "tanggal_penetapan": "2023-11-03"}
PILPRES = {"id": "pilpres2024", "jenis": "pemilu_presiden", "tanggal_penetapan": "2023-11-13"}


def serentak(*acts: dict[str, Any], elections: Any = None) -> dict[str, Any]:
    return {
        "id": "P-SERENTAK",
        "responden": {"status_kepegawaian": "PNS"},
        "pemilu": [PILEG, PILPRES] if elections is None else elections,
        "tindakan": list(acts),
    }


def act(date: str = "2023-11-08", election: str | None = None, kind: str = "unggah_media_sosial") -> dict[str, Any]:
    out: dict[str, Any] = {"tanggal": date, "jenis": kind}
    if election is not None:
        out["pemilu"] = election
    return out


def example() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(IncidentError) as caught:
        load_incident(data)
    return [(p.path, p.code) for p in caught.value.problems]


# ---- the incident model --------------------------------------------------------------------------


def test_each_act_reads_the_facts_of_its_own_election() -> None:
    incident = load_incident(serentak(act(election="pilpres2024"), act(election="pileg2024")))
    assert incident.fact(("pemilu", "tanggal_penetapan"), 0) == D(2023, 11, 13)
    assert incident.fact(("pemilu", "tanggal_penetapan"), 1) == D(2023, 11, 3)
    assert incident.fact(("pemilu", "jenis"), 0) == "pemilu_presiden"
    assert incident.fact(("pemilu", "kampanye_mulai"), 1) is UNKNOWN
    assert incident.act_elections == (("pilpres2024", None), ("pileg2024", "Pileg 2024"))
    with pytest.raises(IndexError):
        incident.fact(("pemilu", "jenis"), 2)


def test_one_election_as_an_object_or_a_list_of_one_names_no_election() -> None:
    as_object = load_incident(serentak(act(), elections={k: v for k, v in PILEG.items() if k != "id"}))
    as_list = load_incident(serentak(act(), elections=[PILEG]))
    named = load_incident(serentak(act(election="pileg2024"), elections=[PILEG]))
    for incident in (as_object, as_list, named):
        assert incident.fact(("pemilu", "tanggal_penetapan"), 0) == D(2023, 11, 3)
        assert incident.act_elections == ()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (serentak(act(), act(election="pileg2024")), [("tindakan[0].pemilu", "E0416")]),
        (serentak(act(election="pilpres2042")), [("tindakan[0].pemilu", "E0417")]),
        (serentak(act(election="pileg2024"), elections=[PILEG, {**PILPRES, "id": "pileg2024"}]), [("pemilu[1].id", "E0418")]),
        (serentak(act(), elections=[]), [("pemilu", "E0419")]),
        # One election object has no id: an act that names one names nothing.
        (serentak(act(election="pileg2024"), elections={"tanggal_penetapan": "2023-11-03"}), [("tindakan[0].pemilu", "E0417")]),
        (serentak(act(election="x")), [("tindakan[0].pemilu", "E0417")]),
        (serentak(act(election="lain"), elections=[PILEG]), [("tindakan[0].pemilu", "E0417")]),
        # Every problem at once, each with its location.
        (
            serentak(act(), act(election="pilpres2042"), act(election="pilpres2024")),
            [("tindakan[0].pemilu", "E0416"), ("tindakan[1].pemilu", "E0417")],
        ),
        # The item of the list is checked like the one object, located in the list.
        (serentak(act(election="pileg2024"), elections=[{"jenis": "pemilu_dpr"}]), [("pemilu[0].id", "E0404")]),
        (serentak(act(), elections=[{**PILEG, "id": ""}]), [("pemilu[0].id", "E0412")]),
        (serentak(act(), elections=[{**PILEG, "jenis": "pileg"}]), [("pemilu[0].jenis", "E0407")]),
        (serentak(act(), elections=[{**PILEG, "tanggal": "2023-11-03"}]), [("pemilu[0].tanggal", "E0405")]),
        (serentak(act(), elections={"id": "pileg2024"}), [("pemilu.id", "E0405")]),
        (serentak(act(), elections="pileg2024"), [("pemilu", "E0406")]),
        (serentak(act(), elections=[None]), [("pemilu[0]", "E0404")]),
        (serentak(act(), elections={"jenis": "pilkada"}), [("pemilu.jenis", "E0407")]),
    ],
)
def test_bad_elections_are_incident_errors_with_a_location(data: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    assert problems(data) == expected


def test_the_messages_name_the_elections_of_the_incident() -> None:
    with pytest.raises(IncidentError) as caught:
        load_incident(serentak(act()))
    (found,) = caught.value.problems
    assert found.message.en == "the incident has 2 elections: name this act's election with `pemilu` (`pileg2024`, `pilpres2024`)"
    assert "`pileg2024`, `pilpres2024`" in found.message.id


# ---- the decision ----------------------------------------------------------------------------------


def test_the_example_stage_is_derived_per_act_from_its_own_election() -> None:
    """Addendum A9: between 3 and 13 Nov 2023 support for a caleg is discipline-track (its list was
    set on 3 Nov), support for a bakal capres still ethics-track (the pairs were set on 13 Nov)."""
    decision = evaluate(EXAMPLE.read_text(encoding="utf-8"), explain=False).to_dict()
    caleg, capres = decision["tindakan"]
    assert (caleg["tahap_pemilu"], capres["tahap_pemilu"]) == ("sesudah_penetapan", "sebelum_penetapan")
    assert caleg["pemilu"] == {"id": "pileg2024", "nama": "Pemilu 2024: anggota DPR"}
    assert capres["pemilu"] == {"id": "pilpres2024", "nama": "Pemilu 2024: Presiden dan Wakil Presiden"}
    assert {(f["ketentuan"], f["kategori"]) for f in caleg["temuan"]} == {("skb2022.disiplin.2", "disiplin")}
    assert {f["kategori"] for f in capres["temuan"]} == {"etik"}
    assert {f["ketentuan"] for f in capres["temuan"]} >= {"skb2022.lampiran2.2", "pp42.pasal11.c"}
    tracks = {t["kategori"]: t for t in decision["penetapan"]}
    assert tracks["disiplin"]["ketentuan"] == ["skb2022.disiplin.2"]
    assert tracks["etik"]["status"] == "determined"


def test_the_order_of_the_elections_does_not_matter() -> None:
    data = serentak(act(election="pileg2024"), act(election="pilpres2024"))
    swapped = copy.deepcopy(data)
    swapped["pemilu"].reverse()
    assert evaluate(data).to_json() == evaluate(swapped).to_json()


def test_a_stage_boundary_on_the_penetapan_day_of_one_election_only() -> None:
    decision = evaluate(serentak(act("2023-11-03", "pilpres2024"), act("2023-11-03", "pileg2024")), explain=False)
    assert decision.stages == ("sebelum_penetapan", "sesudah_penetapan")
    fired = {(f.act, f.provision) for f in decision.evaluation.findings}
    assert (1, "skb2022.disiplin.2") in fired and (0, "skb2022.disiplin.2") not in fired
    assert (0, "skb2022.lampiran2.2") in fired and (1, "skb2022.lampiran2.2") not in fired


def test_single_election_decisions_carry_no_election_field() -> None:
    decision = evaluate(serentak(act(), elections=[PILEG]))
    assert all("pemilu" not in a for a in decision.to_dict()["tindakan"])
    assert decision.explanation is not None
    assert all("pemilu" not in a for a in decision.explanation.graph.graph["acts"])
    assert all(a.election is None for a in decision.explanation.acts)


def test_every_report_format_names_each_acts_election_in_one_line() -> None:
    decision = evaluate(EXAMPLE.read_text(encoding="utf-8"))
    for lang, word in (("id", "Pemilu"), ("en", "Election")):
        text = to_text(decision, lang)
        lines = [line.strip() for line in text.splitlines() if line.strip().startswith(f"{word}: ")]
        assert lines == [
            f"{word}: pileg2024 (Pemilu 2024: anggota DPR).",
            f"{word}: pilpres2024 (Pemilu 2024: Presiden dan Wakil Presiden).",
        ]
        markdown = to_markdown(decision, lang)
        assert markdown.count(f"{word}: pileg2024 (Pemilu 2024: anggota DPR).") == 1
        assert markdown.count(f"{word}: pilpres2024") == 1
    page = to_html(decision, "en")
    assert page.count("election: pileg2024 (Pemilu 2024: anggota DPR)") == 1
    assert page.count("election: pilpres2024 (Pemilu 2024: Presiden dan Wakil Presiden)") == 1
    single = evaluate(serentak(act(), elections=[PILEG]))
    assert "Election: " not in to_text(single, "en") and "election: pileg2024" not in to_html(single, "en")


def test_the_decision_json_schema_accepts_the_election_of_each_act() -> None:
    import jsonschema_rs

    from netralrules.tools.records import decision_json_schema

    validator = jsonschema_rs.validator_for(decision_json_schema())
    decision = evaluate(EXAMPLE.read_text(encoding="utf-8")).to_dict()
    assert validator.is_valid(decision)
    decision["tindakan"][0]["pemilu"] = {"id": "pileg2024"}  # the name is always there (null when not given)
    assert not validator.is_valid(decision)


# ---- what reads the elections besides the rules ------------------------------------------------------


def test_coverage_places_each_act_in_the_cell_of_its_own_election() -> None:
    incident = load_incident(serentak(act(election="pilpres2024"), act(election="pileg2024")))
    first, second = (cell_of(incident, i, D(2023, 11, 8)) for i in range(2))
    at = ELECTION_KEYS.index("tanggal_penetapan")
    assert (first.election[at], second.election[at]) == (D(2023, 11, 13), D(2023, 11, 3))
    # Before its penetapan, with no registration date, the matrix does not place the first act.
    assert (first.stage, second.stage) == (None, "sesudah_penetapan")
    assert (first.election_kind, second.election_kind) == ("pemilu_presiden", "pemilu_dpr")


def test_what_if_an_election_fact_changes_it_in_every_election() -> None:
    result = what_if(EXAMPLE.read_text(encoding="utf-8"), ["pemilu.tanggal_penetapan=2023-11-01"])
    assert result.baseline.stages == ("sesudah_penetapan", "sebelum_penetapan")
    assert result.changed.stages == ("sesudah_penetapan", "sesudah_penetapan")
    # The changed decision still names each act's election.
    assert [a["pemilu"]["id"] for a in result.changed.to_dict()["tindakan"]] == ["pileg2024", "pilpres2024"]


def test_batch_lines_accept_the_list_of_elections() -> None:
    rulebook = load_rulebook()
    line = json.dumps(example()).encode("utf-8")
    record = json.loads(evaluate_line(line, 1, rulebook))
    assert [a["pemilu"]["id"] for a in record["tindakan"]] == ["pileg2024", "pilpres2024"]
    bad = json.loads(evaluate_line(json.dumps(serentak(act())).encode("utf-8"), 2, rulebook))
    assert "E0416" in json.dumps(bad)


# ---- properties ------------------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(single_election_incidents(), st.booleans(), st.booleans())
def test_one_election_as_an_object_or_a_one_item_list_gives_the_same_decision(
    data: dict[str, Any], name_acts: bool, explain: bool
) -> None:
    """The decision JSON (explanation included) and the text report are byte-identical: a list of
    one election adds no field to the decision, whether or not the acts name it by its id."""
    as_list = copy.deepcopy(data)
    as_list["pemilu"] = [{**data["pemilu"], "id": "satu_satunya"}]
    if name_acts:
        for item in as_list["tindakan"]:
            item["pemilu"] = "satu_satunya"
    first, second = evaluate(data, explain=explain), evaluate(as_list, explain=explain)
    assert first.to_json() == second.to_json()
    if explain:
        assert to_text(first, "en") == to_text(second, "en")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(several_election_incidents())
def test_each_act_is_decided_as_if_its_election_were_the_only_one(data: dict[str, Any]) -> None:
    """An act of an incident with several elections gets the stage and the outcomes it gets in an
    incident of its own with its election alone."""
    decision = evaluate(data, explain=False)
    elections = {e["id"]: e for e in data["pemilu"]}
    for index, item in enumerate(data["tindakan"]):
        alone = {**data, "pemilu": {k: v for k, v in elections[item["pemilu"]].items() if k != "id"}}
        alone["tindakan"] = [{k: v for k, v in item.items() if k != "pemilu"}]
        single = evaluate(alone, explain=False)
        assert decision.stages[index] == single.stages[0]
        mine = [(o.provision, o.status) for o in decision.evaluation.outcomes if o.act == index]
        assert mine == [(o.provision, o.status) for o in single.evaluation.outcomes]
        assert decision.to_dict()["tindakan"][index]["pemilu"]["id"] == item["pemilu"]


def test_the_intake_form_stays_single_election() -> None:
    from netralrules.service.form import fields, incident_from_form

    names = {f.name for _, section in fields() for f in section}
    assert "tindakan.pemilu" not in names and "pemilu.tanggal_penetapan" in names
    posted = incident_from_form({"id": "F-1", "pemilu.tanggal_penetapan": "2023-11-03", "tindakan.tanggal": "2023-11-08"})
    assert posted["pemilu"] == {"tanggal_penetapan": "2023-11-03"} and "pemilu" not in posted["tindakan"][0]


def test_an_error_lists_at_most_ten_election_ids() -> None:
    many = [{"id": f"pemilu{i:02d}"} for i in range(12)]
    with pytest.raises(IncidentError) as caught:
        load_incident(serentak(act(), elections=many))
    (found,) = caught.value.problems
    assert "`pemilu09`, …" in found.message.en and "pemilu10" not in found.message.en
