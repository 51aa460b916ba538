"""The rulebook cache (codegen/cache.py): a new process loads from it without parsing and decides
the same; a poisoned cache is not run; a directory or file that is not private to the user, or a
read-only one, is not used and the rulebook is parsed as before, without an error."""

from __future__ import annotations

import json
import marshal
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netralrules.codegen import cache
from netralrules.codegen.generate import generate
from netralrules.evaluation.program import program_of
from netralrules.resources import default_rulebook_path
from netralrules.rulebook import _load

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="the cache needs POSIX owners and modes")

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "pns_kampanye_atribut_partai.json"


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    """A copy of the bundled rulebook (its own key: the test may change its files)."""
    target = tmp_path / "rules"
    shutil.copytree(default_rulebook_path(), target)
    return target


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(path))
    return path


def _entry(folder: Path, rules: Path) -> dict[str, str]:
    key = cache.key_for((str(rules),), _schema())
    assert key is not None
    index: dict[str, str] = json.loads((folder / f"{key}.json").read_text())
    return index


def _schema() -> object:
    from netralrules.facts.schema import DEFAULT_SCHEMA

    return DEFAULT_SCHEMA


def test_a_load_fills_the_cache_and_the_next_load_reads_it_without_parsing(
    folder: Path, rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _load((str(rules),), _schema())  # type: ignore[arg-type]
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    index = _entry(folder, rules)
    assert {"checked", "program"} <= set(index)
    import netralrules.authoring
    import netralrules.syntax.parser

    def no_parsing(*args: object, **kwargs: object) -> object:
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(netralrules.authoring, "check_paths", no_parsing)
    monkeypatch.setattr(netralrules.syntax.parser, "parse_source", no_parsing)
    second = _load((str(rules),), _schema())  # type: ignore[arg-type]
    assert second.checked == first.checked and second.content_hash == first.content_hash
    assert second.root == first.root and second.paths == first.paths
    text = EXAMPLE.read_text()
    assert second.evaluate(text, explain=False).to_json() == first.evaluate(text, explain=False).to_json()
    program = program_of(second.plan)
    assert program is not None and program.sha256 == index["source"]  # the cached program decides


def test_an_edited_rules_file_is_a_new_key(folder: Path, rules: Path) -> None:
    before = cache.key_for((str(rules),), _schema())
    some = next(rules.rglob("*.nr"))
    some.write_text(some.read_text() + "\n# komentar\n")
    assert cache.key_for((str(rules),), _schema()) != before


def _poison(folder: Path, rules: Path, marker: Path) -> None:
    """Replace the entry's blobs by ones that create `marker` when unpickled or run, with an index
    naming their true hashes (as someone able to write the directory would)."""
    import hashlib

    class Boom:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    bad_pickle = pickle.dumps(Boom())
    bad_code = marshal.dumps(compile(f"__import__('pathlib').Path({str(marker)!r}).touch()", "<x>", "exec"))
    # The poison is live: loaded the plain way, each creates the marker.
    pickle.loads(bad_pickle)
    assert marker.exists()
    marker.unlink()
    exec(marshal.loads(bad_code))
    assert marker.exists()
    marker.unlink()
    key = cache.key_for((str(rules),), _schema())
    index = json.loads((folder / f"{key}.json").read_text())
    for name, data in (("checked", bad_pickle), ("program", bad_code)):
        sha256 = hashlib.sha256(data).hexdigest()
        (folder / f"{sha256}.blob").write_bytes(data)
        os.chmod(folder / f"{sha256}.blob", 0o600)
        index[name] = sha256
    (folder / f"{key}.json").write_text(json.dumps(index))


def test_a_poisoned_cache_is_not_run(folder: Path, rules: Path, tmp_path: Path) -> None:
    _load((str(rules),), _schema())  # type: ignore[arg-type]
    marker = tmp_path / "ran"
    _poison(folder, rules, marker)
    # Neither the pickle nor the code runs; the rulebook is parsed again and works.
    rulebook = _load((str(rules),), _schema())  # type: ignore[arg-type]
    assert not marker.exists()
    assert rulebook.evaluate(EXAMPLE.read_text(), explain=False).evaluation.findings


def test_poisoned_code_alone_is_not_run(folder: Path, rules: Path, tmp_path: Path) -> None:
    """The pickle is good but the program is someone else's code: the names check refuses it."""
    import hashlib

    _load((str(rules),), _schema())  # type: ignore[arg-type]
    marker = tmp_path / "ran"
    key = cache.key_for((str(rules),), _schema())
    index = json.loads((folder / f"{key}.json").read_text())
    source = generate(_load((str(rules),), _schema()).checked)  # type: ignore[arg-type]
    evil = source.text + f"K999 = __import__('pathlib').Path({str(marker)!r}).touch()\n"
    data = marshal.dumps(compile(evil, "<x>", "exec"))
    sha256 = hashlib.sha256(data).hexdigest()
    (folder / f"{sha256}.blob").write_bytes(data)
    os.chmod(folder / f"{sha256}.blob", 0o600)
    index["program"] = sha256
    (folder / f"{key}.json").write_text(json.dumps(index))
    rulebook = _load((str(rules),), _schema())  # type: ignore[arg-type]
    assert not marker.exists()
    assert rulebook.evaluate(EXAMPLE.read_text(), explain=False).evaluation.findings


def test_a_damaged_blob_is_not_used(folder: Path, rules: Path) -> None:
    _load((str(rules),), _schema())  # type: ignore[arg-type]
    index = _entry(folder, rules)
    blob = folder / f"{index['checked']}.blob"
    blob.write_bytes(blob.read_bytes()[:-10] + b"0123456789")
    key = cache.key_for((str(rules),), _schema())
    assert key is not None and cache.load(key) is None


def test_a_directory_others_can_write_is_not_used(folder: Path, rules: Path) -> None:
    folder.mkdir(mode=0o700)
    os.chmod(folder, 0o777)
    assert cache.cache_dir() is None
    rulebook = _load((str(rules),), _schema())  # type: ignore[arg-type]
    assert rulebook.evaluate(EXAMPLE.read_text(), explain=False).evaluation.findings
    assert list(folder.iterdir()) == []


def test_a_file_others_can_write_is_not_used(folder: Path, rules: Path) -> None:
    _load((str(rules),), _schema())  # type: ignore[arg-type]
    key = cache.key_for((str(rules),), _schema())
    assert key is not None and cache.load(key) is not None
    os.chmod(folder / f"{key}.json", 0o666)
    assert cache.load(key) is None


def test_a_link_in_the_cache_is_not_followed(folder: Path, rules: Path, tmp_path: Path) -> None:
    _load((str(rules),), _schema())  # type: ignore[arg-type]
    key = cache.key_for((str(rules),), _schema())
    index = folder / f"{key}.json"
    elsewhere = tmp_path / "elsewhere.json"
    index.rename(elsewhere)
    index.symlink_to(elsewhere)
    assert key is not None and cache.load(key) is None


@pytest.mark.skipif(os.getuid() != 0, reason="giving a file to another user needs root")
def test_a_directory_of_another_user_is_not_used(folder: Path) -> None:
    folder.mkdir(mode=0o700)
    os.chown(folder, 12345, -1)
    assert cache.cache_dir() is None


def test_a_read_only_cache_falls_back_to_parsing(tmp_path: Path, rules: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = tmp_path / "ro"
    parent.mkdir()
    os.chmod(parent, 0o500)
    monkeypatch.setenv(cache.ENV_DIR, str(parent / "cache"))
    try:
        if os.access(parent, os.W_OK):
            pytest.skip("root ignores the mode: nothing is read-only")
        rulebook = _load((str(rules),), _schema())  # type: ignore[arg-type]
        assert rulebook.evaluate(EXAMPLE.read_text(), explain=False).evaluation.findings
    finally:
        os.chmod(parent, 0o700)


def test_a_cache_that_cannot_be_written_falls_back_without_error(
    folder: Path, rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(*args: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(cache, "_write", read_only)
    rulebook = _load((str(rules),), _schema())  # type: ignore[arg-type]
    assert rulebook.evaluate(EXAMPLE.read_text(), explain=False).evaluation.findings
    assert not list(folder.glob("*.json"))


def test_a_root_with_too_many_rules_files_has_no_key(rules: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "_MAX_KEY_FILES", 3)
    assert cache.key_for((str(rules),), _schema()) is None


def test_old_entries_and_their_blobs_are_removed(folder: Path, rules: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    some = next(rules.rglob("*.nr"))
    original = some.read_text()
    keys: list[str] = []
    for i in range(4):  # four versions of the rulebook: four entries written
        some.write_text(original + f"\n# versi {i}\n")
        _load((str(rules),), _schema())  # type: ignore[arg-type]
        key = cache.key_for((str(rules),), _schema())
        assert key is not None
        keys.append(key)
        os.utime(folder / f"{keys[-1]}.json", ns=(i * 10**9 + 10**18, i * 10**9 + 10**18))
    cache._prune(folder)
    left = {p.stem for p in folder.glob("*.json")}
    assert left == set(keys[2:])
    named = set()
    for key in left:
        index = json.loads((folder / f"{key}.json").read_text())
        named |= {index["checked"], index["program"]}
    assert {p.stem for p in folder.glob("*.blob")} == named
    assert cache.load(keys[-1]) is not None


def test_switched_off(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setenv(cache.ENV_SWITCH, "0")
    assert cache.cache_dir() is None


def test_a_new_process_loads_from_the_cache_and_decides_the_same(folder: Path, rules: Path) -> None:
    script = (
        "import sys, netralrules.rulebook as r\n"
        "from netralrules.facts.schema import DEFAULT_SCHEMA\n"
        "rb = r._load((sys.argv[1],), DEFAULT_SCHEMA)\n"
        "print(rb.evaluate(open(sys.argv[2]).read(), explain=False).to_json())\n"
    )
    env = {**os.environ, cache.ENV_DIR: str(folder)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script, str(rules), str(EXAMPLE)], capture_output=True, text=True, env=env, check=True
        )
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout and runs[0].stdout
    assert any(folder.glob("*.json"))


# ---- the cached form of a checked rulebook ---------------------------------------------------


def _same(a: object, b: object, where: str, seen: set[int]) -> None:
    """Equal to the last field, spans included (`==` of the AST leaves spans out), same types."""
    import dataclasses

    assert type(a) is type(b), where
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        if id(a) in seen:
            return
        seen.add(id(a))
        for f in dataclasses.fields(a):
            _same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}", seen)
    elif isinstance(a, tuple):
        assert isinstance(b, tuple) and len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{where}[{i}]", seen)
    elif isinstance(a, dict):
        assert isinstance(b, dict) and list(a) == list(b), where
        for (k, x), (k2, y) in zip(a.items(), b.items(), strict=True):
            _same(k, k2, f"{where} key", seen)
            _same(x, y, f"{where}[{k!r}]", seen)
    else:
        assert a == b, where


def test_the_cached_form_rebuilds_every_field_spans_included() -> None:
    from netralrules.rulebook import load_rulebook
    from netralrules.syntax import ast

    checked = load_rulebook().checked
    back = cache._loads(cache._dumps(checked))
    assert back == checked and back.content_hash == checked.content_hash
    _same(checked, back, "checked", set())
    # The checker's resolutions are keyed by the very spans of the names they resolve (the
    # compiler looks them up by `name.span`), as in the rulebook that was checked.
    names = [e for p in back.provisions.values() for e in _walk(p.condition) if isinstance(e, ast.Name)]
    assert names and all(any(k is n.span for k in back.resolutions) for n in names[:20])
    assert {id(k) for k in back.resolutions} >= {id(n.span) for n in names}


def _walk(e: object) -> list[object]:
    from netralrules.compiler import children_of
    from netralrules.syntax import ast

    out = [e]
    if isinstance(e, ast.Expr):
        for child in children_of(e):
            out.extend(_walk(child))
    return out


def _entry_with(folder: Path, rules: Path, data: bytes) -> None:
    """The entry of `rules` with its rulebook blob replaced by `data`, named by its true hash (as
    someone able to write the directory would)."""
    import hashlib

    key = cache.key_for((str(rules),), _schema())
    index = json.loads((folder / f"{key}.json").read_text())
    sha256 = hashlib.sha256(data).hexdigest()
    (folder / f"{sha256}.blob").write_bytes(data)
    os.chmod(folder / f"{sha256}.blob", 0o600)
    index["checked"] = sha256
    (folder / f"{key}.json").write_text(json.dumps(index))


def _with_class(data: bytes, module: str, name: str) -> bytes:
    """The cached form with its first class replaced by another name."""
    layout, classes, top = marshal.loads(data)
    _, _, count, columns = classes[0]
    return marshal.dumps((layout, ((module, name, count, columns), *classes[1:]), top))


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("os", "system"),  # not a module of the package
        ("builtins", "eval"),
        ("netralrules.syntax.ast", "dataclass"),  # a function the module imports, not its class
        ("netralrules.source", "SourceFile"),  # a class of the package, but not a slotted one
        ("netralrules.syntax.ast", "Provision"),  # allowed, but its fields are not these
    ],
)
def test_a_cached_form_naming_another_class_is_not_used(folder: Path, rules: Path, module: str, name: str) -> None:
    first = _load((str(rules),), _schema())  # type: ignore[arg-type]
    data = cache._dumps(first.checked)
    _entry_with(folder, rules, _with_class(data, module, name))
    key = cache.key_for((str(rules),), _schema())
    assert key is not None and cache.load(key) is None
    again = _load((str(rules),), _schema())  # type: ignore[arg-type]  # parsed again, and works
    assert again.checked == first.checked
    assert again.evaluate(EXAMPLE.read_text(), explain=False).evaluation.findings


def test_a_cached_form_holding_code_or_an_enum_of_elsewhere_is_not_used(folder: Path, rules: Path, tmp_path: Path) -> None:
    """Marshal can make code objects: one in a column is refused, not kept (nor run); an enum
    member is only looked up in an enum of the package."""
    first = _load((str(rules),), _schema())  # type: ignore[arg-type]
    layout, classes, top = marshal.loads(cache._dumps(first.checked))
    marker = tmp_path / "ran"
    code = compile(f"__import__('pathlib').Path({str(marker)!r}).touch()", "<x>", "exec")
    key = cache.key_for((str(rules),), _schema())
    assert key is not None
    for at, kind in enumerate((cache._RAW, cache._TUPLES, cache._ENUM)):
        i, j = next((i, j) for i, c in enumerate(classes) for j, col in enumerate(c[3]) if col[1] == kind)
        module, name, count, columns = classes[i]
        field, _, column, extra = columns[j]
        if kind == cache._ENUM:
            extra = ("os", "system")
        else:
            column = (code, *column[1:]) if kind == cache._RAW else ((code,), *column[1:])
        bad = (*columns[:j], (field, kind, column, extra), *columns[j + 1 :])
        data = marshal.dumps((layout, (*classes[:i], (module, name, count, bad), *classes[i + 1 :]), top))
        _entry_with(folder, rules, data)
        assert cache.load(key) is None, (at, field)
    assert not marker.exists()
    assert _load((str(rules),), _schema()).checked == first.checked  # type: ignore[arg-type]


def test_a_rulebook_that_cannot_be_kept_is_not_cached(folder: Path, rules: Path) -> None:
    """Anything in a checked rulebook that the cached form does not know (a list, a set, a class
    of elsewhere) stops it from being written; the rulebook still loads."""
    import dataclasses

    checked = _load((str(rules),), _schema()).checked  # type: ignore[arg-type]
    for odd in ([1, 2], {1, 2}, Path("x")):
        with pytest.raises(ValueError):
            cache._dumps(dataclasses.replace(checked, principles=odd))  # type: ignore[arg-type]


def _outputs(rulebook: object, text: str) -> dict[str, str]:
    """Everything a reviewer reads of one incident: the decision with its explanation, the report
    as JSON, text (both languages), Markdown, HTML, GraphML and node-link JSON."""
    from netralrules.explain.render.html import to_html
    from netralrules.rulebook import Rulebook

    assert isinstance(rulebook, Rulebook)
    decision = rulebook.evaluate(text)
    return {
        "decision": decision.to_json(),
        "no graph": rulebook.evaluate(text, explain=False).to_json(),
        "report": json.dumps(rulebook.explain(decision).to_dict(), sort_keys=True, ensure_ascii=False),
        "text": rulebook.to_text(decision),
        "text en": rulebook.to_text(decision, "en"),
        "markdown": rulebook.to_markdown(decision),
        "html": to_html(decision),
        "graphml": rulebook.to_graphml(decision),
        "node-link": rulebook.to_node_link(decision),
    }


def test_decisions_explanations_and_reports_are_the_same_from_the_cache(
    folder: Path, rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV_SWITCH, "0")
    parsed = _load((str(rules),), _schema())  # type: ignore[arg-type]
    monkeypatch.delenv(cache.ENV_SWITCH)
    _load((str(rules),), _schema())  # type: ignore[arg-type]  # fills the cache
    key = cache.key_for((str(rules),), _schema())
    assert key is not None and cache.load(key) is not None
    cached = _load((str(rules),), _schema())  # type: ignore[arg-type]
    assert program_of(cached.plan) is not None
    examples = sorted(EXAMPLE.parent.glob("*.json")) + sorted(EXAMPLE.parent.glob("*.yaml"))
    assert len(examples) >= 4
    for path in examples:
        text = path.read_text()
        assert _outputs(cached, text) == _outputs(parsed, text), path.name


def _round_trip(text: str) -> None:
    from netralrules.authoring import check_text

    report = check_text(text, "uji.nr")
    assert report.rulebook is not None, [d.message.en for d in report.diagnostics]
    back = cache._loads(cache._dumps(report.rulebook))
    assert back == report.rulebook
    _same(report.rulebook, back, "checked", set())


def test_the_cached_form_of_a_rulebook_with_every_construct() -> None:
    from tests.codegen.support import ALL_CONSTRUCTS

    _round_trip(ALL_CONSTRUCTS)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10_000), st.integers(1, 30))
