"""The hand-in check behind `netralrules siap` / `ready`: everything an author runs before handing a
change to the rulebook in, as one result the command line renders.

Steps, over one rules folder (its cases in `<rules>/cases`, its documentation `docs/rulebook.md`
and its example incidents `examples/` next to it, as in the repository):

1. check, `fmt --check`, and the gap check (ASN statuses only: undeclared gaps are W0601);
2. the rule cases, with the provision coverage of the changed provisions;
3. `docs/rulebook.md` names every provision and instrument (`undocumented`);
4. the effect of the change on the example incidents, as the rulebook diff between the last
   commit and the working tree.

"Changed": the provisions that differ from the last commit of a git working tree (added, removed
or edited, `tools.diff.provision_changes`) plus those declared in changed or untracked `.nr`
files; or an explicit list. Outside git without a list: every provision.

The library never prints: `check_ready` returns a `ReadyReport`.
"""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from netralrules.authoring import CheckReport, check_paths, format_paths
from netralrules.diagnostics import Diagnostic
from netralrules.rulebook import Rulebook, from_report
from netralrules.tools.casetest import Report, case_files, condition_nodes, narrowed, run_cases
from netralrules.tools.diff import RulebookDiff, diff_rulebooks, incident_files, provision_changes
from netralrules.tools.gaps import GapMatrix

PROVISION_LINE = re.compile(r"^ketentuan\s+(\S+)")
INSTRUMENT_LINE = re.compile(r"^instrumen\s+(\S+)")
# PP 53/2010, the oldest discipline regulation of the rulebook, is in force from 6 Jun 2010.
GAPS_SINCE = datetime.date(2010, 6, 6)


def declared_names(rules: str | Path | Iterable[str | Path], pattern: re.Pattern[str] = PROVISION_LINE) -> list[str]:
    """Every name `pattern` finds at the start of a line of the rules files (`*.nr`, folders
    searched recursively), in file order."""
    chosen = [Path(rules)] if isinstance(rules, (str, Path)) else [Path(p) for p in rules]
    names: list[str] = []
    for root in chosen:
        files = sorted(root.rglob("*.nr")) if root.is_dir() else [root]
        for path in files:
            for line in path.read_text(encoding="utf-8").splitlines():
                match = pattern.match(line)
                if match:
                    names.append(match.group(1))
    return names


def undocumented(names: Iterable[str], doc: str) -> list[str]:
    """The names the documentation text does not mention as a whole word (a dotted id is whole:
    `pp94.pasal5` is not found inside `pp94.pasal5.n`)."""
    return [n for n in names if not re.search(rf"(?<![\w.]){re.escape(n)}(?![\w.])", doc)]


@dataclass(frozen=True)
class Changes:
    """What changed since the last commit (`in_git`), or what was asked for."""

    in_git: bool
    files: tuple[str, ...] = ()  # changed or untracked rules/cases files, relative to the rules folder
    old_rules: Path | None = None  # the last commit's rules folder, written to a temp dir


@dataclass
class ReadyReport:
    rules: tuple[str, ...]
    check: CheckReport
    unformatted: tuple[str, ...] = ()
    format_errors: tuple[Diagnostic, ...] = ()
    gaps: GapMatrix | None = None  # of the ASN statuses; its undeclared rows are W0601
    gaps_skipped: bool = False
    changed: tuple[str, ...] = ()  # the provisions checked for cases and coverage
    scope: str = "all"  # "git" (since the last commit), "asked" (--provision) or "all"
    unknown_provisions: tuple[str, ...] = ()
    cases: Report | None = None
    uncovered: tuple[str, ...] = ()
    doc: Path | None = None
    doc_missing: bool = False
    undocumented: tuple[str, ...] = ()
    diff: RulebookDiff | None = None
    diff_note: str = ""  # why there is no diff: "no-git", "no-head", "no-examples", "old-broken"
    files_changed: tuple[str, ...] = ()
    problems: list[tuple[str, str]] = field(default_factory=list)  # (key, detail) of what to fix

    @property
    def ready(self) -> bool:
        return not self.problems


def git_changes(rules_dir: Path) -> Changes:
    """The rules folder's changes since HEAD, when it lies in a git working tree with a commit."""
    try:
        top = _git(rules_dir, "rev-parse", "--show-toplevel").strip()
    except (OSError, subprocess.CalledProcessError):
        return Changes(in_git=False)
    try:
        _git(rules_dir, "rev-parse", "--verify", "HEAD")
    except subprocess.CalledProcessError:
        return Changes(in_git=True)
    root = Path(top).resolve()
    rel = rules_dir.resolve().relative_to(root).as_posix()
    changed = _git(root, "diff", "--name-only", "HEAD", "--", rel).splitlines()
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "--", rel).splitlines()
    prefix = "" if rel == "." else rel + "/"
    files = tuple(sorted({f.removeprefix(prefix) for f in [*changed, *untracked] if f}))
    old = Path(tempfile.mkdtemp(prefix="netralrules-siap-")) / "rules"
    old.mkdir()
    for name in _git(root, "ls-tree", "-r", "--name-only", "HEAD", "--", rel).splitlines():
        if not name.endswith(".nr"):
            continue
        target = old / name.removeprefix(prefix)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_git_bytes(root, "show", f"HEAD:{name}"))
    return Changes(in_git=True, files=files, old_rules=old)


def _git(where: Path, *args: str) -> str:
    return _git_bytes(where, *args).decode("utf-8")


