"""The gap matrix: which conduct no provision in force can cover, computed from the rulebook."""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import json
from pathlib import Path

import html5lib

from netralrules import load_rulebook
from netralrules.cli import main
from netralrules.facts.schema import JENIS_TINDAKAN
from netralrules.syntax import ast
from netralrules.tools import gaps, gaps_views

D = datetime.date

SMALL = """
instrumen PP_UJI {
  judul "Peraturan uji"
  jenis PP
  nomor 1 tahun 2020
  berlaku sejak 2020-01-01
}

definisi masa_kampanye "masa kampanye" =
  tindakan.tanggal antara pemilu.kampanye_mulai sampai pemilu.kampanye_selesai

ketentuan uji.kampanye {
  rujukan PP_UJI pasal 1
  teks "PNS dilarang ikut kampanye."
  untuk PNS
  berlaku sejak 2021-01-01
  jika tindakan.jenis = ikut_kampanye dan masa_kampanye
  maka disiplin tingkat sedang menurut PP_UJI pasal 2
}
"""


def _small(tmp_path: Path) -> gaps.GapMatrix:
    (tmp_path / "uji.nr").write_text(SMALL, encoding="utf-8")
    return gaps.compute(load_rulebook(tmp_path), statuses=["PNS", "CPNS"], act_kinds=["ikut_kampanye", "suka_media_sosial"])


def _cell(matrix: gaps.GapMatrix, status: str, period: int, stage: str, kind: str) -> gaps.Cell:
    (cell,) = [c for c in matrix.cells if (c.status, c.period, c.stage, c.act_kind) == (status, period, stage, kind)]
    return cell


def test_periods_follow_the_dates_in_force_of_provisions(tmp_path: Path) -> None:
    matrix = _small(tmp_path)
    assert [(p.start, p.end) for p in matrix.periods] == [(D(2020, 1, 1), D(2020, 12, 31)), (D(2021, 1, 1), None)]


def test_a_cell_is_covered_only_where_a_provision_can_apply(tmp_path: Path) -> None:
    matrix = _small(tmp_path)
    assert _cell(matrix, "PNS", 1, "masa_kampanye", "ikut_kampanye").covering == ("uji.kampanye",)
    assert not _cell(matrix, "PNS", 1, "masa_kampanye", "ikut_kampanye").is_gap
    # Outside the campaign, before the provision was in force, for another status or another act:
    # no provision can apply, so each is a gap for every election kind.
    for status, period, stage, kind in [
        ("PNS", 1, "sebelum_pendaftaran", "ikut_kampanye"),
        ("PNS", 0, "masa_kampanye", "ikut_kampanye"),
        ("CPNS", 1, "masa_kampanye", "ikut_kampanye"),
        ("PNS", 1, "masa_kampanye", "suka_media_sosial"),
    ]:
        cell = _cell(matrix, status, period, stage, kind)
        assert cell.is_gap and cell.gap_kinds == matrix.election_kinds, (status, period, stage, kind)
    assert matrix.count_by_status() == {"PNS": 2 * 2 * 6 - 1, "CPNS": 2 * 2 * 6}


def test_the_bundled_rulebook_shows_the_gaps_reported_from_the_field() -> None:
    """Reported as silent "no violation": a 2018–2019 social-media like by a PNS (nothing read that
    act kind before the SKB 2022) — and not a gap: a PNS at a campaign after PP 94/2021."""
    rulebook = load_rulebook()
    matrix = gaps.compute(rulebook, statuses=["PNS"], act_kinds=["ikut_kampanye", "suka_media_sosial"], since=D(2010, 6, 6))
    index = next(
        i for i, p in enumerate(matrix.periods) if p.start <= D(2019, 3, 1) and (p.end is None or D(2019, 3, 1) <= p.end)
    )
    assert _cell(matrix, "PNS", index, "sesudah_penetapan", "suka_media_sosial").is_gap
    later = next(
        i for i, p in enumerate(matrix.periods) if p.start <= D(2024, 10, 1) and (p.end is None or D(2024, 10, 1) <= p.end)
    )
    campaign = _cell(matrix, "PNS", later, "masa_kampanye", "ikut_kampanye")
    assert not campaign.is_gap and "pp94.pasal5.n.1" in campaign.covering


