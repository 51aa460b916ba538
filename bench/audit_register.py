"""Time the consistency audit of a large synthetic register (issue 17: 100,000 cases in under a
minute). The register comes from the seeded generator (`netralrules audit generate`), written as
CSV or JSON lines, then read, evaluated and aggregated exactly as `netralrules audit FILE --out DIR`
does; each stage is timed separately.

    python bench/audit_register.py [--cases 100000] [--seed 1] [--form jsonl|csv] [--out DIR]

Prints one JSON object. Not a test: the figure depends on the machine (docs/performance.md).
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import resource
import tempfile
import time
from pathlib import Path

from netralrules import load_rulebook
from netralrules.cli.audit import _write_folder
from netralrules.tools.audit import audit, sanction_kinds
from netralrules.tools.audit_generate import generate, to_csv, to_jsonl
from netralrules.tools.audit_input import read_register


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--form", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument("--out", default=None)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--gc", choices=("default", "freeze"), default="freeze")
    args = parser.parse_args()
    rulebook = load_rulebook()
    started = time.perf_counter()
    records = generate(args.seed, args.cases, rulebook)
    text = to_csv(records) if args.form == "csv" else to_jsonl(records)
    generated = time.perf_counter() - started
    del records
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="audit-bench-"))
    t0, c0 = time.perf_counter(), time.process_time()
    register = read_register(f"register.{args.form}", text, sanction_kinds(rulebook))
    if args.gc == "freeze":
        gc.freeze()  # as `netralrules audit` does: the register's objects live to the end
    t1, c1 = time.perf_counter(), time.process_time()
    result = audit(register, rulebook, workers=args.workers)
    if args.gc == "freeze":
        gc.freeze()
    t2, c2 = time.perf_counter(), time.process_time()
    _write_folder(result, out, "id")
    t3, c3 = time.perf_counter(), time.process_time()
    print(
        json.dumps(
            {
                "cases": len(result.results),
                "rejected": result.rejected_cases,
                "distinct_incidents": result.distinct_incidents,
                "form": args.form,
                "workers": args.workers,
                "megabytes": round(len(text.encode()) / 1e6, 1),
                "generate_s": round(generated, 1),
                "read_s": round(t1 - t0, 1),
                "evaluate_and_aggregate_s": round(t2 - t1, 1),
                "write_report_s": round(t3 - t2, 1),
                "audit_total_s": round(t3 - t0, 1),
                "cpu_read_s": round(c1 - c0, 1),
                "cpu_evaluate_and_aggregate_s": round(c2 - c1, 1),
                "cpu_write_report_s": round(c3 - c2, 1),
                "cpu_total_s": round(c3 - c0, 1),
                "gc": args.gc,
                "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "python": platform.python_version(),
                "out": str(out),
            }
        )
    )


if __name__ == "__main__":
    main()
