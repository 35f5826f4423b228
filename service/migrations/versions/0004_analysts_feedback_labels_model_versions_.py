"""analysts: feedback, labels, model versions, schemes, lexicon edits, jobs

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 19:10:34.294847
"""

from alembic import op
import sqlalchemy as sa

import service.models.types

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

def upgrade() -> None:

    op.create_table('jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('progress', sa.Float(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('params', service.models.types.JSONType, nullable=False),
    sa.Column('result', service.models.types.JSONType, nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('started_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('finished_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('lease_until', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('worker', sa.String(length=100), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.create_index('ix_jobs_status', ['status', 'id'], unique=False)

    op.create_table('lexicon_edits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lexicon', sa.String(length=64), nullable=False),
    sa.Column('term', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=8), nullable=False),
    sa.Column('weight', sa.Float(), nullable=False),
    sa.Column('author', sa.String(length=100), nullable=False),
    sa.Column('at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('lexicon_edits', schema=None) as batch_op:
        batch_op.create_index('ix_lexicon_edits_lexicon', ['lexicon', 'id'], unique=False)

    op.create_table('model_versions',
    sa.Column('version', sa.String(length=64), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('author', sa.String(length=100), nullable=False),
    sa.Column('created_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('data_hash', sa.String(length=64), nullable=False),
    sa.Column('params', service.models.types.JSONType, nullable=False),
    sa.Column('metrics', service.models.types.JSONType, nullable=False),
    sa.Column('thresholds', service.models.types.JSONType, nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('version')
    )
    op.create_table('scheme_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('definition', service.models.types.JSONType, nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('author', sa.String(length=100), nullable=False),
    sa.Column('at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name', 'version', name='uq_scheme_versions')
    )
    with op.batch_alter_table('scheme_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scheme_versions_name'), ['name'], unique=False)

    op.create_table('model_activations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.String(length=64), nullable=False),
    sa.Column('previous', sa.String(length=64), nullable=True),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('override', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('comparison', service.models.types.JSONType, nullable=False),
    sa.ForeignKeyConstraint(['version'], ['model_versions.version'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('alert_id', sa.Integer(), nullable=True),
    sa.Column('author', sa.String(length=100), nullable=False),
    sa.Column('created_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('relevant', sa.Boolean(), nullable=True),
    sa.Column('topic', sa.String(length=32), nullable=True),
    sa.Column('level', sa.String(length=8), nullable=True),
    sa.Column('false_alarm', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['alert_id'], ['alerts.id'], ),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_index('ix_feedback_alert', ['alert_id', 'id'], unique=False)
        batch_op.create_index('ix_feedback_item', ['item_id', 'id'], unique=False)

    op.create_table('labels',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('relevant', sa.Boolean(), nullable=False),
    sa.Column('topics', service.models.types.JSONType, nullable=False),
    sa.Column('level', sa.String(length=8), nullable=True),
    sa.Column('false_alarm', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=100), nullable=False),
    sa.Column('updated_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('split', sa.String(length=8), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], ),
    sa.PrimaryKeyConstraint('key')
    )
    with op.batch_alter_table('labels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_labels_item_id'), ['item_id'], unique=False)
        batch_op.create_index('ix_labels_updated', ['updated_at'], unique=False)

def downgrade() -> None:

    with op.batch_alter_table('labels', schema=None) as batch_op:
        batch_op.drop_index('ix_labels_updated')
        batch_op.drop_index(batch_op.f('ix_labels_item_id'))

    op.drop_table('labels')
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_index('ix_feedback_item')
        batch_op.drop_index('ix_feedback_alert')

    op.drop_table('feedback')
    op.drop_table('model_activations')
    with op.batch_alter_table('scheme_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scheme_versions_name'))

    op.drop_table('scheme_versions')
    op.drop_table('model_versions')
    with op.batch_alter_table('lexicon_edits', schema=None) as batch_op:
        batch_op.drop_index('ix_lexicon_edits_lexicon')

    op.drop_table('lexicon_edits')
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_index('ix_jobs_status')

    op.drop_table('jobs')

