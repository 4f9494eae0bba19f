"""The plugin contract with throw-away plugins written into a temporary directory."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

from devparty_admin import create_app
from devparty_admin.models import Candidate
from devparty_admin.plugins.loader import PluginError, discover
from devparty_admin.testing.workflow import reasons, vote

ROOT = Path(__file__).resolve().parents[2]


def write_plugins(base: Path, specs: dict[str, dict]) -> str:
    """Write a package of plugins; ``specs`` maps a plugin to manifest fields and hook code."""
    package = f"tmp_plugins_{uuid.uuid4().hex[:8]}"
    (base / package).mkdir()
    (base / package / "__init__.py").write_text("")
    for name, spec in specs.items():
        folder = base / package / name
        folder.mkdir()
        fields = "".join(f", {k}={v!r}" for k, v in spec.get("manifest", {}).items())
        (folder / "__init__.py").write_text(spec.get("init") or textwrap.dedent(f"""
            from devparty_admin.plugins import Manifest
            manifest = Manifest(name={name!r}, label={name.title()!r}, version="1.0.0"{fields})
        """))
        if "hooks" in spec:
            (folder / "hooks.py").write_text("from devparty_admin.plugins import hookimpl\n"
                                             + textwrap.dedent(spec["hooks"]))
    return package


@pytest.fixture
def plugin_path(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


@pytest.fixture
def app_with(app, plugin_path):
    """app_with(package, enabled=[...]) -> an app on the same database with those plugins."""
    def build(package, enabled=()):
        return create_app({"TESTING": True, "SECRET_KEY": "test",
                           "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
                           "DEVPARTY_PLUGIN_PACKAGES": [package],
                           "DEVPARTY_PLUGINS": list(enabled)})
    return build


def test_plugins_load_after_their_dependencies(plugin_path):
    package = write_plugins(plugin_path, {
        "zeta": {"manifest": {"depends": ("alpha",)}},
        "alpha": {},
        "mid": {"manifest": {"depends": ("zeta", "alpha")}},
    })
    found = [p.name for p in discover([package]) if p.module.__name__.startswith(package)]
    assert found == ["alpha", "zeta", "mid"]  # other installed plugins may come too


@pytest.mark.parametrize("specs,message", [
    ({"b": {"manifest": {"depends": ("nothere",)}}},
     "Plugin 'b' depends on 'nothere', which is not installed."),
    ({"a": {"manifest": {"depends": ("b",)}}, "b": {"manifest": {"depends": ("a",)}}},
     "Plugins depend on each other in a cycle"),
    ({"bad": {"init": "import no_such_module_anywhere\n"}}, "failed to import"),
    ({"one": {"init": "from devparty_admin.plugins import Manifest\n"
                      "manifest = Manifest(name='same', label='1', version='1')\n"},
      "two": {"init": "from devparty_admin.plugins import Manifest\n"
                      "manifest = Manifest(name='same', label='2', version='1')\n"}},
     "Two plugins are named 'same'"),
    ({"bare": {"init": "x = 1\n"}}, "has no manifest"),
])
def test_a_broken_plugin_is_one_clear_line(plugin_path, specs, message):
    package = write_plugins(plugin_path, specs)
    with pytest.raises(PluginError, match=message.replace("(", r"\(").replace(")", r"\)")) as error:
        discover([package])
    assert "\n" not in str(error.value)


def test_start_up_stops_with_one_line_and_a_non_zero_exit(plugin_path):
    package = write_plugins(plugin_path, {"b": {"manifest": {"depends": ("nothere",)}}})
    env = {**os.environ, "PYTHONPATH": f"{plugin_path}{os.pathsep}{ROOT}",
           "DEVPARTY_PLUGIN_PACKAGES": package, "DEVPARTY_DATABASE_URL": "sqlite://"}
    result = subprocess.run([sys.executable, "-c", "from devparty_admin import create_app; create_app()"],
                            env=env, capture_output=True, text=True, cwd=plugin_path)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "DevParty Admin cannot start: Plugin 'b' depends on 'nothere', which is not installed."]


def test_an_installed_distribution_is_discovered_through_its_entry_point(plugin_path):
    module = f"ep_plugin_{uuid.uuid4().hex[:8]}"
    (plugin_path / module).mkdir()
    (plugin_path / module / "__init__.py").write_text(
        "from devparty_admin.plugins import Manifest\n"
        "manifest = Manifest(name='enterprise', label='Doanh nghiệp', version='0.1.0')\n")
    dist = plugin_path / f"{module}-0.1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1.0\n")
    (dist / "entry_points.txt").write_text(f"[devparty_admin.plugins]\nenterprise = {module}\n")
    found = {p.name: p.module.__name__ for p in discover([])}
    assert found["enterprise"] == module


GUARD = """
@hookimpl
def transition_guards(proposal, rules):
    return ["Chưa thẩm tra chính trị nội bộ (Quy định 58-QĐ/TW)."]
