"""The duty officers' alert API: list with filters and cursor, and detail."""

import base64
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlmodel import Session

from service.models import Alert, Role
from tests.alerting import (
    add_analysed_item,
)
from tests.alerts_api.support import LIST, cursor_of, ids, login, raise_alert, timeline

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