def _git_bytes(where: Path, *args: str) -> bytes:
    result = subprocess.run(["git", "-C", str(where), *args], capture_output=True, check=True)
    return result.stdout


def check_ready(
    rules: Sequence[str | Path],
    *,
    provisions: Sequence[str] = (),
    cases: str | Path | None = None,
    doc: str | Path | None = None,
    examples: str | Path | None = None,
    gaps: bool = True,
) -> ReadyReport:
    """Run every hand-in step over `rules` (the first folder names where the cases, docs and
    examples are by default) and collect what to fix in `problems`."""
    from netralrules.facts.schema import ASN_STATUSES
    from netralrules.tools.gaps import compute

    first = Path(rules[0])
    base = first if first.is_dir() else first.parent
    report = check_paths([str(r) for r in rules])
    result = ReadyReport(tuple(str(r) for r in rules), report)
    if not report.ok:
        result.problems.append(("check", str(sum(d.is_error for d in report.diagnostics))))
    for formatted in format_paths([str(r) for r in rules]):
        if formatted.formatted is None:
            result.format_errors += tuple(formatted.diagnostics)
        elif formatted.changed and formatted.source is not None:
            result.unformatted += (formatted.source.path,)
    if result.unformatted:
        result.problems.append(("fmt", ", ".join(result.unformatted)))
    rulebook = from_report(report, [str(r) for r in rules]) if report.ok else None
    if rulebook is None:
        return result

    if gaps:
        result.gaps = compute(rulebook, since=GAPS_SINCE, statuses=ASN_STATUSES)
        rows = result.gaps.undeclared_rows()
        if rows:
            result.problems.append(("gaps", ", ".join(f"{r.status}/{r.act_kind}" for r in rows)))
    else:
        result.gaps_skipped = True

    # ---- what changed ----
    changes = git_changes(base) if first.is_dir() else Changes(in_git=False)
    try:
        return _changed_steps(result, rulebook, base, rules, changes, provisions, cases, doc, examples)
    finally:
        if changes.old_rules is not None:
            shutil.rmtree(changes.old_rules.parent, ignore_errors=True)


def _changed_steps(
    result: ReadyReport,
    rulebook: Rulebook,
    base: Path,
    rules: Sequence[str | Path],
    changes: Changes,
    provisions: Sequence[str],
    cases: str | Path | None,
    doc: str | Path | None,
    examples: str | Path | None,
) -> ReadyReport:
    """Steps 2-4: the cases and coverage of what changed, the docs, the diff over the examples."""
    old_rb: Rulebook | None = None
    if changes.old_rules is not None:
        old_report = check_paths([str(changes.old_rules)])
        old_rb = from_report(old_report, [str(changes.old_rules)]) if old_report.ok else None
    result.files_changed = changes.files
    if provisions:
        result.scope = "asked"
        result.unknown_provisions = tuple(p for p in provisions if p not in rulebook.checked.provisions)
        if result.unknown_provisions:
            result.problems.append(("unknown", ", ".join(result.unknown_provisions)))
        chosen = [p for p in provisions if p in rulebook.checked.provisions]
    elif old_rb is not None:
        result.scope = "git"
        edited = {p.provision for p in provision_changes(old_rb.checked, rulebook.checked)}
        in_files = set(declared_names([base / f for f in changes.files if f.endswith(".nr") and (base / f).is_file()]))
        chosen = [p for p in rulebook.checked.provisions if p in edited | in_files]
    else:
        chosen = list(rulebook.checked.provisions)
    result.changed = tuple(chosen)

    # ---- cases and coverage ----
    cases_dir = Path(cases) if cases is not None else base / "cases"
    files = case_files([cases_dir]) if cases_dir.exists() else []
    run = run_cases(files, rulebook, condition_nodes(rulebook))
    scope = {
        "git": "ketentuan yang berubah sejak commit terakhir / provisions changed since the last commit",
        "asked": "ketentuan yang diminta / provisions asked for",
        "all": "semua ketentuan / every provision",
    }[result.scope]
    result.cases = replace(narrowed(run, rulebook, chosen), scope=f"{scope}: {len(chosen)}")
    failing = [f"{r.file}: {r.name}" for r in run.results if not r.passed]
    if failing:
        result.problems.append(("cases", "; ".join(failing)))
    result.uncovered = tuple(p for p in chosen if not run.coverage.provision_covered(p))
    if result.uncovered:
        result.problems.append(("coverage", ", ".join(result.uncovered)))

    # ---- docs/rulebook.md ----
    doc_path = Path(doc) if doc is not None else base.parent / "docs" / "rulebook.md"
    result.doc = doc_path
    if not doc_path.is_file():
        result.doc_missing = True
        result.problems.append(("doc-missing", str(doc_path)))
    else:
        text = doc_path.read_text(encoding="utf-8")
        names = declared_names(rules) + declared_names(rules, INSTRUMENT_LINE)
        result.undocumented = tuple(undocumented(names, text))
        if result.undocumented:
            result.problems.append(("doc", ", ".join(result.undocumented)))

    # ---- the effect on the examples ----
    examples_dir = Path(examples) if examples is not None else base.parent / "examples"
    if not changes.in_git:
        result.diff_note = "no-git"
    elif changes.old_rules is None:
        result.diff_note = "no-head"
    elif old_rb is None:
        result.diff_note = "old-broken"
    elif not examples_dir.exists() or not incident_files([examples_dir]):
        result.diff_note = "no-examples"
    else:
        result.diff = diff_rulebooks(old_rb, rulebook, [examples_dir])
    return result