"""


def test_plugin_guards_apply_to_their_sector_only_while_enabled(app_with, plugin_path, branch, db):
    package = write_plugins(plugin_path, {"police": {"manifest": {"sector": "police"},
                                                     "hooks": GUARD}})
    plugin_app = app_with(package, enabled=["police"])
    with plugin_app.app_context():
        candidate = db.session.get(Candidate, branch.candidate.id)
        branch.candidate = candidate
        message = "Chưa thẩm tra chính trị nội bộ (Quy định 58-QĐ/TW)."
        assert message not in reasons(branch, vote(branch.unit))  # the unit has no sector
        candidate.organization.sector = "police"
        db.session.commit()
        assert message in reasons(branch, vote(branch.unit))
        plugin_app.extensions["devparty_plugins"].set_enabled("police", False)
        db.session.commit()
        assert message not in reasons(branch, vote(branch.unit))


def test_enabling_respects_dependencies_and_survives_in_the_database(app_with, plugin_path, db):
    package = write_plugins(plugin_path, {"base": {}, "extra": {"manifest": {"depends": ("base",)}}})
    plugin_app = app_with(package)
    runner = plugin_app.test_cli_runner()
    with plugin_app.app_context():
        refused = runner.invoke(args=["devparty", "plugins", "enable", "extra"])
        assert refused.exit_code != 0 and "Enable base before 'extra'." in refused.output
        assert runner.invoke(args=["devparty", "plugins", "enable", "base"]).exit_code == 0
        assert runner.invoke(args=["devparty", "plugins", "enable", "extra"]).exit_code == 0
        refused = runner.invoke(args=["devparty", "plugins", "disable", "base"])
        assert "Disable extra before 'base'" in refused.output
        listing = runner.invoke(args=["devparty", "plugins", "list"]).output
        assert "base" in listing and "extra" in listing and "bật" in listing
    again = app_with(package)  # a new worker reads the same state
    with again.app_context():
        assert again.extensions["devparty_plugins"].enabled() == {"base", "extra"}


def test_modules_screen_is_for_administrators(app_with, plugin_path, make, db):
    package = write_plugins(plugin_path, {"justice": {"manifest": {"sector": "justice"}}})
    plugin_app = app_with(package)
    from devparty_admin.testing import Browser
    admin = Browser(plugin_app.test_client())
    with plugin_app.app_context():
        make.user("admin", None, username="quantri")
        make.user("committee", make.org("Đảng bộ"), username="capuy")
    assert admin.login("quantri").status_code == 302
    page = admin.get("/admin/modules/").get_data(as_text=True)
    assert 'data-module="justice"' in page
    admin.refresh_token(page)
    assert admin.post("/admin/modules/justice/enable").status_code == 302
    with plugin_app.app_context():
        assert plugin_app.extensions["devparty_plugins"].enabled() == {"justice"}
    other = Browser(plugin_app.test_client())
    other.login("capuy")
    assert other.get("/admin/modules/").status_code == 403


VIEWS = """
@hookimpl
def admin_views():
    from devparty_admin.admin.development import ActView
    from devparty_admin.models import Act
    return [ActView(Act, name="Sổ nghị quyết ngành", endpoint="sector_acts")]
