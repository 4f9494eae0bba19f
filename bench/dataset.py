"""The national-scale data set the benchmarks run on, built with bulk statements.

    .venv/bin/python bench/dataset.py --people 1000000 [--engine postgresql | --database-url URL]

A province (the root) with 50 đảng bộ cơ sở of 99 chi bộ each (5,001 units), ``--people``
candidates and as many members spread evenly over the chi bộ (about 200 of each per chi bộ),
Vietnamese names drawn with the frequencies of family names, a stage for every candidate and
the stage event that entered it (about 40 % of them), and the benchmark's logins: an
administrator, the province's committee and one chi bộ's committee. Rows are written with
explicit ids in batches of multi-row INSERTs, never through the ORM one by one; the folded
names and name words are computed as the product computes them. ``ANALYZE`` (PostgreSQL:
``VACUUM ANALYZE``) ends the build.

The database is reused when it already holds the requested number of people.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import func, insert, inspect, select, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devparty_admin import create_app  # noqa: E402
from devparty_admin.extensions import db  # noqa: E402
from devparty_admin.models import (  # noqa: E402
    Candidate,
    Member,
    Organization,
    StageEvent,
    User,
)
from devparty_admin.models.people import (  # noqa: E402
    CandidateNameWord,
    MemberNameWord,
    name_columns,
    name_word_rows,
)
from devparty_admin.workflow.alert_dates import refresh as refresh_alert_dates  # noqa: E402

PASSWORD = "bench-password"
COMMITTEES, BRANCHES = 50, 99
BATCH = 20_000
# Family names with their share of the population (the rest spread over the last ones).
FAMILY = {"Nguyễn": 38, "Trần": 11, "Lê": 9.5, "Phạm": 7, "Hoàng": 5, "Huỳnh": 4, "Phan": 4.5,
          "Vũ": 3.9, "Võ": 3, "Đặng": 2.1, "Bùi": 2, "Đỗ": 1.4, "Hồ": 1.3, "Ngô": 1.3,
          "Dương": 1, "Lý": 0.5, "Đinh": 0.5, "Lương": 0.4, "Triệu": 0.2, "Hà": 0.4,
          "Đoàn": 0.4, "Trịnh": 0.4, "Lâm": 0.3, "Mai": 0.3, "Tạ": 0.2}
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Thành", "Xuân", "Công", "Tiến", "Ngọc",
               "Quang", "Anh", "Duy", "Mạnh", "Trọng"]
MIDDLE_FEMALE = ["Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Phương", "Mai", "Kim", "Thùy", "Bích",
                 "Hải", "Diệu", "Khánh", "Minh", "Lan"]
GIVEN_MALE = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Khánh", "Kiên",
              "Long", "Mạnh", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Trung", "Tuấn", "Việt",
              "Hoàng", "Huy", "Khoa", "Lâm", "Lộc", "Nghĩa", "Phúc", "Tâm", "Thái", "Vinh"]
GIVEN_FEMALE = ["Anh", "Ánh", "Chi", "Dung", "Giang", "Hà", "Hằng", "Hoa", "Hương", "Lan",
                "Linh", "Mai", "Ngân", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang",
                "Yến", "Hồng", "Huyền", "Loan", "Nga", "Nhi", "Thủy", "Trinh", "Uyên", "Vân", "Xuân"]
# Stage of the candidates (shares of 100) and whether entering it left an event.
STAGES = [("source", 45, False), ("sympathizer", 15, False), ("trained", 12, True),
          ("dossier", 8, True), ("proposed", 4, True), ("admitted", 1, True),
          ("probationary", 5, True), ("official", 8, True), ("dropped", 2, True)]
USERS = (("bench.admin", "admin", None), ("bench.province", "committee", "root"),
         ("bench.branch", "committee", "branch"))


class Names:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.families = list(FAMILY)
        self.weights = list(FAMILY.values())

    def __call__(self) -> tuple[str, str]:
        female = self.rng.random() < 0.45
        name = " ".join([self.rng.choices(self.families, self.weights)[0],
                         self.rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE),
                         self.rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)])
        return name, "female" if female else "male"


def _tree() -> tuple[int, list[tuple[int, str]]]:
    """The units, with explicit ids; returns the root's id and the chi bộ (id, path)."""
    rows, branches, serial = [], [], 1
    root_path = f"/{serial:07d}/"
    rows.append({"id": serial, "name": "Đảng bộ tỉnh (dữ liệu đo)", "level": "Đảng bộ tỉnh",
                 "path": root_path, "name_folded": "dang bo tinh (du lieu do)"})
    for c in range(COMMITTEES):
        serial += 1
        committee, committee_path = serial, f"{root_path}{serial:07d}/"
        rows.append({"id": committee, "name": f"Đảng bộ cơ sở số {c + 1}", "parent_id": 1,
                     "level": "Đảng bộ cơ sở", "path": committee_path,
                     "name_folded": f"dang bo co so so {c + 1}", "code": f"B{c + 1:02d}"})
        for b in range(BRANCHES):
            serial += 1
            path = f"{committee_path}{serial:07d}/"
            rows.append({"id": serial, "name": f"Chi bộ {c + 1}.{b + 1}", "parent_id": committee,
                         "level": "Chi bộ", "path": path, "name_folded": f"chi bo {c + 1}.{b + 1}",
                         "code": f"B{c + 1:02d}-{b + 1:02d}"})
            branches.append((serial, path))
    for row in rows:
        row.setdefault("code", None)
        row.setdefault("parent_id", None)
        row.update(active=True, decides_admission=False, grassroots=row["level"] != "Chi bộ")
    db.session.execute(insert(Organization), rows)
    return 1, branches


