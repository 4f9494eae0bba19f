"""Pages cost the same number of SQL statements whatever the number of rows behind them."""
from datetime import date, datetime, timezone

from sqlalchemy import insert

from devparty_admin.models import Candidate, Member
from devparty_admin.models.people import name_columns

GIVEN = ["An", "Bình", "Chi", "Dũng", "Đào", "Hà", "Khoa", "Lan", "Minh", "Nga"]


def _bulk_candidates(db, orgs, count: int, start: int = 0) -> None:
    now = datetime.now(timezone.utc)
    rows = []
    for i in range(start, start + count):
        rows.append({
            **name_columns(f"Nguyễn Văn {GIVEN[i % 10]}"),
            "national_id": f"9{i:011d}", "organization_id": orgs[i % len(orgs)].id,
            "date_of_birth": date(1990 + i % 15, 1 + i % 12, 1 + i % 28), "gender": "male",
            "stage": "source", "version": 1, "created_at": now, "updated_at": now,
            "youth_union_member": False,
        })
        if len(rows) == 10_000:
            db.session.execute(insert(Candidate), rows)
            rows = []
    if rows:
        db.session.execute(insert(Candidate), rows)
    db.session.commit()


PAGES = ["/admin/candidate/", "/admin/candidate/?page=3", "/admin/candidate/?page=1500",
         "/admin/candidate/?search=nguyen+van",
         "/admin/candidate/?sort=2&desc=1", "/admin/candidate/?flt0_1=1995"]


def _costs(session, count_queries) -> dict[str, int]:
    session.get("/admin/")  # warm up: one-time checks of a fresh process are not per-page costs
    costs = {}
    for url in PAGES:
        with count_queries() as counter:
            response = session.get(url)
            response.get_data()
        assert response.status_code == 200, url
        costs[url] = counter.count
    return costs


def test_candidate_list_costs_the_same_with_10_and_100000_rows(make, login_as, db, count_queries):
    committee = make.org("Đảng bộ Công an tỉnh")
    branches = [make.org(f"Chi bộ {i}", parent=committee) for i in range(3)]
    make.org("Đảng bộ khác")  # rows outside the subtree exist too
    session = login_as(make.user("committee", committee))
    _bulk_candidates(db, branches, 10)
    small = _costs(session, count_queries)
    _bulk_candidates(db, branches, 100_000 - 10, start=10)
    large = _costs(session, count_queries)
    # A page past the last (pages 3 and 1500 of 10 rows) counts the rows apart, having none to
    # read the total from: one statement more than when it has rows, never one per row.
    assert large == {url: small[url] - (url in PAGES[1:3]) for url in PAGES}
    # the user with the home unit, whether it holds the whole tree and the module switches
    # (whether the subtree is narrow, security.scoping, is kept by the process); the page
    # with its organizations joined in, which rows have a history and the (capped) count
    assert small["/admin/candidate/"] <= 2


def test_member_and_organization_lists_do_not_query_per_row(make, login_as, db, count_queries):
    root = make.org("Đảng bộ tỉnh")
    session = login_as(make.user("admin", None))

    def cost(url):
        with count_queries() as counter:
            assert session.get(url).status_code == 200
        return counter.count

    org_small, member_small = cost("/admin/organization/"), cost("/admin/member/")
    for i in range(60):
        unit = make.org(f"Chi bộ {i}", parent=root)
        db.session.add(Member(full_name=f"Lê Văn {GIVEN[i % 10]}", organization=unit))
    db.session.commit()
    assert cost("/admin/organization/") == org_small
    assert cost("/admin/member/") == member_small


def test_forms_never_load_every_organization_into_a_select(make, login_as, db, count_queries):
    root = make.org("Đảng bộ tỉnh")
    for i in range(300):
        make.org(f"Chi bộ số {i}", parent=root)
    session = login_as(make.user("admin", None))
    for url in ("/admin/candidate/new/", "/admin/member/new/", "/admin/user/new/",
                "/admin/organization/new/", "/admin/candidate/"):
        with count_queries() as counter:
            html = session.get(url).get_data(as_text=True)
        assert "Chi bộ số 299" not in html, url
        assert counter.count <= 6, url  # at most 2 of the user's units: is one preselected?
