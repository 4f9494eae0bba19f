"""The demo tree: organizations, members and candidates modelled on the seed articles.

The figures users expect to see: the provincial police committee with 19 chi bộ cơ sở and 9
đảng bộ cơ sở holding 52 chi bộ, 1098 members; the procuracy's 75 members among 77 staff at the
province and 119 among 149 in the districts; the justice department's 46 members (43 official,
3 probationary); a commune đảng bộ of 11 branches with 306 members.
Sector parts move to each sector plugin's ``demo.py`` once the plugin contract exists.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..extensions import db
from ..models import Candidate, Member, Organization

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


def _split(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def _police() -> Unit:
    branch_names = [
        "Phòng Tham mưu", "Phòng Tổ chức cán bộ", "Phòng Công tác Đảng và công tác chính trị",
        "Phòng An ninh đối ngoại", "Phòng An ninh chính trị nội bộ", "Phòng An ninh kinh tế",
        "Phòng An ninh mạng", "Phòng Cảnh sát hình sự", "Phòng Cảnh sát kinh tế",
        "Phòng Cảnh sát ma túy", "Phòng Cảnh sát giao thông", "Phòng Cảnh sát cơ động",
        "Phòng Cảnh sát PCCC và CNCH", "Phòng Hậu cần", "Phòng Hồ sơ", "Phòng Cảnh sát điều tra",
        "Phòng Quản lý xuất nhập cảnh", "Phòng Cảnh sát quản lý hành chính", "Phòng Thanh tra",
    ]
    districts = ["thành phố", "thị xã Phổ Yên", "thành phố Sông Công", "huyện Đại Từ",
                 "huyện Định Hóa", "huyện Phú Lương", "huyện Đồng Hỷ", "huyện Võ Nhai",
                 "huyện Phú Bình"]
    branch_sizes = _split(52, 9)
    member_counts = iter(_split(1098, 19 + 52))
    stages = ["source", "sympathizer", "trained", "dossier", "proposed", "admitted",
              "probationary", "official"]
    branches = [
        Unit(f"CA-CB{i + 1:02d}", f"Chi bộ {name}", "Chi bộ cơ sở", "police",
             members=next(member_counts), candidates={stages[i % 8]: 1} if i < 8 else {})
        for i, name in enumerate(branch_names)
    ]
    committees = [
        Unit(f"CA-DB{d + 1:02d}", f"Đảng bộ Công an {district}", "Đảng bộ cơ sở", "police",
             children=[
                 Unit(f"CA-DB{d + 1:02d}-{b + 1:02d}", f"Chi bộ Đội {b + 1} Công an {district}",
                      "Chi bộ trực thuộc", "police", members=next(member_counts),
                      candidates={"sympathizer": 1} if b == 0 else {})
                 for b in range(branch_sizes[d])
             ])
        for d, district in enumerate(districts)
    ]
    return Unit("CA", "Đảng bộ Công an tỉnh", "Đảng bộ cấp trên cơ sở", "police",
                children=branches + committees)


def _procuracy() -> Unit:
    office = [("Văn phòng", 26, 25), ("Phòng 1 và Phòng 2", 26, 25), ("Phòng 7 và Phòng 9", 25, 25)]
    districts = ["Phú Bình", "Đại Từ", "Định Hóa", "Phú Lương", "Đồng Hỷ", "Võ Nhai", "Phổ Yên",
                 "Sông Công", "thành phố Thái Nguyên"]
    staff, members = _split(149, 9), _split(119, 9)
    children = [Unit(f"VKS-T{i + 1}", f"Chi bộ {name} VKSND tỉnh", "Chi bộ trực thuộc",
                     "procuracy", staff=s, members=m) for i, (name, s, m) in enumerate(office)]
    children += [
        Unit(f"VKS-H{i + 1}", f"Chi bộ VKSND huyện {name}", "Chi bộ cơ sở", "procuracy",
             staff=staff[i], members=members[i],
             candidates={"sympathizer": 1, "trained": 1} if i == 0 else {})
        for i, name in enumerate(districts)
    ]
    return Unit("VKS", "Đảng bộ Viện Kiểm sát nhân dân tỉnh", "Đảng bộ cơ sở", "procuracy",
                staff=77, children=children)


def _justice() -> Unit:
    return Unit("STP", "Đảng bộ Sở Tư pháp", "Đảng bộ cơ sở", "justice", children=[
        Unit("STP-01", "Chi bộ 01", "Chi bộ trực thuộc", "justice", members=16, probationary=1,
             candidates={"source": 2, "sympathizer": 2, "trained": 1, "dossier": 1}),
        Unit("STP-02", "Chi bộ 02", "Chi bộ trực thuộc", "justice", members=15, probationary=1,
             candidates={"proposed": 1, "dropped": 1}),
        Unit("STP-03", "Chi bộ 03", "Chi bộ trực thuộc", "justice", members=15, probationary=1,
             candidates={"admitted": 1, "probationary": 1}),
    ])


def _commune() -> Unit:
    hamlets = [Unit(f"TS-{i + 1:02d}", f"Chi bộ thôn {i + 1}", "Chi bộ trực thuộc", "commune",
                    members=m, candidates={stage: 1 for stage in stages})
               for i, (m, stages) in enumerate(zip(_split(306, 11), [
                   ["source", "sympathizer"], ["source", "trained"], ["dossier"], ["proposed"],
                   ["admitted", "source"], ["probationary"], ["official", "rejected"],
                   ["sympathizer"], ["source"], ["struck_off"], ["sympathizer", "trained"]]))]
    commune = Unit("TS", "Đảng bộ xã Trường Sơn", "Đảng bộ cơ sở", "commune", children=hamlets)
    return Unit("NC", "Đảng bộ huyện Nông Cống", "Đảng bộ cấp trên cơ sở", "commune",
                children=[commune])


def demo_tree() -> Unit:
    return Unit(ROOT_CODE, "Đảng bộ tỉnh (dữ liệu mẫu)", "Đảng bộ tỉnh",
                children=[_police(), _procuracy(), _justice(), _commune()])



class People:
    """Deterministic names, birth dates and citizen ids, so the demo is the same everywhere."""

    def __init__(self) -> None:
        self.rng = random.Random(2026)
        self.serial = 0

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


SOURCES_BY_SECTOR = {None: ["youth_union"], "police": ["youth_union"],
                     "procuracy": ["youth_union", "trade_union"],
                     "justice": ["youth_union", "trade_union"],
                     "commune": ["high_school", "discharged_soldier", "enterprise_worker",
                                 "women_union", "youth_union"]}


def _add_people(org: Organization, unit: Unit, people: People, walks: list) -> None:
    """Members, less those the walked candidates become, so the unit's figures hold."""
    year = date.today().year
    becoming_probationary = unit.candidates.get("probationary", 0)
    becoming = becoming_probationary + unit.candidates.get("official", 0)
    probationary = max(unit.probationary - becoming_probationary, 0)
    for i in range(unit.members - becoming):
        status = "probationary" if i < probationary else "official"
        admitted = date(year - 1 - people.rng.randrange(25), 1 + i % 12, 1 + i % 27)
        db.session.add(Member(
            organization=org, status=status, admission_date=admitted,
            ceremony_date=admitted + timedelta(days=14),
            official_date=None if status == "probationary" else admitted + timedelta(days=380),
            **people.person((1966, 2000)),
        ))
    sources = SOURCES_BY_SECTOR.get(unit.sector, SOURCES_BY_SECTOR[None])
    for stage, count in unit.candidates.items():
        for _ in range(count):
            candidate = Candidate(
                organization=org, stage="source", source=people.rng.choice(sources),
                education_level="upper_secondary", ethnicity="Kinh", religion="Không",
                youth_union_member=True, **people.person((1990, 2003)))
            db.session.add(candidate)
            walks.append((candidate, stage))


def add_tree(unit: Unit, parent: Organization | None, people: People, walks: list) -> None:
    """Create ``unit`` and everything below it; candidates to walk are appended to ``walks``."""
    org = Organization(code=unit.code, name=unit.name, level=unit.level, sector=unit.sector,
                       staff_count=unit.staff, parent=parent)
    db.session.add(org)
    db.session.flush()
    _add_people(org, unit, people, walks)
    for child in unit.children:
        add_tree(child, org, people, walks)
