"""The alerts screen: deadlines of the user's subtree, most urgent first."""
from __future__ import annotations

from datetime import date

from flask_admin import expose
from flask_login import current_user
from sqlalchemy import select

from ..models import Candidate
from ..plugins.loader import plugins
from ..security import scoped
from ..workflow.deadlines import alerts
from .base import ScreenView


def subtree_alerts(user, today: date | None = None):
    """The candidates' deadlines and the enabled plugins' alerts about units, most urgent
    first."""
    today = today or date.today()
    found = alerts(scoped(select(Candidate), Candidate, user), today)
    found += [alert for provided in plugins().hook("unit_alerts")(user=user, today=today)
              for alert in provided]
    return sorted(found, key=lambda alert: (not alert.overdue, alert.due))


class AlertsView(ScreenView):
    @expose("/")
    def index(self):
        return self.render("devparty/alerts.html", alerts=subtree_alerts(current_user))
