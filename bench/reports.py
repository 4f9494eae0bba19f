"""Every report at national scale, for the province's committee and a chi bộ's, in one run.

    .venv/bin/python bench/reports.py --people 1000000 [--engine sqlite|postgresql] [--repeat 3]

On the data set of ``bench/dataset.py``, each report of the catalog is requested for the period
2015–2026 (the data set's), round after round, and the median of the rounds after the first is
printed with the SQL statements it ran. Reports have no peers yet: the goal of a single grouped
query per report is stated in bench/README.md against these figures.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import arguments, bench_app, database, signed_in  # noqa: E402

from devparty_admin.extensions import db  # noqa: E402
from devparty_admin.reports.catalog import available_reports  # noqa: E402

PERIOD = "start=01/01/2015&end=31/12/2026"


def main() -> None:
    args = arguments(repeat=3).parse_args()
    with database(args) as url:
        app = bench_app(url)
        with app.app_context():
            codes = [report.name for report in available_reports(None)]
            engine = db.engine
        statements: list[str] = []
        event.listen(engine, "before_cursor_execute", lambda *rest: statements.append(rest[2]))
        print(f"\n{engine.dialect.name}: median ms of {args.repeat} rounds after the first\n")
        print("| report | province | chi bộ | statements (province / chi bộ) |")
        print("|---|---|---|---|")
        results: dict[str, list] = {code: [] for code in codes}
        for username in ("bench.province", "bench.branch"):
            client = signed_in(app, username)
            times = {code: [] for code in codes}
            counted = {}
            for round_number in range(args.repeat + 1):
                for code in codes:
                    statements.clear()
                    started = time.perf_counter()
                    response = client.get(f"/admin/reports/{code}?{PERIOD}")
                    response.get_data()
                    assert response.status_code == 200, code
                    if round_number:
                        times[code].append((time.perf_counter() - started) * 1000)
                    counted[code] = len(statements)
            for code in codes:
                results[code].append((statistics.median(times[code]), counted[code]))
        for code, ((province, p_count), (branch, b_count)) in results.items():
            print(f"| {code} | {province:,.0f} | {branch:,.0f} | {p_count} / {b_count} |")


if __name__ == "__main__":
    main()
