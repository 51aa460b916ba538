"""Rule cases in the editor: for each provision, the YAML cases that name it (in any `harapan`
list), how many pass, and how many of its conditions the cases have seen both true and false.

The cases are run by `tools.casetest` against the rulebook as the editor holds it (open documents
included), and only when it checks clean; results are kept until the rulebook or a case file changes.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from netralrules.diagnostics import Text
from netralrules.lsp.analysis import Analysis
from netralrules.rulebook import from_report
from netralrules.tools.casetest import PROVISION_EXPECTATIONS, Coverage, case_files, condition_nodes, run_cases

CASES_FOLDER = "cases"
# libyaml's loader when PyYAML was built with it (the cases are read twice: here for the names, and
# by the runner); the pure-Python one otherwise. Both are the safe loader.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class ProvisionCases:
    passed: int
    failed: int
    failures: tuple[str, ...]  # "case name: problem"
    conditions: int  # condition nodes of the provision
    covered: int  # of those, seen both true and false


@dataclass
class CaseRun:
    """Every case of the folder, run once, by provision."""

    by_provision: dict[str, ProvisionCases] = field(default_factory=dict)
    error: str | None = None  # why the cases could not run (the rulebook has errors, no cases folder)


def case_folder(analysis: Analysis) -> Path | None:
    if analysis.root is None:
        return None
    folder = analysis.root / CASES_FOLDER
    return folder if folder.is_dir() else None


def _stamp(files: list[Path]) -> tuple[tuple[str, int, int], ...]:
    out = []
    for f in files:
        try:
            st = f.stat()
        except OSError:
            continue
        out.append((str(f), st.st_size, st.st_mtime_ns))
    return tuple(out)


class CaseRunner:
    """Runs the cases when asked, and again only when the rulebook or the cases change. Safe to call
    from a worker thread: one run at a time."""

    def __init__(self) -> None:
        self._key: object = None
        self._run: CaseRun | None = None
        self._lock = threading.Lock()

    def run(self, analysis: Analysis) -> CaseRun:
        folder = case_folder(analysis)
        if folder is None:
            return CaseRun(error="tidak ada folder cases/ / no cases/ folder")
        files = case_files([folder])
        key = (analysis.rulebook.content_hash if analysis.rulebook else None, _stamp(files))
        with self._lock:
            if self._run is None or key != self._key:
                self._key, self._run = key, _run(analysis, files)
            return self._run

    def forget(self) -> None:
        with self._lock:
            self._key, self._run = None, None


def _run(analysis: Analysis, files: list[Path]) -> CaseRun:
    rulebook = from_report(analysis.report(), [str(analysis.root)], analysis.schema)
    if rulebook is None:
        return CaseRun(error="buku aturan masih memuat kesalahan / the rulebook has errors")
    conditions = condition_nodes(rulebook)
    coverage = Coverage()
    tally: dict[str, list[int]] = {}
    failures: dict[str, list[str]] = {}
    for path in files:
        named = _named_provisions(path)
        report = run_cases([path], rulebook, conditions)
        for pid, seen in report.coverage.statuses.items():
            coverage.statuses.setdefault(pid, set()).update(seen)
        for node, values in report.coverage.conditions.items():
            coverage.conditions.setdefault(node, set()).update(values)
        if len(named) != len(report.results):
            continue  # a malformed file: one failed "(berkas)" result; nothing to attribute
        for pids, result in zip(named, report.results, strict=True):
            for pid in pids:
                counts = tally.setdefault(pid, [0, 0])
                counts[0 if result.passed else 1] += 1
                if not result.passed:
                    failures.setdefault(pid, []).append(f"{result.name}: {'; '.join(result.problems)}")
    out = CaseRun()
    for pid in rulebook.checked.provisions:
        nodes = [c for c in conditions if c == pid or c.startswith(pid + "#")]
        passed, failed = tally.get(pid, [0, 0])
        out.by_provision[pid] = ProvisionCases(
            passed, failed, tuple(failures.get(pid, [])), len(nodes), sum(coverage.condition_covered(c) for c in nodes)
        )
    return out


def _safe_load(text: str) -> Any:
    """`yaml.safe_load`, with libyaml's safe loader when there is one."""
    loader = _LOADER(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _named_provisions(path: Path) -> list[set[str]]:
    """For each case of a file, the provisions its `harapan` names."""
    try:
        cases: Any = _safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    if not isinstance(cases, list):
        return []
    out: list[set[str]] = []
    for case in cases:
        expected = case.get("harapan") if isinstance(case, dict) else None
        pids: set[str] = set()
        if isinstance(expected, dict):
            for key in PROVISION_EXPECTATIONS:
                value = expected.get(key)
                if isinstance(value, list):
                    pids.update(str(v) for v in value)
        out.append(pids)
    return out


def lens_title(result: ProvisionCases | None, lang: str) -> str:
    if result is None or result.passed + result.failed == 0:
        return Text("tidak ada kasus aturan", "no rule cases").get(lang)
    text = Text(
        f"kasus: {result.passed} lulus, {result.failed} gagal", f"cases: {result.passed} passed, {result.failed} failed"
    ).get(lang)
    cover = Text(
        f"cakupan syarat {result.covered}/{result.conditions}", f"conditions covered {result.covered}/{result.conditions}"
    ).get(lang)
    return f"▶ {text} · {cover}" if result.conditions else f"▶ {text}"
