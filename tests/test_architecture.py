"""Stage boundaries: lark only in the parsing package, networkx only in explain, pydantic only at
the fact boundary; the library never prints or exits."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).parents[1] / "src" / "netralrules"

# third-party module → the only places (relative to the package) allowed to import it
ALLOWED = {
    "lark": ("syntax/",),
    "networkx": ("explain/", "explain.py"),
    "pydantic": ("facts/", "facts.py", "incident.py"),
    # the language server (issue 18): the protocol library and its types stay in lsp/
    "pygls": ("lsp/",),
    "lsprotocol": ("lsp/",),
    # ---- service (issue 16): the web stack and the store only in service/; the cli commands that
    # start it import them lazily, inside their functions (test_service_stack_is_imported_lazily_by_the_cli).
    "fastapi": ("service/",),
    "starlette": ("service/",),
    "uvicorn": ("service/", "cli/serve.py"),
    "sqlalchemy": ("service/", "cli/serve.py"),
    "alembic": ("service/",),
    "psycopg": ("service/",),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_third_party_imports_stay_in_their_stage() -> None:
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        for module, places in ALLOWED.items():
            if module in _imports(path):
                assert rel.startswith(places), f"{rel} imports {module}; only {places} may"


def test_library_never_prints_or_exits() -> None:
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("cli/") or rel == "__main__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in {"print", "exit", "quit", "input"}, f"{rel} calls {node.func.id}"
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "sys":
                assert node.attr not in {"exit", "setrecursionlimit", "stdout", "stderr"}, f"{rel} uses sys.{node.attr}"


def test_language_reference_lists_every_fact() -> None:
    """docs/language.md's fact table mirrors schema.py, in both halves."""
    from netralrules.facts.schema import DEFAULT_SCHEMA

    doc = (SRC.parents[1] / "docs" / "language.md").read_text(encoding="utf-8")
    for root, t in DEFAULT_SCHEMA.roots.items():
        for name, _ in t.fields:
            assert doc.count(f"| `{root}.{name}` |") >= 2, f"{root}.{name} missing from docs/language.md"


# The pipeline, left to right (docs/architecture.md). A module may import its own stage and stages to
# its left, never to its right. Imports under `if TYPE_CHECKING:` are annotations only and may name
# a later stage's type (a decision carries the explanation built after it); code may not.
STAGES: tuple[tuple[str, ...], ...] = (
    ("source", "values", "trace", "resources", "version", "jsontext", "diagnostics"),  # foundation
    ("syntax",),  # parse: text → AST
    ("facts",),  # the fact schema and the incident model (what checking and evaluation read)
    ("checker",),  # check: AST + schema → checked rulebook
    ("authoring",),  # check and format paths, folders and text
    ("compiler", "codegen"),  # compile: checked rulebook → plan, and → generated Python (codegen/)
    ("evaluation",),  # evaluate: plan + incident → decision
    ("explain",),  # explain: events + plan → graph, report, renderings
    ("rulebook",),  # the facade
    ("tools",),  # rule cases, rulebook diff, batch
    ("service",),  # the HTTP service and its decision store (issue 16)
    ("lsp",),  # the language server for editors
    ("cli",),  # the command line
)
ENTRY = {"__init__", "__main__"}  # the package's own front: may import anything


def _stage(module: str) -> int | None:
    top = module.split(".")[0]
    for rank, names in enumerate(STAGES):
        if top in names:
            return rank
    return None


def _runtime_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, module) of every `netralrules` import, skipping `if TYPE_CHECKING:` blocks."""
    out: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and isinstance(child.test, ast.Name) and child.test.id == "TYPE_CHECKING":
                continue
            if isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                if child.module == "netralrules":
                    out.extend((child.lineno, alias.name) for alias in child.names)
                elif child.module.startswith("netralrules."):
                    out.append((child.lineno, child.module.removeprefix("netralrules.")))
            elif isinstance(child, ast.Import):
                out.extend(
                    (child.lineno, a.name.removeprefix("netralrules.")) for a in child.names if a.name.startswith("netralrules.")
                )
            visit(child)

    visit(tree)
    return out


def test_every_module_belongs_to_a_stage() -> None:
    for path in SRC.rglob("*.py"):
        module = ".".join(path.relative_to(SRC).with_suffix("").parts)
        if module in ENTRY:
            continue
        assert _stage(module) is not None, f"{module} belongs to no stage: add it to STAGES (and docs/architecture.md)"


def _violations(module: str, source: str) -> list[str]:
    own = _stage(module)
    if module in ENTRY or own is None:
        return []
    wrong = []
    for line, imported in _runtime_imports(ast.parse(source)):
        rank = _stage(imported)
        if rank is not None and rank > own:
            wrong.append(f"{module}:{line} imports netralrules.{imported} ({STAGES[rank][0]} comes after {STAGES[own][0]})")
    return wrong


def test_each_stage_imports_only_stages_to_its_left() -> None:
    wrong = []
    for path in SRC.rglob("*.py"):
        module = ".".join(path.relative_to(SRC).with_suffix("").parts)
        wrong.extend(_violations(module, path.read_text(encoding="utf-8")))
    assert not wrong, "imports against the pipeline order:\n" + "\n".join(wrong)


def test_the_stage_order_test_catches_a_backward_import() -> None:
    backward = "from netralrules.explain.graph import Explanation\nfrom netralrules import rulebook\n"
    assert len(_violations("evaluation.pipeline", backward)) == 2
    annotation_only = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from netralrules.explain.graph import Explanation\n"
    )
    assert _violations("evaluation.decision", annotation_only) == []
    assert _violations("cli.evaluate", backward) == []  # leftward


# ---- service (issue 16) -----------------------------------------------------------------------------
SERVICE_STACK = ("fastapi", "starlette", "uvicorn", "sqlalchemy", "alembic", "psycopg")


def test_service_stack_is_imported_lazily_by_the_cli() -> None:
    """`import netralrules` and every command load no web or database library at import time: the
    cli modules import them inside the functions that run the service commands."""
    for path in (SRC / "cli").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not any(n.split(".")[0] in SERVICE_STACK for n in names), f"{path.name} imports {names} at module level"
                assert not any(n.startswith("netralrules.service") for n in names), f"{path.name} imports {names} at module level"


def test_importing_netralrules_and_its_cli_loads_no_service_library() -> None:
    import subprocess
    import sys

    stack = repr(SERVICE_STACK)
    code = f"import sys, netralrules, netralrules.cli; print(sorted({{m.split('.')[0] for m in sys.modules}} & set({stack})))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_service_reaches_decisions_only_through_the_facade() -> None:
    inner = ("netralrules.evaluation", "netralrules.explain", "netralrules.compiler", "netralrules.checker", "netralrules.syntax")
    for path in (SRC / "service").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(inner), f"{path.relative_to(SRC)} imports {node.module}"
