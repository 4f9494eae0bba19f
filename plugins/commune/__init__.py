"""Xã, thị trấn: commune party committees, whose sources are young people, returning soldiers,
graduates coming home, high-school students and enterprise workers (seed article 004)."""
from devparty_admin.plugins import Manifest

manifest = Manifest(
    name="commune",
    label="Xã, thị trấn",
    version="1.0.0",
    sector="commune",
)
