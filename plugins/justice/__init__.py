"""Tư pháp: the justice sector (Sở Tư pháp party committees and their branches)."""
from flask_babel import lazy_gettext as _l

from devparty_admin.plugins import Manifest

REVIEW = "justice.review"

manifest = Manifest(
    name="justice",
    label=_l("Tư pháp"),  # the plugin's labels are in Vietnamese; translations/en has English
    version="1.1.0",
    sector="justice",
    permissions={
        ("read", REVIEW): ("admin", "committee", "branch", "viewer"),
        ("create", REVIEW): ("admin", "committee", "branch"),
        ("edit", REVIEW): ("admin", "committee", "branch"),
        ("delete", REVIEW): ("admin", "committee", "branch"),
        ("export", REVIEW): ("admin", "committee", "branch", "viewer"),
    },
)
