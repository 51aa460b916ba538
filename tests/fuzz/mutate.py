"""Inputs for the fuzzing campaign: rules files and incidents, mutated from the bundled ones or
generated, each from one integer seed (the same seed gives the same input on every machine, so a
finding is reproduced by its number alone)."""

from __future__ import annotations

import copy
import json
import random
import string
from functools import cache
from pathlib import Path
from typing import Any

from netralrules.facts.schema import DEFAULT_SCHEMA
from netralrules.resources import default_rulebook_path
from netralrules.syntax.keywords import ALL_WORDS

ROOT = Path(__file__).parents[2]

# Fragments a hostile or careless author types: keywords, numbers of every size, dates in and out of
# the calendar, durations, strings with escapes and control characters, comments, line endings.
_FRAGMENTS = [
    "{",
    "}",
    "(",
    ")",
    ",",
    ".",
    "=",
    "!=",
    "<",
    ">=",
    "+",
    "-",
    " dan ",
    " atau ",
    " tidak ",
    "0",
    "7",
    "2024",
    "9" * 25,
    "9" * 4400,
    "0001-01-01",
    "9999-12-31",
    "2024-02-30",
    "31-12-2024",
    "Rp1.000",
    "Rp999.999.999.999.999.999.999",
    "6 bulan",
    "99999999 hari",
    "3652058 hari",
    "10000 tahun",
    '"teks"',
    '"a\\"b"',
    '"\\n"',
    '"\x1b[31mmerah\x1b[0m"',
    '"',
    "# komentar\n",
    "#",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "\x00",
    "\x1b]0;judul\x07",
    "é",
    "\u202e",
    "🙂",
    "tindakan.tanggal",
    "pemilu.tanggal_penetapan",
    "responden.status_kepegawaian",
    "tindakan.fasilitas_negara",
    "x",
    "_",
]


@cache
def rules_corpus() -> tuple[str, ...]:
    """The seeds of mutation: each file of the bundled rulebook, and each small folder as one text
    (an instrument with its provisions, so that a mutant that still parses is checked and evaluated
    in earnest). Parsing is most of the cost: small texts make a long campaign affordable."""
    files = sorted(default_rulebook_path().rglob("*.nr"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    for folder in sorted({p.parent for p in files}):
        whole = "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.nr")))
        if len(whole) < 6000:
            texts.append(whole)
    return tuple(texts)


@cache
def incident_corpus() -> tuple[dict[str, Any], ...]:
    """The bundled example incidents as data."""
    import yaml

    out = []
    for path in sorted(p for p in (ROOT / "examples").iterdir() if p.is_file()):
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
        out.append(json.loads(json.dumps(data, default=str)))  # YAML dates as ISO text
    return tuple(out)


def _words() -> list[str]:
    return sorted(ALL_WORDS)


def rules_file(seed: int) -> str:
    """A rules file: mostly a bundled file with 1 to 4 mutations, sometimes token soup, sometimes a
    file with a long chain of definitions or a deep condition."""
    rng = random.Random(seed)
    kind = rng.random()
    if kind < 0.08:
        return _soup(rng)
    if kind < 0.10:
        return _chain(rng)
    text = rng.choice(rules_corpus())
    for _ in range(rng.randint(1, 4)):
        text = _mutate_text(rng, text)
    return text


def _soup(rng: random.Random) -> str:
    pool = _words() + _FRAGMENTS
    return " ".join(rng.choice(pool) for _ in range(rng.randint(0, 120)))


def _chain(rng: random.Random) -> str:
    base = next(t for t in rules_corpus() if "instrumen PP_94_2021" in t)
    n = rng.choice([10, 90, 101, 500, 1200])
    lines = [
        "definisi d0 = tindakan.fasilitas_negara",
        *(f"definisi d{i} = {rng.choice(['', 'tidak '])}d{i - 1}" for i in range(1, n)),
    ]
    return base + "\n" + "\n".join(lines) + "\n"


def _mutate_text(rng: random.Random, text: str) -> str:
    if not text:
        return rng.choice(_FRAGMENTS)
    op = rng.randrange(9)
    i = rng.randrange(len(text))
    j = min(len(text), i + rng.randint(1, 40))
    if op == 0:  # delete a span
        return text[:i] + text[j:]
    if op == 1:  # insert a fragment
        return text[:i] + rng.choice(_FRAGMENTS + _words()) + text[i:]
    if op == 2:  # replace a span with a fragment
        return text[:i] + rng.choice(_FRAGMENTS + _words()) + text[j:]
    if op == 3:  # duplicate a line
        lines = text.split("\n")
        k = rng.randrange(len(lines))
        lines.insert(k, lines[k])
        return "\n".join(lines)
    if op == 4:  # swap two lines
        lines = text.split("\n")
        a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[a], lines[b] = lines[b], lines[a]
        return "\n".join(lines)
    if op == 5:  # change a number
        digits = [k for k, ch in enumerate(text) if ch.isdigit()]
        if digits:
            k = rng.choice(digits)
            return text[:k] + rng.choice(["0", "9", "99999", "9" * 30, "1"]) + text[k + 1 :]
        return text
    if op == 6:  # change the line endings
        return text.replace("\n", rng.choice(["\r", "\r\n", "\n\n"]))
    if op == 7:  # a comment between the lines of a continued text (`catatan "…" # … "…"`)
        k = text.find('"\n', i)
        if k >= 0:
            return text[: k + 1] + "  # " + rng.choice(["catatan", "x", "", "\x1b[2J"]) + text[k + 1 :]
        return text
    return text[:i] + rng.choice(string.printable) + text[i:]  # a random character


# ---- incidents ------------------------------------------------------------------------------
_NASTY: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    10**30,
    1.5,
    float("nan"),
    "",
    "0001-01-01",
    "9999-12-31",
    "2024-02-30",
    "2024-05-01",
    "\x1b[31mmerah\x1b[0m",
    "\x1b]52;c;ZWNobyBoYWNr\x07",
    "\r\nbaris\rbaru",
    "\u202eterbalik",
    "x" * 5000,
    [],
    {},
    [None],
    {"\x1b[2J": 1},
]


def incident(seed: int) -> tuple[str, str]:
    """An incident as text and its name (`.json` or `.yaml`): a mutated example (values of the
    wrong type, dates out of range, control characters, unknown keys, many acts), or raw text with
    bytes flipped."""
    rng = random.Random(seed)
    data = copy.deepcopy(rng.choice(incident_corpus()))
    for _ in range(rng.choice([0, 0, 1, 1, 2, 4])):
        _mutate_data(rng, data)
    if rng.random() < 0.02:
        acts = data.get("tindakan") if isinstance(data, dict) else None
        if isinstance(acts, list) and acts:
            data["tindakan"] = [copy.deepcopy(rng.choice(acts)) for _ in range(rng.choice([10, 1001]))]
    if rng.random() < 0.3:
        import yaml

        text = yaml.safe_dump(data, allow_unicode=True) if rng.random() < 0.5 else json.dumps(data, ensure_ascii=False)
        name = "x.yaml" if text.lstrip()[:1] not in "{[" else "x.json"
    else:
        text, name = json.dumps(data, ensure_ascii=rng.random() < 0.5, allow_nan=True), "x.json"
    if rng.random() < 0.1:
        for _ in range(rng.randint(1, 3)):
            text = _mutate_text(rng, text)
    return text, name


def _mutate_data(rng: random.Random, data: Any) -> None:
    # Walk to a random container, then replace, delete or add one entry.
    node = data
    for _ in range(rng.randint(0, 3)):
        children = list(node.values()) if isinstance(node, dict) else list(node) if isinstance(node, list) else []
        children = [c for c in children if isinstance(c, dict | list)]
        if not children:
            break
        node = rng.choice(children)
    if isinstance(node, dict):
        choice = rng.random()
        if choice < 0.15 or not node:
            node[rng.choice([*_field_names(), "\x1b[1mkunci", "tidak_dikenal"])] = _value(rng)
        elif choice < 0.3:
            node.pop(rng.choice(list(node)))
        else:
            node[rng.choice(list(node))] = _value(rng)
    elif isinstance(node, list):
        if node and rng.random() < 0.5:
            node[rng.randrange(len(node))] = _value(rng)
        else:
            node.append(_value(rng) if rng.random() < 0.5 or not node else copy.deepcopy(node[0]))


@cache
def _field_names() -> tuple[str, ...]:
    names: set[str] = set()
    stack: list[Any] = list(DEFAULT_SCHEMA.roots.values())
    while stack:
        t = stack.pop()
        for name, field in t.fields:
            names.add(name)
            stack.append(field)
        if t.item is not None:
            stack.append(t.item)
    return tuple(sorted(names))


@cache
def _enum_values() -> tuple[str, ...]:
    values: set[str] = set()
    stack: list[Any] = list(DEFAULT_SCHEMA.roots.values())
    while stack:
        t = stack.pop()
        values.update(t.values or ())
        stack.extend(field for _, field in t.fields)
        if t.item is not None:
            stack.append(t.item)
    return tuple(sorted(values))


def _value(rng: random.Random) -> Any:
    if rng.random() < 0.4 and _enum_values():
        return rng.choice(_enum_values())
    return copy.deepcopy(rng.choice(_NASTY))
