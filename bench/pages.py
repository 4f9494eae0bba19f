"""Candidate list pages at national scale, side by side with their peers, in one interleaved run.

    .venv/bin/python bench/pages.py --people 1000000 [--engine sqlite|postgresql] [--repeat 7]

On the data set of ``bench/dataset.py`` (built first when missing; PostgreSQL: a throwaway
server, or ``--database-url``), each page is requested, round after round, in three versions:

- **product**: the screen users get (``/admin/candidate/``), logged in as the province's committee
  (every row) and as one chi bộ's committee (about 200 rows);
- **floor**: one indexed query for the same 50 rows, rendered by a plain Jinja template;
- **default**: Flask-Admin's default ``ModelView`` over the same table (50 rows a page, searching
  ``full_name``), limited to the same units.

The dashboard (``/admin/``) is timed against two floors: one grouped query counting the unit's
candidates by stage, and its figures with one grouped query per table (``dashboard, floor
with its figures``: the stages with the alerts counted in the same pass, the members, the
year's steps by month), which is what the issue's goal compares with.

It prints each page's median, the product's ratio to the floor, the default's time over the
product's, and the SQL statements the product ran for the page.
"""
from __future__ import annotations

import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from flask import request
from flask_admin.contrib.sqla import ModelView
from sqlalchemy import and_, event, extract, func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import arguments, bench_app, database, engine_name, signed_in  # noqa: E402
from floor_template import render_floor  # noqa: E402

from devparty_admin.extensions import db  # noqa: E402
from devparty_admin.models import Candidate, Member, Organization, StageEvent, User  # noqa: E402
from devparty_admin.models.organizations import subtree_condition  # noqa: E402
from devparty_admin.vietnamese import fold, prefix_upper_bound  # noqa: E402

PAGE_SIZE = 50
PAGES = [("list, page 1", ""), ("list, page 1000", "page=999"),
         ("search “nguyen thi hong”", "search=nguyen+thi+hong"), ("search “lan”", "search=lan"),
         ("search “tran van”", "search=tran+van"), ("dashboard", "dashboard"),
         ("dashboard, floor with its figures", "dashboard-figures")]
FLOOR = """<table>{% for c, unit in rows %}<tr><td>{{ c.full_name }}</td>
<td>{{ c.date_of_birth.strftime('%d/%m/%Y') if c.date_of_birth }}</td><td>{{ c.stage }}</td>
<td>{{ unit }}</td></tr>{% endfor %}</table>"""


def _unit_condition(unit_id: int | None, column=Candidate.organization_id):
    if unit_id is None:
        return None
    unit = db.session.get(Organization, unit_id)
    return column.in_(select(Organization.id).where(subtree_condition(unit.path)))


def floor():
    """One indexed query for the rows the product shows (name order, 50 a page)."""
    query = (select(Candidate, Organization.name)
             .join(Organization, Organization.id == Candidate.organization_id)
             .order_by(Candidate.sort_key).limit(PAGE_SIZE)
             .offset(PAGE_SIZE * int(request.args.get("page", 0))))
    unit = request.args.get("unit", type=int)
    if unit is not None:
        query = query.where(Candidate.organization_id == unit)
    term = fold(request.args.get("search", ""))
    if term:
        column = Candidate.name_folded if " " in term else Candidate.given_folded
        query = query.where(column >= term, column < prefix_upper_bound(term))
    return render_floor(FLOOR, rows=db.session.execute(query).all())


def floor_dashboard():
    """The dashboard's floor: the candidates of the unit counted by stage, one GROUP BY."""
    query = select(Candidate.stage, func.count()).group_by(Candidate.stage)
    condition = _unit_condition(request.args.get("unit", type=int))
    if condition is not None:
        query = query.where(condition)
    return render_floor("{% for stage, n in rows %}{{ stage }} {{ n }} {% endfor %}",
                                  rows=db.session.execute(query).all())