def test_views_agree_with_the_matrix(tmp_path: Path) -> None:
    matrix = _small(tmp_path)
    rows = list(csv.DictReader(io.StringIO(gaps_views.to_csv(matrix))))
    assert len(rows) == len(matrix.cells)
    assert sum(bool(r["celah_untuk"]) for r in rows) == sum(matrix.count_by_status().values())
    data = json.loads(gaps_views.to_json(matrix))
    assert data["celah_per_status"] == matrix.count_by_status()
    text = gaps_views.to_text(matrix, "en")
    assert "PNS: 23 gap" in text and "CPNS: 24 gap" in text
    page = gaps_views.to_html(matrix, "en")
    parser = html5lib.HTMLParser(strict=True)
    parser.parse(page)  # raises on any parse error
    assert page.count('class="gap"') == 47 and "<script" not in page and "http" not in page.split("</head>")[1]


def test_the_command_prints_the_matrix_and_refuses_an_unknown_status(tmp_path: Path) -> None:
    (tmp_path / "uji.nr").write_text(SMALL, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["celah", "--rules", str(tmp_path), "--status", "PNS", "--format", "json"], out, err) == 0
    # From 6 Jun 2010 (the default): three periods (before the instrument, before the provision,
    # after it) × 6 stages × 23 act kinds, all gaps but the campaign cell of `ikut_kampanye`.
    assert json.loads(out.getvalue())["celah_per_status"] == {"PNS": 23 * 6 * 3 - 1}
    out, err = io.StringIO(), io.StringIO()
    assert main(["gaps", "--status", "PNSS"], out, err) == 2
    assert "PNSS" in err.getvalue() and out.getvalue() == ""


# ---- gap declarations -------------------------------------------------------------------------

DECLARED = """
celah uji.media_sosial {
  jenis tidak_diatur
  jenis_tindakan suka_media_sosial
  untuk PNS
  berlaku sejak 2020-01-01
  alasan "PP_UJI tidak menyebut perbuatan di media sosial."
}

celah uji.kampanye_cpns {
  jenis diperdebatkan
  jenis_tindakan ikut_kampanye
  untuk CPNS
  berlaku sejak 2021-06-01
  tahap masa_kampanye
  alasan "Apakah larangan bagi PNS mengikat CPNS diperdebatkan."
}

celah uji.basi {
  jenis belum_dikodekan
  jenis_tindakan ikut_kampanye
  untuk PNS
  berlaku sejak 2021-01-01
  tahap masa_kampanye
  alasan "Sudah dikodekan sebagai uji.kampanye."
}
"""


def _declared(tmp_path: Path) -> gaps.GapMatrix:
    (tmp_path / "uji.nr").write_text(SMALL + DECLARED, encoding="utf-8")
    return gaps.compute(load_rulebook(tmp_path), statuses=["PNS", "CPNS"], act_kinds=["ikut_kampanye", "suka_media_sosial"])


