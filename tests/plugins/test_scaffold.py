"""A new sector from `flask devparty plugins new`, as a third party would ship it: the package
passes its own tests with the kit on both engines, its demo loads into an existing demo
database, and `plugins remove` leaves a database that upgrades cleanly."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]

LIFECYCLE = """
import sys
from devparty_admin import create_app
url = sys.argv[1]
app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "test", "DEVPARTY_PLUGINS": []})
cli = app.test_cli_runner()
for args in (["init", "--password", "mat-khau-rat-dai-1"], ["demo"],
             ["plugins", "enable", "truonghoc"], ["demo"], ["demo"],
             ["plugins", "remove", "truonghoc", "--yes"], ["init"]):
    result = cli.invoke(args=["devparty", *args])
    print(" ".join(args[:2]), result.exit_code,
          " | ".join((result.output or repr(result.exception)).strip().splitlines()))
"""


def _app(tmp_path):
    from devparty_admin import create_app
    return create_app({"TESTING": True, "SECRET_KEY": "x", "DEVPARTY_PLUGINS": [],
                       "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'cli.sqlite3'}"})


def _installed(tmp_path) -> dict:
    """Generate the package, and make it importable and discoverable (its entry point) as
    `pip install` would, without touching this environment."""
    runner = CliRunner()
    with _app(tmp_path).app_context():
        from devparty_admin.cli import plugins_new_command
        result = runner.invoke(plugins_new_command, ["truonghoc", "--label", "Trường học",
                                                     "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    package = tmp_path / "devparty-truonghoc"
    site = tmp_path / "site" / "devparty_truonghoc-0.1.0.dist-info"
    site.mkdir(parents=True)
    (site / "METADATA").write_text("Metadata-Version: 2.1\nName: devparty-truonghoc\n"
                                   "Version: 0.1.0\n")
    (site / "entry_points.txt").write_text(
        "[devparty_admin.plugins]\ntruonghoc = devparty_truonghoc\n")
    path = os.pathsep.join([str(tmp_path / "site"), str(package), str(ROOT)])
    return {"package": package, "env": {**os.environ, "PYTHONPATH": path}}


def test_a_generated_sector_passes_its_tests_loads_its_demo_and_leaves_cleanly(tmp_path):
    installed = _installed(tmp_path)
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                            f"--basetemp={tmp_path / 'pytest'}"],
                           cwd=installed["package"], env=installed["env"], capture_output=True,
                           text=True)
    assert tests.returncode == 0, tests.stdout[-3000:]
    assert "8 passed" in tests.stdout  # four tests, SQLite and PostgreSQL
    lifecycle = subprocess.run(
        [sys.executable, "-c", LIFECYCLE, f"sqlite:///{tmp_path / 'demo.sqlite3'}"],
        cwd=ROOT, env=installed["env"], capture_output=True, text=True)
    assert lifecycle.returncode == 0, lifecycle.stderr[-3000:]
    lines = lifecycle.stdout.strip().splitlines()
    assert lines[3].startswith("demo 0 Đã nạp dữ liệu mẫu: Trường học. |")  # into the demo
    assert "demo.truonghoc.cb01" in lines[3]
    assert lines[4].startswith("demo 0 Dữ liệu mẫu đã có đủ")
    assert lines[5].startswith("plugins remove 0") and "Đã gỡ mô-đun truonghoc" in lines[5]
    assert lines[6].startswith("init 0")


def test_a_taken_or_bad_name_writes_nothing(tmp_path):
    from devparty_admin.cli import plugins_new_command
    runner = CliRunner()
    folder = tmp_path / "out"
    folder.mkdir()
    with _app(tmp_path).app_context():
        for name in ("police", "Giao-duc"):
            result = runner.invoke(plugins_new_command, [name, "--label", "X",
                                                         "--dir", str(folder)])
            assert result.exit_code != 0
    assert list(folder.iterdir()) == []
