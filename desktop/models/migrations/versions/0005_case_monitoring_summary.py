"""cases: the next visit due and the final visit's finding, kept on the case

The home screen's worklists read, for every open case, its earliest visit not yet made and
what its final visit found. Kept on the case (services/monitoring_summary.py) they are ranges
of one index each, instead of a walk over every visit not yet made (which also held the visits
of cases closed long ago). Existing cases get both from their visits; the index of visits not
yet made served only the worklists and goes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 04:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOT_DONE = sa.text('done_on is null')
HAS_NEXT = sa.text('next_visit_on is not null')


def upgrade() -> None:
    op.add_column('employment_case', sa.Column('next_visit_on', sa.Date(), nullable=True))
    op.add_column('employment_case', sa.Column('final_visit_active', sa.Boolean(), nullable=True))
    op.execute("UPDATE employment_case SET next_visit_on = (SELECT min(v.due_on) "
               "FROM monitoring_visit v WHERE v.case_id = employment_case.id "
               "AND v.done_on IS NULL) WHERE status = 'open'")
    op.execute("UPDATE employment_case SET final_visit_active = (SELECT v.job_active "
               "FROM monitoring_visit v WHERE v.case_id = employment_case.id "
               "AND v.due_on = employment_case.horizon_on AND v.month IS NOT NULL "
               "AND v.done_on IS NOT NULL LIMIT 1) WHERE horizon_on IS NOT NULL")
    op.drop_index('ix_employment_case_stage', table_name='employment_case')
    op.create_index('ix_employment_case_stage', 'employment_case',
                    ['status', 'stage', 'final_visit_active', 'horizon_on', 'facilitator_id'])
    op.create_index('ix_employment_case_next_visit', 'employment_case',
                    ['next_visit_on', 'facilitator_id'], sqlite_where=HAS_NEXT,
                    postgresql_where=HAS_NEXT)
    op.drop_index('ix_monitoring_visit_open_due', table_name='monitoring_visit')


def downgrade() -> None:
    op.create_index('ix_monitoring_visit_open_due', 'monitoring_visit',
                    ['due_on', 'case_id', 'done_on'], sqlite_where=NOT_DONE,
                    postgresql_where=NOT_DONE)
    op.drop_index('ix_employment_case_next_visit', table_name='employment_case')
    op.drop_index('ix_employment_case_stage', table_name='employment_case')
    op.create_index('ix_employment_case_stage', 'employment_case',
                    ['status', 'stage', 'horizon_on', 'facilitator_id'])
    with op.batch_alter_table('employment_case') as batch_op:
        batch_op.drop_column('final_visit_active')
        batch_op.drop_column('next_visit_on')
