"""The contracts between stages that are types (issue 10): node ids minted and parsed only by the
compiler, and the closed sets of words (statuses, categories, tiers, graph kinds) as StrEnums
that every table keyed by them covers exactly."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from typing import assert_never

import pytest

from netralrules.compiler import (
    NodeId,
    NodeParts,
    OwnerKind,
    child_id,
    definition_node,
    definition_of,
    descendant_prefix,
    node_depth,
    node_root,
    parent_node,
    parse_node,
    provision_node,
    subjects_node,
)
from netralrules.evaluation.kinds import DeterminationStatus, Status
from netralrules.explain.graph import EdgeKind, NodeKind
from netralrules.explain.render import views
from netralrules.explain.render.html import svg
from netralrules.explain.words import CATEGORIES, REFERRAL_STATUSES, STATUSES, TIERS, TRACK_STATUSES
from netralrules.facts.schema import TINGKAT
from netralrules.rulebook import load_rulebook
from netralrules.syntax import ast
from netralrules.syntax.keywords import KEYWORDS
from netralrules.tools.casetest import condition_nodes


def _rebuild(parts: NodeParts) -> NodeId:
    match parts.kind:
        case OwnerKind.DEFINITION:
            node = definition_node(parts.owner)
        case OwnerKind.PROVISION:
            node = subjects_node(parts.owner) if parts.subjects else provision_node(parts.owner)
        case _:
            assert_never(parts.kind)
    for index in parts.path:
        node = child_id(node, index)
    return node


def test_every_node_of_the_bundled_rulebook_parses_back_to_itself() -> None:
    rulebook = load_rulebook()
    nodes = condition_nodes(rulebook) + [subjects_node(pid) for pid in rulebook.checked.provisions]
    assert len(nodes) > 100
    for node in nodes:
        parts = parse_node(node)
        assert _rebuild(parts) == node
        assert node_depth(node) == len(parts.path)
        assert definition_of(node) == (parts.owner if parts.kind is OwnerKind.DEFINITION else None)
        up = parent_node(node)
        if parts.path:
            assert up is not None and parse_node(up).path == parts.path[:-1]
            assert node.startswith(descendant_prefix(up))
        else:
            assert up is None and node_root(node) == node


@pytest.mark.parametrize(
    ("node", "parts"),
    [
        ("pp94.pasal5.n.2", NodeParts(OwnerKind.PROVISION, "pp94.pasal5.n.2")),
        ("pp94.pasal5.n.2#0.1", NodeParts(OwnerKind.PROVISION, "pp94.pasal5.n.2", (0, 1))),
        ("def:masa_kampanye", NodeParts(OwnerKind.DEFINITION, "masa_kampanye")),
        ("def:masa_kampanye#2", NodeParts(OwnerKind.DEFINITION, "masa_kampanye", (2,))),
        ("pp94.pasal5.n.2@subjek", NodeParts(OwnerKind.PROVISION, "pp94.pasal5.n.2", subjects=True)),
    ],
    ids=["provision root", "inside a provision", "definition root", "inside a definition", "subject reads"],
)
def test_node_ids_keep_their_string_form(node: str, parts: NodeParts) -> None:
    assert parse_node(node) == parts
    assert _rebuild(parts) == node


def test_the_children_of_a_node_share_its_prefix_and_nothing_else_does() -> None:
    root = provision_node("pp94.pasal5.n.2")
    first = child_id(root, 1)
    assert (first, child_id(first, 0)) == ("pp94.pasal5.n.2#1", "pp94.pasal5.n.2#1.0")
    assert child_id(first, 0).startswith(descendant_prefix(first))
    assert not child_id(root, 10).startswith(descendant_prefix(first))
    assert not provision_node("pp94.pasal5.n.20").startswith(descendant_prefix(root))


@pytest.mark.parametrize("node", ["pp94.pasal5.n.2#x", "def:a#1.-1", "p#"], ids=["letters", "negative", "empty"])
def test_a_string_the_compiler_did_not_mint_is_not_a_node_id(node: str) -> None:
    with pytest.raises(ValueError):
        parse_node(node)


# ---- the enums -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "kind"),
    [
        (STATUSES, Status),
        (TRACK_STATUSES, DeterminationStatus),
        (REFERRAL_STATUSES, DeterminationStatus),
        (CATEGORIES, ast.Category),
        (TIERS, ast.Tier),
        (views._STATUS_COLOR, Status),
        (views._NODE_STYLE, NodeKind),
        (views._EDGE_STYLE, EdgeKind),
        (svg._KIND_FILL, NodeKind),
        (svg._EDGE_COLOUR, EdgeKind),
    ],
    ids=[
        "status words",
        "track status words",
        "referral status words",
        "category words",
        "tier words",
        "DOT status colours",
        "DOT node styles",
        "DOT edge styles",
        "SVG node fills",
        "SVG edge colours",
    ],
)
def test_every_table_keyed_by_an_enum_covers_it_exactly(table: Mapping[str, object], kind: type[enum.StrEnum]) -> None:
    assert set(table) == set(kind)


def test_the_language_and_the_incident_vocabulary_spell_categories_and_tiers_as_the_enums_do() -> None:
    words = {k.terminal: k.indonesian for k in KEYWORDS}
    assert words["CATEGORY"] == tuple(ast.Category)
    assert words["TIER"] == tuple(ast.Tier)
    assert TINGKAT.values == tuple(ast.Tier)


def test_members_read_write_and_hash_as_their_strings() -> None:
    for kind in (Status, DeterminationStatus, ast.Category, ast.Tier, NodeKind, EdgeKind, OwnerKind):
        for member in kind:
            assert member == member.value and hash(member) == hash(member.value)
            assert f"{member}" == str(member) == member.value
            assert json.dumps({member: [member]}) == json.dumps({member.value: [member.value]})


def test_the_ast_repr_and_so_the_rulebook_hash_is_what_it_was_with_strings() -> None:
    outcome = ast.Outcome(category=ast.Category.DISIPLIN, tier=ast.Tier.SEDANG)
    assert repr(outcome) == repr(ast.Outcome(category="disiplin", tier="sedang"))  # type: ignore[arg-type]
    assert "'disiplin'" in repr(outcome)
