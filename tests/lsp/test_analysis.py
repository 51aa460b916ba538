"""The analysis behind the server, without a client: which folder is a file's rulebook, and that an
edit re-parses only the edited file while the whole folder is checked."""

from __future__ import annotations

from pathlib import Path

from netralrules.lsp.analysis import Folder, find_root
from netralrules.resources import default_rulebook_path

RULES = default_rulebook_path().resolve()


def _touch(path: Path, text: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_bundled_rulebook_is_the_folder_with_the_cases() -> None:
    assert find_root(RULES / "pp94_2021" / "pasal_05_huruf_n.nr", [RULES.parent]) == RULES


def test_a_cases_folder_without_yaml_is_not_a_rulebook_marker(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    golden = _touch(tmp_path / "tests" / "golden" / "cases" / "E0101.nr")
    assert find_root(golden, [tmp_path]) == golden.parent


def test_without_cases_the_folder_widens_while_its_parent_holds_other_rules(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    a = _touch(tmp_path / "book" / "a" / "x.nr")
    _touch(tmp_path / "book" / "b" / "y.nr")
    _touch(tmp_path / "other" / "z.nr")
    assert find_root(a, [tmp_path]) == tmp_path / "book"  # not above `book`: its parent is the project


def test_outside_the_workspace_a_file_stands_in_its_own_folder(tmp_path: Path) -> None:
    a = _touch(tmp_path / "book" / "a" / "x.nr")
    _touch(tmp_path / "book" / "b" / "y.nr")
    assert find_root(a, []) == a.parent


def test_a_configured_root_wins(tmp_path: Path) -> None:
    a = _touch(tmp_path / "book" / "a" / "x.nr")
    _touch(tmp_path / "book" / "cases" / "c.yaml")
    assert find_root(a, [tmp_path], [tmp_path / "book" / "a"]) == tmp_path / "book" / "a"


def test_an_edit_reparses_only_the_edited_file_and_checks_the_folder() -> None:
    folder = Folder(RULES)
    edited = (RULES / "pp94_2021" / "pasal_05_huruf_n.nr").as_posix()
    other = (RULES / "uu7_2017" / "pidana.nr").as_posix()
    text = Path(edited).read_text(encoding="utf-8")
    folder.set_text(edited, text)
    first = folder.analyse()
    assert first.rulebook is not None and not any(first.diagnostics.values())
    assert folder.analyse() is first  # nothing changed: nothing is redone
    before = folder.parse(other)
    folder.set_text(edited, text.replace("definisi masa_kampanye ", "definisi masa_kampanye_resmi ", 1))
    second = folder.analyse()
    assert folder.parse(other) is before
    # The other file names the old definition on its `pakai` line (E0223) and uses it (E0212).
    assert {d.code for d in second.diagnostics[other]} == {"E0212", "E0223"}
    folder.set_text(edited, None)  # closed: back to the file on disk
    assert not any(folder.analyse().diagnostics.values())
