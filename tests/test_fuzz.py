"""Property-based fuzzing (hypothesis): whatever is typed into any form's fields, or put into
an import file's cells, the answer is a page, never a 500 (TESTING propagates exceptions, so
one would fail here), and a refused form changes nothing."""
from __future__ import annotations

import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select

from devparty_admin.imports.specs import SPECS
from devparty_admin.models import (
    Candidate,
    DossierItem,
    Enrollment,
    ImportJob,
    Member,
    Organization,
    Plan,
    Sponsor,
    TrainingClass,
    User,
)

TRICKY = ["", "0", "-1", "99999999999999999999", "31/02/2025", "01/01/1800", "29/02/2024",
          "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "' OR 1=1 --", "__None",
          "１２３", "Nguyễn Thị Ánh", "y", "on"]
VALUES = st.one_of(st.sampled_from(TRICKY),
                   st.text(alphabet=st.characters(blacklist_categories=("Cs",),
                                                  blacklist_characters="\x00"), max_size=60),
                   st.integers(-10**20, 10**20).map(str))
FORMS = {"candidate": Candidate, "member": Member, "organization": Organization, "plan": Plan,
         "sponsor": Sponsor, "training_class": TrainingClass, "enrollment": Enrollment,
         "dossier": DossierItem, "user": User}
FUZZ = settings(max_examples=20, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


def _fields(html: str) -> list[str]:
    names = set(re.findall(r'<(?:input|select|textarea)[^>]*name="([^"]+)"', html))
    return sorted(names - {"csrf_token", "_continue_editing", "_add_another", "url"})


@pytest.mark.parametrize("endpoint", FORMS)
def test_any_input_in_any_form(make, login_as, db, endpoint):
    unit = make.org("Chi bộ 01", code="CB01")
    make.candidate(unit)
    make.member(unit, status="official")
    session = login_as(make.user("admin", None))
    form = session.get(f"/admin/{endpoint}/new/").get_data(as_text=True)
    session.refresh_token(form)
    fields = _fields(form)
    assert fields, endpoint
    model = FORMS[endpoint]

    @FUZZ
    @given(st.fixed_dictionaries({}, optional={name: VALUES for name in fields}))
    def post(data):
        before = db.session.scalar(select(func.count()).select_from(model))
        response = session.post(f"/admin/{endpoint}/new/", data=data)
        assert response.status_code in (200, 302, 400), response.status_code
        db.session.expire_all()
        after = db.session.scalar(select(func.count()).select_from(model))
        if response.status_code != 302 or "/new/" in (response.location or ""):
            assert after == before, data  # refused: nothing changed

    post()


CELL = st.one_of(st.sampled_from(TRICKY), st.integers(-10**20, 10**20).map(str),
                 st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60))
CELLS = st.lists(st.lists(CELL, min_size=len(SPECS["candidate"].headers),
                          max_size=len(SPECS["candidate"].headers)), min_size=1, max_size=4)


def test_any_cells_in_an_import_file(make, login_as, db):
    unit = make.org("Chi bộ 01", code="CB01")
    session = login_as(make.user("committee", unit))
    session.refresh_token(session.get("/admin/imports/").get_data(as_text=True))

    @FUZZ
    @given(CELLS)
    def run(rows):
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append(SPECS["candidate"].headers)
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        before = db.session.scalar(select(func.count()).select_from(Candidate))
        response = session.post("/admin/imports/upload/candidate", content_type="multipart/form-data",
                                data={"file": (io.BytesIO(buffer.getvalue()), "tep.xlsx")})
        assert response.status_code == 302
        job = db.session.scalar(select(ImportJob).order_by(ImportJob.id.desc()).limit(1))
        if job is not None and job.status == "pending":
            while session.post(f"/admin/imports/job/{job.id}/check",
                               headers={"Accept": "application/json"}).json["done"] is False:
                pass
            committed = session.post(f"/admin/imports/job/{job.id}/commit")
            assert committed.status_code == 302
            db.session.expire_all()
            job = db.session.get(ImportJob, job.id)
            after = db.session.scalar(select(func.count()).select_from(Candidate))
            assert (after > before) == (job.status == "committed"), (job.status, rows)
            if job.error_rows:
                assert after == before

    run()


def test_any_input_in_the_step_form(branch, login_as, db):
    from devparty_admin.models import Act, StageEvent

    cid = branch.candidate.id
    session = login_as(branch.branch_user)
    form = session.get(f"/admin/candidate/move/?id={cid}").get_data(as_text=True)
    session.refresh_token(form)
    fields = _fields(form)

    @FUZZ
    @given(st.fixed_dictionaries({"target": st.sampled_from(["proposed", "dropped", "x", ""])},
                                 optional={n: VALUES for n in fields if n != "target"}))
    def post(data):
        response = session.post(f"/admin/candidate/move/?id={cid}", data=data)
        assert response.status_code in (200, 302, 400)
        if response.status_code != 302:
            assert db.session.scalar(select(func.count()).select_from(StageEvent)) == 0
            assert db.session.scalar(select(func.count()).select_from(Act)) == 0

    post()
