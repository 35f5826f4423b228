"""GET/POST /ack/{token}: the acknowledgement link sent to leaders.

Chat apps open links to preview them, so GET only shows the alert and a confirmation button;
the POST of that button acknowledges. A link works once and expires.
"""

import html
from datetime import datetime
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import update

from service.alerts import workflow
from service.api.deps import ClockDep, SessionDep
from service.api.scope import ContextDep
from service.models import AckToken, Alert
from service.notify.acklinks import BadToken, verify
from service.notify.message import LEVEL_COLOURS, LEVEL_NAMES, TOPIC_NAMES

router = APIRouter(tags=["acknowledgement links"])
_STYLE = ("body{font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;"
          "max-width:36em;margin:2em auto;padding:0 1em;color:#222}"
          ".level{display:inline-block;padding:.1em .6em;border-radius:.3em;color:#fff}"
          ".blue{background:#1677ff}.yellow{background:#d4a106}.orange{background:#f06a0f}"
          ".red{background:#d4380d}button{font-size:1.2em;padding:.5em 2em;background:#1677ff;"
          "color:#fff;border:0;border-radius:.3em}dt{color:#666}dd{margin:0 0 .6em 0}")
_STATES = {"open": "待签收", "acknowledged": "已签收", "in_progress": "处置中",
           "resolved": "已办结"}


def _page(title: str, body: str, status_code: int = 200) -> HTMLResponse:
    return HTMLResponse(
        f"<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<meta name='robots' content='noindex'><title>{html.escape(title)}</title>"
        f"<style>{_STYLE}</style></head><body><h1>{html.escape(title)}</h1>{body}</body></html>",
        status_code=status_code)


def _local(moment: datetime | None, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M") if moment else ""


def _describe(alert: Alert, zone: str) -> str:
    e = html.escape
    level = alert.level or ""
    badge = (f"<span class='level {level}'>{LEVEL_NAMES.get(level, '')}·"
             f"{LEVEL_COLOURS.get(level, '')}</span> " if level else "")
    rows = [("告警编号", e(alert.number)), ("标题", badge + e(alert.title)),
            ("类别", e(TOPIC_NAMES.get(alert.topic or "", alert.topic or "—"))),
            ("地点", e(alert.place or "—")), ("状态", e(_STATES.get(alert.status, alert.status))),
            ("生成时间", e(_local(alert.created_at, zone)))]
    if alert.acknowledged_at:
        rows.append(("签收", e(f"{alert.acknowledged_by} {_local(alert.acknowledged_at, zone)}")))
    return "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def _load(session, ctx, token: str, now: datetime):
    try:
        claims = verify(token, secret=ctx.secret, now=now)
    except BadToken as exc:
        message = ("链接已过期，请登录值班系统或联系值班室签收。" if exc.expired
                   else "链接无效，请检查是否完整复制。")
        return None, None, _page(exc.reason, f"<p>{message}</p>", 410 if exc.expired else 400)
    row = session.get(AckToken, claims.token_id)
    if row is None:
        return None, None, _page("链接无效", "<p>没有找到这个签收链接。</p>", 404)
    return row, session.get(Alert, row.alert_id), None


@router.get("/ack/{token}", response_class=HTMLResponse, include_in_schema=True)
def ack_page(token: str, session: SessionDep, ctx: ContextDep, clock: ClockDep) -> HTMLResponse:
    """The confirmation page; opening it changes nothing."""
    row, alert, error = _load(session, ctx, token, clock.now())
    if error:
        return error
    zone = ctx.config.timezone
    if row.used_at is not None:
        return _page("链接已使用", f"<p>此链接已于 {_local(row.used_at, zone)} 使用。</p>"
                     + _describe(alert, zone), 410)
    if alert.status != "open":
        return _page("告警已签收", _describe(alert, zone))
    form = (f"<form method='post' action='/ack/{html.escape(token)}'>"
            "<button type='submit'>确认签收</button></form>"
            "<p style='color:#666'>点击按钮即表示您已知悉此告警，升级通知将停止。</p>")
    return _page("舆情告警签收", _describe(alert, zone) + form)


@router.post("/ack/{token}", response_class=HTMLResponse)
def ack_confirm(token: str, request: Request, session: SessionDep, ctx: ContextDep,
                clock: ClockDep) -> HTMLResponse:
    """Acknowledge through the link: once only."""
    now = clock.now()
    row, alert, error = _load(session, ctx, token, now)
    if error:
        return error
    zone = ctx.config.timezone
    client = request.client.host if request.client else None
    used = session.execute(update(AckToken).where(AckToken.id == row.id,
                                                  AckToken.used_at.is_(None))
                           .values(used_at=now, used_from=client)).rowcount
    if used != 1:
        session.rollback()
        return _page("链接已使用", "<p>此链接已经使用过。</p>" + _describe(alert, zone), 410)
    names = [ctx.config.people[p].name if p in ctx.config.people else p for p in row.persons]
    actor = "、".join(names) or "通知链接"
    try:
        alert = workflow.acknowledge(session, ctx, alert.id, actor=actor, now=now, via="link",
                                     comment="通过通知中的签收链接")
    except workflow.WorkflowError:
        session.commit()  # the link is spent either way
        session.refresh(alert)
        return _page("告警已签收", "<p>该告警此前已被签收，无需再次操作。</p>"
                     + _describe(alert, zone))
    session.commit()
    return _page("签收成功", "<p>已签收，升级通知已停止。请按要求及时报送处置情况。</p>"
                 + _describe(alert, zone))
