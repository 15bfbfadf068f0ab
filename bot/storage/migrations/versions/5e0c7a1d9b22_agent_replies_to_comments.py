"""agents' replies to comment threads

Revision ID: 5e0c7a1d9b22
Revises: f3a9c2d41b07
Create Date: 2026-12-04 04:50:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '5e0c7a1d9b22'
down_revision: Union[str, None] = 'f3a9c2d41b07'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('social_comments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reply_mode', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('social_comments', schema=None) as batch_op:
        batch_op.drop_column('sent_at')
        batch_op.drop_column('reply_mode')
