"""Lark parse tree → AST. Positions become spans; enumerated words become canonical.

Structural problems the grammar cannot express (a field given twice, a required field missing,
an impossible date, an over-long name) are reported here as diagnostics.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from lark import Token, Tree

from netralrules.diagnostics import Diagnostic, Label, Text, make
from netralrules.source import Span
from netralrules.syntax import ast
from netralrules.syntax.keywords import ALL_WORDS, canonical

MAX_NAME_LENGTH = 128
# Digits of a number literal (a year, a rank, rupiah, a duration, a penalty): a quintillion is far
# beyond any of them, and Python refuses to read integers of more than 4,300 digits (E0112).
MAX_DIGITS = 18
# `\n`, `\t`, and a backslash before any other character stands for that character.
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_ESCAPES = {"n": "\n", "t": "\t"}

# Field keywords by grammar rule, as (Indonesian, English), for messages about fields.
_FIELD_WORDS: dict[str, Text] = {
    "title_field": Text("judul", "title"),
    "kind_field": Text("jenis", "kind"),
    "number_field": Text("nomor", "number"),
    "in_force_field": Text("berlaku", "in_force"),
    "repealed_field": Text("dicabut", "repealed"),
    "rank_field": Text("peringkat", "rank"),
    "note_field": Text("catatan", "note"),
    "cites_field": Text("rujukan", "cites"),
    "text_field": Text("teks", "text"),
    "subjects_field": Text("untuk", "applies_to"),
    "validity_field": Text("berlaku", "in_force"),
    "excepts_field": Text("mengecualikan", "excepts"),
    "condition_field": Text("jika", "if"),
    "outcome_field": Text("maka", "then"),
    "sanctions_field": Text("sanksi", "sanctions"),
    "chain_field": Text("alur", "referral_chain"),
    "source_field": Text("sumber", "source"),
    "gap_kind_field": Text("jenis", "kind"),
    "act_kinds_field": Text("jenis_tindakan", "act_kinds"),
    "gap_period_field": Text("berlaku", "in_force"),
    "stages_field": Text("tahap", "stages"),
    "election_kinds_field": Text("jenis_pemilu", "election_kinds"),
    "reason_field": Text("alasan", "reason"),
    "by_field": Text("oleh", "by"),
    "text_en_field": Text("teks_en", "text_en"),
    "basis_field": Text("dasar", "basis"),
    "remedy_for_field": Text("untuk", "applies_to"),
    "to_field": Text("kepada", "addressed_to"),
}

# Fields a block may give more than once (each `sumber` is one source).
_REPEATABLE = frozenset({"source_field"})

_REQUIRED: dict[str, tuple[str, ...]] = {
    "instrument": ("title_field", "kind_field", "in_force_field"),
    "provision": ("cites_field", "text_field", "condition_field", "outcome_field"),
    "sanction_table": ("cites_field", "sanctions_field"),
    "supervisor": ("title_field", "chain_field"),
    "gap": ("gap_kind_field", "act_kinds_field", "subjects_field", "gap_period_field", "reason_field"),
    "open_block": ("text_field",),
    "remedy": ("remedy_for_field",),
}

_BLOCK_WORDS: dict[str, Text] = {
    "instrument": Text("instrumen", "instrument"),
    "provision": Text("ketentuan", "provision"),
    "sanction_table": Text("hukuman", "penalties"),
    "supervisor": Text("lembaga_pengawas", "supervisory_body"),
    "gap": Text("celah", "gap"),
    "procedure": Text("prosedur", "procedure"),
    "step": Text("langkah", "step"),
    "team": Text("tim_pemeriksa", "examining_team"),
    "time_limit": Text("batas_waktu", "time_limit"),
    "remedy": Text("upaya_administratif", "administrative_remedy"),
    "open_block": Text("terbuka", "open"),
}


class Builder:
    """Builds the AST of one file. `offset` is added to every position (unused: 0)."""

    def __init__(self, path: str) -> None:
        self.file = path
        self.diagnostics: list[Diagnostic] = []
        # Spans of tree nodes by id(); the tree outlives the builder's use of it, so ids are stable.
        self._memo: dict[int, tuple[int, int] | None] = {}

    # ---- positions ----------------------------------------------------------------------
    def span(self, node: Tree[Any] | Token) -> Span:
        """From the first token of a node to the end of its last one. The parser does not track
        positions on tree nodes; computing them here, once per node, is cheaper."""
        bounds = self._bounds(node)
        return Span(self.file, *bounds) if bounds is not None else Span(self.file, 0, 0)

    def _bounds(self, node: Tree[Any] | Token | None) -> tuple[int, int] | None:
        if node is None:
            return None
        if isinstance(node, Token):
            start = node.start_pos or 0
            return start, node.end_pos if node.end_pos is not None else start + len(node)
        key = id(node)
        if key in self._memo:
            return self._memo[key]
        kids = [c for c in node.children if c is not None]
        bounds = None
        if kids:
            first = self._bounds(kids[0])
            last = self._bounds(kids[-1]) if len(kids) > 1 else first
            if first is not None and last is not None:
                bounds = (first[0], last[1])
        self._memo[key] = bounds
        return bounds

    def ident(self, tok: Any) -> str:
        name = str(tok)
        if len(name) > MAX_NAME_LENGTH:
            self.diagnostics.append(
                make("E0106", self.span(tok), suggestion="short", name=name, length=len(name), limit=MAX_NAME_LENGTH)
            )
        return name

    def integer(self, tok: Any) -> int:
        """The value of an integer token (digits, perhaps with `Rp` and thousands dots); 0 with E0112
        when it has more than MAX_DIGITS digits."""
        digits = "".join(ch for ch in str(tok) if ch.isdecimal()).lstrip("0") or "0"
        if len(digits) > MAX_DIGITS:
            self.diagnostics.append(
                make("E0112", self.span(tok), label="here", suggestion="check", digits=len(digits), limit=MAX_DIGITS)
            )
            return 0
        return int(digits)

    def ref(self, tok: Any) -> ast.Ref:
        return ast.Ref(name=self.ident(tok), span=self.span(tok))

    def declared(self, tok: Any) -> str:
        """A name being declared (a definition, a quantified variable). The lexer accepts a keyword
        there, but every later use would read as the keyword, so it is refused where it is made."""
        name = self.ident(tok)
        if name in ALL_WORDS:
            self.diagnostics.append(
                make(
                    "E0102",
                    self.span(tok),
                    label="expected",
                    suggestion="keyword",
                    token=name,
                    found=f"kata kunci `{name}`",
                    found_en=f"keyword `{name}`",
                    expected="nama yang bukan kata kunci",
                    expected_en="a name that is not a keyword",
                )
            )
        return name

    # ---- file and declarations ----------------------------------------------------------
    def build_file(self, tree: Tree[Any]) -> tuple[ast.Declaration, ...]:
        out: list[ast.Declaration] = []
        for child in tree.children:
            if child.data == "use":
                continue  # see `uses`
            decl = self.declaration(child)
            if decl is not None:
                out.append(decl)
        return tuple(out)

    def uses(self, tree: Tree[Any]) -> tuple[ast.Use, ...]:
        """The `pakai … dari …` lines at the top of the file."""
        out = []
        for child in tree.children:
            if child.data == "use":
                idents = [t for t in child.children if isinstance(t, Token) and t.type == "IDENT"]
                names = tuple(self.ref(t) for t in idents[:-1])
                out.append(ast.Use(names=names, instrument=self.ref(idents[-1]), span=self.span(child)))
        return tuple(out)

    def declaration(self, tree: Tree[Any]) -> ast.Declaration | None:
        match str(tree.data):
            case "instrument":
                return self.instrument(tree)
            case "provision":
                return self.provision(tree)
            case "definition":
                return self.definition(tree)
            case "sanction_table":
                return self.sanction_table(tree)
            case "supervisor":
                return self.supervisor(tree)
            case "gap":
                return self.gap(tree)
            case "procedure":
                return self.procedure(tree)
            case "principles":
                return ast.Principles(names=tuple(self.ref(t) for t in tree.children[1:]), span=self.span(tree))
        raise AssertionError(f"unknown declaration {tree.data}")

    def fields(self, tree: Tree[Any], block: str, name: str) -> dict[str, Tree[Any]]:
        """The field subtrees of a block by rule name; reports duplicates and missing fields."""
        found: dict[str, Tree[Any]] = {}
        for child in tree.children:
            if not isinstance(child, Tree) or not child.data.endswith("_field"):
                continue
            key = str(child.data)
            if key in _REPEATABLE:
                continue
            if key in found:
                words = _FIELD_WORDS[key]
                blk = _BLOCK_WORDS[block]
                self.diagnostics.append(
                    make(
                        "E0109",
                        self.span(child),
                        suggestion="merge",
                        extra=(Label(self.span(found[key]), _first_label()),),
                        field=words.id,
                        field_en=words.en,
                        block=blk.id,
                        block_en=blk.en,
                    )
                )
                continue
            found[key] = child
        for key in _REQUIRED.get(block, ()):
            if key not in found:
                words = _FIELD_WORDS[key]
                blk = _BLOCK_WORDS[block]
                # The block's name; an `terbuka` block has none: its keyword.
                head = tree.children[0 if block == "open_block" else 1]
                head_span = self.span(head)
                self.diagnostics.append(
                    make(
                        "E0110",
                        head_span,
                        suggestion="add",
                        field=words.id,
                        field_en=words.en,
                        block=blk.id,
                        block_en=blk.en,
                        name=name,
                    )
                )
        return found

    def sources(self, tree: Tree[Any]) -> tuple[ast.Source, ...]:
        """Every `sumber` of a block, in the order written."""
        out = []
        for child in tree.children:
            if not isinstance(child, Tree) or child.data != "source_field":
                continue
            c: list[Any] = child.children
            url = date = None
            for i, tok in enumerate(c):
                if isinstance(tok, Token) and tok.type == "KW_LINK":
                    url = self.string(c[i + 1])
                elif isinstance(tok, Token) and tok.type == "KW_DATED":
                    date = self.date(c[i + 1])
            out.append(
                ast.Source(
                    document=self.text(c[1]),
                    url=url,
                    date=date,
                    reliability=canonical(str(c[-1])),
                    span=self.span(child),
                )
            )
        return tuple(out)

    def field_spans(self, tree: Tree[Any]) -> tuple[tuple[str, Span], ...]:
        """Where each field starts and ends; the formatter places comments by them."""
        return tuple((str(c.data), self.span(c)) for c in tree.children if isinstance(c, Tree) and c.data.endswith("_field"))

    def instrument(self, tree: Tree[Any]) -> ast.Instrument:
        ident = self.ref(tree.children[1])
        f = self.fields(tree, "instrument", ident.name)
        kw: dict[str, Any] = {}
        if "title_field" in f:
            kw["title"] = self.text(f["title_field"].children[1])
        if "kind_field" in f:
            kw["kind"] = self.ref(f["kind_field"].children[1])
        if "number_field" in f:
            c: list[Any] = f["number_field"].children
            kw["number"] = self.string(c[1]) if c[1].type == "STRING" else str(c[1])
            kw["year"] = self.integer(c[3])
        if "in_force_field" in f:
            kw["in_force"] = self.date(f["in_force_field"].children[2])
        if "repealed_field" in f:
            c = f["repealed_field"].children
            kw["repealed_on"] = self.date(c[1])
            if len(c) > 2:
                kw["repealed_by"] = self.ref(c[3])
        if "rank_field" in f:
            kw["rank"] = self.integer(f["rank_field"].children[1])
        if "note_field" in f:
            kw["note"] = self.text(f["note_field"].children[1])
        return ast.Instrument(
            id=ident, span=self.span(tree), field_spans=self.field_spans(tree), sources=self.sources(tree), **kw
        )

    def clause_id(self, tree: Tree[Any]) -> ast.Ref:
        name = ".".join(self.ident(t) for t in tree.children)
        return ast.Ref(name=name, span=self.span(tree))

    def provision(self, tree: Tree[Any]) -> ast.Provision:
        ident = self.clause_id(tree.children[1])
        f = self.fields(tree, "provision", ident.name)
        kw: dict[str, Any] = {}
        if "cites_field" in f:
            kw["citation"] = self.citation(f["cites_field"].children[1])
        if "text_field" in f:
            kw["text"] = self.text(f["text_field"].children[1])
        if "subjects_field" in f:
            kw["subjects"] = tuple(self.ref(t) for t in f["subjects_field"].children[1:])
        if "validity_field" in f:
            kw["validity"] = self.validity(f["validity_field"])
        if "excepts_field" in f:
            kw["excepts"] = tuple(self.clause_id(t) for t in f["excepts_field"].children[1:])
        if "condition_field" in f:
            kw["condition"] = self.expr(f["condition_field"].children[1])
        if "outcome_field" in f:
            kw["outcome"] = self.outcome(f["outcome_field"].children[1])
        if "sanctions_field" in f:
            kw["sanctions"] = self.sanctions(f["sanctions_field"])
        if "note_field" in f:
            kw["note"] = self.text(f["note_field"].children[1])
        return ast.Provision(id=ident, span=self.span(tree), field_spans=self.field_spans(tree), sources=self.sources(tree), **kw)

    def definition(self, tree: Tree[Any]) -> ast.Definition:
        c = tree.children
        label = self.string(c[2]) if len(c) == 4 else None
        name = ast.Ref(name=self.declared(c[1]), span=self.span(c[1]))
        return ast.Definition(name=name, label=label, expr=self.expr(c[-1]), span=self.span(tree))

    def sanction_table(self, tree: Tree[Any]) -> ast.SanctionTable:
        c = tree.children
        instrument = self.ref(c[1])
        tier = ast.Tier(canonical(str(c[3])))
        f = self.fields(tree, "sanction_table", f"{instrument.name} {tier}")
        return ast.SanctionTable(
            instrument=instrument,
            tier=tier,
            citation=self.citation(f["cites_field"].children[1]) if "cites_field" in f else None,
            sanctions=self.sanctions(f["sanctions_field"]) if "sanctions_field" in f else None,
            note=self.text(f["note_field"].children[1]) if "note_field" in f else None,
            sources=self.sources(tree),
            span=self.span(tree),
            field_spans=self.field_spans(tree),
        )

    def supervisor(self, tree: Tree[Any]) -> ast.Supervisor:
        ident = self.ref(tree.children[1])
        f = self.fields(tree, "supervisor", ident.name)
        chain: tuple[str, ...] = ()
        if "chain_field" in f:
            chain = tuple(self.text(t) for t in f["chain_field"].children if isinstance(t, Tree) and t.data == "text")
        return ast.Supervisor(
            id=ident,
            title=self.text(f["title_field"].children[1]) if "title_field" in f else None,
            validity=self.validity(f["validity_field"]) if "validity_field" in f else None,
            chain=chain,
            note=self.text(f["note_field"].children[1]) if "note_field" in f else None,
            sources=self.sources(tree),
            span=self.span(tree),
            field_spans=self.field_spans(tree),
        )

    def gap(self, tree: Tree[Any]) -> ast.GapDeclaration:
        ident = self.clause_id(tree.children[1])
        f = self.fields(tree, "gap", ident.name)
        item_spans: list[tuple[str, Span]] = []

        def names(key: str, word: str) -> tuple[str, ...]:
            if key not in f:
                return ()
            toks = [t for t in f[key].children[1:] if isinstance(t, Token) and t.type == "IDENT"]
            item_spans.extend((f"{word}:{t}", self.span(t)) for t in toks)
            return tuple(self.ident(t) for t in toks)

        kind = ast.GapKind.NOT_REGULATED
        if "gap_kind_field" in f:
            kind = ast.GapKind(canonical(str(f["gap_kind_field"].children[1])))
        # A missing `berlaku` is reported (E0110); the placeholder date is never used.
        start, end = datetime.date(1, 1, 1), None
        if "gap_period_field" in f:
            dates = [t for t in f["gap_period_field"].children if isinstance(t, Token) and t.type == "DATE"]
            start = self.date(dates[0]).value
            if len(dates) > 1:
                end_lit = self.date(dates[1])
                end = end_lit.value
                item_spans.append(("sampai:", end_lit.span))
        return ast.GapDeclaration(
            id=ident.name,
            kind=kind,
            act_kinds=names("act_kinds_field", "jenis_tindakan"),
            statuses=names("subjects_field", "untuk"),
            start=start,
            end=end,
            stages=names("stages_field", "tahap"),
            election_kinds=names("election_kinds_field", "jenis_pemilu"),
            reason=self.text(f["reason_field"].children[1]) if "reason_field" in f else "",
            sources=self.sources(tree),
            id_span=ident.span,
            item_spans=tuple(item_spans),
            field_spans=self.field_spans(tree),
            span=self.span(tree),
        )

    # ---- procedures ----------------------------------------------------------------------
    def procedure(self, tree: Tree[Any]) -> ast.Procedure:
        ident = self.ref(tree.children[1])
        f = self.fields(tree, "procedure", ident.name)
        blocks = [c for c in tree.children if isinstance(c, Tree) and not c.data.endswith("_field")]
        steps = tuple(self.step(b) for b in blocks if b.data == "step")
        teams = [b for b in blocks if b.data == "team"]
        for extra in teams[1:]:
            self.diagnostics.append(
                make(
                    "E0109",
                    self.span(extra),
                    suggestion="merge",
                    extra=(Label(self.span(teams[0]), _first_label()),),
                    field="tim_pemeriksa",
                    field_en="examining_team",
                    block="prosedur",
                    block_en="procedure",
                )
            )
        return ast.Procedure(
            id=ident,
            validity=self.validity(f["validity_field"]) if "validity_field" in f else None,
            steps=steps,
            team=self.team(teams[0]) if teams else None,
            limits=tuple(self.time_limit(b) for b in blocks if b.data == "time_limit"),
            remedies=tuple(self.remedy(b) for b in blocks if b.data == "remedy"),
            open_points=tuple(self.open_point(b) for b in blocks if b.data == "open_block"),
            note=self.text(f["note_field"].children[1]) if "note_field" in f else None,
            sources=self.sources(tree),
            field_spans=self.field_spans(tree),
            span=self.span(tree),
        )

    def detail(self, tree: Tree[Any], block: str, name: str, f: dict[str, Tree[Any]] | None = None) -> ast.ProcedureDetail:
        """The fields every procedure item may give (`oleh`, `teks`, `teks_en`, `rujukan`, `dasar`,
        `terbuka`, `sumber`); `f`: the block's fields when already read (reported once)."""
        if f is None:
            f = self.fields(tree, block, name)
        opens = [c for c in tree.children if isinstance(c, Tree) and c.data == "open_block"]
        for extra in opens[1:]:
            self.diagnostics.append(
                make(
                    "E0109",
                    self.span(extra),
                    suggestion="merge",
                    extra=(Label(self.span(opens[0]), _first_label()),),
                    field="terbuka",
                    field_en="open",
                    block=_BLOCK_WORDS[block].id,
                    block_en=_BLOCK_WORDS[block].en,
                )
            )
        return ast.ProcedureDetail(
            by=self.text(f["by_field"].children[1]) if "by_field" in f else None,
            text=self.text(f["text_field"].children[1]) if "text_field" in f else None,
            text_en=self.text(f["text_en_field"].children[1]) if "text_en_field" in f else None,
            citation=self.citation(f["cites_field"].children[1]) if "cites_field" in f else None,
            basis=self.text(f["basis_field"].children[1]) if "basis_field" in f else None,
            open=self.open_point(opens[0]) if opens else None,
            sources=self.sources(tree),
            field_spans=self.field_spans(tree),
        )

    def step(self, tree: Tree[Any]) -> ast.ProcedureStep:
        code = self.ref(tree.children[1])
        return ast.ProcedureStep(code=code, detail=self.detail(tree, "step", code.name), span=self.span(tree))

    def team(self, tree: Tree[Any]) -> ast.ExaminingTeam:
        rules = []
        for rule in (c for c in tree.children if isinstance(c, Tree) and c.data == "team_rule"):
            toks = [t for t in rule.children if isinstance(t, Token)]
            tiers = tuple(ast.Tier(canonical(str(t))) for t in toks if t.type == "TIER")
            rules.append(ast.TeamRule(status=canonical(str(toks[0])), tiers=tiers, span=self.span(rule)))
        return ast.ExaminingTeam(rules=tuple(rules), detail=self.detail(tree, "team", "tim_pemeriksa"), span=self.span(tree))

    def time_limit(self, tree: Tree[Any]) -> ast.TimeLimit:
        toks = [t for t in tree.children if isinstance(t, Token)]
        idents = [t for t in toks if t.type == "IDENT"]
        code = self.ref(idents[0])
        kind = next(t for t in toks if t.type == "LIMIT_KIND")
        unit = next(t for t in toks if t.type == "DAY_UNIT")
        amount = next(t for t in toks if t.type == "INT")
        return ast.TimeLimit(
            code=code,
            kind=canonical(str(kind)),
            amount=self.integer(amount),
            unit=canonical(str(unit)),
            start=self.ref(idents[1]),
            end=self.ref(idents[2]) if len(idents) > 2 else None,
            detail=self.detail(tree, "time_limit", code.name),
            span=self.span(tree),
        )

    def remedy(self, tree: Tree[Any]) -> ast.Remedy:
        kind = canonical(str(tree.children[1]))
        f = self.fields(tree, "remedy", kind)
        targets: tuple[str, ...] = ()
        if "remedy_for_field" in f:
            targets = tuple(canonical(str(t)) for t in f["remedy_for_field"].children[1:] if isinstance(t, Token))
        return ast.Remedy(
            kind=kind,
            targets=targets,
            to=self.text(f["to_field"].children[1]) if "to_field" in f else None,
            detail=self.detail(tree, "remedy", kind, f),
            span=self.span(tree),
        )

    def open_point(self, tree: Tree[Any]) -> ast.OpenPoint:
        f = self.fields(tree, "open_block", "terbuka")
        return ast.OpenPoint(
            text=self.text(f["text_field"].children[1]) if "text_field" in f else "",
            text_en=self.text(f["text_en_field"].children[1]) if "text_en_field" in f else None,
            sources=self.sources(tree),
            field_spans=self.field_spans(tree),
            span=self.span(tree),
        )

    # ---- parts ---------------------------------------------------------------------------
    def citation(self, tree: Tree[Any]) -> ast.Citation:
        parts = []
        for part in tree.children[1:]:
            kind_tok, value_tree = part.children
            value = "".join(str(t) for t in value_tree.children)
            parts.append(ast.CitationPart(kind=canonical(str(kind_tok)), value=value, span=self.span(part)))
        return ast.Citation(instrument=self.ref(tree.children[0]), parts=tuple(parts), span=self.span(tree))

    def validity(self, tree: Tree[Any]) -> ast.Validity:
        start = end = None
        c = tree.children
        for i, tok in enumerate(c):
            if isinstance(tok, Token) and tok.type == "KW_FROM":
                start = self.date(c[i + 1])
            elif isinstance(tok, Token) and tok.type == "KW_UNTIL":
                end = self.date(c[i + 1])
        return ast.Validity(start=start, end=end, span=self.span(tree))

    def sanctions(self, tree: Tree[Any]) -> ast.Sanctions:
        options = tuple(self.text(t) for t in tree.children if isinstance(t, Tree) and t.data == "text")
        basis = None
        last = tree.children[-1]
        if isinstance(last, Tree) and last.data == "citation":
            basis = self.citation(last)
        return ast.Sanctions(options=options, basis=basis, span=self.span(tree))

    def outcome(self, tree: Tree[Any]) -> ast.Outcome:
        c = tree.children
        kw: dict[str, Any] = {}
        for child in c[1:]:
            if not isinstance(child, Tree):
                continue  # the `menurut` keyword before a penalty basis
            if child.data == "tier_spec":
                kw["tier"] = ast.Tier(canonical(str(child.children[1])))
                if len(child.children) > 2:
                    kw["tier_basis"] = self.citation(child.children[3])
            elif child.data == "penalties":
                penalties = []
                joiners = []
                for item in child.children:
                    if isinstance(item, Token):
                        joiners.append("dan/atau" if "/" in item else "dan")
                    else:
                        penalties.append(self.penalty(item))
                kw["penalties"] = tuple(penalties)
                kw["joiners"] = tuple(joiners)
            elif child.data == "citation":
                kw["penalty_basis"] = self.citation(child)
            elif child.data == "other_reading":
                reading = ast.Reading(
                    tier=ast.Tier(canonical(str(child.children[2]))),
                    basis=self.citation(child.children[4]),
                    span=self.span(child),
                )
                kw["other_readings"] = (*kw.get("other_readings", ()), reading)
        return ast.Outcome(category=ast.Category(canonical(str(c[0]))), span=self.span(tree), **kw)

    def penalty(self, tree: Tree[Any]) -> ast.Penalty:
        c = tree.children
        kind = canonical(str(c[0]))
        if len(c) == 3:
            return ast.Penalty(kind=kind, minimum=None, maximum=self.quantity(c[2]), span=self.span(tree))
        return ast.Penalty(kind=kind, minimum=self.quantity(c[1]), maximum=self.quantity(c[3]), span=self.span(tree))

    def quantity(self, node: Tree[Any] | Token) -> ast.Quantity:
        if isinstance(node, Token):
            return ast.Quantity(rupiah=self.rupiah(node), span=self.span(node))
        return ast.Quantity(duration=self.duration(node), span=self.span(node))

    # ---- literals ------------------------------------------------------------------------
    def text(self, tree: Tree[Any]) -> str:
        # Adjacent strings are lines of one text: `teks "baris satu" "baris dua"`.
        return "\n".join(self.string(t) for t in tree.children)

    @staticmethod
    def string(tok: Any) -> str:
        # A line break inside the quotes is a newline, whatever the file's line endings.
        body = str(tok)[1:-1].replace("\r\n", "\n")
        # One substitution, not a list of characters: a 2 MiB text took 467 MB that way (issue 13).
        return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)

    def date(self, tok: Any) -> ast.DateLit:
        text = str(tok)
        try:
            value = datetime.date.fromisoformat(text)
        except ValueError:
            year, month, day = text.split("-")
            swapped = f"{year}-{day}-{month}"
            try:
                datetime.date.fromisoformat(swapped)
            except ValueError:
                swapped = ""
            self.diagnostics.append(
                make(
                    "E0107",
                    self.span(tok),
                    suggestion="swap" if swapped else "format",
                    text=text,
                    replacement=swapped,
                    reason="tanggal ini tidak ada di kalender",
                    reason_en="no such day in the calendar",
                )
            )
            value = datetime.date(1, 1, 1)
        return ast.DateLit(value=value, span=self.span(tok))

    def rupiah(self, tok: Any) -> ast.RupiahLit:
        return ast.RupiahLit(value=self.integer(tok), span=self.span(tok))

    def duration(self, tree: Tree[Any]) -> ast.Duration:
        amount, unit = tree.children
        return ast.Duration(amount=self.integer(amount), unit=canonical(str(unit)), span=self.span(tree))

    def path(self, tree: Tree[Any]) -> ast.Name:
        parts = tuple(map(str, tree.children))
        if any(len(p) > MAX_NAME_LENGTH for p in parts):
            parts = tuple(self.ident(t) for t in tree.children)
        return ast.Name(parts=parts, span=self.span(tree))

    # ---- expressions ---------------------------------------------------------------------
    def expr(self, node: Tree[Any] | Token) -> ast.Expr:
        if isinstance(node, Token):  # a lone token never reaches here; the grammar wraps literals
            raise AssertionError(f"unexpected token {node.type}")
        sp = self.span(node)
        c: list[Any] = node.children
        match str(node.data):  # a plain str compares faster than Lark's Token
            case "or_expr":
                return ast.Or(operands=tuple(self.expr(x) for x in c if isinstance(x, Tree)), span=sp)
            case "and_expr":
                return ast.And(operands=tuple(self.expr(x) for x in c if isinstance(x, Tree)), span=sp)
            case "negation":
                return ast.Not(operand=self.expr(c[1]), span=sp)
            case "compare":
                return ast.Compare(op=str(c[1]), left=self.expr(c[0]), right=self.expr(c[2]), span=sp)
            case "membership":
                coll = c[2]
                collection: ast.SetLit | ast.Name
                collection = self.set_literal(coll) if coll.data == "set_literal" else self.path(coll)
                return ast.Membership(element=self.expr(c[0]), collection=collection, span=sp)
            case "between":
                return ast.Between(value=self.expr(c[0]), low=self.expr(c[2]), high=self.expr(c[4]), span=sp)
            case "within":
                return ast.Within(
                    value=self.expr(c[0]),
                    duration=self.duration(c[2]),
                    direction=canonical(str(c[3])),
                    anchor=self.expr(c[4]),
                    span=sp,
                )
            case "arith":
                return ast.Arith(terms=tuple(self.expr(x) for x in c[0::2]), ops=tuple(str(x) for x in c[1::2]), span=sp)
            case "quantifier":
                return ast.Quantifier(
                    kind=canonical(str(c[0])),
                    var=self.declared(c[1]),
                    collection=self.path(c[3]),
                    body=self.expr(c[5]),
                    span=sp,
                )
            case "count":
                body = self.expr(c[5]) if len(c) > 4 else None
                return ast.Count(var=self.declared(c[1]), collection=self.path(c[3]), body=body, span=sp)
            case "path":
                return self.path(node)
            case "set_literal":
                return self.set_literal(node)
            case "string_lit":
                return ast.StringLit(value=self.string(c[0]), span=sp)
            case "int_lit":
                return ast.IntLit(value=self.integer(c[0]), span=sp)
            case "date_lit":
                return self.date(c[0])
            case "rupiah_lit":
                return self.rupiah(c[0])
            case "bool_lit":
                return ast.BoolLit(value=canonical(str(c[0])) == "benar", span=sp)
            case "duration":
                return self.duration(node)
        raise AssertionError(f"unknown expression {node.data}")

    def set_literal(self, tree: Tree[Any]) -> ast.SetLit:
        items = tuple(self.expr(x) for x in tree.children if x is not None)
        return ast.SetLit(items=items, span=self.span(tree))


def first_token(node: Tree[Any] | Token | None) -> Token | None:
    """The leftmost token under a node, without recursion."""
    while isinstance(node, Tree):
        node = next((c for c in node.children if c is not None), None)
    return node


def _first_label() -> Text:
    return Text("pertama kali di sini", "first given here")
