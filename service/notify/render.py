"""The words of every notification, in each channel's markup, within each vendor's size limit.

Pure functions of the messages and ``now``. Several messages make a digest: a row per alert.
"""

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from service.notify.message import KINDS, LEVEL_COLOURS, LEVEL_NAMES, AlertMessage, message_to_json

LOCAL_ZONE = ZoneInfo("Asia/Shanghai")
DINGTALK_MAX_BYTES = 20_000  # errcode 460101 "message too long, exceed 20000 bytes"
WECOM_MAX_BYTES = 4_096  # errcode 40058: markdown.content, counted in UTF-8 bytes
FEISHU_MAX_BYTES = 20_000  # the body may be 20 KB; the rest is room for timestamp and sign
SUMMARY_CHARS = 200
ITEM_COUNT = 5
CASUALTY_WORDS = (("deaths", "死亡"), ("injured", "受伤"), ("missing", "失联"))
LEVEL_ORDER = ("blue", "yellow", "orange", "red")
WECOM_COLOURS = {"red": "warning", "orange": "warning", "yellow": "warning", "blue": "info"}
HTML_COLOURS = {"blue": "#1565c0", "yellow": "#b8860b", "orange": "#e65100", "red": "#c62828"}
# characters that start markup in the robots' markdown: replaced by full-width look-alikes,
# which every vendor shows as they are (backslash escapes are not honoured by all three)
_MARKDOWN_SAFE = str.maketrans({
    "[": "［", "]": "］", "*": "＊", "_": "＿", "#": "＃", "<": "＜", ">": "＞", "`": "｀",
    "~": "～", "|": "｜", "\n": " ", "\r": " ",
})
_URL_SAFE = str.maketrans({" ": "%20", "(": "%28", ")": "%29"})
_MOBILE = re.compile(r"^\+?\d[\d-]{5,}$")


@dataclass(frozen=True)
class Budget:
    """How much optional content to keep; a vendor size limit walks down the ladder."""

    summary: int = SUMMARY_CHARS
    items: int = ITEM_COUNT
    title: int = 100
    rows: int | None = None  # digest rows listed; None lists all


SINGLE_LADDER = (Budget(), Budget(100, 3), Budget(40, 1, 60), Budget(0, 0, 40), Budget(0, 0, 16))
DIGEST_LADDER = (Budget(0, 0, 40), Budget(0, 0, 20), Budget(0, 0, 10))


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending in an ellipsis when cut."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


def level_tag(message: AlertMessage) -> str:
    """``【重大·橙色】``, or nothing for a message without a level."""
    if message.level not in LEVEL_NAMES:
        return ""
    return f"【{LEVEL_NAMES[message.level]}·{LEVEL_COLOURS[message.level]}】"


def heading(message: AlertMessage, title_chars: int = 100) -> str:
    """The first line: level, why it is sent, and the title."""
    kind = KINDS.get(message.kind, message.kind)
    return f"{level_tag(message)}{kind}：{clip(message.title, title_chars)}"


def casualties_text(casualties: dict[str, int]) -> str:
    """``死亡3人，受伤5人，失联1人``, zeros left out; empty when there are none."""
    return "，".join(f"{word}{n}人" for key, word in CASUALTY_WORDS
                    if (n := casualties.get(key) or 0) > 0)


def _span(minutes: int) -> str:
    days, hours, mins = minutes // 1440, minutes % 1440 // 60, minutes % 60
    if days:
        return f"{days}天{hours}小时" if hours else f"{days}天"
    if hours:
        return f"{hours}小时{mins}分钟" if mins else f"{hours}小时"
    return f"{mins}分钟"


def deadline_text(deadline: datetime, now: datetime) -> str:
    """``11月26日 10:15（剩余15分钟）`` in Beijing time, or ``（已超时5分钟）`` once passed."""
    deadline = deadline if deadline.tzinfo else deadline.replace(tzinfo=UTC)
    local = deadline.astimezone(LOCAL_ZONE)
    year = "" if local.year == now.astimezone(LOCAL_ZONE).year else f"{local.year}年"
    when = f"{year}{local.month}月{local.day}日 {local:%H:%M}"
    seconds = (deadline - now).total_seconds()
    if seconds >= 60:
        return f"{when}（剩余{_span(int(seconds // 60))}）"
    if seconds > 0:
        return f"{when}（剩余不足1分钟）"
    if seconds > -60:
        return f"{when}（已到时限）"
    return f"{when}（已超时{_span(int(-seconds // 60))}）"


