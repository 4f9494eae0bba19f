"""A list page's rows written as plain HTML: the checkbox, the icons (open, edit, delete) and the
cells, the same HTML as Flask-Admin's list template.

Flask-Admin draws each row in Jinja: the checkbox's title translated per row, a macro call per
icon and, for delete, a WTForms form per row, a template lookup per cell. On a chi bộ's page
that was most of the time. Here each page works out once the HTML of a row's checkbox and
icons with the id left blank (their URLs, CSRF token and translated titles) and how each
column is read; each row fills in its id and its cells' values (formatted by the screen's
formatters, escaped unless they are already HTML).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from urllib.parse import quote

from flask_admin.babel import gettext as admin_gettext
from flask_admin.model import template
from flask_admin.model.base import BaseModelView
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape

from .list_chrome import flask_admin_macros

ID = "__row_id__"  # the row's id, as HTML
URL_ID = "__row_url_id__"  # the row's id, inside an address
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


def _csrf_token(form) -> str:
    """The delete form's own token if it has one, else the session's (as Flask-Admin does)."""
    field = getattr(form, "csrf_token", None)
    return getattr(field, "current_token", None) or generate_csrf()


def _written_id(row_id) -> tuple[str, str]:
    """A row's id as HTML and inside an address, worked out once for the row's icons
    (Flask-Admin gives it as text: ``get_pk_value``)."""
    text = str(row_id)
    if text.isascii() and text.isdigit():  # the same in HTML and in an address
        return text, text
    return escape(text), quote(text, safe="")


def _filled(html: str, written_id: tuple[str, str]) -> str:
    """A page's row HTML with this row's id put in (``_written_id``)."""
    as_html, in_address = written_id
    return html.replace(ID, as_html).replace(URL_ID, in_address)


class LeanAction(template.BaseListRowAction, ABC):
    """A row icon whose HTML is the same on every row of a page but for the row's id; drawn
    by ``RowShape``, never by Flask-Admin's row template (``devparty/list.html`` has none)."""

    @abstractmethod
    def html(self, context) -> str:
        """The icon's HTML with the id left as ``ID`` / ``URL_ID``."""

    def shown(self, view, row) -> bool:
        return True


class LinkAction(LeanAction):
    """Open or edit the row's record."""

    def __init__(self, endpoint: str, icon: str, title: str) -> None:
        super().__init__(title=title)
        self.endpoint, self.icon = endpoint, icon

    def html(self, context) -> str:
        url = context.resolve("get_url")(self.endpoint, id=URL_ID, url=context.resolve("return_url"))
        return str(LINK.format(url, self.title or "", self.icon))


class DeleteAction(LeanAction):
    """Delete the row's record, offered only where the screen would delete it (``deletable``)."""

    def __init__(self) -> None:
        super().__init__(title=admin_gettext("Delete Record"))

    def shown(self, view, row) -> bool:
        return view.deletable(row)

    def html(self, context) -> str:
        return str(DELETE.format(
            id=ID, action=context.resolve("get_url")(".delete_view"),
            url=context.resolve("return_url"), token=_csrf_token(context.resolve("delete_form")),
            confirm=admin_gettext("Are you sure you want to delete this record?"),
            title=self.title))


def lean(actions: list) -> list:
    """Flask-Admin's row actions with the plain ones replaced by their lean twins."""
    replaced = {template.ViewRowAction: lambda a: LinkAction(
                    ".details_view", "fa fa-eye glyphicon glyphicon-eye-open", a.title),
                template.EditRowAction: lambda a: LinkAction(
                    ".edit_view", "fa fa-pencil glyphicon glyphicon-pencil", a.title),
                template.DeleteRowAction: lambda a: DeleteAction()}
    return [replaced[type(action)](action) if type(action) in replaced else action
            for action in actions]


class RowShape:
    """What every row of a list page shares, worked out once per page: the checkbox when the
    screen has bulk actions, the icons' HTML (an icon that is not lean is drawn per row by
    Flask-Admin's interface), and how each column's cell is read."""

    def __init__(self, context, view) -> None:
        self.context = context
        self.checkbox = (str(CHECKBOX.format(id=ID, title=admin_gettext("Select record")))
                         if context.resolve("actions") else None)
        self.icons = None
        if view.column_display_actions:
            self.icons = [(action.html(context) if isinstance(action, LeanAction) else None,
                           action) for action in context.resolve("list_row_actions")]
            if any(html is None for html, _action in self.icons):
                # drawn by Flask-Admin's row-action macros, which its list template imported
                self.context = context.derived({"row_actions": flask_admin_macros(
                    context, "admin/model/row_actions.html")})
        self.columns = [(f'<td class="col-{escape(name)}">', _cell_reader(context, view, name))
                        for name, _label in context.resolve("list_columns")]

    def html(self, view, row) -> Markup:
        """One row: the checkbox, the icons, then each list column's value as the screen
        formats it (escaped unless it is HTML already). Strings are put together directly:
        ``Markup.format`` per cell cost more than the cells."""
        row_id = view.get_pk_value(row)
        written_id = _written_id(row_id)
        cells = []
        blank = [] if self.checkbox is None else [self.checkbox]  # the id filled in at once
        if self.icons is not None:
            blank.append('<td class="list-buttons-column">')
            for html, action in self.icons:
                if html is None:  # drawn for this row by Flask-Admin, after what came before
                    cells += (_filled("".join(blank), written_id),
                              escape(action.render(self.context, row_id, row)))
                    blank = []
                elif action.shown(view, row):
                    blank.append(html)
            blank.append("</td>")
        cells.append(_filled("".join(blank), written_id))
        for opening, read in self.columns:
            cells.extend((opening, read(row), "</td>"))
        return Markup("".join(cells))


def _cell_reader(context, view, name: str):
    """How a column's cell is written on this page: each value as the screen formats it,
    escaped; a coded column shown by its label alone (``labelled_columns``) written once per
    code, since a page holds a few codes and translating one per cell cost more than the cell."""
    value = _value_reader(context, view, name)

    def cell(row):
        return escape(value(row))
    if name not in view.labelled_columns:
        return cell
    written: dict = {}

    def label(row):
        code = getattr(row, name)
        if code not in written:
            written[code] = cell(row)
        return written[code]
    return label


def _reads_plainly(view) -> bool:
    """Whether the view reads its list values as Flask-Admin does (none of its reading
    overridden), so a plain column can be read directly."""
    kind = type(view)
    return all(getattr(kind, name) is getattr(BaseModelView, name)
               for name in ("get_list_value", "_get_list_value", "_get_field_value"))


def _value_reader(context, view, name: str):
    """A column's value as Flask-Admin's list shows it. A plain attribute (no formatter, no
    choices, no dotted path) is read directly, its type's formatter looked up once per type
    on the page: Flask-Admin's own lookup walked every type formatter for every cell."""
    if (name in view.column_formatters or view._column_choices_map.get(name) or "." in name
            or not _reads_plainly(view)):
        return lambda row: view.get_list_value(context, row, name)
    by_type: dict = {}

    def value(row):
        found = getattr(row, name)
        kind = type(found)
        if kind not in by_type:
            by_type[kind] = next((formatter for known, formatter
                                  in view.column_type_formatters.items()
                                  if isinstance(found, known)), None)
        formatter = by_type[kind]
        return found if formatter is None else formatter(view, found, name)
    return value
