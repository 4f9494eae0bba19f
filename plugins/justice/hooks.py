"""The justice plugin's hook implementations (devparty_admin/plugins/spec.py)."""
from flask_babel import lazy_gettext as _l

from devparty_admin.extensions import db
from devparty_admin.models import DossierItem
from devparty_admin.plugins import CandidateExtension, hookimpl

from . import admin, demo
from .models import JusticeProfile
from .reports import QualificationsReport
from .rules import LEGAL_QUALIFICATIONS, TRADE_UNION_COMMENT, missed_reviews, union_comments


@hookimpl
def candidate_extension():
    return CandidateExtension(
        model=JusticeProfile,
        fields=["civil_service_rank", "legal_qualification", "division"],
        labels={"civil_service_rank": _l("Ngạch công chức"),
                "legal_qualification": _l("Trình độ luật"),
                "division": _l("Phòng, đơn vị công tác")},
        choices={"legal_qualification": LEGAL_QUALIFICATIONS},
    )


@hookimpl
def transition_guards(proposal, rules):
    return union_comments(proposal)


@hookimpl
def demo_candidate(candidate, target):
    db.session.add(DossierItem(candidate=candidate, form_code=TRADE_UNION_COMMENT, status="done"))
    demo.profile(candidate)


@hookimpl
def demo_units():
    return demo.unit(), demo.USERS


@hookimpl
def admin_views():
    return admin.views()


@hookimpl
def unit_alerts(user, today):
    return missed_reviews(user, today)


@hookimpl
def demo_records():
    demo.reviews()


@hookimpl
def reports():
    return [QualificationsReport()]
