"""Growing delays after failed log-ins, per client address and per account from that address.

A guesser is slowed down from wherever he guesses; the owner, logging in from another
address, is never locked out by him. Counters live in the database so all workers agree, and
are forgotten after a quiet hour.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import LoginThrottle

QUIET = timedelta(hours=1)  # failures older than this no longer count
MAX_DELAY = timedelta(minutes=15)


@dataclass(frozen=True)
class Limit:
    prefix: str
    free: int  # failures allowed before any delay


PER_ADDRESS = Limit("ip", 20)  # an office behind one address has many users
PER_ACCOUNT = Limit("acct", 5)


def keys(username: str, address: str) -> dict[Limit, str]:
    name = username.strip().lower()[:80]
    return {PER_ADDRESS: f"ip:{address}", PER_ACCOUNT: f"acct:{name}|{address}"}


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes; they were stored as UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment


def seconds_to_wait(key_map: dict[Limit, str], now: datetime) -> int:
    """How long this client must wait before trying again (0: it may try now)."""
    rows = db.session.scalars(select(LoginThrottle).where(LoginThrottle.key.in_(key_map.values())))
    waits = [(_aware(row.blocked_until) - now).total_seconds() for row in rows
             if row.blocked_until is not None and _aware(row.blocked_until) > now]
    return int(max(waits, default=0)) + (1 if waits else 0)


def delay_after(failures: int, limit: Limit) -> timedelta | None:
    """1 s after the first failure beyond the free ones, then doubling, at most 15 minutes."""
    beyond = failures - limit.free
    if beyond <= 0:
        return None
    return min(timedelta(seconds=2 ** min(beyond - 1, 20)), MAX_DELAY)


def record_failure(key_map: dict[Limit, str], now: datetime) -> None:
    """Count one failure for each key (atomically, whichever worker) and set its delay."""
    forget_old(now)
    for limit, key in key_map.items():
        row = db.session.get(LoginThrottle, key, with_for_update=True)
        if row is None:
            try:
                with db.session.begin_nested():
                    db.session.add(LoginThrottle(key=key, failures=0, last_failure_at=now))
            except IntegrityError:
                pass  # another worker inserted it just now
            row = db.session.get(LoginThrottle, key, with_for_update=True, populate_existing=True)
        stale = _aware(row.last_failure_at) < now - QUIET
        failures = 1 if stale else row.failures + 1
        delay = delay_after(failures, limit)
        db.session.execute(update(LoginThrottle).where(LoginThrottle.key == key).values(
            failures=failures, last_failure_at=now,
            blocked_until=now + delay if delay else None))


def record_success(key_map: dict[Limit, str]) -> None:
    """The account's own counter from this address starts again; the address's does not (one
    valid account must not let its holder keep guessing others')."""
    db.session.execute(delete(LoginThrottle).where(LoginThrottle.key == key_map[PER_ACCOUNT]))


def forget_old(now: datetime) -> None:
    """Counters of clients quiet for an hour are dropped (they would start from zero anyway)."""
    db.session.execute(delete(LoginThrottle).where(LoginThrottle.last_failure_at < now - QUIET))
