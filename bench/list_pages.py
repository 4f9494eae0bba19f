"""Time the candidate list screens of one unit over a large synthetic subtree.

    .venv/bin/python bench/list_pages.py --candidates 1000000 [--database-url URL]

Builds (once, reused afterwards) a database with a province, 20 đảng bộ of 50 chi bộ each and
the requested number of candidates spread over them, then logs in as a committee user of one
đảng bộ and as an admin and times each page (median of --repeat runs) and counts its queries.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import event, func, insert, inspect, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devparty_admin import create_app  # noqa: E402
from devparty_admin.extensions import db  # noqa: E402
from devparty_admin.models import Candidate, Organization, StageEvent, User  # noqa: E402
from devparty_admin.models.people import name_columns  # noqa: E402

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Ngọc"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Đào", "Hà", "Khoa", "Lan", "Minh", "Nga", "Phúc", "Quân"]
PAGES = [
    ("list, page 1", "/admin/candidate/"),
    ("list, page 100", "/admin/candidate/?page=99"),
    ("search 'nguyen van'", "/admin/candidate/?search=nguyen+van"),
    ("search given name 'lan'", "/admin/candidate/?search=lan"),
    ("filter stage", "/admin/candidate/?flt0_stage=sympathizer"),
    ("filter year of birth", "/admin/candidate/?flt0_1=1995"),
    ("home dashboard", "/admin/"),
    ("plans list", "/admin/plan/"),
    *((f"report {name}", f"/admin/reports/{name}?start=01/01/2015&end=31/12/2026")
      for name in ("admissions", "funnel", "members", "new_members", "plan", "inactive")),
    ("report admissions .xlsx", "/admin/reports/admissions.xlsx?start=01/01/2015&end=31/12/2026"),
    ("candidate list .xlsx, stage official", "/admin/candidate/export/xlsx/?flt0_stage=official"),
]
PASSWORD = "bench-password"


def build(candidates: int) -> None:
    if inspect(db.engine).has_table("stage_event") and \
            db.session.scalar(select(func.count()).select_from(Candidate)) >= candidates and \
            db.session.scalar(select(func.count()).select_from(StageEvent)):
        return
    print(f"building {candidates} candidates …", flush=True)
    db.drop_all()
    with db.engine.begin() as connection:
        connection.execute(db.text("DROP TABLE IF EXISTS alembic_version"))
    upgrade(revision="heads")
    province = Organization(name="Đảng bộ tỉnh", level="Đảng bộ tỉnh")
    db.session.add(province)
    branches = []
    for d in range(20):
        committee = Organization(name=f"Đảng bộ số {d}", level="Đảng bộ cơ sở", parent=province)
        db.session.add(committee)
        branches += [Organization(name=f"Chi bộ {d}-{b}", level="Chi bộ", parent=committee)
                     for b in range(50)]
    db.session.add_all(branches)
    db.session.flush()
    for role, unit in (("admin", None), ("committee", branches[0].parent)):
        user = User(username=f"bench.{role}", display_name=role, role=role, organization=unit)
        user.set_password(PASSWORD)
        db.session.add(user)
    db.session.commit()
    now = datetime.now(timezone.utc)
    stages = ["source", "sympathizer", "trained", "dossier", "proposed", "official"]
    rows = []
    for i in range(candidates):
        rows.append({
            **name_columns(f"{FAMILY[i % 10]} {MIDDLE[i % 6]} {GIVEN[(i // 7) % 12]}"),
            "national_id": f"{i:012d}", "organization_id": branches[i % len(branches)].id,
            "date_of_birth": date(1975 + i % 30, 1 + i % 12, 1 + i % 28), "gender": "male",
            "stage": stages[i % 6], "version": 1, "created_at": now, "updated_at": now,
            "youth_union_member": False,
        })
        if len(rows) == 20_000:
            db.session.execute(insert(Candidate), rows)
            rows = []
    if rows:
        db.session.execute(insert(Candidate), rows)
    db.session.commit()
    # Every official member of the synthetic data was admitted in one of the years 2015–2026.
    official = db.session.scalars(select(Candidate.id).where(Candidate.stage == "official")).all()
    for start in range(0, len(official), 20_000):
        db.session.execute(insert(StageEvent), [{
            "candidate_id": pk, "from_stage": "proposed", "to_stage": "admitted", "at": now,
            "effective_on": date(2015 + pk % 12, 1 + pk % 12, 1 + pk % 28)}
            for pk in official[start:start + 20_000]])
    db.session.commit()
    db.session.execute(db.text("ANALYZE"))
    db.session.commit()


def measure(app, username: str, repeat: int) -> None:
    client = app.test_client()
    client.post("/login", data={"username": username, "password": PASSWORD})
    statements: list[str] = []
    with app.app_context():
        engine = db.engine
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    print(f"\n{username}")
    print(f"{'page':<48}{'median ms':>10}{'queries':>9}")
    for label, url in PAGES:
        timings = []
        for _ in range(repeat):
            statements.clear()
            start = time.perf_counter()
            response = client.get(url)
            response.get_data()  # a streamed export is produced while it is read
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(f"{label:<48}{statistics.median(timings):>10.1f}{len(statements):>9}")
    event.remove(engine, "before_cursor_execute", listener)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path('instance').resolve()}/bench-{args.candidates}.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "WTF_CSRF_ENABLED": False})
    with app.app_context():
        build(args.candidates)
    print(f"database: {url.split('@')[-1]}")
    measure(app, "bench.committee", args.repeat)
    measure(app, "bench.admin", args.repeat)


if __name__ == "__main__":
    main()
