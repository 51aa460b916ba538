"""Rules files are data: no text of a rules file reaches generated code as code. Hostile provision
ids, definition names, string literals, fact names, variable paths and enum values come out as
string constants (or not at all; node ids only in the NODES table the traced variant indexes with
integers), the generated source holds only the node types and names the generator emits, and
running it, untraced or traced, creates no file. The source checker refuses anything else, and a
program whose text does not have its sha256 is not run."""

from __future__ import annotations

import ast as pyast
import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netralrules.authoring import check_text
from netralrules.checker import CheckedRulebook
from netralrules.checker.typing_ import DefRef, EnumValue, FactRef, VarRef
from netralrules.codegen.generate import check_source, generate, load_program
from netralrules.codegen.runtime import NAMESPACE, GenerationError, State, TracedState, decode
from netralrules.syntax import ast
from netralrules.values import UNKNOWN
from tests.codegen.support import ALL_CONSTRUCTS


def payloads(marker: Path) -> list[str]:
    """Strings that would create `marker` if they were ever run as code, in every quoting."""
    touch = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    return [
        f"'); {touch}; ('",
        f'"); {touch.replace(chr(39), chr(34))}; ("',
        f"\\'); {touch} #",
        f"x\n{touch}\n",
        f"'''\n{touch}\n'''",
        f"c0(f, x)) or {touch} or ((",
        f"{{{touch}}}",
        "f[0]",
        "x.definition",
        "U",
        "d0",
        "__builtins__",
    ]


def _rewrite(node: Any, fn: Callable[[Any], Any]) -> Any:
    """A copy of an AST dataclass tree with `fn` applied to every node, bottom up."""
    if isinstance(node, tuple):
        return tuple(_rewrite(n, fn) for n in node)
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        changes = {f.name: _rewrite(getattr(node, f.name), fn) for f in dataclasses.fields(node) if f.name != "span"}
        return fn(dataclasses.replace(node, **changes))
    return node


def hostile(rulebook: CheckedRulebook, words: list[str]) -> CheckedRulebook:
    """The rulebook with every provision id, definition name, string literal, fact name, variable
    path and enum value replaced by one of `words`."""
    pick = iter(words * 1000)

    def strings(node: Any) -> Any:
        return dataclasses.replace(node, value=next(pick)) if isinstance(node, ast.StringLit) else node

    ids = {pid: next(pick) + f"#{i}" for i, pid in enumerate(rulebook.provisions)}
    names = {name: next(pick) + f"#{i}" for i, name in enumerate(rulebook.definitions)}
    resolutions: dict[Any, Any] = {}
    for span, res in rulebook.resolutions.items():
        match res:
            case FactRef(path=path):
                resolutions[span] = FactRef(tuple(next(pick) for _ in path))
            case VarRef(var=var, path=sub):
                resolutions[span] = VarRef(var, tuple(next(pick) for _ in sub))
            case DefRef(name=name):
                resolutions[span] = DefRef(names[name])
            case EnumValue():
                resolutions[span] = EnumValue(next(pick))
    provisions = {ids[pid]: _rewrite(p, strings) for pid, p in rulebook.provisions.items()}
    definitions = {names[n]: _rewrite(d, strings) for n, d in rulebook.definitions.items()}
    return dataclasses.replace(
        rulebook,
        provisions=provisions,
        definitions=definitions,
        exception_order=tuple(ids[p] for p in rulebook.exception_order),
        resolutions=resolutions,
    )


def _checked() -> CheckedRulebook:
    report = check_text(ALL_CONSTRUCTS, "uji.nr")
    assert report.rulebook is not None
    return report.rulebook


