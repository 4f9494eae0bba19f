"""The parts of a list page around its rows written in Python: the tabs above the list (with
the search box, page sizes, filters and bulk actions), the filter form, the sortable header, the
pager, the hidden form the bulk actions post, and what Flask-Admin's list template adds to the
layout's head and end (``head``, ``tail``). The HTML is Flask-Admin's
(``admin/model/list.html``, ``admin/model/layout.html``, ``admin/lib.html``,
``admin/actions.html``), with the same elements, attributes and text, and whitespace wherever
Flask-Admin has some (``tests/admin/test_list_chrome.py`` compares the two).

Flask-Admin draws them with Jinja macros and a scoped block, whose calls and per-column context
copies cost a chi bộ's list page more than its SQL statements. Each function here takes the page's
template context, as ``ScopedModelView.list_rows`` does.

The head and the end hold Flask-Admin's form macros (``lib.form_css``, ``lib.form_js``,
``actions.script``). They are drawn by those macros, imported only when the part is drawn
(``flask_admin_macros``), and kept by the view (``ScopedModelView.list_head``,
``list_tail``): importing Flask-Admin's list template's five macro libraries with the page's
context cost every list page half a millisecond.
"""
from __future__ import annotations

from flask import current_app, request
from flask_admin.babel import gettext as admin_gettext
from flask_admin.babel import ngettext as admin_ngettext
from markupsafe import Markup, escape

CHEVRONS = {True: "fa fa-chevron-down glyphicon glyphicon-chevron-down",
            False: "fa fa-chevron-up glyphicon glyphicon-chevron-up"}
HELP = ('<a class="fa fa-question-circle glyphicon glyphicon-question-sign" title="{}" '
        'href="javascript:void(0)" data-role="tooltip"></a>\n')
PAGE = '<li class="page-item">\n<a class="page-link" href="{}">{}</a>\n</li>\n'
NO_PAGE = '<li class="page-item {}">\n<a class="page-link" href="{}">{}</a>\n</li>\n'
HIDDEN = '<input id="{name}" name="{name}" type="hidden" value="{value}">\n'


def header(context, view) -> Markup:
    """The header row's cells: the select-all box (when the screen has bulk actions), the icons'
    column, then each list column's name, a link that sorts by it when it is sortable (with
    the direction's chevron on the column the page is sorted by) and its description's icon."""
    cells = []
    if context.resolve("actions"):
        title = escape(admin_gettext("Select all records"))
        cells.append('<th class="list-checkbox-column">\n<input type="checkbox" name="rowtoggle" '
                     f'class="action-rowtoggle" title="{title}" />\n</th>\n')
    if view.column_display_actions:
        cells.append('<th class="">&nbsp;</th>\n')
    sort_url, sorted_by = context.resolve("sort_url"), context.resolve("sort_column")
    descending = bool(context.resolve("sort_desc"))
    for index, (column, name) in enumerate(context.resolve("list_columns")):
        shown = escape(name)
        cells.append(f'<th class="column-header col-{escape(column.replace(".", "-"))}">\n')
        if view.is_sortable(column):
            title = escape(admin_gettext("Sort by %(name)s", name=name))
            if sorted_by == index:
                cells.append(f'<a href="{escape(sort_url(index, True))}" title="{title}">\n'
                             f'{shown}\n<span class="{CHEVRONS[descending]}"></span>\n</a>\n')
            else:
                cells.append(f'<a href="{escape(sort_url(index))}" title="{title}">{shown}</a>\n')
        else:
            cells.append(f"{shown}\n")
        description = view.column_descriptions.get(column)
        if description:
            cells.append(HELP.format(escape(description)))
        cells.append("</th>\n")
    return Markup("".join(cells))


def pager(context) -> Markup:
    """The page links: the numbered pager when the list's total is known, else previous / next."""
    page, pages, url = context.resolve("page"), context.resolve("num_pages"), context.resolve("pager_url")
    if pages is None:
        full = len(context.resolve("data")) == context.resolve("page_size")
        return simple_pager(page, full, url)
    return numbered_pager(page, pages, url)


