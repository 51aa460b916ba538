"""Hover, completion, navigation and the outline: an analysis and a cursor → LSP answers.

Pure functions of the analysis (`analysis.py`); the server converts positions and sends them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lsprotocol import types as lsp

from netralrules.checker.procedures import EVENTS, STEP_CODES
from netralrules.diagnostics import Text
from netralrules.facts.schema import JENIS_PEMILU, JENIS_TINDAKAN, STAGES, FactSchema, Type
from netralrules.lsp.analysis import Analysis, Occurrence
from netralrules.lsp.positions import LineIndex
from netralrules.lsp.words import ROLES, keyword_of, keyword_words, twin
from netralrules.source import Span
from netralrules.syntax import ast
from netralrules.syntax.formatter import format_expr
from netralrules.syntax.keywords import english

ToRange = Callable[[Span], lsp.Range]

_WORDCHARS = re.compile(r"[A-Za-z0-9_/]")
_TOKEN_BEFORE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]*)*$|$")
_EXCEPTS_LINE = re.compile(r"^\s*(mengecualikan|excepts)\s+(?:[\w.]+\s*,\s*)*$")
_SUBJECTS_LINE = re.compile(r"^\s*(untuk|applies_to)\s+(?:\w+\s*,\s*)*$")
# The lists of a gap declaration (`celah`), and the values each takes.
_GAP_LIST_LINE = re.compile(r"^\s*(jenis_tindakan|act_kinds|tahap|stages|jenis_pemilu|election_kinds)\s+(?:\w+\s*,\s*)*$")
# In a procedure: the step code after `langkah`, the events after `sejak`/`sampai` of a `batas_waktu`.
_STEP_LINE = re.compile(r"^\s*(langkah|step)\s+$")
_LIMIT_EVENT = re.compile(r"^\s*(batas_waktu|time_limit)\s.*\b(sejak|from|sampai|until)\s+$")
_INSTRUMENT_BEFORE = re.compile(r"\b(menurut|per|rujukan|cites|oleh|by|hukuman|penalties)\s+$")
_VALUE_AFTER_COMPARE = re.compile(r"([A-Za-z_]\w*(?:\.\w+)+)\s*(=|!=)\s*$")
_VALUE_IN_SET = re.compile(r"([A-Za-z_]\w*(?:\.\w+)+)\s+(dalam|in)\s*\{[^{}]*$")
_CONTEXT = 2000
_LITERAL = re.compile(r'"(?:\\.|[^"\\\n])*(?:"|$)|#[^\n]*')


def in_text_or_comment(text: str, offset: int) -> bool:
    """Whether an offset lies inside a quoted text or a comment of its line (no keywords there)."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : len(text) if end == -1 else end]
    if len(line) > 10_000:
        return False
    at = offset - start
    for m in _LITERAL.finditer(line):
        closed = m.group().startswith('"') and len(m.group()) > 1 and m.group().endswith('"')
        if m.start() < at < m.end() or (at == m.end() and not closed):  # the end of a comment or an open text
            return True
    return False


def _t(lang: str, id_: str, en: str) -> str:
    return Text(id_, en).get(lang)


# ---- hover -----------------------------------------------------------------------------------


def hover(analysis: Analysis, path: str, text: str, offset: int, lang: str, to_range: ToRange) -> lsp.Hover | None:
    """What the name or keyword under the cursor means."""
    occ = analysis.index.at(path, offset)
    if occ is not None:
        markdown = _hover_occurrence(analysis, occ, offset, lang)
        if markdown:
            return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, markdown), to_range(occ.span))
    if in_text_or_comment(text, offset):
        return None
    word, start, end = word_at(text, offset)
    keyword = keyword_of(word) if word else None
    if keyword is None:
        return None
    role_id, role_en = ROLES.get(keyword.terminal, ("", ""))
    other = twin(word, keyword)
    pair = f"`{word}` / `{other}`" if word in keyword.indonesian else f"`{other}` / `{word}`"
    markdown = f"**{_t(lang, 'kata kunci', 'keyword')}** {pair}"
    if role_id:
        markdown += f"\n\n- Indonesia: {role_id}\n- English: {role_en}"
    return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, markdown), to_range(Span(path, start, end)))


def word_at(text: str, offset: int) -> tuple[str, int, int]:
    """The word (letters, digits, `_`, `/` for `dan/atau`) touching an offset."""
    start = offset
    while start > 0 and start - offset < 200 and _WORDCHARS.match(text[start - 1]):
        start -= 1
    end = offset
    while end < len(text) and end - offset < 200 and _WORDCHARS.match(text[end]):
        end += 1
    return text[start:end], start, end


