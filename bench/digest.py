"""A digest of the decisions of one tree, to show that a change kept them byte for byte:

    python bench/digest.py [--n 300] [--sizes 67,670] [--acts 1,10,100] [--graph]
    PYTHONPATH=/tmp/before/src python bench/digest.py …   # the same for another tree (git archive)

Prints one SHA-256 per group (and in total) of the decision JSON (`to_json`; with `--graph`, the
explanation graph included) of: `--n` corpus incidents (bench/corpus.py, seed 2024) on the bundled
rulebook and on the subset of bench/run.py; the example repeated to `--acts` acts
(bench/scaling.incident); an incident of 10 acts on generated rulebooks of `--sizes` provisions
(bench/scaling.write_rulebook); and the compact batch form of the corpus decisions. Two trees
that decide alike print the same lines.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
import netralrules
import run
import scaling
from netralrules.facts import load_incident
from netralrules.rulebook import Rulebook, load_rulebook


def _digest(texts: Iterable[str]) -> tuple[str, int]:
    h, count = hashlib.sha256(), 0
    for text in texts:
        h.update(text.encode())
        h.update(b"\0")
        count += 1
    return h.hexdigest()[:16], count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--sizes", default="67,670")
    parser.add_argument("--acts", default="1,10,100")
    parser.add_argument("--graph", action="store_true", help="with the explanation graph (slower)")
    args = parser.parse_args(argv)
    explain = args.graph
    print(f"package: {Path(netralrules.__file__).resolve().parent}", file=sys.stderr)
    incidents = list(corpus.incidents(args.n, 2024))
    bundled, subset_rb = load_rulebook(), load_rulebook(run.SUBSET)
    groups: list[tuple[str, Iterable[str]]] = []

    def decisions(rb: Rulebook, items: Sequence[object]) -> Iterable[str]:
        return (rb.decide(load_incident(i), explain=explain).to_json() for i in items)

    groups.append((f"corpus × bundled ({args.n})", decisions(bundled, incidents)))
    groups.append((f"corpus × subset ({args.n})", decisions(subset_rb, incidents)))
    compact = (
        json.dumps(bundled.decide(load_incident(i), explain=False).to_dict(all_outcomes=False), sort_keys=True) for i in incidents
    )
    groups.append((f"corpus × bundled, compact ({args.n})", compact))
    acts = [int(a) for a in args.acts.split(",") if a]
    groups.append((f"example × acts {acts}", decisions(bundled, [json.dumps(scaling.incident(a)) for a in acts])))
    total = hashlib.sha256()
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",") if s):
            rb = load_rulebook(scaling.write_rulebook(size, Path(tmp)))
            groups.append((f"generated {size} provisions × 10 acts", decisions(rb, [json.dumps(scaling.incident(10))])))
        for name, texts in groups:
            digest, count = _digest(texts)
            total.update(digest.encode())
            print(f"{digest}  {name}: {count} decisions")
    print(f"{total.hexdigest()[:16]}  all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
