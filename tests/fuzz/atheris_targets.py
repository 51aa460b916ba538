"""Coverage-guided fuzzing with Atheris (optional: `pip install atheris`; not in the dev extra).

    python tests/fuzz/atheris_targets.py rules -atheris_runs=100000 [CORPUS_DIR]
    python tests/fuzz/atheris_targets.py incidents -atheris_runs=100000 [CORPUS_DIR]

The same properties as the campaign (tests/fuzz/campaign.py), on bytes that libFuzzer mutates
towards new coverage: rules bytes give only diagnostics, a formatted file formats to itself, an
incident loads or raises IncidentError, and a valid one is evaluated and rendered without error.
"""

from __future__ import annotations

import sys

import atheris  # type: ignore[import-untyped]  # optional, no stubs

with atheris.instrument_imports(include=["netralrules"]):
    from netralrules.authoring import check_text, format_text
    from netralrules.diagnostics.render import render_all
    from netralrules.facts import IncidentError, format_problems, load_incident
    from netralrules.rulebook import load_rulebook
    from netralrules.syntax.loader import decode_source

_RULEBOOK = load_rulebook()


def rules(data: bytes) -> None:
    source, problems = decode_source("f.nr", data)
    if source is None or problems:
        render_all(problems, {"f.nr": source} if source else {}, "id")
        return
    report = check_text(source.text, "f.nr")
    render_all(report.diagnostics, report.sources, "en")
    first = format_text(source.text, "f.nr").formatted
    if first is not None and format_text(first, "f.nr").formatted != first:
        raise AssertionError("format is not idempotent")


def incidents(data: bytes) -> None:
    try:
        facts = load_incident(data, source="x.json" if data[:1] in (b"{", b"[") else "x.yaml")
    except IncidentError as error:
        format_problems(error.problems, lang="en")
        return
    decision = _RULEBOOK.decide(facts, explain=len(facts.tindakan) <= 5)
    decision.to_json()
    if decision.explanation is not None:
        _RULEBOOK.to_text(decision, "id")


def main() -> None:
    target = {"rules": rules, "incidents": incidents}[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
