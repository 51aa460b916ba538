"""Report → text: the narrative of a decision, as plain text (Indonesian or English) or Markdown.

One walk over the `Report` (explain/report.py) writes both: the two styles differ only in how a
heading, a list item, a quotation and a piece of the rules language look. Sections, in the order
a berita acara reads them: per act the facts found and the law applied and why; the findings with
the statutory text; how the sanction was determined; the provisions considered that did not apply,
each with the smallest set of unmet conditions and the fact values that failed them; what is
unresolved and the facts that would decide it; the tiers and tracks not reached; the provisions
asked about; the open legal questions that touched the case; and the annex of sources (where
each provision that touched the case comes from, and how reliable that is).
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Sequence

from netralrules.diagnostics import Text, check_lang
from netralrules.evaluation.kinds import Assessment, DeterminationStatus, Status
from netralrules.explain.compare import ExplanationDiff
from netralrules.explain.graph import ActInfo
from netralrules.explain.render.procedure import heading as procedure_heading
from netralrules.explain.render.procedure import procedure_lines, procedure_open_lines
from netralrules.explain.report import (
    ActSection,
    ClauseItem,
    ConditionItem,
    FactItem,
    FindingSection,
    ReferralBody,
    ReferralSection,
    Report,
    ScopeSection,
    SourceItem,
    TierGap,
    category_word,
)
from netralrules.explain.words import (
    CATEGORIES,
    GAP_KINDS,
    PROOFS,
    REFERRAL_BASES,
    REFERRAL_STATUSES,
    RELIABILITY,
    STAGES,
    STATUSES,
    TIERS,
    TRACK_STATUSES,
    VALUES,
    code_word,
    condition_words,
    date_text,
    election_label,
    fact_label,
    fact_title,
    fact_value_words,
    facts_words,
    instrument_name,
    penalties_text,
    pick,
    reason_text,
    sanction_text,
    say,
    value_text,
)
from netralrules.source import printable
from netralrules.syntax.ast import Category

_INDENT = "  "
_PERIOD = re.compile(r"^berlaku (\d{4}-\d{2}-\d{2}) sampai (\d{4}-\d{2}-\d{2}|…)$")
_NEAREST = 3  # the nearest provisions named per tier or track not reached

# How much a report says (`--detail`): the decision alone; the decision, its reasons and the
# annexes; all that and the technical annex in the rules language.
DETAILS = ("summary", "standard", "full")

# Annex A's counts, by status.
GROUP_COUNTS: dict[str, Text] = {
    Status.NOT_IN_FORCE: Text("tidak berlaku pada tanggal tindakan", "not in force on the date of the act"),
    Status.NOT_APPLICABLE: Text("tidak mengikat responden", "do not bind the respondent"),
    Status.NOT_FIRED: Text("syaratnya tidak terpenuhi", "conditions not met"),
    Status.DEFEATED: Text("dikecualikan", "overridden by an exception"),
}


def check_detail(detail: str) -> str:
    if detail not in DETAILS:
        raise ValueError(f"detail: expected one of {', '.join(DETAILS)}, got {detail!r}")
    return detail


class _Writer:
    """Plain text: underlined headings, two-space indentation."""

    markdown = False

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lines: list[str] = []

    def title(self, text: str) -> None:
        self.lines.extend([text, "=" * len(text)])

    def part(self, text: str) -> None:
        """One of the report's three parts (decision, reasons, annexes)."""
        self.lines.extend(["", "", text.upper(), "=" * len(text)])

    def heading(self, text: str) -> None:
        self.lines.extend(["", text, "-" * len(text)])

    def line(self, text: str, level: int = 0) -> None:
        self.lines.append(_INDENT * level + text)

    def item(self, text: str, level: int = 0) -> None:
        self.lines.append(_INDENT * level + "- " + text)

    def blank(self) -> None:
        self.lines.append("")

    def code(self, text: str) -> str:
        return text

    def strong(self, text: str) -> str:
        return text

    def subhead(self, text: str, level: int) -> None:
        """A heading inside a section (an act, a tier) with its items after it."""
        self.line(text, level)

    def quote(self, label: str, text: str, level: int) -> None:
        self.line(f'{label}: "{text}"', level)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


class _Markdown(_Writer):
    """Markdown: `#` headings; what plain text indents becomes a nested list item; statutory text
    a block quote; the rules language code."""

    markdown = True

    def title(self, text: str) -> None:
        self.lines.extend([f"# {text}"])

    def part(self, text: str) -> None:
        self.lines.extend(["", f"## {text}", ""])

    def heading(self, text: str) -> None:
        self.blank()
        self.lines.extend([f"### {text}", ""])

    # What plain text indents to `level` becomes a list item nested `level - 1` deep, so that the
    # lines under an item (one level deeper in text) are items nested under it.
    def line(self, text: str, level: int = 0) -> None:
        self.lines.append(text if level == 0 else _INDENT * (level - 1) + "- " + text)

    def item(self, text: str, level: int = 0) -> None:
        self.lines.append(_INDENT * max(level - 1, 0) + "- " + text)

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def code(self, text: str) -> str:
        return f"`{text}`" if "`" not in text else f"`` {text} ``"

    def strong(self, text: str) -> str:
        return f"**{text}**"

    def subhead(self, text: str, level: int) -> None:
        self.blank()
        self.lines.extend([f"**{text}**", ""])

    def quote(self, label: str, text: str, level: int) -> None:
        self.line(f"{label}:", level)
        # Inside that item; every line of a statutory text written over several lines stays quoted.
        self.lines.extend(_INDENT * level + "> " + line for line in text.split("\n"))


