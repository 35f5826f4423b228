"""WeCom group robots: the key in the URL is the only credential; errcode in the body."""

from datetime import datetime

import aiohttp

from service.notify.channels.base import (
    CONFIG,
    RATE,
    RETRY,
    SendResult,
    by_vendor_code,
    omitted,
    post,
)
from service.notify.channels.config import WeComChannel
from service.notify.message import AlertMessage
from service.notify.render import encode_json, wecom_body

THROTTLE_SECONDS = 60.0  # 20 messages a minute per robot
OUTCOMES = {
    -1: RETRY,  # system busy
    45009: RATE,  # api freq out of limit
    93000: CONFIG,  # invalid webhook url (a wrong or deleted key)
    40058: CONFIG,  # markdown.content exceed max length 4096
    40008: CONFIG,  # invalid message type
    44004: CONFIG,  # empty content
}


async def send_wecom(client: aiohttp.ClientSession, cfg: WeComChannel, messages: list[AlertMessage],
                     to: list[str], now: datetime) -> SendResult:
    """Send one message or a digest to a WeCom robot as markdown, mentioning ``to``."""
    body = encode_json(wecom_body(cfg, messages, to, now))
    response = await post(client, str(cfg.url), body, timeout=cfg.timeout)
    if isinstance(response, SendResult):
        return response
    result = by_vendor_code(response, "wecom", OUTCOMES, throttle=THROTTLE_SECONDS,
                            code_keys=("errcode",), message_keys=("errmsg",))
    result.omitted = omitted(messages, body)
    return result
