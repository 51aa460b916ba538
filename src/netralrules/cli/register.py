"""`netralrules register add-event|show|overdue [--db URL]` and `register check`: the follow-up
register (issue 17; docs/enforcement.md).

- `add-event DECISION_ID (--file EVENT.json | --jenis K --tanggal D --pelaku P [--data JSON])`:
  append one event to a recorded decision; a rejected event prints its E07xx problems (exit 1).
- `show DECISION_ID [--format text|json]`: the trail, findings, time limits and stage.
- `overdue [--format text|json]`: every case past a time limit of its procedure (exit 0 either way).
- `check TRAIL.json`: check a trail offline, without a store: `{"keputusan": DECISION JSON or
  null, "peristiwa": [EVENT, ...], "dihapus": false}`; every rejected event is listed (exit 1), then
  the register. `"dihapus": true` stands for a tombstoned record, which takes no event (E0712).

`--per YYYY-MM-DD` reads as of that day (default: today). Exit 2: bad arguments, unknown decision.
"""

from __future__ import annotations

import argparse
import datetime
import json
from pathlib import Path
from typing import Any, TextIO

from netralrules.cli.serve import add_db_argument, missing_service_dependencies
from netralrules.diagnostics import check_lang


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bukan tanggal YYYY-MM-DD / not a date: {text}") from None


def _common(p: argparse.ArgumentParser, *, db: bool = True, formats: bool = True) -> None:
    p.add_argument("--per", type=_date, metavar="YYYY-MM-DD", help="per tanggal / as of this date (default: today)")
    p.add_argument("--lang", choices=("id", "en"), default="id")
    if formats:
        p.add_argument("--format", choices=("text", "json"), default="text", dest="output")
    if db:
        add_db_argument(p)


def add_register_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    r = sub.add_parser("register", help="register tindak lanjut / the follow-up register")
    actions = r.add_subparsers(dest="register_action", required=True)
    add = actions.add_parser("add-event", help="catat satu peristiwa / record one event")
    add.add_argument("decision_id")
    add.add_argument("--file", metavar="EVENT.json", help="peristiwa sebagai JSON / the event as JSON")
    add.add_argument("--jenis", metavar="KIND")
    add.add_argument("--tanggal", metavar="YYYY-MM-DD")
    add.add_argument("--pelaku", metavar="ROLE", help="jabatan atau lembaga / role or body (no personal names)")
    add.add_argument("--data", metavar="JSON", help="isian menurut jenis / fields by kind, e.g. '{\"tim_pemeriksa\": true}'")
    add.add_argument("--caller", default="cli", help=argparse.SUPPRESS)
    _common(add)
    show = actions.add_parser("show", help="register satu keputusan / one decision's register")
    show.add_argument("decision_id")
    _common(show)
    late = actions.add_parser("overdue", help="perkara lewat batas waktu / cases past a time limit")
    _common(late)
    check = actions.add_parser("check", help="periksa jejak tanpa penyimpanan / check a trail offline")
    check.add_argument("trail", metavar="TRAIL.json")
    _common(check, db=False)


