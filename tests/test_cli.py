"""The command line: init, demo, create-user, set-password."""
from datetime import date

from sqlalchemy import func, select

from devparty_admin.models import Candidate, Member, Organization, User
from devparty_admin.models.choices import STAGES


def _run(app, *args, input=None):
    return app.test_cli_runner().invoke(args=["devparty", *args], input=input)


def test_init_creates_the_first_admin_once(app, db):
    result = _run(app, "init", "--password", "mat-khau-ban-dau")
    assert result.exit_code == 0, result.output
    assert "admin / mat-khau-ban-dau" in result.output
    again = _run(app, "init")
    assert again.exit_code == 0 and "không tạo thêm" in again.output
    assert db.session.scalar(select(func.count()).select_from(User)) == 1


def test_demo_reproduces_the_seed_figures_and_is_idempotent(app, db):
    from devparty_admin.plugins import plugins
    for name in ("police", "procuracy", "justice", "commune"):
        plugins().set_enabled(name, True)
    db.session.commit()
    first = _run(app, "demo")
    assert first.exit_code == 0, first.output
    assert "demo.tuphap.cb01" in first.output
    second = _run(app, "demo")
    assert "Dữ liệu mẫu đã có đủ cho các mô-đun đang bật." in second.output
    police = db.session.scalar(select(Organization).where(Organization.code == "CA"))
    children = police.children
    assert sum(1 for c in children if c.level == "Chi bộ cơ sở") == 19
    committees = [c for c in children if c.level == "Đảng bộ cơ sở"]
    assert len(committees) == 9 and sum(len(c.children) for c in committees) == 52

    def under(org, model):
        query = (select(func.count()).select_from(model).join(Organization)
                 .where(Organization.path.startswith(org.path)))
        if model is Member:
            query = query.where(Member.status.in_(("official", "probationary")))
        return db.session.scalar(query)

    assert under(police, Member) == 1098
    justice = db.session.scalar(select(Organization).where(Organization.code == "STP"))
    assert under(justice, Member) == 46
    assert db.session.scalar(select(func.count()).select_from(Member).join(Organization).where(
        Organization.path.startswith(justice.path), Member.status == "probationary")) == 3
    procuracy = db.session.scalar(select(Organization).where(Organization.code == "VKS"))
    office = [c for c in procuracy.children if c.code.startswith("VKS-T")]
    # On 1/7/2025 the nine district branches merged into three regional ones (staff carried).
    districts = [c for c in procuracy.children if c.code.startswith("VKS-KV")]
    assert sum(c.staff_count for c in office) == 77 and sum(under(c, Member) for c in office) == 75
    assert sum(c.staff_count for c in districts) == 149
    assert sum(under(c, Member) for c in districts) == 119
    assert len(districts) == 3 and all(c.ended_on for c in procuracy.children
                                       if c.code.startswith("VKS-H"))
    # Trường Sơn's 11 hamlets and 306 members, with Trường Giang's 111, are Trường Văn's now.
    commune = db.session.scalar(select(Organization).where(Organization.code == "TV"))
    assert len(commune.children) == 11 and under(commune, Member) == 306 + 111
    district = db.session.scalar(select(Organization).where(Organization.code == "NC"))
    assert district.ended_on == date(2025, 7, 1) and commune.parent.code == "TU"
    stages = set(db.session.scalars(select(Candidate.stage).distinct()))
    assert stages == set(STAGES.codes) - {"merged"}  # every stage of the path and its exits
    roles = set(db.session.scalars(select(User.role).distinct()))
    assert roles == {"admin", "committee", "branch", "viewer", "police_vetting"}


def test_demo_without_plugins_is_the_province_alone(app, db):
    result = _run(app, "demo")
    assert result.exit_code == 0, result.output
    assert [o.code for o in db.session.scalars(select(Organization))] == ["TU"]
    assert "demo.admin" in result.output and "demo.tuphap" not in result.output


