"""The follow-up register (issue 17): the enforcement events of each recorded decision.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "decision_events",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("decision_id", sa.String(32), sa.ForeignKey("decisions.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("event_date", sa.String(10), nullable=False),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("data", sa.Text(), nullable=True),
        sa.Column("caller", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.UniqueConstraint("decision_id", "position", name="uq_decision_events_decision_position"),
    )
    op.create_index("ix_decision_events_kind", "decision_events", ["kind"])


def downgrade() -> None:
    op.drop_index("ix_decision_events_kind", table_name="decision_events")
    op.drop_table("decision_events")
