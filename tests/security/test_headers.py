"""Security headers on every response, and no caching of pages with personal data."""
from __future__ import annotations


def test_pages_carry_security_headers(make, login_as, browser):
    session = login_as(make.user("admin", None))
    for client, path in ((browser, "/login"), (session, "/admin/candidate/"),
                         (session, "/admin/candidate/export/csv/")):
        response = client.get(path)
        headers = response.headers
        policy = headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "script-src 'self' 'nonce-" in policy
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"
        assert headers["Cache-Control"] == "no-store", path
    static = session.get("/admin/static/bootstrap/bootstrap4/css/bootstrap.min.css")
    assert static.status_code == 200 and "no-store" not in static.headers.get("Cache-Control", "")


def test_inline_scripts_carry_the_nonce(make, login_as):
    """Every script and stylesheet of a page carries that page's own nonce, also where the
    links are kept from an earlier page (``admin/menu.page_assets``)."""
    import re

    session = login_as(make.user("admin", None))
    for path in ("/admin/candidate/", "/admin/candidate/", "/admin/member/", "/admin/"):
        response = session.get(path)
        nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
        html = response.get_data(as_text=True)
        inline = html.count("<script>") + html.count("<script >")
        assert inline == 0 and set(re.findall(r'nonce="([^"]+)"', html)) == {nonce}, path
        assert html.count(f'nonce="{nonce}"') > 10, path


def test_secure_cookie_over_https_setting(app):
    from devparty_admin import create_app
    secure = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://",
                         "SECRET_KEY": "x", "DEVPARTY_PLUGINS": [], "DEVPARTY_HTTPS": True,
                         "DEVPARTY_HSTS": True})
    with secure.test_request_context("/login", base_url="https://party.example"):
        response = secure.full_dispatch_request()
        assert "max-age" in response.headers["Strict-Transport-Security"]
    assert secure.config["SESSION_COOKIE_SECURE"] is True
