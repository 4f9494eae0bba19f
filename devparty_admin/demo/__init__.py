"""Demo data modelled on the seed articles (shared/seeds): the organization tree with its
members and candidates, logins for every role at several units, and each candidate walked along
the development path by the transition service.

Sector parts move to each sector plugin's ``demo.py`` once the plugin contract exists.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ..extensions import db
from ..models import Organization, User
from .path import last_day_for, walk
from .tree import ROOT_CODE, People, add_tree, demo_tree

DEMO_PASSWORD = "demo@2026"

DEMO_USERS = [
    ("demo.admin", "Quản trị hệ thống", "admin", None),
    ("demo.tinhuy", "Ban Tổ chức Tỉnh ủy (xem)", "viewer", ROOT_CODE),
    ("demo.congan", "Ban Tổ chức Đảng ủy Công an tỉnh", "committee", "CA"),
    ("demo.congan.cb01", "Bí thư Chi bộ Phòng Tham mưu", "branch", "CA-CB01"),
    ("demo.vks", "Văn phòng Đảng ủy VKSND tỉnh", "committee", "VKS"),
    ("demo.vks.phubinh", "Bí thư Chi bộ VKSND huyện Phú Bình", "branch", "VKS-H1"),
    ("demo.tuphap", "Đảng ủy Sở Tư pháp", "committee", "STP"),
    ("demo.tuphap.cb01", "Bí thư Chi bộ 01 Sở Tư pháp", "branch", "STP-01"),
    ("demo.nongcong", "Ban Tổ chức Huyện ủy Nông Cống", "committee", "NC"),
    ("demo.truongson", "Đảng ủy xã Trường Sơn", "committee", "TS"),
    ("demo.truongson.thon1", "Bí thư Chi bộ thôn 1", "branch", "TS-01"),
    ("demo.kiemtra", "Ủy ban Kiểm tra Huyện ủy (xem)", "viewer", "NC"),
]


def _add_users() -> User:
    units = {org.code: org for org in db.session.scalars(select(Organization))}
    for username, display_name, role, code in DEMO_USERS:
        user = User(username=username, display_name=display_name, role=role,
                    organization=units.get(code) if code else None)
        user.set_password(DEMO_PASSWORD)
        db.session.add(user)
    db.session.flush()
    return db.session.scalar(select(User).where(User.username == "demo.admin"))


def load_demo() -> bool:
    """Create the demo data unless it is there already; return whether anything was created."""
    if db.session.scalar(select(Organization.id).where(Organization.code == ROOT_CODE)):
        return False
    walks: list = []
    add_tree(demo_tree(), None, People(), walks)
    admin = _add_users()
    db.session.info["actor_id"] = admin.id
    today, seen = date.today(), {}
    for serial, (candidate, target) in enumerate(walks, start=1):
        index = seen[target] = seen.get(target, -1) + 1
        last_day, certificate_day = last_day_for(target, index, today)
        walk(candidate, target, last_day, admin, serial, certificate_day)
    db.session.commit()
    return True
