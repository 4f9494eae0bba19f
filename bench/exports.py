"""A list download of more than 100,000 rows, side by side with its peers, in one interleaved run.

    .venv/bin/python bench/exports.py --people 1000000 [--engine sqlite|postgresql] [--repeat 3]

On the data set of ``bench/dataset.py``, the province's committee downloads the candidates at
the stage "trained" (120,372 of the million) in three versions:

- **product**: the list's .xlsx and .csv downloads (``/admin/candidate/export/…/?flt0_stage=``);
- **floor**: one query for the same rows (the candidate's own columns and its unit's name, in
  name order) written by the standard library's ``csv`` module as they are read;
- **default**: Flask-Admin's default ``ModelView`` download (CSV, streamed row by row).

For each it prints the median time to the first byte and to the last, the bytes, and the most
the process grew during one download (resident memory sampled every 20 ms).
"""
from __future__ import annotations

import csv
import io
import os
import statistics
import sys
import threading
import time
from pathlib import Path

from flask import Response, request, stream_with_context
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import arguments, bench_app, database, engine_name, signed_in  # noqa: E402
from pages import peers  # noqa: E402

from devparty_admin.extensions import db  # noqa: E402
from devparty_admin.models import Candidate, Organization  # noqa: E402

STAGE = "trained"
PAGE = os.sysconf("SC_PAGE_SIZE")


def floor_export():
    """The rows in name order, written by ``csv`` as the cursor yields them."""
    query = (select(Candidate, Organization.name)
             .join(Organization, Organization.id == Candidate.organization_id)
             .where(Candidate.stage == request.args["stage"]).order_by(Candidate.sort_key)
             .execution_options(yield_per=1000))
    columns = [c.key for c in Candidate.__table__.columns]

    def chunks():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for number, (candidate, unit) in enumerate(db.session.execute(query), start=1):
            writer.writerow([getattr(candidate, c) for c in columns] + [unit])
            if number % 500 == 0:
                yield buffer.getvalue().encode()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue().encode()
    return Response(stream_with_context(chunks()), mimetype="text/csv")


def _resident() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE


def download(client, url: str) -> tuple[float, float, int, int]:
    """(seconds to the first byte, to the last, bytes, growth of resident memory)."""
    before, peak, running = _resident(), [0], [True]

    def sample():
        while running[0]:
            peak[0] = max(peak[0], _resident())
            time.sleep(0.02)
    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.perf_counter()
    response = client.get(url, buffered=False)
    pieces = iter(response.response)
    size = len(next(pieces))
    first = time.perf_counter() - started
    size += sum(len(piece) for piece in pieces)
    total = time.perf_counter() - started
    response.close()
    running[0] = False
    sampler.join()
    assert response.status_code == 200, url
    return first, total, size, max(0, peak[0] - before)


VERSIONS = {
    "product .xlsx": f"/admin/candidate/export/xlsx/?flt0_stage={STAGE}",
    "product .csv": f"/admin/candidate/export/csv/?flt0_stage={STAGE}",
    "floor .csv": f"/bench/floor/export?stage={STAGE}",
    "default ModelView .csv": f"/bench/default/export/csv/?stage={STAGE}",
}


def main() -> None:
    args = arguments(repeat=3).parse_args()
    with database(args) as url:
        app = bench_app(url)
        with app.app_context():
            rows = db.session.query(Candidate).filter(Candidate.stage == STAGE).count()
        peers(app)
        app.add_url_rule("/bench/floor/export", "bench_floor_export", floor_export)
        client = signed_in(app, "bench.province")
        results: dict[str, list] = {name: [] for name in VERSIONS}
        for _round in range(args.repeat):
            for name, address in VERSIONS.items():
                results[name].append(download(client, address))
        print(f"\n{engine_name(url)}: {rows:,} rows, median of {args.repeat} downloads "
              "(memory: the largest growth)\n")
        print("| download | first byte s | all s | MB | memory growth MiB |")
        print("|---|---|---|---|---|")
        for name, runs in results.items():
            first, total, size = (statistics.median(r[i] for r in runs) for i in range(3))
            grown = max(r[3] for r in runs)  # the first download's growth counts
            print(f"| {name} | {first:.2f} | {total:.1f} | {size / 1e6:.1f} | "
                  f"{grown / 2**20:.0f} |")


if __name__ == "__main__":
    main()
