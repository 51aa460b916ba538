"""The `schema` command: the JSON Schema of incidents (the contract for other systems)."""

from __future__ import annotations

import argparse
import json
from typing import TextIO


def add_schema_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    s = sub.add_parser("schema", help="JSON Schema insiden / the incident JSON Schema")
    s.add_argument("--decision", action="store_true", help="JSON Schema keputusan / the decision JSON Schema")


def run_schema(out: TextIO, *, decision: bool = False) -> int:
    from netralrules.facts import incident_json_schema
    from netralrules.tools.records import decision_json_schema

    schema = decision_json_schema() if decision else incident_json_schema()
    out.write(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return 0
