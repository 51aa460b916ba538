"""The `siap` (`ready`) command: the one command an author runs before handing a change in. It
runs check, `fmt --check`, the gap check, the rule cases of the changed provisions with their
coverage, the `docs/rulebook.md` check and the rulebook diff over the example incidents
(`tools.ready`), and ends with one line: `SIAP / READY`, or `BELUM SIAP / NOT READY: <what to fix>`.

Exit codes: 0 ready, 1 not ready, 2 usage errors (a path that does not exist).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from netralrules.cli.diff import render_diff
from netralrules.cli.gaps import gaps_diagnostics
from netralrules.diagnostics import Text
from netralrules.diagnostics.render import render_all
from netralrules.resources import default_rulebook_path
from netralrules.source import printable
from netralrules.tools.casetest import render_report
from netralrules.tools.ready import ReadyReport, check_ready

_WORDS: dict[str, Text] = {
    "check": Text("1. Pemeriksaan (check)", "1. Check"),
    "check_ok": Text("tidak ada galat", "no errors"),
    "fmt": Text("   Kerapian (fmt --check)", "   Formatting (fmt --check)"),
    "fmt_ok": Text("semua berkas rapi", "every file is formatted"),
    "fmt_bad": Text("perlu dirapikan", "would reformat"),
    "gaps": Text("   Celah (status ASN)", "   Gaps (ASN statuses)"),
    "gaps_ok": Text("tidak ada celah yang tidak dinyatakan", "no undeclared gap"),
    "gaps_skipped": Text("dilewati (--skip-gaps)", "skipped (--skip-gaps)"),
    "cases": Text("2. Kasus aturan dan cakupan", "2. Rule cases and coverage"),
    "scope_git": Text("ketentuan yang berubah sejak commit terakhir", "provisions changed since the last commit"),
    "scope_asked": Text("ketentuan yang diminta (--provision)", "provisions asked for (--provision)"),
    "scope_all": Text("semua ketentuan (bukan git working tree)", "every provision (not a git working tree)"),
    "none": Text("tidak ada", "none"),
    "totals": Text(
        "semua kasus: {0} lulus, {1} gagal; ketentuan yang berubah tercakup: {2} dari {3}",
        "every case: {0} passed, {1} failed; changed provisions covered: {2} of {3}",
    ),
    "doc": Text("3. docs/rulebook.md", "3. docs/rulebook.md"),
    "doc_ok": Text("menyebut setiap ketentuan dan instrumen", "names every provision and instrument"),
    "diff": Text("4. Akibat perubahan pada contoh insiden", "4. Effect of the change on the example incidents"),
    "no-git": Text("tidak dibandingkan: bukan git working tree", "not compared: not a git working tree"),
    "no-head": Text("tidak dibandingkan: belum ada commit", "not compared: no commit yet"),
    "old-broken": Text(
        "tidak dibandingkan: rulebook commit terakhir bergalat", "not compared: the last commit's rulebook has errors"
    ),
    "no-examples": Text("tidak dibandingkan: tidak ada contoh insiden", "not compared: no example incidents"),
    "ready": Text("SIAP / READY", "SIAP / READY"),
    "not_ready": Text("BELUM SIAP / NOT READY", "BELUM SIAP / NOT READY"),
}

# What to fix, one phrase per kind of problem (the detail follows after a colon).
_FIX: dict[str, Text] = {
    "check": Text("perbaiki galat `netralrules check` ({0})", "fix the `netralrules check` errors ({0})"),
    "fmt": Text("jalankan `netralrules fmt` pada {0}", "run `netralrules fmt` on {0}"),
    "gaps": Text(
        "nyatakan celah (`celah`) atau kodekan ketentuannya: {0}", "declare the gaps (`celah`) or encode the provisions: {0}"
    ),
    "unknown": Text("ketentuan tidak ada dalam rulebook: {0}", "no such provision: {0}"),
    "cases": Text("perbaiki kasus yang gagal: {0}", "fix the failing cases: {0}"),
    "coverage": Text(
        "tambahkan kasus yang membuat ketentuan ini berlaku dan tidak berlaku: {0}",
        "add cases that make these provisions fire and not fire: {0}",
    ),
    "doc-missing": Text("docs/rulebook.md tidak ditemukan: {0}", "docs/rulebook.md not found: {0}"),
    "doc": Text("sebutkan di docs/rulebook.md: {0}", "name in docs/rulebook.md: {0}"),
}


def add_siap_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    s = sub.add_parser(
        "siap",
        aliases=["ready"],
        help="satu perintah sebelum menyerahkan perubahan / the one command before handing a change in",
    )
    s.add_argument(
        "--rules",
        action="append",
        metavar="PATH",
        help="folder aturan, boleh berulang (bawaan: rulebook bawaan) / rules folder, repeatable (default: the bundled one)",
    )
    s.add_argument(
        "--provision",
        action="append",
        default=[],
        metavar="ID",
        help="uji ketentuan ini (bukan yang berubah sejak commit terakhir), boleh berulang / check this provision "
        "(instead of those changed since the last commit), repeatable",
    )
    s.add_argument("--cases", metavar="PATH", help="folder kasus (bawaan: <rules>/cases) / cases folder")
    s.add_argument("--doc", metavar="PATH", help="bawaan / default: <rules>/../docs/rulebook.md")
    s.add_argument("--examples", metavar="PATH", help="contoh insiden / example incidents (bawaan: <rules>/../examples)")
    s.add_argument(
        "--skip-gaps",
        "--tanpa-celah",
        dest="skip_gaps",
        action="store_true",
        help="lewati pemeriksaan celah / skip the gap check",
    )
    s.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa keluaran / output language")


def run_siap(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    rules = args.rules or [str(default_rulebook_path())]
    missing = [p for p in [*rules, args.cases, args.doc, args.examples] if p is not None and not Path(p).exists()]
    if missing:
        err.write(printable(f"error: tidak ditemukan / not found: {', '.join(missing)}\n"))
        return 2
    report = check_ready(
        rules,
        provisions=args.provision,
        cases=args.cases,
        doc=args.doc,
        examples=args.examples,
        gaps=not args.skip_gaps,
    )
    out.write(printable(render_ready(report, args.lang)))
    return 0 if report.ready else 1


def _cases(report: ReadyReport, lang: str) -> list[str]:
    """The failing cases and those of the changed case files, the coverage of the changed
    provisions, and the totals of every case run."""
    assert report.cases is not None
    every = report.cases.results
    changed_files = [f for f in report.files_changed if f.endswith((".yaml", ".yml"))]
    shown = tuple(r for r in every if not r.passed or any(Path(r.file).as_posix().endswith(f) for f in changed_files))
    lines: list[str] = []
    if report.changed or shown:
        text = render_report(replace(report.cases, results=shown))
        lines += text.rstrip("\n").splitlines()[:-1]  # the last line counts only the cases shown
        if not shown:
            lines = lines[1:]  # the blank line before the coverage
    passed = sum(r.passed for r in every)
    lines.append(
        _WORDS["totals"]
        .get(lang)
        .format(passed, len(every) - passed, len(report.changed) - len(report.uncovered), len(report.changed))
    )
    return lines


def render_ready(report: ReadyReport, lang: str = "id") -> str:
    """The steps' results, then the one closing line."""

    def w(key: str) -> str:
        return _WORDS[key].get(lang)

    lines: list[str] = []
    errors = [d for d in report.check.diagnostics]
    lines.append(f"{w('check')}: {w('check_ok') if report.check.ok else ''}".rstrip())
    if errors:
        lines.append(render_all(errors, report.check.sources, lang).rstrip("\n"))
    if report.format_errors:
        lines.append(render_all(list(report.format_errors), report.check.sources, lang).rstrip("\n"))
    fmt = f"{w('fmt_bad')}: {', '.join(report.unformatted)}" if report.unformatted else w("fmt_ok")
    lines.append(f"{w('fmt')}: {fmt}")
    if report.gaps_skipped:
        lines.append(f"{w('gaps')}: {w('gaps_skipped')}")
    elif report.gaps is not None:
        shown = [d for d in gaps_diagnostics(report.gaps, ", ".join(report.rules)) if d.code == "W0601"]
        lines.append(f"{w('gaps')}: {'' if shown else w('gaps_ok')}".rstrip())
        if shown:
            lines.append(render_all(shown, {}, lang).rstrip("\n"))
    if report.cases is not None:
        lines.append(f"{w('cases')} ({w('scope_' + report.scope)}): {', '.join(report.changed) or w('none')}")
        lines += _cases(report, lang)
        if report.doc_missing:
            lines.append(f"{w('doc')}: -")
        else:
            shown_doc = ", ".join(report.undocumented) if report.undocumented else w("doc_ok")
            lines.append(f"{w('doc')}: {shown_doc}")
        if report.diff is not None:
            lines.append(f"{w('diff')}:")
            lines.append(render_diff(report.diff, lang).rstrip("\n"))
        else:
            lines.append(f"{w('diff')}: {w(report.diff_note)}")
    lines.append("")
    if report.ready:
        lines.append(w("ready"))
    else:
        fixes = [_FIX[key].get(lang).format(detail) for key, detail in report.problems]
        lines.append(f"{w('not_ready')}: {'; '.join(fixes)}")
    return "\n".join(lines) + "\n"