def numbered_pager(page: int, pages: int, url) -> Markup:
    """Flask-Admin's ``lib.pager``: first and previous, seven page numbers around this one,
    next and last; nothing for a single page. ``url(n)`` is page ``n``'s address."""
    if pages <= 1:
        return Markup("")
    low, high = page - 3, page + 4
    if low < 0:
        high -= low
    if high >= pages:
        low -= high - pages
    low, high = max(low, 0), min(high, pages)
    items = ['<ul class="pagination">\n',
             _arrow(low > 0, lambda: url(0), "&laquo;"),
             _arrow(page > 0, lambda: url(page - 1), "&lt;")]
    for number in range(low, high):
        items.append(NO_PAGE.format("active", "javascript:void(0)", number + 1) if number == page
                     else PAGE.format(escape(url(number)), number + 1))
    items += [_arrow(page + 1 < pages, lambda: url(page + 1), "&gt;"),
              _arrow(high < pages, lambda: url(pages - 1), "&raquo;"), "</ul>\n"]
    return Markup("".join(items))


def _arrow(enabled: bool, address, text: str) -> str:
    """One of the numbered pager's arrows: a link, or a disabled item that goes nowhere."""
    if enabled:
        return PAGE.format(escape(address()), text)
    return NO_PAGE.format("disabled", "javascript:void(0)", text)


def simple_pager(page: int, have_next: bool, url) -> Markup:
    """Flask-Admin's ``lib.simple_pager``, for a list that does not count its rows: previous
    and next, disabled (but still linked, as Flask-Admin links them) at either end."""
    back = PAGE.format(escape(url(page - 1)), "&lt;") if page > 0 else \
        NO_PAGE.format("disabled", escape(url(0)), "&lt;")
    ahead = PAGE.format(escape(url(page + 1)), "&gt;") if have_next else \
        NO_PAGE.format("disabled", escape(url(page)), "&gt;")
    return Markup(f'<ul class="pagination">\n{back}{ahead}</ul>\n')


def action_form(context) -> Markup:
    """The hidden form the bulk actions post (the chosen action, the rows, the way back), on
    screens that have bulk actions."""
    if not context.resolve("actions"):
        return Markup("")
    form = context.resolve("action_form")
    fields = [f'<form id="action_form" action="{escape(context.resolve("get_url")(".action_view"))}" '
              'method="POST" class="d-none">\n']
    token, session_token = getattr(form, "csrf_token", None), context.resolve("csrf_token")
    if token:
        fields.append(f"{token}\n")
    elif session_token:  # Flask-WTF's template global
        fields.append(f'<input type="hidden" name="csrf_token" value="{escape(session_token())}"/>\n')
    fields += [HIDDEN.format(name="url", value=escape(context.resolve("return_url") or "")),
               HIDDEN.format(name="action", value=""), "</form>\n"]
    return Markup("".join(fields))


def menu_bar(context, view) -> Markup:
    """The tabs above the list (Flask-Admin's ``model_menu_bar`` block): the list with its
    total, create, download, the filters to add, the page size, the bulk actions and the
    search box, each where the screen and the user have it."""
    resolve, get_url = context.resolve, context.resolve("get_url")
    count, return_url = resolve("count"), resolve("return_url")
    items = ['<ul class="nav nav-tabs">\n<li class="nav-item">\n<a href="javascript:void(0)" '
             f'class="nav-link active">{escape(admin_gettext("List"))}'
             f'{f" ({escape(count)})" if count else ""}</a>\n</li>\n']
    if view.can_create:
        items.append(_create_link(view, get_url, return_url))
    if view.can_export:
        items.append(_export_links(view, get_url))
    if resolve("filters"):
        items.append(_filter_menu(resolve("filter_groups")))
    if resolve("can_set_page_size"):
        items.append(_page_sizes(resolve("page_size"), view.page_size_options,
                                 resolve("page_size_url")))
    if resolve("actions"):
        items.append(_action_menu(resolve("actions")))
    if resolve("search_supported"):
        items.append(f'<li class="nav-item ml-2">\n{_search_form(context)}</li>\n')
    items.append("</ul>\n")
    return Markup("".join(items))


