"""The icons at the start of each list row (open, edit, delete), written as plain HTML.

Flask-Admin draws them through a Jinja macro and, for delete, a WTForms form per row: on a
50-row page that was most of the rendering. Here each page works out its URLs and its CSRF
token once and each row only fills in its id; the HTML is the same as Flask-Admin's.
"""
from __future__ import annotations

from urllib.parse import quote

from flask import g
from flask_admin.babel import gettext as admin_gettext
from flask_admin.model import template
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

ID = "__row_id__"
LINK = Markup('<a class="icon" href="{}" title="{}"><span class="{}"></span></a>')
DELETE = Markup(
    '<form class="icon" method="POST" action="{action}">'
    '<input id="id" name="id" type="hidden" value="{id}">'
    '<input id="url" name="url" type="hidden" value="{url}">'
    '<input id="csrf_token" name="csrf_token" type="hidden" value="{token}">'
    '<button onclick="return faHelpers.safeConfirm(\'{confirm}\');" title="{title}">'
    '<span class="fa fa-trash glyphicon glyphicon-trash"></span></button></form>')


def _once(context, key: str, compute):
    """A value worked out once per page (request) for every row."""
    cache = g.setdefault("row_actions", {})
    key = (key, context.resolve("return_url"))
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _csrf_token(form) -> str:
    """The delete form's own token if it has one, else the session's (as Flask-Admin does)."""
    field = getattr(form, "csrf_token", None)
    return getattr(field, "current_token", None) or generate_csrf()


class LinkAction(template.BaseListRowAction):
    """Open or edit the row's record."""

    def __init__(self, endpoint: str, icon: str, title: str) -> None:
        super().__init__(title=title)
        self.endpoint, self.icon = endpoint, icon

    def render(self, context, row_id, row):
        url = _once(context, self.endpoint, lambda: context.resolve("get_url")(
            self.endpoint, id=ID, url=context.resolve("return_url")))
        return LINK.format(url.replace(ID, quote(str(row_id), safe="")), self.title or "",
                           self.icon)


class DeleteAction(template.BaseListRowAction):
    """Delete the row's record, offered only where the screen would delete it (``deletable``)."""

    def __init__(self) -> None:
        super().__init__(title=admin_gettext("Delete Record"))

    def render(self, context, row_id, row):
        view = context.resolve("admin_view")
        if not view.deletable(row):
            return ""
        page = _once(context, "delete", lambda: {
            "action": context.resolve("get_url")(".delete_view"),
            "url": context.resolve("return_url"),
            "token": _csrf_token(context.resolve("delete_form")),
            "confirm": admin_gettext("Are you sure you want to delete this record?"),
            "title": self.title})
        return DELETE.format(id=view.get_pk_value(row), **page)


def lean(actions: list) -> list:
    """Flask-Admin's row actions with the plain ones replaced by their lean twins."""
    replaced = {template.ViewRowAction: lambda a: LinkAction(
                    ".details_view", "fa fa-eye glyphicon glyphicon-eye-open", a.title),
                template.EditRowAction: lambda a: LinkAction(
                    ".edit_view", "fa fa-pencil glyphicon glyphicon-pencil", a.title),
                template.DeleteRowAction: lambda a: DeleteAction()}
    return [replaced[type(action)](action) if type(action) in replaced else action
            for action in actions]
