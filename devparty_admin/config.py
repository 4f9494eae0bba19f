"""Settings read from the environment, with defaults fit for one office on SQLite."""
from __future__ import annotations

import json
import os
import secrets
from pathlib import Path


def _instance_secret(instance_path: Path) -> str:
    """Return the secret key kept in the instance folder, creating it on first use.

    A generated key survives restarts (sessions stay valid) without ever being a constant in code.
    """
    key_file = instance_path / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


def _rules(raw: str) -> dict:
    """Rule thresholds as JSON, e.g. ``{"max_age_years": 65}``; see workflow/rules.py."""
    if not raw.strip():
        return {}
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as error:
        raise SystemExit(f"DEVPARTY_RULES is not valid JSON: {error}") from None
    if not isinstance(value, dict):
        raise SystemExit("DEVPARTY_RULES must be a JSON object of rule names to numbers")
    return value


def _plugin_list(raw: str) -> list[str]:
    return [name.strip() for name in raw.split(",") if name.strip()]


def _flag(raw: str) -> bool:
    return raw.strip().lower() in ("1", "true", "yes", "on")


def load_config(instance_path: str) -> dict:
    """Build the application settings from ``DEVPARTY_*`` environment variables."""
    instance = Path(instance_path)
    env = os.environ
    return {
        "SQLALCHEMY_DATABASE_URI": env.get(
            "DEVPARTY_DATABASE_URL", f"sqlite:///{instance / 'devparty.sqlite3'}"
        ),
        "SECRET_KEY": env.get("DEVPARTY_SECRET_KEY") or _instance_secret(instance),
        # Where the generated key is kept (backed up and restored with the data).
        "DEVPARTY_SECRET_KEY_FILE": str(instance / "secret_key"),
        "DEVPARTY_PLUGINS": _plugin_list(env.get("DEVPARTY_PLUGINS", "")),
        # Packages whose sub-packages are plugins; installed distributions add theirs through
        # the "devparty_admin.plugins" entry-point group.
        "DEVPARTY_PLUGIN_PACKAGES": _plugin_list(env.get("DEVPARTY_PLUGIN_PACKAGES", "plugins")),
        "DEVPARTY_UPLOAD_DIR": env.get("DEVPARTY_UPLOAD_DIR", str(instance / "uploads")),
        # Replacement paper templates (<code>.docx), used instead of the shipped ones.
        "DEVPARTY_PAPER_DIR": env.get("DEVPARTY_PAPER_DIR", str(instance / "papers")),
        "DEVPARTY_RULES": _rules(env.get("DEVPARTY_RULES", "")),
        "BABEL_DEFAULT_LOCALE": "vi",
        "BABEL_DEFAULT_TIMEZONE": "Asia/Ho_Chi_Minh",
        "DEVPARTY_LANGUAGES": ["vi", "en"],
        # Password policy (security/passwords.py): length, and zxcvbn's score from 0 to 4.
        "DEVPARTY_PASSWORD_MIN_LENGTH": int(env.get("DEVPARTY_PASSWORD_MIN_LENGTH", "10")),
        "DEVPARTY_PASSWORD_MIN_SCORE": int(env.get("DEVPARTY_PASSWORD_MIN_SCORE", "2")),
        # Served over HTTPS (by the reverse proxy): Secure cookies; HSTS if also asked for.
        "DEVPARTY_HTTPS": _flag(env.get("DEVPARTY_HTTPS", "")),
        "DEVPARTY_HSTS": _flag(env.get("DEVPARTY_HSTS", "")),
        # How many reverse proxies in front set X-Forwarded-For/-Proto (0: none, serve directly).
        "DEVPARTY_PROXY_HOPS": int(env.get("DEVPARTY_PROXY_HOPS", "0")),
        "DEVPARTY_PAGE_SIZE": 50,
        # Rows one list download may hold: written at about 12,000 a second, so a download
        # stays well within the worker timeout (DEVPARTY_TIMEOUT); a larger list is filtered.
        "DEVPARTY_EXPORT_MAX_ROWS": int(env.get("DEVPARTY_EXPORT_MAX_ROWS", "500000")),
        "DEVPARTY_MAX_UPLOAD_MB": int(env.get("DEVPARTY_MAX_UPLOAD_MB", "10")),
        # Requests larger than this are refused (413) before they are read.
        "MAX_CONTENT_LENGTH": (int(env.get("DEVPARTY_MAX_UPLOAD_MB", "10")) + 1) * 1024 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "WTF_CSRF_TIME_LIMIT": None,
        "FLASK_ADMIN_SWATCH": "default",
    }
