"""people searched by name: every prefix range already holds the list's order

A province's search for a common word ("lan": 45,000 people of a million) read each match's row
to learn its sort key and unit, then sorted them all to show 50. The folded-name indexes now also
hold the sort key and the unit, and each middle-word reading carries its person's sort key, so
the matches are ordered and limited inside the indexes and only the page's rows are read
(``admin.search``). The single-column folded-name indexes are replaced by the wider ones (with
the id, which a PostgreSQL index does not hold otherwise). A chi bộ's search asks person by
person whether a middle word matches: the words' index by person now holds the words, so
PostgreSQL answers from it instead of hashing every match in the country.

Revision ID: 5d2a8e6c1f39
Revises: 2f7c9a4e6b18
Create Date: 2026-11-27 23:00:00

"""
import sqlalchemy as sa
from alembic import op

from devparty_admin.models.types import BinaryString

revision = '5d2a8e6c1f39'
down_revision = '2f7c9a4e6b18'
branch_labels = None
depends_on = None

SORT_KEY_LENGTH = 255  # as devparty_admin.vietnamese at the time of this revision


def upgrade():
    for owner in ('candidate', 'member'):
        words = f'{owner}_name_word'
        with op.batch_alter_table(words) as batch_op:
            batch_op.add_column(sa.Column('sort_key', BinaryString(SORT_KEY_LENGTH),
                                          nullable=False, server_default=''))
        op.execute(f"UPDATE {words} SET sort_key = (SELECT {owner}.sort_key FROM {owner} "
                   f"WHERE {owner}.id = {words}.person_id)")
        op.drop_index(f'ix_{words}_words', table_name=words)
        op.create_index(f'ix_{words}_words_sort', words, ['words', 'sort_key', 'person_id'])
        op.drop_index(f'ix_{words}_person_id', table_name=words)
        op.create_index(f'ix_{words}_person_words', words, ['person_id', 'words'])
        for column in ('name_folded', 'given_folded'):
            op.drop_index(f'ix_{owner}_{column}', table_name=owner)
            op.create_index(f'ix_{owner}_{column}_sort', owner,
                            [column, 'sort_key', 'organization_id', 'id'])
        if op.get_bind().dialect.name == 'postgresql':
            op.execute(f"ANALYZE {words}")


def downgrade():
    for owner in ('member', 'candidate'):
        words = f'{owner}_name_word'
        for column in ('given_folded', 'name_folded'):
            op.drop_index(f'ix_{owner}_{column}_sort', table_name=owner)
            op.create_index(f'ix_{owner}_{column}', owner, [column])
        op.drop_index(f'ix_{words}_person_words', table_name=words)
        op.create_index(f'ix_{words}_person_id', words, ['person_id'])
        op.drop_index(f'ix_{words}_words_sort', table_name=words)
        op.create_index(f'ix_{words}_words', words, ['words'])
        with op.batch_alter_table(words) as batch_op:
            batch_op.drop_column('sort_key')
