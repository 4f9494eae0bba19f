"""Vietnamese first: every UI string is translated, English can be chosen from the navbar."""
import html
import json
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "devparty_admin/translations/vi/LC_MESSAGES/messages.po"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "_ln": (1, 2),
            "lazy_gettext": None, "_p": ((1, "c"), 2)}


def test_every_ui_string_has_a_vietnamese_translation():
    catalog = read_po(CATALOG.open("rb"))
    method_map = [("devparty_admin/**.py", "python"), ("devparty_admin/templates/**.html", "jinja2")]
    missing, seen = [], 0
    for _file, _line, message, _comments, context in extract_from_dir(
            ROOT, method_map=method_map, keywords=KEYWORDS):
        msgid = message if isinstance(message, str) else message[0]
        seen += 1
        entry = catalog.get(msgid, context=context)
        translated = entry and (entry.string if isinstance(entry.string, str) else entry.string[0])
        if not translated:
            missing.append(msgid)
    assert seen > 150  # the extraction really read the sources
    assert missing == [], "run `make extract-messages` and translate these"


def test_every_flask_admin_string_has_a_reviewed_translation():
    """Flask-Admin's own strings (admin.pot, from `make extract-admin-messages`) are all in the
    product's reviewed catalog, which wins over the one Flask-Admin ships."""
    template = read_po((ROOT / "devparty_admin/translations/admin.pot").open("rb"))
    reviewed = read_po((CATALOG.parent / "admin.po").open("rb"))
    ids = [m.id for m in template if m.id]
    assert len(ids) > 100
    untranslated = [i for i in ids if i not in reviewed or not (
        reviewed[i].string if isinstance(reviewed[i].string, str) else reviewed[i].string[0])]
    assert untranslated == []


def test_english_can_be_chosen_and_vietnamese_is_the_default(make, login_as):
    unit = make.org("Chi bộ 01")
    session = login_as(make.user("branch", unit))
    home = session.get("/admin/").get_data(as_text=True)
    assert "Quần chúng theo giai đoạn" in home
    session.refresh_token(home)
    response = session.post("/language/en", data={"next": "/admin/candidate/"})
    assert response.location == "/admin/candidate/"
    page = session.get("/admin/").get_data(as_text=True)
    assert "Candidates by stage" in page
    session.refresh_token(page)
    session.post("/language/xx", data={"next": "/admin/"})
    assert "Candidates by stage" in session.get("/admin/").get_data(as_text=True)
    session.post("/language/vi", data={"next": "/admin/"})
    assert "Quần chúng theo giai đoạn" in session.get("/admin/").get_data(as_text=True)


def test_error_pages_are_vietnamese(make, login_as):
    session = login_as(make.user("viewer", make.org("Đảng bộ")))
    response = session.get("/admin/candidate/details/?id=424242")
    assert response.status_code == 404
    assert "không thuộc đơn vị của bạn" in response.get_data(as_text=True)
    assert session.get("/admin/user/").status_code == 403
    assert "Bạn không có quyền" in session.get("/admin/user/").get_data(as_text=True)


def test_a_list_page_writes_labels_in_the_language_chosen_since(make, login_as):
    """Labels a page works out once (a coded column's, the pickers', the filters') follow a
    change of language in the same process: nothing kept from a page in the other language."""
    unit = make.org("Chi bộ 01")
    make.candidate(unit, "Lê Thị Hoa", gender="female", stage="sympathizer")
    make.candidate(unit, "Lê Thị Mai", gender="female", stage="sympathizer")
    session = login_as(make.user("branch", unit))
    expected = {"vi": ("Cảm tình Đảng", "Nữ", "Không tìm thấy", "Giai đoạn"),
                "en": ("Sympathizer", "Female", "Nothing found", "Stage")}
    for language in ("vi", "en", "vi"):
        page = session.get("/admin/").get_data(as_text=True)
        session.refresh_token(page)
        session.post(f"/language/{language}", data={"next": "/admin/"})
        listed = session.get("/admin/candidate/").get_data(as_text=True)
        stage, gender, picker, filter_label = expected[language]
        assert listed.count(f'<td class="col-stage">{stage}</td>') == 2
        assert listed.count(f'<td class="col-gender">{gender}</td>') == 2
        messages = listed.split('id="picker-messages">', 1)[1].split("</script>", 1)[0]
        assert json.loads(messages)["noMatches"] == picker
        filters = json.loads(html.unescape(
            listed.split('id="filter-groups-data" class="d-none">', 1)[1].split("</div>", 1)[0]))
        assert dict(filters[filter_label][0]["options"])["sympathizer"] == stage


def test_a_forced_language_inside_a_request_is_the_one_translated(app):
    """Catalogs are kept per language for the request (``i18n.LocaleKeptTranslations``): a
    paper printed in Vietnamese while the screens are in English gets Vietnamese, and the
    strings after it are English again, for the product's and Flask-Admin's strings alike."""
    from flask_admin import babel as admin_babel
    from flask_babel import force_locale
    from flask_babel import gettext as _

    with app.test_request_context("/admin/"):
        with force_locale("en"):
            before = (_("Log out"), admin_babel.gettext("List"))
            with force_locale("vi"):
                inside = (_("Log out"), admin_babel.gettext("List"))
            after = (_("Log out"), admin_babel.gettext("List"))
        default = (_("Log out"), admin_babel.gettext("List"))
    assert before == after == ("Log out", "List")
    assert inside == default == ("Đăng xuất", "Danh sách")
