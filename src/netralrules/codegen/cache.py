"""A per-user cache of checked rulebooks and their generated programs, by content hash, so that a
new process loads a rulebook without parsing or checking it.

What is cached runs as code when loaded (unpickling can call functions; a program is code), so:
- the directory is `$NETRALRULES_CACHE_DIR`, else `$XDG_CACHE_HOME/netralrules`, else
  `~/.cache/netralrules`; it is created 0700, and it and every file in it must be owned by this user
  and writable by no one else (checked with lstat/fstat, links refused), or it is not used at all;
- each entry is named by a key over everything the load depends on (the `.nr` files under the
  rulebook root, byte for byte, the paths given, the fact schema, the engine's own files, the
  Python version); its index names the SHA-256 of each blob, checked before the blob is
  unpickled or executed;
- the checked rulebook is unpickled with an allow-list (the AST, checker and span classes of this
  package and `datetime.date`, nothing callable besides); the program is marshalled code whose
  every name is checked against the generator's names (codegen/generate.py) before it runs, in a
  namespace without builtins.
Anything wrong (a directory that is read-only, someone else's, a damaged or foreign file, another
Python) means the rulebook is parsed as before: no error, a debug log line at most.
`NETRALRULES_CACHE=0` turns the cache off.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import io
import json
import logging
import marshal
import os
import pickle
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from types import CodeType
from typing import TYPE_CHECKING, Any

from netralrules.checker import CheckedRulebook
from netralrules.codegen.runtime import FORMAT, GenerationError, Program, program_from_code

if TYPE_CHECKING:
    from netralrules.codegen.generate import Source
from netralrules.resources import grammar_path
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
_PICKLE_PROTOCOL = 5
# Modules whose classes a cached checked rulebook is made of; only classes (not functions) of
# these, and `datetime.date`, may be named by the pickle.
_PICKLE_MODULES = frozenset(
    {"netralrules.checker.rulebook", "netralrules.checker.typing_", "netralrules.source", "netralrules.syntax.ast"}
)


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
    """What identifies this engine's own code: its version, the Python that runs it (pickle and
    marshal formats), and the size and time of every file of the package (an edited checker or
    grammar must not meet a rulebook checked by the old one)."""
    h = hashlib.sha256(f"{FORMAT}|{VERSION}|{sys.version}|{sys.implementation.cache_tag}".encode())
    package = Path(__file__).resolve().parent.parent
    files = [*package.glob("*.py"), *(p for part in _MAKERS for p in (package / part).rglob("*") if p.suffix in _MADE_OF)]
    files.append(grammar_path())
    for path in sorted(files):
        st = path.stat()
        h.update(f"{path}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.digest()


def key_for(paths: Sequence[str], schema: object) -> str | None:
    """The cache key of loading these paths with this schema: over every `.nr` file under the
    rulebook root (everything a load may read), byte for byte. None if a file cannot be read."""
    from netralrules.syntax.loader import RULES_SUFFIX, rulebook_root

    try:
        root = rulebook_root(paths)
        h = hashlib.sha256(_engine_fingerprint())
        h.update(repr((tuple(os.path.abspath(p) for p in paths), str(root), repr(schema))).encode())
        found = []
        for path in root.rglob(f"*{RULES_SUFFIX}"):
            found.append(path)
            if len(found) > _MAX_KEY_FILES:  # a root such as `/` for paths far apart: no cache
                log.debug("no cache key: more than %d rules files under %s", _MAX_KEY_FILES, root)
                return None
        for path in sorted(found):
            if path.is_file():
                h.update(f"\n{path.relative_to(root)}\n".encode())
                h.update(hashlib.sha256(path.read_bytes()).digest())
    except (OSError, ValueError) as exc:
        log.debug("no cache key (%s)", exc)
        return None
    return h.hexdigest()


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


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module == "datetime" and name == "date":
            return super().find_class(module, name)
        if module == __name__ and name == "_rebuild":
            return _rebuild
        if module in _PICKLE_MODULES:
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a cached rulebook")


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
        checked = _Unpickler(io.BytesIO(data)).load()
        if not isinstance(checked, CheckedRulebook):
            return None
        program = None
        code_blob = _blob(folder, index.get("program"))
        if code_blob is not None:
            code = marshal.loads(code_blob)
            if isinstance(code, CodeType):
                program = program_from_code(code, str(index.get("source")))
    except (ValueError, KeyError, TypeError, EOFError, AttributeError, pickle.UnpicklingError, GenerationError) as exc:
        log.debug("cache entry %s not used (%s)", key, exc)
        return None
    return checked, program


# ---- writing ----------------------------------------------------------------------------------


# Slotted frozen dataclasses (the AST, spans, resolutions) are pickled as their class and field
# values and rebuilt by `_rebuild`: the standard way calls `dataclasses.fields` for each object,
# which made loading a cached rulebook twice as slow.
_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    names = _FIELDS.get(cls)
    if names is None:
        if cls.__module__ not in _PICKLE_MODULES or not dataclasses.is_dataclass(cls) or "__slots__" not in cls.__dict__:
            return None
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _rebuild(cls: type, values: tuple[object, ...]) -> object:
    names = _field_names(cls) if isinstance(cls, type) else None
    if names is None or not isinstance(values, tuple) or len(values) != len(names):
        raise pickle.UnpicklingError("not a cached rulebook object")
    obj: object = object.__new__(cls)
    for name, value in zip(names, values, strict=True):
        object.__setattr__(obj, name, value)
    return obj


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        names = _field_names(type(obj))
        if names is None:
            return NotImplemented
        return _rebuild, (type(obj), tuple(getattr(obj, n) for n in names))


def _dumps(checked: CheckedRulebook) -> bytes:
    out = io.BytesIO()
    _Pickler(out, protocol=_PICKLE_PROTOCOL).dump(checked)
    return out.getvalue()


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
    except (OSError, pickle.PicklingError, RecursionError, ValueError, SyntaxError) as exc:
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
