"""List pages under load: 4 gunicorn workers, wrk on loopback, a chi bộ's and a province's user.

    .venv/bin/python bench/load.py --engine postgresql [--seconds 20] [--connections 8]
    .venv/bin/python bench/load.py --database-url postgresql+psycopg://…   # a server kept for runs

Needs ``wrk`` (Debian: ``apt-get install wrk``). On the data set of ``bench/dataset.py``,
gunicorn serves the product with ``deploy/gunicorn.conf.py`` (its access log included) and the
peers of ``bench/pages.py``; for each user, wrk sends ``--connections`` concurrent clients for
``--seconds`` at a round of pages, in three versions run one after another: the product's list
screen, the floor (one indexed query and a plain template) and Flask-Admin's default ModelView.
The round is the list's page 1 and 2, a search for a family-and-middle name, for a given name
and for a full name, and a stage filter (the floor and the default serve the first four).
It prints pages per second, the median and 95th-percentile latency, and non-2xx answers.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from dataset import PASSWORD, arguments, database, engine_name  # noqa: E402
from soak import Client  # noqa: E402

from devparty_admin import create_app  # noqa: E402
from devparty_admin.extensions import db  # noqa: E402
from devparty_admin.models import User  # noqa: E402
from devparty_admin.testing.postgres import _free_port  # noqa: E402

SEARCHES = ["", "page=1", "search=nguyen+van", "search=lan", "search=tran+thi+hong"]
ROUNDS = {
    "product": [f"/admin/candidate/?{q}" for q in SEARCHES] + ["/admin/candidate/?flt0_stage=trained"],
    "floor": [f"/bench/floor?{{scope}}{q}" for q in SEARCHES],
    "default": [f"/bench/default/?{{scope}}{q}" for q in SEARCHES],
}
SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%d %%.1f %%.1f\\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
"""


def start_gunicorn(url: str, workers: int, folder: Path) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    env = {**os.environ, "DEVPARTY_DATABASE_URL": url, "DEVPARTY_SECRET_KEY": "bench-load",
           "DEVPARTY_UPLOAD_DIR": str(folder / "uploads"), "DEVPARTY_BIND": f"127.0.0.1:{port}",
           "DEVPARTY_WORKERS": str(workers)}
    process = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "--config", str(ROOT / "deploy/gunicorn.conf.py"),
         "--pythonpath", f"{ROOT / 'bench'},{ROOT}", "serve:app"], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=open(folder / "gunicorn.log", "w"),
        start_new_session=True)
    for _ in range(240):
        try:
            if Client(port).request("GET", "/healthz")[0] == 200:
                return process, port
        except OSError:
            time.sleep(0.5)
    if process.poll() is None:  # up but never healthy (a schema it does not know): stopped
        os.killpg(process.pid, signal.SIGTERM)
        process.wait()
    raise SystemExit(f"gunicorn did not start; see {folder / 'gunicorn.log'}")


def hammer(port: int, cookies: str, paths: list[str], seconds: int, connections: int,
           folder: Path) -> tuple[float, float, float, int]:
    """(pages per second, median ms, p95 ms, non-2xx or failed) of wrk's run over ``paths``."""
    script = folder / "round.lua"
    script.write_text(SCRIPT % ", ".join(f'"{path}"' for path in paths))
    output = subprocess.run(
        ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
         "-H", f"Cookie: {cookies}", "-s", str(script), f"http://127.0.0.1:{port}"],
        capture_output=True, text=True, check=True).stdout
    requests, failed, duration, median, p95 = re.search(
        r"RESULT (\d+) (\d+) (\d+) ([\d.]+) ([\d.]+)", output).groups()
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return (int(requests) / (int(duration) / 1e6), float(median), float(p95),
            int(failed) + (int(non_2xx.group(1)) if non_2xx else 0))


def main() -> None:
    parser = arguments(engine="postgresql")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="devparty-load-"))
    with database(args) as url:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            branch = db.session.scalar(db.select(User.organization_id)
                                       .where(User.username == "bench.branch"))
            db.engine.dispose()
        gunicorn, port = start_gunicorn(url, args.workers, folder)
        try:
            print(f"\n{engine_name(url)}: {args.workers} gunicorn workers, wrk {args.connections} "
                  f"connections × {args.seconds} s per line\n")
            print("| user | pages | pages/s | median ms | p95 ms | errors |")
            print("|---|---|---|---|---|---|")
            for username, unit in (("bench.branch", branch), ("bench.province", None)):
                client = Client(port)
                assert client.login(username, PASSWORD) == 302
                cookies = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
                scope = f"unit={unit}&" if unit is not None else ""
                for version, paths in ROUNDS.items():
                    paths = [path.replace("{scope}", scope) for path in paths]
                    rate, median, p95, errors = hammer(port, cookies, paths, args.seconds,
                                                       args.connections, folder)
                    print(f"| {username} | {version} | {rate:,.0f} | {median:,.0f} | "
                          f"{p95:,.0f} | {errors} |", flush=True)
        finally:
            os.killpg(gunicorn.pid, signal.SIGTERM)


if __name__ == "__main__":
    main()
