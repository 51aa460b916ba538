"""The `evaluate` command: an incident file in, a decision with its explanation out (or, with
`--batch`, one decision per JSON line: cli/batch.py, loaded only for `--batch`)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from netralrules.cli.common import load_rules
from netralrules.rulebook import Decision, IncidentFacts, Rulebook
from netralrules.source import printable

# The explanation, its renderers and networkx load only when an explanation is written (every
# format but `--format json --no-graph` has one) or a why-not or what-if is asked.
if TYPE_CHECKING:
    from netralrules.explain.report import Report
    from netralrules.explain.reporting import WhatIf

_GRAPH_FORMATS = ("dot", "graphml", "node-link")


def _graph_format(name: str) -> Callable[[Any, str], str]:
    from netralrules.explain import to_dot
    from netralrules.explain.render.exports import to_graphml, to_node_link

    formats: dict[str, Callable[[Any, str], str]] = {
        "dot": to_dot,
        "graphml": lambda graph, _lang: to_graphml(graph),
        "node-link": lambda graph, _lang: to_node_link(graph),
    }
    return formats[name]


FORMATS = ("text", "json", "markdown", "dot", "graphml", "node-link", "html", "pdf")
DETAILS = ("summary", "standard", "full")


def add_evaluate_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ev = sub.add_parser("evaluate", help="nilai satu insiden / evaluate one incident")
    ev.add_argument("incident", nargs="?", help="berkas insiden JSON atau YAML / incident file (JSON or YAML)")
    ev.add_argument(
        "--rules",
        action="append",
        metavar="PATH",
        help="berkas atau folder aturan, boleh berulang (bawaan: rulebook bawaan) / rules file or folder, repeatable "
        "(default: the bundled rulebook)",
    )
    ev.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        dest="output",
        help="text, json (keputusan / the decision), markdown, dot, graphml, node-link, html, pdf (dengan / with --output)",
    )
    ev.add_argument(
        "--detail",
        choices=DETAILS,
        default="standard",
        help="seberapa rinci laporan text/markdown/pdf: summary (keputusan saja), standard (bawaan: keputusan, "
        "pertimbangan, lampiran), full (dengan lampiran teknis) / how much the text, markdown and pdf report say",
    )
    ev.add_argument(
        "--output",
        metavar="BERKAS",
        dest="output_file",
        help="tulis laporan ke berkas ini (wajib untuk pdf di terminal) / write the report to this file "
        "(needed for pdf on a terminal)",
    )
    ev.add_argument(
        "--lang",
        choices=("id", "en"),
        default="id",
        help="bahasa laporan dan pesan (bawaan: id) / language of the report and messages",
    )
    ev.add_argument(
        "--why-not",
        action="append",
        default=[],
        metavar="KETENTUAN",
        help="jelaskan mengapa ketentuan ini tidak berlaku (boleh berulang) / explain why this provision "
        "did not apply (repeatable)",
    )
    ev.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FAKTA=NILAI",
        dest="changes",
        help="andaikan fakta ini bernilai lain (boleh berulang) / what if this fact had another value "
        "(repeatable), e.g. tindakan.fasilitas_negara=benar",
    )
    ev.add_argument(
        "--no-graph",
        action="store_true",
        help="dengan --format json: keputusan tanpa graf penjelasan (`penjelasan`), lebih cepat / with --format json: "
        "the decision without its explanation graph (`penjelasan`), faster",
    )
    _add_batch_arguments(ev)


def _add_batch_arguments(ev: argparse.ArgumentParser) -> None:
    """The options of `--batch` (cli/batch.py runs it; its process pool and workers load only then)."""
    ev.add_argument(
        "--batch", metavar="IN.jsonl", help="nilai banyak insiden, satu JSON per baris / many incidents, one JSON per line"
    )
    ev.add_argument("--out", metavar="OUT.jsonl", help="keluaran --batch, satu baris per baris masukan / --batch output")
    ev.add_argument("--workers", type=int, default=None, metavar="N", help="proses paralel (bawaan: semua inti) / processes")
    ev.add_argument("--resume", action="store_true", help="lanjutkan --batch yang terhenti / continue an interrupted --batch")
    ev.add_argument(
        "--outcomes",
        choices=("compact", "all"),
        default="compact",
        help="keluaran --batch: compact (bawaan: temuan, penetapan, hal yang belum terselesaikan) atau all (juga hasil "
        "setiap ketentuan yang dipertimbangkan) / --batch records: compact (default: findings, determination, "
        "unresolved items) or all (also the outcome of every provision considered)",
    )


def run_evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from netralrules.facts import IncidentError, format_problems, load_incident
    from netralrules.facts.loading import read_incident_file

    if args.batch:
        from netralrules.cli.batch import run_batch

        return run_batch(args, err)
    if not args.incident:
        err.write("error: berikan berkas insiden atau --batch / give an incident file or --batch\n")
        return 2
    path = Path(args.incident)
    try:
        data = read_incident_file(path)  # with a cap: `/dev/zero` has no size to trust
    except IncidentError as error:
        err.write(format_problems(error.problems, source=str(path), lang=args.lang) + "\n")
        return 1
    except OSError as error:
        err.write(printable(f"error: {path}: {error.strerror or error} / cannot read the incident file\n"))
        return 2
    rulebook = load_rules(args.rules, args.lang, err)
    if rulebook is None:
        return 1
    try:
        facts = load_incident(data, source=str(path))
    except IncidentError as error:
        err.write(format_problems(error.problems, source=str(path), lang=args.lang) + "\n")
        return 1
    if args.no_graph and (args.output != "json" or args.changes or args.why_not):
        err.write("error: --no-graph hanya dengan --format json / --no-graph goes with --format json only\n")
        return 2
    if args.changes or args.why_not:
        from netralrules.diagnostics.render import render_all
        from netralrules.explain.reporting import check_provisions, provision_sources
        from netralrules.explain.whatif import change_sources, parse_changes

        # Requests are checked before anything is written: a bad one is a usage error (exit 2).
        known = tuple(sorted(rulebook.checked.provisions))
        changes, problems = parse_changes(args.changes, len(facts.act_dates))
        problems = check_provisions(args.why_not, known) + problems
        if problems:
            sources = {**provision_sources(args.why_not), **change_sources(args.changes)}
            err.write(render_all(problems, sources, args.lang))
            return 2
        if changes:
            what = rulebook.what_if_facts(facts, changes, args.why_not)
            return _write_what_if(what, args, out)
    if args.output == "pdf" and not args.output_file and _is_terminal(out):
        err.write(
            "error: PDF adalah berkas biner; berikan --output BERKAS.pdf / a PDF is binary: give --output FILE.pdf "
            "rather than writing it to the terminal\n"
        )
        return 2
    decision = rulebook.decide(facts, explain=not args.no_graph)
    if args.output == "pdf":
        return _write_pdf(rulebook.report_for(decision, facts, args.why_not), args, out, err)
    if args.output_file:
        with open(args.output_file, "w", encoding="utf-8") as target:
            _write_decision(decision, facts, rulebook, args, target)
        return 0
    _write_decision(decision, facts, rulebook, args, out)
    return 0


def _is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def _write_pdf(report: Report, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """The PDF to `--output`, or to a standard output that is not a terminal (a pipe, a file)."""
    from netralrules.explain.render.pdf import PdfUnavailable, to_pdf  # loaded only when asked for

    try:
        data = to_pdf(report, args.lang, args.detail)
    except PdfUnavailable as error:
        err.write(f"error: {error}\n")
        return 1
    if args.output_file:
        Path(args.output_file).write_bytes(data)
        return 0
    binary = getattr(out, "buffer", None)
    if binary is None:
        err.write("error: berikan --output BERKAS.pdf / give --output FILE.pdf\n")
        return 2
    out.flush()
    binary.write(data)
    binary.flush()
    return 0


def _write_decision(decision: Decision, facts: IncidentFacts, rulebook: Rulebook, args: argparse.Namespace, out: TextIO) -> None:
    graph = decision.explanation
    if args.output == "json":
        data = decision.to_dict()
        if args.why_not:
            from netralrules.explain.report import as_data

            data["mengapa_tidak"] = as_data(rulebook.report_for(decision, facts, args.why_not).asked)
        out.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    elif args.output in _GRAPH_FORMATS:
        out.write(_graph_format(args.output)(graph, args.lang))
    elif args.output == "html":
        from netralrules.explain.render.html import to_html  # loaded only when asked for

        out.write(to_html(decision, args.lang, incident=facts))
    else:
        from netralrules.explain.render.narrative import render_markdown, render_text

        full = rulebook.report_for(decision, facts, args.why_not)
        if args.output == "markdown":
            out.write(render_markdown(full, args.lang, args.detail))
        else:
            out.write(render_text(full, args.lang, args.detail))


def _write_what_if(what: WhatIf, args: argparse.Namespace, out: TextIO) -> int:
    from netralrules.explain.report import as_data

    if args.output == "json":
        data = {
            "semula": what.baseline.to_dict(include_explanation=False),
            "andaikan": what.changed.to_dict(include_explanation=False),
            "perubahan_fakta": [c.text for c in what.changes],
            "perubahan": as_data(what.diff),
        }
        out.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    elif args.output in _GRAPH_FORMATS:
        out.write(_graph_format(args.output)(what.changed.explanation, args.lang))  # the graph with the changes
    elif args.output == "html":
        from netralrules.explain.render.html import to_html

        out.write(to_html(what.changed, args.lang))  # the decision with the changes
    else:
        out.write(what.render(args.lang, markdown=args.output == "markdown"))
    return 0
