"""Real sends through every channel adapter to local receivers that behave like the vendors."""

import asyncio
import json
import socket
import typing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from service.clock import FakeClock
from service.notify.channels import Sender, SendResult
from service.notify.channels.config import ChannelConfig
from service.notify.message import AlertMessage, ItemLink
from service.notify.render import WECOM_MAX_BYTES
from tests.receivers import BotReceiver, SmtpReceiver, WebhookReceiver

NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
MOBILE = "13800138000"


def message(n: int = 42, **overrides) -> AlertMessage:
    """A realistic alert message; the ack link carries a long signed token, as the real one does."""
    fields = dict(
        alert_id=n, number=f"YQ-20261126-{n:04d}", kind="new", step=0,
        title="唐家湾镇某厂房起火", level="orange", topic="fire", place="唐家湾镇",
        summary="11月26日9时许，唐家湾镇一厂房起火，现场有浓烟，消防已到场处置。",
        casualties={"deaths": 3, "injured": 5, "missing": 1},
        items=[ItemLink("唐家湾一厂房起火 浓烟滚滚", "https://news.example.cn/a/1.html", "南方网")],
        deadline_at=NOW + timedelta(minutes=15),
        ack_url=f"https://yq.example.gov.cn/ack/{n}?t=" + "eyJhbGciOiJIUzI1NiJ9" * 5,
        alert_url=f"https://yq.example.gov.cn/alerts/{n}", recipients=["张三", "李四"],
    )
    return AlertMessage(**{**fields, **overrides})


def channel(**data) -> ChannelConfig:
    """A validated channel config, as routing.yaml would give it."""
    return TypeAdapter(ChannelConfig).validate_python(data)


def send(config, messages, to=()) -> SendResult:
    """Send with a fresh Sender on the fake clock."""

    async def scenario() -> SendResult:
        async with Sender(clock=FakeClock(NOW)) as sender:
            return await sender.send(config, messages, list(to))

    return asyncio.run(scenario())


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def body_text(received) -> str:
    return json.dumps(received.body, ensure_ascii=False)


# --- DingTalk ---------------------------------------------------------------------------------

def test_dingtalk_signed_markdown_mentions_and_keyword():
    with BotReceiver("dingtalk", secret="SECabc123", keyword="舆情") as robot:
        config = channel(type="dingtalk", url=robot.url, secret="SECabc123", keyword="舆情")
        result = send(config, [message()], [MOBILE])
    assert result.ok and result.code == "0", result.detail
    [got] = robot.received
    assert got.body["msgtype"] == "markdown"  # DingTalk only @-mentions from text and markdown
    assert got.body["at"]["atMobiles"] == [MOBILE]
    text = got.body["markdown"]["text"]
    assert f"@{MOBILE}" in text and "舆情" in text and "YQ-20261126-0042" in text
    assert f"[确认签收]({message().ack_url})" in text


def test_dingtalk_action_card_buttons():
    with BotReceiver("dingtalk", secret="SECabc123") as robot:
        config = channel(type="dingtalk", url=robot.url, secret="SECabc123", style="actionCard")
        assert send(config, [message()]).ok
    card = robot.received[0].body["actionCard"]
    assert [(b["title"], b["actionURL"]) for b in card["btns"]] == [
        ("确认签收", message().ack_url), ("查看详情", message().alert_url)]


def test_dingtalk_bad_secret_is_a_config_error():
    with BotReceiver("dingtalk", secret="SECright") as robot:
        result = send(channel(type="dingtalk", url=robot.url, secret="SECwrong"), [message()])
    assert not result.ok and result.config_error and not result.retryable
    assert result.code == "310000" and "sign not match" in result.detail
    assert robot.received == []


def test_dingtalk_unknown_token_is_a_config_error():
    with BotReceiver("dingtalk") as robot:
        result = send(channel(type="dingtalk", url=robot.url_for("gone")), [message()])
    assert result.config_error and result.code == "300001"


def test_dingtalk_throttle_is_rate_limited_for_ten_minutes():
    with BotReceiver("dingtalk", rate_per_minute=2) as robot:
        config = channel(type="dingtalk", url=robot.url)
        results = [send(config, [message(n)]) for n in range(1, 5)]
    assert [r.ok for r in results] == [True, True, False, False]
    for throttled in results[2:]:
        assert throttled.rate_limited and throttled.retryable and not throttled.config_error
        assert throttled.code == "130101" and throttled.retry_after == 600


def test_dingtalk_missing_keyword_is_a_config_error():
    with BotReceiver("dingtalk", keyword="应急") as robot:
        result = send(channel(type="dingtalk", url=robot.url), [message()])
    assert result.config_error and result.code == "310000" and "keywords" in result.detail


