"""The police plugin's hook implementations (devparty_admin/plugins/spec.py)."""
from datetime import date, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from devparty_admin.extensions import db
from devparty_admin.plugins import CandidateExtension, hookimpl

from . import admin, demo
from .models import PoliceProfile, PoliceVetting
from .reports import AdmissionsByRankReport
from .rules import (
    OFFICER_RANKS,
    RANKS,
    SERVICE_TYPES,
    VETTING_RESULTS,
    helper_known_long_enough,
    vetting_done,
)


@hookimpl
def candidate_extension():
    return CandidateExtension(
        model=PoliceProfile,
        fields=["rank", "service_type", "police_unit", "position", "joined_on"],
        labels={"rank": _l("Cấp bậc hàm"), "service_type": _l("Sĩ quan / nghĩa vụ"),
                "police_unit": _l("Đơn vị Công an"), "position": _l("Chức vụ trong ngành"),
                "joined_on": _l("Ngày vào ngành")},
        choices={"rank": RANKS, "service_type": SERVICE_TYPES},
    )


@hookimpl
def transition_guards(proposal, rules):
    return vetting_done(proposal) + helper_known_long_enough(proposal)


@hookimpl
def admin_views():
    return admin.views()


@hookimpl
def demo_candidate(candidate, target):
    db.session.add(PoliceVetting(candidate=candidate, result="passed", document_number="TTCT-01",
                                 vetted_on=date.today() - timedelta(days=900)))
    rank = demo.rank_for(candidate)
    db.session.add(PoliceProfile(candidate=candidate, rank=rank,
                                 service_type="officer" if rank in OFFICER_RANKS else "conscript",
                                 police_unit=candidate.organization.name))


@hookimpl
def case_file_records(candidate):
    vetting = candidate.police_vetting
    title = _("Thẩm tra chính trị nội bộ")
    if vetting is None:
        return [(title, [(_("Kết quả"), _("Chưa có kết quả thẩm tra"))])]
    return [(title, [
        (_("Kết quả"), VETTING_RESULTS.label(vetting.result)),
        (_("Ngày thẩm tra"), vetting.vetted_on.strftime("%d/%m/%Y")),
        (_("Số văn bản"), vetting.document_number or "")])]


@hookimpl
def demo_units():
    return demo.unit(), demo.USERS


@hookimpl
def reports():
    return [AdmissionsByRankReport()]
