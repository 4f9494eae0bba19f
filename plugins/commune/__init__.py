"""Xã, thị trấn: commune party committees, whose sources are young people, returning soldiers,
graduates coming home, high-school students and enterprise workers (seed article 004)."""
from flask_babel import lazy_gettext as _l

from devparty_admin.plugins import Manifest
from devparty_admin.plugins.scales import ACADEMIC_RESULTS, CONDUCT

manifest = Manifest(
    name="commune",
    label=_l("Xã, thị trấn"),
    version="1.0.0",
    sector="commune",
    # DEVPARTY_COMMUNE_MIN_ACADEMIC_RESULT, DEVPARTY_COMMUNE_MIN_CONDUCT
    settings={"min_academic_result": "good", "min_conduct": "good"},
    setting_choices={"min_academic_result": ACADEMIC_RESULTS.codes,
                     "min_conduct": CONDUCT.codes},
)
