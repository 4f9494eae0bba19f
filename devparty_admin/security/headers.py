"""Security headers on every response (Flask-Talisman), and no caching of personal data.

The content security policy allows only this site's own scripts and the inline ones that carry
the request's nonce (Flask-Admin's and ours); pages may not be framed. ``Secure`` cookies and
HSTS follow the settings, since only the reverse proxy knows whether HTTPS is in front.
"""
from __future__ import annotations

from flask import request
from flask_talisman import Talisman

talisman = Talisman()

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",  # style="" attributes of Flask-Admin's templates
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def csp_nonce() -> str:
    return getattr(request, "csp_nonce", "")


def no_store(response):
    """Pages and downloads hold personal data: browsers and proxies must not keep them.
    Static assets (no personal data) stay cacheable."""
    if not (request.endpoint or "").endswith("static"):
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"
    return response


def init_headers(app) -> None:
    https = app.config["DEVPARTY_HTTPS"]
    app.config["SESSION_COOKIE_SECURE"] = app.config["REMEMBER_COOKIE_SECURE"] = https
    talisman.init_app(
        app,
        force_https=False,  # the reverse proxy redirects; see docs/deploy.md
        frame_options="DENY",
        content_security_policy=POLICY,
        content_security_policy_nonce_in=["script-src"],
        referrer_policy="same-origin",
        session_cookie_secure=https,
        strict_transport_security=https and app.config["DEVPARTY_HSTS"],
        strict_transport_security_include_subdomains=False,
    )
    app.after_request(no_store)
