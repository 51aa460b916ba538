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
from collections.abc import Sequence

from netralrules.diagnostics import Text, check_lang
from netralrules.evaluation.kinds import Assessment, DeterminationStatus, Status
from netralrules.explain.compare import ExplanationDiff
from netralrules.explain.graph import ActInfo
from netralrules.explain.render.procedure import heading as procedure_heading
from netralrules.explain.render.procedure import procedure_lines
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
    date_text,
    election_label,
    penalties_text,
    pick,
    say,
    value_text,
)
from netralrules.source import printable
from netralrules.syntax.ast import Category

_INDENT = "  "


class _Writer:
    """Plain text: underlined headings, two-space indentation."""

    markdown = False

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lines: list[str] = []

    def title(self, text: str) -> None:
        self.lines.extend([text, "=" * len(text)])

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

    def heading(self, text: str) -> None:
        self.lines.extend(["", f"## {text}", ""])

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

    def subhead(self, text: str, level: int) -> None:
        self.blank()
        self.lines.extend([f"**{text}**", ""])

    def quote(self, label: str, text: str, level: int) -> None:
        self.line(f"{label}:", level)
        # Inside that item; every line of a statutory text written over several lines stays quoted.
        self.lines.extend(_INDENT * level + "> " + line for line in text.split("\n"))


def _pick_text(text: Text | None, lang: str) -> str:
    return "-" if text is None else text.get(lang)


