"""Files attached to dossier documents: checked on the form, stored with the record."""
from __future__ import annotations

from datetime import datetime, timezone

from flask import current_app
from flask_babel import gettext as _
from wtforms import ValidationError

from ..extensions import db
from ..models import DossierItem
from ..uploads import UploadRefused, detect_type, store


def acceptable_file(form, field) -> None:
    """pdf, jpg, png or docx by content, within the size limit; nothing else is stored."""
    upload = field.data
    if not upload or not getattr(upload, "filename", ""):
        return
    data = upload.read()
    upload.seek(0)
    try:
        detect_type(data)
    except UploadRefused:
        raise ValidationError(_("Only PDF, JPG, PNG or DOCX files are accepted.")) from None


def attach_file(item: DossierItem, upload) -> None:
    """Store an uploaded file for ``item`` (moved into place when the transaction commits);
    a refused file is a ValidationError with the reason."""
    if not upload or not getattr(upload, "filename", ""):
        return
    try:
        item.file_name, item.content_type, item.file_size = store(
            upload.read(), db.session, replaces=item.file_name)
    except UploadRefused as refused:
        if refused.reason == "storage":
            raise ValidationError(_("The server could not store the file (its storage is full "
                                    "or not writable); nothing was saved. Please tell the "
                                    "system administrator.")) from refused
        if refused.reason == "type":
            raise ValidationError(_("Only PDF, JPG, PNG or DOCX files are accepted.")) from refused
        raise ValidationError(_("The file is larger than the %(mb)s MB limit.",
                                mb=current_app.config["DEVPARTY_MAX_UPLOAD_MB"])) from refused
    item.original_name = upload.filename[-255:]
    item.uploaded_at = datetime.now(timezone.utc)