def facts(message: AlertMessage, now: datetime) -> list[tuple[str, str]]:
    """The labelled lines of a message, in reading order; empty ones left out."""
    rows = [
        ("类别", message.topic_name),
        ("地点", clip(message.place or "", 60)),
        ("伤亡", casualties_text(message.casualties)),
        (message.deadline_label,
         deadline_text(message.deadline_at, now) if message.deadline_at else ""),
        ("重点时段", "、".join(message.heightened)),
        ("原因", clip(message.reason, 120)),
        ("通知对象", clip("、".join(message.recipients), 80)),
        ("告警编号", f"{message.number}（第{message.step}步）" if message.step else message.number),
    ]
    return [(label, value) for label, value in rows if value]


def plain_lines(message: AlertMessage, now: datetime | None = None,
                budget: Budget = Budget()) -> list[str]:
    """The message as plain text lines: for email, webhooks and logs."""
    now = now or datetime.now(UTC)
    lines = [heading(message, budget.title)]
    lines += [f"{label}：{value}" for label, value in facts(message, now)]
    if summary := clip(message.summary, budget.summary) if budget.summary else "":
        lines.append(f"摘要：{summary}")
    shown = message.items[: budget.items]
    if shown:
        lines.append("相关信息：")
    for i, item in enumerate(shown, 1):
        source = f"（{item.source}）" if item.source else ""
        lines.append(f"{i}. {clip(item.title, 80)}{source} {item.url}")
    if len(message.items) > len(shown):
        lines.append(f"……另有{len(message.items) - len(shown)}条相关信息")
    if message.ack_url:
        lines.append(f"确认签收：{message.ack_url}")
    if message.alert_url:
        lines.append(f"查看详情：{message.alert_url}")
    return lines


def digest_heading(messages: list[AlertMessage]) -> str:
    """``舆情告警汇总（25条）``."""
    return f"舆情告警汇总（{len(messages)}条）"


def top_level(messages: list[AlertMessage]) -> str | None:
    """The highest level among the messages."""
    levels = [m.level for m in messages if m.level in LEVEL_ORDER]
    return max(levels, key=LEVEL_ORDER.index) if levels else None


def md(text: str) -> str:
    """Text made safe inside robot markdown."""
    return text.translate(_MARKDOWN_SAFE)


def md_url(url: str) -> str:
    """A URL made safe as a markdown link target."""
    return url.translate(_URL_SAFE)


def split_mentions(mentions: list[str]) -> tuple[list[str], list[str], bool]:
    """(mobiles, user ids, everyone) from the ``to`` list of a robot."""
    everyone = any(m.lower() in ("all", "@all") for m in mentions)
    rest = [m for m in mentions if m.lower() not in ("all", "@all")]
    mobiles = [m for m in rest if _MOBILE.match(m)]
    return mobiles, [m for m in rest if m not in mobiles], everyone


def _text(lines: list[str], mention_line: str, keyword: str | None, sep: str = "\n") -> str:
    """The lines joined, the mentions last, and the robot's keyword present."""
    text = sep.join([*lines, mention_line] if mention_line else lines)
    return f"{text}{sep}{keyword}" if keyword and keyword not in text else text


def _link_pairs(m: AlertMessage) -> list[tuple[str, str]]:
    pairs = (("确认签收", m.ack_url), ("查看详情", m.alert_url))
    return [(label, url) for label, url in pairs if url]


def _markdown(message: AlertMessage, now: datetime, budget: Budget, *, head: str | None,
              links: bool, quote: str = "> ") -> list[str]:
    lines = [head] if head else []
    lines += [f"**{md(label)}**：{md(value)}" for label, value in facts(message, now)]
    if summary := clip(message.summary, budget.summary) if budget.summary else "":
        lines.append(f"{quote}{md(summary)}")
    for i, item in enumerate(message.items[: budget.items], 1):
        source = f"（{md(item.source)}）" if item.source else ""
        lines.append(f"{i}. [{md(clip(item.title, 80))}]({md_url(item.url)}){source}")
    if links and (pairs := _link_pairs(message)):
        lines.append(" ｜ ".join(f"[{label}]({md_url(url)})" for label, url in pairs))
    return lines


def _digest(messages: list[AlertMessage], now: datetime, budget: Budget,
            tag: Callable[[AlertMessage], str]) -> list[str]:
    """The earliest deadline, then one row per alert: level, title, place, number, ack link."""
    deadlines = [m.deadline_at for m in messages if m.deadline_at]
    rows = [f"**最早签收时限**：{deadline_text(min(deadlines), now)}"] if deadlines else []
    listed = messages if budget.rows is None else messages[: budget.rows]
    for i, m in enumerate(listed, 1):
        kind = "" if m.kind == "new" else f"〔{KINDS.get(m.kind, m.kind)}〕"
        place = f"（{md(clip(m.place, 12))}）" if m.place else ""
        link = next((f"[{label}]({md_url(url)})" for label, url in _link_pairs(m)), "")
        rows.append(f"{i}. {tag(m)}{kind}{md(clip(m.title, budget.title))}{place} "
                    f"{m.number} {link}".rstrip())
    if len(listed) < len(messages):
        rows.append(f"……另有{len(messages) - len(listed)}条未列出，请登录系统查看")
    return rows


