"""Issue 13, usability faults found on the way: `--rules` no longer swallows the incident path, the
README's diff command runs as written, every `--lang` says what it means, incident errors end with
a newline, and control characters from an incident or a rules file never reach the terminal."""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shlex
import shutil
from pathlib import Path

from netralrules.cli import _parser, main
from netralrules.resources import default_rulebook_path

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "pns_kampanye_atribut_partai.json"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_rules_before_the_incident_path_does_not_swallow_it() -> None:
    code, out, err = run("evaluate", "--rules", str(default_rulebook_path()), str(EXAMPLE), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["insiden"] == json.loads(EXAMPLE.read_text())["id"]


def test_rules_before_the_cases_of_test_does_not_swallow_them() -> None:
    cases = default_rulebook_path() / "cases" / "pp94_2021"
    code, _out, err = run("test", "--rules", str(default_rulebook_path()), str(cases))
    assert code == 0, err


def test_the_readme_diff_commands_run_as_written(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [line.split("#")[0].strip() for line in readme.splitlines() if line.startswith(("cp -r rules/", "netralrules diff"))]
    assert [line.split()[0] for line in lines] == ["cp", "netralrules"]
    shutil.copytree(default_rulebook_path(), tmp_path / "rules")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        cp = shlex.split(lines[0])
        shutil.copytree(cp[2], cp[3])
        code, out, err = run(*shlex.split(lines[1])[1:])
    finally:
        os.chdir(cwd)
    assert code == 0, err
    assert "berubah: 0" in out


def test_every_lang_option_has_help_that_says_what_it_sets() -> None:
    parser = _parser()
    helps = {}
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for name, sub in action.choices.items():
            for option in sub._actions:
                if "--lang" in option.option_strings:
                    helps[name] = option.help or ""
    assert set(helps) >= {"check", "fmt", "evaluate", "diff"}
    assert all(h for h in helps.values()), helps
    assert "keyword" in helps["fmt"] and "messages" in helps["check"]


def test_incident_errors_end_with_a_newline(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{}", encoding="utf-8")
    code, _, err = run("evaluate", str(path))
    assert code == 1 and err.endswith("\n") and "[E0404]" in err


def test_dev_zero_is_read_with_a_cap(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        return
    code, _, err = run("evaluate", "/dev/zero")
    assert code == 1 and "[E0415]" in err


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_escape_sequences_from_an_incident_never_reach_the_terminal(tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["id"] = "\x1b]0;owned\x07\x1b[2J"
    data["tindakan"][0]["uraian"] = "\x1b[31mmerah\x1b[0m\r"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(data), encoding="utf-8")
    for fmt in ("text", "markdown", "html"):
        code, out, err = run("evaluate", str(good), "--format", fmt)
        assert code == 0 and not _CONTROL.search(out + err), fmt
        assert "\\x1b" in out
    data["\x1b[1mkunci"] = 1
    data["pemilu"]["jenis"] = "\x1b[5mx"
    bad = tmp_path / "\x1bbad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run("evaluate", str(bad))
    assert code == 1 and not _CONTROL.search(out + err)


def test_raw_bytes_of_a_broken_rules_file_never_reach_the_terminal(tmp_path: Path) -> None:
    rules = tmp_path / "r.nr"
    rules.write_bytes(b'instrumen X {\r\n  judul "\x1b[2J\x9b31m"\r\n  jenis \x1b]0;t\x07\r\n}\r\n\xff\xfe')
    for args in (["check", str(rules)], ["fmt", "--check", str(rules)], ["check", str(rules), "--lang", "en"]):
        code, out, err = run(*args)
        assert code != 0 and not _CONTROL.search(out + err), args
