"""Tư pháp: the justice sector (Sở Tư pháp party committees and their branches)."""
from devparty_admin.plugins import Manifest

manifest = Manifest(
    name="justice",
    label="Tư pháp",
    version="1.0.0",
    sector="justice",
)
