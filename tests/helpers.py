"""Small helpers shared by the tests."""

from __future__ import annotations

from netralrules import ast
from netralrules.api import check_text
from netralrules.diagnostics import Diagnostic
from netralrules.loader import load_text

INSTRUMENT = """
instrumen PP_94_2021 {
  judul "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil"
  jenis PP
  nomor 94 tahun 2021
  berlaku sejak 2021-08-31
}
hukuman PP_94_2021 tingkat sedang {
  rujukan PP_94_2021 pasal 8 ayat (3)
  sanksi "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan"
}
hukuman PP_94_2021 tingkat berat {
  rujukan PP_94_2021 pasal 8 ayat (4)
  sanksi "penurunan jabatan setingkat lebih rendah selama 12 bulan"
}
"""


def parse(text: str) -> ast.RulesFile:
    """Parse text that must be free of syntax errors."""
    loaded = load_text(text, "t.nr")
    assert loaded.ok, [d.message.en for d in loaded.diagnostics]
    return loaded.files[0]


def codes(text: str) -> list[str]:
    """The diagnostic codes `check` gives for a text, in order."""
    return [d.code for d in check_text(text, "t.nr").diagnostics]


def diagnostics(text: str) -> tuple[Diagnostic, ...]:
    return check_text(text, "t.nr").diagnostics


def provision(condition: str, outcome: str = "disiplin tingkat berat", extra: str = "", name: str = "k") -> str:
    """A provision with the given condition, after the PP 94 instrument declaration."""
    return INSTRUMENT + f"""
ketentuan {name} {{
  rujukan PP_94_2021 pasal 5 huruf n angka 4
  teks "sebagai peserta kampanye dengan menggunakan fasilitas negara"
  {extra}
  jika {condition}
  maka {outcome}
}}
"""
