"""The fact boundary: incidents from other systems → validated facts the rules can read.

The only package of netralrules that imports pydantic. Public API: the incident models, `UNKNOWN`,
`load_incident`, `incident_json_schema` and `IncidentError`; the contract is `docs/incident.md`.
`UNKNOWN` is `netralrules.values.UNKNOWN`, the sentinel the evaluator tests for.
"""

from __future__ import annotations

from netralrules.facts.act import Act, Evidence
from netralrules.facts.election import Election, NamedElection
from netralrules.facts.errors import CODES, IncidentError, IncidentProblem, format_problems
from netralrules.facts.incident import UNKNOWN, FactValue, Incident, Unknown, incident_json_schema
from netralrules.facts.loading import load_incident
from netralrules.facts.respondent import PriorSanction, Respondent
from netralrules.facts.vocabulary import VOCABULARIES, Vocabulary

__all__ = [
    "CODES",
    "UNKNOWN",
    "VOCABULARIES",
    "Act",
    "Election",
    "Evidence",
    "FactValue",
    "Incident",
    "IncidentError",
    "IncidentProblem",
    "NamedElection",
    "PriorSanction",
    "Respondent",
    "Unknown",
    "Vocabulary",
    "format_problems",
    "incident_json_schema",
    "load_incident",
]