# Marks for markup inside a line of the document (private-use characters, removed from the text).
_OPEN_CODE, _CLOSE_CODE, _OPEN_STRONG, _CLOSE_STRONG = "\ue000", "\ue001", "\ue002", "\ue003"
_MARKS = re.compile("[\ue000-\ue003]")


class _Document(_Writer):
    """HTML body for the printed report (explain/render/pdf.py): the same walk as Markdown, each
    line a paragraph indented by its level, statutory text a block quote, every text escaped."""

    markdown = True

    def __init__(self, lang: str) -> None:
        super().__init__(lang)
        self.first = True

    @staticmethod
    def esc(text: str) -> str:
        shown = html.escape(text, quote=False)
        for mark, tag in (
            (_OPEN_CODE, "<code>"),
            (_CLOSE_CODE, "</code>"),
            (_OPEN_STRONG, "<strong>"),
            (_CLOSE_STRONG, "</strong>"),
        ):
            shown = shown.replace(mark, tag)
        return shown

    def title(self, text: str) -> None:
        self.lines.append(f"<h1>{self.esc(text)}</h1>")

    def part(self, text: str) -> None:
        self.lines.append(f'<h2 class="part">{self.esc(text)}</h2>')

    def heading(self, text: str) -> None:
        self.lines.append(f"<h3>{self.esc(text)}</h3>")

    def line(self, text: str, level: int = 0) -> None:
        self.lines.append(f'<p class="l{level}">{self.esc(text)}</p>')

    def item(self, text: str, level: int = 0) -> None:
        self.lines.append(f'<p class="item l{level}">{self.esc(text)}</p>')

    def blank(self) -> None:
        return

    def code(self, text: str) -> str:
        return _OPEN_CODE + _MARKS.sub("", text) + _CLOSE_CODE

    def strong(self, text: str) -> str:
        return _OPEN_STRONG + _MARKS.sub("", text) + _CLOSE_STRONG

    def subhead(self, text: str, level: int) -> None:
        self.lines.append(f'<h4 class="l{level}">{self.esc(text)}</h4>')

    def quote(self, label: str, text: str, level: int) -> None:
        self.line(f"{label}:", level)
        body = "<br>".join(self.esc(_MARKS.sub("", line)) for line in text.split("\n"))
        self.lines.append(f'<blockquote class="l{level}">{body}</blockquote>')

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def render_document(report: Report, lang: str = "id", detail: str = "standard") -> str:
    """The report as the body of an HTML document (no <html> or <head>), for print: the same
    sections and words as `render_text`, escaped. explain/render/pdf.py wraps it in a page."""
    return printable(_Render(report, _Document(check_lang(lang)), detail).run())


def _pick_text(text: Text | None, lang: str) -> str:
    return "-" if text is None else text.get(lang)


