"""The home page (dashboard): the user's unit this year against plan, the funnel, admissions
per month and the deadline alerts; every number links to the list or report behind it."""
from __future__ import annotations

from datetime import date

from flask_admin import AdminIndexView, expose
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from ..extensions import db
from ..models import Candidate, Member
from ..models.choices import STAGES
from ..reports.core import PATH_STAGES, PlanReport
from ..reports.facts import Subtree, admissions_by_month
from ..reports.period import Period
from ..reports.tables import Chart
from ..security import has_permission, scoped
from ..security.permissions import PROPOSE
from ..workflow.deadlines import ALERT_KINDS
from .alerts import subtree_alert_counts
from .base import StaticUrls, refuse_access


def stage_counts(user) -> list[tuple[str, str, int]]:
    """(code, label, count) for every stage, zeros included, from one grouped query."""
    query = scoped(select(Candidate.stage, func.count()).group_by(Candidate.stage), Candidate, user)
    counts = dict(db.session.execute(query).all())
    known = [(code, label, counts.pop(code, 0)) for code, label in STAGES]
    return known + [(code, code, n) for code, n in sorted(counts.items())]


def member_count(user) -> int:
    return db.session.scalar(scoped(select(func.count()).select_from(Member), Member, user))


def monthly_admissions(subtree: Subtree) -> Chart:
    """Admissions in each month of the period's year (one grouped query)."""
    counts = admissions_by_month(subtree)
    return Chart([f"{m:02d}" for m in range(1, 13)],
                 [(_("Admissions"), [counts.get(m, 0) for m in range(1, 13)])])


class HomeView(StaticUrls, AdminIndexView):
    def is_accessible(self) -> bool:
        return current_user.is_authenticated and current_user.is_active

    def inaccessible_callback(self, name, **kwargs):
        return refuse_access()

    @expose("/")
    def index(self):
        stages = stage_counts(current_user)
        by_kind, plugin_labels = subtree_alert_counts(current_user)
        labels = {**dict(ALERT_KINDS), **plugin_labels}
        year = date.today().year
        subtree = Subtree(current_user.organization, Period.year(year))
        months = monthly_admissions(subtree)
        path_counts = [(label, count) for code, label, count in stages if code in PATH_STAGES]
        return self.render(
            "devparty/home.html",
            stages=stages,
            alert_count=sum(by_kind.values()),
            alert_kinds=[(code, label, by_kind.get(code, 0)) for code, label in labels.items()],
            candidate_total=sum(n for _, _, n in stages),
            member_total=member_count(current_user),
            unit=current_user.organization,
            year=year,
            targets=PlanReport().targets(subtree),
            funnel=Chart([str(label) for label, _count in path_counts],
                         [(_("Candidates"), [count for _label, count in path_counts])]),
            months=months,
            admitted_total=sum(months.series[0][1]),
            can_propose=has_permission(current_user, *PROPOSE),
        )
