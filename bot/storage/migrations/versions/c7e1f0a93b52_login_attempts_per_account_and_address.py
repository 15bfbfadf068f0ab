"""login attempts per account and address

Failed sign-ins were counted by the masked typed name, so anyone could lock any account and
names masked alike shared a counter. They are now counted by account (id, or a keyed hash of
a name that is no account) and by client address. Old rows only fed the 15-minute window: dropped.

Revision ID: c7e1f0a93b52
Revises: b4de9bf544aa
Create Date: 2026-12-03 18:20:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c7e1f0a93b52'
down_revision: Union[str, None] = 'b4de9bf544aa'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.execute("DELETE FROM login_attempts")
    with op.batch_alter_table('login_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_login_attempts_username')
        batch_op.drop_column('username')
        batch_op.add_column(sa.Column('account_key', sa.String(length=72), nullable=False))
        batch_op.add_column(sa.Column('client', sa.String(length=64), nullable=False))
        batch_op.create_index('ix_login_attempts_account_at', ['account_key', 'at'], unique=False)
        batch_op.create_index('ix_login_attempts_client_at', ['client', 'at'], unique=False)


def downgrade() -> None:
    op.execute("DELETE FROM login_attempts")
    with op.batch_alter_table('login_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_login_attempts_client_at')
        batch_op.drop_index('ix_login_attempts_account_at')
        batch_op.drop_column('client')
        batch_op.drop_column('account_key')
        batch_op.add_column(sa.Column('username', sa.String(length=64), nullable=False))
        batch_op.create_index('ix_login_attempts_username', ['username'], unique=False)