class _Render:
    def __init__(self, report: Report, w: _Writer, detail: str = "standard") -> None:
        self.r = report
        self.w = w
        self.lang = w.lang
        self.detail = check_detail(detail)
        self.undecided_acts: set[int] | None = None
        self.by_act: dict[int, list[FindingSection]] = {}

    def say(self, key: str) -> str:
        return say(key, self.lang)

    def t(self, text: Text | None) -> str:
        return _pick_text(text, self.lang)

    def facts(self, facts: Sequence[FactItem]) -> str:
        """Facts in words: "Date of the act: 12 October 2024; Party attributes used: yes"."""
        if not facts:
            return self.say("none_facts")
        return facts_words(facts, self.lang)

    def code_facts(self, facts: Sequence[FactItem]) -> str:
        """Facts in the rules language (the technical annex)."""
        if not facts:
            return self.say("none_facts")
        return "; ".join(self.w.code(f"{f.path} = {value_text(f.value, f.known, self.lang)}") for f in facts)

    def words(self, c: ConditionItem) -> str:
        """An unmet condition in words, with the values that failed it."""
        return condition_words(c.text.id, c.value, c.label, c.facts, self.lang, c.text.get(self.lang))

    def code_condition(self, c: ConditionItem) -> str:
        """An unmet condition in the rules language (the technical annex)."""
        text = c.text.get(self.lang)
        if c.definition is not None:
            text = f"{c.definition} ({self.say('definition')}: {text})"
        key = "failed" if c.value == "false" else "undecided_condition"
        shown = f"{self.say(key)}: {self.w.code(text)} [{pick(VALUES, c.value, self.lang)}]"
        return shown + (f" ({self.say('fact_word')}: {self.code_facts(c.facts)})" if c.facts else "")

    def condition(self, c: ConditionItem) -> str:
        key = "failed" if c.value == "false" else "undecided_condition"
        return f"{self.say(key)}: {self.words(c)}."

    # ---- the whole report ------------------------------------------------------------------
    # The order of a decision a reviewer signs (issue 15): the decision first (summary, findings,
    # procedure, referral, what is unresolved or not assessed), then the reasons (the law applied,
    # the legal basis, the tiers not reached, the questions asked, the open legal questions), then
    # the annexes (provisions not applied, grouped by reason; facts; sources) and, at `full`
    # detail, the technical annex in the rules language. `summary` stops after the decision.
    def run(self) -> str:
        w = self.w
        w.title(self.say("title"))
        if self.r.incident_id is not None:
            w.blank()
            w.line(f"{self.say('incident')}: {self.r.incident_id}; {self.say('rulebook')} {self.r.rulebook}.")
        self.scope()
        self.incomplete()
        w.part(self.say("part_decision"))
        self.determination()
        self.findings()
        self.procedure()
        self.referral()
        self.unresolved()
        if self.detail == "summary":
            w.blank()
            w.line(self.say("summary_only"))
            return w.text()
        w.part(self.say("part_reasons"))
        self.law_applied()
        self.legal_basis()
        self.why_not()
        if self.r.asked:
            self.asked()
        self.open_questions()
        w.part(self.say("part_annexes"))
        self.not_applied()
        self.facts_annex()
        self.annex()
        if self.detail == "full":
            self.technical()
        return w.text()

    def findings(self) -> None:
        w = self.w
        w.heading(self.say("findings"))
        self.by_act = {}
        for f in self.r.findings:
            self.by_act.setdefault(f.act, []).append(f)
        for info in self.r.acts:
            self.act_findings(info)

    def act_head(self, info: ActSection) -> str:
        return (
            f"{self.say('act')} {info.index + 1}: {date_text(info.date, self.lang)}; "
            f"{self.say('stage')}: {pick(STAGES, info.stage, self.lang)}."
        )

    def act_findings(self, info: ActSection) -> None:
        w = self.w
        head = self.act_head(info)
        w.subhead(head, 1)
        if info.election is not None:  # only when the incident lists several elections
            w.line(f"{self.say('election').capitalize()}: {election_label(info.election)}.", 1)
        findings = self.by_act.get(info.index, [])
        if not findings:
            self.not_found(info)
            return
        for number, f in enumerate(findings, 1):
            self.finding(number, f)

    def law_applied(self) -> None:
        """Per act: the law in force on its date (short names), and what was not in force."""
        w = self.w
        w.heading(self.say("law_applied"))
        # Acts of one date under the same law share one line (an incident may have 1,000 acts).
        groups: dict[tuple[datetime.date, tuple[str, ...], tuple[tuple[str, Text], ...]], list[ActSection]] = {}
        for info in self.r.acts:
            groups.setdefault((info.date, tuple(info.instruments), tuple(info.not_in_force)), []).append(info)
        for (date, instruments, not_in_force), infos in groups.items():
            applied = ", ".join(instrument_name(i) for i in instruments) or self.say("no_instrument")
            acts = ", ".join(str(i.index + 1) for i in infos)
            w.item(f"{self.acts_word(len(infos))} {acts} ({date_text(date, self.lang)}): {self.say('law_rule')}: {applied}.", 1)
            if not_in_force:
                others = "; ".join(f"{instrument_name(name)} ({self.period(reason)})" for name, reason in not_in_force)
                w.line(f"{self.say('not_in_force_then')}: {others}.", 2)
        counts = self.not_applied_counts()
        if counts:
            w.line(f"{self.say('not_applied_count')}: {counts}.", 1)

    def acts_word(self, count: int) -> str:
        """`Tindakan` for any number; `Act` or `Acts` in English."""
        return self.say("acts" if count > 1 else "act")

    def period(self, reason: Text) -> str:
        """`berlaku 2010-06-06 sampai 2021-08-30` as `in force 6 June 2010 – 30 August 2021`."""
        match = _PERIOD.match(reason.id)
        if match is None:
            return reason.get(self.lang)
        start = date_text(datetime.date.fromisoformat(match.group(1)), self.lang)
        if match.group(2) == "…":  # no end: in force from that date on
            return f"{self.say('in_force_since')} {start}"
        return f"{self.say('in_force')} {start} – {date_text(datetime.date.fromisoformat(match.group(2)), self.lang)}"

    def legal_basis(self) -> None:
        """Each instrument in force for an act, once, with its full title."""
        w = self.w
        titles: dict[str, str] = {}
        for info in self.r.acts:
            for name, title in info.titles:
                titles.setdefault(name, " ".join(title.split()))
        if not titles:
            return
        w.heading(self.say("legal_basis"))
        for name in sorted(titles, key=instrument_name):
            w.item(f"{instrument_name(name)}: {titles[name]}.", 1)

    def not_applied_counts(self) -> str:
        """`14 not in force, 9 do not bind the respondent, 21 conditions not met` (Annex A)."""
        mine = [c for c in self.r.not_applied if c.status != Status.UNKNOWN]
        if not mine:
            return ""
        parts = []
        for status in (Status.NOT_IN_FORCE, Status.NOT_APPLICABLE, Status.NOT_FIRED, Status.DEFEATED):
            n = sum(1 for c in mine if c.status == status)
            if n:
                parts.append(f"{n} {pick(GROUP_COUNTS, status, self.lang)}")
        return ", ".join(parts) + f" ({self.say('see_annex_a')})"

    def not_found(self, info: ActSection) -> None:
        """An act with no finding: no violation only when covering provisions were considered;
        otherwise not assessed (a gap), or outside the ASN rules, with the reason."""
        w = self.w
        if info.assessment == Assessment.ASSESSED:
            if self.undecided_acts is None:
                self.undecided_acts = {c.act for c in self.r.unresolved}
            undecided = info.index in self.undecided_acts
            w.line(self.say("no_findings_yet" if undecided else "no_findings"), 1)
            return
        w.line(self.say("not_assessed" if info.assessment == Assessment.NOT_ASSESSED else "outside_asn") + ".", 1)
        if info.assessment_reason is not None:
            w.line(f"{self.say('reasons')}: {info.assessment_reason.get(self.lang)}.", 2)
        if info.gaps:
            kind = f" ({self.say('gap_kind')}: {pick(GAP_KINDS, info.gap_kind, self.lang)})" if info.gap_kind else ""
            w.line(f"{self.say('gap_declared')}: {', '.join(w.code(g) for g in info.gaps)}{kind}.", 2)

    def unassessed(self) -> str:
        """The acts not assessed, as "act 2, act 3" (empty when every act was assessed)."""
        act = self.say("act").lower()
        return ", ".join(f"{act} {a.index + 1}" for a in self.r.acts if a.assessment != Assessment.ASSESSED)

    def incomplete(self) -> None:
        acts = self.unassessed()
        if acts:
            self.w.blank()
            self.w.line(self.say("incomplete").format(acts))

    def scope(self) -> None:
        s = self.r.scope
        if s is None:
            return
        w = self.w
        w.blank()
        w.line(self.say("scope_outside").format(code_word(s.status)))
        governing = "; ".join(c.get(self.lang) for _, c in s.governing) or self.say("scope_none")
        w.line(f"{self.say('scope_governing')}: {governing}.", 1)

    def finding(self, number: int, f: FindingSection) -> None:
        w, lang = self.w, self.lang
        if w.markdown:
            w.line(w.strong(f.citation.get(lang)), 2)
        else:
            w.line(f"{_INDENT * 2}{number}. {f.citation.get(lang)}")
        # Plain text: aligned under the citation, past `N. `; Markdown: items inside the finding's.
        pad = _INDENT * 2 + " " * (len(str(number)) + 2)

        def put(text: str) -> None:
            if w.markdown:
                w.line(text, 3)
            else:
                w.lines.append(pad + text)

        if w.markdown:
            w.quote(self.say("text_quoted"), f.text, 3)
        else:
            # A statutory text written over several lines keeps them, each aligned under the first.
            label = f'{self.say("text_quoted")}: "'
            first, *rest = f.text.split("\n")
            put(label + first + ("" if rest else '"'))
            for k, line in enumerate(rest):
                put(" " * len(label) + line + ('"' if k == len(rest) - 1 else ""))
        category = pick(CATEGORIES, f.category, lang)
        if f.tier is not None:
            basis = f" {self.say('per')} {f.tier_basis.get(lang)}" if f.tier_basis else ""
            put(f"{self.say('category')}: {category}; {self.say('tier')} {pick(TIERS, f.tier, lang)}{basis}.")
        elif f.category == Category.DISIPLIN:
            put(f"{self.say('category')}: {category}; {self.say('tier_unstated')}.")
        else:
            put(f"{self.say('category')}: {category}.")
        if f.sanction_options:
            basis = f" ({self.say('per')} {f.sanction_basis.get(lang)})" if f.sanction_basis else ""
            put(f"{self.say('sanctions')}{basis}:")
            for option in f.sanction_options:
                if w.markdown:
                    w.line(sanction_text(option, lang), 4)
                else:
                    put(f"{_INDENT}- {sanction_text(option, lang)}")
        for reading in f.other_readings:
            reading_tier = f"{self.say('tier')} {pick(TIERS, reading.tier, lang)} {self.say('per')} {reading.basis.get(lang)}"
            put(f"{self.say('other_reading')}: {reading_tier}.")
            if reading.sanction_options:
                put(f"{self.say('sanctions')}:")
                for option in reading.sanction_options:
                    if w.markdown:
                        w.line(sanction_text(option, lang), 4)
                    else:
                        put(f"{_INDENT}- {sanction_text(option, lang)}")
        if f.penalties:
            shown = penalties_text([dict(p) for p in f.penalties], f.penalty_joiners, lang)
            put(f"{self.say('penalties')}: {shown}.")
        put(f"{self.say('proof')}: {pick(PROOFS, f.proof, lang)}.")
        if self.detail == "summary":
            return  # the note, the sources and the facts are in the reasons and annexes
        if f.note:
            put(f"{self.say('note_quoted')}: {f.note}")
        if f.sources:
            put(f"{self.say('sources_ref')}: " + ", ".join(f"[{n}]" for n in f.sources) + ".")
        # The facts it read that are known (those not known are listed in Annex B).
        put(f"{self.say('facts')}: {self.facts([x for x in f.facts_seen if x.known])}.")

    def section(self, key: str, empty: bool, none_key: str) -> bool:
        """A section's heading, and its `none_key` sentence when it has nothing; whether it has."""
        self.w.heading(self.say(key))
        if empty:
            self.w.line(self.say(none_key), 1)
        return not empty

    def determination(self) -> None:
        w = self.w
        acts = self.unassessed()
        if acts and not self.r.tracks:
            w.heading(self.say("summary"))
            w.line(self.say("incomplete").format(acts), 1)
            return
        if not self.section("summary", not self.r.tracks, "no_determination"):
            return
        if acts:
            w.line(self.say("incomplete").format(acts), 1)
        act_word = self.say("act").lower()
        for t in self.r.tracks:
            tier = f", {self.say('tier')} {pick(TIERS, t.tier, self.lang)}" if t.tier else ""
            head = f"{pick(CATEGORIES, t.category, self.lang).capitalize()}: {pick(TRACK_STATUSES, t.status, self.lang)}{tier}."
            if w.markdown:
                w.item(head)
            else:
                w.line(head, 1)
            if t.contested_tiers and t.tier:
                tiers = f" {self.say('or')} ".join(pick(TIERS, x, self.lang) for x in (t.tier, *t.contested_tiers))
                w.line(f"{self.say('contested')}: {tiers}.", 2)
            based = "; ".join(f"{c.get(self.lang)} ({act_word} {act + 1})" for act, c in t.based_on)
            w.line(f"{self.say('based_on')}: {based or '-'}.", 2)
            for reason in t.reasons:
                w.line(f"{self.say('reasons')}: {reason.get(self.lang)}.", 2)
            if t.sanction_options:
                options = "; ".join(sanction_text(o, self.lang) for o in t.sanction_options)
                w.line(f"{self.say('sanctions')}: {options}.", 2)

    def referral(self) -> None:
        """To whom the case is referred (KASN, BKN), on which date, or why that is contested."""
        r, w = self.r.referral, self.w
        if r is None:
            return
        w.heading(self.say("referral"))
        basis = pick(REFERRAL_BASES, r.basis, self.lang)
        w.line(f"{self.say('referral_date')}: {date_text(r.date, self.lang)} ({r.date.isoformat()}), {basis}.", 1)
        w.line(referral_summary(r, self.lang) + ".", 1)
        if r.status != DeterminationStatus.DETERMINED:
            for b in r.bodies:
                w.item(f"{body_text(b, self.lang)}.", 1)
        for b in r.bodies:
            if b.chain and self.detail != "summary":  # the summary names the body; its chain is in the report
                w.line(f"{b.name}: {self.say('referral_chain')}: " + " → ".join(b.chain), 2)
            if b.note and self.detail == "full":
                w.line(f"{b.name}: {self.say('note_quoted')}: {' '.join(b.note.split())}", 2)

    def procedure(self) -> None:
        """What must happen next (explain/render/procedure.py), after the determination and referral."""
        lines = procedure_lines(self.r.procedure, self.lang, self.detail)
        if not lines:
            return
        self.w.heading(procedure_heading(self.lang))
        for line in lines:
            (self.w.item if line.item else self.w.line)(line.text, line.level + 1)

    def clause(self, c: ClauseItem, level: int, label: str | None = None, status: str | None = None) -> None:
        status = status or pick(STATUSES, c.status, self.lang)
        detail = f" ({c.detail.get(self.lang)})" if c.detail else ""
        self.w.item(f"{label or c.citation.get(self.lang)}: {status}{detail}.", level)
        for u in c.unmet:
            self.w.line(self.condition(u), level + 1)

    # ---- annex A: what did not apply, grouped by reason -------------------------------------
    def not_applied(self) -> None:
        """Per act, one line per group: not in force (per instrument, with its period), does not
        bind the respondent (per set of subjects), then one line per provision whose conditions
        are not met (in words) or that an exception overrides. Undecided provisions are listed
        under Unresolved points, not here."""
        mine_all = [c for c in self.r.not_applied if c.status != Status.UNKNOWN]
        if not self.section("not_applied", not mine_all, "none_not_applied"):
            return
        by_act: dict[int, list[ClauseItem]] = {}
        for c in mine_all:  # one pass: an incident may have 1,000 acts
            by_act.setdefault(c.act, []).append(c)
        # The same line for several acts (a provision that binds only PPPK does not bind this PNS on
        # any date) is written once, under the acts it concerns, never repeated per act.
        acts_of: dict[str, list[int]] = {}
        for act in self.r.acts:
            mine = by_act.get(act.index, [])
            lines = self.not_in_force_groups(act, [c for c in mine if c.status == Status.NOT_IN_FORCE])
            lines += self.not_binding_groups(act, [c for c in mine if c.status == Status.NOT_APPLICABLE])
            for c in mine:
                if c.status == Status.NOT_FIRED:
                    conditions = "; ".join(self.words(u) for u in c.unmet) or pick(STATUSES, c.status, self.lang)
                    lines.append(f"{c.citation.get(self.lang)}: {conditions}.")
                elif c.status == Status.DEFEATED:
                    lines.append(f"{c.citation.get(self.lang)}: {self.t(c.detail)}.")
            for line in lines:
                acts_of.setdefault(line, []).append(act.index)
        dates = {act.index: act.date for act in self.r.acts}
        groups: dict[tuple[int, ...], list[str]] = {}
        for line, indices in acts_of.items():
            groups.setdefault(tuple(indices), []).append(line)
        act_word = self.say("act")
        for shared, group in sorted(groups.items()):
            if len(shared) == 1:
                head = f"{act_word} {shared[0] + 1} ({date_text(dates[shared[0]], self.lang)}):"
            else:
                head = f"{self.acts_word(len(shared))} {', '.join(str(i + 1) for i in shared)}:"
            self.w.subhead(head, 1)
            for line in group:
                self.w.item(line, 1)

    def not_in_force_groups(self, act: ActSection, clauses: Sequence[ClauseItem]) -> list[str]:
        groups: dict[tuple[str, tuple[str, str | None] | None], list[ClauseItem]] = {}
        for c in clauses:
            groups.setdefault((c.instrument, c.in_force), []).append(c)
        on = date_text(act.date, self.lang)
        out: list[str] = []
        for (instrument, _), items in groups.items():
            if all(c.apart is not None and c.instrument in act.instruments for c in items):
                # Versions of a provision whose instrument is in force: each names its own period.
                out += [self.say("version_not_in_force").format(c.citation.get(self.lang), on) for c in items]
                continue
            when = self.period(items[0].detail) if items[0].detail else pick(STATUSES, Status.NOT_IN_FORCE, self.lang)
            cited = "; ".join(c.citation.get(self.lang) for c in items)
            head = self.say("group_not_in_force").format(instrument_name(instrument), when, on)
            w_count = self.say("provisions_count").format(len(items))
            out.append(f"{head} ({w_count}): {cited}.")
        return out

    def not_binding_groups(self, act: ActSection, clauses: Sequence[ClauseItem]) -> list[str]:
        groups: dict[tuple[str, ...], list[ClauseItem]] = {}
        for c in clauses:
            groups.setdefault(c.subjects, []).append(c)
        status = self.respondent_status(act)
        out: list[str] = []
        for subjects, items in groups.items():
            cited = "; ".join(c.citation.get(self.lang) for c in items)
            head = self.say("group_not_binding").format(", ".join(code_word(x) for x in subjects) or "-", status)
            out.append(f"{head} ({self.say('provisions_count').format(len(items))}): {cited}.")
        return out

    def respondent_status(self, act: ActSection) -> str:
        for f in act.facts:
            if f.path == "responden.status_kepegawaian":
                return fact_value_words(f, self.lang)
        return pick(VALUES, "unknown", self.lang)

    # ---- annex B: the facts ----------------------------------------------------------------
    def facts_annex(self) -> None:
        w = self.w
        w.heading(self.say("facts_annex"))
        for info in self.r.acts:
            known = [f for f in info.facts if f.known]
            w.item(f"{self.say('act')} {info.index + 1}, {self.say('facts_found').lower()}: {self.facts(known)}.", 1)
        # What was not known, or stated but read by no provision, is often the same for every act:
        # one line for the acts it concerns.
        lines: dict[str, list[int]] = {}
        for info in self.r.acts:
            unknown = [f for f in info.facts if not f.known]
            if unknown:
                named = ", ".join(fact_label(f, self.lang) for f in unknown)
                lines.setdefault(f"{self.say('facts_unknown')}: {named}.", []).append(info.index)
            if info.unread:
                lines.setdefault(f"{self.say('facts_unread')}: {self.facts(info.unread)}.", []).append(info.index)
        for line, indices in lines.items():
            w.item(f"{self.acts_word(len(indices))} {', '.join(str(i + 1) for i in indices)}, {line[0].lower()}{line[1:]}", 1)

    # ---- the technical annex (full detail): the rules language ------------------------------
    def technical(self) -> None:
        """Every provision that did not apply with its status, its unmet conditions in the rules
        language (`tindakan.jenis = ikut_kampanye [false]`) and the facts it read, by rulebook name."""
        w = self.w
        w.heading(self.say("technical"))
        by_act: dict[int, list[ClauseItem]] = {}
        for x in self.r.not_applied:
            by_act.setdefault(x.act, []).append(x)
        for act in self.r.acts:
            w.subhead(f"{self.say('act')} {act.index + 1}:", 1)
            w.line(f"{self.say('facts_found')}: {self.code_facts(act.facts)}.", 1)
            for c in by_act.get(act.index, ()):
                detail = f" ({c.detail.get(self.lang)})" if c.detail else ""
                status = pick(STATUSES, c.status, self.lang)
                w.item(f"{w.code(c.provision)} ({c.citation.get(self.lang)}): {status}{detail}.", 1)
                for u in c.unmet:
                    w.line(self.code_condition(u), 2)
                if c.status in (Status.DEFEATED, Status.NOT_APPLICABLE):
                    w.line(f"{self.say('facts')}: {self.code_facts(c.facts_seen)}.", 2)

    # ---- unresolved and not assessed ---------------------------------------------------------
    def unresolved(self) -> None:
        w = self.w
        w.heading(self.say("unresolved"))
        act_word = self.say("act").lower()
        for info in self.r.acts:
            if info.assessment != Assessment.ASSESSED:
                w.item(f"{self.say('act')} {info.index + 1}: {assessment_text(info, self.lang)}", 1)
        for c in self.r.unresolved:
            deciding = ", ".join(self.fact_phrase(p) for p in c.deciding) or "-"
            w.item(
                f"{self.say('act')} {c.act + 1}, {c.citation.get(self.lang)}: {self.t(c.detail)}. "
                f"{self.say('deciding')}: {deciding}.",
                1,
            )
        for t in self.r.unresolved_tracks:
            why = "; ".join(r.get(self.lang) for r in t.reasons) or pick(
                TRACK_STATUSES, DeterminationStatus.UNRESOLVED, self.lang
            )
            w.item(f"{pick(CATEGORIES, t.category, self.lang).capitalize()}: {why}.", 1)
        contested = self.r.referral is not None and self.r.referral.status != DeterminationStatus.DETERMINED
        if self.r.referral is not None and contested:
            w.item(f"{self.say('referral')}: {referral_reason(self.r.referral, self.lang)}.", 1)
        unassessed = any(a.assessment != Assessment.ASSESSED for a in self.r.acts)
        if not self.r.unresolved and not self.r.unresolved_tracks and not contested and not unassessed:
            w.line(self.say("none_unresolved"), 1)
        if self.r.missing_facts:
            w.subhead(f"{self.say('missing')} ({self.say('missing_rule')}):", 1)
            for m in self.r.missing_facts:
                who = "; ".join(f"{c.get(self.lang)} ({act_word} {act + 1})" for act, _, c in m.needed_by)
                settles = ""
                if m.settles is not None:
                    settles = " " + self.say("settles").format(len(m.settles), len(m.needed_by)) + ";"
                w.item(f"{self.fact_phrase(m.path)}:{settles} {self.say('needed_by')}: {who}.", 1)

    def fact_phrase(self, path: str) -> str:
        """A fact by its phrase, with the path `--set` takes: "Negative impact (`tindakan.dampak`)"."""
        title = fact_title(path)
        return f"{title.get(self.lang)} ({self.w.code(path)})" if title is not None else self.w.code(path)

    # ---- the tiers and tracks not reached ---------------------------------------------------
    def why_not(self) -> None:
        w = self.w
        w.heading(self.say("why_not"))
        empty = [g for g in self.r.why_not if not g.candidates]
        for gap in self.r.why_not:
            if gap.candidates:
                self.gap(gap, 1)
        if empty:
            names = ", ".join(category_word(g.category, g.tier, self.lang) for g in empty)
            w.item(f"{self.say('no_provision_met')}: {names}.", 1)
        if not self.r.why_not:
            w.line(self.say("none_why_not"), 1)

    def gap(self, gap: TierGap, level: int) -> None:
        """One line: the tier or track, and its nearest provisions with how many conditions each
        lacks (the conditions themselves are in Annex A)."""
        act_word = self.say("act").lower()
        several = len(self.r.acts) > 1
        nearest = []
        for c in gap.candidates[:_NEAREST]:
            need = self.say("unmet_count").format(len(c.unmet)) if c.unmet else pick(STATUSES, c.status, self.lang)
            where = f", {act_word} {c.act + 1}" if several else ""
            nearest.append(f"{c.citation.get(self.lang)} ({need}{where})")
        more = len(gap.candidates) - _NEAREST
        tail = f"; {self.say('and_more').format(more)}" if more > 0 else ""
        head = f"{category_word(gap.category, gap.tier, self.lang).capitalize()}: {self.say('not_reached')}"
        self.w.item(f"{head}; {self.say('nearest')}: {'; '.join(nearest)}{tail}.", level)

    def asked(self) -> None:
        self.w.heading(self.say("asked"))
        act_word = self.say("act").lower()
        for c in self.r.asked:
            self.clause(c, 1, f"{c.citation.get(self.lang)} ({act_word} {c.act + 1})")

    def open_questions(self) -> None:
        w = self.w
        procedure = procedure_open_lines(self.r.procedure, self.lang)
        if not self.section("open_questions", not self.r.open_questions and not procedure, "none_open"):
            return
        found = {f.provision for f in self.r.findings}
        for q in self.r.open_questions:
            where = q.citation.get(self.lang) if q.citation else self.say("determination_rules")
            # A rule of the determination is the engine's own words (translated); a provision's
            # note is the rulebook's (marked in English as written in Indonesian).
            text = reason_text(q.text, self.lang) if q.provision is None else self.say("note_in_id") + q.text
            if q.provision in found:
                text = self.say("note_with_finding")  # the note is already under its finding
            # What a reviewer signs carries the law and legal notes; how reliable each source is
            # stays with the source, in the annex of sources.
            w.item(f"{where}: {text}", 1)
        for line in procedure:
            w.item(line, 1)

    def annex(self) -> None:
        """The annex of sources: each source once, numbered, with its reliability in words."""
        w = self.w
        if not self.section("annex_sources", not self.r.sources, "none_sources"):
            return
        for item in self.r.sources:
            w.item(f"[{item.number}] {' '.join(item.document.split())}", 1)
            for line in source_details(item, self.lang):
                w.line(line, 2)