def _filter_menu(groups) -> str:
    """The menu of filters to add, one entry per group (the filters' script opens them)."""
    entries = "".join(f'<a href="javascript:void(0)" class="dropdown-item filter" '
                      f'onclick="return false;">{escape(group)}</a>\n' for group in groups)
    return ('<li class="nav-item dropdown">\n<a class="nav-link dropdown-toggle" '
            'data-toggle="dropdown" href="javascript:void(0)">'
            f'{escape(admin_gettext("Add Filter"))}</a>\n'
            f'<div class="dropdown-menu field-filters">\n{entries}</div>\n</li>\n')


def _action_menu(actions) -> str:
    """The bulk actions' menu; the actions' script posts the chosen one (``action_form``)."""
    entries = "".join(f'<a class="dropdown-item" href="javascript:void(0)" onclick="return '
                      f"modelActions.execute('{escape(name)}');\">"
                      f"{escape(admin_gettext(label))}</a>\n" for name, label in actions)
    return ('<li class="nav-item dropdown">\n<a class="nav-link dropdown-toggle" '
            'data-toggle="dropdown" href="javascript:void(0)" role="button" '
            'aria-haspopup="true" aria-expanded="false">'
            f'{escape(admin_gettext("With selected"))}</a>\n'
            f'<div class="dropdown-menu">\n{entries}</div>\n</li>\n')


def _create_link(view, get_url, return_url) -> str:
    """The "create" tab: a link to the form, or a button opening it in a dialog."""
    title, text = escape(admin_gettext("Create New Record")), escape(admin_gettext("Create"))
    if view.create_modal:
        address = escape(get_url(".create_view", url=return_url, modal=True))
        link = (f'<a class="nav-link" data-target="#fa_modal_window" title="{title}" '
                f'href="{address}" data-toggle="modal">\n{text}\n</a>\n')
    else:
        address = escape(get_url(".create_view", url=return_url))
        link = f'<a href="{address}" title="{title}" class="nav-link">{text}</a>'
    return f'<li class="nav-item">\n{link}</li>\n'


def _export_links(view, get_url) -> str:
    """Download in each of the screen's formats, with the list's arguments."""
    label, arguments = admin_gettext("Export"), request.args.to_dict(flat=True)

    def address(kind: str) -> str:
        return escape(get_url(".export", export_type=kind, **arguments))
    if len(view.export_types) == 1:
        return (f'<li>\n<a class="nav-link" href="{address(view.export_types[0])}" '
                f'title="{escape(label)}">{escape(label)}</a>\n</li>\n')
    links = "".join(f'<a class="dropdown-item" href="{address(kind)}" title="{escape(label)}">'
                    f'{escape(label + " " + kind.upper())}</a>\n' for kind in view.export_types)
    return ('<li class="dropdown">\n<a class="nav-link dropdown-toggle" data-toggle="dropdown" '
            'href="javascript:void(0)" role="button" aria-haspopup="true" aria-expanded="false">'
            f'{escape(label)}</a>\n<div class="dropdown-menu">\n{links}</div>\n</li>\n')


def _page_sizes(size: int, options, url) -> str:
    """The page-size menu: this page's size, and a link to each size offered."""
    links = "".join(
        f'<a class="dropdown-item{" active" if size == option else ""}" href="{escape(url(option))}">'
        f'{escape(admin_ngettext(f"{option} item", f"{option} items", option))}</a>\n'
        for option in options)
    return ('<li class="nav-item dropdown">\n<a class="nav-link dropdown-toggle" '
            f'data-toggle="dropdown" href="javascript:void(0)">\n{size} '
            f'{escape(admin_gettext("items"))}\n</a>\n<div class="dropdown-menu">\n{links}</div>\n'
            '</li>\n')


def _page_size_field(context) -> list[str]:
    """A hidden field keeping the page size, when it is not the screen's default."""
    size = context.resolve("page_size")
    return [] if size == context.resolve("default_page_size") else [_hidden("page_size", size)]


def _extra_and_sort_fields(context) -> list[str]:
    """Hidden fields keeping the list's extra arguments, its sort column and direction."""
    resolve = context.resolve
    fields = [_hidden(name, value) for name, value in resolve("extra_args").items()]
    if resolve("sort_column") is not None:
        fields.append(_hidden("sort", resolve("sort_column")))
    if resolve("sort_desc"):
        fields.append(_hidden("desc", 1))
    return fields


def _hidden(name, value) -> str:
    return f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">\n'


