"""Which plugins an installation has enabled, kept in the database so every worker agrees."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .people import utcnow


class PluginState(db.Model):
    __tablename__ = "plugin_state"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    enabled: Mapped[bool]
    installed_version: Mapped[str | None] = mapped_column(String(30))
    # The plugin's schema revisions (space-separated), so that a database still holding one
    # after the package was uninstalled can say which plugin it was.
    revisions: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 onupdate=utcnow)
