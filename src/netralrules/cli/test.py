"""The `test` command: run the YAML rule cases and report provision and condition coverage: of the
whole rulebook without files (what CI measures), of the provisions the given files target with
files, of the provisions asked for with `--provision`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from netralrules.cli.common import load_rules
from netralrules.resources import default_rulebook_path
from netralrules.source import printable


def add_test_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    t = sub.add_parser("test", help="jalankan kasus aturan YAML / run YAML rule cases")
    t.add_argument("cases", nargs="*", help="berkas atau folder kasus (bawaan: rules/cases) / case files or folders")
    t.add_argument(
        "--rules",
        action="append",
        metavar="PATH",
        help="berkas atau folder aturan, boleh berulang (bawaan: rulebook bawaan) / rules file or folder, repeatable",
    )
    t.add_argument(
        "--provision",
        action="append",
        default=[],
        metavar="ID",
        help="ukur cakupan ketentuan ini saja, boleh berulang / measure the coverage of this provision only, repeatable",
    )
    t.add_argument(
        "--whole-rulebook",
        action="store_true",
        help="ukur cakupan seluruh rulebook walau berkas diberikan / measure the whole rulebook even when files are given",
    )
    t.add_argument("--min-provision-coverage", type=float, default=0.0, metavar="PERSEN")
    t.add_argument("--min-condition-coverage", type=float, default=0.0, metavar="PERSEN")


def run_test(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from netralrules.tools.casetest import case_files, condition_nodes, narrowed, render_report, run_cases

    rulebook = load_rules(args.rules, "id", err)
    if rulebook is None:
        return 1
    paths = args.cases or [str(default_rulebook_path() / "cases")]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        err.write(printable(f"error: tidak ditemukan / not found: {', '.join(missing)}\n"))
        return 2
    files = case_files(paths)
    if not files:
        err.write(printable(f"error: tidak ada berkas kasus (*.yaml) di {', '.join(paths)} / no case files\n"))
        return 2
    unknown = [p for p in args.provision if p not in rulebook.checked.provisions]
    if unknown:
        err.write(printable(f"error: ketentuan tidak ada dalam rulebook / no such provision: {', '.join(unknown)}\n"))
        return 2
    report = run_cases(files, rulebook, condition_nodes(rulebook))
    if args.provision:
        report = narrowed(report, rulebook, args.provision)
    elif args.cases and not args.whole_rulebook:
        # Files given: the coverage of what they target, not of the rulebook the author did not touch.
        report = narrowed(report, rulebook)
    out.write(printable(render_report(report, rulebook)))  # case names and messages come from YAML files
    status = 0 if all(r.passed for r in report.results) else 1
    for name, value, minimum in (
        ("ketentuan / provision", report.provision_coverage, args.min_provision_coverage),
        ("syarat / condition", report.condition_coverage, args.min_condition_coverage),
    ):
        if value < minimum:
            err.write(f"error: cakupan {name} {value:.0f}% < {minimum:.0f}%\n")
            status = 1
    return status
