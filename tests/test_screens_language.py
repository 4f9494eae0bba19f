"""Every screen of every role, in Vietnamese and in English: no string of the other language, no
known mistranslation, no raw code where a label belongs.

The screens are found as a user finds them: the menu, then each list's first record (details and
edit) and its "new" form. The other language is recognised from the catalogs themselves: any
English message id (in a Vietnamese page) or Vietnamese translation (in an English page) of the
product's and Flask-Admin's catalogs, plus short English words the catalogs cannot catch.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from devparty_admin.models import FieldChange
from devparty_admin.plugins import plugins
from devparty_admin.testing.workflow import ready_for_sympathizer_list

CATALOGS = Path(__file__).parents[1] / "devparty_admin" / "translations" / "vi" / "LC_MESSAGES"
MISTRANSLATIONS = ("Kỷ lục", "mặt hàng", "Hỏng khi", "Tính toàn vẹn lỗi", "sản phẩm nào",
                   "Từ chối cho phép", "Chìa khóa", "Với lựa chọn")
ENGLISH_WORDS = ("Save", "Cancel", "Delete", "Edit", "Search", "Filter", "items", "Home", "List",
                 "Create", "Details", "Export", "Apply", "Please", "None", "none", "True", "False",
                 "elementary", "justice", "police", "procuracy", "commune", "Log out", "Next")
SKIP = ("/export/", "/ajax/", "/logout", "/paper", "/papers.zip", "/download/", "/language/",
        "/annul/", "/move/", "/resolution/", "/enroll/", "/merge/", "/import", "/delete/")


PLUGIN_CATALOGS = Path(__file__).parents[1] / "plugins"


def _phrases(language: str) -> list[str]:
    """Whole UI strings of ``language`` long enough not to occur by chance in data: the core's
    catalogs, and the Vietnamese originals of the plugins' English catalogs."""
    found = set()
    catalogs = [(CATALOGS / name, language == "en") for name in ("messages.po", "admin.po")]
    if language == "vi":
        catalogs += [(path, True) for path in PLUGIN_CATALOGS.glob(
            "*/translations/en/LC_MESSAGES/messages.po")]
    for path, use_id in catalogs:
        with open(path, "rb") as handle:
            for message in read_po(handle):
                if not message.id or isinstance(message.id, tuple):
                    continue
                text = message.id if use_id else message.string
                if text and len(text) >= 14 and "%(" not in text and "{" not in text:
                    found.add(text)
    return sorted(found)


def _visible(page: str) -> str:
    """What a user reads: text and the texts of placeholders, titles, labels and buttons."""
    page = re.sub(r"<(script|style|code)\b.*?</\1>", " ", page, flags=re.S)  # code: identifiers
    page = re.sub(r'<div[^>]*class="d-none"[^>]*>.*?</div>', " ", page, flags=re.S)
    attributes = re.findall(r'(?:placeholder|title|aria-label|data-placeholder)="([^"]*)"', page)
    attributes += re.findall(r'<input[^>]*type="submit"[^>]*value="([^"]*)"', page)
    text = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(re.sub(r"\s+", " ", " ".join([text, *attributes])))


def _links(page: str) -> list[str]:
    return [html.unescape(href) for href in re.findall(r'href="(/admin/[^"#]*)"', page)
            if not any(part in href for part in SKIP)]


def _screens(session) -> dict[str, str]:
    """The menu's screens, and for each list its first record's pages and its new form."""
    home = session.get("/admin/").get_data(as_text=True)
    menu = re.search(r'<nav.*?</nav>', home, re.S).group(0)
    seen = {"/admin/": home}
    for url in dict.fromkeys(_links(menu)):
        response = session.get(url)
        if response.status_code != 200:
            continue
        page = seen[url] = response.get_data(as_text=True)
        base = url.split("?")[0]
        for pattern in (r'href="(%sdetails/\?[^"]*)"', r'href="(%sedit/\?[^"]*)"',
                        r'href="(%snew/\?[^"]*)"'):
            first = re.search(pattern % re.escape(base), page)
            if first:
                target = html.unescape(first.group(1))
                answer = session.get(target)
                if answer.status_code == 200:
                    seen[target] = answer.get_data(as_text=True)
    return seen


def _problems(pages: dict[str, str], language: str) -> list[str]:
    other = _phrases("en" if language == "vi" else "vi")
    problems = []
    for url, page in pages.items():
        text = _visible(page)
        wrong = [p for p in other if p in text]
        if language == "vi":
            wrong += [m for m in MISTRANSLATIONS if m in text]
            wrong += [w for w in ENGLISH_WORDS if re.search(rf"(?<![\w/.-]){w}(?![\w/.-])", text)]
        problems += [f"{url}: {phrase!r}" for phrase in wrong]
    return problems


@pytest.fixture
def world(branch, make, db, language):
    """Every sector enabled (each plugin brings its English catalog), people at several stages
    with history, in a justice branch."""
    for name in ("police", "procuracy", "justice", "commune"):
        plugins().set_enabled(name, True)
    branch.unit.sector = "justice"
    ready_for_sympathizer_list(branch, make, db, count=2)
    branch.candidate.theory_level = "elementary"
    db.session.commit()
    assert db.session.query(FieldChange).filter_by(field="theory_level").count() == 1
    return branch


ROLES = ("admin", "committee", "branch", "viewer")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_screen_of_every_role_speaks_one_language(world, make, login_as, language):
    """Every role, every screen, the case file with its history, every sector enabled."""
    users = {"admin": make.user("admin", None, username="quantri"),
             "committee": world.committee_user, "branch": world.branch_user,
             "viewer": make.user("viewer", world.unit, username="xem")}
    problems, visited = [], 0
    for role in ROLES:
        session = login_as(users[role])
        session.refresh_token(session.get("/admin/").get_data(as_text=True))
        session.post(f"/language/{language}", data={"next": "/admin/"})
        pages = _screens(session)
        case_file = f"/admin/candidate/details/?id={world.candidate.id}"  # with its history
        pages[case_file] = session.get(case_file).get_data(as_text=True)
        visited += len(pages)
        problems += [f"{role} {problem}" for problem in _problems(pages, language)]
    assert visited > 40
    assert not problems, "\n".join(problems)
