"""The commune plugin's hook implementations (devparty_admin/plugins/spec.py)."""
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
        labels={"hamlet": "Thôn, xóm", "occupation_group": "Nhóm nghề nghiệp",
                "discharged_on": "Ngày xuất ngũ (bộ đội xuất ngũ)",
                "graduated_from": "Tốt nghiệp trường (sinh viên về địa phương)",
                "school": "Trường THPT", "grade": "Lớp", "academic_result": "Học lực",
                "conduct": "Hạnh kiểm", "awards": "Thành tích, giải thưởng",
                "enterprise": "Doanh nghiệp (công nhân)", "ownership": "Loại hình doanh nghiệp"},
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
def reports():
    return [HamletSourceReport()]
