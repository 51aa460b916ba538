"""The short run of the fuzzing campaign (the long one: docs/reliability.md): a few hundred rules
files and incidents and one batch run killed at random, through every property the campaign checks.
Any finding fails the test and names the input number that reproduces it."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz import campaign


def _clean(target: str, count: int, tmp_path: Path) -> None:
    state = campaign.run(target, count, tmp_path, chunk=50, quiet=True)
    assert state["done"] == count
    assert not state["findings"], state["findings"]


def test_rules_files(tmp_path: Path) -> None:
    _clean("rules", 150, tmp_path)


def test_incidents(tmp_path: Path) -> None:
    _clean("incidents", 150, tmp_path)


def test_a_batch_run_killed_and_resumed(tmp_path: Path) -> None:
    _clean("batch", 1, tmp_path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**40))
def test_any_generated_rules_file_holds_every_property(seed: int) -> None:
    campaign.check_rules(seed, {})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**40))
def test_any_generated_incident_holds_every_property(seed: int) -> None:
    campaign.check_incident(seed, {})
