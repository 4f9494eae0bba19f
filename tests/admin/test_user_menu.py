"""The user's menu at the right of every page's navigation bar (``admin.menu.user_menu``): who is
signed in and where, the two languages, log out; each form works from the page it is on."""
from __future__ import annotations

import html
import re

PAGE = "/admin/candidate/?search=lan&page_size=20"


def _menu(page: str) -> str:
    found = re.search(r'<ul class="nav navbar-nav navbar-right align-items-center">(.*?)</ul>',
                      page, re.S)
    assert found, "no user menu"
    return found.group(1)


def _form(menu: str, action: str) -> dict[str, str]:
    """The hidden fields of the menu's form posted to ``action``."""
    found = re.search(rf'<form method="post" action="{re.escape(action)}">(.*?)</form>', menu,
                      re.S)
    assert found, f"no form to {action}"
    return {name: html.unescape(value) for name, value in re.findall(
        r'<input type="hidden" name="(\w+)" value="([^"]*)">', found.group(1))}


def test_the_menu_names_the_user_and_unit_and_switches_language_from_the_page(make, login_as):
    unit = make.org('Chi bộ <Đông> & "Tây"')
    user = make.user("committee", unit, display_name="Nguyễn <i>Văn</i> A")
    session = login_as(user)
    menu = _menu(session.get(PAGE).get_data(as_text=True))
    assert 'title="Chi bộ &lt;Đông&gt; &amp; &#34;Tây&#34;">Nguyễn &lt;i&gt;Văn&lt;/i&gt; A</a>' in menu
    assert ('<span class="dropdown-item-text text-muted small" id="current-unit">'
            'Chi bộ &lt;Đông&gt; &amp; &#34;Tây&#34;</span>') in menu
    assert re.findall(r'class="dropdown-item( active)?" lang="(\w+)"', menu) == [
        (" active", "vi"), ("", "en")]

    english = _form(menu, "/language/en")
    assert english["next"] == PAGE
    response = session.post("/language/en", data=english, with_token=False)
    assert response.status_code == 302 and response.location == PAGE
    menu = _menu(session.get(PAGE).get_data(as_text=True))
    assert re.findall(r'class="dropdown-item( active)?" lang="(\w+)"', menu) == [
        ("", "vi"), (" active", "en")]
    assert '<button type="submit" class="dropdown-item" id="log-out">Log out</button>' in menu

    response = session.post("/logout", data=_form(menu, "/logout"), with_token=False)
    assert response.status_code == 302
    assert session.get("/admin/candidate/").status_code in (302, 403)


def test_a_user_without_a_unit_has_no_unit_line(make, login_as):
    session = login_as(make.user("admin", None, display_name="Quản trị"))
    menu = _menu(session.get("/admin/").get_data(as_text=True))
    assert 'title="">Quản trị</a>' in menu
    assert "current-unit" not in menu
    assert '>Đăng xuất</button>' in menu
