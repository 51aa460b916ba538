"""The explanation as one self-contained HTML page for reviewers: the decision summary, every
provision considered (collapsible, with its citation, statutory text, conditions with their
values and the facts seen), the explanation graph as inline SVG, the narrative, the incident and
the decision data, and a print stylesheet. No network: no URL is fetched, and the page's
Content-Security-Policy forbids it.

`to_html(decision)` is the entry point; `page.build_page` gathers the content as plain data and
`render.render` turns it into markup, so another source of content can reuse the renderer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netralrules.evaluation.decision import Decision
from netralrules.explain.render.html.page import Page, build_page
from netralrules.explain.render.html.render import render
from netralrules.source import printable


def to_html(decision: Decision, lang: str = "id", incident: object = None) -> str:
    """The HTML report of a decision made with `explain=True`, in Indonesian (default) or English.

    `incident`, if given (the validated incident, or its data as a mapping), is shown as the
    incident data; its strings are escaped like every other text. The same decision (and incident)
    always gives the same bytes.
    """
    data: Mapping[str, Any] | None
    if incident is None:
        data = None
    elif hasattr(incident, "model_dump"):  # the validated incident (facts.Incident)
        data = incident.model_dump(mode="json")
    elif isinstance(incident, Mapping):
        data = incident
    else:
        raise TypeError("incident: expected the validated incident or a mapping")
    # Control characters are not text in HTML, and would reach a terminal the page is shown on.
    return printable(render(build_page(decision, lang, data)))


__all__ = ["Page", "build_page", "render", "to_html"]
