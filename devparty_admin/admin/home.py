"""The home page (dashboard): the user's unit this year against plan, the funnel, admissions
per month and the deadline alerts; every number links to the list or report behind it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_admin import AdminIndexView, expose
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import and_, func, or_, select

from ..extensions import db
from ..kept import Kept
from ..models import Candidate, Member
from ..models.choices import STAGES
from ..reports.core import PATH_STAGES, PlanReport
from ..reports.facts import Subtree, admissions_by_month
from ..reports.period import Period
from ..reports.tables import Chart
from ..security import has_permission, scoped
from ..security.permissions import PROPOSE
from ..security.scoping import narrow_scope, scope_shape, scope_values
from ..workflow.calendar import announced_changes
from ..workflow.deadlines import ALERT_KINDS, alert_conditions, count_each
from ..workflow.rules import current_rules
from .alerts import unit_alert_counts
from .base import StaticUrls, refuse_access


@dataclass
class Counts:
    """The dashboard's counts: (code, label, count) for every stage, zeros included; the
    candidates' alerts by kind; the members."""

    stages: list[tuple[str, str, int]]
    alerts: dict[str, int]
    members: int


def counts(user, today: date) -> Counts:
    """The candidates by stage and by alert, and the members, of the user's subtree in one
    statement (``count_each``: a count per condition). A stage no plugin or release knows,
    if any is counted, is then named by a grouped query of its own."""
    known = [code for code, _label in STAGES]
    kinds, statement = _counts_statement(user, today, known)
    row = db.session.execute(statement, scope_values(user)).one()
    by_stage, others, by_alert = row[:len(known)], row[len(known)], row[len(known) + 1:-1]
    stages = [(code, label, n) for (code, label), n in zip(STAGES, by_stage)]
    if others:
        unknown = scoped(select(Candidate.stage, func.count()).where(
            Candidate.stage.not_in(known)).group_by(Candidate.stage), Candidate, user)
        stages += [(code, code, n) for code, n in sorted(db.session.execute(unknown).all())]
    return Counts(stages, {kind: n for kind, n in zip(kinds, by_alert) if n}, row[-1])


_kept_counts = Kept(most=64)  # count statements kept per process (a few shapes of scope a day)


def _counts_statement(user, today: date, known: list[str]) -> tuple[list[str], object]:
    """The alert kinds and the statement ``counts`` runs, with the user's path as a parameter
    (``scope_values``). Built once per shape of scope (``scope_shape``), day, rules and
    announced swaps (what the alerts' cut-off days depend on) and kept: building its twenty
    counts took a chi bộ's dashboard longer than running them."""
    rules = current_rules()

    def build():
        alerts = alert_conditions(today, rules)
        conditions = [*(Candidate.stage == code for code in known), _unknown_stage(known),
                      *alerts.values()]
        members = scoped(select(func.count()).select_from(Member), Member, user, True)
        counted = count_each(scoped(select(Candidate), Candidate, user, True), conditions,
                             narrow_scope(user)).add_columns(
                                 members.correlate(None).scalar_subquery())
        return list(alerts), counted
    key = (scope_shape(Candidate, user), today, rules, announced_changes(), tuple(known))
    return _kept_counts.get(key, build)


def _unknown_stage(known: list[str]):
    """SQL: the stage is none of ``known``, written as the gaps between them in code order, so
    that an index on the stage finds there is none in a few probes (``NOT IN`` read the
    province's million rows)."""
    codes = sorted(known)
    gaps = [and_(Candidate.stage > low, Candidate.stage < high)
            for low, high in zip(codes, codes[1:])]
    return or_(Candidate.stage < codes[0], *gaps, Candidate.stage > codes[-1])


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
        today = date.today()
        counted = counts(current_user, today)
        stages = counted.stages
        by_kind, plugin_labels = unit_alert_counts(current_user, today)
        by_kind.update(counted.alerts)
        labels = {**dict(ALERT_KINDS), **plugin_labels}
        year = today.year
        subtree = Subtree(current_user.organization, Period.year(year))
        months = monthly_admissions(subtree)
        admitted = sum(months.series[0][1])  # the year's admissions: the plan's are not read again
        path_counts = [(label, count) for code, label, count in stages if code in PATH_STAGES]
        return self.render(
            "devparty/home.html",
            stages=stages,
            alert_count=sum(by_kind.values()),
            alert_kinds=[(code, label, by_kind.get(code, 0)) for code, label in labels.items()],
            candidate_total=sum(n for _, _, n in stages),
            member_total=counted.members,
            unit=current_user.organization,
            year=year,
            targets=PlanReport().targets(subtree, admitted=admitted),
            funnel=Chart([str(label) for label, _count in path_counts],
                         [(_("Candidates"), [count for _label, count in path_counts])]),
            months=months,
            admitted_total=admitted,
            can_propose=has_permission(current_user, *PROPOSE),
        )
