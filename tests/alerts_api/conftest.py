"""Fixtures of the alert API tests: receivers, routing.yaml, the alert driver, the app."""


import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from tests.alerting import (
    Driver,
    write_routing,
)
from tests.alerts_api.support import LIST, login, raise_alert, source_down_alert


@pytest.fixture
def routing(receivers, tmp_path):
    ding, hook, smtp = receivers
    return write_routing(tmp_path / "routing.yaml", ding_url=ding.url, hook_url=hook.url,
                         smtp_port=smtp.port)


@pytest.fixture
def driver(engine, routing, clock):
    running = Driver(engine, routing, clock)
    yield running
    running.close()


@pytest.fixture
def client(settings, engine, clock, routing):
    app = create_app(settings, engine=engine, clock=clock, routing=routing)
    with TestClient(app, client=("127.0.0.1", 50000)) as test_client:
        yield test_client


@pytest.fixture
def five(engine, clock, driver, client):
    """Five alerts a minute apart, in every state: ids in creation order and the start time."""
    start = clock.now()
    fire = raise_alert(engine, clock, driver, "甲镇仓库起火", level="blue", place="甲镇")
    clock.advance(60)
    big = raise_alert(engine, clock, driver, "乙镇厂房大火致12人死亡", level="orange",
                      place="乙镇", deaths=12)
    clock.advance(60)
    safety = raise_alert(engine, clock, driver, "丙镇工地坍塌", level="yellow",
                         topic="production_safety", place="丙镇")
    clock.advance(60)
    untopical = raise_alert(engine, clock, driver, "丁镇突发事件", level="red", topic=None,
                            place="丁镇")
    clock.advance(60)
    down = source_down_alert(engine, clock, driver)
    duty = login(engine, clock, "值班员甲")
    assert client.post(f"{LIST}/{fire}/ack", headers=duty, json={}).status_code == 200
    assert client.post(f"{LIST}/{big}/resolve", headers=duty, json={}).status_code == 200
    assert client.post(f"{LIST}/{safety}/ack", headers=duty, json={}).status_code == 200
    assert client.post(f"{LIST}/{safety}/assign", headers=duty,
                       json={"assignee": "安监科张三"}).status_code == 200
    return [fire, big, safety, untopical, down], start, duty
