"""`Page` → one self-contained HTML5 document: CSS and script inline, no URL to fetch, every text
escaped (incident strings are untrusted input), a print stylesheet that opens every section.

The Content-Security-Policy allows only this file's own style and script (by hash) and no
network at all, so even a mistake in escaping could neither run a script nor load anything.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from netralrules.explain.graph import NodeKind
from netralrules.explain.render.html.assets import CSS, SCRIPT
from netralrules.explain.render.html.page import ClauseView, Page, Tree, anchor, graph_nodes, word
from netralrules.explain.render.html.svg import to_svg
from netralrules.explain.render.procedure import procedure_html
from netralrules.explain.words import VALUES, pick, say


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


CSP = (
    f"default-src 'none'; style-src {_hash(CSS)}; script-src {_hash(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'"
)


def t(text: object) -> str:
    """Escaped text (quotes too, so it is safe in attributes)."""
    return escape(str(text), quote=True)


class _Html:
    def __init__(self, page: Page) -> None:
        self.p = page
        self.lang = page.lang
        self.out: list[str] = []

    def w(self, key: str) -> str:
        return t(word(key, self.lang))

    def add(self, *parts: str) -> None:
        self.out.extend(parts)

    def run(self) -> str:
        p = self.p
        self.add(
            "<!DOCTYPE html>",
            f'<html lang="{p.lang}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            f'<meta name="generator" content="{t(p.engine)}">',
            f"<title>{self.w('title')}: {t(p.incident_id)}</title>",
            '<link rel="icon" href="data:,">',
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            "<header>",
            f"<h1>{self.w('title')}</h1>",
            '<dl class="meta">',
            f'<dt>{self.w("incident")}</dt><dd id="incident-id">{t(p.incident_id)}</dd>',
            f'<dt>{self.w("rulebook")}</dt><dd><code id="rulebook-hash">{t(p.rulebook_hash)}</code></dd>',
            f"<dt>{self.w('engine')}</dt><dd>{t(p.engine)}</dd>",
            "</dl>",
            '<div class="controls">',
            f'<button type="button" id="expand-all">{self.w("expand")}</button>',
            f'<button type="button" id="collapse-all">{self.w("collapse")}</button>',
            f'<button type="button" id="print">{self.w("print")}</button>',
            "</div>",
            "</header>",
            "<main>",
        )
        self.summary()
        self.provisions()
        self.legal_basis()
        self.sources()
        self.graph()
        self.folded("narrative", "narrative", f'<pre class="narrative">{t(p.narrative)}</pre>')
        if p.incident is not None:
            self.folded("incident", "incident_data", _value(p.incident, self.lang))
        self.folded("data", "data", f'<pre class="json">{t(p.decision_json)}</pre>')
        self.add(
            '<section class="signature">',
            f"<p>{self.w('signature')}:</p>",
            '<div class="sign-line"></div>',
            "</section>",
            "</main>",
            f"<script>{SCRIPT}</script>",
            "</body>",
            "</html>",
        )
        return "\n".join(self.out) + "\n"

    def summary(self) -> None:
        p = self.p
        verdict = "complete" if p.complete else "incomplete"
        self.add(
            '<section id="summary" class="summary">',
            f"<h2>{self.w('summary')}</h2>",
            f'<p class="verdict {verdict}" id="verdict">{self.w(verdict)}</p>',
        )
        if p.scope is not None:
            self.add(f'<p class="scope outside-asn" id="scope">{t(p.scope)}</p>')
        if p.not_assessed:
            self.add(
                f'<div class="not-assessed" id="not-assessed"><h3>{t(say("not_assessed_head", self.lang))}</h3>',
                _list(p.not_assessed),
                "</div>",
            )
        if not p.tracks and not p.not_assessed:
            self.add(f'<p class="no-tracks">{self.w("no_tracks")}</p>')
        elif p.tracks:
            heads = ("track", "status", "tier", "provisions", "sanctions")
            self.add(
                '<table class="tracks" id="decision">',
                "<thead><tr>",
                *(f"<th>{self.w(h)}</th>" for h in heads),
                f"<th>{t(say('reasons', self.lang))}</th>",
                "</tr></thead>",
                "<tbody>",
            )
            for tr in p.tracks:
                self.add(
                    f'<tr class="track status-{t(tr.status)}">',
                    f"<td>{t(tr.category)}</td>",
                    f'<td><span class="badge track-{t(tr.status)}">{t(tr.status_text)}</span></td>',
                    f'<td class="tier">{t(tr.tier)}</td>',
                    f"<td>{_list(tr.provisions)}</td>",
                    f"<td>{_list(tr.sanctions)}</td>",
                    f"<td>{_list(tr.reasons)}</td>",
                    "</tr>",
                )
            self.add("</tbody></table>")
        if p.referral is not None:
            self.add(f'<p class="referral" id="referral"><strong>{t(say("referral", self.lang))}</strong>: {t(p.referral)}</p>')
        if p.procedure:
            self.add(*procedure_html(p.procedure, self.lang))
        self.add(
            f"<h3>{self.w('unresolved')}</h3>", _list(p.unresolved) if p.unresolved else f"<p>{self.w('none')}</p>", "</section>"
        )

    def provisions(self) -> None:
        self.add('<section id="provisions">', f"<h2>{self.w('considered')}</h2>")
        for act in self.p.acts:
            self.add(
                f'<h3 id="act{act.index}">{t(act.heading)}</h3>',
                f'<p class="instruments">{t(say("instruments", self.lang))}: {t(act.instruments)}</p>',
            )
            if act.assessment_text:
                self.add(f'<p class="assessment {t(act.assessment)}">{t(act.assessment_text)}</p>')
            for c in act.clauses:
                self.clause(c)
        self.add("</section>")

    def clause(self, c: ClauseView) -> None:
        w = self.w
        detail = f' <span class="detail">({t(c.detail)})</span>' if c.detail else ""
        self.add(
            f'<details class="clause status-{t(c.status)}" id="{t(c.anchor)}" data-provision="{t(c.provision)}">',
            f'<summary><span class="cite">{t(c.citation)}</span> <span class="badge status-{t(c.status)}">'
            f"{t(c.status_text)}</span>{detail}</summary>",
            '<div class="clause-body">',
            f'<blockquote class="statute"><span class="label">{t(say("text", self.lang))}:</span> '
            f"{t(c.text) or '-'}</blockquote>",
            '<dl class="facts-of-clause">',
            f"<dt>{w('provisions')}</dt><dd><code>{t(c.provision)}</code> ({t(c.instrument)})</dd>",
            f"<dt>{w('in_force')}</dt><dd>{t(c.in_force)}</dd>",
            f"<dt>{w('subjects')}</dt><dd>{t(c.subjects)}</dd>",
            "</dl>",
        )
        if c.finding is not None:
            f = c.finding
            basis = f" ({t(say('per', self.lang))} {t(f.sanction_basis)})" if f.sanction_basis else ""
            self.add(
                '<div class="finding">',
                f"<p><strong>{t(say('finding', self.lang))}</strong>: {t(say('category', self.lang))} {t(f.category)}; "
                f"{t(say('tier', self.lang))} {t(f.tier)}.</p>",
                f'<p class="proof {t(f.proof)}">{t(say("proof", self.lang))}: {t(f.proof_text)}.</p>',
            )
            if f.sanctions:
                self.add(f"<p>{w('sanctions')}{basis}:</p>", _list(f.sanctions))
            for reading, options in f.readings:
                self.add(
                    f'<p class="other-reading">{t(say("other_reading", self.lang))}: '
                    f"{t(say('tier', self.lang))} {t(reading)}.</p>"
                )
                if options:
                    self.add(f"<p>{w('sanctions')}:</p>", _list(options))
            if f.penalties:
                self.add(f"<p>{t(say('penalties', self.lang))}: {t('; '.join(f.penalties))}.</p>")
            self.add("</div>")
        if c.note:
            self.add(f'<p class="note"><strong>{t(say("note", self.lang))}:</strong> {t(c.note)}</p>')
        if c.sources:
            refs = ", ".join(f'<a href="#source-{n}">[{n}]</a>' for n in c.sources)
            self.add(f'<p class="source-refs"><strong>{t(say("sources_ref", self.lang))}:</strong> {refs}</p>')
        if c.why:
            self.add(f"<h4>{w('why')}</h4>", _tree(c.why))
        self.add(f"<h4>{w('facts')}</h4>")
        if c.facts:
            self.add('<table class="facts"><tbody>')
            self.add(
                *(
                    f'<tr class="{"known" if known else "unknown"}"><td><code>{t(path)}</code></td><td>{t(value)}</td></tr>'
                    for path, value, known in c.facts
                )
            )
            self.add("</tbody></table>")
        else:
            self.add(f"<p>{w('no_facts')}</p>")
        self.add("</div>", "</details>")

    def legal_basis(self) -> None:
        """Each instrument in force for an act, once, with its full title."""
        if not self.p.legal_basis:
            return
        self.add(
            '<section id="legal-basis">', f"<h2>{t(say('legal_basis', self.lang))}</h2>", _list(self.p.legal_basis), "</section>"
        )

    def sources(self) -> None:
        """The annex of sources: where each provision that touched the case comes from, and how
        reliable that is. Links are text: the page fetches nothing."""
        self.add('<section id="sources">', f"<h2>{t(say('annex_sources', self.lang))}</h2>")
        if not self.p.sources:
            self.add(f"<p>{t(say('none_sources', self.lang))}</p>", "</section>")
            return
        self.add('<ol class="sources">')
        for item in self.p.sources:
            self.add(
                f'<li id="source-{item.number}" value="{item.number}"><span class="document">{t(item.document)}</span>',
                *(f'<br><span class="detail">{t(line)}</span>' for line in item.details),
                "</li>",
            )
        self.add("</ol>", "</section>")

    def graph(self) -> None:
        e = self.p.explanation
        if e is None:
            return
        nodes = graph_nodes(e)
        targets = {n: anchor(n) for n in nodes if e.data.nodes[n]["kind"] == NodeKind.CLAUSE}
        self.add(
            '<section id="graph">',
            f"<h2>{self.w('graph')}</h2>",
            f'<p class="hint">{self.w("graph_note")}</p>',
            '<div class="graph-wrap">',
            to_svg(e, nodes, self.lang, targets, word("graph", self.lang)),
            "</div>",
            "</section>",
        )

    def folded(self, section: str, key: str, body: str) -> None:
        self.add(
            f'<section id="{section}">',
            f'<details class="folded"><summary>{self.w(key)}</summary>',
            body,
            "</details>",
            "</section>",
        )


def _list(items: Sequence[str]) -> str:
    if not items:
        return "-"
    return "<ul>" + "".join(f"<li>{t(i)}</li>" for i in items) + "</ul>"


def _tree(nodes: Sequence[Tree]) -> str:
    parts = ['<ul class="tree">']
    for n in nodes:
        value = f' <span class="val val-{t(n.value or "plain")}">{t(n.value_text)}</span>' if n.value_text else ""
        parts.append(f'<li class="kind-{t(n.kind)}"><span class="expr">{t(n.label)}</span>{value}')
        if n.children:
            parts.append(_tree(n.children))
        parts.append("</li>")
    parts.append("</ul>")
    return "".join(parts)


def _value(value: Any, lang: str) -> str:
    """Incident data as nested lists, in the order of the data; every string escaped."""
    if isinstance(value, Mapping):
        if not value:
            return "-"
        return '<dl class="data">' + "".join(f"<dt>{t(k)}</dt><dd>{_value(v, lang)}</dd>" for k, v in value.items()) + "</dl>"
    if isinstance(value, (list, tuple)):
        if not value:
            return "-"
        return '<ol class="data">' + "".join(f"<li>{_value(v, lang)}</li>" for v in value) + "</ol>"
    if value is None:
        return "-"
    if isinstance(value, bool):
        return t(pick(VALUES, "true" if value else "false", lang))
    return t(value)


def render(page: Page) -> str:
    """The HTML document of a page."""
    return _Html(page).run()
