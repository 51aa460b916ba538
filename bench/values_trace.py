"""What a traced run would cost if it recorded values only, against the traced run that records
events and the untraced run (issue 14: what remains of the graph ratio):

    python bench/values_trace.py [--n 600] [--rounds 7] [--seed 2024]

The traced variant of the bundled rulebook's program records an event object per fact read,
definition read and condition result (`e(TN(FR, (a, NODES[i], PATHS[j], value)))`). Here the
generator's own source is rewritten so that each of those records the value alone (`e(value)`),
every operand still evaluated, and loaded through `codegen.generate.load_program` (the same checks
as any program: only the generator's names, no builtins). Each run decides the same corpus
incidents; the outcomes of the three are checked equal first. CPU time per incident, quickest of
`--rounds`, the three taking turns within each round. Nothing here is used by netralrules: it
measures how much of the traced run is the making of event objects.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from netralrules.codegen.generate import generate, load_program
from netralrules.evaluation import program as programs
from netralrules.facts import load_incident
from netralrules.rulebook import load_rulebook
from netralrules.trace import ListTracer

# The start of an event made in the traced variant, up to its value: `TN(FR, (a, NODES[3], PATHS[1], `
# for a fact read, `TN(DR, (a, NODES[3], DNAMES[1], ` for a definition read, `TN(CR, (a, NODES[3], `
# for a condition result. Replaced by `((`, the value stays, in the parentheses that closed the event.
_EVENT_START = re.compile(r"TN\((?:FR|DR), \(a, NODES\[\d+\], (?:PATHS|DNAMES)\[\d+\], |TN\(CR, \(a, NODES\[\d+\], ")


def values_only(text: str) -> str:
    """The generated source with every event of the traced variant recording its value alone (a
    generator that writes its events otherwise stops this script: nothing would be measured)."""
    rewritten, count = _EVENT_START.subn("((", text)
    left = [kind for kind in ("TN(FR,", "TN(DR,", "TN(CR,") if kind in rewritten]
    if not count or left:
        raise SystemExit(f"the generated source does not write its events as this script expects ({left or 'none found'})")
    return rewritten


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)

    rulebook = load_rulebook()
    plan = rulebook.plan
    values_plan = dataclasses.replace(plan, memo={})
    programs.set_program(values_plan, load_program(values_only(generate(plan.rulebook).text)))
    facts = [load_incident(i) for i in corpus.incidents(args.n, args.seed)]
    for f in facts:
        dates = tuple(f.act_dates)
        fast = programs.evaluate_fast(plan, f, dates)
        events = programs.evaluate_traced(plan, f, dates, ListTracer())
        values = programs.evaluate_traced(values_plan, f, dates, ListTracer())
        if fast is None or events is None or values is None or not (fast.outcomes == events.outcomes == values.outcomes):
            raise SystemExit(f"the three runs differ on {f.incident_id}")
    cases: dict[str, Callable[[Any], object]] = {
        "untraced (the compiled program)": lambda f: programs.evaluate_fast(plan, f, tuple(f.act_dates)),
        "traced, an event per read and condition": lambda f: programs.evaluate_traced(plan, f, tuple(f.act_dates), ListTracer()),
        "traced, values only": lambda f: programs.evaluate_traced(values_plan, f, tuple(f.act_dates), ListTracer()),
    }
    gc.collect()
    gc.freeze()
    gc.disable()
    best = dict.fromkeys(cases, float("inf"))
    for _ in range(args.rounds):
        for name, fn in cases.items():
            start = time.process_time()
            for f in facts:
                fn(f)
            best[name] = min(best[name], (time.process_time() - start) / len(facts))
    gc.enable()
    gc.unfreeze()
    print(f"evaluation of {len(facts)} corpus incidents (seed {args.seed}), bundled rulebook,")
    print(f"CPU µs per incident, quickest of {args.rounds} rounds")
    base = best["untraced (the compiled program)"]
    for name, seconds in best.items():
        print(f"  {name:42s} {seconds * 1e6:7.1f} µs  ({seconds / base:.2f}× untraced)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
