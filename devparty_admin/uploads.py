"""Dossier attachments: accepted by content (not by name), stored outside the static folder
under a generated name, in a directory that can be a shared volume."""
from __future__ import annotations

import io
import secrets
import zipfile
from pathlib import Path

from flask import current_app

# What a file's first bytes must be, and the type it is then served as.
SIGNATURES = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
)
DOCX = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")


class UploadRefused(ValueError):
    pass


def detect_type(data: bytes) -> tuple[str, str]:
    """(content type, extension) of an accepted file; raises UploadRefused otherwise."""
    for magic, content_type, extension in SIGNATURES:
        if data.startswith(magic):
            return content_type, extension
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return DOCX
        except zipfile.BadZipFile:
            pass
    raise UploadRefused("type")


def upload_dir() -> Path:
    path = Path(current_app.config["DEVPARTY_UPLOAD_DIR"])
    path.mkdir(parents=True, exist_ok=True)
    return path


def store(data: bytes) -> tuple[str, str, int]:
    """Check and save ``data``; return (stored name, content type, size)."""
    limit = current_app.config["DEVPARTY_MAX_UPLOAD_MB"] * 1024 * 1024
    if len(data) > limit:
        raise UploadRefused("size")
    content_type, extension = detect_type(data)
    name = secrets.token_hex(16) + extension
    (upload_dir() / name).write_bytes(data)
    return name, content_type, len(data)


def path_of(stored_name: str) -> Path:
    """The stored file; the name is ours (hex + extension), never a user's path."""
    return upload_dir() / Path(stored_name).name
