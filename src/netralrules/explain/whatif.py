"""What if: fact changes (`tindakan.fasilitas_negara=benar`) → the same incident with those facts
changed, evaluated again; and the ranking of missing facts by how much each would decide.

A change names a fact of the fact schema (schema.py) and a value read with that fact's type:
true/false as `benar`/`salah` (or `true`/`false`), dates as `YYYY-MM-DD`, enumerations checked
against their values, text as written; `tidak_diketahui` (or `unknown`) makes any fact unknown,
except the date and kind of an act, which every incident must state. `tindakan.x` changes every
act; `tindakan[1].x` only the second (acts are numbered from 0, as in incident error paths).
`pemilu.x` changes the fact for every act, and so in every election of an incident that lists
several (simultaneous elections): a change names no election (docs/explanations.md).
Changes are laid over the validated incident (`ChangedFacts`); the incident itself is untouched.
Bad changes are reported as diagnostics (E0502–E0506) on the text of each change.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from netralrules.compiler import CompiledRulebook
from netralrules.diagnostics import Diagnostic, Text, make
from netralrules.diagnostics.suggest import closest
from netralrules.evaluation.decision import Decision, IncidentFacts
from netralrules.evaluation.kinds import Status
from netralrules.evaluation.pipeline import decide
from netralrules.explain.report import MissingFact, missing_from_graph, rank_missing, with_track_facts
from netralrules.facts.schema import DEFAULT_SCHEMA, FactSchema, Type
from netralrules.source import SourceFile, Span
from netralrules.values import UNKNOWN

TRUE_WORDS = ("benar", "true")
FALSE_WORDS = ("salah", "false")
UNKNOWN_WORDS = ("tidak_diketahui", "unknown")
# Every incident states these (docs/incident.md); they cannot be made unknown.
REQUIRED = {("tindakan", "tanggal"), ("tindakan", "jenis")}
_PATH = re.compile(r"^(?P<root>[A-Za-z_]\w*)(?:\[(?P<index>\d+)\])?\.(?P<name>[A-Za-z_]\w*)$")


@dataclass(frozen=True)
class FactChange:
    """One changed fact: `act` None means every act (and always for `responden`/`pemilu`)."""

    root: str
    name: str
    act: int | None
    value: object
    text: str

    @property
    def path(self) -> str:
        return f"{self.root}[{self.act}].{self.name}" if self.act is not None else f"{self.root}.{self.name}"


def change_sources(texts: Sequence[str], label: str = "--set") -> dict[str, SourceFile]:
    """The texts of the changes as sources, so their diagnostics render with a caret."""
    return {_file(label, i): SourceFile(_file(label, i), text) for i, text in enumerate(texts)}


def _file(label: str, index: int) -> str:
    return f"{label}#{index + 1}"


def parse_changes(
    texts: Sequence[str], act_count: int, schema: FactSchema = DEFAULT_SCHEMA, label: str = "--set"
) -> tuple[tuple[FactChange, ...], tuple[Diagnostic, ...]]:
    """Read `FACT=VALUE` changes; returns the changes and a diagnostic for every bad one."""
    changes: list[FactChange] = []
    problems: list[Diagnostic] = []
    for i, text in enumerate(texts):
        result = _parse_one(text, _file(label, i), act_count, schema)
        if isinstance(result, Diagnostic):
            problems.append(result)
        else:
            changes.append(result)
    return tuple(changes), tuple(problems)


def _parse_one(text: str, file: str, act_count: int, schema: FactSchema) -> FactChange | Diagnostic:
    path, eq, raw = text.partition("=")
    path, value_start = path.strip(), len(path) + 1
    value = raw.strip()
    if not eq or not path:
        return make("E0502", Span(file, 0, max(len(text), 1)), label="here", suggestion="form", text=text)
    match = _PATH.match(path)
    here = Span(file, text.index(path), text.index(path) + len(path))
    known = sorted(f"{root}.{name}" for root, t in schema.roots.items() for name, _ in t.fields)
    if match is None or match["root"] not in schema.roots or (match["index"] and match["root"] != "tindakan"):
        return _unknown_fact(path, here, known)
    root, name = match["root"], match["name"]
    fact_type = schema.roots[root].field(name)
    if fact_type is None:
        return _unknown_fact(path, here, known)
    act = int(match["index"]) if match["index"] is not None else None
    if act is not None and act >= act_count:
        start = text.index("[") + 1
        return make(
            "E0505",
            Span(file, start, start + len(match["index"])),
            label="here",
            suggestion="range",
            count=act_count,
            index=act,
            last=act_count - 1,
        )
    if fact_type.kind not in {"bool", "date", "enum", "string"}:
        kind = Text.build(fact_type.describe)
        return make("E0506", here, label="here", path=path, kind=kind.id, kind_en=kind.en)
    offset = value_start + (len(raw) - len(raw.lstrip()))
    where = Span(file, min(offset, len(text)), max(min(offset + len(value), len(text)), min(offset, len(text))))
    parsed = _value(value, fact_type, (root, name) in REQUIRED)
    if isinstance(parsed, tuple):
        expected, options, replacement = parsed
        suggestion = "replace" if replacement else "date" if fact_type.kind == "date" else "options"
        return make(
            "E0504",
            where,
            label="here",
            suggestion=suggestion,
            value=value,
            path=path,
            expected=expected.id,
            expected_en=expected.en,
            options=options,
            replacement=replacement or "",
        )
    return FactChange(root, name, act, parsed, text)


def _unknown_fact(path: str, span: Span, known: Sequence[str]) -> Diagnostic:
    plain = re.sub(r"\[\d+\]", "", path)
    replacement = closest(plain, known)
    if replacement is None and "." in plain:  # the field alone, under any root: `fasilitas_negara`
        replacement = closest(plain.rsplit(".", 1)[-1], [k.split(".", 1)[1] for k in known])
        replacement = next((k for k in known if replacement and k.endswith("." + replacement)), None)
    if replacement is not None:
        return make("E0503", span, label="here", suggestion="replace", path=path, replacement=replacement)
    return make("E0503", span, label="here", suggestion="roots", path=path)


def _value(text: str, t: Type, required: bool) -> object | tuple[Text, str, str | None]:
    """The value of `text` as a fact of type `t`, or (what was expected, the valid values, a near one)."""
    word = text.lower()
    if word in UNKNOWN_WORDS and not required:
        return UNKNOWN
    if t.kind == "bool":
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        return (Text("benar/salah", "true/false"), "benar, salah", closest(word, TRUE_WORDS + FALSE_WORDS))
    if t.kind == "date":
        try:
            if len(text) == 10:
                return datetime.date.fromisoformat(text)
        except ValueError:
            pass
        return (Text("tanggal TTTT-BB-HH", "a date YYYY-MM-DD"), "", None)
    if t.kind == "enum":
        if text in t.values:
            return text
        return (Text(f"nilai {t.name}", f"a value of {t.name}"), ", ".join(t.values), closest(text, t.values))
    if text:
        return text
    return (Text("teks yang tidak kosong", "a text that is not empty"), "…", None)


class ChangedFacts:
    """An incident's facts with some changed (what the evaluator reads instead of the incident)."""

    def __init__(self, base: IncidentFacts, changes: Iterable[FactChange]) -> None:
        self.base = base
        self.changes = tuple(changes)

    @property
    def incident_id(self) -> str:
        return self.base.incident_id

    @property
    def act_elections(self) -> tuple[tuple[str, str | None], ...]:
        """Each act's election (id, name) as the incident names it: a change does not move an act."""
        return tuple(getattr(self.base, "act_elections", ()))

    @property
    def act_dates(self) -> Sequence[datetime.date]:
        dates = []
        for i, date in enumerate(self.base.act_dates):
            value = self.fact(("tindakan", "tanggal"), i)
            dates.append(value if isinstance(value, datetime.date) else date)
        return tuple(dates)

    def fact(self, path: tuple[str, ...], act_index: int) -> object:
        # One naming the act wins over one for every act; among equals, the last given.
        mine = [
            (c.act is not None, i)
            for i, c in enumerate(self.changes)
            if (c.root, c.name) == tuple(path) and c.act in (None, act_index)
        ]
        if mine:
            return self.changes[max(mine)[1]].value
        return self.base.fact(path, act_index)


