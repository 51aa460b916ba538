"""Small helpers shared by the tests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from netralrules.authoring import check_text
from netralrules.diagnostics import Diagnostic
from netralrules.syntax import ast
from netralrules.syntax.loader import load_text
from netralrules.values import UNKNOWN

if TYPE_CHECKING:
    from netralrules import Decision
    from netralrules.explain import Explanation

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


def explained(decision: Decision) -> Explanation:
    """The explanation of a decision evaluated with one (the default of `evaluate`)."""
    assert decision.explanation is not None, "evaluated without explain"
    return decision.explanation


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
    return (
        INSTRUMENT
        + f"""
ketentuan {name} {{
  rujukan PP_94_2021 pasal 5 huruf n angka 4
  teks "sebagai peserta kampanye dengan menggunakan fasilitas negara"
  {extra}
  jika {condition}
  maka {outcome}
}}
"""
    )


class Facts:
    """Incident facts as nested dicts, for evaluating without the incident model; a missing key or
    None is UNKNOWN."""

    def __init__(self, responden: dict[str, Any], pemilu: dict[str, Any], acts: Sequence[dict[str, Any]]) -> None:
        self.roots = {"responden": responden, "pemilu": pemilu}
        self.acts = list(acts)

    def fact(self, path: tuple[str, ...], act_index: int) -> object:
        value: Any = self.acts[act_index] if path[0] == "tindakan" else self.roots[path[0]]
        for key in path[1:]:
            if not isinstance(value, dict) or key not in value or value[key] is None:
                return UNKNOWN
            value = value[key]
        return value
