"""The one scoped base view every admin screen (plugins' included) derives from.

Access is checked by role through ``security.permissions`` and every row a view can reach,
whether listed, counted, opened, edited, deleted, acted on, exported or looked up by ajax,
goes through ``security.scoped``. A row outside the user's subtree answers 404 like a missing one.
The searches (``admin.search``) are mixed in from here by views and plugins (docs/plugins.md).
"""
from __future__ import annotations

import json
from datetime import date, datetime
from functools import cached_property
from urllib.parse import urlencode

from flask import (
    abort,
    current_app,
    flash,
    has_request_context,
    redirect,
    request,
    url_for,
)
from flask_admin import BaseView, expose
from flask_admin.actions import action
from flask_admin.babel import lazy_gettext as admin_lazy_gettext
from flask_admin.contrib.sqla import ModelView
from flask_admin.contrib.sqla.ajax import QueryAjaxModelLoader
from flask_admin.model import typefmt
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from jinja2 import pass_context
from markupsafe import Markup
from sqlalchemy import Integer, and_, bindparam, func, or_, select, text
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.datastructures import iter_multi_items

from ..extensions import db
from ..i18n import format_date, format_datetime
from ..kept import Kept
from ..models import Organization
from ..models.choices import Choices
from ..plugins.loader import plugins
from ..security import has_permission, scoped
from ..security.access import record_access
from ..security.permissions import CREATE, DELETE, EDIT, EXPORT, READ
from ..security.scoping import narrow_scope, scope_condition, scope_shape, scope_values
from ..vietnamese import fold
from . import counting, list_chrome
from . import search as searching
from .counting import CappedCount, counted, read_union_count
from .exports import ListExport
from .forms import AdminForm, ModelConverter
from .list_rows import RowShape, lean
from .menu import with_page_nonce
from .search import (  # noqa: F401
    PAGE_END,
    CandidateNameSearch,
    FoldedSearch,
    count_matches,
    matched_page,
    search_values,
    text_condition,
)

FORMATTERS = dict(typefmt.BASE_FORMATTERS)
FORMATTERS.update({date: lambda view, value, name: format_date(value),
                   datetime: lambda view, value, name: format_datetime(value),
                   bool: lambda view, value, name: _l("Yes") if value else _l("No")})
EXPORT_FORMATTERS = dict(typefmt.EXPORT_FORMATTERS)
EXPORT_FORMATTERS.update({date: lambda view, value, name: format_date(value),
                          bool: lambda view, value, name: str(_l("Yes") if value else _l("No"))})


MAX_ID = 2**31 - 1  # the largest integer key PostgreSQL can compare without an error
MAX_AJAX_LIMIT = 100  # rows a picker may ask for at once
QUERY_SAFE = "!$'()*,/:;?@"  # what Werkzeug leaves unescaped in a query string
DEFERRED_FROM = 1_000  # rows before a page from which it is found by its ids first
KEPT_AT_MOST = 500  # list statements kept per view (a few shapes, sorts and term lengths)
PAGE_SIZE = bindparam("page_size", type_=Integer)  # a kept page statement's parameters
PAGE_OFFSET = bindparam("page_offset", type_=Integer)


def parse_id(raw) -> int | None:
    """A record id as posted or put in a URL, or None unless it is one plain positive integer."""
    text = str(raw)
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_ID:
        return None
    return int(text)


def parse_pk(raw) -> int:
    """A record id from the URL; anything but one integer is a missing record (404)."""
    pk = parse_id(raw)
    if pk is None:
        abort(404)
    return pk


def primary_key(model):
    """The model's single key column (``id`` on core tables, ``candidate_id`` on a plugin's
    one-to-one extension or record)."""
    return sa_inspect(model).primary_key[0]


def refuse_access():
    """Who is not logged in is sent to log in (and back); who is gets 403."""
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login", next=request.full_path))
    abort(403)


class StaticUrls:
    """Flask-Admin writes the address of each stylesheet and script through ``url_for`` on
    every page (two dozen on a list page); an address changes only with the application's
    root, so each is built once per root. Mixed into every kind of screen."""

    _static_urls: dict = {}

    def get_url(self, endpoint, **kwargs):
        if endpoint != f"{self.admin.endpoint}.static":
            return super().get_url(endpoint, **kwargs)
        key = (request.url_root, tuple(sorted(kwargs.items())))
        url = StaticUrls._static_urls.get(key)
        if url is None:
            url = StaticUrls._static_urls[key] = super().get_url(endpoint, **kwargs)
        return url


