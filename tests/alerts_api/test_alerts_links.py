"""Acknowledgement links, silences and `yuqing outbox` through the API and the CLI."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlmodel import Session
from typer.testing import CliRunner

from service.cli import app as cli_app
from service.models import AckToken, Notification, Role
from service.notify import acklinks
from tests.alerting import (
    DING_SECRET,
    HOOK_SECRET,
    Driver,
    routing_yaml,
    write_routing,
)
from tests.alerts_api.support import LIST, login, raise_alert, stored, timeline
from tests.receivers import BotReceiver, SmtpReceiver, WebhookReceiver

# --- acknowledgement links -----------------------------------------------------------------

def link_of(engine, alert_id: int, channel: str = "ding") -> str:
    with Session(engine) as session:
        message = session.execute(select(Notification.message).where(
            Notification.alert_id == alert_id, Notification.channel == channel)).scalar_one()
    return re.fullmatch(r"http://127\.0\.0\.1:8000(/ack/[\w.\-]+)", message["ack_url"]).group(1)


def test_ack_link_confirms_once(client, engine, clock, driver):
    alert_id = raise_alert(engine, clock, driver, "甲镇仓库起火")
    link = link_of(engine, alert_id)
    for _ in range(3):  # chat apps open links to preview them
        page = client.get(link)
        assert page.status_code == 200 and "确认签收" in page.text and "甲镇仓库起火" in page.text
    assert stored(engine, alert_id).status == "open"
    confirmed = client.post(link)
    assert confirmed.status_code == 200 and "签收成功" in confirmed.text
    alert = stored(engine, alert_id)
    assert alert.status == "acknowledged" and alert.acknowledged_by == "分管副局长"
    last = timeline(engine, alert_id)[-1]
    assert last[1] == "acknowledged" and last[2] == "分管副局长"
    again = client.post(link)
    assert again.status_code == 410 and "链接已使用" in again.text
    assert client.get(link).status_code == 410
    assert [e[1] for e in timeline(engine, alert_id)].count("acknowledged") == 1
    with Session(engine) as session:
        token = session.execute(select(AckToken).where(AckToken.used_at.is_not(None))).scalar_one()
    assert token.used_from == "127.0.0.1" and token.used_at == clock.now()


def test_ack_link_refuses_forged_unknown_and_expired_tokens(client, engine, clock, driver,
                                                            routing):
    alert_id = raise_alert(engine, clock, driver, "甲镇仓库起火")
    link = link_of(engine, alert_id)
    token_id, expiry, signature = link.removeprefix("/ack/").split(".")
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    later = f"{int(expiry, 16) + 86400:x}"
    for forged in (f"{token_id}.{expiry}.{flipped}", f"{token_id}.{later}.{signature}",
                   f"{'0' * 24}.{expiry}.{signature}", "garbage", "a.b", "a..c",
                   f"{token_id}.zz.{signature}"):
        for method in ("GET", "POST"):
            page = client.request(method, f"/ack/{forged}")
            assert page.status_code == 400, (forged, method)
            assert "请检查是否完整复制" in page.text
    # a well-signed token whose row does not exist
    with Session(engine) as session:
        unknown = acklinks.issue(session, secret=routing.current().secret, alert_id=alert_id,
                                 persons=["lead"], now=clock.now(), ttl_seconds=3600)
        session.rollback()
    for method in ("GET", "POST"):
        assert client.request(method, f"/ack/{unknown}").status_code == 404
    # past notify.ack_link_ttl (3600 s) the link has expired
    clock.advance(3599)
    assert client.get(link).status_code == 200
    clock.advance(1)
    for method in ("GET", "POST"):
        page = client.request(method, link)
        assert page.status_code == 410 and "已过期" in page.text
    assert stored(engine, alert_id).status == "open"
    with Session(engine) as session:
        assert session.execute(select(AckToken).where(AckToken.used_at.is_not(None))).all() == []


def test_ack_link_after_an_api_acknowledgement_is_spent(client, engine, clock, driver):
    alert_id = raise_alert(engine, clock, driver, "甲镇仓库起火")
    link, webhook_link = link_of(engine, alert_id), link_of(engine, alert_id, "hook")
    duty = login(engine, clock, "值班员甲")
    clock.advance(5)
    assert client.post(f"{LIST}/{alert_id}/ack", headers=duty).status_code == 200
    page = client.get(link)
    assert page.status_code == 200 and "告警已签收" in page.text and "确认签收" not in page.text
    assert "值班员甲" in page.text
    clock.advance(5)
    late = client.post(link)
    assert late.status_code == 200 and "此前已被签收" in late.text
    assert client.post(link).status_code == 410  # the token is spent
    assert client.get(link).status_code == 410
    alert = stored(engine, alert_id)
    assert alert.acknowledged_by == "值班员甲"
    assert [e[1] for e in timeline(engine, alert_id)].count("acknowledged") == 1
    # the other recipient's link still shows the page
    assert client.get(webhook_link).status_code == 200


# --- silences ------------------------------------------------------------------------------

SILENCES = "/api/v1/silences"


def test_silence_validation_and_roles(client, engine, clock):
    duty = login(engine, clock, "值班员甲")
    hour = (clock.now() + timedelta(hours=1)).isoformat()

    def create(headers=duty, **body):
        return client.post(SILENCES, headers=headers,
                           json={"matchers": {"topic": "fire"}, "ends_at": hour,
                                 "comment": "演练"} | body)

    for matchers in ({}, {"topic": []}, {"place": [], "level": []}):
        response = create(matchers=matchers)
        assert response.status_code == 422, (matchers, response.text)
        assert "不能为空" in response.json()["detail"]
    for matchers in ({"colour": "red"}, {"topic": "weather"}, {"level": "purple"},
                     {"min_level": ["red", "blue"]}):
        response = create(matchers=matchers)
        assert response.status_code == 422, matchers
        assert "静默条件无效" in response.json()["detail"]
    assert create(matchers="fire").status_code == 422
    past = (clock.now() - timedelta(minutes=1)).isoformat()
    assert create(ends_at=past).status_code == 422
    assert create(ends_at=clock.now().isoformat()).status_code == 422
    ends_before_start = create(starts_at=(clock.now() + timedelta(hours=2)).isoformat())
    assert ends_before_start.status_code == 422
    assert create(ends_at="2026-11-26T12:00:00").status_code == 400
    assert create(comment="").status_code == 422
    for role, name, division in ((Role.leader, "lead", None), (Role.analyst, "分析员", None),
                                 (Role.duty, "安监科科员", "safety")):
        assert create(headers=login(engine, clock, name, role, division)).status_code == 403
    made = create(matchers={"topic": "fire", "place": ["甲镇", "乙镇"]})
    assert made.status_code == 201, made.text
    body = made.json()
    assert body["created_by"] == "值班员甲" and body["active"] is True
    assert body["starts_at"] == clock.now().isoformat().replace("+00:00", "Z")
    leader = login(engine, clock, "boss", Role.leader)
    assert client.delete(f"{SILENCES}/{body['id']}", headers=leader).status_code == 403
    assert client.delete(f"{SILENCES}/999", headers=duty).status_code == 404
    assert client.get(SILENCES, headers=leader).status_code == 200


def test_silence_list_and_early_expiry_release_the_held_alert(client, engine, clock, driver,
                                                             receivers):
    ding, hook, smtp = receivers
    duty = login(engine, clock, "值班员甲")
    now = clock.now()
    held = client.post(SILENCES, headers=duty, json={
        "matchers": {"topic": "fire", "place": "甲镇"}, "comment": "消防演练，已知情况",
        "ends_at": (now + timedelta(hours=2)).isoformat()}).json()
    later = client.post(SILENCES, headers=duty, json={
        "matchers": {"division": "safety"}, "comment": "明日检修",
        "starts_at": (now + timedelta(days=1)).isoformat(),
        "ends_at": (now + timedelta(days=1, hours=1)).isoformat()}).json()
    assert later["active"] is False
    listed = client.get(SILENCES, headers=duty).json()
    assert [s["id"] for s in listed] == [later["id"], held["id"]]
    active = client.get(SILENCES, params={"active": "true"}, headers=duty).json()
    assert [s["id"] for s in active] == [held["id"]]

    alert_id = raise_alert(engine, clock, driver, "甲镇消防演练现场起火")
    driver.cycle()
    assert stored(engine, alert_id).silenced_by == f"silence:{held['id']}"
    assert ding.received == [] and hook.received == []
    clock.advance(60)
    driver.cycle()
    assert ding.received == [] and hook.received == []

    expired = client.delete(f"{SILENCES}/{held['id']}", headers=duty)
    assert expired.status_code == 200 and expired.json()["active"] is False
    assert expired.json()["ends_at"] == clock.now().isoformat().replace("+00:00", "Z")
    assert client.get(SILENCES, params={"active": "true"}, headers=duty).json() == []
    again = client.delete(f"{SILENCES}/{held['id']}", headers=duty)
    assert again.status_code == 200 and again.json()["ends_at"] == expired.json()["ends_at"]
    report = driver.cycle()
    assert report.sent == 2 and len(hook.received) == 1 and len(ding.received) == 1
    alert = stored(engine, alert_id)
    assert alert.silenced_by is None
    assert "unsilenced" in [e[1] for e in timeline(engine, alert_id)]
    # a new alert matching the expired silence is notified at once
    raise_alert(engine, clock, driver, "甲镇另一处起火", story=None)
    assert driver.deliver().sent == 2


def test_a_silenced_alert_notifies_nobody_until_the_silence_ends(client, engine, clock, driver,
                                                                receivers):
    ding, hook, smtp = receivers
    duty = login(engine, clock, "值班员甲")
    client.post(SILENCES, headers=duty, json={
        "matchers": {"topic": "fire"}, "comment": "演练",
        "ends_at": (clock.now() + timedelta(hours=2)).isoformat()})
    raise_alert(engine, clock, driver, "甲镇消防演练现场起火")
    for _ in range(4):  # past the acknowledgement (30 s) and report (120 s) deadlines
        driver.cycle()
        clock.advance(60)
    assert (ding.received, hook.received, smtp.messages) == ([], [], [])


# --- yuqing outbox -------------------------------------------------------------------------

@pytest.fixture
def cli_env(settings, database_url, tmp_path) -> dict:
    return {"YQ_DATABASE_URL": database_url, "YQ_SOURCES": str(settings.sources),
            "YQ_DATA_DIR": str(tmp_path / "var"), "COLUMNS": "250"}


def yuqing(env: dict, *args: str):
    return CliRunner().invoke(cli_app, list(args), env=env, catch_exceptions=False)


def due_now(engine, clock, notification_id: int) -> None:
    """Move the fake clock to when `redrive` (on the wall clock) made the row due."""
    with Session(engine) as session:
        due = session.get(Notification, notification_id).next_attempt_at
    clock.set(max(clock.now(), due))


def test_outbox_list_and_redrive(cli_env, engine, clock, tmp_path):
    clock.set(datetime.now(UTC).replace(microsecond=0))  # redrive runs on the wall clock
    path = tmp_path / "routing.yaml"
    with BotReceiver("dingtalk", secret="another-secret") as wrong, \
            BotReceiver("dingtalk", secret=DING_SECRET) as right, \
            WebhookReceiver(secret=HOOK_SECRET) as hook, SmtpReceiver() as smtp:
        routing = write_routing(path, ding_url=wrong.url, hook_url=hook.url, smtp_port=smtp.port)
        driver = Driver(engine, routing, clock)
        try:
            alert_id = raise_alert(engine, clock, driver, "甲镇仓库起火")
            report = driver.deliver()
            # the signature does not match (310000): dead at once, e-mail as the fallback
            assert report.dead == 1 and report.fallbacks == 1 and report.sent == 1
            assert wrong.received == [] and len(wrong.attempts) == 1
            assert driver.deliver().sent == 1  # the fallback e-mail to the leader
            assert [m.rcpt_tos for m in smtp.messages] == [["lead@example.gov.cn"]]
            with Session(engine) as session:
                dead = session.execute(select(Notification).where(
                    Notification.status == "dead")).scalar_one()
            assert dead.channel == "ding" and dead.last_code == "310000"

            listed = yuqing(cli_env, "outbox", "list", "--status", "dead")
            assert listed.exit_code == 0, listed.output
            row = next(line for line in listed.output.splitlines() if f" {dead.id} " in line)
            number = stored(engine, alert_id).number
            assert number in row and "ding" in row and "310000" in row and "s0" in row
            sent = yuqing(cli_env, "outbox", "list", "--status", "sent").output
            assert "hook" in sent and "lead@example.gov.cn" in sent and "310000" not in sent
            assert "YQ-" not in yuqing(cli_env, "outbox", "list", "--status", "pending").output
            bad = yuqing(cli_env, "outbox", "list", "--status", "lost")
            assert bad.exit_code == 2 and "unknown status" in bad.output

            # redriven with nothing fixed: dead again, and no second fallback
            redriven = yuqing(cli_env, "outbox", "redrive")
            assert redriven.exit_code == 0 and "1 dead notification(s)" in redriven.output
            due_now(engine, clock, dead.id)
            report = driver.deliver()
            assert report.dead == 1 and report.fallbacks == 0 and report.sent == 0
            assert len(wrong.attempts) == 2
            with Session(engine) as session:
                row = session.get(Notification, dead.id)
                assert row.status == "dead" and row.attempts == 1
                assert len(session.execute(select(Notification)).all()) == 3

            missing = yuqing(cli_env, "outbox", "redrive", str(dead.id), "9999")
            assert missing.exit_code == 1 and "1 of the given ids" in missing.output
            clock.advance(1)
            driver.deliver()  # dead once more: nothing was fixed
            twice = yuqing(cli_env, "outbox", "redrive", str(dead.id), str(dead.id))
            assert twice.exit_code == 0, twice.output
            assert "1 dead notification(s)" in twice.output

            # the channel pointed at the right robot: the same row is delivered
            path.write_text(routing_yaml(ding_url=right.url, hook_url=hook.url,
                                         smtp_port=smtp.port), encoding="utf-8")
            routing.load()
            due_now(engine, clock, dead.id)
            report = driver.deliver()
            assert report.sent == 1 and report.dead == 0
            assert len(right.received) == 1
            assert right.received[0].body["at"]["atMobiles"] == ["13800000003"]
            with Session(engine) as session:
                row = session.get(Notification, dead.id)
                assert row.status == "sent" and row.sent_at == clock.now()
            assert "YQ-" not in yuqing(cli_env, "outbox", "list").output
            assert "0 dead notification(s)" in yuqing(cli_env, "outbox", "redrive").output
        finally:
            driver.close()
