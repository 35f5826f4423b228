"""Users and API tokens: a token is shown once and stored only as its SHA-256 hash."""

import hashlib
import secrets
import threading
import time
from datetime import datetime, timedelta

from sqlmodel import Session, select

from service.models import ApiToken, Role, User

TOKEN_PREFIX = "yq_"
_LAST_USED_RESOLUTION = timedelta(minutes=5)


class UserError(ValueError):
    """A user request that cannot be carried out (duplicate name, unknown user ...)."""


def hash_token(token: str) -> str:
    """The stored form of a token (tokens are 256-bit random, so a plain hash suffices)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_user(*, session: Session, name: str, role: Role, division: str | None,
                now: datetime) -> User:
    """A new active user; raises UserError when the name is taken."""
    name = name.strip()
    if not name:
        raise UserError("user name is empty")
    if session.exec(select(User).where(User.name == name)).first():
        raise UserError(f"user {name!r} exists already")
    user = User(name=name, role=role, division=division, created_at=now)
    session.add(user)
    session.flush()
    return user


def issue_token(*, session: Session, user: User, now: datetime) -> str:
    """A new API token for the user; the caller shows it once, only its hash is kept."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=hash_token(token), prefix=token[:10],
                         created_at=now))
    session.flush()
    return token


class TokenCache:
    """The users of recently seen tokens, remembered for ``seconds`` in one process (each app
    holds its own): a revoked token or a deactivated user stops working within that time."""

    def __init__(self, seconds: float = 30.0, size: int = 10_000):
        self.seconds, self.size = seconds, size
        self._entries: dict[str, tuple[float, User]] = {}
        self._lock = threading.Lock()

    def get(self, token: str) -> User | None:
        """The remembered user of a token, or None."""
        with self._lock:
            hit = self._entries.get(hash_token(token))
        return hit[1] if hit is not None and hit[0] > time.monotonic() else None

    def put(self, token: str, user: User) -> None:
        """Remember a detached copy of the user (safe to share between requests)."""
        copy = User(id=user.id, name=user.name, role=Role(user.role), active=user.active,
                    division=user.division, created_at=user.created_at)
        with self._lock:
            if len(self._entries) >= self.size:
                self._entries.clear()
            self._entries[hash_token(token)] = (time.monotonic() + self.seconds, copy)

    def clear(self) -> None:
        """Forget every token."""
        with self._lock:
            self._entries.clear()


def authenticate(*, session: Session, token: str, now: datetime) -> User | None:
    """The active user holding this unrevoked token, or None."""
    return _authenticate(session=session, token=token, now=now)


def _authenticate(*, session: Session, token: str, now: datetime) -> User | None:
    """The active user holding this unrevoked token, or None."""
    row = session.exec(
        select(ApiToken, User)
        .join(User, User.id == ApiToken.user_id)
        .where(ApiToken.token_hash == hash_token(token), ApiToken.revoked_at.is_(None),
               User.active)
    ).first()
    if row is None:
        return None
    api_token, user = row
    if api_token.last_used_at is None or now - api_token.last_used_at > _LAST_USED_RESOLUTION:
        api_token.last_used_at = now
        session.commit()
    return user
