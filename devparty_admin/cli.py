"""``flask devparty …``: set-up, demo data and account management from the shell."""
from __future__ import annotations

import secrets
import subprocess
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup
from flask_migrate import downgrade, upgrade
from sqlalchemy import bindparam, select, text

from .extensions import db
from .models import Organization, User
from .plugins.loader import PluginError, plugins
from .plugins.migrations import plugin_revisions, record_revisions
from .security.passwords import password_problems
from .security.permissions import role_choices, role_label, role_sees_all_units

devparty = AppGroup("devparty", help="DevParty Admin commands.")


def _find_user(username: str) -> User | None:
    return db.session.scalar(select(User).where(User.username == username.strip().lower()))


def _find_unit(code: str | None) -> Organization | None:
    if not code:
        return None
    unit = db.session.scalar(select(Organization).where(Organization.code == code))
    if unit is None:
        raise click.ClickException(f"Không có tổ chức mã '{code}'.")
    return unit


def _check_password(password: str, username: str, display_name: str) -> None:
    """The policy of the user screen, on the command line too."""
    problems = password_problems(password, username, display_name)
    if problems:
        raise click.ClickException(" ".join(problems))


@devparty.command("init")
@click.option("--username", default="admin", show_default=True)
@click.option("--password", default=None, help="Mật khẩu; bỏ trống thì tạo ngẫu nhiên và in ra.")
def init_command(username: str, password: str | None) -> None:
    """Migrate the database and create the first administrator (safe to run again)."""
    if password:
        _check_password(password, username, "")
    upgrade(revision="heads")
    plugins().record_defaults()
    record_revisions()
    db.session.commit()
    if db.session.scalar(select(User.id).limit(1)) is not None:
        click.echo("Cơ sở dữ liệu đã sẵn sàng; đã có tài khoản, không tạo thêm.")
        return
    password = password or secrets.token_urlsafe(12)
    admin = User(username=username, display_name="Quản trị hệ thống", role="admin")
    admin.set_password(password)
    db.session.add(admin)
    db.session.commit()
    click.echo(f"Đã tạo quản trị viên: {username} / {password}")
    click.echo(f"Hãy lưu mật khẩu này. Quên thì đặt lại: flask --app wsgi devparty "
               f"set-password {username}")


