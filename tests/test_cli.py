"""The command line, run in-process: stdout, stderr and exit code."""

from __future__ import annotations

import io
import json
from pathlib import Path

from netralrules.cli import main
from tests.helpers import provision

CLEAN = provision("tindakan.fasilitas_negara")
BROKEN = provision("tindakan.fasilitas_negra")


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_check_bundled_rulebook_by_default() -> None:
    code, out, err = run("check")
    assert code == 0 and err == ""
    assert "tidak ada masalah" in out and "sha256:" in out


def test_check_clean_file(tmp_path: Path) -> None:
    f = tmp_path / "a.nr"
    f.write_text(CLEAN, encoding="utf-8")
    code, out, _ = run("check", str(f), "--lang", "en")
    assert code == 0 and "no problems" in out and "1 provision," in out


def test_check_errors_exit_1_and_go_to_stderr(tmp_path: Path) -> None:
    f = tmp_path / "a.nr"
    f.write_text(BROKEN, encoding="utf-8")
    code, out, err = run("check", str(f))
    assert code == 1 and out == ""
    assert "error[E0204]" in err and "saran: mungkin maksud Anda `tindakan.fasilitas_negara`" in err


def test_check_warnings_only_exit_0(tmp_path: Path) -> None:
    f = tmp_path / "a.nr"
    f.write_text(provision("salah"), encoding="utf-8")
    code, _, err = run("check", str(f))
    assert code == 0 and "warning[W0301]" in err


def test_check_json(tmp_path: Path) -> None:
    f = tmp_path / "a.nr"
    f.write_text(BROKEN, encoding="utf-8")
    code, out, _ = run("check", str(f), "--format", "json", "--lang", "en")
    assert code == 1
    (item,) = json.loads(out)
    assert item["code"] == "E0204" and item["severity"] == "error"
    line = BROKEN.split("\n").index("  jika tindakan.fasilitas_negra") + 1
    assert (item["line"], item["column"]) == (line, len("  jika tindakan.") + 1)
    assert item["suggestion"] == "did you mean `tindakan.fasilitas_negara`"


def test_folders_are_searched_and_errors_from_all_files_reported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.nr").write_text('ketentuan a { rujukan X pasal 1 teks "a" jika benar makaa etik }', encoding="utf-8")
    (tmp_path / "sub" / "b.nr").write_text("definisi d = (", encoding="utf-8")
    (tmp_path / "catatan.txt").write_text("not a rules file", encoding="utf-8")
    code, _, err = run("check", str(tmp_path))
    assert code == 1
    assert "error[E0101]" in err and "error[E0104]" in err and "catatan.txt" not in err


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("check", str(tmp_path / "tidak_ada.nr"))[0] == 2
    assert run("check", str(tmp_path))[0] == 2  # a folder with no rules files
    assert run("check", "--lang", "fr")[0] == 2
    assert run("bukan_perintah")[0] == 2
    assert run()[0] == 2


def test_fmt_check_and_write(tmp_path: Path) -> None:
    f = tmp_path / "a.nr"
    f.write_text("definisi   d =benar\n", encoding="utf-8")
    code, out, _ = run("fmt", "--check", str(f))
    assert code == 1 and "would reformat" in out
    assert f.read_text(encoding="utf-8") == "definisi   d =benar\n"  # --check writes nothing
    code, out, _ = run("fmt", str(f))
    assert code == 0 and f.read_text(encoding="utf-8") == "definisi d = benar\n"
    assert run("fmt", "--check", str(f)) == (0, "", "")
    code, _, _ = run("fmt", "--lang", "en", str(f))
    assert code == 0 and f.read_text(encoding="utf-8") == "definition d = true\n"


def test_fmt_refuses_broken_files(tmp_path: Path) -> None:
    f = tmp_path / "a.nr"
    f.write_text("definisi d = (\n", encoding="utf-8")
    code, _, err = run("fmt", str(f))
    assert code == 1 and "E0104" in err
    assert f.read_text(encoding="utf-8") == "definisi d = (\n"


def test_python_dash_m(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "netralrules", "check"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "sha256:" in done.stdout
