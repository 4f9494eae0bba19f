"""An Excel import of 100,000 rows in one file, from upload to committed, on the national data set.

    .venv/bin/python bench/imports.py --people 1000000 [--engine sqlite|postgresql] [--rows 100000]

The province's committee uploads one .xlsx of ``--rows`` new candidates (Vietnamese names, every
column of the template filled, spread over the 4,950 chi bộ by their codes) to a copy of the
data set of ``bench/dataset.py``, then drives the check and the commit as the import page's
script does (one request after another until each says it is done). It prints the whole time,
each phase's time and requests, and the longest request, next to a **floor**: the same rows
written by one multi-row INSERT in one transaction (the least any import must do), on the same
copy. The copy is thrown away afterwards, so the data set stays as built.
"""
from __future__ import annotations

import json
import random
import re
import shutil
import sqlite3
import sys
import time
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

from flask_babel import force_locale
from openpyxl import Workbook
from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import (  # noqa: E402
    BRANCHES,
    COMMITTEES,
    Names,
    arguments,
    bench_app,
    database,
    engine_name,
    signed_in,
)

from devparty_admin.extensions import db  # noqa: E402
from devparty_admin.imports.specs import SPECS  # noqa: E402
from devparty_admin.models import Candidate  # noqa: E402
from devparty_admin.models.people import name_columns  # noqa: E402


def workbook(rows: int) -> bytes:
    """The template's columns, every one filled: the sample's values, a name, a date of birth,
    a new CCCD and a chi bộ's code per row."""
    spec = SPECS["candidate"]
    names, rng = Names(7), random.Random(7)
    sample = {column.header: column.sample_text() for column in spec.columns}
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(spec.headers)
    for i in range(rows):
        name, gender = names()
        cells = {**sample, "Họ và tên": name, "Giới tính": "Nữ" if gender == "female" else "Nam",
                 "Ngày sinh": date(1985, 1, 1) + timedelta(days=rng.randrange(5000)),
                 "Số CCCD": f"3{i:011d}",
                 "Mã tổ chức đảng": f"B{rng.randrange(COMMITTEES) + 1:02d}-"
                                    f"{rng.randrange(BRANCHES) + 1:02d}"}
        sheet.append([cells[header] for header in spec.headers])
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def copy(url: str, people: int) -> tuple[str, callable]:
    """A copy of the data set to import into, and how to throw it away."""
    if url.startswith("sqlite"):
        source = make_url(url).database
        with sqlite3.connect(source) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        target = source.replace(".sqlite3", "-import.sqlite3")
        shutil.copyfile(source, target)
        return f"sqlite:///{target}", lambda: Path(target).unlink()
    source = make_url(url).database
    admin = create_engine(make_url(url).set(database="template1"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:  # a template must have no other session on it
        connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                "WHERE datname = :name"), {"name": source})
        connection.execute(text("DROP DATABASE IF EXISTS bench_import"))
        connection.execute(text(f"CREATE DATABASE bench_import TEMPLATE {source}"))

    def drop():
        with admin.connect() as connection:
            connection.execute(text("DROP DATABASE bench_import"))
    return make_url(url).set(database="bench_import").render_as_string(False), drop


def import_through_the_page(client, data: bytes) -> dict:
    """Upload, check and commit as the page does; seconds and requests of each phase."""
    spent = {}
    started = time.perf_counter()
    response = client.post("/admin/imports/upload/candidate",
                           data={"file": (BytesIO(data), "ds_quan_chung.xlsx")})
    assert response.status_code == 302 and "/job/" in response.location, response.location
    spent["upload"] = (time.perf_counter() - started, 1, time.perf_counter() - started)
    path = response.location
    for step in ("check", "commit"):
        phase, requests, longest = time.perf_counter(), 0, 0.0
        while True:
            t0 = time.perf_counter()
            answer = client.post(f"{path}/{step}", headers={"Accept": "application/json"})
            longest = max(longest, time.perf_counter() - t0)
            requests += 1
            assert answer.status_code == 200, answer.data[:300]
            if json.loads(answer.data)["done"]:
                break
        spent[step] = (time.perf_counter() - phase, requests, longest)
    page = client.get(path).get_data(as_text=True)
    spent["status"] = page.split('data-status="')[1].split('"')[0]
    if spent["status"] != "committed":
        raise SystemExit(f"not imported: {re.sub(r'<[^>]+>', ' ', page)[-3000:]}")
    spent["total"] = time.perf_counter() - started
    return spent


def floor(app, rows: int) -> float:
    """The same number of new candidates in one multi-row INSERT, one transaction, rolled back."""
    names, rng = Names(7), random.Random(7)
    values = []
    for i in range(rows):
        name, gender = names()
        values.append({**name_columns(name), "gender": gender, "stage": "source", "version": 1,
                       "organization_id": 2 + rng.randrange(COMMITTEES * BRANCHES),
                       "date_of_birth": date(1985, 1, 1) + timedelta(days=rng.randrange(5000)),
                       "national_id": f"4{i:011d}", "youth_union_member": False})
    with app.app_context():
        started = time.perf_counter()
        db.session.execute(insert(Candidate), values)
        db.session.flush()
        spent = time.perf_counter() - started
        db.session.rollback()
    return spent


def main() -> None:
    parser = arguments()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with database(args) as url:
        with bench_app(url).app_context(), force_locale("vi"):
            data = workbook(args.rows)  # the template's labels, as a Vietnamese user fills them
        target, drop = copy(url, args.people)
        try:
            app = bench_app(target)
            client = signed_in(app, "bench.province")
            spent = import_through_the_page(client, data)
            floor_seconds = floor(app, args.rows)
            with app.app_context():
                db.engine.dispose()
        finally:
            drop()
    print(f"\n{engine_name(url)}: {args.rows:,} rows, {len(data) / 1e6:.1f} MB file, "
          f"{spent['status']}\n")
    print("| phase | seconds | requests | longest request s |")
    print("|---|---|---|---|")
    for phase in ("upload", "check", "commit"):
        seconds, requests, longest = spent[phase]
        print(f"| {phase} | {seconds:.1f} | {requests} | {longest:.1f} |")
    print(f"| **upload to committed** | **{spent['total']:.1f}** | | |")
    print(f"| floor: one multi-row INSERT | {floor_seconds:.1f} | | |")


if __name__ == "__main__":
    main()
