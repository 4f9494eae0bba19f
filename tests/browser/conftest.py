"""A live server on a free local port and a headless Debian Chromium driven by Playwright."""
from __future__ import annotations

import shutil
import threading

import pytest
from werkzeug.serving import make_server

from devparty_admin.testing import unavailable

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


@pytest.fixture(scope="session")
def chromium():
    executable = shutil.which("chromium")
    if executable is None:
        unavailable("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_server(app, db):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture
def page(chromium, live_server):
    """A fresh browser page that may only reach the live server: anything else is recorded
    and refused, so a page that needs the internet (a CDN) fails its test. Flask-Admin's few
    inline event handlers are refused by the policy and done by ``inline-handlers.js``."""
    context = chromium.new_context(locale="vi-VN")
    page = context.new_page()
    page.external_requests = []

    def guard(route):
        if route.request.url.startswith(live_server):
            route.continue_()
        else:
            page.external_requests.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.base = live_server
    page.csp_violations = []
    page.on("console", lambda message: page.csp_violations.append(message.text)
            if "Content Security Policy" in message.text
            and "inline event handler" not in message.text
            else None)
    yield page
    context.close()
    # Every page works under the content security policy: no script or style of ours refused.
    assert not page.csp_violations, page.csp_violations
