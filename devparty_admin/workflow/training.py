"""Enrolling candidates in classes. Results and certificates are recorded per enrollment; a
passed awareness class with its certificate is what the guards look for."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..models import Candidate, Enrollment, TrainingClass
from ..models.choices import CLASS_KINDS
from .stages import stage_label

# Who a class is for (Hướng dẫn 06-HD/TW): the awareness class prepares people on the path for
# their training step; the new-member class is for probationary members.
CLASS_STAGES = {"awareness": ("source", "sympathizer"), "new_member": ("probationary",)}


class EnrollmentRefused(Exception):
    pass


def enrollment_problem(candidate: Candidate, course: TrainingClass) -> str | None:
    """Why ``candidate`` cannot be in ``course`` (None: they can)."""
    allowed = CLASS_STAGES.get(course.kind)
    if allowed is not None and candidate.stage not in allowed:
        return _("%(name)s is at the stage “%(stage)s”; %(kind)s is for people at: %(allowed)s.",
                 name=candidate.full_name, stage=stage_label(candidate.stage),
                 kind=CLASS_KINDS.label(course.kind),
                 allowed=", ".join(str(stage_label(stage)) for stage in allowed))
    return None


def certificate_problem(course: TrainingClass, issued) -> str | None:
    """A certificate is issued at the end of its class or later, never before it starts."""
    if issued is not None and issued < course.start_date:
        return _("The certificate is dated %(issued)s, before the class started on %(start)s.",
                 issued=issued.strftime("%d/%m/%Y"), start=course.start_date.strftime("%d/%m/%Y"))
    return None


def enroll(candidates: list[Candidate], course: TrainingClass) -> int:
    """Enroll every candidate not yet in ``course``; all or none. Returns how many were added."""
    problems = [problem for candidate in candidates
                if (problem := enrollment_problem(candidate, course))]
    if problems:
        raise EnrollmentRefused(" ".join(problems))
    already = set(db.session.scalars(select(Enrollment.candidate_id).where(
        Enrollment.class_id == course.id)))
    new = [c for c in candidates if c.id not in already]
    if course.capacity is not None and len(already) + len(new) > course.capacity:
        raise EnrollmentRefused(_("The class holds %(capacity)s people; %(taken)s places are taken "
                                  "and %(asked)s more were asked.", capacity=course.capacity,
                                  taken=len(already), asked=len(new)))
    db.session.add_all(Enrollment(training_class=course, candidate=c) for c in new)
    db.session.flush()
    return len(new)