def _search_form(context) -> str:
    """The search box, keeping the list's other arguments (in Flask-Admin's order); with a link
    that clears the search when there is one."""
    resolve = context.resolve
    search = resolve("search")
    filters = [_hidden(name, value) for name, value in resolve("filter_args").items()]
    placeholder = escape(admin_gettext("%(placeholder)s",
                                       placeholder=resolve("search_placeholder")))
    button = ('<button class="btn btn-secondary my-2 my-sm-0 ml-2" type="submit">'
              f'{escape(admin_gettext("Search"))}</button>\n')
    if search:
        box = ('<div class="form-inline input-group">\n<input class="form-control col-auto" '
               f'size="30" type="text" name="search" value="{escape(search)}"\n'
               f'placeholder="{placeholder}">\n<div class="input-group-append">\n'
               '<span class="input-group-text">\n'
               f'<a href="{escape(resolve("clear_search_url"))}" class="align-middle">\n'
               '<span class="fa fa-times glyphicon glyphicon-remove"></span>\n</a>\n</span>\n'
               f'</div>\n{button}</div>\n')
    else:
        box = ('<div class="form-inline">\n<input class="form-control col-auto" size="30" '
               f'type="text" name="search" value=""\nplaceholder="{placeholder}">\n{button}</div>\n')
    return (f'<form method="GET" action="{escape(resolve("return_url"))}" '
            'class="form-inline my-2 my-lg-0" role="search">\n'
            f'{"".join(filters + _page_size_field(context) + _extra_and_sort_fields(context))}'
            f'{box}</form>\n')


def filter_form(context) -> Markup:
    """The form the filters' script fills with the active filters and sends (Flask-Admin's
    ``filter_form``), on screens that have filters."""
    resolve = context.resolve
    if not resolve("filters"):
        return Markup("")
    search = resolve("search")
    fields = [*_extra_and_sort_fields(context), *([_hidden("search", search)] if search else []),
              *_page_size_field(context)]
    reset = (f'<a href="{escape(resolve("clear_search_url"))}" class="btn btn-secondary">'
             f'{escape(admin_gettext("Reset Filters"))}</a>\n') if resolve("active_filters") else ""
    return Markup(f'<form id="filter_form" method="GET" action="{escape(resolve("return_url"))}">\n'
                  f'{"".join(fields)}<div class="pull-right">\n'
                  '<button type="submit" class="btn btn-primary d-none">'
                  f'{escape(admin_gettext("Apply"))}</button>\n{reset}</div>\n'
                  '<table class="filters"></table>\n</form>\n<div class="clearfix"></div>\n'
                  '<div class="clearfix"></div>\n')


def flask_admin_macros(context, name: str):
    """Flask-Admin's macro library ``name`` imported with the page's context, as its list
    template imports it."""
    return current_app.jinja_env.get_template(name).make_module(context.get_all(), True)


def head(context) -> Markup:
    """What Flask-Admin's list template adds to the page's head: its forms' stylesheets."""
    return Markup(flask_admin_macros(context, "admin/lib.html").form_css())


def tail(context) -> Markup:
    """What Flask-Admin's list template adds to the end of the page: the filters and the
    active filters as data (when the screen has filters), its forms' scripts, the modal
    windows' and the filters' scripts, and the bulk actions' data and script."""
    static = flask_admin_macros(context, "admin/static.html")
    nonce = context.resolve("admin_csp_nonce_attribute")
    parts = []
    if context.resolve("filter_groups"):
        for name in ("filter-groups", "active-filters"):
            data = context.environment.call_filter(
                "tojson", context.resolve(name.replace("-", "_")), context=context)
            parts.append(f'<div id="{name}-data" class="d-none">{data}</div>\n')
    parts.append(flask_admin_macros(context, "admin/lib.html").form_js())
    for script in ("bs4_modal", "bs4_filters"):
        address = static.url(filename=f"admin/js/{script}.js", v="1.0.0")
        parts.append(f'<script {nonce} src="{address}"></script>\n')
    parts.append(flask_admin_macros(context, "admin/actions.html").script(
        admin_gettext("Please select at least one record."), context.resolve("actions"),
        context.resolve("actions_confirmation")))
    return Markup("".join(map(str, parts)))
