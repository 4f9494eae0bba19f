"""The alerts screen: deadlines of the user's subtree, most urgent first."""
from __future__ import annotations

from flask_admin import expose
from flask_login import current_user
from sqlalchemy import select

from ..models import Candidate
from ..security import scoped
from ..workflow.deadlines import alerts
from .base import ScreenView


def subtree_alerts(user):
    return alerts(scoped(select(Candidate), Candidate, user))


class AlertsView(ScreenView):
    @expose("/")
    def index(self):
        return self.render("devparty/alerts.html", alerts=subtree_alerts(current_user))
