"""A seeded synthetic register for the consistency audit: realistic proportions, fictional people
and places, and (optionally) known disparities planted in it, so that a test can check that the
audit finds what was planted and little else.

    records = generate(seed=7, cases=2000, rulebook=rulebook, plant=True)
    to_jsonl(records); to_csv(records)

The proportions follow published enforcement statistics (docs/enforcement.md lists each figure with
its public source):

- Kinds of conduct: KASN's breakdown for 2020–2022: social media 30.4%, partisan activities 22.4%,
  photos with a gesture 12.6%, attending declarations 10.9%, approaching parties 5.6%; the remaining
  18.1% is spread here over campaigning with or without attributes and party membership (that
  split is ours).
- Reported → recommended: KASN found 78.5% of reports proven in the 2020 Pilkada and 45.4% in
  Pemilu 2024; the generator uses 62%, between the two.
- Recommended → imposed: 56.9% (Pilkada 2020, interim), 70% (Pemilu 2024) and 90.8% (Pilkada 2020,
  final); the generator uses 70%. Of the rest, two in three still await the PPK and one in three
  were decided against: that split is an assumption (in December 2024 Kemendagri counted 436 cases
  awaiting the PPK against 19 punished, so waiting dominates).
- Lighter than the law: practice is reported to impose sedang where the SKB 2022 names berat, with
  no published rate; the generator uses 20% of the sanctions imposed, and 3% heavier. Both rates
  are assumptions, not statistics.
- Statuses, positions, agencies and regions: no published figures; the shares below are
  assumptions (mostly PNS, a quarter structural officials), and every name is fictional.
- Elections: Pilkada 2020, Pemilu 2024 (presidential) and Pilkada 2024, with their penetapan,
  campaign and voting dates.

Planted disparities (`plant=True`): structural officials get a lighter sanction than the law
requires in 55% of the sanctions imposed on them (20% for everyone else), and the agency
PLANTED_AGENCY imposes 25% of its recommendations (70% elsewhere).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from netralrules.evaluation.determination import ladders
from netralrules.facts import load_incident
from netralrules.rulebook import Rulebook
from netralrules.tools.audit import RANKS, Required, cache_key, required_of
from netralrules.tools.audit_input import ENFORCEMENT_FIELDS

PLANTED_AGENCY = "Dinas Pekerjaan Umum"
RECOMMEND_RATE = 0.62  # KASN: 78.5% (Pilkada 2020) and 45.4% (Pemilu 2024) of reports proven
IMPOSE_RATE = 0.70  # KASN: 56.9%, 70% and 90.8% of recommendations followed up
PLANTED_IMPOSE_RATE = 0.25
LIGHTER_RATE = 0.20  # assumption: lighter tiers are reported in practice, with no published rate
PLANTED_LIGHTER_RATE = 0.55
HEAVIER_RATE = 0.03  # assumption

ELECTIONS: tuple[dict[str, Any], ...] = (  # the KPU calendars of the three elections
    {
        "jenis": "pilkada_bupati",
        "tanggal_penetapan": "2020-09-23",
        "kampanye_mulai": "2020-09-26",
        "kampanye_selesai": "2020-12-05",
        "tanggal_pemungutan": "2020-12-09",
        "nama": "Pilkada Kabupaten 2020",
    },
    {
        "jenis": "pemilu_presiden",
        "tanggal_penetapan": "2023-11-13",
        "kampanye_mulai": "2023-11-28",
        "kampanye_selesai": "2024-02-10",
        "tanggal_pemungutan": "2024-02-14",
        "nama": "Pemilu Presiden 2024",
    },
    {
        "jenis": "pilkada_bupati",
        "tanggal_pendaftaran": "2024-08-27",
        "tanggal_penetapan": "2024-09-22",
        "kampanye_mulai": "2024-09-25",
        "kampanye_selesai": "2024-11-23",
        "tanggal_pemungutan": "2024-11-27",
        "nama": "Pilkada Kabupaten 2024",
    },
)
ELECTION_WEIGHTS = (0.35, 0.25, 0.40)

# (weight, act fields, when): "before" = before penetapan (a bakal calon), "campaign" = in the campaign.
CONDUCT: tuple[tuple[float, dict[str, Any], str], ...] = (
    (0.122, {"jenis": "unggah_media_sosial", "platform_media_sosial": "facebook"}, "before"),  # social media 30.4%
    (0.091, {"jenis": "komentar_media_sosial", "platform_media_sosial": "instagram", "dukungan_aktif": True}, "campaign"),
    (0.091, {"jenis": "suka_media_sosial", "platform_media_sosial": "instagram"}, "campaign"),
    (
        0.112,
        {
            "jenis": "ikut_kampanye",
            "atribut_partai": True,
            "atribut_pns": False,
            "fasilitas_negara": False,
            "mengerahkan_pns_lain": False,
        },
        "campaign",
    ),
    (0.056, {"jenis": "keputusan_atau_tindakan", "menguntungkan_atau_merugikan_calon": True}, "campaign"),  # partisan 22.4%
    (
        0.056,
        {
            "jenis": "ikut_kampanye",
            "atribut_partai": False,
            "atribut_pns": False,
            "fasilitas_negara": True,
            "mengerahkan_pns_lain": False,
        },
        "campaign",
    ),
    (0.126, {"jenis": "foto_bersama_calon", "simbol_keberpihakan": True}, "campaign"),  # photos 12.6%
    (0.109, {"jenis": "hadir_deklarasi"}, "before"),  # declarations 10.9%
    (0.056, {"jenis": "mendekati_partai"}, "before"),  # approaching parties 5.6%
    (
        0.081,
        {
            "jenis": "ikut_kampanye",
            "atribut_partai": False,
            "atribut_pns": False,
            "fasilitas_negara": False,
            "mengerahkan_pns_lain": False,
        },
        "campaign",
    ),
    (
        0.080,
        {
            "jenis": "ikut_kampanye",
            "atribut_partai": False,
            "atribut_pns": True,
            "fasilitas_negara": False,
            "mengerahkan_pns_lain": False,
        },
        "campaign",
    ),
    (0.020, {"jenis": "menjadi_anggota_partai"}, "before"),  # the rest of the 18.1%
)
STATUSES = (("PNS", 0.85), ("PPPK", 0.10), ("CPNS", 0.05))  # assumption
POSITIONS = (  # assumption: (jenis_jabatan, structural, weight, example position)
    ("fungsional", False, 0.45, "Guru Ahli Pertama"),
    ("pelaksana", False, 0.30, "Pengadministrasi Umum"),
    ("pengawas", True, 0.12, "Kepala Seksi"),
    ("administrator", True, 0.09, "Camat"),
    ("jabatan_pimpinan_tinggi", True, 0.04, "Kepala Dinas"),
)
AGENCIES = (
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    PLANTED_AGENCY,
    "Sekretariat Daerah",
    "Kecamatan",
    "Dinas Sosial",
    "Badan Kepegawaian Daerah",
    "Dinas Perhubungan",
)
REGIONS = (
    "Kabupaten Contoh Barat",
    "Kabupaten Contoh Timur",
    "Kota Contoh",
    "Kabupaten Contoh Utara",
    "Kabupaten Contoh Selatan",
)
SUPERVISORS = {"2020": "KASN", "2023": "KASN", "2024": "BKN"}


def _pick(rng: random.Random, options: Sequence[Any], weights: Sequence[float]) -> Any:
    return rng.choices(options, weights=weights, k=1)[0]


def _date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _act_date(rng: random.Random, election: Mapping[str, Any], when: str) -> datetime.date:
    penetapan = _date(election["tanggal_penetapan"])
    if when == "before":
        return penetapan - datetime.timedelta(days=rng.randint(3, 40))
    start, end = _date(election["kampanye_mulai"]), _date(election["kampanye_selesai"])
    return start + datetime.timedelta(days=rng.randint(0, (end - start).days))


class _Ladders:
    """The rulebook's sanction types per tier, per instrument, to draw a type from."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.ladders = list(ladders(rulebook.checked.sanction_tables).values())
        self.kinds = {kind for ladder in self.ladders for kind, _ in ladder}

    def for_options(self, options: Sequence[str]) -> Sequence[tuple[str, str]]:
        for ladder in self.ladders:
            if any(kind in options for kind, _ in ladder):
                return [(k, str(t)) for k, t in ladder]
        return [(k, str(t)) for k, t in self.ladders[0]] if self.ladders else []


