"""The alerts screen: deadlines of the user's subtree, most urgent first."""
from __future__ import annotations

from collections import Counter
from datetime import date

from flask import request
from flask_admin import expose
from flask_login import current_user
from sqlalchemy import select

from ..models import Candidate
from ..plugins.loader import plugins
from ..security import scoped
from ..workflow.deadlines import ALERT_KINDS, alerts
from .base import ScreenView


def unit_alerts(user, today: date) -> list:
    """The enabled plugins' alerts about the units of ``user``'s subtree."""
    return [alert for provided in plugins().hook("unit_alerts")(user=user, today=today)
            for alert in provided]


def subtree_alerts(user, today: date | None = None):
    """The candidates' deadlines and the enabled plugins' alerts about units, most urgent
    first."""
    today = today or date.today()
    found = alerts(scoped(select(Candidate), Candidate, user), today) + unit_alerts(user, today)
    return sorted(found, key=lambda alert: (not alert.overdue, alert.due))


def unit_alert_counts(user, today: date) -> tuple[Counter, dict]:
    """{kind: count} of the enabled plugins' alerts about units, and their labels."""
    units = unit_alerts(user, today)
    return Counter(alert.kind for alert in units), {alert.kind: alert.label for alert in units}


class AlertsView(ScreenView):
    @expose("/")
    def index(self):
        """Every alert, or those of one kind (``?kind=``, the dashboard's links)."""
        found = subtree_alerts(current_user)
        kind = request.args.get("kind")
        kinds = {alert.kind: alert.label for alert in found}
        if kind:
            found = [alert for alert in found if alert.kind == kind]
        return self.render("devparty/alerts.html", alerts=found, kind=kind,
                           kind_label=kinds.get(kind) or ALERT_KINDS.label(kind) if kind else None)
