"""Viện Kiểm sát: the procuracy sector, where sources come from professional emulation."""
from devparty_admin.plugins import Manifest

manifest = Manifest(
    name="procuracy",
    label="Viện Kiểm sát",
    version="1.0.0",
    sector="procuracy",
)
