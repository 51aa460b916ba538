"""A bounded load run of the HTTP service on loopback, in one command:

    python bench/service_load.py                       # SQLite store in a temporary folder
    python bench/service_load.py --db postgresql://…   # a PostgreSQL store (an empty database)
    python bench/service_load.py --requests 200 --concurrency 4

For each explanation (none; report: the Markdown report) and each number of uvicorn workers (1, 2)
it starts `netralrules serve`, warms up, then sends `--requests` POST /v1/evaluate of the sample
incident (each a distinct incident id, so each is evaluated and recorded) from `--concurrency`
concurrent connections, and reports latency p50/p99 and throughput. The in-process call
(`Rulebook.evaluate`, one at a time, nothing recorded) is measured beside it. The load generator
is a Python client in this process: on a small machine it takes CPU from the server, so the figures
are a floor. Figures: docs/service.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = json.loads((ROOT / "examples" / "pns_kampanye_atribut_partai.json").read_text(encoding="utf-8"))


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _summary(latencies: list[float], wall: float) -> dict[str, float]:
    return {
        "p50_ms": round(_percentile(latencies, 0.50) * 1000, 2),
        "p99_ms": round(_percentile(latencies, 0.99) * 1000, 2),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 2),
        "per_s": round(len(latencies) / wall, 1),
    }


def in_process(requests: int, explain: bool) -> dict[str, float]:
    from netralrules import load_rulebook

    rulebook = load_rulebook()
    text = json.dumps(EXAMPLE)
    for _ in range(20):
        decision = rulebook.evaluate(text, explain=explain)
        if explain:
            rulebook.to_markdown(decision, "id")
    latencies = []
    began = time.perf_counter()
    for _ in range(requests):
        start = time.perf_counter()
        decision = rulebook.evaluate(text, explain=explain)
        if explain:
            rulebook.to_markdown(decision, "id")
        latencies.append(time.perf_counter() - start)
    return _summary(latencies, time.perf_counter() - began)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(db: str, workers: int, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    args = [sys.executable, "-m", "netralrules", "serve", "--db", db, "--port", str(port), "--workers", str(workers)]
    args += ["--max-concurrency", "256", "--log-level", "warning"]
    with log.open("ab") as sink:
        process = subprocess.Popen(args, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.2)
    raise RuntimeError(f"server did not start:\n{log.read_text(errors='replace')}")


async def _load(url: str, requests: int, concurrency: int, explanation: str, tag: str) -> dict[str, float]:
    latencies: list[float] = []
    counter = iter(range(requests))
    params = {"penjelasan": explanation}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:

        async def one(i: int) -> float:
            body = json.dumps({**EXAMPLE, "id": f"LOAD-{tag}-{i}"})
            start = time.perf_counter()
            answer = await client.post("/v1/evaluate", params=params, content=body, headers={"Content-Type": "application/json"})
            elapsed = time.perf_counter() - start
            if answer.status_code != 200:
                raise RuntimeError(f"{answer.status_code}: {answer.text[:300]}")
            return elapsed

        for i in range(min(20, requests)):  # warm-up, not counted
            await one(-i - 1)

        async def worker() -> None:
            for i in counter:
                latencies.append(await one(i))

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - began
    return _summary(latencies, wall)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--db", help="store URL (default: SQLite in a temporary folder, new for each run)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "service.json")
    args = parser.parse_args()
    rows: list[dict[str, Any]] = []
    for explanation in ("none", "report"):
        figures = in_process(args.requests, explain=explanation != "none")
        rows.append({"run": "in-process", "explanation": explanation, "workers": "-", **figures})
        print(rows[-1], flush=True)
    with tempfile.TemporaryDirectory(prefix="netralrules-load-") as folder:
        for workers in (1, 2):
            for explanation in ("none", "report"):
                tag = f"{workers}-{explanation}-{os.getpid()}"
                db = args.db or f"sqlite:///{Path(folder) / f'{tag}.db'}"
                process, url = _serve(db, workers, Path(folder) / "server.log")
                try:
                    figures = asyncio.run(_load(url, args.requests, args.concurrency, explanation, tag))
                finally:
                    os.killpg(process.pid, signal.SIGTERM)
                    process.wait(30)
                store = "postgresql" if db.startswith("postgresql") else "sqlite"
                rows.append({"run": f"http ({store})", "explanation": explanation, "workers": workers, **figures})
                print(rows[-1], flush=True)
    print()
    print(
        f"{args.requests} requests, {args.concurrency} concurrent; "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores"
    )
    print("| run | explanation | workers | p50 ms | p99 ms | per second |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['run']} | {r['explanation']} | {r['workers']} | {r['p50_ms']} | {r['p99_ms']} | {r['per_s']} |")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"requests": args.requests, "concurrency": args.concurrency, "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
