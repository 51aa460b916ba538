"""The `schema` command: the JSON Schema of incidents (the contract for other systems)."""

from __future__ import annotations

import argparse
import json
from typing import TextIO


def add_schema_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sub.add_parser("schema", help="JSON Schema insiden / the incident JSON Schema")


def run_schema(out: TextIO) -> int:
    from netralrules.facts import incident_json_schema

    out.write(json.dumps(incident_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return 0
