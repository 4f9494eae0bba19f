"""Checking a password: the same answer, in about the same time, for an unknown user and a
wrong password; growing delays for whoever keeps failing (``throttle``)."""
from __future__ import annotations

from datetime import datetime, timezone
from functools import cache

from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from ..models import User
from . import throttle


class LoginRefused(Exception):
    """The credentials were not accepted; ``wait`` is set when the throttle refused them."""

    def __init__(self, wait: int = 0) -> None:
        super().__init__(f"wait {wait}s" if wait else "refused")
        self.wait = wait


@cache
def _decoy_hash() -> str:
    """A hash to check unknown usernames against, so they cost what a real check costs."""
    return generate_password_hash("decoy password", method="scrypt")


def authenticate(username: str, password: str, *, address: str) -> User:
    """Return the active user with these credentials, or raise LoginRefused."""
    now = datetime.now(timezone.utc)
    keys = throttle.keys(username, address or "unknown")
    wait = throttle.seconds_to_wait(keys, now)
    if wait:
        raise LoginRefused(wait=wait)
    user = db.session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        check_password_hash(_decoy_hash(), password)
        accepted = False
    else:
        accepted = user.check_password(password) and user.active
    if not accepted:
        throttle.record_failure(keys, now)
        db.session.commit()
        raise LoginRefused()
    throttle.record_success(keys)
    user.last_login_at = now
    db.session.commit()
    return user
