"""The commune plugin: hamlet and student fields; students need good results and conduct."""
import re

import pytest

from devparty_admin.plugins import plugins
from devparty_admin.testing.workflow import in_sector, reasons, vote


@pytest.fixture
def commune(branch, db):
    branch.candidate.source = "high_school"
    return in_sector(branch, db, "commune")


@pytest.mark.parametrize("result,conduct,refused", [
    (None, None, 2), ("average", "good", 1), ("good", "fair", 1), ("good", "good", 0),
    ("excellent", "good", 0)])
def test_students_need_results_and_conduct(commune, db, result, conduct, refused):
    from plugins.commune.models import CommuneProfile
    db.session.add(CommuneProfile(candidate=commune.candidate, academic_result=result,
                                  conduct=conduct))
    db.session.commit()
    found = [r for r in reasons(commune, vote(commune.unit)) if "Học sinh THPT" in r]
    assert len(found) == refused


def test_the_rule_is_for_students_only(commune, db):
    commune.candidate.source = "discharged_soldier"
    db.session.commit()
    assert not any("Học sinh THPT" in r for r in reasons(commune, vote(commune.unit)))


def test_commune_fields_and_not_police_ones(commune, login_as, db):
    plugins().set_enabled("police", True)
    db.session.commit()
    html = login_as(commune.branch_user).get(
        f"/admin/candidate/edit/?id={commune.candidate.id}").get_data(as_text=True)
    names = set(re.findall(r'name="((?:commune|police)__\w+)"', html))
    assert {"commune__hamlet", "commune__school", "commune__academic_result",
            "commune__conduct", "commune__enterprise", "commune__discharged_on"} <= names
    assert not any(name.startswith("police__") for name in names)


def test_the_minimums_are_settings_checked_at_start():
    """A value outside the scale stops the start with the values it accepts."""
    import pytest

    from devparty_admin import create_app
    with pytest.raises(SystemExit, match="DEVPARTY_COMMUNE_MIN_CONDUCT must be one of good, "
                                         "fair, average, weak, not 'excellent'"):
        create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://",
                    "DEVPARTY_ENVIRON": {"DEVPARTY_COMMUNE_MIN_CONDUCT": "excellent"}})
