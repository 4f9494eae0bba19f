"""The demo tree: organizations, members and candidates modelled on the seed articles.

The core builds the province; each enabled sector plugin adds its part (its ``demo.py``) with
the seed figures users expect to see. ``Unit`` and ``split`` are part of the plugin contract.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..extensions import db
from ..models import Candidate, Member, Organization, Plan, StageEvent
from ..plugins.loader import plugins
from ..workflow.calendar import add_months

ROOT_CODE = "TU"

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lương", "Triệu", "Hà"]
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Thành", "Xuân", "Công", "Tiến"]
MIDDLE_FEMALE = ["Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Phương", "Mai", "Kim"]
GIVEN_MALE = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Khánh", "Kiên",
              "Long", "Mạnh", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Trung", "Tuấn", "Việt"]
GIVEN_FEMALE = ["Anh", "Ánh", "Chi", "Dung", "Giang", "Hà", "Hằng", "Hoa", "Hương", "Lan",
                "Linh", "Mai", "Ngân", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Yến"]


@dataclass
class Unit:
    """One organization of the demo tree, with how many members and candidates it holds."""

    code: str
    name: str
    level: str
    sector: str | None = None
    staff: int | None = None
    members: int = 0
    probationary: int = 0
    candidates: dict[str, int] = field(default_factory=dict)
    children: list[Unit] = field(default_factory=list)
    sources: tuple[str, ...] = ()  # where its candidates come from; sub-units inherit it
    # Admissions before the system (year -> how many), counted among ``members``; of them,
    # ``admitted_students`` (year -> how many) were high-school students.
    admissions: dict[int, int] = field(default_factory=dict)
    admitted_students: dict[int, int] = field(default_factory=dict)
    plans: list[dict] = field(default_factory=list)  # Plan columns, one dict per year
    place: str | None = None  # printed on its papers; sub-units inherit it


@dataclass
class Reorganization:
    """One decision of a demo's history (number, date, issuer) and what it did, in order: the
    units it established (each under the unit with the given code), the units it merged into
    another (source codes → target code), the units it dissolved once emptied."""

    number: str
    day: date
    issuer: str
    establish: list[tuple[Unit, str]] = field(default_factory=list)
    merge: list[tuple[list[str], str]] = field(default_factory=list)
    dissolve: list[str] = field(default_factory=list)


DEFAULT_SOURCES = ("youth_union",)
# Students are of their school's age (high school 18–19, university 19–22); others 23–36.
# Someone past the dossier has been on the path a year or two and was 18 at the branch's vote.
STUDENT_AGES = {"high_school": (18, 20), "university": (19, 23)}
POOL_STAGES = ("source", "sympathizer", "trained", "dossier", "dropped")


def _born(source: str, year: int, stage: str) -> tuple[int, int]:
    youngest, oldest = STUDENT_AGES.get(source, (23, 37))
    later = 0 if stage in POOL_STAGES else 2
    return year - oldest - later, year - youngest - later


def split(total: int, parts: int) -> list[int]:
    """``total`` shared as evenly as possible over ``parts``."""
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def demo_tree(sector_units: list[Unit]) -> Unit:
    """The province, with the parts the enabled sector plugins contribute."""
    return Unit(ROOT_CODE, "Đảng bộ tỉnh (dữ liệu mẫu)", "Đảng bộ tỉnh", children=sector_units)



class People:
    """Deterministic names, birth dates and citizen ids, so the demo is the same everywhere."""

    def __init__(self, start: int = 0) -> None:
        self.rng = random.Random(2026 + start)
        self.start = self.serial = start

    def person(self, born_between: tuple[int, int]) -> dict:
        self.serial += 1
        female = self.rng.random() < 0.4
        name = " ".join([
            self.rng.choice(FAMILY),
            self.rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE),
            self.rng.choice(GIVEN_FEMALE if female else GIVEN_MALE),
        ])
        start = date(born_between[0], 1, 1)
        born = start + timedelta(days=self.rng.randrange(365 * (born_between[1] - born_between[0])))
        return {"full_name": name, "gender": "female" if female else "male",
                "date_of_birth": born, "national_id": f"0{self.serial:011d}"}


def _add_admission_history(org: Organization, unit: Unit, sources: tuple[str, ...],
                           people: People) -> int:
    """Past admissions as the system would hold them had it been in use: the candidate, the
    stage events (admitted, ceremony two weeks later, official after 12 months) and the member.
    They are loaded as records, not re-decided under today's rules. Returns how many members."""
    today, added, registry = date.today(), 0, plugins()
    others = [s for s in sources if s not in ("high_school", "university")] or list(sources)
    for year, count in sorted(unit.admissions.items()):
        students = unit.admitted_students.get(year, 0)
        for i in range(count):
            admitted = date(year, 1 + i % 5, 1 + (i * 7) % 27)  # January to May
            ceremony = admitted + timedelta(days=14)
            official = add_months(ceremony, 12)
            is_official = official <= today
            student = i < students
            candidate = Candidate(
                organization=org, stage="official" if is_official else "probationary",
                source="high_school" if student else people.rng.choice(others),
                occupation="student" if student else None, education_level="upper_secondary",
                ethnicity="Kinh", religion="Không", youth_union_member=True,
                **people.person((year - 20, year - 18) if student else (year - 30, year - 20)))
            db.session.add(candidate)
            registry.hook("demo_candidate", only=registry.for_sector(org.sector))(
                candidate=candidate, target=candidate.stage, first_day=admitted)
            steps = [("proposed", "admitted", admitted), ("admitted", "probationary", ceremony)]
            if is_official:
                steps.append(("probationary", "official", official))
            for source, target, day in steps:
                db.session.add(StageEvent(candidate=candidate, from_stage=source, to_stage=target,
                                          effective_on=day, note="Dữ liệu trước khi dùng hệ thống"))
            db.session.add(Member(
                organization=org, candidate=candidate,
                status="official" if is_official else "probationary", admission_date=admitted,
                ceremony_date=ceremony, official_date=official if is_official else None,
                full_name=candidate.full_name, gender=candidate.gender,
                date_of_birth=candidate.date_of_birth, national_id=candidate.national_id))
            added += 1
    return added


