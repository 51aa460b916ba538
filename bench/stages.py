"""Where the time of a decision without the graph goes, stage by stage, as the rulebook grows:

    python bench/stages.py [--sizes 67,670,6700] [--acts 10] [--rounds 5]

Each stage of `evaluation.pipeline.decide` is timed on its own (CPU time, the quickest of
`--rounds`, the sizes taking turns within a round), per provision and act, with its growth over the
size before (1.00 is linear): the compiled evaluation, attribution, the determination, the
assessment of untouched acts (coverage), the traced re-run that names the missing facts of
undecided provisions, the whole decision, and its JSON (`to_dict`, outside the decision). Generated
rulebooks (bench/scaling.write_rulebook) and the example repeated to `--acts` acts.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scaling
from netralrules.evaluation import pipeline
from netralrules.evaluation.attribution import attribute, flag_alleged
from netralrules.evaluation.determination import determine
from netralrules.evaluation.program import evaluate_fast
from netralrules.facts import load_incident
from netralrules.rulebook import Rulebook, load_rulebook


def stages(rb: Rulebook, facts: object) -> dict[str, Callable[[], object]]:
    """The stages of one decision, each a call that repeats only that stage."""
    f: object = facts
    dates = tuple(facts.act_dates)  # type: ignore[attr-defined]
    fast = evaluate_fast(rb.plan, facts, dates)  # type: ignore[arg-type]
    assert fast is not None, "the rulebook has no compiled program"
    evaluation = attribute(fast, facts, len(dates))  # type: ignore[arg-type]
    prior = facts.fact(("responden", "sanksi_sebelumnya"), 0)  # type: ignore[attr-defined]
    prior = prior if isinstance(prior, list) else []
    outcomes = {pid: p.outcome for pid, p in rb.checked.provisions.items() if p.outcome is not None}
    ladders = pipeline.sanction_ladders(rb)
    determination = flag_alleged(determine(evaluation, prior, outcomes, ladders), evaluation.findings)
    unresolved = determination.unresolved
    decision = rb.decide(f, explain=False)  # type: ignore[arg-type]
    return {
        "evaluation (compiled)": lambda: evaluate_fast(rb.plan, f, dates),  # type: ignore[arg-type]
        "attribution": lambda: attribute(fast, f, len(dates)),  # type: ignore[arg-type]
        "determination": lambda: flag_alleged(determine(evaluation, prior, outcomes, ladders), evaluation.findings),
        "coverage (untouched acts)": lambda: pipeline._assess(rb, f, dates, evaluation),  # type: ignore[arg-type]
        "missing facts (traced re-run)": lambda: (
            pipeline._missing_facts(
                (t := pipeline._traced_events(rb, f, dates, unresolved)).events,  # type: ignore[arg-type]
                unresolved,
                t.sites,
            )
            if unresolved
            else None
        ),
        "the whole decision": lambda: rb.decide(f, explain=False),  # type: ignore[arg-type]
        "to_dict (outside it)": decision.to_dict,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="67,670,6700")
    parser.add_argument("--acts", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    facts = load_incident(json.dumps(scaling.incident(args.acts)))
    with tempfile.TemporaryDirectory() as tmp:
        rulebooks = {n: load_rulebook(scaling.write_rulebook(n, Path(tmp))) for n in sizes}
    cases = {n: stages(rb, facts) for n, rb in rulebooks.items()}
    best: dict[tuple[int, str], float] = {}
    for _ in range(args.rounds):
        for n, named in cases.items():
            for name, fn in named.items():
                start = time.process_time()
                fn()
                loops = max(1, int(0.02 / max(1e-6, time.process_time() - start)))
                gc.collect()
                start = time.process_time()
                for _ in range(loops):
                    fn()
                took = (time.process_time() - start) / loops
                best[(n, name)] = min(best.get((n, name), took), took)
    print(f"CPU µs per provision and act (growth over the size before); {args.acts} acts, quickest of {args.rounds}")
    print(f"{'stage':<32}" + "".join(f"{n:>16,}" for n in sizes))
    for name in next(iter(cases.values())):
        row, previous = "", None
        for n in sizes:
            per = best[(n, name)] / (len(rulebooks[n].plan.provisions) * args.acts) * 1e6
            row += f"{per:>9.3f}" + (f" ({per / previous:.2f})" if previous else " " * 7)
            previous = per
        print(f"{name:<32}{row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
