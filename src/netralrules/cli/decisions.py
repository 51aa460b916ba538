"""`netralrules decisions export|reevaluate|erase|purge [--db URL]`: the decision store.

- `export [--out FILE]`: every record as one JSON line, in the order written.
- `reevaluate --rules NEW [--format text|json] [--lang id|en]`: evaluate the stored incidents again
  under another rulebook and list the changed outcomes (`netralrules diff`, once per rulebook
  version the records were decided under). Exit 0 no change, 1 changes.
- `erase INCIDENT_ID`: tombstone the records of an incident (the summary and hashes stay).
- `purge --older-than DAYS`: the retention setting, applied now.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import TextIO

from netralrules.cli.serve import add_db_argument, missing_service_dependencies


def add_decisions_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    d = sub.add_parser("decisions", help="penyimpanan keputusan / the decision store")
    actions = d.add_subparsers(dest="decisions_action", required=True)
    export = actions.add_parser("export", help="semua rekaman, JSON per baris / every record as JSON lines")
    export.add_argument("--out", metavar="FILE")
    add_db_argument(export)
    again = actions.add_parser("reevaluate", help="nilai ulang dengan rulebook lain / re-evaluate under another rulebook")
    again.add_argument(
        "--rules",
        action="append",
        required=True,
        metavar="PATH",
        help="rulebook baru, boleh berulang / the new rulebook, repeatable",
    )
    again.add_argument("--format", choices=("text", "json"), default="text", dest="output")
    again.add_argument("--lang", choices=("id", "en"), default="id")
    add_db_argument(again)
    erase = actions.add_parser("erase", help="nisan untuk data perkara / tombstone an incident")
    erase.add_argument("incident_id")
    add_db_argument(erase)
    purge = actions.add_parser("purge", help="nisan untuk rekaman lama / tombstone old records")
    purge.add_argument("--older-than", type=int, required=True, metavar="DAYS")
    add_db_argument(purge)


def run_decisions(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if missing_service_dependencies(err):
        return 2
    from netralrules.service.store import Store

    store = Store(args.db)
    try:
        store.migrate()
        if args.decisions_action == "export":
            return _export(store, args, out)
        if args.decisions_action == "erase":
            out.write(f"{store.tombstone(args.incident_id)}\n")
            return 0
        if args.decisions_action == "purge":
            out.write(f"{store.tombstone_older_than(args.older_than)}\n")
            return 0
        return _reevaluate(store, args, out, err)
    finally:
        store.close()


def _export(store: object, args: argparse.Namespace, out: TextIO) -> int:
    from netralrules.service.store import Store

    assert isinstance(store, Store)
    sink = open(args.out, "w", encoding="utf-8") if args.out else out  # noqa: SIM115
    try:
        for record in store.iter_all():
            sink.write(json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    finally:
        if sink is not out:
            sink.close()
    return 0


def _reevaluate(store: object, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from netralrules.cli.common import load_rules
    from netralrules.cli.diff import render_diff
    from netralrules.service.rulebooks import load_from_text
    from netralrules.service.store import Store
    from netralrules.tools.diff import diff_rulebooks

    assert isinstance(store, Store)
    new = load_rules(args.rules, args.lang, err)
    if new is None:
        return 2
    by_version: dict[str, dict[str, str]] = {}  # rulebook hash → incident id → canonical incident (newest record)
    for record in store.iter_all():
        if record.incident is not None:
            by_version.setdefault(record.rulebook_hash, {})[record.incident_id] = record.incident
    changed = False
    results = []
    for content_hash, incidents in sorted(by_version.items()):
        files = store.rulebook_files(content_hash)
        if files is None:
            err.write(f"peringatan/warning: teks rulebook {content_hash} tidak tersimpan / not stored; skipped\n")
            continue
        old = load_from_text(files)
        with tempfile.TemporaryDirectory(prefix="netralrules-incidents-") as folder:
            for number, text in enumerate(incidents.values()):
                (Path(folder) / f"{number:06d}.json").write_text(text, encoding="utf-8")
            result = diff_rulebooks(old, new, [folder])
        changed = changed or bool(result.changes or result.failures)
        results.append(result)
        if args.output == "text":
            out.write(render_diff(result, args.lang))
    if args.output == "json":
        out.write(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return 1 if changed else 0
