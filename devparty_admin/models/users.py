"""Log-in accounts: one role at one home organization; the log-in throttle's counters."""
from __future__ import annotations

import hmac
import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship, validates
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from .organizations import Organization
from .people import utcnow


class User(UserMixin, db.Model):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    # Part of every session cookie: replacing it signs the user out everywhere.
    session_token: Mapped[str] = mapped_column(String(64), default=lambda: secrets.token_hex(16))
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    organization: Mapped[Organization | None] = relationship()
    # The installation's module switches ("name=1,name=0"), when the user was loaded for a
    # request with ``plugins.loader.with_module_states``; None otherwise.
    module_states: Mapped[str | None] = query_expression()

    def __str__(self) -> str:
        return f"{self.display_name} ({self.username})"

    @validates("username")
    def _lower_username(self, _key: str, value: str) -> str:
        return value.strip().lower()

    @validates("active")
    def _sign_out_when_disabled(self, _key: str, value: bool) -> bool:
        if not value:
            self.revoke_sessions()
        return value

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    def get_id(self) -> str:
        """What the session cookie holds: the id and the current session token."""
        return f"{self.id}:{self.session_token}"

    def holds_session(self, token: str) -> bool:
        return hmac.compare_digest(self.session_token or "", token)

    def revoke_sessions(self) -> None:
        """Every session opened so far stops working at its next request."""
        self.session_token = secrets.token_hex(16)

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method="scrypt")
        self.revoke_sessions()

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)


class LoginThrottle(db.Model):
    """Failed log-ins counted per key (a client address, or an account from one address), in
    the database so that every worker agrees."""

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    blocked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
