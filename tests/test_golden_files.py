"""The golden-file helper: a missing or different golden file fails; only --update-golden writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden_files import HASH_PLACEHOLDER, UPDATE_FLAG, GoldenFiles, mask_hashes

HASH_A = "a" * 64
HASH_B = "0123456789abcdef" * 4


def test_a_missing_golden_file_fails_and_says_how_to_write_it(tmp_path: Path) -> None:
    expected = tmp_path / "kasus.expected"
    with pytest.raises(pytest.fail.Exception) as failure:
        GoldenFiles().check("keluaran\n", expected)
    assert "missing" in str(failure.value)
    assert f"python -m pytest {UPDATE_FLAG}" in str(failure.value)
    assert not expected.exists(), "a check without the update flag must not write"


def test_a_different_golden_file_fails_with_the_diff(tmp_path: Path) -> None:
    expected = tmp_path / "kasus.expected"
    expected.write_text("baris lama\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception) as failure:
        GoldenFiles().check("baris baru\n", expected)
    assert "-baris lama" in str(failure.value) and "+baris baru" in str(failure.value)
    assert UPDATE_FLAG in str(failure.value)
    assert expected.read_text(encoding="utf-8") == "baris lama\n"


def test_the_update_flag_writes_and_records_only_what_changed(tmp_path: Path) -> None:
    written: list[Path] = []
    new, same = tmp_path / "sub" / "baru.expected", tmp_path / "sama.expected"
    same.write_text("sama\n", encoding="utf-8")
    updating = GoldenFiles(update=True, written=written)
    updating.check("baru\n", new)
    updating.check("sama\n", same)
    assert new.read_text(encoding="utf-8") == "baru\n"
    assert written == [new]
    GoldenFiles().check("baru\n", new)  # and now it passes without the flag


def test_hashes_are_masked_in_the_file_and_in_the_comparison(tmp_path: Path) -> None:
    expected = tmp_path / "laporan.txt"
    GoldenFiles(update=True).check(f"buku aturan sha256:{HASH_A}.\n", expected, normalise=mask_hashes)
    assert expected.read_text(encoding="utf-8") == f"buku aturan sha256:{HASH_PLACEHOLDER}.\n"
    GoldenFiles().check(f"buku aturan sha256:{HASH_B}.\n", expected, normalise=mask_hashes)
    assert mask_hashes("f" * 65) == "f" * 65, "only a whole 64-digit hash is masked"


def test_the_update_flag_is_a_documented_option(pytestconfig: pytest.Config) -> None:
    assert pytestconfig.getoption(UPDATE_FLAG) in (True, False)
