"""Helpers of the labels tests: an app with users, items and alerts to mark."""

import json
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import inspect, select, text
from sqlmodel import Session

from service.api.app import create_app
from service.db import make_engine, upgrade
from service.models import Alert, AlertItem, AlertRecipient, Label, Role
from service.users import create_user, issue_token
from tests.alerting import add_analysed_item

LABELS = "/api/v1/labels"


def make_client(settings, engine, clock, routing) -> TestClient:
    return TestClient(create_app(settings, engine=engine, clock=clock, routing=routing))


def login(engine, clock, name: str, role: Role) -> dict:
    """Authorization headers of a new user."""
    with Session(engine) as session:
        user = create_user(session=session, name=name, role=role, division=None, now=clock.now())
        token = issue_token(session=session, user=user, now=clock.now())
        session.commit()
    return {"Authorization": f"Bearer {token}"}


def new_item(engine, clock, title: str, topic: str | None = "fire", **kwargs) -> int:
    with Session(engine) as session:
        item_id, _ = add_analysed_item(session, clock.now(), title=title, level="blue",
                                       topic=topic, **kwargs)
    return item_id


def new_alert(engine, clock, item_ids: list[int], *, topic: str = "fire",
              recipients: tuple[str, ...] = ("boss",)) -> int:
    """An alert over the items, routed to ``recipients`` (persons of routing.yaml)."""
    now = clock.now()
    with Session(engine) as session:
        alert = Alert(title="测试告警", level="blue", topic=topic, created_at=now, updated_at=now,
                      item_count=len(item_ids))
        session.add(alert)
        session.flush()
        session.add_all([AlertItem(alert_id=alert.id, item_id=i, added_at=now) for i in item_ids])
        session.add_all([AlertRecipient(alert_id=alert.id, person=p, added_at=now)
                         for p in recipients])
        session.commit()
        return alert.id


def label(engine, key: str) -> Label | None:
    with Session(engine) as session:
        return session.get(Label, key)


def count(engine, model) -> int:
    with Session(engine) as session:
        return len(session.execute(select(model)).scalars().all())


def fresh_database(database_url: str, tmp_path: Path) -> str:
    """An empty migrated database: a new SQLite file, or the test PostgreSQL one emptied."""
    if database_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'fresh.db'}"
        upgrade(url)
        return url
    engine = make_engine(database_url)
    tables = [t for t in inspect(engine).get_table_names() if t != "alembic_version"]
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return database_url


def lines_of(response) -> list[dict]:
    assert response.status_code == 200, response.text
    return [json.loads(line) for line in response.text.splitlines() if line]
