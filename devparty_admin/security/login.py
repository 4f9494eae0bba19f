"""Checking a password, with the failed-attempt throttle kept in the database.

Counters live in the user row, not in process memory, so several workers share them.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from ..extensions import db
from ..models import User


class LoginRefused(Exception):
    """The credentials were not accepted; ``locked`` tells whether the throttle refused them."""

    def __init__(self, locked: bool = False) -> None:
        super().__init__("locked" if locked else "refused")
        self.locked = locked


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes; they were stored as UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment


def authenticate(username: str, password: str, *, max_failures: int, lockout: timedelta) -> User:
    """Return the active user with these credentials, or raise LoginRefused.

    An unknown user, a wrong password and an inactive account are refused alike so the answer
    does not tell which usernames exist.
    """
    now = datetime.now(timezone.utc)
    user = db.session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        raise LoginRefused()
    locked_until = _aware(user.locked_until)
    if locked_until is not None and locked_until > now:
        raise LoginRefused(locked=True)
    if not user.active or not user.check_password(password):
        user.failed_login_count += 1
        if user.failed_login_count >= max_failures:
            user.locked_until = now + lockout
            user.failed_login_count = 0
        db.session.commit()
        raise LoginRefused()
    user.failed_login_count = 0
    user.locked_until = None
    user.last_login_at = now
    db.session.commit()
    return user
