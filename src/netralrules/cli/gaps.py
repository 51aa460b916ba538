"""The `gaps` (`celah`) command: the conduct space of a rulebook and the cells no provision covers."""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from netralrules.cli.common import load_rules
from netralrules.diagnostics import Diagnostic, make
from netralrules.diagnostics.render import render_all
from netralrules.source import SourceFile, Span
from netralrules.syntax.loader import read_source

if TYPE_CHECKING:
    from netralrules.tools.gaps import GapMatrix

# PP 53/2010, the oldest discipline regulation of the rulebook, is in force from 6 Jun 2010: the
# matrix starts there unless asked otherwise.
DEFAULT_SINCE = datetime.date(2010, 6, 6)


def add_gaps_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    g = sub.add_parser(
        "gaps",
        aliases=["celah"],
        help="matriks celah: tindakan yang tidak dicakup ketentuan mana pun / gap matrix: conduct no provision covers",
    )
    g.add_argument(
        "--rules",
        action="append",
        metavar="PATH",
        help="berkas atau folder aturan, boleh berulang (bawaan: rulebook bawaan) / rules file or folder, repeatable",
    )
    g.add_argument("--format", choices=("text", "json", "csv", "html"), default="text", dest="output")
    g.add_argument("--lang", choices=("id", "en"), default="id", help="bahasa keluaran / output language")
    g.add_argument(
        "--status",
        action="append",
        default=[],
        metavar="STATUS",
        help="hanya status ini (boleh berulang) / only this status (repeatable), e.g. PNS",
    )
    g.add_argument(
        "--sejak",
        "--since",
        dest="since",
        type=datetime.date.fromisoformat,
        default=DEFAULT_SINCE,
        metavar="TTTT-BB-HH",
        help=f"mulai dari tanggal ini / from this date (bawaan / default {DEFAULT_SINCE.isoformat()})",
    )
    g.add_argument(
        "--fail-on-undeclared",
        "--gagal-bila-tidak-dinyatakan",
        dest="fail_on_undeclared",
        action="store_true",
        help="keluar dengan kode 1 bila ada celah PNS/CPNS/PPPK tanpa deklarasi `celah` (W0601) / "
        "exit 1 when a PNS/CPNS/PPPK gap has no `gap` declaration (W0601)",
    )


def run_gaps(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from netralrules.facts.schema import STATUS_KEPEGAWAIAN
    from netralrules.tools import gaps, gaps_views

    unknown = [s for s in args.status if s not in STATUS_KEPEGAWAIAN.values]
    if unknown:
        err.write(
            f"error: status tidak dikenal / unknown status: {', '.join(unknown)} "
            f"(yang sah / valid: {', '.join(STATUS_KEPEGAWAIAN.values)})\n"
        )
        return 2
    rulebook = load_rules(args.rules, args.lang, err)
    if rulebook is None:
        return 1
    matrix = gaps.compute(rulebook, since=args.since, statuses=args.status or STATUS_KEPEGAWAIAN.values)
    diagnostics = gaps_diagnostics(matrix, ", ".join(args.rules) if args.rules else "rulebook")
    undeclared = [d for d in diagnostics if d.code == "W0601"]
    shown = diagnostics if args.fail_on_undeclared else [d for d in diagnostics if d.code != "W0601"]
    if args.output == "json":
        out.write(gaps_views.to_json(matrix))
    elif args.output == "csv":
        out.write(gaps_views.to_csv(matrix))
    elif args.output == "html":
        out.write(gaps_views.to_html(matrix, args.lang))
    else:
        out.write(gaps_views.to_text(matrix, args.lang))
    if shown:
        # W0601 has no place in a file (its "file" names the rulebook): only W0602 shows a line.
        err.write(render_all(shown, _sources([d for d in shown if d.code == "W0602"]), args.lang))
    return 1 if args.fail_on_undeclared and undeclared else 0


def gaps_diagnostics(matrix: GapMatrix, where: str) -> list[Diagnostic]:
    """W0601 for each undeclared row of an ASN status (status and act kind), W0602 for each stale
    declaration. `where` names the rulebook in the W0601 lines (they have no place in a file)."""
    out = []
    for row in matrix.undeclared_rows():
        labels = [f"P{i + 1} {matrix.periods[i].label()}" for i in row.periods]
        every = len(row.election_kinds) == len(matrix.election_kinds)
        out.append(
            make(
                "W0601",
                Span(where, 0, 0),
                suggestion="declare",
                act_kind=row.act_kind,
                status=row.status,
                periods=", ".join(labels),
                stages=", ".join(row.stages),
                elections="semua" if every else ", ".join(row.election_kinds),
                elections_en="all" if every else ", ".join(row.election_kinds),
            )
        )
    for name in matrix.stale:
        out.append(make("W0602", matrix.declarations[name].id_span, suggestion="remove", name=name))
    return out


def _sources(diagnostics: list[Diagnostic]) -> dict[str, SourceFile]:
    """The rules files the diagnostics point into, read again to show the line."""
    out: dict[str, SourceFile] = {}
    for d in diagnostics:
        path = Path(d.span.file)
        if d.span.file not in out and path.is_file():
            source, _ = read_source(path)
            if source is not None:
                out[d.span.file] = source
    return out