def test_the_cached_form_of_generated_rulebooks(seed: int, size: int) -> None:
    import importlib

    bench = str(Path(__file__).resolve().parents[2] / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    _round_trip(importlib.import_module("parse_check").generate(size, seed))


@pytest.mark.parametrize("enabled", [True, False])
def test_a_load_leaves_the_collector_as_it_was(folder: Path, rules: Path, enabled: bool) -> None:
    """Loading pauses the cyclic collector and moves what it made to the oldest generation; the
    collector is on or off after it as before, and objects the process froze stay frozen."""
    import gc

    _load((str(rules),), _schema())  # type: ignore[arg-type]
    key = cache.key_for((str(rules),), _schema())
    assert key is not None
    was, was_frozen = gc.isenabled(), gc.get_freeze_count()  # `netralrules audit` run before freezes
    try:
        gc.unfreeze()
        (gc.enable if enabled else gc.disable)()
        assert cache.load(key) is not None
        assert gc.isenabled() is enabled and gc.get_freeze_count() == 0
        gc.freeze()  # as a server does before it forks (lsp/server.py, cli/audit.py)
        frozen = gc.get_freeze_count()
        assert frozen > 0 and cache.load(key) is not None
        assert gc.get_freeze_count() == frozen
    finally:
        if not was_frozen:
            gc.unfreeze()
        (gc.enable if was else gc.disable)()


def test_a_cached_form_counting_more_objects_than_its_bytes_is_refused(folder: Path, rules: Path) -> None:
    """A count is data too: one beyond the size of the data is refused before any object is made
    (10**12 empty objects would take the memory of the machine)."""
    checked = _load((str(rules),), _schema()).checked  # type: ignore[arg-type]
    layout, classes, top = marshal.loads(cache._dumps(checked))
    module, name, _, columns = classes[0]
    for wrong in (10**12, -1, "3"):
        data = marshal.dumps((layout, ((module, name, wrong, columns), *classes[1:]), top))
        with pytest.raises(ValueError):
            cache._loads(data)
    _entry_with(folder, rules, marshal.dumps((layout, ((module, name, 10**12, columns), *classes[1:]), top)))
    key = cache.key_for((str(rules),), _schema())
    assert key is not None and cache.load(key) is None


def test_equal_spans_and_resolutions_are_kept_once_and_ast_nodes_never_merged(monkeypatch: pytest.MonkeyPatch) -> None:
    """Spans and resolutions are values: equal ones are written once and shared when loaded. AST
    nodes keep their identity (a procedure tells its open points apart by it), shared where the
    checked rulebook shares them and distinct where it does not, even when equal."""
    import dataclasses

    from netralrules.source import Span
    from netralrules.syntax import ast

    def objects(checked: object) -> dict[type, list[object]]:
        writer = cache._Writer()
        writer.collect(tuple(getattr(checked, f.name) for f in dataclasses.fields(checked)))  # type: ignore[arg-type]
        found: dict[type, list[object]] = dict(writer.blocks)
        for alias, _ in writer.aliases:
            found.setdefault(type(alias), []).append(alias)
        return found

    # Parsed, not from the cache: a rulebook loaded from the cache shares its equal spans already.
    monkeypatch.setenv(cache.ENV_SWITCH, "0")
    checked = _load((str(default_rulebook_path()),), _schema()).checked  # type: ignore[arg-type]
    back = cache._loads(cache._dumps(checked))
    before, after = objects(checked), objects(back)
    spans = before[Span]
    assert len(set(spans)) < len(spans)  # the checker makes equal spans
    assert len({id(s) for s in after[Span]}) == len(set(spans))  # kept once each
    parts = before[ast.CitationPart]
    assert len(set(parts)) < len(parts)  # equal citation parts (their spans aside) …
    assert len(after[ast.CitationPart]) == len(parts)  # … stay apart
    for procedure in back.procedures.values():
        points = list(open_points(procedure))
        assert len({id(p) for p in points}) == len(points)


def open_points(procedure: object) -> list[object]:
    from netralrules.checker.procedures import open_points as points

    return list(points(procedure))  # type: ignore[arg-type]
