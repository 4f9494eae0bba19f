"""`make serve` starts the production-like server (gunicorn workers) that docs/deploy.md
describes: migrated, healthy, serving the log-in page with its security headers."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, dict(response.headers), response.read().decode()


def test_make_serve_runs_gunicorn_workers(tmp_path):
    port = _free_port()
    env = {**os.environ, "DEVPARTY_BIND": f"127.0.0.1:{port}", "DEVPARTY_WORKERS": "2",
           "DEVPARTY_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
           "DEVPARTY_UPLOAD_DIR": str(tmp_path / "uploads"), "DEVPARTY_SECRET_KEY": "serve-test"}
    server = subprocess.Popen(["make", "--no-print-directory", "serve"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                status, _headers, body = _get(f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.5)
        assert status == 200 and '"migrations":"ok"' in body.replace(" ", "")
        status, headers, body = _get(f"http://127.0.0.1:{port}/login")
        assert status == 200 and "Đăng nhập" in body
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output = server.communicate(timeout=30)[0].decode()
    assert "Booting worker" in output and "Đã tạo quản trị viên" in output
