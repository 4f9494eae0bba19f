"""A list page's rows written as plain HTML: the checkbox, the icons (open, edit, delete) and the
cells, the same HTML as Flask-Admin's list template.

Flask-Admin draws each row in Jinja: the checkbox's title translated per row, a macro call per
icon and, for delete, a WTForms form per row, a template lookup per cell. On a chi bộ's page
that was most of the time. Here each page works out its URLs, its CSRF token and its
translated titles once; each row fills in its id and its cells' values (formatted by the
screen's formatters, escaped unless they are already HTML).
"""
from __future__ import annotations

from urllib.parse import quote

from flask import g
from flask_admin.babel import gettext as admin_gettext
from flask_admin.model import template
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape

ID = "__row_id__"
LINK = Markup('<a class="icon" href="{}" title="{}"><span class="{}"></span></a>')
DELETE = Markup(
    '<form class="icon" method="POST" action="{action}">'
    '<input id="id" name="id" type="hidden" value="{id}">'
    '<input id="url" name="url" type="hidden" value="{url}">'
    '<input id="csrf_token" name="csrf_token" type="hidden" value="{token}">'
    '<button onclick="return faHelpers.safeConfirm(\'{confirm}\');" title="{title}">'
    '<span class="fa fa-trash glyphicon glyphicon-trash"></span></button></form>')
CHECKBOX = Markup('<td><input type="checkbox" name="rowid" class="action-checkbox" value="{id}" '
                  'title="{title}" /></td>')


def _once(context, key: str, compute):
    """A value worked out once per page (request) for every row."""
    cache = g.setdefault("list_rows", {})
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
        html = _once(context, self.endpoint, lambda: str(LINK.format(
            context.resolve("get_url")(self.endpoint, id=ID, url=context.resolve("return_url")),
            self.title or "", self.icon)))
        return Markup(html.replace(ID, quote(str(row_id), safe="")))


class DeleteAction(template.BaseListRowAction):
    """Delete the row's record, offered only where the screen would delete it (``deletable``)."""

    def __init__(self) -> None:
        super().__init__(title=admin_gettext("Delete Record"))

    def render(self, context, row_id, row):
        view = context.resolve("admin_view")
        if not view.deletable(row):
            return ""
        html = _once(context, "delete", lambda: str(DELETE.format(
            id=ID, action=context.resolve("get_url")(".delete_view"),
            url=context.resolve("return_url"),
            token=_csrf_token(context.resolve("delete_form")),
            confirm=admin_gettext("Are you sure you want to delete this record?"),
            title=self.title)))
        return Markup(html.replace(ID, escape(str(view.get_pk_value(row)))))


def lean(actions: list) -> list:
    """Flask-Admin's row actions with the plain ones replaced by their lean twins."""
    replaced = {template.ViewRowAction: lambda a: LinkAction(
                    ".details_view", "fa fa-eye glyphicon glyphicon-eye-open", a.title),
                template.EditRowAction: lambda a: LinkAction(
                    ".edit_view", "fa fa-pencil glyphicon glyphicon-pencil", a.title),
                template.DeleteRowAction: lambda a: DeleteAction()}
    return [replaced[type(action)](action) if type(action) in replaced else action
            for action in actions]


def row_html(context, view, row) -> Markup:
    """One list row's cells: the checkbox when the screen has bulk actions, the icons, then
    each list column's value as the screen formats it (escaped unless it is HTML already).
    Strings are put together directly: ``Markup.format`` per cell cost more than the cells."""
    row_id = view.get_pk_value(row)
    cells = []
    if context.resolve("actions"):
        checkbox = _once(context, "select", lambda: str(CHECKBOX.format(
            id=ID, title=admin_gettext("Select record"))))
        cells.append(checkbox.replace(ID, escape(str(row_id))))
    if view.column_display_actions:
        cells.append('<td class="list-buttons-column">')
        cells.extend(escape(action.render(context, row_id, row))
                     for action in context.resolve("list_row_actions"))
        cells.append("</td>")
    columns = _once(context, "cells", lambda: [
        (f'<td class="col-{escape(name)}">', _cell_reader(context, view, name)) for name, _label
        in context.resolve("list_columns")])
    for opening, read in columns:
        cells.extend((opening, read(row), "</td>"))
    return Markup("".join(cells))


def _cell_reader(context, view, name: str):
    """How a column's cell is written on this page: each value as the screen formats it,
    escaped; a coded column shown by its label alone (``labelled_columns``) written once per
    code, since a page holds a few codes and translating one per cell cost more than the cell."""
    def cell(row):
        return escape(view.get_list_value(context, row, name))
    if name not in view.labelled_columns:
        return cell
    written: dict = {}

    def label(row):
        code = getattr(row, name)
        if code not in written:
            written[code] = cell(row)
        return written[code]
    return label
