"""Decisions and rulebooks as records other systems read: the summary a tombstone keeps, the
rulebook's instruments and provisions, report data, the HTML report, and the JSON Schema of a
decision (`netralrules schema --decision`, and the service's OpenAPI document). Pure; no I/O.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from netralrules.checker.procedures import EVENTS
from netralrules.evaluation.decision import ENGINE_VERSION
from netralrules.evaluation.determination import citation_json
from netralrules.explain.report import as_data
from netralrules.rulebook import Decision, Rulebook

DECISION_SCHEMA_VERSION = "1"
DECISION_SCHEMA_ID = f"tag:netralrules,2024:schema:decision:{DECISION_SCHEMA_VERSION}"

__all__ = [
    "DECISION_SCHEMA_ID",
    "ENGINE_VERSION",
    "as_data",
    "canonical_json",
    "decision_json_schema",
    "decision_summary",
    "html_report",
    "report_csp",
    "rulebook_data",
    "sha256",
]


def canonical_json(value: Any) -> str:
    """Compact JSON with sorted keys: the same value always gives the same bytes."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decision_summary(decision: dict[str, Any]) -> dict[str, Any]:
    """What a tombstone keeps of a decision: per track its status, tier and provisions, the
    supervisory body, and which acts were not assessed — no fact of the incident."""
    referral = decision.get("pengawasan")
    return {
        "rulebook": decision.get("rulebook"),
        "penetapan": [
            {"kategori": t["kategori"], "status": t["status"], "tingkat": t["tingkat"], "ketentuan": t["ketentuan"]}
            for t in decision.get("penetapan", [])
        ],
        "pengawasan": [body.get("nama") for body in referral.get("lembaga", [])] if isinstance(referral, dict) else None,
        # Which acts were not assessed (gaps): a tombstone must not read as "no violation" either.
        "kelengkapan": decision.get("kelengkapan"),
    }


def html_report(decision: Decision, lang: str, incident: object = None) -> str:
    """The self-contained HTML report of a decision made with its explanation."""
    from netralrules.explain.render.html import to_html

    return to_html(decision, lang, incident=incident)


def rulebook_data(rulebook: Rulebook) -> dict[str, Any]:
    """The rulebook's instruments and provisions: citation, statutory text, validity."""
    checked = rulebook.checked
    instruments = [
        {
            "id": name,
            "judul": i.title,
            "jenis": i.kind.name if i.kind is not None else None,
            "nomor": i.number,
            "tahun": i.year,
            "berlaku_sejak": i.in_force.value.isoformat() if i.in_force is not None else None,
            "dicabut_pada": i.repealed_on.value.isoformat() if i.repealed_on is not None else None,
        }
        for name, i in sorted(checked.instruments.items())
    ]
    provisions = [
        {
            "id": pid,
            "rujukan": citation_json(p.citation),
            "teks": p.text,
            "berlaku_sejak": p.validity.start.value.isoformat() if p.validity and p.validity.start else None,
            "berlaku_sampai": p.validity.end.value.isoformat() if p.validity and p.validity.end else None,
        }
        for pid, p in sorted(checked.provisions.items())
    ]
    return {"rulebook": rulebook.content_hash, "instrumen": instruments, "ketentuan": provisions}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


_STR = {"type": "string"}
_STRS = {"type": "array", "items": _STR}
_CITATION = _nullable({"type": "object", "required": ["instrumen", "urutan"], "properties": {"instrumen": _STR, "urutan": _STRS}})
_OUTCOME = {
    "type": "object",
    "required": ["ketentuan", "status"],
    "properties": {
        "ketentuan": _STR,
        "status": _STR,
        "alasan": _nullable(_STR),
        "dikecualikan_oleh": _STRS,
    },
}


