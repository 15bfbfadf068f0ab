"""social comments

Revision ID: f3a9c2d41b07
Revises: c7e1f0a93b52
Create Date: 2026-12-03 23:40:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'f3a9c2d41b07'
down_revision: Union[str, None] = 'c7e1f0a93b52'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('social_comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('comment_id', sa.String(length=128), nullable=False),
    sa.Column('post_id', sa.String(length=128), nullable=False),
    sa.Column('parent_id', sa.String(length=128), nullable=True),
    sa.Column('conversation_id', sa.String(length=255), nullable=False),
    sa.Column('masked_text', sa.Text(), nullable=False),
    sa.Column('personal_data', sa.String(length=128), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('hidden_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('edited_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('comment_id')
    )
    with op.batch_alter_table('social_comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_social_comments_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_social_comments_received_at'), ['received_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('social_comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_social_comments_received_at'))
        batch_op.drop_index(batch_op.f('ix_social_comments_conversation_id'))

    op.drop_table('social_comments')
