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
