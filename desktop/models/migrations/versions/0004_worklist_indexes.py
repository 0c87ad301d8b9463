"""worklists: indexes that answer the home screen's counts

On a million clients the worklist counts read hundreds of thousands of rows: «ready for تثبیت»
scanned every case in follow-up and read each one's visits, overdue visits were grouped by
walking every visit. The stage index now holds the end of monitoring (a range), the index of a
case's visits holds what is asked of its final visit (date order, as the case's timeline reads
them), and the index of visits not yet made answers without reading a visit. Indexes only: no
table is rebuilt.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 02:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOT_DONE = sa.text('done_on is null')


def upgrade() -> None:
    op.drop_index('ix_employment_case_stage', table_name='employment_case')
    op.create_index('ix_employment_case_stage', 'employment_case',
                    ['status', 'stage', 'horizon_on', 'facilitator_id'])
    op.drop_index('ix_monitoring_visit_case', table_name='monitoring_visit')
    op.create_index('ix_monitoring_visit_case', 'monitoring_visit',
                    ['case_id', 'due_on', 'sequence', 'month', 'done_on', 'job_active'])
    op.drop_index('ix_monitoring_visit_open_due', table_name='monitoring_visit')
    op.create_index('ix_monitoring_visit_open_due', 'monitoring_visit',
                    ['due_on', 'case_id', 'done_on'], sqlite_where=NOT_DONE,
                    postgresql_where=NOT_DONE)


def downgrade() -> None:
    op.drop_index('ix_monitoring_visit_open_due', table_name='monitoring_visit')
    op.create_index('ix_monitoring_visit_open_due', 'monitoring_visit', ['due_on', 'case_id'],
                    sqlite_where=NOT_DONE, postgresql_where=NOT_DONE)
    op.drop_index('ix_monitoring_visit_case', table_name='monitoring_visit')
    op.create_index('ix_monitoring_visit_case', 'monitoring_visit', ['case_id', 'sequence'])
    op.drop_index('ix_employment_case_stage', table_name='employment_case')
    op.create_index('ix_employment_case_stage', 'employment_case',
                    ['status', 'stage', 'facilitator_id'])
