"""DingTalk custom robots: HMAC signature in the query string, errcode in the body."""

import base64
import hashlib
import hmac
import time
from datetime import datetime
from urllib.parse import quote_plus

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
from service.notify.channels.config import DingTalkChannel
from service.notify.message import AlertMessage
from service.notify.render import dingtalk_body, encode_json

THROTTLE_SECONDS = 600.0  # "send too fast" blocks the robot for 10 minutes
OUTCOMES = {
    -1: RETRY,  # system busy
    130101: RATE,  # send too fast, exceed 20 times per minute
    310000: CONFIG,  # sign not match / keywords not in content / invalid timestamp / IP
    300001: CONFIG,  # token is not exist
    460101: CONFIG,  # message too long, exceed 20000 bytes
}


def sign(secret: str, timestamp_ms: int) -> str:
    """The ``sign`` query parameter: quote_plus(base64(HMAC-SHA256(secret, "ts\\nsecret")))."""
    to_sign = f"{timestamp_ms}\n{secret}".encode()
    digest = hmac.new(secret.encode(), to_sign, hashlib.sha256).digest()
    return quote_plus(base64.b64encode(digest))


def signed_url(url: str, secret: str | None, timestamp_ms: int) -> str:
    """The robot URL with ``timestamp`` and ``sign`` appended when the robot signs."""
    if not secret:
        return url
    # appended by hand: the value is already URL-quoted, as DingTalk's own sample does
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}timestamp={timestamp_ms}&sign={sign(secret, timestamp_ms)}"


async def send_dingtalk(client: aiohttp.ClientSession, cfg: DingTalkChannel,
                        messages: list[AlertMessage], to: list[str], now: datetime) -> SendResult:
    """Send one message or a digest to a DingTalk robot, @-mentioning ``to``."""
    body = encode_json(dingtalk_body(cfg, messages, to, now))
    # the vendor checks the wall clock, whatever clock the service runs on
    url = signed_url(str(cfg.url), cfg.secret, int(time.time() * 1000))
    response = await post(client, url, body, timeout=cfg.timeout)
    if isinstance(response, SendResult):
        return response
    result = by_vendor_code(response, "dingtalk", OUTCOMES, throttle=THROTTLE_SECONDS,
                            code_keys=("errcode",), message_keys=("errmsg",))
    result.omitted = omitted(messages, body)
    return result
