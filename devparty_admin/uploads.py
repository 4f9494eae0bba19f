"""Dossier attachments: accepted by content (not by name), stored outside the static folder
under a generated name, in a directory that can be a shared volume.

A file is written next to its final place under a temporary name and moved into place only
when the database transaction that records it commits; a rollback removes it, and a replaced
file is removed after the commit. A full or unwritable disk is refused with a message and
leaves nothing behind.
"""
from __future__ import annotations

import io
import os
import secrets
import time
import zipfile
from pathlib import Path

from flask import current_app
from sqlalchemy import event, select
from sqlalchemy.orm import Session

# What a file's first bytes must be, and the type it is then served as.
SIGNATURES = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
)
DOCX = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")


class UploadRefused(ValueError):
    """``reason`` is "size", "type" or "storage" (the server could not write the file)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


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


PARTIAL = ".part"


def store(data: bytes, session, replaces: str | None = None) -> tuple[str, str, int]:
    """Check ``data`` and write it under a temporary name; it takes its place when ``session``
    commits (and ``replaces``, the file it supersedes, is then removed). Returns (stored
    name, content type, size)."""
    limit = current_app.config["DEVPARTY_MAX_UPLOAD_MB"] * 1024 * 1024
    if len(data) > limit:
        raise UploadRefused("size")
    content_type, extension = detect_type(data)
    name = secrets.token_hex(16) + extension
    try:
        final = upload_dir() / name
        partial = final.with_name(name + PARTIAL)
        with open(partial, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        current_app.logger.exception("upload could not be written")
        if "partial" in locals():
            partial.unlink(missing_ok=True)
        raise UploadRefused("storage") from None
    pending = session.info.setdefault("uploads", {"moves": [], "removals": []})
    pending["moves"].append((partial, final))
    if replaces:
        pending["removals"].append(path_of(replaces))
    return name, content_type, len(data)


@event.listens_for(Session, "after_commit")
def _files_into_place(session) -> None:
    pending = session.info.pop("uploads", None)
    if not pending:
        return
    for partial, final in pending["moves"]:
        os.replace(partial, final)
    for old in pending["removals"]:
        old.unlink(missing_ok=True)


@event.listens_for(Session, "after_transaction_end")
def _files_discarded(session, transaction) -> None:
    """The outermost transaction ended without a commit (rollback, close): its files go."""
    if transaction.parent is not None:
        return
    pending = session.info.pop("uploads", None)
    for partial, _final in (pending or {}).get("moves", []):
        partial.unlink(missing_ok=True)


def prune(recorded_names: set[str], older_than_seconds: int = 3600) -> int:
    """Remove files no record names (left by a crash, or by two people replacing one document
    at the same moment) once they are old enough not to be an upload in progress."""
    removed = 0
    cutoff = time.time() - older_than_seconds
    for path in upload_dir().iterdir():
        if path.is_file() and path.name not in recorded_names and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def recorded_names(session) -> set[str]:
    from .models import DossierItem

    return set(session.scalars(select(DossierItem.file_name).where(
        DossierItem.file_name.is_not(None))))


def path_of(stored_name: str) -> Path:
    """The stored file; the name is ours (hex + extension), never a user's path."""
    return upload_dir() / Path(stored_name).name
