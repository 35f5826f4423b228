"""The duty officers' API on a real database: the alert list and its filters and cursor, the
detail, the handling workflow, who sees what, the event stream under a real server, the ack
link, silences, and `yuqing outbox`."""

import base64
import json
import re
import socket
import threading
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlmodel import Session
from typer.testing import CliRunner

from service.alerts.context import RoutingFile
from service.alerts.timeline import record
from service.api import stream
from service.api.app import create_app
from service.cli import app as cli_app
from service.db import make_engine
from service.models import AckToken, Alert, AlertEvent, Event, Notification, Role
from service.notify import acklinks
from service.users import create_user, issue_token
from tests.alerting import (
    DING_SECRET,
    HOOK_SECRET,
    Driver,
    add_analysed_item,
    ensure_source,
    routing_yaml,
    write_routing,
)
from tests.receivers import BotReceiver, SmtpReceiver, WebhookReceiver

LIST = "/api/v1/alerts"


@pytest.fixture
def receivers():
    with BotReceiver("dingtalk", secret=DING_SECRET) as ding, \
            WebhookReceiver(secret=HOOK_SECRET) as hook, SmtpReceiver() as smtp:
        yield ding, hook, smtp


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


# --- list ----------------------------------------------------------------------------------

def test_every_alert_route_needs_a_token(client):
    for method, path in (("GET", LIST), ("GET", f"{LIST}/1"), ("POST", f"{LIST}/1/ack"),
                         ("POST", f"{LIST}/1/resolve"), ("GET", f"{LIST}/stream"),
                         ("GET", "/api/v1/silences"), ("POST", "/api/v1/silences")):
        response = client.request(method, path)
        assert response.status_code == 401, (method, path)
        assert "访问令牌" in response.json()["detail"]
    bad = client.get(LIST, headers={"Authorization": "Bearer yq_forged"})
    assert bad.status_code == 401


def test_list_filters_by_status_level_topic_division_and_kind(client, five):
    (fire, big, safety, untopical, down), _, duty = five

    def query(**params):
        return ids(client.get(LIST, params=params, headers=duty))

    assert query() == [down, untopical, safety, big, fire]  # newest first
    assert query(status="open") == [down, untopical]
    assert query(status="acknowledged") == [fire]
    assert query(status="in_progress") == [safety]
    assert query(status="resolved") == [big]
    assert query(level="orange") == [big] and query(level="red") == [untopical]
    assert query(topic="fire") == [big, fire]
    assert query(topic="production_safety") == [safety]
    assert query(division="disaster") == [big, fire]
    assert query(division="safety") == [safety]
    assert query(division="nowhere") == []
    assert query(kind="source_down") == [down]
    assert query(kind="story") == [untopical, safety, big, fire]
    assert query(topic="fire", status="resolved") == [big]
    assert query(topic="fire", level="blue", status="acknowledged") == [fire]
    for bad in ({"status": "closed"}, {"level": "purple"}, {"kind": "weather"},
                {"topic": "x" * 33}):
        assert client.get(LIST, params=bad, headers=duty).status_code == 422, bad
    body = client.get(LIST, params={"status": "in_progress"}, headers=duty).json()["alerts"][0]
    assert body["assignee"] == "安监科张三" and body["acknowledged_by"] == "值班员甲"
    assert body["division"] == "safety" and body["level"] == "yellow"


def test_list_since_needs_a_timezone(client, five):
    (fire, big, safety, untopical, down), start, duty = five
    since = start + timedelta(seconds=120)
    assert ids(client.get(LIST, params={"since": since.isoformat()}, headers=duty)) == [
        down, untopical, safety]
    beijing = since.astimezone(ZoneInfo("Asia/Shanghai")).isoformat()
    for moment in (beijing, "2026-11-26T10:02:00+08:00", "2026-11-26T02:02:00Z"):
        assert ids(client.get(LIST, params={"since": moment}, headers=duty)) == [
            down, untopical, safety], moment
    naive = client.get(LIST, params={"since": "2026-11-26T10:02:00"}, headers=duty)
    assert naive.status_code == 400 and "时区" in naive.json()["detail"]
    assert client.get(LIST, params={"since": "yesterday"}, headers=duty).status_code == 422
    later = (start + timedelta(hours=1)).isoformat()
    assert ids(client.get(LIST, params={"since": later}, headers=duty)) == []


