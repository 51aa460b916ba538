"""AST → canonical text. Pure; no I/O.

One layout: two-space indentation, fields in a fixed order, keywords in one language (Indonesian
by default), long `dan`/`atau` chains one operand per line. Comments are kept: a comment on a line
of its own goes before the field or declaration that follows it; a comment after code stays at the
end of that field's last line.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from netralrules.diagnostics.text import check_lang
from netralrules.source import Span
from netralrules.syntax import ast
from netralrules.syntax.keywords import english

_WIDTH = 100
_INDENT = "  "

# Precedence levels: a child printed inside a parent of higher level needs parentheses.
_OR, _AND, _NOT, _CMP, _ARITH, _ATOM = range(6)

_FIELD_ORDER = {
    "instrument": (
        "title_field",
        "kind_field",
        "number_field",
        "in_force_field",
        "repealed_field",
        "rank_field",
        "note_field",
        "source_field",
    ),
    "provision": (
        "cites_field",
        "text_field",
        "subjects_field",
        "validity_field",
        "excepts_field",
        "condition_field",
        "outcome_field",
        "sanctions_field",
        "note_field",
        "source_field",
    ),
    "sanction_table": ("cites_field", "sanctions_field", "note_field", "source_field"),
    "supervisor": ("title_field", "validity_field", "chain_field", "note_field", "source_field"),
    "gap": (
        "gap_kind_field",
        "act_kinds_field",
        "subjects_field",
        "gap_period_field",
        "stages_field",
        "election_kinds_field",
        "reason_field",
        "source_field",
    ),
}

# A field of a block inside a block: its lines, made when they are written (see `sub_block`), and its span.
_Lazy = tuple[Callable[[], list[str]], Span | None]

_EN = {
    "instrumen": "instrument",
    "judul": "title",
    "jenis": "kind",
    "nomor": "number",
    "tahun": "year",
    "berlaku": "in_force",
    "sejak": "from",
    "sampai": "until",
    "dicabut": "repealed",
    "oleh": "by",
    "peringkat": "rank",
    "ketentuan": "provision",
    "rujukan": "cites",
    "teks": "text",
    "untuk": "applies_to",
    "mengecualikan": "excepts",
    "jika": "if",
    "maka": "then",
    "catatan": "note",
    "sanksi": "sanctions",
    "menurut": "per",
    "tingkat": "tier",
    "paling_lama": "at_most",
    "paling_banyak": "at_most",
    "definisi": "definition",
    "hukuman": "penalties",
    "asas_konflik": "conflict_principles",
    "atau": "or",
    "dan": "and",
    "tidak": "not",
    "dalam": "in",
    "antara": "between",
    "dalam_waktu": "within",
    "yang": "where",
    "jumlah": "count",
    "dan/atau": "and/or",
    "lampiran": "annex",
    "lembaga_pengawas": "supervisory_body",
    "alur": "referral_chain",
    "sumber": "source",
    "tautan": "url",
    "bertanggal": "dated",
    "pakai": "use",
    "dari": "from",
}


@dataclass(frozen=True)
class _Comments:
    """Comments of a file, sorted by position, with whether each follows code on its line."""

    starts: list[int]
    items: list[tuple[ast.Comment, bool]]


def format_file(file: ast.RulesFile, text: str | None = None, lang: str = "id") -> str:
    """Print a parsed file in canonical layout. `text` (the original source) lets trailing comments
    stay on their line; without it every comment is placed on a line of its own."""
    return _Formatter(file, text, lang).run()


def format_expr(expr: ast.Expr, lang: str = "id") -> str:
    """One expression in canonical form, on one line (for explanations and messages)."""
    return _Formatter(ast.RulesFile(path="", declarations=()), None, lang).expr(expr)


def format_penalties(outcome: ast.Outcome, lang: str = "id") -> str:
    """An outcome's penalties as the rules language writes them (`penjara paling_lama 1 tahun dan
    denda paling_banyak Rp12.000.000`), without the category or basis; empty when there are none."""
    f = _Formatter(ast.RulesFile(path="", declarations=()), None, lang)
    out: list[str] = []
    for i, p in enumerate(outcome.penalties):
        if i > 0:
            out.append(f.kw(outcome.joiners[i - 1]))
        out.append(f.penalty(p))
    return " ".join(out)


def format_citation(citation: ast.Citation, lang: str = "id") -> str:
    """A citation as the rules language writes it (`UU_7_2017 pasal 490`)."""
    return _Formatter(ast.RulesFile(path="", declarations=()), None, lang).citation(citation)


class _Formatter:
    def __init__(self, file: ast.RulesFile, text: str | None, lang: str) -> None:
        self.file = file
        self.lang = check_lang(lang)  # the keywords' language: `id` or `en`, nothing else
        items = []
        for c in sorted(file.comments, key=lambda c: c.span.start):
            trailing = False
            if text is not None:
                line_start = text.rfind("\n", 0, c.span.start) + 1
                trailing = bool(text[line_start : c.span.start].strip())
            items.append((c, trailing))
        self.comments = _Comments([c.span.start for c, _ in items], items)
        self.used: set[int] = set()
        self.source_text = text

    def kw(self, word: str) -> str:
        if self.lang != "en":
            return word
        return _EN.get(word) or english(word)

    # ---- comments --------------------------------------------------------------------------
    def take(self, before: int, trailing: bool | None = None) -> list[str]:
        """Unused comments that start before `before` (optionally only trailing or own-line ones)."""
        out = []
        end = bisect.bisect_left(self.comments.starts, before)
        for i in range(end):
            comment, is_trailing = self.comments.items[i]
            if i in self.used or (trailing is not None and is_trailing != trailing):
                continue
            self.used.add(i)
            out.append(comment.text.rstrip())
        return out

    def run(self) -> str:
        blocks: list[str] = []
        if self.file.uses:
            blocks.append("\n".join(self.uses()))
        for decl in self.file.declarations:
            lines = self.take(decl.span.start)
            if lines and self._blank_before(decl.span.start):
                lines.append("")
            lines.extend(self.declaration(decl))
            blocks.append("\n".join(lines))
        rest = self.take(1 << 62)
        if rest:
            blocks.append("\n".join(rest))
        return "\n\n".join(blocks) + "\n" if blocks else ""

    def block(
        self,
        head: str,
        kind: str,
        node: ast.Instrument | ast.Provision | ast.SanctionTable | ast.Supervisor | ast.GapDeclaration,
        fields: dict[str, list[str]],
    ) -> list[str]:
        spans = dict(node.field_spans)
        lines = [head + " {"]
        for name in _FIELD_ORDER[kind]:
            if name == "source_field":
                # Repeatable: each source keeps the comments of its own lines.
                for source in node.sources:
                    self.field(lines, self.source(source), source.span if source.span.end else None)
                continue
            if name not in fields:
                continue
            self.field(lines, fields[name], spans.get(name))
        lines.extend(_INDENT + c for c in self.take(self._closing_brace(node.span.end)))
        lines.append("}")
        return lines

    def field(self, lines: list[str], field_lines: list[str], span: Span | None) -> None:
        """One field's lines, with the comments above it and the one at the end of its last line."""
        if span is not None:
            lines.extend(_INDENT + c for c in self.take(span.start, trailing=None))
            # A comment on a line of its own between the lines of a field (`catatan "…" # …
            # "…"`) goes above the field: left inside, it would move on every run.
            lines.extend(_INDENT + c for c in self.inside(span.start, span.end))
        body = [_INDENT + line for line in field_lines]
        if span is not None:
            trailing = self.trailing(span.start, span.end)
            # One trailing comment stays at the end of the field; more (from the lines of a
            # multi-line field) go above it, each on its own line, so none is merged or lost.
            lines.extend(_INDENT + c for c in trailing[:-1])
            if trailing:
                body[-1] += "  " + trailing[-1]
        lines.extend(body)

    def inside(self, start: int, end: int) -> list[str]:
        """Own-line comments within a field's span."""
        out = []
        for i in range(bisect.bisect_left(self.comments.starts, start), bisect.bisect_left(self.comments.starts, end)):
            comment, is_trailing = self.comments.items[i]
            if i not in self.used and not is_trailing:
                self.used.add(i)
                out.append(comment.text.rstrip())
        return out

    def _closing_brace(self, offset: int) -> int:
        """Where the `}` that closes a block ending at `offset` is (a block's span ends with its last
        field, so comments between that and `}` would otherwise leave the block on the next run)."""
        if self.source_text is None:
            return offset
        text = self.source_text
        while True:
            brace = text.find("}", offset)
            if brace < 0:
                return offset
            i = bisect.bisect_right(self.comments.starts, brace) - 1  # the last comment starting before it
            if i < 0 or self.comments.items[i][0].span.end <= brace:
                return brace
            offset = self.comments.items[i][0].span.end

    def _blank_before(self, offset: int) -> bool:
        """Whether a blank line separates a declaration from the comment above it (kept if so)."""
        if self.source_text is None:
            return False
        before = self.source_text[:offset].rstrip(" \t")
        return before.endswith("\n\n") or before.endswith("\n\r\n")

    def trailing(self, start: int, end: int) -> list[str]:
        """Comments after code on the lines of a field, up to the end of its last line."""
        if self.source_text is None:
            return []
        line_end = self.source_text.find("\n", end)
        line_end = len(self.source_text) if line_end < 0 else line_end
        out = []
        for i, (comment, is_trailing) in enumerate(self.comments.items):
            if i not in self.used and is_trailing and start <= comment.span.start < line_end:
                self.used.add(i)
                out.append(comment.text.rstrip())
        return out

    # ---- `pakai` lines ------------------------------------------------------------------------
    def uses(self) -> list[str]:
        """The `pakai` lines as one block at the top, in the order written, each with its comments."""
        lines: list[str] = []
        for use in self.file.uses:
            before = self.take(use.span.start)
            if before and self._blank_before(use.span.start):
                before.append("")
            lines.extend(before)
            body = self.use(use)
            trailing = self.trailing(use.span.start, use.span.end)
            lines.extend(trailing[:-1])
            if trailing:
                body[-1] += "  " + trailing[-1]
            lines.extend(body)
        return lines

    def use(self, u: ast.Use) -> list[str]:
        """`pakai a, b dari X` on one line; a long list fills lines of at most _WIDTH, indented."""
        head = self.kw("pakai")
        tail = f"{self.kw('dari')} {u.instrument.name}"
        names = [r.name + ("," if i < len(u.names) - 1 else "") for i, r in enumerate(u.names)]
        one = " ".join([head, *names, tail])
        if len(one) <= _WIDTH:
            return [one]
        lines: list[str] = []
        current = head
        for piece in [*names, tail]:
            if current != head and current != _INDENT and len(current) + 1 + len(piece) > _WIDTH:
                lines.append(current)
                current = _INDENT
            current = current + piece if current == _INDENT else f"{current} {piece}"
        lines.append(current)
        return lines

    # ---- declarations ------------------------------------------------------------------------
    def declaration(self, decl: ast.Declaration) -> list[str]:
        match decl:
            case ast.Instrument():
                return self.instrument(decl)
            case ast.Provision():
                return self.provision(decl)
            case ast.Definition():
                label = f" {_quote(decl.label)}" if decl.label is not None else ""
                head = f"{self.kw('definisi')} {decl.name.name}{label} ="
                one = f"{head} {self.expr(decl.expr)}"
                if len(one) <= _WIDTH:
                    return [one]
                return [head] + [_INDENT + line for line in self.chain(decl.expr)]
            case ast.SanctionTable():
                return self.table(decl)
            case ast.Principles():
                return [f"{self.kw('asas_konflik')} " + ", ".join(r.name for r in decl.names)]
            case ast.Supervisor():
                return self.supervisor(decl)
            case ast.GapDeclaration():
                return self.gap(decl)
            case ast.Procedure():
                return self.procedure(decl)

    def instrument(self, d: ast.Instrument) -> list[str]:
        f: dict[str, list[str]] = {}
        if d.title is not None:
            f["title_field"] = self.text(self.kw("judul"), d.title)
        if d.kind is not None:
            f["kind_field"] = [f"{self.kw('jenis')} {d.kind.name}"]
        if d.number is not None:
            # isascii: `"²".isdigit()` is true, but the grammar's INT is ASCII digits only.
            number = d.number if d.number.isascii() and d.number.isdigit() else _quote(d.number)
            f["number_field"] = [f"{self.kw('nomor')} {number} {self.kw('tahun')} {d.year}"]
        if d.in_force is not None:
            f["in_force_field"] = [f"{self.kw('berlaku')} {self.kw('sejak')} {d.in_force.value.isoformat()}"]
        if d.repealed_on is not None:
            by = f" {self.kw('oleh')} {d.repealed_by.name}" if d.repealed_by else ""
            f["repealed_field"] = [f"{self.kw('dicabut')} {d.repealed_on.value.isoformat()}{by}"]
        if d.rank is not None:
            f["rank_field"] = [f"{self.kw('peringkat')} {d.rank}"]
        if d.note is not None:
            f["note_field"] = self.text(self.kw("catatan"), d.note)
        return self.block(f"{self.kw('instrumen')} {d.id.name}", "instrument", d, f)

    def provision(self, d: ast.Provision) -> list[str]:
        f: dict[str, list[str]] = {}
        if d.citation is not None:
            f["cites_field"] = [f"{self.kw('rujukan')} {self.citation(d.citation)}"]
        if d.text is not None:
            f["text_field"] = self.text(self.kw("teks"), d.text)
        if d.subjects:
            f["subjects_field"] = [f"{self.kw('untuk')} " + ", ".join(s.name for s in d.subjects)]
        if d.validity is not None:
            f["validity_field"] = [self.validity(d.validity)]
        if d.excepts:
            f["excepts_field"] = [f"{self.kw('mengecualikan')} " + ", ".join(r.name for r in d.excepts)]
        if d.condition is not None:
            f["condition_field"] = self.wrapped(self.kw("jika"), d.condition, _INDENT)
        if d.outcome is not None:
            f["outcome_field"] = f"{self.kw('maka')} {self.outcome(d.outcome)}".split("\n")
        if d.sanctions is not None:
            f["sanctions_field"] = self.sanctions(d.sanctions)
        if d.note is not None:
            f["note_field"] = self.text(self.kw("catatan"), d.note)
        return self.block(f"{self.kw('ketentuan')} {d.id.name}", "provision", d, f)

    def table(self, d: ast.SanctionTable) -> list[str]:
        f: dict[str, list[str]] = {}
        if d.citation is not None:
            f["cites_field"] = [f"{self.kw('rujukan')} {self.citation(d.citation)}"]
        if d.sanctions is not None:
            f["sanctions_field"] = self.sanctions(d.sanctions)
        if d.note is not None:
            f["note_field"] = self.text(self.kw("catatan"), d.note)
        head = f"{self.kw('hukuman')} {d.instrument.name} {self.kw('tingkat')} {self.kw(d.tier)}"
        return self.block(head, "sanction_table", d, f)

    def supervisor(self, d: ast.Supervisor) -> list[str]:
        f: dict[str, list[str]] = {}
        if d.title is not None:
            f["title_field"] = self.text(self.kw("judul"), d.title)
        if d.validity is not None:
            f["validity_field"] = [self.validity(d.validity)]
        if d.chain:
            f["chain_field"] = self.options(self.kw("alur"), d.chain)
        if d.note is not None:
            f["note_field"] = self.text(self.kw("catatan"), d.note)
        return self.block(f"{self.kw('lembaga_pengawas')} {d.id.name}", "supervisor", d, f)

    def gap(self, d: ast.GapDeclaration) -> list[str]:
        f: dict[str, list[str]] = {"gap_kind_field": [f"{self.kw('jenis')} {self.kw(d.kind)}"]}
        if d.act_kinds:
            f["act_kinds_field"] = self.names(self.kw("jenis_tindakan"), d.act_kinds)
        if d.statuses:
            f["subjects_field"] = self.names(self.kw("untuk"), d.statuses)
        until = f" {self.kw('sampai')} {d.end.isoformat()}" if d.end is not None else ""
        f["gap_period_field"] = [f"{self.kw('berlaku')} {self.kw('sejak')} {d.start.isoformat()}{until}"]
        if d.stages:
            f["stages_field"] = self.names(self.kw("tahap"), d.stages)
        if d.election_kinds:
            f["election_kinds_field"] = self.names(self.kw("jenis_pemilu"), d.election_kinds)
        f["reason_field"] = self.text(self.kw("alasan"), d.reason)
        return self.block(f"{self.kw('celah')} {d.id}", "gap", d, f)

    # ---- procedures: blocks within a block ---------------------------------------------------
    def procedure(self, d: ast.Procedure) -> list[str]:
        """`prosedur X { … }`: the period, then the steps, the examining team, the time limits, the
        remedies and the open points (each a block), the note and the sources."""
        spans = dict(d.field_spans)
        lines = [f"{self.kw('prosedur')} {d.id.name} {{"]
        if d.validity is not None:
            self.field(lines, [self.validity(d.validity)], spans.get("validity_field"))
        for step in d.steps:
            lines.extend(self.step(step))
        if d.team is not None:
            lines.extend(self.team(d.team))
        for limit in d.limits:
            lines.extend(self.time_limit(limit))
        for remedy in d.remedies:
            lines.extend(self.remedy(remedy))
        for point in d.open_points:
            lines.extend(self.open_point(point))
        if d.note is not None:
            self.field(lines, self.text(self.kw("catatan"), d.note), spans.get("note_field"))
        for source in d.sources:
            self.field(lines, self.source(source), source.span if source.span.end else None)
        lines.extend(_INDENT + c for c in self.take(self._closing_brace(d.span.end)))
        lines.append("}")
        return lines

    def sub_block(self, head: str, span: Span, fields: list[_Lazy]) -> list[str]:
        """The lines of a block inside a block (indented once), with the comments above it and in it.
        Fields are rendered in order, after the comments above the block are taken: a block inside
        a field (`terbuka`) takes its own comments only then."""
        lines = [_INDENT + c for c in self.take(span.start)] if span.end else []
        inner = [head + " {"]
        for render, field_span in fields:
            self.field(inner, render(), field_span)
        if span.end:
            inner.extend(_INDENT + c for c in self.take(self._closing_brace(span.end)))
        inner.append("}")
        return lines + [_INDENT + line for line in inner]

    def detail_fields(self, d: ast.ProcedureDetail) -> list[_Lazy]:
        spans = dict(d.field_spans)
        out: list[_Lazy] = []

        def put(lines: list[str], name: str) -> None:
            out.append((lambda: lines, spans.get(name)))

        if d.by is not None:
            put(self.text(self.kw("oleh"), d.by), "by_field")
        if d.text is not None:
            put(self.text(self.kw("teks"), d.text), "text_field")
        if d.text_en is not None:
            put(self.text(self.kw("teks_en"), d.text_en), "text_en_field")
        if d.citation is not None:
            put([f"{self.kw('rujukan')} {self.citation(d.citation)}"], "cites_field")
        if d.basis is not None:
            put(self.text(self.kw("dasar"), d.basis), "basis_field")
        if d.open is not None:
            point = d.open
            # A block: its lines are already indented once; `field` indents again, so strip one level.
            out.append((lambda: [line.removeprefix(_INDENT) for line in self.open_point(point)], None))
        for source in d.sources:
            lines = self.source(source)
            out.append((lambda lines=lines: lines, source.span if source.span.end else None))  # type: ignore[misc]
        return out

    def step(self, d: ast.ProcedureStep) -> list[str]:
        return self.sub_block(f"{self.kw('langkah')} {d.code.name}", d.span, self.detail_fields(d.detail))

    def team(self, d: ast.ExaminingTeam) -> list[str]:
        rules: list[_Lazy] = [
            (lambda r=r: [f"{self.kw(r.status)} {self.kw('untuk')} " + ", ".join(self.kw(t) for t in r.tiers)], r.span)  # type: ignore[misc]
            for r in d.rules
        ]
        return self.sub_block(self.kw("tim_pemeriksa"), d.span, rules + self.detail_fields(d.detail))

    def time_limit(self, d: ast.TimeLimit) -> list[str]:
        head = (
            f"{self.kw('batas_waktu')} {d.code.name} {self.kw(d.kind)} {d.amount} {self.kw(d.unit)} "
            f"{self.kw('sejak')} {d.start.name}"
        )
        if d.end is not None:
            head += f" {self.kw('sampai')} {d.end.name}"
        return self.sub_block(head, d.span, self.detail_fields(d.detail))

    def remedy(self, d: ast.Remedy) -> list[str]:
        spans = dict(d.detail.field_spans)
        targets = self.names(self.kw("untuk"), tuple(self.kw(t) for t in d.targets))
        fields: list[_Lazy] = [(lambda: targets, spans.get("remedy_for_field"))]
        if d.to is not None:
            to = self.text(self.kw("kepada"), d.to)
            fields.append((lambda: to, spans.get("to_field")))
        return self.sub_block(
            f"{self.kw('upaya_administratif')} {self.kw(d.kind)}", d.span, fields + self.detail_fields(d.detail)
        )

    def open_point(self, d: ast.OpenPoint) -> list[str]:
        spans = dict(d.field_spans)
        text = self.text(self.kw("teks"), d.text)
        fields: list[_Lazy] = [(lambda: text, spans.get("text_field"))]
        if d.text_en is not None:
            text_en = self.text(self.kw("teks_en"), d.text_en)
            fields.append((lambda: text_en, spans.get("text_en_field")))
        for src in d.sources:
            lines = self.source(src)
            fields.append((lambda lines=lines: lines, src.span if src.span.end else None))  # type: ignore[misc]
        return self.sub_block(self.kw("terbuka"), d.span, fields)

    @staticmethod
    def names(keyword: str, names: tuple[str, ...]) -> list[str]:
        """`keyword a, b, c` on one line; a long list fills lines of at most _WIDTH, indented."""
        pieces = [n + ("," if i < len(names) - 1 else "") for i, n in enumerate(names)]
        lines: list[str] = []
        current = keyword
        for piece in pieces:
            if current.strip() != keyword and len(_INDENT + current) + 1 + len(piece) > _WIDTH:
                lines.append(current)
                current = _INDENT + piece
            else:
                current = f"{current} {piece}"
        lines.append(current)
        return lines

    def source(self, src: ast.Source) -> list[str]:
        """`sumber "…"`, then the link, date and reliability on its last line, or below it when they
        would not fit there."""
        lines = self.text(self.kw("sumber"), src.document)
        tail = []
        if src.url is not None:
            tail.append(f"{self.kw('tautan')} {_quote(src.url)}")
        if src.date is not None:
            tail.append(f"{self.kw('bertanggal')} {src.date.value.isoformat()}")
        tail.append(self.kw(src.reliability))
        one = f"{lines[-1]} {' '.join(tail)}"
        if len(_INDENT + one) <= _WIDTH:
            lines[-1] = one
            return lines
        # Otherwise on the lines below, indented, as many parts to a line as fit.
        current = ""
        for part in tail:
            if current and len(_INDENT * 2 + current + " " + part) > _WIDTH:
                lines.append(_INDENT + current)
                current = part
            else:
                current = f"{current} {part}" if current else part
        lines.append(_INDENT + current)
        return lines

    def validity(self, v: ast.Validity) -> str:
        parts = [self.kw("berlaku")]
        if v.start is not None:
            parts.append(f"{self.kw('sejak')} {v.start.value.isoformat()}")
        if v.end is not None:
            parts.append(f"{self.kw('sampai')} {v.end.value.isoformat()}")
        return " ".join(parts)

    # ---- parts -------------------------------------------------------------------------------
    def text(self, keyword: str, value: str) -> list[str]:
        pieces = value.split("\n")
        pad = " " * (len(keyword) + 1)
        return [f"{keyword} {_quote(pieces[0])}"] + [pad + _quote(p) for p in pieces[1:]]

    def sanctions(self, s: ast.Sanctions) -> list[str]:
        lines = self.options(self.kw("sanksi"), s.options)
        if s.basis is not None:
            lines.append(f"{_INDENT}{self.kw('menurut')} {self.citation(s.basis)}")
        return lines

    def options(self, keyword: str, options: tuple[str, ...]) -> list[str]:
        """A keyword, then each text on lines of its own, comma-separated (`sanksi`, `alur`)."""
        lines = [keyword]
        for i, option in enumerate(options):
            piece = self.text("", option)
            piece[0] = piece[0].lstrip()
            sep = "," if i < len(options) - 1 else ""
            lines.extend(_INDENT + p.strip() + (sep if j == len(piece) - 1 else "") for j, p in enumerate(piece))
        return lines

    def citation(self, c: ast.Citation) -> str:
        parts = [c.instrument.name]
        for p in c.parts:
            # `ayat (3)`; a malformed `ayat j` (E0203) stays as written: `(j)` would not parse again.
            value = f"({p.value})" if p.kind == "ayat" and p.value.isdecimal() else p.value
            parts.append(f"{self.kw(p.kind)} {value}")
        return " ".join(parts)

    def outcome(self, o: ast.Outcome) -> str:
        out = [self.kw(o.category)]
        if o.tier is not None:
            out.append(f"{self.kw('tingkat')} {self.kw(o.tier)}")
            if o.tier_basis is not None:
                out.append(f"{self.kw('menurut')} {self.citation(o.tier_basis)}")
        for i, p in enumerate(o.penalties):
            if i > 0:
                out.append(self.kw(o.joiners[i - 1]))
            out.append(self.penalty(p))
        if o.penalty_basis is not None:
            out.append(f"{self.kw('menurut')} {self.citation(o.penalty_basis)}")
        line = " ".join(out)
        for r in o.other_readings:  # each other reading of the tier on a line of its own
            line += f"\n{_INDENT}{self.kw('bacaan_lain')} {self.kw('tingkat')} {self.kw(r.tier)}"
            line += f" {self.kw('menurut')} {self.citation(r.basis)}"
        return line

    def penalty(self, p: ast.Penalty) -> str:
        if p.minimum is None:
            # "paling lama" for time, "paling banyak" for money, as the statutes write it.
            at_most = "paling_banyak" if p.kind == "denda" else "paling_lama"
            return f"{self.kw(p.kind)} {self.kw(at_most)} {self.quantity(p.maximum)}"
        return f"{self.kw(p.kind)} {self.quantity(p.minimum)} {self.kw('sampai')} {self.quantity(p.maximum)}"

    def quantity(self, q: ast.Quantity) -> str:
        if q.rupiah is not None:
            return _rupiah(q.rupiah.value)
        assert q.duration is not None
        return self.duration(q.duration)

    def duration(self, d: ast.Duration) -> str:
        unit = self.kw(d.unit)
        if self.lang == "en" and d.amount == 1:
            unit = unit.removesuffix("s")
        return f"{d.amount} {unit}"

    # ---- expressions -------------------------------------------------------------------------
    def wrapped(self, head: str, expr: ast.Expr, indent: str) -> list[str]:
        """`head expr` on one line if it fits; else a top-level chain one operand per line."""
        one = f"{head} {self.expr(expr)}"
        if len(one) <= _WIDTH:
            return [one]
        first, *rest = self.chain(expr)
        return [f"{head} {first}"] + [indent + line for line in rest]

    def chain(self, expr: ast.Expr) -> list[str]:
        """A `dan`/`atau` chain as one operand per line, the keyword leading each further line."""
        if not isinstance(expr, (ast.And, ast.Or)):
            return [self.expr(expr)]
        word = self.kw("dan" if isinstance(expr, ast.And) else "atau")
        level = _AND if isinstance(expr, ast.And) else _OR
        ops = [self.expr(o, level + 1) for o in expr.operands]
        return [ops[0]] + [f"{word} {o}" for o in ops[1:]]

    def expr(self, e: ast.Expr, context: int = _OR) -> str:
        text, level = self._expr(e)
        return f"({text})" if level < context else text

    def _expr(self, e: ast.Expr) -> tuple[str, int]:
        match e:
            case ast.Or():
                return f" {self.kw('atau')} ".join(self.expr(o, _AND) for o in e.operands), _OR
            case ast.And():
                return f" {self.kw('dan')} ".join(self.expr(o, _NOT) for o in e.operands), _AND
            case ast.Not():
                return f"{self.kw('tidak')} {self.expr(e.operand, _NOT)}", _NOT
            case ast.Compare():
                return f"{self.expr(e.left, _ARITH)} {e.op} {self.expr(e.right, _ARITH)}", _CMP
            case ast.Membership():
                coll = self.expr(e.collection, _ATOM)
                return f"{self.expr(e.element, _ARITH)} {self.kw('dalam')} {coll}", _CMP
            case ast.Between():
                return (
                    f"{self.expr(e.value, _ARITH)} {self.kw('antara')} {self.expr(e.low, _ARITH)} "
                    f"{self.kw('sampai')} {self.expr(e.high, _ARITH)}"
                ), _CMP
            case ast.Within():
                return (
                    f"{self.expr(e.value, _ARITH)} {self.kw('dalam_waktu')} {self.duration(e.duration)} "
                    f"{self.kw(e.direction)} {self.expr(e.anchor, _ARITH)}"
                ), _CMP
            case ast.Arith():
                out = self.expr(e.terms[0], _ATOM)
                for op, term in zip(e.ops, e.terms[1:], strict=True):
                    out += f" {op} {self.expr(term, _ATOM)}"
                return out, _ARITH
            case ast.Quantifier():
                return (
                    f"{self.kw(e.kind)} {e.var} {self.kw('dalam')} {e.collection.dotted} {self.kw('yang')} ({self.expr(e.body)})"
                ), _ATOM
            case ast.Count():
                body = f" {self.kw('yang')} ({self.expr(e.body)})" if e.body is not None else ""
                return f"{self.kw('jumlah')} {e.var} {self.kw('dalam')} {e.collection.dotted}{body}", _ATOM
            case ast.Name():
                return e.dotted, _ATOM
            case ast.SetLit():
                return "{" + ", ".join(self.expr(i) for i in e.items) + "}", _ATOM
            case ast.BoolLit():
                return self.kw("benar" if e.value else "salah"), _ATOM
            case ast.IntLit():
                return str(e.value), _ATOM
            case ast.RupiahLit():
                return _rupiah(e.value), _ATOM
            case ast.DateLit():
                return e.value.isoformat(), _ATOM
            case ast.StringLit():
                return _quote(e.value), _ATOM
            case ast.Duration():
                return self.duration(e), _ATOM


def _quote(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def _rupiah(value: int) -> str:
    return "Rp" + f"{value:,}".replace(",", ".")
