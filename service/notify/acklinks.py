"""Signed, expiring, single-use acknowledgement links.

The token carries the id of an ``ack_tokens`` row and its expiry, signed with HMAC-SHA256 under
the service's secret key. Signature and expiry are checked without the database; single use is
the row's ``used_at``. Chat apps prefetch links, so opening one only shows a confirmation page.
"""

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session

from service.models import AckToken


class BadToken(ValueError):
    """A token that is malformed, forged or expired; ``reason`` is shown to the person."""

    def __init__(self, reason: str, *, expired: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.expired = expired


@dataclass(frozen=True)
class TokenClaims:
    token_id: str
    expires_at: datetime


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(secret: str, payload: str) -> str:
    digest = hmac.new(secret.encode(), payload.encode(), hashlib.sha256).digest()
    return _b64(digest[:24])


def issue(session: Session, *, secret: str, alert_id: int, persons: list[str], now: datetime,
          ttl_seconds: float) -> str:
    """Store a new single-use token for an alert and return the signed string for the link."""
    token_id = secrets.token_hex(12)
    expires = datetime.fromtimestamp(int(now.timestamp() + ttl_seconds), UTC)
    session.add(AckToken(id=token_id, alert_id=alert_id, persons=persons, created_at=now,
                         expires_at=expires))
    payload = f"{token_id}.{int(expires.timestamp()):x}"
    return f"{payload}.{_signature(secret, payload)}"


def verify(token: str, *, secret: str, now: datetime) -> TokenClaims:
    """The claims of a well-signed, unexpired token, else BadToken."""
    parts = token.split(".")
    if len(parts) != 3 or not all(parts):
        raise BadToken("链接格式不正确")
    token_id, expiry_hex, signature = parts
    payload = f"{token_id}.{expiry_hex}"
    if not hmac.compare_digest(signature, _signature(secret, payload)):
        raise BadToken("链接签名无效")
    try:
        expires = datetime.fromtimestamp(int(expiry_hex, 16), UTC)
    except ValueError:
        raise BadToken("链接格式不正确") from None
    if now >= expires:
        raise BadToken("链接已过期", expired=True)
    return TokenClaims(token_id=token_id, expires_at=expires)
