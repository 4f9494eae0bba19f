"""The menu fits one row of a 1366-pixel screen and names each thing once, for the roles that
see the most (an administrator, a province committee, with every sector enabled)."""
import pytest

from devparty_admin.plugins import plugins

from .test_candidate_screens import _log_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("role", ["admin", "committee"])
def test_the_menu_fits_one_row_without_duplicates(page, make, db, role):
    for name in ("police", "procuracy", "justice", "commune"):
        plugins().set_enabled(name, True)
    province = make.org("Đảng bộ tỉnh")
    user = make.user(role, None if role == "admin" else province, username="nguoidung")
    db.session.commit()
    page.set_viewport_size({"width": 1366, "height": 768})
    _log_in(page, user.username)
    entries = page.locator("nav .navbar-nav").first.locator(":scope > li > a")
    labels = [text.strip() for text in entries.all_inner_texts()]
    assert len(labels) == len(set(labels)), labels
    tops = {round(box["y"]) for box in (e.bounding_box() for e in entries.all())}
    assert len(tops) == 1, f"the menu wraps: {labels}"
    assert page.locator("nav").first.bounding_box()["height"] < 80
    page.click("#current-user")
    assert page.locator("#log-out").is_visible()
