"""export batches: each package made for headquarters, its change-log range, file and status

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 07:36:19.932332
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('export_batch',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('full', sa.Boolean(), nullable=False),
    sa.Column('change_after', sa.Integer(), nullable=False),
    sa.Column('change_through', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('records', sa.Integer(), nullable=False),
    sa.Column('tombstones', sa.Integer(), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('target', sa.Text(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('failed_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status in ('made', 'sent', 'acknowledged', 'failed', 'superseded')", name=op.f('ck_export_batch_status_known')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_export_batch')),
    sa.UniqueConstraint('uuid', name=op.f('uq_export_batch_uuid'))
    )
    op.create_index('ix_export_batch_status', 'export_batch', ['status', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_export_batch_status', table_name='export_batch')
    op.drop_table('export_batch')