def test_a_gap_cell_is_declared_where_a_declaration_covers_it(tmp_path: Path) -> None:
    matrix = _declared(tmp_path)
    # Periods are split where a declaration starts (1 June 2021), so each covers whole periods.
    assert [(p.start, p.end) for p in matrix.periods] == [
        (D(2020, 1, 1), D(2020, 12, 31)),
        (D(2021, 1, 1), D(2021, 5, 31)),
        (D(2021, 6, 1), None),
    ]
    declared = _cell(matrix, "PNS", 1, "masa_kampanye", "suka_media_sosial")
    assert declared.is_gap and declared.is_declared and declared.declarations == ("uji.media_sosial",)
    assert not _cell(matrix, "PNS", 1, "masa_kampanye", "ikut_kampanye").is_gap  # the provision covers it
    assert _cell(matrix, "PNS", 1, "sebelum_pendaftaran", "ikut_kampanye").is_undeclared
    assert _cell(matrix, "CPNS", 1, "masa_kampanye", "ikut_kampanye").is_undeclared  # before 1 June 2021
    cpns = _cell(matrix, "CPNS", 2, "masa_kampanye", "ikut_kampanye")
    assert cpns.is_declared and cpns.declarations == ("uji.kampanye_cpns",)
    assert not _cell(matrix, "CPNS", 2, "masa_tenang", "ikut_kampanye").is_declared  # another stage
    assert matrix.count_declared_by_status() == {"PNS": (18, 16), "CPNS": (1, 35)}


def test_a_declaration_covering_part_of_a_period_leaves_it_undeclared() -> None:
    gap = ast.GapDeclaration(
        id="g", kind=ast.GapKind.CONTESTED, act_kinds=("ajakan",), statuses=("PNS",), start=D(2021, 6, 1), reason="r"
    )
    whole, later = gaps.Period(D(2021, 6, 1), None), gaps.Period(D(2021, 1, 1), D(2021, 12, 31))
    assert gaps._covers_period(gap, "ajakan", "PNS", whole, "masa_kampanye", "pemilu_dpr")
    assert not gaps._covers_period(gap, "ajakan", "PNS", later, "masa_kampanye", "pemilu_dpr")
    assert gaps._touches(gap, "ajakan", "PNS", later, "masa_kampanye", "pemilu_dpr")
    ended = dataclasses.replace(gap, end=D(2022, 1, 1))
    assert not gaps._covers_period(ended, "ajakan", "PNS", whole, "masa_kampanye", "pemilu_dpr")


def test_a_declaration_restricted_to_some_election_kinds_leaves_the_cell_undeclared(tmp_path: Path) -> None:
    text = DECLARED.replace(
        "  jenis_tindakan suka_media_sosial\n", "  jenis_tindakan suka_media_sosial\n  jenis_pemilu pemilu_dpr\n", 1
    )
    (tmp_path / "uji.nr").write_text(SMALL + text, encoding="utf-8")
    matrix = gaps.compute(load_rulebook(tmp_path), statuses=["PNS"], act_kinds=["suka_media_sosial"])
    cell = _cell(matrix, "PNS", 1, "masa_kampanye", "suka_media_sosial")
    assert cell.declared["pemilu_dpr"] == ("uji.media_sosial",) and cell.declared["pemilu_presiden"] == ()
    assert cell.is_undeclared and cell.declarations == ("uji.media_sosial",)


def test_stale_declarations_are_those_touching_no_gap(tmp_path: Path) -> None:
    matrix = _declared(tmp_path)
    assert matrix.stale == ("uji.basi",)
    only_cpns = gaps.compute(load_rulebook(tmp_path), statuses=["CPNS"], act_kinds=["ikut_kampanye", "suka_media_sosial"])
    assert only_cpns.stale == ()  # the PNS declarations are not judged on a CPNS matrix


