"""Deadlines computed from the recorded acts, in Vietnamese working days, and the alerts they
raise. Alerts inform; they never block a step (the guards do that)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from ..extensions import db
from ..models import Candidate, Enrollment, StageEvent, TrainingClass
from ..models.choices import Choices
from .calendar import add_months, add_working_days
from .rules import Rules, current_rules

ALERT_KINDS = Choices(
    ("decision_due", _l("Admission decision due")),
    ("ceremony_due", _l("Admission ceremony due")),
    ("probation_ending", _l("Probation ending")),
    ("recognition_overdue", _l("Recognition review overdue")),
    ("certificate_expiring", _l("Awareness certificate expiring")),
)
CERTIFICATE_WARNING_MONTHS = 3
STAGES_WITH_CERTIFICATE = ("sympathizer", "trained", "dossier")


@dataclass
class Alert:
    candidate: Candidate
    kind: str
    due: date
    overdue: bool

    @property
    def label(self) -> str:
        return ALERT_KINDS.label(self.kind)


def _stage_dates(candidates_query) -> dict[int, date]:
    """When each candidate entered its current stage: one grouped query."""
    query = (select(StageEvent.candidate_id, func.max(StageEvent.effective_on))
             .join(Candidate, Candidate.id == StageEvent.candidate_id)
             .where(StageEvent.to_stage == Candidate.stage,
                    StageEvent.candidate_id.in_(candidates_query.with_only_columns(Candidate.id)))
             .group_by(StageEvent.candidate_id))
    return dict(db.session.execute(query).all())


def _certificates(candidates_query) -> dict[int, date]:
    query = (select(Enrollment.candidate_id, func.max(Enrollment.certificate_date))
             .join(TrainingClass)
             .where(TrainingClass.kind == "awareness", Enrollment.result == "passed",
                    Enrollment.candidate_id.in_(candidates_query.with_only_columns(Candidate.id)))
             .group_by(Enrollment.candidate_id))
    return dict(db.session.execute(query).all())


def _alert_for(candidate: Candidate, entered: date | None, certificate: date | None,
               today: date, rules: Rules) -> Alert | None:
    stage = candidate.stage
    if stage == "proposed" and entered:
        due = add_working_days(entered, rules.decision_due_working_days)
        return Alert(candidate, "decision_due", due, today > due)
    if stage == "admitted" and entered:
        due = add_working_days(entered, rules.ceremony_due_working_days)
        return Alert(candidate, "ceremony_due", due, today > due)
    if stage == "probationary" and entered:
        ends = add_months(entered, rules.probation_months)
        review_due = add_working_days(ends, rules.recognition_review_working_days)
        if today > review_due:
            return Alert(candidate, "recognition_overdue", review_due, True)
        if today >= ends - timedelta(days=rules.probation_warning_days):
            return Alert(candidate, "probation_ending", ends, today > ends)
    if stage in STAGES_WITH_CERTIFICATE and certificate:
        expires = add_months(certificate, rules.certificate_max_months)
        if today >= add_months(expires, -CERTIFICATE_WARNING_MONTHS):
            return Alert(candidate, "certificate_expiring", expires, today > expires)
    return None


def alerts(candidates_query, today: date | None = None, rules: Rules | None = None) -> list[Alert]:
    """Alerts for the candidates of ``candidates_query`` (a scoped select of Candidate),
    most urgent first. Three queries, whatever the number of candidates."""
    today, rules = today or date.today(), rules or current_rules()
    watched = candidates_query.where(
        Candidate.stage.in_(("proposed", "admitted", "probationary", *STAGES_WITH_CERTIFICATE)))
    entered, certificates = _stage_dates(watched), _certificates(watched)
    found = []
    for candidate in db.session.scalars(watched):
        alert = _alert_for(candidate, entered.get(candidate.id), certificates.get(candidate.id),
                           today, rules)
        if alert:
            found.append(alert)
    return sorted(found, key=lambda a: (not a.overdue, a.due))