"""


def test_a_plugins_screens_hide_while_it_is_disabled(app_with, plugin_path, make, db):
    package = write_plugins(plugin_path, {"justice": {"manifest": {"sector": "justice"},
                                                      "hooks": VIEWS}})
    plugin_app = app_with(package)
    from devparty_admin.testing import Browser
    with plugin_app.app_context():
        make.user("admin", None, username="quantri")
    admin = Browser(plugin_app.test_client())
    admin.login("quantri")
    assert admin.get("/admin/sector_acts/").status_code == 403
    assert "Sổ nghị quyết ngành" not in admin.get("/admin/").get_data(as_text=True)
    with plugin_app.app_context():
        plugin_app.extensions["devparty_plugins"].set_enabled("justice", True)
        db.session.commit()
    assert admin.get("/admin/sector_acts/").status_code == 200
    assert "Sổ nghị quyết ngành" in admin.get("/admin/").get_data(as_text=True)


ROW_ICON = """
@hookimpl
def admin_views():
    from flask_admin.model.template import LinkRowAction
    from devparty_admin.admin.people import CandidateView
    from devparty_admin.models import Candidate

    class Printable(CandidateView):
        column_extra_row_actions = [LinkRowAction("fa fa-print", "/print/{row_id}", "In")]
    return [Printable(Candidate, name="Hồ sơ in", endpoint="printable")]
"""


def test_a_plugins_own_row_icon_is_drawn_on_each_row(app_with, plugin_path, make, db):
    """A row icon a plugin adds (not one of the list's own lean icons) is drawn on every row,
    next to the open and edit icons."""
    package = write_plugins(plugin_path, {"printing": {"hooks": ROW_ICON}})
    plugin_app = app_with(package, enabled=["printing"])
    from devparty_admin.testing import Browser
    with plugin_app.app_context():
        make.user("admin", None, username="quantri")
        unit = make.org("Chi bộ In")
        people = [make.candidate(unit, name).id for name in ("Lê Văn In", "Lê Thị Bản")]
    admin = Browser(plugin_app.test_client())
    admin.login("quantri")
    listed = admin.get("/admin/printable/").get_data(as_text=True)
    for person in people:
        assert f'href="/print/{person}" title="In"' in listed
        assert f'href="/admin/printable/details/?id={person}&amp;url=' in listed


ENTERPRISE = {
    "__init__.py": """
        from devparty_admin.plugins import Manifest
        manifest = Manifest(name="enterprise", label="Doanh nghiệp", version="0.1.0",
                            sector="enterprise")
    """,
    "models.py": """
        from sqlalchemy import ForeignKey, String
        from sqlalchemy.orm import Mapped, backref, mapped_column, relationship
        from devparty_admin.extensions import db
        from devparty_admin.models import Candidate

        class EnterpriseProfile(db.Model):
            __tablename__ = "enterprise_profile"
            candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), primary_key=True)
            company: Mapped[str | None] = mapped_column(String(200))
            candidate: Mapped[Candidate] = relationship(
                backref=backref("enterprise_profile", uselist=False, cascade="all, delete-orphan"))
    """,
    "hooks.py": """
        from devparty_admin.plugins import CandidateExtension, hookimpl
        from .models import EnterpriseProfile

        @hookimpl
        def candidate_extension():
            return CandidateExtension(model=EnterpriseProfile, fields=["company"],
                                      labels={"company": "Doanh nghiệp nơi làm việc"})
    """,
    "migrations/versions/0001_enterprise_profile.py": """
        import sqlalchemy as sa
        from alembic import op
        revision = "e0e0e0e0e001"
        down_revision = None
        branch_labels = ("enterprise",)
        depends_on = "ce7307f00c56"

        def upgrade():
            op.create_table("enterprise_profile",
                            sa.Column("candidate_id", sa.Integer(), sa.ForeignKey("candidate.id"),
                                      primary_key=True),
                            sa.Column("company", sa.String(200)))

        def downgrade():
            op.drop_table("enterprise_profile")
    """,
}

FORM_OF_AN_ENTERPRISE_CANDIDATE = """
import re, sys
from flask_migrate import upgrade
from devparty_admin import create_app
from devparty_admin.extensions import db
from devparty_admin.models import Candidate, Organization, User
app = create_app({"SQLALCHEMY_DATABASE_URI": sys.argv[1], "DEVPARTY_PLUGINS": ["enterprise"],
                  "WTF_CSRF_ENABLED": False, "SECRET_KEY": "test"})
