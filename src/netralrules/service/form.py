"""The intake form for clerks: plain HTML generated from the incident JSON Schema (the same models
as `netralrules schema`), one act per form. No script, no external asset; a Content-Security-Policy
that allows only its own style (by hash) and posting to itself. The answer to a post is the HTML
report of the decision (recorded like any other), or the form again with the problems listed.

A field left empty is unknown (never false), as in the incident contract (docs/incident.md).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from netralrules.diagnostics import Text
from netralrules.facts import incident_json_schema

# Lists (prior sanctions, evidence, several elections) are not in the form: an incident with them
# is sent as JSON.
SECTIONS = (("", "Incident"), ("responden", "Respondent"), ("pemilu", "Election"), ("tindakan", "Act"))
SECTION_TITLES = {
    "": Text("Perkara", "Incident"),
    "responden": Text("Responden", "Respondent"),
    "pemilu": Text("Pemilu", "Election"),
    "tindakan": Text("Tindakan", "Act"),
}
_WORDS = {
    "title": Text("Formulir perkara — netralrules", "Incident intake — netralrules"),
    "heading": Text("Formulir perkara netralitas ASN", "Incident intake"),
    "hint": Text(
        "Kosongkan isian yang tidak diketahui: isian kosong tidak pernah dianggap salah.",
        "Leave a field empty when it is not known: it is never taken as false.",
    ),
    "problems": Text("Masalah", "Problems"),
    "access": Text("Akses", "Access"),
    "key": Text("Kunci API (submitter)", "API key (submitter)"),
    "submit": Text("Nilai", "Evaluate"),
}
LONG_TEXT = {"uraian", "catatan"}

CSS = """
body{font:16px/1.45 system-ui,sans-serif;margin:0 auto;max-width:58rem;padding:1rem 1.5rem;color:#1a1a1a}
h1{font-size:1.5rem}fieldset{border:1px solid #bbb;border-radius:6px;margin:1rem 0;padding:.5rem 1rem 1rem}
legend{font-weight:600;padding:0 .4rem}label{display:grid;grid-template-columns:18rem 1fr;gap:.75rem;margin:.45rem 0}
label span{font-size:.92rem}input,select,textarea{font:inherit;padding:.3rem;border:1px solid #888;border-radius:4px}
textarea{min-height:4.5rem}.req span::after{content:" *";color:#a00}.problems{border:2px solid #a00;padding:.5rem 1rem;
border-radius:6px;background:#fff4f4}button{font:inherit;padding:.5rem 1.25rem;margin-top:.5rem}
.hint{color:#555;font-size:.9rem}
""".strip()
CSS_HASH = "'sha256-" + base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode("ascii") + "'"
META_CSP = f"default-src 'none'; style-src {CSS_HASH}; form-action 'self'; base-uri 'none'"
CSP = META_CSP + "; frame-ancestors 'none'"  # the header; a <meta> policy cannot carry frame-ancestors


@dataclass(frozen=True)
class Field:
    name: str  # "id", "responden.jabatan", "tindakan.jenis"
    title: str
    kind: str  # text, long, date, bool, choice
    required: bool
    options: tuple[str, ...] = ()


def _resolve(schema: Mapping[str, Any], defs: Mapping[str, Any]) -> Mapping[str, Any]:
    if "anyOf" in schema:
        schema = next(s for s in schema["anyOf"] if s.get("type") != "null")
    if "$ref" in schema:
        return defs[schema["$ref"].rsplit("/", 1)[1]]  # type: ignore[no-any-return]
    return schema


def fields() -> list[tuple[str, list[Field]]]:
    """The form's sections and fields, from the incident schema."""
    schema = incident_json_schema()
    defs = schema["$defs"]
    out: list[tuple[str, list[Field]]] = []
    for prefix, definition in SECTIONS:
        source = schema if not prefix else defs[definition]
        required = set(source.get("required", ()))
        section = []
        for name, prop in source["properties"].items():
            if not prefix and name in {"responden", "pemilu", "tindakan"}:
                continue
            if (prefix, name) == ("tindakan", "pemilu"):
                continue  # the form has one election: an act names none (several elections: JSON only)
            resolved = _resolve(prop, defs)
            kind = _kind(name, resolved)
            if kind is None:
                continue
            full = f"{prefix}.{name}" if prefix else name
            options = tuple(resolved.get("enum", ()))
            section.append(Field(full, str(prop.get("title") or resolved.get("title") or name), kind, name in required, options))
        out.append((prefix, section))
    return out


def _kind(name: str, schema: Mapping[str, Any]) -> str | None:
    if "enum" in schema:
        return "choice"
    kind = schema.get("type")
    if kind == "boolean":
        return "bool"
    if kind == "string":
        return "date" if schema.get("format") == "date" else "long" if name in LONG_TEXT else "text"
    return None  # lists and objects: JSON only


def _pick(title: str, lang: str) -> str:
    """The schema's bilingual title `Indonesia / English` in one language."""
    id_text, _, en_text = title.partition(" / ")
    return Text(id_text, en_text or id_text).get(lang)


def incident_from_form(form: Mapping[str, str]) -> dict[str, Any]:
    """The incident a posted form describes; empty fields are left out (unknown)."""
    incident: dict[str, Any] = {}
    act: dict[str, Any] = {}
    for _, section in fields():
        for f in section:
            value = form.get(f.name, "").strip()
            if not value:
                continue
            typed: Any = {"true": True, "false": False}.get(value, value) if f.kind == "bool" else value
            head, _, tail = f.name.partition(".")
            if not tail:
                incident[head] = typed
            elif head == "tindakan":
                act[tail] = typed
            else:
                incident.setdefault(head, {})[tail] = typed
    incident["tindakan"] = [act]
    return incident


def render_form(
    lang: str = "id", values: Mapping[str, str] | None = None, problems: Sequence[str] = (), needs_key: bool = False
) -> str:
    """The form page; `values` fills it again after a rejected post, `problems` are listed on top."""
    values = values or {}

    def w(key: str) -> str:
        return _WORDS[key].get(lang)

    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{META_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{w('title')}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{w('heading')}</h1>",
        f'<p class="hint">{w("hint")}</p>',
    ]
    problems = list(problems)
    if problems:
        out.append(f'<div class="problems" id="problems" role="alert"><p>{w("problems")}:</p><ul>')
        out.extend(f"<li>{escape(p)}</li>" for p in problems)
        out.append("</ul></div>")
    out.append(f'<form method="post" action="/v1/form?lang={lang}" id="intake">')
    if needs_key:
        out.append(
            f'<fieldset><legend>{w("access")}</legend><label class="req"><span>'
            f"{w('key')}</span>"
            '<input type="password" name="kunci" required autocomplete="off"></label></fieldset>'
        )
    for prefix, section in fields():
        title = SECTION_TITLES[prefix].get(lang)
        out.append(f'<fieldset id="section-{prefix or "perkara"}"><legend>{title}</legend>')
        out.extend(_field(f, values.get(f.name, ""), lang) for f in section)
        out.append("</fieldset>")
    out.append(f'<button type="submit" id="submit">{w("submit")}</button></form></body></html>')
    return "\n".join(out) + "\n"


def _field(f: Field, value: str, lang: str) -> str:
    label = escape(_pick(f.title, lang))
    name = escape(f.name, quote=True)
    required = " required" if f.required else ""
    css = ' class="req"' if f.required else ""
    if f.kind in {"bool", "choice"}:
        unknown = Text("(tidak diketahui)", "(unknown)").get(lang)
        choices = [("", unknown)]
        choices += [("true", "benar / true"), ("false", "salah / false")] if f.kind == "bool" else [(o, o) for o in f.options]
        options = "".join(
            f'<option value="{escape(v, quote=True)}"{" selected" if v == value else ""}>{escape(text)}</option>'
            for v, text in choices
        )
        control = f'<select name="{name}" id="{name}"{required}>{options}</select>'
    elif f.kind == "long":
        control = f'<textarea name="{name}" id="{name}"{required}>{escape(value)}</textarea>'
    else:
        kind = "date" if f.kind == "date" else "text"
        control = f'<input type="{kind}" name="{name}" id="{name}" value="{escape(value, quote=True)}"{required}>'
    return f"<label{css}><span>{label}</span>{control}</label>"
