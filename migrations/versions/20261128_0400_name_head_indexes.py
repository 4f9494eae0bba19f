"""people searched by name: a common name's first page read in list order

A province's search for a common name ("lan": 15,000 given names and 21,000 middle words)
read every match of each name range and kept the first page's worth: 4.6 ms on SQLite and
8.8 ms on PostgreSQL for the ranges alone. Each range gets an index filing people by the
first two letters of the folded name, then in list order, so the first page of a wide range
is read in order (``admin.search``). The expression is written the same as the search's.

Revision ID: 4b8e2d6f0a93
Revises: 7c2e9a4f1b36
Create Date: 2026-11-28 04:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '4b8e2d6f0a93'
down_revision = '7c2e9a4f1b36'
branch_labels = None
depends_on = None

HEADS = [(table, column, carried)
         for table in ('candidate', 'member')
         for column, carried in (('name_folded', ['id', 'organization_id']),
                                 ('given_folded', ['id', 'organization_id']))] + [
    (f'{person}_name_word', 'words', ['person_id']) for person in ('candidate', 'member')]


def upgrade():
    for table, column, carried in HEADS:
        op.create_index(f'ix_{table}_{column}_head', table,
                        [sa.text(f'substr({column}, 1, 2)'), 'sort_key', *carried, column])
    _statistics()


def _statistics():
    """The planner's figures for the new indexes (PostgreSQL keeps figures per indexed
    expression; a SQLite database analyzed before has none for them)."""
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql' or sa.inspect(bind).has_table('sqlite_stat1'):
        for table in sorted({table for table, _column, _carried in HEADS}):
            op.execute(f'ANALYZE {table}')


def downgrade():
    for table, column, _carried in HEADS:
        op.drop_index(f'ix_{table}_{column}_head', table_name=table)
