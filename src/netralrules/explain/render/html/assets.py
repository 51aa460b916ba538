"""The stylesheet and the script of the HTML report, inline in every page (no file, no URL).

The script only opens and closes sections (buttons, a click on a graph node, printing); the page
reads completely without it. The print stylesheet opens every section and hides the buttons.
"""

from __future__ import annotations

CSS = """
:root { --ink: #1b1b1b; --muted: #555; --line: #c9c9c9; --fired: #1e7b1e; --unknown: #6b6b6b; --no: #a33; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; font: 15px/1.45 system-ui, sans-serif; color: var(--ink); }
h1 { font-size: 1.5rem; margin: 0.2rem 0 0.6rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid var(--ink); padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.3rem; }
h4 { font-size: 0.95rem; margin: 0.8rem 0 0.3rem; }
code, pre { font-family: ui-monospace, monospace; font-size: 0.85rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.controls { margin: 0.8rem 0; display: flex; gap: 0.5rem; }
.controls button { font: inherit; padding: 0.25rem 0.8rem; border: 1px solid var(--muted); border-radius: 4px; \
background: #f4f4f4; cursor: pointer; }
.verdict { font-weight: 600; padding: 0.4rem 0.7rem; border-radius: 4px; }
.verdict.complete { background: #e6f4e6; }
.verdict.incomplete { background: #fff3cd; }
.not-assessed, .assessment.tidak_dinilai, .assessment.di_luar_asn, .scope.outside-asn {
  background: #fdecea; border-left: 4px solid #b3261e; padding: 0.3rem 0.7rem;
}
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td ul, td ol { margin: 0; padding-left: 1.1rem; }
.badge { display: inline-block; padding: 0 0.45rem; border-radius: 0.7rem; font-size: 0.85rem; \
border: 1px solid var(--line); background: #f7f7f7; }
.badge.status-fired, .badge.track-determined { background: #d8f5d8; border-color: var(--fired); }
.badge.status-unknown, .badge.track-unresolved { background: #fff3cd; border-color: #b58b00; }
.badge.status-defeated { background: #ffe2b8; border-color: #c77800; }
.badge.status-not_fired { background: #fde8e8; border-color: var(--no); }
details.clause { border: 1px solid var(--line); border-radius: 6px; margin: 0.35rem 0; background: #fff; }
details.clause > summary { cursor: pointer; padding: 0.35rem 0.6rem; }
details.clause[open] > summary { border-bottom: 1px solid var(--line); background: #fafafa; }
details.clause.status-fired { border-left: 5px solid var(--fired); }
details.clause.status-unknown { border-left: 5px solid #b58b00; }
details.clause.status-not_in_force, details.clause.status-not_applicable { opacity: 0.85; }
.cite { font-weight: 600; }
.detail { color: var(--muted); }
.clause-body { padding: 0.3rem 0.9rem 0.7rem; }
blockquote.statute { margin: 0.4rem 0; padding: 0.4rem 0.7rem; border-left: 3px solid var(--muted); background: #f8f8f8; }
blockquote.statute .label { font-weight: 600; }
dl.facts-of-clause { display: grid; grid-template-columns: max-content 1fr; gap: 0 0.8rem; margin: 0.4rem 0; }
dl.facts-of-clause dd { margin: 0; }
.finding { background: #fffbe6; border: 1px solid #e6d27a; border-radius: 4px; padding: 0.3rem 0.7rem; margin: 0.5rem 0; }
.finding p { margin: 0.2rem 0; }
ul.tree { list-style: none; padding-left: 1.1rem; margin: 0.2rem 0; border-left: 1px dotted var(--line); }
ul.tree > li { margin: 0.1rem 0; }
.expr { font-family: ui-monospace, monospace; font-size: 0.85rem; }
.val { font-size: 0.8rem; padding: 0 0.35rem; border-radius: 0.6rem; border: 1px solid var(--line); margin-left: 0.3rem; }
.val-true { background: #d8f5d8; } .val-false { background: #fde8e8; } .val-unknown { background: #ececec; }
table.facts td:first-child { width: 40%; }
table.facts tr.unknown td { color: var(--unknown); font-style: italic; }
.graph-wrap { overflow: auto; border: 1px solid var(--line); max-height: 44rem; background: #fff; }
svg.graph .node[data-target] { cursor: pointer; }
svg.graph .node[data-target]:focus rect, svg.graph .node[data-target]:hover rect { stroke: #0645ad; stroke-width: 3; }
.hint { color: var(--muted); font-size: 0.9rem; }
details.folded { margin: 1rem 0; }
details.folded > summary { cursor: pointer; font-weight: 600; font-size: 1.1rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f8f8f8; padding: 0.6rem; border: 1px solid var(--line); }
dl.data { display: grid; grid-template-columns: max-content 1fr; gap: 0 0.8rem; margin: 0.2rem 0; }
dl.data dd { margin: 0; overflow-wrap: anywhere; }
ol.data { margin: 0.2rem 0; padding-left: 1.4rem; }
.signature { margin-top: 2.5rem; }
.sign-line { border-bottom: 1px solid var(--ink); height: 3rem; width: 60%; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .controls, .hint { display: none !important; }
  details > summary { list-style: none; }
  details > summary::-webkit-details-marker { display: none; }
  details::details-content { content-visibility: visible; display: block; }
  details.clause { break-inside: avoid; }
  .graph-wrap { overflow: visible; max-height: none; border: none; }
  svg.graph { max-width: 100%; height: auto; }
  h2 { break-after: avoid; }
}
"""

SCRIPT = """
(function () {
  "use strict";
  var all = function () { return Array.prototype.slice.call(document.querySelectorAll("details")); };
  var setAll = function (open) { all().forEach(function (d) { d.open = open; }); };
  var on = function (id, f) { var b = document.getElementById(id); if (b) { b.addEventListener("click", f); } };
  on("expand-all", function () { setAll(true); });
  on("collapse-all", function () { setAll(false); });
  on("print", function () { window.print(); });
  var saved = null;
  window.addEventListener("beforeprint", function () {
    saved = all().map(function (d) { return d.open; });
    setAll(true);
  });
  window.addEventListener("afterprint", function () {
    if (saved === null) { return; }
    var ds = all();
    saved.forEach(function (open, i) { if (ds[i]) { ds[i].open = open; } });
    saved = null;
  });
  var reveal = function (node) {
    var target = document.getElementById(node.getAttribute("data-target"));
    if (!target) { return; }
    target.open = true;
    target.scrollIntoView({ block: "start" });
  };
  Array.prototype.slice.call(document.querySelectorAll("[data-target]")).forEach(function (node) {
    node.addEventListener("click", function () { reveal(node); });
    node.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); reveal(node); }
    });
  });
})();
"""
