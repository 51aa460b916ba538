"""Every figure of issue 14's goal table, in one command, for this tree and (optionally) another commit:

    python bench/issue14.py                        # this tree against c022ed2 (the default "before")
    python bench/issue14.py --before main --quick  # a few minutes; any git revision
    python bench/issue14.py --before none          # this tree only
    python bench/issue14.py --json figures.json    # also every figure as JSON

What it measures, for each tree (rows of the goal table of issue 14):

- `subset`: the equivalence gate (bench/run.py: every engine agrees on every corpus incident), then
  CPU time per incident of netralrules without the graph (from the incident dict, validation
  included, as a caller pays; and from the validated incident), zen-engine, rule-engine, the bench's
  hand-written function and a tight one (`subset.hand_written_tight`), the cases taking turns per
  incident (`run.measure`), the cost of an empty call subtracted from every case alike.
- `full`: the bundled rulebook: a decision without the graph, with it, and `to_json` of the
  decision with its graph against making it (the same incidents, taking turns). The graph three
  ways: `graph`, the same incidents every round (after the first round every explanation is served
  from what the plan's memo kept); `graph_fresh`, that memo emptied before each incident; and
  `graph_unseen`, a real stream: a copy of the rulebook whose memo was warmed on N other corpus
  incidents (N = the corpus size, seed + 1) explains incidents it has not explained before (seed
  + 2, none alike, each round its own slice), beside its no-graph twin `no_graph_unseen` on the
  same incidents; their ratio is the row "graph / no graph, incidents not seen before". Each of the
  three graphs takes turns with a no-graph case in a group of its own (incident by incident, the
  order shuffled per incident): a case that empties and refills megabytes of memo at every call,
  or explains on another copy of the rulebook, evicts from the CPU's caches what the other cases
  had there, which costs the case that keeps most there (the graph) most.
- `acts`: an incident of 1, 10, 100, 1,000 acts (bench/scaling.incident), bundled rulebook;
  `sizes`: generated rulebooks of 67, 670, 6,700 provisions (bench/scaling.write_rulebook), an
  incident of 10 acts. Without and with the graph, CPU time per act or per provision; the sizes take
  turns round by round and each keeps its quickest round; growth per decade = the ratio of the time
  per unit to that of the size before (1.00 is linear; goal ≤ 1.3).
- `stream`: resident memory while streaming generated incidents through evaluation (bench/run.stream).
- `cli` (wall clock, new processes, the two trees taking turns run by run): `netralrules evaluate`
  of the example, text, `--format json`, `--format json --no-graph`, the per-user cache filled
  (in a temporary folder, one per tree);
- `load`: loading the bundled rulebook in a new process, from that cache (bench/run.load_times).

The other tree is exported with `git archive REV` into a temporary folder, and every measurement
of a tree runs in a child process with that tree's `src` first on `sys.path` (`PYTHONPATH`), so
that it imports the other tree's package, not the editable install's (which appends this tree's
`src` to `sys.path` through a `.pth` file, after `PYTHONPATH`): each child reports the file it
imported and the run stops if it is not the tree's own. The bench scripts (corpus, peers, this
file) are this tree's for both, so both trees meet the same input and the same harness. Sections
alternate between the trees (after, before; then the order flips), so a burst of load on the shared
machine falls on both. The load average is printed with the figures: read the ratios.

The bench scripts import the package's facade (`load_rulebook`, `Rulebook.decide`/`evaluate`,
`facts.load_incident`, `evaluation.program.plan_only` through bench/run.py): a revision without
them (older than the second round of issue 14) fails its sections, each with its error in the
table, and the rest of the run goes on.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_BEFORE = "c022ed2"  # main at the start of the last session of issue 14
SECTIONS = ("subset", "full", "acts", "sizes", "stream")

# Sizes per mode. --quick: a few minutes for two trees on a quiet machine (no graph of the largest
# rulebook); the full run: every row, the figures of the note.
QUICK = {
    "n": 300,
    "rounds": 2,
    "acts": (1, 10, 100, 1000),
    "sizes": (67, 670, 6700),
    "graph_sizes_up_to": 670,  # the graph of a 6,700-provision rulebook takes 15-30 s a call
    "growth_rounds": {"no_graph": 5, "graph": 2, "graph_fresh": 2},
    "stream": 5000,
    "json_n": 150,
    "repeat": 3,
}
FULL = {
    "n": 1200,
    "rounds": 3,
    "acts": (1, 10, 100, 1000),
    "sizes": (67, 670, 6700),
    "graph_sizes_up_to": 6700,
    "growth_rounds": {"no_graph": 7, "graph": 3, "graph_fresh": 3},
    "stream": 20000,
    "json_n": 300,
    "repeat": 7,
}
GOALS = {"vs_peer": 20.0, "vs_hand": 3.0, "graph": 3.0, "json": 2.0, "growth": 1.3, "cli_s": 0.15, "cache_ms": 10.0}


# ---- in a child process: one section for the tree whose package is first on sys.path ------------
def _worker(section: str, mode: dict[str, Any], seed: int) -> dict[str, Any]:
    sys.path.insert(0, str(HERE))
    import netralrules

    out: dict[str, Any] = {"package": str(Path(netralrules.__file__).resolve().parent)}
    gc.collect()
    if section == "subset":
        out.update(_subset(mode, seed))
    elif section == "full":
        out.update(_full(mode, seed))
    elif section == "acts":
        out.update(_acts(mode))
    elif section == "sizes":
        out.update(_sizes(mode))
    elif section == "stream":
        out.update(_stream(mode))
    else:
        raise SystemExit(f"unknown section {section}")
    return out


def _net(best: dict[str, dict[str, float]], overhead: str = "overhead") -> dict[str, float]:
    """Mean CPU µs per call of each case, less the cost of an empty call (the clock and the call)."""
    empty = best[overhead]["mean_us"]
    return {name: s["mean_us"] - empty for name, s in best.items() if name != overhead} | {overhead: empty}


def _subset(mode: dict[str, Any], seed: int) -> dict[str, Any]:
    import corpus
    import run
    import subset
    from netralrules.facts import load_incident
    from netralrules.rulebook import evaluate, load_rulebook

    incidents = list(corpus.incidents(mode["n"], seed))
    validated = [load_incident(i) for i in incidents]
    rulebook = load_rulebook(run.SUBSET)
    answer = subset.netralrules_answer
    engines: dict[str, Callable[[dict[str, Any]], str]] = {
        "hand_written": subset.hand_written,
        "hand_written_tight": subset.hand_written_tight,
        "netralrules": lambda inc: answer(evaluate(inc, rulebook, explain=False)),
        "rule-engine": subset.rule_engine_evaluator(),
        "zen-engine": subset.zen_evaluator(),
    }
    diffs = run.gate(incidents, engines)
    if diffs:
        raise SystemExit("equivalence gate failed:\n" + "\n".join(diffs[:20]))
    gc.collect()
    gc.freeze()
    best = run.measure(
        {
            "overhead": (lambda inc: None, incidents),
            "hand_written_tight": (subset.hand_written_tight, incidents),
            "hand_written": (subset.hand_written, incidents),
            "netralrules_from_dict": (engines["netralrules"], incidents),
            "netralrules_validated": (lambda f: answer(rulebook.decide(f, explain=False)), validated),
            "zen-engine": (engines["zen-engine"], incidents),
            "rule-engine": (engines["rule-engine"], incidents),
        },
        mode["rounds"],
    )
    gc.unfreeze()
    net = _net(best)
    return {"gate": f"{len(engines)} engines agree on {len(incidents)} incidents", "us": net}


def _forgetting(rulebook: Any) -> Callable[[], None]:
    """A call that empties what the rulebook's explanations share by their events
    (`explain.graph.forget_shared`), so that the next explanation is made as for an incident unlike
    any before; a no-op for a tree without that memo (before issue 14's last round)."""
    try:
        from netralrules.explain.graph import forget_shared  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return lambda: None
    plan = rulebook.plan
    return lambda: forget_shared(plan)


def _own_memo(rulebook: Any, facts: Any) -> Any:
    """A copy of a rulebook with a memo of its own, so that emptying its memo leaves the other
    cases' shared explanations alone; its program and what depends on the plan alone are made
    here (one explanation of `facts`), not in a timed call."""
    import dataclasses

    copy = dataclasses.replace(rulebook, plan=dataclasses.replace(rulebook.plan, memo={}))
    copy.decide(facts, explain=True)
    return copy


def _fresh_graph(rulebook: Any, facts: Any, forget: Callable[[], None]) -> object:
    forget()
    return rulebook.decide(facts, explain=True)


def _alike(incident: dict[str, Any]) -> str:
    """What an incident says, less its id and the acts' free-text descriptions (which differ between
    any two generated incidents): two incidents with the same text here are the same report."""
    acts = [{k: v for k, v in act.items() if k != "uraian"} for act in incident["tindakan"]]
    return json.dumps({**incident, "id": None, "tindakan": acts}, sort_keys=True)


def _unseen_incidents(warm: int, timed: int, seed: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """`warm` corpus incidents of seed `seed + 1`, then `timed` of seed `seed + 2`, no two alike nor
    like one of the main corpus (the first `warm` of `seed`), renamed `UNSEEN1-…`/`UNSEEN2-…`; and
    how many repeats were passed over."""
    import corpus

    seen = {_alike(i) for i in corpus.incidents(warm, seed)}
    out: list[list[dict[str, Any]]] = []
    skipped = 0
    for offset, count in ((1, warm), (2, timed)):
        chosen: list[dict[str, Any]] = []
        for number, incident in enumerate(corpus.incidents(10 * count + 1000, seed + offset)):
            key = _alike(incident)
            if key in seen:
                skipped += 1
                continue
            seen.add(key)
            chosen.append({**incident, "id": f"UNSEEN{offset}-{number:06d}"})
            if len(chosen) == count:
                break
        if len(chosen) < count:
            raise SystemExit(f"only {len(chosen)} distinct incidents of seed {seed + offset}, {count} asked")
        out.append(chosen)
    return out[0], out[1], skipped


def _each_new(fn: Callable[[Any], object], items: Sequence[Any]) -> Callable[[object], object]:
    """`fn` of the next of `items` at each call, whatever `run.measure` passes (the position of the
    incident in the round): `run.measure` gives case i the same item i every round, and the unseen
    cases must meet an incident new to the memo at every call, warm-up calls included."""
    left = iter(items)
    return lambda _position: fn(next(left))


def _full(mode: dict[str, Any], seed: int) -> dict[str, Any]:
    import corpus
    import run
    from netralrules.facts import load_incident
    from netralrules.rulebook import load_rulebook

    incidents = list(corpus.incidents(mode["n"], seed))
    validated = [load_incident(i) for i in incidents]
    again = [load_incident(i) for i in incidents]  # the graph case reads its own copies (see run.py)
    fresh = [load_incident(i) for i in incidents]
    rulebook = load_rulebook()
    cold = _own_memo(rulebook, fresh[0])
    forget = _forgetting(cold)
    # Incidents not seen before: a copy of the rulebook with its own memo, warmed on N others (N the
    # corpus size), then every call of the unseen cases (run.measure's warm-up calls too) takes a
    # new incident, in the same order for the graph and its no-graph twin, each its own copies.
    rounds, n = mode["rounds"], len(validated)
    per_round = min(100, n) + n  # run.measure's warm-up, then one call per incident
    warming, timed, repeats = _unseen_incidents(n, rounds * per_round, seed)
    warm = _own_memo(rulebook, load_incident(warming[0]))
    for incident in warming[1:]:
        warm.decide(load_incident(incident), explain=True)
    unseen_graph = [load_incident(i) for i in timed]
    unseen_twin = [load_incident(i) for i in timed]
    gc.collect()
    gc.freeze()
    # Each ratio from its own group of cases taking turns incident by incident: the graph with the
    # decision alone; the graph with the memo emptied with the decision alone; the unseen graph with
    # its twin. In one group, a case that empties and refills a memo of megabytes at every call
    # (the emptied one) or explains on another copy of the rulebook (the unseen one) evicts from
    # the CPU's caches what the others had there, and a case that keeps more there (the graph) pays
    # more for it: the groups compare each pair in the same conditions.
    shared: dict[str, tuple[Callable[[Any], object], Sequence[Any]]] = {
        "overhead": (lambda f: None, validated),
        "no_graph": (lambda f: rulebook.decide(f, explain=False), validated),
        "no_graph_from_dict": (lambda inc: rulebook.evaluate(inc, explain=False), incidents),
        "graph": (lambda f: rulebook.decide(f, explain=True), again),
    }
    emptied: dict[str, tuple[Callable[[Any], object], Sequence[Any]]] = {
        "overhead": (lambda f: None, validated),
        "no_graph": (lambda f: rulebook.decide(f, explain=False), validated),
        # The graph with what explanations share by their events emptied before each incident.
        "graph_fresh": (lambda f: _fresh_graph(cold, f, forget), fresh),
    }
    cases: dict[str, tuple[Callable[[Any], object], Sequence[Any]]] = {
        "overhead": (lambda f: None, validated),
        # Incidents the warmed copy has not explained before, and the same incidents without the graph.
        "graph_unseen": (_each_new(lambda f: warm.decide(f, explain=True), unseen_graph), range(n)),
        "no_graph_unseen": (_each_new(lambda f: warm.decide(f, explain=False), unseen_twin), range(n)),
    }
    best = run.measure(shared, rounds)
    fresh_group = run.measure(emptied, rounds)
    best["graph_fresh"] = fresh_group["graph_fresh"]
    best["no_graph_beside_fresh"] = fresh_group["no_graph"]
    # One round per run.measure call (the cases still take turns incident by incident), so that the
    # unseen graph and its twin are kept from the same round, on the same slice of incidents: the
    # round in which the graph was quickest.
    measured = [run.measure(cases, 1, seed=r) for r in range(rounds)]
    paired = min(measured, key=lambda m: m["graph_unseen"]["mean_us"])
    best["graph_unseen"] = paired["graph_unseen"]
    best["no_graph_unseen"] = paired["no_graph_unseen"]
    by_round = [
        {name: m[name]["mean_us"] - m["overhead"]["mean_us"] for name in ("graph_unseen", "no_graph_unseen")} for m in measured
    ]
    # to_json of a decision with its graph, against making that decision: the same incidents.
    first = again[: mode["json_n"]]
    decisions = [rulebook.decide(f, explain=True) for f in first]
    serial = run.measure(
        {
            "overhead": (lambda f: None, first),
            "graph": (lambda f: rulebook.decide(f, explain=True), first),
            "to_json": (lambda d: d.to_json(), decisions),
        },
        mode["rounds"],
    )
    gc.unfreeze()
    unseen = {
        "warmed_on": len(warming),
        "per_round": n,
        "warm_up_calls_per_round": per_round - n,
        "seeds": [seed + 1, seed + 2],
        "repeats_passed_over": repeats,
        "us_by_round": by_round,
    }
    return {"provisions": len(rulebook.plan.provisions), "us": _net(best), "json_us": _net(serial), "unseen": unseen}


def _repeat_to(fn: Callable[[], object], least: float = 0.05) -> tuple[Callable[[], object], int, float]:
    """`fn` repeated often enough that one timing lasts at least `least` CPU seconds, and the time
    of the first call (a warm-up, which counts as a round when one call lasts that long)."""
    gc.collect()
    start = time.process_time()
    fn()
    took = time.process_time() - start
    loops = max(1, math.ceil(least / max(took, 1e-6)))

    def many() -> None:
        for _ in range(loops):
            fn()

    return many, loops, took


def _growth(cases: dict[int, dict[str, Callable[[], object]]], rounds: dict[str, int]) -> dict[str, dict[int, float]]:
    """CPU seconds of one call of each (size, kind), the quickest of `rounds[kind]` rounds; the sizes
    and kinds take turns within every round (a kind with fewer rounds sits the last ones out)."""
    timed = {size: {kind: _repeat_to(fn) for kind, fn in kinds.items()} for size, kinds in cases.items()}
    # What the setup and the warm-up calls made (rulebooks of every size, what their plans keep) is
    # kept out of the collector's walks, as in the other sections: else each full collection walks
    # every size's heap, and a size pays for the others' (a larger call triggers more of them).
    gc.collect()
    gc.freeze()
    best: dict[str, dict[int, float]] = {}
    for size, kinds in timed.items():
        for kind, (_, loops, first) in kinds.items():
            if loops == 1:  # a call of a second or more: its warm-up is its first round
                best.setdefault(kind, {})[size] = first
    for r in range(max(rounds.values())):
        for size, kinds in timed.items():
            for kind, (many, loops, _) in kinds.items():
                # A call of a second or more had its first round in the warm-up.
                if r >= rounds[kind] - (1 if loops == 1 and rounds[kind] > 1 else 0):
                    continue
                gc.collect()
                start = time.process_time()
                many()
                took = (time.process_time() - start) / loops
                slot = best.setdefault(kind, {})
                slot[size] = min(slot.get(size, math.inf), took)
    gc.unfreeze()
    return best


def _acts(mode: dict[str, Any]) -> dict[str, Any]:
    import scaling
    from netralrules.facts import load_incident
    from netralrules.rulebook import load_rulebook

    rulebook = load_rulebook()
    cold = _own_memo(rulebook, load_incident(json.dumps(scaling.incident(1))))
    forget = _forgetting(cold)
    cases: dict[int, dict[str, Callable[[], object]]] = {}
    for n in mode["acts"]:
        facts = load_incident(json.dumps(scaling.incident(n)))
        cases[n] = {
            "no_graph": lambda f=facts: rulebook.decide(f, explain=False),
            "graph": lambda f=facts: rulebook.decide(f, explain=True),
            "graph_fresh": lambda f=facts: _fresh_graph(cold, f, forget),
        }
    return {"seconds": _growth(cases, mode["growth_rounds"])}


def _sizes(mode: dict[str, Any]) -> dict[str, Any]:
    import scaling
    from netralrules.facts import load_incident
    from netralrules.rulebook import load_rulebook

    facts = load_incident(json.dumps(scaling.incident(10)))
    cases: dict[int, dict[str, Callable[[], object]]] = {}
    provisions: dict[int, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in mode["sizes"]:
            rulebook = load_rulebook(scaling.write_rulebook(n, Path(tmp)))
            provisions[n] = len(rulebook.plan.provisions)
            cases[n] = {"no_graph": lambda rb=rulebook: rb.decide(facts, explain=False)}
            if n <= mode["graph_sizes_up_to"]:
                cases[n]["graph"] = lambda rb=rulebook: rb.decide(facts, explain=True)
                cold = _own_memo(rulebook, facts)
                forget = _forgetting(cold)
                cases[n]["graph_fresh"] = lambda rb=cold, fg=forget: _fresh_graph(rb, facts, fg)
        return {"seconds": _growth(cases, mode["growth_rounds"]), "provisions": provisions}


def _stream(mode: dict[str, Any]) -> dict[str, Any]:
    import run

    n = mode["stream"]
    start = time.perf_counter()
    seen = run.stream(n)
    took = time.perf_counter() - start
    quarter = seen[len(seen) // 4][1]
    return {"n": n, "per_s": n / took, "rss_mib": seen, "growth_mib": seen[-1][1] - quarter}


# ---- in the parent: trees, child processes, the command line, the table -------------------------
class Tree:
    """A source tree to measure: this one, or a revision exported into a temporary folder."""

    def __init__(self, label: str, root: Path, rev: str) -> None:
        self.label, self.root, self.rev = label, root, rev
        self.cache = Path(tempfile.mkdtemp(prefix=f"issue14-cache-{label}-"))
        os.chmod(self.cache, 0o700)
        self.env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(root / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]),
            "NETRALRULES_CACHE_DIR": str(self.cache),
        }

    def check_import(self) -> str:
        out = subprocess.run(
            [sys.executable, "-c", "import netralrules, pathlib; print(pathlib.Path(netralrules.__file__).resolve().parent)"],
            capture_output=True,
            text=True,
            check=True,
            env=self.env,
            cwd=self.root,
        ).stdout.strip()
        if Path(out) != (self.root / "src" / "netralrules").resolve():
            raise SystemExit(f"{self.label}: a child process imports {out}, not {self.root / 'src' / 'netralrules'}")
        return out

    def section(self, name: str, quick: bool, seed: int) -> dict[str, Any]:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--seed", str(seed)]
        if quick:
            cmd.append("--quick")
        started = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=self.env, cwd=self.root)
        if proc.returncode != 0:
            print(f"  [{self.label}] {name}: FAILED\n{proc.stderr[-3000:]}", file=sys.stderr)
            return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}"}
        data: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
        expected = (self.root / "src" / "netralrules").resolve()
        if Path(data["package"]) != expected:
            raise SystemExit(f"{self.label}: section {name} imported {data['package']}, not {expected}")
        print(f"  [{self.label}] {name}: {time.perf_counter() - started:.0f} s (load {os.getloadavg()[0]:.1f})", file=sys.stderr)
        return data

    def cli_once(self, extra: Sequence[str]) -> float:
        import run  # this tree's bench module: its EXAMPLE and CLI cases

        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "netralrules", "evaluate", str(run.EXAMPLE), *extra],
            capture_output=True,
            check=True,
            env=self.env,
            cwd=self.root,
        )
        return time.perf_counter() - start

    def load_once(self) -> dict[str, float]:
        import run

        return run.load_times(1, {k: self.env[k] for k in ("PYTHONPATH", "NETRALRULES_CACHE_DIR")})

    def close(self) -> None:
        shutil.rmtree(self.cache, ignore_errors=True)


def export(rev: str, into: Path) -> Path:
    """`git archive` of a revision of this repository into a folder (git's own state is not touched)."""
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "--format=tar", rev], capture_output=True, check=True, cwd=ROOT).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def interleaved_cli(trees: Sequence[Tree], repeat: int) -> dict[str, dict[str, float]]:
    """Median wall time per CLI case and tree, the trees and cases taking turns run by run."""
    import run

    for tree in trees:  # fills each tree's cache and the OS's file cache; not timed
        tree.load_once()
        for extra in run.CLI_CASES.values():
            tree.cli_once(extra)
    times: dict[str, dict[str, list[float]]] = {t.label: {name: [] for name in run.CLI_CASES} for t in trees}
    for r in range(repeat):
        order = list(trees) if r % 2 == 0 else list(reversed(trees))
        for name, extra in run.CLI_CASES.items():
            for tree in order:
                times[tree.label][name].append(tree.cli_once(extra))
    return {label: {name: statistics.median(v) for name, v in cases.items()} for label, cases in times.items()}


def interleaved_load(trees: Sequence[Tree], repeat: int) -> dict[str, dict[str, float]]:
    found: dict[str, dict[str, list[float]]] = {t.label: {} for t in trees}
    for r in range(repeat):
        for tree in list(trees) if r % 2 == 0 else list(reversed(trees)):
            for key, value in tree.load_once().items():
                found[tree.label].setdefault(key, []).append(value)
    return {label: {k: statistics.median(v) for k, v in keys.items()} for label, keys in found.items()}


