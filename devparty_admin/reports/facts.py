"""The query pieces every report shares: the subtree, its split by child unit, admissions and
the other stage entries of a period, and the groups new members are broken down by.

An admission is a stage event into ``admitted`` (the 9-KNĐ decision) whose effective date lies in
the period; it is counted at the unit the candidate belongs to now.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, case, extract, func, or_, select

from ..extensions import db
from ..models import Candidate, Member, Organization, StageEvent, in_force, subtree_condition
from ..models.organizations import PATH_DIGITS
from .period import Period

SEGMENT = PATH_DIGITS + 1  # one "0000042/" of a path
ADMITTED = "admitted"


@dataclass(frozen=True)
class Subtree:
    """The unit a report is about (None: every unit, for administrators) and its period."""

    unit: Organization | None
    period: Period

    @property
    def path(self) -> str:
        return self.unit.path if self.unit is not None else "/"

    @property
    def condition(self):
        return subtree_condition(self.path)

    def bucket(self):
        """SQL: the path of the child of the unit an organization lies under (or of the unit
        itself), so one GROUP BY splits any figure by child unit."""
        return func.substr(Organization.path, 1, len(self.path) + SEGMENT)

    def rows(self) -> list[Organization]:
        """The unit itself (its own members and candidates) and its children, in tree order."""
        query = select(Organization).order_by(Organization.path)
        if self.unit is None:
            return list(db.session.scalars(query.where(Organization.parent_id.is_(None))))
        return list(db.session.scalars(query.where(or_(
            Organization.id == self.unit.id, Organization.parent_id == self.unit.id))))


def bucket_key(org: Organization, subtree: Subtree) -> str:
    """The bucket an organization listed by ``Subtree.rows`` collects."""
    return org.path[:len(subtree.path) + SEGMENT]


def entries(stage: str, subtree: Subtree):
    """SELECT … FROM stage_event ⨝ candidate ⨝ organization: entries into ``stage`` in the period
    within the subtree. Callers add their columns and grouping."""
    return (select().select_from(StageEvent)
            .join(Candidate, Candidate.id == StageEvent.candidate_id)
            .join(Organization, Organization.id == Candidate.organization_id)
            .where(StageEvent.to_stage == stage, subtree.period.contains(StageEvent.effective_on),
                   in_force(),
                   subtree.condition))


def admissions(subtree: Subtree):
    return entries(ADMITTED, subtree)


SERVING = ("official", "probationary")


def serving_members(subtree: Subtree):
    """SELECT … FROM member ⨝ organization: official and probationary members of the subtree."""
    return (select().select_from(Member).join(Organization, Organization.id == Member.organization_id)
            .where(subtree.condition, Member.status.in_(SERVING)))


def members_by_bucket(subtree: Subtree) -> dict[str, int]:
    """Serving members under each child unit (and the unit itself), one grouped query."""
    bucket = subtree.bucket()
    return dict(db.session.execute(
        serving_members(subtree).add_columns(bucket, func.count()).group_by(bucket)).all())


def admissions_by_month(subtree: Subtree) -> dict[int, int]:
    """{month number: admissions} over the period (one grouped query)."""
    month = extract("month", StageEvent.effective_on)
    return {int(number): count for number, count in db.session.execute(
        admissions(subtree).add_columns(month, func.count()).group_by(month))}


def age_at(event_date_column):
    """Age in the year of the event (the statistics' convention: year minus year of birth)."""
    return extract("year", event_date_column) - extract("year", Candidate.date_of_birth)


HIGHER_EDUCATION = ("college", "bachelor", "master", "doctor")
NO_RELIGION = ("", "không", "khong")


@dataclass(frozen=True)
class Group:
    code: str
    label: object
    condition: object  # function(): SQL condition on Candidate (and StageEvent for ages)
    listable: bool = True  # whether a list filter can show its people (ages depend on the event)


GROUPS: tuple[Group, ...] = (
    Group("women", _l("Women"), lambda: Candidate.gender == "female"),
    Group("minority", _l("Ethnic minorities"),
          lambda: and_(Candidate.ethnicity.is_not(None), func.lower(Candidate.ethnicity) != "kinh")),
    Group("religious", _l("Religious believers"),
          lambda: and_(Candidate.religion.is_not(None),
                       func.lower(func.trim(Candidate.religion)).not_in(NO_RELIGION))),
    Group("youth_union", _l("Youth Union members"), lambda: Candidate.youth_union_member.is_(True)),
    Group("age_18_30", _l("Aged 18 to 30"),
          lambda: age_at(StageEvent.effective_on).between(18, 30), listable=False),
    Group("upper_secondary", _l("Upper secondary education"),
          lambda: Candidate.education_level == "upper_secondary"),
    Group("higher_education", _l("College or university and above"),
          lambda: Candidate.qualification.in_(HIGHER_EDUCATION)),
    Group("students", _l("Students"),
          lambda: or_(Candidate.occupation == "student",
                      Candidate.source.in_(("high_school", "university")))),
)
GROUPS_BY_CODE = {group.code: group for group in GROUPS}


def count_if(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
