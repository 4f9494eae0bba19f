"""The four sector plugins alone, together, and none: the demo loads and screens answer."""
import pytest

from devparty_admin.models import Candidate, Organization
from devparty_admin.plugins import plugins

SECTORS = ["police", "procuracy", "justice", "commune"]


def test_the_four_sector_plugins_are_installed(app):
    """Others may be installed too (a package of a fifth sector): the suite does not mind."""
    with app.app_context():
        assert set(SECTORS) <= set(plugins().plugins)


@pytest.mark.parametrize("enabled", [[], ["police"], ["procuracy"], ["justice"], ["commune"],
                                     SECTORS], ids=lambda e: "+".join(e) or "none")
def test_demo_and_screens_with_these_plugins(app, db, make, login_as, enabled):
    for name in enabled:
        plugins().set_enabled(name, True)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["devparty", "demo"])
    assert result.exit_code == 0, result.output
    admin = login_as(make.user("admin", None, username="quantri"))
    sectors = {o.sector for o in db.session.query(Organization)} - {None}
    assert sectors == set(enabled)  # each plugin brings its own part of the demo
    for sector in enabled:
        candidate = (db.session.query(Candidate).join(Organization)
                     .filter(Organization.sector == sector).first())
        form = admin.get(f"/admin/candidate/edit/?id={candidate.id}").get_data(as_text=True)
        assert f'name="{sector}__' in form
        assert not any(f'name="{other}__' in form for other in SECTORS if other != sector)
        assert admin.get(f"/admin/candidate/details/?id={candidate.id}").status_code == 200
    if enabled == SECTORS:
        stages = {c.stage for c in db.session.query(Candidate)}
        assert {"official", "probationary", "proposed"} <= stages
