"""The explanation of a decision: a graph built after evaluation from the recorded events, and its
views (narrative in Indonesian or English, JSON node-link data, DOT). The only package of the
library that imports networkx."""

from __future__ import annotations

from netralrules.explain.graph import Explanation, build_explanation
from netralrules.explain.views import narrative, to_dot, to_json

__all__ = ["Explanation", "build_explanation", "narrative", "to_dot", "to_json"]