def _per_decade(seconds: dict[int, float], units: dict[int, int] | None = None) -> list[tuple[int, float, float | None]]:
    """(size, µs per unit, growth of the time per unit over the size before)."""
    rows: list[tuple[int, float, float | None]] = []
    previous: float | None = None
    for size in sorted(seconds):
        per = seconds[size] / (units or {}).get(size, size) * 1e6
        rows.append((size, per, None if previous is None else per / previous))
        previous = per
    return rows


def figures(data: dict[str, Any]) -> dict[str, Any]:
    """The goal table's figures of one tree, from its sections."""
    f: dict[str, Any] = {}
    sub = data.get("subset", {}).get("us")
    if sub:
        ours = sub["netralrules_from_dict"]
        peer = min(sub["zen-engine"], sub["rule-engine"])
        f["vs_peer"] = peer / ours
        f["vs_peer_validated"] = peer / sub["netralrules_validated"]
        f["vs_hand"] = ours / sub["hand_written_tight"]
        f["vs_hand_validated"] = sub["netralrules_validated"] / sub["hand_written_tight"]
        f["vs_bench_hand"] = ours / sub["hand_written"]
    full = data.get("full", {})
    if "us" in full:
        f["graph"] = full["us"]["graph"] / full["us"]["no_graph"]
        if "graph_fresh" in full["us"]:
            f["graph_fresh"] = full["us"]["graph_fresh"] / full["us"].get("no_graph_beside_fresh", full["us"]["no_graph"])
        if "graph_unseen" in full["us"]:
            f["graph_unseen"] = full["us"]["graph_unseen"] / full["us"]["no_graph_unseen"]
        f["json"] = full["json_us"]["to_json"] / full["json_us"]["graph"]
    for key in ("acts", "sizes"):
        section = data.get(key, {})
        if "seconds" in section:
            units = {int(k): v for k, v in section["provisions"].items()} if key == "sizes" else None
            f[key] = {kind: _per_decade({int(k): v for k, v in secs.items()}, units) for kind, secs in section["seconds"].items()}
            f[f"{key}_worst"] = max((g for rows in f[key].values() for *_, g in rows if g is not None), default=None)
    if "growth_mib" in data.get("stream", {}):
        f["stream_growth_mib"] = data["stream"]["growth_mib"]
    return f


