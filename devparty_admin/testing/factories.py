"""Factories that build real rows; each returns the flushed object."""
from __future__ import annotations

import itertools
from datetime import date

from devparty_admin.models import Candidate, Member, Organization, User

_serial = itertools.count(1)
TEST_PASSWORD = "mat-khau-thu-1"


class Factories:
    def __init__(self, session) -> None:
        self.session = session

    def _save(self, obj):
        self.session.add(obj)
        self.session.commit()
        return obj

    def org(self, name: str, parent: Organization | None = None, **fields) -> Organization:
        fields.setdefault("level", "Chi bộ" if parent else "Đảng bộ")
        return self._save(Organization(name=name, parent=parent, **fields))

    def candidate(self, org: Organization, full_name: str = "Nguyễn Văn An", **fields) -> Candidate:
        fields.setdefault("gender", "male")
        fields.setdefault("date_of_birth", date(1998, 5, 17))
        fields.setdefault("national_id", f"{next(_serial):012d}")
        return self._save(Candidate(organization=org, full_name=full_name, **fields))

    def member(self, org: Organization, full_name: str = "Trần Thị Bình", **fields) -> Member:
        fields.setdefault("gender", "female")
        fields.setdefault("date_of_birth", date(1980, 1, 2))
        fields.setdefault("national_id", f"{next(_serial):012d}")
        return self._save(Member(organization=org, full_name=full_name, **fields))

    def user(self, role: str, unit: Organization | None, username: str | None = None,
             **fields) -> User:
        user = User(username=username or f"{role}{next(_serial)}", role=role, organization=unit,
                    display_name=fields.pop("display_name", f"Người dùng {role}"), **fields)
        user.set_password(TEST_PASSWORD)
        return self._save(user)
