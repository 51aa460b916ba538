"""The explanation of a decision: a graph built after evaluation from the recorded events, and its
views: a report (explain/report.py) rendered as narrative text in Indonesian or English or as
Markdown (explain/narrative.py), JSON node-link data and DOT (views.py), GraphML (exports.py), and
the comparison of two explanations (compare.py). The only package of the library that imports
networkx."""

from __future__ import annotations

from netralrules.explain.compare import ExplanationDiff, compare
from netralrules.explain.graph import Explanation, build_explanation
from netralrules.explain.render.exports import graph_from_graphml, to_graphml, to_node_link
from netralrules.explain.render.narrative import render_markdown, render_text, render_what_if
from netralrules.explain.render.views import narrative, to_dot, to_json
from netralrules.explain.report import Report, build_report

__all__ = [
    "Explanation",
    "ExplanationDiff",
    "Report",
    "build_explanation",
    "build_report",
    "compare",
    "graph_from_graphml",
    "narrative",
    "render_markdown",
    "render_text",
    "render_what_if",
    "to_dot",
    "to_graphml",
    "to_json",
    "to_node_link",
]