class ScreenView(StaticUrls, BaseView):
    """A screen that is not a model list (alerts, modules): open to holders of ``permission``."""

    permission: tuple[str, str] = (READ, "candidate")

    def is_accessible(self) -> bool:
        return has_permission(current_user, *self.permission)

    def inaccessible_callback(self, name, **kwargs):
        return refuse_access()


class ScopedAjaxLoader(QueryAjaxModelLoader):
    """Ajax look-up limited to the user's subtree, for both the search and the chosen id."""

    def get_query(self):
        """The user's subtree, narrowed by the picker's ``filters`` (static SQL conditions on
        the model's table, as Flask-Admin defines them) for the list and the chosen id alike."""
        query = scoped(db.session.query(self.model), self.model, current_user)
        if self.filters:
            table = self.model.__tablename__
            query = query.filter(and_(*(text(f"{table}.{condition}")
                                        for condition in self.filters)))
        return query

    def get_one(self, pk):
        pk = parse_id(pk)
        if pk is None:
            return None
        with db.session.no_autoflush:
            return self.get_query().filter(primary_key(self.model) == pk).one_or_none()

    def get_list(self, term, offset=0, limit=20):
        """Typed words, accents optional, found as lists find them (``text_condition``);
        tables without a folded name are matched by substring."""
        offset = min(max(offset or 0, 0), MAX_ID)  # a tampered offset must not reach the driver
        limit = min(max(limit or 1, 1), MAX_AJAX_LIMIT)
        query = self.get_query()
        if hasattr(self.model, "name_folded") and fold(term):
            query = query.filter(text_condition(self.model, term))
        elif (term or "").strip():
            needle = term.strip().lower()
            query = query.filter(or_(*(func.lower(field).contains(needle, autoescape=True)
                                       for field in self._cached_fields)))
        if self.order_by is not None:
            query = query.order_by(self.order_by)
        return query.offset(offset).limit(limit).all()