def test_a_plugin_enabled_later_gets_its_demo_into_the_existing_one(app, db):
    """The province and one sector first; a second sector enabled later loads its part under
    the same province, once, with its logins; the first part is left as it was."""
    from devparty_admin.plugins import plugins
    plugins().set_enabled("justice", True)
    db.session.commit()
    assert "Tư pháp" in _run(app, "demo").output
    before = db.session.scalar(select(func.count()).select_from(Candidate))
    plugins().set_enabled("commune", True)
    db.session.commit()
    result = _run(app, "demo")
    assert result.exit_code == 0, result.output
    assert "Đã nạp dữ liệu mẫu: Xã, thị trấn." in result.output
    assert "demo.truongson.thon1" in result.output
    province = db.session.scalar(select(Organization).where(Organization.code == "TU"))
    codes = {o.code for o in province.children}
    assert {"STP", "NC"} <= codes
    assert db.session.scalar(select(func.count()).select_from(Candidate)) > before
    again = _run(app, "demo")
    assert "đã có đủ" in again.output
    ids = list(db.session.scalars(select(Candidate.national_id)))
    assert len(ids) == len(set(ids))


def test_create_user_and_set_password(app, db, make, browser):
    make.org("Chi bộ 01", code="STP-01")
    result = _run(app, "create-user", "--username", "bithu", "--display-name", "Bí thư",
                  "--role", "branch", "--unit", "STP-01", input="mat-khau-moi-1\nmat-khau-moi-1\n")
    assert result.exit_code == 0, result.output
    assert _run(app, "create-user", "--username", "bithu", "--display-name", "X", "--role",
                "branch", "--unit", "STP-01", input="a\na\n").exit_code != 0
    assert "Không có tổ chức mã" in _run(app, "create-user", "--username", "x", "--display-name",
                                         "X", "--role", "branch", "--unit", "NOPE",
                                         input="a\na\n").output
    assert browser.login("bithu", "mat-khau-moi-1").status_code == 302
    result = _run(app, "set-password", "bithu", input="mat-khau-khac-2\nmat-khau-khac-2\n")
    assert result.exit_code == 0, result.output
    assert browser.login("bithu", "mat-khau-khac-2").status_code == 302
    assert _run(app, "set-password", "khongco", input="a\na\n").exit_code != 0


def test_create_user_for_a_plugin_role(app, db, make):
    from devparty_admin.plugins import plugins
    make.org("Đảng bộ Công an tỉnh", code="CA")
    args = ["create-user", "--username", "chinhtri", "--display-name", "Cán bộ chính trị",
            "--role", "police_vetting", "--unit", "CA"]
    refused = _run(app, *args, input="mat-khau-moi-1\nmat-khau-moi-1\n")
    assert refused.exit_code != 0 and "Vai trò 'police_vetting' không có" in refused.output
    plugins().set_enabled("police", True)
    db.session.commit()
    result = _run(app, *args, input="mat-khau-moi-1\nmat-khau-moi-1\n")
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(User.role).where(User.username == "chinhtri")) == "police_vetting"


def test_set_password_applies_the_policy(app, db, make):
    make.user("viewer", make.org("Đảng bộ"), username="xem")
    for weak in ("1", "12345678", "xem-xem-xem-1"):
        result = _run(app, "set-password", "xem", input=f"{weak}\n{weak}\n")
        assert result.exit_code != 0, weak
        assert "Mật khẩu" in result.output
    assert _run(app, "init", "--password", "1").exit_code != 0


def test_init_stores_which_plugins_are_enabled_once(app, db, make, login_as):
    """DEVPARTY_PLUGINS seeds the stored state at the first init; from then on the stored
    state decides, with or without the variable, and the Modules screen shows it."""
    from devparty_admin.models import PluginState

    registry = app.extensions["devparty_plugins"]
    seeded = registry.default_enabled
    registry.default_enabled = {"justice"}  # as if DEVPARTY_PLUGINS=justice
    try:
        assert _run(app, "init", "--password", "mat-khau-ban-dau").exit_code == 0
    finally:
        registry.default_enabled = seeded
    stored = {s.name: (s.enabled, s.installed_version) for s in db.session.query(PluginState)}
    assert set(stored) >= {"police", "procuracy", "justice", "commune"}
    assert stored["justice"][0] and not stored["police"][0]
    assert all(version for _enabled, version in stored.values())
    assert registry.enabled() == {"justice"}  # the variable is gone; the state stays
    page = login_as(make.user("admin", None, username="quantri")).get(
        "/admin/modules/").get_data(as_text=True)
    row = page[page.index('data-module="justice"'):]
    row = row[:row.index("</tr>")]
    assert "Tư pháp" in row and "<td>justice</td>" not in row and "<td>—</td>" not in row
