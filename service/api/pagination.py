"""Opaque cursors for keyset pagination over descending ids."""

import base64
import binascii
import json

from fastapi import HTTPException, status

MAX_ID = 2**63 - 1  # the largest id a database column holds


def encode_cursor(last_id: int) -> str:
    """A cursor that continues after ``last_id``."""
    raw = json.dumps({"before": last_id}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int | None:
    """The id a cursor continues after; 400 for a cursor this API did not issue."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)["before"]
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_ID:
            raise TypeError
        return value
    except (binascii.Error, ValueError, KeyError, TypeError):
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "无效的分页游标") from None
