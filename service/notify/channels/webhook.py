"""A generic JSON webhook, signed the way GitHub and Stripe sign theirs.

``X-Yuqing-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>``; the timestamp
is in the signed text so a receiver can refuse replays older than a few minutes.
"""

import hashlib
import hmac
import time
from datetime import datetime

import aiohttp

from service.notify.channels.base import SendResult, by_status, post
from service.notify.channels.config import WebhookChannel
from service.notify.message import AlertMessage
from service.notify.render import encode_json, webhook_body


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """The X-Yuqing-Signature header value."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def idempotency_key(messages: list[AlertMessage]) -> str:
    """The same key for a retry of the same send, so a receiver can drop duplicates."""
    if len(messages) == 1:
        return f"{messages[0].number}/{messages[0].kind}/{messages[0].step}"
    parts = ",".join(f"{m.number}/{m.kind}/{m.step}" for m in messages)
    return "digest-" + hashlib.sha256(parts.encode()).hexdigest()[:32]


async def send_webhook(client: aiohttp.ClientSession, cfg: WebhookChannel,
                       messages: list[AlertMessage], to: list[str], now: datetime) -> SendResult:
    """POST the messages as JSON; 2xx is success, 429 a throttle, 5xx worth a retry."""
    body = encode_json(webhook_body(messages, now))
    timestamp = str(int(time.time()))
    headers = {**cfg.headers, "X-Yuqing-Timestamp": timestamp,
               "Idempotency-Key": idempotency_key(messages)}
    if cfg.secret:
        headers["X-Yuqing-Signature"] = signature(cfg.secret, timestamp, body)
    response = await post(client, str(cfg.url), body, timeout=cfg.timeout, headers=headers)
    if isinstance(response, SendResult):
        return response
    return by_status(response, "webhook")
