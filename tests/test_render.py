"""The words of the notifications: headings, casualties, deadlines, escaping and size limits."""

import json
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from service.notify import render
from service.notify.message import KINDS, AlertMessage, ItemLink

NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)  # 10:00 in Beijing
BOT = SimpleNamespace(style="markdown", keyword=None)


def message(**overrides) -> AlertMessage:
    fields = dict(alert_id=7, number="YQ-20261126-0007", kind="new", step=0,
                  title="唐家湾镇某厂房起火", level="orange", topic="fire", place="唐家湾镇",
                  deadline_at=NOW + timedelta(minutes=15),
                  ack_url="https://yq.example.gov.cn/ack/7?t=abc",
                  alert_url="https://yq.example.gov.cn/alerts/7")
    return AlertMessage(**{**fields, **overrides})


@pytest.mark.parametrize(("casualties", "words"), [
    ({"deaths": 3, "injured": 5, "missing": 1}, "死亡3人，受伤5人，失联1人"),
    ({"deaths": 0, "injured": 2, "missing": 0}, "受伤2人"),
    ({"missing": 4, "deaths": 1}, "死亡1人，失联4人"),
    ({"deaths": 0, "injured": 0, "missing": 0}, ""),
    ({}, ""),
])
def test_casualties_wording(casualties, words):
    assert render.casualties_text(casualties) == words
    lines = render.plain_lines(message(casualties=casualties), NOW)
    assert (f"伤亡：{words}" in lines) if words else not any(x.startswith("伤亡") for x in lines)


@pytest.mark.parametrize(("minutes", "words"), [
    (15, "11月26日 10:15（剩余15分钟）"),
    (65, "11月26日 11:05（剩余1小时5分钟）"),
    (120, "11月26日 12:00（剩余2小时）"),
    (14 * 60 + 30, "11月27日 00:30（剩余14小时30分钟）"),
    (0.5, "11月26日 10:00（剩余不足1分钟）"),
    (0, "11月26日 10:00（已到时限）"),
    (-20, "11月26日 09:40（已超时20分钟）"),
    (3 * 1440 + 60, "11月29日 11:00（剩余3天1小时）"),
])
def test_deadline_in_beijing_time_with_remaining(minutes, words):
    deadline = NOW + timedelta(minutes=minutes)
    assert render.deadline_text(deadline, NOW) == words
    assert f"签收时限：{words}" in render.plain_lines(message(deadline_at=deadline), NOW)


def test_deadline_in_another_year_names_it():
    assert render.deadline_text(datetime(2027, 1, 1, 0, 0, tzinfo=UTC), NOW).startswith(
        "2027年1月1日 08:00")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_has_its_heading(kind):
    heading = render.heading(message(kind=kind))
    assert heading == f"【重大·橙色】{KINDS[kind]}：唐家湾镇某厂房起火"
    for body in (render.dingtalk_body(BOT, [message(kind=kind)], [], NOW)["markdown"]["text"],
                 render.wecom_body(BOT, [message(kind=kind)], [], NOW)["markdown"]["content"]):
        assert KINDS[kind] in body


@pytest.mark.parametrize(("level", "tag"), [
    ("blue", "【一般·蓝色】"), ("yellow", "【较大·黄色】"), ("orange", "【重大·橙色】"),
    ("red", "【特别重大·红色】"), (None, ""),
])
def test_level_tags_and_feishu_colours(level, tag):
    m = message(level=level)
    assert render.level_tag(m) == tag
    card = render.feishu_body(BOT, [m], [], NOW)["card"]
    assert card["header"]["template"] == (level or "grey")


def test_source_down_without_level():
    m = message(kind="source_down", level=None, topic=None, title="应急管理部官网连续3次抓取失败")
    assert render.plain_lines(m, NOW)[0] == "信息源故障：应急管理部官网连续3次抓取失败"


def test_the_full_plain_text():
    m = message(summary="现场有浓烟" * 50, reason="未在时限内签收，升级至主要负责人", step=2,
                heightened=["国庆节", "进博会"], recipients=["张三", "李四"],
                casualties={"deaths": 1},
                items=[ItemLink(f"报道{i}", f"https://n.example.cn/{i}", "南方网")
                       for i in range(7)])
    lines = render.plain_lines(m, NOW)
    assert "重点时段：国庆节、进博会" in lines
    assert "原因：未在时限内签收，升级至主要负责人" in lines
    assert "告警编号：YQ-20261126-0007（第2步）" in lines and "通知对象：张三、李四" in lines
    [summary] = [x for x in lines if x.startswith("摘要：")]
    assert len(summary) == len("摘要：") + 200 and summary.endswith("…")
    assert "5. 报道4（南方网） https://n.example.cn/4" in lines and "……另有2条相关信息" in lines
    assert lines[-2:] == ["确认签收：https://yq.example.gov.cn/ack/7?t=abc",
                          "查看详情：https://yq.example.gov.cn/alerts/7"]