@devparty.command("demo")
def demo_command() -> None:
    """Load the demo organizations, people and logins (safe to run again), then print the logins."""
    from .demo import DEMO_PASSWORD, load_demo

    created = load_demo()
    click.echo(f"Đã nạp dữ liệu mẫu: {', '.join(created)}." if created
               else "Dữ liệu mẫu đã có đủ cho các mô-đun đang bật.")
    click.echo(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
    users = db.session.scalars(select(User).where(User.username.like("demo.%")).order_by(User.id))
    for user in users:
        unit = user.organization.name if user.organization else "toàn hệ thống"
        click.echo(f"  {user.username:<22} {role_label(user.role):<24} {unit}")


@devparty.command("create-user")
@click.option("--username", required=True)
@click.option("--display-name", required=True)
@click.option("--role", required=True, help="admin, committee, branch, viewer or a role of an "
              "enabled plugin (e.g. police_vetting).")
@click.option("--unit", "unit_code", default=None, help="Mã tổ chức (đơn vị) của tài khoản.")
@click.password_option()
def create_user_command(username, display_name, role, unit_code, password) -> None:
    """Create a login at one unit."""
    if _find_user(username) is not None:
        raise click.ClickException(f"Tên đăng nhập '{username}' đã tồn tại.")
    roles = dict(role_choices())
    if role not in roles:
        raise click.ClickException(f"Vai trò '{role}' không có. Chọn một trong: {', '.join(roles)}.")
    unit = _find_unit(unit_code)
    if unit is None and not role_sees_all_units(role):
        raise click.ClickException("Tài khoản này cần mã tổ chức (--unit).")
    _check_password(password, username, display_name)
    user = User(username=username, display_name=display_name, role=role, organization=unit)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Đã tạo tài khoản {user.username}.")


@devparty.command("set-password")
@click.argument("username")
@click.password_option()
def set_password_command(username: str, password: str) -> None:
    """Set a user's password; the user's open sessions end."""
    user = _find_user(username)
    if user is None:
        raise click.ClickException(f"Không có tài khoản '{username}'.")
    _check_password(password, user.username, user.display_name)
    user.set_password(password)
    db.session.commit()
    click.echo(f"Đã đổi mật khẩu cho {user.username}; các phiên đăng nhập cũ đã bị đóng.")


@devparty.command("sign-out")
@click.argument("username")
def sign_out_command(username: str) -> None:
    """End every session of a user (a lost or shared computer)."""
    user = _find_user(username)
    if user is None:
        raise click.ClickException(f"Không có tài khoản '{username}'.")
    user.revoke_sessions()
    db.session.commit()
    click.echo(f"Đã đăng xuất {user.username} khỏi mọi phiên.")


@devparty.command("prune-uploads")
def prune_uploads_command() -> None:
    """Remove uploaded files that no dossier document names (older than an hour)."""
    from .uploads import prune, recorded_names

    removed = prune(recorded_names(db.session))
    click.echo(f"Đã xóa {removed} tệp không còn thuộc hồ sơ nào.")


@devparty.command("rebuild-alert-dates")
def rebuild_alert_dates_command() -> None:
    """Recompute every candidate's alert dates from its steps and classes (after a bulk load
    that went around the application)."""
    from .workflow.alert_dates import refresh

    # A bulk load leaves the planner's statistics behind: without them PostgreSQL read every
    # step for each candidate (more than 12 minutes for a million instead of a few).
    db.session.execute(text("ANALYZE"))
    refresh(db.session.connection())
    db.session.commit()
    click.echo("Đã tính lại ngày vào giai đoạn và ngày chứng nhận của mọi quần chúng.")


@devparty.command("backup")
@click.argument("archive", type=click.Path(dir_okay=False, path_type=Path))
def backup_command(archive: Path) -> None:
    """Write the database, the uploaded files and the secret key into one .tar.gz archive."""
    from .backup import BackupError, make_backup

    try:
        manifest = make_backup(archive)
    except (BackupError, OSError, subprocess.CalledProcessError) as error:
        raise click.ClickException(f"Sao lưu không thành công: {_said(error)}") from None
    click.echo(f"Đã sao lưu vào {archive}: cơ sở dữ liệu {manifest['engine']}, "
               f"{manifest['uploads']} tệp đính kèm"
               f"{', khóa bí mật' if manifest['secret_key'] else ''}.")


@devparty.command("restore")
@click.argument("archive", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def restore_command(archive: Path) -> None:
    """Restore an archive made by `backup` into an empty installation."""
    from .backup import BackupError, restore_backup

    try:
        manifest = restore_backup(archive)
    except (BackupError, OSError, subprocess.CalledProcessError) as error:
        raise click.ClickException(f"Khôi phục không thành công: {_said(error)}") from None
    click.echo(f"Đã khôi phục bản sao lưu lúc {manifest['created_at']}. Chạy "
               "`flask db upgrade heads` nếu phiên bản mã mới hơn bản sao lưu.")


def _said(error: Exception) -> str:
    if isinstance(error, subprocess.CalledProcessError):
        return (error.stderr or b"").decode(errors="replace").strip() or str(error)
    return str(error)


def register_cli(app: Flask) -> None:
    app.cli.add_command(devparty)


plugins_group = AppGroup("plugins", help="List, enable and disable plugins (modules).")
devparty.add_command(plugins_group)


@plugins_group.command("list")
def plugins_list_command() -> None:
    """Every discovered plugin with its version, dependencies and state."""
    from .admin.modules import plugin_rows

    rows = plugin_rows()
    if not rows:
        click.echo("Chưa cài đặt mô-đun nào.")
    for row in rows:
        state = "bật" if row["enabled"] else "tắt"
        click.echo(f"{row['name']:<14} {row['label']:<22} {row['version']:<8} {state:<4} "
                   f"phụ thuộc: {row['depends'] or '—'}")


def _change_plugin(name: str, enabled: bool) -> None:
    try:
        plugins().set_enabled(name, enabled)
    except PluginError as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"Đã {'bật' if enabled else 'tắt'} mô-đun {name}.")


@plugins_group.command("enable")
@click.argument("name")
def plugins_enable_command(name: str) -> None:
    _change_plugin(name, True)


@plugins_group.command("disable")
@click.argument("name")
def plugins_disable_command(name: str) -> None:
    """Hide the plugin's screens, fields and rules; its data is kept."""
    _change_plugin(name, False)


@plugins_group.command("new")
@click.argument("name")
@click.option("--sector", default=None, help="Mã ngành (mặc định: như NAME).")
@click.option("--label", required=True, help="Tên hiển thị, ví dụ \"Giáo dục\".")
@click.option("--dir", "parent", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True, help="Thư mục đặt gói mới.")
def plugins_new_command(name: str, sector: str | None, label: str, parent: Path) -> None:
    """Write a working sector plugin package (fields, rule, screen, report, demo, migration,
    tests) to start from; see docs/plugins.md."""
    from .plugins.scaffold import ScaffoldError, new_plugin

    try:
        root = new_plugin(name, sector or name, label, parent, set(plugins().plugins))
    except ScaffoldError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Đã tạo {root}. Tiếp theo: pip install -e {root}; flask --app wsgi devparty "
               f"init; flask --app wsgi devparty plugins enable {name}; cd {root} && pytest")


