"""Shared pieces of the audit tests: the bundled rulebook, small registers, and an audit in one call."""

from __future__ import annotations

import functools
from typing import Any

from netralrules import load_rulebook
from netralrules.rulebook import Rulebook
from netralrules.tools.audit import AuditResult, AuditSettings, audit, sanction_kinds
from netralrules.tools.audit_generate import generate
from netralrules.tools.audit_input import Register, read_register


@functools.cache
def rulebook() -> Rulebook:
    return load_rulebook()


def read(name: str, text: str) -> Register:
    return read_register(name, text, sanction_kinds(rulebook()))


def run(name: str, text: str, settings: AuditSettings | None = None) -> AuditResult:
    return audit(read(name, text), rulebook(), settings)


@functools.cache
def synthetic(seed: int, cases: int, plant: bool) -> list[dict[str, Any]]:
    return generate(seed, cases, rulebook(), plant=plant)


HEADER = (
    "kasus,responden.status_kepegawaian,responden.pejabat_struktural,responden.instansi,pemilu.jenis,pemilu.tanggal_penetapan,"
)
HEADER += (
    "pemilu.kampanye_mulai,pemilu.kampanye_selesai,pemilu.tanggal_pemungutan,tanggal_laporan,tindakan.tanggal,tindakan.jenis,"
)
HEADER += "tindakan.atribut_partai,tindakan.atribut_pns,tindakan.fasilitas_negara,tindakan.mengerahkan_pns_lain,"
HEADER += (
    "rekomendasi.tanggal,rekomendasi.tingkat,penjatuhan.status,penjatuhan.tanggal,penjatuhan.tingkat,penjatuhan.jenis_hukuman"
)
ELECTION = "pilkada_bupati,2024-09-22,2024-09-25,2024-11-23,2024-11-27"


def row(
    case: str,
    *,
    attribute: str = "benar",
    facilities: str = "salah",
    status: str = "dijatuhkan",
    tier: str = "sedang",
    kind: str = "",
    structural: str = "salah",
    rec_date: str = "2024-11-01",
    imposed_date: str = "2024-12-01",
    act_date: str = "2024-10-12",
) -> str:
    imposed = status == "dijatuhkan"
    return (
        f"{case},PNS,{structural},Dinas Contoh,{ELECTION},2024-10-20,{act_date},ikut_kampanye,{attribute},salah,"
        f"{facilities},salah,{rec_date},sedang,{status},{imposed_date if imposed else ''},{tier if imposed else ''},{kind}"
    )
