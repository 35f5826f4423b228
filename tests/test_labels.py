"""Marks on items and alerts, the labelled set they grow, and its JSON-lines export and import
(API and `yuqing labels`), on a real database."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect, select, text
from sqlmodel import Session
from typer.testing import CliRunner

from classifiers.train import held_out, read_corpus
from service.analysts.labels import split_of
from service.api.app import create_app
from service.cli import app as cli_app
from service.db import make_engine, upgrade
from service.models import Alert, AlertEvent, AlertItem, AlertRecipient, Feedback, Label, Role
from service.users import create_user, issue_token
from tests.alerting import add_analysed_item, write_routing

LABELS = "/api/v1/labels"


@pytest.fixture
def routing(tmp_path):
    return write_routing(tmp_path / "routing.yaml", ding_url="http://127.0.0.1:9/ding",
                         hook_url="http://127.0.0.1:9/hook", smtp_port=9)


def make_client(settings, engine, clock, routing) -> TestClient:
    return TestClient(create_app(settings, engine=engine, clock=clock, routing=routing))


@pytest.fixture
def client(settings, engine, clock, routing):
    with make_client(settings, engine, clock, routing) as test_client:
        yield test_client


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


def test_marks_fold_into_one_label_and_every_mark_stays_in_the_history(client, engine, clock):
    analyst = login(engine, clock, "分析员", Role.analyst)
    duty = login(engine, clock, "值班员", Role.duty)
    leader = login(engine, clock, "boss", Role.leader)
    item = new_item(engine, clock, "某化工厂仓库起火")
    url = f"/api/v1/items/{item}/feedback"

    first = client.post(url, headers=duty, json={"relevant": True})
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["feedback"]["author"] == "值班员" and body["feedback"]["item_id"] == item
    # confirmed relevant without a topic: the topic the classifier showed is taken
    assert body["labels"][0]["topics"] == ["fire"] and body["labels"][0]["key"] == f"item:{item}"

    clock.advance(60)
    second = client.post(url, headers=analyst,
                         json={"topic": "hazardous_chemicals", "level": "yellow"})
    assert second.status_code == 201, second.text
    stored = label(engine, f"item:{item}")
    assert (stored.relevant, stored.topics, stored.level, stored.author) == (
        True, ["hazardous_chemicals"], "yellow", "分析员")
    assert stored.title == "某化工厂仓库起火" and stored.text == "某化工厂仓库起火。"

    clock.advance(60)
    third = client.post(url, headers=leader,
                        json={"false_alarm": True, "reason": "演练，非真实火情"})
    assert third.status_code == 201, third.text
    stored = label(engine, f"item:{item}")
    assert (stored.relevant, stored.topics, stored.level) == (False, [], None)
    assert (stored.false_alarm, stored.reason, stored.author) == (True, "演练，非真实火情", "boss")
    assert stored.updated_at == clock.now() and stored.split == split_of(f"item:{item}")

    history = client.get(url, headers=duty)
    assert history.status_code == 200
    assert [(f["author"], f["topic"], f["false_alarm"]) for f in history.json()] == [
        ("boss", None, True), ("分析员", "hazardous_chemicals", False), ("值班员", None, False)]
    assert count(engine, Label) == 1 and count(engine, Feedback) == 3

    clock.advance(60)  # the latest mark wins: relevant again, a topic must be named or shown
    client.post(url, headers=analyst, json={"relevant": True, "reason": "复核：确为火灾"})
    stored = label(engine, f"item:{item}")
    assert (stored.relevant, stored.topics, stored.false_alarm) == (True, ["fire"], False)


@pytest.mark.parametrize("body, words", [
    ({}, "至少标注一项"),
    ({"false_alarm": False}, "至少标注一项"),
    ({"topic": "earthquake"}, "未知主题"),
    ({"level": "purple"}, "未知级别"),
    ({"false_alarm": True}, "必须填写理由"),
    ({"false_alarm": True, "reason": "   "}, "必须填写理由"),
    ({"relevant": False, "topic": "fire"}, "不能同时指定"),
    ({"relevant": True, "colour": "red"}, "extra"),
    ({"relevant": "maybe"}, "bool"),
])
def test_bad_marks_are_422_and_store_nothing(client, engine, clock, body, words):
    analyst = login(engine, clock, "分析员", Role.analyst)
    item = new_item(engine, clock, "河道水位上涨")
    response = client.post(f"/api/v1/items/{item}/feedback", headers=analyst, json=body)
    assert response.status_code == 422
    assert words in json.dumps(response.json(), ensure_ascii=False)
    assert count(engine, Feedback) == 0 and count(engine, Label) == 0


def test_unknown_targets_are_404_and_a_token_is_needed(client, engine, clock):
    analyst = login(engine, clock, "分析员", Role.analyst)
    for path in ("/api/v1/items/999/feedback", "/api/v1/alerts/999/feedback"):
        assert client.post(path, headers=analyst, json={"relevant": True}).status_code == 404
        assert client.get(path, headers=analyst).status_code == 404
        assert client.post(path, json={"relevant": True}).status_code == 401
    assert client.post("/api/v1/items/0/feedback", headers=analyst,
                       json={"relevant": True}).status_code == 422


def test_an_alert_mark_is_recorded_once_and_applies_to_each_item(client, engine, clock):
    duty = login(engine, clock, "值班员", Role.duty)
    first, second = (new_item(engine, clock, t) for t in ("商场起火", "商场火灾现场视频"))
    alert = new_alert(engine, clock, [first, second])

    marked = client.post(f"/api/v1/alerts/{alert}/feedback", headers=duty,
                         json={"false_alarm": True, "reason": "旧闻翻炒"})
    assert marked.status_code == 201, marked.text
    assert marked.json()["feedback"]["alert_id"] == alert
    assert marked.json()["feedback"]["item_id"] is None
    assert sorted(x["item_id"] for x in marked.json()["labels"]) == [first, second]
    for item in (first, second):
        stored = label(engine, f"item:{item}")
        assert (stored.item_id, stored.relevant, stored.false_alarm) == (item, False, True)
    assert count(engine, Feedback) == 1
    with Session(engine) as session:
        event = session.execute(select(AlertEvent).where(
            AlertEvent.alert_id == alert, AlertEvent.kind == "feedback")).scalar_one()
    assert event.actor == "值班员" and "误报" in event.message and "旧闻翻炒" in event.message

    clock.advance(60)  # a false alarm whose items are relevant: the mark says so
    client.post(f"/api/v1/alerts/{alert}/feedback", headers=duty, json={
        "false_alarm": True, "relevant": True, "level": "blue", "reason": "级别过高，应为一般"})
    stored = label(engine, f"item:{first}")
    assert (stored.relevant, stored.topics, stored.level, stored.false_alarm) == (
        True, ["fire"], "blue", True)

    clock.advance(60)
    later = new_item(engine, clock, "商场火灾后续")
    with Session(engine) as session:
        session.add(AlertItem(alert_id=alert, item_id=later, added_at=clock.now()))
        session.commit()
    assert len(client.get(f"/api/v1/items/{first}/feedback", headers=duty).json()) == 2
    assert client.get(f"/api/v1/items/{later}/feedback", headers=duty).json() == []
    history = client.get(f"/api/v1/alerts/{alert}/feedback", headers=duty).json()
    assert [h["reason"] for h in history] == ["级别过高，应为一般", "旧闻翻炒"]
    assert label(engine, f"item:{later}") is None


def test_a_leader_marks_only_alerts_they_see(client, engine, clock):
    boss = login(engine, clock, "boss", Role.leader)
    lead = login(engine, clock, "lead", Role.leader)
    alert = new_alert(engine, clock, [new_item(engine, clock, "厂房坍塌")], recipients=("boss",))
    path = f"/api/v1/alerts/{alert}/feedback"

    hidden = client.post(path, headers=lead, json={"relevant": True})
    assert hidden.status_code == 404 and "无权查看" in hidden.json()["detail"]
    assert client.get(path, headers=lead).status_code == 404
    assert client.post(path, headers=boss, json={"relevant": True}).status_code == 201
    assert [h["author"] for h in client.get(path, headers=boss).json()] == ["boss"]
    assert count(engine, Feedback) == 1


def test_the_labelled_set_is_for_analysts_and_admins(client, engine, clock):
    duty = login(engine, clock, "值班员", Role.duty)
    leader = login(engine, clock, "boss", Role.leader)
    admin = login(engine, clock, "管理员", Role.admin)
    line = json.dumps({"id": "x-1", "text": "某地发生火灾", "relevant": True, "topics": ["fire"]})
    for headers in (duty, leader):
        for path in (LABELS, f"{LABELS}/export", f"{LABELS}/stats"):
            assert client.get(path, headers=headers).status_code == 403
        denied = client.post(f"{LABELS}/import", headers=headers, content=line)
        assert denied.status_code == 403 and "分析员" in denied.json()["detail"]
    assert client.get(LABELS).status_code == 401
    assert client.post(f"{LABELS}/import", headers=admin, content=line).status_code == 200
    assert label(engine, "x-1").author == "管理员"


def test_labels_list_filters_and_pages(client, engine, clock):
    analyst = login(engine, clock, "分析员", Role.analyst)
    duty = login(engine, clock, "值班员", Role.duty)
    items = [new_item(engine, clock, f"第{n}起火情") for n in range(5)]
    start = clock.now()
    for n, item in enumerate(items):
        clock.advance(60)
        body = {"relevant": False} if n == 0 else {"topic": "fire" if n < 3 else "flood_drought"}
        client.post(f"/api/v1/items/{item}/feedback", headers=duty if n == 4 else analyst,
                    json=body)

    def keys(**params) -> list[str]:
        response = client.get(LABELS, headers=analyst, params=params)
        assert response.status_code == 200, response.text
        return [x["key"] for x in response.json()["labels"]]

    every = [f"item:{i}" for i in reversed(items)]
    assert keys() == every
    assert keys(relevant=False) == [f"item:{items[0]}"]
    assert keys(topic="fire") == [f"item:{items[2]}", f"item:{items[1]}"]
    assert keys(topic="flood_drought", author="值班员") == [f"item:{items[4]}"]
    assert keys(since=(start + timedelta(seconds=240)).isoformat()) == every[:2]
    assert sorted(keys(split="holdout") + keys(split="train")) == sorted(every)

    pages, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get(LABELS, headers=analyst, params=params).json()
        pages.append([x["key"] for x in page["labels"]])
        if not (cursor := page["next_cursor"]):
            break
    assert pages == [every[:2], every[2:4], every[4:]]
    assert client.get(LABELS, headers=analyst, params={"cursor": "nope"}).status_code == 400
    assert client.get(LABELS, headers=analyst, params={"topic": "earthquake"}).status_code == 422
    assert client.get(LABELS, headers=analyst,
                      params={"since": "2026-11-26T08:00:00"}).status_code == 400

    stats = client.get(f"{LABELS}/stats", headers=analyst).json()
    assert stats["total"] == 5 and stats["relevant"] == {"true": 4, "false": 1}
    assert stats["topics"] == {"fire": 2, "flood_drought": 2}
    assert stats["authors"] == {"分析员": 4, "值班员": 1}
    assert sum(stats["split"].values()) == 5 and stats["false_alarms"] == 0


def test_export_then_import_into_a_fresh_database_gives_the_same_labels(
        settings, engine, clock, routing, database_url, tmp_path):
    with make_client(settings, engine, clock, routing) as client:
        analyst = login(engine, clock, "分析员", Role.analyst)
        items = [new_item(engine, clock, t) for t in ("仓库起火", "暴雨致内涝", "明星婚礼")]
        client.post(f"/api/v1/items/{items[0]}/feedback", headers=analyst,
                    json={"topic": "fire", "level": "orange", "reason": "死亡 3 人"})
        clock.advance(1.5)
        client.post(f"/api/v1/items/{items[1]}/feedback", headers=analyst,
                    json={"topic": "flood_drought"})
        client.post(f"/api/v1/items/{items[2]}/feedback", headers=analyst,
                    json={"false_alarm": True, "reason": "娱乐新闻\u2028与应急无关"})
        shared = json.dumps({"id": "peer-0001", "title": "", "text": "某县山洪冲毁桥梁",
                             "relevant": True, "topics": ["flood_drought"],
                             "author": "邻局分析员", "updated_at": "2026-11-01T08:00:00+08:00"},
                            ensure_ascii=False)
        assert client.post(f"{LABELS}/import", headers=analyst, content=shared).json()[
            "created"] == 1
        exported = client.get(f"{LABELS}/export", headers=analyst)
        assert exported.headers["content-type"].startswith("application/x-ndjson")
        before = lines_of(exported)
    assert len(before) == 4 and "\u2028" not in exported.text

    path = tmp_path / "labels.jsonl"
    path.write_text(exported.text, encoding="utf-8")
    corpus = read_corpus(path)
    assert [r["id"] for r in corpus] == [r["id"] for r in before]
    for record in corpus:
        assert set(record) >= {"id", "title", "text", "relevant", "topics", "level",
                               "false_alarm", "reason", "author", "updated_at", "split"}
        assert (record["split"] == "holdout") == held_out(record, 0.2)
    assert next(r for r in corpus if r["id"] == f"item:{items[2]}")["reason"] == \
        "娱乐新闻\u2028与应急无关"

    url = fresh_database(database_url, tmp_path)
    fresh = make_engine(url)
    try:
        clock.advance(3600)
        with make_client(settings, fresh, clock, routing) as client:
            restorer = login(fresh, clock, "恢复员", Role.analyst)
            imported = client.post(f"{LABELS}/import", headers=restorer,
                                   content=exported.text).json()
            assert imported == {"lines": 4, "created": 4, "updated": 0, "unchanged": 0,
                                "kept": 0, "errors": []}
            after = lines_of(client.get(f"{LABELS}/export", headers=restorer))
            again = client.post(f"{LABELS}/import", headers=restorer, content=exported.text)
            assert again.json()["unchanged"] == 4
        assert sorted(after, key=lambda r: r["id"]) == sorted(before, key=lambda r: r["id"])
        with Session(fresh) as session:
            history = session.execute(select(Feedback)).scalars().all()
        assert len(history) == 4
        assert {(f.origin, f.author, f.created_at) for f in history} == {
            ("import", "恢复员", clock.now())}
    finally:
        fresh.dispose()


def test_an_import_with_a_bad_line_writes_nothing_and_names_the_line(client, engine, clock):
    analyst = login(engine, clock, "分析员", Role.analyst)
    good = {"id": "a-1", "title": "工厂爆炸", "text": "", "relevant": True, "topics": []}
    lines = [json.dumps(good), "",
             json.dumps(good | {"id": "a-2", "topics": ["earthquake"]}),
             "{not json",
             json.dumps(good | {"id": "a-1"}),
             json.dumps(good | {"id": "a-3", "false_alarm": True}),
             json.dumps(good | {"id": "a-4", "updated_at": "2026-11-26 08:00"}),
             json.dumps(good | {"id": "a-5", "relevant": False, "topics": ["fire"]}),
             json.dumps(["a list"]),
             json.dumps(good | {"id": "a-6", "title": "", "text": " "})]
    response = client.post(f"{LABELS}/import", headers=analyst, content="\n".join(lines))
    assert response.status_code == 422
    detail = response.json()["detail"]
    errors = {e["line"]: e["message"] for e in detail["errors"]}
    assert sorted(errors) == [3, 4, 5, 6, 7, 8, 9, 10] and detail["error_count"] == 8
    assert "未知主题 earthquake" in errors[3] and "不是合法的 JSON" in errors[4]
    assert "第 1 行重复" in errors[5] and "reason" in errors[6]
    assert "updated_at" in errors[7] and "relevant 为 false" in errors[8]
    assert "JSON 对象" in errors[9] and "不能都为空" in errors[10]
    assert "未导入任何标注" in detail["message"]
    assert count(engine, Label) == 0 and count(engine, Feedback) == 0
    undecodable = client.post(f"{LABELS}/import", headers=analyst, content=b"\xff\xfe{")
    assert undecodable.status_code == 400


def test_an_import_keeps_newer_labels_and_never_deletes(client, engine, clock):
    analyst = login(engine, clock, "分析员", Role.analyst)
    item = new_item(engine, clock, "货车起火")
    client.post(f"/api/v1/items/{item}/feedback", headers=analyst, json={"topic": "fire"})
    client.post(f"{LABELS}/import", headers=analyst, content=json.dumps(
        {"id": "ex-1", "text": "某地山火", "relevant": True, "topics": ["fire"]}))
    record = lines_of(client.get(f"{LABELS}/export", headers=analyst))
    ours = next(r for r in record if r["id"] == f"item:{item}")
    older = ours | {"relevant": False, "topics": [], "updated_at": "2026-01-01T00:00:00+00:00"}
    newer = ours | {"topics": ["fire", "production_safety"],
                    "updated_at": (clock.now() + timedelta(hours=1)).isoformat()}

    kept = client.post(f"{LABELS}/import", headers=analyst, content=json.dumps(older)).json()
    assert kept["kept"] == 1 and label(engine, f"item:{item}").relevant is True
    clock.advance(60)
    updated = client.post(f"{LABELS}/import", headers=analyst, content=json.dumps(newer)).json()
    assert updated["updated"] == 1
    stored = label(engine, f"item:{item}")
    assert stored.topics == ["fire", "production_safety"] and stored.item_id == item
    history = client.get(f"/api/v1/items/{item}/feedback", headers=analyst).json()
    assert [(h["origin"], h["author"]) for h in history] == [("import", "分析员"),
                                                             ("api", "分析员")]
    assert count(engine, Label) == 2  # ex-1 is still there


def test_an_item_key_from_another_database_does_not_take_over_an_item(client, engine, clock):
    analyst = login(engine, clock, "分析员", Role.analyst)
    ours = new_item(engine, clock, "本地仓库起火")
    foreign = {"id": f"item:{ours}", "title": "外地暴雨", "text": "", "relevant": True,
               "topics": ["flood_drought"]}
    restored = {"id": f"item:{ours + 1}", "title": "旧库的一条", "text": "", "relevant": False}
    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in (foreign, restored))
    assert client.post(f"{LABELS}/import", headers=analyst, content=body).json()["created"] == 2
    assert label(engine, f"item:{ours}") is None
    with Session(engine) as session:
        aside = session.execute(select(Label).where(Label.key.like(f"item:{ours}@%"))).scalar_one()
    assert (aside.title, aside.item_id, aside.split) == ("外地暴雨", None, split_of(aside.key))
    clash = "\n".join(json.dumps(r, ensure_ascii=False) for r in (
        foreign, foreign | {"id": aside.key}, {"id": "t", "title": 0, "relevant": True}))
    rejected = client.post(f"{LABELS}/import", headers=analyst, content=clash)
    assert [(e["line"], e["message"]) for e in rejected.json()["detail"]["errors"]] == [
        (3, "title 必须是字符串")]
    rejected = client.post(f"{LABELS}/import", headers=analyst, content=clash.rsplit("\n", 1)[0])
    assert rejected.status_code == 422
    assert "与第 2 行重复" in rejected.json()["detail"]["errors"][0]["message"]

    # the restored label waited for an item that never was; a new item with that id comes
    newcomer = new_item(engine, clock, "本地新条目")
    assert newcomer == ours + 1
    client.post(f"/api/v1/items/{newcomer}/feedback", headers=analyst, json={"topic": "fire"})
    stored = label(engine, f"item:{newcomer}")
    assert (stored.title, stored.item_id, stored.topics) == ("本地新条目", newcomer, ["fire"])
    with Session(engine) as session:
        moved = session.execute(select(Label).where(
            Label.key.like(f"item:{newcomer}@%"))).scalar_one()
    assert (moved.title, moved.relevant, moved.item_id) == ("旧库的一条", False, None)


def test_split_is_the_training_holdout(tmp_path):
    keys = [f"item:{n}" for n in range(2000)] + [f"peer-{n:04d}" for n in range(500)]
    holdout = [k for k in keys if split_of(k) == "holdout"]
    assert all((split_of(k) == "holdout") == held_out({"id": k}, 0.2) for k in keys)
    assert 0.17 < len(holdout) / len(keys) < 0.23


@pytest.fixture
def env(settings, database_url, tmp_path) -> dict:
    return {"YQ_DATABASE_URL": database_url, "YQ_DATA_DIR": str(tmp_path / "var"),
            "COLUMNS": "200"}


def invoke(env: dict, *args: str):
    return CliRunner().invoke(cli_app, list(args), env=env, catch_exceptions=False)


def test_cli_exports_and_imports_the_labelled_set(client, engine, clock, env, database_url,
                                                  tmp_path):
    analyst = login(engine, clock, "分析员", Role.analyst)
    for title, mark in (("码头起火", {"topic": "fire"}), ("股市行情", {"relevant": False})):
        client.post(f"/api/v1/items/{new_item(engine, clock, title)}/feedback",
                    headers=analyst, json=mark)
    exported = tmp_path / "out" / "labels.jsonl"
    exported.parent.mkdir()
    result = invoke(env, "labels", "export", "--output", str(exported))
    assert result.exit_code == 0, result.output
    assert "2 labels written" in result.output
    stdout = invoke(env, "labels", "export")
    assert stdout.output == exported.read_text(encoding="utf-8")
    before = read_corpus(exported)
    assert {r["title"] for r in before} == {"码头起火", "股市行情"}
    assert "2 labels" in invoke(env, "labels", "stats").output

    fresh = env | {"YQ_DATABASE_URL": fresh_database(database_url, tmp_path)}
    bad = tmp_path / "bad.jsonl"
    bad.write_text(exported.read_text(encoding="utf-8") + '{"id": "z", "relevant": 1}\n',
                   encoding="utf-8")
    rejected = invoke(fresh, "labels", "import", str(bad), "--author", "张三")
    assert rejected.exit_code == 2
    assert f"{bad}:3: " in rejected.output and "nothing imported" in rejected.output
    assert invoke(fresh, "labels", "export").output == ""

    imported = invoke(fresh, "labels", "import", str(exported), "--author", "张三")
    assert imported.exit_code == 0, imported.output
    assert "2 lines: 2 created" in imported.output
    again = tmp_path / "again.jsonl"
    assert invoke(fresh, "labels", "export", "-o", str(again)).exit_code == 0
    assert sorted(read_corpus(again), key=str) == sorted(before, key=str)
    engine_fresh = make_engine(fresh["YQ_DATABASE_URL"])
    with Session(engine_fresh) as session:
        authors = set(session.execute(select(Feedback.author)).scalars())
    engine_fresh.dispose()
    assert authors == {"张三"}
    assert invoke(fresh, "labels", "import", str(tmp_path / "missing.jsonl")).exit_code == 2
