"""One fixed subset of the law, encoded four ways, for the side-by-side benchmark.

The subset: PP 94/2021 Pasal 5 huruf n angka 1-7 with their tiers (Pasal 13 huruf g, Pasal 14
huruf i), the exceptions of angka 2-4 to angka 1, and the heaviest-tier and repeat rules of the
determination: exactly what those rules files say and what netralrules decides from them. The
answer compared is the discipline track of an incident: `determined:berat`, `unresolved:-`, …

- `netralrules`: the engine with `rules/pp94_2021/` {instrumen, pasal_05_huruf_n, pasal_08}.nr;
- `hand_written`: a plain Python function over the incident dict (the ceiling);
- `rule-engine` and `zen-engine`: each provision's condition in the peer's own language, evaluated
  per act; a shared Python fold (`fold`) then applies what these engines have no words for
  (force in time, who the rule binds, exceptions, the heaviest tier, repeat offences), the same
  fold for both, so they differ only where the engines differ.

Unknown facts (null) follow netralrules' three-valued logic: a comparison with an unknown fact is
unknown, `dan`/`atau` are Kleene's. For the peers each condition is written as two expressions, one
true when the condition is surely true and one when it is surely false; neither means unknown.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

IN_FORCE = "2021-08-31"  # PP 94/2021, berlaku sejak (rules/pp94_2021/instrumen.nr)
BOUND = frozenset({"PNS", "CPNS"})  # `untuk PNS, CPNS`
TIERS = ("ringan", "sedang", "berat")
PROVISIONS = ("n.1", "n.2", "n.3", "n.4", "n.5", "n.6", "n.7")
TIER = {"n.1": None, "n.2": "sedang", "n.3": "berat", "n.4": "berat", "n.5": "berat", "n.6": "berat", "n.7": "berat"}
EXCEPTED_BY = {"n.1": ("n.2", "n.3", "n.4")}
ACTIVITIES = ("pertemuan", "ajakan", "himbauan", "seruan", "pemberian_barang")
TARGETS = ("pns_unit_kerja", "anggota_keluarga", "masyarakat")

# ---- the conditions, once, as a small tree both peers' encodings are generated from ------------
# ("and", a, b, …) | ("or", a, b, …) | ("jenis", value…) | ("flag", name) | ("sasaran", value…)
# | ("masa_kampanye",) | ("calon_ditetapkan",)
Cond = tuple[Any, ...]
PESERTA: Cond = ("and", ("jenis", "ikut_kampanye", "menjadi_tim_kampanye"), ("masa_kampanye",))
CONDITIONS: dict[str, Cond] = {
    "n.1": ("and", ("jenis", "ikut_kampanye"), ("masa_kampanye",)),
    "n.2": ("and", PESERTA, ("or", ("flag", "atribut_partai"), ("flag", "atribut_pns"))),
    "n.3": ("and", PESERTA, ("flag", "mengerahkan_pns_lain")),
    "n.4": ("and", PESERTA, ("flag", "fasilitas_negara")),
    "n.5": ("and", ("jenis", "keputusan_atau_tindakan"), ("flag", "menguntungkan_atau_merugikan_calon"), ("calon_ditetapkan",)),
    "n.6": ("and", ("jenis", *ACTIVITIES), ("sasaran", *TARGETS), ("calon_ditetapkan",)),
    "n.7": ("jenis", "surat_dukungan_ktp"),
}


def _strings(values: Sequence[str]) -> str:
    return "[" + ", ".join(json.dumps(v) for v in values) + "]"


def expression(cond: Cond, want: bool) -> str:
    """The condition as one boolean expression of rule-engine and zen-engine (their syntax agrees
    on what is used here): true when the condition surely has the value `want`."""
    kind = cond[0]
    if kind in ("and", "or"):
        parts = [expression(c, want) for c in cond[1:]]
        joiner = " and " if (kind == "and") == want else " or "
        return "(" + joiner.join(parts) + ")"
    if kind == "jenis":
        test = f"jenis in {_strings(cond[1:])}"
        return test if want else f"not ({test})"
    if kind == "flag":
        return f"{cond[1]} == {'true' if want else 'false'}"
    if kind == "sasaran":
        test = f"sasaran in {_strings(cond[1:])}"
        return f"(sasaran != null and {test if want else f'not ({test})'})"
    if kind == "masa_kampanye":
        test = "mulai <= tanggal and tanggal <= selesai"
        return f"(mulai != null and selesai != null and {test if want else f'not ({test})'})"
    if kind == "calon_ditetapkan":
        return f"(penetapan != null and {'tanggal >= penetapan' if want else 'tanggal < penetapan'})"
    raise AssertionError(kind)


def _day(text: object) -> int | None:
    return None if text is None else datetime.date.fromisoformat(str(text)).toordinal()


def act_context(incident: Mapping[str, Any], act: Mapping[str, Any]) -> dict[str, Any]:
    """What the peers' expressions read for one act: flat, dates as day numbers, null for unknown."""
    election = incident.get("pemilu") or {}
    ctx = {
        name: act.get(name)
        for name in (
            "jenis",
            "atribut_partai",
            "atribut_pns",
            "mengerahkan_pns_lain",
            "fasilitas_negara",
            "menguntungkan_atau_merugikan_calon",
            "sasaran",
        )
    }
    ctx.update(
        tanggal=_day(act["tanggal"]),
        mulai=_day(election.get("kampanye_mulai")),
        selesai=_day(election.get("kampanye_selesai")),
        penetapan=_day(election.get("tanggal_penetapan")),
    )
    return ctx