def test_dingtalk_huge_message_is_cut_to_fit():
    items = [ItemLink("很长的标题" * 40, "https://news.example.cn/" + "x" * 4000, "来源")] * 5
    with BotReceiver("dingtalk") as robot:
        result = send(channel(type="dingtalk", url=robot.url),
                      [message(summary="摘要" * 500, items=items)])
    assert result.ok, result.detail
    card = robot.received[0].body["actionCard"]  # the default style
    assert card["btns"][0]["actionURL"] == message().ack_url
    assert "x" * 4000 in card["text"]  # one item kept
    assert len(json.dumps(robot.received[0].body, ensure_ascii=False).encode()) <= 20000


# --- WeCom ------------------------------------------------------------------------------------

def test_wecom_markdown_over_4096_bytes_is_truncated_keeping_the_ack_link():
    items = [ItemLink("标题很长" * 30, "https://news.example.cn/" + "y" * 600, "来源")] * 5
    big = message(summary="情况" * 300, items=items, reason="未在时限内签收，升级至主要负责人")
    with BotReceiver("wecom") as robot:
        result = send(channel(type="wecom", url=robot.url), [big], ["zhangsan"])
    assert result.ok, result.detail
    content = robot.received[0].body["markdown"]["content"]
    assert len(content.encode()) <= WECOM_MAX_BYTES
    assert f"[确认签收]({big.ack_url})" in content and "YQ-20261126-0042" in content
    assert '<font color="warning">【重大·橙色】</font>' in content and "<@zhangsan>" in content


def test_wecom_rate_limit_and_bad_key():
    with BotReceiver("wecom", rate_per_minute=1) as robot:
        config = channel(type="wecom", url=robot.url)
        assert send(config, [message(1)]).ok
        limited = send(config, [message(2)])
        wrong_key = send(channel(type="wecom", url=robot.url_for("nokey")), [message(3)])
    assert limited.rate_limited and limited.code == "45009" and limited.retry_after == 60
    assert wrong_key.config_error and wrong_key.code == "93000"


# --- Feishu -----------------------------------------------------------------------------------

def test_feishu_signed_card():
    with BotReceiver("feishu", secret="fs-secret", keyword="告警") as robot:
        config = channel(type="feishu", url=robot.url, secret="fs-secret", keyword="告警")
        result = send(config, [message(level="red")], ["ou_123"])
    assert result.ok, result.detail
    body = robot.received[0].body
    assert body["timestamp"].isdigit() and body["sign"]
    card = body["card"]
    assert card["header"]["template"] == "red"
    assert card["header"]["title"]["content"].startswith("【特别重大·红色】新告警：")
    [action] = [e for e in card["elements"] if e["tag"] == "action"]
    assert [(b["text"]["content"], b["url"]) for b in action["actions"]] == [
        ("确认签收", message().ack_url), ("查看详情", message().alert_url)]
    assert "<at id=ou_123></at>" in body_text(robot.received[0])


def test_feishu_bad_secret_and_missing_keyword_are_config_errors():
    with BotReceiver("feishu", secret="fs-secret", keyword="应急") as robot:
        bad_sign = send(channel(type="feishu", url=robot.url, secret="other"), [message()])
        no_keyword = send(channel(type="feishu", url=robot.url, secret="fs-secret"), [message()])
    assert bad_sign.config_error and bad_sign.code == "19021"
    assert no_keyword.config_error and no_keyword.code == "19024"


def test_feishu_per_second_limit_is_rate_limited():
    with BotReceiver("feishu", rate_per_second=1, rate_per_minute=100) as robot:
        config = channel(type="feishu", url=robot.url)
        first, second = send(config, [message(1)]), send(config, [message(2)])
    assert first.ok and second.rate_limited and second.code == "11232"
    assert second.retry_after == 60


# --- failures common to the robots ------------------------------------------------------------

@pytest.mark.parametrize("kind", ["dingtalk", "wecom", "feishu"])
def test_robot_down_is_retryable(kind):
    with BotReceiver(kind) as robot:
        config = channel(type=kind, url=robot.url, timeout=0.5)
        robot.set_down(True)
        gateway = send(config, [message()])
        robot.set_down(True, mode="drop")
        dropped = send(config, [message()])
        robot.set_down(False)
        robot.delay = 1.0
        slow = send(config, [message()])
        robot.delay = 0.0
        robot.fail_next(1, 429, retry_after=7)
        throttled = send(config, [message()])
        back = send(config, [message()])
    refused = send(channel(type=kind, url=f"http://127.0.0.1:{closed_port()}/x"), [message()])
    assert gateway.retryable and gateway.code == "502" and not gateway.config_error
    assert dropped.retryable and dropped.code == "network"
    assert slow.retryable and slow.code == "timeout" and "0.5s" in slow.detail
    assert refused.retryable and refused.code == "connect" and "127.0.0.1" in refused.detail
    assert throttled.rate_limited and throttled.retry_after == 7
    assert back.ok and len(robot.received) == 1