def _people(model, word_model, count: int, branches, names: Names, start: int) -> list:
    """``count`` people of ``model`` over ``branches``; returns (id, stage, unit, path) of the
    candidates, for their events."""
    now = datetime.now(timezone.utc)
    stages = [stage for stage, share, _event in STAGES for _ in range(int(share))]
    people, words, entered = [], [], []
    for i in range(count):
        pk = start + i
        unit, path = branches[i % len(branches)]
        name, gender = names()
        row = {"id": pk, **name_columns(name), "gender": gender, "organization_id": unit,
               "date_of_birth": date(1970, 1, 1) + timedelta(days=names.rng.randrange(12_000)),
               "national_id": f"{(2 if model is Member else 1)}{pk:011d}",
               "created_at": now, "updated_at": now}
        if model is Candidate:
            stage = stages[names.rng.randrange(len(stages))]
            row.update(stage=stage, version=1, youth_union_member=True, ethnicity="Kinh")
            entered.append((pk, stage, unit, path))
        else:
            admitted = date(1990, 1, 1) + timedelta(days=names.rng.randrange(12_500))
            row.update(status="official", admission_date=admitted,
                       ceremony_date=admitted + timedelta(days=14),
                       official_date=admitted + timedelta(days=380))
        people.append(row)
        words += name_word_rows(pk, name)
        if len(people) == BATCH:
            _flush(model, word_model, people, words)
    _flush(model, word_model, people, words)
    return entered


def _flush(model, word_model, people: list, words: list) -> None:
    if people:
        db.session.execute(insert(model), people)
        db.session.execute(insert(word_model), words)
        db.session.commit()
        people.clear()
        words.clear()


def _events(entered: list, rng: random.Random) -> int:
    """The stage event that entered each candidate's stage, stamped with where it happened."""
    eventful = {stage for stage, _share, event in STAGES if event}
    previous = {stage: STAGES[i - 1][0] for i, (stage, _s, _e) in enumerate(STAGES) if i}
    now, rows, written = datetime.now(timezone.utc), [], 0
    for pk, stage, unit, path in entered:
        if stage not in eventful:
            continue
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(4_300))
        rows.append({"candidate_id": pk, "from_stage": previous[stage], "to_stage": stage,
                     "effective_on": day, "at": now, "organization_id": unit, "unit_path": path})
        if len(rows) == BATCH:
            db.session.execute(insert(StageEvent), rows)
            db.session.commit()
            written += len(rows)
            rows.clear()
    if rows:
        db.session.execute(insert(StageEvent), rows)
        db.session.commit()
        written += len(rows)
    return written


