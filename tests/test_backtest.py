"""Backtests: a candidate model or threshold replayed over the stored items of a period, with
the alerts it would have created, removed or changed against the alerts that exist."""

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from service.analysts.jobs import JobRunner
from service.api.app import create_app
from service.models import Role
from tests.alerting import Driver, add_analysed_item, write_routing
from tests.collecting import api_headers
from tests.receivers import BotReceiver, SmtpReceiver, WebhookReceiver


@pytest.fixture
def stored(engine, clock, settings, tmp_path):
    """Three stored items: a deadly fire that became a blue alert (the model now says more), a
    fire the analysis missed, and ordinary news."""
    with BotReceiver("dingtalk") as ding, WebhookReceiver() as hook, SmtpReceiver() as smtp:
        routing = write_routing(tmp_path / "routing.yaml", ding_url=ding.url,
                                hook_url=hook.url, smtp_port=smtp.port)
        settings.routing = tmp_path / "routing.yaml"
        with Session(engine) as session:
            add_analysed_item(session, clock.now(), level="blue", deaths=0,
                              title="珠海高新区唐家湾镇一厂房发生火灾 已造成12人死亡")
            add_analysed_item(session, clock.now(), level=None, relevant=False,
                              title="斗门区一化工厂发生爆炸 致3人死亡5人受伤", place="斗门区")
            add_analysed_item(session, clock.now(), level=None, relevant=False, topic=None,
                              title="高新区举办科技企业招聘会", place=None)
        driver = Driver(engine, routing, clock)
        driver.process()
        driver.close()
    return settings


def run(client, headers, engine, settings, clock, **body) -> dict:
    period = {"since": (clock.now() - timedelta(hours=1)).isoformat(),
              "until": (clock.now() + timedelta(hours=1)).isoformat()}
    response = client.post("/api/v1/backtests", headers=headers, json=period | body)
    assert response.status_code == 202, response.text
    job_id = response.json()["id"]
    assert JobRunner(engine=engine, settings=settings, clock=clock).run_pending(job_id) == 1
    result = client.get(f"/api/v1/backtests/{job_id}", headers=headers).json()
    assert result["status"] == "done", result
    return result["result"]


def test_backtest_reports_created_removed_and_changed_alerts(engine, clock, stored):
    settings = stored
    analyst = api_headers(engine, clock, "分析员甲", Role.analyst)
    with TestClient(create_app(settings, engine=engine, clock=clock)) as client:
        same = run(client, analyst, engine, settings, clock, label="当前模型")
        assert same["items"] == 3 and same["counts"]["actual_alerts"] == 1
        # the model sees 12 deaths where the stored analysis said blue: the alert would change
        changed = same["changed"][0]
        assert changed["level"] == "blue" and changed["would"]["level"] in ("orange", "red")
        # the missed explosion would have been an alert
        assert [c["title"] for c in same["created"]] == ["斗门区一化工厂发生爆炸 致3人死亡5人受伤"]
        assert same["counts"]["removed"] == 0
        strict = run(client, analyst, engine, settings, clock, thresholds={"relevant": 0.9999},
                     label="极严的相关性阈值")
        assert strict["counts"]["would_alert"] == 0
        assert strict["counts"]["removed"] == 1 and strict["removed"][0]["level"] == "blue"
        listed = client.get("/api/v1/backtests", headers=analyst).json()
        assert [b["label"] for b in listed] == ["极严的相关性阈值", "当前模型"]
        assert listed[0]["counts"]["removed"] == 1
        # bad requests
        bad = client.post("/api/v1/backtests", headers=analyst, json={
            "since": clock.now().isoformat(), "until": clock.now().isoformat()})
        assert bad.status_code == 422
        bad = client.post("/api/v1/backtests", headers=analyst, json={
            "since": clock.now().isoformat(), "until": (clock.now() + timedelta(1)).isoformat(),
            "thresholds": {"relevance": 0.5}})
        assert bad.status_code == 422 and "relevant" in bad.json()["detail"]
        duty = api_headers(engine, clock, "值班员甲", Role.duty)
        assert client.get("/api/v1/backtests", headers=duty).status_code == 403


def test_a_candidate_scheme_is_checked_before_the_backtest_runs(engine, clock, settings):
    analyst = api_headers(engine, clock, "分析员乙", Role.analyst)
    with TestClient(create_app(settings, engine=engine, clock=clock)) as client:
        response = client.post("/api/v1/backtests", headers=analyst, json={
            "since": clock.now().isoformat(),
            "until": (clock.now() + timedelta(days=1)).isoformat(),
            "schemes": {"试验方案": {"definition": {"topic": "fire",
                                                 "expression": "(高新区|金鼎+火灾"}}}})
    assert response.status_code == 422
    assert response.json()["detail"]["field"] == "expression"