def _add_people(org: Organization, unit: Unit, sources: tuple[str, ...], people: People,
                walks: list) -> None:
    """Members, less those the walked candidates become and the past admissions, so the
    unit's figures hold."""
    year = date.today().year
    becoming_probationary = (unit.candidates.get("probationary", 0)
                             + unit.candidates.get("recognition_proposed", 0))
    becoming = (becoming_probationary + unit.candidates.get("official", 0)
                + _add_admission_history(org, unit, sources, people))
    probationary = max(unit.probationary - becoming_probationary, 0)
    # Members of long standing were admitted before any year the unit's history lists.
    before = min([*unit.admissions, year - 1]) - 1
    for i in range(unit.members - becoming):
        status = "probationary" if i < probationary else "official"
        admitted = date(before - people.rng.randrange(20), 1 + i % 12, 1 + i % 27)
        if status == "probationary":  # admitted within the last twelve months
            admitted = date.today() - timedelta(days=90 + 30 * i)
        db.session.add(Member(
            organization=org, status=status, admission_date=admitted,
            ceremony_date=admitted + timedelta(days=14),
            official_date=None if status == "probationary" else admitted + timedelta(days=380),
            **people.person((1966, 2000)),
        ))
    for stage, count in unit.candidates.items():
        for _ in range(count):
            source = people.rng.choice(sources)
            candidate = Candidate(
                organization=org, stage="source", source=source,
                occupation="student" if source in STUDENT_AGES else None,
                education_level="upper_secondary", ethnicity="Kinh", religion="Không",
                youth_union_member=True, **people.person(_born(source, year, stage)))
            db.session.add(candidate)
            walks.append((candidate, stage))


def add_tree(unit: Unit, parent: Organization | None, people: People, walks: list,
             sources: tuple[str, ...] = DEFAULT_SOURCES) -> None:
    """Create ``unit`` and everything below it; candidates to walk are appended to ``walks``."""
    sources = unit.sources or sources
    org = Organization(code=unit.code, name=unit.name, level=unit.level, sector=unit.sector,
                       staff_count=unit.staff, place=unit.place, parent=parent)
    db.session.add(org)
    db.session.flush()
    for plan in unit.plans:
        db.session.add(Plan(organization=org, **plan))
    _add_people(org, unit, sources, people, walks)
    for child in unit.children:
        add_tree(child, org, people, walks, sources)
