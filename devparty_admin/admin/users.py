"""User accounts: admin only (the permission table grants nothing on "user" to other roles)."""
from __future__ import annotations

from flask import flash
from flask_admin.actions import action
from flask_admin.contrib.sqla.filters import FilterEqual
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import PasswordField
from wtforms.validators import Length, Optional, Regexp, StopValidation

from ..extensions import db
from ..models import AccessLog, User
from ..models.choices import ACCESS_ACTIONS, ROLES
from ..security.passwords import password_problems
from ..security.permissions import role_choices, role_label, role_sees_all_units
from .base import ScopedModelView, parse_id
from .forms import NotBlank, Unique
from .labels import LABELS
from .people import ORGANIZATION_PICKER


def password_for_new_user(form, field) -> None:
    if getattr(form, "_obj", None) is None and not field.data:
        raise StopValidation(_("Please set a password for the new user."))


def acceptable_password(form, field) -> None:
    """The policy of ``security.passwords``; an empty field keeps the current password."""
    if field.data:
        problems = password_problems(field.data, form.username.data or "",
                                     form.display_name.data or "")
        if problems:
            raise StopValidation(" ".join(problems))


def home_unit_unless_all_units(form, field) -> None:
    if field.data is None and not role_sees_all_units(form.role.data):
        raise StopValidation(_("Every user except an administrator needs a home organization."))


class UserView(ScopedModelView):
    resource = "user"
    choice_columns = {"role": ROLES}
    column_formatters = {"role": lambda view, context, user, name: role_label(user.role)}
    column_labels = LABELS
    column_list = ["username", "display_name", "role", "organization", "active", "last_login_at"]
    column_details_list = ["username", "display_name", "role", "organization", "active",
                           "last_login_at", "created_at"]
    column_export_list = ["username", "display_name", "role", "organization", "active"]
    column_searchable_list = ["username", "display_name"]
    column_sortable_list = ["username", "display_name", "role", "last_login_at"]
    column_default_sort = "username"
    column_filters = [FilterEqual(User.role, _l("Role"), options=list(ROLES))]
    form_columns = ["username", "display_name", "role", "organization", "active", "password"]
    form_extra_fields = {
        "password": PasswordField(
            _l("Password"),
            validators=[password_for_new_user, Optional(), Length(max=200), acceptable_password],
            description=_l("At least 10 characters, hard to guess (a phrase of several words). "
                           "Leave empty to keep the current password; changing it signs the "
                           "user out everywhere."),
        )
    }
    form_ajax_refs = {"organization": ORGANIZATION_PICKER}
    form_args = {
        "username": {"validators": [
            NotBlank(_l("Please enter a username.")),
            Regexp(r"^[A-Za-z0-9._-]+$",
                   message=_l("Use only letters without accents, digits, '.', '_' and '-'.")),
            Unique(User.username, _l("This username is already taken."),
                   normalize=lambda value: value.strip().lower()),
        ]},
        "display_name": {"validators": [NotBlank(_l("Please enter the display name."))]},
        "organization": {"validators": [home_unit_unless_all_units]},
    }

    def __init__(self, model, **kwargs) -> None:
        self.column_select_related_list = [User.organization]
        super().__init__(model, **kwargs)

    def _with_plugin_roles(self, form):
        """Roles of the enabled plugins are offered besides the core's."""
        form.role.choices = role_choices()
        return form

    def create_form(self, obj=None):
        return self._with_plugin_roles(super().create_form(obj))

    def edit_form(self, obj=None):
        return self._with_plugin_roles(super().edit_form(obj))

    def on_model_change(self, form, user, is_created):
        if form.password.data:
            user.set_password(form.password.data)

    @action("sign_out", _l("Sign out everywhere"),
            _l("End every open session of the selected users?"))
    def action_sign_out(self, ids):
        users = self.get_query().filter(User.id.in_([pk for pk in map(parse_id, ids) if pk])).all()
        for user in users:
            user.revoke_sessions()
        db.session.commit()
        flash(_("%(count)s user(s) signed out everywhere.", count=len(users)), "success")




class AccessLogView(ScopedModelView):
    """Who exported what and who opened whose record: administrators only, read-only."""

    resource = "user"
    read_only = True
    column_labels = LABELS
    column_list = ["at", "user", "action", "screen", "record_id", "rows", "detail", "address"]
    column_default_sort = ("at", True)
    column_filters = [FilterEqual(AccessLog.action, _l("Action"), options=list(ACCESS_ACTIONS)),
                      FilterEqual(AccessLog.user_id, _l("User id"))]
    column_formatters = {"action": lambda view, context, entry, name: ACCESS_ACTIONS.label(
        entry.action)}

    def __init__(self, model, **kwargs) -> None:
        self.column_select_related_list = [AccessLog.user]
        super().__init__(model, **kwargs)


def user_views() -> list[ScopedModelView]:
    return [UserView(User, name=_l("Users"), endpoint="user"),
            AccessLogView(AccessLog, name=_l("Access log"), endpoint="access_log")]
