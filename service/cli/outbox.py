"""`yuqing outbox list` and `yuqing outbox redrive`."""

from typing import Annotated

import typer
from rich.table import Table

from service.cli.app import outbox_app
from service.cli.common import engine_for, fail, out, settings_or_exit
from service.clock import SystemClock


@outbox_app.command("list")
def list_outbox(
    status: Annotated[str, typer.Option(help="pending, sending, sent, digested or dead")] = "dead",
    limit: Annotated[int, typer.Option(min=1, max=10000)] = 50,
) -> None:
    """Notifications in one state, newest first."""
    from sqlalchemy import select
    from sqlmodel import Session

    from service.models import Alert, Notification, OutboxStatus

    if status not in set(OutboxStatus):
        raise fail(f"unknown status {status!r}; use one of {', '.join(OutboxStatus)}")
    engine = engine_for(settings_or_exit())
    with Session(engine) as session:
        rows = session.execute(
            select(Notification, Alert.number).join(Alert, Alert.id == Notification.alert_id)
            .where(Notification.status == status).order_by(Notification.id.desc()).limit(limit)
        ).all()
    table = Table(title=f"outbox: {status}")
    for column in ("id", "alert", "step", "channel", "recipient", "attempts", "last error"):
        table.add_column(column, overflow="fold")
    for row, number in rows:
        table.add_row(str(row.id), number, row.step, row.channel, row.recipient,
                      str(row.attempts), f"{row.last_code or ''} {row.last_error or ''}".strip())
    out().print(table)


@outbox_app.command("redrive")
def redrive_outbox(
    ids: Annotated[list[int] | None, typer.Argument(help="notification ids (default: all dead)")]
    = None,
) -> None:
    """Send dead notifications again: the relay picks them up at its next tick."""
    from service.notify.relay import redrive

    ids = sorted(set(ids or ()))  # `redrive 5 5` is one notification
    engine = engine_for(settings_or_exit())
    count = redrive(engine, SystemClock().now(), ids=ids or None)
    out().print(f"{count} dead notification(s) queued again")
    if ids and count < len(ids):
        raise fail(f"{len(ids) - count} of the given ids are not dead notifications", code=1)
