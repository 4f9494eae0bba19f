import pytest

from devparty_admin.models import User


@pytest.fixture
def admin(make, login_as):
    session = login_as(make.user("admin", None, username="quantri"))
    session.refresh_token(session.get("/admin/user/").get_data(as_text=True))
    return session


def test_admin_creates_a_user_who_can_log_in(make, admin, browser, db):
    unit = make.org("Chi bộ 01")
    response = admin.post("/admin/user/new/", data={
        "username": "BiThu.CB01", "display_name": "Bí thư Chi bộ 01", "role": "branch",
        "organization": str(unit.id), "active": "y", "password": "mot-mat-khau-dai"})
    assert response.status_code == 302
    user = db.session.query(User).filter_by(username="bithu.cb01").one()
    assert user.check_password("mot-mat-khau-dai")
    assert browser.login("bithu.cb01", "mot-mat-khau-dai").status_code == 302


@pytest.mark.parametrize("data,message", [
    ({"username": "moi", "display_name": "Mới", "role": "branch"},
     "Mọi tài khoản (trừ quản trị hệ thống) phải thuộc một tổ chức."),
    ({"username": "moi", "display_name": "Mới", "role": "admin"},
     "Vui lòng đặt mật khẩu cho tài khoản mới."),
    ({"username": "quantri", "display_name": "Trùng", "role": "admin", "password": "12345678x"},
     "Tên đăng nhập này đã có người dùng."),
    ({"username": "có dấu", "display_name": "X", "role": "admin", "password": "12345678x"},
     "Chỉ dùng chữ không dấu, chữ số, &#39;.&#39;, &#39;_&#39; và &#39;-&#39;."),
    ({"username": "ngan", "display_name": "X", "role": "admin", "password": "123"},
     "Mật khẩu phải có ít nhất 10 ký tự."),
    ({"username": "vaitro", "display_name": "X", "role": "superuser", "password": "12345678x"},
     "Lựa chọn không hợp lệ."),
])
def test_bad_user_input(admin, db, data, message):
    response = admin.post("/admin/user/new/", data=data, follow_redirects=True)
    assert message in response.get_data(as_text=True)
    assert db.session.query(User).count() == 1


def test_editing_without_a_password_keeps_the_old_one(make, admin, db):
    user = make.user("viewer", make.org("Đảng bộ"), username="xem")
    old_hash = user.password_hash
    admin.post(f"/admin/user/edit/?id={user.id}", data={
        "username": "xem", "display_name": "Người xem", "role": "viewer",
        "organization": str(user.organization_id), "active": "y", "password": ""})
    db.session.expire_all()
    saved = db.session.get(User, user.id)
    assert saved.display_name == "Người xem" and saved.password_hash == old_hash


def test_only_admin_manages_users(make, login_as, db):
    unit = make.org("Đảng bộ")
    for role in ("committee", "branch", "viewer"):
        session = login_as(make.user(role, unit))
        session.refresh_token(session.get("/admin/").get_data(as_text=True))
        response = session.post("/admin/user/new/", data={
            "username": f"lau.{role}", "display_name": "X", "role": "admin", "password": "12345678x"})
        assert response.status_code == 403
    assert db.session.query(User).filter(User.username.like("lau.%")).count() == 0
