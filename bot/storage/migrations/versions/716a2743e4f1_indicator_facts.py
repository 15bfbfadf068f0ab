"""indicator facts: one row per conversation, masked types and unanswered questions

Revision ID: 716a2743e4f1
Revises: 0001
Create Date: 2026-11-25 16:11:00.065371

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '716a2743e4f1'
down_revision: Union[str, None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('conversation_facts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.String(length=255), nullable=False),
    sa.Column('session', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=64), nullable=False),
    sa.Column('branch', sa.String(length=16), nullable=True),
    sa.Column('topic', sa.String(length=128), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('week', sa.Date(), nullable=False),
    sa.Column('messages', sa.Integer(), nullable=False),
    sa.Column('fallback_messages', sa.Integer(), nullable=False),
    sa.Column('out_of_scope_messages', sa.Integer(), nullable=False),
    sa.Column('masked_messages', sa.Integer(), nullable=False),
    sa.Column('abusive_messages', sa.Integer(), nullable=False),
    sa.Column('handoffs', sa.Integer(), nullable=False),
    sa.Column('last_event_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('conversation_id', 'session', name='uq_conversation_facts_session')
    )
    with op.batch_alter_table('conversation_facts', schema=None) as batch_op:
        batch_op.create_index('ix_conversation_facts_day', ['day', 'channel', 'branch'], unique=False)

    op.create_table('masked_data_facts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.String(length=255), nullable=False),
    sa.Column('session', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=64), nullable=False),
    sa.Column('branch', sa.String(length=16), nullable=True),
    sa.Column('data_type', sa.String(length=32), nullable=False),
    sa.Column('messages', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('masked_data_facts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_masked_data_facts_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index('ix_masked_data_facts_day', ['day', 'channel', 'branch'], unique=False)

    op.create_table('unanswered_questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.String(length=255), nullable=False),
    sa.Column('session', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=64), nullable=False),
    sa.Column('branch', sa.String(length=16), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('unanswered_questions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unanswered_questions_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index('ix_unanswered_questions_day', ['day', 'channel', 'branch'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('unanswered_questions', schema=None) as batch_op:
        batch_op.drop_index('ix_unanswered_questions_day')
        batch_op.drop_index(batch_op.f('ix_unanswered_questions_conversation_id'))

    op.drop_table('unanswered_questions')
    with op.batch_alter_table('masked_data_facts', schema=None) as batch_op:
        batch_op.drop_index('ix_masked_data_facts_day')
        batch_op.drop_index(batch_op.f('ix_masked_data_facts_conversation_id'))

    op.drop_table('masked_data_facts')
    with op.batch_alter_table('conversation_facts', schema=None) as batch_op:
        batch_op.drop_index('ix_conversation_facts_day')

    op.drop_table('conversation_facts')
