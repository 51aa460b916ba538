"""The consistency audit: its statistics, the classification of a case against its decision, the
two register forms and their errors (with where and a stable code), the planted disparities of the
synthetic register found and few false alarms without them, and the command."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from netralrules.cli import main
from netralrules.tools.audit import AuditSettings, cache_key
from netralrules.tools.audit_generate import PLANTED_AGENCY, to_csv, to_jsonl
from netralrules.tools.audit_html import CSP, anchor, render_audit_html
from netralrules.tools.audit_stats import benjamini_hochberg, holm, two_proportions, wilson
from tests.tools.audit_support import HEADER, read, row, run, synthetic

ROOT = Path(__file__).parents[2]


# ---- statistics ------------------------------------------------------------------------------------
def test_wilson_matches_the_textbook_values() -> None:
    low, high = wilson(10, 100)  # Newcombe (1998) table: 0.0552–0.1744
    assert low == pytest.approx(0.0552, abs=5e-4) and high == pytest.approx(0.1744, abs=5e-4)
    assert wilson(0, 20)[0] == pytest.approx(0.0, abs=1e-12) and 0 < wilson(0, 20)[1] < 0.2  # never below 0, unlike Wald
    assert wilson(0, 0) == (0.0, 1.0)


def test_two_proportions_gives_the_pooled_z_test() -> None:
    c = two_proportions(30, 100, 15, 100)  # p1 .30, p2 .15, pooled .225: z = .15 / sqrt(.225*.775*.02) = 2.54
    assert c.z == pytest.approx(2.5400, abs=1e-3) and c.p_value == pytest.approx(0.01109, abs=1e-4)
    assert c.low < c.difference < c.high and abs(c.difference - 0.15) < 1e-12
    assert two_proportions(0, 50, 0, 50).p_value == 1.0


def test_corrections_adjust_as_defined() -> None:
    p = [0.01, 0.04, 0.03, 0.005]
    assert benjamini_hochberg(p) == pytest.approx([0.02, 0.04, 0.04, 0.02])
    assert holm(p) == pytest.approx([0.03, 0.06, 0.06, 0.02])


# ---- classification ------------------------------------------------------------------------------------
def _outcomes(*rows: str) -> dict[str, tuple[str, str | None]]:
    result = run("r.csv", HEADER + "\n" + "\n".join(rows) + "\n")
    assert not result.rejected, [r.to_dict() for r in result.rejected]
    return {r.case.case_id: (r.outcome, r.reason) for r in result.results}


def test_each_outcome_against_the_law() -> None:
    # Campaigning with party attributes: sedang (PP 94 Pasal 5 huruf n angka 2 → Pasal 13 huruf g).
    got = _outcomes(
        row("SAMA", tier="sedang"),
        row("RINGAN", tier="ringan"),
        row("BERAT", tier="berat"),
        row("BELUM", status="menunggu"),
        row("TOLAK", status="tidak_dijatuhkan"),
        row("JENIS", tier="sedang", kind="pemotongan tunjangan kinerja sebesar 25% selama 9 bulan"),
        # Campaigning without attributes: PP 94 Pasal 5 huruf n angka 1 has no tier: the law is unsettled.
        row("TERBUKA", attribute="salah"),
    )
    assert got["SAMA"] == ("sesuai", None)
    assert got["RINGAN"] == ("lebih_ringan", None)
    assert got["BERAT"] == ("lebih_berat", None)
    assert got["BELUM"] == ("tidak_dijatuhkan", "menunggu")
    assert got["TOLAK"] == ("tidak_dijatuhkan", "tidak_dijatuhkan")
    assert got["JENIS"] == ("sesuai", None)
    assert got["TERBUKA"] == ("hukum_belum_pasti", "belum_terselesaikan")


def test_within_a_tier_the_type_is_compared_by_the_ladder_of_the_rulebook() -> None:
    # A repeat offence: the decision asks at least the 9-month cut; 6 months is lighter, within sedang.
    incident = {
        "id": "ULANG",
        "responden": {
            "status_kepegawaian": "PNS",
            "sanksi_sebelumnya": [
                {
                    "tanggal": "2023-05-15",
                    "tingkat": "sedang",
                    "ketentuan": "pp94.pasal5.n.2",
                    "jenis_hukuman": "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan",
                }
            ],
        },
        "pemilu": {
            "jenis": "pilkada_bupati",
            "tanggal_penetapan": "2024-09-22",
            "kampanye_mulai": "2024-09-25",
            "kampanye_selesai": "2024-11-23",
            "tanggal_pemungutan": "2024-11-27",
        },
        "tindakan": [
            {
                "tanggal": "2024-10-19",
                "jenis": "ikut_kampanye",
                "atribut_partai": True,
                "atribut_pns": False,
                "mengerahkan_pns_lain": False,
                "fasilitas_negara": False,
                "terverifikasi": True,
            }
        ],
    }
    lines = []
    for months, case in (("6", "A"), ("9", "B"), ("12", "C")):
        imposed = {"tingkat": "sedang", "jenis_hukuman": f"pemotongan tunjangan kinerja sebesar 25% selama {months} bulan"}
        lines.append(json.dumps({"kasus": case, "insiden": {**incident, "id": case}, "penjatuhan": imposed}))
    result = run("r.jsonl", "\n".join(lines) + "\n")
    got = {r.case.case_id: r.outcome for r in result.results}
    assert got == {"A": "lebih_ringan", "B": "sesuai", "C": "sesuai"}
    assert result.results[0].required.minimum == "pemotongan tunjangan kinerja sebesar 25% selama 9 bulan"


def test_identical_incidents_are_decided_once() -> None:
    result = run(
        "r.csv", HEADER + "\n" + "\n".join(row(f"K{i}") for i in range(20)) + "\n" + row("LAIN", facilities="benar") + "\n"
    )
    assert len(result.results) == 21 and result.distinct_incidents == 2
    a = {"id": "x", "catatan": "a", "tindakan": [{"tanggal": "2024-01-01", "jenis": "ajakan", "uraian": "satu"}]}
    b = {"id": "y", "tindakan": [{"tanggal": "2024-01-01", "jenis": "ajakan", "uraian": "dua"}]}
    c = {"id": "y", "tindakan": [{"tanggal": "2024-01-02", "jenis": "ajakan"}]}
    assert cache_key(a) == cache_key(b) != cache_key(c)


# ---- the register forms and their errors --------------------------------------------------------------------
def test_csv_groups_rows_by_case_into_acts() -> None:
    text = HEADER + "\n" + row("DUA", facilities="salah") + "\n" + row("DUA", facilities="benar", act_date="2024-10-13") + "\n"
    register = read("r.csv", text)
    assert [len(c.incident.tindakan) for c in register.cases] == [2] and register.rows == 2
    assert [r.to_dict() for r in register.rejected] == []


def _codes(name: str, text: str) -> list[tuple[str, int, int, str | None]]:
    return [(r.diagnostic.code, r.line, r.column, r.field) for r in read(name, text).rejected]


def test_bad_csv_rows_are_rejected_with_line_column_and_code_and_the_rest_is_audited() -> None:
    good = row("BAIK")
    bad_bool = row("BOOL", attribute="mungkin")
    bad_kind = row("JENIS", kind="potong gaji")
    bad_order = row("URUT", rec_date="2024-12-05", imposed_date="2024-12-01")
    conflict = row("BEDA") + "\n" + row("BEDA").replace("Dinas Contoh", "Dinas Lain")
    bad_incident = row("INSIDEN").replace("ikut_kampanye", "ikut_kampanya")
    text = "\n".join([HEADER, good, bad_bool, bad_kind, bad_order, conflict, bad_incident]) + "\n"
    register = read("r.csv", text)
    assert [c.case_id for c in register.cases] == ["BAIK"]
    got = {(r.case_id, r.diagnostic.code, r.line, r.field) for r in register.rejected}
    assert got == {
        ("BOOL", "E0805", 3, "tindakan.atribut_partai"),
        ("JENIS", "E0809", 4, "penjatuhan.jenis_hukuman"),
        ("URUT", "E0810", 5, "penjatuhan.tanggal"),
        ("BEDA", "E0806", 7, "responden.instansi"),
        ("INSIDEN", "E0808", 8, "tindakan[0].jenis"),
    }
    assert register.rejected_cases == 5 and register.rows == 7
    # The column points at the cell: the bad boolean is in column 13 of the header.
    bool_rejection = next(r for r in register.rejected if r.case_id == "BOOL")
    line = text.splitlines()[2]
    assert line[bool_rejection.column - 1 :].startswith("mungkin")
    kind = next(r for r in register.rejected if r.case_id == "JENIS").diagnostic
    assert kind.suggestion is not None  # did-you-mean or the list of types


def test_csv_header_problems() -> None:
    from netralrules.tools.audit_input import RegisterError

    with pytest.raises(RegisterError) as caught:
        read("r.csv", "kasus,tindakan.jenis\nA,ajakan\n")
    assert caught.value.diagnostic.code == "E0803"
    unknown = _codes("r.csv", HEADER.replace("tindakan.jenis", "tindakan.jenis,tindakan.jenys") + "\n")
    assert unknown == [("E0804", 1, len(HEADER.split("tindakan.jenis")[0]) + len("tindakan.jenis,") + 1, "tindakan.jenys")]


def test_bad_json_lines() -> None:
    one = json.loads(to_jsonl(synthetic(1, 3, True)).splitlines()[0])
    lines = [
        json.dumps(one),
        "{not json",
        "[1, 2]",
        json.dumps(one),  # the same case again
        json.dumps({**one, "kasus": "X2", "penjatuhan": {"status": "dijatuhkan", "tingkat": "sangat"}}),
        json.dumps({**one, "kasus": "X3", "catatan": "?"}),
    ]
    got = _codes("r.jsonl", "\n".join(lines) + "\n")
    assert [(code, line) for code, line, _, _ in got] == [("E0802", 2), ("E0802", 3), ("E0807", 4), ("E0805", 5), ("E0804", 6)]


# ---- the synthetic register: planted disparities found, few false alarms -------------------------------------
def test_csv_and_json_lines_of_one_register_audit_the_same() -> None:
    records = synthetic(5, 300, True)
    a, b = run("r.csv", to_csv(records)), run("r.jsonl", to_jsonl(records))
    assert not a.rejected and not b.rejected
    assert [(r.case.case_id, r.outcome) for r in a.results] == [(r.case.case_id, r.outcome) for r in b.results]
    assert a.outcome_table() == b.outcome_table()


def test_the_planted_disparities_are_flagged() -> None:
    result = run("r.jsonl", to_jsonl(synthetic(7, 3000, True)))
    flagged = {(g.dimension, g.value, g.metric) for g in result.flagged()}
    assert ("struktural", "ya", "lebih_ringan") in flagged
    assert ("instansi", PLANTED_AGENCY, "tidak_dijatuhkan") in flagged
    structural = next(g for g in result.groups if (g.dimension, g.value, g.metric) == ("struktural", "ya", "lebih_ringan"))
    assert (
        structural.share is not None and structural.low is not None and structural.share > structural.rest_k / structural.rest_n
    )
    assert structural.adjusted is not None and structural.adjusted < 0.001


# The dimensions the generator draws independently of the conduct and of each other: without planted
# disparities every comparison on them is a true null, so every flag there is a false alarm.
INDEPENDENT = ("instansi", "wilayah", "jenis_jabatan", "struktural")


def test_without_planted_disparities_false_alarms_stay_within_the_stated_level() -> None:
    settings = AuditSettings(dimensions=INDEPENDENT)
    seeds = range(100, 110)
    with_alarm = [seed for seed in seeds if run("r.jsonl", to_jsonl(synthetic(seed, 1500, False)), settings).flagged()]
    # Under the global null, BH at alpha 0.05 flags anything in at most ~5% of registers; 3 or more of
    # 10 would happen by chance with probability about 1%.
    assert len(with_alarm) <= 2, with_alarm


def test_small_groups_are_marked_too_small() -> None:
    result = run("r.jsonl", to_jsonl(synthetic(5, 300, True)), AuditSettings(min_group=80))
    small = [g for g in result.groups if g.too_small]
    assert small and all(g.p_value is None and not g.flagged and (g.n < 80 or g.rest_n < 80) for g in small)


# ---- the page and the command ------------------------------------------------------------------------------
def test_the_page_is_self_contained_and_its_links_resolve() -> None:
    result = run("r.jsonl", to_jsonl(synthetic(5, 120, True)))
    page = render_audit_html(result, "en")
    assert f'content="{CSP}"' in page and "default-src 'none'" in CSP
    assert not re.search(r'(src|href)="(https?:)?//', page)
    ids = set(re.findall(r'id="([^"]+)"', page))
    links = re.findall(r'href="#([^"]+)"', page)
    assert links and all(link in ids for link in links)
    assert anchor(result.results[0].case.case_id) in ids
    assert page.count("<svg") >= 4 and 'id="funnel"' in page and 'id="timeline"' in page
    assert page.count('class="export"') == 2 * len(result.tables())


def test_hostile_text_stays_text() -> None:
    text = HEADER + "\n" + row('"<script>alert(1)</script>"') + "\n"
    page = render_audit_html(run("r.csv", text))
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_the_command_writes_the_report_tables_and_json(tmp_path: Path) -> None:
    code, out, err = _cli("audit", str(ROOT / "examples" / "audit" / "register_sintetis.csv"), "--out", str(tmp_path / "o"))
    assert code == 0 and err == "" and "200" in out
    data = json.loads((tmp_path / "o" / "audit.json").read_text(encoding="utf-8"))
    assert data["jumlah"]["perkara"] == 200 and data["pengaturan"]["koreksi"] == "bh"
    tables = {p.name for p in (tmp_path / "o" / "tables").iterdir()}
    assert {"hasil.csv", "kelompok.csv", "perkara.csv", "ditolak.csv", "lini_waktu.csv", "corong.json"} <= tables
    page = (tmp_path / "o" / "report.html").read_text(encoding="utf-8")
    assert 'href="tables/kelompok.csv"' in page


def test_the_example_registers_are_the_generator_s_output() -> None:
    records = synthetic(17, 200, True)
    assert (ROOT / "examples" / "audit" / "register_sintetis.csv").read_text(encoding="utf-8") == to_csv(records)
    assert (ROOT / "examples" / "audit" / "register_sintetis.jsonl").read_text(encoding="utf-8") == to_jsonl(records)


def test_the_command_lists_rejected_rows_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(HEADER + "\n" + row("A") + "\n" + row("B", attribute="mungkin") + "\n", encoding="utf-8")
    code, out, err = _cli("audit", str(path), "--format", "json")
    assert code == 1 and "error[E0805]" in err and f"{path}:3:" in err
    data = json.loads(out)
    assert data["jumlah"]["perkara"] == 1 and data["jumlah"]["perkara_ditolak"] == 1 and data["ditolak"][0]["baris"] == 3
    assert _cli("audit", str(tmp_path / "tidak_ada.csv"))[0] == 2


def test_the_timeline_has_every_month_and_the_funnel_narrows() -> None:
    result = run("r.jsonl", to_jsonl(synthetic(5, 300, True)))
    months = [row["bulan"] for row in result.timeline()]
    assert months == sorted(months) and len(months) == len(set(months))
    first, last = months[0], months[-1]
    span = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:]) - int(first[5:]) + 1
    assert len(months) == span  # no month left out of the axis
    assert sum(row["dilaporkan"] for row in result.timeline()) == len(result.results)
    steps = [row["jumlah"] for row in result.funnel()]
    assert steps[0] == 300 and steps == sorted(steps, reverse=True)


def test_a_disciplinary_sanction_needs_its_tier() -> None:
    text = HEADER.replace("penjatuhan.tingkat", "penjatuhan.kategori") + "\n" + row("A", tier="disiplin") + "\n"
    got = _codes("r.csv", text)
    assert [(code, field) for code, _, _, field in got] == [("E0805", "penjatuhan.tingkat")]


def test_a_json_line_problem_points_at_its_key() -> None:
    one = json.loads(to_jsonl(synthetic(1, 3, True)).splitlines()[0])
    one["insiden"]["tindakan"][0]["jenis"] = "ikut_kampanya"
    line = json.dumps(one, sort_keys=True)
    (rejection,) = read("r.jsonl", line + "\n").rejected
    assert rejection.diagnostic.code == "E0808" and rejection.field == "tindakan[0].jenis"
    assert line[rejection.column - 1 :].startswith('"jenis": "ikut_kampanya"')


def test_an_incident_of_simultaneous_elections_counts_in_each_of_its_elections() -> None:
    incident = json.loads((ROOT / "examples" / "pns_pemilu_serentak_2024.json").read_text(encoding="utf-8"))
    result = run("r.jsonl", json.dumps({"kasus": "SERENTAK", "insiden": incident}) + "\n")
    assert not result.rejected, [r.to_dict() for r in result.rejected]
    (case,) = result.results
    elections = {e["jenis"] for e in incident["pemilu"]}
    assert {label.split(" ")[0] for label in case.attributes["pemilu"]} == elections
