"""How every floor page is rendered: its template compiled once, as Flask compiles a template
file once, then rendered with the same context processors as ``render_template_string``.

``render_template_string`` compiles its source on every call, which cost a floor page about a
millisecond on the development machine; until 2026-11-28 the floors paid it, and so looked
slower than one query and a template are."""
from __future__ import annotations

from functools import lru_cache

from flask import current_app


@lru_cache(maxsize=32)
def _compiled(environment, source: str):
    return environment.from_string(source)


def render_floor(source: str, **context) -> str:
    app = current_app._get_current_object()
    app.update_template_context(context)
    return _compiled(app.jinja_env, source).render(context)
