"""The facade: one Rulebook that evaluates, explains, checks and formats; one orchestration of a
decision behind every front end; one rulebook root."""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import pytest

from netralrules import NetralrulesError, evaluate, load_rulebook
from netralrules.authoring import check_paths
from netralrules.facts import load_incident
from netralrules.resources import default_rulebook_path
from netralrules.rulebook import Rulebook
from netralrules.trace import ConditionResult, ListTracer

ROOT = Path(__file__).parents[2]
EXAMPLE = (ROOT / "examples" / "pns_kampanye_atribut_partai.json").read_text(encoding="utf-8")
SRC = ROOT / "src" / "netralrules"


def _disciplinary_tier(rulebook: Rulebook, incident: object) -> str | None:
    decision = rulebook.evaluate(incident, explain=False)
    (track,) = [t for t in decision.determination.tracks if t.category == "disiplin"]
    return track.tier


def test_evaluate_decide_and_the_module_function_give_the_same_bytes() -> None:
    rulebook = load_rulebook()
    by_method = rulebook.evaluate(EXAMPLE).to_json()
    assert by_method == evaluate(EXAMPLE).to_json()
    assert by_method == rulebook.decide(load_incident(EXAMPLE)).to_json()
    assert json.loads(by_method)["rulebook"] == rulebook.content_hash


def test_a_decision_without_explanation_differs_only_by_the_graph() -> None:
    rulebook = load_rulebook()
    plain = rulebook.evaluate(EXAMPLE, explain=False)
    full = rulebook.evaluate(EXAMPLE)
    assert plain.explanation is None and full.explanation is not None
    assert plain.to_json() == full.to_json(include_explanation=False)


def test_a_tracer_records_the_events_of_the_same_decision() -> None:
    rulebook = load_rulebook()
    tracer = ListTracer()
    traced = rulebook.decide(load_incident(EXAMPLE), explain=False, tracer=tracer)
    assert any(isinstance(e, ConditionResult) for e in tracer.events)
    assert traced.to_json() == rulebook.evaluate(EXAMPLE, explain=False).to_json()


def test_explain_why_not_what_if_and_missing_facts_from_the_facade() -> None:
    rulebook = load_rulebook()
    decision = rulebook.evaluate(EXAMPLE)
    report = rulebook.explain(decision, why_not=["pp94.pasal5.n.4"])
    assert [item.provision for item in report.asked] == ["pp94.pasal5.n.4"]
    assert rulebook.why_not(decision, ["pp94.pasal5.n.4"]).provisions == report.asked
    # The example's campaign with a party T-shirt is sedang; with state facilities it becomes berat.
    what = rulebook.what_if(EXAMPLE, {"tindakan.fasilitas_negara": True})
    tiers = [t.tier for t in (what.baseline.determination.tracks + what.changed.determination.tracks) if t.category == "disiplin"]
    assert tiers == ["sedang", "berat"]
    assert isinstance(rulebook.missing_facts(EXAMPLE), tuple)
    assert rulebook.to_text(report).startswith(rulebook.to_text(decision)[:40])


def test_a_request_for_an_unknown_provision_is_refused_with_its_code() -> None:
    with pytest.raises(NetralrulesError) as caught:
        load_rulebook().why_not(EXAMPLE, ["pp94.pasal5.n.44"])
    assert [d.code for d in caught.value.diagnostics] == ["E0501"]


def test_check_and_format_of_a_loaded_rulebook_read_its_files_as_they_are_now(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(default_rulebook_path() / "pp94_2021", folder / "pp94_2021")
    rulebook = load_rulebook(folder)
    assert rulebook.root == folder.resolve()
    assert rulebook.check().ok
    assert rulebook.format() and not any(r.changed for r in rulebook.format())
    (folder / "pp94_2021" / "pasal_05_huruf_n.nr").write_text("ketentuan x {\n", encoding="utf-8")
    assert not rulebook.check().ok  # the file on disk is broken now
    assert _disciplinary_tier(rulebook, EXAMPLE) == "sedang"  # the loaded rulebook still evaluates


def test_checking_a_broken_folder_reports_every_file(tmp_path: Path) -> None:
    (tmp_path / "a.nr").write_text("ketentuan x {\n", encoding="utf-8")
    (tmp_path / "b.nr").write_text("definisi = \n", encoding="utf-8")
    report = check_paths([tmp_path])
    assert not report.ok and report.rulebook is None
    assert {Path(d.span.file).name for d in report.diagnostics if d.is_error} == {"a.nr", "b.nr"}
    with pytest.raises(NetralrulesError):
        load_rulebook(tmp_path)


def test_a_link_leading_outside_the_rulebook_root_is_refused_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(default_rulebook_path() / "pp94_2021", folder / "pp94_2021")
    outside = tmp_path / "elsewhere.nr"
    outside.write_text("ketentuan x {\n", encoding="utf-8")  # would be a syntax error if read
    (folder / "pp94_2021" / "tautan.nr").symlink_to(outside)
    report = check_paths([folder])
    assert [d.code for d in report.diagnostics if d.is_error] == ["E0006"]
    assert all("elsewhere" not in path for path in report.sources)
    inner = folder / "pp94_2021" / "tautan_dalam.nr"
    (folder / "pp94_2021" / "tautan.nr").unlink()
    inner.symlink_to(folder / "pp94_2021" / "instrumen.nr")  # a link inside the root is read
    assert "E0006" not in {d.code for d in check_paths([folder]).diagnostics}


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_front_ends_reach_decisions_only_through_the_facade() -> None:
    """One orchestration: the CLI and the tools never assemble a decision themselves."""
    inner = {"netralrules.evaluation.pipeline", "netralrules.evaluation.evaluator", "netralrules.explain.explained"}
    for path in [*(SRC / "cli").glob("*.py"), *(SRC / "tools").glob("*.py")]:
        assert not _imports(path) & inner, f"{path.relative_to(SRC)} imports {_imports(path) & inner}"
