"""Parts of the layout every page repeats, drawn once for each kind of page and kept: the
main menu, the links to stylesheets and scripts, and the user's menu.

Flask-Admin draws the menu on every page, a macro call per entry: its access asked, its name
translated, its address built; about a millisecond of every page. What it draws depends
only on which entries are shown, the open page (whose entry is marked active), the language
and the application's root. The menu is kept per such combination; which entries are shown
is still asked on every page, so a change of role or of enabled modules shows at once.

The stylesheets and scripts are two dozen links, each a macro call and an address. They
depend on the screen (its own extra files), the root and the page's CSP nonce: they are kept
per screen and root with the nonce left as a marker, and each page puts its own nonce in.

The user's menu (name, unit, the two languages, log out) was a Jinja block with three
addresses built and a loop on every page, a quarter of a millisecond; its addresses and
labels are kept per root and language and the user's own values written in.
"""
from __future__ import annotations

from flask import request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from jinja2 import pass_context
from markupsafe import Markup, escape

from ..kept import Kept
from ..security.headers import csp_nonce

_drawn = Kept(most=1_000)  # combinations kept per process before starting afresh


def _shown(items) -> tuple:
    """Which of ``items`` are shown, asked as Flask-Admin's menu asks: an entry by its access
    and visibility, a category by the entries it shows (each asked once)."""
    return tuple(tuple(map(id, item.get_children())) if item.is_category()
                 else item.is_accessible() and item.is_visible() for item in items)


@pass_context
def main_menu(context, draw) -> Markup:
    """The menu as ``draw()`` (Flask-Admin's own block) writes it for this page, drawn once
    per combination of what decides it."""
    view = context.resolve("admin_view")
    items = view.admin.menu()
    key = (request.url_root, str(get_locale()), view.endpoint,
           tuple(map(id, items)), _shown(items))
    return Markup(_drawn.get(key, draw))


NONCE = "__page_csp_nonce__"  # where a kept block had the page's nonce


def with_page_nonce(store: Kept, key, draw) -> Markup:
    """``draw()``'s HTML kept in ``store`` under ``key`` with the CSP nonce of the page that
    drew it left as a marker, returned with this page's nonce."""
    nonce = csp_nonce()

    def drawn_without_nonce() -> str:
        drawn = str(draw())
        return drawn.replace(nonce, NONCE) if nonce else drawn

    return Markup(store.get(key, drawn_without_nonce).replace(NONCE, nonce))


@pass_context
def page_assets(context, block: str, draw) -> Markup:
    """The links of layout ``block`` as ``draw()`` (Flask-Admin's own block) writes them,
    drawn once per screen and root, with this page's nonce."""
    view = context.resolve("admin_view")
    return with_page_nonce(_drawn, (block, request.url_root, view.endpoint), draw)


LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))
TOKEN, PAGE = "__user_menu_token__", "__user_menu_page__"  # written into the kept forms
USER_MENU = """<ul class="nav navbar-nav navbar-right align-items-center">
<li class="nav-item dropdown">
<a class="nav-link dropdown-toggle text-light" id="current-user" data-toggle="dropdown" \
href="#" role="button" title="{unit_name}">{user_name}</a>
<div class="dropdown-menu dropdown-menu-right">
{unit}{languages}<div class="dropdown-divider"></div>
<form method="post" action="{log_out}">
<input type="hidden" name="csrf_token" value="{token}">
<button type="submit" class="dropdown-item" id="log-out">{log_out_label}</button>
</form>
</div>
</li>
</ul>"""
UNIT = """<span class="dropdown-item-text text-muted small" id="current-unit">{unit_name}</span>
<div class="dropdown-divider"></div>
"""
LANGUAGE = """<form method="post" action="{action}">
<input type="hidden" name="csrf_token" value="{token}">
<input type="hidden" name="next" value="{next}">
<button type="submit" class="dropdown-item{active}" lang="{code}">{label}</button>
</form>
"""


def _language_forms(locale: str) -> tuple[str, str, str]:
    """The language forms with the token and the page left as markers (``TOKEN``, ``PAGE``),
    the log-out address and its label, for one root and language."""
    forms = "".join(LANGUAGE.format(
        action=escape(url_for("auth.set_language", code=code)), code=code, label=label,
        active=" active" if code == locale else "", token=TOKEN, next=PAGE)
        for code, label in LANGUAGES)
    return forms, str(escape(url_for("auth.logout"))), str(escape(_("Log out")))


def user_menu() -> Markup:
    """The signed-in user's menu at the right of the navigation bar (nothing for a visitor)."""
    if not current_user.is_authenticated:
        return Markup("")
    locale = get_locale().language
    forms, log_out, log_out_label = _drawn.get(("user menu", request.url_root, locale),
                                               lambda: _language_forms(locale))
    token, unit = escape(generate_csrf()), current_user.organization
    unit_name = escape(unit.name) if unit is not None else ""
    return Markup(USER_MENU.format(
        unit_name=unit_name, user_name=escape(current_user.display_name),
        unit=UNIT.format(unit_name=unit_name) if unit is not None else "",
        languages=forms.replace(TOKEN, token).replace(PAGE, escape(request.full_path)),
        log_out=log_out, token=token, log_out_label=log_out_label))
