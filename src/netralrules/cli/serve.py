"""`netralrules serve [--rules PATH...] [--db URL] [--host 127.0.0.1] [--port 8080] [--workers N]`:
the HTTP service (netralrules.service) under uvicorn. FastAPI, SQLAlchemy and uvicorn are imported
only when this command runs (`pip install 'netralrules[service]'`).

Before the workers start: the store is migrated, the rulebook is loaded and checked (errors: exit 1,
nothing served), its text is kept and it becomes the active version. Without an API key in the
store the service listens on loopback only, and says so.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import TextIO

LOOPBACK = ("127.0.0.1", "::1", "localhost")
DEFAULT_DB = "sqlite:///netralrules.db"


def add_db_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        default=os.environ.get("NETRALRULES_DB", DEFAULT_DB),
        metavar="URL",
        help=f"penyimpanan keputusan / decision store (bawaan/default {DEFAULT_DB}; postgresql://…)",
    )


def add_serve_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    s = sub.add_parser("serve", help="layanan HTTP / the HTTP service")
    s.add_argument(
        "--rules",
        action="append",
        metavar="PATH",
        help="berkas atau folder aturan, boleh berulang (bawaan: rulebook bawaan) / rules file or folder, repeatable",
    )
    add_db_argument(s)
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8080)
    s.add_argument("--workers", type=int, default=1, metavar="N", help="proses uvicorn / uvicorn worker processes")
    s.add_argument("--max-body-bytes", type=int, default=5 * 1024 * 1024, metavar="N")
    s.add_argument("--max-concurrency", type=int, default=16, metavar="N", help="permintaan serentak per proses / per worker")
    s.add_argument("--retention-days", type=int, default=None, metavar="N", help="nisan setelah N hari / tombstone after N days")
    s.add_argument("--log-level", default="info", choices=("debug", "info", "warning", "error"))


def missing_service_dependencies(err: TextIO) -> bool:
    import importlib.util

    for name in ("fastapi", "sqlalchemy", "alembic", "uvicorn"):
        if importlib.util.find_spec(name) is None:
            err.write(f"error: {name} tidak terpasang / not installed: pip install 'netralrules[service]'\n")
            return True
    return False


def run_serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if missing_service_dependencies(err):
        return 2
    if args.workers < 1:
        err.write("error: --workers minimal 1 / --workers must be at least 1\n")
        return 2
    import uvicorn

    from netralrules.diagnostics import NetralrulesError
    from netralrules.diagnostics.render import render_all
    from netralrules.service.rulebooks import activate
    from netralrules.service.settings import Settings
    from netralrules.service.store import Store

    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    rules = tuple(os.path.abspath(p) for p in args.rules or ())
    store = Store(args.db)
    try:
        store.migrate()
        try:
            rulebook, _ = activate(store, rules)
        except NetralrulesError as error:
            err.write(render_all(error.diagnostics, {}, "id"))
            err.write("error: rulebook bermasalah; layanan tidak dimulai / the rulebook has errors; not serving\n")
            return 1
        keys = store.active_key_count()
    finally:
        store.close()
    host = args.host
    if keys == 0:
        if host not in LOOPBACK:
            err.write(f"peringatan/warning: --host {host} diabaikan / ignored\n")
            host = "127.0.0.1"
        err.write(
            "tanpa kunci API: hanya mendengarkan di loopback, semua peran diizinkan (`netralrules keys create`) / "
            "no API key configured: listening on loopback only, every role allowed\n"
        )
    err.write(f"netralrules: rulebook {rulebook.content_hash}, http://{host}:{args.port}, {args.workers} worker(s)\n")
    err.flush()
    settings = Settings(
        rules=rules,
        db_url=args.db,
        max_body_bytes=args.max_body_bytes,
        max_concurrency=args.max_concurrency,
        retention_days=args.retention_days,
    )
    os.environ.update(settings.to_env())
    uvicorn.run(
        "netralrules.service.app:create_app_from_env",
        factory=True,
        host=host,
        port=args.port,
        workers=args.workers,
        access_log=False,  # ours (netralrules.access) carries ids only
        log_level=args.log_level,
        timeout_graceful_shutdown=10,
    )
    return 0