def decide_changed(facts: IncidentFacts, changes: Sequence[FactChange], rulebook: CompiledRulebook) -> Decision:
    """The decision (without explanation) for the incident with the changes laid over it."""
    return decide(rulebook, ChangedFacts(facts, changes))


def rank_missing_facts(
    decision: Decision, facts: IncidentFacts, rulebook: CompiledRulebook, schema: FactSchema = DEFAULT_SCHEMA
) -> tuple[MissingFact, ...]:
    """The missing facts of a decision, each with the undecided provisions that need it and those
    it would decide on its own: a provision is decided by a fact when, for every value the fact
    can take (true and false; every value of an enumeration), the provision is no longer
    undecided. Facts whose values cannot be listed (dates, text) count as deciding nothing. Order:
    most decided, then most needed, then path (explain/report.py `rank_missing`)."""
    if decision.explanation is None:
        return ()
    if not decision.determination.unresolved:  # a track may still wait on a fact (the repeat rule)
        return with_track_facts((), decision.explanation)
    ranked: dict[str, tuple[tuple[tuple[int, str, Text], ...], tuple[tuple[int, str, Text], ...] | None]] = {}
    for item in missing_from_graph(decision.explanation):
        values = _domain(item.path, schema)
        settles: list[tuple[int, str, Text]] | None = None
        if values is not None:
            decided = set(range(len(item.needed_by)))
            for value in values:
                change = _change(item.path, value)
                outcome = decide_changed(facts, [change], rulebook).evaluation.outcomes
                still = {(o.act, o.provision) for o in outcome if o.status is Status.UNKNOWN}
                decided -= {i for i, (act, pid, _) in enumerate(item.needed_by) if (act, pid) in still}
            settles = [item.needed_by[i] for i in sorted(decided)]
        ranked[item.path] = (item.needed_by, tuple(settles) if settles is not None else None)
    return with_track_facts(rank_missing(ranked), decision.explanation)


def _domain(path: str, schema: FactSchema) -> tuple[object, ...] | None:
    root, _, name = re.sub(r"\[\d+\]", "", path).partition(".")
    t = schema.roots[root].field(name) if root in schema.roots else None
    if t is None:
        return None
    if t.kind == "bool":
        return (True, False)
    if t.kind == "enum":
        return t.values
    return None


def _change(path: str, value: object) -> FactChange:
    match = _PATH.match(path)
    assert match is not None  # built by set_path
    act = int(match["index"]) if match["index"] is not None else None
    return FactChange(match["root"], match["name"], act, value, f"{path}={value}")


def changes_from_mapping(changes: Mapping[str, object] | Sequence[str]) -> list[str]:
    """`{"tindakan.fasilitas_negara": "benar"}` or `["tindakan.fasilitas_negara=benar"]` → texts."""
    if isinstance(changes, Mapping):
        return [f"{k}={_word(v)}" for k, v in changes.items()]
    return list(changes)


def _word(value: object) -> str:
    if value is True:
        return "benar"
    if value is False:
        return "salah"
    if value is None or value is UNKNOWN:
        return "tidak_diketahui"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
