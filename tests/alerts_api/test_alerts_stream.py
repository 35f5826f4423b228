"""The SSE stream of alert events, under a real uvicorn server."""

import json
import socket
import threading
import time

import httpx
import pytest
import uvicorn
from sqlmodel import Session

from service.alerts.timeline import record
from service.api import stream
from service.api.app import create_app
from service.db import make_engine
from service.models import Role
from tests.alerts_api.support import LIST, login, raise_alert, timeline

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
                # with the only connection held by the stream this would time out (500)
                assert http.get(LIST, headers=duty).status_code == 200
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
    assert waited >= 0.8  # the stream waited GAP_SECONDS for the rolled-back id


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
