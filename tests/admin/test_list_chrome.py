"""The list's tabs, filter form, header, pager and bulk-action form, and what the list adds to
the page's head and end, are written in Python (``admin/list_chrome.py``); what a user's browser
gets must be Flask-Admin's HTML: the same elements, attributes and text, whitespace aside."""
import re

import pytest
from flask import request
from jinja2 import ChoiceLoader, DictLoader

from devparty_admin.admin import list_chrome

# A list page that writes each part twice: the product's and Flask-Admin's own block or macro.
BOTH = """{% extends 'admin/model/list.html' %}
{% import 'admin/actions.html' as actionlib with context %}
{% import 'admin/model/layout.html' as model_layout with context %}
{% block body %}
<ours>{{ admin_view.list_menu_bar() }}</ours><theirs>{{ self.model_menu_bar() }}</theirs>
<ours>{{ admin_view.list_filter_form() }}</ours><theirs>{% if filters %}
{{ model_layout.filter_form() }}<div class="clearfix"></div>{% endif %}</theirs>
<ours>{{ admin_view.list_header() }}</ours><theirs>{{ self.list_header() }}</theirs>
<ours>{{ admin_view.list_pager() }}</ours><theirs>{{ self.list_pager() }}</theirs>
<ours>{{ admin_view.list_action_form() }}</ours><theirs>
{{ actionlib.form(actions, get_url('.action_view')) }}</theirs>
{% endblock %}"""


# The product's list template and Flask-Admin's, with the same body: the rest of the page,
# the head and the end included, must be the same.
OURS = "{% extends 'devparty/list.html' %}{% block body %}<p>the rows</p>{% endblock %}"
THEIRS = "{% extends 'admin/model/list.html' %}{% block body %}<p>the rows</p>{% endblock %}"


def _same(html: str) -> str:
    """The HTML with each run of whitespace read as one space, none before a tag's end."""
    return re.sub(r"\s+>", ">", re.sub(r"\s+", " ", html)).strip()


def _pairs(html: str) -> list[tuple[str, str]]:
    return [(_same(ours), _same(theirs)) for ours, theirs
            in re.findall(r"<ours>(.*?)</ours><theirs>(.*?)</theirs>", html, re.S)]


def _candidates_view(app):
    return next(v for v in app.extensions["admin"][0]._views if v.endpoint == "candidate")


@pytest.fixture
def both_ways(app, monkeypatch):
    """The candidates' list drawn by the template above, its first column described."""
    view = _candidates_view(app)
    monkeypatch.setattr(app.jinja_env, "loader",
                        ChoiceLoader([DictLoader({"both.html": BOTH}), app.jinja_env.loader]))
    monkeypatch.setattr(view, "list_template", "both.html")
    monkeypatch.setattr(view, "column_descriptions", {"full_name": 'Họ và tên "đầy đủ" <khai sinh>'})
    return view


@pytest.mark.parametrize("address", [
    "/admin/candidate/?page_size=20&page=2&sort=2&desc=1",  # sorted down, pages either side
    "/admin/candidate/?page_size=20&sort=0",  # sorted up, the first page
    "/admin/candidate/?page_size=20&page=5&search=le",  # the last page of a search
    "/admin/candidate/?search=khong+co+ai",  # nothing found: no pager
    "/admin/candidate/?flt0_stage=source&page_size=100&search=le&sort=0",  # a filter set
])
def test_a_lists_tabs_filters_header_pager_and_bulk_form_are_flask_admins(both_ways, make, login_as,
                                                            address):
    unit = make.org("Chi bộ 01", parent=make.org("Đảng bộ"))
    for number in range(110):
        make.candidate(unit, full_name=f"Lê Văn <An> {number:03d}")
    committee = login_as(make.user("committee", unit.parent))
    viewer = login_as(make.user("viewer", unit.parent))
    for session, parts in ((committee, 5), (viewer, 4)):
        html = session.get(address).get_data(as_text=True)
        pairs = _pairs(html)
        assert len(pairs) == 5
        for ours, theirs in pairs:
            assert ours.split("> <") == theirs.split("> <")
        assert sum(bool(ours) for ours, _theirs in pairs) == parts - ("khong" in address)
    assert "Họ và tên &#34;đầy đủ&#34; &lt;khai sinh&gt;" in html
    assert ('class="btn btn-secondary">' in pairs[1][0]) == ("flt0" in address)  # reset filters


def test_the_pagers_are_flask_admins(app):
    """Every place in lists of every length, numbered (a known total) or previous / next."""
    macros = app.jinja_env.from_string(
        "{% import 'admin/lib.html' as lib %}"
        "{% if pages is none %}{{ lib.simple_pager(page, have_next, url) }}"
        "{% else %}{{ lib.pager(page, pages, url) }}{% endif %}")
    with app.test_request_context("/admin/candidate/"):
        def url(page):
            return f"{request.path}?page={page}&search=a<b"
        for pages in (0, 1, 2, 3, 7, 8, 9, 40):
            for page in range(pages + 1):
                ours = list_chrome.numbered_pager(page, pages, url)
                assert _same(ours) == _same(macros.render(page=page, pages=pages, url=url))
        for page in (0, 1, 5):
            for have_next in (True, False):
                ours = list_chrome.simple_pager(page, have_next, url)
                theirs = macros.render(page=page, pages=None, have_next=have_next, url=url)
                assert _same(ours) == _same(theirs)


def _masked(html: str) -> str:
    """A page with its CSP nonces and CSRF tokens masked: a nonce differs on every request,
    a token from one second to the next (the bulk actions' form and the user's menu)."""
    html = re.sub(r'nonce="[^"]*"', 'nonce=""', html)
    return re.sub(r'(name="csrf_token"[^>]*value=)"[^"]*"', r'\1""', html)


@pytest.mark.parametrize("address", [
    "/admin/candidate/",
    "/admin/candidate/?flt0_stage=source&flt1_unit=1&search=le",  # active filters as data
])
def test_a_list_page_is_flask_admins_list_page_head_and_end_included(app, make, login_as,
                                                                      monkeypatch, address):
    """Drawn by the product's template and by Flask-Admin's with the same body, the pages are
    the same, for a user with bulk actions and one without (no actions' script), on the
    first page of a kind (drawn) and the next (kept), in both languages."""
    view = _candidates_view(app)
    monkeypatch.setattr(app.jinja_env, "loader", ChoiceLoader([
        DictLoader({"ours.html": OURS, "theirs.html": THEIRS}), app.jinja_env.loader]))
    unit = make.org("Chi bộ 01", parent=make.org("Đảng bộ"))
    make.candidate(unit, full_name="Lê Văn An")
    for role in ("committee", "viewer"):
        session = login_as(make.user(role, unit.parent))
        for language in ("vi", "en", "en"):
            session.refresh_token(session.get("/admin/").get_data(as_text=True))
            session.post(f"/language/{language}", data={"next": "/admin/"})
            pages = {}
            for template in ("theirs.html", "ours.html"):
                monkeypatch.setattr(view, "list_template", template)
                pages[template] = _masked(session.get(address).get_data(as_text=True))
            ours, theirs = _same(pages["ours.html"]), _same(pages["theirs.html"])
            assert ours.split("> <") == theirs.split("> <")
            assert "<p>the rows</p>" in ours and "admin/js/bs4_filters.js" in ours
            active = re.search(r'id="active-filters-data" class="d-none">(.*?)</div>', ours)
            assert "filter-groups-data" in ours and (active[1] != "[]") == ("flt0" in address)
            assert ("actions-confirmation-data" in ours) == (role == "committee")
