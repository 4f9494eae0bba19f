"""What a paper says, read from the record: the issuing body, the person, the vote, the acts.

Every builder returns the docxtpl context of one paper, or None when the record does not yet
hold what the paper records (no 9-KNĐ before the decision). Values are display text in
Vietnamese; a value the record does not hold is printed as a dotted blank to fill by hand.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ..extensions import db
from ..models import (
    Act,
    Candidate,
    DossierItem,
    Enrollment,
    Member,
    Organization,
    Sponsor,
    StageEvent,
    TrainingClass,
    Transfer,
    in_force,
)
from ..models.choices import (
    CLASS_KINDS,
    EDUCATION_LEVELS,
    ENROLLMENT_RESULTS,
    GENDERS,
    OCCUPATIONS,
    QUALIFICATIONS,
    THEORY_LEVELS,
)
from ..workflow.authority import (
    ancestors,
    competent_committee,
    deciding_committee,
    grassroots_between,
)
from ..workflow.calendar import add_months
from ..workflow.guards import last_event, official_roll
from ..workflow.rules import rules_on

BLANK = "………………"


def day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else BLANK


def text(value) -> str:
    return str(value).strip() if value not in (None, "") else BLANK


def _label(choices, code: str | None) -> str:
    return str(choices.label(code)) if code else BLANK


# --- the issuing body -------------------------------------------------------------------------
def issuer(org: Organization | None, number: str | None, on: date | None) -> dict:
    """The header: who issues, under whom, the number and symbol, the place and date, and the
    regulation and guide in force that day."""
    above = ancestors(org) if org is not None else []
    place = next((unit.place for unit in [org, *above] if unit is not None and unit.place), None)
    rules = rules_on(on or date.today())
    name = org.name if org is not None else BLANK
    parent = above[0].name if above else ""
    return {
        "issuer": name, "issuer_upper": name.upper(), "issuer_parent_upper": parent.upper(),
        "upper_committee": parent or BLANK, "number": text(number), "place": place or BLANK,
        "day": f"{on.day:02d}" if on else "……", "month": f"{on.month:02d}" if on else "……",
        "year": str(on.year) if on else "……", "date_text": day(on),
        "regulation": str(rules.regulation), "guide": str(rules.guide),
        "probation_months": rules.probation_months,
    }


# --- the person -------------------------------------------------------------------------------
def person(candidate: Candidate) -> dict:
    workplace = ", ".join(part for part in (candidate.position, candidate.workplace) if part)
    return {
        "name": candidate.full_name, "birth": day(candidate.date_of_birth),
        "gender": _label(GENDERS, candidate.gender), "place_of_birth": text(candidate.place_of_birth),
        "hometown": text(candidate.hometown), "residence": text(candidate.residence_address),
        "occupation": _label(OCCUPATIONS, candidate.occupation),
        "workplace": workplace or BLANK, "unit": candidate.organization.name,
        "education": _label(EDUCATION_LEVELS, candidate.education_level),
        "qualification": _label(QUALIFICATIONS, candidate.qualification),
        "theory": _label(THEORY_LEVELS, candidate.theory_level),
        "ethnicity": text(candidate.ethnicity), "religion": text(candidate.religion),
        "national_id": text(candidate.national_id), "phone": text(candidate.phone),
    }


def profile_rows(candidate: Candidate) -> list[dict]:
    """2-KNĐ: what the record knows, in the biography's order."""
    known = person(candidate)
    rows = [("Họ và tên", "name"), ("Giới tính", "gender"), ("Ngày sinh", "birth"),
            ("Nơi sinh", "place_of_birth"), ("Quê quán", "hometown"), ("Nơi ở hiện nay", "residence"),
            ("Dân tộc", "ethnicity"), ("Tôn giáo", "religion"), ("Số CCCD", "national_id"),
            ("Nghề nghiệp", "occupation"), ("Nơi công tác", "workplace"),
            ("Giáo dục phổ thông", "education"), ("Chuyên môn", "qualification"),
            ("Lý luận chính trị", "theory"), ("Điện thoại", "phone")]
    return [{"label": label, "value": known[key]} for label, key in rows]