with app.app_context():
    upgrade(revision="heads")
    unit = Organization(name="Chi bộ Công ty Cổ phần May", level="Chi bộ", sector="enterprise")
    db.session.add(unit)
    db.session.flush()
    user = User(username="bithu", display_name="Bí thư", role="branch", organization=unit)
    user.set_password("mat-khau-thu-1")
    candidate = Candidate(full_name="Nguyễn Văn An", organization=unit)
    db.session.add_all([user, candidate])
    db.session.commit()
    cid = candidate.id
client = app.test_client()
client.post("/login", data={"username": "bithu", "password": "mat-khau-thu-1"})
html = client.get(f"/admin/candidate/edit/?id={cid}").get_data(as_text=True)
print(sorted(set(re.findall(r'name="(enterprise__[a-z_]+)"', html))), "Doanh nghiệp nơi làm việc" in html)
"""


def test_a_pip_installed_sector_plugin_adds_its_field_to_the_form(plugin_path):
    """A fifth sector shipped as a distribution: found through its entry point, its migration
    run by `upgrade heads`, its field on the candidate form of its sector's units."""
    _enterprise_package(plugin_path)
    env = {**os.environ, "PYTHONPATH": f"{plugin_path}{os.pathsep}{ROOT}"}
    result = subprocess.run(
        [sys.executable, "-c", FORM_OF_AN_ENTERPRISE_CANDIDATE,
         f"sqlite:///{plugin_path / 'enterprise.sqlite3'}"],
        env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "['enterprise__company'] True"


PAPERS = """
from pathlib import Path

from devparty_admin.papers import PERSON, Paper


def _context(candidate):
    return {"name": candidate.full_name, "unit": candidate.organization.name}


@hookimpl
def papers():
    return [Paper("SECTOR-1", "Giấy của ngành", PERSON, _context,
                  folder=Path(__file__).parent / "templates")]
"""


def test_a_plugin_adds_a_paper_with_its_own_template(app_with, plugin_path, make, db):
    import io

    from docx import Document

    from devparty_admin.testing import Browser
    package = write_plugins(plugin_path, {"nganh": {"hooks": PAPERS}})
    (plugin_path / package / "nganh" / "templates").mkdir()
    template = Document()
    template.add_paragraph("GIẤY CỦA NGÀNH: {{ name }} – {{ unit }}")
    template.save(plugin_path / package / "nganh" / "templates" / "SECTOR-1.docx")
    plugin_app = app_with(package, enabled=["nganh"])
    with plugin_app.app_context():
        unit = make.org("Chi bộ 01")
        person = make.candidate(unit, full_name="Lò Thị Giấy").id
        make.user("branch", unit, username="bithu")
    session = Browser(plugin_app.test_client())
    assert session.login("bithu").status_code == 302
    page = session.get(f"/admin/candidate/details/?id={person}").get_data(as_text=True)
    assert "Giấy của ngành" in page
    paper = session.get(f"/admin/candidate/paper/SECTOR-1/?id={person}")
    text = "\n".join(p.text for p in Document(io.BytesIO(paper.data)).paragraphs)
    assert text.strip() == "GIẤY CỦA NGÀNH: Lò Thị Giấy – Chi bộ 01"


REMOVAL = """
import sys
from devparty_admin import create_app
from devparty_admin.extensions import db
phase, url = sys.argv[1], sys.argv[2]
app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "test",
                  "DEVPARTY_PLUGINS": ["enterprise"] if phase != "uninstalled" else [],
                  "WTF_CSRF_ENABLED": False})
cli = app.test_cli_runner()
def run(*args):
    result = cli.invoke(args=["devparty", *args])
    print(phase, args[0], result.exit_code, (result.output or str(result.exception)).strip()
          .splitlines()[-1:])
    return result
run("init", "--password", "mat-khau-rat-dai-1")
if phase == "remove":
    from devparty_admin.models import Candidate, Organization, User
    with app.app_context():
        unit = Organization(name="Chi bộ Công ty May", level="Chi bộ", sector="enterprise")
        db.session.add(unit)
        db.session.flush()
        user = User(username="bithu", display_name="Bí thư", role="admin")
        user.set_password("mat-khau-thu-1")
        person = Candidate(full_name="Người Sẽ Xóa", organization=unit)
        db.session.add_all([user, person])
        db.session.flush()
        from ep_module.models import EnterpriseProfile
        db.session.add(EnterpriseProfile(candidate_id=person.id, company="May 10"))
        db.session.commit()
        pid = person.id
    run("plugins", "disable", "enterprise")
    client = app.test_client()
    client.post("/login", data={"username": "bithu", "password": "mat-khau-thu-1"})
    client.post("/admin/candidate/delete/", data={"id": str(pid), "url": "/admin/candidate/"})
    with app.app_context():
        print("deleted with the plugin off:", db.session.get(Candidate, pid) is None)
    run("plugins", "remove", "enterprise", "--yes")
    print("page:", client.get("/admin/candidate/").status_code)
    run("init")
elif phase == "uninstalled":
    run("plugins", "forget", "enterprise")
    run("init")
"""


def _enterprise_package(plugin_path) -> str:
    module = f"ep_{uuid.uuid4().hex[:8]}"
    for name, text in ENTERPRISE.items():
        path = plugin_path / module / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    dist = plugin_path / f"{module}-0.1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1.0\n")
    (dist / "entry_points.txt").write_text(f"[devparty_admin.plugins]\nenterprise = {module}\n")
    return module