_KINDS = {"no_graph": "no graph", "graph": "graph", "graph_fresh": "graph, shared memo emptied each time"}


def _x(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}×"


def table(results: dict[str, dict[str, Any]], labels: Sequence[str], mode: dict[str, Any]) -> str:
    """The goal table, one column per tree, and the figures behind it."""
    figs = {label: figures(results[label]) for label in labels}
    head = "| measure | goal | " + " | ".join(labels) + " |\n|---|---|" + "---:|" * len(labels)
    rows: list[str] = []

    def row(name: str, goal: str, cell: Callable[[str], str]) -> None:
        rows.append(f"| {name} | {goal} | " + " | ".join(cell(label) for label in labels) + " |")

    def get(label: str, *keys: str) -> Any:
        value: Any = results[label]
        for key in keys:
            if not isinstance(value, dict) or key not in value:
                return None
            value = value[key]
        return value

    def us(value: Any) -> str:
        return "–" if value is None else f"{value:,.1f} µs" if value < 1000 else f"{value / 1000:,.2f} ms"

    row(
        "no graph, vs the fastest peer (subset, from the dict)",
        "≥ 20× faster",
        lambda lb: _x(figs[lb].get("vs_peer")) + " faster",
    )
    row("the same, from the validated incident", "", lambda lb: _x(figs[lb].get("vs_peer_validated")) + " faster")
    row("no graph, vs the tight hand-written function (from the dict)", "≤ 3×", lambda lb: _x(figs[lb].get("vs_hand")))
    row("the same, from the validated incident", "", lambda lb: _x(figs[lb].get("vs_hand_validated")))
    row("graph / no graph (bundled rulebook)", "≤ 3×", lambda lb: _x(figs[lb].get("graph")))
    row(
        f"graph / no graph, incidents not seen before (memo warmed on {mode['n']:,} others)",
        "≤ 3×",
        lambda lb: _x(figs[lb].get("graph_unseen")),
    )
    row("the same, what explanations share emptied before each incident", "", lambda lb: _x(figs[lb].get("graph_fresh")))
    row("`to_json` with graph / the graph", "≤ 2×", lambda lb: _x(figs[lb].get("json"), 2))
    for key, unit in (("acts", "acts"), ("sizes", "provisions")):
        for kind in ("no_graph", "graph", "graph_fresh"):

            def growth(label: str, key: str = key, kind: str = kind) -> str:
                rows_ = figs[label].get(key, {}).get(kind)
                if not rows_:
                    return "–"
                return ", ".join(f"{g:.2f}" for _, _, g in rows_ if g is not None)

            sizes = "→".join(f"{s:,}" for s in mode[key])
            row(f"growth per decade in {unit} ({sizes}), {_KINDS[kind]}", "each ≤ 1.3", growth)
    for name in ("text", "json", "json --no-graph"):
        row(
            f"CLI `evaluate` of the example, {name} (wall, median)",
            "≤ 0.15 s",
            lambda lb, n=name: "–" if get(lb, "cli", n) is None else f"{get(lb, 'cli', n):.3f} s",
        )
    row(
        "load from the cache in a new process (median)",
        "≤ 10 ms",
        lambda lb: "–" if get(lb, "load", "cold_ms") is None else f"{get(lb, 'load', 'cold_ms'):.1f} ms",
    )
    row(
        "memory while streaming: RSS, first quarter → end",
        "flat",
        lambda lb: "–" if figs[lb].get("stream_growth_mib") is None else f"{figs[lb]['stream_growth_mib']:+.1f} MiB",
    )
    out = [head, *rows, ""]
    # The figures behind the ratios.
    out.append("| CPU time per call (mean, an empty call's cost subtracted) | " + " | ".join(labels) + " |")
    out.append("|---|" + "---:|" * len(labels))
    for name, keys in (
        ("subset: tight hand-written function", ("subset", "us", "hand_written_tight")),
        ("subset: the bench's hand-written function (shared fold)", ("subset", "us", "hand_written")),
        ("subset: netralrules, from the dict", ("subset", "us", "netralrules_from_dict")),
        ("subset: netralrules, validated incident", ("subset", "us", "netralrules_validated")),
        ("subset: zen-engine", ("subset", "us", "zen-engine")),
        ("subset: rule-engine", ("subset", "us", "rule-engine")),
        ("subset: an empty call (subtracted)", ("subset", "us", "overhead")),
        ("bundled: no graph (validated incident)", ("full", "us", "no_graph")),
        ("bundled: no graph, from the dict", ("full", "us", "no_graph_from_dict")),
        ("bundled: with the graph", ("full", "us", "graph")),
        ("bundled: no graph, beside the next row (its own group)", ("full", "us", "no_graph_beside_fresh")),
        ("bundled: with the graph, shared memo emptied each time", ("full", "us", "graph_fresh")),
        ("bundled: no graph, incidents not seen before (the next row's twin)", ("full", "us", "no_graph_unseen")),
        (
            f"bundled: with the graph, incidents not seen before (memo warmed on {mode['n']:,} others)",
            ("full", "us", "graph_unseen"),
        ),
        ("bundled: with the graph (first 300)", ("full", "json_us", "graph")),
        ("bundled: `to_json` of those decisions", ("full", "json_us", "to_json")),
    ):
        out.append(f"| {name} | " + " | ".join(us(get(label, *keys)) for label in labels) + " |")
    for key, unit in (("acts", "act"), ("sizes", "provision")):
        for kind in ("no_graph", "graph", "graph_fresh"):
            sizes = sorted({s for label in labels for s, _, _ in figs[label].get(key, {}).get(kind, [])})
            for size in sizes:
                cells = []
                for label in labels:
                    found = [(per, g) for s, per, g in figs[label].get(key, {}).get(kind, []) if s == size]
                    shown = "–" if not found else us(found[0][0])
                    cells.append(shown + ("" if not found or found[0][1] is None else f" ({found[0][1]:.2f}×)"))
                what = "acts" if key == "acts" else "provisions"
                out.append(f"| {_KINDS[kind]}, {size:,} {what}: per {unit} (growth) | " + " | ".join(cells) + " |")
    return "\n".join(out)


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True, cwd=ROOT).stdout.strip()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--before", default=DEFAULT_BEFORE, help=f"git revision to compare with (default {DEFAULT_BEFORE}; none: skip)"
    )
    parser.add_argument("--quick", action="store_true", help="smaller corpus, fewer rounds: a few minutes")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--only", default=",".join((*SECTIONS, "cli", "load")), help="sections to run (comma-separated)")
    parser.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(None if argv is None else list(argv))
    mode: dict[str, Any] = QUICK if args.quick else FULL
    if args.worker:
        print(json.dumps(_worker(args.worker, mode, args.seed)))
        return 0

    sys.path.insert(0, str(HERE))
    wanted = [s for s in args.only.split(",") if s]
    head = _git("rev-parse", "--short", "HEAD")
    dirty = _git("status", "--porcelain", "--", "src", "rules", "grammar")
    after_label = f"after ({head}{'+' if dirty.strip() else ''})"
    temp = Path(tempfile.mkdtemp(prefix="issue14-"))
    trees = [Tree(after_label, ROOT, head)]
    if args.before.lower() != "none":
        rev = _git("rev-parse", "--short", args.before)
        trees.append(Tree(f"before ({rev})", export(rev, temp / rev), rev))
    try:
        for tree in trees:
            print(f"{tree.label}: imports {tree.check_import()}", file=sys.stderr)
        started = time.perf_counter()
        loads = [os.getloadavg()[0]]
        results: dict[str, dict[str, Any]] = {t.label: {} for t in trees}
        for k, name in enumerate(s for s in SECTIONS if s in wanted):
            for tree in trees if k % 2 == 0 else list(reversed(trees)):
                results[tree.label][name] = tree.section(name, args.quick, args.seed)
                loads.append(os.getloadavg()[0])
        if "cli" in wanted:
            for label, cli in interleaved_cli(trees, mode["repeat"]).items():
                results[label]["cli"] = cli
            loads.append(os.getloadavg()[0])
        if "load" in wanted:
            for label, load in interleaved_load(trees, mode["repeat"]).items():
                results[label]["load"] = load
            loads.append(os.getloadavg()[0])
        took = time.perf_counter() - started
    finally:
        for tree in trees:
            tree.close()
        shutil.rmtree(temp, ignore_errors=True)
    labels = [t.label for t in trees]
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(
        f"issue 14, `python bench/issue14.py{' --quick' if args.quick else ''} --before {args.before}`: {when}, "
        f"python {platform.python_version()}, {os.cpu_count()} CPU(s); {took / 60:.1f} min; "
        f"load average (1 min) {min(loads):.1f}–{max(loads):.1f}; corpus n={mode['n']} seed={args.seed}, "
        f"{mode['rounds']} rounds; CPU time unless marked wall; incidents not seen before: a copy of the rulebook "
        f"with its own memo, warmed on {mode['n']:,} other incidents (seed {args.seed + 1}), explains new ones "
        f"(seed {args.seed + 2}, none alike, {mode['n']:,} a round after {min(100, mode['n'])} warm-up calls), "
        "beside its no-graph twin on the same incidents, both from the round the graph was quickest\n"
    )
    print(table(results, labels, mode))
    failed = [(label, name, d["error"]) for label in labels for name, d in results[label].items() if "error" in d]
    if failed:
        print("\nSections that failed (their cells show –):")
        for label, name, error in failed:
            print(f"- {label}, {name}: {error}")
    if args.json:
        payload = {"when": when, "quick": args.quick, "load": loads, "trees": {t.label: t.rev for t in trees}, "results": results}
        payload["figures"] = {label: figures(results[label]) for label in labels}
        Path(args.json).write_text(json.dumps(payload, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
