"""The rulebook a worker serves, and how it changes.

The store names the active version (its hash) and keeps its text. A reload (the admin call, or
SIGHUP) reads a folder, checks and compiles it through the facade, and only if it loads clean
saves its text and makes it active; every worker notices the new generation in the store within a
poll and switches by replacing one reference. A request takes that reference once, at its start,
so it is answered wholly by one version, and its response names the hash.
"""

from __future__ import annotations

import logging
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from netralrules.rulebook import Rulebook, load_rulebook
from netralrules.service.store import Store

log = logging.getLogger("netralrules.service")


def rulebook_files(rulebook: Rulebook) -> dict[str, str]:
    """The text of each rules file of a loaded rulebook, by its path under the rulebook root."""
    report = rulebook.check()
    root = rulebook.root or Path.cwd()
    files: dict[str, str] = {}
    for name, source in report.sources.items():
        path = Path(name).resolve()
        rel = path.relative_to(root) if path.is_relative_to(root) else Path(path.name)
        files[rel.as_posix()] = source.text
    return files


def load_from_text(files: dict[str, str]) -> Rulebook:
    """A rulebook from stored text: written to a private folder and loaded from there."""
    with tempfile.TemporaryDirectory(prefix="netralrules-rb-") as folder:
        root = Path(folder)
        for rel, text in files.items():
            target = (root / rel).resolve()
            if not target.is_relative_to(root.resolve()):
                raise ValueError(f"stored rulebook path {rel!r} leaves its folder")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        return load_rulebook(root)


class RulebookHolder:
    """The worker's current rulebook; replaced as a whole, never changed in place."""

    def __init__(self, store: Store, rulebook: Rulebook, generation: int) -> None:
        self.store = store
        self._current = rulebook
        self.generation = generation
        self._lock = threading.Lock()

    @property
    def current(self) -> Rulebook:
        return self._current

    @classmethod
    def start(cls, store: Store, rules: Sequence[str]) -> RulebookHolder:
        """The active version in the store, or (none yet) the configured rules, made active."""
        active = store.active()
        if active is not None:
            files = store.rulebook_files(active[0])
            if files is not None:
                rulebook = load_from_text(files)
                if rulebook.content_hash == active[0]:
                    return cls(store, rulebook, active[1])
                log.warning("stored rulebook %s loads with another hash; starting from the configured rules", active[0])
        rulebook, generation = activate(store, rules)
        return cls(store, rulebook, generation)

    def reload(self, rules: Sequence[str]) -> Rulebook:
        """Load, check and activate a folder; raises NetralrulesError (nothing changes) if it has errors."""
        with self._lock:
            rulebook, generation = activate(self.store, rules)
            self._current, self.generation = rulebook, generation
            return rulebook

    def follow(self) -> bool:
        """Switch to the store's active version if another worker changed it; True if switched."""
        active = self.store.active()
        if active is None or active[1] == self.generation:
            return False
        with self._lock:
            content_hash, generation = active
            if content_hash == self._current.content_hash:
                self.generation = generation
                return False
            files = self.store.rulebook_files(content_hash)
            if files is None:
                return False
            rulebook = load_from_text(files)
            if rulebook.content_hash != content_hash:
                log.error(
                    "active rulebook %s does not load to its own hash; keeping %s", content_hash, self._current.content_hash
                )
                return False
            self._current, self.generation = rulebook, generation
            log.info("rulebook switched to %s (generation %d)", content_hash, generation)
            return True


def activate(store: Store, rules: Sequence[str]) -> tuple[Rulebook, int]:
    """Load `rules` (default: the bundled rulebook), keep its text, make it active."""
    rulebook = load_rulebook(list(rules) or None)
    store.save_rulebook(rulebook.content_hash, rulebook_files(rulebook), [str(Path(p).resolve()) for p in rulebook.paths])
    return rulebook, store.set_active(rulebook.content_hash)