def certificate(candidate_id: int, kind: str = "awareness") -> dict:
    found = db.session.execute(
        select(Enrollment.certificate_number, Enrollment.certificate_date).join(TrainingClass)
        .where(Enrollment.candidate_id == candidate_id, Enrollment.result == "passed",
               TrainingClass.kind == kind, Enrollment.certificate_number.is_not(None))
        .order_by(Enrollment.certificate_date.desc()).limit(1)).first()
    return {"number": text(found[0]), "date": day(found[1])} if found else \
        {"number": BLANK, "date": BLANK}


def sponsor_names(candidate_ids: list[int], role: str) -> dict[int, str]:
    """Each candidate's helpers (or introducers) as one line of names (one query)."""
    names: dict[int, list[str]] = {}
    for candidate_id, name in db.session.execute(
            select(Sponsor.candidate_id, Member.full_name).join(Member)
            .where(Sponsor.candidate_id.in_(candidate_ids), Sponsor.role == role)
            .order_by(Member.sort_key)):
        names.setdefault(candidate_id, []).append(name)
    return {key: ", ".join(value) for key, value in names.items()}


# --- acts and votes ---------------------------------------------------------------------------
def vote(act: Act, unit_id: int) -> dict:
    """The vote as the resolution states it; the roll from the member records when not typed."""
    roll = act.official_members if act.official_members is not None else \
        official_roll(unit_id, act.act_date)
    transferred, exempted = act.transferred_members or 0, act.exempted_absent or 0
    counted = roll - transferred - exempted
    agree = act.votes_for
    share = f"{agree * 100 / counted:.1f}%".replace(".", ",") if agree is not None and counted > 0 \
        else BLANK
    return {"roll": roll, "transferred": transferred, "exempted": exempted, "counted": counted,
            "agree": text(agree), "against": text(act.votes_against), "share": share}


def act_summary(act: Act | None) -> dict:
    if act is None:
        return {"number": BLANK, "date": BLANK, "issuer": BLANK, "agree": BLANK}
    return {"number": act.number, "date": day(act.act_date), "issuer": act.organization.name,
            "agree": text(act.votes_for)}


def _step(candidate: Candidate, stage: str) -> StageEvent | None:
    return last_event(candidate.id, stage)


def _committee(candidate: Candidate, on: date | None) -> str:
    committee = deciding_committee(candidate.organization, on)
    return committee.name if committee is not None else BLANK


def _base(candidate: Candidate, org, number, on) -> dict:
    return {**issuer(org, number, on), "person": person(candidate),
            "committee": _committee(candidate, on), "signer": BLANK}


# --- the papers of one person -----------------------------------------------------------------
def application(candidate: Candidate) -> dict:
    """1-KNĐ, pre-filled for the person to complete and sign."""
    return {**_base(candidate, candidate.organization, None, None),
            "certificate": certificate(candidate.id)}


def biography(candidate: Candidate) -> dict:
    """2-KNĐ: the known part of the biography."""
    return {**_base(candidate, candidate.organization, None, None),
            "profile": profile_rows(candidate)}


def _voted(candidate: Candidate, stage: str) -> dict | None:
    step = _step(candidate, stage)
    if step is None or step.act is None:
        return None
    act = step.act
    return {**_base(candidate, act.organization, act.number, act.act_date),
            "vote": vote(act, candidate.organization_id), "signer": text(act.signer)}


def admission_proposal(candidate: Candidate) -> dict | None:
    """6-KNĐ: the branch's resolution proposing admission, with its vote."""
    context = _voted(candidate, "proposed")
    if context is None:
        return None
    return {**context, "certificate": certificate(candidate.id),
            "introducers": sponsor_names([candidate.id], "introducer").get(candidate.id, BLANK),
            "helpers": sponsor_names([candidate.id], "helper").get(candidate.id, BLANK)}


