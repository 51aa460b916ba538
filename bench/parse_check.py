"""Benchmark: parse + check of a generated 1,000-clause rulebook, and of the bundled rulebook.

Side by side in the same run, the baseline is stock Lark on the same grammar and text: LALR with
its contextual lexer and positions on every node, building a parse tree only (no AST, no checks).
Our parse uses a faster lexer and computes spans lazily, then builds the AST; check follows.

    python bench/parse_check.py [--clauses 1000] [--repeat 7]

Targets (issue 2): under 1 s for 1,000 clauses on one core; the bundled rulebook under 150 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable

from lark import Lark

from netralrules.authoring import check_paths
from netralrules.checker import check
from netralrules.resources import default_rulebook_path, grammar_path
from netralrules.syntax.loader import load_text
from netralrules.syntax.parser import _parser

_ACTS = ["ikut_kampanye", "menjadi_tim_kampanye", "pertemuan", "ajakan", "seruan", "surat_dukungan_ktp"]
_FLAGS = ["atribut_partai", "atribut_pns", "mengerahkan_pns_lain", "fasilitas_negara", "menguntungkan_atau_merugikan_calon"]
_TIERS = ["ringan", "sedang", "berat"]


def generate(clauses: int, seed: int = 2024) -> str:
    """A realistic rulebook: one instrument, sanction tables, a few definitions, many provisions."""
    rng = random.Random(seed)
    out = [
        'instrumen PP_BENCH { judul "Instrumen uji" jenis PP nomor 1 tahun 2021 berlaku sejak 2021-08-31 }',
        "definisi masa_kampanye = tindakan.tanggal antara pemilu.kampanye_mulai sampai pemilu.kampanye_selesai",
        "definisi calon_sudah_ditetapkan = tindakan.tanggal >= pemilu.tanggal_penetapan",
    ]
    out += [f'hukuman PP_BENCH tingkat {t} {{ rujukan PP_BENCH pasal 8 ayat (1) sanksi "jenis {t}" }}' for t in _TIERS]
    for i in range(clauses):
        acts = ", ".join(rng.sample(_ACTS, 2))
        flags = " atau ".join(f"tindakan.{f}" for f in rng.sample(_FLAGS, 2))
        extra = rng.choice(
            [
                "masa_kampanye",
                "calon_sudah_ditetapkan",
                "tindakan.tanggal dalam_waktu 6 bulan sebelum pemilu.tanggal_penetapan",
                "tidak (ada s dalam responden.sanksi_sebelumnya yang (s.tingkat = berat))",
            ]
        )
        out.append(
            f"""ketentuan bench.k{i} {{
  rujukan PP_BENCH pasal {i // 20 + 1} huruf {"abcdefghijklmnopqrst"[i % 20]} angka {i % 7 + 1}
  teks "Ketentuan uji nomor {i}."
  untuk PNS, CPNS
  jika tindakan.jenis dalam {{{acts}}} dan ({flags}) dan {extra} dan tindakan.tanggal - 30 hari > 2021-01-{i % 28 + 1:02d}
  maka disiplin tingkat {rng.choice(_TIERS)} menurut PP_BENCH pasal 14 huruf i angka {i % 5 + 1}
}}"""
        )
    return "\n\n".join(out) + "\n"


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def row(name: str, times: list[float]) -> str:
    return f"{name:<44} median {statistics.median(times) * 1000:8.1f} ms   min {min(times) * 1000:8.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clauses", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    _parser()
    build = time.perf_counter() - start
    stock = Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr", lexer="contextual", propagate_positions=True)

    text = generate(args.clauses)
    loaded = load_text(text, "bench.nr")
    result = check(loaded.files)
    assert loaded.ok and result.ok, [d.message.en for d in (*loaded.diagnostics, *result.diagnostics)][:5]

    print(f"python {sys.version.split()[0]}; {args.clauses} clauses, {len(text) / 1024:.0f} KiB, {len(text.splitlines())} lines")
    print(f"{'grammar build (once per process)':<44} {build * 1000:8.1f} ms")
    base = timed(lambda: stock.parse(text), args.repeat)
    parse = timed(lambda: load_text(text, "bench.nr"), args.repeat)
    chk = timed(lambda: check(loaded.files), args.repeat)
    total = timed(lambda: check(load_text(text, "bench.nr").files), args.repeat)
    print(row("baseline: stock Lark parse (tree only)", base))
    print(row("parse (Lark + AST + comments)", parse))
    print(row("check", chk))
    print(row(f"parse + check, {args.clauses} clauses", total))
    print(f"{'parse + check / stock Lark parse alone':<44} x{statistics.median(total) / statistics.median(base):.2f}")

    rulebook = [default_rulebook_path()]
    bundled = timed(lambda: check_paths(rulebook), args.repeat)
    print(row("bundled rulebook: read + parse + check", bundled))
    ok = statistics.median(total) < 1.0 and statistics.median(bundled) < 0.150
    print("targets (1,000 clauses < 1 s; bundled < 150 ms):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