_LEVELS = {rank: level for level, rank in RANKS.items()}


def _imposed(rng: random.Random, required: Required, shift: int, ladders_: _Ladders) -> dict[str, Any]:
    """The sanction imposed: the law's level moved by `shift` (−1 lighter, +1 heavier)."""
    rank = max(1, min(5, required.rank + shift))
    level = _LEVELS[rank]
    if level == "pemberhentian":
        return {"kategori": "pemberhentian", "jenis_hukuman": None}
    if level == "etik":
        kind = rng.choice(required.options) if required.options and shift == 0 else None
        return {"kategori": "etik", "jenis_hukuman": kind}
    listed = [o for o in required.options if o in ladders_.kinds]  # PPPK: types set by the agency, not listed
    if shift == 0:
        return {"kategori": "disiplin", "tingkat": level, "jenis_hukuman": rng.choice(listed) if listed else None}
    rungs = [k for k, t in ladders_.for_options(listed) if t == level] if listed else []
    return {"kategori": "disiplin", "tingkat": level, "jenis_hukuman": rng.choice(rungs) if rungs else None}


def generate(seed: int, cases: int, rulebook: Rulebook, *, plant: bool = True) -> list[dict[str, Any]]:
    """`cases` synthetic cases in the JSON lines form (docs/enforcement.md), the same for the same
    seed, rulebook and `plant`."""
    rng = random.Random(seed)
    ladders_ = _Ladders(rulebook)
    cache: dict[str, Required] = {}
    out: list[dict[str, Any]] = []
    weights = [w for w, _, _ in CONDUCT]
    for number in range(1, cases + 1):
        election = _pick(rng, ELECTIONS, ELECTION_WEIGHTS)
        _, fields, when = _pick(rng, CONDUCT, weights)
        status = _pick(rng, [s for s, _ in STATUSES], [w for _, w in STATUSES])
        kind, structural, _, position = _pick(rng, POSITIONS, [p[2] for p in POSITIONS])
        agency = rng.choice(AGENCIES)
        region = rng.choice(REGIONS)
        act_date = _act_date(rng, election, when)
        reported = act_date + datetime.timedelta(days=rng.randint(2, 20))
        case_id = f"SINTETIS-{seed}-{number:06d}"
        incident = {
            "id": case_id,
            "pelapor": "Bawaslu " + region,
            "tanggal_laporan": reported.isoformat(),
            "responden": {
                "status_kepegawaian": status,
                "jenis_jabatan": kind,
                "jabatan": position,
                "pejabat_struktural": structural,
                "instansi": agency,
            },
            "pemilu": {**election, "wilayah": region},
            "tindakan": [
                {"tanggal": act_date.isoformat(), **fields, "dilakukan_sendiri": True, "terverifikasi": True},
            ],
        }
        key = cache_key(incident)
        required = cache.get(key)
        if required is None:
            required = required_of(rulebook.decide(load_incident(incident), explain=False))
            cache[key] = required
        record: dict[str, Any] = {"kasus": case_id, "wilayah": region, "insiden": incident}
        supervisor = SUPERVISORS.get(election["tanggal_pemungutan"][:4], "BKN")
        recommended = required.rank > 0 and required.status == "pasti" and rng.random() < RECOMMEND_RATE
        if recommended:
            rec_date = reported + datetime.timedelta(days=rng.randint(10, 60))
            level = required.level
            record["rekomendasi"] = {
                "tanggal": rec_date.isoformat(),
                "oleh": supervisor,
                "kategori": level if level in ("etik", "pemberhentian") else "disiplin",
                **({"tingkat": level} if level in ("ringan", "sedang", "berat") else {}),
            }
            rate = PLANTED_IMPOSE_RATE if plant and agency == PLANTED_AGENCY else IMPOSE_RATE
            if rng.random() < rate:
                lighter = PLANTED_LIGHTER_RATE if plant and structural else LIGHTER_RATE
                draw = rng.random()
                shift = -1 if draw < lighter and required.rank > 1 else (1 if draw > 1 - HEAVIER_RATE else 0)
                imposed = _imposed(rng, required, shift, ladders_)
                when_imposed = rec_date + datetime.timedelta(days=rng.randint(14, 120))
                record["penjatuhan"] = {
                    "status": "dijatuhkan",
                    "tanggal": when_imposed.isoformat(),
                    "oleh": "PPK " + region,
                    **{k: v for k, v in imposed.items() if v is not None},
                }
            elif rng.random() < 1 / 3:
                record["penjatuhan"] = {
                    "status": "tidak_dijatuhkan",
                    "tanggal": (rec_date + datetime.timedelta(days=rng.randint(14, 90))).isoformat(),
                    "oleh": "PPK " + region,
                    "alasan": "tidak ditindaklanjuti",
                }
            else:
                record["penjatuhan"] = {"status": "menunggu"}
        out.append(record)
    return out


