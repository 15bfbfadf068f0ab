"""retention audit

Revision ID: b4de9bf544aa
Revises: 1a2d03fb7d12
Create Date: 2026-11-25 17:16:28.511231

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'b4de9bf544aa'
down_revision: Union[str, None] = '1a2d03fb7d12'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('retention_audit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=128), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('detail', sa.String(length=255), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('retention_audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_retention_audit_at'), ['at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('retention_audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_retention_audit_at'))

    op.drop_table('retention_audit')
