import re
import time

import pytest

from devparty_admin.models import User
from devparty_admin.testing import Browser
from devparty_admin.testing.factories import TEST_PASSWORD


def test_admin_pages_require_log_in(browser):
    response = browser.get("/admin/candidate/")
    assert response.status_code == 302
    assert response.location.startswith("/login")


def test_login_page_is_vietnamese(browser):
    html = browser.get("/login").get_data(as_text=True)
    assert "Đăng nhập" in html
    assert "Tên đăng nhập" in html


def test_log_in_and_out(make, browser):
    unit = make.org("Chi bộ 01")
    make.user("branch", unit, username="bithu")
    response = browser.login("bithu")
    assert response.status_code == 302 and response.location == "/admin/"
    home = browser.get("/admin/").get_data(as_text=True)
    assert "Chi bộ 01" in home
    browser.refresh_token(home)
    assert browser.post("/logout").status_code == 302
    assert browser.get("/admin/").status_code == 302


def test_wrong_password_and_unknown_user_get_the_same_message(make, browser):
    make.user("viewer", make.org("Đảng bộ"), username="xem")
    for username in ("xem", "khongco"):
        response = browser.login(username, "sai-mat-khau")
        assert response.status_code == 200
        assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.get_data(as_text=True)


def _timed_login(app, username: str, address: str) -> float:
    client = Browser(app.test_client())
    client.refresh_token()
    started = time.perf_counter()
    client.post("/login", data={"username": username, "password": "sai-mat-khau"},
                environ_base={"REMOTE_ADDR": address})
    return time.perf_counter() - started


def test_unknown_and_wrong_take_the_same_time(make, app):
    """No username enumeration by timing: both pay for one password hash check."""
    make.user("viewer", make.org("Đảng bộ"), username="xem")
    wrong = sorted(_timed_login(app, "xem", f"10.1.0.{i}") for i in range(7))[3]
    unknown = sorted(_timed_login(app, "khongco", f"10.2.0.{i}") for i in range(7))[3]
    assert 0.5 < unknown / wrong < 2, (unknown, wrong)


def test_a_guesser_is_slowed_but_the_owner_is_not_locked_out(make, app):
    make.user("admin", None, username="quantri")
    guesser = Browser(app.test_client())
    guesser.refresh_token()
    answers = []
    for attempt in range(12):
        response = guesser.post("/login", data={"username": "quantri", "password": f"doan-{attempt}"},
                                environ_base={"REMOTE_ADDR": "203.0.113.9"})
        answers.append(response.get_data(as_text=True))
    assert "Đăng nhập sai quá nhiều lần từ máy này" in answers[-1]
    # Even the right password waits while this address is slowed down …
    late = guesser.post("/login", data={"username": "quantri", "password": TEST_PASSWORD},
                        environ_base={"REMOTE_ADDR": "203.0.113.9"})
    assert late.status_code == 200
    # … but the owner, from the office, logs in at once.
    owner = Browser(app.test_client())
    owner.refresh_token()
    response = owner.post("/login", data={"username": "quantri", "password": TEST_PASSWORD},
                          environ_base={"REMOTE_ADDR": "192.0.2.10"})
    assert response.status_code == 302


def test_many_accounts_from_one_address_are_slowed_too(make, app):
    for i in range(10):
        make.user("viewer", make.org(f"Đơn vị {i}"), username=f"tk{i}")
    client = Browser(app.test_client())
    client.refresh_token()
    last = ""
    for attempt in range(25):
        last = client.post("/login", data={"username": f"tk{attempt % 10}", "password": "123456"},
                           environ_base={"REMOTE_ADDR": "198.51.100.7"}).get_data(as_text=True)
    assert "Đăng nhập sai quá nhiều lần từ máy này" in last


def test_logout_revokes_a_copied_cookie(make, login_as, app):
    session = login_as(make.user("committee", make.org("Đảng bộ")))
    copy = Browser(app.test_client())
    copy.client.set_cookie("session", session.client.get_cookie("session").value)
    assert copy.get("/admin/candidate/").status_code == 200
    session.refresh_token(session.get("/admin/").get_data(as_text=True))
    assert session.post("/logout").status_code == 302
    assert copy.get("/admin/candidate/").status_code == 302


def test_password_change_revokes_sessions(make, login_as, db):
    user = make.user("committee", make.org("Đảng bộ"))
    session = login_as(user)
    user.set_password("mot-cau-mat-khau-dai-moi")
    db.session.commit()
    assert session.get("/admin/candidate/").status_code == 302


def test_admin_signs_a_user_out_everywhere(make, login_as, db):
    user = make.user("committee", make.org("Đảng bộ"))
    session = login_as(user)
    admin = login_as(make.user("admin", None))
    admin.refresh_token(admin.get("/admin/user/").get_data(as_text=True))
    response = admin.post("/admin/user/action/", data={"action": "sign_out", "rowid": [user.id]})
    assert response.status_code == 302
    assert session.get("/admin/candidate/").status_code == 302
    assert admin.get("/admin/candidate/").status_code == 200


@pytest.mark.parametrize("password, reason", [
    ("12345678", "ít nhất"),
    ("truongphong1", "không được chứa tên đăng nhập"),
    ("password123", "dễ đoán"),
])
def test_weak_passwords_are_refused_on_the_screen(make, login_as, db, password, reason):
    admin = login_as(make.user("admin", None))
    admin.refresh_token(admin.get("/admin/user/new/").get_data(as_text=True))
    response = admin.post("/admin/user/new/", data={
        "username": "truongphong", "display_name": "Trưởng phòng", "role": "admin",
        "active": "y", "password": password})
    assert response.status_code == 200
    assert reason in response.get_data(as_text=True)
    assert db.session.query(User).filter_by(username="truongphong").count() == 0


def test_inactive_user_cannot_log_in(make, browser):
    make.user("committee", make.org("Đảng bộ"), username="nghi", active=False)
    response = browser.login("nghi")
    assert response.status_code == 200


def test_deactivated_user_loses_the_session(make, login_as, db):
    user = make.user("committee", make.org("Đảng bộ"))
    session = login_as(user)
    assert session.get("/admin/candidate/").status_code == 200
    user.active = False
    db.session.commit()
    assert session.get("/admin/candidate/").status_code == 302


def test_next_only_follows_local_paths(make, browser):
    make.user("viewer", make.org("Đảng bộ"), username="xem")
    browser.refresh_token()
    for target, expected in [("/admin/member/", "/admin/member/"),
                             ("https://evil.example/", "/admin/"), ("//evil.example/", "/admin/")]:
        response = browser.post(f"/login?next={target}",
                                data={"username": "xem", "password": "mat-khau-thu-1"})
        assert response.location == expected


def test_post_without_csrf_token_is_refused(make, login_as, db):
    unit = make.org("Chi bộ")
    session = login_as(make.user("branch", unit))
    response = session.post("/admin/candidate/new/", data={"full_name": "Lê Văn Cường"},
                            with_token=False)
    assert response.status_code == 400
    assert "hết hạn" in response.get_data(as_text=True)
    from devparty_admin.models import Candidate
    assert db.session.query(Candidate).count() == 0


def test_password_is_hashed_with_scrypt(make):
    user = make.user("viewer", make.org("Đảng bộ"))
    assert user.password_hash.startswith("scrypt:")
    assert isinstance(user, User) and user.check_password("mat-khau-thu-1")
    assert not re.search("mat-khau", user.password_hash)