def _fit(build: Callable[[Budget], Any], size: Callable[[Any], int], limit: int,
         count: int) -> Any:
    """The first rendering within ``limit``: a digest shortens titles, then lists fewer rows."""
    ladder = SINGLE_LADDER if count == 1 else [
        *DIGEST_LADDER, *(Budget(0, 0, 10, rows) for rows in range(count - 1, 0, -1))]
    for budget in ladder:
        body = build(budget)
        if size(body) <= limit:
            break
    return body


def encode_json(body: dict) -> bytes:
    """The bytes sent: compact UTF-8 JSON, the same bytes that were measured and signed."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def _short_tag(m: AlertMessage) -> str:
    return f"【{m.level_name}】" if m.level_name else ""


def dingtalk_body(cfg, messages: list[AlertMessage], mentions: list[str],
                  now: datetime | None = None) -> dict:
    """A DingTalk robot body: markdown, or an actionCard with 确认签收/查看详情 buttons.

    DingTalk honours ``at`` only for text and markdown, so a message that @-mentions is markdown.
    """
    now = now or datetime.now(UTC)
    mobiles, user_ids, everyone = split_mentions(mentions)
    at_line = " ".join(f"@{m}" for m in mobiles + user_ids)  # DingTalk wants them in the text too
    first = messages[0]
    card = cfg.style == "actionCard" and len(messages) == 1 and not mentions and _link_pairs(first)

    def build(budget: Budget) -> dict:
        if len(messages) > 1:
            title = digest_heading(messages)
            lines = [f"### {title}", *_digest(messages, now, budget, _short_tag)]
        else:
            title = heading(first, min(budget.title, 60))
            lines = _markdown(first, now, budget, head=f"### {md(heading(first, budget.title))}",
                              links=not card)
        text = _text(lines, at_line, cfg.keyword, "\n\n")
        if card:
            buttons = [{"title": label, "actionURL": url} for label, url in _link_pairs(first)]
            return {"msgtype": "actionCard", "actionCard": {
                "title": title, "text": text, "btnOrientation": "1", "btns": buttons}}
        return {"msgtype": "markdown", "markdown": {"title": title, "text": text},
                "at": {"atMobiles": mobiles, "atUserIds": user_ids, "isAtAll": everyone}}

    return _fit(build, lambda body: len(encode_json(body)), DINGTALK_MAX_BYTES, len(messages))


def _wecom_font(level: str | None, text: str) -> str:
    return f'<font color="{WECOM_COLOURS.get(level or "", "comment")}">{text}</font>'


def wecom_body(cfg, messages: list[AlertMessage], mentions: list[str],
               now: datetime | None = None) -> dict:
    """A WeCom robot markdown body within 4,096 UTF-8 bytes; ack links are never cut."""
    now = now or datetime.now(UTC)
    first = messages[0]
    # markdown ignores mentioned_mobile_list; <@userid> in the text is what WeCom renders
    mention_line = " ".join(f"<@{m}>" for m in mentions)

    def tag(m: AlertMessage) -> str:
        return _wecom_font(m.level, f"【{m.level_name}】") if m.level_name else ""

    def build(budget: Budget) -> dict:
        if len(messages) > 1:
            head = f"**{_wecom_font(top_level(messages), digest_heading(messages))}**"
            lines = [head, *_digest(messages, now, budget, tag)]
        else:
            level = _wecom_font(first.level, level_tag(first)) if first.level_name else ""
            kind = KINDS.get(first.kind, first.kind)
            head = f"**{level}{kind}：{md(clip(first.title, budget.title))}**"
            lines = _markdown(first, now, budget, head=head, links=True)
        return {"msgtype": "markdown",
                "markdown": {"content": _text(lines, mention_line, cfg.keyword)}}

    return _fit(build, lambda body: len(body["markdown"]["content"].encode()), WECOM_MAX_BYTES,
                len(messages))


def _feishu_mention(mention: str) -> str:
    if mention.lower() in ("all", "@all"):
        return "<at id=all></at>"
    return f"<at email={mention}></at>" if "@" in mention else f"<at id={mention}></at>"


def feishu_body(cfg, messages: list[AlertMessage], mentions: list[str],
                now: datetime | None = None) -> dict:
    """A Feishu interactive card: header coloured by level, buttons opening our links."""
    now = now or datetime.now(UTC)
    first = messages[0]
    mention_line = " ".join(_feishu_mention(m) for m in mentions)
    resolved = all(m.kind == "resolved" for m in messages)
    template = top_level(messages) or ("green" if resolved else "grey")

    def build(budget: Budget) -> dict:
        buttons = []
        if len(messages) > 1:
            title, lines = digest_heading(messages), _digest(messages, now, budget, _short_tag)
        else:
            title = heading(first, budget.title)
            # card markdown has no block quotes
            lines = _markdown(first, now, budget, head=None, links=False, quote="摘要：")
            buttons = [{"tag": "button", "text": {"tag": "plain_text", "content": label},
                        "type": "primary" if label == "确认签收" else "default", "url": url}
                       for label, url in _link_pairs(first)]
        elements = [{"tag": "markdown", "content": _text(lines, mention_line, cfg.keyword)}]
        if buttons:
            elements.append({"tag": "action", "actions": buttons})
        return {"msg_type": "interactive", "card": {
            "config": {"wide_screen_mode": True},
            "header": {"title": {"tag": "plain_text", "content": title}, "template": template},
            "elements": elements}}

    return _fit(build, lambda body: len(encode_json(body)), FEISHU_MAX_BYTES, len(messages))


def email_subject(messages: list[AlertMessage]) -> str:
    """``【重大·橙色】火灾：唐家湾镇某厂房起火（YQ-20261126-0042）``; a digest names its count."""
    if len(messages) > 1:
        top = next((m for m in messages if m.level == top_level(messages)), messages[0])
        return f"{level_tag(top)}{digest_heading(messages)}"
    m = messages[0]
    kind = "" if m.kind == "new" else f"{KINDS.get(m.kind, m.kind)}｜"
    topic = f"{m.topic_name}：" if m.topic_name else ""
    return f"{level_tag(m)}{kind}{topic}{clip(m.title, 80)}（{m.number}）"


def _html_message(m: AlertMessage, now: datetime) -> str:
    e = html.escape
    colour = HTML_COLOURS.get(m.level or "", "#455a64")
    rows = "".join(f'<tr><th align="left">{e(label)}</th><td>{e(value)}</td></tr>'
                   for label, value in facts(m, now))
    parts = [f'<h2 style="color:{colour}">{e(heading(m))}</h2>', f"<table>{rows}</table>"]
    if m.summary:
        parts.append(f"<blockquote>{e(clip(m.summary, SUMMARY_CHARS))}</blockquote>")
    if m.items:
        items = "".join(f'<li><a href="{e(i.url)}">{e(clip(i.title, 80))}</a>'
                        f"{e(f'（{i.source}）') if i.source else ''}</li>"
                        for i in m.items[:ITEM_COUNT])
        parts.append(f"<p>相关信息：</p><ol>{items}</ol>")
    parts += [f'<p><a href="{e(url)}" style="font-size:16px;font-weight:bold">{label}</a></p>'
              for label, url in _link_pairs(m)]
    return "\n".join(parts)


def email_parts(messages: list[AlertMessage], now: datetime | None = None) -> tuple[str, str, str]:
    """(subject, plain text, HTML) of an email about one message or a digest."""
    now = now or datetime.now(UTC)
    texts = ["\n".join(plain_lines(m, now)) for m in messages]
    sections = [_html_message(m, now) for m in messages]
    if len(messages) > 1:
        texts.insert(0, digest_heading(messages))
        sections.insert(0, f"<h1>{digest_heading(messages)}</h1>")
    footer = "应急舆情哨兵自动发送，请勿直接回复。"
    page = "\n<hr>\n".join(sections)
    return (email_subject(messages), "\n\n".join([*texts, footer]) + "\n",
            f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>\n'
            f'{page}\n<p style="color:#888">{footer}</p></body></html>\n')


def message_json(m: AlertMessage, now: datetime) -> dict:
    """One message as JSON-ready data, with its Chinese names and plain text."""
    data = message_to_json(m)
    data.pop("mentions")  # mobiles and user ids are for the robots only
    data.update(kind_name=KINDS.get(m.kind, m.kind), level_name=m.level_name,
                topic_name=m.topic_name, heading=heading(m),
                text="\n".join(plain_lines(m, now)))
    return data


def webhook_body(messages: list[AlertMessage], now: datetime | None = None) -> dict:
    """The generic webhook's JSON: one alert, or a digest listing several."""
    now = now or datetime.now(UTC)
    if len(messages) == 1:
        return {"type": "alert", **message_json(messages[0], now)}
    return {"type": "digest", "count": len(messages), "heading": digest_heading(messages),
            "alerts": [message_json(m, now) for m in messages]}
