"""The commune plugin's hook implementations (devparty_admin/plugins/spec.py)."""
from flask_babel import lazy_gettext as _l

from devparty_admin.extensions import db
from devparty_admin.plugins import CandidateExtension, hookimpl

from . import demo
from .models import CommuneProfile
from .reports import HamletSourceReport
from .rules import ACADEMIC_RESULTS, CONDUCT, OWNERSHIP, student_results


@hookimpl
def candidate_extension():
    return CandidateExtension(
        model=CommuneProfile,
        fields=["hamlet", "occupation_group", "discharged_on", "graduated_from", "school", "grade",
                "academic_result", "conduct", "awards", "enterprise", "ownership"],
        labels={"hamlet": _l("Thôn, xóm"), "occupation_group": _l("Nhóm nghề nghiệp"),
                "discharged_on": _l("Ngày xuất ngũ (bộ đội xuất ngũ)"),
                "graduated_from": _l("Tốt nghiệp trường (sinh viên về địa phương)"),
                "school": _l("Trường THPT"), "grade": _l("Lớp"), "academic_result": _l("Học lực"),
                "conduct": _l("Hạnh kiểm"), "awards": _l("Thành tích, giải thưởng"),
                "enterprise": _l("Doanh nghiệp (công nhân)"), "ownership": _l("Loại hình doanh nghiệp")},
        choices={"academic_result": ACADEMIC_RESULTS, "conduct": CONDUCT, "ownership": OWNERSHIP},
    )


@hookimpl
def transition_guards(proposal, rules):
    return student_results(proposal)


@hookimpl
def demo_candidate(candidate, target):
    name = candidate.organization.name
    hamlet = name.replace("Chi bộ ", "").capitalize() if name.startswith("Chi bộ thôn") else None
    db.session.add(CommuneProfile(candidate=candidate, hamlet=hamlet, academic_result="good",
                                  conduct="good", school="Trường THPT Nông Cống 2"
                                  if candidate.source == "high_school" else None))


@hookimpl
def demo_units():
    return demo.unit(), demo.USERS


@hookimpl
def demo_reorganizations():
    return demo.REORGANIZATIONS


@hookimpl
def reports():
    return [HamletSourceReport()]
