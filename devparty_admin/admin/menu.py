"""Parts of the layout every page repeats, drawn once for each kind of page and kept: the
main menu and the links to stylesheets and scripts.

Flask-Admin draws the menu on every page, a macro call per entry: its access asked, its name
translated, its address built; about a millisecond of every page. What it draws depends
only on which entries are shown, the open page (whose entry is marked active), the language
and the application's root. The menu is kept per such combination; which entries are shown
is still asked on every page, so a change of role or of enabled modules shows at once.

The stylesheets and scripts are two dozen links, each a macro call and an address. They
depend on the screen (its own extra files), the root and the page's CSP nonce: they are kept
per screen and root with the nonce left as a marker, and each page puts its own nonce in.
"""
from __future__ import annotations

from flask import request
from flask_babel import get_locale
from jinja2 import pass_context
from markupsafe import Markup

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
