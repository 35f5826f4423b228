"""Feishu/Lark custom bots: signature fields in the JSON body, ``code`` in the reply."""

import base64
import hashlib
import hmac
import time
from datetime import datetime

import aiohttp

from service.notify.channels.base import (
    CONFIG,
    RATE,
    SendResult,
    by_vendor_code,
    omitted,
    post,
)
from service.notify.channels.config import FeishuChannel
from service.notify.message import AlertMessage
from service.notify.render import encode_json, feishu_body

THROTTLE_SECONDS = 60.0  # 100 a minute and 5 a second per bot
OUTCOMES = {
    11232: RATE,  # frequency limited
    9499: CONFIG,  # Bad Request
    19001: CONFIG,  # param invalid: incoming webhook access token invalid
    19021: CONFIG,  # sign match fail or timestamp is not within one hour from current time
    19022: CONFIG,  # ip not allowed
    19024: CONFIG,  # key words not found
}


def sign(secret: str, timestamp_s: int) -> str:
    """The ``sign`` field: base64(HMAC-SHA256(key="ts\\nsecret", msg=b"")), as Feishu documents."""
    key = f"{timestamp_s}\n{secret}".encode()
    return base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()


async def send_feishu(client: aiohttp.ClientSession, cfg: FeishuChannel,
                      messages: list[AlertMessage], to: list[str], now: datetime) -> SendResult:
    """Send one message or a digest to a Feishu bot as an interactive card."""
    payload = feishu_body(cfg, messages, to, now)
    if cfg.secret:
        timestamp = int(time.time())  # the vendor checks the wall clock
        payload = {"timestamp": str(timestamp), "sign": sign(cfg.secret, timestamp), **payload}
    body = encode_json(payload)
    response = await post(client, str(cfg.url), body, timeout=cfg.timeout)
    if isinstance(response, SendResult):
        return response
    result = by_vendor_code(response, "feishu", OUTCOMES, throttle=THROTTLE_SECONDS,
                            code_keys=("code", "StatusCode"), message_keys=("msg", "StatusMessage"))
    result.omitted = omitted(messages, body)
    return result
