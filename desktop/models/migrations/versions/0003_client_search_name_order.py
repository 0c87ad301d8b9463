"""client search: the name order carries the search key

A search that matches thousands of clients finds its first window in name order by walking the
name-order index and testing each entry's search key, without reading a client: the key joins
that index. Fewer matches are put in name order from a narrow index of names by id (SQLite; the
trigram index gives ids). The plain B-tree on the search key served no query (searching uses
the trigram indexes) and goes. Indexes only: no table is rebuilt, the search triggers stay.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 02:04:09.830670
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index('ix_client_search_key', table_name='client')
    op.drop_index('ix_client_sort_name', table_name='client')
    op.create_index('ix_client_sort_name', 'client', ['sort_name', 'id', 'search_key'])
    if op.get_bind().dialect.name == 'sqlite':
        op.create_index('ix_client_id_sort', 'client', ['id', 'sort_name'])


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        op.drop_index('ix_client_id_sort', table_name='client')
    op.drop_index('ix_client_sort_name', table_name='client')
    op.create_index('ix_client_sort_name', 'client', ['sort_name', 'id'])
    op.create_index('ix_client_search_key', 'client', ['search_key'])