def fold(incident: Mapping[str, Any], per_act: Sequence[Mapping[str, bool | None]]) -> str:
    """Condition values per act (True, False, None for unknown) → the discipline track, as
    netralrules' evaluator and determination compute it for this subset."""
    status = (incident.get("responden") or {}).get("status_kepegawaian")
    applies = None if status is None else status in BOUND
    found: list[str] = []  # fired provisions, all acts
    pending: list[str] = []  # undecided provisions, all acts
    for act, values in zip(incident["tindakan"], per_act, strict=True):
        if act["tanggal"] < IN_FORCE or applies is False:
            continue
        outcome: dict[str, str] = {}
        for pid in reversed(PROVISIONS):  # exceptions (angka 2-4) before what they except (angka 1)
            value = values[pid]
            exceptions = [outcome[e] for e in EXCEPTED_BY.get(pid, ())]
            if value is False:
                outcome[pid] = "no"
            elif "fired" in exceptions:
                outcome[pid] = "defeated"
            elif value is None or applies is None or "unknown" in exceptions:
                outcome[pid] = "unknown"
            else:
                outcome[pid] = "fired"
        found += [p for p, o in outcome.items() if o == "fired"]
        pending += [p for p, o in outcome.items() if o == "unknown"]
    return _determine(found, pending, (incident.get("responden") or {}).get("sanksi_sebelumnya") or [])


def _determine(found: Sequence[str], pending: Sequence[str], prior: Sequence[Mapping[str, Any]]) -> str:
    tiers = [TIER[p] for p in found if TIER[p] is not None]
    known = max((TIERS.index(t) for t in tiers if t is not None), default=-1)
    still_open = any(TIER[p] is None or TIERS.index(TIER[p] or "") > known for p in pending)
    if not found:
        return "unresolved:-" if still_open else "none:-"
    heaviest = max(tiers, key=lambda t: TIERS.index(t or "")) if tiers else None
    last = _last_prior(prior)
    if heaviest is not None and last is not None and TIERS.index(heaviest) <= TIERS.index(last):
        heaviest = TIERS[min(TIERS.index(last) + 1, len(TIERS) - 1)]
    untiered = any(TIER[p] is None for p in found)
    if (untiered or still_open) and heaviest != "berat":
        return f"unresolved:{heaviest or '-'}"
    return f"determined:{heaviest}"


def _last_prior(prior: Sequence[Mapping[str, Any]]) -> str | None:
    # Of the same nature as stated (`sifat_sama`); the corpus gives the top type of the tier, so the
    # type after it is the first of the next tier (the rulebook's ladder, determination.py).
    same = [p for p in prior if p.get("tanggal") and p.get("tingkat") in TIERS and p.get("sifat_sama") is True]
    return str(max(same, key=lambda p: str(p["tanggal"]))["tingkat"]) if same else None