def test_cursor_pagination_has_no_duplicates_or_gaps(client, engine, clock, driver):
    created = []
    for n in range(11):
        created.append(raise_alert(engine, clock, driver, f"第{n}处火情", place=f"{n}号村",
                                   level="yellow" if n % 3 == 0 else "blue"))
        clock.advance(1)
    duty = login(engine, clock, "值班员甲")
    for limit, filters, expected in ((4, {}, created), (1, {}, created),
                                     (2, {"level": "yellow"}, created[::3]),
                                     (11, {}, created), (200, {}, created)):
        seen, pages, cursor = [], 0, None
        while True:
            params = {"limit": limit, **filters} | ({"cursor": cursor} if cursor else {})
            page = client.get(LIST, params=params, headers=duty)
            seen += ids(page)
            pages += 1
            assert len(page.json()["alerts"]) <= limit
            cursor = page.json()["next_cursor"]
            if cursor is None:
                break
        assert seen == sorted(expected, reverse=True), (limit, filters)
        assert pages == max(1, -(-len(expected) // limit)), (limit, filters)
    # an alert created between two pages appears on no later page and moves nothing
    first = client.get(LIST, params={"limit": 5}, headers=duty).json()
    newer = raise_alert(engine, clock, driver, "新的火情", place="新村")
    rest = client.get(LIST, params={"limit": 50, "cursor": first["next_cursor"]}, headers=duty)
    assert newer not in ids(rest)
    assert [a["id"] for a in first["alerts"]] + ids(rest) == sorted(created, reverse=True)


def test_limit_bounds_and_bad_cursors(client, engine, clock, driver):
    raise_alert(engine, clock, driver, "甲镇仓库起火")
    duty = login(engine, clock, "值班员甲")
    for limit in (0, -1, 201, "many"):
        assert client.get(LIST, params={"limit": limit}, headers=duty).status_code == 422
    for limit in (1, 200):
        assert client.get(LIST, params={"limit": limit}, headers=duty).status_code == 200
    garbage = ["%%%", "abc", base64.urlsafe_b64encode(b"[1]").decode(),
               base64.urlsafe_b64encode(b"\xff\xfe").decode(), cursor_of("12"),
               cursor_of(None), cursor_of(1.5), cursor_of(True), cursor_of(10 ** 30),
               cursor_of(-(10 ** 30))]
    for cursor in garbage:
        response = client.get(LIST, params={"cursor": cursor}, headers=duty)
        assert response.status_code == 400, (cursor, response.text)
        assert response.json()["detail"] == "无效的分页游标"
    assert ids(client.get(LIST, params={"cursor": cursor_of(1)}, headers=duty)) == []


# --- detail --------------------------------------------------------------------------------

def test_detail_has_items_analysis_decision_deadlines_notifications_and_timeline(
        client, engine, clock, driver, routing, receivers):
    with Session(engine) as session:
        first, story = add_analysed_item(session, clock.now(), title="唐家湾镇厂房起火致12人死亡",
                                         level="orange", deaths=12, place="唐家湾镇")
    report = driver.cycle()
    assert report.sent == 2
    clock.advance(5)
    with Session(engine) as session:
        second, _ = add_analysed_item(session, clock.now(), title="唐家湾镇火灾续：明火已扑灭",
                                      level="orange", deaths=12, place="唐家湾镇", story=story)
    driver.cycle()
    with Session(engine) as session:
        alert_id = session.execute(select(Alert.id)).scalar_one()
    duty = login(engine, clock, "值班员甲")
    response = client.get(f"{LIST}/{alert_id}", headers=duty)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["number"].startswith("YQ-20261126-") and body["status"] == "open"
    assert body["level"] == body["base_level"] == "orange" and body["division"] == "disaster"
    assert body["item_count"] == 2 and body["deaths"] == 12 and body["topics"] == ["fire"]
    # the items, each with its analysis
    assert [i["id"] for i in body["items"]] == [first, second]
    for item in body["items"]:
        assert item["source"] == "测试新闻网" and item["url"].startswith("http://127.0.0.1/a/")
        analysis = item["analysis"]
        assert analysis["item_id"] == item["id"] and analysis["model_version"] == "test"
        assert analysis["level"] == "orange" and analysis["topic"] == "fire"
        assert analysis["place"] == "唐家湾镇" and "alert_pending" not in analysis
    # the frozen routing decision
    version = routing.current().config.version
    assert body["config_version"] == body["decision"]["config_version"] == version
    rules = body["decision"]["rules"]
    assert "topic:fire→disaster" in rules and "level:orange→chain standard" in rules
    steps = body["decision"]["steps"]
    assert [s["targets"] for s in steps] == [["division", "division_lead"], ["principal"]]
    assert [[r["person"] for r in s["recipients"]] for s in steps] == [
        ["fireduty", "lead"], ["boss"]]
    assert steps[0]["wait_seconds"] == 60
    # the deadlines of an orange alert: ack, written report, public response
    deadlines = {d["name"]: d for d in body["deadlines"]}
    assert set(deadlines) == {"ack", "report", "respond"}
    created = datetime.fromisoformat(body["created_at"])
    assert datetime.fromisoformat(deadlines["ack"]["due_at"]) == created + timedelta(seconds=30)
    assert datetime.fromisoformat(deadlines["report"]["due_at"]) == created + timedelta(
        seconds=120)
    assert all(d["met_at"] is None for d in deadlines.values())
    # notifications: the division's webhook and the leader's DingTalk, both delivered
    notes = body["notifications"]
    assert {(n["channel"], n["status"], n["step"]) for n in notes} == {
        ("hook", "sent", "s0"), ("ding", "sent", "s0")}
    assert all(n["attempts"] == 1 and n["sent_at"] for n in notes)
    # the timeline, in order
    entries = body["timeline"]
    assert [e["id"] for e in entries] == sorted(e["id"] for e in entries)
    assert [e["at"] for e in entries] == sorted(e["at"] for e in entries)
    kinds = [e["kind"] for e in entries]
    assert kinds[:3] == ["created", "routed", "notification_queued"]
    assert kinds.count("notification_sent") == 2 and "item_added" in kinds
    assert kinds.index("item_added") > max(i for i, k in enumerate(kinds)
                                           if k == "notification_sent")
    assert entries[1]["detail"]["config_version"] == version
    assert [e[0] for e in timeline(engine, alert_id)] == [e["id"] for e in entries]


def test_detail_404_for_missing_or_out_of_scope_alert(client, engine, clock, driver):
    mine = raise_alert(engine, clock, driver, "甲镇仓库起火")
    others = raise_alert(engine, clock, driver, "丁镇突发事件", topic=None, place="丁镇")
    leader = login(engine, clock, "lead", Role.leader)
    duty = login(engine, clock, "值班员甲")
    assert client.get(f"{LIST}/{mine}", headers=leader).status_code == 200
    hidden = client.get(f"{LIST}/{others}", headers=leader)
    missing = client.get(f"{LIST}/9999", headers=duty)
    assert hidden.status_code == missing.status_code == 404
    assert "不存在或无权查看" in hidden.json()["detail"]
    # the same answer for hidden and missing: the id alone reveals nothing
    assert hidden.json()["detail"].replace(str(others), "") == \
        missing.json()["detail"].replace("9999", "")
    assert client.get(f"{LIST}/abc", headers=duty).status_code == 422
    huge = client.get(f"{LIST}/{2 ** 63}", headers=duty)
    assert huge.status_code in (404, 422), huge.text
    assert client.post(f"{LIST}/{2 ** 70}/ack", headers=duty, json={}).status_code in (404, 422)


# --- workflow ------------------------------------------------------------------------------

def test_the_workflow_and_its_append_only_timeline(client, engine, clock, driver):
    alert_id = raise_alert(engine, clock, driver, "乙镇厂房大火致12人死亡", level="orange",
                           place="乙镇", deaths=12)
    other = raise_alert(engine, clock, driver, "甲镇仓库起火", place="甲镇")
    assert driver.deliver().sent == 4
    duty = login(engine, clock, "值班员甲")
    history = [timeline(engine, alert_id)]

    def step(action: str, body: dict | None, expect: int, actor: str = "值班员甲",
             kind: str | None = None, headers: dict = duty, target: int = alert_id):
        response = client.post(f"{LIST}/{target}/{action}", headers=headers, json=body)
        assert response.status_code == expect, (action, response.text)
        now = timeline(engine, alert_id)
        previous = history[-1]
        assert now[:len(previous)] == previous  # entries are never changed or removed
        if expect == 200 and target == alert_id:
            added = now[len(previous):]
            assert added and added[-1][1] == kind and added[-1][2] == actor
            assert all(entry[4] == clock.now() for entry in added)
        else:
            assert now == previous  # a refused action leaves no trace
        history.append(now)
        return response.json()

    analyst = login(engine, clock, "分析员", Role.analyst)
    refused = step("ack", {}, 403, headers=analyst)
    assert refused["detail"] == "当前角色不能处置告警"
    step("notes", {"text": "看看"}, 403, headers=analyst)
    step("resolve", None, 403, headers=analyst)
    assert step("assign", {"assignee": "张三"}, 409)["detail"] == "请先签收告警，再指派处置人"

    clock.advance(10)
    acked = step("ack", {"comment": "已电话核实"}, 200, kind="acknowledged")
    assert acked["status"] == "acknowledged" and acked["acknowledged_by"] == "值班员甲"
    assert acked["next_due_at"] is None
    assert history[-1][-1][3] == "值班员甲 签收：已电话核实"
    alert = stored(engine, alert_id)
    assert alert.reminder_due_at == clock.now() + timedelta(seconds=300)
    ack_deadline = next(d for d in alert.deadlines if d["name"] == "ack")
    assert ack_deadline["met_at"] == clock.now().isoformat()
    again = step("ack", {}, 409)
    assert again["detail"] == "告警已签收，无需重复签收"

    clock.advance(10)
    assigned = step("assign", {"assignee": "防灾减灾科李四", "comment": "请现场核实"}, 200,
                    kind="assigned")
    assert assigned["status"] == "in_progress" and assigned["assignee"] == "防灾减灾科李四"
    assert step("ack", None, 409)["detail"] == "告警已进入处置，无需重复签收"
    step("assign", {"assignee": ""}, 422)

    clock.advance(10)
    step("notes", {"text": "现场明火已扑灭"}, 200, kind="note")
    deadlines = {d["name"]: d for d in stored(engine, alert_id).deadlines}
    assert deadlines["report"]["met_at"] is None
    clock.advance(10)
    step("notes", {"text": "初报：12人死亡，原因调查中", "kind": "report"}, 200, kind="report")
    deadlines = {d["name"]: d for d in stored(engine, alert_id).deadlines}
    assert deadlines["report"]["met_at"] == clock.now().isoformat()
    assert deadlines["report"]["breached_at"] is None
    assert deadlines["respond"]["met_at"] is None
    assert history[-1][-2][1] == "deadline_met"  # the deadline, then the report itself
    clock.advance(10)
    step("notes", {"text": "已通过官方微博发布通报", "kind": "response"}, 200, kind="report")
    deadlines = {d["name"]: d for d in stored(engine, alert_id).deadlines}
    assert deadlines["respond"]["met_at"] == clock.now().isoformat()
    for bad in ({"text": ""}, {"text": "x", "kind": "gossip"}, {}, {"text": "x" * 5001}):
        step("notes", bad, 422)

    clock.advance(10)
    resolved = step("resolve", {"comment": "善后工作完成"}, 200, kind="resolved")
    assert resolved["status"] == "resolved" and resolved["next_due_at"] is None
    alert = stored(engine, alert_id)
    assert alert.resolved_by == "值班员甲" and alert.resolved_at == clock.now()
    assert alert.next_due_at is alert.reminder_due_at is alert.deadline_due_at is None
    assert step("ack", {}, 409)["detail"] == "告警已办结，无需重复签收"
    assert step("assign", {"assignee": "张三"}, 409)["detail"] == "告警已办结，不能再指派"
    assert step("resolve", {}, 409)["detail"] == "告警已办结"
    # the stopped timers stay stopped: hours later no reminder, escalation or breach
    before = len(history[-1])
    clock.advance(hours=6)
    driver.cycle()
    assert timeline(engine, alert_id)[before:] == [], timeline(engine, alert_id)[before:]
    with Session(engine) as session:
        steps = set(session.execute(select(Notification.step).where(
            Notification.alert_id == alert_id)).scalars())
    assert steps == {"s0"}
    # the other alert went on escalating meanwhile: timers are per alert
    assert "escalated" in [e[1] for e in timeline(engine, other)]
    # the whole story, as the detail shows it
    detail = client.get(f"{LIST}/{alert_id}", headers=duty).json()
    actions = [(e["kind"], e["actor"]) for e in detail["timeline"] if e["actor"] != "system"]
    assert actions == [("acknowledged", "值班员甲"), ("assigned", "值班员甲"),
                       ("note", "值班员甲"), ("report", "值班员甲"), ("report", "值班员甲"),
                       ("resolved", "值班员甲")]


def test_ack_and_resolve_need_no_body(client, engine, clock, driver):
    first = raise_alert(engine, clock, driver, "甲镇仓库起火", place="甲镇")
    second = raise_alert(engine, clock, driver, "乙镇仓库起火", place="乙镇")
    duty = login(engine, clock, "值班员甲")
    acked = client.post(f"{LIST}/{first}/ack", headers=duty)
    assert acked.status_code == 200, acked.text
    assert client.post(f"{LIST}/{first}/resolve", headers=duty).status_code == 200
    # resolving an open alert acknowledges it too, and meets its acknowledgement deadline
    resolved = client.post(f"{LIST}/{second}/resolve", headers=duty)
    assert resolved.status_code == 200, resolved.text
    assert resolved.json()["acknowledged_by"] == "值班员甲"
    assert all(d["met_at"] for d in stored(engine, second).deadlines)


def test_a_leader_handles_what_is_routed_to_them(client, engine, clock, driver):
    mine = raise_alert(engine, clock, driver, "甲镇仓库起火", place="甲镇")
    others = raise_alert(engine, clock, driver, "丁镇突发事件", topic=None, place="丁镇")
    leader = login(engine, clock, "lead", Role.leader)
    response = client.post(f"{LIST}/{mine}/ack", headers=leader, json={"comment": "收到"})
    assert response.status_code == 200 and response.json()["acknowledged_by"] == "lead"
    assert client.post(f"{LIST}/{others}/ack", headers=leader, json={}).status_code == 404
    assert stored(engine, others).status == "open"


# --- scope ---------------------------------------------------------------------------------

def test_who_sees_which_alerts(client, engine, clock, driver):
    fire = raise_alert(engine, clock, driver, "甲镇仓库起火", place="甲镇")
    safety = raise_alert(engine, clock, driver, "丙镇工地坍塌", level="yellow",
                         topic="production_safety", place="丙镇")
    untopical = raise_alert(engine, clock, driver, "丁镇突发事件", topic=None, place="丁镇")
    everyone = [untopical, safety, fire]
    duty = login(engine, clock, "值班员甲")
    lead = login(engine, clock, "lead", Role.leader)
    boss = login(engine, clock, "boss", Role.leader)
    stranger = login(engine, clock, "外单位领导", Role.leader)
    safety_desk = login(engine, clock, "安监科科员", Role.duty, division="safety")
    fireduty = login(engine, clock, "fireduty", Role.duty, division="disaster")
    analyst = login(engine, clock, "分析员", Role.analyst)
    admin = login(engine, clock, "管理员", Role.admin)

    def seen(headers, **params):
        return ids(client.get(LIST, params=params, headers=headers))

    for headers in (duty, analyst, admin):
        assert seen(headers) == everyone
    assert seen(lead) == [safety, fire]  # the lead of both divisions, not the duty room's
    assert seen(boss) == [] and seen(stranger) == []
    assert seen(safety_desk) == [safety]
    # the fire division's duty is also on the safety division's list (routing.yaml)
    assert seen(fireduty) == [safety, fire]
    assert seen(lead, division="safety") == [safety] and seen(lead, status="resolved") == []
    assert seen(safety_desk, division="disaster") == []
    # a leader starts to see an alert when it escalates to them
    for alert_id in (safety, untopical):
        client.post(f"{LIST}/{alert_id}/ack", headers=duty, json={})
    clock.advance(60)
    driver.tick()
    assert seen(boss) == [fire]
    assert client.get(f"{LIST}/{fire}", headers=boss).status_code == 200
    assert client.get(f"{LIST}/{safety}", headers=boss).status_code == 404
    assert client.get(f"{LIST}/{untopical}", headers=lead).status_code == 404
    assert client.get(f"{LIST}/{fire}", headers=safety_desk).status_code == 404
    # a division user handles their division's alerts, nobody else's
    assert client.post(f"{LIST}/{safety}/notes", headers=safety_desk,
                       json={"text": "已到场"}).status_code == 200
    assert client.post(f"{LIST}/{fire}/ack", headers=safety_desk, json={}).status_code == 404


def test_a_person_linked_to_a_user_is_not_also_the_user_of_the_same_name(
        settings, engine, clock, driver, receivers, tmp_path):
    ding, hook, smtp = receivers
    path = tmp_path / "linked.yaml"
    path.write_text(routing_yaml(ding_url=ding.url, hook_url=hook.url, smtp_port=smtp.port)
                    .replace("user: lead", "user: liju"), encoding="utf-8")
    linked = RoutingFile(path, secret="test-secret-key", public_url="http://127.0.0.1:8000")
    linked.load()
    fire = raise_alert(engine, clock, driver, "甲镇仓库起火")
    liju = login(engine, clock, "liju", Role.leader)
    namesake = login(engine, clock, "lead", Role.leader)  # another account, named like the id
    app = create_app(settings, engine=engine, clock=clock, routing=linked)
    with TestClient(app) as client:
        assert ids(client.get(LIST, headers=liju)) == [fire]
        assert ids(client.get(LIST, headers=namesake)) == []
        assert client.get(f"{LIST}/{fire}", headers=namesake).status_code == 404


# --- the event stream under a real server --------------------------------------------------

class LiveServer:
    """The app under uvicorn on 127.0.0.1, in a thread."""

    def __init__(self, app):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self.server = uvicorn.Server(uvicorn.Config(
            app, host="127.0.0.1", port=port, log_level="warning", lifespan="off",
            timeout_graceful_shutdown=1))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 5
        while not self.server.started:
            assert self.thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(5)


class EventReader:
    """Parses a text/event-stream response into (fields) dicts."""

    def __init__(self, response: httpx.Response):
        assert response.status_code == 200, response.read()
        assert response.headers["content-type"].startswith("text/event-stream")
        self.lines = response.iter_lines()

    def next(self) -> dict:
        fields: dict[str, str] = {}
        for line in self.lines:
            if not line:
                if fields:
                    return fields
                continue
            if line.startswith(":"):
                continue
            name, _, value = line.partition(":")
            fields[name] = value.removeprefix(" ")
        raise AssertionError("the stream ended")

    def alerts(self, until) -> list[dict]:
        """Events (id, kind, alert) up to and including the first for which ``until`` holds."""
        found = []
        while True:
            fields = self.next()
            if "retry" in fields and "data" not in fields:
                continue
            assert fields["event"] == "alert" and fields["id"].isdigit(), fields
            data = json.loads(fields["data"])
            assert data["id"] == int(fields["id"])
            found.append(data)
            if until(data):
                return found


@pytest.fixture
def live(settings, engine, clock, routing):
    app = create_app(settings, engine=engine, clock=clock, routing=routing)
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=5.0) as http:
        yield http


def acknowledged(alert_id):
    return lambda data: data["alert"]["id"] == alert_id and data["event"]["kind"] == \
        "acknowledged"


def test_stream_sends_alerts_as_they_happen_and_resumes(live, engine, clock, driver):
    duty = login(engine, clock, "值班员甲")
    earlier = raise_alert(engine, clock, driver, "甲镇仓库起火", place="甲镇")
    with live.stream("GET", f"{LIST}/stream", headers=duty) as response:
        reader = EventReader(response)
        assert reader.next() == {"retry": "3000"}
        alert_id = raise_alert(engine, clock, driver, "乙镇厂房大火", level="orange", place="乙镇")
        acked = live.post(f"{LIST}/{alert_id}/ack", headers=duty, json={"comment": "收到"})
        assert acked.status_code == 200
        events = reader.alerts(acknowledged(alert_id))
    # only what happened after connecting, in the order of the timeline, each with its id
    expected = timeline(engine, alert_id)
    assert [e["id"] for e in events] == [entry[0] for entry in expected]
    assert [e["event"]["kind"] for e in events][:2] == ["created", "routed"]
    assert events[-1]["event"]["actor"] == "值班员甲"
    assert events[-1]["alert"]["status"] == "acknowledged"
    assert events[0]["alert"]["number"].startswith("YQ-") and events[0]["alert"]["level"]
    assert earlier not in {e["alert"]["id"] for e in events}
    # reconnect after the first event: the rest arrive, and nothing before it
    resume = events[0]["id"]
    clock.advance(5)
    assert live.post(f"{LIST}/{earlier}/ack", headers=duty).status_code == 200
    for how in ({"headers": {**duty, "Last-Event-ID": str(resume)}},
                {"headers": duty, "params": {"after": resume}}):
        with live.stream("GET", f"{LIST}/stream", **how) as response:
            again = EventReader(response).alerts(acknowledged(earlier))
        assert [e["id"] for e in again] == [
            e[0] for e in sorted(timeline(engine, alert_id) + timeline(engine, earlier))
            if e[0] > resume]
    assert live.get(f"{LIST}/stream", headers=duty, params={"after": -1}).status_code == 422


def test_stream_shows_a_leader_only_their_alerts(live, engine, clock, driver):
    lead = login(engine, clock, "lead", Role.leader)
    duty = login(engine, clock, "值班员甲")
    with live.stream("GET", f"{LIST}/stream", headers=lead) as response:
        reader = EventReader(response)
        hidden = raise_alert(engine, clock, driver, "丁镇突发事件", topic=None, place="丁镇")
        mine = raise_alert(engine, clock, driver, "甲镇仓库起火", place="甲镇")
        assert live.post(f"{LIST}/{hidden}/ack", headers=duty).status_code == 200
        assert live.post(f"{LIST}/{mine}/ack", headers=duty).status_code == 200
        events = reader.alerts(acknowledged(mine))
    assert {e["alert"]["id"] for e in events} == {mine}
    assert [e["id"] for e in events] == [entry[0] for entry in timeline(engine, mine)]


def test_a_stream_does_not_hold_a_database_connection(database_url, settings, clock, routing,
                                                      driver, engine):
    small = make_engine(database_url, pool_size=1, max_overflow=0, pool_timeout=2)
    duty = login(engine, clock, "值班员甲")
    app = create_app(settings, engine=small, clock=clock, routing=routing)
    try:
        with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=5) as http:
            assert http.get(LIST, headers=duty).status_code == 200  # the token is now fresh
            with http.stream("GET", f"{LIST}/stream", headers=duty) as response:
                reader = EventReader(response)
                assert reader.next() == {"retry": "3000"}
                alert_id = raise_alert(engine, clock, driver, "甲镇仓库起火")
                started = time.monotonic()
                assert http.get(LIST, headers=duty).status_code == 200
                assert time.monotonic() - started < 1.5
                assert http.post(f"{LIST}/{alert_id}/ack", headers=duty).status_code == 200
                reader.alerts(acknowledged(alert_id))
    finally:
        small.dispose()


