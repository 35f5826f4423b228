"""The HTTP API on a real database: tokens, roles, sources with health, items with cursors."""

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from service.api.app import create_app
from service.models import Item, Role, Source
from tests.collecting import api_headers
from tests.conftest import install_sources


@pytest.fixture
def app(engine, settings, clock):
    return create_app(settings, engine=engine, clock=clock)


@pytest.fixture
def client(app):
    with TestClient(app, client=("127.0.0.1", 50000)) as test_client:
        yield test_client




def add_items(engine, settings, clock, count: int) -> None:
    install_sources(engine, settings, clock, """\
        sources:
          - {id: zh-news, name: 珠海新闻, kind: rss, url: "http://127.0.0.1:9/a.xml"}
          - {id: gd-news, name: 广东新闻, kind: rss, url: "http://127.0.0.1:9/b.xml"}
        """)
    with Session(engine) as session:
        for n in range(count):
            session.add(Item(
                source_id="zh-news" if n % 2 else "gd-news", entry_key=f"{n:064d}",
                title=f"第{n}条 唐家湾镇火灾" if n % 5 == 0 else f"第{n}条 防汛通知",
                content="正文", content_hash="0" * 64, url=f"http://example.test/{n}",
                fetched_at=clock.now() + timedelta(minutes=n)))
        session.commit()


def test_health_and_readiness_need_no_token(client):
    assert client.get("/healthz").json()["status"] == "ok"
    assert client.get("/readyz").json() == {"status": "ready", "database": "ok"}


def test_api_requires_a_valid_token(client, engine, clock):
    response = client.get("/api/v1/sources")
    assert response.status_code == 401 and "访问令牌" in response.json()["detail"]
    assert response.headers["www-authenticate"] == "Bearer"
    bad = client.get("/api/v1/items", headers={"Authorization": "Bearer yq_nope"})
    assert bad.status_code == 401
    assert client.get("/api/v1/items", headers=api_headers(engine, clock)).status_code == 200


def test_sources_show_health(client, engine, settings, clock):
    add_items(engine, settings, clock, 0)
    with Session(engine) as session:
        source = session.get(Source, "zh-news")
        source.is_down, source.consecutive_failures = True, 6
        source.last_error_class, source.last_error_message = "timeout", "读取超时（20 秒）"
        source.down_since = clock.now()
        session.commit()
    response = client.get("/api/v1/sources", headers=api_headers(engine, clock))
    body = {s["id"]: s for s in response.json()}
    assert body["zh-news"]["is_down"] and body["zh-news"]["consecutive_failures"] == 6
    assert body["zh-news"]["last_error_message"] == "读取超时（20 秒）"
    assert body["zh-news"]["down_since"].startswith("2026-11-26T02:00:00")
    assert not body["gd-news"]["is_down"]
    down = client.get("/api/v1/sources?down=true", headers=api_headers(engine, clock, "乙"))
    assert [s["id"] for s in down.json()] == ["zh-news"]


def test_items_filters_and_cursor_pagination(client, engine, settings, clock):
    add_items(engine, settings, clock, 25)
    headers = api_headers(engine, clock)
    seen, cursor = [], None
    while True:
        params = {"limit": 10} | ({"cursor": cursor} if cursor else {})
        page = client.get("/api/v1/items", params=params, headers=headers).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == list(range(25, 0, -1))

    fires = client.get("/api/v1/items", params={"q": "火灾"}, headers=headers).json()["items"]
    assert len(fires) == 5 and all("火灾" in i["title"] for i in fires)
    zh = client.get("/api/v1/items", params={"source": "zh-news"}, headers=headers).json()
    assert {i["source_id"] for i in zh["items"]} == {"zh-news"} and len(zh["items"]) == 12
    since = (clock.now() + timedelta(minutes=20)).isoformat()
    late = client.get("/api/v1/items", params={"since": since}, headers=headers).json()
    assert len(late["items"]) == 5
    literal = client.get("/api/v1/items", params={"q": "100%_"}, headers=headers).json()
    assert literal["items"] == []


def test_item_detail_and_bad_requests(client, engine, settings, clock):
    add_items(engine, settings, clock, 1)
    headers = api_headers(engine, clock)
    item = client.get("/api/v1/items/1", headers=headers).json()
    assert item["content"] == "正文" and item["analysis_state"] == "pending"
    missing = client.get("/api/v1/items/999", headers=headers)
    assert missing.status_code == 404 and "不存在" in missing.json()["detail"]
    assert client.get("/api/v1/items/abc", headers=headers).status_code == 422
    assert client.get("/api/v1/items?limit=1000", headers=headers).status_code == 422
    bad_cursor = client.get("/api/v1/items?cursor=%%%", headers=headers)
    assert bad_cursor.status_code == 400 and bad_cursor.json()["detail"] == "无效的分页游标"
    naive = client.get("/api/v1/items?since=2026-11-26T08:00:00", headers=headers)
    assert naive.status_code == 400


def test_metrics_are_served_to_allowed_networks_only(app, engine, settings, clock):
    add_items(engine, settings, clock, 3)
    with TestClient(app, client=("127.0.0.1", 50000)) as local:
        text = local.get("/metrics").text
    assert "yq_items_pending_analysis 3.0" in text
    assert "yq_sources_down 0.0" in text and "yq_sources_enabled 2.0" in text
    with TestClient(app, client=("203.0.113.9", 50000)) as remote:
        assert remote.get("/metrics").status_code == 403


def test_revoked_token_and_inactive_user_are_refused(client, engine, clock):
    from sqlmodel import select

    from service.models import ApiToken, User

    headers = api_headers(engine, clock)
    with Session(engine) as session:
        session.exec(select(ApiToken)).one().revoked_at = clock.now()
        session.commit()
    assert client.get("/api/v1/items", headers=headers).status_code == 401
    headers = api_headers(engine, clock, name="领导", role=Role.leader)
    with Session(engine) as session:
        session.exec(select(User).where(User.name == "领导")).one().active = False
        session.commit()
    assert client.get("/api/v1/items", headers=headers).status_code == 401
