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

from netralrules.diagnostics import Lang, NetralrulesError, Text
from netralrules.source import printable

# code → (short title in Indonesian, in English)
CODES: dict[str, Text] = {
    "E0401": Text("teks JSON/YAML tidak sah", "malformed JSON or YAML"),
    "E0402": Text("masukan bukan teks UTF-8", "input is not UTF-8 text"),
    "E0403": Text("isi teratas bukan objek", "top level is not an object"),
    "E0404": Text("isian wajib tidak ada", "required field missing"),
    "E0405": Text("isian tidak dikenal", "unknown field"),
    "E0406": Text("jenis nilai salah", "wrong type"),
    "E0407": Text("nilai di luar kosakata", "value not in the controlled vocabulary"),
    "E0408": Text("tanggal tidak sah", "invalid date"),
    "E0409": Text("urutan tanggal pemilu salah", "election dates out of order"),
    "E0410": Text("sanksi sebelumnya sesudah tindakan", "prior sanction dated after the acts"),
    "E0411": Text("daftar tindakan kosong", "empty list of acts"),
    "E0412": Text("teks wajib kosong", "required text is empty"),
    "E0413": Text("isian ditulis dua kali", "duplicate field"),
    "E0414": Text("terlalu banyak tindakan", "too many acts"),
    "E0415": Text("insiden terlalu besar", "incident too large"),
    "E0416": Text("tindakan tidak menyebut pemilunya", "act does not name its election"),
    "E0417": Text("pemilu tindakan tidak ada", "act names an unknown election"),
    "E0418": Text("pengenal pemilu ganda", "duplicate election id"),
    "E0419": Text("daftar pemilu kosong", "empty list of elections"),
    "E0498": Text("kesalahan internal mesin (mode batch)", "internal engine error (batch mode)"),
    "E0499": Text("nilai tidak sah", "invalid value"),
}

_DOCUMENT = Text("(dokumen)", "(document)")
_LINE = Text("baris", "line")
_COLUMN = Text("kolom", "column")
_HEADING = Text("{source}: {count} masalah dalam data perkara", "{source}: {count} problem(s) in the incident data")

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
        where = self.path or _DOCUMENT.get(lang)
        if self.line is not None:
            where += f" ({_LINE.get(lang)} {self.line}"
            where += f", {_COLUMN.get(lang)} {self.column})" if self.column is not None else ")"
        # Keys and values come from the incident: escaped, so they cannot drive a terminal.
        return printable(f"{where}: {self.message.get(lang)} [{self.code}]")


class IncidentError(NetralrulesError):
    """Bad incident input. Carries every problem found, never just the first, as `problems` (with
    JSON paths; `diagnostics` is empty: an incident is data, not a rules file)."""

    def __init__(self, problems: Sequence[IncidentProblem], *, source: str = "<input>") -> None:
        self.problems: tuple[IncidentProblem, ...] = tuple(problems)
        self.source = source
        super().__init__(message=format_problems(self.problems, source=source, lang="id"))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(p.code for p in self.problems)


def format_problems(problems: Sequence[IncidentProblem], *, source: str = "<input>", lang: Lang = "id") -> str:
    """Render problems as plain text, one per line, under a heading naming the source."""
    head = _HEADING.format(source=source, count=len(problems)).get(lang)
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


def kind_of(value: object) -> Text:
    """What kind of JSON/YAML value this is, in words (Indonesian, English)."""
    if value is None:
        return Text("null", "null")
    if isinstance(value, bool):
        return Text("benar/salah", "a boolean")
    if isinstance(value, int | float):
        return Text("bilangan", "a number")
    if isinstance(value, str):
        return Text("teks", "a text")
    if isinstance(value, datetime.datetime):
        return Text("tanggal dan jam", "a date and time")
    if isinstance(value, datetime.date):
        return Text("tanggal", "a date")
    if isinstance(value, list | tuple):
        return Text("daftar", "a list")
    if isinstance(value, dict):
        return Text("objek", "an object")
    return Text(type(value).__name__, type(value).__name__)
