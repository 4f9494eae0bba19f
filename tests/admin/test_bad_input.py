"""No input gives a 500: every field of every form, filled with hostile values, is answered with
a page (and a message), never an exception. TESTING propagates exceptions, so any would fail here."""
import pytest

from devparty_admin.models import Candidate, Member, Organization, User

HOSTILE = ["", " ", "x" * 5000, "-1", "0", "99999999999999999999", "1e309", "31/02/2020",
           "2020-13-45", "<script>alert(1)</script>", "' OR 1=1 --", "Nguyễn 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "__None",
           "１２３"]
FORMS = {
    "candidate": (Candidate, ["full_name", "gender", "date_of_birth", "national_id", "organization",
                              "place_of_birth", "phone", "education_level", "youth_union_member",
                              "source", "notes"]),
    "member": (Member, ["full_name", "date_of_birth", "national_id", "organization", "status",
                        "admission_date", "party_card_number", "candidate"]),
    "organization": (Organization, ["name", "code", "level", "sector", "parent", "staff_count",
                                    "active"]),
    "user": (User, ["username", "display_name", "role", "organization", "active", "password"]),
}


@pytest.mark.parametrize("endpoint", FORMS)
def test_hostile_values_in_every_field_never_fail(make, login_as, db, endpoint):
    model, fields = FORMS[endpoint]
    unit = make.org("Chi bộ 01")
    session = login_as(make.user("admin", unit))
    session.refresh_token(session.get(f"/admin/{endpoint}/").get_data(as_text=True))
    before = db.session.query(model).count()
    for field in fields:
        for value in HOSTILE:
            response = session.post(f"/admin/{endpoint}/new/", data={field: value})
            assert response.status_code in (200, 302), (field, value)
    db.session.expire_all()
    if endpoint != "organization":  # a name alone makes a valid organization
        assert db.session.query(model).count() == before
    assert "<script>alert(1)</script>" not in session.get(f"/admin/{endpoint}/").get_data(as_text=True)


def test_huge_numbers_in_urls_are_not_found_not_errors(make, login_as):
    session = login_as(make.user("admin", None))
    assert session.get("/admin/imports/job/99999999999999999999").status_code == 404
    for limit in ("99999999999999999999", "-5", "0"):
        response = session.get(f"/admin/candidate/ajax/lookup/?name=organization&query=a&limit={limit}")
        assert response.status_code == 200, limit