def _users(root: int, branch: int) -> None:
    for username, role, home in USERS:
        unit = {"root": root, "branch": branch}.get(home)
        user = User(username=username, display_name=username, role=role, organization_id=unit)
        user.set_password(PASSWORD)
        db.session.add(user)
    db.session.commit()


def build(people: int) -> None:
    """Build the data set unless the database already holds it (then only the migrations it
    has not had yet are run)."""
    if inspect(db.engine).has_table("candidate") and db.session.scalar(
            select(func.count()).select_from(Candidate)) == people:
        db.session.rollback()
        upgrade(revision="heads")
        return
    started = time.perf_counter()
    print(f"building {people:,} candidates and {people:,} members …", flush=True)
    db.drop_all()
    with db.engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    upgrade(revision="heads")
    root, branches = _tree()
    db.session.commit()
    names = Names(2026)
    entered = _people(Candidate, CandidateNameWord, people, branches, names, start=1)
    _people(Member, MemberNameWord, people, branches, names, start=1)
    events = _events(entered, names.rng)
    # The events went in around the ORM. Planned without statistics, PostgreSQL scanned every
    # step for each candidate's date (still running after 12 minutes); with them, minutes.
    db.session.execute(text("ANALYZE"))
    refresh_alert_dates(db.session.connection())
    db.session.commit()
    _users(root, branches[0][0])
    if db.engine.dialect.name == "postgresql":
        for table in ("organization", "candidate", "member", "candidate_name_word",
                      "member_name_word", "stage_event", "user_account"):
            db.session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                    f"(SELECT max(id) FROM {table}))"))
        db.session.commit()
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        # PostgreSQL: VACUUM too, as autovacuum would have by now on a live database, so that
        # index-only scans (a deep page's ids) need not visit the table.
        connection.execute(text("VACUUM ANALYZE" if db.engine.dialect.name == "postgresql"
                                else "ANALYZE"))
    print(f"built in {time.perf_counter() - started:.0f} s: {len(branches) + COMMITTEES + 1:,} "
          f"units, {events:,} stage events", flush=True)


def database_url(people: int, url: str | None) -> str:
    return url or f"sqlite:///{Path('instance').resolve()}/bench-national-{people}.sqlite3"


def arguments(engine: str = "sqlite", repeat: int | None = None) -> argparse.ArgumentParser:
    """The options of every benchmark on this data set, ``--repeat`` for those that time rounds
    (each adds its own)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default=engine)
    parser.add_argument("--database-url", default=None)
    if repeat is not None:
        parser.add_argument("--repeat", type=int, default=repeat)
    return parser


@contextmanager
def database(args) -> Iterator[str]:
    """The URL of the data set, built first if missing: ``--database-url``, else a throwaway
    PostgreSQL server (``--engine postgresql``, stopped afterwards) or the SQLite file under
    ``instance/``."""
    server = None
    url = args.database_url
    if url is None and args.engine == "postgresql":
        from devparty_admin.testing.postgres import TemporaryPostgres
        server = TemporaryPostgres()
        url = server.start()
    url = database_url(args.people, url)
    try:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            build(args.people)
            db.engine.dispose()
        yield url
    finally:
        if server is not None:
            server.stop()


def engine_name(url: str) -> str:
    """The engine a benchmark ran on, from its URL (``--database-url`` may name PostgreSQL
    while ``--engine`` keeps its default)."""
    return make_url(url).get_backend_name()


def bench_app(url: str):
    """The product on ``url`` as the benchmarks drive it (forms posted without a CSRF token)."""
    return create_app({"SQLALCHEMY_DATABASE_URI": url, "WTF_CSRF_ENABLED": False})


def signed_in(app, username: str):
    """A test client logged in as one of the data set's users."""
    client = app.test_client()
    response = client.post("/login", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302, username
    return client


def main() -> None:
    with database(arguments().parse_args()) as url:
        print(f"data set ready: {url}")


if __name__ == "__main__":
    main()
