"""First schema: accounts, scenarios and their versions, plans, items and their versions, audit.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Create every table."""
    op.create_table(
        "accounts", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(80), nullable=False, unique=True),
        sa.Column("roles", sa.String(200), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("created_at", _TS, nullable=False))
    op.create_table(
        "scenarios", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("latest_version", sa.Integer, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("created_by", sa.String(80), nullable=False))
    op.create_table(
        "scenario_versions", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("scenario_id", sa.Integer, sa.ForeignKey("scenarios.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("yaml", sa.Text, nullable=False),
        sa.Column("author", sa.String(80), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("diff", sa.Text, nullable=False),
        sa.Column("restored_from", sa.Integer, nullable=True),
        sa.UniqueConstraint("scenario_id", "version", name="uq_scenario_version"))
    op.create_table(
        "plans", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("scenario_id", sa.Integer, sa.ForeignKey("scenarios.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("scenario_version", sa.Integer, nullable=False),
        sa.Column("catalog_fingerprint", sa.String(128), nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("plan_json", sa.Text, nullable=False),
        sa.Column("author", sa.String(80), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("comment", sa.Text, nullable=False))
    op.create_table(
        "items", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("latest_version", sa.Integer, nullable=False),
        sa.UniqueConstraint("kind", "name", name="uq_item_kind_name"))
    op.create_table(
        "item_versions", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("item_id", sa.Integer, sa.ForeignKey("items.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("filename", sa.String(300), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("author", sa.String(80), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.UniqueConstraint("item_id", "version", name="uq_item_version"))
    op.create_table(
        "audit", sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", _TS, nullable=False, index=True),
        sa.Column("actor", sa.String(80), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target", sa.String(300), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("detail", sa.Text, nullable=False))


def downgrade() -> None:
    """Drop every table."""
    for table in ("audit", "item_versions", "items", "plans", "scenario_versions", "scenarios", "accounts"):
        op.drop_table(table)