def source_details(item: SourceItem, lang: str) -> list[str]:
    """The lines under a source in the annex: link and date, reliability, what it supports."""
    lines = []
    if item.url:
        lines.append(f"{say('source_link', lang).capitalize()}: {item.url}")
    if item.date:
        lines.append(f"{say('source_date', lang).capitalize()}: {date_text(datetime.date.fromisoformat(item.date), lang)}.")
    lines.append(f"{say('reliability', lang).capitalize()}: {pick(RELIABILITY, item.reliability, lang)}.")
    lines.append(f"{say('supports', lang).capitalize()}: " + "; ".join(s.get(lang) for s in item.supports) + ".")
    return lines


def assessment_text(info: ActInfo, lang: str) -> str:
    """Why an act was not assessed, in one line ("" for an act assessed)."""
    if info.assessment == Assessment.ASSESSED:
        return ""
    text = say("not_assessed" if info.assessment == Assessment.NOT_ASSESSED else "outside_asn", lang)
    if info.assessment_reason is not None:
        text += f". {say('reasons', lang)}: {info.assessment_reason.get(lang)}"
    if info.gaps:
        kind = f" ({say('gap_kind', lang)}: {pick(GAP_KINDS, info.gap_kind, lang)})" if info.gap_kind else ""
        text += f". {say('gap_declared', lang)}: {', '.join(info.gaps)}{kind}"
    return text + "."


