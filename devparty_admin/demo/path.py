"""Walk demo candidates along the development path through the real transition service, so
their acts, events, sponsors, certificates and dossiers are consistent by construction, and
every alert kind shows on the day the demo is loaded."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from ..extensions import db
from ..models import Act, Candidate, DossierItem, Enrollment, Member, Sponsor, TrainingClass
from ..plugins.loader import plugins
from ..workflow import dossier
from ..workflow.calendar import add_months
from ..workflow.guards import official_roll
from ..workflow.transitions import move

PATH = ("sympathizer", "trained", "dossier", "proposed", "admitted", "probationary",
        "recognition_proposed", "official")
EXIT_FROM = {"dropped": "sympathizer", "rejected": "proposed", "struck_off": "probationary"}
# Days between entering one stage and the next, chosen inside every deadline.
GAPS = {"sympathizer": 60, "trained": 30, "dossier": 40, "proposed": 20, "admitted": 14,
        "probationary": 372, "recognition_proposed": 0, "official": 0}
ACT_KIND = {"sympathizer": "branch_resolution", "proposed": "branch_resolution",
            "admitted": "admission_decision", "recognition_proposed": "branch_resolution",
            "official": "recognition_decision",
            "dropped": "branch_resolution", "rejected": "committee_decision",
            "struck_off": "committee_decision"}
EXIT_REASONS = {"dropped": "Không tiếp tục phấn đấu, chi bộ biểu quyết đưa ra khỏi danh sách",
                "rejected": "Cấp ủy cấp trên chưa đồng ý kết nạp, cần tiếp tục rèn luyện",
                "struck_off": "Không đủ tư cách đảng viên sau thời gian dự bị"}


def _steps(target: str) -> list[str]:
    if target in EXIT_FROM:
        return [*_steps(EXIT_FROM[target]), target]
    return list(PATH[:PATH.index(target) + 1]) if target in PATH else []


def _dates(steps: list[str], last: date) -> dict[str, date]:
    """Dates of each step, counted back from the last one."""
    dates, day = {}, last
    for step, following in zip(reversed(steps), [None, *reversed(steps)]):
        if following is not None:
            day -= timedelta(days=GAPS[step])
        dates[step] = day
    return dates


def _class(kind: str, unit, day: date) -> TrainingClass:
    name = ("Lớp bồi dưỡng nhận thức về Đảng" if kind == "awareness" else "Lớp đảng viên mới")
    course = db.session.scalar(select(TrainingClass).where(
        TrainingClass.kind == kind, TrainingClass.organization_id == unit.id,
        TrainingClass.start_date == day))
    if course is None:
        course = TrainingClass(kind=kind, name=f"{name} {day:%m/%Y}", organization_id=unit.id,
                               organizer="Trung tâm Chính trị", start_date=day - timedelta(days=5),
                               end_date=day)
        db.session.add(course)
    return course


def _prepare(candidate: Candidate, first_day: date, certificate_day: date) -> None:
    """Helpers, introducers, the awareness certificate and the dossier the guards ask for."""
    officials = list(db.session.scalars(select(Member).where(
        Member.organization_id == candidate.organization_id, Member.status == "official")
        .order_by(Member.id).limit(2)))
    since = first_day - timedelta(days=800)
    for member in officials:
        db.session.add(Sponsor(candidate=candidate, member=member, role="helper", known_since=since))
        db.session.add(Sponsor(candidate=candidate, member=member, role="introducer",
                               known_since=since))
    db.session.add(Enrollment(training_class=_class("awareness", candidate.organization,
                                                    certificate_day),
                              candidate=candidate, result="passed",
                              certificate_number=f"NT-{candidate.id:05d}",
                              certificate_date=certificate_day))
    for code in (*dossier.BEFORE_PROPOSAL, "3-KND", "4-KND"):
        db.session.add(DossierItem(candidate=candidate, form_code=code, status="done",
                                   item_date=certificate_day))
    db.session.flush()


def _act(step: str, candidate: Candidate, day: date, serial: int) -> Act | None:
    kind = ACT_KIND.get(step)
    if kind is None:
        return None
    branch_level = kind == "branch_resolution"
    issuer = candidate.organization if branch_level else candidate.organization.parent
    officials = official_roll(candidate.organization_id, day)
    suffix = "NQ/CB" if branch_level else "QĐ/ĐU"
    return Act(kind=kind, number=f"{serial:02d}-{suffix}", act_date=day,
               organization_id=(issuer or candidate.organization).id, votes_for=officials,
               votes_against=0, official_members=officials, signer="Bí thư")


def walk(candidate: Candidate, target: str, last_day: date, actor, serial: int,
         certificate_day: date | None = None) -> None:
    """Move ``candidate`` from ``source`` to ``target``, the last step on ``last_day``. The
    sector's plugin is asked for its records first (``demo_candidate``), with the day the first
    step is taken, for everyone, those left in the pool included: its own guards judge the
    steps that follow."""
    steps = _steps(target)
    dates = _dates(steps, last_day) if steps else {}
    first_day = dates[steps[0]] if steps else last_day
    registry = plugins()
    registry.hook("demo_candidate", only=registry.for_sector(candidate.organization.sector))(
        candidate=candidate, target=target, first_day=first_day)
    if not steps:
        db.session.flush()
        return
    _prepare(candidate, first_day, certificate_day or dates.get("trained", first_day))
    db.session.flush()
    for step in steps:
        if step == "recognition_proposed":
            db.session.add(Enrollment(
                training_class=_class("new_member", candidate.organization,
                                      dates["probationary"] + timedelta(days=90)),
                candidate=candidate, result="passed", certificate_number=f"DM-{candidate.id:05d}",
                certificate_date=dates["probationary"] + timedelta(days=90)))
            dates[step] = add_months(dates["probationary"], 12)
            db.session.add_all(DossierItem(candidate=candidate, form_code=code, status="done",
                                           item_date=dates[step])
                               for code in dossier.BEFORE_RECOGNITION)
        if step == "official":  # the committee decides a few days after the branch's vote
            dates[step] = min(dates["recognition_proposed"] + timedelta(days=5), last_day)
        move(candidate, step, actor=actor, act=_act(step, candidate, dates[step], serial),
             effective_on=dates[step], note=EXIT_REASONS.get(step))


def last_day_for(target: str, index: int, today: date) -> tuple[date, date | None]:
    """(day of the last step, awareness certificate day) so that alerts of every kind appear:
    even-numbered candidates are on track, odd-numbered ones are late."""
    late = index % 2 == 1
    if target == "proposed":
        return today - timedelta(days=120 if late else 10), None
    if target == "admitted":
        return today - timedelta(days=60 if late else 5), None
    if target == "probationary":
        return today - timedelta(days=430 if late else 350), None
    if target in ("sympathizer", "trained", "dossier") and late:
        return today - timedelta(days=20), add_months(today, -58)
    return today - timedelta(days=15 + 7 * index), None
