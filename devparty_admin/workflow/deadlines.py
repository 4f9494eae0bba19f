"""Deadlines computed from the recorded acts, in Vietnamese working days, and the alerts they
raise. Alerts inform; they never block a step (the guards do that)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, false, func, or_, select

from ..extensions import db
from ..models import Candidate, DossierItem, Enrollment, Organization, StageEvent, TrainingClass, in_force
from ..models.choices import Choices
from .calendar import add_months, add_working_days, announced_changes
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
    """A deadline about a candidate, or (``candidate_id`` None) about a unit, raised by a plugin
    through the ``unit_alerts`` hook with its own ``kind_label``."""

    candidate_id: int | None
    full_name: str
    organization: str
    stage: str
    kind: str
    due: date
    overdue: bool
    kind_label: str | None = None

    @property
    def label(self) -> str:
        return self.kind_label or ALERT_KINDS.label(self.kind)


def entered_current_stage():
    """SQL, per candidate row: when the candidate entered its current stage. Correlated, so a
    chi bộ's alerts read its own candidates' steps, not every watched candidate's."""
    return (select(func.max(StageEvent.effective_on))
            .where(StageEvent.candidate_id == Candidate.id, StageEvent.to_stage == Candidate.stage,
                   in_force())
            .correlate(Candidate).scalar_subquery())


DECISION_DOCUMENT = "9-KND"


def decisions_received():
    """SQL, per candidate row: when the branch received the admission decision (its 9-KNĐ
    document's received date)."""
    return (select(func.max(DossierItem.received_on))
            .where(DossierItem.candidate_id == Candidate.id,
                   DossierItem.form_code == DECISION_DOCUMENT)
            .correlate(Candidate).scalar_subquery())


def decision_received(candidate_id: int) -> date | None:
    """When the branch received this candidate's admission decision, if recorded."""
    return db.session.scalar(select(func.max(DossierItem.received_on)).where(
        DossierItem.candidate_id == candidate_id, DossierItem.form_code == DECISION_DOCUMENT))


def ceremony_due(decided: date, received: date | None, rules: Rules) -> date:
    """30 working days from the day the branch received the decision, else from its date."""
    start = received if received is not None and received >= decided else decided
    return add_working_days(start, rules.ceremony_due_working_days)


def awareness_certificate():
    """SQL, per candidate row: the date of the awareness-class certificate."""
    return (select(func.max(Enrollment.certificate_date))
            .join(TrainingClass, TrainingClass.id == Enrollment.class_id)
            .where(Enrollment.candidate_id == Candidate.id, TrainingClass.kind == "awareness",
                   Enrollment.result == "passed")
            .correlate(Candidate).scalar_subquery())


def _probation_ends(entered: date, rules: Rules) -> date:
    return add_months(entered, rules.probation_months)


def _review_due(entered: date, rules: Rules) -> date:
    """The recognition review is due some working days after the probation ends."""
    return add_working_days(_probation_ends(entered, rules), rules.recognition_review_working_days)


def _probation_warned(entered: date, rules: Rules) -> date:
    return _probation_ends(entered, rules) - timedelta(days=rules.probation_warning_days)


def _certificate_expires(issued: date, rules: Rules) -> date:
    return add_months(issued, rules.certificate_max_months)


def _certificate_warned(issued: date, rules: Rules) -> date:
    return add_months(_certificate_expires(issued, rules), -CERTIFICATE_WARNING_MONTHS)


def kind_and_due(stage: str, entered: date | None, issued: date | None, today: date,
                  rules: Rules, received: date | None = None) -> tuple[str, date, bool] | None:
    if stage == "proposed" and entered:
        due = add_working_days(entered, rules.decision_due_working_days)
        return "decision_due", due, today > due
    if stage == "admitted" and entered:
        due = ceremony_due(entered, received, rules)
        return "ceremony_due", due, today > due
    if stage == "probationary" and entered:
        if today > _review_due(entered, rules):
            return "recognition_overdue", _review_due(entered, rules), True
        if today >= _probation_warned(entered, rules):
            ends = _probation_ends(entered, rules)
            return "probation_ending", ends, today > ends
    if stage in STAGES_WITH_CERTIFICATE and issued:
        if today >= _certificate_warned(issued, rules):
            expires = _certificate_expires(issued, rules)
            return "certificate_expiring", expires, today > expires
    return None


def deadline_of(candidate: Candidate, today: date | None = None,
                rules: Rules | None = None) -> Alert | None:
    """The deadline of one person's current stage, as the alerts count it; a probation shows
    its end even before the warning window, a proposed recognition the decision's due date."""
    today, rules = today or date.today(), rules or current_rules()
    entered = db.session.scalar(select(func.max(StageEvent.effective_on)).where(
        StageEvent.candidate_id == candidate.id, StageEvent.to_stage == candidate.stage,
        in_force()))
    issued = db.session.scalar(select(func.max(Enrollment.certificate_date)).join(TrainingClass)
                               .where(Enrollment.candidate_id == candidate.id,
                                      TrainingClass.kind == "awareness",
                                      Enrollment.result == "passed"))
    found = kind_and_due(candidate.stage, entered, issued, today, rules,
                          decision_received(candidate.id))
    if found is None and entered is not None and candidate.stage == "probationary":
        found = ("probation_ending", _probation_ends(entered, rules), False)
    if found is None and entered is not None and candidate.stage == "recognition_proposed":
        due = add_working_days(entered, rules.decision_due_working_days)
        found = ("decision_due", due, today > due)
    if found is None:
        return None
    return Alert(candidate.id, candidate.full_name, candidate.organization.name, candidate.stage,
                 *found)


