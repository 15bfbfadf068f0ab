"""covering index for the dashboard: a month of conversation facts read from the index alone

Revision ID: 1a2d03fb7d12
Revises: 8d937428072a
Create Date: 2026-11-25 17:00:13.831074

"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = '1a2d03fb7d12'
down_revision: Union[str, None] = '8d937428072a'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('conversation_facts', schema=None) as batch_op:
        batch_op.drop_index('ix_conversation_facts_day')
        batch_op.create_index('ix_conversation_facts_day', ['day', 'channel', 'branch', 'conversation_id', 'week', 'topic', 'messages', 'handoffs', 'masked_messages', 'abusive_messages'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('conversation_facts', schema=None) as batch_op:
        batch_op.drop_index('ix_conversation_facts_day')
        batch_op.create_index('ix_conversation_facts_day', ['day', 'channel', 'branch'], unique=False)
