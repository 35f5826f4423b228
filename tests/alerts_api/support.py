"""Helpers of the alert API tests: users, alerts, timelines, cursors."""

import base64
import json

from sqlalchemy import select
from sqlmodel import Session

from service.models import Alert, AlertEvent, Event, Role
from service.users import create_user, issue_token
from tests.alerting import (
    add_analysed_item,
    ensure_source,
)

LIST = "/api/v1/alerts"


def login(engine, clock, name: str, role: Role = Role.duty, division: str | None = None) -> dict:
    """Authorization headers of a new user."""
    with Session(engine) as session:
        user = create_user(session=session, name=name, role=role, division=division,
                           now=clock.now())
        token = issue_token(session=session, user=user, now=clock.now())
        session.commit()
    return {"Authorization": f"Bearer {token}"}


def raise_alert(engine, clock, driver, title: str, *, level: str = "blue",
                topic: str | None = "fire", place: str = "甲镇", deaths: int = 0,
                story: int | None = None) -> int:
    """Store an analysed item and run the alert step; the id of the story's alert."""
    with Session(engine) as session:
        _, story = add_analysed_item(session, clock.now(), title=title, level=level,
                                     topic=topic, place=place, deaths=deaths, story=story)
    driver.process()
    with Session(engine) as session:
        return session.execute(select(Alert.id).where(Alert.story_id == story)).scalar_one()


def source_down_alert(engine, clock, driver) -> int:
    with Session(engine) as session:
        ensure_source(session, clock.now())
        session.add(Event(kind="source_down", source_id="news", message="测试新闻网连续6次抓取失败",
                          created_at=clock.now()))
        session.commit()
    driver.process()
    with Session(engine) as session:
        return session.execute(select(Alert.id).where(Alert.kind == "source_down")).scalar_one()


def ids(response) -> list[int]:
    assert response.status_code == 200, response.text
    return [a["id"] for a in response.json()["alerts"]]


def timeline(engine, alert_id: int) -> list[tuple]:
    with Session(engine) as session:
        rows = session.execute(select(AlertEvent).where(AlertEvent.alert_id == alert_id)
                               .order_by(AlertEvent.id)).scalars().all()
        return [(e.id, e.kind, e.actor, e.message, e.at) for e in rows]


def stored(engine, alert_id: int) -> Alert:
    with Session(engine) as session:
        return session.get(Alert, alert_id)


def cursor_of(value) -> str:
    return base64.urlsafe_b64encode(json.dumps({"before": value}).encode()).decode().rstrip("=")
