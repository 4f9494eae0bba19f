"""people found by any word of their name; classes by their name without accents

Revision ID: 2c6d8e0a4f17
Revises: 7a3e9c1f5b20
Create Date: 2026-11-27 18:30:00

"""
import sqlalchemy as sa
from alembic import op

from devparty_admin.models.types import BinaryString
from devparty_admin.vietnamese import fold

revision = '2c6d8e0a4f17'
down_revision = '7a3e9c1f5b20'
branch_labels = None
depends_on = None

BATCH = 5000


def _rotations(name: str) -> list[str]:
    """As models.people.middle_rotations at the time of this revision."""
    words = fold(" ".join((name or "").split())).split(" ")
    return [" ".join([*words[i:], *words[:i]]) for i in range(1, len(words) - 1)]


def _words_table(owner: str):
    op.create_table(
        f'{owner}_name_word',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('words', BinaryString(200), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['person_id'], [f'{owner}.id'],
                                name=op.f(f'fk_{owner}_name_word_person_id_{owner}')),
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{owner}_name_word')))
    op.create_index(op.f(f'ix_{owner}_name_word_person_id'), f'{owner}_name_word', ['person_id'])
    op.create_index(op.f(f'ix_{owner}_name_word_words'), f'{owner}_name_word', ['words'])
    connection = op.get_bind()
    table = sa.table(f'{owner}_name_word', sa.column('person_id'), sa.column('words'))
    people = connection.execute(sa.text(f"SELECT id, full_name FROM {owner}")).all()
    rows = [{"person_id": pk, "words": words} for pk, name in people for words in _rotations(name)]
    for start in range(0, len(rows), BATCH):
        connection.execute(table.insert(), rows[start:start + BATCH])


def upgrade():
    _words_table('candidate')
    _words_table('member')
    op.add_column('training_class', sa.Column('name_folded', BinaryString(200), nullable=False,
                                              server_default=''))
    connection = op.get_bind()
    for pk, name in connection.execute(sa.text("SELECT id, name FROM training_class")).all():
        connection.execute(sa.text("UPDATE training_class SET name_folded = :f WHERE id = :i"),
                           {"f": fold(" ".join(name.split())), "i": pk})


def downgrade():
    with op.batch_alter_table('training_class', schema=None) as batch_op:
        batch_op.drop_column('name_folded')
    for owner in ('member', 'candidate'):
        op.drop_index(op.f(f'ix_{owner}_name_word_words'), table_name=f'{owner}_name_word')
        op.drop_index(op.f(f'ix_{owner}_name_word_person_id'), table_name=f'{owner}_name_word')
        op.drop_table(f'{owner}_name_word')
