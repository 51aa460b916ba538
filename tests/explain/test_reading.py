"""The report as a reviewer reads it (issue 15): the decision first, what did not apply grouped by
reason, conditions in words with their values, instruments as a lawyer names them, split
provisions told apart, English sanction options, levels of detail, and the PDF to sign.

The PDF tests read the PDF back with poppler-utils (pdftotext, pdftoppm). They are skipped where
WeasyPrint or poppler-utils is missing, except when NETRALRULES_REQUIRE_PDF is set (CI sets it):
then a missing tool fails instead. A PNG of the first page goes to $NETRALRULES_ARTIFACTS."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from netralrules.cli import main
from netralrules.explain.render.narrative import render_markdown, render_text
from netralrules.explain.report import Report
from netralrules.explain.words import condition_words, instrument_name, sanction_text
from netralrules.facts import load_incident
from netralrules.facts.loading import read_incident_file
from netralrules.rulebook import load_rulebook

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.is_file())  # examples/audit/: registers
ATRIBUT = ROOT / "examples" / "pns_kampanye_atribut_partai.json"
# Raw rulebook ids a default report must not show: provision ids and instrument names.
RAW_ID = re.compile(r"\b(?:pp|uu|skb)\d+\.[a-z0-9_.]+|\b(?:PP|UU|SKB|SE)_[A-Z0-9_]+")


def _report(path: Path) -> Report:
    rulebook = load_rulebook()
    facts = load_incident(read_incident_file(path), source=str(path))
    return rulebook.report_for(rulebook.decide(facts, explain=True), facts)


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    return {p.name: _report(p) for p in EXAMPLES}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_default_reports_show_no_raw_ids_and_no_repeated_lines(reports: dict[str, Report], lang: str) -> None:
    for name, report in reports.items():
        for text in (render_text(report, lang), render_markdown(report, lang)):
            assert not RAW_ID.search(text), (name, RAW_ID.search(text))
            # Up to the annex of sources, whose entries say their reliability in the same words.
            # The reasons and Annex A (two findings may each list the same sanction options).
            part = "Pertimbangan" if lang == "id" else "Reasons"
            start = text.find(f"\n{part.upper()}\n") if f"\n{part.upper()}\n" in text else text.index(f"## {part}")
            body = text[start : text.index("Lampiran C" if lang == "id" else "Annex C")]
            lines = [line.strip() for line in body.splitlines() if len(line.strip()) > 20 and not line.rstrip().endswith(":")]
            repeated = {line for line in lines if lines.count(line) > 1}
            assert not repeated, (name, repeated)


def test_decision_comes_first_then_reasons_then_annexes(reports: dict[str, Report]) -> None:
    text = render_text(reports[ATRIBUT.name], "en")
    order = [
        "Summary of the decision",
        "Findings",
        "Referral (supervisory body)",
        "Unresolved or not assessed",
        "REASONS",
        "Law applied",
        "Legal basis",
        "ANNEXES",
        "Annex A: provisions considered that did not apply",
        "Annex B: facts",
        "Annex C: sources",
    ]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert "Annex D (technical)" not in text


def test_not_in_force_is_one_line_per_instrument_with_its_period(reports: dict[str, Report]) -> None:
    text = render_text(reports[ATRIBUT.name], "en")
    pp53 = [line for line in text.splitlines() if "PP 53/2010" in line and "not in force" in line]
    assert len(pp53) == 1
    assert "in force June 6, 2010 – August 30, 2021: not in force on October 12, 2024 (14 provision(s))" in pp53[0]


def test_does_not_bind_is_grouped_by_subjects(reports: dict[str, Report]) -> None:
    text = render_text(reports[ATRIBUT.name], "en")
    pppk = [line for line in text.splitlines() if "Binds only PPPK; the respondent is PNS" in line]
    assert len(pppk) == 1 and "(8 provision(s))" in pppk[0]


def test_conditions_in_words_with_their_values() -> None:
    class Fact:
        def __init__(self, path: str, value: object, known: bool = True) -> None:
            self.path, self.value, self.known, self.label = path, value, known, None

    period = "tindakan.tanggal antara pemilu.kampanye_mulai sampai pemilu.kampanye_selesai"
    facts = [
        Fact("tindakan.tanggal", "2024-10-12"),
        Fact("pemilu.kampanye_mulai", "2024-11-01"),
        Fact("pemilu.kampanye_selesai", "2024-11-23"),
    ]
    assert condition_words(period, "false", "masa kampanye", facts, "en") == (
        "Date of the act (October 12, 2024) was not within «masa kampanye» (November 1, 2024 – November 23, 2024)"
    )
    assert condition_words(
        "tindakan.jenis = mencalonkan_diri", "false", None, [Fact("tindakan.jenis", "ikut_kampanye")], "id"
    ) == ("Jenis tindakan: ikut kampanye, bukan mencalonkan diri")
    assert condition_words("tindakan.dampak = negara", "unknown", None, [Fact("tindakan.dampak", None, False)], "en") == (
        "Negative impact: unknown (required: negara)"
    )
    assert condition_words("tindakan.fasilitas_negara", "false", None, [Fact("tindakan.fasilitas_negara", False)], "en") == (
        "State facilities used: no"
    )


def test_split_provisions_are_told_apart_never_the_same_label(reports: dict[str, Report]) -> None:
    report = reports[ATRIBUT.name]
    for lang in ("id", "en"):
        labels = [c.citation.get(lang) for c in report.not_applied if c.act == 0]
        assert len(labels) == len(set(labels))
    text = render_text(report, "en")
    for tier in ("severe", "moderate", "light"):
        assert f"Article 3 letter d of PP 94/2021 ({tier} tier)" in text


def test_english_names_and_sanctions() -> None:
    assert instrument_name("PP_94_2021") == "PP 94/2021"
    assert instrument_name("UU_7_2017") == "UU 7/2017"
    assert instrument_name("SE_B71_2017") == "SE B/71/2017"
    option = "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan"
    assert sanction_text(option, "id") == option
    assert sanction_text(option, "en").startswith("25% cut of the performance allowance for 6 months")


def test_legal_basis_gives_each_full_title_once(reports: dict[str, Report]) -> None:
    text = render_text(reports[ATRIBUT.name], "en")
    assert text.count("Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil") == 1


def test_levels_of_detail(reports: dict[str, Report]) -> None:
    report = reports[ATRIBUT.name]
    summary = render_text(report, "en", "summary")
    standard = render_text(report, "en")
    full = render_text(report, "en", "full")
    assert len(summary.splitlines()) < len(standard.splitlines()) < len(full.splitlines())
    assert "Findings" in summary and "REASONS" not in summary and "Annex A" not in summary
    # The code form of the conditions is in the technical annex only.
    assert "`" not in standard and "tindakan.jenis = ikut_kampanye" not in standard
    assert "Annex D (technical)" in full and "tindakan.jenis = mencalonkan_diri [false]" in full
    with pytest.raises(ValueError):
        render_text(report, "en", "brief")


def test_cli_detail_and_pdf_refused_on_a_terminal() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["evaluate", str(ATRIBUT), "--detail", "summary", "--lang", "en"], out, err) == 0
    assert "REASONS" not in out.getvalue() and "Summary of the decision" in out.getvalue()

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal, err = Terminal(), io.StringIO()
    assert main(["evaluate", str(ATRIBUT), "--format", "pdf"], terminal, err) == 2
    assert "--output" in err.getvalue() and terminal.getvalue() == ""


# ---- the PDF -------------------------------------------------------------------------------------


def _pdf_missing() -> str | None:
    for tool in ("pdftotext", "pdftoppm"):
        if shutil.which(tool) is None:
            return f"{tool} not installed (apt-get install poppler-utils)"
    try:
        import weasyprint  # type: ignore[import-untyped]  # noqa: F401
    except (ImportError, OSError) as error:
        return f"WeasyPrint cannot be loaded (pip install -e '.[pdf]', apt-get install libpango-1.0-0): {error}"
    return None


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reason = _pdf_missing()
    if reason is not None:
        if os.environ.get("NETRALRULES_REQUIRE_PDF"):
            pytest.fail(f"NETRALRULES_REQUIRE_PDF is set but {reason}")
        pytest.skip(reason)
    target = tmp_path_factory.mktemp("pdf") / "report.pdf"
    out, err = io.StringIO(), io.StringIO()
    assert main(["evaluate", str(ATRIBUT), "--format", "pdf", "--lang", "en", "--output", str(target)], out, err) == 0, (
        err.getvalue()
    )
    assert out.getvalue() == ""
    return target


def _text(pdf: Path, *pages: int) -> str:
    args = ["pdftotext", "-layout"] + (["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []) + [str(pdf), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def test_pdf_text_footer_on_every_page_and_signature_at_the_end(pdf: Path) -> None:
    assert pdf.read_bytes().startswith(b"%PDF-")
    info = (
        subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        if shutil.which("pdfinfo")
        else ""
    )
    if info:
        assert "A4" in info
    text = _text(pdf)
    pages = text.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 2
    rulebook = _report(ATRIBUT).rulebook
    for number, page in enumerate(pages, 1):
        assert "CONTOH-PILKADA-2024-017" in page and rulebook in page
        assert f"Page {number} of {len(pages)}" in page
    # The decision comes first: its summary and findings on the first page, and the decision part
    # (with the procedure in full at this level of detail) ends within two pages.
    first = pages[0]
    assert "Summary of the decision" in first and "Article 5 letter n number 2 of PP 94/2021" in first
    assert "Unresolved or not assessed" in first + pages[1] and "Procedure" in first + pages[1]
    last = pages[-1]
    disclaimer = "This report supports a decision and does not replace the examiner's judgement."
    assert disclaimer in " ".join(last.split())
    tail = last[last.index("This report supports") :]
    for field in ("Name", "Position", "Date", "Place", "Signature"):
        assert field in tail


def test_pdf_pages_render_to_png(pdf: Path, tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page*.png"))
    assert pngs and pngs[0].read_bytes().startswith(b"\x89PNG")
    assert pngs[0].stat().st_size > 5_000  # a page with text, not a blank one
    folder = Path(os.environ.get("NETRALRULES_ARTIFACTS") or ROOT / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(pngs[0], folder / "report-pdf-page-1.png")


def test_pdf_summary_is_one_page(tmp_path: Path) -> None:
    reason = _pdf_missing()
    if reason is not None:
        if os.environ.get("NETRALRULES_REQUIRE_PDF"):
            pytest.fail(f"NETRALRULES_REQUIRE_PDF is set but {reason}")
        pytest.skip(reason)
    from netralrules.explain.render.pdf import document_html, to_pdf

    report = _report(ATRIBUT)
    hostile = Report(**{**report.__dict__, "incident_id": '"; } body { display: none } <script>'})
    assert "<script>" not in document_html(hostile, "en")
    # A one-act example's summary, with the signature block, fits on one printed page (issue 15);
    # the simultaneous-elections example has two acts.
    one_act = [path for path in EXAMPLES if len(_report(path).acts) == 1]
    assert len(one_act) >= 4
    for path in one_act:
        target = tmp_path / f"{path.stem}.pdf"
        target.write_bytes(to_pdf(_report(path), "en", "summary"))
        pages = [p for p in _text(target).split("\f") if p.strip()]
        assert len(pages) == 1, path.name
        assert "Summary of the decision" in pages[0] and "examiner's judgement" in " ".join(pages[0].split())