def alerts(candidates_query, today: date | None = None, rules: Rules | None = None) -> list[Alert]:
    """Alerts for the candidates of ``candidates_query`` (a scoped select of Candidate), most
    urgent first. One query: SQL keeps only the rows that can raise an alert (pending decisions
    and ceremonies, probations near their end, certificates near expiry); working days, which
    SQL cannot count, are then counted for those rows alone."""
    today, rules = today or date.today(), rules or current_rules()
    entered, certificates = entered_current_stage(), awareness_certificate()
    received = decisions_received()
    cutoff = _cutoffs(today, rules)
    query = (candidates_query
             .with_only_columns(Candidate.id, Candidate.full_name, Organization.name,
                                Candidate.stage, entered, certificates, received)
             .join(Organization, Organization.id == Candidate.organization_id)
             .where(or_(Candidate.stage.in_(("proposed", "admitted")),
                        and_(Candidate.stage == "probationary",
                             _before(entered, cutoff["probation_ending"])),
                        and_(Candidate.stage.in_(STAGES_WITH_CERTIFICATE),
                             _before(certificates, cutoff["certificate_expiring"])))))
    found = []
    for candidate_id, name, unit, stage, entered_on, issued, got in db.session.execute(query):
        result = kind_and_due(stage, entered_on, issued, today, rules, got)
        if result:
            found.append(Alert(candidate_id, name, unit, stage, *result))
    return sorted(found, key=lambda a: (not a.overdue, a.due))


def _latest_day(fires, today: date) -> date | None:
    """The latest day ``d`` up to ``today`` for which ``fires(d)`` holds, where ``fires`` holds
    for every day before once it holds for one (the deadlines grow with the date a stage was
    entered); None when it holds for no day of the last 30 years."""
    low, high = today - timedelta(days=30 * 366), today
    if not fires(low):
        return None
    if fires(high):
        return high
    while (high - low).days > 1:  # fires(low) and not fires(high)
        middle = low + timedelta(days=(high - low).days // 2)
        low, high = (middle, high) if fires(middle) else (low, middle)
    return low


def _before(column, day: date | None):
    return column <= day if day is not None else false()


def _cutoffs(today: date, rules: Rules) -> dict[str, date | None]:
    """For the kinds decided by a date (the stage entered, the certificate issued): the latest
    such date that raises the alert ``today`` (a probation that ends later is not yet ending).
    Kept per day, rules and announced swaps: finding them counts working days over years,
    about a millisecond a page. Read-only."""
    return _cutoffs_under(today, rules, announced_changes())


@lru_cache(maxsize=16)
def _cutoffs_under(today: date, rules: Rules, _swaps: frozenset) -> dict[str, date | None]:
    return {
        "recognition_overdue": _latest_day(lambda day: today > _review_due(day, rules), today),
        "probation_ending": _latest_day(lambda day: today >= _probation_warned(day, rules),
                                        today),
        "certificate_expiring": _latest_day(
            lambda day: today >= _certificate_warned(day, rules), today),
    }


def alert_conditions(today: date, rules: Rules) -> dict[str, object]:
    """{kind: SQL condition on a candidate's row} raising that alert ``today``: each kind's
    condition on the date a stage was entered (or a certificate issued) is a cut-off day worked
    out once (``_cutoffs``), and those dates are kept on the candidate's row
    (``alert_dates``)."""
    entered, issued = Candidate.stage_entered_on, Candidate.certified_on
    cutoff = _cutoffs(today, rules)
    probationary = Candidate.stage == "probationary"
    overdue = _before(entered, cutoff["recognition_overdue"])
    return {  # the stages are disjoint; a probation overdue is not also "ending"
        "decision_due": and_(Candidate.stage == "proposed", entered.is_not(None)),
        "ceremony_due": and_(Candidate.stage == "admitted", entered.is_not(None)),
        "recognition_overdue": and_(probationary, overdue),
        "probation_ending": and_(probationary, ~overdue,
                                 _before(entered, cutoff["probation_ending"])),
        "certificate_expiring": and_(Candidate.stage.in_(STAGES_WITH_CERTIFICATE),
                                     _before(issued, cutoff["certificate_expiring"])),
    }


def count_each(candidates_query, conditions, narrow: bool = False):
    """A select of one count per condition over the candidates of ``candidates_query``. In a
    wide scope each is counted over its own range of an index on (stage, date), so a province
    reads only the rows that match; in a ``narrow`` one (a chi bộ) its few hundred people are
    read once, through their unit."""
    if narrow:
        return candidates_query.with_only_columns(
            *(func.count().filter(condition) for condition in conditions))
    return select(*(candidates_query.with_only_columns(func.count()).where(condition)
                    .scalar_subquery() for condition in conditions))
