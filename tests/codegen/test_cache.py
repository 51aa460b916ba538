"""The rulebook cache (codegen/cache.py): a new process loads from it without parsing and decides
the same; a poisoned cache is not run; a directory or file that is not private to the user, or a
read-only one, is not used and the rulebook is parsed as before, without an error."""

from __future__ import annotations

import json
import marshal
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from netralrules.codegen import cache
from netralrules.codegen.generate import generate
from netralrules.evaluation.program import program_of
from netralrules.resources import default_rulebook_path
from netralrules.rulebook import _load

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="the cache needs POSIX owners and modes")

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "pns_kampanye_atribut_partai.json"


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    """A copy of the bundled rulebook (its own key: the test may change its files)."""
    target = tmp_path / "rules"
    shutil.copytree(default_rulebook_path(), target)
    return target


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(path))
    return path


def _entry(folder: Path, rules: Path) -> dict[str, str]:
    key = cache.key_for((str(rules),), _schema())
    assert key is not None
    index: dict[str, str] = json.loads((folder / f"{key}.json").read_text())
    return index


def _schema() -> object:
    from netralrules.facts.schema import DEFAULT_SCHEMA

    return DEFAULT_SCHEMA


def test_a_load_fills_the_cache_and_the_next_load_reads_it_without_parsing(
    folder: Path, rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _load((str(rules),), _schema())  # type: ignore[arg-type]
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    index = _entry(folder, rules)
    assert {"checked", "program"} <= set(index)
    import netralrules.authoring
    import netralrules.syntax.parser

    def no_parsing(*args: object, **kwargs: object) -> object:
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(netralrules.authoring, "check_paths", no_parsing)
    monkeypatch.setattr(netralrules.syntax.parser, "parse_source", no_parsing)
    second = _load((str(rules),), _schema())  # type: ignore[arg-type]
    assert second.checked == first.checked and second.content_hash == first.content_hash
    assert second.root == first.root and second.paths == first.paths
    text = EXAMPLE.read_text()
    assert second.evaluate(text, explain=False).to_json() == first.evaluate(text, explain=False).to_json()
    program = program_of(second.plan)
    assert program is not None and program.sha256 == index["source"]  # the cached program decides


def test_an_edited_rules_file_is_a_new_key(folder: Path, rules: Path) -> None:
    before = cache.key_for((str(rules),), _schema())
    some = next(rules.rglob("*.nr"))
    some.write_text(some.read_text() + "\n# komentar\n")
    assert cache.key_for((str(rules),), _schema()) != before


def _poison(folder: Path, rules: Path, marker: Path) -> None:
    """Replace the entry's blobs by ones that create `marker` when unpickled or run, with an index
    naming their true hashes (as someone able to write the directory would)."""
    import hashlib

    class Boom:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    bad_pickle = pickle.dumps(Boom())
    bad_code = marshal.dumps(compile(f"__import__('pathlib').Path({str(marker)!r}).touch()", "<x>", "exec"))
    # The poison is live: loaded the plain way, each creates the marker.
    pickle.loads(bad_pickle)
    assert marker.exists()
    marker.unlink()
    exec(marshal.loads(bad_code))
    assert marker.exists()
    marker.unlink()
    key = cache.key_for((str(rules),), _schema())
    index = json.loads((folder / f"{key}.json").read_text())
    for name, data in (("checked", bad_pickle), ("program", bad_code)):
        sha256 = hashlib.sha256(data).hexdigest()
        (folder / f"{sha256}.blob").write_bytes(data)
        os.chmod(folder / f"{sha256}.blob", 0o600)
        index[name] = sha256
    (folder / f"{key}.json").write_text(json.dumps(index))


def test_a_poisoned_cache_is_not_run(folder: Path, rules: Path, tmp_path: Path) -> None:
    _load((str(rules),), _schema())  # type: ignore[arg-type]
    marker = tmp_path / "ran"
    _poison(folder, rules, marker)
    # Neither the pickle nor the code runs; the rulebook is parsed again and works.
    rulebook = _load((str(rules),), _schema())  # type: ignore[arg-type]
    assert not marker.exists()
    assert rulebook.evaluate(EXAMPLE.read_text(), explain=False).evaluation.findings


def test_poisoned_code_alone_is_not_run(folder: Path, rules: Path, tmp_path: Path) -> None:
    """The pickle is good but the program is someone else's code: the names check refuses it."""
    import hashlib

    _load((str(rules),), _schema())  # type: ignore[arg-type]
    marker = tmp_path / "ran"
    key = cache.key_for((str(rules),), _schema())
    index = json.loads((folder / f"{key}.json").read_text())
    source = generate(_load((str(rules),), _schema()).checked)  # type: ignore[arg-type]
    evil = source.text + f"K999 = __import__('pathlib').Path({str(marker)!r}).touch()\n"
    data = marshal.dumps(compile(evil, "<x>", "exec"))
    sha256 = hashlib.sha256(data).hexdigest()
    (folder / f"{sha256}.blob").write_bytes(data)
    os.chmod(folder / f"{sha256}.blob", 0o600)
    index["program"] = sha256
    (folder / f"{key}.json").write_text(json.dumps(index))
    rulebook = _load((str(rules),), _schema())  # type: ignore[arg-type]
    assert not marker.exists()
    assert rulebook.evaluate(EXAMPLE.read_text(), explain=False).evaluation.findings


def test_a_damaged_blob_is_not_used(folder: Path, rules: Path) -> None:
    _load((str(rules),), _schema())  # type: ignore[arg-type]
    index = _entry(folder, rules)
    blob = folder / f"{index['checked']}.blob"
    blob.write_bytes(blob.read_bytes()[:-10] + b"0123456789")
    key = cache.key_for((str(rules),), _schema())
    assert key is not None and cache.load(key) is None


def test_a_directory_others_can_write_is_not_used(folder: Path, rules: Path) -> None:
    folder.mkdir(mode=0o700)
    os.chmod(folder, 0o777)
    assert cache.cache_dir() is None
    rulebook = _load((str(rules),), _schema())  # type: ignore[arg-type]
    assert rulebook.evaluate(EXAMPLE.read_text(), explain=False).evaluation.findings
    assert list(folder.iterdir()) == []


def test_a_file_others_can_write_is_not_used(folder: Path, rules: Path) -> None:
    _load((str(rules),), _schema())  # type: ignore[arg-type]
    key = cache.key_for((str(rules),), _schema())
    assert key is not None and cache.load(key) is not None
    os.chmod(folder / f"{key}.json", 0o666)
    assert cache.load(key) is None


def test_a_link_in_the_cache_is_not_followed(folder: Path, rules: Path, tmp_path: Path) -> None:
    _load((str(rules),), _schema())  # type: ignore[arg-type]
    key = cache.key_for((str(rules),), _schema())
    index = folder / f"{key}.json"
    elsewhere = tmp_path / "elsewhere.json"
    index.rename(elsewhere)
    index.symlink_to(elsewhere)
    assert key is not None and cache.load(key) is None


@pytest.mark.skipif(os.getuid() != 0, reason="giving a file to another user needs root")
def test_a_directory_of_another_user_is_not_used(folder: Path) -> None:
    folder.mkdir(mode=0o700)
    os.chown(folder, 12345, -1)
    assert cache.cache_dir() is None


def test_a_read_only_cache_falls_back_to_parsing(tmp_path: Path, rules: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = tmp_path / "ro"
    parent.mkdir()
    os.chmod(parent, 0o500)
    monkeypatch.setenv(cache.ENV_DIR, str(parent / "cache"))
    try:
        if os.access(parent, os.W_OK):
            pytest.skip("root ignores the mode: nothing is read-only")
        rulebook = _load((str(rules),), _schema())  # type: ignore[arg-type]
        assert rulebook.evaluate(EXAMPLE.read_text(), explain=False).evaluation.findings
    finally:
        os.chmod(parent, 0o700)


def test_a_cache_that_cannot_be_written_falls_back_without_error(
    folder: Path, rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(*args: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(cache, "_write", read_only)
    rulebook = _load((str(rules),), _schema())  # type: ignore[arg-type]
    assert rulebook.evaluate(EXAMPLE.read_text(), explain=False).evaluation.findings
    assert not list(folder.glob("*.json"))


def test_a_root_with_too_many_rules_files_has_no_key(rules: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "_MAX_KEY_FILES", 3)
    assert cache.key_for((str(rules),), _schema()) is None


def test_old_entries_and_their_blobs_are_removed(folder: Path, rules: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    some = next(rules.rglob("*.nr"))
    original = some.read_text()
    keys: list[str] = []
    for i in range(4):  # four versions of the rulebook: four entries written
        some.write_text(original + f"\n# versi {i}\n")
        _load((str(rules),), _schema())  # type: ignore[arg-type]
        key = cache.key_for((str(rules),), _schema())
        assert key is not None
        keys.append(key)
        os.utime(folder / f"{keys[-1]}.json", ns=(i * 10**9 + 10**18, i * 10**9 + 10**18))
    cache._prune(folder)
    left = {p.stem for p in folder.glob("*.json")}
    assert left == set(keys[2:])
    named = set()
    for key in left:
        index = json.loads((folder / f"{key}.json").read_text())
        named |= {index["checked"], index["program"]}
    assert {p.stem for p in folder.glob("*.blob")} == named
    assert cache.load(keys[-1]) is not None


def test_switched_off(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setenv(cache.ENV_SWITCH, "0")
    assert cache.cache_dir() is None


def test_a_new_process_loads_from_the_cache_and_decides_the_same(folder: Path, rules: Path) -> None:
    script = (
        "import sys, netralrules.rulebook as r\n"
        "from netralrules.facts.schema import DEFAULT_SCHEMA\n"
        "rb = r._load((sys.argv[1],), DEFAULT_SCHEMA)\n"
        "print(rb.evaluate(open(sys.argv[2]).read(), explain=False).to_json())\n"
    )
    env = {**os.environ, cache.ENV_DIR: str(folder)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script, str(rules), str(EXAMPLE)], capture_output=True, text=True, env=env, check=True
        )
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout and runs[0].stdout
    assert any(folder.glob("*.json"))
