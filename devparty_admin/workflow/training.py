"""Enrolling candidates in classes. Results and certificates are recorded per enrollment; a
passed awareness class with its certificate is what the guards look for."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..models import Candidate, Enrollment, TrainingClass


class EnrollmentRefused(Exception):
    pass


def enroll(candidates: list[Candidate], course: TrainingClass) -> int:
    """Enroll every candidate not yet in ``course``; all or none. Returns how many were added."""
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