def test_stream_sends_an_event_committed_after_a_later_one(live, engine, clock, driver,
                                                          database_url, monkeypatch):
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite serialises writers: ids are committed in order")
    monkeypatch.setattr(stream, "GAP_SECONDS", 1.0)
    alert_id = raise_alert(engine, clock, driver, "甲镇仓库起火")
    duty = login(engine, clock, "值班员甲")
    with live.stream("GET", f"{LIST}/stream", headers=duty) as response:
        reader = EventReader(response)
        assert reader.next() == {"retry": "3000"}
        with Session(engine) as slow:  # e.g. the relay, while a duty officer adds a note
            record(slow, alert_id, "note", at=clock.now(), message="先分配、后提交")
            slow.flush()
            with Session(engine) as fast:
                record(fast, alert_id, "note", at=clock.now(), message="后分配、先提交")
                fast.commit()
            time.sleep(1.0)  # the stream has polled meanwhile
            slow.commit()
        with Session(engine) as failed:  # an id taken by a transaction that rolls back
            record(failed, alert_id, "note", at=clock.now(), message="回滚")
            failed.flush()
            failed.rollback()
        with Session(engine) as last:
            record(last, alert_id, "note", at=clock.now(), message="最后")
            last.commit()
        started = time.monotonic()
        events = reader.alerts(lambda data: data["event"]["message"] == "最后")
        waited = time.monotonic() - started
    assert [e["event"]["message"] for e in events] == ["先分配、后提交", "后分配、先提交", "最后"]
    assert [e["id"] for e in events] == sorted(e["id"] for e in events)
    assert 0.8 <= waited < 3  # the stream waited GAP_SECONDS for the rolled-back id


def test_stream_starts_now_for_a_malformed_last_event_id(live, engine, clock, driver):
    duty = login(engine, clock, "值班员甲")
    old = raise_alert(engine, clock, driver, "甲镇仓库起火", place="甲镇")
    # "²" passes str.isdigit() but not int(); 40 digits overflow a database integer
    for value in (b"abc", b"\xb2", b"9" * 40, b"-1", b""):
        with live.stream("GET", f"{LIST}/stream",
                         headers={**duty, "Last-Event-ID": value}) as response:
            reader = EventReader(response)
            assert reader.next() == {"retry": "3000"}, value
            clock.advance(1)
            assert live.post(f"{LIST}/{old}/notes", headers=duty,
                             json={"text": repr(value)}).status_code == 200
            event = reader.alerts(lambda data: True)[0]
            assert event["event"]["message"] == repr(value)  # from now on, not replayed
    too_far = live.get(f"{LIST}/stream", headers=duty, params={"after": 2 ** 63})
    assert too_far.status_code == 422


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
