"""alerts, outbox and ledger

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 18:19:15.143263
"""

from alembic import op
import sqlalchemy as sa

import service.models.types

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

def upgrade() -> None:

    op.create_table('silences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('matchers', service.models.types.JSONType, nullable=False),
    sa.Column('starts_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('created_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('silences', schema=None) as batch_op:
        batch_op.create_index('ix_silences_ends_at', ['ends_at'], unique=False)

    op.create_table('alerts',
    sa.Column('number', sa.String(length=24), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('level', sa.String(length=8), nullable=True),
    sa.Column('base_level', sa.String(length=8), nullable=True),
    sa.Column('topic', sa.String(length=32), nullable=True),
    sa.Column('topics', service.models.types.JSONType, nullable=False),
    sa.Column('division', sa.String(length=64), nullable=True),
    sa.Column('place', sa.String(length=64), nullable=True),
    sa.Column('locality', sa.String(length=16), nullable=False),
    sa.Column('deaths', sa.Integer(), nullable=False),
    sa.Column('injured', sa.Integer(), nullable=False),
    sa.Column('missing', sa.Integer(), nullable=False),
    sa.Column('item_count', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.String(length=64), nullable=True),
    sa.Column('created_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('acknowledged_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_by', sa.String(length=100), nullable=True),
    sa.Column('resolved_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('resolved_by', sa.String(length=100), nullable=True),
    sa.Column('assignee', sa.String(length=100), nullable=True),
    sa.Column('config_version', sa.String(length=16), nullable=False),
    sa.Column('silenced_by', sa.String(length=100), nullable=True),
    sa.Column('inhibited_by', sa.Integer(), nullable=True),
    sa.Column('step', sa.Integer(), nullable=False),
    sa.Column('next_due_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('reminder_due_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('deadline_due_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('deadlines', service.models.types.JSONType, nullable=False),
    sa.Column('raises', service.models.types.JSONType, nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('decision', service.models.types.JSONType, nullable=False),
    sa.Column('fence', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], ),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.create_index('ix_alerts_created', ['created_at', 'id'], unique=False)
        batch_op.create_index('ix_alerts_deadline_due_at', ['deadline_due_at'], unique=False)
        batch_op.create_index('ix_alerts_division', ['division'], unique=False)
        batch_op.create_index('ix_alerts_next_due_at', ['next_due_at'], unique=False)
        batch_op.create_index('ix_alerts_reminder_due_at', ['reminder_due_at'], unique=False)
        batch_op.create_index('ix_alerts_source_id', ['source_id'], unique=False)
        batch_op.create_index('ix_alerts_status_level', ['status', 'level'], unique=False)
        batch_op.create_index('ix_alerts_story_id', ['story_id'], unique=True)
        batch_op.create_index('ix_alerts_topic', ['topic'], unique=False)

    op.create_table('ack_tokens',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('alert_id', sa.Integer(), nullable=False),
    sa.Column('persons', service.models.types.JSONType, nullable=False),
    sa.Column('created_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('used_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('used_from', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['alert_id'], ['alerts.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('ack_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ack_tokens_alert_id'), ['alert_id'], unique=False)

    op.create_table('alert_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('alert_id', sa.Integer(), nullable=False),
    sa.Column('at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('detail', service.models.types.JSONType, nullable=False),
    sa.ForeignKeyConstraint(['alert_id'], ['alerts.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('alert_events', schema=None) as batch_op:
        batch_op.create_index('ix_alert_events_alert', ['alert_id', 'id'], unique=False)

    op.create_table('alert_items',
    sa.Column('alert_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('added_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['alert_id'], ['alerts.id'], ),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], ),
    sa.PrimaryKeyConstraint('alert_id', 'item_id')
    )
    with op.batch_alter_table('alert_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alert_items_item_id'), ['item_id'], unique=False)

    op.create_table('alert_recipients',
    sa.Column('alert_id', sa.Integer(), nullable=False),
    sa.Column('person', sa.String(length=64), nullable=False),
    sa.Column('first_step', sa.Integer(), nullable=False),
    sa.Column('added_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['alert_id'], ['alerts.id'], ),
    sa.PrimaryKeyConstraint('alert_id', 'person')
    )
    with op.batch_alter_table('alert_recipients', schema=None) as batch_op:
        batch_op.create_index('ix_alert_recipients_person', ['person', 'alert_id'], unique=False)

    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('alert_id', sa.Integer(), nullable=False),
    sa.Column('step', sa.String(length=24), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('channel', sa.String(length=64), nullable=False),
    sa.Column('channel_type', sa.String(length=16), nullable=False),
    sa.Column('recipient', sa.String(length=200), nullable=False),
    sa.Column('persons', service.models.types.JSONType, nullable=False),
    sa.Column('to', service.models.types.JSONType, nullable=False),
    sa.Column('message', service.models.types.JSONType, nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('claimed_until', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_code', sa.String(length=32), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('sent_at', service.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('digest_of', sa.Integer(), nullable=True),
    sa.Column('fallback_of', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['alert_id'], ['alerts.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('alert_id', 'step', 'channel', 'recipient', name='uq_outbox_delivery')
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_alert_id'), ['alert_id'], unique=False)
        batch_op.create_index('ix_outbox_due', ['status', 'next_attempt_at'], unique=False)

    op.create_table('delivery_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('notification_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=64), nullable=False),
    sa.Column('at', service.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ok', sa.Boolean(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('messages', sa.Integer(), nullable=False),
    sa.Column('duration_ms', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['notification_id'], ['outbox.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('delivery_attempts', schema=None) as batch_op:
        batch_op.create_index('ix_delivery_attempts_channel_at', ['channel', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_delivery_attempts_notification_id'), ['notification_id'], unique=False)

    with op.batch_alter_table('analyses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('alert_pending', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.create_index('ix_analyses_alert_pending', ['alert_pending'], unique=False)

    # the timeline is the bureau's record of who knew what when: rows are only ever inserted
    if op.get_bind().dialect.name == "postgresql":
        op.execute("""
            CREATE FUNCTION alert_events_append_only() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION 'alert_events is append-only'; END $$ LANGUAGE plpgsql""")
        op.execute("""
            CREATE TRIGGER alert_events_append_only BEFORE UPDATE OR DELETE ON alert_events
            FOR EACH ROW EXECUTE FUNCTION alert_events_append_only()""")
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(f"""
                CREATE TRIGGER alert_events_no_{action.lower()} BEFORE {action} ON alert_events
                BEGIN SELECT RAISE(ABORT, 'alert_events is append-only'); END""")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER alert_events_append_only ON alert_events")
        op.execute("DROP FUNCTION alert_events_append_only()")
    else:
        op.execute("DROP TRIGGER alert_events_no_update")
        op.execute("DROP TRIGGER alert_events_no_delete")

    with op.batch_alter_table('analyses', schema=None) as batch_op:
        batch_op.drop_index('ix_analyses_alert_pending')
        batch_op.drop_column('alert_pending')

    with op.batch_alter_table('delivery_attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_delivery_attempts_notification_id'))
        batch_op.drop_index('ix_delivery_attempts_channel_at')

    op.drop_table('delivery_attempts')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_due')
        batch_op.drop_index(batch_op.f('ix_outbox_alert_id'))

    op.drop_table('outbox')
    with op.batch_alter_table('alert_recipients', schema=None) as batch_op:
        batch_op.drop_index('ix_alert_recipients_person')

    op.drop_table('alert_recipients')
    with op.batch_alter_table('alert_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alert_items_item_id'))

    op.drop_table('alert_items')
    with op.batch_alter_table('alert_events', schema=None) as batch_op:
        batch_op.drop_index('ix_alert_events_alert')

    op.drop_table('alert_events')
    with op.batch_alter_table('ack_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ack_tokens_alert_id'))

    op.drop_table('ack_tokens')
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.drop_index('ix_alerts_topic')
        batch_op.drop_index('ix_alerts_story_id')
        batch_op.drop_index('ix_alerts_status_level')
        batch_op.drop_index('ix_alerts_source_id')
        batch_op.drop_index('ix_alerts_reminder_due_at')
        batch_op.drop_index('ix_alerts_next_due_at')
        batch_op.drop_index('ix_alerts_division')
        batch_op.drop_index('ix_alerts_deadline_due_at')
        batch_op.drop_index('ix_alerts_created')

    op.drop_table('alerts')
    with op.batch_alter_table('silences', schema=None) as batch_op:
        batch_op.drop_index('ix_silences_ends_at')

    op.drop_table('silences')

