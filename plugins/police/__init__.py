"""Công an: the police sector, with internal political vetting before admission is proposed."""
from devparty_admin.plugins import Manifest, Role, record_permissions

VETTING = "police.vetting"

manifest = Manifest(
    name="police",
    label="Công an",
    version="1.0.0",
    sector="police",
    permissions=record_permissions(VETTING),
    settings={"helper_min_months": 12},  # DEVPARTY_POLICE_HELPER_MIN_MONTHS
    roles=(
        Role("police_vetting", "Cán bộ công tác chính trị (thẩm tra)", grants=(
            ("read", "candidate"), ("read", "organization"), ("read", VETTING),
            ("create", VETTING), ("edit", VETTING), ("export", VETTING),
        )),
    ),
)
