"""`netralrules siap` / `ready` (issue 19): the hand-in command over a copy of the rulebook in a git
working tree. An author adds a provision with its cases and its line in docs/rulebook.md: ready;
a failing case, an uncovered provision or a provision missing from the docs: not ready, and the
closing line names what to fix."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from netralrules.cli import main
from netralrules.tools.ready import declared_names, undocumented

ROOT = Path(__file__).resolve().parent.parent

CONTOH_NR = """\
# CONTOH PELAJARAN SAJA - BUKAN HUKUM. CONTOH_2025 adalah peraturan rekaan untuk panduan penulisan.
pakai masa_kampanye dari PP_94_2021

instrumen CONTOH_2025 {
  judul "Peraturan Contoh Nomor 1 Tahun 2025 (rekaan, untuk latihan)"
  jenis PP
  nomor 1 tahun 2025
  berlaku sejak 2025-01-01
  catatan "Instrumen rekaan untuk pengujian; bukan peraturan yang sebenarnya."
}

ketentuan contoh.pasal1 {
  rujukan CONTOH_2025 pasal 1 huruf a
  teks "(rekaan) PNS dilarang mengunggah dukungan kepada calon di media sosial selama masa kampanye."
  untuk PNS
  jika tindakan.jenis = unggah_media_sosial dan masa_kampanye
  maka disiplin tingkat ringan menurut CONTOH_2025 pasal 2
}

hukuman CONTOH_2025 tingkat ringan {
  rujukan CONTOH_2025 pasal 2
  sanksi
    "teguran lisan"
}
"""

CASE_FIRES = """\
- nama: PNS mengunggah dukungan di tengah masa kampanye
  insiden:
    responden: {status_kepegawaian: PNS}
    pemilu: {kampanye_mulai: 2025-03-01, kampanye_selesai: 2025-03-31}
    tindakan:
      - {tanggal: 2025-03-10, jenis: unggah_media_sosial}
  harapan:
    berlaku: [contoh.pasal1]
"""

CASE_NOT_FIRED = """\
- nama: Unggahan sehari sesudah masa kampanye
  insiden:
    responden: {status_kepegawaian: PNS}
    pemilu: {kampanye_mulai: 2025-03-01, kampanye_selesai: 2025-03-31}
    tindakan:
      - {tanggal: 2025-04-01, jenis: unggah_media_sosial}
  harapan:
    tidak_berlaku: [contoh.pasal1]
"""

DOC_LINE = "\n- `CONTOH_2025` (rekaan): `contoh.pasal1`\n"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", str(repo), *args],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of rules/, docs/rulebook.md and examples/ in a git repository with one commit."""
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    (tmp_path / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "rulebook.md", tmp_path / "docs" / "rulebook.md")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "start")
    return tmp_path


def _add_provision(repo: Path, cases: str = CASE_FIRES + "\n" + CASE_NOT_FIRED, doc: bool = True) -> None:
    (repo / "rules" / "contoh_2025").mkdir()
    (repo / "rules" / "contoh_2025" / "pasal_1.nr").write_text(CONTOH_NR, encoding="utf-8")
    (repo / "rules" / "cases" / "contoh_2025").mkdir(parents=True, exist_ok=True)
    (repo / "rules" / "cases" / "contoh_2025" / "pasal_1.yaml").write_text(cases, encoding="utf-8")
    if doc:
        with (repo / "docs" / "rulebook.md").open("a", encoding="utf-8") as handle:
            handle.write(DOC_LINE)


def _siap(repo: Path, *extra: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["siap", "--rules", str(repo / "rules"), "--skip-gaps", *extra], stdout=out, stderr=err)
    return code, out.getvalue() + err.getvalue()


def _last_line(text: str) -> str:
    return text.rstrip("\n").splitlines()[-1]


def test_a_new_provision_with_cases_and_docs_is_ready(repo: Path) -> None:
    _add_provision(repo)
    code, text = _siap(repo, "--lang", "en")
    assert code == 0, text
    assert _last_line(text) == "SIAP / READY"
    # Only the new provision counts as changed, and its cases run.
    assert "provisions changed since the last commit): contoh.pasal1\n" in text
    assert "LULUS" in text and "PNS mengunggah dukungan di tengah masa kampanye" in text
    # Only the cases of the changed files are listed, but every case runs and is counted.
    assert text.count("LULUS") == 2
    assert "every case: " in text and ", 0 failed; changed provisions covered: 1 of 1" in text
    # The diff over the examples names the added provision.
    assert "contoh.pasal1" in text.split("4. Effect of the change")[1]