class ScopedModelView(StaticUrls, ListExport, ModelView):
    """Role-checked, subtree-scoped ModelView. Subclasses set ``resource`` and column options."""

    resource: str = ""
    choice_columns: dict[str, Choices] = {}
    # Records written only by services (acts, history) are shown, never edited on a screen.
    read_only: bool = False
    # Screens of people's records: opening one is written to the access log.
    logs_access: bool = False
    # Set on views a plugin provides: they disappear while the plugin is disabled.
    plugin_name: str | None = None

    list_template = "devparty/list.html"
    form_base_class = AdminForm
    model_form_converter = ModelConverter
    column_type_formatters = FORMATTERS
    column_type_formatters_detail = FORMATTERS
    column_type_formatters_export = EXPORT_FORMATTERS
    can_view_details = True
    export_types = ["xlsx", "csv"]
    page_size = 50
    can_set_page_size = True
    page_size_options = (20, 50, 100)

    def __init__(self, model, **kwargs) -> None:
        self._apply_choices()
        super().__init__(model, db, **kwargs)

    def _apply_choices(self) -> None:
        """Coded columns show their label in lists and a select of labels in forms."""
        formatters = dict(self.column_formatters or {})
        exported = dict(self.column_formatters_export or {})
        form_choices = dict(self.form_choices or {})
        # Listed by their label alone: a page translates each code once (list_rows.RowShape).
        self.labelled_columns = {name for name in self.choice_columns if name not in formatters}
        for name, choices in self.choice_columns.items():
            label = lambda v, c, m, n, ch=choices: ch.label(getattr(m, n))  # noqa: E731
            formatters.setdefault(name, label)
            form_choices.setdefault(name, list(choices))
        self.column_formatters = formatters
        self.column_formatters_export = exported or None
        self.export_choices = {name: choices for name, choices in self.choice_columns.items()
                               if name not in exported}
        self.form_choices = form_choices

    # --- access -------------------------------------------------------------------------------
    def _allowed(self, action: str) -> bool:
        if self.read_only and action in (CREATE, EDIT, DELETE):
            return False
        if not has_request_context():
            return True  # scaffolding at start-up builds every form
        return has_permission(current_user, action, self.resource)

    @property
    def can_create(self) -> bool:
        return self._allowed(CREATE)

    @property
    def can_edit(self) -> bool:
        return self._allowed(EDIT)

    @property
    def can_delete(self) -> bool:
        return self._allowed(DELETE)

    @property
    def can_export(self) -> bool:
        return self._allowed(EXPORT)

    def is_accessible(self) -> bool:
        if self.plugin_name is not None and not self._plugin_serves_user():
            return False
        return has_permission(current_user, READ, self.resource)

    def _plugin_serves_user(self) -> bool:
        """A plugin's screens show while it is enabled, and not to the units of another
        sector (a province or an administrator sees every sector's)."""
        registry = plugins()
        if self.plugin_name not in registry.enabled():
            return False
        sector = registry.plugins[self.plugin_name].manifest.sector
        unit = getattr(current_user, "organization", None)
        return sector is None or unit is None or unit.sector in (None, sector)

    def inaccessible_callback(self, name, **kwargs):
        registry = plugins()
        if self.plugin_name is not None and self.plugin_name not in registry.enabled():
            from ..errors import error_page

            label = registry.plugins[self.plugin_name].manifest.label
            return error_page(403, _("The module %(module)s is off or removed; this screen is "
                                     "not available.", module=label))
        return refuse_access()

    def get_filter_arg(self, index, flt) -> str:
        """Filters with a ``url_key`` (see ``filters.keyed``) keep it in URLs, so links from
        reports and the home page do not depend on the order of the filters."""
        return getattr(flt, "url_key", None) or super().get_filter_arg(index, flt)

    def _get_list_extra_args(self):
        """Keep a tampered ``?page=`` inside what the database driver accepts."""
        args = super()._get_list_extra_args()
        args.page = min(max(args.page or 0, 0), MAX_ID // max(self.page_size_options))
        return args

    def _get_list_url(self, view_args) -> str:
        """The list's address with ``view_args`` in its query string, as ``url_for`` writes it.
        A list page writes a dozen (pager, sort links, page sizes, the return address), and
        ``url_for`` found the list's rule again for each; the address without arguments is
        built once per application root, and the arguments are encoded as Werkzeug encodes
        a query string."""
        path = self._list_paths.get(request.script_root,
                                    lambda: self.get_url(f"{self.endpoint}.index_view"))
        arguments = {"page": view_args.page or None, "sort": view_args.sort,
                     "desc": 1 if view_args.sort_desc else None, "search": view_args.search,
                     **view_args.extra_args,
                     "page_size": self.get_safe_page_size(view_args.page_size),
                     **self._get_filters(view_args.filters)}
        query = urlencode([(name, value) for name, value in iter_multi_items(arguments)
                           if value is not None], safe=QUERY_SAFE)
        return f"{path}?{query}" if query else path

    @cached_property
    def _list_paths(self) -> Kept:
        return Kept(most=16)

    def handle_view_exception(self, exc) -> bool:
        """What the database refused gets a plain message, never the SQL text."""
        message = None
        if isinstance(exc, IntegrityError):
            message = _("This record duplicates an existing one or is still in use; nothing was "
                        "saved.")
        elif isinstance(exc, StaleDataError):
            message = _("Someone else saved this record at the same moment, so your changes were "
                        "not saved. Open the record again to see theirs, then make yours.")
        elif isinstance(exc, OperationalError) and "no such table" not in str(exc):
            message = _("The system is busy; nothing was saved. Please try again in a moment.")
        elif isinstance(exc, DBAPIError):  # a table a removed module took away, …
            current_app.logger.exception("The database refused a change")
            message = _("The database refused this; nothing was changed. Please tell the "
                        "system administrator.")
        if message is None:
            return super().handle_view_exception(exc)
        db.session.rollback()
        flash(message, "error")
        return True

    def _get_filter_groups(self):
        """The filters' labels and options as the page's script reads them. Flask-Admin
        translates every one of them on each page; they change only with the language."""
        cache = self.__dict__.setdefault("_filter_groups_by_language", {})
        key = (id(self._filter_groups), str(get_locale()))
        if key not in cache:
            cache[key] = super()._get_filter_groups()
        return cache[key]

    # --- scoping ------------------------------------------------------------------------------
    def row_conditions(self, placeholders: bool = False) -> list:
        """What every row of the screen meets, as conditions on the model's columns: the user's
        subtree (``security.scope_condition``; none for who sees every unit). A screen showing
        only part of it adds its own here, so lists, counts and a search's ordered matches
        all keep to them. With ``placeholders`` the subtree's path is left as parameters, for
        a page statement kept per shape of scope (``_kept_page``): what a screen adds must
        then depend on nothing but the user's scope."""
        condition = scope_condition(self.model, current_user, placeholders)
        return [] if condition is None else [condition]

    def get_query(self, placeholders: bool = False):
        return super().get_query().filter(*self.row_conditions(placeholders))

    def get_count_query(self, placeholders: bool = False):
        query = db.session.query(func.count()).select_from(self.model)
        return CappedCount(query.filter(*self.row_conditions(placeholders)))

    def get_one(self, id):
        record = self.get_query().filter(primary_key(self.model) == parse_pk(id)).one_or_none()
        if record is None:
            abort(404)
        return record

    def create_form(self, obj=None):
        """A user whose subtree is one unit (a branch) finds it already chosen."""
        form = super().create_form(obj)
        if request.method == "GET" and "organization" in form and form.organization.data is None:
            units = db.session.scalars(scoped(select(Organization), Organization, current_user)
                                       .limit(2)).all()
            if len(units) == 1:
                form.organization.data = units[0]
        return form

    @action("delete", admin_lazy_gettext("Delete"),
            admin_lazy_gettext("Are you sure you want to delete selected records?"))
    def action_delete(self, ids):
        """Bulk delete with integer ids: Flask-Admin binds the posted strings, which PostgreSQL
        refuses to compare with an integer key (a 500). Ids that are not integers match nothing."""
        return super().action_delete([pk for pk in map(parse_id, ids) if pk is not None])

    def _apply_pagination(self, query, page, page_size):
        size = self.page_size if page_size is None else page_size
        if not size:  # a download: every row
            return super()._apply_pagination(query, page, page_size)
        offset = (page or 0) * size
        return self._page_of(query, size, offset, self._ids_first(offset))

    def _ids_first(self, offset: int) -> bool:
        """Whether a page's ids are taken first, from the name-order index (which holds the
        unit, for the scope, and the id), and then only its own rows loaded with their
        relations:
        - a deep page (past ``DEFERRED_FROM`` rows), which skips the rows before it inside
          the index: page 1000 costs about what page 1 does instead of reading 50,000 rows;
        - any page of a narrow subtree (a chi bộ), whose rows are not read in list order: the
          index's keys are sorted instead of some 200 whole rows, and what a row's icons need
          (``list_options``) is asked for the page's rows only (SQLite asks before sorting)."""
        return offset >= DEFERRED_FROM or narrow_scope(current_user)

    def _page_of(self, query, size, offset, ids_first: bool, rows=None):
        """One page of ``query``: ``size`` rows from ``offset`` (numbers or parameters). With
        its ids first, the rows are read from ``rows`` when given: the same order, without
        the scope, which the ids already keep to (``_unscoped_rows``)."""
        if ids_first:
            key = primary_key(self.model)
            ids = (query.enable_eagerloads(False).with_entities(key)
                   .limit(size).offset(offset).subquery())
            query = (query if rows is None else rows).filter(key.in_(select(ids.c[0]))).limit(size)
        else:
            query = query.limit(size).offset(offset)
        return query.options(*self.page_options)

    def get_list(self, page, sort_column, sort_desc, search, filters, execute=True,
                 page_size=None):
        """Flask-Admin's list, except for a page without filters (a download is built as
        Flask-Admin builds it):
        - a search of people in a wide scope listed in its own order (no sort): its page is
          found in the name indexes, then read (``_matched_page``);
        - any other page runs statements kept per shape of scope (``_kept_page``)."""
        found = None
        if execute and not filters:
            in_order = self.ordered_shape(search) if search and sort_column is None else None
            found = (self._matched_page(in_order, search, page, page_size) if in_order
                     else self._kept_page(page, sort_column, sort_desc, search, page_size))
        count, rows = found or super().get_list(page, sort_column, sort_desc, search, filters,
                                                execute=execute, page_size=page_size)
        if execute:
            rows = list(rows)
            self.prepare_rows(rows)
        return count, rows

    def _kept_page(self, page, sort_column, sort_desc, search, page_size):
        """The total (capped) and one page of the list, from a count and a page statement
        built once per view and shape (the scope's form, the search's, the sort, whether ids
        come first) and run with the user's path, the search's term and the page's place as
        parameters; None where the scope or the search cannot take its values as parameters.
        Building the two statements cost a chi bộ's page more than running them.

        The count is a column of the page's statement, so a page is read in one statement;
        counted apart only when the page has no rows past the first page (the total cannot
        be read from it then; on the first page it is 0)."""
        shape = scope_shape(self.model, current_user)
        searched = self.search_shape(search) if search else ()
        size = self.page_size if page_size is None else page_size
        if shape is None or searched is None or not size:
            return None
        offset = (page or 0) * size
        ids_first = self._ids_first(offset)
        count_statement, page_statement = self._kept(
            ("page", shape, searched, sort_column, sort_desc, ids_first),
            lambda: self._page_statements(sort_column, sort_desc, search, ids_first))
        values = {**scope_values(current_user), **(search_values(search) if search else {}),
                  PAGE_SIZE.key: size, PAGE_OFFSET.key: offset}
        found = db.session.execute(page_statement, values).unique().all()
        records = [row[0] for row in found]
        if count_statement is None:
            return None, records
        if found:
            return counted(found[0][1]), records
        return (0 if offset == 0 else counted(db.session.scalar(count_statement, values))), records

    def _page_statements(self, sort_column, sort_desc, search, ids_first: bool) -> tuple:
        """The count (None for a list without one) and the page, as Flask-Admin's get_list
        writes them, with the scope, the search and the page's place left as parameters. A
        page with a count reads it as its second column (``_kept_page``)."""
        query = self._rows_query()
        count = None if self.simple_list_pager else self.get_count_query(True)
        condition = self.search_condition(search, placeholders=True) if search else None
        if condition is not None:
            query = query.filter(condition)
            count = None if count is None else count.filter(condition)
        query, _joins = self._apply_sorting(query, {}, sort_column, sort_desc)
        rows = None
        if ids_first:
            rows, _joins = self._apply_sorting(self._unscoped_rows(), {}, sort_column, sort_desc)
        page = self._page_of(query, PAGE_SIZE, PAGE_OFFSET, ids_first, rows).statement
        if count is None:
            return None, page
        count = count.capped_statement()
        return count, page.add_columns(count.scalar_subquery())

    def _rows_query(self):
        """The screen's rows with the relations their columns show, the scope's path left as
        a parameter (a kept page's query before its search, order and page)."""
        return self.get_query(True).options(*(joinedload(j) for j in self._auto_joins))

    def _unscoped_rows(self):
        """The model's rows with the relations their columns show, without the screen's
        conditions: where a page's ids were found within them (``_page_of``,
        ``_matched_page``), its rows are read by id alone. On PostgreSQL the scope written
        again around the ids took longer to plan than the page took to run."""
        return ModelView.get_query(self).options(*(joinedload(j) for j in self._auto_joins))

    @cached_property
    def _kept_statements(self) -> Kept:
        return Kept(KEPT_AT_MOST)

    def _kept(self, key: tuple, build):
        """A list statement this view keeps (``_kept_page``, ``_matched_page``). Statements
        have the count's cap and the size from which a name range is read in order written
        in, so those limits are part of the key."""
        return self._kept_statements.get((counting.COUNT_CAP, searching.HEAD_FROM, *key), build)

    def search_shape(self, search: str) -> tuple | None:
        """What the form of the search's condition depends on when it can be written with
        its term as parameters (``FoldedSearch``), else None: the page is then built as
        Flask-Admin builds it."""
        return None

    def ordered_shape(self, search: str) -> tuple | None:
        """What the statements of a search paged inside the name indexes depend on, or None
        where the search is a condition on the list. A screen that gives a shape
        (``search.FoldedSearch``) gives the search's name ranges too (``ordered_matches``)."""
        return None

    def _matched_page(self, shape: tuple, search: str, page, page_size):
        """The total (capped) and one page of the rows a search's name ranges
        (``ordered_matches``) find, in the list's order; each range's own count decides how
        its page is read. The count and the page statements are kept per ``shape`` (and the
        ranges read in order), and run with the scope, the term and the page's place as
        parameters."""
        size = self.page_size if page_size is None else page_size
        offset = (page or 0) * size
        values = {**scope_values(current_user), **search_values(search), PAGE_SIZE.key: size,
                  PAGE_OFFSET.key: offset, PAGE_END.key: offset + size}

        def ranges_counted():
            matches = self.ordered_matches(search)
            return matches, None if self.simple_list_pager else count_matches(matches)
        matches, count_statement = self._kept(("matches", *shape), ranges_counted)
        count, counts = ((None, None) if count_statement is None
                         else read_union_count(count_statement, values))

        def page_statement():
            key = primary_key(self.model)
            ids = matched_page(matches, PAGE_OFFSET, PAGE_SIZE, counts).subquery()
            return (self._unscoped_rows().options(*self.page_options)
                    .filter(key.in_(select(ids.c[1]))).order_by(self.model.sort_key, key)
                    .statement)
        statement = self._kept(("matched page", *shape,
                                searching.read_in_order(counts, len(matches))), page_statement)
        return count, db.session.execute(statement, values).unique().scalars().all()

    def prepare_rows(self, rows: list) -> None:
        """Load what the columns of ``rows`` need beyond the rows themselves, in grouped queries
        (never one per row); called for each list page and each export batch."""

    def list_options(self) -> list:
        """Loader options for the rows of a list page (not a download): what their icons need
        (``deletable``), read in the rows' own query. Asked once per view (``page_options``),
        so they must not depend on the request."""
        return []

    @cached_property
    def page_options(self) -> tuple:
        """``list_options``, built once: loader options never change, and building a query
        expression and its option on every page took half a millisecond."""
        return tuple(self.list_options())

    def get_list_row_actions(self):
        return lean(super().get_list_row_actions())

    @pass_context
    def list_head(self, context) -> Markup:
        """What a list adds to the page's head (``list_chrome.head``), drawn once per root and
        kept on the screen."""
        return Markup(self._kept_ends.get(("head", request.url_root),
                                           lambda: list_chrome.head(context)))

    @pass_context
    def list_tail(self, context, layout) -> Markup:
        """The end of a list page: the layout's (``layout()``, the ``tail`` block of the
        template a list extends) and the list's own (``list_chrome.tail``), two dozen script
        links, the filters' labels and options and the bulk actions with their confirmations
        as data for the scripts. It is drawn once per root, language, bulk actions and active
        filters, and kept on the screen (so an application built again, as tests do, draws
        its own), with each page's CSP nonce put in."""
        key = (request.url_root, str(get_locale()), id(self._filter_groups),
               json.dumps([context.resolve("actions"), context.resolve("actions_confirmation"),
                           context.resolve("active_filters")], default=str, sort_keys=True))
        return with_page_nonce(self._kept_ends, key,
                               lambda: Markup(layout()) + list_chrome.tail(context))

    @cached_property
    def _kept_ends(self) -> Kept:
        return Kept(most=100)

    @pass_context
    def list_menu_bar(self, context) -> Markup:
        """The tabs above the list, written in Python (``list_chrome.menu_bar``)."""
        return list_chrome.menu_bar(context, self)

    @pass_context
    def list_filter_form(self, context) -> Markup:
        """The form the filters are sent with (``list_chrome.filter_form``)."""
        return list_chrome.filter_form(context)

    @pass_context
    def list_header(self, context) -> Markup:
        """The list's header row, written in Python (``list_chrome.header``)."""
        return list_chrome.header(context, self)

    @pass_context
    def list_pager(self, context) -> Markup:
        """The list's page links (``list_chrome.pager``)."""
        return list_chrome.pager(context)

    @pass_context
    def list_action_form(self, context) -> Markup:
        """The hidden form of the bulk actions (``list_chrome.action_form``)."""
        return list_chrome.action_form(context)

    @pass_context
    def list_rows(self, context, rows) -> Markup:
        """A list page's rows as plain HTML (``list_rows.RowShape``), called once by
        ``devparty/list.html`` in place of Flask-Admin's per-cell template: what every row
        shares is worked out once, then each row is written in Python."""
        shape = RowShape(context, self)
        return Markup("".join([f"<tr>{shape.html(self, row)}</tr>\n" for row in rows]))

    def deletable(self, record) -> bool:
        """Whether the list offers to delete ``record`` (from what ``list_options`` read with the
        rows; the delete itself is checked again on the server)."""
        return True

    # --- reading a record ----------------------------------------------------------------------
    @expose("/details/")
    def details_view(self):
        """Opening a person's record is logged (``logs_access``), once it was found in scope."""
        response = super().details_view()
        self._log_opened()
        return response

    @expose("/edit/", methods=("GET", "POST"))
    def edit_view(self):
        response = super().edit_view()
        if request.method == "GET":
            self._log_opened()
        return response

    def _log_opened(self) -> None:
        record_id = parse_id(request.args.get("id", ""))
        if self.logs_access and record_id is not None:
            record_access("open", self.endpoint, record_id=record_id)

    def _create_ajax_loader(self, name, options):
        attr = getattr(self.model, name)
        return ScopedAjaxLoader(name, db, attr.prop.mapper.class_, **options)