# ---- the ceiling: a plain function ---------------------------------------------------------------
def hand_written(incident: Mapping[str, Any]) -> str:
    """The subset as a programmer would write it by hand for this one job (ISO dates compare as text)."""
    election = incident.get("pemilu") or {}
    start, end, fixed = election.get("kampanye_mulai"), election.get("kampanye_selesai"), election.get("tanggal_penetapan")
    per_act = []
    for act in incident["tindakan"]:
        day, kind, sasaran = act["tanggal"], act["jenis"], act.get("sasaran")
        masa = None if start is None or end is None else start <= day <= end
        ditetapkan = None if fixed is None else day >= fixed
        peserta = _and(kind in ("ikut_kampanye", "menjadi_tim_kampanye"), masa)
        partai, pns = act.get("atribut_partai"), act.get("atribut_pns")
        attribute = True if partai or pns else (None if partai is None or pns is None else False)
        per_act.append(
            {
                "n.1": _and(kind == "ikut_kampanye", masa),
                "n.2": _and(peserta, attribute),
                "n.3": _and(peserta, act.get("mengerahkan_pns_lain")),
                "n.4": _and(peserta, act.get("fasilitas_negara")),
                "n.5": _and(_and(kind == "keputusan_atau_tindakan", act.get("menguntungkan_atau_merugikan_calon")), ditetapkan),
                "n.6": _and(_and(kind in ACTIVITIES, None if sasaran is None else sasaran in TARGETS), ditetapkan),
                "n.7": kind == "surat_dukungan_ktp",
            }
        )
    return fold(incident, per_act)


def hand_written_tight(incident: Mapping[str, Any]) -> str:
    """The subset as a tight function: one pass over the acts, the outcomes of the seven provisions
    and the determination inline, no dicts per act and no shared fold (the ceiling of issue 14's
    "≤ 3× a tight hand-written function"). The equivalence gate checks it against the others."""
    respondent = incident.get("responden") or {}
    status = respondent.get("status_kepegawaian")
    if status is not None and status not in BOUND:
        return "none:-"  # binds no one here: every provision is not applicable
    open_ = status is None  # who the provisions bind is unknown: nothing can fire, all may
    election = incident.get("pemilu") or {}
    start, end, fixed = election.get("kampanye_mulai"), election.get("kampanye_selesai"), election.get("tanggal_penetapan")
    known = -1  # the heaviest tier fired (index in TIERS), -1: none
    untiered = fired_any = False  # n.1 fired (no tier); anything fired
    waiting = -1  # the heaviest tier still undecided; 3 for n.1 (no tier: could be anything)
    for act in incident["tindakan"]:
        day = act["tanggal"]
        if day < IN_FORCE:
            continue
        kind = act["jenis"]
        masa = None if start is None or end is None else start <= day <= end
        ditetapkan = None if fixed is None else day >= fixed
        peserta = masa if kind == "ikut_kampanye" or kind == "menjadi_tim_kampanye" else False
        if peserta is False:
            v2 = v3 = v4 = False
        else:
            partai, pns = act.get("atribut_partai"), act.get("atribut_pns")
            flag = True if partai or pns else (None if partai is None or pns is None else False)
            v2 = _and(peserta, flag)
            v3, v4 = _and(peserta, act.get("mengerahkan_pns_lain")), _and(peserta, act.get("fasilitas_negara"))
        v1 = masa if kind == "ikut_kampanye" else False
        v5 = _and(act.get("menguntungkan_atau_merugikan_calon"), ditetapkan) if kind == "keputusan_atau_tindakan" else False
        if kind in ACTIVITIES:
            sasaran = act.get("sasaran")
            v6 = _and(None if sasaran is None else sasaran in TARGETS, ditetapkan)
        else:
            v6 = False
        v7 = kind == "surat_dukungan_ktp"
        # n.2-n.7: no exceptions; n.2 sedang, the others berat.
        for value, tier in ((v2, 1), (v3, 2), (v4, 2), (v5, 2), (v6, 2), (v7, 2)):
            if value is False:
                continue
            if value is None or open_:
                waiting = max(waiting, tier)
            else:
                fired_any = True
                known = max(known, tier)
        # n.1, excepted by n.2-n.4.
        defeated = not open_ and (v2 is True or v3 is True or v4 is True)
        if v1 is not False and not defeated:
            if v1 is None or open_ or v2 is None or v3 is None or v4 is None:
                waiting = 3
            else:
                fired_any = untiered = True
    still_open = waiting > known
    if not fired_any:
        return "unresolved:-" if still_open else "none:-"
    heaviest = known
    if heaviest >= 0:
        last, last_day = -1, ""
        for p in respondent.get("sanksi_sebelumnya") or ():
            tingkat, tanggal = p.get("tingkat"), p.get("tanggal")
            if tanggal and tingkat in TIERS and p.get("sifat_sama") is True and str(tanggal) > last_day:
                last, last_day = TIERS.index(tingkat), str(tanggal)
        if last >= heaviest:
            heaviest = min(last + 1, 2)
    shown = TIERS[heaviest] if heaviest >= 0 else "-"
    if (untiered or still_open) and heaviest != 2:
        return f"unresolved:{shown}"
    return f"determined:{shown}"


