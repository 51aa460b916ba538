"""Expression checking: resolve names and infer types, collecting diagnostics.

A bare word is resolved in this order: a quantified variable, a definition, a fact root
(`responden`, `pemilu`, `tindakan`), and finally an enum value, which only makes sense where an
enum is expected (`tindakan.jenis = ikut_kampanye`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from netralrules.diagnostics import Diagnostic, Label, Text, make
from netralrules.diagnostics.suggest import closest, ranked
from netralrules.facts.schema import BOOL, DATE, DURATION, ERROR, NUMBER, RUPIAH, STRING, FactSchema, Type
from netralrules.source import Span
from netralrules.syntax import ast


@dataclass(frozen=True, slots=True)
class FactRef:
    """A fact path from a schema root (`tindakan.jenis`)."""

    path: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class VarRef:
    """A path from a quantified variable (`s.tingkat`)."""

    var: str
    path: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DefRef:
    name: str


@dataclass(frozen=True, slots=True)
class EnumValue:
    value: str


Resolution = FactRef | VarRef | DefRef | EnumValue

_ORDERABLE = {"number", "rupiah", "date", "duration"}
_EQUATABLE = _ORDERABLE | {"string", "enum", "bool"}


class ExprChecker:
    """Types the expressions of one rulebook. `definition_type` infers a definition on demand."""

    def __init__(
        self,
        schema: FactSchema,
        definitions: Mapping[str, ast.Definition],
        definition_type: Callable[[str], Type],
    ) -> None:
        self.schema = schema
        self.definitions = definitions
        self.definition_type = definition_type
        self.diagnostics: list[Diagnostic] = []
        self.resolutions: dict[Span, Resolution] = {}
        self.used_definitions: set[str] = set()
        # (file, name) named by a `pakai` whose instrument is missing: that line has the error.
        self.unavailable: set[tuple[str, str]] = set()

    # ---- names ---------------------------------------------------------------------------
    def name(self, node: ast.Name, scope: Mapping[str, Type]) -> Type:
        head = node.parts[0]
        if head in scope:
            self.resolutions[node.span] = VarRef(head, node.parts[1:])
            return self.walk(node, scope[head], 1)
        if head in self.definitions and len(node.parts) == 1:
            self.resolutions[node.span] = DefRef(head)
            self.used_definitions.add(head)
            return self.definition_type(head)
        if head in self.schema.roots:
            self.resolutions[node.span] = FactRef(node.parts)
            return self.walk(node, self.schema.roots[head], 1)
        if len(node.parts) == 1:
            self.resolutions[node.span] = EnumValue(head)
            return Type("enum_literal", name=head)
        candidates = list(scope) + list(self.schema.roots)
        self._unknown_segment(node, 0, candidates)
        return ERROR

    def walk(self, node: ast.Name, current: Type, index: int) -> Type:
        for i in range(index, len(node.parts)):
            if current.kind == "error":
                return ERROR
            if current.kind != "record":
                self._unknown_segment(node, i, [])
                return ERROR
            nxt = current.field(node.parts[i])
            if nxt is None:
                self._unknown_segment(node, i, [k for k, _ in current.fields])
                return ERROR
            current = nxt
        return current

    def _unknown_segment(self, node: ast.Name, index: int, candidates: list[str]) -> None:
        segment = node.parts[index]
        start = node.span.start + sum(len(p) + 1 for p in node.parts[:index])
        seg_span = Span(node.span.file, start, start + len(segment))
        replacement = closest(segment, candidates)
        prefix = ".".join(node.parts[:index])
        args: dict[str, Any] = {"path": node.dotted, "segment": segment}
        if replacement is not None:
            args["replacement"] = f"{prefix}.{replacement}" if prefix else replacement
            suggestion = "similar"
        elif candidates:
            args["options"] = ", ".join(f"`{c}`" for c in ranked(segment, candidates))
            suggestion = "list"
        else:
            suggestion = None
        self.diagnostics.append(make("E0204", seg_span, label="here", suggestion=suggestion, **args))

    # ---- expressions ---------------------------------------------------------------------
    def infer(self, expr: ast.Expr, scope: Mapping[str, Type]) -> Type:
        match expr:
            case ast.BoolLit():
                return BOOL
            case ast.IntLit():
                return NUMBER
            case ast.RupiahLit():
                return RUPIAH
            case ast.DateLit():
                return DATE
            case ast.StringLit():
                return STRING
            case ast.Duration():
                return DURATION
            case ast.Name():
                return self.name(expr, scope)
            case ast.SetLit():
                items = [self.infer(i, scope) for i in expr.items]
                known = [t for t in items if t.kind not in {"error", "enum_literal"}]
                return Type("set", item=known[0] if known else (items[0] if items else ERROR))
            case ast.Not():
                self.expect_bool(expr.operand, scope, "tidak", "not")
                return BOOL
            case ast.And():
                for operand in expr.operands:
                    self.expect_bool(operand, scope, "dan", "and")
                return BOOL
            case ast.Or():
                for operand in expr.operands:
                    self.expect_bool(operand, scope, "atau", "or")
                return BOOL
            case ast.Compare():
                self.compare(expr, scope)
                return BOOL
            case ast.Membership():
                self.membership(expr, scope)
                return BOOL
            case ast.Between():
                value = self.infer(expr.value, scope)
                for bound in (expr.low, expr.high):
                    self.same_orderable(value, expr.value, self.infer(bound, scope), bound, "antara", "between")
                return BOOL
            case ast.Within():
                for side in (expr.value, expr.anchor):
                    self.expect(side, self.infer(side, scope), DATE, "dalam_waktu", "within")
                return BOOL
            case ast.Arith():
                return self.arith(expr, scope)
            case ast.Quantifier():
                item = self.collection_item(expr.collection, scope, "ada" if expr.kind == "ada" else "semua")
                self.expect_bool(expr.body, {**scope, expr.var: item}, "yang", "where")
                return BOOL
            case ast.Count():
                item = self.collection_item(expr.collection, scope, "jumlah")
                if expr.body is not None:
                    self.expect_bool(expr.body, {**scope, expr.var: item}, "yang", "where")
                return NUMBER

    def collection_item(self, collection: ast.Name, scope: Mapping[str, Type], keyword: str) -> Type:
        t = self.name(collection, scope)
        if t.kind == "list" and t.item is not None:
            return t.item
        if t.kind != "error":
            lists = sorted(_list_paths(self.schema))
            self.diagnostics.append(
                make(
                    "E0216",
                    collection.span,
                    suggestion="lists",
                    path=collection.dotted,
                    keyword=keyword,
                    options=", ".join(f"`{p}`" for p in lists),
                )
            )
        return ERROR

    def expect_bool(self, expr: ast.Expr, scope: Mapping[str, Type], word: str, word_en: str) -> None:
        self.expect(expr, self.infer(expr, scope), BOOL, word, word_en)

    def expect(self, expr: ast.Expr, actual: Type, wanted: Type, word: str, word_en: str) -> None:
        if actual.kind == "error" or actual.kind == wanted.kind:
            return
        if actual.kind == "enum_literal":
            self.unknown_name(expr)
            return
        self.mismatch(expr.span, f"`{word}`", f"`{word_en}`", wanted, actual)

    def unknown_name(self, expr: ast.Expr) -> None:
        assert isinstance(expr, ast.Name)
        if len(expr.parts) == 1 and (expr.span.file, expr.parts[0]) in self.unavailable:
            self.resolutions.pop(expr.span, None)
            return
        candidates = list(self.definitions) + list(self.schema.roots)
        replacement = closest(expr.parts[0], candidates)
        self.resolutions.pop(expr.span, None)
        # No likely typo: the definitions most like the name (`masa_kampanye` for
        # `masa_kampanye_pemilu`), when some share a word with it.
        alike = [d for d in ranked(expr.parts[0], self.definitions, 5) if _shares_word(expr.parts[0], d)]
        suggestion = "similar" if replacement else "definitions" if alike else "define"
        self.diagnostics.append(
            make(
                "E0212",
                expr.span,
                suggestion=suggestion,
                name=expr.dotted,
                replacement=replacement or "",
                options=", ".join(f"`{d}`" for d in alike),
            )
        )

    def mismatch(self, span: Span, what: str, what_en: str, wanted: Type, actual: Type, hint: Text | None = None) -> None:
        self.diagnostics.append(
            make(
                "E0205",
                span,
                suggestion="hint" if hint else None,
                what=what,
                what_en=what_en,
                expected=wanted.describe("id"),
                expected_en=wanted.describe("en"),
                found=actual.describe("id"),
                found_en=actual.describe("en"),
                hint=hint.id if hint else "",
                hint_en=hint.en if hint else "",
            )
        )

    def enum_value(self, literal_node: ast.Expr, literal: Type, target: Type, target_node: ast.Expr) -> None:
        """Check a bare word against the enum it is compared with."""
        if literal.name in target.values:
            return
        replacement = closest(literal.name, target.values)
        target_text = target_node.dotted if isinstance(target_node, ast.Name) else target.name
        self.diagnostics.append(
            make(
                "E0206",
                literal_node.span,
                suggestion="similar" if replacement else "list",
                value=literal.name,
                target=f"`{target_text}`",
                replacement=replacement or "",
                options=", ".join(f"`{v}`" for v in target.values[:24]),
            )
        )

    def unify(self, left_node: ast.Expr, left: Type, right_node: ast.Expr, right: Type, op: str) -> None:
        """Report whether two sides can be compared with `op`."""
        if left.kind == "error" or right.kind == "error":
            return
        if left.kind == "enum_literal" and right.kind == "enum_literal":
            self.unknown_name(left_node)
            return
        if left.kind == "enum_literal" or right.kind == "enum_literal":
            lit_node, lit, other_node, other = (
                (left_node, left, right_node, right) if left.kind == "enum_literal" else (right_node, right, left_node, left)
            )
            if other.kind == "enum":
                self.enum_value(lit_node, lit, other, other_node)
            else:
                self.unknown_name(lit_node)
            return
        if left.kind == "date" and right.kind == "string":
            self.mismatch(
                right_node.span,
                f"`{op}`",
                f"`{op}`",
                left,
                right,
                Text("tulis tanggal tanpa tanda kutip, misalnya `2024-02-14`", "write dates without quotes, e.g. `2024-02-14`"),
            )
            return
        if left.kind == "enum" and right.kind == "string":
            self.mismatch(
                right_node.span,
                f"`{op}`",
                f"`{op}`",
                left,
                right,
                Text(
                    "tulis nilai tanpa tanda kutip, misalnya `ikut_kampanye`",
                    "write the value without quotes, e.g. `ikut_kampanye`",
                ),
            )
            return
        if left.kind != right.kind or (left.kind == "enum" and left.name != right.name):
            self.mismatch(right_node.span, f"`{op}`", f"`{op}`", left, right)
            return
        if op not in {"=", "!="} and left.kind not in _ORDERABLE:
            self.mismatch(
                left_node.span,
                f"`{op}`",
                f"`{op}`",
                Type("number"),
                left,
                Text(
                    "hanya bilangan, rupiah, tanggal dan jangka waktu yang dapat dibandingkan besar-kecilnya",
                    "only numbers, rupiah, dates and durations can be ordered",
                ),
            )

    def compare(self, expr: ast.Compare, scope: Mapping[str, Type]) -> None:
        left = self.infer(expr.left, scope)
        right = self.infer(expr.right, scope)
        self.unify(expr.left, left, expr.right, right, expr.op)

    def same_orderable(self, a: Type, a_node: ast.Expr, b: Type, b_node: ast.Expr, word: str, word_en: str) -> None:
        if a.kind == "error" or b.kind == "error":
            return
        if a.kind == "enum_literal":
            self.unknown_name(a_node)
            return
        if b.kind == "enum_literal":
            self.unknown_name(b_node)
            return
        if a.kind != b.kind or a.kind not in _ORDERABLE:
            self.mismatch(b_node.span, f"`{word}`", f"`{word_en}`", a, b)

    def membership(self, expr: ast.Membership, scope: Mapping[str, Type]) -> None:
        element = self.infer(expr.element, scope)
        if isinstance(expr.collection, ast.SetLit):
            for item in expr.collection.items:
                self.unify(expr.element, element, item, self.infer(item, scope), "dalam")
            return
        coll = self.name(expr.collection, scope)
        if coll.kind == "error":
            return
        if coll.kind not in {"list", "set"} or coll.item is None:
            self.mismatch(expr.collection.span, "`dalam`", "`in`", Type("list", item=element), coll)
            return
        self.unify(expr.element, element, expr.collection, coll.item, "dalam")

    def arith(self, expr: ast.Arith, scope: Mapping[str, Type]) -> Type:
        result = self.infer(expr.terms[0], scope)
        for op, term in zip(expr.ops, expr.terms[1:], strict=True):
            t = self.infer(term, scope)
            if result.kind == "error" or t.kind == "error":
                result = ERROR
                continue
            if result.kind == "date" and t.kind == "duration":
                continue
            if result.kind == t.kind and t.kind in {"number", "rupiah", "duration"}:
                continue
            self.mismatch(
                term.span,
                f"`{op}`",
                f"`{op}`",
                DURATION if result.kind == "date" else result,
                t,
                Text(
                    "tanggal hanya dapat ditambah atau dikurangi jangka waktu, misalnya `- 6 bulan`",
                    "a date can only be moved by a duration, e.g. `- 6 bulan`",
                )
                if result.kind == "date"
                else None,
            )
            result = ERROR
        return result


def _list_paths(schema: FactSchema) -> list[str]:
    out: list[str] = []
    for root, t in schema.roots.items():
        for name, ft in t.fields:
            if ft.kind == "list":
                out.append(f"{root}.{name}")
    return out


def first_label(span: Span) -> Label:
    return Label(span, Text("pertama kali dideklarasikan di sini", "first declared here"))


def _shares_word(name: str, other: str) -> bool:
    """Whether two snake_case names have a word (of three letters or more) in common."""
    words = {w for w in name.lower().split("_") if len(w) >= 3}
    return bool(words & {w for w in other.lower().split("_") if len(w) >= 3})
