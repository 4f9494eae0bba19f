"""The procuracy plugin's hook implementations (devparty_admin/plugins/spec.py)."""
from datetime import date

from flask_babel import lazy_gettext as _l

from devparty_admin.extensions import db
from devparty_admin.plugins import CandidateExtension, hookimpl

from . import demo
from .models import ProcuracyProfile
from .reports import StaffReport
from .rules import EMULATION_TITLES, EVALUATIONS, POSITIONS, evaluation_good_enough


@hookimpl
def candidate_extension():
    return CandidateExtension(
        model=ProcuracyProfile,
        fields=["position", "evaluation", "evaluation_year", "emulation_title", "campaign"],
        labels={"position": _l("Chức danh"), "evaluation": _l("Đánh giá, xếp loại năm trước"),
                "evaluation_year": _l("Năm đánh giá"), "emulation_title": _l("Danh hiệu thi đua"),
                "campaign": _l("Phong trào thi đua phát hiện nguồn")},
        choices={"position": POSITIONS, "evaluation": EVALUATIONS,
                 "emulation_title": EMULATION_TITLES},
    )


@hookimpl
def transition_guards(proposal, rules):
    return evaluation_good_enough(proposal)


@hookimpl
def demo_candidate(candidate, target):
    db.session.add(ProcuracyProfile(candidate=candidate, position="specialist", evaluation="good",
                                    evaluation_year=date.today().year - 1,
                                    emulation_title="advanced_worker",
                                    campaign="Thi đua thực hiện tốt chỉ tiêu nghiệp vụ"))


@hookimpl
def demo_units():
    return demo.unit(), demo.USERS


@hookimpl
def demo_reorganizations():
    return demo.REORGANIZATIONS


@hookimpl
def reports():
    return [StaffReport()]
