"""The `evaluate` and `schema` commands: an incident file in, a decision with its explanation out."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from netralrules.api import check_paths
from netralrules.cli_batch import add_arguments as add_batch_arguments
from netralrules.cli_batch import run_batch
from netralrules.engine import Rulebook, evaluate_incident, load_rulebook, rulebook_from_report
from netralrules.render import render_all
from netralrules.resources import default_rulebook_path

MAX_INCIDENT_BYTES = 5 * 1024 * 1024


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ev = sub.add_parser("evaluate", help="nilai satu insiden / evaluate one incident")
    ev.add_argument("incident", nargs="?", help="berkas insiden JSON atau YAML / incident file (JSON or YAML)")
    ev.add_argument("--rules", nargs="+", help="berkas atau folder aturan (bawaan: rulebook bawaan) / rules")
    ev.add_argument("--format", choices=("text", "json", "dot"), default="text", dest="output")
    ev.add_argument("--lang", choices=("id", "en"), default="id")
    add_batch_arguments(ev)
    sub.add_parser("schema", help="JSON Schema insiden / the incident JSON Schema")
    t = sub.add_parser("test", help="jalankan kasus aturan YAML / run YAML rule cases")
    t.add_argument("cases", nargs="*", help="berkas atau folder kasus (bawaan: rules/cases) / case files or folders")
    t.add_argument("--rules", nargs="+", help="berkas atau folder aturan (bawaan: rulebook bawaan) / rules")
    t.add_argument("--min-provision-coverage", type=float, default=0.0, metavar="PERSEN")
    t.add_argument("--min-condition-coverage", type=float, default=0.0, metavar="PERSEN")


def run_schema(out: TextIO) -> int:
    from netralrules.facts import incident_json_schema

    out.write(json.dumps(incident_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return 0


def run_evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from netralrules.explain import narrative, to_dot
    from netralrules.facts import IncidentError, format_problems

    if args.batch:
        return run_batch(args, err)
    if not args.incident:
        err.write("error: berikan berkas insiden atau --batch / give an incident file or --batch\n")
        return 2
    path = Path(args.incident)
    try:
        if path.stat().st_size > MAX_INCIDENT_BYTES:
            err.write(f"error: {path}: berkas insiden lebih dari {MAX_INCIDENT_BYTES} bita / incident file too large\n")
            return 1
        data = path.read_bytes()
    except OSError as error:
        err.write(f"error: {path}: {error.strerror or error} / cannot read the incident file\n")
        return 2
    rulebook = _rulebook(args.rules, args.lang, err)
    if rulebook is None:
        return 1
    try:
        decision = evaluate_incident(data, rulebook, explain=True, source=str(path))
    except IncidentError as error:
        err.write(format_problems(error.problems, source=str(path), lang=args.lang))
        return 1
    if args.output == "json":
        out.write(decision.to_json())
    elif args.output == "dot":
        out.write(to_dot(decision.explanation))
    else:
        out.write(narrative(decision.explanation, args.lang))
    return 0


def _rulebook(paths: list[str] | None, lang: str, err: TextIO) -> Rulebook | None:
    if not paths:
        return load_rulebook()
    report = check_paths(paths)
    rulebook = rulebook_from_report(report)
    if rulebook is None:
        err.write(render_all(report.diagnostics, report.sources, lang))
    return rulebook


def run_test(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from netralrules.casetest import case_files, condition_nodes, render_report, run_cases

    rulebook = _rulebook(args.rules, "id", err)
    if rulebook is None:
        return 1
    paths = args.cases or [str(default_rulebook_path() / "cases")]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        err.write(f"error: tidak ditemukan / not found: {', '.join(missing)}\n")
        return 2
    files = case_files(paths)
    if not files:
        err.write(f"error: tidak ada berkas kasus (*.yaml) di {', '.join(paths)} / no case files\n")
        return 2
    report = run_cases(files, rulebook, condition_nodes(rulebook))
    out.write(render_report(report))
    status = 0 if all(r.passed for r in report.results) else 1
    for name, value, minimum in (
        ("ketentuan / provision", report.provision_coverage, args.min_provision_coverage),
        ("syarat / condition", report.condition_coverage, args.min_condition_coverage),
    ):
        if value < minimum:
            err.write(f"error: cakupan {name} {value:.0f}% < {minimum:.0f}%\n")
            status = 1
    return status