@pytest.mark.parametrize("kind", ["dingtalk", "wecom", "feishu"])
def test_digest_of_25_fits_and_accounts_for_every_alert(kind):
    burst = [message(n, title=f"第{n}起：某镇某企业发生险情，现场人员已疏散") for n in range(1, 26)]
    with BotReceiver(kind, rate_per_minute=100) as robot:
        result = send(channel(type=kind, url=robot.url), burst, [MOBILE])
    assert result.ok, result.detail
    text = body_text(robot.received[0])
    assert "舆情告警汇总（25条）" in text
    listed = [m for m in burst if m.number in text]
    assert all(m.ack_url in text for m in listed)
    assert result.omitted == [i for i, m in enumerate(burst) if m not in listed]
    if result.omitted:
        assert f"另有{len(result.omitted)}条未列出" in text
    if kind == "wecom":
        assert len(robot.received[0].body["markdown"]["content"].encode()) <= WECOM_MAX_BYTES
    else:
        assert result.omitted == []


def test_every_channel_key_is_documented():
    docs = (Path(__file__).parent.parent / "docs" / "notifications.md").read_text(encoding="utf-8")
    models = typing.get_args(typing.get_args(ChannelConfig)[0])
    keys = {name for model in models for name in model.model_fields}
    assert len(keys) > 10
    assert not sorted(k for k in keys if f"`{k}`" not in docs)


def test_disabled_channel_sends_nothing():
    with BotReceiver("dingtalk") as robot:
        result = send(channel(type="dingtalk", url=robot.url, enabled=False), [message()])
    assert not result.ok and result.config_error and result.code == "disabled"
    assert robot.attempts == []


# --- webhook ----------------------------------------------------------------------------------

def test_one_sender_works_again_in_a_second_event_loop():
    """A sender closed at the end of one event loop (as ``collect --once`` does) sends again
    from another, with an HTTP session of that loop; nothing is left open."""
    with WebhookReceiver() as hook:
        config = channel(type="webhook", url=hook.url)
        sender = Sender(clock=FakeClock(NOW))

        async def run(numbers) -> list[SendResult]:
            try:
                return [await sender.send(config, [message(n)], []) for n in numbers]
            finally:
                await sender.aclose()

        results = asyncio.run(run([1, 2])) + asyncio.run(run([3]))
        assert [r.ok for r in results] == [True, True, True]
        assert [r.body["alert_id"] for r in hook.received] == [1, 2, 3]



def test_webhook_signed_json():
    with WebhookReceiver(secret="hook-secret") as hook:
        config = channel(type="webhook", url=hook.url, secret="hook-secret",
                         headers={"X-Bureau": "xiangzhou"})
        result = send(config, [message(step=2, kind="escalation", reason="未在时限内签收")])
    assert result.ok and result.code == "200", result.detail
    [got] = hook.received
    assert got.headers["x-bureau"] == "xiangzhou"
    assert got.headers["idempotency-key"] == "YQ-20261126-0042/escalation/2"
    body = got.body
    assert body["type"] == "alert" and body["alert_id"] == 42 and body["step"] == 2
    assert body["deadline_at"] == "2026-11-26T02:15:00+00:00"
    assert body["casualties"] == {"deaths": 3, "injured": 5, "missing": 1}
    assert body["reason"] == "未在时限内签收" and body["kind_name"] == "升级提醒"
    assert body["items"][0]["url"] == "https://news.example.cn/a/1.html"


def test_webhook_wrong_secret_is_a_config_error():
    with WebhookReceiver(secret="hook-secret") as hook:
        result = send(channel(type="webhook", url=hook.url, secret="nope"), [message()])
    assert result.config_error and result.code == "401" and hook.received == []


@pytest.mark.parametrize(("status", "retry_after", "expect"), [
    (429, 30, "rate_limited"), (500, None, "retryable"), (503, 5, "retryable"),
    (400, None, "config_error"), (404, None, "config_error"),
])
def test_webhook_status_classification(status, retry_after, expect):
    with WebhookReceiver() as hook:
        hook.fail_next(1, status, retry_after=retry_after)
        result = send(channel(type="webhook", url=hook.url), [message()])
    assert not result.ok and getattr(result, expect) and result.code == str(status)
    assert result.retryable == (expect != "config_error")
    assert result.retry_after == retry_after


def test_webhook_digest_lists_every_alert():
    with WebhookReceiver() as hook:
        assert send(channel(type="webhook", url=hook.url), [message(1), message(2)]).ok
    body = hook.received[0].body
    assert body["type"] == "digest" and body["count"] == 2
    assert [a["number"] for a in body["alerts"]] == ["YQ-20261126-0001", "YQ-20261126-0002"]


