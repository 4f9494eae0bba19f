"""“Việc cần làm”: the people of a subtree whose next step is due, grouped by that step.

Two queries whatever the number of people: the count per stage, and the first rows of each
stage (oldest first) with the dates their deadline is counted from; the deadlines are then
counted in working days for those rows only, as the alerts count them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import to_user_timezone
from sqlalchemy import func, select

from ..extensions import db
from ..models import Candidate, DossierItem, Enrollment, Organization, StageEvent, TrainingClass, in_force
from ..security import scoped
from .deadlines import ALERT_KINDS, DECISION_DOCUMENT, kind_and_due
from .rules import current_rules
from .stages import EXITS, ON_THE_PATH, Transition, transitions_from

PER_GROUP = 100


@dataclass
class DueItem:
    candidate_id: int
    name: str
    unit: str
    entered: date | None
    due: date | None = None
    overdue: bool = False
    reason: str = ""


@dataclass
class DueGroup:
    stage: str
    step: Transition
    total: int
    items: list[DueItem] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(1 for item in self.items if item.overdue)


def _next_step(stage: str) -> Transition:
    return next(t for t in transitions_from(stage) if t.target not in EXITS)


def worklist(user, today: date | None = None, per_group: int = PER_GROUP) -> list[DueGroup]:
    today, rules = today or date.today(), current_rules()
    counts = dict(db.session.execute(scoped(
        select(Candidate.stage, func.count()).where(Candidate.stage.in_(ON_THE_PATH))
        .group_by(Candidate.stage), Candidate, user)).all())
    entered = (select(func.max(StageEvent.effective_on))
               .where(StageEvent.candidate_id == Candidate.id,
                      StageEvent.to_stage == Candidate.stage, in_force())
               .correlate(Candidate).scalar_subquery())
    issued = (select(func.max(Enrollment.certificate_date)).join(TrainingClass)
              .where(Enrollment.candidate_id == Candidate.id, Enrollment.result == "passed",
                     TrainingClass.kind == "awareness")
              .correlate(Candidate).scalar_subquery())
    received = (select(func.max(DossierItem.received_on))
                .where(DossierItem.candidate_id == Candidate.id,
                       DossierItem.form_code == DECISION_DOCUMENT)
                .correlate(Candidate).scalar_subquery())
    ranked = scoped(
        select(Candidate.id, Candidate.full_name, Organization.name.label("unit"), Candidate.stage,
               Candidate.created_at, entered.label("entered"), issued.label("issued"),
               received.label("received"),
               func.row_number().over(partition_by=Candidate.stage, order_by=(
                   entered, Candidate.created_at, Candidate.sort_key)).label("rank"))
        .join(Organization, Organization.id == Candidate.organization_id)
        .where(Candidate.stage.in_(ON_THE_PATH)), Candidate, user).subquery()
    rows = db.session.execute(select(ranked).where(ranked.c.rank <= per_group)
                              .order_by(ranked.c.stage, ranked.c.rank)).all()
    groups = {stage: DueGroup(stage, _next_step(stage), counts[stage])
              for stage in ON_THE_PATH if counts.get(stage)}
    for row in rows:
        # People still in the pool have no step yet: they are waiting since they were recorded.
        since = row.entered or to_user_timezone(row.created_at).date()
        item = DueItem(row.id, row.full_name, row.unit, since)
        found = kind_and_due(row.stage, row.entered, row.issued, today, rules, row.received)
        if found is not None:
            kind, item.due, item.overdue = found
            item.reason = str(ALERT_KINDS.label(kind))
        groups[row.stage].items.append(item)
    for group in groups.values():
        group.items.sort(key=lambda i: (not i.overdue, i.due or date.max, i.entered or date.min))
    return list(groups.values())
