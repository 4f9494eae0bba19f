"""Every report at national scale, for the province's committee and a chi bộ's, in one run.

    .venv/bin/python bench/reports.py --people 1000000 [--engine sqlite|postgresql] [--repeat 3]

On the data set of ``bench/dataset.py``, each report of the catalog is requested for the period
2015–2026 (the data set's), round after round, next to its **floor** (``bench/report_floors.py``:
the same figures from hand-written grouped queries, written by a plain template), and the
median of the rounds after the first is printed with the product's ratio to the floor and the
SQL statements the product ran.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import arguments, bench_app, database, engine_name, signed_in  # noqa: E402
from report_floors import FLOORS, add_floors  # noqa: E402

from devparty_admin.extensions import db  # noqa: E402
from devparty_admin.models import User  # noqa: E402
from devparty_admin.reports.catalog import available_reports  # noqa: E402

PERIOD = "start=01/01/2015&end=31/12/2026"
FLOOR_PERIOD = "start=2015-01-01&end=2026-12-31"


def _timed(client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    response.get_data()
    assert response.status_code == 200, url
    return (time.perf_counter() - started) * 1000


def main() -> None:
    args = arguments(repeat=3).parse_args()
    with database(args) as url:
        app = bench_app(url)
        add_floors(app)
        with app.app_context():
            codes = [report.name for report in available_reports(None)]
            units = {user.username: user.organization_id for user in db.session.query(User)}
            engine = db.engine
        statements: list[str] = []
        event.listen(engine, "before_cursor_execute", lambda *rest: statements.append(rest[2]))
        print(f"\n{engine_name(url)}: median ms of {args.repeat} rounds after the first\n")
        print("| user | report | product | floor | product ÷ floor | statements |")
        print("|---|---|---|---|---|---|")
        for username in ("bench.province", "bench.branch"):
            client = signed_in(app, username)
            times = {(code, kind): [] for code in codes for kind in ("product", "floor")}
            counted = {}
            for round_number in range(args.repeat + 1):
                for code in codes:
                    statements.clear()
                    spent = {"product": _timed(client, f"/admin/reports/{code}?{PERIOD}")}
                    counted[code] = len(statements)
                    if code in FLOORS:
                        spent["floor"] = _timed(client, f"/bench/floor/report/{code}?"
                                                f"unit={units[username]}&{FLOOR_PERIOD}")
                    if round_number:
                        for kind, ms in spent.items():
                            times[code, kind].append(ms)
            for code in codes:
                product = statistics.median(times[code, "product"])
                if times[code, "floor"]:
                    floor = statistics.median(times[code, "floor"])
                    versus = f"{floor:,.0f} | {product / floor:,.1f}×"
                else:
                    versus = "– | –"
                print(f"| {username} | {code} | {product:,.0f} | {versus} | {counted[code]} |")


if __name__ == "__main__":
    main()
