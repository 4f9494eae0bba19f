"""The development-path screens follow the same scoping: a sibling unit sees none of it."""
import pytest

from devparty_admin.models import Act, DossierItem, Enrollment, Sponsor
from devparty_admin.testing.workflow import vote

SCREENS = {"sponsor": Sponsor, "dossier": DossierItem, "enrollment": Enrollment, "act": Act}


@pytest.mark.parametrize("endpoint", SCREENS)
def test_sibling_branch_sees_and_changes_nothing(branch, make, login_as, db, endpoint):
    db.session.add(vote(branch.unit))
    db.session.commit()
    row = db.session.query(SCREENS[endpoint]).first()
    row_id = row.id
    inside = login_as(branch.branch_user)
    assert inside.get(f"/admin/{endpoint}/details/?id={row_id}").status_code == 200
    outsider = login_as(make.user("committee", branch.sibling))
    listing = outsider.get(f"/admin/{endpoint}/")
    assert listing.status_code == 200
    assert f'value="{row_id}"' not in listing.get_data(as_text=True)
    assert outsider.get(f"/admin/{endpoint}/details/?id={row_id}").status_code == 404
    assert outsider.get(f"/admin/{endpoint}/edit/?id={row_id}").status_code in (302, 404)
    outsider.refresh_token(listing.get_data(as_text=True))
    outsider.post(f"/admin/{endpoint}/delete/", data={"id": str(row_id)})
    outsider.post(f"/admin/{endpoint}/action/", data={"action": "delete", "rowid": [str(row_id)]})
    db.session.expire_all()
    assert db.session.get(SCREENS[endpoint], row_id) is not None


def test_alerts_list_only_the_subtree(branch, make, login_as, db):
    from datetime import date

    from devparty_admin.models import StageEvent
    branch.candidate.stage = "proposed"
    db.session.add(StageEvent(candidate=branch.candidate, from_stage="dossier", to_stage="proposed",
                              effective_on=date(2025, 1, 2)))
    db.session.commit()
    assert branch.candidate.full_name in login_as(branch.branch_user).get(
        "/admin/alerts/").get_data(as_text=True)
    outsider = login_as(make.user("committee", branch.sibling))
    assert branch.candidate.full_name not in outsider.get("/admin/alerts/").get_data(as_text=True)


def test_pickers_offer_only_the_subtree(branch, make, login_as, db):
    outsider = login_as(make.user("branch", branch.sibling))
    for url in ("/admin/sponsor/ajax/lookup/?name=member&query=dang",
                "/admin/sponsor/ajax/lookup/?name=candidate&query=ung",
                "/admin/enrollment/ajax/lookup/?name=training_class&query=lop"):
        assert outsider.get(url).get_json() == [], url
    inside = login_as(branch.branch_user)
    assert inside.get("/admin/sponsor/ajax/lookup/?name=member&query=dang").get_json()
