"""The gap matrix: which conduct no provision in force can cover, computed from the rulebook."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import html5lib

from netralrules import load_rulebook
from netralrules.cli import main
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
