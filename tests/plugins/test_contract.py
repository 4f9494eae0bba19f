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
from tests.workflow_fixtures import reasons, vote

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
    assert [p.name for p in discover([package])] == ["alpha", "zeta", "mid"]


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
    assert [p.name for p in discover([])] == ["enterprise"]


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
    from tests.conftest import Browser
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
    from tests.conftest import Browser
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
