"""Merging two records of one person (found by the data health report): a reviewer keeps one.

The kept record takes the other's missing details, documents, classes, helpers and
introducers; the other's own history stays on it, is read with the kept record's, and it is
marked "merged" so it no longer counts anywhere. Nothing is deleted.
"""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import inspect, select, update

from ..extensions import db
from ..models import Candidate, DossierItem, Enrollment, FieldChange, Sponsor, StageEvent, in_force
from .alert_dates import mark_stale

# Columns a merge never copies: keys, derived forms, bookkeeping, the path.
NOT_COPIED = {"id", "name_folded", "given_folded", "sort_key", "version", "created_at",
              "updated_at", "stage", "organization_id", "merged_into_id", "national_id",
              "stage_entered_on", "certified_on"}


class MergeRefused(Exception):
    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def _has_steps(candidate: Candidate) -> bool:
    return db.session.scalar(select(StageEvent.id).where(
        StageEvent.candidate_id == candidate.id, in_force()).limit(1)) is not None


def merge_problems(keep: Candidate, duplicate: Candidate) -> list[str]:
    """Why these two records cannot be merged (empty: they can)."""
    problems = []
    if keep.id == duplicate.id:
        return [_("Choose two different records.")]
    if "merged" in (keep.stage, duplicate.stage):
        problems.append(_("One of these records was already merged."))
    if None not in (keep.date_of_birth, duplicate.date_of_birth) and \
            keep.date_of_birth != duplicate.date_of_birth:
        problems.append(_("The dates of birth differ (%(one)s, %(other)s): not the same person?",
                          one=keep.date_of_birth.strftime("%d/%m/%Y"),
                          other=duplicate.date_of_birth.strftime("%d/%m/%Y")))
    if None not in (keep.national_id, duplicate.national_id) and \
            keep.national_id != duplicate.national_id:
        problems.append(_("The CCCDs differ: not the same person?"))
    if _has_steps(duplicate):
        problems.append(_("%(name)s (the record to merge away) has recorded steps; keep that record "
                          "and merge the other into it.", name=duplicate.full_name))
    return problems


def merge(keep: Candidate, duplicate: Candidate, *, actor, reason: str) -> None:
    """Merge ``duplicate`` into ``keep``; raises MergeRefused, having changed nothing."""
    problems = merge_problems(keep, duplicate)
    if not (reason or "").strip():
        problems.append(_("Say why these are the same person."))
    if problems:
        raise MergeRefused(problems)
    if keep.national_id is None and duplicate.national_id is not None:
        cccd, duplicate.national_id = duplicate.national_id, None
        db.session.flush()  # the CCCD is unique: free it before the kept record takes it
        keep.national_id = cccd
    for attr in inspect(Candidate).column_attrs:
        name = attr.key
        if name not in NOT_COPIED and getattr(keep, name) in (None, "") and \
                getattr(duplicate, name) not in (None, ""):
            setattr(keep, name, getattr(duplicate, name))
    present = set(db.session.scalars(select(DossierItem.form_code).where(
        DossierItem.candidate_id == keep.id)))
    db.session.execute(update(DossierItem).where(
        DossierItem.candidate_id == duplicate.id, DossierItem.form_code.not_in(present))
        .values(candidate_id=keep.id))
    for model in (Enrollment, Sponsor):
        db.session.execute(update(model).where(model.candidate_id == duplicate.id)
                           .values(candidate_id=keep.id))
    mark_stale(db.session, [keep.id])  # the classes moved over may hold its certificate
    duplicate.merged_into_id, duplicate.stage = keep.id, "merged"
    note = _("Merged: %(name)s (record %(id)s) is the same person. %(reason)s",
             name=duplicate.full_name, id=duplicate.id, reason=reason.strip())
    db.session.add_all([
        FieldChange(candidate_id=keep.id, field="merge", actor_id=getattr(actor, "id", None),
                    new_value=note),
        FieldChange(candidate_id=duplicate.id, field="merge", actor_id=getattr(actor, "id", None),
                    new_value=_("Merged into %(name)s (record %(id)s).", name=keep.full_name,
                                id=keep.id))])
    db.session.flush()
