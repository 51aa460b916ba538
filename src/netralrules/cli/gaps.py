"""The `gaps` (`celah`) command: the conduct space of a rulebook and the cells no provision covers."""

from __future__ import annotations

import argparse
import datetime
from typing import TextIO

from netralrules.cli.common import load_rules

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
    if args.output == "json":
        out.write(gaps_views.to_json(matrix))
    elif args.output == "csv":
        out.write(gaps_views.to_csv(matrix))
    elif args.output == "html":
        out.write(gaps_views.to_html(matrix, args.lang))
    else:
        out.write(gaps_views.to_text(matrix, args.lang))
    return 0
