"""Scaling benchmark: how the time of a decision grows with the acts of an incident and with the
size of the rulebook, with and without the explanation graph. Printed as tables with the growth
per decade, so that any non-linear growth shows (issue 14: linear, within 1.3x per decade).

    python bench/scaling.py [--acts 1,10,100,1000] [--sizes 67,670,6700] [--repeat 3]

Acts: the bundled rulebook, an incident of N acts (the example's act, repeated on successive
days). Rulebook size: generated rulebooks (bench/parse_check.generate) of N provisions, and one
incident of 10 acts. Times are CPU seconds of this process (`time.process_time`), the median of
`--repeat` runs after one warm-up; the time per act (or per provision) is the column to watch.
"""

from __future__ import annotations

import argparse
import datetime
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from netralrules import Rulebook, load_rulebook
from netralrules.evaluation.program import plan_only
from netralrules.facts import load_incident
from parse_check import generate  # a sibling script (sys.path above), not a package

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "pns_kampanye_atribut_partai.json"


def incident(acts: int) -> dict[str, Any]:
    """The bundled example with its act repeated `acts` times, a day apart, inside the campaign."""
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    first = data["tindakan"][0]
    start = datetime.date.fromisoformat(first["tanggal"])
    data["tindakan"] = [{**first, "tanggal": (start + datetime.timedelta(days=i % 40)).isoformat()} for i in range(acts)]
    return data


def cpu(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up: caches of the rulebook (compiled texts, cells) are built once per rulebook
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def table(title: str, unit: str, rows: Sequence[tuple[int, float, float, float]]) -> list[str]:
    """Rows of (size, seconds without graph with the compiled program, the same with the plan,
    seconds with graph), with time per unit and growth per decade of the time per unit (1.0 is
    linear)."""
    out = [
        title,
        f"  {unit:>12} {'no graph':>12} {'per ' + unit:>14} {'growth':>7} {'plan':>12} {'per ' + unit:>14} {'growth':>7}"
        f" {'graph':>12} {'per ' + unit:>14} {'growth':>7}",
    ]
    previous: tuple[float, ...] | None = None
    for size, *seconds in rows:
        per = tuple(t / size * 1e6 for t in seconds)
        shown = ""
        for i, t in enumerate(seconds):
            growth = "" if previous is None else f"{per[i] / previous[i]:.2f}x"
            shown += f" {t * 1e3:>10.1f}ms {per[i]:>12.1f}µs {growth:>7}"
        out.append(f"  {size:>12,}{shown}")
        previous = per
    return out


def by_acts(sizes: Sequence[int], repeat: int) -> list[tuple[int, float, float, float]]:
    rulebook = load_rulebook()
    rows = []
    for n in sizes:
        facts = load_incident(json.dumps(incident(n)))
        runs = 1 if n >= 1000 else repeat
        rows.append((n, *_both(rulebook, facts, runs)))
    return rows


def _both(rulebook: Rulebook, facts: Any, runs: int) -> tuple[float, float, float]:
    """Without the graph (compiled program, then the plan) and with it."""
    plan = plan_only(rulebook)
    return (
        cpu(lambda: rulebook.decide(facts, explain=False), runs),
        cpu(lambda: plan.decide(facts, explain=False), runs),
        cpu(lambda: rulebook.decide(facts), runs),
    )


def write_rulebook(n: int, tmp: Path) -> Path:
    """A generated rulebook of `n` provisions (bench/parse_check.generate) written under `tmp`: its folder."""
    folder = tmp / f"rb{n}"
    folder.mkdir(parents=True, exist_ok=True)
    # In files of 500 provisions: one file may hold at most 2 MiB (a limit of the loader).
    head, *provisions = generate(n).split("\n\nketentuan ")
    (folder / "bench.nr").write_text(head + "\n", encoding="utf-8")
    for k in range(0, len(provisions), 500):
        chunk = "".join("\n\nketentuan " + p for p in provisions[k : k + 500])
        (folder / f"bench_{k // 500:03d}.nr").write_text(chunk.lstrip() + "\n", encoding="utf-8")
    return folder


def by_rulebook(sizes: Sequence[int], repeat: int, tmp: Path) -> list[tuple[int, float, float, float]]:
    rows = []
    facts = load_incident(json.dumps(incident(10)))
    for n in sizes:
        rulebook: Rulebook = load_rulebook(write_rulebook(n, tmp))
        runs = 1 if n >= 5000 else repeat
        rows.append((n, *_both(rulebook, facts, runs)))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--acts", default="1,10,100,1000")
    parser.add_argument("--sizes", default="67,670,6700")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    import tempfile

    acts = [int(x) for x in args.acts.split(",") if x]
    sizes = [int(x) for x in args.sizes.split(",") if x]
    print(f"python {sys.version.split()[0]}; CPU time, median of {args.repeat} after a warm-up (one run at the largest sizes)")
    print("\n".join(table("1. acts per incident (bundled rulebook)", "acts", by_acts(acts, args.repeat))))
    with tempfile.TemporaryDirectory() as tmp:
        rows = by_rulebook(sizes, args.repeat, Path(tmp))
    print("\n".join(table("2. rulebook size (generated; an incident of 10 acts)", "provisions", rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
