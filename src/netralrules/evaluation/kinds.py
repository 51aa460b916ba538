"""The closed sets of words the evaluation stage decides between: what happened to a provision for
an act, and how a track (or a referral) was settled. StrEnums: each member equals its string, so
the JSON and the reports show the same words they always did."""

from __future__ import annotations

import enum


class Status(enum.StrEnum):
    """What happened to one provision for one act."""

    # Hashed as the string it equals (Enum's own hash is a Python call on the member's name): the
    # explanation graph keeps what it shares under keys holding the ProvisionResult events, which
    # hold a Status (explain/graph.py).
    __hash__ = str.__hash__

    FIRED = "fired"
    NOT_FIRED = "not_fired"
    UNKNOWN = "unknown"  # undecidable: a fact it needs is unknown (never read as not_fired)
    NOT_APPLICABLE = "not_applicable"  # does not bind the respondent
    NOT_IN_FORCE = "not_in_force"  # not in force on the act's date
    DEFEATED = "defeated"  # an exception fired, or a conflict principle let another prevail


class DeterminationStatus(enum.StrEnum):
    """How a track of the determination, or the referral, was settled."""

    DETERMINED = "determined"
    UNRESOLVED = "unresolved"
    NONE = "none"


class Assessment(enum.StrEnum):
    """Whether an act was assessed against the rulebook (evaluation/coverage.py)."""

    ASSESSED = "dinilai"  # some provision could apply to it: it was considered
    NOT_ASSESSED = "tidak_dinilai"  # an ASN respondent's act no provision covers (a gap): never "no violation"
    OUTSIDE_ASN = "di_luar_asn"  # the same for a respondent who is not ASN: the ASN rules do not govern it


class Proof(enum.StrEnum):
    """How far a finding is proven (evaluation/attribution.py)."""

    PROVEN = "terbukti"  # the act, or one of its evidence items, is verified
    ALLEGED = "dugaan"  # reported, not verified: a finding on an allegation