@plugins_group.command("remove")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Không hỏi lại.")
def plugins_remove_command(name: str, yes: bool) -> None:
    """Disable NAME and drop its tables and data, before its package is uninstalled."""
    registry = plugins()
    plugin = registry.plugins.get(name)
    if plugin is None:
        raise click.ClickException(f"Không có mô-đun nào tên '{name}'.")
    users = [other.name for other in registry.plugins.values() if name in other.manifest.depends]
    if users:
        raise click.ClickException(f"Hãy gỡ {', '.join(users)} trước: chúng phụ thuộc '{name}'.")
    if not yes:
        click.confirm(f"Gỡ mô-đun {plugin.manifest.label} ({name}) sẽ xóa vĩnh viễn các bảng và "
                      "dữ liệu của nó. Tiếp tục?", abort=True)
    if name in registry.enabled():
        _change_plugin(name, False)
    if plugin_revisions().get(name):
        downgrade(revision=f"{name}@base")
    _forget_state(name)
    click.echo(f"Đã gỡ mô-đun {name}: bảng của nó đã bị xóa. Có thể gỡ gói của mô-đun.")


@plugins_group.command("forget")
@click.argument("name")
def plugins_forget_command(name: str) -> None:
    """Forget the schema of an uninstalled plugin NAME (its tables stay, unused)."""
    from .models import PluginState

    state = db.session.get(PluginState, name)
    revisions = set((state.revisions or "").split()) if state is not None else set()
    if not revisions:
        raise click.ClickException(f"Cơ sở dữ liệu không ghi nhận phiên bản nào của '{name}'.")
    db.session.execute(text("DELETE FROM alembic_version WHERE version_num IN :known")
                       .bindparams(bindparam("known", expanding=True)),
                       {"known": sorted(revisions)})
    _forget_state(name)
    click.echo(f"Đã bỏ phiên bản lược đồ của '{name}'; các bảng của nó vẫn còn, không dùng nữa.")


def _forget_state(name: str) -> None:
    """The plugin stays recorded as off (so DEVPARTY_PLUGINS does not turn it on again),
    with no version and no schema."""
    from .models import PluginState

    state = db.session.get(PluginState, name) or PluginState(name=name)
    state.enabled, state.installed_version, state.revisions = False, None, None
    db.session.add(state)
    db.session.commit()


units_group = AppGroup("units", help="Reorganize the tree (merges) from the command line.")
devparty.add_command(units_group)