def _hover_occurrence(analysis: Analysis, occ: Occurrence, offset: int, lang: str) -> str | None:
    if occ.kind == "fact":
        dotted = occ.name
        # On `tindakan` of `tindakan.jenis`, describe the root; on `jenis`, the whole path.
        upto = occ.span.start + len(dotted)
        cut = dotted.find(".", max(0, offset - occ.span.start))
        if cut != -1 and occ.span.start + cut < upto:
            dotted = dotted[:cut]
        return fact_markdown(analysis.schema, dotted, lang)
    decl = analysis.index.declaration_of(occ)
    if decl is None:
        return value_markdown(analysis.schema, occ.name, lang) if occ.kind == "name" else None
    node = decl.node
    if isinstance(node, ast.Provision):
        return provision_markdown(node, lang)
    if isinstance(node, ast.Definition):
        return definition_markdown(node, lang)
    if isinstance(node, ast.Instrument):
        return instrument_markdown(node, lang)
    if isinstance(node, ast.Supervisor):
        return supervisor_markdown(node, lang)
    if isinstance(node, ast.GapDeclaration):
        return gap_markdown(node, lang)
    return None


def _facts(schema: FactSchema) -> list[tuple[str, Type]]:
    """Every fact path of the schema with its type (list items as `path.field`)."""
    out: list[tuple[str, Type]] = []
    stack = [(name, t) for name, t in schema.roots.items()]
    while stack:
        path, t = stack.pop(0)
        out.append((path, t))
        inner = t.item if t.kind in {"list", "set"} and t.item is not None else t
        stack.extend((f"{path}.{name}", field_type) for name, field_type in inner.fields)
    return out


def value_markdown(schema: FactSchema, value: str, lang: str) -> str | None:
    """An allowed value (`ikut_kampanye`): which facts take it."""
    owners = [path for path, t in _facts(schema) if t.kind == "enum" and value in t.values]
    if not owners:
        return None
    facts = ", ".join(f"`{p}`" for p in owners)
    return f"**{_t(lang, 'nilai', 'value')}** `{value}`\n\n{_t(lang, 'nilai yang sah untuk', 'an allowed value of')} {facts}"


def fact_type(schema: FactSchema, dotted: str) -> Type | None:
    parts = dotted.split(".")
    current = schema.roots.get(parts[0])
    for part in parts[1:]:
        if current is None:
            return None
        if current.kind in {"list", "set"} and current.item is not None:
            current = current.item
        current = current.field(part)
    return current


def fact_markdown(schema: FactSchema, dotted: str, lang: str) -> str | None:
    t = fact_type(schema, dotted)
    if t is None:
        return None
    lines = [f"**{_t(lang, 'fakta', 'fact')}** `{dotted}`", ""]
    lines.append(f"- {_t(lang, 'jenis nilai', 'type')}: {t.describe('id')} / {t.describe('en')}")
    if t.doc:
        lines.insert(1, t.doc)
    if t.kind == "enum":
        lines.append(f"- {_t(lang, 'nilai yang sah', 'allowed values')}: " + ", ".join(f"`{v}`" for v in t.values))
    if t.kind == "record":
        lines.append(f"- {_t(lang, 'isian', 'fields')}: " + ", ".join(f"`{k}`" for k, _ in t.fields))
    item = t.item
    if t.kind in {"list", "set"} and item is not None and item.kind == "record":
        lines.append(f"- {_t(lang, 'isian tiap butir', 'fields of each item')}: " + ", ".join(f"`{k}`" for k, _ in item.fields))
    return "\n".join(lines)


def citation_text(c: ast.Citation | None, lang: str = "id") -> str:
    if c is None:
        return ""
    words = [c.instrument.name]
    for p in c.parts:
        kind = Text(p.kind, english(p.kind)).get(lang)
        value = f"({p.value})" if p.kind == "ayat" and p.value.isdigit() else p.value
        words.append(f"{kind} {value}")
    return " ".join(words)


def _validity(v: ast.Validity | None, lang: str) -> str | None:
    if v is None or (v.start is None and v.end is None):
        return None
    parts = []
    if v.start is not None:
        parts.append(f"{_t(lang, 'sejak', 'from')} {v.start.value.isoformat()}")
    if v.end is not None:
        parts.append(f"{_t(lang, 'sampai', 'until')} {v.end.value.isoformat()}")
    return " ".join(parts)


