"""Source text → AST, with syntax diagnostics. Lark stays inside this package.

A syntax error does not stop the file: the declaration holding it is blanked out (keeping every
newline, so positions stay true) and the file is parsed again, until it parses or
`MAX_SYNTAX_ERRORS` errors have been found. Each error is reported in words a legal drafter knows:
keywords, never Lark's internal terminal names.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from netralrules.diagnostics import Diagnostic, make
from netralrules.diagnostics.suggest import closest, distance
from netralrules.resources import grammar_path
from netralrules.source import SourceFile, Span
from netralrules.syntax import ast, tables
from netralrules.syntax.builder import Builder, first_token
from netralrules.syntax.keywords import ALL_WORDS, BY_TERMINAL, DECLARATION_TERMINALS, KEYWORDS, PUNCTUATION, TERMINAL_WORDS

MAX_SYNTAX_ERRORS = 20
# Depth of the parse tree. Nested conditions (`(a dan (b atau (…)))`) and stacked `tidak` add
# levels; parentheses around a single value and flat `dan`/`atau` chains do not.
MAX_NESTING = 100

_DECLARATION_WORDS = [w for t in DECLARATION_TERMINALS for w in BY_TERMINAL[t].words]
_DECLARATION_START = re.compile(r"^[ \t]*(?:" + "|".join(_DECLARATION_WORDS) + r")\b", re.MULTILINE)


@functools.cache
def _parser() -> Lark:
    """The LALR parser, once per process: from the shipped tables when they fit the grammar, else
    built from it (tables.py)."""
    grammar = grammar_path().read_text(encoding="utf-8")
    return tables.load(grammar) or tables.build(grammar)


def parse_source(source: SourceFile) -> tuple[ast.RulesFile, tuple[Diagnostic, ...]]:
    """Parse one file. The AST holds every declaration that parsed; diagnostics say what did not."""
    text = source.text
    diagnostics: list[Diagnostic] = []
    starts = [m.start() for m in _DECLARATION_START.finditer(text)]
    tree: Tree[Any] | None = None
    while True:
        try:
            tree = _parser().parse(text)
            break
        except UnexpectedInput as error:
            diagnostics.append(_syntax_diagnostic(error, source))
            if len(diagnostics) >= MAX_SYNTAX_ERRORS:
                diagnostics.append(make("E0111", diagnostics[-1].span, suggestion="fix", limit=MAX_SYNTAX_ERRORS))
                break
            text = _blank_declaration(text, _error_offset(error, text), starts)
    if tree is None:
        return ast.RulesFile(path=source.path, declarations=()), tuple(diagnostics)
    too_deep = _too_deep(tree, source.path)
    if too_deep is not None:
        diagnostics.append(too_deep)
        return ast.RulesFile(path=source.path, declarations=()), tuple(diagnostics)
    builder = Builder(source.path)
    declarations = builder.build_file(tree)
    uses = builder.uses(tree)
    diagnostics.extend(builder.diagnostics)
    return (
        ast.RulesFile(path=source.path, declarations=declarations, uses=uses, comments=_comments(text, source.path)),
        tuple(diagnostics),
    )


_COMMENT_OR_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|#[^\n]*', re.DOTALL)  # strings: the unrolled loop


def _comments(text: str, path: str) -> tuple[ast.Comment, ...]:
    """The comments of a file that parsed. The grammar ignores them; the formatter keeps them."""
    return tuple(
        ast.Comment(text=m.group(), span=Span(path, m.start(), m.end()))
        for m in _COMMENT_OR_STRING.finditer(text)
        if m.group().startswith("#")
    )


def _error_offset(error: UnexpectedInput, text: str) -> int:
    if isinstance(error, UnexpectedToken) and error.token.type == "$END":
        return len(text)
    pos = getattr(error, "pos_in_stream", None)
    return len(text) if pos is None else int(pos)


def _blank_declaration(text: str, offset: int, starts: list[int]) -> str:
    """Blank out the declaration around `offset`, keeping newlines so offsets stay valid."""
    before = [s for s in starts if s < offset]
    begin = before[-1] if before else 0
    after = [s for s in starts if s >= offset and s > begin]
    end = after[0] if after else len(text)
    if end <= begin:
        end = len(text)
    blank = re.sub(r"[^\n]", " ", text[begin:end])
    return text[:begin] + blank + text[end:]


def _too_deep(tree: Tree[Any], path: str) -> Diagnostic | None:
    """Find a subtree nested deeper than MAX_NESTING, without recursion."""
    for top in tree.children:
        if not isinstance(top, Tree):
            continue
        stack: list[tuple[Tree[Any], int]] = [(top, 1)]
        while stack:
            node, depth = stack.pop()
            if depth > MAX_NESTING:
                # Point at the first parenthesis of the condition, where a reader starts to untangle it.
                start = _first_nested(top)
                return make("E0105", Span(path, start, start + 1), label="here", suggestion="split", limit=MAX_NESTING)
            stack.extend((child, depth + 1) for child in node.children if isinstance(child, Tree))
    return None


def _first_nested(top: Tree[Any]) -> int:
    """Where the outermost expression of a declaration starts (breadth first, without recursion)."""
    queue = [top]
    while queue:
        node = queue.pop(0)
        if node.data in _EXPRESSION_RULES:
            break
        queue.extend(child for child in node.children if isinstance(child, Tree))
    else:
        node = top
    token = first_token(node)
    return 0 if token is None else int(token.start_pos or 0)


_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[-/](\d{1,2})[-/](\d{4})\b")

# Characters word processors put in for the ones the language uses.
_TYPOGRAPHIC = {"“": '"', "”": '"', "„": '"', "≥": ">=", "≤": "<=", "≠": "!=", "–": "-", "—": "-", "‘": '"', "’": '"', "'": '"'}

_EXPRESSION_RULES = {"or_expr", "and_expr", "negation", "compare", "membership", "between", "within", "arith"}


# ---- turning Lark's exceptions into diagnostics -------------------------------------------


_TERMINAL_ORDER = ["RBRACE", "RPAR", *[k.terminal for k in KEYWORDS], *PUNCTUATION, *TERMINAL_WORDS]


def _ordered(terminals: set[str] | frozenset[str]) -> list[str]:
    """Closing brackets first, then keywords in table order (declaration and field words lead),
    then punctuation and literals: the likeliest fix comes first, the same in both languages."""
    rank = {name: i for i, name in enumerate(_TERMINAL_ORDER)}
    return sorted(terminals, key=lambda t: (rank.get(t, len(rank)), t))


def _expected_words(terminals: set[str] | frozenset[str], lang: str) -> list[str]:
    words: list[str] = []
    for name in _ordered(terminals):
        if name in BY_TERMINAL:
            kw = BY_TERMINAL[name]
            words.extend(f"`{w}`" for w in kw.words_in(lang))
        elif name in PUNCTUATION:
            words.append(f"`{PUNCTUATION[name]}`")
        elif name in TERMINAL_WORDS:
            words.append(TERMINAL_WORDS[name].get(lang))
        else:
            words.append(name.lower())
    unique = list(dict.fromkeys(words))
    if len(unique) > 12:
        unique = [*unique[:12], "…"]
    return unique


def _expected(terminals: set[str] | frozenset[str]) -> dict[str, Any]:
    return {
        "expected": ", ".join(_expected_words(terminals, "id")),
        "expected_en": ", ".join(_expected_words(terminals, "en")),
    }


def _near_keywords(value: str, candidates: list[str], best: str) -> list[str]:
    """The keywords a reader most likely meant, nearest first (the best match leads)."""
    ranked = sorted(set(candidates), key=lambda w: (distance(value.lower(), w, 99), w))
    near = [w for w in ranked if w != best and distance(value.lower(), w, 2) <= 2][:2]
    return [best, *near]


def _keyword_candidates(terminals: set[str] | frozenset[str]) -> list[str]:
    return [w for t in terminals if t in BY_TERMINAL for w in BY_TERMINAL[t].words]


def _syntax_diagnostic(error: UnexpectedInput, source: SourceFile) -> Diagnostic:
    path = source.path
    text = source.text
    if isinstance(error, UnexpectedCharacters):
        pos = error.pos_in_stream or 0
        char = text[pos] if pos < len(text) else ""
        span = Span(path, pos, pos + 1)
        if char == '"':
            return make("E0108", span, label="open", suggestion="close")
        allowed = set(error.allowed or ())
        replacement = _TYPOGRAPHIC.get(char)
        if replacement is not None:
            return make(
                "E0103", span, label="expected", suggestion="replace", char=char, replacement=replacement, **_expected(allowed)
            )
        suggestion = "ascii" if char.isalpha() else None
        return make("E0103", span, label="expected", suggestion=suggestion, char=char, **_expected(allowed))
    if isinstance(error, UnexpectedToken):
        token = error.token
        expected = _accepted(error)
        if token.type == "$END":
            end = len(text.rstrip())
            span = Span(path, max(0, end - 1), end)
            words = _expected({"RBRACE"} if "RBRACE" in expected else expected)
            suggestion = "close" if "RBRACE" in expected else None
            return make("E0104", span, suggestion=suggestion, **words)
        start = token.start_pos or 0
        end = token.end_pos if token.end_pos is not None else start + len(token)
        span = Span(path, start, end)
        value = str(token)
        hint = _lawyer_hint(text, start, end, token, expected)
        if hint is not None:
            span = Span(path, hint[0], hint[1])
            found_id, found_en = _describe_token(token)
            return make(
                "E0102",
                span,
                label="expected",
                suggestion=hint[2],
                found=found_id,
                found_en=found_en,
                **{**hint[3], **_expected(expected)},
            )
        if token.type == "IDENT":
            candidates = _keyword_candidates(expected)
            replacement = closest(value, candidates)
            if replacement is not None:
                near = _near_keywords(value, candidates, replacement)
                return make(
                    "E0101",
                    span,
                    label="expected",
                    suggestion="replace",
                    token=value,
                    replacement=replacement,
                    expected=", ".join(f"`{w}`" for w in near),
                    expected_en=", ".join(f"`{w}`" for w in near),
                )
        found_id, found_en = _describe_token(token)
        suggestion = None
        args: dict[str, Any] = {}
        if token.type == "KW_USE":
            suggestion = "use_first"  # `pakai` after a declaration: the lines belong at the top
        elif token.type in BY_TERMINAL and "IDENT" in expected:
            suggestion = "keyword"
        elif token.type == "CATEGORY" and "KW_THEN" in expected:
            suggestion = "add_then"
        elif token.type == "INT" and (dmy := _DAY_MONTH_YEAR.match(text, start)) is not None:
            # `31-08-2021`, as dates are written in letters: the language wants `2021-08-31`.
            day, month, year = dmy.groups()
            span = Span(path, start, dmy.end())
            suggestion = "replace"
            value = dmy.group()
            args = {"replacement": f"{year}-{int(month):02d}-{int(day):02d}"}
        elif value == "=" and start > 0 and text[start - 1] == "=":
            # `==` from programming habits: the language compares with a single `=`.
            span = Span(path, start - 1, end)
            suggestion = "replace"
            args = {"replacement": "="}
            value = "=="
        return make(
            "E0102",
            span,
            label="expected",
            suggestion=suggestion,
            found=found_id,
            found_en=found_en,
            **{"token": value, **args},
            **_expected(expected),
        )
    if isinstance(error, UnexpectedEOF):
        return make("E0104", Span(path, len(text), len(text)), **_expected(set(error.expected)))
    raise AssertionError(f"unknown Lark error {type(error).__name__}")


_LINE_END = re.compile(r"[^\n]*")
_NAME_BEFORE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)[ \t]+$")
_RUPIAH_BEFORE = re.compile(r"Rp ?\d{1,3}(?:\.\d{3})*$")
_CENTS = re.compile(r",\d+")


def _lawyer_hint(
    text: str, start: int, end: int, token: Token, expected: set[str]
) -> tuple[int, int, str, dict[str, str]] | None:
    """Mistakes of someone who copies the statute's words: a quote inside a text (`"… "Peserta
    Pemilu" …"` ends the text early), an amount written as the statute does (`Rp12.000.000,00`),
    a name with a space (`kepala desa`). The span to show, the E0102 suggestion and its arguments."""
    line_start = text.rfind("\n", 0, start) + 1
    rest = _LINE_END.match(text, end)
    line_end = rest.end() if rest is not None else end
    if start > line_start and text[start - 1] == '"':
        # The text closed right before this token, and another quote follows on the line: the
        # author meant a quotation inside the text.
        inner_end = text.find('"', end, line_end)
        if inner_end != -1 and '"' in text[inner_end + 1 : line_end]:
            quoted = text[start - 1 : inner_end + 1]
            return start - 1, inner_end + 1, "quote", {"token": quoted, "replacement": f'\\"{quoted[1:-1]}\\"'}
    if token.type == "COMMA" and (amount := _RUPIAH_BEFORE.search(text, line_start, start)) is not None:
        cents = _CENTS.match(text, start)
        if cents is not None:
            written = text[amount.start() : cents.end()]
            return amount.start(), cents.end(), "rupiah", {"token": written, "replacement": amount.group()}
    if token.type == "IDENT" and "IDENT" not in expected:
        before = _NAME_BEFORE.search(text, line_start, start)
        # `PNS CPNS` is a list missing its comma, not one name.
        listed = before is not None and before.group(1).isupper() and str(token).isupper()
        if before is not None and not listed and before.group(1) not in ALL_WORDS and str(token) not in ALL_WORDS:
            spaced = text[before.start(1) : end]
            return before.start(1), end, "join", {"token": spaced, "replacement": f"{before.group(1)}_{token}"}
    return None


def _accepted(error: UnexpectedToken) -> set[str]:
    """What the parser really accepts here: LALR's `expected` includes look-ahead noise."""
    try:
        accepted = set(error.interactive_parser.accepts())  # type: ignore[no-untyped-call]
    except Exception:  # the interactive parser is a refinement only; fall back to `expected`
        accepted = set()
    return accepted or set(error.expected)


def _describe_token(token: Token) -> tuple[str, str]:
    value = str(token)
    if token.type in BY_TERMINAL:
        return f"kata kunci `{value}`", f"keyword `{value}`"
    if token.type in TERMINAL_WORDS:
        word = TERMINAL_WORDS[token.type]
        return f"{word.id} `{value}`", f"{word.en} `{value}`"
    return f"`{value}`", f"`{value}`"
