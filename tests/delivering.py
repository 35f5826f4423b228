"""Fixtures and helpers shared by the delivery and timer tests of alerts."""


from sqlalchemy import func, select
from sqlmodel import Session

from service.models import (
    AlertEvent,
    Notification,
)
from tests.alerting import (
    Driver,
    write_routing,
)


def build(engine, clock, receivers, path, **kwargs):
    ding, hook, smtp = receivers
    routing = write_routing(path, ding_url=kwargs.pop("ding_url", ding.url), hook_url=hook.url,
                            smtp_port=smtp.port, **kwargs)
    return Driver(engine, routing, clock), routing




def statuses(engine) -> dict[str, int]:
    with Session(engine) as session:
        return dict(session.execute(select(Notification.status, func.count())
                                    .group_by(Notification.status)).all())


def kinds(engine, alert_id: int | None = None) -> list[str]:
    with Session(engine) as session:
        query = select(AlertEvent.kind).order_by(AlertEvent.id)
        if alert_id is not None:
            query = query.where(AlertEvent.alert_id == alert_id)
        return list(session.execute(query).scalars())
