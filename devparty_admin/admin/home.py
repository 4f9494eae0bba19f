"""The home page: the user's subtree at a glance, counts by stage."""
from __future__ import annotations

from flask_admin import AdminIndexView, expose
from flask_login import current_user
from sqlalchemy import func, select

from ..extensions import db
from ..models import Candidate, Member
from ..models.choices import STAGES
from ..security import scoped
from .alerts import subtree_alerts
from .base import refuse_access


def stage_counts(user) -> list[tuple[str, str, int]]:
    """(code, label, count) for every stage, zeros included, from one grouped query."""
    query = scoped(select(Candidate.stage, func.count()).group_by(Candidate.stage), Candidate, user)
    counts = dict(db.session.execute(query).all())
    known = [(code, label, counts.pop(code, 0)) for code, label in STAGES]
    return known + [(code, code, n) for code, n in sorted(counts.items())]


def member_count(user) -> int:
    return db.session.scalar(scoped(select(func.count()).select_from(Member), Member, user))


class HomeView(AdminIndexView):
    def is_accessible(self) -> bool:
        return current_user.is_authenticated and current_user.is_active

    def inaccessible_callback(self, name, **kwargs):
        return refuse_access()

    @expose("/")
    def index(self):
        stages = stage_counts(current_user)
        return self.render(
            "devparty/home.html",
            stages=stages,
            alert_count=len(subtree_alerts(current_user)),
            candidate_total=sum(n for _, _, n in stages),
            member_total=member_count(current_user),
            unit=current_user.organization,
        )
