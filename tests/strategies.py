"""Hypothesis strategies that build random, valid ASTs of the rules language, and random valid
incidents with their elections (one election object or a list of named elections)."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any, TypeVar

from hypothesis import strategies as st

from netralrules.facts.schema import JENIS_PEMILU, JENIS_TINDAKAN, STATUS_KEPEGAWAIAN
from netralrules.syntax import ast
from netralrules.syntax.keywords import ALL_WORDS

_FIRST = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"
_REST = _FIRST + "0123456789"

identifiers = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(_FIRST),
    st.text(alphabet=_REST, max_size=12),
).filter(lambda s: s not in ALL_WORDS and not s.startswith("Rp"))

names = st.lists(identifiers, min_size=1, max_size=3).map(lambda parts: ast.Name(parts=tuple(parts)))

texts = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc")),
        st.sampled_from(['"', "\\", "\n", "\t", "#"]),
    ),
    max_size=40,
)

dates = st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(9999, 12, 31))
units = st.sampled_from(["hari", "minggu", "bulan", "tahun"])
durations = st.builds(lambda n, u: ast.Duration(amount=n, unit=u), st.integers(0, 10_000), units)

literals = st.one_of(
    st.builds(lambda v: ast.BoolLit(value=v), st.booleans()),
    st.builds(lambda v: ast.IntLit(value=v), st.integers(0, 10**9)),
    st.builds(lambda v: ast.RupiahLit(value=v), st.integers(0, 10**12)),
    st.builds(lambda v: ast.DateLit(value=v), dates),
    st.builds(lambda v: ast.StringLit(value=v), texts),
    durations,
    names,
)


def _extend(children: st.SearchStrategy[ast.Expr]) -> st.SearchStrategy[ast.Expr]:
    many = st.lists(children, min_size=2, max_size=4).map(tuple)
    sets = st.lists(children, max_size=3).map(lambda items: ast.SetLit(items=tuple(items)))
    return st.one_of(
        st.builds(lambda e: ast.Not(operand=e), children),
        st.builds(lambda ops: ast.And(operands=ops), many),
        st.builds(lambda ops: ast.Or(operands=ops), many),
        st.builds(
            lambda op, a, b: ast.Compare(op=op, left=a, right=b),
            st.sampled_from(["=", "!=", "<", "<=", ">", ">="]),
            children,
            children,
        ),
        st.builds(lambda e, c: ast.Membership(element=e, collection=c), children, st.one_of(sets, names)),
        st.builds(lambda v, lo, hi: ast.Between(value=v, low=lo, high=hi), children, children, children),
        st.builds(
            lambda v, d, direction, a: ast.Within(value=v, duration=d, direction=direction, anchor=a),
            children,
            durations,
            st.sampled_from(["sebelum", "sesudah"]),
            children,
        ),
        st.builds(
            lambda terms, ops: ast.Arith(terms=tuple(terms), ops=tuple(ops[: len(terms) - 1])),
            st.lists(children, min_size=2, max_size=3),
            st.lists(st.sampled_from(["+", "-"]), min_size=2, max_size=2),
        ),
        st.builds(
            lambda k, v, c, b: ast.Quantifier(kind=k, var=v, collection=c, body=b),
            st.sampled_from(["ada", "semua"]),
            identifiers,
            names,
            children,
        ),
        st.builds(lambda v, c, b: ast.Count(var=v, collection=c, body=b), identifiers, names, st.none() | children),
    )


expressions = st.recursive(literals, _extend, max_leaves=12)

clause_ids = st.lists(st.one_of(identifiers, st.integers(0, 99).map(str)), min_size=0, max_size=3).flatmap(
    lambda rest: identifiers.map(lambda first: ".".join([first, *rest]))
)
refs = identifiers.map(lambda n: ast.Ref(name=n))
_part_values = {
    "pasal": st.one_of(
        st.integers(1, 500).map(str), st.builds(lambda n, c: f"{n}{c}", st.integers(1, 99), st.sampled_from("ABC"))
    ),
    "ayat": st.integers(1, 20).map(str),
    "huruf": st.sampled_from("abcdefghijklmnopqrstuvwxyz"),
    "angka": st.integers(1, 30).map(str),
    "lampiran": st.sampled_from(["I", "II", "III", "IV", "IX", "XII"]),
}
citations = st.builds(
    lambda inst, kinds, data: ast.Citation(
        instrument=inst,
        parts=tuple(ast.CitationPart(kind=k, value=data.draw(_part_values[k])) for k in kinds),
    ),
    refs,
    st.lists(st.sampled_from(["pasal", "ayat", "huruf", "angka", "lampiran"]), min_size=1, max_size=5, unique=True),
    st.data(),
)
quantities = st.one_of(
    durations.map(lambda d: ast.Quantity(duration=d)),
    st.integers(0, 10**9).map(lambda v: ast.Quantity(rupiah=ast.RupiahLit(value=v))),
)
penalties = st.builds(
    lambda kind, lo, hi: ast.Penalty(kind=kind, minimum=lo, maximum=hi),
    st.sampled_from(["penjara", "kurungan", "denda"]),
    st.none() | quantities,
    quantities,
)


@st.composite
def outcomes(draw: st.DrawFn) -> ast.Outcome:
    tier = draw(st.none() | st.sampled_from(list(ast.Tier)))
    pens = tuple(draw(st.lists(penalties, max_size=3)))
    return ast.Outcome(
        category=draw(st.sampled_from(list(ast.Category))),
        tier=tier,
        tier_basis=draw(st.none() | citations) if tier else None,
        penalties=pens,
        joiners=tuple(draw(st.lists(st.sampled_from(["dan", "dan/atau"]), min_size=len(pens) - 1, max_size=len(pens) - 1)))
        if pens
        else (),
        penalty_basis=draw(st.none() | citations) if pens else None,
    )


optional_text = st.none() | texts
date_lits = dates.map(lambda d: ast.DateLit(value=d))
sanctions = st.builds(
    lambda opts, basis: ast.Sanctions(options=tuple(opts), basis=basis),
    st.lists(texts, min_size=1, max_size=3),
    st.none() | citations,
)

provisions = st.builds(
    lambda pid, cit, text, subjects, validity, excepts, cond, out, sanc, note: ast.Provision(
        id=ast.Ref(name=pid),
        citation=cit,
        text=text,
        subjects=tuple(subjects),
        validity=validity,
        excepts=tuple(ast.Ref(name=e) for e in excepts),
        condition=cond,
        outcome=out,
        sanctions=sanc,
        note=note,
    ),
    clause_ids,
    citations,
    texts,
    st.lists(refs, max_size=3),
    st.none() | st.builds(lambda a, b: ast.Validity(start=a, end=b), st.none() | date_lits, st.none() | date_lits),
    st.lists(clause_ids, max_size=2),
    expressions,
    outcomes(),
    st.none() | sanctions,
    optional_text,
)

instruments = st.builds(
    lambda iid, title, kind, number, year, in_force, rep, by, rank, note: ast.Instrument(
        id=iid,
        title=title,
        kind=kind,
        number=number if year is not None else None,
        year=year if number is not None else None,
        in_force=in_force,
        repealed_on=rep,
        repealed_by=by if rep is not None else None,
        rank=rank,
        note=note,
    ),
    refs,
    texts,
    refs,
    st.none() | st.one_of(st.integers(1, 999).map(str), texts),
    st.none() | st.integers(1900, 2100),
    date_lits,
    st.none() | date_lits,
    st.none() | refs,
    st.none() | st.integers(0, 20),
    optional_text,
)

definitions = st.builds(lambda n, label, e: ast.Definition(name=n, label=label, expr=e), refs, st.none() | texts, expressions)
tables = st.builds(
    lambda inst, tier, cit, sanc, note: ast.SanctionTable(instrument=inst, tier=tier, citation=cit, sanctions=sanc, note=note),
    refs,
    st.sampled_from(["ringan", "sedang", "berat"]),
    citations,
    sanctions,
    optional_text,
)
principles = st.lists(refs, min_size=1, max_size=3).map(lambda rs: ast.Principles(names=tuple(rs)))

supervisors = st.builds(
    lambda sid, title, validity, chain, note: ast.Supervisor(
        id=sid, title=title, validity=validity, chain=tuple(chain), note=note
    ),
    refs,
    texts,
    st.none() | st.builds(lambda a, b: ast.Validity(start=a, end=b), st.none() | date_lits, st.none() | date_lits),
    st.lists(texts, min_size=1, max_size=3),
    optional_text,
)

# Sources (`sumber`), any number per block, on every block kind that takes them.
sources = st.builds(
    lambda doc, url, date, level: ast.Source(document=doc, url=url, date=date, reliability=level),
    texts,
    st.none() | texts,
    st.none() | date_lits,
    st.sampled_from(ast.RELIABILITY_LEVELS),
)
source_lists = st.lists(sources, max_size=3).map(tuple)


# Gap declarations: the builder does not check the listed values (the checker does), so any names do.
_names = st.lists(identifiers, min_size=1, max_size=4).map(tuple)
gaps = st.builds(
    lambda gid, kind, acts, statuses, start, end, stages, elections, reason: ast.GapDeclaration(
        id=gid,
        kind=kind,
        act_kinds=acts,
        statuses=statuses,
        start=start,
        end=end,
        stages=stages,
        election_kinds=elections,
        reason=reason,
    ),
    clause_ids,
    st.sampled_from(list(ast.GapKind)),
    _names,
    _names,
    dates,
    st.none() | dates,
    st.just(()) | _names,
    st.just(()) | _names,
    texts,
)

_Sourced = TypeVar("_Sourced", ast.Provision, ast.Instrument, ast.SanctionTable, ast.Supervisor, ast.GapDeclaration)


def _with_sources(blocks: st.SearchStrategy[_Sourced]) -> st.SearchStrategy[_Sourced]:
    return st.builds(lambda block, found: dataclasses.replace(block, sources=found), blocks, source_lists)


provisions = _with_sources(provisions)
instruments = _with_sources(instruments)
tables = _with_sources(tables)
supervisors = _with_sources(supervisors)
gaps = _with_sources(gaps)

declarations = st.one_of(provisions, instruments, definitions, tables, principles, supervisors, gaps)
uses = st.builds(lambda ns, inst: ast.Use(names=tuple(ns), instrument=inst), st.lists(refs, min_size=1, max_size=12), refs)
files = st.builds(
    lambda us, ds: ast.RulesFile(path="t.nr", declarations=tuple(ds), uses=tuple(us)),
    st.lists(uses, max_size=2),
    st.lists(declarations, max_size=4),
)


# ---- incidents and their elections (docs/incident.md §3.2) ------------------------------------

# The key dates of an election, in the order the incident model requires (E0409).
ELECTION_DATES = ("tanggal_pendaftaran", "tanggal_penetapan", "kampanye_mulai", "kampanye_selesai", "tanggal_pemungutan")
# Around the Pemilu 2024 and Pilkada 2024 calendars (addendum A9), and before PP 94/2021.
_ELECTION_DAYS = st.dates(min_value=datetime.date(2020, 6, 1), max_value=datetime.date(2025, 3, 31))


@st.composite
def elections(draw: st.DrawFn) -> dict[str, Any]:
    """One election object (no `id`): its known dates in order, any of them possibly unknown."""
    days = sorted(draw(st.lists(_ELECTION_DAYS, min_size=len(ELECTION_DATES), max_size=len(ELECTION_DATES))))
    known = draw(st.lists(st.booleans(), min_size=len(ELECTION_DATES), max_size=len(ELECTION_DATES)))
    out: dict[str, Any] = {key: day.isoformat() for key, day, keep in zip(ELECTION_DATES, days, known, strict=True) if keep}
    kind = draw(st.none() | st.sampled_from(JENIS_PEMILU.values))
    if kind is not None:
        out["jenis"] = kind
    if draw(st.booleans()):
        out["nama"] = draw(st.text(min_size=1, max_size=20))
    return out


election_ids = st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True)


@st.composite
def acts(draw: st.DrawFn, days: st.SearchStrategy[datetime.date] = _ELECTION_DAYS) -> dict[str, Any]:
    """One act with a few of the facts the election rules read."""
    act: dict[str, Any] = {"tanggal": draw(days).isoformat(), "jenis": draw(st.sampled_from(JENIS_TINDAKAN.values))}
    for flag in ("atribut_partai", "fasilitas_negara", "menguntungkan_atau_merugikan_calon", "dukungan_aktif"):
        value = draw(st.none() | st.booleans())
        if value is not None:
            act[flag] = value
    return act


@st.composite
def single_election_incidents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid incident with one election, written as one object (the old form)."""
    election = draw(elections())
    return {
        "id": "P-PEMILU",
        "responden": {"status_kepegawaian": draw(st.sampled_from(STATUS_KEPEGAWAIAN.values))},
        "pemilu": election,
        "tindakan": draw(st.lists(acts(), min_size=1, max_size=3)),
    }


@st.composite
def several_election_incidents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid incident with two to four named elections, each act naming one of them."""
    ids = draw(st.lists(election_ids, min_size=2, max_size=4, unique=True))
    listed = [{"id": id_, **draw(elections())} for id_ in ids]
    acts_ = [{**draw(acts()), "pemilu": draw(st.sampled_from(ids))} for _ in range(draw(st.integers(1, 4)))]
    return {
        "id": "P-SERENTAK",
        "responden": {"status_kepegawaian": draw(st.sampled_from(STATUS_KEPEGAWAIAN.values))},
        "pemilu": listed,
        "tindakan": acts_,
    }