def test_the_ready_alias_and_an_unchanged_tree(repo: Path) -> None:
    out = io.StringIO()
    code = main(["ready", "--rules", str(repo / "rules"), "--skip-gaps"], stdout=out, stderr=io.StringIO())
    assert code == 0
    assert "berubah sejak commit terakhir): tidak ada" in out.getvalue()
    assert _last_line(out.getvalue()) == "SIAP / READY"


def test_a_failing_case_is_named(repo: Path) -> None:
    wrong = CASE_NOT_FIRED.replace("tidak_berlaku: [contoh.pasal1]", "berlaku: [contoh.pasal1]")
    _add_provision(repo, CASE_FIRES + "\n" + wrong)
    code, text = _siap(repo)
    assert code == 1
    last = _last_line(text)
    assert last.startswith("BELUM SIAP / NOT READY: ")
    assert "perbaiki kasus yang gagal" in last and "Unggahan sehari sesudah masa kampanye" in last
    # Coverage counts what happened, not what was expected: both cases ran, the provision is covered.
    assert "tambahkan kasus" not in last


def test_an_uncovered_provision_is_named(repo: Path) -> None:
    # No case makes it fire (coverage counts every case of the folder: others make it not fire).
    _add_provision(repo, CASE_NOT_FIRED)
    code, text = _siap(repo)
    assert code == 1
    assert _last_line(text) == (
        "BELUM SIAP / NOT READY: tambahkan kasus yang membuat ketentuan ini berlaku dan tidak berlaku: contoh.pasal1"
    )


def test_a_provision_missing_from_the_docs_is_named(repo: Path) -> None:
    _add_provision(repo, doc=False)
    code, text = _siap(repo, "--lang", "en")
    assert code == 1
    last = _last_line(text)
    assert last.startswith("BELUM SIAP / NOT READY: name in docs/rulebook.md: ")
    assert "contoh.pasal1" in last and "CONTOH_2025" in last
    assert "fix the failing cases" not in last


def test_an_unformatted_file_and_an_explicit_provision(repo: Path) -> None:
    _add_provision(repo)
    path = repo / "rules" / "contoh_2025" / "pasal_1.nr"
    path.write_text(path.read_text(encoding="utf-8").replace("  untuk PNS", "    untuk PNS"), encoding="utf-8")
    code, text = _siap(repo, "--provision", "contoh.pasal1", "--provision", "no.such.provision", "--lang", "en")
    assert code == 1
    last = _last_line(text)
    assert "run `netralrules fmt` on " in last and "pasal_1.nr" in last
    assert "no such provision: no.such.provision" in last
    assert "provisions asked for (--provision)): contoh.pasal1\n" in text, text


def test_outside_git_every_provision_is_checked(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "rules" / "pp94_2021", tmp_path / "rules")
    code, text = _siap(tmp_path)
    assert "semua ketentuan (bukan git working tree)" in text
    assert "tidak dibandingkan: bukan git working tree" in text
    # No docs/rulebook.md next to the copy: not ready, and said so.
    assert code == 1
    assert "docs/rulebook.md tidak ditemukan" in _last_line(text)


def test_undocumented_matches_whole_ids_only() -> None:
    assert undocumented(["pp94.pasal5", "pp94.pasal5.n"], "see `pp94.pasal5.n`") == ["pp94.pasal5"]
    assert declared_names(ROOT / "rules")  # the bundled rulebook declares provisions


def test_an_undeclared_gap_is_named(tmp_path: Path) -> None:
    """A rulebook of one provision leaves every other act of a PNS uncovered: W0601, not ready."""
    rules = tmp_path / "rules"
    (rules / "cases").mkdir(parents=True)
    own = CONTOH_NR.replace(
        "pakai masa_kampanye dari PP_94_2021\n",
        "",
    ).replace(
        "ketentuan contoh.pasal1",
        'definisi masa_kampanye "masa kampanye" =\n'
        "  tindakan.tanggal antara pemilu.kampanye_mulai sampai pemilu.kampanye_selesai\n\n"
        "ketentuan contoh.pasal1",
    )
    (rules / "contoh.nr").write_text(own, encoding="utf-8")
    (rules / "cases" / "contoh.yaml").write_text(CASE_FIRES + "\n" + CASE_NOT_FIRED, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "rulebook.md").write_text(DOC_LINE, encoding="utf-8")
    out = io.StringIO()
    code = main(["siap", "--rules", str(rules), "--lang", "en"], stdout=out, stderr=io.StringIO())
    text = out.getvalue()
    assert code == 1, text
    assert "warning[W0601]" in text
    last = _last_line(text)
    assert last.startswith("BELUM SIAP / NOT READY: declare the gaps (`celah`) or encode the provisions: PNS/")
    assert "PNS/ikut_kampanye" in last and "PPPK/" in last