def test_views_show_declared_and_undeclared_cells(tmp_path: Path) -> None:
    matrix = _declared(tmp_path)
    text = gaps_views.to_text(matrix, "en")
    assert "PNS 34 (declared 18, undeclared 16)" in text
    assert "masa_kampanye (every election kind) [declared: uji.media_sosial]" in text
    assert "Gap declarations that cover no gap: uji.basi" in text
    data = json.loads(gaps_views.to_json(matrix))
    assert data["celah_dinyatakan_per_status"] == {"PNS": 18, "CPNS": 1}
    assert data["celah_tidak_dinyatakan_per_status"] == {"PNS": 16, "CPNS": 35}
    assert [d["id"] for d in data["deklarasi_celah"] if d["basi"]] == ["uji.basi"]
    flags = {c["celah_dinyatakan"] for c in data["sel"]}
    assert flags == {True, False, None}
    rows = list(csv.DictReader(io.StringIO(gaps_views.to_csv(matrix))))
    assert sum(r["celah_dinyatakan"] == "ya" for r in rows) == 19
    assert sum(r["celah_dinyatakan"] == "tidak" for r in rows) == 51
    assert {r["deklarasi_celah"] for r in rows if r["celah_dinyatakan"] == "ya"} == {"uji.media_sosial", "uji.kampanye_cpns"}
    page = gaps_views.to_html(matrix, "en")
    html5lib.HTMLParser(strict=True).parse(page)
    assert page.count('class="declared"') == 19
    assert page.count('title="uji.media_sosial (not_regulated): PP_UJI tidak menyebut perbuatan di media sosial."') == 18


def _gaps_cli(tmp_path: Path, *extra: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["gaps", "--rules", str(tmp_path), "--lang", "en", *extra], out, err)
    return code, out.getvalue(), err.getvalue()


def test_fail_on_undeclared_exits_1_with_one_warning_per_row(tmp_path: Path) -> None:
    (tmp_path / "uji.nr").write_text(SMALL + DECLARED, encoding="utf-8")
    code, _, err = _gaps_cli(tmp_path, "--status", "PNS")
    assert code == 0 and "W0601" not in err and "warning[W0602]" in err and "uji.nr:" in err
    code, _, err = _gaps_cli(tmp_path, "--status", "PNS", "--fail-on-undeclared")
    assert code == 1
    # 23 act kinds: all but suka_media_sosial have undeclared cells, and so has suka_media_sosial
    # before 2020 (the declaration starts on 1 Jan 2020).
    assert err.count("warning[W0601]") == 23
    assert "`suka_media_sosial` by a PNS (P1 2010-06-06 – 2019-12-31; stages sebelum_pendaftaran" in err


def test_fail_on_undeclared_exits_0_when_every_asn_gap_is_declared(tmp_path: Path) -> None:
    everything = f"""
celah uji.semua {{
  jenis tidak_diatur
  jenis_tindakan {", ".join(JENIS_TINDAKAN.values)}
  untuk PNS, CPNS, PPPK
  berlaku sejak 2010-06-06
  alasan "Uji: setiap perbuatan di luar uji.kampanye tidak diatur."
}}
"""
    (tmp_path / "uji.nr").write_text(SMALL + everything, encoding="utf-8")
    code, out, err = _gaps_cli(tmp_path, "--fail-on-undeclared", "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    # Honorer staff are no ASN: their gaps are undeclared, and do not fail the command.
    assert data["celah_tidak_dinyatakan_per_status"]["honorer"] > 0
    assert all(data["celah_tidak_dinyatakan_per_status"][s] == 0 for s in ("PNS", "CPNS", "PPPK"))
    code, _, err = _gaps_cli(tmp_path, "--fail-on-undeclared", "--since", "2005-01-01", "--status", "PNS")
    # Before the declaration starts: the periods are split there, so only that part is undeclared.
    assert code == 1 and err.count("warning[W0601]") == 23 and "(P1 2005-01-01 – 2010-06-05; stages" in err


def test_declarations_at_the_end_of_the_calendar_do_not_break_the_matrix(tmp_path: Path) -> None:
    far = DECLARED.replace("berlaku sejak 2020-01-01", "berlaku sejak 9999-06-01 sampai 9999-12-31")
    (tmp_path / "uji.nr").write_text(SMALL + far, encoding="utf-8")
    matrix = gaps.compute(load_rulebook(tmp_path), statuses=["PNS"], act_kinds=["suka_media_sosial"])
    assert matrix.periods[-1].end is None and matrix.periods[-1].start < D(9990, 1, 1)
    assert not any(c.is_declared for c in matrix.cells)
