"""Demo data of the commune plugin: the Nông Cống district with the Trường Sơn commune: 11 hamlet
branches, 306 members, 12 admitted since 2020; the district admitted 206 in 2021 (25 students,
above the 185 planned) and 82 in the first five months of 2022, 41% of its plan of 200
(seed article 004).

Then the 2025 reform (Hướng dẫn 31-HD/BTCTW): on 1/7/2025 the district committee ends, Trường Sơn
and Trường Giang merge into the commune of Trường Văn, the town and the two other communes into
the commune of Nông Cống, each reporting directly to the province; the hamlet branches, their
people and logins follow. The new communes' names are the demo's. The figures of 2021–2022 read
by the tree as it was; today's tree has no district level."""
from __future__ import annotations

from datetime import date

from devparty_admin.demo.tree import Reorganization, Unit, split

SOURCES = ("high_school", "discharged_soldier", "enterprise_worker", "women_union", "youth_union")

USERS = [
    ("demo.truongvan", "Đảng ủy xã Trường Văn", "committee", "TV"),
    ("demo.nongcong", "Đảng ủy xã Nông Cống", "committee", "NCX"),
    ("demo.truongson.thon1", "Bí thư Chi bộ thôn 1", "branch", "TS-01"),
    ("demo.kiemtra", "Ủy ban Kiểm tra Đảng ủy xã Trường Văn (xem)", "viewer", "TV"),
]


# Trường Sơn's 12 admissions since 2020, hamlet by hamlet.
HAMLET_ADMISSIONS = [{2020: 1, 2021: 1}, {2021: 1}, {2020: 1, 2022: 1}, {2021: 1}, {2022: 1},
                     {2020: 1}, {2021: 1, 2022: 1}, {2021: 1}, {2022: 1}, {}, {}]
# The district's other grassroots committees: name, 2021 admissions (students), 2022 admissions.
COMMUNES = [("xã Trường Giang", 51, 6, 20), ("xã Tượng Sơn", 50, 6, 20),
            ("thị trấn Nông Cống", 50, 6, 19), ("xã Thăng Long", 50, 6, 19)]


def _other_communes() -> list[Unit]:
    return [Unit(f"NC-{i + 1:02d}", f"Đảng bộ {name}", "Đảng bộ cơ sở", "commune",
                 members=admitted + later + 40, admissions={2021: admitted, 2022: later},
                 admitted_students={2021: students})
            for i, (name, admitted, students, later) in enumerate(COMMUNES)]


def unit() -> Unit:
    hamlets = [Unit(f"TS-{i + 1:02d}", f"Chi bộ thôn {i + 1}", "Chi bộ trực thuộc", "commune",
                    members=m, candidates={stage: 1 for stage in stages},
                    admissions=HAMLET_ADMISSIONS[i], admitted_students={2021: 1} if i == 0 else {})
               for i, (m, stages) in enumerate(zip(split(306, 11), [
                   ["source", "sympathizer"], ["source", "trained"], ["dossier"], ["proposed"],
                   ["admitted", "source"], ["probationary"], ["official", "rejected"],
                   ["sympathizer"], ["source"], ["struck_off"], ["sympathizer", "trained"]]))]
    commune = Unit("TS", "Đảng bộ xã Trường Sơn", "Đảng bộ cơ sở", "commune", children=hamlets,
                   plans=[{"year": 2021, "target_admissions": 4}])
    plans = [{"year": 2021, "number": "15-KH/HU", "issued_on": date(2021, 1, 25), "target_admissions": 185},
             {"year": 2022, "number": "27-KH/HU", "issued_on": date(2022, 1, 18), "target_admissions": 200}]
    return Unit("NC", "Đảng bộ huyện Nông Cống", "Đảng bộ cấp trên cơ sở", "commune", sources=SOURCES,
                plans=plans, place="Nông Cống", children=[commune, *_other_communes()])


REFORM_DAY = date(2025, 7, 1)


def _new_commune(code: str, name: str, target: int) -> Unit:
    year = date.today().year
    return Unit(code, name, "Đảng bộ cơ sở", "commune", place="Nông Cống", plans=[
        {"year": year, "number": "05-KH/ĐU", "issued_on": date(year, 1, 20),
         "target_admissions": target}])


REORGANIZATIONS = [Reorganization(
    "1120-QĐ/TU", REFORM_DAY, "Ban Thường vụ Tỉnh ủy",
    establish=[(_new_commune("TV", "Đảng bộ xã Trường Văn", 8), "TU"),
               (_new_commune("NCX", "Đảng bộ xã Nông Cống", 12), "TU")],
    merge=[(["TS", "NC-01"], "TV"), (["NC-02", "NC-03", "NC-04"], "NCX")],
    dissolve=["NC"])]
