"""Công an: the police sector, with internal political vetting before admission is proposed."""
from flask_babel import lazy_gettext as _l

from devparty_admin.plugins import Manifest, Role, record_permissions

VETTING = "police.vetting"

manifest = Manifest(
    name="police",
    label=_l("Công an"),
    version="1.0.0",
    sector="police",
    permissions=record_permissions(VETTING),
    settings={"helper_min_months": 12},  # DEVPARTY_POLICE_HELPER_MIN_MONTHS
    roles=(
        Role("police_vetting", _l("Cán bộ công tác chính trị (thẩm tra)"), grants=(
            ("read", "candidate"), ("read", "organization"), ("read", VETTING),
            ("create", VETTING), ("edit", VETTING), ("export", VETTING),
        )),
    ),
)