def test_markdown_escaping_keeps_links_intact():
    m = message(title="[视频] *突发* 厂房起火 #现场# <b>",
                items=[ItemLink("标题](https://evil.example)", "https://n.example.cn/a (1).html")])
    text = render.dingtalk_body(BOT, [m], [], NOW)["markdown"]["text"]
    assert "［视频］ ＊突发＊ 厂房起火 ＃现场＃ ＜b＞" in text
    assert "[标题］(https://evil.example)](https://n.example.cn/a%20%281%29.html)" in text
    assert "[确认签收](https://yq.example.gov.cn/ack/7?t=abc)" in text


def test_email_html_is_escaped_and_subject_as_specified():
    m = message(title="厂房起火 <script>alert(1)</script> & 浓烟", number="YQ-20261126-0042")
    subject, text, page = render.email_parts([m], NOW)
    assert subject == ("【重大·橙色】火灾：厂房起火 <script>alert(1)</script> & 浓烟"
                       "（YQ-20261126-0042）")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 浓烟" in page
    assert "<script>alert(1)</script>" in text
    escalated = render.email_subject([message(kind="escalation")])
    assert escalated == "【重大·橙色】升级提醒｜火灾：唐家湾镇某厂房起火（YQ-20261126-0007）"


def test_keyword_is_added_only_when_missing():
    with_keyword = SimpleNamespace(style="markdown", keyword="应急")
    text = render.dingtalk_body(with_keyword, [message()], [], NOW)["markdown"]["text"]
    assert text.endswith("\n\n应急")
    present = SimpleNamespace(style="markdown", keyword="厂房")
    content = render.wecom_body(present, [message()], [], NOW)["markdown"]["content"]
    assert not content.endswith("厂房") and "厂房" in content


def test_dingtalk_mentions_and_action_card_choice():
    card = SimpleNamespace(style="actionCard", keyword=None)
    assert render.dingtalk_body(card, [message()], [], NOW)["msgtype"] == "actionCard"
    body = render.dingtalk_body(card, [message()], ["13800138000", "manager01", "@all"], NOW)
    assert body["msgtype"] == "markdown"
    assert body["at"] == {"atMobiles": ["13800138000"], "atUserIds": ["manager01"],
                          "isAtAll": True}
    assert body["markdown"]["text"].endswith("@13800138000 @manager01")


def test_digest_rows_and_limits():
    burst = [message(alert_id=n, number=f"YQ-20261126-{n:04d}", level="red" if n == 3 else "blue",
                     kind="new" if n % 2 else "escalation",
                     ack_url=f"https://yq.example.gov.cn/ack/{n}?t=" + "x" * 150)
             for n in range(1, 26)]
    ding = render.dingtalk_body(BOT, burst, [], NOW)
    assert ding["markdown"]["title"] == "舆情告警汇总（25条）"
    text = ding["markdown"]["text"]
    assert "3. 【特别重大】唐家湾镇某厂房起火（唐家湾镇） YQ-20261126-0003 [确认签收]" in text
    assert "2. 【一般】〔升级提醒〕唐家湾镇某厂房起火" in text
    assert "**最早签收时限**：11月26日 10:15（剩余15分钟）" in text
    assert len(render.encode_json(ding)) <= render.DINGTALK_MAX_BYTES
    content = render.wecom_body(BOT, burst, [], NOW)["markdown"]["content"]
    assert len(content.encode()) <= render.WECOM_MAX_BYTES
    listed = [m for m in burst if m.number in content]
    assert 5 < len(listed) < 25 and f"另有{25 - len(listed)}条未列出" in content
    assert all(m.ack_url in content for m in listed)
    assert render.feishu_body(BOT, burst, [], NOW)["card"]["header"]["template"] == "red"


def test_webhook_body_is_json_with_chinese_names():
    m = message(items=[ItemLink("报道", "https://n.example.cn/1", "南方网", NOW)],
                mentions=["13800138000"], heightened=["春节"])
    body = json.loads(render.encode_json(render.webhook_body([m], NOW)))
    assert body["type"] == "alert" and body["number"] == "YQ-20261126-0007"
    assert body["level_name"] == "重大" and body["topic_name"] == "火灾"
    assert body["deadline_at"] == "2026-11-26T02:15:00+00:00"
    assert body["items"][0]["published_at"] == "2026-11-26T02:00:00+00:00"
    assert "mentions" not in body and body["heightened"] == ["春节"]
    assert body["heading"] == "【重大·橙色】新告警：唐家湾镇某厂房起火"
    assert "签收时限：11月26日 10:15（剩余15分钟）" in body["text"]
