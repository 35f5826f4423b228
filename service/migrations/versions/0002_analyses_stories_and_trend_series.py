"""analyses, stories and trend series

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 16:59:57.270485
"""

from alembic import op
import sqlalchemy as sa
import service.models.types

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('stories',
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('first_seen_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('item_count', sa.Integer(), nullable=False),
    sa.Column('source_count', sa.Integer(), nullable=False),
    sa.Column('topic', sa.String(length=32), nullable=True),
    sa.Column('level', sa.String(length=8), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sources', service.models.types.JSONType, nullable=False),
    sa.Column('places', service.models.types.JSONType, nullable=False),
    sa.Column('exact_key', sa.String(length=32), nullable=False),
    sa.Column('fingerprint', sa.BigInteger(), nullable=True),
    sa.Column('representative', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stories_exact_key'), ['exact_key'], unique=False)
        batch_op.create_index('ix_stories_last_seen_at', ['last_seen_at'], unique=False)

    op.create_table('trend_series',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('mean', sa.Float(), nullable=False),
    sa.Column('var', sa.Float(), nullable=False),
    sa.Column('hours', sa.Integer(), nullable=False),
    sa.Column('last_hour', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('cooldown_until', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('analyses',
    sa.Column('model_version', sa.String(length=64), nullable=False),
    sa.Column('relevant', sa.Boolean(), nullable=False),
    sa.Column('relevance', sa.Float(), nullable=False),
    sa.Column('topic', sa.String(length=32), nullable=True),
    sa.Column('topics', service.models.types.JSONType, nullable=False),
    sa.Column('level', sa.String(length=8), nullable=True),
    sa.Column('grade', sa.String(length=8), nullable=True),
    sa.Column('deaths', sa.Integer(), nullable=False),
    sa.Column('injured', sa.Integer(), nullable=False),
    sa.Column('missing', sa.Integer(), nullable=False),
    sa.Column('loss_yuan', sa.Float(), nullable=True),
    sa.Column('places', service.models.types.JSONType, nullable=False),
    sa.Column('place', sa.String(length=64), nullable=True),
    sa.Column('locality', sa.String(length=16), nullable=False),
    sa.Column('sensitivity', sa.Float(), nullable=False),
    sa.Column('negativity', sa.Float(), nullable=False),
    sa.Column('explanation', service.models.types.JSONType, nullable=False),
    sa.Column('analyzed_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], ),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], ),
    sa.PrimaryKeyConstraint('item_id')
    )
    with op.batch_alter_table('analyses', schema=None) as batch_op:
        batch_op.create_index('ix_analyses_grade', ['grade'], unique=False)
        batch_op.create_index('ix_analyses_place', ['place'], unique=False)
        batch_op.create_index('ix_analyses_relevant_level', ['relevant', 'level'], unique=False)
        batch_op.create_index('ix_analyses_story_id', ['story_id'], unique=False)
        batch_op.create_index('ix_analyses_topic', ['topic'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('analyses', schema=None) as batch_op:
        batch_op.drop_index('ix_analyses_topic')
        batch_op.drop_index('ix_analyses_story_id')
        batch_op.drop_index('ix_analyses_relevant_level')
        batch_op.drop_index('ix_analyses_place')
        batch_op.drop_index('ix_analyses_grade')

    op.drop_table('analyses')
    op.drop_table('trend_series')
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.drop_index('ix_stories_last_seen_at')
        batch_op.drop_index(batch_op.f('ix_stories_exact_key'))

    op.drop_table('stories')