@units_group.command("merge")
@click.argument("mapping", type=click.File(encoding="utf-8-sig"))
@click.option("--number", required=True, help="Số quyết định, ví dụ 12-QĐ/TU.")
@click.option("--date", "day", required=True, help="Ngày quyết định, dd/mm/yyyy.")
@click.option("--issuer", required=True, help="Cơ quan ban hành.")
@click.option("--plans", type=click.Choice(["carry", "keep"]), default="carry", show_default=True)
@click.option("--commit", is_flag=True, help="Thực hiện (mặc định chỉ xem trước).")
def units_merge_command(mapping, number: str, day: str, issuer: str, plans: str,
                        commit: bool) -> None:
    """Merge units as MAPPING says, one "old code,new code" per line: a dry run that shows what
    would move and any reason to refuse, unless --commit (then all of it, or nothing)."""
    import csv

    from .workflow.reorganization import ReorganizationRefused, merge, preview, problems

    decision = _decision(number, day, issuer)
    groups: dict[str, list[str]] = {}
    for row in csv.reader(mapping):
        if len(row) >= 2 and row[0].strip() and not row[0].startswith("#"):
            groups.setdefault(row[1].strip(), []).append(row[0].strip())
    units = {org.code: org for org in db.session.scalars(select(Organization).where(
        Organization.code.in_([c for new, olds in groups.items() for c in (new, *olds)])))}
    refused = []
    for new, olds in groups.items():
        sources = [units[code] for code in olds if code in units]
        refused += [f"{code}: không có tổ chức đảng có mã này." for code in (new, *olds)
                    if code not in units]
        refused += problems(sources, units.get(new), decision)
        counts = preview(sources).counts
        click.echo(f"{', '.join(olds)} → {new}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if refused:
        raise click.ClickException("Không thể sáp nhập: " + "; ".join(refused))
    if not commit:
        click.echo("Xem trước: chưa thay đổi gì. Thêm --commit để thực hiện.")
        return
    try:
        for new, olds in groups.items():
            merge([units[code] for code in olds], units[new], _decision(number, day, issuer),
                  actor=None, plans=plans)
    except ReorganizationRefused as error:
        db.session.rollback()
        raise click.ClickException("Không thể sáp nhập: " + "; ".join(error.reasons)) from None
    db.session.commit()
    click.echo(f"Đã sáp nhập {sum(len(olds) for olds in groups.values())} tổ chức đảng.")


def _decision(number: str, day: str, issuer: str, model=None):
    """The decision given by the options, as a ``UnitChange`` (or ``model``: a ``Transfer``)."""
    from datetime import datetime

    from .models import UnitChange

    try:
        on = datetime.strptime(day.strip(), "%d/%m/%Y").date()
    except ValueError:
        raise click.ClickException("Ngày phải viết dd/mm/yyyy.") from None
    return (model or UnitChange)(number=number, act_date=on, issuer=issuer)


def _unit(code: str) -> Organization:
    unit = db.session.scalar(select(Organization).where(Organization.code == code))
    if unit is None:
        raise click.ClickException(f"{code}: không có tổ chức đảng có mã này.")
    return unit


def _reorganize(operation, *args, **kwargs) -> None:
    from .workflow.reorganization import ReorganizationRefused

    try:
        operation(*args, actor=None, **kwargs)
    except ReorganizationRefused as error:
        db.session.rollback()
        raise click.ClickException("Không thể thực hiện: " + "; ".join(error.reasons)) from None
    db.session.commit()


DECISION_OPTIONS = [click.option("--number", required=True), click.option("--date", "day",
                    required=True), click.option("--issuer", required=True)]


def _with_decision(command):
    for option in reversed(DECISION_OPTIONS):
        command = option(command)
    return command


@units_group.command("rename")
@click.argument("code")
@click.argument("name")
@_with_decision
def units_rename_command(code: str, name: str, number: str, day: str, issuer: str) -> None:
    """Rename the unit CODE to NAME by a decision (the old name stays in its record)."""
    from .workflow.reorganization import rename

    _reorganize(rename, _unit(code), name, _decision(number, day, issuer))
    click.echo(f"Đã đổi tên {code} thành “{name}”.")


@units_group.command("dissolve")
@click.argument("code")
@_with_decision
def units_dissolve_command(code: str, number: str, day: str, issuer: str) -> None:
    """End the unit CODE, which must hold no one (merge it otherwise)."""
    from .workflow.reorganization import dissolve

    _reorganize(dissolve, _unit(code), _decision(number, day, issuer))
    click.echo(f"Đã giải thể {code}.")


members_group = AppGroup("members", help="A member's party activity moved to another unit.")
devparty.add_command(members_group)


@members_group.command("transfer")
@click.argument("national_id")
@click.argument("to_code")
@click.option("--kind", type=click.Choice(["official", "temporary"]), default="official",
              show_default=True)
@_with_decision
def members_transfer_command(national_id: str, to_code: str, kind: str, number: str, day: str,
                             issuer: str) -> None:
    """Transfer the party activity of the member NATIONAL_ID to the unit TO_CODE."""
    from .models import Member, Transfer
    from .workflow.transfers import transfer_member

    member = db.session.scalar(select(Member).where(Member.national_id == national_id))
    if member is None:
        raise click.ClickException(f"Không có đảng viên có số CCCD {national_id}.")
    decision = _decision(number, day, issuer, Transfer)
    _reorganize(transfer_member, member, _unit(to_code), decision, kind=kind)
    click.echo(f"Đã chuyển sinh hoạt {'tạm thời ' if kind == 'temporary' else ''}"
               f"{member.full_name} sang {to_code}.")


@units_group.command("establish")
@click.argument("code")
@click.argument("name")
@click.option("--parent", "parent_code", required=True, help="Mã tổ chức đảng cấp trên.")
@click.option("--level", default="Chi bộ", show_default=True)
@_with_decision
def units_establish_command(code: str, name: str, parent_code: str, level: str, number: str,
                            day: str, issuer: str) -> None:
    """Establish the unit CODE named NAME under the unit --parent, by a decision."""
    from .workflow.reorganization import establish

    parent = _unit(parent_code)
    _reorganize(establish, Organization(code=code, name=name, level=level, parent=parent,
                                        sector=parent.sector), _decision(number, day, issuer))
    click.echo(f"Đã thành lập {code} ({name}).")


@units_group.command("move")
@click.argument("code")
@click.argument("parent_code")
@_with_decision
def units_move_command(code: str, parent_code: str, number: str, day: str, issuer: str) -> None:
    """Put the unit CODE (and everything under it) under PARENT_CODE, by a decision."""
    from .workflow.reorganization import move

    _reorganize(move, _unit(code), _unit(parent_code), _decision(number, day, issuer))
    click.echo(f"Đã chuyển {code} về trực thuộc {parent_code}.")


@units_group.command("split")
@click.argument("code")
@click.argument("assignment", type=click.File(encoding="utf-8-sig"))
@_with_decision
@click.option("--commit", is_flag=True, help="Thực hiện (mặc định chỉ xem trước).")
def units_split_command(code: str, assignment, number: str, day: str, issuer: str,
                        commit: bool) -> None:
    """Split the unit CODE as ASSIGNMENT says, one "kind,key,new unit code" per line (kinds:
    candidate and member by CCCD, user by username, class by id, unit by code, plan by year);
    everything it holds must be assigned. A dry run unless --commit."""
    from .workflow import split_file
    from .workflow.reorganization import ReorganizationRefused, split

    unit = _unit(code)
    given, problems = split_file.read(unit, assignment)
    if problems:
        raise click.ClickException("; ".join(problems))
    try:
        split(unit, given, _decision(number, day, issuer), actor=None)
    except ReorganizationRefused as error:
        db.session.rollback()
        raise click.ClickException("Không thể chia tách: " + "; ".join(error.reasons)) from None
    by_target: dict[str, list[str]] = {}
    for (target, kind), count in split_file.shares(given).items():
        by_target.setdefault(target.code, []).append(f"{kind} {count}")
    for target, counts in by_target.items():
        click.echo(f"{code} → {target}: " + ", ".join(counts))
    if not commit:
        db.session.rollback()
        click.echo("Xem trước: chưa thay đổi gì. Thêm --commit để thực hiện.")
        return
    db.session.commit()
    click.echo(f"Đã chia tách {code}.")