def _and(a: bool | None, b: bool | None) -> bool | None:
    if a is False or b is False:
        return False
    return None if a is None or b is None else True


# ---- the peers -------------------------------------------------------------------------------------
def rule_engine_evaluator() -> Callable[[Mapping[str, Any]], str]:
    """rule-engine (pure Python): two compiled rules per provision."""
    import rule_engine

    rules = {
        pid: (rule_engine.Rule(expression(c, True)), rule_engine.Rule(expression(c, False))) for pid, c in CONDITIONS.items()
    }

    def run(incident: Mapping[str, Any]) -> str:
        per_act = []
        for act in incident["tindakan"]:
            ctx = act_context(incident, act)
            per_act.append(
                {pid: True if yes.matches(ctx) else False if no.matches(ctx) else None for pid, (yes, no) in rules.items()}
            )
        return fold(incident, per_act)

    return run


def zen_decision() -> dict[str, Any]:
    """The subset as a zen-engine decision: one decision table (hit policy `collect`), a row per
    provision and value, the cell the condition's expression."""
    rows = []
    for pid, cond in CONDITIONS.items():
        for want in (True, False):
            rows.append(
                {
                    "_id": f"{pid}-{want}",
                    "kondisi": expression(cond, want),
                    "ketentuan": json.dumps(pid),
                    "nilai": "true" if want else "false",
                }
            )
    table = {
        "hitPolicy": "collect",
        "inputs": [{"id": "kondisi", "name": "kondisi"}],
        "outputs": [
            {"id": "ketentuan", "name": "ketentuan", "field": "ketentuan"},
            {"id": "nilai", "name": "nilai", "field": "nilai"},
        ],
        "rules": rows,
    }
    at = {"x": 0, "y": 0}
    return {
        "nodes": [
            {"id": "masuk", "type": "inputNode", "name": "masuk", "position": at},
            {"id": "tabel", "type": "decisionTableNode", "name": "pasal5n", "position": at, "content": table},
            {"id": "keluar", "type": "outputNode", "name": "keluar", "position": at},
        ],
        "edges": [
            {"id": "e1", "sourceId": "masuk", "targetId": "tabel", "type": "edge"},
            {"id": "e2", "sourceId": "tabel", "targetId": "keluar", "type": "edge"},
        ],
    }


def zen_evaluator() -> Callable[[Mapping[str, Any]], str]:
    """zen-engine (Rust core): the decision table, evaluated once per act."""
    import zen

    decision = zen.ZenEngine().create_decision(json.dumps(zen_decision()))

    def run(incident: Mapping[str, Any]) -> str:
        per_act = []
        for act in incident["tindakan"]:
            values: dict[str, bool | None] = dict.fromkeys(PROVISIONS)
            for row in decision.evaluate(act_context(incident, act))["result"]:
                values[row["ketentuan"]] = row["nilai"]
            per_act.append(values)
        return fold(incident, per_act)

    return run


def netralrules_answer(decision: Any) -> str:
    """The discipline track of a netralrules decision, in the same words."""
    track = next(t for t in decision.determination.tracks if t.category == "disiplin")
    return f"{'determined' if track.status == 'determined' else track.status}:{track.tier or '-'}"