def _run_phase(plugin_path, phase, database, installed=True, module="") -> str:
    path = f"{plugin_path}{os.pathsep}{ROOT}" if installed else str(ROOT)
    result = subprocess.run(
        [sys.executable, "-c", REMOVAL.replace("ep_module", module), phase, database],
        env={**os.environ, "PYTHONPATH": path}, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_a_plugin_is_removed_cleanly_and_an_uninstalled_one_is_named(plugin_path):
    module = _enterprise_package(plugin_path)
    database = f"sqlite:///{plugin_path / 'removal.sqlite3'}"
    out = _run_phase(plugin_path, "remove", database, module=module)
    assert "deleted with the plugin off: True" in out
    assert "remove plugins 0 ['Đã gỡ mô-đun enterprise" in out
    assert "page: 200" in out
    assert out.strip().splitlines()[-1].startswith("remove init 0")  # upgrades cleanly after
    # Uninstalled before being removed: init names the plugin and the two ways out.
    other = f"sqlite:///{plugin_path / 'uninstalled.sqlite3'}"
    _run_phase(plugin_path, "installed", other, module=module)
    out = _run_phase(plugin_path, "uninstalled", other, installed=False)
    first = out.strip().splitlines()[0]
    assert first.startswith("uninstalled init 1") and "plugin 'enterprise'" in first
    assert "plugins remove enterprise" in first and "plugins forget enterprise" in first
    assert out.strip().splitlines()[-1].startswith("uninstalled init 0")


UNSCOPED = """
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Elsewhere(DeclarativeBase):  # not the product's metadata: nothing to migrate or clean
    pass


class LooseThing(Elsewhere):
    __tablename__ = "loose_thing"
    id: Mapped[int] = mapped_column(primary_key=True)


@hookimpl
def admin_views():
    from devparty_admin.admin.base import ScopedModelView
    return [ScopedModelView(LooseThing, name="Loose", endpoint="loose")]
"""


def test_a_screen_whose_model_cannot_be_scoped_stops_the_start(app_with, plugin_path):
    package = write_plugins(plugin_path, {"loose": {"hooks": UNSCOPED}})
    with pytest.raises(SystemExit, match="the plugin 'loose' shows LooseThing on a screen, "
                                         "but it has no organization_id"):
        app_with(package)
