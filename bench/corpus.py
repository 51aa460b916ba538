"""A seeded corpus of realistic incidents for the benchmark and the batch tests.

Each incident is what another system would send (a JSON-ready dict, dates as ISO text): one
respondent, one election with its key dates, 1 to 8 acts (mostly few, as real reports are). The mix
is tuned so that about 40% of incidents show no violation under the bundled rulebook and about 5%
leave a deciding fact unknown (null); `python bench/run.py` prints the measured shares.

The elections and people are illustrative, not real cases.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator
from typing import Any

D = datetime.date

# Illustrative election calendars (penetapan calon, campaign start and end, voting day).
ELECTIONS = (
    {
        "jenis": "pilkada_bupati",
        "tanggal_penetapan": D(2024, 9, 22),
        "kampanye_mulai": D(2024, 9, 25),
        "kampanye_selesai": D(2024, 11, 23),
        "tanggal_pemungutan": D(2024, 11, 27),
    },
    {
        "jenis": "pilkada_gubernur",
        "tanggal_penetapan": D(2024, 9, 22),
        "kampanye_mulai": D(2024, 9, 25),
        "kampanye_selesai": D(2024, 11, 23),
        "tanggal_pemungutan": D(2024, 11, 27),
    },
    {
        "jenis": "pemilu_presiden",
        "tanggal_penetapan": D(2023, 11, 13),
        "kampanye_mulai": D(2023, 11, 28),
        "kampanye_selesai": D(2024, 2, 10),
        "tanggal_pemungutan": D(2024, 2, 14),
    },
    {
        "jenis": "pemilu_dpr",
        "tanggal_penetapan": D(2023, 11, 4),
        "kampanye_mulai": D(2023, 11, 28),
        "kampanye_selesai": D(2024, 2, 10),
        "tanggal_pemungutan": D(2024, 2, 14),
    },
)
# Acts that the rules address, and acts seen in reports that are not violations by themselves.
RISKY = (
    "ikut_kampanye",
    "menjadi_tim_kampanye",
    "keputusan_atau_tindakan",
    "pertemuan",
    "ajakan",
    "himbauan",
    "seruan",
    "pemberian_barang",
    "surat_dukungan_ktp",
    "unggah_media_sosial",
    "foto_bersama_calon",
    "hadir_deklarasi",
)
FLAGS = ("atribut_partai", "atribut_pns", "mengerahkan_pns_lain", "fasilitas_negara", "menguntungkan_atau_merugikan_calon")
SASARAN = ("pns_unit_kerja", "anggota_keluarga", "masyarakat")
STATUSES = (("PNS", 82), ("CPNS", 5), ("PPPK", 7), ("honorer", 3), ("kepala_desa", 3))
UNKNOWABLE = (
    ("ikut_kampanye", "atribut_partai"),
    ("ikut_kampanye", "fasilitas_negara"),
    ("keputusan_atau_tindakan", "menguntungkan_atau_merugikan_calon"),
    ("ajakan", "sasaran"),
)


TOP_TYPE = {
    "ringan": "pernyataan tidak puas secara tertulis",
    "sedang": "pemotongan tunjangan kinerja sebesar 25% selama 12 bulan",
    "berat": "pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS",
}


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, D) else value


def incident(rng: random.Random, number: int) -> dict[str, Any]:
    """One incident. `number` names it (`BENCH-000042`)."""
    election = rng.choice(ELECTIONS)
    status = rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
    # About four in ten reports turn out to be no violation: a harmless act, or nothing proven.
    clean = rng.random() < 0.30
    unknown = rng.random() < 0.06
    n_acts = min(8, 1 + int(rng.expovariate(0.6)))
    acts = []
    for _ in range(n_acts):
        day = election["kampanye_mulai"] + datetime.timedelta(days=rng.randint(-40, 80))
        act: dict[str, Any] = {"tanggal": day, "jenis": rng.choice(RISKY)}
        for flag in FLAGS:
            act[flag] = False if clean else rng.random() < 0.22
        act["sasaran"] = (
            rng.choice(SASARAN) if act["jenis"] in {"pertemuan", "ajakan", "himbauan", "seruan", "pemberian_barang"} else None
        )
        if clean:
            # Reported, but no prohibited way of supporting a candidate is proven.
            act["jenis"] = rng.choice(("unggah_media_sosial", "foto_bersama_calon", "hadir_deklarasi", "keputusan_atau_tindakan"))
            act["sasaran"] = None
        act.update(
            {
                "persetujuan_tertulis_menteri": False,
                "dilakukan_sendiri": True,
                "jam_kerja": rng.random() < 0.3,
                "sedang_cuti": False,
                "terverifikasi": rng.random() < 0.5,
                "uraian": f"Laporan pengawas nomor {number}: {act['jenis'].replace('_', ' ')}.",
            }
        )
        acts.append(act)
    election = dict(election)
    if not clean:
        # A report that holds up: one act in the campaign, in a prohibited way.
        target = rng.choice(acts)
        target["tanggal"] = election["kampanye_mulai"] + datetime.timedelta(days=rng.randint(0, 50))
        target["jenis"] = rng.choice(("ikut_kampanye", "ikut_kampanye", "menjadi_tim_kampanye", "ajakan", "surat_dukungan_ktp"))
        target["sasaran"] = rng.choice(SASARAN) if target["jenis"] == "ajakan" else None
    if unknown:
        # A report that leaves one deciding fact open: the engine must say so, not guess.
        target = rng.choice(acts)
        target["tanggal"] = election["kampanye_mulai"] + datetime.timedelta(days=rng.randint(0, 50))
        target["jenis"], field = rng.choice(UNKNOWABLE)
        target[field] = None
        if rng.random() < 0.2:
            election["kampanye_selesai"] = None
    prior = []
    if rng.random() < 0.08:
        # The last sanction at the top of its tier, so that "heavier than the last" means the next
        # tier (rules/pp94_2021/pasal_08.nr, in the order written). A berat one is of another nature:
        # the top of berat has nothing heavier, and the peers' shared fold knows no sanction types.
        tier = rng.choice(("ringan", "sedang", "berat"))
        prior.append({"tanggal": D(2022, 5, 10), "tingkat": tier, "jenis_hukuman": TOP_TYPE[tier], "sifat_sama": tier != "berat"})
    return {
        "id": f"BENCH-{number:06d}",
        "pelapor": "Bawaslu (ilustrasi)",
        "responden": {
            "status_kepegawaian": status,
            "jenis_jabatan": rng.choice(("fungsional", "pelaksana", "administrator")),
            "pejabat_struktural": False,
            "pejabat_asn": False,
            "anggota_tim_kampanye": False,
            "sanksi_sebelumnya": [{k: _iso(v) for k, v in p.items()} for p in prior],
        },
        "pemilu": {k: _iso(v) for k, v in election.items()},
        "tindakan": [{k: _iso(v) for k, v in act.items()} for act in acts],
    }


def incidents(n: int, seed: int = 2024) -> Iterator[dict[str, Any]]:
    """`n` incidents, the same ones for the same seed, generated lazily (a million fit in no memory)."""
    rng = random.Random(seed)
    for number in range(n):
        yield incident(rng, number)