def _outcome(o: ast.Outcome | None, lang: str) -> str | None:
    if o is None:
        return None
    words = [Text(o.category, english(o.category)).get(lang)]
    if o.tier is not None:
        words += [_t(lang, "tingkat", "tier"), Text(o.tier, english(o.tier)).get(lang)]
        if o.tier_basis is not None:
            words += [_t(lang, "menurut", "per"), citation_text(o.tier_basis, lang)]
    for r in o.other_readings:  # a contested tier: every other reading with its basis
        words[-1] += ";"
        words += [
            _t(lang, "bacaan lain: tingkat", "other reading: tier"),
            Text(r.tier, english(r.tier)).get(lang),
            _t(lang, "menurut", "per"),
            citation_text(r.basis, lang),
        ]
    if o.penalties:
        words.append(_t(lang, "dengan ancaman pidana", "with criminal penalties"))
    return " ".join(words)


def provision_markdown(p: ast.Provision, lang: str) -> str:
    lines = [f"**{_t(lang, 'ketentuan', 'provision')}** `{p.id.name}` — {citation_text(p.citation, lang)}"]
    if p.text:
        lines += ["", "> " + p.text.replace("\n", " ")]
    lines.append("")
    if p.subjects:
        lines.append(f"- {_t(lang, 'untuk', 'applies to')}: " + ", ".join(s.name for s in p.subjects))
    outcome = _outcome(p.outcome, lang)
    if outcome:
        lines.append(f"- {_t(lang, 'akibat', 'consequence')}: {outcome}")
    validity = _validity(p.validity, lang)
    lines.append(f"- {_t(lang, 'berlaku', 'in force')}: {validity or _t(lang, 'mengikuti instrumennya', 'as its instrument')}")
    if p.excepts:
        lines.append(f"- {_t(lang, 'mengecualikan', 'excepts')}: " + ", ".join(f"`{e.name}`" for e in p.excepts))
    if p.note:
        lines.append(f"- {_t(lang, 'catatan', 'note')}: {p.note}")
    return "\n".join(lines)


def definition_markdown(d: ast.Definition, lang: str) -> str:
    label = f" — {d.label}" if d.label else ""
    body = format_expr(d.expr, lang)
    return f"**{_t(lang, 'definisi', 'definition')}** `{d.name.name}`{label}\n\n```netralrules\n{body}\n```"


def instrument_markdown(i: ast.Instrument, lang: str) -> str:
    lines = [f"**{_t(lang, 'instrumen', 'instrument')}** `{i.id.name}`"]
    if i.title:
        lines += ["", i.title]
    lines.append("")
    if i.kind is not None or i.number is not None:
        number = f" {_t(lang, 'nomor', 'number')} {i.number}" if i.number else ""
        year = f" {_t(lang, 'tahun', 'year')} {i.year}" if i.year else ""
        lines.append(f"- {i.kind.name if i.kind else ''}{number}{year}".rstrip())
    if i.in_force is not None:
        lines.append(f"- {_t(lang, 'berlaku sejak', 'in force from')} {i.in_force.value.isoformat()}")
    if i.repealed_on is not None:
        by = f" {_t(lang, 'oleh', 'by')} `{i.repealed_by.name}`" if i.repealed_by else ""
        lines.append(f"- {_t(lang, 'dicabut', 'repealed')} {i.repealed_on.value.isoformat()}{by}")
    if i.rank is not None:
        lines.append(f"- {_t(lang, 'peringkat', 'rank')} {i.rank}")
    return "\n".join(lines)


def supervisor_markdown(s: ast.Supervisor, lang: str) -> str:
    lines = [f"**{_t(lang, 'lembaga pengawas', 'supervisory body')}** `{s.id.name}`"]
    if s.title:
        lines += ["", s.title]
    validity = _validity(s.validity, lang)
    if validity:
        lines += ["", f"- {_t(lang, 'berlaku', 'in force')}: {validity}"]
    return "\n".join(lines)


def gap_markdown(g: ast.GapDeclaration, lang: str) -> str:
    kind = Text(g.kind, english(g.kind)).get(lang)
    until = g.end.isoformat() if g.end is not None else "…"
    every = _t(lang, "semua", "all")
    lines = [
        f"**{_t(lang, 'celah', 'gap')}** `{g.id}` ({kind})",
        "",
        g.reason,
        "",
        f"- {_t(lang, 'jenis tindakan', 'act kinds')}: {', '.join(g.act_kinds)}",
        f"- {_t(lang, 'untuk', 'applies to')}: {', '.join(g.statuses)}",
        f"- {_t(lang, 'tanggal tindakan', 'dates of the act')}: {g.start.isoformat()} – {until}",
        f"- {_t(lang, 'tahap', 'stages')}: {', '.join(g.stages) or every}",
        f"- {_t(lang, 'jenis pemilu', 'election kinds')}: {', '.join(g.election_kinds) or every}",
    ]
    return "\n".join(lines)


