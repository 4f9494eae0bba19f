import re

from devparty_admin.models import User


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


def test_wrong_password_shows_message_and_counts(make, browser, db):
    user = make.user("viewer", make.org("Đảng bộ"), username="xem")
    response = browser.login("xem", "sai-mat-khau")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.get_data(as_text=True)
    db.session.refresh(user)
    assert user.failed_login_count == 1


def test_unknown_user_gets_the_same_message(browser, db):
    response = browser.login("khongco", "x")
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.get_data(as_text=True)


def test_account_locks_after_repeated_failures(make, browser, app):
    make.user("viewer", make.org("Đảng bộ"), username="xem")
    for _ in range(app.config["DEVPARTY_MAX_FAILED_LOGINS"]):
        browser.login("xem", "sai")
    response = browser.login("xem")  # right password, but locked now
    assert response.status_code == 200
    assert "Đăng nhập sai quá nhiều lần" in response.get_data(as_text=True)


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
