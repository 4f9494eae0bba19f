"""The justice plugin: its fields on justice candidates only, its union-comment rule, and its
data kept while it is disabled."""
import re

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect

from devparty_admin import create_app
from devparty_admin.extensions import db as _db
from devparty_admin.models import Candidate, DossierItem
from devparty_admin.plugins import plugins
from devparty_admin.testing.workflow import in_sector, reasons, vote

RULE = "Cần ghi nhận ý kiến nhận xét của Công đoàn (4A-KNĐ)"


@pytest.fixture
def justice(branch, db):
    return in_sector(branch, db, "justice")


def _form_fields(html: str) -> set[str]:
    return set(re.findall(r'name="(justice__\w+)"', html))


def test_justice_fields_show_and_save_for_justice_candidates_only(justice, make, login_as, db):
    session = login_as(justice.branch_user)
    cid = justice.candidate.id
    form = session.get(f"/admin/candidate/edit/?id={cid}").get_data(as_text=True)
    assert _form_fields(form) == {"justice__civil_service_rank", "justice__legal_qualification",
                                  "justice__division"}
    assert "Trình độ luật" in form and "Thạc sĩ Luật" in form
    session.refresh_token(form)
    response = session.post(f"/admin/candidate/edit/?id={cid}", data={
        "full_name": "Ứng Viên Mẫu", "organization": str(justice.unit.id),
        "date_of_birth": "10/03/1995", "justice__civil_service_rank": "Chuyên viên",
        "justice__legal_qualification": "master", "justice__division": "Phòng Bổ trợ tư pháp",
        "opened_version": re.search(r'name="opened_version"[^>]*value="(\d+)"', form).group(1)})
    assert response.status_code == 302
    db.session.expire_all()
    profile = db.session.get(Candidate, cid).justice_profile
    assert (profile.civil_service_rank, profile.legal_qualification) == ("Chuyên viên", "master")
    details = session.get(f"/admin/candidate/details/?id={cid}").get_data(as_text=True)
    assert "Thạc sĩ Luật" in details and "Phòng Bổ trợ tư pháp" in details
    other = make.candidate(justice.sibling, full_name="Người Ngành Khác")  # no sector
    other_form = login_as(make.user("branch", justice.sibling)).get(
        f"/admin/candidate/edit/?id={other.id}").get_data(as_text=True)
    assert _form_fields(other_form) == set()


def test_union_comments_are_needed_before_proposing(justice, db):
    assert any(RULE in r for r in reasons(justice, vote(justice.unit)))
    db.session.add(DossierItem(candidate=justice.candidate, form_code="4A-KND", status="done"))
    justice.candidate.youth_union_member = True
    db.session.commit()
    found = reasons(justice, vote(justice.unit))
    assert not any(RULE in r for r in found)
    assert any("Đoàn Thanh niên (4-KNĐ)" in r for r in found)


def test_disabling_hides_fields_and_rules_and_keeps_the_data(justice, login_as, db):
    from plugins.justice.models import JusticeProfile
    db.session.add(JusticeProfile(candidate=justice.candidate, civil_service_rank="Chuyên viên chính"))
    db.session.commit()
    plugins().set_enabled("justice", False)
    db.session.commit()
    session = login_as(justice.branch_user)
    form = session.get(f"/admin/candidate/edit/?id={justice.candidate.id}").get_data(as_text=True)
    assert _form_fields(form) == set()
    assert not any(RULE in r for r in reasons(justice, vote(justice.unit)))
    plugins().set_enabled("justice", True)
    db.session.commit()
    form = session.get(f"/admin/candidate/edit/?id={justice.candidate.id}").get_data(as_text=True)
    assert 'value="Chuyên viên chính"' in form


def test_the_plugin_branch_downgrades_to_base_and_upgrades_again(tmp_path):
    url = f"sqlite:///{tmp_path / 'branches.sqlite3'}"
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade(revision="heads")
        downgrade(revision="justice@base")
        assert not inspect(_db.engine).has_table("justice_profile")
        assert inspect(_db.engine).has_table("candidate")
        upgrade(revision="heads")
        with create_engine(url).connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, _db.metadata) == []


def test_the_plugin_speaks_english_from_its_own_catalog(justice, login_as, db):
    """Its labels are Vietnamese message ids; its translations/en catalog gives English."""
    session = login_as(justice.branch_user)
    session.refresh_token(session.get("/admin/").get_data(as_text=True))
    session.post("/language/en", data={"next": "/admin/"})
    form = session.get(f"/admin/candidate/edit/?id={justice.candidate.id}").get_data(as_text=True)
    assert "Legal qualification" in form and "Master of Laws" in form
    assert "Trình độ luật" not in form and "Thạc sĩ Luật" not in form
    home = session.get("/admin/").get_data(as_text=True)
    assert "Monthly review of sympathizers" in home and "Candidates of the Justice sector" in home
    session.post("/language/vi", data={"next": "/admin/"})
    form = session.get(f"/admin/candidate/edit/?id={justice.candidate.id}").get_data(as_text=True)
    assert "Trình độ luật" in form