# --- email ------------------------------------------------------------------------------------

def mail_channel(smtp: SmtpReceiver, **overrides) -> ChannelConfig:
    """An email channel pointed at the local SMTP server, trusting its CA."""
    data = dict(type="email", host=smtp.host, port=smtp.port, security=smtp.tls,
                sender="应急舆情哨兵 <yq@example.gov.cn>", ca_file=smtp.ca_file, timeout=5)
    return channel(**{**data, **overrides})


@pytest.mark.parametrize("tls", ["none", "starttls", "ssl"])
def test_email_with_chinese_subject_and_both_parts(tls):
    alert = message(title="唐家湾镇某厂房起火 <现场> & 浓烟")
    with SmtpReceiver(tls=tls, auth=("duty", "s3cret")) as smtp:
        result = send(mail_channel(smtp, username="duty", password="s3cret"), [alert],
                      ["duty@example.gov.cn", "leader@example.gov.cn"])
    assert result.ok and result.refused == [], result.detail
    [mail] = smtp.messages
    assert mail.rcpt_tos == ["duty@example.gov.cn", "leader@example.gov.cn"]
    assert mail.message["Subject"] == (
        "【重大·橙色】火灾：唐家湾镇某厂房起火 <现场> & 浓烟（YQ-20261126-0042）")
    assert mail.message["From"].addresses[0].display_name == "应急舆情哨兵"
    assert mail.message.get_content_type() == "multipart/alternative"
    text = mail.message.get_body(("plain",)).get_content()
    page = mail.message.get_body(("html",)).get_content()
    assert "伤亡：死亡3人，受伤5人，失联1人" in text and f"确认签收：{alert.ack_url}" in text
    assert "&lt;现场&gt; &amp; 浓烟" in page and "<现场>" not in page
    assert f'href="{alert.ack_url}"' in page


def test_email_wrong_password_is_a_config_error():
    with SmtpReceiver(tls="starttls", auth=("duty", "s3cret")) as smtp:
        result = send(mail_channel(smtp, username="duty", password="wrong"), [message()],
                      ["duty@example.gov.cn"])
    assert result.config_error and not result.retryable and result.code == "535"
    assert smtp.messages == []


def test_email_untrusted_certificate_unless_verification_is_off():
    with SmtpReceiver(tls="ssl") as smtp:
        untrusted = send(mail_channel(smtp, ca_file=None), [message()], ["a@example.gov.cn"])
        unverified = send(mail_channel(smtp, ca_file=None, verify_tls=False), [message()],
                          ["a@example.gov.cn"])
    assert untrusted.config_error and untrusted.code == "tls"
    assert unverified.ok and len(smtp.messages) == 1


def test_email_refused_recipients():
    refuse = {"gone@example.gov.cn": "550 5.1.1 No such user",
              "full@example.gov.cn": "452 4.2.2 Mailbox full"}
    with SmtpReceiver(refuse=refuse) as smtp:
        config = mail_channel(smtp)
        partly = send(config, [message()], ["duty@example.gov.cn", "gone@example.gov.cn", "bad"])
        permanent = send(config, [message()], ["gone@example.gov.cn"])
        transient = send(config, [message()], ["full@example.gov.cn"])
    assert partly.ok and partly.refused == ["gone@example.gov.cn", "bad"]
    assert smtp.messages[0].rcpt_tos == ["duty@example.gov.cn"]
    assert permanent.config_error and permanent.code == "550"
    assert permanent.refused == ["gone@example.gov.cn"]
    assert transient.retryable and not transient.config_error and transient.code == "452"


def test_email_transient_failures_are_retryable():
    with SmtpReceiver() as smtp:
        smtp.fail_next_data(1)
        busy = send(mail_channel(smtp), [message()], ["a@example.gov.cn"])
        again = send(mail_channel(smtp), [message()], ["a@example.gov.cn"])
    down = send(channel(type="email", host="127.0.0.1", port=closed_port(), security="none",
                        sender="yq@example.gov.cn"), [message()], ["a@example.gov.cn"])
    assert busy.retryable and busy.code == "451"
    assert again.ok
    assert down.retryable and down.code == "connect"


def test_email_needs_a_recipient_and_digests_many():
    with SmtpReceiver() as smtp:
        nobody = send(mail_channel(smtp), [message()], [])
        digest = send(mail_channel(smtp), [message(1, level="red"), message(2)],
                      ["a@example.gov.cn"])
    assert nobody.config_error and nobody.code == "no_recipients"
    assert digest.ok
    assert smtp.messages[0].message["Subject"] == "【特别重大·红色】舆情告警汇总（2条）"