def run_register(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from netralrules.tools.register import RegisterError, render_problems

    lang = check_lang(args.lang)
    today: datetime.date = args.per or datetime.date.today()
    if args.register_action == "check":
        return _check(args, today, out, err)
    if args.register_action == "add-event" and today > datetime.date.today():
        err.write("--per sesudah hari ini / is after today: an event is recorded once it has happened\n")
        return 2
    if missing_service_dependencies(err):
        return 2
    from netralrules.service.register_store import Register, UnknownDecision
    from netralrules.service.store import Store

    event: Any = None
    if args.register_action == "add-event":
        event = _event_of(args, err)
        if event is None:
            return 2
    store = Store(args.db)
    try:
        store.migrate()
        register = Register(store)
        try:
            if args.register_action == "add-event":
                added = register.add(args.decision_id, event, args.caller, today=today)
                _write(args, added.register, out, lang)
                return 0
            if args.register_action == "show":
                _write(args, register.show(args.decision_id, today=today), out, lang)
                return 0
            cases = register.overdue(today=today)
        except UnknownDecision:
            err.write(f"tidak ada keputusan / no decision: {args.decision_id}\n")
            return 2
        except RegisterError as error:
            err.write(render_problems(error.problems, lang))
            return 1
    finally:
        store.close()
    if args.output == "json":
        out.write(
            json.dumps({"per": today.isoformat(), "jumlah": len(cases), "perkara": cases}, ensure_ascii=False, indent=2) + "\n"
        )
    else:
        out.write(_render_overdue(cases, today, lang))
    return 0


def _event_of(args: argparse.Namespace, err: TextIO) -> Any:
    if args.file:
        try:
            return json.loads(Path(args.file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            err.write(f"{args.file}: {error}\n")
            return None
    if not args.jenis:
        err.write("beri --file atau --jenis, --tanggal, --pelaku / give --file or --jenis, --tanggal, --pelaku\n")
        return None
    event: dict[str, Any] = {"jenis": args.jenis}
    if args.tanggal is not None:
        event["tanggal"] = args.tanggal
    if args.pelaku is not None:
        event["pelaku"] = args.pelaku
    if args.data:
        try:
            event["data"] = json.loads(args.data)
        except ValueError as error:
            err.write(f"--data: {error}\n")
            return None
    return event


def _write(args: argparse.Namespace, register: dict[str, Any], out: TextIO, lang: str) -> None:
    from netralrules.tools.register_case import render_register

    if args.output == "json":
        out.write(json.dumps(register, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    else:
        out.write(render_register(register, check_lang(lang)))


def _render_overdue(cases: list[dict[str, Any]], today: datetime.date, lang: str) -> str:
    from netralrules.diagnostics import Text

    title = Text("Perkara lewat batas waktu", "Cases past a time limit").get(lang)
    due, stage = Text("jatuh tempo", "due").get(lang), Text("tahap", "stage").get(lang)
    lines = [f"{title} ({today.isoformat()}): {len(cases)}"]
    for case in cases:
        for limit in case["batas_waktu"]:
            lines.append(
                f"  {case['keputusan']} {limit['kode']}: {limit['keadaan']}, {limit['berjalan']}/{limit['jumlah']} "
                f"{limit['satuan']} ({due} {limit['jatuh_tempo']}; {stage} {case['tahap']})"
            )
    return "\n".join(lines) + "\n"


def _check(args: argparse.Namespace, today: datetime.date, out: TextIO, err: TextIO) -> int:
    from netralrules.diagnostics import Text
    from netralrules.tools.register import Event, RegisterProblem, render_problems, replay
    from netralrules.tools.register_case import build_register

    lang = check_lang(args.lang)
    try:
        trail = json.loads(Path(args.trail).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        err.write(f"{args.trail}: {error}\n")
        return 2
    if not isinstance(trail, dict) or not isinstance(trail.get("peristiwa"), list):
        err.write(f"{args.trail}: harus objek dengan daftar `peristiwa` / must be an object with a list `peristiwa`\n")
        return 2
    decision = trail.get("keputusan")
    if trail.get("dihapus") is True:  # the record is tombstoned: the register takes no event
        kept: list[Event] = []
        problems = [
            RegisterProblem(
                f"peristiwa[{index}]",
                "E0712",
                Text(
                    "rekaman keputusan sudah dihapus (nisan); tidak ada peristiwa baru",
                    "the decision record is tombstoned; no new event",
                ),
            )
            for index in range(len(trail["peristiwa"]))
        ]
    else:
        kept, problems = replay(trail["peristiwa"], today=today)
    register = build_register(
        str(trail.get("id", Path(args.trail).stem)),
        decision if isinstance(decision, dict) else {},
        kept,
        today=today,
        tombstoned=trail.get("dihapus") is True,
    )
    if problems:
        err.write(render_problems(problems, lang))
    _write(args, register, out, lang)
    return 1 if problems else 0