def _grassroots(candidate: Candidate, on: date | None) -> Organization | None:
    unit = candidate.organization
    return grassroots_between(unit, competent_committee(unit, on))


def _document_date(candidate: Candidate, code: str) -> date | None:
    return db.session.scalar(select(DossierItem.item_date).where(
        DossierItem.candidate_id == candidate.id, DossierItem.form_code == code))


def grassroots_resolution(candidate: Candidate) -> dict | None:
    """8-KNĐ: the đảng bộ cơ sở's resolution, where the branch sits in one that does not decide."""
    proposed = _step(candidate, "proposed")
    grassroots = _grassroots(candidate, proposed.effective_on) if proposed else None
    if grassroots is None:
        return None
    return {**_base(candidate, grassroots, None, _document_date(candidate, "8-KND")),
            "proposal": act_summary(proposed.act)}


def admission_decision(candidate: Candidate) -> dict | None:
    """9-KNĐ: the competent committee's decision."""
    decided = _step(candidate, "admitted")
    if decided is None or decided.act is None:
        return None
    act, proposed = decided.act, _step(candidate, "proposed")
    grassroots = _grassroots(candidate, act.act_date)
    resolution = _document_date(candidate, "8-KND") if grassroots else None
    clause = f" và Nghị quyết ngày {day(resolution)} của {grassroots.name}" if grassroots else ""
    return {**_base(candidate, act.organization, act.number, act.act_date),
            "proposal": act_summary(proposed.act if proposed else None),
            "grassroots_clause": clause, "signer": text(act.signer)}


def ceremony_record(candidate: Candidate) -> dict | None:
    """The record of the admission ceremony."""
    ceremony = _step(candidate, "probationary")
    if ceremony is None:
        return None
    decided = _step(candidate, "admitted")
    rules = rules_on(ceremony.effective_on)
    return {**_base(candidate, candidate.organization, None, ceremony.effective_on),
            "decision": act_summary(decided.act if decided else None),
            "roll": official_roll(candidate.organization_id, ceremony.effective_on),
            "helpers": sponsor_names([candidate.id], "helper").get(candidate.id, BLANK),
            "probation_ends": day(add_months(ceremony.effective_on, rules.probation_months))}


def _probation(candidate: Candidate) -> dict:
    ceremony, decided = _step(candidate, "probationary"), _step(candidate, "admitted")
    ends = add_months(ceremony.effective_on, rules_on(ceremony.effective_on).probation_months) \
        if ceremony else None
    return {"decision": act_summary(decided.act if decided else None),
            "ceremony": day(ceremony.effective_on if ceremony else None),
            "probation_ends": day(ends)}


def recognition_proposal(candidate: Candidate) -> dict | None:
    """13-KNĐ: the branch's resolution proposing recognition, with its vote."""
    context = _voted(candidate, "recognition_proposed")
    return None if context is None else {**context, **_probation(candidate)}


def recognition_decision(candidate: Candidate) -> dict | None:
    """The committee's decision recognizing the official member."""
    decided = _step(candidate, "official")
    if decided is None or decided.act is None:
        return None
    act, proposed = decided.act, _step(candidate, "recognition_proposed")
    return {**_base(candidate, act.organization, act.number, act.act_date), **_probation(candidate),
            "proposal": act_summary(proposed.act if proposed else None), "signer": text(act.signer)}


# --- papers of an act or a class --------------------------------------------------------------
MONTHLY_STAGES = ("sympathizer", "dropped")