def scope_text(s: ScopeSection, lang: str) -> str:
    """A respondent who is not ASN: the ASN rules do not govern the conduct, and what does."""
    governing = "; ".join(f"{c.get(lang)} ({p})" for p, c in s.governing) or say("scope_none", lang)
    return say("scope_outside", lang).format(s.status) + f" {say('scope_governing', lang)}: {governing}."


def referral_reason(r: ReferralSection, lang: str) -> str:
    """Why no single body receives the case: contested (overlapping periods) or none declared."""
    if r.status == DeterminationStatus.UNRESOLVED:
        return say("referral_contested", lang).format(", ".join(b.name for b in r.bodies))
    return say("referral_none", lang)


def body_text(b: ReferralBody, lang: str) -> str:
    """A supervisory body with its title and declared period."""
    text = f"{b.name} ({b.title})" if b.title else b.name
    start = date_text(datetime.date.fromisoformat(b.start), lang) if b.start else None
    end = date_text(datetime.date.fromisoformat(b.end), lang) if b.end else None
    if start:
        text += f", {say('in_force_from', lang)} {start}"
    if end:
        text += f" {say('in_force_until', lang)} {end}" if start else f", {say('in_force_until', lang)} {end}"
    return text


def referral_summary(r: ReferralSection, lang: str) -> str:
    """One line: to whom the case is referred, or why that cannot be said."""
    status = pick(REFERRAL_STATUSES, r.status, lang)
    if r.status == DeterminationStatus.DETERMINED:
        return f"{status}: {body_text(r.bodies[0], lang)}"
    return f"{status}: {referral_reason(r, lang)}"


