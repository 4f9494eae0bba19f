"""The “Việc cần làm” screen: what is due in the user's subtree, grouped by the next step, with
the bulk step that applies one click away (the monthly resolution, enrolling in a class)."""
from __future__ import annotations

from flask_admin import expose
from flask_login import current_user

from ..security import has_permission
from ..security.permissions import PROPOSE
from ..workflow.worklist import PER_GROUP, worklist
from .base import ScreenView

# The candidate screen's page that takes a group's ticked people at once.
BULK_STEPS = {"source": "candidate.resolution_view", "sympathizer": "candidate.enroll_view"}


class DueView(ScreenView):
    @expose("/")
    def index(self):
        return self.render("devparty/due.html", groups=worklist(current_user), per_group=PER_GROUP,
                           bulk=BULK_STEPS if has_permission(current_user, *PROPOSE) else {})
