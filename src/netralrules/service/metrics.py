"""Prometheus metrics in the text exposition format, kept in this process: requests, latency
histograms, decisions by track and tier, errors by code. Each uvicorn worker keeps its own and says
which it is (`worker` label, the process id); a scrape reaches one worker (docs/service.md)."""

from __future__ import annotations

import os
import threading
from collections import defaultdict
from collections.abc import Iterable

BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
Labels = tuple[tuple[str, str], ...]


def _labels(labels: Labels) -> str:
    if not labels:
        return ""
    inner = ",".join(f'{k}="{_escape(v)}"' for k, v in labels)
    return "{" + inner + "}"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


class Metrics:
    """Counters and histograms of one process, safe across threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.worker = str(os.getpid())
        self._counters: dict[str, dict[Labels, float]] = defaultdict(dict)
        self._hist: dict[str, dict[Labels, list[float]]] = defaultdict(dict)  # bucket counts, then sum, then count
        self._gauges: dict[str, dict[Labels, float]] = defaultdict(dict)
        self._help: dict[str, tuple[str, str]] = {}

    def _declare(self, name: str, kind: str, text: str) -> None:
        self._help.setdefault(name, (kind, text))

    def inc(self, name: str, labels: Labels = (), value: float = 1.0, text: str = "") -> None:
        with self._lock:
            self._declare(name, "counter", text)
            series = self._counters[name]
            series[labels] = series.get(labels, 0.0) + value

    def set(self, name: str, labels: Labels, value: float, text: str = "") -> None:
        with self._lock:
            self._declare(name, "gauge", text)
            self._gauges[name] = {labels: value}

    def observe(self, name: str, labels: Labels, seconds: float, text: str = "") -> None:
        with self._lock:
            self._declare(name, "histogram", text)
            series = self._hist[name].setdefault(labels, [0.0] * (len(BUCKETS) + 2))
            for i, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    series[i] += 1
            series[-2] += seconds
            series[-1] += 1

    def render(self) -> str:
        lines: list[str] = []
        worker = (("worker", self.worker),)
        with self._lock:
            for name in sorted(self._help):
                kind, text = self._help[name]
                lines.append(f"# HELP {name} {text or name}")
                lines.append(f"# TYPE {name} {kind}")
                lines.extend(self._series(name, worker))
        return "\n".join(lines) + "\n"

    def _series(self, name: str, worker: Labels) -> Iterable[str]:
        for labels, value in sorted(self._counters.get(name, {}).items()):
            yield f"{name}{_labels(labels + worker)} {value:g}"
        for labels, value in sorted(self._gauges.get(name, {}).items()):
            yield f"{name}{_labels(labels + worker)} {value:g}"
        for labels, series in sorted(self._hist.get(name, {}).items()):
            for i, bound in enumerate(BUCKETS):
                yield f"{name}_bucket{_labels((*labels, ('le', f'{bound:g}'), *worker))} {series[i]:g}"
            yield f"{name}_bucket{_labels((*labels, ('le', '+Inf'), *worker))} {series[-1]:g}"
            yield f"{name}_sum{_labels(labels + worker)} {series[-2]:.6f}"
            yield f"{name}_count{_labels(labels + worker)} {series[-1]:g}"
