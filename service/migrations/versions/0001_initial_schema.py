"""initial schema: sources, items, events, users, api_tokens

Revision ID: 0001
Revises: 
Create Date: 2026-11-26 15:50:41.511400
"""

from alembic import op
import sqlalchemy as sa
import service.models.types

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sources',
    sa.Column('next_check_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('interval_seconds', sa.Float(), nullable=False),
    sa.Column('consecutive_failures', sa.Integer(), nullable=False),
    sa.Column('is_down', sa.Boolean(), nullable=False),
    sa.Column('down_since', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_fetch_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_success_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_status', sa.Integer(), nullable=True),
    sa.Column('last_error_class', sa.String(length=64), nullable=True),
    sa.Column('last_error_message', sa.Text(), nullable=True),
    sa.Column('last_error_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('detected_encoding', sa.String(length=32), nullable=True),
    sa.Column('items_seen', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('tier', sa.String(length=32), nullable=False),
    sa.Column('region', sa.String(length=64), nullable=True),
    sa.Column('tags', service.models.types.JSONType, nullable=False),
    sa.Column('config', service.models.types.JSONType, nullable=False),
    sa.Column('config_hash', sa.String(length=64), nullable=False),
    sa.Column('etag', sa.Text(), nullable=True),
    sa.Column('last_modified', sa.Text(), nullable=True),
    sa.Column('last_full_fetch_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sources_next_check_at'), ['next_check_at'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('division', sa.String(length=64), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('api_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('prefix', sa.String(length=16), nullable=False),
    sa.Column('created_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_tokens_user_id'), ['user_id'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('source_id', sa.String(length=64), nullable=True),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('detail', service.models.types.JSONType, nullable=False),
    sa.Column('created_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('consumed_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_unconsumed', ['consumed_at', 'id'], unique=False)

    op.create_table('items',
    sa.Column('source_id', sa.String(length=64), nullable=False),
    sa.Column('guid', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('canonical_url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('published_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('fetched_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('encoding', sa.String(length=32), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_key', sa.String(length=64), nullable=False),
    sa.Column('analysis_state', sa.String(length=16), nullable=False),
    sa.Column('analysis_attempts', sa.Integer(), nullable=False),
    sa.Column('analysis_error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source_id', 'entry_key', name='uq_items_source_entry')
    )
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.create_index('ix_items_analysis_state_id', ['analysis_state', 'id'], unique=False)
        batch_op.create_index('ix_items_fetched_at', ['fetched_at'], unique=False)
        batch_op.create_index('ix_items_published_at', ['published_at'], unique=False)
        batch_op.create_index('ix_items_source_id_id', ['source_id', 'id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.drop_index('ix_items_source_id_id')
        batch_op.drop_index('ix_items_published_at')
        batch_op.drop_index('ix_items_fetched_at')
        batch_op.drop_index('ix_items_analysis_state_id')

    op.drop_table('items')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_unconsumed')

    op.drop_table('events')
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_tokens_user_id'))

    op.drop_table('api_tokens')
    op.drop_table('users')
    with op.batch_alter_table('sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sources_next_check_at'))

    op.drop_table('sources')
