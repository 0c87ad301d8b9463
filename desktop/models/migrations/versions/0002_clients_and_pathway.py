"""clients and the employment pathway: cases, events, services, monitoring, programs, search

Besides the tables: the client columns added to existing rows get their defaults and their
search and sort keys; SQLite gets an FTS5 trigram index over the search key (kept in step by
triggers) and PostgreSQL a pg_trgm GIN index, so a name fragment is found without a scan; an
office that exists already gets the default programs.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 01:10:14.753276
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('program',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('visit_months', sa.String(length=100), nullable=False),
    sa.Column('report_months', sa.String(length=100), nullable=False),
    sa.Column('horizon_months', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind in ('national_mandated', 'provincial_mandated', 'job_opportunities_fund', 'partner_foundation', 'other')", name=op.f('ck_program_kind_known')),
    sa.CheckConstraint('horizon_months between 1 and 60', name=op.f('ck_program_horizon_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_program')),
    sa.UniqueConstraint('code', name=op.f('uq_program_code')),
    sa.UniqueConstraint('uuid', name=op.f('uq_program_uuid'))
    )
    op.create_table('client_target_group',
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('target_group', sa.String(length=30), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("target_group in ('female_head', 'self_supporting_girl', 'independent_child', 'recovered_addict', 'disability', 'family_member', 'student')", name=op.f('ck_client_target_group_target_group_known')),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_client_target_group_client_id_client'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_target_group')),
    sa.UniqueConstraint('client_id', 'target_group', name='uq_client_target_group_pair'),
    sa.UniqueConstraint('uuid', name=op.f('uq_client_target_group_uuid'))
    )
    with op.batch_alter_table('client_target_group', schema=None) as batch_op:
        batch_op.create_index('ix_client_target_group_group', ['target_group', 'client_id'], unique=False)

    op.create_table('employment_case',
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('referral_source', sa.String(length=20), nullable=False),
    sa.Column('referred_by', sa.String(length=200), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('stage_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('close_reason', sa.String(length=20), nullable=True),
    sa.Column('facilitator_id', sa.Integer(), nullable=True),
    sa.Column('program_id', sa.Integer(), nullable=True),
    sa.Column('employment_model', sa.String(length=20), nullable=True),
    sa.Column('employment_kind', sa.String(length=12), nullable=True),
    sa.Column('job_title', sa.String(length=200), nullable=False),
    sa.Column('job_sector', sa.String(length=12), nullable=True),
    sa.Column('job_urban', sa.Boolean(), nullable=True),
    sa.Column('job_start_date', sa.Date(), nullable=True),
    sa.Column('employer_name', sa.String(length=200), nullable=False),
    sa.Column('horizon_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("(status = 'closed') = (close_reason is not null)", name=op.f('ck_employment_case_closed_has_reason')),
    sa.CheckConstraint("close_reason is null or close_reason in ('withdrew', 'not_eligible', 'moved', 'unreachable', 'deceased', 'other')", name=op.f('ck_employment_case_close_reason_known')),
    sa.CheckConstraint("employment_kind is null or employment_kind in ('created', 'stabilising')", name=op.f('ck_employment_case_employment_kind_known')),
    sa.CheckConstraint("employment_model is null or employment_model in ('self_employment', 'employer_based', 'community_based', 'supported', 'licensed_centre')", name=op.f('ck_employment_case_employment_model_known')),
    sa.CheckConstraint("job_sector is null or job_sector in ('services', 'agriculture', 'industry')", name=op.f('ck_employment_case_job_sector_known')),
    sa.CheckConstraint("referral_source in ('social_worker', 'facilitator', 'self', 'other_body')", name=op.f('ck_employment_case_referral_source_known')),
    sa.CheckConstraint("stage in ('referral', 'assessment', 'training', 'model', 'job', 'follow_up', 'stabilised')", name=op.f('ck_employment_case_stage_known')),
    sa.CheckConstraint("status in ('open', 'stabilised', 'closed')", name=op.f('ck_employment_case_status_known')),
    sa.CheckConstraint('job_start_date is null or job_start_date >= opened_on', name=op.f('ck_employment_case_job_after_referral')),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_employment_case_client_id_client'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['facilitator_id'], ['app_user.id'], name=op.f('fk_employment_case_facilitator_id_app_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_employment_case_program_id_program'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employment_case')),
    sa.UniqueConstraint('uuid', name=op.f('uq_employment_case_uuid'))
    )
    with op.batch_alter_table('employment_case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_employment_case_client_id'), ['client_id'], unique=False)
        batch_op.create_index('ix_employment_case_facilitator', ['facilitator_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_employment_case_program_id'), ['program_id'], unique=False)
        batch_op.create_index('ix_employment_case_stage', ['status', 'stage', 'facilitator_id'], unique=False)
        batch_op.create_index('uq_employment_case_one_open', ['client_id'], unique=True, sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))

    op.create_table('benefit',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=True),
    sa.Column('months', sa.Integer(), nullable=True),
    sa.Column('training_title', sa.String(length=200), nullable=False),
    sa.Column('training_hours', sa.Integer(), nullable=True),
    sa.Column('training_provider', sa.String(length=200), nullable=False),
    sa.Column('training_completed', sa.Boolean(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind in ('self_employment_loan', 'employer_loan', 'work_capital_grant', 'self_insurance', 'employer_insurance', 'wage_subsidy', 'efficiency_subsidy', 'training_course')", name=op.f('ck_benefit_kind_known')),
    sa.CheckConstraint('amount >= 0', name=op.f('ck_benefit_amount_nonnegative')),
    sa.CheckConstraint('training_hours is null or training_hours between 1 and 2000', name=op.f('ck_benefit_training_hours_range')),
    sa.ForeignKeyConstraint(['case_id'], ['employment_case.id'], name=op.f('fk_benefit_case_id_employment_case'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_benefit_program_id_program'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_benefit')),
    sa.UniqueConstraint('uuid', name=op.f('uq_benefit_uuid'))
    )
    with op.batch_alter_table('benefit', schema=None) as batch_op:
        batch_op.create_index('ix_benefit_case', ['case_id', 'given_on'], unique=False)
        batch_op.create_index('ix_benefit_kind_date', ['kind', 'given_on'], unique=False)

    op.create_table('case_event',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('from_stage', sa.String(length=20), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind in ('opened', 'advanced', 'skipped', 'closed')", name=op.f('ck_case_event_kind_known')),
    sa.CheckConstraint("stage in ('referral', 'assessment', 'training', 'model', 'job', 'follow_up', 'stabilised')", name=op.f('ck_case_event_stage_known')),
    sa.ForeignKeyConstraint(['case_id'], ['employment_case.id'], name=op.f('fk_case_event_case_id_employment_case'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_case_event_user_id_app_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_event')),
    sa.UniqueConstraint('uuid', name=op.f('uq_case_event_uuid'))
    )
    with op.batch_alter_table('case_event', schema=None) as batch_op:
        batch_op.create_index('ix_case_event_case', ['case_id', 'on_date', 'id'], unique=False)

    op.create_table('monitoring_visit',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('mode', sa.String(length=10), nullable=True),
    sa.Column('job_active', sa.Boolean(), nullable=True),
    sa.Column('monthly_income', sa.BigInteger(), nullable=True),
    sa.Column('problems', sa.Text(), nullable=False),
    sa.Column('next_action', sa.Text(), nullable=False),
    sa.Column('visited_by_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind in ('visit', 'report')", name=op.f('ck_monitoring_visit_kind_known')),
    sa.CheckConstraint("mode is null or mode in ('in_person', 'remote')", name=op.f('ck_monitoring_visit_mode_known')),
    sa.CheckConstraint('(done_on is null) = (mode is null)', name=op.f('ck_monitoring_visit_done_has_mode')),
    sa.CheckConstraint('monthly_income is null or monthly_income >= 0', name=op.f('ck_monitoring_visit_income_nonnegative')),
    sa.ForeignKeyConstraint(['case_id'], ['employment_case.id'], name=op.f('fk_monitoring_visit_case_id_employment_case'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['visited_by_id'], ['app_user.id'], name=op.f('fk_monitoring_visit_visited_by_id_app_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_monitoring_visit')),
    sa.UniqueConstraint('uuid', name=op.f('uq_monitoring_visit_uuid'))
    )
    with op.batch_alter_table('monitoring_visit', schema=None) as batch_op:
        batch_op.create_index('ix_monitoring_visit_case', ['case_id', 'sequence'], unique=False)
        batch_op.create_index('ix_monitoring_visit_open_due', ['due_on', 'case_id'], unique=False, sqlite_where=sa.text('done_on is null'), postgresql_where=sa.text('done_on is null'))

    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.add_column(sa.Column('address', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('postal_code', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('sheba', sa.String(length=26), nullable=True))
        batch_op.add_column(sa.Column('disability_type', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('disability_severity', sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column('hard_to_employ', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('education', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('student', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('household_size', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('dependants', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('file_number', sa.String(length=30), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('notes', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('registered_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('sort_name', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False, server_default=''))
        batch_op.create_index('ix_client_birth_date', ['birth_date', 'id'], unique=False)
        batch_op.create_index('ix_client_county_sort', ['county_code', 'sort_name', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_client_file_number'), ['file_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_client_registered_by_id'), ['registered_by_id'], unique=False)
        batch_op.create_index('ix_client_sort_name', ['sort_name', 'id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_client_registered_by_id_app_user'), 'app_user', ['registered_by_id'], ['id'], ondelete='SET NULL')
        batch_op.create_check_constraint(batch_op.f('ck_client_disability_type_known'), "disability_type is null or disability_type in ('physical', 'visual', 'hearing', 'speech', 'intellectual', 'psychiatric', 'autism', 'multiple')")
        batch_op.create_check_constraint(batch_op.f('ck_client_disability_severity_known'), "disability_severity is null or disability_severity in ('mild', 'moderate', 'severe', 'very_severe')")
        batch_op.create_check_constraint(batch_op.f('ck_client_education_known'), "education is null or education in ('none', 'primary', 'lower_secondary', 'diploma', 'associate', 'bachelor', 'master', 'doctorate')")
        batch_op.create_check_constraint(batch_op.f('ck_client_household_size_range'), 'household_size is null or household_size between 1 and 30')
        batch_op.create_check_constraint(batch_op.f('ck_client_dependants_range'), 'dependants is null or dependants between 0 and 30')

    _rekey_clients()
    if op.get_bind().dialect.name == 'sqlite':
        _sqlite_search_index()
    else:
        _postgresql_search_index()
    _default_programs()


def _rekey_clients() -> None:
    """Search keys now keep fields apart and hold the file number; sort keys are new."""
    from desktop.fa.collate import name_sort_key
    from desktop.fa.normalize import search_key

    bind = op.get_bind()
    client = sa.table('client', sa.column('id', sa.Integer), sa.column('first_name', sa.String),
                      sa.column('last_name', sa.String), sa.column('father_name', sa.String),
                      sa.column('national_code', sa.String), sa.column('mobile', sa.String),
                      sa.column('file_number', sa.String), sa.column('search_key', sa.String),
                      sa.column('sort_name', sa.String))
    rows = bind.execute(sa.select(client.c.id, client.c.first_name, client.c.last_name,
                                  client.c.father_name, client.c.national_code,
                                  client.c.mobile, client.c.file_number)).all()
    updates = [
        {'row_id': r.id,
         'key': '|'.join([search_key(f'{r.first_name} {r.last_name}'), search_key(r.father_name),
                          search_key(r.national_code), search_key(r.mobile or ''),
                          search_key(r.file_number)]),
         'sort': name_sort_key(r.last_name, r.first_name, r.father_name)}
        for r in rows
    ]
    if updates:
        bind.execute(client.update().where(client.c.id == sa.bindparam('row_id'))
                     .values(search_key=sa.bindparam('key'), sort_name=sa.bindparam('sort')),
                     updates)


def _sqlite_search_index() -> None:
    # An external-content FTS5 table: it indexes client.search_key by trigrams without a second
    # copy of the text; the triggers keep it in step with every insert, update and delete.
    op.execute("CREATE VIRTUAL TABLE client_search USING fts5("
               "search_key, content='client', content_rowid='id', tokenize='trigram')")
    op.execute("CREATE TRIGGER client_search_insert AFTER INSERT ON client BEGIN "
               "INSERT INTO client_search(rowid, search_key) VALUES (new.id, new.search_key); END")
    op.execute("CREATE TRIGGER client_search_delete AFTER DELETE ON client BEGIN "
               "INSERT INTO client_search(client_search, rowid, search_key) "
               "VALUES ('delete', old.id, old.search_key); END")
    op.execute("CREATE TRIGGER client_search_update AFTER UPDATE OF search_key ON client BEGIN "
               "INSERT INTO client_search(client_search, rowid, search_key) "
               "VALUES ('delete', old.id, old.search_key); "
               "INSERT INTO client_search(rowid, search_key) VALUES (new.id, new.search_key); END")
    op.execute("INSERT INTO client_search(client_search) VALUES ('rebuild')")


def _postgresql_search_index() -> None:
    # pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it. Where
    # the server refuses, search still works, by scanning; `karsaz check` reports it.
    bind = op.get_bind()
    savepoint = bind.begin_nested()
    try:
        bind.exec_driver_sql('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    except sa.exc.DBAPIError:
        savepoint.rollback()
        return
    savepoint.commit()
    op.execute('CREATE INDEX ix_client_search_key_trgm ON client '
               'USING gin (search_key gin_trgm_ops)')


DEFAULT_PROGRAMS = (
    # code, name, kind, visit months, report months, horizon in months
    ('NAT-LOAN', 'تسهیلات تکلیفی از منابع ملی', 'national_mandated', '1,3,6,9,12', '', 12),
    ('PROV-LOAN', 'تسهیلات تکلیفی از منابع استانی', 'provincial_mandated', '1,3,6,9,12', '', 12),
    ('JOB-FUND', 'صندوق فرصت‌های شغلی', 'job_opportunities_fund', '1,3,6,9,12', '', 12),
    ('FOUNDATION', 'تفاهم‌نامه اشتغال بانوان سرپرست خانوار با بنیاد همکار', 'partner_foundation',
     '1,3,6,9,12,15,18,20', '6,12,18', 20),
)


def _default_programs() -> None:
    """An office set up before programs existed gets the default ones, in the change log too."""
    import datetime as dt
    import uuid

    bind = op.get_bind()
    if not bind.execute(sa.text('SELECT count(*) FROM office')).scalar():
        return
    now = dt.datetime.now(dt.UTC)
    stamp = now.replace(tzinfo=None) if bind.dialect.name == 'sqlite' else now
    program = sa.table('program', *(sa.column(c) for c in (
        'code', 'name', 'kind', 'visit_months', 'report_months', 'horizon_months', 'active',
        'uuid', 'created_at', 'updated_at', 'version')))
    change_log = sa.table('change_log', *(sa.column(c) for c in (
        'at', 'entity', 'entity_uuid', 'version', 'op')))
    for code, name, kind, visits, reports, horizon in DEFAULT_PROGRAMS:
        row_uuid = str(uuid.uuid4())
        bind.execute(program.insert().values(
            code=code, name=name, kind=kind, visit_months=visits, report_months=reports,
            horizon_months=horizon, active=True, uuid=row_uuid, created_at=stamp,
            updated_at=stamp, version=1))
        bind.execute(change_log.insert().values(at=stamp, entity='program', entity_uuid=row_uuid,
                                                version=1, op='insert'))

def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for trigger in ('insert', 'delete', 'update'):
            op.execute(f'DROP TRIGGER IF EXISTS client_search_{trigger}')
        op.execute('DROP TABLE IF EXISTS client_search')
    else:
        op.execute('DROP INDEX IF EXISTS ix_client_search_key_trgm')
    with op.batch_alter_table('client', schema=None) as batch_op:
        for check in ('disability_type_known', 'disability_severity_known', 'education_known',
                      'household_size_range', 'dependants_range'):
            batch_op.drop_constraint(batch_op.f(f'ck_client_{check}'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_client_registered_by_id_app_user'), type_='foreignkey')
        batch_op.drop_index('ix_client_sort_name')
        batch_op.drop_index(batch_op.f('ix_client_registered_by_id'))
        batch_op.drop_index(batch_op.f('ix_client_file_number'))
        batch_op.drop_index('ix_client_county_sort')
        batch_op.drop_index('ix_client_birth_date')
        batch_op.drop_column('sort_name')
        batch_op.drop_column('registered_by_id')
        batch_op.drop_column('notes')
        batch_op.drop_column('file_number')
        batch_op.drop_column('dependants')
        batch_op.drop_column('household_size')
        batch_op.drop_column('student')
        batch_op.drop_column('education')
        batch_op.drop_column('hard_to_employ')
        batch_op.drop_column('disability_severity')
        batch_op.drop_column('disability_type')
        batch_op.drop_column('sheba')
        batch_op.drop_column('postal_code')
        batch_op.drop_column('address')

    with op.batch_alter_table('monitoring_visit', schema=None) as batch_op:
        batch_op.drop_index('ix_monitoring_visit_open_due', sqlite_where=sa.text('done_on is null'), postgresql_where=sa.text('done_on is null'))
        batch_op.drop_index('ix_monitoring_visit_case')

    op.drop_table('monitoring_visit')
    with op.batch_alter_table('case_event', schema=None) as batch_op:
        batch_op.drop_index('ix_case_event_case')

    op.drop_table('case_event')
    with op.batch_alter_table('benefit', schema=None) as batch_op:
        batch_op.drop_index('ix_benefit_kind_date')
        batch_op.drop_index('ix_benefit_case')

    op.drop_table('benefit')
    with op.batch_alter_table('employment_case', schema=None) as batch_op:
        batch_op.drop_index('uq_employment_case_one_open', sqlite_where=sa.text("status = 'open'"), postgresql_where=sa.text("status = 'open'"))
        batch_op.drop_index('ix_employment_case_stage')
        batch_op.drop_index(batch_op.f('ix_employment_case_program_id'))
        batch_op.drop_index('ix_employment_case_facilitator')
        batch_op.drop_index(batch_op.f('ix_employment_case_client_id'))

    op.drop_table('employment_case')
    with op.batch_alter_table('client_target_group', schema=None) as batch_op:
        batch_op.drop_index('ix_client_target_group_group')

    op.drop_table('client_target_group')
    op.drop_table('program')
