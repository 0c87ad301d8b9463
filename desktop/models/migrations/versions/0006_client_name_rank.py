"""client search: SQLite's full-text index keyed by each client's place in name order

FTS5 gives matches in rowid order and stops at a LIMIT. Keyed by ``client.name_rank`` (the
client's place in name order, with gaps: desktop/models/name_order.py) instead of the client
id, the first window of a search in name order is simply the first matches, however many
clients match. Every client is ranked, the index and its triggers are made again on the rank,
and the indexes that served the walk of the name order on SQLite go; PostgreSQL, which
searches through pg_trgm, keeps that walk's covering index under its own name and no ranks.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 04:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GAP = 1 << 32


def _search_index(rowid: str) -> None:
    """The FTS5 index of client.search_key keyed by ``rowid`` (a client column), and the
    triggers that keep it in step with every insert, update and delete."""
    op.execute("CREATE VIRTUAL TABLE client_search USING fts5(search_key, content='client', "
               f"content_rowid='{rowid}', tokenize='trigram')")
    op.execute("CREATE TRIGGER client_search_insert AFTER INSERT ON client BEGIN "
               f"INSERT INTO client_search(rowid, search_key) VALUES (new.{rowid}, "
               "new.search_key); END")
    op.execute("CREATE TRIGGER client_search_delete AFTER DELETE ON client BEGIN "
               "INSERT INTO client_search(client_search, rowid, search_key) "
               f"VALUES ('delete', old.{rowid}, old.search_key); END")
    columns = "search_key, name_rank" if rowid == "name_rank" else "search_key"
    op.execute(f"CREATE TRIGGER client_search_update AFTER UPDATE OF {columns} ON client BEGIN "
               "INSERT INTO client_search(client_search, rowid, search_key) "
               f"VALUES ('delete', old.{rowid}, old.search_key); "
               f"INSERT INTO client_search(rowid, search_key) VALUES (new.{rowid}, "
               "new.search_key); END")
    op.execute("INSERT INTO client_search(client_search) VALUES ('rebuild')")


def _drop_search_index() -> None:
    for trigger in ('insert', 'update', 'delete'):
        op.execute(f'DROP TRIGGER IF EXISTS client_search_{trigger}')
    op.execute('DROP TABLE IF EXISTS client_search')


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    op.add_column('client', sa.Column('name_rank', sa.BigInteger(), nullable=True))
    op.drop_index('ix_client_last_first', table_name='client')
    op.drop_index('ix_client_sort_name', table_name='client')
    op.create_index('ix_client_sort_name', 'client', ['sort_name', 'id'])
    op.create_index('uq_client_name_rank', 'client', ['name_rank'], unique=True)
    if not sqlite:
        op.create_index('ix_client_sort_search', 'client', ['sort_name', 'id', 'search_key'])
        return
    op.drop_index('ix_client_id_sort', table_name='client')
    _drop_search_index()
    op.execute(f"UPDATE client SET name_rank = ranked.position * {GAP} FROM (SELECT id, "
               "row_number() OVER (ORDER BY sort_name, id) AS position FROM client) AS ranked "
               "WHERE client.id = ranked.id")
    _search_index('name_rank')


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    if sqlite:
        _drop_search_index()
        op.create_index('ix_client_id_sort', 'client', ['id', 'sort_name'])
    else:
        op.drop_index('ix_client_sort_search', table_name='client')
    op.drop_index('uq_client_name_rank', table_name='client')
    op.drop_index('ix_client_sort_name', table_name='client')
    op.create_index('ix_client_sort_name', 'client', ['sort_name', 'id', 'search_key'])
    op.create_index('ix_client_last_first', 'client', ['last_name', 'first_name'])
    with op.batch_alter_table('client') as batch_op:
        batch_op.drop_column('name_rank')
    if sqlite:
        _search_index('id')
