"""Replay the hardening report's attacks against a real server: gunicorn workers on a
throwaway PostgreSQL (or SQLite), over loopback only, bounded in count and time.

    .venv/bin/python bench/soak.py [--engine postgresql|sqlite] [--exports 200] [--workers 4]

Prints, each with what was expected:
- after N exports by a read-only viewer (alternating .xlsx/.csv, every other one abandoned after
  its first bytes): connections left "idle in transaction" and the time of a normal page;
- the log-in answer time for an unknown user and for a wrong password (median of 15 each);
- how a guesser from one address is slowed down, and whether the owner still logs in.
"""
from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from devparty_admin import create_app  # noqa: E402
from devparty_admin.extensions import db  # noqa: E402
from devparty_admin.models import Candidate  # noqa: E402
from devparty_admin.testing.factories import TEST_PASSWORD, Factories  # noqa: E402
from devparty_admin.testing.postgres import TemporaryPostgres, _free_port  # noqa: E402


class Client:
    """A cookie-keeping HTTP client for one session on the local server."""

    def __init__(self, port: int, address: str = "") -> None:
        self.port, self.cookies, self.token, self.address = port, {}, "", address

    def request(self, method: str, path: str, form: dict | None = None, read: int | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if self.address:
            headers["X-Forwarded-For"] = self.address
        body = None
        if form is not None:
            body = urllib.parse.urlencode({**form, "csrf_token": self.token})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _sep, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        data = response.read(read) if read else response.read()
        connection.close()  # with ``read``: the client goes away mid-download
        if b'name="csrf_token"' in data:
            self.token = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', data).group(1).decode()
        return response.status, data

    def login(self, username: str, password: str) -> int:
        self.request("GET", "/login")
        return self.request("POST", "/login", {"username": username, "password": password})[0]


def build(url: str, folder: Path) -> None:
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "soak",
                      "DEVPARTY_PLUGINS": [], "DEVPARTY_UPLOAD_DIR": str(folder / "uploads")})
    with app.app_context():
        upgrade(revision="heads")
        make = Factories(db.session)
        province = make.org("Đảng bộ tỉnh")
        unit = make.org("Chi bộ 01", parent=province, code="CB01")
        db.session.add_all(Candidate(organization=unit, full_name=f"Nguyễn Văn Số {i}",
                                     gender="male", national_id=f"{i:012d}") for i in range(2000))
        db.session.commit()
        make.user("viewer", province, username="xem")
        make.user("admin", None, username="quantri")
        make.user("committee", province, username="tochuc")
        db.engine.dispose()


def _upload(client: Client, data: bytes) -> str:
    boundary = "devpartysoak"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
            f"{client.token}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"lon.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            ).encode() + data + f"\r\n--{boundary}--\r\n".encode()
    connection = http.client.HTTPConnection("127.0.0.1", client.port, timeout=120)
    connection.request("POST", "/admin/imports/upload/candidate", body=body, headers={
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "Cookie": "; ".join(f"{k}={v}" for k, v in client.cookies.items()),
        "X-Forwarded-For": client.address})
    response = connection.getresponse()
    response.read()
    return response.getheader("Location")


