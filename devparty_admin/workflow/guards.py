"""The checks a transition must pass. Each returns the list of its failures, in the user's
language, each naming its rule; an empty list means the check passes.

The core's guards are registered with ``@guard``; plugins add theirs through the
``transition_guards`` hook (run only for their sector, only while enabled, by ``plugin_rules``
below). The transition service runs them all and reports every failure at once.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import func, select

from ..extensions import db
from ..models import (
    Act,
    Candidate,
    DossierItem,
    Enrollment,
    Member,
    Sponsor,
    StageEvent,
    TrainingClass,
    in_force,
)
from ..plugins.loader import plugins
from ..security.permissions import can_transition, sees_all_units
from . import dossier
from .authority import competent_committee, grassroots_between
from .calendar import add_months, whole_months_between
from .deadlines import ceremony_due, decision_received
from .rules import Rules
from .stages import BRANCH, Transition, stage_label
from .transfers import temporarily_away

EDUCATION_ORDER = ("primary", "lower_secondary", "upper_secondary")


@dataclass
class Proposal:
    """One candidate asked to make one move, with the act and date that would record it."""

    candidate: Candidate
    transition: Transition
    actor: object
    act: Act | None = None
    effective_on: date | None = None  # the act's date, or the ceremony date
    note: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def vote_date(self) -> date:
        return self.act.act_date if self.act is not None else self.effective_on


Guard = Callable[[Proposal, Rules], list[str]]
_GUARDS: dict[str | None, list[Guard]] = {}


def register_guard(guard: Guard, target: str | None = None) -> Guard:
    """Run ``guard`` for moves to ``target`` (every move when None): the core's guards only
    (a plugin's would run for every sector and while disabled; plugins use the hook)."""
    _GUARDS.setdefault(target, []).append(guard)
    return guard


def guards_for(target: str) -> list[Guard]:
    return [*_GUARDS.get(None, []), *_GUARDS.get(target, [])]


def guard(target: str | None = None, *, without_date: bool = False):
    """Register a guard for ``target`` (None: every move). ``without_date``: it can judge a
    step that has no date yet; the others (ages, months, deadlines) wait until it has one."""
    def decorate(function: Guard) -> Guard:
        function.without_date = without_date
        return register_guard(function, target)

    return decorate


def can_judge(guard_function: Guard, proposal: Proposal) -> bool:
    return proposal.vote_date is not None or getattr(guard_function, "without_date", False)


# --- every move ---------------------------------------------------------------------------------
@guard(without_date=True)
def authority(p: Proposal, rules: Rules) -> list[str]:
    if can_transition(p.actor, p.candidate, p.transition.target):
        return []
    return [_("Your role and unit may not make this move (authority: branch proposes, the "
              "committee of a higher unit decides).")]


@guard(without_date=True)
def act_recorded(p: Proposal, rules: Rules) -> list[str]:
    failures = []
    kinds = p.transition.act_kinds
    if kinds and (p.act.kind not in kinds if p.act is not None else not p.transition.act_optional):
        failures.append(_("This move needs a numbered, dated resolution or decision."))
    if p.act is not None and (not (p.act.number or "").strip() or p.act.act_date is None):
        failures.append(_("The resolution or decision needs its number and date."))
    if p.effective_on is None:
        failures.append(_("Enter the date of this step."))
    elif p.effective_on > date.today():
        failures.append(_("The date of this step cannot be in the future."))
    if p.transition.needs_reason and not (p.note or "").strip():
        failures.append(_("Give the reason for this exit."))
    return failures


# --- the competent committee --------------------------------------------------------------------
def _decides(p: Proposal) -> bool:
    return p.transition.authority != BRANCH


@guard()
def competent_committee_decides(p: Proposal, rules: Rules) -> list[str]:
    """On the decision's date, the committee the tree names (or its delegate) decides."""
    if not _decides(p) or sees_all_units(p.actor) or p.candidate.organization is None:
        return []
    committee = competent_committee(p.candidate.organization, p.vote_date)
    home = getattr(p.actor, "organization", None)
    if committee is None or (home is not None and home.id == committee.id):
        return []
    return [_("On %(day)s the committee competent for this branch is %(committee)s; only it "
              "decides (%(regulation)s).", day=_day(p.vote_date), committee=committee.name,
              regulation=rules.regulation)]


@guard("admitted")
def grassroots_resolution(p: Proposal, rules: Rules) -> list[str]:
    """A branch inside a đảng bộ cơ sở that does not decide: its 8-KNĐ resolution, dated between
    the branch's proposal and the decision."""
    unit = p.candidate.organization
    grassroots = grassroots_between(unit, competent_committee(unit, p.vote_date))
    if grassroots is None:
        return []
    proposed = last_event(p.candidate.id, "proposed")
    resolution = db.session.scalar(select(func.max(DossierItem.item_date)).where(
        DossierItem.candidate_id == p.candidate.id, DossierItem.form_code == "8-KND",
        DossierItem.status == "done"))
    if resolution is None:
        return [_("%(committee)s must first adopt its resolution on the admission (8-KNĐ) "
                  "(%(guide)s).", committee=grassroots.name, guide=rules.guide)]
    if (proposed is not None and resolution < proposed.effective_on) or resolution > p.vote_date:
        return [_("The 8-KNĐ resolution of %(dated)s must come after the branch's proposal and "
                  "on or before the decision of %(day)s.", dated=_day(resolution),
                  day=_day(p.vote_date))]
    return []


# --- chronology -----------------------------------------------------------------------------
def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


@guard()
def in_order(p: Proposal, rules: Rules) -> list[str]:
    """The record reads in time order: a step is not dated before the person was born, before
    the step it follows (a decision before the proposal it answers), nor is its act dated after
    the step it records."""
    failures = []
    born = p.candidate.date_of_birth
    if born is not None and p.vote_date <= born:
        failures.append(_("The date %(day)s is not after the date of birth (%(born)s).",
                          day=_day(p.vote_date), born=_day(born)))
    previous = db.session.scalar(
        select(StageEvent).where(StageEvent.candidate_id == p.candidate.id, in_force())
        .order_by(StageEvent.effective_on.desc(), StageEvent.id.desc()).limit(1))
    for day in {p.vote_date, p.effective_on} - {None}:
        if previous is not None and day < previous.effective_on:
            failures.append(_("The date %(day)s is before the previous step “%(step)s” of "
                              "%(previous)s: steps are recorded in time order.", day=_day(day),
                              step=stage_label(previous.to_stage),
                              previous=_day(previous.effective_on)))
            break
    return failures


@guard("trained")
def certificate_before_step(p: Proposal, rules: Rules) -> list[str]:
    issued = latest_certificate(p.candidate.id, "awareness")
    if issued is not None and issued > p.vote_date:
        return [_("The awareness-class certificate is dated %(issued)s, after this step's date "
                  "%(day)s.", issued=_day(issued), day=_day(p.vote_date))]
    return []


@guard("proposed")
def documents_before_vote(p: Proposal, rules: Rules) -> list[str]:
    """What the branch votes on exists on the vote date: the certificate and the dossier's
    documents are dated on or before it."""
    failures = []
    issued = latest_certificate(p.candidate.id, "awareness")
    if issued is not None and issued > p.vote_date:
        failures.append(_("The awareness-class certificate is dated %(issued)s, after the vote of "
                          "%(day)s.", issued=_day(issued), day=_day(p.vote_date)))
    late = db.session.execute(select(DossierItem.form_code, DossierItem.item_date).where(
        DossierItem.candidate_id == p.candidate.id, DossierItem.status == "done",
        DossierItem.form_code.in_(dossier.BEFORE_PROPOSAL), DossierItem.item_date > p.vote_date))
    failures += [_("“%(document)s” is dated %(dated)s, after the vote of %(day)s.",
                   document=dossier.ITEMS.label(code), dated=_day(dated), day=_day(p.vote_date))
                 for code, dated in late]
    return failures


# --- helpers and introducers --------------------------------------------------------------------
def _sponsors(p: Proposal, role: str) -> list[Sponsor]:
    return list(db.session.scalars(
        select(Sponsor).join(Member).where(Sponsor.candidate_id == p.candidate.id,
                                           Sponsor.role == role)))


def _sponsor_problems(p: Proposal, sponsor: Sponsor, rules: Rules,
                      known_long_enough: bool = True) -> list[str]:
    """An official member of the candidate's branch; an introducer has also worked with the
    candidate for the rule's months (the Charter's condition for introducers, not helpers)."""
    member, problems = sponsor.member, []
    if member.status != "official":
        problems.append(_("%(name)s is not an official member.", name=member.full_name))
    if member.organization_id != p.candidate.organization_id:
        problems.append(_("%(name)s is not a member of the candidate's branch.",
                          name=member.full_name))
    if known_long_enough and add_months(sponsor.known_since, rules.sponsor_min_months) > p.vote_date:
        problems.append(_("%(name)s has worked with the candidate for %(months)s months; the rule "
                          "asks at least %(min)s (%(regulation)s).",
                          name=member.full_name,
                          months=whole_months_between(sponsor.known_since, p.vote_date),
                          min=rules.sponsor_min_months, regulation=rules.regulation))
    return problems


@guard("sympathizer")
def helper_assigned(p: Proposal, rules: Rules) -> list[str]:
    helpers = _sponsors(p, "helper")
    if not helpers:
        return [_("Assign an official member to help the candidate (%(regulation)s).",
                  regulation=rules.regulation)]
    problems = [_sponsor_problems(p, h, rules, known_long_enough=False) for h in helpers]
    return [] if any(not found for found in problems) else [m for found in problems for m in found]


def _youth_age(p: Proposal, rules: Rules) -> bool:
    dob = p.candidate.date_of_birth
    return dob is not None and \
        whole_months_between(dob, p.vote_date) < (rules.youth_age_max_years + 1) * 12


@guard("proposed")
def introducers(p: Proposal, rules: Rules) -> list[str]:
    found = _sponsors(p, "introducer")
    problems = [m for s in found for m in _sponsor_problems(p, s, rules)]
    valid = sum(1 for s in found if not _sponsor_problems(p, s, rules))
    if p.candidate.youth_union_member and _youth_age(p, rules):
        needed = 1
        if not _document_done(p, dossier.YOUTH_UNION_INTRODUCTION):
            problems.append(_("A Youth Union member of youth age is introduced by the Youth Union "
                              "committee: record its resolution (4-KNĐ) (Điều lệ Đảng, Điều 4)."))
    else:
        needed = rules.introducers_required
    if valid < needed:
        problems.append(_("%(needed)s introducing official member(s) who worked with the "
                          "candidate for %(months)s months are needed; %(valid)s recorded "
                          "(Điều lệ Đảng, Điều 4).", needed=needed, valid=valid,
                          months=rules.sponsor_min_months))
    return problems


# --- the proposal: person, class, dossier, vote ------------------------------------------------
@guard("proposed")
def age_on_vote_date(p: Proposal, rules: Rules) -> list[str]:
    dob = p.candidate.date_of_birth
    if dob is None:
        return [_("Record the date of birth: the age rule is checked on the vote date.")]
    months = whole_months_between(dob, p.vote_date)
    years, rest = divmod(months, 12)
    if months < rules.min_age_years * 12:
        return [_("On the vote date the candidate is %(years)s years %(months)s months old; "
                  "the minimum is %(min)s years (Điều lệ Đảng, Điều 1).",
                  years=years, months=rest, min=rules.min_age_years)]
    if months > rules.max_age_years * 12 and not _written(p, "age_exception"):
        return [_("On the vote date the candidate is %(years)s years %(months)s months old; above "
                  "%(max)s years needs the written consent of the provincial standing committee, "
                  "recorded with its number, who gave it and its date, on or before the vote "
                  "(%(regulation)s).", years=years, months=rest, max=rules.max_age_years,
                  regulation=rules.regulation)]
    return []


def _written(p: Proposal, name: str) -> bool:
    """An exception recorded in writing: its document, its issuer, a date not after the vote."""
    candidate = p.candidate
    issued_on = getattr(candidate, f"{name}_on")
    return bool((getattr(candidate, name) or "").strip()
                and (getattr(candidate, f"{name}_by") or "").strip()
                and issued_on is not None and issued_on <= p.vote_date)


@guard("proposed")
def education(p: Proposal, rules: Rules) -> list[str]:
    level = p.candidate.education_level
    if level in EDUCATION_ORDER[1:]:
        return []
    if level == "primary" and _written(p, "education_exception"):
        return []
    return [_("General education must be lower secondary or higher; primary needs a written "
              "exception for the listed areas, recorded with its document, issuer and date "
              "(%(regulation)s).", regulation=rules.regulation)]


def latest_certificate(candidate_id: int, kind: str) -> date | None:
    return db.session.scalar(
        select(func.max(Enrollment.certificate_date)).join(TrainingClass)
        .where(Enrollment.candidate_id == candidate_id, Enrollment.result == "passed",
               TrainingClass.kind == kind, Enrollment.certificate_number.is_not(None)))


@guard("trained")
def awareness_class_passed(p: Proposal, rules: Rules) -> list[str]:
    if latest_certificate(p.candidate.id, "awareness") is None:
        return [_("Record the passed awareness class with its certificate number and date.")]
    return []


@guard("proposed")
def certificate_fresh(p: Proposal, rules: Rules) -> list[str]:
    issued = latest_certificate(p.candidate.id, "awareness")
    if issued is None:
        return [_("No awareness-class certificate (CN-NTVĐ) is recorded.")]
    if add_months(issued, rules.certificate_max_months) < p.vote_date:
        return [_("The awareness-class certificate of %(issued)s is more than %(max)s months old "
                  "on the vote date (%(guide)s).", issued=issued.strftime("%d/%m/%Y"),
                  max=rules.certificate_max_months, guide=rules.guide)]
    return []


def _document_done(p: Proposal, code: str) -> bool:
    return db.session.scalar(select(DossierItem.id).where(
        DossierItem.candidate_id == p.candidate.id, DossierItem.form_code == code,
        DossierItem.status == "done").limit(1)) is not None


@guard("proposed")
def dossier_complete(p: Proposal, rules: Rules) -> list[str]:
    done = set(db.session.scalars(select(DossierItem.form_code).where(
        DossierItem.candidate_id == p.candidate.id, DossierItem.status == "done")))
    if latest_certificate(p.candidate.id, "awareness") is not None:
        done.add(dossier.AWARENESS_CERTIFICATE)  # recorded once, at the class
    failures = []
    if dossier.BACKGROUND_CHECK not in done:
        failures.append(_("Background verification (thẩm tra lý lịch) must be done before the "
                          "branch votes (%(guide)s).", guide=rules.guide))
    missing = [dossier.ITEMS.label(code) for code in dossier.BEFORE_PROPOSAL
               if code not in done and code != dossier.BACKGROUND_CHECK]
    if missing:
        failures.append(_("The dossier is incomplete: %(missing)s.", missing="; ".join(missing)))
    return failures


def official_roll(organization_id: int, on: date) -> int:
    """Official members of the branch on ``on``, from the member records: recognized on or
    before that day (members recorded without a date count as official)."""
    return db.session.scalar(select(func.count()).select_from(Member).where(
        Member.organization_id == organization_id, Member.status == "official",
        (Member.official_date.is_(None)) | (Member.official_date <= on)))


def vote_problems(act: Act | None, organization_id: int, rules: Rules) -> list[str]:
    """Agreeing votes ≥ 2/3 of the branch's official members on the vote date, counted from the
    roll, less those temporarily transferred and exempted members not present; the arithmetic
    is shown. A typed total that disagrees with the roll is refused."""
    if act is None or act.act_date is None:
        return []
    roll = official_roll(organization_id, act.act_date)
    if act.official_members is not None and act.official_members != roll:
        return [_("On %(day)s the branch's roll counts %(roll)s official members, not "
                  "%(typed)s as typed: correct the number (or the member records first).",
                  day=_day(act.act_date), roll=roll, typed=act.official_members)]
    # Temporarily transferred members: as typed, else counted from the transfers recorded.
    transferred = act.transferred_members if act.transferred_members is not None \
        else temporarily_away(organization_id, act.act_date)
    exempted = act.exempted_absent or 0
    counted = roll - transferred - exempted
    if act.votes_for is None or counted <= 0:
        return [_("Record the vote: agreeing votes and the number of official members.")]
    if act.votes_for + (act.votes_against or 0) > counted:
        return [_("%(votes)s votes were recorded but the branch counts only %(members)s official "
                  "members.", votes=act.votes_for + (act.votes_against or 0), members=counted)]
    needed = -(-counted * rules.vote_numerator // rules.vote_denominator)  # ceiling
    if act.votes_for >= needed:
        return []
    if transferred or exempted:
        return [_("Vote: %(agree)s agreed; the denominator is %(roll)s official members on the "
                  "roll − %(transferred)s temporarily transferred − %(exempted)s exempted and "
                  "absent = %(members)s, so at least %(needed)s (%(num)s/%(den)s) are needed "
                  "(Điều lệ Đảng, Điều 4; %(regulation)s).", agree=act.votes_for, roll=roll,
                  transferred=transferred, exempted=exempted, members=counted, needed=needed,
                  num=rules.vote_numerator, den=rules.vote_denominator,
                  regulation=rules.regulation)]
    return [_("Vote: %(agree)s of %(members)s official members agreed; at least %(needed)s "
              "(%(num)s/%(den)s) are needed (Điều lệ Đảng, Điều 4).",
              agree=act.votes_for, members=counted, needed=needed,
              num=rules.vote_numerator, den=rules.vote_denominator)]


@guard("proposed")
def branch_vote_for_admission(p: Proposal, rules: Rules) -> list[str]:
    return vote_problems(p.act, p.candidate.organization_id, rules)


# --- after the decision -----------------------------------------------------------------------
def last_event(candidate_id: int, stage: str) -> StageEvent | None:
    return db.session.scalar(select(StageEvent).where(
        StageEvent.candidate_id == candidate_id, StageEvent.to_stage == stage, in_force())
        .order_by(StageEvent.id.desc()).limit(1))


@guard("probationary")
def ceremony_in_time(p: Proposal, rules: Rules) -> list[str]:
    decided = last_event(p.candidate.id, "admitted")
    if decided is None or p.effective_on is None:
        return []
    if p.effective_on < decided.effective_on:
        return [_("The ceremony cannot be held before the admission decision of %(day)s.",
                  day=decided.effective_on.strftime("%d/%m/%Y"))]
    due = ceremony_due(decided.effective_on, decision_received(p.candidate.id), rules)
    approval = p.act if p.act is not None and p.act.kind == "ceremony_approval" else None
    if p.effective_on <= due:
        return []
    if approval is None or not (approval.signer or "").strip():
        return [_("The ceremony must be held within %(days)s working days of the decision (by "
                  "%(due)s); later needs the upper committee's written approval, recorded with "
                  "its number, date and who signed it (%(guide)s).",
                  days=rules.ceremony_due_working_days, due=_day(due), guide=rules.guide)]
    if approval.act_date is not None and approval.act_date > p.effective_on:
        return [_("The approval of %(approved)s comes after the ceremony of %(day)s.",
                  approved=_day(approval.act_date), day=_day(p.effective_on))]
    return []


@guard("recognition_proposed")
def probation_completed(p: Proposal, rules: Rules) -> list[str]:
    ceremony = last_event(p.candidate.id, "probationary")
    if ceremony is None or p.effective_on is None:
        return [_("No admission ceremony is recorded.")]
    ends = add_months(ceremony.effective_on, rules.probation_months)
    if p.effective_on < ends:
        return [_("Probation runs %(months)s months from the ceremony and ends on %(ends)s "
                  "(Điều lệ Đảng, Điều 5).", months=rules.probation_months,
                  ends=ends.strftime("%d/%m/%Y"))]
    return []


@guard("recognition_proposed")
def new_member_class_passed(p: Proposal, rules: Rules) -> list[str]:
    issued = latest_certificate(p.candidate.id, "new_member")
    if issued is None:
        return [_("The new-member class certificate is required for recognition "
                  "(%(guide)s).", guide=rules.guide)]
    if issued > p.vote_date:
        return [_("The new-member class certificate is dated %(issued)s, after the vote of "
                  "%(day)s.", issued=_day(issued), day=_day(p.vote_date))]
    return []


@guard("recognition_proposed")
def recognition_file_complete(p: Proposal, rules: Rules) -> list[str]:
    """10-, 11- and 12-KNĐ done, dated on or before the branch's vote."""
    done = dict(db.session.execute(select(DossierItem.form_code, DossierItem.item_date).where(
        DossierItem.candidate_id == p.candidate.id, DossierItem.status == "done",
        DossierItem.form_code.in_(dossier.BEFORE_RECOGNITION))).all())
    failures = []
    missing = [dossier.ITEMS.label(code) for code in dossier.BEFORE_RECOGNITION if code not in done]
    if missing:
        failures.append(_("The recognition file is incomplete: %(missing)s (Hướng dẫn "
                          "12-HD/BTCTW).", missing="; ".join(missing)))
    failures += [_("“%(document)s” is dated %(dated)s, after the vote of %(day)s.",
                   document=dossier.ITEMS.label(code), dated=_day(dated), day=_day(p.vote_date))
                 for code, dated in done.items() if dated is not None and dated > p.vote_date]
    return failures


@guard("recognition_proposed")
def branch_vote_for_recognition(p: Proposal, rules: Rules) -> list[str]:
    return vote_problems(p.act, p.candidate.organization_id, rules)


# --- plugins ------------------------------------------------------------------------------------
@guard()
def plugin_rules(p: Proposal, rules: Rules) -> list[str]:
    """The rules of the enabled plugins whose sector is the candidate's organization's."""
    registry = plugins()
    organization = p.candidate.organization
    sector = organization.sector if organization is not None else None
    caller = registry.hook("transition_guards", only=registry.for_sector(sector))
    return [reason for found in caller(proposal=p, rules=rules) for reason in (found or [])]
