"""Incident problems are data: a JSON path, a code and a message in Indonesian and English.

`IncidentError` only carries them. Codes are stable and documented in `docs/incident.md`; they
continue the numbering of `docs/errors/` in the group E04xx (incident data).
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from netralrules.diagnostics import Lang, Text
from netralrules.source import printable

# code → (short title in Indonesian, in English)
CODES: dict[str, tuple[str, str]] = {
    "E0401": ("teks JSON/YAML tidak sah", "malformed JSON or YAML"),
    "E0402": ("masukan bukan teks UTF-8", "input is not UTF-8 text"),
    "E0403": ("isi teratas bukan objek", "top level is not an object"),
    "E0404": ("isian wajib tidak ada", "required field missing"),
    "E0405": ("isian tidak dikenal", "unknown field"),
    "E0406": ("jenis nilai salah", "wrong type"),
    "E0407": ("nilai di luar kosakata", "value not in the controlled vocabulary"),
    "E0408": ("tanggal tidak sah", "invalid date"),
    "E0409": ("urutan tanggal pemilu salah", "election dates out of order"),
    "E0410": ("sanksi sebelumnya sesudah tindakan", "prior sanction dated after the acts"),
    "E0411": ("daftar tindakan kosong", "empty list of acts"),
    "E0412": ("teks wajib kosong", "required text is empty"),
    "E0413": ("isian ditulis dua kali", "duplicate field"),
    "E0414": ("terlalu banyak tindakan", "too many acts"),
    "E0415": ("insiden terlalu besar", "incident too large"),
    "E0498": ("kesalahan internal mesin (mode batch)", "internal engine error (batch mode)"),
    "E0499": ("nilai tidak sah", "invalid value"),
}

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


@dataclass(frozen=True, slots=True)
class IncidentProblem:
    """One problem in an incident: where (JSON path, and line/column when known), what, and why."""

    path: str
    code: str
    message: Text
    line: int | None = None
    column: int | None = None

    def describe(self, lang: Lang = "id") -> str:
        """One line: `path: message [code]` (the path is left out for the document as a whole)."""
        where = self.path or ("(dokumen)" if lang != "en" else "(document)")
        if self.line is not None:
            where += f" ({'line' if lang == 'en' else 'baris'} {self.line}"
            where += f", {'column' if lang == 'en' else 'kolom'} {self.column})" if self.column is not None else ")"
        # Keys and values come from the incident: escaped, so they cannot drive a terminal.
        return printable(f"{where}: {self.message.get(lang)} [{self.code}]")


class IncidentError(Exception):
    """Bad incident input. Carries every problem found, never just the first."""

    def __init__(self, problems: Sequence[IncidentProblem], *, source: str = "<input>") -> None:
        self.problems: tuple[IncidentProblem, ...] = tuple(problems)
        self.source = source
        super().__init__(format_problems(self.problems, source=source, lang="id"))


def format_problems(problems: Sequence[IncidentProblem], *, source: str = "<input>", lang: Lang = "id") -> str:
    """Render problems as plain text, one per line, under a heading naming the source."""
    count = len(problems)
    head = (
        f"{source}: {count} problem(s) in the incident data" if lang == "en" else f"{source}: {count} masalah dalam data perkara"
    )
    return "\n".join([printable(head), *(f"  {p.describe(lang)}" for p in problems)])


def format_path(loc: Sequence[str | int]) -> str:
    """`("tindakan", 0, "jenis")` → `tindakan[0].jenis`; odd keys are quoted: `responden["a b"]`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.match(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out


def problem(path: Sequence[str | int] | str, code: str, id_text: str, en_text: str, **where: int | None) -> IncidentProblem:
    """Build a problem; `path` may be a pydantic-style location or an already formatted path."""
    text_path = path if isinstance(path, str) else format_path(path)
    return IncidentProblem(text_path, code, Text(id_text, en_text), where.get("line"), where.get("column"))


def kind_of(value: object) -> tuple[str, str]:
    """What kind of JSON/YAML value this is, in words (Indonesian, English)."""
    if value is None:
        return "null", "null"
    if isinstance(value, bool):
        return "benar/salah", "a boolean"
    if isinstance(value, int | float):
        return "bilangan", "a number"
    if isinstance(value, str):
        return "teks", "a text"
    if isinstance(value, datetime.datetime):
        return "tanggal dan jam", "a date and time"
    if isinstance(value, datetime.date):
        return "tanggal", "a date"
    if isinstance(value, list | tuple):
        return "daftar", "a list"
    if isinstance(value, dict):
        return "objek", "an object"
    return type(value).__name__, type(value).__name__
