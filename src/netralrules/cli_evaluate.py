"""The `evaluate` and `schema` commands: an incident file in, a decision with its explanation out."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from netralrules.api import check_paths
from netralrules.engine import Rulebook, evaluate_incident, load_rulebook, rulebook_from_report
from netralrules.render import render_all

MAX_INCIDENT_BYTES = 5 * 1024 * 1024


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ev = sub.add_parser("evaluate", help="nilai satu insiden / evaluate one incident")
    ev.add_argument("incident", help="berkas insiden JSON atau YAML / incident file (JSON or YAML)")
    ev.add_argument("--rules", nargs="+", help="berkas atau folder aturan (bawaan: rulebook bawaan) / rules")
    ev.add_argument("--format", choices=("text", "json", "dot"), default="text", dest="output")
    ev.add_argument("--lang", choices=("id", "en"), default="id")
    sub.add_parser("schema", help="JSON Schema insiden / the incident JSON Schema")


def run_schema(out: TextIO) -> int:
    from netralrules.facts import incident_json_schema

    out.write(json.dumps(incident_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return 0


def run_evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from netralrules.explain import narrative, to_dot
    from netralrules.facts import IncidentError, format_problems

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