def floor_dashboard_figures():
    """The dashboard's figures with one grouped query per table: the unit's candidates by
    stage with each kind of alert counted in the same pass (from the dates kept on the row;
    fixed cut-off days stand in for the product's, the comparisons are the same), its
    members, and this year's steps into "sympathizer" and "admitted" by month (the chart and
    the plan's figures)."""
    unit = request.args.get("unit", type=int)
    today = date.today()
    entered, issued, stage = Candidate.stage_entered_on, Candidate.certified_on, Candidate.stage
    overdue = entered <= today - timedelta(days=400)
    alerts = [and_(stage == "proposed", entered.is_not(None)),
              and_(stage == "admitted", entered.is_not(None)),
              and_(stage == "probationary", overdue),
              and_(stage == "probationary", ~overdue, entered <= today - timedelta(days=335)),
              and_(stage.in_(("sympathizer", "trained", "dossier")),
                   issued <= today - timedelta(days=150))]
    candidates = select(stage, func.count(), *(func.count().filter(a) for a in alerts))
    members = select(func.count()).select_from(Member)
    month = extract("month", StageEvent.effective_on)
    steps = select(StageEvent.to_stage, month, func.count()).where(
        StageEvent.to_stage.in_(("sympathizer", "admitted")),
        StageEvent.effective_on.between(date(today.year, 1, 1), date(today.year, 12, 31)))
    if unit is not None:
        candidates = candidates.where(_unit_condition(unit))
        members = members.where(_unit_condition(unit, Member.organization_id))
        steps = steps.where(_unit_condition(unit, StageEvent.organization_id))
    figures = [*db.session.execute(candidates.group_by(stage)),
               *db.session.execute(members), *db.session.execute(
                   steps.group_by(StageEvent.to_stage, month))]
    return render_floor("{% for row in rows %}{{ row|join(' ') }} {% endfor %}",
                                  rows=figures)


class DefaultView(ModelView):
    """Flask-Admin's defaults, limited to the unit in ``?unit=`` like the product's scope."""

    page_size = PAGE_SIZE
    column_searchable_list = ["full_name"]

    can_export = True  # Flask-Admin's own CSV download, streamed row by row

    def _scoped(self, query):
        condition = _unit_condition(request.args.get("unit", type=int))
        if request.args.get("stage"):  # the download benchmark's filter (bench/exports.py)
            query = query.filter(Candidate.stage == request.args["stage"])
        return query if condition is None else query.filter(condition)

    def get_query(self):
        return self._scoped(super().get_query())

    def get_count_query(self):
        return self._scoped(super().get_count_query())


def peers(app) -> None:
    app.add_url_rule("/bench/floor", "bench_floor", floor)
    app.add_url_rule("/bench/floor/dashboard", "bench_floor_dashboard", floor_dashboard)
    app.add_url_rule("/bench/floor/dashboard-figures", "bench_floor_dashboard_figures",
                     floor_dashboard_figures)
    admin = app.extensions["admin"][0]
    with app.app_context():
        admin.add_view(DefaultView(Candidate, db.session, endpoint="bench_default",
                                   url="/bench/default"))


def _variants(unit: int | None, query: str) -> dict[str, str]:
    """The page's three versions (the dashboard has no default ModelView)."""
    scope = f"unit={unit}&" if unit is not None else ""
    if query.startswith("dashboard"):
        return {"product": "/admin/", "floor": f"/bench/floor/{query}?{scope}"}
    return {"product": f"/admin/candidate/?{query}", "floor": f"/bench/floor?{scope}{query}",
            "default": f"/bench/default/?{scope}{query}"}


def run(app, repeat: int) -> list[tuple]:
    with app.app_context():
        users = {u.username: u for u in db.session.scalars(select(User))}
        branch = users["bench.branch"].organization_id
    statements: list[str] = []
    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    results = []
    for username, unit in (("bench.province", None), ("bench.branch", branch)):
        client = signed_in(app, username)
        times = {(label, variant): [] for label, _q in PAGES for variant in ("product", "floor",
                                                                           "default")}
        counted = {}
        for round_number in range(repeat + 1):  # the first round warms the caches
            for label, query in PAGES:
                for variant, url in _variants(unit, query).items():
                    statements.clear()
                    started = time.perf_counter()
                    response = client.get(url)
                    response.get_data()
                    spent = (time.perf_counter() - started) * 1000
                    assert response.status_code == 200, (url, response.status_code)
                    if round_number:
                        times[label, variant].append(spent)
                    if variant == "product":
                        counted[label] = len(statements)
        for label, _query in PAGES:
            product, floor_ms, default = (statistics.median(times[label, v])
                                          if times[label, v] else None
                                          for v in ("product", "floor", "default"))
            results.append((username, label, product, floor_ms, default, counted[label]))
    return results


def report(results: list[tuple], engine: str) -> None:
    print(f"\n{engine}: median ms of the rounds after the first\n")
    print("| user | page | product | floor | product ÷ floor | default | default ÷ product |"
          " statements |")
    print("|---|---|---|---|---|---|---|---|")
    for username, label, product, floor_ms, default, count in results:
        versus = (f"{default:,.0f} | {default / product:,.2f}" if default is not None
                  else "– | –")
        print(f"| {username} | {label} | {product:,.0f} | {floor_ms:,.1f} | "
              f"{product / floor_ms:,.1f}× | {versus} | {count} |")


def main() -> None:
    args = arguments(repeat=7).parse_args()
    with database(args) as url:
        app = bench_app(url)
        peers(app)
        report(run(app, args.repeat), engine_name(url))


if __name__ == "__main__":
    main()