# ---- completion ------------------------------------------------------------------------------


def complete(analysis: Analysis, text: str, offset: int, lang: str, to_range: ToRange, path: str) -> list[lsp.CompletionItem]:
    """What may be written at the cursor, by what comes before it."""
    offset = max(0, min(offset, len(text)))
    if in_text_or_comment(text, offset):
        return []
    window = text[max(0, offset - _CONTEXT) : offset]
    token = _TOKEN_BEFORE.search(window)
    typed = token.group() if token else ""
    start = offset - len(typed)
    before = window[: len(window) - len(typed)]
    line_before = before[before.rfind("\n") + 1 :]
    edit_range = to_range(Span(path, start, offset))
    index = analysis.index
    schema = analysis.schema

    def items(words: list[str], kind: lsp.CompletionItemKind, detail: str | None = None) -> list[lsp.CompletionItem]:
        return [
            lsp.CompletionItem(label=w, kind=kind, detail=detail, text_edit=lsp.TextEdit(edit_range, w), filter_text=w)
            for w in words
        ]

    if _EXCEPTS_LINE.match(line_before):
        return _provisions(analysis, edit_range, lang)
    if _INSTRUMENT_BEFORE.search(line_before):
        return items(index.names("instrument"), lsp.CompletionItemKind.Module, _t(lang, "instrumen", "instrument"))
    if _STEP_LINE.match(line_before):
        return items(list(STEP_CODES), lsp.CompletionItemKind.EnumMember, _t(lang, "kode langkah", "step code"))
    if _LIMIT_EVENT.match(line_before):
        return items(list(EVENTS), lsp.CompletionItemKind.EnumMember, _t(lang, "jenis peristiwa", "event kind"))
    gap_list = _GAP_LIST_LINE.match(line_before)
    if gap_list is not None:
        values, what = _gap_values(gap_list.group(1))
        return items(list(values), lsp.CompletionItemKind.EnumMember, what.get(lang))
    if _SUBJECTS_LINE.match(line_before):
        return items(list(schema.subjects), lsp.CompletionItemKind.EnumMember, _t(lang, "subjek", "subject"))
    if "." in typed and typed.split(".")[0] in schema.roots:
        parent = typed[: typed.rfind(".")]
        t = fact_type(schema, parent)
        if t is not None and t.kind == "record":
            out = []
            for name, field_type in t.fields:
                full = f"{parent}.{name}"
                out.append(
                    lsp.CompletionItem(
                        label=full,
                        kind=lsp.CompletionItemKind.Field,
                        detail=field_type.describe(lang),
                        documentation=lsp.MarkupContent(lsp.MarkupKind.Markdown, fact_markdown(schema, full, lang) or ""),
                        text_edit=lsp.TextEdit(edit_range, full),
                        filter_text=full,
                    )
                )
            return out
        return []
    for pattern in (_VALUE_AFTER_COMPARE, _VALUE_IN_SET):
        m = pattern.search(before[-300:])
        if m is not None:
            t = fact_type(schema, m.group(1))
            if t is not None and t.kind == "enum":
                return items(list(t.values), lsp.CompletionItemKind.EnumMember, t.describe(lang))
            if t is not None and t.kind == "bool":
                words = [Text("benar", "true").get(lang), Text("salah", "false").get(lang)]
                return items(words, lsp.CompletionItemKind.EnumMember, t.describe(lang))
    out = items(keyword_words(lang), lsp.CompletionItemKind.Keyword, _t(lang, "kata kunci", "keyword"))
    for name in index.names("definition"):
        decl = index.declarations[("definition", name)][0]
        node = decl.node
        label = node.label if isinstance(node, ast.Definition) else None
        out.append(
            lsp.CompletionItem(
                label=name,
                kind=lsp.CompletionItemKind.Constant,
                detail=label or _t(lang, "definisi", "definition"),
                documentation=lsp.MarkupContent(lsp.MarkupKind.Markdown, definition_markdown(node, lang))
                if isinstance(node, ast.Definition)
                else None,
                text_edit=lsp.TextEdit(edit_range, name),
            )
        )
    out += items(sorted(schema.roots), lsp.CompletionItemKind.Variable, _t(lang, "akar fakta", "fact root"))
    return out


