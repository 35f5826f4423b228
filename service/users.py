"""Users and API tokens: a token is shown once and stored only as its SHA-256 hash."""

import hashlib
import secrets
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


def authenticate(*, session: Session, token: str, now: datetime) -> User | None:
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
