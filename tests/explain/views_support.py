"""A small DOT well-formedness check: no graphviz needed."""

from __future__ import annotations


def dot_is_well_formed(dot: str) -> bool:
    """Starts with `digraph`, quoted strings closed, braces balanced outside strings."""
    if not dot.startswith("digraph"):
        return False
    depth = 0
    in_string = False
    escaped = False
    for ch in dot:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            elif ch == "\n":
                return False  # a raw newline inside a label: should have been escaped
            continue
        if ch == '"':
            in_string = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and not in_string
