"""`netralrules keys create|list|revoke [--db URL]`: the service's API keys (stored hashed)."""

from __future__ import annotations

import argparse
from typing import TextIO

from netralrules.cli.serve import add_db_argument, missing_service_dependencies

ROLES = ("submitter", "reviewer", "admin")


def add_keys_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    k = sub.add_parser("keys", help="kunci API layanan / the service's API keys")
    actions = k.add_subparsers(dest="keys_action", required=True)
    create = actions.add_parser("create", help="buat kunci / create a key (shown once)")
    create.add_argument("--role", required=True, choices=ROLES)
    create.add_argument("--name", default="")
    add_db_argument(create)
    listing = actions.add_parser("list", help="daftar kunci / list keys")
    add_db_argument(listing)
    revoke = actions.add_parser("revoke", help="cabut kunci / revoke a key")
    revoke.add_argument("key_id")
    add_db_argument(revoke)


def run_keys(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if missing_service_dependencies(err):
        return 2
    from netralrules.service.keys import create_key
    from netralrules.service.store import Store

    store = Store(args.db)
    try:
        store.migrate()
        if args.keys_action == "create":
            record, key = create_key(store, args.role, args.name)
            out.write(f"{key}\n")
            err.write(
                f"kunci {record.id} ({record.role}) dibuat; simpan sekarang, tidak ditampilkan lagi / created; shown once\n"
            )
            return 0
        if args.keys_action == "list":
            for k in store.list_keys():
                state = f"dicabut/revoked {k.revoked_at}" if k.revoked_at else "aktif/active"
                out.write(f"{k.id}\t{k.role}\t{state}\t{k.created_at}\t{k.name}\n")
            return 0
        if store.revoke_key(args.key_id):
            out.write(f"{args.key_id} dicabut / revoked\n")
            return 0
        err.write(f"error: tidak ada kunci aktif {args.key_id} / no active key {args.key_id}\n")
        return 1
    finally:
        store.close()
