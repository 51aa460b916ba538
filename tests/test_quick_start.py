"""A quick start (issue 14): a command loads only what it uses. With the rulebook in the cache,
`evaluate --format json --no-graph` loads neither networkx, the explanation, the checker nor the
parser; `--format json` (whose decision holds the graph) loads the explanation but not networkx,
the checker or the parser. `--no-graph` writes the decision of `--format json` without `penjelasan`."""

from __future__ import annotations

import gc
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from netralrules.cli import evaluate as cli_evaluate
from netralrules.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "pns_kampanye_atribut_partai.json"
HEAVY = (
    "networkx",
    "lark",
    "netralrules.explain",
    "netralrules.checker.declarations",
    "netralrules.authoring",
    # PyYAML is for YAML incidents only, the process pool for `--batch` only.
    "yaml",
    "netralrules.tools.batch",
    "concurrent.futures",
    "multiprocessing",
)
_PROBE = """
import io, json, sys
from netralrules.cli import main
out = io.StringIO()
code = main(["evaluate", sys.argv[1], *sys.argv[2:-1]], stdout=out)
heavy = sys.argv[-1].split(",")
print(json.dumps({"code": code, "loaded": [m for m in heavy if m in sys.modules]}))
"""


def _loaded(*extra: str) -> list[str]:
    command = [sys.executable, "-c", _PROBE, str(EXAMPLE), *extra, ",".join(HEAVY)]
    subprocess.run(command, check=True, capture_output=True)  # fills the cache
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    loaded: list[str] = result["loaded"]
    return loaded


def test_json_without_the_graph_loads_nothing_heavy() -> None:
    assert _loaded("--format", "json", "--no-graph") == []


def test_json_with_the_graph_loads_the_explanation_but_not_the_checker_or_the_parser() -> None:
    # Nor networkx: the decision JSON is written from the explanation's data (explain/graph.py).
    assert _loaded("--format", "json") == ["netralrules.explain"]


def test_no_graph_is_the_decision_without_its_explanation() -> None:
    full, plain = io.StringIO(), io.StringIO()
    assert main(["evaluate", str(EXAMPLE), "--format", "json"], stdout=full) == 0
    assert main(["evaluate", str(EXAMPLE), "--format", "json", "--no-graph"], stdout=plain) == 0
    with_graph, without = json.loads(full.getvalue()), json.loads(plain.getvalue())
    assert "penjelasan" in with_graph and "penjelasan" not in without
    with_graph.pop("penjelasan")
    assert with_graph == without


def test_no_graph_goes_with_json_only() -> None:
    err = io.StringIO()
    assert main(["evaluate", str(EXAMPLE), "--no-graph"], stdout=io.StringIO(), stderr=err) == 2
    assert "--no-graph" in err.getvalue()


def test_one_incident_is_evaluated_with_the_collector_paused_and_a_batch_with_it_running(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []

    def probe(args: object, out: object, err: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(cli_evaluate, "run_evaluate", probe)
    assert gc.isenabled()
    assert main(["evaluate", str(EXAMPLE)], stdout=io.StringIO()) == 0
    assert gc.isenabled()  # restored when the command returns
    assert main(["evaluate", "--batch", "in.jsonl", "--out", "out.jsonl"], stdout=io.StringIO()) == 0
    assert main(["evaluate", "--bat", "in.jsonl", "--out", "out.jsonl"], stdout=io.StringIO()) == 0  # abbreviated
    assert main(["check", "--help"], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    assert seen == [False, True, True]
    assert gc.isenabled()
