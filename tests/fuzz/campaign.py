"""The fuzzing campaign of issue 13: rules files through parse, check, format (idempotence and
meaning) and evaluation; incidents through validation and evaluation in every output format; batch
runs killed at random and resumed. Resumable: the state (count done, findings) is saved to a folder
after every chunk, and input number N is the same input on every run.

    python -m tests.fuzz.campaign rules --count 100000 --state fuzz-state/
    python -m tests.fuzz.campaign incidents --count 100000 --state fuzz-state/
    python -m tests.fuzz.campaign batch --count 40 --state fuzz-state/

A finding is anything but our own outcome: an exception other than the documented ones, a format
that changes on a second run or changes the meaning, a control character reaching a human-facing
output, a lost or mismatched batch line, an orphaned worker. Each is saved with its input under
`<state>/findings/`. `docs/reliability.md` has the counts of the long run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from netralrules import check_text, format_text, load_rulebook
from netralrules.diagnostics.render import render_all
from tests.fuzz.mutate import incident, incident_corpus, rules_file

FORMATS = ("text", "markdown", "json", "dot", "graphml", "node-link", "html")
# What a terminal must never receive from input: C0 controls but newline and tab, DEL, and C1.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Finding(Exception):
    """A property of the campaign did not hold."""


def _no_control(text: str, where: str) -> None:
    m = _CONTROL.search(text)
    if m:
        raise Finding(f"control character U+{ord(m.group()):04X} in {where}: {text[max(0, m.start() - 40) : m.end() + 40]!r}")


# ---- rules files ---------------------------------------------------------------------------
def check_rules(seed: int, stats: dict[str, int]) -> None:
    text = rules_file(seed)
    report = check_text(text, "f.nr")
    for lang in ("id", "en"):
        _no_control(render_all(report.diagnostics, report.sources, lang), "diagnostics")
    formatted = format_text(text, "f.nr")
    if formatted.formatted is not None:
        again = format_text(formatted.formatted, "f.nr")
        if again.formatted != formatted.formatted:
            raise Finding("format is not idempotent")
        if report.rulebook is not None:
            after = check_text(formatted.formatted, "f.nr").rulebook
            if after is None or after.content_hash != report.rulebook.content_hash:
                raise Finding("format changed the meaning")
        stats["formatted"] = stats.get("formatted", 0) + 1
    if report.rulebook is not None:
        stats["clean"] = stats.get("clean", 0) + 1
        if seed % 10 == 0:
            _evaluate_rules(text, seed, stats)


def _evaluate_rules(text: str, seed: int, stats: dict[str, int]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "f.nr").write_text(text, encoding="utf-8")
        rb = load_rulebook(folder)
        example = incident_corpus()[seed % len(incident_corpus())]
        decision = rb.evaluate(example, explain=True)
        _no_control(rb.to_text(decision, "id"), "report")
        decision.to_json()
    stats["evaluated"] = stats.get("evaluated", 0) + 1


# ---- incidents -----------------------------------------------------------------------------
_RULEBOOK: list[Any] = []


def check_incident(seed: int, stats: dict[str, int]) -> None:
    from netralrules.facts import IncidentError, format_problems, load_incident

    if not _RULEBOOK:
        _RULEBOOK.append(load_rulebook())
    rb = _RULEBOOK[0]
    text, name = incident(seed)
    try:
        facts = load_incident(text, source=name)
    except IncidentError as error:
        for lang in ("id", "en"):
            _no_control(format_problems(error.problems, source=name, lang=lang), "incident errors")
        stats["rejected"] = stats.get("rejected", 0) + 1
        return
    # Three in four incidents as the decision JSON without explanation (batch mode), the rest in one of
    # the output formats, each with its explanation.
    fmt = "decision" if seed % 4 else FORMATS[seed // 4 % len(FORMATS)]
    stats[fmt] = stats.get(fmt, 0) + 1
    decision = rb.decide(facts, explain=fmt != "decision")
    if fmt == "decision":
        json.loads(decision.to_json())
    elif fmt in {"text", "markdown"}:
        out = rb.to_text(decision, "id") if fmt == "text" else rb.to_markdown(decision, "en")
        _no_control(out, fmt)
    elif fmt == "json":
        json.loads(decision.to_json())
    elif fmt == "html":
        from netralrules.explain.render.html import to_html

        _no_control(to_html(decision, "id", incident=facts), "html")
    else:
        from netralrules.explain import to_dot
        from netralrules.explain.render.exports import to_graphml, to_node_link

        {"dot": lambda g: to_dot(g, "id"), "graphml": to_graphml, "node-link": to_node_link}[fmt](decision.explanation)


# ---- batch with kills ----------------------------------------------------------------------
def check_batch(seed: int, stats: dict[str, int]) -> None:
    rng = random.Random(seed)
    lines = []
    for k in range(rng.randint(5, 25)):
        text, _ = incident(seed * 1000 + k)
        lines.append(text.replace("\n", " ") if len(text) < 200_000 else "{}")
    exe = [str(Path(sys.executable).with_name("netralrules"))]
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder, "in.jsonl")
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
        ref, out = Path(folder, "ref.jsonl"), Path(folder, "out.jsonl")
        subprocess.run(
            [*exe, "evaluate", "--batch", str(src), "--out", str(ref), "--workers", "1"], capture_output=True, check=False
        )
        kills = 0
        for _ in range(rng.randint(1, 3)):
            proc = subprocess.Popen(
                [*exe, "evaluate", "--batch", str(src), "--out", str(out), "--workers", "2", "--resume"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            time.sleep(rng.uniform(0.2, 2.5))
            if proc.poll() is None:
                children = _children(proc.pid)
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                kills += 1
                _no_orphans(children)
        subprocess.run(
            [*exe, "evaluate", "--batch", str(src), "--out", str(out), "--workers", "2", "--resume"],
            capture_output=True,
            check=False,
        )
        if not ref.exists() or not out.exists():
            raise Finding("no output after the run")
        a, b = ref.read_text(encoding="utf-8").splitlines(), out.read_text(encoding="utf-8").splitlines()
        if len(a) != len(lines) or a != b:
            raise Finding(f"batch output differs after {kills} kill(s): {len(a)} vs {len(b)} lines for {len(lines)} inputs")
        stats["kills"] = stats.get("kills", 0) + kills
        stats["lines"] = stats.get("lines", 0) + len(lines)


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def _no_orphans(children: list[int]) -> None:
    deadline = time.monotonic() + 10
    alive = children
    while alive and time.monotonic() < deadline:
        alive = [c for c in alive if _alive(c)]
        time.sleep(0.1)
    if alive:
        for c in alive:
            os.kill(c, signal.SIGKILL)
        raise Finding(f"{len(alive)} worker(s) still running 10 s after the parent was killed")


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


TARGETS: dict[str, Callable[[int, dict[str, int]], None]] = {
    "rules": check_rules,
    "incidents": check_incident,
    "batch": check_batch,
}


# ---- the run -------------------------------------------------------------------------------
def run(target: str, count: int, state_dir: Path, chunk: int = 100, quiet: bool = False, first: int = 0) -> dict[str, Any]:
    """Run `target` until `count` inputs are done (from where the saved state left off). `first`:
    the first input number of a shard (a second process takes the inputs from there on)."""
    state_dir.mkdir(parents=True, exist_ok=True)
    state_file = state_dir / (f"{target}.json" if not first else f"{target}-from-{first}.json")
    state: dict[str, Any] = {"target": target, "done": 0, "seconds": 0.0, "stats": {}, "findings": {}}
    if state_file.exists():
        state = json.loads(state_file.read_text(encoding="utf-8"))
    check = TARGETS[target]
    while state["done"] < count:
        start = time.monotonic()
        end = min(count, state["done"] + chunk)
        for seed in range(first + state["done"], first + end):
            try:
                check(seed, state["stats"])
            except KeyboardInterrupt:
                raise
            except BaseException as error:  # a finding, whatever it is
                _record(state, state_dir, target, seed, error)
        state["done"] = end
        state["seconds"] += time.monotonic() - start
        _save(state_file, state)
        if not quiet:
            print(f"{target}: {state['done']}/{count}, {len(state['findings'])} finding(s), {state['seconds']:.0f} s", flush=True)
    return state


def _record(state: dict[str, Any], state_dir: Path, target: str, seed: int, error: BaseException) -> None:
    tb = traceback.extract_tb(error.__traceback__)
    where = f"{tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno}" if tb else "?"
    key = f"{type(error).__name__}@{where}" if not isinstance(error, Finding) else "Finding: " + str(error).split(":")[0]
    entry = state["findings"].setdefault(key, {"count": 0, "seeds": [], "message": str(error)[:500]})
    entry["count"] += 1
    if len(entry["seeds"]) < 5:
        entry["seeds"].append(seed)
        folder = state_dir / "findings"
        folder.mkdir(exist_ok=True)
        if target == "rules":
            (folder / f"rules-{seed}.nr").write_text(rules_file(seed), encoding="utf-8", errors="surrogatepass")
        elif target == "incidents":
            text, name = incident(seed)
            (folder / f"incident-{seed}{Path(name).suffix}").write_text(text, encoding="utf-8", errors="surrogatepass")
        (folder / f"{target}-{seed}.traceback").write_text("".join(traceback.format_exception(error)), encoding="utf-8")


def _save(path: Path, state: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", choices=sorted(TARGETS))
    parser.add_argument("--count", type=int, required=True, help="inputs to have done in all (resumes from the state)")
    parser.add_argument("--state", type=Path, default=Path("fuzz-state"), help="folder of the saved state and findings")
    parser.add_argument("--first", type=int, default=0, help="first input number (a shard run by a second process)")
    args = parser.parse_args(argv)
    state = run(args.target, args.count, args.state, first=args.first)
    print(json.dumps({k: state[k] for k in ("done", "stats", "findings")}, indent=1, sort_keys=True))
    return 1 if state["findings"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
