"""One error root: everything netralrules raises on purpose is a `NetralrulesError` (a broken
rulebook, bad incident data, a bad explanation request), with the codes of every problem; and the
command line still maps each kind to its exit code (1 rulebook and incident, 2 request)."""

from __future__ import annotations

import io
import json
import pickle
from pathlib import Path

import pytest

import netralrules
from netralrules import IncidentError, NetralrulesError, RequestError, RulebookError, evaluate, load_rulebook, what_if, why_not
from netralrules.cli import main
from netralrules.diagnostics import NetralrulesError as FromDiagnostics
from netralrules.facts import IncidentError as FromFacts
from tests.helpers import provision

EXAMPLE = Path(__file__).parents[1] / "examples" / "pns_kampanye_atribut_partai.json"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_the_names_are_the_ones_already_imported_elsewhere() -> None:
    assert FromDiagnostics is NetralrulesError and FromFacts is IncidentError
    for cls in (RulebookError, IncidentError, RequestError):
        assert issubclass(cls, NetralrulesError) and cls.__name__ in netralrules.__all__


def _broken_rules(tmp_path: Path) -> Path:
    path = tmp_path / "a.nr"
    path.write_text(provision("tindakan.fasilitas_negra"), encoding="utf-8")
    return path


def test_a_broken_rulebook_raises_a_rulebook_error(tmp_path: Path) -> None:
    with pytest.raises(NetralrulesError) as caught:
        load_rulebook(_broken_rules(tmp_path))
    assert type(caught.value) is RulebookError
    assert caught.value.code == "E0204" and caught.value.codes == tuple(d.code for d in caught.value.diagnostics)


def test_bad_incident_data_raises_an_incident_error() -> None:
    with pytest.raises(NetralrulesError) as caught:
        evaluate('{"id": "x", "tindakan": []}')
    assert type(caught.value) is IncidentError
    assert caught.value.diagnostics == () and caught.value.codes == tuple(p.code for p in caught.value.problems)
    assert "E0411" in caught.value.codes


@pytest.mark.parametrize(
    ("ask", "code"),
    [
        pytest.param(lambda text: why_not(text, ["pp94.pasal5.n.44"]), "E0501", id="why-not unknown provision"),
        pytest.param(lambda text: what_if(text, ["tindakan.nope=benar"]), "E0503", id="what-if unknown fact"),
        pytest.param(lambda text: what_if(text, ["tindakan.fasilitas_negara=mungkin"]), "E0504", id="what-if bad value"),
    ],
)
def test_a_bad_request_raises_a_request_error(ask: object, code: str) -> None:
    assert callable(ask)
    with pytest.raises(NetralrulesError) as caught:
        ask(EXAMPLE.read_text(encoding="utf-8"))
    assert type(caught.value) is RequestError and caught.value.code == code


def test_the_cli_keeps_its_exit_code_for_each_kind(tmp_path: Path) -> None:
    example = str(EXAMPLE)
    bad_incident = tmp_path / "bad.json"
    bad_incident.write_text(json.dumps({"id": "x", "tindakan": []}), encoding="utf-8")
    assert run("evaluate", example, "--rules", str(_broken_rules(tmp_path)))[0] == 1  # RulebookError
    code, _, err = run("evaluate", str(bad_incident))  # IncidentError
    assert code == 1 and "[E0411]" in err
    code, _, err = run("evaluate", example, "--why-not", "pp94.pasal5.n.44")  # RequestError
    assert code == 2 and "error[E0501]" in err
    code, _, err = run("evaluate", example, "--set", "tindakan.nope=benar")
    assert code == 2 and "error[E0503]" in err
    assert run("evaluate", example)[0] == 0


def test_every_error_survives_a_trip_to_another_process(tmp_path: Path) -> None:
    errors: list[NetralrulesError] = []
    for attempt in (
        lambda: load_rulebook(_broken_rules(tmp_path)),
        lambda: evaluate('{"id": "x", "tindakan": []}'),
        lambda: why_not(EXAMPLE.read_text(encoding="utf-8"), ["pp94.pasal5.n.44"]),
    ):
        with pytest.raises(NetralrulesError) as caught:
            attempt()
        errors.append(caught.value)
    for error in errors:
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error) and str(back) == str(error)
        assert back.codes == error.codes and back.diagnostics == error.diagnostics
