"""The follow-up register's logic, without a store: the order of events (each rejection with its code
and field), the findings (Tim Pemeriksa, lighter than recommended or than determined), the
procedure read defensively (absent, null, present), and time limits in Indonesian working days."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from netralrules.tools import register_calendar as calendar
from netralrules.tools.register import CODES, KINDS, Event, RegisterError, next_kinds, replay, validate
from netralrules.tools.register_case import Settings, build_register

TODAY = datetime.date(2024, 12, 31)
BERAT_TYPES = [
    "penurunan jabatan setingkat lebih rendah selama 12 bulan",
    "pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan",
    "pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS",
]


def procedure(*, team: str = "wajib", limits: list[dict[str, Any]] | None = None, tier: str = "berat") -> dict[str, Any]:
    """A `prosedur` section of the shape the procedure helper adds to the decision JSON."""
    return {
        "instrumen": "PP_94_2021",
        "dasar": "PP 94/2021",
        "tingkat": tier,
        "langkah": [],
        "tim_pemeriksa": {"status": team, "rujukan": "PP 94/2021", "uraian": "uji", "uraian_en": "test"},
        "batas_waktu": limits or [],
        "upaya_administratif": [],
        "terbuka": [],
    }


def decision(
    *, tier: str = "berat", status: str = "determined", prosedur: Any = "default", contested: list[str] | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "penetapan": [
            {"kategori": "etik", "status": "none", "tingkat": None},
            {
                "kategori": "disiplin",
                "status": status,
                "tingkat": tier,
                "tingkat_lain": contested or [],
                "diperdebatkan": bool(contested),
                "ketentuan": ["pp94.pasal5.n.4"],
                "pilihan_sanksi": BERAT_TYPES if tier == "berat" else [],
            },
        ]
    }
    if prosedur == "default":
        out["prosedur"] = procedure(tier=tier)
    elif prosedur != "absent":
        out["prosedur"] = prosedur
    return out


def ev(kind: str, date: str, data: dict[str, Any] | None = None, actor: str = "Atasan langsung") -> dict[str, Any]:
    return {"jenis": kind, "tanggal": date, "pelaku": actor, "data": data or {}}


FULL = [
    ev("dilaporkan", "2024-10-01", actor="Bawaslu Kabupaten"),
    ev("diteruskan", "2024-10-03", {"kepada": "BKN"}, "Bawaslu Kabupaten"),
    ev("rekomendasi", "2024-10-20", {"tingkat": "berat", "sanksi": BERAT_TYPES[1]}, "BKN"),
    ev("pemanggilan", "2024-10-22"),
    ev("pemeriksaan", "2024-10-25", {"tim_pemeriksa": True}),
    ev(
        "hukuman_dijatuhkan",
        "2024-11-15",
        {"tingkat": "berat", "jenis_hukuman": BERAT_TYPES[1], "tanggal_keputusan": "2024-11-14"},
        "PPK",
    ),
    ev("keputusan_disampaikan", "2024-11-18", actor="PPK"),
    ev("keputusan_diterima", "2024-11-19", actor="PNS yang dijatuhi hukuman"),
    ev("keberatan", "2024-11-25", actor="PNS yang dijatuhi hukuman"),
    ev("ditutup", "2024-12-20", {"alasan": "keberatan diputus"}, "PPK"),
]


def events(raws: list[dict[str, Any]]) -> list[Event]:
    kept, problems = replay(raws, today=TODAY)
    assert not problems, problems
    return kept


def rejected(previous: list[dict[str, Any]], raw: Any) -> list[tuple[str, str]]:
    with pytest.raises(RegisterError) as caught:
        validate(events(previous), raw, today=TODAY)
    return [(p.code, p.path) for p in caught.value.problems]


def test_a_whole_trail_in_order_is_accepted_and_clean() -> None:
    trail = events(FULL)
    assert [e.kind for e in trail] == [r["jenis"] for r in FULL]
    register = build_register("d1", decision(), trail, today=TODAY)
    assert register["temuan"] == []
    assert register["status"]["tahap"] == "ditutup" and register["status"]["terbuka"] is False
    assert register["status"]["berikutnya"] == []
    assert register["prosedur"]["keadaan"] == "diketahui"


@pytest.mark.parametrize(
    ("previous", "raw", "expected"),
    [
        pytest.param([], ev("penemuan", "2024-10-01"), [("E0701", "jenis")], id="unknown kind"),
        pytest.param([], {"jenis": "dilaporkan", "pelaku": "Bawaslu"}, [("E0702", "tanggal")], id="date missing"),
        pytest.param(FULL[:3], ev("pemeriksaan", "2024-10-25", {}), [("E0702", "data.tim_pemeriksa")], id="team missing"),
        pytest.param(FULL[:1], ev("diteruskan", "2024-10-03", {"kepada": "KPU"}), [("E0703", "data.kepada")], id="bad body"),
        pytest.param(
            FULL[:4], ev("pemeriksaan", "2024-10-25", {"tim_pemeriksa": "ya"}), [("E0703", "data.tim_pemeriksa")], id="not bool"
        ),
        pytest.param([], ev("dilaporkan", "01-10-2024"), [("E0704", "tanggal")], id="bad date"),
        pytest.param([], ev("dilaporkan", "2025-01-02"), [("E0705", "tanggal")], id="future"),
        pytest.param(FULL[:3], ev("pemanggilan", "2024-10-19"), [("E0706", "tanggal")], id="date before the last event"),
        pytest.param([], ev("pemeriksaan", "2024-10-01", {"tim_pemeriksa": True}), [("E0707", "jenis")], id="not opening"),
        pytest.param(FULL[:2], ev("dilaporkan", "2024-10-05"), [("E0709", "jenis")], id="reported twice"),
        pytest.param(FULL[:1], ev("rekomendasi", "2024-10-05", {"tingkat": "berat"}), [("E0708", "jenis")], id="no forward"),
        pytest.param(FULL[:3], ev("pemeriksaan", "2024-10-25", {"tim_pemeriksa": True}), [("E0708", "jenis")], id="no summons"),
        pytest.param(
            FULL[:4],
            ev("hukuman_dijatuhkan", "2024-11-15", {"tingkat": "berat", "jenis_hukuman": "x", "tanggal_keputusan": "2024-11-15"}),
            [("E0708", "jenis")],
            id="sanction without examination",
        ),
        pytest.param(FULL[:5], ev("keputusan_diterima", "2024-11-19"), [("E0708", "jenis")], id="received before delivered"),
        pytest.param(FULL[:6], ev("pemeriksaan", "2024-11-16", {"tim_pemeriksa": True}), [("E0710", "jenis")], id="after"),
        pytest.param(FULL[:6], ev("hukuman_tidak_dijatuhkan", "2024-11-16", {"alasan": "x"}), [("E0710", "jenis")], id="2nd"),
        pytest.param(FULL, ev("banding", "2024-12-21"), [("E0711", "jenis")], id="after closing"),
        pytest.param([], {**ev("dilaporkan", "2024-10-01"), "nama": "Budi"}, [("E0713", "nama")], id="unknown field"),
        pytest.param(
            FULL[:5],
            ev("hukuman_dijatuhkan", "2024-11-15", {"tingkat": "berat", "jenis_hukuman": "x", "tanggal_keputusan": "2024-11-20"}),
            [("E0714", "data.tanggal_keputusan")],
            id="decree after its event",
        ),
    ],
)
def test_each_rejection_has_its_code_and_field(previous: list[dict[str, Any]], raw: Any, expected: list[tuple[str, str]]) -> None:
    assert rejected(previous, raw) == expected


def test_every_code_is_catalogued_and_documented() -> None:
    from pathlib import Path

    docs = Path(__file__).parents[2] / "docs" / "errors"
    readme = (docs / "README.md").read_text(encoding="utf-8")
    cases = Path(__file__).parents[1] / "golden" / "cases"
    assert sorted(CODES) == [f"E07{n:02d}" for n in range(1, 15)]
    for code, title in CODES.items():
        assert (docs / f"{code}.md").exists(), code
        assert f"| [{code}]({code}.md) | {title.id} | {title.en} |" in readme, code
        assert any(cases.glob(f"{code}_*.args")), code


def test_sanction_without_examination_after_two_summonses_is_accepted() -> None:
    """Imposed "tanpa dilakukan pemeriksaan" when the PNS did not come to the second summons."""
    raws = [*FULL[:4], ev("pemanggilan", "2024-10-30")]
    sanction = ev(
        "hukuman_dijatuhkan", "2024-11-15", {"tingkat": "berat", "jenis_hukuman": "x", "tanggal_keputusan": "2024-11-15"}
    )
    assert validate(events(raws), sanction, today=TODAY).kind == "hukuman_dijatuhkan"


def test_a_trail_replay_keeps_the_good_events_and_reports_the_rest() -> None:
    raws = [FULL[0], ev("pemeriksaan", "2024-10-02", {"tim_pemeriksa": True}), FULL[1]]
    kept, problems = replay(raws, today=TODAY)
    assert [e.kind for e in kept] == ["dilaporkan", "diteruskan"]
    assert [(p.code, p.path) for p in problems] == [("E0708", "peristiwa[1].jenis")]


def _findings(register: dict[str, Any]) -> list[str]:
    return [f["kode"] for f in register["temuan"]]


def test_a_berat_case_examined_without_a_team_is_flagged_not_rejected() -> None:
    raws = [*FULL[:4], ev("pemeriksaan", "2024-10-25", {"tim_pemeriksa": False})]
    register = build_register("d1", decision(), events(raws), today=TODAY)
    assert _findings(register) == ["tanpa_tim_pemeriksa"]
    assert register["temuan"][0]["peristiwa"] == 4 and register["temuan"][0]["rujukan"] == "PP 94/2021"
    # Where the procedure makes the team optional, the same trail raises nothing.
    optional = decision(prosedur=procedure(team="opsional"))
    assert _findings(build_register("d1", optional, events(raws), today=TODAY)) == []


def _imposed(tier: str, kind: str) -> dict[str, Any]:
    return ev(
        "hukuman_dijatuhkan", "2024-11-15", {"tingkat": tier, "jenis_hukuman": kind, "tanggal_keputusan": "2024-11-15"}, "PPK"
    )


def test_a_sanction_lighter_than_recommended_and_than_determined_is_flagged() -> None:
    raws = [*FULL[:5], _imposed("sedang", "pemotongan tunjangan kinerja sebesar 25% selama 12 bulan")]
    register = build_register("d1", decision(), events(raws), today=TODAY)
    assert _findings(register) == ["lebih_ringan_dari_rekomendasi", "lebih_ringan_dari_penetapan"]
    # Within the tier: the first berat type is lighter than the second, which was recommended.
    raws = [*FULL[:5], _imposed("berat", BERAT_TYPES[0])]
    assert _findings(build_register("d1", decision(), events(raws), today=TODAY)) == ["lebih_ringan_dari_rekomendasi"]
    # Heavier than recommended: nothing.
    raws = [*FULL[:5], _imposed("berat", BERAT_TYPES[2])]
    assert _findings(build_register("d1", decision(), events(raws), today=TODAY)) == []


def test_a_contested_tier_flags_only_what_is_lighter_than_every_reading() -> None:
    raws = [*FULL[:2], ev("pemanggilan", "2024-10-22"), FULL[4], _imposed("sedang", "pemotongan")]
    contested = decision(contested=["sedang"])
    assert _findings(build_register("d1", contested, events(raws), today=TODAY)) == []
    raws[-1] = _imposed("ringan", "teguran tertulis")
    assert _findings(build_register("d1", contested, events(raws), today=TODAY)) == ["lebih_ringan_dari_penetapan"]
    unresolved = decision(status="unresolved")
    assert _findings(build_register("d1", unresolved, events(raws), today=TODAY)) == ["penetapan_tidak_pasti"]


def test_no_sanction_despite_a_recommendation_is_flagged() -> None:
    raws = [*FULL[:5], ev("hukuman_tidak_dijatuhkan", "2024-11-15", {"alasan": "tidak terbukti"}, "PPK")]
    register = build_register("d1", decision(), events(raws), today=TODAY)
    assert _findings(register) == ["rekomendasi_tidak_dilaksanakan"]
    assert "tidak terbukti" in register["temuan"][0]["uraian"]


def test_the_procedure_is_read_defensively() -> None:
    raws = [*FULL[:4], ev("pemeriksaan", "2024-10-25", {"tim_pemeriksa": False})]
    old = build_register("d1", decision(prosedur="absent"), events(raws), today=TODAY)
    assert old["prosedur"]["keadaan"] == "tidak_diketahui" and _findings(old) == ["prosedur_tidak_diketahui"]
    assert old["batas_waktu"] == []
    none = build_register("d1", decision(prosedur=None), events(FULL[:6]), today=TODAY)
    assert none["prosedur"]["keadaan"] == "tidak_berlaku" and "hukuman_tanpa_jalur_disiplin" in _findings(none)
    gone = build_register("d1", None, events(FULL[:2]), today=TODAY, tombstoned=True)
    assert gone["prosedur"]["keadaan"] == "dihapus" and gone["status"]["berikutnya"] == []


SUMMONS_LIMIT = {
    "kode": "pemanggilan_pemeriksaan",
    "sejak": "pemanggilan",
    "sampai": "pemeriksaan",
    "jumlah": 7,
    "satuan": "hari_kerja",
    "uraian": "pemeriksaan paling lambat 7 hari kerja sesudah surat panggilan",
    "uraian_en": "examination at most 7 working days after the summons",
    "rujukan": "uji",
}


def _limits(raws: list[dict[str, Any]], today: datetime.date, spec: dict[str, Any] = SUMMONS_LIMIT) -> list[dict[str, Any]]:
    register = build_register("d1", decision(prosedur=procedure(limits=[spec])), events(raws), today=today)
    limits: list[dict[str, Any]] = register["batas_waktu"]
    return limits


def test_time_limits_in_working_days_skip_weekends_holidays_and_cuti_bersama() -> None:
    # Summons Mon 23 Dec 2024; 25 Dec is Christmas, 26 Dec cuti bersama, 28-29 a weekend.
    raws = [FULL[0], ev("pemanggilan", "2024-12-23")]
    (limit,) = _limits(raws, datetime.date(2024, 12, 31))
    assert limit["keadaan"] == "berjalan" and limit["berjalan"] == 4  # 24, 27, 30, 31
    assert limit["jatuh_tempo"] == "2025-01-06"  # 1 Jan is a holiday
    (limit,) = _limits(raws, datetime.date(2025, 1, 7))
    assert limit["keadaan"] == "lewat" and limit["berjalan"] == 8
    assert calendar.working_days(datetime.date(2024, 12, 23), datetime.date(2024, 12, 27)).days == 2
    assert calendar.working_days(datetime.date(2024, 12, 23), datetime.date(2024, 12, 27), cuti_bersama=False).days == 3
    assert calendar.holiday(datetime.date(2024, 8, 17)) is not None


def test_a_limit_met_late_or_in_time_and_calendar_days() -> None:
    late = [FULL[0], ev("pemanggilan", "2024-10-01"), ev("pemeriksaan", "2024-10-15", {"tim_pemeriksa": True})]
    (limit,) = _limits(late, TODAY)
    assert limit["keadaan"] == "terlambat" and limit["berjalan"] == 10
    on_time = [FULL[0], ev("pemanggilan", "2024-10-01"), ev("pemeriksaan", "2024-10-10", {"tim_pemeriksa": True})]
    assert _limits(on_time, TODAY)[0]["keadaan"] == "tepat_waktu"
    calendar_spec = {**SUMMONS_LIMIT, "satuan": "hari_kalender", "jumlah": 14}
    (limit,) = _limits(on_time[:2], datetime.date(2024, 10, 16), calendar_spec)
    assert limit["keadaan"] == "lewat" and limit["berjalan"] == 15 and limit["jatuh_tempo"] == "2024-10-15"
    assert _limits(FULL[:1], TODAY)[0]["keadaan"] == "belum_mulai"
    unreadable = {**SUMMONS_LIMIT, "sampai": "sidang"}
    assert _limits(on_time, TODAY, unreadable)[0]["keadaan"] == "tidak_terbaca"


def test_settings_choose_whether_cuti_bersama_is_a_working_day() -> None:
    raws = [FULL[0], ev("pemanggilan", "2024-12-23")]
    spec = procedure(limits=[SUMMONS_LIMIT])
    off = build_register("d1", decision(prosedur=spec), events(raws), today=TODAY)
    on = build_register("d1", decision(prosedur=spec), events(raws), today=TODAY, settings=Settings(cuti_bersama_libur=False))
    assert on["batas_waktu"][0]["berjalan"] == off["batas_waktu"][0]["berjalan"] + 1


def test_what_may_come_next() -> None:
    assert next_kinds([]) == ["dilaporkan", "diteruskan", "pemanggilan"]
    after_sanction = next_kinds(events(FULL[:6]))
    assert after_sanction == ["keputusan_disampaikan", "ditutup"]
    assert set(next_kinds(events(FULL[:1]))) <= set(KINDS)


def test_a_limit_from_the_sanction_counts_from_the_decree_date() -> None:
    delivery = {**SUMMONS_LIMIT, "kode": "penyampaian", "sejak": "hukuman_dijatuhkan", "sampai": "keputusan_disampaikan",
                "satuan": "hari_kalender", "jumlah": 14}  # fmt: skip
    raws = [*FULL[:5], {**FULL[5], "tanggal": "2024-11-20"}]  # recorded on the 20th, decree of the 14th
    (limit,) = _limits(raws, datetime.date(2024, 11, 30), delivery)
    assert limit["mulai"] == "2024-11-14" and limit["berjalan"] == 16 and limit["keadaan"] == "lewat"


def test_a_count_into_a_year_without_known_cuti_bersama_is_an_estimate() -> None:
    assert calendar.cuti_bersama_known(2024) and not calendar.cuti_bersama_known(1999)
    assert calendar.working_days(datetime.date(2024, 12, 2), datetime.date(2024, 12, 20)).estimated is False
    future = max(year for year in range(2024, 2100) if calendar.cuti_bersama_known(year)) + 1
    start = datetime.date(future, 2, 2)
    assert calendar.working_days(start, start + datetime.timedelta(days=10)).estimated is True
    assert calendar.working_days(start, start + datetime.timedelta(days=10), cuti_bersama=False).days > 0


def test_register_check_reads_a_trail_file_with_its_decision(tmp_path: Any) -> None:
    import io
    import json

    from netralrules.cli import main

    raws = [*FULL[:4], ev("pemeriksaan", "2024-10-25", {"tim_pemeriksa": False}), _imposed("sedang", "pemotongan")]
    path = tmp_path / "jejak.json"
    path.write_text(json.dumps({"keputusan": decision(), "peristiwa": raws}), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["register", "check", str(path), "--per", "2024-12-31", "--format", "json"], out, err) == 0, err.getvalue()
    register = json.loads(out.getvalue())
    assert [f["kode"] for f in register["temuan"]] == [
        "tanpa_tim_pemeriksa",
        "lebih_ringan_dari_rekomendasi",
        "lebih_ringan_dari_penetapan",
    ]
    path.write_text(json.dumps({"keputusan": decision(), "peristiwa": [*raws, raws[0]]}), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["register", "check", str(path), "--per", "2024-12-31", "--lang", "en"], out, err) == 1
    assert "error[E0709]" in err.getvalue() and " --> peristiwa[6].jenis" in err.getvalue()
    assert "findings: 3" in out.getvalue()


SECOND_SUMMONS = {
    "kode": "pemanggilan_kedua",
    "jenis": "paling_lambat",
    "sejak": "tidak_hadir",
    "sampai": "pemanggilan",
    "jumlah": 7,
    "satuan": "hari_kerja",
}


def test_the_second_summons_runs_from_the_absence_and_only_then() -> None:
    attended = [FULL[0], ev("pemanggilan", "2024-10-01"), ev("pemeriksaan", "2024-10-03", {"tim_pemeriksa": True})]
    assert _limits(attended, TODAY, SECOND_SUMMONS)[0]["keadaan"] == "belum_mulai"  # came: no second summons
    absent = [FULL[0], ev("pemanggilan", "2024-10-01"), ev("tidak_hadir", "2024-10-03")]
    (limit,) = _limits(absent, datetime.date(2024, 10, 21), SECOND_SUMMONS)
    assert limit["keadaan"] == "lewat" and limit["mulai"] == "2024-10-03"
    summoned_again = [*absent, ev("pemanggilan", "2024-10-08", {"ke": 2})]
    assert _limits(summoned_again, TODAY, SECOND_SUMMONS)[0]["keadaan"] == "tepat_waktu"
    assert rejected([FULL[0]], ev("tidak_hadir", "2024-10-03")) == [("E0708", "jenis")]  # no summons yet


def test_an_effective_date_is_shown_and_never_past() -> None:
    effect = {"kode": "berlaku", "jenis": "pada_hari_ke", "sejak": "keputusan_diterima", "sampai": None, "jumlah": 15}
    effect["satuan"] = "hari_kalender"
    raws = [*FULL[:6], ev("keputusan_disampaikan", "2024-11-20"), ev("keputusan_diterima", "2024-11-21")]
    (limit,) = _limits(raws, datetime.date(2030, 1, 1), effect)
    assert limit["keadaan"] == "pada_hari_ke" and limit["jatuh_tempo"] == "2024-12-06"
    assert _limits(raws[:6], datetime.date(2030, 1, 1), effect)[0]["keadaan"] == "belum_mulai"