class _Render:
    def __init__(self, report: Report, w: _Writer) -> None:
        self.r = report
        self.w = w
        self.lang = w.lang

    def say(self, key: str) -> str:
        return say(key, self.lang)

    def t(self, text: Text | None) -> str:
        return _pick_text(text, self.lang)

    def facts(self, facts: Sequence[FactItem]) -> str:
        if not facts:
            return self.say("none_facts")
        return "; ".join(self.w.code(f"{f.path} = {value_text(f.value, f.known, self.lang)}") for f in facts)

    def condition(self, c: ConditionItem) -> str:
        text = c.text.get(self.lang)
        if c.definition is not None:
            text = f"{c.definition} ({self.say('definition')}: {text})"
        key = "failed" if c.value == "false" else "undecided_condition"
        shown = f"{self.say(key)}: {self.w.code(text)} [{pick(VALUES, c.value, self.lang)}]"
        return shown + (f" ({self.say('fact_word')}: {self.facts(c.facts)})" if c.facts else "")

    # ---- the whole report ------------------------------------------------------------------
    def run(self) -> str:
        w = self.w
        w.title(self.say("title"))
        if self.r.incident_id is not None:
            w.blank()
            w.line(f"{self.say('incident')}: {self.r.incident_id}; {self.say('rulebook')} {self.r.rulebook}.")
        self.scope()
        self.incomplete()
        for act in self.r.acts:
            self.act(act.index)
        self.determination()
        self.referral()
        self.procedure()
        self.not_applied()
        self.unresolved()
        self.missing()
        self.why_not()
        if self.r.asked:
            self.asked()
        self.open_questions()
        self.annex()
        return w.text()

    def act(self, index: int) -> None:
        w, info = self.w, self.r.acts[index]
        w.blank()
        head = (
            f"{self.say('act')} {index + 1}: {self.say('date')} {date_text(info.date, self.lang)} "
            f"({info.date.isoformat()}); {self.say('stage')}: {pick(STAGES, info.stage, self.lang)}."
        )
        w.line(f"**{head}**" if w.markdown else head)
        if w.markdown:
            w.blank()
        if info.election is not None:  # only when the incident lists several elections
            w.line(f"{self.say('election').capitalize()}: {election_label(info.election)}.", 1)
        known = [f for f in info.facts if f.known]
        unknown = [f for f in info.facts if not f.known]
        w.line(f"{self.say('facts_found')}: {self.facts(known)}.", 1)
        if unknown:
            w.line(f"{self.say('facts_unknown')}: {', '.join(w.code(f.path) for f in unknown)}.", 1)
        if info.unread:
            w.line(f"{self.say('facts_unread')}: {self.facts(info.unread)}.", 1)
        # Long titles are written over several strings in the rules file; a sentence reads them as one line.
        titles = {name: " ".join(title.split()) for name, title in info.titles}
        applied = "; ".join(f"{i} ({titles[i]})" if i in titles else i for i in info.instruments)
        w.line(f"{self.say('instruments')}: {applied or self.say('no_instrument')}.", 1)
        why = self.say("law_rule")
        if info.not_in_force:
            others = "; ".join(f"{name} ({reason.get(self.lang)})" for name, reason in info.not_in_force)
            why += f". {self.say('not_in_force_then')}: {others}"
        w.line(f"{self.say('reasons')}: {why}.", 1)
        findings = [f for f in self.r.findings if f.act == index]
        if not findings:
            self.not_found(info)
            return
        w.line(f"{self.say('findings')}:", 1)
        for number, f in enumerate(findings, 1):
            self.finding(number, f)

    def not_found(self, info: ActSection) -> None:
        """An act with no finding: no violation only when covering provisions were considered;
        otherwise not assessed (a gap), or outside the ASN rules, with the reason."""
        w = self.w
        if info.assessment == Assessment.ASSESSED:
            undecided = any(c.act == info.index for c in self.r.unresolved)
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
        w.line(self.say("scope_outside").format(w.code(s.status)))
        governing = "; ".join(f"{c.get(self.lang)} ({w.code(p)})" for p, c in s.governing) or self.say("scope_none")
        w.line(f"{self.say('scope_governing')}: {governing}.", 1)

    def finding(self, number: int, f: FindingSection) -> None:
        w, lang = self.w, self.lang
        if w.markdown:
            w.line(f"**{f.citation.get(lang)}**", 2)
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
            w.quote(self.say("text"), f.text, 3)
        else:
            # A statutory text written over several lines keeps them, each aligned under the first.
            label = f'{self.say("text")}: "'
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
                    w.line(option, 4)
                else:
                    put(f"{_INDENT}- {option}")
        for reading in f.other_readings:
            reading_tier = f"{self.say('tier')} {pick(TIERS, reading.tier, lang)} {self.say('per')} {reading.basis.get(lang)}"
            put(f"{self.say('other_reading')}: {reading_tier}.")
            if reading.sanction_options:
                put(f"{self.say('sanctions')}:")
                for option in reading.sanction_options:
                    if w.markdown:
                        w.line(option, 4)
                    else:
                        put(f"{_INDENT}- {option}")
        if f.penalties:
            shown = penalties_text([dict(p) for p in f.penalties], f.penalty_joiners, lang)
            put(f"{self.say('penalties')}: {shown}.")
        put(f"{self.say('proof')}: {pick(PROOFS, f.proof, lang)}.")
        if f.note:
            put(f"{self.say('note')}: {f.note}")
        if f.sources:
            put(f"{self.say('sources_ref')}: " + ", ".join(f"[{n}]" for n in f.sources) + ".")
        put(f"{self.say('facts')}: {self.facts(f.facts_seen)}.")

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
            w.heading(self.say("determination"))
            w.line(self.say("incomplete").format(acts), 1)
            return
        if not self.section("determination", not self.r.tracks, "no_determination"):
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
                w.line(f"{self.say('sanctions')}: {'; '.join(t.sanction_options)}.", 2)

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
            if b.chain:
                w.line(f"{b.name}: {self.say('referral_chain')}: " + " → ".join(b.chain), 2)
            if b.note:
                w.line(f"{b.name}: {self.say('note')}: {' '.join(b.note.split())}", 2)

    def procedure(self) -> None:
        """What must happen next (explain/render/procedure.py), after the determination and referral."""
        lines = procedure_lines(self.r.procedure, self.lang)
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
        if c.status in (Status.DEFEATED, Status.NOT_APPLICABLE) or (c.status == Status.FIRED and c.facts_seen):
            self.w.line(f"{self.say('facts')}: {self.facts(c.facts_seen)}.", level + 1)

    def not_applied(self) -> None:
        if not self.section("not_applied", not self.r.not_applied, "none_not_applied"):
            return
        for act in self.r.acts:
            mine = [c for c in self.r.not_applied if c.act == act.index]
            if mine:
                self.w.subhead(f"{self.say('act')} {act.index + 1}:", 1)
                for c in mine:
                    self.clause(c, 1)

    def unresolved(self) -> None:
        w = self.w
        w.heading(self.say("unresolved"))
        for c in self.r.unresolved:
            deciding = ", ".join(w.code(p) for p in c.deciding) or "-"
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
        if not self.r.unresolved and not self.r.unresolved_tracks and not contested:
            w.line(self.say("none_unresolved"), 1)

    def missing(self) -> None:
        w = self.w
        if not self.section("missing", not self.r.missing_facts, "none_missing"):
            return
        w.line(f"({self.say('missing_rule')})", 1)
        act_word = self.say("act").lower()
        for m in self.r.missing_facts:
            who = "; ".join(f"{c.get(self.lang)} ({act_word} {act + 1})" for act, _, c in m.needed_by)
            settles = ""
            if m.settles is not None:
                settles = " " + self.say("settles").format(len(m.settles), len(m.needed_by)) + ";"
            w.item(f"{w.code(m.path)}:{settles} {self.say('needed_by')}: {who}.", 1)

    def why_not(self) -> None:
        w = self.w
        w.heading(self.say("why_not"))
        level = 1
        empty = [g for g in self.r.why_not if not g.candidates and not g.elsewhere]
        shown = [g for g in self.r.why_not if g.candidates or g.elsewhere]
        for gap in shown:
            self.gap(gap, level)
        if empty:
            names = ", ".join(category_word(g.category, g.tier, self.lang) for g in empty)
            w.line(f"{self.say('no_provision')}: {names}.", level)
        if not self.r.why_not:
            w.line(self.say("none_why_not"), 1)

    def gap(self, gap: TierGap, level: int) -> None:
        w = self.w
        head = f"{category_word(gap.category, gap.tier, self.lang).capitalize()}: {self.say('not_reached')}."
        w.subhead(head, level)
        act_word = self.say("act").lower()
        for c in gap.candidates:
            need = self.say("unmet_count").format(len(c.unmet)) if c.unmet else pick(STATUSES, c.status, self.lang)
            self.clause(c, level, f"{c.citation.get(self.lang)} ({act_word} {c.act + 1})", need)
        if gap.elsewhere:
            listed = "; ".join(f"{c.citation.get(self.lang)} ({pick(STATUSES, c.status, self.lang)})" for c in gap.elsewhere)
            w.line(f"{self.say('not_considered')}: {listed}.", level)

    def asked(self) -> None:
        self.w.heading(self.say("asked"))
        act_word = self.say("act").lower()
        for c in self.r.asked:
            self.clause(c, 1, f"{c.citation.get(self.lang)} ({act_word} {c.act + 1})")

    def open_questions(self) -> None:
        w = self.w
        if not self.section("open_questions", not self.r.open_questions, "none_open"):
            return
        for q in self.r.open_questions:
            where = q.citation.get(self.lang) if q.citation else self.say("determination_rules")
            levels = "; ".join(pick(RELIABILITY, level, self.lang) for level in q.reliability)
            w.item(f"{where} ({self.say('reliability')}: {levels}): {q.text}", 1)

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
    if b.start:
        text += f", {say('in_force_from', lang)} {b.start}"
    if b.end:
        text += f" {say('in_force_until', lang)} {b.end}" if b.start else f", {say('in_force_until', lang)} {b.end}"
    return text


def referral_summary(r: ReferralSection, lang: str) -> str:
    """One line: to whom the case is referred, or why that cannot be said."""
    status = pick(REFERRAL_STATUSES, r.status, lang)
    if r.status == DeterminationStatus.DETERMINED:
        return f"{status}: {body_text(r.bodies[0], lang)}"
    return f"{status}: {referral_reason(r, lang)}"


def render_text(report: Report, lang: str = "id") -> str:
    """The report as plain text, in Indonesian (default) or English (`lang="en"`). Control
    characters from the incident are escaped (`source.printable`)."""
    return printable(_Render(report, _Writer(check_lang(lang))).run())


def render_markdown(report: Report, lang: str = "id") -> str:
    """The report as Markdown (CommonMark), in Indonesian (default) or English; control characters
    escaped."""
    return printable(_Render(report, _Markdown(check_lang(lang))).run())


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