def monthly_resolution(act: Act) -> dict | None:
    """The branch's monthly resolution: who joins the sympathizer list (with their helpers) and
    who leaves it (with the reason), from the steps recorded under this act."""
    steps = db.session.execute(
        select(StageEvent.to_stage, StageEvent.note, Candidate)
        .join(Candidate, Candidate.id == StageEvent.candidate_id)
        .where(StageEvent.act_id == act.id, in_force(),
               StageEvent.to_stage.in_(MONTHLY_STAGES))
        .order_by(Candidate.sort_key)).all()
    if not steps:
        return None
    helpers = sponsor_names([c.id for _stage, _note, c in steps], "helper")
    added = [{"name": c.full_name, "birth": day(c.date_of_birth),
              "workplace": text(", ".join(p for p in (c.position, c.workplace) if p)),
              "helpers": helpers.get(c.id, BLANK)} for stage, _note, c in steps
             if stage == "sympathizer"]
    removed = [{"name": c.full_name, "birth": day(c.date_of_birth), "reason": text(note)}
               for stage, note, c in steps if stage == "dropped"]
    return {**issuer(act.organization, act.number, act.act_date), "added": added,
            "removed": removed, "signer": text(act.signer)}


def class_list(course: TrainingClass) -> dict:
    """The enrolment list of a class, with results and certificates."""
    rows = db.session.execute(
        select(Candidate.full_name, Candidate.date_of_birth, Organization.name,
               Enrollment.result, Enrollment.certificate_number, Enrollment.certificate_date)
        .join(Enrollment, Enrollment.candidate_id == Candidate.id)
        .join(Organization, Organization.id == Candidate.organization_id)
        .where(Enrollment.class_id == course.id).order_by(Candidate.sort_key)).all()
    students = [{"name": name, "birth": day(born), "unit": unit,
                 "result": _label(ENROLLMENT_RESULTS, result),
                 "certificate": f"{number} ({day(issued)})" if number else ""}
                for name, born, unit, result, number, issued in rows]
    return {**issuer(course.organization, None, course.start_date),
            "course": {"name": course.name, "kind": _label(CLASS_KINDS, course.kind),
                       "start": day(course.start_date), "end": day(course.end_date),
                       "organizer": text(course.organizer or course.organization.name)},
            "students": students}


# --- the paper of a transfer ------------------------------------------------------------------
TRANSFER_WORDING = {
    "candidate": ("Quần chúng chuyển nơi phấn đấu vào Đảng", "quần chúng",
                  "tiếp tục giúp đỡ, bồi dưỡng và phân công đảng viên chính thức giúp đỡ"),
    "official": ("Chuyển sinh hoạt đảng chính thức", "đồng chí",
                 "quản lý và sắp xếp sinh hoạt đảng cho đồng chí"),
    "temporary": ("Chuyển sinh hoạt đảng tạm thời", "đồng chí",
                  "quản lý và sắp xếp sinh hoạt đảng tạm thời cho đồng chí"),
}


def transfer_introduction(transfer: Transfer) -> dict:
    """The sending unit's introduction of a person moved by ``transfer`` (giấy giới thiệu):
    issued by the committee above the sending unit, on the decision's date."""
    subtitle, who, request = TRANSFER_WORDING[transfer.kind]
    person = transfer.candidate or transfer.member
    sending = transfer.from_unit
    standing = ({"official": "đảng viên chính thức", "probationary": "đảng viên dự bị"}
                .get(getattr(transfer.member, "status", None), "quần chúng ưu tú"))
    until = (f", đến ngày {day(transfer.returned_on)}" if transfer.returned_on else "")
    return {**issuer(sending.parent or sending, transfer.number, transfer.act_date),
            "subtitle": subtitle, "who": who, "request": request, "name": transfer.full_name,
            "birth": day(getattr(person, "date_of_birth", None)),
            "national_id": text(getattr(person, "national_id", None)), "standing": standing,
            "from_unit": sending.name, "to_unit": transfer.to_unit.name, "until": until,
            "decision": {"number": text(transfer.number), "date": day(transfer.act_date),
                         "issuer": text(transfer.issuer)},
            "carried": transfer.note or "", "signer": BLANK}