def _gap_values(keyword: str) -> tuple[tuple[str, ...], Text]:
    if keyword in {"jenis_tindakan", "act_kinds"}:
        return tuple(JENIS_TINDAKAN.values), Text("jenis tindakan", "act kind")
    if keyword in {"tahap", "stages"}:
        return STAGES, Text("tahap pemilu", "election stage")
    return tuple(JENIS_PEMILU.values), Text("jenis pemilu", "election kind")


def _provisions(analysis: Analysis, edit_range: lsp.Range, lang: str) -> list[lsp.CompletionItem]:
    out = []
    for name in analysis.index.names("provision"):
        node = analysis.index.declarations[("provision", name)][0].node
        citation = citation_text(node.citation, lang) if isinstance(node, ast.Provision) else ""
        out.append(
            lsp.CompletionItem(
                label=name,
                kind=lsp.CompletionItemKind.Reference,
                detail=citation,
                text_edit=lsp.TextEdit(edit_range, name),
                filter_text=name,
            )
        )
    return out


# ---- navigation ------------------------------------------------------------------------------


def definition(analysis: Analysis, path: str, offset: int) -> Occurrence | None:
    occ = analysis.index.at(path, offset)
    return analysis.index.declaration_of(occ) if occ is not None else None


def references(analysis: Analysis, path: str, offset: int, include_declaration: bool) -> list[Occurrence]:
    occ = analysis.index.at(path, offset)
    if occ is None:
        return []
    if occ.kind == "fact":
        return [o for o in analysis.index.uses("fact", occ.name)]
    decl = analysis.index.declaration_of(occ)
    if decl is None:
        return []
    found = [o for o in analysis.index.uses(decl.kind, decl.name) if include_declaration or not o.declaration]
    return sorted(found, key=lambda o: (o.span.file, o.span.start))


_SYMBOL_KINDS: dict[type, lsp.SymbolKind] = {
    ast.Instrument: lsp.SymbolKind.Module,
    ast.Provision: lsp.SymbolKind.Function,
    ast.Definition: lsp.SymbolKind.Constant,
    ast.SanctionTable: lsp.SymbolKind.Struct,
    ast.Principles: lsp.SymbolKind.Enum,
    ast.Supervisor: lsp.SymbolKind.Class,
    ast.GapDeclaration: lsp.SymbolKind.Event,
}


def symbols(analysis: Analysis, path: str, lang: str, to_range: ToRange) -> list[lsp.DocumentSymbol]:
    """The outline: every declaration of the file."""
    f = analysis.files.get(path)
    if f is None:
        return []
    out = []
    for d in f.declarations:
        name, name_span, detail = _symbol_name(d, lang)
        out.append(
            lsp.DocumentSymbol(
                name=name or "?",
                kind=_SYMBOL_KINDS.get(type(d), lsp.SymbolKind.Object),  # a declaration added later: still listed
                range=to_range(d.span),
                selection_range=to_range(name_span if name_span.file == d.span.file else d.span),
                detail=detail,
            )
        )
    return out


def _symbol_name(d: ast.Declaration, lang: str) -> tuple[str, Span, str | None]:
    match d:
        case ast.Instrument():
            return d.id.name, d.id.span, d.title
        case ast.Provision():
            return d.id.name, d.id.span, citation_text(d.citation, lang)
        case ast.Definition():
            return d.name.name, d.name.span, d.label
        case ast.SanctionTable():
            tier = Text(d.tier, english(d.tier)).get(lang)
            return f"{_t(lang, 'hukuman', 'penalties')} {d.instrument.name} {tier}", d.instrument.span, None
        case ast.Principles():
            return _t(lang, "asas_konflik", "conflict_principles"), d.span, ", ".join(n.name for n in d.names)
        case ast.Supervisor():
            return d.id.name, d.id.span, d.title
        case ast.GapDeclaration():
            return d.id, d.id_span, Text(d.kind, english(d.kind)).get(lang)
        case ast.Procedure():
            return f"{_t(lang, 'prosedur', 'procedure')} {d.id.name}", d.id.span, None
    return type(d).__name__.lower(), d.span, None


def offset_range(index: LineIndex, start: int, end: int) -> lsp.Range:
    a, b = index.position(start), index.position(end)
    return lsp.Range(lsp.Position(a[0], a[1]), lsp.Position(b[0], b[1]))