def import_through_the_page(port: int, count: int) -> None:
    """Upload ``count`` rows, then check and commit them as the page's script does; report the
    whole time and the longest single request (a proxy's timeout applies to each request)."""
    import json
    from io import BytesIO

    from openpyxl import Workbook

    from devparty_admin.imports.specs import SPECS

    headers = SPECS["candidate"].headers
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(headers)
    for i in range(count):
        cells = {"Họ và tên": f"Trần Thị Nhập {i}", "Giới tính": "Nữ", "Ngày sinh": "17/05/1998",
                 "Số CCCD": f"09{i:010d}", "Mã tổ chức đảng": "CB01"}
        sheet.append([cells.get(header) for header in headers])
    buffer = BytesIO()
    workbook.save(buffer)
    client = Client(port, "10.9.0.3")
    assert client.login("tochuc", TEST_PASSWORD) == 302
    client.request("GET", "/admin/imports/")
    started = time.perf_counter()
    t0 = time.perf_counter()
    job = _upload(client, buffer.getvalue())
    longest = {"upload": time.perf_counter() - t0, "check": 0.0, "commit": 0.0}
    path = urllib.parse.urlsplit(job).path
    assert "/job/" in path, (job, client.request("GET", "/admin/imports/")[1][-3000:])
    client.request("GET", path)
    for step in ("check", "commit"):
        while True:
            t0 = time.perf_counter()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            connection.request("POST", f"{path}/{step}",
                               body=urllib.parse.urlencode({"csrf_token": client.token}),
                               headers={"Content-Type": "application/x-www-form-urlencoded",
                                        "Accept": "application/json",
                                        "X-Forwarded-For": client.address, "Cookie": "; ".join(
                                            f"{k}={v}" for k, v in client.cookies.items())})
            response = connection.getresponse()
            raw = response.read()
            if response.status != 200:
                raise SystemExit(f"{step}: {response.status} {raw[:300]!r}")
            answer = json.loads(raw)
            longest[step] = max(longest[step], time.perf_counter() - t0)
            if answer["done"]:
                break
    page = client.request("GET", path)[1].decode()
    state = re.search(r'data-status="(\w+)"', page).group(1)
    print(f"import of {count:,} rows through the page: {state} in "
          f"{time.perf_counter() - started:.0f} s; longest request: " +
          ", ".join(f"{step} {seconds:.1f} s" for step, seconds in longest.items()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--exports", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--import-rows", type=int, default=48_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="devparty-soak-"))
    print(f"working folder (gunicorn.log): {folder}")
    server = TemporaryPostgres() if args.engine == "postgresql" else None
    url = server.start() if server else f"sqlite:///{folder / 'soak.sqlite3'}"
    build(url, folder)
    port = _free_port()
    env = {**os.environ, "DEVPARTY_DATABASE_URL": url, "DEVPARTY_SECRET_KEY": "soak",
           "DEVPARTY_UPLOAD_DIR": str(folder / "uploads"), "DEVPARTY_BIND": f"127.0.0.1:{port}",
           "DEVPARTY_WORKERS": str(args.workers), "DEVPARTY_PROXY_HOPS": "1"}
    gunicorn = subprocess.Popen([str(ROOT / ".venv/bin/gunicorn"), "--config",
                                 str(ROOT / "deploy/gunicorn.conf.py"), "wsgi:app"],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=open(folder / "gunicorn.log", "w"), start_new_session=True)
    try:
        for _ in range(120):
            try:
                if Client(port).request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.5)
        viewer = Client(port, "10.9.0.1")
        assert viewer.login("xem", TEST_PASSWORD) == 302
        statuses = []
        started = time.perf_counter()
        for i in range(args.exports):
            kind = "xlsx" if i % 2 else "csv"
            statuses.append(viewer.request("GET", f"/admin/candidate/export/{kind}/",
                                           read=512 if i % 4 < 2 else None)[0])
        spent = time.perf_counter() - started
        print(f"{args.exports} exports of 2,000 rows in {spent:.1f} s; answers: "
              f"{sorted(set(statuses))}")
        if server:
            engine = create_engine(url)
            with engine.connect() as connection:
                idle = connection.scalar(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'"))
            engine.dispose()
            print(f"connections idle in transaction afterwards: {idle} (expected 0)")
        admin = Client(port, "10.9.0.2")
        started = time.perf_counter()
        status = admin.login("quantri", TEST_PASSWORD)
        page = admin.request("GET", "/admin/candidate/")[0]
        print(f"admin log-in and list page right after: {status}/{page} in "
              f"{1000 * (time.perf_counter() - started):.0f} ms")
        timings = {"unknown user": [], "wrong password": []}
        for i in range(15):
            for label, name in (("unknown user", "khongco"), ("wrong password", "quantri")):
                probe = Client(port, f"10.8.{i}.{len(label)}")
                probe.request("GET", "/login")
                t0 = time.perf_counter()
                probe.request("POST", "/login", {"username": name, "password": "sai-mat-khau"})
                timings[label].append(1000 * (time.perf_counter() - t0))
        print("log-in refusal, median ms: " + ", ".join(
            f"{label} {statistics.median(values):.0f}" for label, values in timings.items()))
        guesser = Client(port, "203.0.113.50")
        guesser.request("GET", "/login")
        refused_after = None
        for attempt in range(12):
            _status, body = guesser.request("POST", "/login", {"username": "quantri",
                                                                "password": f"doan-{attempt}"})
            if refused_after is None and "quá nhiều lần".encode() in body:
                refused_after = attempt + 1
        owner = Client(port, "192.0.2.7").login("quantri", TEST_PASSWORD)
        print(f"guesser slowed down after {refused_after} wrong passwords; the owner from "
              f"another address logs in: {owner == 302}")
        if args.import_rows:
            import_through_the_page(port, args.import_rows)
    finally:
        os.killpg(gunicorn.pid, signal.SIGTERM)
        gunicorn.wait(30)
        if server:
            server.stop()


if __name__ == "__main__":
    main()
