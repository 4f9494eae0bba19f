"""Viện Kiểm sát: the procuracy sector, where sources come from professional emulation."""
from flask_babel import lazy_gettext as _l

from devparty_admin.plugins import Manifest
from devparty_admin.plugins.scales import EVALUATIONS

manifest = Manifest(
    name="procuracy",
    label=_l("Viện Kiểm sát"),
    version="1.0.0",
    sector="procuracy",
    settings={"min_evaluation": "good"},  # DEVPARTY_PROCURACY_MIN_EVALUATION
    setting_choices={"min_evaluation": EVALUATIONS.codes},
)