def decision_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `Decision.to_dict()`, versioned by its `$id`. Objects
    may gain fields in later versions (additional properties are allowed); none is removed within
    a version."""
    finding = {
        "type": "object",
        "required": ["ketentuan", "kategori"],
        "properties": {
            "ketentuan": _STR,
            "rujukan": _CITATION,
            "teks": _nullable(_STR),
            "kategori": _STR,
            "tingkat": _nullable(_STR),
            "dasar_tingkat": _CITATION,
            "pilihan_sanksi": _STRS,
            "catatan": _nullable(_STR),
            "tingkat_tidak_diatur": {"type": "boolean"},
            "pembuktian": {"enum": ["terbukti", "dugaan"], "description": "terbukti: tindakan atau buktinya terverifikasi"},
            "tingkat_lain": {
                "type": "array",
                "description": "Bacaan lain atas tingkat yang diperdebatkan / other readings of a contested tier",
                "items": {
                    "type": "object",
                    "required": ["tingkat", "dasar_tingkat"],
                    "properties": {"tingkat": _STR, "dasar_tingkat": _CITATION, "pilihan_sanksi": _STRS},
                },
            },
        },
    }
    assessment = {
        "type": "object",
        "required": ["status", "celah", "jenis_celah", "alasan", "alasan_en"],
        "properties": {
            "status": {"enum": ["dinilai", "tidak_dinilai", "di_luar_asn"]},
            "celah": _STRS,
            "jenis_celah": _nullable({"enum": ["tidak_diatur", "diperdebatkan", "belum_dikodekan"]}),
            "alasan": _nullable(_STR),
            "alasan_en": _nullable(_STR),
        },
    }
    act = {
        "type": "object",
        # `ketentuan_dipertimbangkan` is left out of a compact batch record (`ringkas: true`).
        "required": ["indeks", "tanggal", "tahap_pemilu", "temuan"],
        "properties": {
            "indeks": {"type": "integer", "minimum": 0},
            "tanggal": {"type": "string", "format": "date"},
            "tahap_pemilu": _STR,
            # Only when the incident lists several elections: the act's election (docs/incident.md §3.2).
            "pemilu": {
                "type": "object",
                "required": ["id", "nama"],
                "properties": {"id": _STR, "nama": _nullable(_STR)},
                "additionalProperties": False,
            },
            "penilaian": _nullable(assessment),
            "temuan": {"type": "array", "items": finding},
            "ketentuan_dipertimbangkan": {"type": "array", "items": _OUTCOME},
        },
    }
    track = {
        "type": "object",
        "required": ["kategori", "status", "tingkat", "ketentuan", "alasan"],
        "properties": {
            "kategori": _STR,
            "status": _STR,
            "tingkat": _nullable(_STR),
            "ketentuan": _STRS,
            "alasan": {"type": "array"},
            # The repeat rule (disiplin): the lightest sanction type allowed, the options left, and
            # the unknown facts that would settle the track.
            "jenis_minimum": _nullable(_STR),
            "pilihan_sanksi": _STRS,
            "fakta_penentu": _STRS,
            "diperdebatkan": {"type": "boolean"},
            "tingkat_lain": _STRS,
        },
    }
    unresolved = {
        "type": "object",
        "required": ["ketentuan", "status", "tindakan", "fakta_penentu"],
        "properties": {**_OUTCOME["properties"], "tindakan": {"type": "integer"}, "fakta_penentu": _STRS},  # type: ignore[dict-item]
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": DECISION_SCHEMA_ID,
        "title": "Keputusan / Decision",
        "description": "Hasil penilaian satu perkara terhadap satu rulebook. / The outcome of one incident under one rulebook.",
        "type": "object",
        "required": ["mesin", "rulebook", "insiden", "tindakan", "penetapan", "pengawasan", "belum_terselesaikan"],
        "properties": {
            "mesin": {
                "type": "object",
                "required": ["nama", "versi"],
                "properties": {"nama": {"const": "netralrules"}, "versi": _STR},
            },
            "rulebook": {"type": "string", "pattern": "^sha256:[0-9a-f]{64}$"},
            "insiden": _STR,
            "tindakan": {"type": "array", "items": act},
            "penetapan": {"type": "array", "items": track},
            "pengawasan": _nullable({"type": "object"}),
            "belum_terselesaikan": {"type": "array", "items": unresolved},
            "kelengkapan": {
                "type": "object",
                "required": ["lengkap", "tidak_dinilai", "di_luar_asn"],
                "description": "Tindakan yang tidak dinilai (celah) / the acts not assessed (gaps)",
                "properties": {
                    "lengkap": {"type": "boolean"},
                    "tidak_dinilai": {"type": "array", "items": {"type": "integer"}},
                    "di_luar_asn": {"type": "array", "items": {"type": "integer"}},
                },
            },
            "lingkup": _nullable(
                {
                    "type": "object",
                    "required": ["status", "asn", "ketentuan_yang_mengatur"],
                    "properties": {"status": _STR, "asn": {"type": "boolean"}, "ketentuan_yang_mengatur": _STRS},
                }
            ),
            "prosedur": _nullable({"anyOf": [_procedure_schema(), _compact_procedure_schema()]}),
            "ringkas": {
                "const": True,
                "description": "Rekaman batch ringkas: tanpa `ketentuan_dipertimbangkan` per tindakan (`--outcomes all` "
                "memuatnya). / A compact batch record: no `ketentuan_dipertimbangkan` per act (`--outcomes all` keeps it).",
            },
            "penjelasan": {"type": "object", "description": "Grafik penjelasan (node-link) / the explanation graph (node-link)"},
        },
    }


# The register's event kinds: what a time limit counts from and to.
_EVENTS = list(EVENTS)


def _compact_procedure_schema() -> dict[str, Any]:
    """The procedure of a compact batch record: its data, without prose or sources."""
    return {
        "type": "object",
        "description": "Prosedur ringkas (rekaman batch) / the procedure of a compact batch record",
        "required": ["instrumen", "dasar", "tingkat", "tim_pemeriksa", "batas_waktu", "upaya_administratif", "ringkas"],
        "properties": {
            "instrumen": _STR,
            "dasar": _STR,
            "tingkat": _nullable(_STR),
            "tim_pemeriksa": {"type": "object", "required": ["status"]},
            "batas_waktu": {
                "type": "array",
                "items": {"type": "object", "required": ["kode", "jenis", "sejak", "sampai", "jumlah", "satuan"]},
            },
            "upaya_administratif": {"type": "array", "items": {"type": "object", "required": ["jenis"]}},
            "ringkas": {"const": True},
        },
    }


def _procedure_schema() -> dict[str, Any]:
    """The `prosedur` section (evaluation/procedure.py): null when no discipline, ethics or
    dismissal track applies or the respondent is not ASN."""
    sources = {"type": "array", "items": {"type": "object"}, "description": "sumber dan keandalannya / sources and reliability"}
    detail = {
        "uraian": _nullable(_STR),
        "uraian_en": _nullable(_STR),
        "rujukan": _nullable({"type": "string", "description": "e.g. `PP 94/2021 Pasal 26 ayat (1)`"}),
        "terbuka": {"type": "boolean", "description": "dasarnya tidak ditemukan / its basis was not found"},
        "sumber": sources,
    }
    needed = ["uraian", "uraian_en", "rujukan", "terbuka"]
    text_pair = {
        "type": "object",
        "required": ["uraian", "uraian_en"],
        "properties": {"uraian": _STR, "uraian_en": _nullable(_STR)},
    }
    team_statuses = ["wajib", "opsional", "tidak_disebut"]
    return {
        "type": "object",
        "description": "Apa yang harus terjadi selanjutnya / what must happen next",
        "required": [
            "instrumen",
            "dasar",
            "tingkat",
            "langkah",
            "tim_pemeriksa",
            "batas_waktu",
            "upaya_administratif",
            "alur",
            "terbuka",
        ],
        "properties": {
            "instrumen": _STR,
            "dasar": _STR,
            "jalur": {"enum": ["disiplin", "etik", "pemberhentian"], "description": "the track that chose the procedure"},
            "tingkat": _nullable(_STR),
            "tingkat_dibaca": {"type": "array", "items": _STR, "description": "both readings when the tier is contested"},
            "langkah": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["kode", "oleh", *needed],
                    "properties": {"kode": _STR, "oleh": _nullable(_STR), **detail},
                },
            },
            "tim_pemeriksa": {
                "type": "object",
                "required": ["status", *needed],
                "properties": {
                    "status": {"enum": [*team_statuses, "bergantung_bacaan", "bergantung_tingkat"]},
                    "per_tingkat": {"type": "object", "additionalProperties": {"enum": team_statuses}},
                    **detail,
                },
            },
            "batas_waktu": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["kode", "jenis", "sejak", "sampai", "jumlah", "satuan", *needed],
                    "properties": {
                        "kode": _STR,
                        "jenis": {"enum": ["paling_lambat", "pada_hari_ke"]},
                        "sejak": {"enum": _EVENTS},
                        "sampai": _nullable({"enum": _EVENTS}),
                        "jumlah": {"type": "integer", "minimum": 0},
                        "satuan": {"enum": ["hari_kerja", "hari_kalender"]},
                        **detail,
                    },
                },
            },
            "upaya_administratif": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["jenis", "kepada", *needed],
                    "properties": {
                        "jenis": {"enum": ["keberatan", "banding_administratif"]},
                        "kepada": _nullable(_STR),
                        "untuk": _STRS,
                        **detail,
                    },
                },
            },
            "alur": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["lembaga", "langkah"],
                    "properties": {"lembaga": _STR, "langkah": _STRS},
                },
            },
            "terbuka": {"type": "array", "items": text_pair},
        },
    }


def report_csp() -> str:
    """The Content-Security-Policy of the HTML report (its own style and script, by hash)."""
    from netralrules.explain.render.html.render import CSP

    return CSP