def to_jsonl(records: Iterable[Mapping[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)


def csv_columns() -> list[str]:
    return [
        "kasus",
        "wilayah",
        "pelapor",
        "tanggal_laporan",
        "responden.status_kepegawaian",
        "responden.jenis_jabatan",
        "responden.jabatan",
        "responden.pejabat_struktural",
        "responden.instansi",
        "pemilu.jenis",
        "pemilu.nama",
        "pemilu.tanggal_pendaftaran",
        "pemilu.tanggal_penetapan",
        "pemilu.kampanye_mulai",
        "pemilu.kampanye_selesai",
        "pemilu.tanggal_pemungutan",
        "pemilu.wilayah",
        "tindakan.tanggal",
        "tindakan.jenis",
        "tindakan.atribut_partai",
        "tindakan.atribut_pns",
        "tindakan.fasilitas_negara",
        "tindakan.mengerahkan_pns_lain",
        "tindakan.dukungan_aktif",
        "tindakan.simbol_keberpihakan",
        "tindakan.menguntungkan_atau_merugikan_calon",
        "tindakan.platform_media_sosial",
        "tindakan.dilakukan_sendiri",
        "tindakan.terverifikasi",
        *(f"{group}.{name}" for group, names in ENFORCEMENT_FIELDS.items() for name in names),
    ]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "benar" if value else "salah"
    return str(value)


def to_csv(records: Iterable[Mapping[str, Any]]) -> str:
    """The CSV form: one act per row; case fields repeated on every row of a case."""
    columns = csv_columns()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        incident = record["insiden"]
        base: dict[str, Any] = {"kasus": record["kasus"], "wilayah": record.get("wilayah")}
        for key in ("pelapor", "tanggal_laporan"):
            base[key] = incident.get(key)
        for root in ("responden", "pemilu"):
            for key, value in (incident.get(root) or {}).items():
                base[f"{root}.{key}"] = value
        for group in ENFORCEMENT_FIELDS:
            for key, value in (record.get(group) or {}).items():
                base[f"{group}.{key}"] = value
        for act in incident["tindakan"]:
            row = dict(base)
            row.update({f"tindakan.{k}": v for k, v in act.items()})
            writer.writerow([_cell(row.get(c)) for c in columns])
    return buffer.getvalue()