def render_text(report: Report, lang: str = "id", detail: str = "standard") -> str:
    """The report as plain text, in Indonesian (default) or English (`lang="en"`), at a level of
    `detail` (DETAILS: `summary`, `standard`, `full`). Control characters from the incident are
    escaped (`source.printable`)."""
    return printable(_Render(report, _Writer(check_lang(lang)), detail).run())


def render_markdown(report: Report, lang: str = "id", detail: str = "standard") -> str:
    """The report as Markdown (CommonMark), in Indonesian (default) or English; control characters
    escaped."""
    return printable(_Render(report, _Markdown(check_lang(lang)), detail).run())


def render_what_if(
    changes: Sequence[str], before: Report, after: Report, diff: ExplanationDiff, lang: str = "id", *, markdown: bool = False
) -> str:
    """A what-if as text or Markdown: the changed facts, the decision before and after, and what
    changed in the explanation (tracks, provisions, conditions, facts)."""
    lang = check_lang(lang)
    w: _Writer = _Markdown(lang) if markdown else _Writer(lang)
    level = 1
    w.title(say("whatif", lang))
    w.blank()
    w.line(f"{say('changes', lang)}:")
    for text in changes:
        w.item(w.code(text), level)
    for key, report in (("baseline", before), ("changed", after)):
        w.blank()
        w.line(f"{say(key, lang)}:")
        for t in report.tracks:
            tier = f", {say('tier', lang)} {pick(TIERS, t.tier, lang)}" if t.tier else ""
            w.item(f"{pick(CATEGORIES, t.category, lang).capitalize()}: {pick(TRACK_STATUSES, t.status, lang)}{tier}.", level)
        if not report.tracks:
            w.item(say("no_determination", lang), level)
    act_word = say("act", lang).lower()
    sections = (
        ("outcome_changes", diff.tracks),
        ("status_changes", diff.provisions),
        ("condition_changes", diff.conditions),
        ("fact_changes", diff.facts),
    )
    for key, items in sections:
        w.heading(say(key, lang))
        for c in items:
            where = f" ({act_word} {c.act + 1})" if c.act is not None else ""
            label = c.label.get(lang)
            label = w.code(label) if c.kind in ("condition", "fact") else label[:1].upper() + label[1:]
            w.item(f"{label}{where}: {c.before.get(lang)} → {c.after.get(lang)}", level)
        if not items:
            w.line(say("no_change", lang), level)
    if after.asked:  # `--why-not` with `--set`: the provisions asked about, after the changes
        _Render(after, w).asked()
    return printable(w.text())