def test_hostile_rule_text_reaches_the_program_only_as_string_constants(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    words = payloads(marker)
    source = generate(hostile(_checked(), words))
    tree = pyast.parse(source.text)
    constants = {n.value for n in pyast.walk(tree) if isinstance(n, pyast.Constant) and isinstance(n.value, str)}
    names = {n.id for n in pyast.walk(tree) if isinstance(n, pyast.Name)}
    calls = {pyast.unparse(n.func) for n in pyast.walk(tree) if isinstance(n, pyast.Call)}
    # Every word went in (as a fact name, an enum value or a string literal) and came out a constant.
    assert all(any(w in c for c in constants) for w in words)
    # The code around them is the generator's own: its names, the runtime's, the state's methods,
    # the traced variant's `e` (where its events go).
    assert {"__import__", "__builtins__", "pathlib", "Path", "touch", "open"}.isdisjoint(names)
    own = {"x.definition", "x.traced_definition", "x.known.get", "e", "D"}
    assert calls <= {*NAMESPACE, *own} | {n for n in names if n[0] in "hH"}
    attributes = {pyast.unparse(n) for n in pyast.walk(tree) if isinstance(n, pyast.Attribute)}
    assert attributes <= {"x.definition", "x.traced_definition", "x.known", "x.known.get"}
    # The provision ids and definition names (which hold the payloads) are not in the code at all
    # except as the PROVISIONS constant and, in node ids, as the NODES table (DNAMES: the
    # definition names), which the traced variant indexes with integers only.
    tables = _tables(tree)
    assert source.provisions[0] in constants and source.provisions[0] in tables["PROVISIONS"]
    assert all(any(pid in node for node in tables["NODES"]) for pid in source.provisions)
    indexed = [n for n in pyast.walk(tree) if isinstance(n, pyast.Subscript) and isinstance(n.value, pyast.Name)]
    assert {n.value.id for n in indexed if isinstance(n.value, pyast.Name)} <= {"f", "NODES", "PATHS", "DNAMES"}
    assert all(isinstance(n.slice, pyast.Constant) and type(n.slice.value) is int for n in indexed)
    ids_and_names = set(source.provisions) | set(tables["DNAMES"])
    in_code = constants - set(tables["NODES"]) - set(tables["PROVISIONS"]) - set(tables["DNAMES"]) - set(_paths(tables))
    assert not any(word in c for word in ids_and_names for c in in_code)
    # Running every condition, untraced and traced, creates nothing; traced, the hostile ids come
    # out as the data of the events (node ids, paths, names).
    program = load_program(source.text, source.sha256)
    events: list[Any] = []
    for condition, traced in zip(program.conditions, program.traced, strict=True):
        condition(tuple(UNKNOWN for _ in program.paths), State())
        traced(tuple(UNKNOWN for _ in program.paths), TracedState(), events.append, 0)
    assert not marker.exists()
    # Recorded coded (act, site, value): the site's number is the generator's, an index of SITES.
    assert events and all(type(e) is tuple and 0 <= e[1] < len(tables["SITES"]) for e in events)
    made: list[Any] = decode(events, program.sites)
    assert {e.node for e in made} <= set(tables["NODES"])
    assert any(pid in e.node for e in made for pid in source.provisions)


def _tables(tree: pyast.Module) -> dict[str, Any]:
    """The module-level constants of a generated program (PATHS, PROVISIONS, NODES, DNAMES, …)."""
    out: dict[str, Any] = {}
    for statement in tree.body:
        if isinstance(statement, pyast.Assign) and isinstance(statement.targets[0], pyast.Name):
            try:
                out[statement.targets[0].id] = pyast.literal_eval(statement.value)
            except ValueError:
                continue
    return out


def _paths(tables: dict[str, Any]) -> list[str]:
    return [part for path in tables["PATHS"] for part in path]


def test_strings_with_quotes_from_a_rules_file_are_data(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    touch = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    text = ALL_CONSTRUCTS.replace('responden.jabatan = "Camat"', f'responden.jabatan = "\\")+{touch}#"')
    report = check_text(text, "uji.nr")
    assert report.rulebook is not None, [d.message.en for d in report.diagnostics]
    source = generate(report.rulebook)
    program = load_program(source.text, source.sha256)
    events: list[Any] = []
    for condition, traced in zip(program.conditions, program.traced, strict=True):
        condition(tuple(UNKNOWN for _ in program.paths), State())
        traced(tuple(UNKNOWN for _ in program.paths), TracedState(), events.append, 0)
    assert not marker.exists()
    assert any(touch in c for c in _string_constants(source.text))


def _string_constants(text: str) -> set[str]:
    return {n.value for n in pyast.walk(pyast.parse(text)) if isinstance(n, pyast.Constant) and isinstance(n.value, str)}


@pytest.mark.parametrize(
    "code",
    [
        "import os\n",
        "from os import system\n",
        "def c0(f, x):\n    return open('f')\n",
        "def c0(f, x):\n    return __import__('os')\n",
        "def c0(f, x):\n    return x.__class__\n",
        "def c0(f, x):\n    return f.__class__\n",
        "def c0(f, x):\n    return ().__class__.__bases__\n",
        "def c0(f, x):\n    return [y for y in f]\n",
        "def c0(f, x):\n    return f'{x}'\n",
        "@QUANT\ndef c0(f, x):\n    return 1\n",
        "def evil(f, x):\n    return 1\n",
        "def c0(f, x, *a):\n    return 1\n",
        "def c0(f, x):\n    return b'bytes'\n",
        "def c0(f, x):\n    return 1.5\n",
        "class c0:\n    pass\n",
        "def c0(f, x):\n    return globals()\n",
        "def c0(f, x):\n    return (lambda y: y)(1)\n",
        "exec('1')\n",
        "def c0(f, x):\n    while True: pass\n",
        "def c0(f, x):\n    return f[0:1]\n",
        # The traced variant's names and attributes, used otherwise.
        "def C0(f, x, e, a):\n    return x.known.__class__\n",
        "def C0(f, x, e, a):\n    return x.known.get.__self__\n",
        "def C0(f, x, e, a):\n    return e.__self__\n",
        "def C0(f, x, e, a):\n    return f.known.get(0, M)\n",
        "def C0(f, x, e, a):\n    return x.memo.get(0)\n",
        "def C0(f, x, e, a):\n    return x.get(0)\n",
        "def C0(f, x, e, a):\n    return NODES.__class__\n",
        "def C0(f, x, e, a):\n    return TN.__self__\n",
        "def C0(f, x, e, a):\n    return FR._make\n",
        "def C0(f, x, e, a):\n    return (e(TN(CR, (a, NODES[0], 1.5))) or 1)\n",
        "def C0(f, x, e, a, *b):\n    return 1\n",
        "def C0(f, x, e, a, tuple):\n    return 1\n",
        "def C0(f, x, e, a=U):\n    return a\n",
        "def C0(f, x, e, *, a):\n    return a\n",
    ],
)
def test_the_source_check_refuses_anything_else(code: str) -> None:
    with pytest.raises(GenerationError):
        check_source(code)


def test_a_program_whose_text_is_not_its_digest_is_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    source = generate(_checked())
    tampered = source.text + f"K99 = __import__('pathlib').Path({str(marker)!r}).touch()\n"
    with pytest.raises(GenerationError):
        load_program(tampered, source.sha256)
    with pytest.raises(GenerationError):  # and even with its own sha256, the check refuses it
        load_program(tampered)
    assert not marker.exists()
    assert load_program(source.text, source.sha256).provisions == source.provisions


def test_a_program_runs_without_builtins() -> None:
    source = generate(_checked())
    program = load_program(source.text, source.sha256)
    namespace = program.conditions[0].__globals__
    assert namespace["__builtins__"] == {}
    assert set(namespace) - {"__builtins__"} <= set(NAMESPACE) | {
        n
        for n in namespace
        if n[0] in "cdhKCGH"
        or n in {"FORMAT", "PATHS", "PROVISIONS", "NODES", "DNAMES", "SITES", "DEFINITIONS", "CONDITIONS", "TRACED"}
    }
    assert program.traced[0].__globals__ is namespace
