"""The alerts screen: deadlines of the user's subtree, most urgent first."""
from __future__ import annotations

from flask import redirect, request, url_for
from flask_admin import BaseView, expose
from flask_login import current_user
from sqlalchemy import select

from ..models import Candidate
from ..security import has_permission, scoped
from ..workflow.deadlines import alerts


def subtree_alerts(user):
    return alerts(scoped(select(Candidate), Candidate, user))


class AlertsView(BaseView):
    def is_accessible(self) -> bool:
        return has_permission(current_user, "read", "candidate")

    def inaccessible_callback(self, name, **kwargs):
        return redirect(url_for("auth.login", next=request.full_path))

    @expose("/")
    def index(self):
        return self.render("devparty/alerts.html", alerts=subtree_alerts(current_user))
