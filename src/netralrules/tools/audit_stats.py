"""The statistics of the consistency audit, in pure Python (no numpy or scipy: the few formulas
below are all the audit needs, and `statistics.NormalDist` gives the normal quantile).

- `wilson`: the Wilson score interval of a share k/n (it stays inside [0, 1] and behaves for small
  n and for shares near 0 or 1, where the Wald interval does not).
- `two_proportions`: a group's share against the share of everyone else, the pooled two-proportion
  z test (two-sided p-value) and the difference with its (unpooled, Wald) confidence interval.
- `benjamini_hochberg` and `holm`: adjusted p-values for many comparisons.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

_NORMAL = NormalDist()


def z_of(confidence: float) -> float:
    """The two-sided normal quantile of a confidence level (0.95 → 1.96)."""
    return _NORMAL.inv_cdf(1 - (1 - confidence) / 2)


def wilson(k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """The Wilson score interval of the share k/n; (0, 1) when n is 0."""
    if n <= 0:
        return (0.0, 1.0)
    z = z_of(confidence)
    p = k / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True)
class Comparison:
    """A group's share (k1/n1) against the rest's (k2/n2)."""

    k1: int
    n1: int
    k2: int
    n2: int
    z: float
    p_value: float
    difference: float
    low: float  # confidence interval of the difference
    high: float


def two_proportions(k1: int, n1: int, k2: int, n2: int, confidence: float = 0.95) -> Comparison:
    """The pooled two-proportion z test of k1/n1 against k2/n2 (two-sided). With no variance at
    all (both shares 0 or both 1) z is 0 and p is 1."""
    p1 = k1 / n1 if n1 else 0.0
    p2 = k2 / n2 if n2 else 0.0
    pooled = (k1 + k2) / (n1 + n2) if n1 + n2 else 0.0
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2)) if n1 and n2 else 0.0
    z = (p1 - p2) / se if se > 0 else 0.0
    p_value = math.erfc(abs(z) / math.sqrt(2)) if se > 0 else 1.0  # 2(1 − Φ(|z|)), without underflow to 0
    se_diff = math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) if n1 and n2 else 0.0
    half = z_of(confidence) * se_diff
    diff = p1 - p2
    return Comparison(k1, n1, k2, n2, z, min(1.0, p_value), diff, diff - half, diff + half)


def benjamini_hochberg(p_values: Sequence[float]) -> list[float]:
    """Benjamini–Hochberg adjusted p-values (q-values), in the order given."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [1.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, p_values[i] * m / rank)
        adjusted[i] = min(1.0, running)
    return adjusted


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm's step-down adjusted p-values, in the order given."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [1.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted
