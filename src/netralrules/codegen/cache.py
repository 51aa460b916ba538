"""A per-user cache of checked rulebooks and their generated programs, by content hash, so that a
new process loads a rulebook without parsing or checking it.

What is cached is trusted when loaded (a program is code; a rulebook is what decisions rest on), so:
- the directory is `$NETRALRULES_CACHE_DIR`, else `$XDG_CACHE_HOME/netralrules`, else
  `~/.cache/netralrules`; it is created 0700, and it and every file in it must be owned by this user
  and writable by no one else (checked with lstat/fstat, links refused), or it is not used at all;
- each entry is named by a key over everything the load depends on (the `.nr` files under the
  rulebook root, byte for byte, the paths given, the fact schema, the engine's own files, the
  Python version); its index names the SHA-256 of each blob, checked before the blob is
  read or executed;
- the checked rulebook is plain marshalled data (no code, no pickle), rebuilt into objects of an
  allow-list of classes (the AST, checker and span classes of this package, `datetime.date`)
  without calling anything the data names; the program is marshalled code whose
  every name is checked against the generator's names (codegen/generate.py) before it runs, in a
  namespace without builtins.
Anything wrong (a directory that is read-only, someone else's, a damaged or foreign file, another
Python) means the rulebook is parsed as before: no error, a debug log line at most.
`NETRALRULES_CACHE=0` turns the cache off.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import datetime
import enum
import functools
import gc
import hashlib
import itertools
import json
import logging
import marshal
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import CodeType, MemberDescriptorType
from typing import TYPE_CHECKING, Any

from netralrules import source as source_module
from netralrules.checker import CheckedRulebook
from netralrules.checker import rulebook as checked_module
from netralrules.checker import typing_ as resolution_module
from netralrules.checker.typing_ import DefRef, EnumValue, FactRef, VarRef
from netralrules.codegen.runtime import FORMAT, GenerationError, Program, program_from_code

if TYPE_CHECKING:
    from netralrules.codegen.generate import Source
from netralrules.resources import grammar_path
from netralrules.source import Span
from netralrules.syntax import ast as ast_module
from netralrules.syntax.loader import RULES_SUFFIX, rulebook_root
from netralrules.version import VERSION

log = logging.getLogger("netralrules.cache")

ENV_DIR = "NETRALRULES_CACHE_DIR"
ENV_SWITCH = "NETRALRULES_CACHE"
_MAX_BLOB = 256 * 1024 * 1024
# The most rules files a key reads (the bundled rulebook has 32; the scaling benchmark's largest
# rulebook 15): past it the rulebook is parsed as before.
_MAX_KEY_FILES = 5000
# Entries kept; older ones are removed when a new one is written.
MAX_ENTRIES = 32
# Modules whose classes a cached checked rulebook is made of; only classes (not functions) of
# these, and `datetime.date`, may be named by its cached form.
_MODULE_OBJECTS = {m.__name__: m for m in (checked_module, resolution_module, source_module, ast_module)}
_MODULES = frozenset(_MODULE_OBJECTS)


def cache_dir() -> Path | None:
    """The cache directory, created if missing; None when off or not safe to use."""
    if os.environ.get(ENV_SWITCH, "1") == "0" or not hasattr(os, "getuid"):
        return None
    chosen = os.environ.get(ENV_DIR)
    if chosen:
        path = Path(chosen)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        path = Path(base) / "netralrules"
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=0o700)
        if not _private(os.lstat(path), directory=True):
            log.debug("cache directory %s is not private to this user: not used", path)
            return None
    except OSError as exc:
        log.debug("no cache directory (%s)", exc)
        return None
    return path


def _private(st: os.stat_result, *, directory: bool) -> bool:
    kind_ok = stat.S_ISDIR(st.st_mode) if directory else stat.S_ISREG(st.st_mode)
    return kind_ok and st.st_uid == os.getuid() and not st.st_mode & 0o022


# The parts of the package that make a checked rulebook and its program (and the files they read).
_MAKERS = ("syntax", "checker", "codegen", "facts", "diagnostics")
_MADE_OF = frozenset({".py", ".lark", ".json"})


@functools.cache
def _engine_fingerprint() -> bytes:
    """What identifies this engine's own code: its version, the Python that runs it (marshal
    format), and the size and time of every file of the package (an edited checker or
    grammar must not meet a rulebook checked by the old one)."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    lines = [f"{FORMAT}|{VERSION}|{sys.version}|{sys.implementation.cache_tag}"]
    grammar = str(grammar_path())
    found = [(grammar, os.stat(grammar))]
    folders = [(package, False), *((os.path.join(package, part), True) for part in _MAKERS)]
    while folders:
        folder, deep = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if deep and entry.name != "__pycache__":
                        folders.append((entry.path, True))
                elif os.path.splitext(entry.name)[1] in (_MADE_OF if deep else {".py"}):
                    found.append((entry.path, entry.stat()))
    for path, st in sorted(found, key=lambda item: item[0]):
        lines.append(f"{path}|{st.st_size}|{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(lines).encode()).digest()


def _rules_files(root: str, suffix: str) -> list[str] | None:
    """The files under `root` named `*<suffix>`, as `Path.rglob` finds them: into folders, not
    through links to folders, past folders it may not read. None past `_MAX_KEY_FILES`."""
    found: list[str] = []
    folders = [root]
    while folders:
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(entry.path)
                    elif entry.name.endswith(suffix):
                        found.append(entry.path)
        except PermissionError:
            continue
        if len(found) > _MAX_KEY_FILES:  # a root such as `/` for paths far apart: no cache
            log.debug("no cache key: more than %d rules files under %s", _MAX_KEY_FILES, root)
            return None
    return found


def _read_regular(path: str) -> bytes | None:
    """The bytes of a file (a link to one is followed); None for a folder or a missing file."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None
        chunks = []
        while chunk := os.read(fd, max(st.st_size + 1, 1 << 16)):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def key_for(paths: Sequence[str], schema: object) -> str | None:
    """The cache key of loading these paths with this schema: over every `.nr` file under the
    rulebook root (everything a load may read), byte for byte. None if a file cannot be read."""
    return key_and_root(paths, schema)[0]


def key_and_root(paths: Sequence[str], schema: object) -> tuple[str | None, Path | None]:
    """The cache key (`key_for`) and the rulebook root it was computed over (None with no key)."""
    try:
        found_root = rulebook_root(paths)
        root = str(found_root)
        h = hashlib.sha256(_engine_fingerprint())
        h.update(repr((tuple(os.path.abspath(p) for p in paths), root, repr(schema))).encode())
        found = _rules_files(root, RULES_SUFFIX)
        if found is None:
            return None, None
        prefix = len(os.path.join(root, ""))
        for path in sorted(found):
            data = _read_regular(path)
            if data is not None:
                h.update(f"\n{path[prefix:]}\n".encode())
                h.update(hashlib.sha256(data).digest())
    except (OSError, ValueError) as exc:
        log.debug("no cache key (%s)", exc)
        return None, None
    return h.hexdigest(), found_root


# ---- reading ----------------------------------------------------------------------------------


def _read_private(folder: Path, name: str) -> bytes | None:
    """A file of the cache directory, if it is a regular file of this user that no one else can
    write (not a link), and not too large."""
    try:
        fd = os.open(folder / name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not _private(st, directory=False) or st.st_size > _MAX_BLOB:
            log.debug("cache file %s is not private to this user: not used", name)
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read()
    except OSError:
        return None
    finally:
        os.close(fd)


def _blob(folder: Path, sha256: object) -> bytes | None:
    """The blob named by its SHA-256, if its content has that hash."""
    if not isinstance(sha256, str) or len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
        return None
    data = _read_private(folder, sha256 + ".blob")
    if data is None or hashlib.sha256(data).hexdigest() != sha256:
        log.debug("cache blob %s missing or damaged", sha256)
        return None
    return data


def load(key: str) -> tuple[CheckedRulebook, Program | None] | None:
    """The checked rulebook (and its program, if cached) of a key; None on any problem."""
    folder = cache_dir()
    if folder is None:
        return None
    raw = _read_private(folder, key + ".json")
    if raw is None:
        return None
    try:
        index = json.loads(raw)
        data = _blob(folder, index["checked"])
        if data is None:
            return None
        with paused_gc():
            checked = _loads(data)
            _to_oldest_generation()
        program = None
        code_blob = _blob(folder, index.get("program"))
        if code_blob is not None:
            code = marshal.loads(code_blob)
            if isinstance(code, CodeType):
                program = program_from_code(code, str(index.get("source")))
    except (ValueError, KeyError, TypeError, EOFError, AttributeError, IndexError, GenerationError) as exc:
        log.debug("cache entry %s not used (%s)", key, exc)
        return None
    return checked, program


# ---- the cached form of a checked rulebook ------------------------------------------------------
# A checked rulebook is about 7,000 small objects (the AST, its spans, the checker's resolutions),
# all slotted frozen dataclasses. Unpickling rebuilt each one in a Python function call (1.5 µs
# each: 11 ms for the bundled rulebook). Here it is kept as plain data that `marshal` reads (no
# classes, no calls): one block per class, each of its fields a column of values over the block's
# objects. Loading makes every object empty (`object.__new__` of an allowed class) and fills each
# column through the class's own slot descriptors, in loops that run in C: about 3 ms.
#
# An object is named by its index in the table of all objects (0 is None). A column is one of
#   _RAW   values as they are (None, bool, int, float, str);
#   _TUPLES tuples of these, as they are;
#   _REF   an object's index (0 for None);
#   _REFS  a tuple of objects' indices;
#   _PAIRS a tuple of pairs (a plain value, an object's index) (the spans of a declaration's fields);
#   _DATE  a date's ordinal (or None);
#   _ENUM  the value of a member of one enum (or None), the enum named beside the column;
#   _ANY   anything else, each value written by `_Writer.value`: tuples as tuples, and as lists
#          tagged by their first item: ["o", index] an object, ["d", ordinal] a date, ["e", module,
#          name, value] an enum member, ["s", keys, indices] a dict of str to objects, ["r",
#          indices, indices] a dict of objects to objects, ["m", ((key, value), ...)] another dict.
# Only classes of `_MODULES` are made (slotted dataclasses, whose fields must be the ones the
# class has now, and enums), besides `datetime.date` and the checked rulebook itself; nothing the
# data names is called, but an enum to look up its member by value. A layout number changes with
# the form.
_LAYOUT = 1
_RAW, _TUPLES, _REF, _REFS, _PAIRS, _DATE, _ENUM, _ANY = range(8)
_PLAIN = (type(None), bool, int, float, str)
_SCALARS = frozenset(_PLAIN)
# Objects that are values and nothing else (a span, what a name resolves to): equal ones are
# kept once and shared when loaded (the checker makes 3,963 spans, 3,463 of them different, and
# 498 resolutions, 101 different). AST nodes are never merged: code may tell equal ones apart.
_VALUES = frozenset({Span, FactRef, VarRef, DefRef, EnumValue})
_FIELDS: dict[type, tuple[str, ...]] = {}
_SETTERS: dict[type, tuple[Any, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The fields of a class a cached rulebook may hold objects of, None for any other class: a
    slotted dataclass of `_MODULES` with no base class, whose slots are its fields, in order."""
    names = _FIELDS.get(cls)
    if names is None:
        own = cls.__dict__
        if cls.__module__ not in _MODULES or "__dataclass_fields__" not in own or cls.__bases__ != (object,):
            return None
        slots = own.get("__slots__")
        if type(slots) is not tuple or slots != tuple(f.name for f in dataclasses.fields(cls)):
            return None
        names = _FIELDS[cls] = slots
    return names


def _setters(cls: type, names: tuple[str, ...]) -> tuple[Any, ...]:
    """The slot descriptors' setters of a class's fields (they set a field of a frozen object as
    its own `__init__` does, without going through `__setattr__`)."""
    found = _SETTERS.get(cls)
    if found is None:
        setters = []
        for name in names:
            slot = cls.__dict__.get(name)
            if type(slot) is not MemberDescriptorType:
                raise ValueError(f"{cls.__name__}.{name} is not a slot")
            setters.append(slot.__set__)
        found = _SETTERS[cls] = tuple(setters)
    return found


def _allowed(module: object, name: object) -> type:
    """A class the cached data names: an AST, span or checker class of this package (a slotted
    dataclass or an enum), nothing else."""
    if not isinstance(module, str) or not isinstance(name, str) or module not in _MODULES:
        raise ValueError("not a cached rulebook class")
    found = getattr(_MODULE_OBJECTS[module], name, None)
    if not isinstance(found, type) or found.__module__ != module:
        raise ValueError(f"{module}.{name} is not allowed in a cached rulebook")
    if not (issubclass(found, enum.Enum) or _field_names(found) is not None):
        raise ValueError(f"{module}.{name} is not allowed in a cached rulebook")
    return found


def _is_plain(value: object) -> bool:
    return type(value) in _PLAIN


def _is_plain_tuple(value: object) -> bool:
    return type(value) is tuple and all(type(v) in _PLAIN for v in value)


def _check_plain(values: Iterable[object]) -> None:
    """That values read as they are hold only scalars (marshal can also make code objects, sets,
    bytes: no class but the allowed ones is made from a cached rulebook). A C loop."""
    if not set(map(type, values)) <= _SCALARS:
        raise ValueError("a value of another kind")


def _check_plain_tuples(values: tuple[object, ...]) -> None:
    if set(map(type, values)) - {tuple}:
        raise ValueError("a value of another kind")
    _check_plain(itertools.chain.from_iterable(values))  # type: ignore[arg-type]


class _Writer:
    """Numbers the objects of a checked rulebook by class, then writes their columns."""

    def __init__(self) -> None:
        self.blocks: dict[type, list[object]] = {}
        self.seen: set[int] = set()
        self.index: dict[int, int] = {}
        self.strings: dict[str, str] = {}
        self.values: dict[object, object] = {}
        self.aliases: list[tuple[object, object]] = []

    def collect(self, value: object) -> None:
        stack = [value]
        while stack:
            current = stack.pop()
            kind = type(current)
            if kind in _PLAIN or kind is datetime.date or isinstance(current, enum.Enum):
                continue
            if kind is tuple or kind is list:
                stack.extend(reversed(current))  # type: ignore[call-overload]
            elif kind is dict:
                for key, item in reversed(current.items()):  # type: ignore[attr-defined]
                    stack.extend((item, key))
            else:
                names = _field_names(kind)
                if names is None:
                    raise ValueError(f"a {kind.__name__} cannot be cached")
                if id(current) not in self.seen:
                    self.seen.add(id(current))
                    if kind in _VALUES:
                        same = self.values.setdefault(current, current)
                        if same is not current:
                            self.aliases.append((current, same))
                            continue
                    self.blocks.setdefault(kind, []).append(current)
                    stack.extend(getattr(current, n) for n in reversed(names))

    def number(self) -> None:
        at = 1
        for objects in self.blocks.values():
            for obj in objects:
                self.index[id(obj)] = at
                at += 1
        for alias, same in self.aliases:
            self.index[id(alias)] = self.index[id(same)]

    def is_object(self, value: object) -> bool:
        return id(value) in self.index and _field_names(type(value)) is not None

    def ref(self, value: object) -> int:
        return 0 if value is None else self.index[id(value)]

    def column(self, values: list[Any]) -> tuple[int, tuple[object, ...], object]:
        """How a field's values are written (`_RAW`…`_ANY`), the column, and what the kind needs
        beside it (the enum's module and name)."""
        if all(_is_plain(v) for v in values):
            return _RAW, tuple(self.plain(v) for v in values), None
        if all(_is_plain_tuple(v) for v in values):
            return _TUPLES, tuple(self.plain(v) for v in values), None
        if all(v is None or self.is_object(v) for v in values):
            return _REF, tuple(self.ref(v) for v in values), None
        if all(type(v) is tuple and all(self.is_object(x) for x in v) for v in values):
            return _REFS, tuple(tuple(self.ref(x) for x in v) for v in values), None
        if all(type(v) is tuple and all(self.is_pair(x) for x in v) for v in values):
            return _PAIRS, tuple(tuple((self.plain(x[0]), self.ref(x[1])) for x in v) for v in values), None
        if all(v is None or type(v) is datetime.date for v in values):
            return _DATE, tuple(None if v is None else v.toordinal() for v in values), None
        kinds = {type(v) for v in values if v is not None}
        if len(kinds) == 1 and issubclass(enum_ := kinds.pop(), enum.Enum):
            extra = (enum_.__module__, enum_.__qualname__)
            return _ENUM, tuple(None if v is None else self.plain(v.value) for v in values), extra
        return _ANY, tuple(self.value(v) for v in values), None

    def is_pair(self, value: object) -> bool:
        return type(value) is tuple and len(value) == 2 and _is_plain(value[0]) and self.is_object(value[1])

    def plain(self, value: Any) -> Any:
        """A plain value with each string replaced by the first equal one seen, so that marshal
        writes it once (and the loaded rulebook shares it)."""
        if type(value) is str:
            return self.strings.setdefault(value, value)
        if type(value) is tuple:
            return tuple(self.plain(v) for v in value)
        return value

    def value(self, value: object) -> object:
        kind = type(value)
        if kind in _PLAIN:
            return self.plain(value)
        if kind is tuple:
            return tuple(self.value(v) for v in value)  # type: ignore[attr-defined]
        if kind is datetime.date:
            return ["d", value.toordinal()]  # type: ignore[attr-defined]
        if isinstance(value, enum.Enum):
            return ["e", kind.__module__, kind.__qualname__, value.value]
        if kind is dict:
            items = value.items()  # type: ignore[attr-defined]
            if all(type(k) is str and self.is_object(v) for k, v in items):
                return ["s", tuple(self.plain(k) for k in value), tuple(self.ref(v) for v in value.values())]  # type: ignore[attr-defined]
            if all(self.is_object(k) and self.is_object(v) for k, v in items):
                return ["r", tuple(self.ref(k) for k in value), tuple(self.ref(v) for v in value.values())]  # type: ignore[attr-defined]
            return ["m", tuple((self.value(k), self.value(v)) for k, v in items)]
        if self.is_object(value):
            return ["o", self.ref(value)]
        raise ValueError(f"a {kind.__name__} cannot be cached")


def _dumps(checked: CheckedRulebook) -> bytes:
    """The cached form of a checked rulebook (see above). ValueError if it holds anything else."""
    fields = {f.name: getattr(checked, f.name) for f in dataclasses.fields(checked)}
    writer = _Writer()
    writer.collect(tuple(fields.values()))
    writer.number()
    classes: list[Any] = []
    for cls, objects in writer.blocks.items():
        names = _field_names(cls)
        assert names is not None
        _setters(cls, names)
        columns = tuple((n, *writer.column([getattr(o, n) for o in objects])) for n in names)
        classes.append((cls.__module__, cls.__qualname__, len(objects), columns))
    top: Any = tuple((name, writer.value(value)) for name, value in fields.items())
    return marshal.dumps((_LAYOUT, tuple(classes), top))


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic collector paused while many objects without cycles are made: each burst of 700
    allocations would otherwise start a collection that walks the young heap (a third of a
    rulebook's load in a new process, whose heap is every module just imported; about 40% of the
    time of an explanation, evaluation/pipeline.py). Reference counting still frees everything;
    cycles made meanwhile are collected when the collector resumes."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _to_oldest_generation() -> None:
    """The objects just made are kept as long as the rulebook, usually as long as the process:
    they are moved straight to the collector's oldest generation, where two young collections
    would have moved them after walking all 13,000 of them (1.5–2 ms in a new process). Done by
    freezing and unfreezing every tracked object (two list splices): what else is young goes to
    the oldest generation with them, and is collected by its full collections. Not done when the
    process has frozen objects of its own (a server before it forks): they stay frozen."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def _loads(data: bytes) -> CheckedRulebook:
    """A checked rulebook from its cached form. ValueError, TypeError, IndexError, KeyError or
    AttributeError for anything that is not one."""
    layout, classes, top = marshal.loads(data)
    if layout != _LAYOUT or type(classes) is not tuple or type(top) is not tuple:
        raise ValueError("another layout")
    objects: list[object] = [None]
    blocks = []
    new = object.__new__
    for module, name, count, columns in classes:
        cls = _allowed(module, name)
        names = _field_names(cls)
        # Each object takes at least a byte of the data: no count makes more objects than that.
        if names is None or type(count) is not int or not 0 <= count <= len(data) - len(objects) or type(columns) is not tuple:
            raise ValueError(f"{name} is not a cached rulebook class")
        if tuple(c[0] for c in columns) != names:
            raise ValueError(f"{name} has other fields now")
        start = len(objects)
        objects.extend(map(new, itertools.repeat(cls, count)))
        blocks.append((_setters(cls, names), start, count, columns))
    get = objects.__getitem__
    date = datetime.date.fromordinal
    for setters, start, count, columns in blocks:
        made = objects[start : start + count]
        for setter, (_, codec, column, extra) in zip(setters, columns, strict=True):
            if type(column) is not tuple or len(column) != count:
                raise ValueError("a column of another length")
            if codec == _RAW:
                _check_plain(column)
                values: Any = column
            elif codec == _TUPLES:
                _check_plain_tuples(column)
                values = column
            elif codec == _REF:
                values = map(get, column)
            elif codec == _REFS:
                values = [tuple(map(get, v)) for v in column]
            elif codec == _PAIRS:
                values = [tuple([(x, get(i)) for x, i in v]) for v in column]
                _check_plain([x for v in values for x, _ in v])
            elif codec == _DATE:
                values = [None if v is None else date(v) for v in column]
            elif codec == _ENUM:
                members = _enum(*extra)
                values = [None if v is None else members(v) for v in column]
            elif codec == _ANY:
                values = [_value(v, get) for v in column]
            else:
                raise ValueError("an unknown column")
            collections.deque(map(setter, made, values), maxlen=0)
    fields: dict[str, Any] = {name: _value(value, get) for name, value in top}
    return CheckedRulebook(**fields)


def _enum(module: object, name: object) -> type[enum.Enum]:
    cls = _allowed(module, name)
    if not issubclass(cls, enum.Enum):
        raise ValueError(f"{name} is not an enum")
    return cls


def _value(value: Any, get: Any) -> object:
    kind = type(value)
    if kind is tuple:
        return tuple(_value(v, get) for v in value)
    if kind is not list:
        if kind not in _SCALARS:
            raise ValueError("a value of another kind")
        return value
    tag = value[0]
    if tag == "o":
        return get(value[1])
    if tag == "d":
        return datetime.date.fromordinal(value[1])
    if tag == "e":
        return _enum(value[1], value[2])(value[3])
    if tag == "s":
        _check_plain(value[1])
        return dict(zip(value[1], map(get, value[2]), strict=True))
    if tag == "r":
        return dict(zip(map(get, value[1]), map(get, value[2]), strict=True))
    if tag == "m":
        return {_value(k, get): _value(v, get) for k, v in value[1]}
    raise ValueError("an unknown value")


# ---- writing ----------------------------------------------------------------------------------


def _write(folder: Path, name: str, data: bytes) -> None:
    tmp = folder / f".{name}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb", closefd=False) as f:
            f.write(data)
    finally:
        os.close(fd)
    os.replace(tmp, folder / name)


def store(key: str, checked: CheckedRulebook, source: Source | None) -> None:
    """Keep a checked rulebook (and its generated program) under a key; silently nothing when
    the cache cannot be written."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        blobs: dict[str, str] = {"checked": _put(folder, _dumps(checked))}
        if source is not None:
            code = compile(source.text, f"<netralrules program {source.sha256[:12]}>", "exec")
            blobs["program"] = _put(folder, marshal.dumps(code))
            blobs["source"] = source.sha256
        _write(folder, key + ".json", json.dumps({"format": FORMAT, **blobs}).encode())
        _prune(folder)
    except (OSError, RecursionError, ValueError, SyntaxError) as exc:
        log.debug("cache not written (%s)", exc)


def _prune(folder: Path) -> None:
    """Keep the newest `MAX_ENTRIES` entries (each edit of a rules file makes a new one) and the
    blobs they name; remove the rest."""
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    if len(entries) <= MAX_ENTRIES:
        return
    for old in entries[MAX_ENTRIES:]:
        old.unlink(missing_ok=True)
    kept: set[str] = set()
    for entry in entries[:MAX_ENTRIES]:
        raw = _read_private(folder, entry.name)
        try:
            index = json.loads(raw) if raw is not None else {}
        except ValueError:
            index = {}
        kept.update(str(v) for k, v in index.items() if k in {"checked", "program"})
    for blob in folder.glob("*.blob"):
        if blob.stem not in kept:
            blob.unlink(missing_ok=True)


def _put(folder: Path, data: bytes) -> str:
    sha256 = hashlib.sha256(data).hexdigest()
    if not (folder / (sha256 + ".blob")).exists():
        _write(folder, sha256 + ".blob", data)
    return sha256
